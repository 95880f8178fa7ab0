#pragma once

// The canvas view: zoom (wheel, Ctrl +/-), pan (middle button or Space + drag), fit, and
// delegation of pointer input to the active CanvasTool. Palette entries dropped here are
// announced with paletteDropped().

#include "model/ObjectId.h"

#include <QFont>
#include <QGraphicsView>
#include <QHash>

#include <vector>

namespace hopscope::gui {

class CanvasTool;
class DesignScene;

class DesignView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DesignView(DesignScene *scene, QWidget *parent = nullptr);

    DesignScene *designScene() const { return m_scene; }

    // Tools are owned by the view; the first added is the default.
    void addTool(CanvasTool *tool);
    CanvasTool *tool(const QString &id) const { return m_tools.value(id); }
    CanvasTool *currentTool() const { return m_current; }
    void setCurrentTool(const QString &id);

    void zoomBy(qreal factor);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void fitToDesign();
    // How a design opens (issue 16 point 10): fitted, but never so small that the smallest
    // text of the drawing is under about 8 px on screen; centred on the design when it is
    // larger than the view at that zoom. An estate that fits only below the detail level opens
    // whole, with its names drawn as a map's.
    void fitReadable();
    // The zoom at which the drawing's smallest text is `minimumTextPixels` high.
    qreal readableZoom() const;
    static constexpr qreal minimumTextPixels = 8;

    // Below the items' detail level (they draw blank boxes there), the view writes VNet names
    // over the drawing at their normal screen size, as a map keeps city names when it hides
    // streets: hubs first, then the other VNets in design order, each skipped when it would
    // overlap a name already placed. In viewport coordinates; empty at the detail level and
    // above.
    struct MapLabel
    {
        QString name;
        QRectF rect;
        bool hub = false;
    };
    std::vector<MapLabel> mapLabels() const;
    void resetZoom();
    qreal zoom() const { return transform().m11(); }
    void centreOn(const QList<model::ObjectId> &ids);
    // Scrolls as little as needed to show `sceneArea`; zooms out only when it cannot fit at
    // the current zoom, never in.
    void reveal(const QRectF &sceneArea);

    // The view's own behaviour, for tools that want it after their own work.
    void defaultMousePress(QMouseEvent *event) { QGraphicsView::mousePressEvent(event); }
    void defaultMouseMove(QMouseEvent *event) { QGraphicsView::mouseMoveEvent(event); }
    void defaultMouseRelease(QMouseEvent *event) { QGraphicsView::mouseReleaseEvent(event); }

    static QString paletteMimeType() { return QStringLiteral("application/x-hopscope-palette"); }

Q_SIGNALS:
    void currentToolChanged(const QString &id);
    void zoomChanged(qreal zoom);
    void paletteDropped(const QString &kind, QPointF scenePos);
    void message(const QString &text);
    // A context menu was asked for at `scenePos` (right click, the menu key) over `id` (null:
    // the empty canvas). The object was selected first unless it already was.
    void contextMenuRequested(const model::ObjectId &id, QPointF scenePos, QPoint globalPos);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    DesignScene *m_scene;
    QHash<QString, CanvasTool *> m_tools;
    CanvasTool *m_default = nullptr;
    CanvasTool *m_current = nullptr;
    bool m_panning = false;
    bool m_spaceHeld = false;
    bool m_showsHint = false;
    QPoint m_panOrigin;
    // Each VNet name's width in the label and the hub title font, for mapLabels(); the fonts
    // they were measured in.
    mutable QHash<QString, std::pair<qreal, qreal>> m_labelWidths;
    mutable std::pair<QFont, QFont> m_labelFonts;
};

} // namespace hopscope::gui
