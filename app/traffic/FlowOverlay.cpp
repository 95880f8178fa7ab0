#include "traffic/FlowOverlay.h"

#include "canvas/DesignScene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace hopscope::gui {

namespace {

constexpr qreal minWidth = 1.5;
constexpr qreal maxWidth = 11;
constexpr qreal endGap = 5; // between a leg's end and the object's outline

// Where the ray from the centre of `rect` along `direction` leaves it (plus a gap).
QPointF exitPoint(const QRectF &rect, QPointF direction)
{
    const QPointF c = rect.center();
    const qreal len = std::hypot(direction.x(), direction.y());
    if (len < 1e-6)
        return c;
    const QPointF d = direction / len;
    const qreal hw = rect.width() / 2 + endGap, hh = rect.height() / 2 + endGap;
    const qreal tx = std::abs(d.x()) > 1e-6 ? hw / std::abs(d.x()) : 1e9;
    const qreal ty = std::abs(d.y()) > 1e-6 ? hh / std::abs(d.y()) : 1e9;
    return c + d * std::min(tx, ty);
}

// Widths on a log scale of kilobytes, so that a 2 KB leg is a hairline beside a 5 MB one and a
// 5 MB leg is still visibly thinner than a 5 GB one.
qreal widthFor(quint64 bytes, quint64 maxBytes)
{
    const double top = std::log10(1.0 + double(maxBytes) / 1024.0);
    if (top <= 0)
        return minWidth;
    return minWidth + (maxWidth - minWidth) * std::log10(1.0 + double(bytes) / 1024.0) / top;
}

} // namespace

FlowOverlay::FlowOverlay(DesignScene *scene)
{
    setZValue(z::flowOverlay);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setFlag(QGraphicsItem::ItemIsSelectable, false);
    setFlag(QGraphicsItem::ItemIsFocusable, false);
    scene->addItem(this);
}

DesignScene *FlowOverlay::designScene() const { return static_cast<DesignScene *>(scene()); }

QColor FlowOverlay::flowColour() const
{
    // Green, turned from the palette's highlight: apart from the blue hubs, the teal spokes, the
    // tunnels and the red and amber of the findings.
    const SceneStyle &style = designScene()->style();
    QColor hsl = style.selection.toHsl();
    const int hue = ((hsl.hslHue() < 0 ? 210 : hsl.hslHue()) - 75 + 360) % 360;
    return QColor::fromHsl(hue, std::max(hsl.hslSaturation(), 150), style.isDark() ? 140 : 95);
}

QFont FlowOverlay::labelFont() const
{
    QFont font = designScene()->style().labelFont;
    font.setBold(true);
    return font;
}

void FlowOverlay::setFlows(std::vector<proxy::ObservedFlow> flows)
{
    m_flows = std::move(flows);
    m_dirty = true;
    refreshGeometry();
    update();
}

bool FlowOverlay::hasFlow(const QString &from, const QString &to) const
{
    return std::any_of(m_flows.begin(), m_flows.end(), [&](const proxy::ObservedFlow &f) {
        return f.from == from && f.to == to;
    });
}

void FlowOverlay::refreshGeometry()
{
    DesignScene *s = designScene();
    if (!s)
        return;
    std::vector<QRectF> ends;
    ends.reserve(m_flows.size() * 2);
    for (const proxy::ObservedFlow &f : m_flows) {
        ends.push_back(s->sceneRectOf(f.from));
        ends.push_back(s->sceneRectOf(f.to));
    }
    if (!m_dirty && ends == m_ends)
        return; // nothing moved: no repaint, so scene.changed() cannot loop through here
    m_dirty = false;
    m_ends = ends;

    quint64 maxBytes = 0;
    for (const proxy::ObservedFlow &f : m_flows)
        maxBytes = std::max(maxBytes, f.bytes);

    const QFontMetricsF metrics(labelFont());
    const QLocale locale;
    std::vector<Leg> legs;
    QRectF bounds;
    for (std::size_t i = 0; i < m_flows.size(); ++i) {
        const QRectF a = ends[2 * i], b = ends[2 * i + 1];
        if (a.isNull() || b.isNull())
            continue;
        const proxy::ObservedFlow &f = m_flows[i];
        Leg leg;
        leg.width = widthFor(f.bytes, maxBytes);
        // A gentle bend to the left of the direction of travel keeps the leg off the straight
        // design lines (tunnels, peerings) that often join the same objects.
        const QPointF ca = a.center(), cb = b.center();
        const QPointF along = cb - ca;
        const QPointF normal(along.y(), -along.x());
        const QPointF control = (ca + cb) / 2 + normal * 0.12;
        const QPointF start = exitPoint(a, control - ca);
        const QPointF end = exitPoint(b, control - cb);
        // The arrow head sits inside the gap before the target; the line stops at its base.
        const QPointF dir = end - control;
        const qreal dirLen = std::max<qreal>(1e-6, std::hypot(dir.x(), dir.y()));
        const QPointF unit = dir / dirLen;
        const qreal head = 7 + leg.width * 1.4;
        const QPointF base = end - unit * head;
        leg.path.moveTo(start);
        leg.path.quadTo(control, base);
        const QPointF side(-unit.y(), unit.x());
        const qreal halfHead = head * 0.55;
        leg.arrow << end << base + side * halfHead << base - side * halfHead;

        // %Ln: the count in the locale's digits, and the plural form the language needs.
        leg.label = QCoreApplication::translate("hopscope::gui::FlowOverlay", "%1 · %Ln request(s)",
                                                nullptr, int(f.records))
                        .arg(locale.formattedDataSize(qint64(f.bytes), 1,
                                                      QLocale::DataSizeTraditionalFormat));
        leg.labelAt = leg.path.pointAtPercent(0.5);
        QRectF labelRect(QPointF(), QSizeF(metrics.horizontalAdvance(leg.label) + 14,
                                           metrics.height() + 6));
        labelRect.moveCenter(leg.labelAt);
        bounds |= leg.path.boundingRect().adjusted(-leg.width, -leg.width, leg.width, leg.width);
        bounds |= leg.arrow.boundingRect();
        bounds |= labelRect.adjusted(-2, -2, 2, 2);
        legs.push_back(std::move(leg));
    }
    prepareGeometryChange();
    m_legs = std::move(legs);
    m_bounds = bounds;
    update();
}

QPainterPath FlowOverlay::shape() const
{
    QPainterPath all;
    QPainterPathStroker stroker;
    for (const Leg &leg : m_legs) {
        stroker.setWidth(leg.width + 2);
        all.addPath(stroker.createStroke(leg.path));
    }
    return all;
}

void FlowOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_legs.empty())
        return;
    const SceneStyle &style = designScene()->style();
    QColor colour = flowColour();
    colour.setAlpha(200);
    painter->setRenderHint(QPainter::Antialiasing);
    for (const Leg &leg : m_legs) {
        painter->setPen(QPen(colour, leg.width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(leg.path);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(leg.arrow);
    }
    // Labels last, so that no leg crosses another's label.
    const QFont font = labelFont();
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    QColor fill = style.canvas;
    fill.setAlpha(235);
    for (const Leg &leg : m_legs) {
        QRectF r(QPointF(), QSizeF(metrics.horizontalAdvance(leg.label) + 14, metrics.height() + 6));
        r.moveCenter(leg.labelAt);
        painter->setPen(QPen(colour, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        painter->setPen(style.text);
        painter->drawText(r, Qt::AlignCenter, leg.label);
    }
}

} // namespace hopscope::gui
