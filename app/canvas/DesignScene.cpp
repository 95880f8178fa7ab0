#include "canvas/DesignScene.h"

#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "format/ValueGrammar.h"
#include "canvas/SceneItems.h"
#include "layout/AutoLayout.h"
#include "layout/FreeSpot.h"

#include <QEvent>
#include <QGraphicsLineItem>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsView>
#include <QPainter>
#include <QSet>
#include <QToolTip>

#include <cmath>

namespace hopscope::gui {

namespace {
constexpr qreal gridStep = 24;

QString listOf(const std::vector<model::Prefix> &prefixes)
{
    return format::formatPrefixes(prefixes);
}

QString escaped(const QString &text) { return text.toHtmlEscaped(); }
} // namespace

DesignScene::DesignScene(DesignDocument *document, QObject *parent)
    : QGraphicsScene(parent), m_document(document), m_style(palette())
{
    // First, so that nothing reads peering states of the design before this change.
    for (auto signal : {&DesignDocument::designReset, &DesignDocument::peeringsChanged,
                        &DesignDocument::designChanged})
        connect(document, signal, this, [this] { m_peeringStates.reset(); });
    connect(document, &DesignDocument::designReset, this, &DesignScene::rebuild);
    connect(document, &DesignDocument::objectAdded, this, &DesignScene::onObjectAdded);
    connect(document, &DesignDocument::objectChanged, this, &DesignScene::onObjectChanged);
    connect(document, &DesignDocument::objectRemoved, this, &DesignScene::onObjectRemoved);
    connect(document, &DesignDocument::positionChanged, this, &DesignScene::onPositionChanged);
    connect(document, &DesignDocument::peeringsChanged, this, &DesignScene::syncEdges);
    rebuild();
}

DesignScene::~DesignScene() = default;

const model::Design &DesignScene::design() const { return m_document->design(); }

void DesignScene::setFurnitureVisible(bool visible)
{
    if (m_furniture == visible)
        return;
    m_furniture = visible;
    if (m_draft)
        m_draft->setVisible(visible && !m_draft->line().isNull());
    update();
}

const layout::VnetBox &DesignScene::vnetBox(const QString &vnet) const
{
    static const layout::VnetBox empty;
    const auto it = m_boxes.constFind(vnet);
    return it == m_boxes.cend() ? empty : *it;
}

QPointF DesignScene::positionOf(const QString &name) const
{
    if (const std::optional<QPointF> saved = m_document->layoutPosition(name))
        return *saved;
    return m_autoPositions.value(name);
}

QRectF DesignScene::sceneRectOf(const QString &id) const
{
    DesignItem *i = item(id);
    if (!i)
        return {};
    if (i->type() == VnetItemType)
        return QRectF(i->scenePos(), vnetBox(id).size);
    if (i->type() == NodeItemType)
        return layout::nodeRect(i->scenePos());
    return i->mapRectToScene(i->boundingRect().adjusted(4, 2, -4, -4));
}

QRectF DesignScene::designBounds() const
{
    QRectF bounds;
    for (DesignItem *i : m_items) {
        if (i->type() == VnetItemType || i->type() == NodeItemType)
            bounds |= i->sceneBoundingRect();
    }
    return bounds.adjusted(-40, -40, 40, 40);
}

DesignScene::PeeringState DesignScene::peeringState(const QString &a, const QString &b) const
{
    // Every peering line asks on every paint: one pass over the peerings per design change,
    // not one per line (2,500 lines × 2,500 peerings in a 1,000-VNet design).
    if (!m_peeringStates) {
        m_peeringStates.emplace();
        for (const model::Peering &p : design().peerings)
            m_peeringStates->insert(p.from + u'\n' + p.to, p.allowForwardedTraffic);
    }
    const auto ab = m_peeringStates->constFind(a + u'\n' + b);
    const auto ba = m_peeringStates->constFind(b + u'\n' + a);
    const bool hasAb = ab != m_peeringStates->cend(), hasBa = ba != m_peeringStates->cend();
    PeeringState state;
    state.oneSided = !hasAb || !hasBa;
    state.forwardedBlocked = (hasAb && !*ab) || (hasBa && !*ba);
    return state;
}

void DesignScene::setFindingMarkers(const QHash<QString, analysis::Severity> &markers)
{
    if (markers == m_markers)
        return;
    // Only where a marker came, went or changed is repainted: after an edit, a few objects of
    // thousands, where repainting the whole canvas cost a large estate's window 6-10 ms.
    QSet<QString> changed;
    for (auto it = m_markers.cbegin(); it != m_markers.cend(); ++it) {
        const auto now = markers.constFind(it.key());
        if (now == markers.cend() || *now != *it)
            changed.insert(it.key());
    }
    for (auto it = markers.cbegin(); it != markers.cend(); ++it) {
        if (!m_markers.contains(it.key()))
            changed.insert(it.key());
    }
    m_markers = markers;
    // A marker seen from afar is a dot of constant size on screen (VnetItem::paint), which
    // may reach past its item's bounds: the area repainted grows by that much in each view.
    qreal reach = 8;
    for (const QGraphicsView *view : views()) {
        const qreal scale = view->transform().m11();
        if (scale > 0)
            reach = std::max(reach, 6 / scale);
    }
    for (const QString &name : std::as_const(changed)) {
        if (const DesignItem *i = item(name))
            update(i->sceneBoundingRect().adjusted(-reach, -reach, reach, reach));
    }
}

std::optional<analysis::Severity> DesignScene::marker(const QString &name) const
{
    const auto it = m_markers.constFind(name);
    return it == m_markers.cend() ? std::nullopt : std::optional(*it);
}

DesignItem *DesignScene::item(const QString &key) const { return m_items.value(key); }

DesignItem *DesignScene::item(const model::ObjectId &id) const
{
    return m_items.value(id.toString());
}

QList<model::ObjectId> DesignScene::selectedIds() const
{
    QStringList keys;
    for (QGraphicsItem *i : selectedItems()) {
        if (auto *d = dynamic_cast<DesignItem *>(i))
            keys << d->id();
    }
    keys.sort(); // a stable order whatever the scene's stacking
    QList<model::ObjectId> ids;
    for (const QString &key : std::as_const(keys))
        ids << model::ObjectId::parse(key);
    return ids;
}

void DesignScene::selectIds(const QList<model::ObjectId> &ids)
{
    QSignalBlocker blocker(this); // one selectionChanged, not one per item
    clearSelection();
    for (const model::ObjectId &id : ids) {
        if (DesignItem *i = item(id))
            i->setSelected(true);
    }
    blocker.unblock();
    Q_EMIT selectionChanged();
}

DesignItem *DesignScene::designItemAt(QPointF scenePos, int type) const
{
    for (QGraphicsItem *i : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (i == m_draft)
            continue;
        auto *d = dynamic_cast<DesignItem *>(i);
        if (!d)
            continue;
        if (type == 0)
            return d;
        if (type == VnetItemType) {
            DesignItem *top = movableItemFor(d);
            if (top && top->type() == VnetItemType)
                return top;
        } else if (d->type() == type) {
            return d;
        }
    }
    return nullptr;
}

DesignItem *DesignScene::movableItemFor(QGraphicsItem *item)
{
    while (item && item->parentItem())
        item = item->parentItem();
    if (!item || (item->type() != VnetItemType && item->type() != NodeItemType))
        return nullptr;
    return static_cast<DesignItem *>(item);
}

void DesignScene::setDraftLine(const std::optional<QLineF> &line)
{
    if (!m_draft) {
        m_draft = addLine(QLineF());
        m_draft->setZValue(z::draft);
    }
    QPen pen(m_style.selection, 2, Qt::DashLine, Qt::RoundCap);
    pen.setCosmetic(true);
    m_draft->setPen(pen);
    m_draft->setLine(line.value_or(QLineF()));
    m_draft->setVisible(line.has_value() && m_furniture);
}

void DesignScene::itemMoved(const QString &id)
{
    auto adjustLinesAt = [this](const QString &end) {
        for (auto it = m_edgesAt.constFind(end); it != m_edgesAt.cend() && it.key() == end; ++it)
            (*it)->adjust();
    };
    adjustLinesAt(id);
    // A VNet carries its devices, and tunnels and site links end at its gateway.
    if (const DesignItem *moved = item(id)) {
        for (QGraphicsItem *child : moved->childItems()) {
            if (auto *d = dynamic_cast<DesignItem *>(child))
                adjustLinesAt(d->id());
        }
    }
}

void DesignScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, m_style.canvas);
    if (!m_furniture)
        return;
    // A dot grid: quiet enough to read over, and it shows the zoom.
    const qreal scale = painter->transform().m11();
    if (scale < 0.35)
        return;
    // Each dot is a 2 px square filled in device pixels: the raster engine fills thousands of
    // those in well under a millisecond, where 2 px round-capped points went through its
    // stroker one by one and cost a drag at 100 % zoom several milliseconds a frame (issue 15).
    const QTransform toDevice = painter->transform();
    const qreal left = std::floor(rect.left() / gridStep) * gridStep;
    const qreal top = std::floor(rect.top() / gridStep) * gridStep;
    QVector<QRectF> dots;
    for (qreal x = left; x < rect.right(); x += gridStep) {
        for (qreal y = top; y < rect.bottom(); y += gridStep) {
            const QPointF at = toDevice.map(QPointF(x, y));
            dots.append(QRectF(std::round(at.x()) - 1, std::round(at.y()) - 1, 2, 2));
        }
    }
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_style.grid);
    painter->drawRects(dots.constData(), int(dots.size()));
    painter->restore();
}

bool DesignScene::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_style = SceneStyle(palette());
        update();
    }
    return QGraphicsScene::event(event);
}

void DesignScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    // As QGraphicsScene::helpEvent picks the item: the topmost one under the pointer's pixel
    // that has something to say; a design item says what tooltipFor() builds for it now.
    QWidget *viewport = event->widget();
    const auto *view = viewport ? qobject_cast<QGraphicsView *>(viewport->parentWidget()) : nullptr;
    QList<QGraphicsItem *> under;
    if (view) {
        const QRectF pixel(QPointF(viewport->mapFromGlobal(event->screenPos())), QSizeF(1, 1));
        const QTransform transform = view->viewportTransform();
        under = items(transform.inverted().map(QPolygonF(pixel)), Qt::IntersectsItemShape,
                      Qt::DescendingOrder, transform);
    } else {
        under = items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder);
    }
    QString text;
    for (QGraphicsItem *i : std::as_const(under)) {
        text = i->toolTip();
        if (text.isEmpty()) {
            if (auto *d = dynamic_cast<DesignItem *>(i))
                text = tooltipFor(d->id());
        }
        if (!text.isEmpty())
            break;
    }
    QToolTip::showText(text.isEmpty() ? QPoint() : event->screenPos(), text, viewport);
    event->setAccepted(!text.isEmpty());
}

// ---- mirroring the document

void DesignScene::refreshAutoPositions()
{
    const model::Design &d = design();
    m_autoPositions = layout::positionsBesideSaved(d, layout::autoLayout(d));
}

void DesignScene::rebuild()
{
    clearSelection();
    // Subnets and devices are in m_items too and die with their VNet: find the top-level items
    // before deleting any, or a child would be read after its VNet freed it.
    QList<DesignItem *> topLevel;
    for (DesignItem *i : std::as_const(m_items)) {
        if (!i->parentItem())
            topLevel << i;
    }
    m_items.clear();
    m_edgesAt.clear();
    qDeleteAll(topLevel);
    m_boxes.clear();
    refreshAutoPositions();
    for (const model::Vnet &vnet : design().vnets)
        syncVnet(vnet.name);
    syncNodes();
    syncEdges();
}

void DesignScene::removeItem(const QString &id)
{
    DesignItem *i = m_items.take(id);
    if (!i)
        return;
    if (i->type() == EdgeItemType) {
        auto *edge = static_cast<EdgeItem *>(i);
        m_edgesAt.remove(edge->from(), edge);
        m_edgesAt.remove(edge->to(), edge);
    }
    // Children of a removed VNet leave the map with it.
    for (QGraphicsItem *child : i->childItems()) {
        if (auto *d = dynamic_cast<DesignItem *>(child))
            m_items.remove(d->id());
    }
    delete i;
}

void DesignScene::syncVnet(const QString &name)
{
    const model::Vnet *vnet = design().vnet(name);
    if (!vnet) {
        removeItem(name);
        m_boxes.remove(name);
        return;
    }
    m_boxes.insert(name, layout::vnetBox(design(), *vnet));
    const layout::VnetBox &box = m_boxes[name];

    auto *vnetItem = static_cast<VnetItem *>(item(name));
    if (!vnetItem) {
        if (!m_autoPositions.contains(name) && !m_document->layoutPosition(name))
            refreshAutoPositions();
        vnetItem = new VnetItem(name);
        addItem(vnetItem);
        vnetItem->setPos(positionOf(name));
        m_items.insert(name, vnetItem);
    }
    vnetItem->refreshGeometry();

    // Children: reuse by id (keeps their selection), create the new, drop the gone.
    QSet<QString> keep;
    auto placeDevices = [&](const layout::SubnetBand &band) {
        for (const layout::DeviceSlot &slot : band.devices) {
            keep.insert(slot.name);
            auto *device = dynamic_cast<DeviceItem *>(item(slot.name));
            if (device && device->parentItem() != vnetItem) {
                removeItem(slot.name); // moved to another VNet
                device = nullptr;
            }
            if (!device) {
                device = new DeviceItem(slot.name, slot.kind, vnetItem);
                m_items.insert(slot.name, device);
            }
            device->setSlot(slot.rect, slot.kind);
        }
    };
    for (const layout::SubnetBand &band : box.bands) {
        const QString id = model::qualifiedSubnetName(name, band.name);
        keep.insert(id);
        auto *subnet = static_cast<SubnetItem *>(item(id));
        if (!subnet) {
            subnet = new SubnetItem(id, vnetItem);
            m_items.insert(id, subnet);
        }
        subnet->setRect(band.rect);
        placeDevices(band);
    }
    if (box.unplaced)
        placeDevices(*box.unplaced);
    for (QGraphicsItem *child : vnetItem->childItems()) {
        auto *d = dynamic_cast<DesignItem *>(child);
        if (d && !keep.contains(d->id())) {
            m_items.remove(d->id());
            delete d;
        }
    }
    // Devices sit above their band.
    for (QGraphicsItem *child : vnetItem->childItems())
        child->setZValue(child->type() == DeviceItemType ? 1 : 0);
}

void DesignScene::syncNodes()
{
    struct Wanted
    {
        QString name;
        NodeItem::Kind kind;
    };
    std::vector<Wanted> wanted;
    for (const model::Client &client : design().clients)
        wanted.push_back({client.name, NodeItem::Client});
    for (const model::Gateway &gw : design().gateways) {
        for (const model::LocalNetwork &site : gw.localNetworks)
            wanted.push_back({site.name, NodeItem::Site});
    }
    wanted.push_back({model::internetName(), NodeItem::Internet});

    QSet<QString> keep;
    for (const Wanted &w : wanted) {
        keep.insert(w.name);
        auto *node = dynamic_cast<NodeItem *>(item(w.name));
        if (node && node->kind() != w.kind) {
            removeItem(w.name);
            node = nullptr;
        }
        if (!node) {
            if (!m_autoPositions.contains(w.name) && !m_document->layoutPosition(w.name))
                refreshAutoPositions();
            node = new NodeItem(w.name, w.kind);
            addItem(node);
            node->setPos(positionOf(w.name));
            m_items.insert(w.name, node);
        }
        node->update();
    }
    const QList<DesignItem *> all = m_items.values();
    for (DesignItem *i : all) {
        if (i->type() == NodeItemType && !keep.contains(i->id()))
            removeItem(i->id());
    }
}

void DesignScene::syncEdges()
{
    struct Wanted
    {
        QString id;
        EdgeItem::Kind kind;
        QString from, to;
    };
    std::vector<Wanted> wanted;
    QSet<QString> seen;
    for (const model::Peering &p : design().peerings) {
        const QString id = model::ObjectId::peering(p.from, p.to).toString();
        if (seen.contains(id) || !item(p.from) || !item(p.to))
            continue;
        seen.insert(id);
        wanted.push_back({id, EdgeItem::Peering, std::min(p.from, p.to), std::max(p.from, p.to)});
    }
    for (const model::Client &client : design().clients)
        wanted.push_back({model::ObjectId::tunnel(client.name).toString(), EdgeItem::Tunnel, client.name,
                          client.gateway});
    for (const model::Gateway &gw : design().gateways) {
        for (const model::LocalNetwork &site : gw.localNetworks)
            wanted.push_back({model::ObjectId::siteLink(site.name).toString(), EdgeItem::SiteLink, site.name,
                              gw.name});
    }

    QSet<QString> keep;
    for (const Wanted &w : wanted) {
        keep.insert(w.id);
        auto *edge = static_cast<EdgeItem *>(item(w.id));
        if (edge && (edge->from() != w.from || edge->to() != w.to)) {
            removeItem(w.id);
            edge = nullptr;
        }
        if (!edge) {
            edge = new EdgeItem(w.id, w.kind, w.from, w.to);
            addItem(edge);
            m_items.insert(w.id, edge);
            m_edgesAt.insert(w.from, edge);
            m_edgesAt.insert(w.to, edge);
        }
        edge->adjust();
        edge->update();
    }
    const QList<DesignItem *> all = m_items.values();
    for (DesignItem *i : all) {
        if (i->type() == EdgeItemType && !keep.contains(i->id()))
            removeItem(i->id());
    }
}

void DesignScene::onObjectAdded(const QString &name)
{
    const model::Design &d = design();
    if (d.routeTable(name) || d.networkSecurityGroup(name)) {
        update(); // a new name (a rename is a removal and an addition) for badges and NSG chips
        return;
    }
    onObjectChanged(name);
}

void DesignScene::onObjectChanged(const QString &name)
{
    const model::Design &d = design();
    if (d.vnet(name)) {
        syncVnet(name);
    } else if (d.routeTable(name) || d.networkSecurityGroup(name)) {
        // Badges and NSG chips show the name only, which a change in place keeps; tooltips
        // are built when asked. On a large estate, repainting the whole canvas for a route
        // edit took 5-10 ms of the window's time.
        return;
    } else {
        // A device, client or site: re-sync the VNet it lives in now and the one it was drawn
        // in before (it may have moved), then the nodes outside.
        const QString now = edit::vnetOf(d, model::ObjectId::object(name));
        DesignItem *old = item(name);
        const DesignItem *oldVnet = old ? movableItemFor(old) : nullptr;
        if (oldVnet && oldVnet->id() != now && oldVnet->type() == VnetItemType)
            syncVnet(oldVnet->id());
        if (!now.isEmpty())
            syncVnet(now);
        syncNodes();
    }
    syncEdges();
}

void DesignScene::onObjectRemoved(const QString &name)
{
    DesignItem *old = item(name);
    if (!old)
        return;
    DesignItem *carrier = movableItemFor(old);
    if (carrier == old) {
        removeItem(name);
        m_boxes.remove(name);
    } else if (carrier) {
        removeItem(name);
        syncVnet(carrier->id());
    }
    syncEdges();
}

void DesignScene::onPositionChanged(const QString &name)
{
    if (DesignItem *i = item(name)) {
        if (!i->parentItem())
            i->setPos(positionOf(name));
    }
}

QString DesignScene::tooltipFor(const QString &id) const
{
    const model::Design &d = design();
    auto row = [](const QString &key, const QString &value) {
        return QStringLiteral("<tr><td style='color:gray;padding-right:8px'>%1</td><td>%2</td></tr>")
            .arg(escaped(key), escaped(value));
    };
    auto table = [](const QString &title, const QString &rows) {
        return QStringLiteral("<b>%1</b><table>%2</table>").arg(escaped(title), rows);
    };
    if (const model::Vnet *v = d.vnet(id)) {
        return table(v->name, row(tr("Role"), model::toString(v->role)) +
                                  row(tr("Address space"), listOf(v->addressSpace)) +
                                  row(tr("Subnets"), QString::number(v->subnets.size())));
    }
    if (const model::Subnet *s = d.subnet(id)) {
        QString rows = row(tr("Prefix"), s->addressPrefix.toString()) +
                       row(tr("Route table"), s->routeTable.isEmpty() ? tr("none") : s->routeTable) +
                       row(tr("NSG"), s->networkSecurityGroup.isEmpty() ? tr("none")
                                                                        : s->networkSecurityGroup);
        if (const model::RouteTable *t = d.routeTable(s->routeTable)) {
            for (const model::Route &r : t->routes) {
                rows += row(r.addressPrefix.toString(),
                            model::toString(r.nextHopType) +
                                (r.nextHopIpAddress ? u' ' + r.nextHopIpAddress->toString()
                                                    : QString()));
            }
        }
        return table(id, rows);
    }
    if (const model::Firewall *fw = d.firewall(id)) {
        return table(fw->name, row(tr("Azure Firewall"), fw->subnet) +
                                   row(tr("Private IP"), fw->privateIp ? fw->privateIp->toString()
                                                                       : tr("default (.4)")) +
                                   row(tr("Rules"), fw->allowAll ? tr("allow all")
                                                                 : tr("%n rule(s)", nullptr,
                                                                      int(fw->rules.size()))));
    }
    if (const model::Gateway *gw = d.gateway(id)) {
        return table(gw->name, row(tr("Gateway"), model::toString(gw->type) + u' ' + gw->sku) +
                                   row(tr("P2S pool"), listOf(gw->vpnClientAddressPool)) +
                                   row(tr("Custom routes"), listOf(gw->customRoutes)));
    }
    if (const model::Vm *vm = d.vm(id)) {
        QString kind = vm->proxy ? tr("Proxy VM (port %1)").arg(vm->proxy->port)
                       : vm->enableIPForwarding ? tr("NVA (IP forwarding)")
                                                : tr("VM");
        return table(vm->name, row(tr("Kind"), kind) + row(tr("Subnet"), vm->subnet) +
                                   row(tr("Private IP"), vm->privateIp ? vm->privateIp->toString()
                                                                       : tr("default (.4)")) +
                                   row(tr("Outbound"), model::toString(vm->outbound)) +
                                   row(tr("NIC NSG"), vm->networkSecurityGroup.isEmpty()
                                                          ? tr("none")
                                                          : vm->networkSecurityGroup));
    }
    if (const model::Client *c = d.client(id)) {
        return table(c->name, row(tr("P2S client of"), c->gateway) +
                                  row(tr("IP"), c->ip ? c->ip->toString() : tr("default")) +
                                  row(tr("Proxy"), c->useProxy ? c->useProxy->vm + u':' +
                                                                     QString::number(c->useProxy->port)
                                                               : tr("none")));
    }
    if (const model::ObjectId peering = model::ObjectId::parse(id);
        peering.is(model::ObjectId::Kind::Peering)) {
        const auto [a, b] = peering.peers();
        const PeeringState state = peeringState(a, b);
        QString rows;
        for (const model::Peering &p : d.peerings) {
            if ((p.from == a && p.to == b) || (p.from == b && p.to == a))
                rows += row(p.from + QStringLiteral(" → ") + p.to,
                            p.allowForwardedTraffic ? tr("forwarded traffic allowed")
                                                    : tr("forwarded traffic blocked"));
        }
        if (state.oneSided)
            rows += row(tr("Problem"), tr("only one direction exists; Azure needs both"));
        return table(tr("Peering"), rows);
    }
    if (id == model::internetName())
        return table(id, row(tr("Stands for"), tr("every public address")));
    for (const model::Gateway &gw : d.gateways) {
        for (const model::LocalNetwork &site : gw.localNetworks) {
            if (site.name == id)
                return table(id, row(tr("On-premises via"), gw.name) +
                                     row(tr("Prefixes"), listOf(site.addressPrefixes)));
        }
    }
    return {};
}

} // namespace hopscope::gui
