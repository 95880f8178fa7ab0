#pragma once

// Everything of "click two nodes to see the path" (issue 5), wired together so that the main
// window only places it: the path tool on the view, the session and its overlay on the scene,
// the animator, the Path dock's panel, the VPN-pool matrix, and "Show path" on findings that
// carry a trace. Panels are created without a parent; the window puts them into docks.

#include "path/PathPanel.h"
#include "path/PoolMatrixPanel.h"
#include "routing/Trace.h"

#include <QObject>

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

    // Draws `request` and brings the Path dock forward.
    void showPath(const routing::TraceRequest &request);

    // Findings with a trace draw it on double-click or through their "Show Path" context action.
    void attachFindings(FindingsPanel *findings, CheckRunner *checker);

private:
    void raisePanel();
    // Brings the traced path into view (a trace asked for by the user, not a re-trace).
    void revealPath();
    void refreshEndpointNames();

    DesignDocument *m_document;
    DesignView *m_view;
    PathTool *m_tool;
    PathSession *m_session;
    PathAnimator *m_animator;
    PathPanel *m_panel;
    PoolMatrixPanel *m_matrix;
};

} // namespace hopscope::gui
