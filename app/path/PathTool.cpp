#include "path/PathTool.h"

#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "canvas/SceneItems.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace hopscope::gui {

QString PathTool::endpointAt(const DesignScene *scene, QPointF scenePos)
{
    const DesignItem *item = scene->designItemAt(scenePos);
    if (!item)
        return {};
    switch (item->type()) {
    case DeviceItemType:
    case NodeItemType:
    case SubnetItemType: return item->id();
    default: return {}; // a VNet header or a line is no place a packet stands
    }
}

void PathTool::activate()
{
    m_from.clear();
    Q_EMIT message(tr("Trace a path: click where the packet starts."));
}

void PathTool::deactivate()
{
    if (!m_from.isEmpty()) {
        m_from.clear();
        Q_EMIT cancelled(); // a source was picked: whoever showed it must stop waiting
    }
    view()->designScene()->setDraftLine(std::nullopt);
}

bool PathTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    DesignScene *scene = view()->designScene();
    const QPointF pos = view()->mapToScene(event->position().toPoint());
    const QString name = endpointAt(scene, pos);
    if (name.isEmpty()) {
        Q_EMIT message(tr("Click a VM, firewall, gateway, client, site, subnet or the Internet."));
        return true;
    }
    if (m_from.isEmpty()) {
        m_from = name;
        scene->setDraftLine(QLineF(scene->sceneRectOf(m_from).center(), pos));
        Q_EMIT sourcePicked(name);
        Q_EMIT message(tr("From %1: now click where it goes (Esc cancels).").arg(name));
        return true;
    }
    if (name == m_from) {
        Q_EMIT message(tr("Pick a destination other than %1.").arg(name));
        return true;
    }
    const QString from = std::exchange(m_from, QString());
    scene->setDraftLine(std::nullopt);
    Q_EMIT pathRequested(from, name);
    Q_EMIT message(tr("Path %1 → %2. Click another source, or Esc to stop.").arg(from, name));
    return true;
}

bool PathTool::mouseMove(QMouseEvent *event)
{
    if (m_from.isEmpty())
        return false; // hover feedback and tooltips as usual
    DesignScene *scene = view()->designScene();
    scene->setDraftLine(QLineF(scene->sceneRectOf(m_from).center(),
                               view()->mapToScene(event->position().toPoint())));
    return true;
}

bool PathTool::mouseRelease(QMouseEvent *event)
{
    return event->button() == Qt::LeftButton; // picks never select or move anything
}

bool PathTool::keyPress(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape)
        return false;
    if (!m_from.isEmpty()) {
        deactivate(); // emits cancelled()
        Q_EMIT message(tr("Path cancelled: click where the packet starts."));
        return true;
    }
    Q_EMIT cancelled();
    Q_EMIT finished();
    return true;
}

} // namespace hopscope::gui
