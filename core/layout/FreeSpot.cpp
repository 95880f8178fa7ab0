#include "layout/FreeSpot.h"

#include "layout/LayoutMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace hopscope::layout {

QPointF nearestFreeSpot(const std::vector<QRectF> &taken, QSizeF size, QPointF wanted,
                        double gap, double reach)
{
    wanted = QPointF(std::round(wanted.x()), std::round(wanted.y()));
    // Only what the search can touch matters.
    const QRectF area = QRectF(wanted, size).adjusted(-reach - gap, -reach - gap, reach + gap,
                                                      reach + gap);
    std::vector<QRectF> near;
    double right = wanted.x();
    for (const QRectF &t : taken) {
        right = std::max(right, t.right());
        if (t.intersects(area))
            near.push_back(t);
    }
    auto isFree = [&](QPointF at) {
        const QRectF box = QRectF(at, size).adjusted(-gap, -gap, gap, gap);
        return std::ranges::none_of(near, [&](const QRectF &t) { return t.intersects(box); });
    };
    if (isFree(wanted))
        return wanted;
    constexpr double step = 10;
    std::optional<QPointF> best;
    double bestDistance = std::numeric_limits<double>::max();
    // Square rings around `wanted`: ring r holds no point nearer than r * step, so the search
    // stops once that exceeds the best distance found.
    for (int ring = 1; ring * step <= reach && ring * step <= bestDistance; ++ring) {
        auto consider = [&](int dx, int dy) {
            const double distance = std::hypot(dx * step, dy * step);
            const QPointF at = wanted + QPointF(dx * step, dy * step);
            if (distance < bestDistance && isFree(at)) {
                best = at;
                bestDistance = distance;
            }
        };
        for (int d = -ring; d <= ring; ++d) {
            consider(d, -ring);
            consider(d, ring);
            if (std::abs(d) != ring) {
                consider(-ring, d);
                consider(ring, d);
            }
        }
    }
    if (best)
        return *best;
    return {std::ceil(right + gap + 1), wanted.y()};
}

QPointF vnetCornerForDrop(QPointF cursor)
{
    return cursor - QPointF(Metrics::minColumns * Metrics::slotWidth / 2 + Metrics::padding,
                            Metrics::headerHeight / 2);
}

QPointF vnetCornerBeside(QRectF drawn, bool designHasVnets)
{
    if (!designHasVnets)
        return {0, 0};
    return {drawn.right() + 40, drawn.top() + 40};
}

QPointF nodeCentreBeside(QRectF drawn, bool designHasVnets)
{
    return vnetCornerBeside(drawn, designHasVnets) +
           QPointF(Metrics::nodeWidth / 2, Metrics::nodeHeight / 2);
}

QHash<QString, QPointF> positionsBesideSaved(const model::Design &design,
                                             const std::vector<model::LayoutPoint> &automatic)
{
    QHash<QString, QPointF> positions;
    for (const model::LayoutPoint &p : automatic)
        positions.insert(p.name, QPointF(p.x, p.y));
    if (design.layout.empty())
        return positions;
    QRectF saved;
    for (const model::LayoutPoint &p : design.layout) {
        const model::Vnet *v = design.vnet(p.name);
        saved |= v ? QRectF(QPointF(p.x, p.y), vnetBox(design, *v).size)
                   : nodeRect(QPointF(p.x, p.y));
    }
    QPointF nextVnet(saved.right() + 90, saved.top());
    QPointF nextNode(saved.left() - 90 - Metrics::nodeWidth / 2,
                     saved.top() + Metrics::nodeHeight / 2);
    for (const model::LayoutPoint &p : automatic) { // design order: deterministic
        if (const model::LayoutPoint *at = design.layoutPoint(p.name)) {
            positions[p.name] = QPointF(at->x, at->y);
            continue;
        }
        if (p.name == model::internetName()) {
            positions[p.name] = QPointF(saved.right() - Metrics::nodeWidth / 2,
                                        saved.top() - Metrics::nodeHeight);
        } else if (const model::Vnet *v = design.vnet(p.name)) {
            positions[p.name] = nextVnet;
            nextVnet.ry() += vnetBox(design, *v).size.height() + 60;
        } else {
            positions[p.name] = nextNode;
            nextNode.ry() += Metrics::nodeHeight + 40;
        }
    }
    return positions;
}

} // namespace hopscope::layout
