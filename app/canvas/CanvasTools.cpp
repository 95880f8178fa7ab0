#include "canvas/CanvasTools.h"

#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "canvas/SceneItems.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include <cmath>

namespace hopscope::gui {

CanvasTool::CanvasTool(DesignView *view) : QObject(view), m_view(view) {}

// ---- SelectMoveTool

void SelectMoveTool::deactivate()
{
    // A drag cut short puts the items back where the model has them.
    for (const Dragged &d : m_dragged)
        d.item->setPos(d.origin);
    m_dragged.clear();
}

bool SelectMoveTool::mousePress(QMouseEvent *event)
{
    m_dragged.clear();
    m_moved = false;
    if (event->button() != Qt::LeftButton)
        return false;
    view()->defaultMousePress(event); // selection and rubber band as Qt does them
    DesignScene *scene = view()->designScene();
    m_pressScenePos = view()->mapToScene(event->position().toPoint());
    DesignItem *hit = scene->designItemAt(m_pressScenePos);
    DesignItem *carrier = hit ? DesignScene::movableItemFor(hit) : nullptr;
    if (!carrier)
        return true;
    // Everything selected moves together; the pressed item moves even if the press only
    // selected one of its children.
    QList<DesignItem *> carriers{carrier};
    for (QGraphicsItem *i : scene->selectedItems()) {
        DesignItem *c = DesignScene::movableItemFor(i);
        if (c && !carriers.contains(c))
            carriers << c;
    }
    for (DesignItem *c : carriers)
        m_dragged.push_back({c, c->pos()});
    return true;
}

bool SelectMoveTool::mouseMove(QMouseEvent *event)
{
    if (m_dragged.empty() || !(event->buttons() & Qt::LeftButton))
        return false;
    const QPointF delta = view()->mapToScene(event->position().toPoint()) - m_pressScenePos;
    if (!m_moved && delta.manhattanLength() < 3)
        return true;
    m_moved = true;
    // Whole units keep the saved layout tidy.
    const QPointF step(std::round(delta.x()), std::round(delta.y()));
    for (const Dragged &d : m_dragged)
        d.item->setPos(d.origin + step);
    return true;
}

bool SelectMoveTool::mouseRelease(QMouseEvent *event)
{
    view()->defaultMouseRelease(event);
    if (m_dragged.empty() || !m_moved) {
        m_dragged.clear();
        return true;
    }
    std::vector<DesignDocument::Move> moves;
    for (const Dragged &d : m_dragged)
        moves.push_back({d.item->id(), d.item->pos()});
    m_dragged.clear();
    view()->designScene()->document()->moveObjects(moves);
    return true;
}

// ---- PeeringTool

void PeeringTool::activate()
{
    Q_EMIT message(tr("Drag from one VNet to another to peer them. Esc leaves the tool."));
}

void PeeringTool::deactivate()
{
    m_from.clear();
    view()->designScene()->setDraftLine(std::nullopt);
}

bool PeeringTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    DesignScene *scene = view()->designScene();
    const QPointF pos = view()->mapToScene(event->position().toPoint());
    DesignItem *vnet = scene->designItemAt(pos, VnetItemType);
    m_from = vnet ? vnet->id() : QString();
    if (!vnet) {
        Q_EMIT message(tr("Start the peering on a VNet."));
        return true;
    }
    scene->setDraftLine(QLineF(scene->sceneRectOf(m_from).center(), pos));
    return true;
}

bool PeeringTool::mouseMove(QMouseEvent *event)
{
    if (m_from.isEmpty())
        return true;
    DesignScene *scene = view()->designScene();
    scene->setDraftLine(QLineF(scene->sceneRectOf(m_from).center(),
                               view()->mapToScene(event->position().toPoint())));
    return true;
}

bool PeeringTool::mouseRelease(QMouseEvent *event)
{
    if (m_from.isEmpty())
        return true;
    DesignScene *scene = view()->designScene();
    scene->setDraftLine(std::nullopt);
    const QString from = std::exchange(m_from, QString());
    DesignItem *target =
        scene->designItemAt(view()->mapToScene(event->position().toPoint()), VnetItemType);
    if (!target || target->id() == from)
        return true;
    QString error;
    model::ObjectId id;
    const QString to = target->id();
    scene->document()->breakMergeChain();
    scene->document()->edit(tr("Add peering %1 ↔ %2").arg(from, to), [&](model::Design &d) {
        id = edit::addPeering(d, from, to, &error);
    });
    if (!error.isEmpty())
        Q_EMIT message(error);
    else
        scene->selectIds({id});
    return true;
}

bool PeeringTool::keyPress(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape)
        return false;
    deactivate();
    Q_EMIT finished();
    return true;
}

} // namespace hopscope::gui
