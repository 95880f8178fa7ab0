#pragma once

// The canvas scene: a mirror of a DesignDocument (STYLE 3). It keeps an id → item map and, on
// the document's small signals, updates only the items concerned; loading and resetting share
// one path (rebuild()). It depends on nothing but the document, so an exporter or a test builds
// it headless from a design, and setFurnitureVisible(false) leaves out selection, handles and
// the grid.

#include "analysis/Check.h"
#include "canvas/SceneStyle.h"
#include "layout/LayoutMetrics.h"
#include "model/ObjectId.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointF>

#include <optional>

namespace hopscope::gui {

class DesignDocument;
class DesignItem;
class EdgeItem;
class VnetItem;
class NodeItem;

class DesignScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit DesignScene(DesignDocument *document, QObject *parent = nullptr);
    ~DesignScene() override;

    DesignDocument *document() const { return m_document; }
    const model::Design &design() const;
    const SceneStyle &style() const { return m_style; }

    // Selection outlines, handles, the draft line and the background grid.
    bool furnitureVisible() const { return m_furniture; }
    void setFurnitureVisible(bool visible);

    // Geometry the items read.
    const layout::VnetBox &vnetBox(const QString &vnet) const;
    // Where `name` is drawn: its layout entry, else the automatic layout.
    QPointF positionOf(const QString &name) const;
    // The scene rectangle of any drawn object, or a null rect.
    QRectF sceneRectOf(const QString &id) const;
    // Union of everything drawn, with a margin.
    QRectF designBounds() const;

    struct PeeringState
    {
        bool oneSided = false;         // only one direction exists
        bool forwardedBlocked = false; // a direction refuses forwarded traffic
    };
    PeeringState peeringState(const QString &a, const QString &b) const;

    // Findings markers, by object name (worst severity wins).
    void setFindingMarkers(const QHash<QString, analysis::Severity> &markers);
    std::optional<analysis::Severity> marker(const QString &name) const;

    // Items by id; selection by ids. Items are keyed by model::ObjectId::toString(), which for
    // a top-level object is its name.
    DesignItem *item(const QString &key) const;
    DesignItem *item(const model::ObjectId &id) const;
    QList<model::ObjectId> selectedIds() const;
    void selectIds(const QList<model::ObjectId> &ids);

    // What the tools need: the topmost design item at a scene point, by type.
    DesignItem *designItemAt(QPointF scenePos, int type = 0) const;
    // The movable top-level item (VNet or node) that carries `item`.
    static DesignItem *movableItemFor(QGraphicsItem *item);

    // A draft line while a tool drags (peering tool); nullopt hides it.
    void setDraftLine(const std::optional<QLineF> &line);

    // Called by items while they move, so that attached lines follow: only the lines that end
    // at `id` or at one of its children (a VNet's devices) are re-placed.
    void itemMoved(const QString &id);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    bool event(QEvent *event) override;
    // Tooltips are built here, when a hover asks, rather than stored on every item after
    // every change: a change then costs nothing for them.
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    void rebuild();
    void onObjectAdded(const QString &name);
    void onObjectChanged(const QString &name);
    void onObjectRemoved(const QString &name);
    void onPositionChanged(const QString &name);
    void syncVnet(const QString &name);
    void syncNodes();
    void syncEdges();
    void removeItem(const QString &id);
    void refreshAutoPositions();
    // The summary a hover over `id` shows, from the model as it is now; empty for nothing.
    QString tooltipFor(const QString &id) const;

    DesignDocument *m_document;
    SceneStyle m_style;
    bool m_furniture = true;
    QHash<QString, DesignItem *> m_items;
    // End point name → the lines (peerings, tunnels, site links) drawn to it, so that a drag
    // re-places a moved item's lines only (a 1,000-VNet design has 2,500 of them). Kept by
    // syncEdges() and removeItem(), emptied with the items in rebuild().
    QMultiHash<QString, EdgeItem *> m_edgesAt;
    QHash<QString, layout::VnetBox> m_boxes;
    QHash<QString, QPointF> m_autoPositions;
    QHash<QString, analysis::Severity> m_markers;
    QGraphicsLineItem *m_draft = nullptr;
    // "FROM\nTO" → allowForwardedTraffic of each peering, built on demand; reset whenever the
    // design changes.
    mutable std::optional<QHash<QString, bool>> m_peeringStates;
};

} // namespace hopscope::gui
