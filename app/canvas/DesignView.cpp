#include "canvas/DesignView.h"

#include "canvas/CanvasTools.h"
#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "canvas/SceneItems.h"
#include "canvas/SceneStyle.h"

#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopscope::gui {

namespace {
constexpr qreal minZoom = 0.1;
constexpr qreal maxZoom = 4.0;
} // namespace

DesignView::DesignView(DesignScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::RubberBandDrag);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    // A generous scene rectangle so that panning never runs into the edge of the design. A
    // repaint inside the design's bounds (finding markers after every check, a route edit's
    // badge) cannot have grown them: only what is drawn outside, or a change of the whole
    // scene (another design: an empty region), makes them be measured again, a pass over
    // every item.
    auto grow = [this](const QList<QRectF> &region) {
        const QRectF covered = sceneRect().adjusted(2000, 2000, -2000, -2000);
        if (!region.isEmpty() &&
            std::ranges::all_of(region, [&](const QRectF &r) { return covered.contains(r); }))
            return;
        setSceneRect(m_scene->designBounds().adjusted(-2000, -2000, 2000, 2000));
    };
    connect(m_scene, &QGraphicsScene::changed, this, grow);
    grow({});
    // The empty-design hint is drawn over the whole viewport; repaint it all when it comes
    // or goes.
    connect(m_scene->document(), &DesignDocument::designChanged, this, [this] {
        const bool empty = m_scene->design().vnets.empty();
        if (empty != m_showsHint) {
            m_showsHint = empty;
            viewport()->update();
        }
    });
}

void DesignView::addTool(CanvasTool *tool)
{
    m_tools.insert(tool->id(), tool);
    connect(tool, &CanvasTool::finished, this, [this] {
        if (m_default)
            setCurrentTool(m_default->id());
    });
    connect(tool, &CanvasTool::message, this, &DesignView::message);
    if (!m_default) {
        m_default = tool;
        setCurrentTool(tool->id());
    }
}

void DesignView::setCurrentTool(const QString &id)
{
    CanvasTool *next = m_tools.value(id, m_default);
    if (next == m_current)
        return;
    if (m_current)
        m_current->deactivate();
    Q_EMIT message(QString()); // the old tool's instructions no longer apply
    m_current = next;
    setDragMode(next == m_default ? QGraphicsView::RubberBandDrag : QGraphicsView::NoDrag);
    viewport()->setCursor(next->cursor());
    next->activate();
    Q_EMIT currentToolChanged(next->id());
}

void DesignView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, minZoom, maxZoom);
    const qreal applied = target / zoom();
    if (qFuzzyCompare(applied, 1.0))
        return;
    scale(applied, applied);
    Q_EMIT zoomChanged(zoom());
}

void DesignView::resetZoom()
{
    setTransform(QTransform());
    Q_EMIT zoomChanged(zoom());
}

void DesignView::fitToDesign()
{
    const QRectF bounds = m_scene->designBounds();
    if (bounds.isEmpty())
        return;
    fitInView(bounds, Qt::KeepAspectRatio);
    // Never blow a small design up beyond its natural size.
    if (zoom() > 1.0)
        resetZoom();
    centerOn(bounds.center());
    Q_EMIT zoomChanged(zoom());
}

qreal DesignView::readableZoom() const
{
    const SceneStyle &style = m_scene->style();
    qreal smallest = std::numeric_limits<qreal>::max();
    for (const QFont &font : {style.labelFont, style.smallFont, style.monoFont}) {
        const qreal pixels = font.pixelSize() > 0 ? font.pixelSize()
                                                  : font.pointSizeF() * logicalDpiY() / 72.0;
        smallest = std::min(smallest, pixels);
    }
    return std::min(1.0, minimumTextPixels / smallest);
}

void DesignView::fitReadable()
{
    fitToDesign();
    // An estate that fits only below the detail level opens whole, as a map: its hub and VNet
    // names are drawn readable there (mapLabels()).
    if (!m_scene->designBounds().isEmpty() && zoom() < detailLevel)
        return;
    const qreal readable = readableZoom();
    if (zoom() >= readable)
        return;
    setTransform(QTransform::fromScale(readable, readable));
    centerOn(m_scene->designBounds().center());
    Q_EMIT zoomChanged(zoom());
}

std::vector<DesignView::MapLabel> DesignView::mapLabels() const
{
    std::vector<MapLabel> labels;
    if (zoom() >= detailLevel)
        return labels;
    const SceneStyle &style = m_scene->style();
    const QFontMetricsF hubMetrics(style.titleFont);
    const QFontMetricsF metrics(style.labelFont);
    // Shaping a thousand names on every repaint of the map is most of its cost: their widths
    // are kept, as long as the fonts are the same.
    if (m_labelFonts != std::pair{style.titleFont, style.labelFont}) {
        m_labelWidths.clear();
        m_labelFonts = {style.titleFont, style.labelFont};
    }
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const QRectF screen = viewport()->rect();
    std::vector<const model::Vnet *> order;
    for (const model::Vnet &v : m_scene->design().vnets)
        if (v.role == model::VnetRole::Hub)
            order.push_back(&v);
    for (const model::Vnet &v : m_scene->design().vnets)
        if (v.role != model::VnetRole::Hub)
            order.push_back(&v);
    for (const model::Vnet *v : order) {
        const QRectF box = m_scene->sceneRectOf(v->name);
        if (box.isNull() || !visible.intersects(box))
            continue;
        const bool hub = v->role == model::VnetRole::Hub;
        const QFontMetricsF &m = hub ? hubMetrics : metrics;
        auto width = m_labelWidths.constFind(v->name);
        if (width == m_labelWidths.cend())
            width = m_labelWidths.insert(v->name, {metrics.horizontalAdvance(v->name),
                                                   hubMetrics.horizontalAdvance(v->name)});
        const QSizeF size((hub ? width->second : width->first) + 12, m.height() + 4);
        const QPointF centre = mapFromScene(box.center());
        const QRectF rect(centre - QPointF(size.width() / 2, size.height() / 2), size);
        if (!screen.intersects(rect))
            continue;
        const QRectF spaced = rect.adjusted(-3, -2, 3, 2);
        if (std::ranges::any_of(labels, [&](const MapLabel &l) { return l.rect.intersects(spaced); }))
            continue;
        labels.push_back({v->name, rect, hub});
    }
    return labels;
}

void DesignView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // Which names fit depends on what is in view: a scroll repaints them all rather than
    // moving the old ones with the drawing.
    if (zoom() < detailLevel)
        viewport()->update();
}

void DesignView::centreOn(const QList<model::ObjectId> &ids)
{
    QRectF area;
    for (const model::ObjectId &id : ids)
        area |= m_scene->sceneRectOf(id.toString());
    if (area.isNull())
        return;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (area.width() > visible.width() || area.height() > visible.height()) {
        fitInView(area.adjusted(-60, -60, 60, 60), Qt::KeepAspectRatio);
        Q_EMIT zoomChanged(zoom());
    }
    centerOn(area.center());
}

void DesignView::reveal(const QRectF &sceneArea)
{
    if (sceneArea.isEmpty())
        return;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (sceneArea.width() > visible.width() || sceneArea.height() > visible.height()) {
        fitInView(sceneArea, Qt::KeepAspectRatio);
        Q_EMIT zoomChanged(zoom());
        return;
    }
    ensureVisible(sceneArea, 0, 0);
}

void DesignView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPointF scenePos = mapToScene(event->pos());
    DesignItem *under = m_scene->designItemAt(scenePos);
    model::ObjectId id;
    if (under) {
        id = model::ObjectId::parse(under->id());
        // As drawing tools do: the menu acts on what was right-clicked, which joins the
        // selection only when it was not part of it.
        if (!m_scene->selectedIds().contains(id))
            m_scene->selectIds({id});
    }
    Q_EMIT contextMenuRequested(id, scenePos, event->globalPos());
    event->accept();
}

void DesignView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton ||
        (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panOrigin = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (!m_current || !m_current->mousePress(event))
        QGraphicsView::mousePressEvent(event);
}

void DesignView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panOrigin;
        m_panOrigin = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        return;
    }
    if (!m_current || !m_current->mouseMove(event))
        QGraphicsView::mouseMoveEvent(event);
}

void DesignView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : m_current->cursor());
        return;
    }
    if (!m_current || !m_current->mouseRelease(event))
        QGraphicsView::mouseReleaseEvent(event);
}

void DesignView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    if (m_current && m_current->keyPress(event))
        return;
    QGraphicsView::keyPressEvent(event);
}

void DesignView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(m_current ? m_current->cursor() : Qt::ArrowCursor);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignView::wheelEvent(QWheelEvent *event)
{
    // The wheel zooms about the cursor; Shift + wheel scrolls sideways, as in most canvases.
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (!qFuzzyIsNull(steps))
        zoomBy(std::pow(1.15, steps));
    event->accept();
}

void DesignView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (const std::vector<MapLabel> labels = mapLabels(); !labels.empty()) {
        const SceneStyle &style = m_scene->style();
        painter->save();
        painter->resetTransform();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor plate = style.nodeFill;
        plate.setAlphaF(0.88);
        for (const MapLabel &label : labels) {
            painter->setPen(QPen(label.hub ? style.hubAccent : style.bandBorder, label.hub ? 1.4 : 1));
            painter->setBrush(plate);
            painter->drawRoundedRect(label.rect, 5, 5);
            painter->setFont(label.hub ? style.titleFont : style.labelFont);
            painter->setPen(style.text);
            painter->drawText(label.rect, Qt::AlignCenter, label.name);
        }
        painter->restore();
    }
    if (!m_scene->design().vnets.empty() || !m_scene->furnitureVisible())
        return;
    // An empty design says how to begin (view furniture: never in an export).
    painter->save();
    painter->resetTransform();
    const QRectF area = viewport()->rect();
    const SceneStyle &style = m_scene->style();
    QFont title = style.titleFont;
    title.setPointSizeF(title.pointSizeF() * 1.5);
    painter->setFont(title);
    painter->setPen(style.mutedText);
    // Below the middle, where the lone Internet node is not.
    const QRectF band(area.left(), area.top() + area.height() * 0.62, area.width(), 90);
    painter->drawText(band, Qt::AlignHCenter | Qt::AlignTop, tr("Start with a Hub VNet"));
    painter->setFont(style.labelFont);
    painter->drawText(band.adjusted(0, 40, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
                      tr("Drag it from the palette, or select it there and press Enter.\n"
                         "Open an example from Help → Examples."));
    painter->restore();
}

void DesignView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(paletteMimeType()))
        event->acceptProposedAction();
}

void DesignView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(paletteMimeType()))
        event->acceptProposedAction();
}

void DesignView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(paletteMimeType()))
        return;
    const QString kind = QString::fromUtf8(event->mimeData()->data(paletteMimeType()));
    event->acceptProposedAction();
    Q_EMIT paletteDropped(kind, mapToScene(event->position().toPoint()));
}

} // namespace hopscope::gui
