#include "path/HopInspector.h"

#include "Language.h"
#include "canvas/SceneStyle.h"
#include "format/ValueGrammar.h"
#include "path/PathOverlay.h"
#include "path/PathSession.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hopscope::gui {

namespace {
constexpr int walkRole = Qt::UserRole + 1;
constexpr int stopRole = Qt::UserRole + 2; // -1 on a walk's header row

enum RouteColumn { MarkColumn, RPrefix, RSource, RState, RType, RIp, RTable, RNote, RColumns };

bool sameRoute(const routing::EffectiveRoute &a, const routing::EffectiveRoute &b)
{
    return a.addressPrefix == b.addressPrefix && a.source == b.source &&
           a.nextHopType == b.nextHopType && a.nextHopIpAddress == b.nextHopIpAddress &&
           a.routeTable == b.routeTable && a.routeName == b.routeName &&
           a.state == routing::RouteState::Active;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

// A hop's NSG verdict in one direction, as one line of the hop table: "in: nsg-b ·
// allow-p2s (100) Allow", "out: allowed by flow state", "in: platform address".
QString nsgSummary(const routing::NsgVerdict &v, model::SecurityDirection direction)
{
    const QString arrow = direction == model::SecurityDirection::Inbound
                              ? HopInspector::tr("in")
                              : HopInspector::tr("out");
    if (v.byState)
        return HopInspector::tr("%1: allowed by flow state").arg(arrow);
    if (v.platformExempt)
        return HopInspector::tr("%1: platform address, exempt").arg(arrow);
    const auto groups = v.evaluatedGroups();
    if (groups.empty())
        return {};
    const routing::EvaluatedSecurityGroup &decided = groups.back();
    return HopInspector::tr("%1: %2 · %3 (%4) %5")
        .arg(arrow, decided.networkSecurityGroup, decided.ruleName)
        .arg(decided.priority)
        .arg(model::toString(decided.action));
}

// The walks in the overlay's order: per leg, the request then the reply.
std::vector<std::pair<const routing::Walk *, bool>> walksOf(const routing::TraceResult &trace)
{
    std::vector<std::pair<const routing::Walk *, bool>> walks;
    for (const routing::Leg &leg : trace.legs) {
        walks.emplace_back(&leg.forward, false);
        if (leg.reply)
            walks.emplace_back(&*leg.reply, true);
    }
    return walks;
}
} // namespace

HopInspector::HopInspector(const PathSession *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    m_hops = new QTableWidget(0, ColumnCount, splitter);
    m_hops->setObjectName(QStringLiteral("hopTable"));
    m_hops->setHorizontalHeaderLabels({tr("#"), tr("Device"), tr("Subnet"), tr("Prefix"),
                                       tr("Source"), tr("Next hop type"), tr("Next hop IP"),
                                       tr("Route table"), tr("Route"), tr("Rule"), tr("NSG"),
                                       tr("Outcome")});
    m_hops->verticalHeader()->hide();
    m_hops->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hops->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hops->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hops->setShowGrid(false);
    m_hops->setWordWrap(false);
    m_hops->horizontalHeader()->setHighlightSections(false);
    m_hops->horizontalHeader()->setStretchLastSection(true);
    m_hops->verticalHeader()->setDefaultSectionSize(m_hops->fontMetrics().height() + 8);

    auto *routesBox = new QWidget(splitter);
    auto *routesLayout = new QVBoxLayout(routesBox);
    routesLayout->setContentsMargins(0, 0, 0, 0);
    routesLayout->setSpacing(2);
    m_routesCaption = new QLabel(tr("Choose a hop to see its subnet's effective routes."), routesBox);
    m_routesCaption->setObjectName(QStringLiteral("effectiveRoutesCaption"));
    m_routesCaption->setWordWrap(true);
    m_routesCaption->setContentsMargins(6, 2, 6, 2);
    m_routes = new QTableWidget(0, RColumns, routesBox);
    m_routes->setObjectName(QStringLiteral("effectiveRoutes"));
    m_routes->setHorizontalHeaderLabels({QString(), tr("Prefix"), tr("Source"), tr("State"),
                                         tr("Next hop type"), tr("Next hop IP"), tr("Route"),
                                         tr("Note")});
    m_routes->verticalHeader()->hide();
    m_routes->setSelectionMode(QAbstractItemView::NoSelection);
    m_routes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_routes->setShowGrid(false);
    m_routes->setWordWrap(false);
    m_routes->horizontalHeader()->setStretchLastSection(true);
    m_routes->verticalHeader()->setDefaultSectionSize(m_routes->fontMetrics().height() + 6);
    m_nsgCaption = new QLabel(routesBox);
    m_nsgCaption->setObjectName(QStringLiteral("nsgCaption"));
    m_nsgCaption->setWordWrap(true);
    m_nsgCaption->setContentsMargins(6, 6, 6, 2);
    m_nsgs = new QTableWidget(0, NsgColumns, routesBox);
    m_nsgs->setObjectName(QStringLiteral("nsgEvaluations"));
    m_nsgs->setHorizontalHeaderLabels({tr("Direction"), tr("NSG"), tr("Applied to"), tr("Rule"),
                                       tr("Priority"), tr("Verdict")});
    m_nsgs->verticalHeader()->hide();
    m_nsgs->setSelectionMode(QAbstractItemView::NoSelection);
    m_nsgs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nsgs->setShowGrid(false);
    m_nsgs->setWordWrap(false);
    m_nsgs->horizontalHeader()->setStretchLastSection(true);
    m_nsgs->verticalHeader()->setDefaultSectionSize(m_nsgs->fontMetrics().height() + 6);
    routesLayout->addWidget(m_routesCaption);
    routesLayout->addWidget(m_routes, 3);
    routesLayout->addWidget(m_nsgCaption);
    routesLayout->addWidget(m_nsgs, 1);
    m_nsgCaption->hide();
    m_nsgs->hide();
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_hops, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_hops->selectedItems();
        int walk = -1, stop = -1;
        if (!selected.isEmpty()) {
            const QTableWidgetItem *first = m_hops->item(selected.front()->row(), 0);
            walk = first->data(walkRole).toInt();
            stop = first->data(stopRole).toInt();
        }
        showRoutesOf(walk, stop);
        showSecurityGroupsOf(walk, stop);
        Q_EMIT hopSelected(walk, stop);
    });
}

void HopInspector::refresh()
{
    // Keep the chosen hop across a re-trace when it still exists.
    int keepWalk = -1, keepStop = -1;
    if (const QList<QTableWidgetItem *> s = m_hops->selectedItems(); !s.isEmpty()) {
        keepWalk = m_hops->item(s.front()->row(), 0)->data(walkRole).toInt();
        keepStop = m_hops->item(s.front()->row(), 0)->data(stopRole).toInt();
    }
    {
        const QSignalBlocker blocker(m_hops);
        m_hops->clearSpans();
        m_hops->setRowCount(0);
    }
    const routing::TraceResult *trace = m_session->result();
    const model::Network *network = m_session->network();
    if (!trace || !network) {
        showRoutesOf(-1, -1);
        showSecurityGroupsOf(-1, -1);
        Q_EMIT hopSelected(-1, -1);
        return;
    }
    const SceneStyle style(palette());
    const auto &devices = network->devices();
    const auto walks = walksOf(*trace);
    QSignalBlocker blocker(m_hops);
    for (int w = 0; w < int(walks.size()); ++w) {
        const routing::Walk &walk = *walks[w].first;
        const bool reply = walks[w].second;
        const int header = m_hops->rowCount();
        m_hops->insertRow(header);
        QStringList names;
        for (const routing::Hop &h : walk.hops)
            names << devices[h.device].name;
        auto *title = cell(QStringLiteral("%1  ·  %2  ·  %3")
                               .arg(reply ? tr("Reply") : tr("Request"),
                                    names.join(QStringLiteral(" › ")),
                                    PathOverlay::verdictText(walk.verdict, walk.reason)));
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->setForeground(walk.succeeded() ? style.text : style.error);
        title->setData(walkRole, w);
        title->setData(stopRole, -1);
        title->setToolTip(translated(walk.explanationText));
        m_hops->setItem(header, 0, title);
        m_hops->setSpan(header, 0, 1, ColumnCount);

        for (int i = 0; i < int(walk.hops.size()); ++i) {
            const routing::Hop &hop = walk.hops[i];
            const model::Device &d = devices[hop.device];
            const int row = m_hops->rowCount();
            m_hops->insertRow(row);
            auto *number = cell(QString::number(i + 1));
            number->setData(walkRole, w);
            number->setData(stopRole, i);
            number->setTextAlignment(Qt::AlignCenter);
            m_hops->setItem(row, NumberColumn, number);
            auto *device = cell(d.name);
            device->setToolTip(QStringLiteral("%1 · %2 → %3").arg(model::toString(d.kind),
                                                                   hop.source.toString(),
                                                                   hop.destination.toString()));
            m_hops->setItem(row, DeviceColumn, device);
            m_hops->setItem(row, SubnetColumn,
                            cell(d.subnet >= 0 ? network->subnets()[d.subnet].qualifiedName
                                               : QString()));
            if (hop.route) {
                const routing::EffectiveRoute &r = *hop.route;
                m_hops->setItem(row, PrefixColumn, cell(r.addressPrefix.toString()));
                m_hops->setItem(row, SourceColumn, cell(routing::toString(r.source)));
                m_hops->setItem(row, NextHopTypeColumn, cell(routing::toString(r.nextHopType)));
                m_hops->setItem(row, NextHopIpColumn,
                                cell(r.nextHopIpAddress ? r.nextHopIpAddress->toString() : QString()));
                m_hops->setItem(row, RouteTableColumn, cell(r.routeTable));
                m_hops->setItem(row, RouteNameColumn, cell(r.routeName));
                m_hops->item(row, PrefixColumn)
                    ->setToolTip(
                        m_session->routes()
                            ? translated(routing::PacketWalker(*m_session->routes()).describe(r))
                            : QString());
            }
            if (hop.rule) {
                m_hops->setItem(row, RuleColumn,
                                cell(QStringLiteral("%1 (%2)").arg(
                                    hop.rule->name, model::toString(hop.rule->action))));
            }
            if (hop.nsg) {
                QStringList lines;
                if (hop.nsg->inbound)
                    lines << nsgSummary(*hop.nsg->inbound, model::SecurityDirection::Inbound);
                if (hop.nsg->outbound)
                    lines << nsgSummary(*hop.nsg->outbound, model::SecurityDirection::Outbound);
                lines.removeAll(QString());
                auto *nsg = cell(lines.join(QStringLiteral("; ")));
                const bool denied =
                    (hop.nsg->inbound && hop.nsg->inbound->denyingGroup()) ||
                    (hop.nsg->outbound && hop.nsg->outbound->denyingGroup());
                if (denied)
                    nsg->setForeground(style.error);
                m_hops->setItem(row, NsgColumn, nsg);
            }
            const bool last = i + 1 == int(walk.hops.size());
            QString outcome;
            if (!last)
                outcome = i == 0 ? tr("sends") : tr("forwards");
            else
                outcome = PathOverlay::verdictText(walk.verdict, walk.reason);
            auto *outcomeItem = cell(outcome);
            if (last && !walk.succeeded()) {
                outcomeItem->setForeground(style.error);
                outcomeItem->setToolTip(translated(walk.explanationText));
                QFont f = outcomeItem->font();
                f.setBold(true);
                outcomeItem->setFont(f);
            }
            m_hops->setItem(row, OutcomeColumn, outcomeItem);
            for (int c = 0; c < ColumnCount; ++c) {
                if (!m_hops->item(row, c))
                    m_hops->setItem(row, c, cell(QString()));
            }
        }
    }
    m_hops->resizeColumnsToContents();
    // A header row's text spans the table; do not let it widen the first column.
    m_hops->setColumnWidth(NumberColumn, m_hops->fontMetrics().horizontalAdvance(u'0') * 3 + 16);
    const int row = rowOf(keepWalk, keepStop);
    if (row >= 0)
        m_hops->selectRow(row);
    blocker.unblock();
    if (row < 0)
        keepWalk = keepStop = -1;
    showRoutesOf(keepWalk, keepStop);
    showSecurityGroupsOf(keepWalk, keepStop);
    Q_EMIT hopSelected(keepWalk, keepStop);
}

int HopInspector::walkCount() const
{
    int count = 0;
    for (int r = 0; r < m_hops->rowCount(); ++r) {
        if (m_hops->item(r, 0)->data(stopRole).toInt() < 0)
            ++count;
    }
    return count;
}

QStringList HopInspector::devices(int walk) const
{
    QStringList names;
    for (int r = 0; r < m_hops->rowCount(); ++r) {
        const QTableWidgetItem *first = m_hops->item(r, 0);
        if (first->data(walkRole).toInt() == walk && first->data(stopRole).toInt() >= 0)
            names << m_hops->item(r, DeviceColumn)->text();
    }
    return names;
}

QString HopInspector::walkOutcome(int walk) const
{
    QString outcome;
    for (int r = 0; r < m_hops->rowCount(); ++r) {
        const QTableWidgetItem *first = m_hops->item(r, 0);
        if (first->data(walkRole).toInt() == walk && first->data(stopRole).toInt() >= 0)
            outcome = m_hops->item(r, OutcomeColumn)->text();
    }
    return outcome;
}

int HopInspector::rowOf(int walk, int stop) const
{
    if (walk < 0 || stop < 0)
        return -1;
    for (int r = 0; r < m_hops->rowCount(); ++r) {
        const QTableWidgetItem *first = m_hops->item(r, 0);
        if (first->data(walkRole).toInt() == walk && first->data(stopRole).toInt() == stop)
            return r;
    }
    return -1;
}

void HopInspector::selectHop(int walk, int stop)
{
    const int row = rowOf(walk, stop);
    if (row < 0)
        m_hops->clearSelection();
    else
        m_hops->selectRow(row);
}

int HopInspector::matchedRouteRow() const { return m_matchedRoute; }

void HopInspector::showRoutesOf(int walk, int stop)
{
    m_routes->setRowCount(0);
    m_matchedRoute = -1;
    const routing::TraceResult *trace = m_session->result();
    const model::Network *network = m_session->network();
    const routing::EffectiveRoutes *routes = m_session->routes();
    if (!trace || !network || !routes || walk < 0 || stop < 0) {
        m_routesCaption->setText(tr("Choose a hop to see its subnet's effective routes."));
        return;
    }
    const auto walks = walksOf(*trace);
    if (walk >= int(walks.size()) || stop >= int(walks[walk].first->hops.size()))
        return;
    const routing::Hop &hop = walks[walk].first->hops[stop];
    const model::Device &d = network->devices()[hop.device];
    if (d.subnet < 0) {
        if (d.kind == model::DeviceKind::Client && d.gateway >= 0) {
            const std::vector<net::Prefix> pushed = network->clientRouteList(d.gateway);
            m_routesCaption->setText(
                tr("%1 is a P2S client: it sends into the tunnel only what %2 pushes to it: %3.")
                    .arg(d.name, network->devices()[d.gateway].name,
                         pushed.empty() ? tr("nothing") : format::formatPrefixes(pushed)));
        } else {
            m_routesCaption->setText(tr("%1 is outside Azure: it has no effective routes.").arg(d.name));
        }
        return;
    }
    const QString subnet = network->subnets()[d.subnet].qualifiedName;
    m_routesCaption->setText(hop.route ? tr("Effective routes of %1; %2 used the marked one.")
                                             .arg(subnet, d.name)
                                       : tr("Effective routes of %1; the packet was delivered "
                                            "here.").arg(subnet));
    const SceneStyle style(palette());
    const auto &list = routes->forSubnet(d.subnet).routes();
    for (const routing::EffectiveRoute &r : list) {
        const int row = m_routes->rowCount();
        m_routes->insertRow(row);
        const bool matched = hop.route && sameRoute(r, *hop.route);
        m_routes->setItem(row, MarkColumn, cell(matched ? QStringLiteral("▶") : QString()));
        m_routes->setItem(row, RPrefix, cell(r.addressPrefix.toString()));
        m_routes->setItem(row, RSource, cell(routing::toString(r.source)));
        m_routes->setItem(row, RState, cell(routing::toString(r.state)));
        m_routes->setItem(row, RType, cell(routing::toString(r.nextHopType)));
        m_routes->setItem(row, RIp, cell(r.nextHopIpAddress ? r.nextHopIpAddress->toString() : QString()));
        m_routes->setItem(row, RTable, cell(r.isUser() ? r.routeTable + u'/' + r.routeName : QString()));
        m_routes->setItem(row, RNote, cell(r.invalidReason));
        for (int c = 0; c < RColumns; ++c) {
            QTableWidgetItem *item = m_routes->item(row, c);
            if (r.state == routing::RouteState::Invalid)
                item->setForeground(style.mutedText);
            if (matched) {
                m_matchedRoute = row;
                item->setBackground(SceneStyle::mix(style.nodeFill, style.selection, 0.22));
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
        }
    }
    m_routes->resizeColumnsToContents();
    if (m_matchedRoute >= 0)
        m_routes->scrollToItem(m_routes->item(m_matchedRoute, RPrefix));
}

void HopInspector::showSecurityGroupsOf(int walk, int stop)
{
    m_nsgs->setRowCount(0);
    const routing::TraceResult *trace = m_session->result();
    const model::Network *network = m_session->network();
    const auto walks = trace ? walksOf(*trace) : decltype(walksOf(*trace)){};
    const routing::Hop *hop = nullptr;
    if (network && walk >= 0 && stop >= 0 && walk < int(walks.size()) &&
        stop < int(walks[walk].first->hops.size()))
        hop = &walks[walk].first->hops[stop];
    // Only evaluation points (VM NICs and subnet stand-ins, N3.5) have NSGs to show.
    if (!hop || !hop->nsg) {
        m_nsgCaption->hide();
        m_nsgs->hide();
        return;
    }
    const QString device = network->devices()[hop->device].name;
    const SceneStyle style(palette());
    auto addRow = [&](model::SecurityDirection direction, const routing::NsgVerdict &v) {
        auto add = [&](const QStringList &texts, bool deny, bool muted) {
            const int row = m_nsgs->rowCount();
            m_nsgs->insertRow(row);
            for (int c = 0; c < NsgColumns; ++c) {
                QTableWidgetItem *item = cell(texts.value(c));
                if (deny && c == NsgVerdictColumn) {
                    item->setForeground(style.error);
                    QFont f = item->font();
                    f.setBold(true);
                    item->setFont(f);
                } else if (muted) {
                    item->setForeground(style.mutedText);
                }
                m_nsgs->setItem(row, c, item);
            }
        };
        const QString dir = model::toString(direction);
        if (v.byState) {
            add({dir, QString(), device, QString(), QString(), tr("Allowed by flow state")}, false,
                false);
            return;
        }
        if (v.platformExempt) {
            add({dir, QString(), device, QString(), QString(), tr("Allowed: platform address")},
                false, false);
            return;
        }
        if (v.evaluatedGroups().empty()) {
            add({dir, tr("none"), device, QString(), QString(), tr("Allowed: no NSG applies")},
                false, true);
            return;
        }
        for (const routing::EvaluatedSecurityGroup &g : v.evaluatedGroups()) {
            const bool deny = g.action == model::RuleAction::Deny;
            add({dir, g.networkSecurityGroup, g.appliedTo,
                 g.isDefault ? tr("%1 (default)").arg(g.ruleName) : g.ruleName,
                 QString::number(g.priority), deny ? tr("Denied") : tr("Allowed")},
                deny, false);
        }
    };
    if (hop->nsg->inbound)
        addRow(model::SecurityDirection::Inbound, *hop->nsg->inbound);
    if (hop->nsg->outbound)
        addRow(model::SecurityDirection::Outbound, *hop->nsg->outbound);
    m_nsgCaption->setText(tr("Network security groups evaluated at %1:").arg(device));
    m_nsgs->resizeColumnsToContents();
    m_nsgCaption->show();
    m_nsgs->show();
}

} // namespace hopscope::gui
