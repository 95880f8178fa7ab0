#include "canvas/SceneItems.h"

#include "canvas/DesignScene.h"
#include "format/ValueGrammar.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace hopscope::gui {

namespace {

QPen cosmeticPen(const QColor &colour, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

// For the long lines between VNets and nodes. Flat caps: Qt 6.4's raster engine strokes an
// antialiased line wider than a pixel with round caps about twenty times slower than with flat
// ones (measured: 40 lines of 850 px, 2.4 px wide, 150 ms against 7 ms), and the ends are hidden
// under the boxes and end dots anyway.
QPen linePen(const QColor &colour, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen = cosmeticPen(colour, width, style);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

void drawElided(QPainter *painter, const QRectF &rect, const QString &text, Qt::Alignment align)
{
    const FittedText fitted = fitText(painter->font(), text, rect.width());
    painter->save();
    painter->setFont(fitted.font);
    painter->drawText(rect, int(align) | Qt::TextSingleLine, fitted.text);
    painter->restore();
}

IconKind iconFor(layout::DeviceKind kind)
{
    switch (kind) {
    case layout::DeviceKind::Firewall: return IconKind::Firewall;
    case layout::DeviceKind::VpnGateway: return IconKind::VpnGateway;
    case layout::DeviceKind::Nva: return IconKind::Nva;
    case layout::DeviceKind::Proxy: return IconKind::Proxy;
    case layout::DeviceKind::Vm: break;
    }
    return IconKind::Vm;
}

// Where the segment from the centre of `rect` towards `outside` leaves `rect`.
QPointF exitPoint(const QRectF &rect, QPointF outside)
{
    const QPointF c = rect.center();
    const QPointF d = outside - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (rect.width() / 2) / std::abs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (rect.height() / 2) / std::abs(d.y());
    const qreal s = std::min({sx, sy, 1.0});
    return c + d * s;
}

} // namespace

FittedText fitText(const QFont &font, const QString &text, qreal width)
{
    QFont shrunk = font;
    for (const qreal scale : {1.0, 0.92, 0.85}) {
        if (font.pixelSize() > 0)
            shrunk.setPixelSize(std::max(1, qRound(font.pixelSize() * scale)));
        else
            shrunk.setPointSizeF(font.pointSizeF() * scale);
        if (QFontMetricsF(shrunk).horizontalAdvance(text) <= width)
            return {text, shrunk};
    }
    return {QFontMetricsF(shrunk).elidedText(text, Qt::ElideRight, width), shrunk};
}

namespace {

bool coarse(const QPainter *painter, const QStyleOptionGraphicsItem *option)
{
    return option && option->levelOfDetailFromTransform(painter->worldTransform()) < detailLevel;
}

// The part of `line` inside `rect` (Liang-Barsky), or a null line. Long lines (hub to hub across
// a large design) are clipped before stroking: the raster engine otherwise strokes and scans
// them whole on every repaint, wherever the viewport is.
QLineF clipped(const QLineF &line, const QRectF &rect)
{
    qreal t0 = 0, t1 = 1;
    const qreal dx = line.dx(), dy = line.dy();
    const qreal p[4] = {-dx, dx, -dy, dy};
    const qreal q[4] = {line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                        rect.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (qFuzzyIsNull(p[i])) {
            if (q[i] < 0)
                return {};
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return {};
    }
    return QLineF(line.pointAt(t0), line.pointAt(t1));
}

// What of `line` the paint must stroke: the part in the exposed area, with a margin for round
// caps. A dashed line starts a whole number of dash periods from its end point, so that its
// dashes keep their phase while the view pans.
QLineF visiblePart(const QLineF &line, const QPen &pen, const QPainter *painter,
                   const QStyleOptionGraphicsItem *option)
{
    if (!option || option->exposedRect.isEmpty())
        return line;
    // QGraphicsView::render() (export, thumbnails) hands every item its whole bounding rect as
    // the exposed rect and clips the painter instead, so the painter's clip bounds it too.
    QRectF visible = option->exposedRect;
    if (painter->hasClipping())
        visible &= painter->clipBoundingRect();
    const qreal lod = std::max(option->levelOfDetailFromTransform(painter->worldTransform()), 1e-6);
    const qreal margin = 20 / lod;
    const QLineF part = clipped(line, visible.adjusted(-margin, -margin, margin, margin));
    if (part.isNull() || pen.style() == Qt::SolidLine)
        return part;
    qreal pattern = 0; // in pen widths; a cosmetic pen's dashes are in device pixels
    for (const qreal dash : pen.dashPattern())
        pattern += dash;
    const qreal period = pattern * std::max(pen.widthF(), 1.0) / lod;
    const qreal length = line.length();
    if (period <= 0 || length <= 0)
        return part;
    const qreal from = std::floor(QLineF(line.p1(), part.p1()).length() / period) * period;
    return QLineF(line.pointAt(from / length), part.p2());
}

} // namespace

QRectF cardIconRect(const QRectF &card, int itemType)
{
    const qreal side = itemType == NodeItemType ? 38 : 32;
    return {card.center().x() - side / 2, card.top() + (itemType == NodeItemType ? 8 : 6), side,
            side};
}

DesignItem::DesignItem(const QString &id, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_id(id)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
}

void DesignItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update(); // paintSelection reads it
    QGraphicsItem::hoverEnterEvent(event);
}

void DesignItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

DesignScene *DesignItem::designScene() const { return static_cast<DesignScene *>(scene()); }

void DesignItem::paintSelection(QPainter *painter, const QRectF &rect, qreal radius) const
{
    if (!designScene()->furnitureVisible())
        return;
    if (!isSelected()) {
        // A quiet outline tells what a click would select. The flag, not isUnderMouse(): that
        // maps the cursor through every view and tests the item's shape, on every paint.
        if (m_hovered) {
            QColor hover = designScene()->style().selection;
            hover.setAlphaF(0.55f);
            painter->setBrush(Qt::NoBrush);
            painter->setPen(cosmeticPen(hover, 1.2));
            painter->drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1, radius + 1);
        }
        return;
    }
    const SceneStyle &style = designScene()->style();
    QColor halo = style.selection;
    halo.setAlphaF(0.25f);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(cosmeticPen(halo, 5));
    painter->drawRoundedRect(rect.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
    painter->setPen(cosmeticPen(style.selection, 1.6));
    painter->drawRoundedRect(rect.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
}

void DesignItem::paintMarker(QPainter *painter, QPointF centre) const
{
    const std::optional<analysis::Severity> severity = designScene()->marker(m_id);
    if (!severity || *severity == analysis::Severity::Info)
        return;
    const SceneStyle &style = designScene()->style();
    const QColor colour = *severity == analysis::Severity::Error ? style.error : style.warning;
    painter->setPen(cosmeticPen(style.nodeFill, 1.5));
    painter->setBrush(colour);
    painter->drawEllipse(centre, 8, 8);
    QFont font = style.smallFont;
    font.setBold(true);
    font.setPixelSize(11);
    painter->setFont(font);
    painter->setPen(style.nodeFill);
    painter->drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16), Qt::AlignCenter,
                      QStringLiteral("!"));
}

// ---- VnetItem

VnetItem::VnetItem(const QString &name) : DesignItem(name)
{
    setFlag(ItemSendsGeometryChanges);
    setZValue(z::vnet);
}

void VnetItem::refreshGeometry()
{
    prepareGeometryChange();
    m_size = designScene()->vnetBox(id()).size;
    const model::Vnet *vnet = designScene()->design().vnet(id());
    m_role = vnet ? vnet->role : model::VnetRole::Other;
    update();
}

QRectF VnetItem::boundingRect() const { return QRectF(QPointF(), m_size).adjusted(-8, -8, 8, 10); }

QVariant VnetItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && scene())
        designScene()->itemMoved(id());
    return QGraphicsItem::itemChange(change, value);
}

void VnetItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const DesignScene *s = designScene();
    const SceneStyle &style = s->style();
    const QRectF body(QPointF(), m_size);
    // The role is kept on the item: looking the VNet up by name in every paint made a frame
    // of a 1,000-VNet design quadratic.
    const bool hub = m_role == model::VnetRole::Hub;
    const bool spoke = m_role == model::VnetRole::Spoke;
    const QColor fill = hub ? style.hubFill : spoke ? style.spokeFill : style.otherFill;
    const QColor border = hub ? style.hubBorder : spoke ? style.spokeBorder : style.otherBorder;
    const QColor accent = hub ? style.hubAccent : spoke ? style.spokeAccent : style.otherBorder;
    constexpr qreal radius = 12;

    if (coarse(painter, option)) {
        painter->setPen(cosmeticPen(hub ? accent : border, hub ? 1.8 : 1));
        painter->setBrush(fill);
        painter->drawRect(body);
        if (const std::optional<analysis::Severity> severity = s->marker(id());
            severity && *severity != analysis::Severity::Info) {
            // Findings stay visible from afar: a dot of constant size on screen.
            const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
            painter->setPen(Qt::NoPen);
            painter->setBrush(*severity == analysis::Severity::Error ? style.error : style.warning);
            painter->drawEllipse(QPointF(body.right(), body.top()), 3 / lod, 3 / lod);
        }
        paintSelection(painter, body, radius);
        return;
    }

    const model::Vnet *vnet = s->design().vnet(id());
    if (!vnet)
        return;
    const layout::VnetBox &box = s->vnetBox(id());
    painter->setRenderHint(QPainter::Antialiasing);
    // Soft shadow: two offset layers are enough at this size and cost nothing to export.
    painter->setPen(Qt::NoPen);
    QColor shade = style.shadow;
    painter->setBrush(shade);
    painter->drawRoundedRect(body.translated(0, 3), radius, radius);
    shade.setAlphaF(shade.alphaF() * 0.5f);
    painter->setBrush(shade);
    painter->drawRoundedRect(body.adjusted(-1, 0, 1, 5), radius + 1, radius + 1);

    painter->setBrush(fill);
    painter->setPen(cosmeticPen(border, hub ? 1.8 : 1.3));
    painter->drawRoundedRect(body, radius, radius);

    // Accent strip along the top edge, cut to the rounded body as a path, not with a clip:
    // Qt 6.4's SVG generator ignores clipping, and the export must look like the canvas.
    QPainterPath rounded, strip;
    rounded.addRoundedRect(body, radius, radius);
    strip.addRect(QRectF(body.left(), body.top(), body.width(), hub ? 5 : 4));
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawPath(rounded.intersected(strip));

    const QRectF header = box.header;
    const QRectF iconRect(header.left() + 12, header.top() + 13, 26, 26);
    iconPainter().paint(painter, hub ? IconKind::Hub : IconKind::Spoke, iconRect, style);

    // Role chip on the right.
    const QString role = hub ? QStringLiteral("HUB") : spoke ? QStringLiteral("SPOKE")
                                                            : QStringLiteral("VNET");
    QFont chipFont = style.smallFont;
    chipFont.setBold(true);
    chipFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    painter->setFont(chipFont);
    const QFontMetricsF chipMetrics(chipFont);
    const qreal chipWidth = chipMetrics.horizontalAdvance(role) + 14;
    const QRectF chip(header.right() - 12 - chipWidth, header.top() + 14, chipWidth, 18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(SceneStyle::mix(fill, accent, 0.22));
    painter->drawRoundedRect(chip, 9, 9);
    painter->setPen(accent);
    painter->drawText(chip, Qt::AlignCenter, role);

    const qreal textLeft = iconRect.right() + 10;
    const qreal textWidth = chip.left() - 8 - textLeft;
    painter->setFont(style.titleFont);
    painter->setPen(style.text);
    drawElided(painter, QRectF(textLeft, header.top() + 9, textWidth, 20), vnet->name,
               Qt::AlignLeft | Qt::AlignVCenter);
    painter->setFont(style.monoFont);
    painter->setPen(style.mutedText);
    QString detail = format::formatPrefixes(vnet->addressSpace);
    if (!vnet->region.isEmpty())
        detail += QStringLiteral("  ·  ") + vnet->region;
    drawElided(painter, QRectF(textLeft, header.top() + 28, header.right() - 12 - textLeft, 16),
               detail, Qt::AlignLeft | Qt::AlignVCenter);

    if (vnet->subnets.empty() && !box.unplaced) {
        painter->setFont(style.smallFont);
        painter->setPen(style.mutedText);
        painter->drawText(QRectF(body.left(), header.bottom(), body.width(),
                                 body.bottom() - header.bottom()),
                          Qt::AlignCenter,
                          QCoreApplication::translate("hopscope::gui::VnetItem", "No subnets yet"));
    }
    if (box.unplaced) {
        const QRectF band = box.unplaced->rect;
        painter->setPen(cosmeticPen(style.error, 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(band, 6, 6);
        painter->setFont(style.smallFont);
        painter->setPen(style.error);
        painter->drawText(band.adjusted(10, 0, -10, 0).translated(0, 6).adjusted(0, 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignTop,
                          QCoreApplication::translate("hopscope::gui::VnetItem", "Subnet missing"));
    }

    paintMarker(painter, QPointF(body.right() - 2, body.top() + 2));
    paintSelection(painter, body, radius);
}

// A shield, the mark of a network security group, filled in `colour` inside `rect`.
static void paintShield(QPainter *painter, const QRectF &rect, const QColor &colour)
{
    const qreal w = rect.width(), h = rect.height();
    QPainterPath shield(QPointF(rect.left() + w / 2, rect.top()));
    shield.lineTo(rect.left() + w * 0.92, rect.top() + h * 0.16);
    shield.cubicTo(rect.left() + w * 0.92, rect.top() + h * 0.62, rect.left() + w * 0.72,
                   rect.top() + h * 0.86, rect.left() + w / 2, rect.bottom());
    shield.cubicTo(rect.left() + w * 0.28, rect.top() + h * 0.86, rect.left() + w * 0.08,
                   rect.top() + h * 0.62, rect.left() + w * 0.08, rect.top() + h * 0.16);
    shield.closeSubpath();
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPath(shield);
    painter->restore();
}

// ---- SubnetItem

SubnetItem::SubnetItem(const QString &qualifiedName, QGraphicsItem *parent)
    : DesignItem(qualifiedName, parent)
{
}

void SubnetItem::setRect(const QRectF &rect)
{
    const QRectF local(QPointF(), rect.size());
    if (local != m_rect) {
        prepareGeometryChange();
        m_rect = local;
    }
    setPos(rect.topLeft());
    update();
}

QRectF SubnetItem::badgeRect() const
{
    const model::Subnet *subnet = designScene()->design().subnet(id());
    if (!subnet || subnet->routeTable.isEmpty())
        return {};
    const QFontMetricsF metrics(designScene()->style().smallFont);
    const qreal width =
        std::min(metrics.horizontalAdvance(subnet->routeTable) + 30, m_rect.width() * 0.45);
    return QRectF(m_rect.right() - 8 - width, 6, width, 19);
}

QRectF SubnetItem::nsgChipRect() const
{
    const model::Subnet *subnet = designScene()->design().subnet(id());
    if (!subnet || subnet->networkSecurityGroup.isEmpty())
        return {};
    const QFontMetricsF metrics(designScene()->style().smallFont);
    const QRectF badge = badgeRect();
    const qreal right = badge.isNull() ? m_rect.right() - 8 : badge.left() - 6;
    const qreal width = std::min(metrics.horizontalAdvance(subnet->networkSecurityGroup) + 30,
                                 m_rect.width() * 0.3);
    return QRectF(right - width, 6, width, 19);
}

void SubnetItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const DesignScene *s = designScene();
    const SceneStyle &style = s->style();
    if (coarse(painter, option)) {
        painter->fillRect(m_rect, style.bandFill);
        paintSelection(painter, m_rect, 7);
        return;
    }
    const model::Subnet *subnet = s->design().subnet(id());
    if (!subnet)
        return;
    const bool special = model::isSpecialSubnetName(subnet->name);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(special ? style.specialBandFill : style.bandFill);
    painter->setPen(cosmeticPen(style.bandBorder, 1));
    painter->drawRoundedRect(m_rect, 7, 7);

    const QRectF badge = badgeRect();
    const QRectF nsgChip = nsgChipRect();
    const Label shown = label();
    painter->setFont(shown.name.font);
    painter->setPen(style.text);
    painter->drawText(QRectF(10, 5, shown.nameWidth, 20),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown.name.text);
    if (!shown.prefix.isEmpty()) {
        painter->setFont(style.monoFont);
        painter->setPen(style.mutedText);
        painter->drawText(QRectF(10 + shown.nameWidth + 8, 5, m_rect.width(), 20),
                          Qt::AlignLeft | Qt::AlignVCenter, shown.prefix);
    }

    if (!badge.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(style.badgeFill);
        painter->drawRoundedRect(badge, 9.5, 9.5);
        iconPainter().paint(painter, IconKind::RouteTable,
                            QRectF(badge.left() + 5, badge.top() + 2.5, 14, 14), style);
        painter->setFont(style.smallFont);
        painter->setPen(style.badgeText);
        drawElided(painter, badge.adjusted(22, 0, -7, 0), subnet->routeTable,
                   Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (!nsgChip.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(style.badgeFill);
        painter->drawRoundedRect(nsgChip, 9.5, 9.5);
        paintShield(painter, QRectF(nsgChip.left() + 6, nsgChip.top() + 3, 12, 13.5),
                    style.badgeText);
        painter->setFont(style.smallFont);
        painter->setPen(style.badgeText);
        drawElided(painter, nsgChip.adjusted(22, 0, -7, 0), subnet->networkSecurityGroup,
                   Qt::AlignLeft | Qt::AlignVCenter);
    }
    paintMarker(painter, QPointF(m_rect.left() + 2, m_rect.top() + 2));
    paintSelection(painter, m_rect, 7);
}

SubnetItem::Label SubnetItem::label() const
{
    const DesignScene *s = designScene();
    const SceneStyle &style = s->style();
    const model::Subnet *subnet = s->design().subnet(id());
    Label shown;
    if (!subnet)
        return shown;
    const QRectF badge = badgeRect();
    const QRectF nsgChip = nsgChipRect();
    const qreal labelRight = !nsgChip.isNull() ? nsgChip.left() - 8
                             : badge.isNull()  ? m_rect.right() - 10
                                               : badge.left() - 8;
    const qreal room = labelRight - 10;
    const QString prefix = subnet->addressPrefix.toString();
    const qreal prefixWidth = QFontMetricsF(style.monoFont).horizontalAdvance(prefix);
    const qreal nameWidth = QFontMetricsF(style.labelFont).horizontalAdvance(subnet->name) + 2;
    if (nameWidth + 8 + prefixWidth <= room) {
        shown.name = {subnet->name, style.labelFont};
        shown.prefix = prefix;
        shown.nameWidth = nameWidth;
        return shown;
    }
    // Short of room: the name first, whole or shrunk a little; the prefix only if it still fits.
    shown.name = fitText(style.labelFont, subnet->name, room);
    shown.nameWidth = std::min(room, QFontMetricsF(shown.name.font).horizontalAdvance(shown.name.text) + 2);
    if (shown.nameWidth + 8 + prefixWidth <= room)
        shown.prefix = prefix;
    return shown;
}

// ---- DeviceItem

DeviceItem::DeviceItem(const QString &name, layout::DeviceKind kind, QGraphicsItem *parent)
    : DesignItem(name, parent), m_kind(kind)
{
}

void DeviceItem::setSlot(const QRectF &rect, layout::DeviceKind kind)
{
    const QRectF local(QPointF(), rect.size());
    if (local != m_rect) {
        prepareGeometryChange();
        m_rect = local;
    }
    m_kind = kind;
    setPos(rect.topLeft());
    update();
}

void DeviceItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const DesignScene *s = designScene();
    const SceneStyle &style = s->style();
    if (coarse(painter, option)) {
        const QRectF card = m_rect.adjusted(4, 2, -4, -4);
        painter->fillRect(card, style.nodeFill);
        paintSelection(painter, card, 8);
        return;
    }
    const model::Design &d = s->design();
    std::optional<model::Ipv4Address> ip;
    QString detail;
    if (const model::Firewall *fw = d.firewall(id())) {
        ip = fw->privateIp;
        if (!ip) {
            if (const model::Subnet *subnet = d.subnet(fw->subnet))
                ip = subnet->addressPrefix.firstUsableAzureHost();
        }
    } else if (const model::Gateway *gw = d.gateway(id())) {
        detail = gw->sku;
    } else if (const model::Vm *vm = d.vm(id())) {
        ip = vm->privateIp;
        if (!ip) {
            if (const model::Subnet *subnet = d.subnet(vm->subnet))
                ip = subnet->addressPrefix.firstUsableAzureHost();
        }
        if (vm->proxy)
            detail = QStringLiteral(":") + QString::number(vm->proxy->port);
    }
    if (ip)
        detail = ip->toString() + detail;

    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = m_rect.adjusted(4, 2, -4, -4);
    painter->setPen(cosmeticPen(style.bandBorder, 1));
    painter->setBrush(style.nodeFill);
    painter->drawRoundedRect(card, 8, 8);

    const QRectF iconRect = cardIconRect(card, DeviceItemType);
    iconPainter().paint(painter, iconFor(m_kind), iconRect, style);
    painter->setFont(style.labelFont);
    painter->setPen(style.text);
    drawElided(painter, QRectF(card.left() + 4, iconRect.bottom() + 2, card.width() - 8, 16),
               id(), Qt::AlignHCenter | Qt::AlignVCenter);
    painter->setFont(style.monoFont);
    painter->setPen(style.mutedText);
    drawElided(painter, QRectF(card.left() + 4, iconRect.bottom() + 17, card.width() - 8, 14),
               detail, Qt::AlignHCenter | Qt::AlignVCenter);

    if (const QRectF chip = nsgChipRect(); !chip.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(style.badgeFill);
        painter->drawRoundedRect(chip, 4, 4);
        paintShield(painter, chip.adjusted(3.5, 3, -3.5, -3), style.badgeText);
    }

    paintMarker(painter, QPointF(iconRect.right() + 2, iconRect.top() + 2));
    paintSelection(painter, card, 8);
}

QRectF DeviceItem::nsgChipRect() const
{
    const model::Vm *vm = designScene()->design().vm(id());
    if (!vm || vm->networkSecurityGroup.isEmpty())
        return {};
    // Top left of the card, clear of the icon in its middle.
    const QRectF card = m_rect.adjusted(4, 2, -4, -4);
    return QRectF(card.left() + 5, card.top() + 5, 19, 20);
}

// ---- NodeItem

NodeItem::NodeItem(const QString &name, Kind kind) : DesignItem(name), m_kind(kind)
{
    setFlag(ItemSendsGeometryChanges);
    setZValue(z::node);
}

QRectF NodeItem::boundingRect() const
{
    return layout::nodeRect(QPointF()).adjusted(-6, -6, 6, 8);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && scene())
        designScene()->itemMoved(id());
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const DesignScene *s = designScene();
    const SceneStyle &style = s->style();
    if (coarse(painter, option)) {
        const QRectF card = layout::nodeRect(QPointF());
        painter->setPen(cosmeticPen(m_kind == Internet ? style.line : style.nodeBorder, 1));
        painter->setBrush(style.nodeFill);
        painter->drawRect(card);
        paintSelection(painter, card, 12);
        return;
    }
    const model::Design &d = s->design();
    QString detail;
    IconKind icon = IconKind::Internet;
    if (m_kind == Client) {
        icon = IconKind::Client;
        if (const model::Client *client = d.client(id())) {
            if (client->ip)
                detail = client->ip->toString();
            else if (const model::Gateway *gw = d.gateway(client->gateway);
                     gw && !gw->vpnClientAddressPool.empty())
                detail = gw->vpnClientAddressPool.front().firstHost().toString();
        }
    } else if (m_kind == Site) {
        icon = IconKind::OnPrem;
        for (const model::Gateway &gw : d.gateways) {
            for (const model::LocalNetwork &site : gw.localNetworks) {
                if (site.name == id())
                    detail = format::formatPrefixes(site.addressPrefixes);
            }
        }
    } else {
        detail = QCoreApplication::translate("hopscope::gui::NodeItem", "public addresses");
    }

    const QRectF card = layout::nodeRect(QPointF());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.shadow);
    painter->drawRoundedRect(card.translated(0, 2.5), 12, 12);
    painter->setBrush(style.nodeFill);
    painter->setPen(cosmeticPen(m_kind == Internet ? style.line : style.nodeBorder, 1.2,
                                m_kind == Internet ? Qt::DashLine : Qt::SolidLine));
    painter->drawRoundedRect(card, 12, 12);

    const QRectF iconRect = cardIconRect(card, NodeItemType);
    iconPainter().paint(painter, icon, iconRect, style);
    painter->setFont(style.labelFont);
    painter->setPen(style.text);
    drawElided(painter, QRectF(card.left() + 4, iconRect.bottom() + 2, card.width() - 8, 16),
               id(), Qt::AlignHCenter | Qt::AlignVCenter);
    painter->setFont(style.monoFont);
    painter->setPen(style.mutedText);
    drawElided(painter, QRectF(card.left() + 4, iconRect.bottom() + 18, card.width() - 8, 14),
               detail, Qt::AlignHCenter | Qt::AlignVCenter);
    paintMarker(painter, QPointF(card.right() - 4, card.top() + 4));
    paintSelection(painter, card, 12);
}

// ---- EdgeItem

EdgeItem::EdgeItem(const QString &id, Kind kind, const QString &from, const QString &to)
    : DesignItem(id), m_kind(kind), m_from(from), m_to(to)
{
    setZValue(kind == Peering ? z::peering : z::edgeOverVnet);
    if (kind != Peering)
        setFlag(ItemIsSelectable, false);
    // paint() needs the exposed part, to clip long lines to it.
    setFlag(ItemUsesExtendedStyleOption);
}

void EdgeItem::adjust()
{
    const DesignScene *s = designScene();
    const QRectF a = s->sceneRectOf(m_from);
    const QRectF b = s->sceneRectOf(m_to);
    prepareGeometryChange();
    if (a.isNull() || b.isNull()) {
        m_line = QLineF();
        return;
    }
    // Containers side by side (or stacked) are joined straight across the span they share,
    // which reads better than a slanted line between their centres.
    const qreal top = std::max(a.top(), b.top()), bottom = std::min(a.bottom(), b.bottom());
    const qreal left = std::max(a.left(), b.left()), right = std::min(a.right(), b.right());
    if (m_kind == Peering && bottom - top > 24 && right < left) {
        const qreal y = (top + bottom) / 2;
        m_line = a.right() < b.left() ? QLineF(a.right(), y, b.left(), y)
                                      : QLineF(a.left(), y, b.right(), y);
    } else if (m_kind == Peering && right - left > 24 && bottom < top) {
        const qreal x = (left + right) / 2;
        m_line = a.bottom() < b.top() ? QLineF(x, a.bottom(), x, b.top())
                                      : QLineF(x, a.top(), x, b.bottom());
    } else {
        m_line = QLineF(exitPoint(a, b.center()), exitPoint(b, a.center()));
    }
}

QRectF EdgeItem::boundingRect() const
{
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-14, -14, 14, 14);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_line.isNull())
        return;
    const DesignScene *s = designScene();
    const SceneStyle &style = s->style();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPointF mid = m_line.center();
    const DesignScene::PeeringState state =
        m_kind == Peering ? s->peeringState(m_from, m_to) : DesignScene::PeeringState();
    QPen pen = m_kind == Tunnel      ? linePen(style.tunnel, 2, Qt::DashLine)
               : m_kind == SiteLink  ? linePen(style.siteLink, 1.8, Qt::DashDotLine)
               : state.oneSided      ? linePen(style.peeringBroken, 2.2, Qt::DashLine)
                                     : linePen(style.peering, 2.4);
    // From afar lines are a pixel wide and not antialiased: the raster engine draws those on
    // its fastest path (thousands of them at the zoom that fits a large estate), and thick lines
    // would hide the VNets they join.
    if (coarse(painter, option)) {
        pen.setWidthF(1);
        painter->setRenderHint(QPainter::Antialiasing, false);
    }
    const QLineF line = visiblePart(m_line, pen, painter, option);
    if (line.isNull())
        return;

    if (m_kind == Peering) {
        if (isSelected() && s->furnitureVisible()) {
            QColor halo = style.selection;
            halo.setAlphaF(0.3f);
            painter->setPen(linePen(halo, 8));
            painter->drawLine(line);
        }
        painter->setPen(pen);
        painter->drawLine(line);
        if (coarse(painter, option))
            return;
        // End caps: small dots where the line meets each VNet.
        painter->setPen(Qt::NoPen);
        painter->setBrush(state.oneSided ? style.peeringBroken : style.peering);
        painter->drawEllipse(m_line.p1(), 3.5, 3.5);
        painter->drawEllipse(m_line.p2(), 3.5, 3.5);
        if (state.forwardedBlocked || state.oneSided) {
            // A "no entry" marker: forwarded traffic stops here.
            const QColor colour = state.oneSided ? style.peeringBroken : style.warning;
            painter->setBrush(style.nodeFill);
            painter->setPen(cosmeticPen(colour, 2));
            painter->drawEllipse(mid, 8, 8);
            painter->drawLine(mid + QPointF(-5, 5), mid + QPointF(5, -5));
        }
        return;
    }
    if (m_kind == Tunnel) {
        painter->setPen(pen);
        painter->drawLine(line);
        painter->setPen(Qt::NoPen);
        painter->setBrush(style.tunnel);
        painter->drawEllipse(m_line.p2(), 3, 3);
    } else {
        painter->setPen(pen);
        painter->drawLine(line);
    }
    if (coarse(painter, option))
        return;
    const QString label = m_kind == Tunnel ? QStringLiteral("P2S") : QStringLiteral("S2S");
    QFont font = style.smallFont;
    font.setBold(true);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    QRectF pill(0, 0, metrics.horizontalAdvance(label) + 12, 16);
    pill.moveCenter(mid);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.canvas);
    painter->drawRoundedRect(pill, 8, 8);
    painter->setPen(m_kind == Tunnel ? style.tunnel : style.siteLink);
    painter->drawText(pill, Qt::AlignCenter, label);
}

} // namespace hopscope::gui
