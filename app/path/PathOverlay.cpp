#include "path/PathOverlay.h"

#include "Language.h"
#include "canvas/DesignScene.h"
#include "document/DesignDocument.h"
#include "layout/LayoutMetrics.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QSet>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace hopscope::gui {

namespace {
constexpr qreal laneOffset = 5;    // each walk runs this far to the left of its direction
constexpr qreal lineWidth = 4;
constexpr qreal calloutWidth = 270;
constexpr qreal loopBulge = 70;    // how far a loop's way back bends away from the way out

QPointF normalOf(QPointF from, QPointF to)
{
    const QPointF d = to - from;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 0.5)
        return {};
    return QPointF(d.y() / length, -d.x() / length); // left of travel in scene coordinates
}

QString verdictWords(const PathOverlay::WalkPath &walk)
{
    return PathOverlay::verdictText(walk.verdict, walk.reason);
}
} // namespace

QString PathOverlay::failureTitle(int walk) const
{
    for (const Callout &c : m_callouts) {
        if (c.walk == walk)
            return c.title;
    }
    return {};
}

QString PathOverlay::calloutTitle(const WalkPath &walk)
{
    // Whole sentences, so that a translation may order the direction and the verdict. An NSG
    // drop names the NSG (one line at callout width); the explanation under it names the rule
    // and its priority.
    const bool forward = walk.direction == Direction::Forward;
    if (!walk.deniedBy.isEmpty())
        return (forward ? tr("Request denied by %1") : tr("Reply denied by %1")).arg(walk.deniedBy);
    switch (walk.verdict) {
    case routing::WalkVerdict::Dropped:
        return (forward ? tr("Request dropped: %1") : tr("Reply dropped: %1"))
            .arg(routing::toString(walk.reason));
    case routing::WalkVerdict::Loop:
        return forward ? tr("Request loops") : tr("Reply loops");
    case routing::WalkVerdict::NotTunneled:
        return forward ? tr("Request not tunneled") : tr("Reply not tunneled");
    case routing::WalkVerdict::Delivered:
    case routing::WalkVerdict::EgressInternet:
    case routing::WalkVerdict::EgressOnPrem:
        break; // no callout: the walk succeeded
    }
    return verdictWords(walk);
}

QString PathOverlay::verdictText(routing::WalkVerdict verdict, routing::DropReason reason)
{
    using routing::WalkVerdict;
    switch (verdict) {
    case WalkVerdict::Delivered: return tr("delivered");
    case WalkVerdict::EgressInternet: return tr("leaves for the Internet");
    case WalkVerdict::EgressOnPrem: return tr("leaves for on-premises");
    case WalkVerdict::Dropped:
        return tr("dropped: %1").arg(routing::toString(reason));
    case WalkVerdict::Loop: return tr("loops");
    case WalkVerdict::NotTunneled: return tr("not tunneled");
    }
    return {};
}

bool PathOverlay::WalkPath::succeeded() const
{
    return verdict == routing::WalkVerdict::Delivered ||
           verdict == routing::WalkVerdict::EgressInternet ||
           verdict == routing::WalkVerdict::EgressOnPrem;
}

PathOverlay::PathOverlay(DesignScene *scene) : m_scene(scene)
{
    setZValue(z::overlay);
    setFlag(ItemIsSelectable, false);
    setFlag(ItemIsFocusable, false);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    scene->addItem(this);
    // The path follows the devices it names when they move or the design is edited.
    DesignDocument *document = scene->document();
    connect(document, &DesignDocument::positionChanged, this, &PathOverlay::refreshGeometry);
    connect(document, &DesignDocument::designChanged, this, &PathOverlay::refreshGeometry);
    connect(document, &DesignDocument::designReset, this, &PathOverlay::refreshGeometry);
}

void PathOverlay::setTrace(const routing::TraceResult &trace, const model::Network &network)
{
    const auto &devices = network.devices();
    auto anchorOf = [&](const model::Device &d) -> QString {
        if (m_scene->item(d.name))
            return d.name;
        if (d.kind == model::DeviceKind::Client && d.gateway >= 0) {
            // A pool stands for "a P2S client": drawn at a client of that gateway, if any.
            const QString gw = devices[d.gateway].name;
            for (const model::Client &c : network.design().clients) {
                if (c.gateway == gw && m_scene->item(c.name))
                    return c.name;
            }
            return gw;
        }
        if (d.subnet >= 0)
            return network.subnets()[d.subnet].qualifiedName;
        if (d.vnet >= 0)
            return network.vnets()[d.vnet].vnet->name;
        return d.name;
    };
    auto toPath = [&](const routing::Walk &walk, int leg, Direction direction) {
        WalkPath path;
        path.leg = leg;
        path.direction = direction;
        path.verdict = walk.verdict;
        path.reason = walk.reason;
        path.explanation = translated(walk.explanationText);
        if (walk.reason == routing::DropReason::NsgDenied && !walk.hops.empty() &&
            walk.hops.back().nsg) {
            const routing::HopNsg &nsg = *walk.hops.back().nsg;
            const routing::EvaluatedSecurityGroup *denied =
                nsg.inbound && nsg.inbound->denyingGroup() ? nsg.inbound->denyingGroup()
                : nsg.outbound                             ? nsg.outbound->denyingGroup()
                                                           : nullptr;
            if (denied)
                path.deniedBy = denied->networkSecurityGroup;
        }
        for (const routing::Hop &hop : walk.hops) {
            Stop stop;
            if (hop.device >= 0 && hop.device < int(devices.size())) {
                const model::Device &d = devices[hop.device];
                stop.device = d.name;
                stop.kind = d.kind;
                if (d.subnet >= 0)
                    stop.subnet = network.subnets()[d.subnet].qualifiedName;
                stop.anchor = anchorOf(d);
            }
            path.stops.push_back(stop);
        }
        if (walk.verdict == routing::WalkVerdict::Loop && path.stops.size() > 1) {
            const QString &again = path.stops.back().device;
            for (int i = 0; i + 1 < int(path.stops.size()); ++i) {
                if (path.stops[i].device == again) {
                    path.loopBackTo = i;
                    break;
                }
            }
        }
        return path;
    };

    m_walks.clear();
    m_halfSeen.clear();
    m_halfSeenText.clear();
    for (int l = 0; l < int(trace.legs.size()); ++l) {
        const routing::Leg &leg = trace.legs[l];
        m_walks.push_back(toPath(leg.forward, l, Direction::Forward));
        if (!leg.reply)
            continue;
        m_walks.push_back(toPath(*leg.reply, l, Direction::Reply));
        // A stateful device met by one walk only sees half of the connection (cli.md); the leg
        // names them. A reply lost on its way for another reason is no asymmetry, just cut short.
        if (leg.reason != routing::ConnectionReason::Asymmetric)
            continue;
        auto note = [&](const QString &name, const QString &text) {
            if (!m_halfSeen.contains(name)) {
                m_halfSeen << name;
                // The title says who sees what; the leg's explanation says what follows.
                m_halfSeenText.insert(name, text + u'\n' + translated(leg.explanationText));
            }
        };
        for (int d : leg.seenOnlyByRequest)
            note(devices[d].name, tr("%1 sees only the request").arg(devices[d].name));
        for (int d : leg.seenOnlyByReply)
            note(devices[d].name, tr("%1 sees only the reply").arg(devices[d].name));
    }
    m_ok = trace.ok;
    m_reason = trace.reason;
    m_title = trace.legs.empty()
                  ? QString()
                  : tr("%1 → %2  ·  %3 %4")
                        .arg(trace.legs.front().from.text, trace.legs.back().to.text,
                             model::toString(trace.legs.front().protocol).toUpper())
                        .arg(trace.legs.front().port);
    m_connectionText = m_ok ? tr("connection ok")
                            : tr("connection failed: %1").arg(routing::toString(m_reason));
    m_progress = -1;
    m_highlightWalk = m_highlightStop = -1;
    rebuildGeometry();
}

void PathOverlay::clearTrace()
{
    m_walks.clear();
    m_halfSeen.clear();
    m_halfSeenText.clear();
    m_title.clear();
    m_progress = -1;
    m_highlightWalk = m_highlightStop = -1;
    rebuildGeometry();
}

QString PathOverlay::failureText(int walk) const
{
    if (walk < 0 || walk >= int(m_walks.size()) || m_walks[walk].succeeded())
        return {};
    return m_walks[walk].explanation;
}

int PathOverlay::segmentCount() const { return int(m_segments.size()); }

void PathOverlay::setAnimationProgress(double segments)
{
    const double clamped = segments < 0 ? -1 : std::min(segments, double(segmentCount()));
    if (qFuzzyCompare(clamped + 2, m_progress + 2))
        return;
    m_progress = clamped;
    update();
}

double PathOverlay::progressAtStop(int walk, int stop) const
{
    if (walk < 0 || walk >= int(m_walks.size()))
        return 0;
    const int last = std::max(0, int(m_walks[walk].stops.size()) - 1);
    return m_firstSegment[walk] + std::clamp(stop, 0, last);
}

int PathOverlay::packetWalk() const
{
    if (m_progress < 0 || m_walks.empty())
        return -1;
    if (m_segments.empty())
        return 0;
    const int k = std::min(int(m_progress), segmentCount() - 1);
    return m_segments[k].walk;
}

QPointF PathOverlay::packetPosition() const
{
    if (m_progress < 0 || m_walks.empty())
        return {};
    if (m_segments.empty())
        return m_points.front().empty() ? QPointF() : m_points.front().front();
    const int k = std::min(int(m_progress), segmentCount() - 1);
    const double t = std::clamp(m_progress - k, 0.0, 1.0);
    return m_segments[k].path.pointAtPercent(t);
}

void PathOverlay::setHighlightedHop(int walk, int stop)
{
    if (walk == m_highlightWalk && stop == m_highlightStop)
        return;
    m_highlightWalk = walk;
    m_highlightStop = stop;
    update();
}

QPointF PathOverlay::stopPoint(int walk, int stop) const
{
    if (walk < 0 || walk >= int(m_points.size()) || stop < 0 ||
        stop >= int(m_points[walk].size()))
        return {};
    return m_points[walk][stop];
}

void PathOverlay::refreshGeometry()
{
    if (!m_walks.empty())
        rebuildGeometry();
}

QPointF PathOverlay::anchorPoint(const QString &anchor) const
{
    const QRectF rect = m_scene->sceneRectOf(anchor);
    const DesignItem *item = m_scene->item(anchor);
    if (!item || rect.isNull())
        return {};
    // Through the icon, not the label under it.
    switch (item->type()) {
    case DeviceItemType:
    case NodeItemType: return cardIconRect(rect, item->type()).center();
    default: return rect.center();
    }
}

void PathOverlay::rebuildGeometry()
{
    prepareGeometryChange();
    m_points.clear();
    m_segments.clear();
    m_firstSegment.clear();
    m_callouts.clear();
    m_bounds = QRectF();

    for (int w = 0; w < int(m_walks.size()); ++w) {
        const WalkPath &walk = m_walks[w];
        std::vector<QPointF> centres;
        for (const Stop &s : walk.stops)
            centres.push_back(anchorPoint(s.anchor));
        // Offset each vertex to the left of travel (the mean of its two segments' normals), so
        // that a request and its reply over the same devices run side by side.
        std::vector<QPointF> points(centres.size());
        const int loopEnd = walk.loopBackTo >= 0 ? int(centres.size()) - 1 : -1;
        for (int i = 0; i < int(centres.size()); ++i) {
            QPointF n;
            if (i > 0 && i != loopEnd)
                n += normalOf(centres[i - 1], centres[i]);
            if (i + 1 < int(centres.size()) && i + 1 != loopEnd)
                n += normalOf(centres[i], centres[i + 1]);
            const qreal length = std::hypot(n.x(), n.y());
            points[i] = length > 0.01 ? centres[i] + n / length * laneOffset : centres[i];
        }
        if (loopEnd > 0)
            points[loopEnd] = points[walk.loopBackTo];
        m_firstSegment.push_back(int(m_segments.size()));
        for (int i = 0; i + 1 < int(points.size()); ++i) {
            Segment seg{w, points[i], points[i + 1], QPainterPath(points[i])};
            if (i + 1 == loopEnd) {
                // The way back to the repeated device bends away from the way out.
                const QPointF mid = (seg.from + seg.to) / 2;
                QPointF n = normalOf(seg.from, seg.to);
                if (n.isNull())
                    n = QPointF(0, -1);
                seg.path.quadTo(mid + n * loopBulge, seg.to);
                seg.loop = true;
            } else {
                seg.path.lineTo(seg.to);
            }
            m_bounds |= seg.path.boundingRect();
            m_segments.push_back(seg);
        }
        for (const QPointF &p : points)
            m_bounds |= QRectF(p - QPointF(14, 14), QSizeF(28, 28));
        m_points.push_back(std::move(points));
    }

    if (!m_walks.empty())
        m_legend = legendRect();
    // Where a walk fails: a ✕ at its last device and the reason beside it, wrapped.
    const QFontMetricsF metrics(m_scene->style().smallFont);
    for (int w = 0; w < int(m_walks.size()); ++w) {
        const WalkPath &walk = m_walks[w];
        if (walk.succeeded() || m_points[w].empty())
            continue;
        Callout c;
        c.walk = w;
        c.marker = m_points[w].back() + QPointF(16, -16);
        c.title = calloutTitle(walk);
        c.text = walk.explanation;
        placeCallout(c, metrics);
        m_callouts.push_back(c);
    }
    for (const QString &name : std::as_const(m_halfSeen)) {
        const QPointF centre = anchorPoint(name);
        if (centre.isNull())
            continue;
        Callout c;
        c.walk = -1;
        c.device = name;
        c.marker = centre;
        const QString text = m_halfSeenText.value(name);
        c.title = tr("Asymmetric: %1").arg(text.section(u'\n', 0, 0));
        c.text = text.section(u'\n', 1);
        placeCallout(c, metrics);
        m_callouts.push_back(c);
    }
    for (const Callout &c : m_callouts)
        m_bounds |= c.box.adjusted(-4, -4, 4, 4) | QRectF(c.marker - QPointF(14, 14), QSizeF(28, 28));

    if (!m_walks.empty())
        m_bounds |= m_legend.adjusted(-4, -4, 4, 4);
    m_bounds.adjust(-8, -8, 8, 8); // pens and halos
    update();
}

void PathOverlay::placeCallout(Callout &c, const QFontMetricsF &metrics) const
{
    const QFontMetricsF titleMetrics(m_scene->style().labelFont);
    const QRectF textRect = metrics.boundingRect(QRectF(0, 0, calloutWidth - 22, 1000),
                                                 Qt::TextWordWrap, c.text);
    // With slack: an export may paint on a device whose fonts measure slightly larger.
    const QSizeF size(calloutWidth,
                      titleMetrics.height() * 1.3 + textRect.height() * 1.12 + 18);
    // In free canvas if possible: clear of VNets, point nodes, the legend and earlier callouts,
    // nearest first, below, then right, above, left.
    std::vector<QRectF> obstacles;
    for (QGraphicsItem *i : m_scene->items()) {
        if (i != this && !i->parentItem() && dynamic_cast<DesignItem *>(i) &&
            i->type() != EdgeItemType)
            obstacles.push_back(i->sceneBoundingRect().adjusted(-10, -10, 10, 10));
    }
    obstacles.push_back(m_legend.adjusted(-10, -10, 10, 10));
    for (const Callout &other : m_callouts)
        obstacles.push_back(other.box.adjusted(-10, -10, 10, 10));
    // Nor over the path's own lines.
    QPainterPathStroker stroker;
    stroker.setWidth(lineWidth + 16);
    QPainterPath lines;
    for (const Segment &seg : m_segments)
        lines.addPath(stroker.createStroke(seg.path));
    auto free = [&](const QRectF &box) {
        return !lines.intersects(box) &&
               std::none_of(obstacles.begin(), obstacles.end(),
                            [&](const QRectF &o) { return o.intersects(box); });
    };
    const QPointF m = c.marker;
    QRectF chosen(m + QPointF(18, 6), size);
    bool found = false;
    for (qreal d = 24; d <= 400 && !found; d += 16) {
        const QRectF candidates[] = {
            QRectF(QPointF(m.x() - 30, m.y() + d), size),
            QRectF(QPointF(m.x() + d, m.y() - size.height() / 2), size),
            QRectF(QPointF(m.x() - 30, m.y() - d - size.height()), size),
            QRectF(QPointF(m.x() - d - size.width(), m.y() - size.height() / 2), size),
        };
        for (const QRectF &candidate : candidates) {
            if (free(candidate)) {
                chosen = candidate;
                found = true;
                break;
            }
        }
    }
    c.box = chosen;
}

QRectF PathOverlay::legendRect() const
{
    const SceneStyle &style = m_scene->style();
    const QFontMetricsF title(style.labelFont), small(style.smallFont);
    qreal width = title.horizontalAdvance(m_title) + 24;
    for (const WalkPath &w : m_walks)
        width = std::max(width, small.horizontalAdvance(legendLine(w)) + 64);
    width = std::max(width, small.horizontalAdvance(m_connectionText) + 40);
    width = width * 1.15 + 12; // slack for fonts that measure larger where painted (exports)
    const qreal height = title.height() + 14 + (int(m_walks.size()) + 1) * (small.height() + 6);
    // In the first free place scanning the design's area row by row (clear of VNets, nodes
    // and the path itself), else above its top-left corner.
    QRectF items;
    std::vector<QRectF> obstacles;
    for (QGraphicsItem *i : m_scene->items()) {
        if (i != this && !i->parentItem() && dynamic_cast<DesignItem *>(i) &&
            i->type() != EdgeItemType) {
            items |= i->sceneBoundingRect();
            obstacles.push_back(i->sceneBoundingRect().adjusted(-12, -12, 12, 12));
        }
    }
    for (const Segment &seg : m_segments)
        obstacles.push_back(seg.path.boundingRect().adjusted(-12, -12, 12, 12));
    const QSizeF size(width, height);
    for (qreal y = items.top(); y + height <= items.bottom(); y += 16) {
        for (qreal x = items.left(); x + width <= items.right(); x += 16) {
            const QRectF box(QPointF(x, y), size);
            if (std::none_of(obstacles.begin(), obstacles.end(),
                             [&](const QRectF &o) { return o.intersects(box); }))
                return box;
        }
    }
    return QRectF(QPointF(items.left(), items.top() - height - 18), size);
}

QString PathOverlay::legendLine(const WalkPath &w) const
{
    // Whole sentences, so that a translation may order the leg, the direction and the verdict.
    const int hops = int(w.stops.size());
    const bool forward = w.direction == Direction::Forward;
    if (m_walks.back().leg == 0) {
        return (forward ? tr("request: %1  (%n hop(s))", nullptr, hops)
                        : tr("reply: %1  (%n hop(s))", nullptr, hops))
            .arg(verdictWords(w));
    }
    return (forward ? tr("leg %1 request: %2  (%n hop(s))", nullptr, hops)
                    : tr("leg %1 reply: %2  (%n hop(s))", nullptr, hops))
        .arg(QString::number(w.leg + 1), verdictWords(w));
}

QRectF PathOverlay::boundingRect() const { return m_bounds; }

QColor PathOverlay::walkColour(int walk) const
{
    const bool dark = m_scene->style().isDark();
    if (walk >= 0 && walk < int(m_walks.size()) && m_walks[walk].direction == Direction::Reply)
        return dark ? QColor::fromHsl(24, 230, 150) : QColor::fromHsl(22, 235, 108);
    return dark ? QColor::fromHsl(150, 170, 135) : QColor::fromHsl(152, 190, 78);
}

Qt::PenStyle PathOverlay::walkPenStyle(int walk) const
{
    return m_walks[walk].direction == Direction::Reply ? Qt::DashLine : Qt::SolidLine;
}

void PathOverlay::paintArrow(QPainter *painter, const QPainterPath &path, double at,
                             const QColor &colour) const
{
    const QPointF tip = path.pointAtPercent(at);
    const qreal angle = qDegreesToRadians(-path.angleAtPercent(at));
    const QPointF dir(std::cos(angle), std::sin(angle));
    const QPointF normal(-dir.y(), dir.x());
    QPolygonF head;
    head << tip + dir * 8 << tip - dir * 7 + normal * 7 << tip - dir * 7 - normal * 7;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(head);
}

void PathOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                        QWidget *widget)
{
    if (m_walks.empty())
        return;
    const SceneStyle &style = m_scene->style();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool animating = m_progress >= 0;
    const QColor halo = SceneStyle::mix(style.canvas, QColor(Qt::transparent), 0.15);

    // Lines: under a halo of the canvas colour so that they read over boxes and other lines.
    for (int pass = 0; pass < 2; ++pass) {
        for (int s = 0; s < int(m_segments.size()); ++s) {
            const Segment &seg = m_segments[s];
            if (seg.path.length() < 0.5)
                continue;
            QColor colour = walkColour(seg.walk);
            const bool done = !animating || s < int(m_progress);
            if (pass == 0) {
                QPen pen(halo, lineWidth + 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
                painter->setPen(pen);
                painter->setBrush(Qt::NoBrush);
                painter->drawPath(seg.path);
                continue;
            }
            if (!done)
                colour.setAlphaF(0.28f);
            QPen pen(colour, lineWidth, walkPenStyle(seg.walk), Qt::RoundCap, Qt::RoundJoin);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(seg.path);
            if (animating && s == int(m_progress)) {
                // The part already travelled on the current segment.
                const double t = std::clamp(m_progress - s, 0.0, 1.0);
                QPainterPath part(seg.path.pointAtPercent(0));
                for (int i = 1; i <= 16; ++i)
                    part.lineTo(seg.path.pointAtPercent(t * i / 16));
                pen.setColor(walkColour(seg.walk));
                painter->setPen(pen);
                painter->drawPath(part);
            }
            paintArrow(painter, seg.path, seg.loop ? 0.5 : 0.55, colour);
            if (seg.loop) {
                painter->setFont(style.smallFont);
                painter->setPen(colour);
                const QPointF at = seg.path.pointAtPercent(0.5);
                painter->drawText(QRectF(at + QPointF(-40, 8), QSizeF(80, 18)), Qt::AlignCenter,
                                  tr("loop"));
            }
        }
    }

    // Names stay readable where a path runs over them: the label part of each card on the path
    // (below its icon) is painted again over the lines, by the card's own item, while the lines
    // still run into the icon.
    QSet<QString> relabelled;
    for (const WalkPath &walk : m_walks)
        for (const Stop &stop : walk.stops) {
            DesignItem *card = m_scene->item(stop.anchor);
            if (!card || (card->type() != DeviceItemType && card->type() != NodeItemType) ||
                relabelled.contains(stop.anchor))
                continue;
            relabelled.insert(stop.anchor);
            QRectF text = m_scene->sceneRectOf(stop.anchor);
            text.setTop(cardIconRect(text, card->type()).bottom() + 1);
            painter->save();
            painter->setClipRect(text, Qt::IntersectClip);
            painter->setTransform(card->sceneTransform(), true);
            card->paint(painter, option, widget);
            painter->restore();
        }

    // The devices each walk stands at.
    for (int w = 0; w < int(m_points.size()); ++w) {
        const QColor colour = walkColour(w);
        for (int i = 0; i < int(m_points[w].size()); ++i) {
            const bool reached = !animating || progressAtStop(w, i) <= m_progress + 1e-9;
            QColor fill = colour;
            if (!reached)
                fill.setAlphaF(0.3f);
            painter->setPen(QPen(style.nodeFill, 1.5));
            painter->setBrush(fill);
            painter->drawEllipse(m_points[w][i], 4.5, 4.5);
        }
    }

    // Stateful devices that see half of the connection.
    for (const Callout &c : m_callouts) {
        if (c.walk >= 0)
            continue;
        painter->setPen(QPen(style.warning, 2.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(c.marker, 24, 24);
        paintCallout(painter, c, style.warning);
    }

    // Where a packet dies.
    for (const Callout &c : m_callouts) {
        if (c.walk < 0)
            continue;
        const int w = c.walk;
        const double end = m_firstSegment[w] + std::max(0, int(m_walks[w].stops.size()) - 1);
        if (animating && m_progress + 1e-9 < end)
            continue;
        const QColor colour = m_walks[w].verdict == routing::WalkVerdict::Loop ? style.warning
                                                                              : style.error;
        painter->setPen(QPen(style.nodeFill, 2));
        painter->setBrush(colour);
        painter->drawEllipse(c.marker, 10, 10);
        QPen cross(Qt::white, 2.6, Qt::SolidLine, Qt::RoundCap);
        painter->setPen(cross);
        painter->drawLine(c.marker + QPointF(-4.5, -4.5), c.marker + QPointF(4.5, 4.5));
        painter->drawLine(c.marker + QPointF(-4.5, 4.5), c.marker + QPointF(4.5, -4.5));
        paintCallout(painter, c, colour);
    }

    // The hop the inspector points at.
    if (const QPointF p = stopPoint(m_highlightWalk, m_highlightStop); !p.isNull()) {
        painter->setPen(QPen(style.selection, 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(p, 17, 17);
        QColor glow = style.selection;
        glow.setAlphaF(0.22f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(glow);
        painter->drawEllipse(p, 26, 26);
    }

    paintLegend(painter);

    // The packet.
    if (animating) {
        const QPointF p = packetPosition();
        const QColor colour = walkColour(packetWalk());
        QColor glow = colour;
        glow.setAlphaF(0.3f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(glow);
        painter->drawEllipse(p, 17, 17);
        painter->setPen(QPen(style.nodeFill, 3));
        painter->setBrush(colour);
        painter->drawEllipse(p, 9.5, 9.5);
    }
}

void PathOverlay::paintCallout(QPainter *painter, const Callout &c, const QColor &accent) const
{
    const SceneStyle &style = m_scene->style();
    // A leader from the marker to the nearest point of the box.
    const QPointF to(std::clamp(c.marker.x(), c.box.left() + 8, c.box.right() - 8),
                     std::clamp(c.marker.y(), c.box.top() + 8, c.box.bottom() - 8));
    painter->setPen(QPen(accent, 1.6, Qt::DotLine));
    painter->drawLine(c.marker, to);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.shadow);
    painter->drawRoundedRect(c.box.translated(0, 2.5), 7, 7);
    painter->setBrush(style.nodeFill);
    painter->setPen(QPen(accent, 1.5));
    painter->drawRoundedRect(c.box, 7, 7);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(QRectF(c.box.topLeft(), QSizeF(6, c.box.height())), 3, 3);

    QFont bold = style.labelFont;
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    painter->setFont(bold);
    painter->setPen(accent);
    painter->drawText(QRectF(c.box.left() + 14, c.box.top() + 7, c.box.width() - 22,
                             boldMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, c.title);
    painter->setFont(style.smallFont);
    painter->setPen(style.text);
    painter->drawText(QRectF(c.box.left() + 14, c.box.top() + 9 + boldMetrics.height() * 1.3,
                             c.box.width() - 22, c.box.height()),
                      Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, c.text);
}

void PathOverlay::paintLegend(QPainter *painter) const
{
    const SceneStyle &style = m_scene->style();
    const QRectF box = m_legend;
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.shadow);
    painter->drawRoundedRect(box.translated(0, 2), 8, 8);
    painter->setBrush(style.nodeFill);
    painter->setPen(QPen(style.nodeBorder, 1));
    painter->drawRoundedRect(box, 8, 8);

    const QFontMetricsF title(style.labelFont), small(style.smallFont);
    QFont bold = style.labelFont;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(style.text);
    qreal y = box.top() + 7;
    painter->drawText(QRectF(box.left() + 12, y, box.width() - 20, title.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, m_title);
    y += title.height() + 7;
    painter->setFont(style.smallFont);
    for (int w = 0; w < int(m_walks.size()); ++w) {
        const qreal mid = y + small.height() / 2;
        QPen pen(walkColour(w), lineWidth, walkPenStyle(w), Qt::RoundCap);
        painter->setPen(pen);
        painter->drawLine(QPointF(box.left() + 12, mid), QPointF(box.left() + 40, mid));
        painter->setPen(m_walks[w].succeeded() ? style.text : style.error);
        painter->drawText(QRectF(box.left() + 50, y, box.width() - 58, small.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, legendLine(m_walks[w]));
        y += small.height() + 6;
    }
    QFont verdict = style.smallFont;
    verdict.setBold(true);
    painter->setFont(verdict);
    painter->setPen(m_ok ? walkColour(0) : style.error);
    painter->drawText(QRectF(box.left() + 12, y, box.width() - 20, small.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      (m_ok ? QStringLiteral("✓ ") : QStringLiteral("✕ ")) + m_connectionText);
}

} // namespace hopscope::gui
