#include "path/EffectiveSecurityRulesPanel.h"

#include "canvas/SceneStyle.h"
#include "document/DesignDocument.h"
#include "format/ValueGrammar.h"
#include "model/Network.h"
#include "routing/EffectiveSecurityRules.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hopscope::gui {

using routing::EffectiveSecurityGroup;
using routing::EffectiveSecurityRule;

namespace {

QString portsText(const std::vector<model::PortRange> &ports)
{
    return ports.empty() ? QStringLiteral("*") : format::formatList(ports, format::formatPortRange);
}

} // namespace

EffectiveSecurityRulesPanel::EffectiveSecurityRulesPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_caption(new QLabel(this)),
      m_tree(new QTreeWidget(this)), m_tags(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_caption->setObjectName(QStringLiteral("effectiveSecurityRulesCaption"));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_tree->setObjectName(QStringLiteral("effectiveSecurityRulesTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Priority"), tr("Name"), tr("Source"), tr("Source ports"),
                             tr("Destination"), tr("Destination ports"), tr("Protocol"),
                             tr("Access")});
    // One level: NSG and direction rows are spanned headings between the rules, so that the
    // model is a plain list (a QTreeWidget's nested items answer for every column's children).
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);
    m_tags->setObjectName(QStringLiteral("effectiveSecurityRulesTags"));
    m_tags->setWordWrap(true);
    m_tags->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_tags);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, &EffectiveSecurityRulesPanel::refresh);
    connect(document, &DesignDocument::designChanged, this, [this] {
        if (isVisible())
            m_refresh.start();
    });
    refresh();
}

void EffectiveSecurityRulesPanel::showObject(const model::ObjectId &id)
{
    m_id = id;
    m_refresh.stop();
    if (isVisible())
        refresh(); // else when the dock is shown
}

void EffectiveSecurityRulesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void EffectiveSecurityRulesPanel::refresh()
{
    m_tree->clear();
    m_tags->clear();
    m_tags->hide();
    const model::Design &design = m_document->design();
    QString subnet, vm;
    if (m_id.is(model::ObjectId::Kind::Subnet) && design.subnet(m_id.toString())) {
        subnet = m_id.toString();
    } else if (m_id.is(model::ObjectId::Kind::Object)) {
        if (const model::Vm *v = design.vm(m_id.name()))
            subnet = v->subnet, vm = v->name;
    }
    if (subnet.isEmpty() || !design.subnet(subnet)) {
        // nsg.md N3.5: only VM NICs and subnets are filtered.
        m_caption->setText(tr("Select a subnet or a VM to see its effective security rules, as "
                              "Azure's effective-security-rules view lists them. Azure Firewalls, "
                              "gateways and VPN clients are not filtered by NSGs."));
        return;
    }
    // model::Network refers to the Design it indexes: both live for this computation only.
    const model::Design copy = design;
    const std::vector<EffectiveSecurityGroup> groups =
        routing::effectiveSecurityGroups(copy, subnet, vm);
    const QString point = vm.isEmpty() ? tr("<b>%1</b>").arg(subnet.toHtmlEscaped())
                                       : tr("<b>%1</b>'s NIC in <b>%2</b>")
                                             .arg(vm.toHtmlEscaped(), subnet.toHtmlEscaped());
    if (groups.empty()) {
        m_caption->setText(tr("No NSG is associated with %1: Azure filters none of its traffic. "
                              "Drop an NSG from the palette on it to add one.")
                               .arg(point));
        return;
    }
    const model::Network network(copy);
    const int index = network.subnetIndex(subnet);
    if (index < 0)
        return;
    const routing::EffectiveRoutes routes(network);
    QStringList virtualNetwork;
    for (const net::Prefix &p : routing::virtualNetworkTagPrefixes(routes, index))
        virtualNetwork << p.toString();
    const QString loadBalancer = routing::azurePlatformPrefix().toString();
    const QString internet =
        tr("every public address outside the design's VNets, VPN pools and on-premises ranges");

    m_caption->setText(
        groups.size() > 1
            ? tr("Effective security rules of %1. Inbound traffic meets the subnet's NSG first, "
                 "then the NIC's; outbound the NIC's first. In each NSG the first rule that "
                 "matches decides; a packet passes only if every NSG allows it.")
                  .arg(point)
            : tr("Effective security rules of %1. The first rule that matches decides; the "
                 "default rules (grey) apply after the custom ones.")
                  .arg(point));

    const SceneStyle style(palette());
    // A side as the portal lists it, and what its tags hold at this point (N2).
    const auto sideCell = [&](QTreeWidgetItem *item, int column, const model::SecuritySide &side) {
        QStringList texts, expanded;
        if (!side.applicationSecurityGroups.empty()) {
            for (const QString &asg : side.applicationSecurityGroups)
                texts << asg;
        } else if (side.addresses.empty()) {
            texts << QStringLiteral("*");
        }
        for (const model::SecurityAddress &a : side.addresses) {
            texts << format::formatSecurityAddress(a);
            if (a.kind != model::SecurityAddress::Kind::Tag)
                continue;
            if (a.tag.compare(u"VirtualNetwork", Qt::CaseInsensitive) == 0)
                expanded << tr("VirtualNetwork: %1").arg(virtualNetwork.join(QStringLiteral(", ")));
            else if (a.tag.compare(u"AzureLoadBalancer", Qt::CaseInsensitive) == 0)
                expanded << tr("AzureLoadBalancer: %1").arg(loadBalancer);
            else if (a.tag.compare(u"Internet", Qt::CaseInsensitive) == 0)
                expanded << tr("Internet: %1").arg(internet);
            else // N2.4
                expanded << tr("%1: not modelled, matches no address in Hopscope").arg(a.tag);
        }
        item->setText(column, texts.join(QStringLiteral(", ")));
        if (!expanded.isEmpty()) {
            item->setData(column, ExpandedRole, expanded.join(u'\n'));
            item->setToolTip(column, expanded.join(u'\n'));
            QFont font = item->font(column);
            font.setUnderline(true);
            item->setFont(column, font);
        }
    };
    const auto spanned = [&](const QString &text, RowKind kind) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, text);
        item->setData(0, RowKindRole, kind);
        item->setFirstColumnSpanned(true);
        QFont font = item->font(0);
        font.setBold(kind == GroupRow);
        font.setItalic(kind == DirectionRow);
        item->setFont(0, font);
        return item;
    };
    for (const EffectiveSecurityGroup &g : groups) {
        QString title = g.subnetAssociation
                            ? tr("%1, on subnet %2").arg(g.networkSecurityGroup, g.appliedTo)
                            : tr("%1, on the NIC of %2").arg(g.networkSecurityGroup, g.appliedTo);
        if (!g.evaluated) // N3.6
            title += tr(" (not evaluated: Azure does not filter %1 with an NSG)")
                         .arg(g.appliedTo.section(u'/', 1));
        spanned(title, GroupRow);
        for (const auto &[label, rules] :
             {std::pair(tr("Inbound rules"), &g.inbound), std::pair(tr("Outbound rules"), &g.outbound)}) {
            spanned(label, DirectionRow);
            for (const EffectiveSecurityRule &r : *rules) {
                auto *item = new QTreeWidgetItem(m_tree);
                item->setData(0, RowKindRole, r.isDefault ? DefaultRuleRow : RuleRow);
                item->setText(PriorityColumn, QString::number(r.rule.priority));
                item->setText(NameColumn, r.rule.name);
                sideCell(item, SourceColumn, r.rule.source);
                item->setText(SourcePortsColumn, portsText(r.rule.source.ports));
                sideCell(item, DestinationColumn, r.rule.destination);
                item->setText(DestinationPortsColumn, portsText(r.rule.destination.ports));
                item->setText(ProtocolColumn, format::formatEnum(r.rule.protocol));
                item->setText(AccessColumn, format::formatEnum(r.rule.access));
                if (!r.rule.description.isEmpty())
                    item->setToolTip(NameColumn, r.rule.description);
                for (int c = 0; c < ColumnCount; ++c) {
                    if (r.isDefault || !g.evaluated)
                        item->setForeground(c, style.mutedText);
                }
                if (g.evaluated)
                    item->setForeground(AccessColumn, r.rule.access == model::RuleAction::Allow
                                                          ? (r.isDefault ? style.mutedText
                                                                         : palette().color(QPalette::Text))
                                                          : style.error);
            }
        }
    }
    for (int c = 0; c < ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);
    m_tags->setText(tr("Service tags at %1: <b>VirtualNetwork</b> = %2; <b>AzureLoadBalancer</b> "
                       "= %3; <b>Internet</b> = %4.")
                        .arg(subnet.toHtmlEscaped(), virtualNetwork.join(QStringLiteral(", ")),
                             loadBalancer, internet));
    m_tags->show();
}

} // namespace hopscope::gui
