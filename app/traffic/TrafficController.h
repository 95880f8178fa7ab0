#pragma once

// Proxy-log import in the desktop app (issue 7): File → Import Proxy Log… reads a Squid
// access.log on a worker thread with a cancellable progress bar in the status bar, shows the
// summary in the Traffic panel, and draws the observed flows over the canvas. Filters read the
// log again, on the worker, under the panel's filter. As in CheckRunner, every run has a
// generation; a result that arrives after a newer request, or that was cancelled, is dropped, so
// the panel never shows a stale or partial summary. The worker owns everything it touches
// (the path, a copy of the options, shared counters), so quitting mid-import is safe.

#include "proxy/AccessLog.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QMainWindow;
class QProgressBar;
class QTimer;
class QToolButton;
class QWidget;

namespace hopscope::gui {

class DesignDocument;
class DesignScene;
class FlowOverlay;
class TrafficPanel;

class TrafficController : public QObject
{
    Q_OBJECT
public:
    // How many destinations a run keeps: enough that the proxy → network legs sum nearly all
    // upstream bytes; the panel shows the first TrafficPanel::maxRows.
    static constexpr int keptDestinations = 5000;

    // Creates the panel, the overlay (in `scene`), the progress widget and the actions
    // "actionImportProxyLog" and "actionShowFlows" (children of `window`, for its menus).
    TrafficController(QMainWindow *window, DesignDocument *document, DesignScene *scene);
    ~TrafficController() override;

    TrafficPanel *panel() const { return m_panel; }
    FlowOverlay *overlay() const { return m_overlay; }
    // A progress bar and a Cancel button for the status bar; hidden while idle.
    QWidget *progressWidget() const { return m_progressWidget; }
    QAction *importAction() const { return m_import; }
    QAction *showFlowsAction() const { return m_showFlows; }

    // Starts reading `path` (a new log); a run in progress is cancelled and its result dropped.
    void importLog(const QString &path);
    // Cancels the run in progress; its partial result is never shown.
    void cancel();
    // A worker is still running (a cancelled one too, until it notices).
    bool isBusy() const { return !m_runs.empty(); }

Q_SIGNALS:
    void message(const QString &text);
    // A new log is shown (not emitted for filtered re-reads).
    void imported(const QString &path);

private:
    struct Run;
    void start(const QString &path, const proxy::AccessLogFilter &filter, bool newLog);
    void finished(const std::shared_ptr<Run> &run);
    void pollProgress();
    void updateOverlay();

    QMainWindow *m_window;
    DesignDocument *m_document;
    QPointer<DesignScene> m_scene; // owns the overlay; may die first when the window closes
    TrafficPanel *m_panel;
    FlowOverlay *m_overlay;
    QWidget *m_progressWidget;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QAction *m_import;
    QAction *m_showFlows;
    QTimer *m_poll;
    std::shared_ptr<Run> m_running;          // the run whose result will be shown, until it ends
    std::vector<std::shared_ptr<Run>> m_runs; // every run whose worker has not ended
    quint64 m_generation = 0;
};

} // namespace hopscope::gui
