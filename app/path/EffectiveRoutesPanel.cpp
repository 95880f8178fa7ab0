#include "path/EffectiveRoutesPanel.h"

#include "canvas/SceneStyle.h"
#include "document/DesignDocument.h"
#include "model/Network.h"
#include "routing/EffectiveRoutes.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hopscope::gui {

EffectiveRoutesPanel::EffectiveRoutesPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_caption(new QLabel(this)),
      m_table(new QTableWidget(0, ColumnCount, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_caption->setObjectName(QStringLiteral("effectiveRoutesCaption"));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
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
    // Columns widen to their contents but never narrow: a width the user set (or the last run
    // left, MainWindow's saved layout) stays.
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
    for (int c = 0; c < ColumnCount; ++c)
        m_table->setColumnWidth(
            c, std::max({m_table->columnWidth(c), view->sizeHintForColumn(c),
                         m_table->horizontalHeader()->sectionSizeHint(c)}));
}

} // namespace hopscope::gui
