#include "path/EffectiveRoutesPanel.h"

#include "canvas/SceneStyle.h"
#include "document/DesignDocument.h"
#include "import/EstateImport.h"
#include "model/Network.h"
#include "routing/EffectiveRoutes.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hopscope::gui {

EffectiveRoutesPanel::EffectiveRoutesPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_caption(new QLabel(this)),
      m_compare(new QPushButton(tr("Compare with Azure…"), this)),
      m_table(new QTableWidget(0, ColumnCount, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_caption->setObjectName(QStringLiteral("effectiveRoutesCaption"));
    m_caption->setWordWrap(true);
    m_compare->setObjectName(QStringLiteral("compareWithAzure"));
    m_compare->setToolTip(tr("Mark where these routes differ from Azure's effective routes of a "
                             "NIC in this subnet (az network nic show-effective-route-table -g RG "
                             "-n NIC -o json > NIC.routes.json)"));
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Azure's effective routes of a NIC"), QString(),
            tr("Effective route tables (*.json);;All files (*)"));
        if (!path.isEmpty())
            compareWithAzure(path);
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_caption, 1);
    top->addWidget(m_compare, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_table->setObjectName(QStringLiteral("effectiveRoutesTable"));
    // The portal's column names and order.
    m_table->setHorizontalHeaderLabels({tr("Source"), tr("State"), tr("Address prefix"),
                                        tr("Next hop type"), tr("Next hop IP"), tr("Route table"),
                                        tr("Route name")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, &EffectiveRoutesPanel::refresh);
    connect(document, &DesignDocument::designChanged, this, [this] {
        if (isVisible())
            m_refresh.start();
    });
    refresh();
}

void EffectiveRoutesPanel::showObject(const model::ObjectId &id)
{
    m_id = id;
    m_refresh.stop();
    if (isVisible())
        refresh(); // else when the dock is shown
}

void EffectiveRoutesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void EffectiveRoutesPanel::refresh()
{
    m_table->setRowCount(0);
    m_subnet.clear();
    const model::Design &design = m_document->design();
    QString subnet, device;
    if (m_id.is(model::ObjectId::Kind::Subnet) && design.subnet(m_id.toString())) {
        subnet = m_id.toString();
    } else if (m_id.is(model::ObjectId::Kind::Object)) {
        if (const model::Vm *vm = design.vm(m_id.name()))
            subnet = vm->subnet, device = vm->name;
        else if (const model::Firewall *fw = design.firewall(m_id.name()))
            subnet = fw->subnet, device = fw->name;
    }
    m_compare->setEnabled(!subnet.isEmpty() && design.subnet(subnet));
    if (m_azure && subnet != m_compareSubnet) {
        m_azure.reset(); // Azure's table belongs to a NIC of the subnet it was loaded for
        m_comparison = {};
    }
    if (subnet.isEmpty() || !design.subnet(subnet)) {
        m_caption->setText(tr("Select a subnet, VM or firewall to see its effective routes, as "
                              "Azure's effective-routes view lists them."));
        return;
    }
    // model::Network refers to the Design it indexes: both live for this computation only.
    const model::Design copy = design;
    const model::Network network(copy);
    const int index = network.subnetIndex(subnet);
    if (index < 0)
        return;
    const routing::EffectiveRoutes routes(network);
    const model::Subnet *s = copy.subnet(subnet);
    m_subnet = subnet;
    const QString table = s->routeTable.isEmpty() ? tr("no route table") : tr("route table %1").arg(s->routeTable);
    m_caption->setText(device.isEmpty()
                           ? tr("Effective routes of <b>%1</b> (%2).").arg(subnet.toHtmlEscaped(), table)
                           : tr("Effective routes of <b>%1</b>, the NIC's subnet <b>%2</b> (%3).")
                                 .arg(device.toHtmlEscaped(), subnet.toHtmlEscaped(), table));
    const SceneStyle style(palette());
    auto cell = [](const QString &text) { return new QTableWidgetItem(text); };
    for (const routing::EffectiveRoute &r : routes.forSubnet(index).routes()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, SourceColumn, cell(routing::toString(r.source)));
        m_table->setItem(row, StateColumn, cell(routing::toString(r.state)));
        m_table->setItem(row, PrefixColumn, cell(r.addressPrefix.toString()));
        m_table->setItem(row, NextHopTypeColumn, cell(routing::toString(r.nextHopType)));
        m_table->setItem(row, NextHopIpColumn,
                         cell(r.nextHopIpAddress ? r.nextHopIpAddress->toString() : QStringLiteral("-")));
        m_table->setItem(row, RouteTableColumn, cell(r.isUser() ? r.routeTable : QStringLiteral("-")));
        m_table->setItem(row, RouteNameColumn, cell(r.isUser() ? r.routeName : QStringLiteral("-")));
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem *item = m_table->item(row, c);
            if (r.state == routing::RouteState::Invalid) {
                item->setForeground(style.mutedText);
                item->setToolTip(r.invalidReason);
            }
        }
    }
    if (m_azure)
        markDifferences(routes.forSubnet(index).routes());
    // Columns widen to their contents but never narrow: a width the user set (or the last run
    // left, MainWindow's saved layout) stays.
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
    for (int c = 0; c < ColumnCount; ++c)
        m_table->setColumnWidth(
            c, std::max({m_table->columnWidth(c), view->sizeHintForColumn(c),
                         m_table->horizontalHeader()->sectionSizeHint(c)}));
}

bool EffectiveRoutesPanel::compareWithAzure(const QString &path, QString *error)
{
    QString why;
    QStringList notes;
    std::optional<std::vector<importing::AzureRoute>> azure;
    QFile file(path);
    if (m_subnet.isEmpty())
        why = tr("no subnet is shown");
    else if (!file.open(QIODevice::ReadOnly))
        why = file.errorString();
    else if (file.size() > importing::maxImportFileBytes)
        why = tr("too large for an effective route table");
    else
        azure = importing::readEffectiveRoutes(file.readAll(), &why, &notes);
    if (!azure) {
        m_azure.reset();
        m_comparison = {};
        refresh();
        m_caption->setText(m_caption->text() + QStringLiteral("<br>") +
                           tr("<b>Not compared:</b> %1: %2")
                               .arg(QFileInfo(path).fileName().toHtmlEscaped(), why.toHtmlEscaped()));
        if (error)
            *error = why;
        return false;
    }
    m_azure = std::move(azure);
    m_compareSubnet = m_subnet;
    m_compareFile = path;
    m_compareNotes = notes;
    refresh();
    return true;
}

void EffectiveRoutesPanel::markDifferences(const std::vector<routing::EffectiveRoute> &routes)
{
    m_comparison = importing::compareEffectiveRoutes(*m_azure, routes);
    const SceneStyle style(palette());
    const auto colour = [&](importing::DifferenceSeverity s) {
        const QColor c = s == importing::DifferenceSeverity::Error     ? style.error
                         : s == importing::DifferenceSeverity::Warning ? style.warning
                                                                       : style.info;
        return SceneStyle::mix(m_table->palette().color(QPalette::Base), c, 0.3);
    };
    const auto same = [](const routing::EffectiveRoute &a, const routing::EffectiveRoute &b) {
        return a.addressPrefix == b.addressPrefix && a.source == b.source &&
               a.nextHopType == b.nextHopType && a.nextHopIpAddress == b.nextHopIpAddress &&
               a.state == b.state;
    };
    for (const importing::RouteDifference &d : m_comparison.differences) {
        int row = -1;
        if (d.hopscope) {
            for (size_t i = 0; i < routes.size() && row < 0; ++i)
                if (same(routes[i], *d.hopscope))
                    row = int(i);
        }
        if (row < 0) {
            // A row only Azure has (or one this view cannot place): shown as Azure gives it.
            row = m_table->rowCount();
            m_table->insertRow(row);
            const auto text = [&](int column) -> QString {
                if (!d.azure)
                    return column == PrefixColumn ? d.addressPrefix.toString() : QStringLiteral("-");
                switch (column) {
                case SourceColumn: return d.azure->source;
                case StateColumn: return d.azure->state;
                case PrefixColumn: return d.azure->addressPrefix.toString();
                case NextHopTypeColumn: return d.azure->nextHopType;
                case NextHopIpColumn:
                    return d.azure->nextHopIpAddress ? d.azure->nextHopIpAddress->toString()
                                                     : QStringLiteral("-");
                case RouteNameColumn:
                    return d.azure->name.isEmpty() ? QStringLiteral("-") : d.azure->name;
                default: return QStringLiteral("-");
                }
            };
            for (int c = 0; c < ColumnCount; ++c) {
                auto *item = new QTableWidgetItem(text(c));
                QFont italic = item->font();
                italic.setItalic(true);
                item->setFont(italic);
                m_table->setItem(row, c, item);
            }
        }
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem *item = m_table->item(row, c);
            item->setBackground(colour(d.severity));
            item->setData(Qt::UserRole, d.kind);
            item->setToolTip(QStringLiteral("%1 [%2] %3")
                                 .arg(importing::toString(d.severity), d.kind, d.message));
        }
    }
    const QString file = QFileInfo(m_compareFile).fileName().toHtmlEscaped();
    QString summary =
        m_comparison.differences.empty()
            ? tr("Compared with %1 (%2 Azure rows): no difference.").arg(file).arg(m_comparison.azureRows)
            : tr("Compared with %1 (%2 Azure rows): %3 error(s), %4 warning(s), %5 info(s), "
                 "marked below.")
                  .arg(file)
                  .arg(m_comparison.azureRows)
                  .arg(m_comparison.errors)
                  .arg(m_comparison.warnings)
                  .arg(m_comparison.infos);
    for (const QString &n : m_compareNotes)
        summary += QStringLiteral(" ") + n.toHtmlEscaped();
    m_caption->setText(m_caption->text() + QStringLiteral("<br>") + summary);
}

} // namespace hopscope::gui
