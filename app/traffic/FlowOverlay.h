#pragma once

// The traffic a proxy log shows, drawn over the canvas (issue 7): one item above the design that
// draws every observed leg (client → proxy VM → Internet, ...) as a curve whose width grows with
// the log of its bytes. It is view data, not design: it holds the legs and reads where their ends
// are drawn from the DesignScene on every refresh, accepts no mouse button, is never selectable,
// and is not a DesignItem, so tools, find and select-all pass through it.

#include "canvas/SceneItems.h"
#include "proxy/LogDesignMapping.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>

#include <vector>

namespace hopscope::gui {

class DesignScene;

class FlowOverlay : public QGraphicsItem
{
public:
    // Adds itself to `scene`, empty.
    explicit FlowOverlay(DesignScene *scene);

    int type() const override { return FlowOverlayItemType; }

    // Legs whose ends are not both drawn are kept (an edit may bring them back) but not painted.
    void setFlows(std::vector<proxy::ObservedFlow> flows);
    void clear() { setFlows({}); }
    const std::vector<proxy::ObservedFlow> &flows() const { return m_flows; }
    bool hasFlow(const QString &from, const QString &to) const;
    // The legs painted now (both ends on the canvas).
    int paintedFlowCount() const { return int(m_legs.size()); }

    // Re-reads the ends' positions; cheap and silent when nothing moved.
    void refreshGeometry();

    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    struct Leg
    {
        QPainterPath path;
        QPolygonF arrow;
        QPointF labelAt;
        qreal width = 1;
        QString label;
    };
    DesignScene *designScene() const;
    QColor flowColour() const;
    QFont labelFont() const;

    std::vector<proxy::ObservedFlow> m_flows;
    std::vector<Leg> m_legs;
    std::vector<QRectF> m_ends; // the end rectangles the legs were computed from
    QRectF m_bounds;
    bool m_dirty = true; // the legs changed since the geometry was computed
};

} // namespace hopscope::gui
