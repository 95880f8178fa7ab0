#include "traffic/TrafficController.h"

#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "traffic/FlowOverlay.h"
#include "traffic/TrafficPanel.h"
#include "proxy/LogDesignMapping.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLocale>
#include <QMainWindow>
#include <QProgressBar>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace hopscope::gui {

namespace {

constexpr int progressPollMilliseconds = 100;
const char lastLogDirectoryKey[] = "traffic/lastLogDirectory";

struct RunResult
{
    std::optional<proxy::AccessLogSummary> summary;
    QString error;
};

// What the worker shares with the window: only atomics, so either side may outlive the other.
struct Shared
{
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

} // namespace

struct TrafficController::Run
{
    quint64 generation = 0;
    QString path;
    bool newLog = true;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    // Deleted later: a run usually ends inside its own watcher's finished() signal.
    QFutureWatcher<RunResult> *watcher = new QFutureWatcher<RunResult>;
    Run() = default;
    Run(const Run &) = delete;
    Run &operator=(const Run &) = delete;
    ~Run() { watcher->deleteLater(); }
};

TrafficController::TrafficController(QMainWindow *window, DesignDocument *document,
                                     DesignScene *scene)
    : QObject(window), m_window(window), m_document(document), m_scene(scene),
      m_panel(new TrafficPanel(document, window)), m_overlay(new FlowOverlay(scene)),
      m_progressWidget(new QWidget(window)), m_progress(new QProgressBar(m_progressWidget)),
      m_cancel(new QToolButton(m_progressWidget)), m_poll(new QTimer(this))
{
    m_progressWidget->setObjectName(QStringLiteral("importProgress"));
    auto *layout = new QHBoxLayout(m_progressWidget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_progress->setRange(0, 1000);
    m_progress->setFixedWidth(180);
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop reading the log; nothing of it is shown"));
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    m_progressWidget->hide();
    connect(m_cancel, &QToolButton::clicked, this, &TrafficController::cancel);

    m_import = new QAction(tr("Import &Proxy Log…"), window);
    m_import->setObjectName(QStringLiteral("actionImportProxyLog"));
    m_import->setStatusTip(tr("Summarise a Squid access.log and draw its flows on the design"));
    connect(m_import, &QAction::triggered, this, [this] {
        QSettings settings;
        const QString start = settings.value(QLatin1String(lastLogDirectoryKey),
                                             QDir::homePath()).toString();
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Import Squid access.log"), start,
            tr("Squid access logs (access.log* *.log);;All files (*)"));
        if (path.isEmpty())
            return;
        settings.setValue(QLatin1String(lastLogDirectoryKey), QFileInfo(path).absolutePath());
        importLog(path);
    });

    m_showFlows = new QAction(tr("Show Observed &Traffic"), window);
    m_showFlows->setObjectName(QStringLiteral("actionShowFlows"));
    m_showFlows->setCheckable(true);
    m_showFlows->setChecked(true);
    m_showFlows->setStatusTip(tr("Draw the flows of the imported proxy log over the canvas"));
    connect(m_showFlows, &QAction::toggled, this, [this](bool on) {
        if (m_scene)
            m_overlay->setVisible(on);
    });

    m_poll->setInterval(progressPollMilliseconds);
    connect(m_poll, &QTimer::timeout, this, &TrafficController::pollProgress);

    connect(m_panel, &TrafficPanel::filterChanged, this,
            [this](const proxy::AccessLogFilter &filter) {
                if (m_panel->hasLog())
                    start(m_panel->logPath(), filter, false);
            });
    // A different design: the legs of the old one mean nothing on it (the panel keeps the log's
    // tables and re-maps their design objects itself).
    connect(document, &DesignDocument::designReset, this, [this] {
        if (!m_scene)
            return;
        m_overlay->clear();
        if (m_panel->hasLog())
            m_panel->setNote(tr("A new design is open: import the log again to draw its flows."));
    });
    // An edit (a rename, a moved pool) re-maps the legs drawn now.
    connect(document, &DesignDocument::designChanged, this, [this] {
        if (m_scene && !m_overlay->flows().empty())
            updateOverlay();
    });
    // The legs follow their ends while objects are dragged; refreshGeometry() is silent when
    // nothing moved, so its own repaint does not come back here.
    connect(scene, &QGraphicsScene::changed, this, [this] { m_overlay->refreshGeometry(); });
}

TrafficController::~TrafficController()
{
    // Workers own their inputs; cancelling and waiting only keeps their watchers from outliving
    // this object.
    std::vector<std::shared_ptr<Run>> runs = std::move(m_runs);
    for (const std::shared_ptr<Run> &run : runs) {
        run->shared->cancel = true;
        run->watcher->disconnect(this);
    }
    for (const std::shared_ptr<Run> &run : runs)
        run->watcher->waitForFinished();
    m_running.reset();
}

void TrafficController::importLog(const QString &path)
{
    start(path, {}, true);
}

void TrafficController::start(const QString &path, const proxy::AccessLogFilter &filter,
                              bool newLog)
{
    if (m_running)
        m_running->shared->cancel = true; // superseded: its result will be dropped
    auto run = std::make_shared<Run>();
    run->generation = ++m_generation;
    run->path = path;
    run->newLog = newLog;
    m_runs.push_back(run);
    m_running = run;

    proxy::AccessLogOptions options;
    options.topDestinations = keptDestinations;
    options.filter = filter;
    std::shared_ptr<Shared> shared = run->shared;
    connect(run->watcher, &QFutureWatcher<RunResult>::finished, this,
            [this, weak = std::weak_ptr<Run>(run)] {
                if (std::shared_ptr<Run> r = weak.lock())
                    finished(r);
            });
    run->watcher->setFuture(QtConcurrent::run([path, options, shared]() mutable {
        options.cancel = &shared->cancel;
        options.progress = [shared](qint64 done, qint64 total) {
            shared->total = total;
            shared->done = done;
        };
        RunResult result;
        result.summary = proxy::summarizeAccessLogFile(path, options, &result.error);
        return result;
    }));

    m_progress->setValue(0);
    m_progress->setFormat(newLog ? tr("Reading %1… %p%").arg(QFileInfo(path).fileName())
                                 : tr("Filtering… %p%"));
    m_cancel->setEnabled(true);
    m_progressWidget->show();
    m_poll->start();
    if (newLog)
        Q_EMIT message(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
}

void TrafficController::cancel()
{
    if (!m_running)
        return;
    m_running->shared->cancel = true;
    m_running.reset();
    ++m_generation; // even a run that finished meanwhile is not shown
    m_poll->stop();
    m_progressWidget->hide();
    Q_EMIT message(tr("Import cancelled; nothing of that log is shown."));
}

void TrafficController::pollProgress()
{
    if (!m_running)
        return;
    const qint64 total = m_running->shared->total.load();
    if (total > 0)
        m_progress->setValue(int(1000 * m_running->shared->done.load() / total));
}

void TrafficController::finished(const std::shared_ptr<Run> &run)
{
    m_runs.erase(std::remove(m_runs.begin(), m_runs.end(), run), m_runs.end());
    RunResult result = run->watcher->result();
    if (run->generation != m_generation)
        return; // superseded or cancelled: never shown, not even in part
    m_running.reset();
    m_poll->stop();
    m_progressWidget->hide();
    if (!result.summary) {
        Q_EMIT message(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(run->path),
                                                    result.error));
        return;
    }
    if (result.summary->cancelled)
        return;
    if (run->newLog) {
        m_panel->showLog(run->path, *result.summary);
        if (auto *dock = qobject_cast<QDockWidget *>(m_panel->parentWidget())) {
            dock->show();
            dock->raise();
        }
        Q_EMIT message(tr("Imported %1: %2 records")
                           .arg(QFileInfo(run->path).fileName(),
                                QLocale().toString(result.summary->records)));
        Q_EMIT imported(run->path);
    } else {
        m_panel->showFiltered(*result.summary);
    }
    updateOverlay();
}

void TrafficController::updateOverlay()
{
    if (!m_scene)
        return;
    const proxy::AccessLogSummary *summary = m_panel->summary();
    if (!summary) {
        m_overlay->clear();
        return;
    }
    const model::Design &design = m_document->design();
    m_overlay->setFlows(proxy::observedFlows(design, *summary));
    const QString proxyVm = proxy::proxyVmOf(design, *summary);
    if (proxyVm.isEmpty())
        m_panel->setNote(tr("The design has no proxy VM: no flows are drawn."));
    else if (m_overlay->flows().empty())
        m_panel->setNote(tr("No client of this log is in the design."));
    else
        m_panel->setNote(tr("On the canvas: %1 flows through %2 (View → Show Observed Traffic)")
                             .arg(m_overlay->flows().size())
                             .arg(proxyVm));
}

} // namespace hopscope::gui
