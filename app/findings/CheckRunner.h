#pragma once

// Live checking: after every edit (debounced), checkDesign runs on a worker thread over a copy
// of the design; a result that arrives after a newer edit is dropped, so the UI never freezes
// and never shows stale findings.

#include "analysis/Check.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace hopscope::gui {

class DesignDocument;

class CheckRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int debounceMilliseconds = 150;

    explicit CheckRunner(DesignDocument *document, QObject *parent = nullptr);
    ~CheckRunner() override;

    const analysis::CheckReport &report() const { return m_report; }
    bool isRunning() const { return m_watcher.isRunning() || m_debounce.isActive(); }

    // Checks now (no debounce); the result still arrives through finished().
    void checkNow();

Q_SIGNALS:
    void started();
    void finished(const analysis::CheckReport &report);

private:
    void launch();

    DesignDocument *m_document;
    QTimer m_debounce;
    QFutureWatcher<analysis::CheckReport> m_watcher;
    quint64 m_generation = 0;        // bumped on every design change
    quint64 m_runningGeneration = 0; // the generation the running check belongs to
    bool m_pending = false;          // a change arrived while a check ran
    analysis::CheckReport m_report;
};

} // namespace hopscope::gui
