#pragma once

// Live checking: after every edit (debounced), checkDesign runs on a worker thread over a copy
// of the design; a result that arrives after a newer edit is dropped, so the UI never freezes
// and never shows stale findings. The same run yields the VPN-pool matrix's rows (the sweeps'
// pool verdicts, in names), so the matrix never sweeps on its own.

#include "analysis/Check.h"
#include "analysis/Sweeps.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

namespace hopscope::gui {

class DesignDocument;

// One P2S pool × workload subnet verdict of the check's sweeps, in names: the worker's Network
// dies with it.
struct PoolVerdictRow
{
    QString gateway;
    QString pool;         // the pool's prefixes, for people
    QString poolEndpoint; // what a trace names as the pool's end
    QString subnet;       // "VNET/SUBNET"
    analysis::ConnectionSummary toSubnet;
    analysis::ConnectionSummary fromSubnet;
    QString toSubnetWhere; // the device where the failing walk ended
    QString fromSubnetWhere;
};

class CheckRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int debounceMilliseconds = 150;

    explicit CheckRunner(DesignDocument *document, QObject *parent = nullptr);
    ~CheckRunner() override;

    const analysis::CheckReport &report() const { return m_outcome.report; }
    // The pool verdicts of the same check as report(). Shared, not copied: a large estate has
    // tens of thousands of rows, and the matrix shows this very vector.
    const std::vector<PoolVerdictRow> &poolRows() const { return *m_outcome.pools; }
    std::shared_ptr<const std::vector<PoolVerdictRow>> sharedPoolRows() const
    {
        return m_outcome.pools;
    }
    // True from an edit until the check of the design as it is now has been delivered (the
    // worker ending is not enough: its result is handed over by an event after that).
    bool isRunning() const { return m_launched || m_debounce.isActive(); }

    // Checks now (no debounce); the result still arrives through finished().
    void checkNow();

    // The pool rows of sweep results (exposed for tests).
    static std::vector<PoolVerdictRow> poolRowsOf(const model::Network &network,
                                                  const analysis::SweepResults &results);

Q_SIGNALS:
    // A check of the current design is on its way: what is shown is outdated.
    void started();
    void finished(const analysis::CheckReport &report);
    // Another design was opened: report() and poolRows() are empty until its first check ends,
    // and nothing shown for the previous design may stay on screen.
    void discarded();

private:
    struct Outcome
    {
        analysis::CheckReport report;
        std::shared_ptr<const std::vector<PoolVerdictRow>> pools =
            std::make_shared<const std::vector<PoolVerdictRow>>();
    };

    void launch();

    DesignDocument *m_document;
    QTimer m_debounce;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_generation = 0;        // bumped on every design change
    quint64 m_runningGeneration = 0; // the generation the running check belongs to
    bool m_pending = false;          // a change arrived while a check ran
    bool m_launched = false;         // a check runs, or its result is not handled yet
    Outcome m_outcome;
};

} // namespace hopscope::gui
