#include "findings/CheckRunner.h"

#include "document/DesignDocument.h"

#include <QtConcurrent/QtConcurrentRun>

namespace hopscope::gui {

CheckRunner::CheckRunner(DesignDocument *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, &CheckRunner::launch);
    connect(document, &DesignDocument::designChanged, this, [this] {
        ++m_generation;
        m_debounce.start();
    });
    connect(&m_watcher, &QFutureWatcher<analysis::CheckReport>::finished, this, [this] {
        const quint64 generation = m_runningGeneration;
        analysis::CheckReport report = m_watcher.result();
        if (m_pending) {
            m_pending = false;
            launch();
        }
        if (generation != m_generation)
            return; // stale: the design changed while this ran
        m_report = std::move(report);
        Q_EMIT finished(m_report);
    });
}

CheckRunner::~CheckRunner()
{
    // The worker holds its own copy of the design; waiting only avoids a dangling watcher.
    m_watcher.waitForFinished();
}

void CheckRunner::checkNow()
{
    m_debounce.stop();
    launch();
}

void CheckRunner::launch()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // one more run once this one ends; intermediate states are skipped
        return;
    }
    m_runningGeneration = m_generation;
    analysis::CheckOptions options;
    // The proxies' squid.conf files resolve against the design's file, or a built-in example's
    // resource folder, as `hopscope check` resolves them against the file it is given.
    options.designDirectory = m_document->baseDirectory();
    Q_EMIT started();
    m_watcher.setFuture(QtConcurrent::run(
        [design = m_document->design(), options] { return analysis::checkDesign(design, options); }));
}

} // namespace hopscope::gui
