#pragma once

// Everything of "click two nodes to see the path" (issue 5), wired together so that the main
// window only places it: the path tool on the view, the session and its overlay on the scene,
// the animator, the Path dock's panel, the VPN-pool matrix, and "Show path" on findings that
// carry a trace. Panels are created without a parent; the window puts them into docks.

#include "path/PathPanel.h"
#include "path/PoolMatrixPanel.h"
#include "model/ObjectId.h"
#include "routing/Trace.h"

#include <QObject>
#include <QPointer>

namespace hopscope::gui {

class CheckRunner;
class DesignDocument;
class DesignScene;
class DesignView;
class FindingsPanel;
class PathAnimator;
class PathOverlay;
class PathSession;
class PathTool;

class PathWorkbench : public QObject
{
    Q_OBJECT
public:
    // Adds the path tool ("path") to `view`.
    PathWorkbench(DesignDocument *document, DesignScene *scene, DesignView *view,
                  QObject *parent = nullptr);
    ~PathWorkbench() override;

    PathTool *tool() const { return m_tool; }
    PathSession *session() const { return m_session; }
    PathOverlay *overlay() const;
    PathAnimator *animator() const { return m_animator; }
    PathPanel *panel() const { return m_panel; }
    PoolMatrixPanel *poolMatrix() const { return m_matrix; }

    // Draws `request`, brings the Path dock forward and plays the packet once.
    void showPath(const routing::TraceRequest &request);
    // Traces between two end points chosen on the canvas, on the port `to` serves unless the
    // user chose one, shows the path and plays it once.
    void traceGesture(const QString &from, const QString &to);

    // Findings with a trace draw it on double-click or through their "Show Path" context action.
    void attachFindings(FindingsPanel *findings, CheckRunner *checker);

private:
    QStringList m_endpointNames; // as last given to the panel, unsorted
    void raisePanel();
    // Brings the traced path into view (a trace asked for by the user, not a re-trace).
    void revealPath();
    void refreshEndpointNames();
    // Two end points selected on the canvas (Ctrl+click, rubber band): their path at once.
    void selectionChanged();
    void traceSelectedPair();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void playOnce();

    DesignDocument *m_document;
    DesignView *m_view;
    DesignScene *m_scene;
    // The selected end points in the order they were chosen (a rubber band's arrive together).
    QList<model::ObjectId> m_selectionOrder;
    bool m_selectionChosen = false; // something joined the selection since the last release
    PathTool *m_tool;
    PathSession *m_session;
    PathAnimator *m_animator;
    // Guarded: once docked, the panels belong to their docks, which the window may delete
    // before it deletes this object.
    QPointer<PathPanel> m_panel;
    QPointer<PoolMatrixPanel> m_matrix;
};

} // namespace hopscope::gui
