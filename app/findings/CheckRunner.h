#pragma once

// Live checking: after every edit, the design is checked on a worker thread over a copy of it;
// a result that arrives after a newer edit is dropped, so the UI never freezes and never shows
// stale findings. Edits that come while a check runs are checked together once it ends. The
// check is incremental (analysis::IncrementalCheck, issue 15): it keeps what the previous check
// of the same design judged and walks again only what the edit can change, with the same
// findings as a full check. The same run yields the VPN-pool matrix's rows (the sweeps' pool
// verdicts, in names), so the matrix never sweeps on its own.

#include "analysis/Check.h"
#include "analysis/IncrementalCheck.h"
#include "analysis/Sweeps.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace hopscope::gui {

class DesignDocument;

// The names a check's pool rows refer to by index, as the worker's Network named them: they
// outlive it.
struct PoolRowNames
{
    std::vector<QString> devices; // Network::devices(): gateways, and where walks end
    std::vector<QString> subnets; // Network::subnets(), qualified
    std::vector<QString> pools;   // per device: a gateway's P2S pool prefixes, for people

    // The same texts; pointer-first, as names mostly share the design's strings.
    bool sameAs(const PoolRowNames &other) const;
};

// One P2S pool × workload subnet verdict of the check's sweeps, in names: a view of a row of
// PoolRows, valid while they live.
struct PoolVerdictRow
{
    const QString &gateway;
    const QString &pool;                         // the pool's prefixes, for people
    const QString &poolEndpoint;                 // what a trace names as the pool's end
    const QString &subnet;                       // "VNET/SUBNET"
    const analysis::ConnectionSummary &toSubnet; // shared with the rows of its subnet class
    const analysis::ConnectionSummary &fromSubnet;
    const QString &toSubnetWhere; // the device where the failing walk ended, or empty
    const QString &fromSubnetWhere;

    // What the row shows is the same as `other` (its gateway and subnet aside).
    bool showsSameAs(const PoolVerdictRow &other) const;
};

// The pool verdicts of one check: the sweeps' own rows, shared and not copied (an estate has
// tens of thousands), with the names they refer to.
class PoolRows
{
public:
    PoolRows();
    PoolRows(std::shared_ptr<const PoolRowNames> names, analysis::PoolSweepRows rows);

    size_t size() const { return m_rows->size(); }
    bool empty() const { return m_rows->empty(); }
    PoolVerdictRow operator[](size_t i) const;
    // The row's key: its gateway and subnet.
    const QString &gateway(size_t i) const;
    const QString &subnet(size_t i) const;

    const std::shared_ptr<const PoolRowNames> &names() const { return m_names; }
    const analysis::PoolSweepRows &sweepRows() const { return m_rows; }

private:
    std::shared_ptr<const PoolRowNames> m_names;
    analysis::PoolSweepRows m_rows;
};

// How one list of pool rows differs from the one before, worked out on the checking thread so
// that the matrix shown need not compare tens of thousands of rows on the main thread.
struct PoolRowsChange
{
    bool sameKeys = false; // the same (gateway, subnet) in the same order
    int first = -1;        // with sameKeys, the rows whose cells change: [first, last], or -1
    int last = -1;

    static PoolRowsChange between(const PoolRows &before, const PoolRows &after);

    // One step of between(): row `i` of `count` rows, was `before` and is `after`.
    void compareRow(const PoolVerdictRow &before, const PoolVerdictRow &after, size_t i,
                    size_t count);
    // Row `i` of `count` shows something else (and so may the next, whose pool cell is blank
    // when it repeats this row's pool).
    void markChanged(size_t i, size_t count);
};

class CheckRunner : public QObject
{
    Q_OBJECT
public:
    // A check starts at once on every edit, with no debounce, as an incremental check of one
    // edit takes tens of milliseconds; edits made while one runs are checked together when it
    // ends.
    explicit CheckRunner(DesignDocument *document, QObject *parent = nullptr);
    ~CheckRunner() override;

    const analysis::CheckReport &report() const { return m_outcome.report; }
    // The pool verdicts of the same check as report(). Shared, not copied: a large estate has
    // tens of thousands of rows, and the matrix shows these very rows.
    const PoolRows &poolRows() const { return *m_outcome.pools; }
    std::shared_ptr<const PoolRows> sharedPoolRows() const { return m_outcome.pools; }
    // How poolRows() differs from `shown`, when that is what the previous check delivered;
    // nullptr otherwise.
    const PoolRowsChange *poolRowsChangeFrom(const PoolRows *shown) const
    {
        return shown && shown == m_outcome.poolsBefore.get() ? &m_outcome.poolsChange : nullptr;
    }
    // True from an edit until the check of the design as it is now has been delivered (the
    // worker ending is not enough: its result is handed over by an event after that).
    bool isRunning() const { return m_launched; }

    // Checks now; the result still arrives through finished().
    void checkNow();

    // The pool rows of sweep results, and how they differ from `before` (as
    // PoolRowsChange::between tells). Names equal to those of `before` are its names, so that
    // the next comparison finds them equal at once.
    static PoolRows poolRowsOf(const model::Network &network, const analysis::SweepResults &results,
                               const PoolRows &before, PoolRowsChange *change);

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
        std::shared_ptr<const PoolRows> pools = std::make_shared<const PoolRows>();
        // The rows of the check before, and how `pools` differs from them.
        std::shared_ptr<const PoolRows> poolsBefore;
        PoolRowsChange poolsChange;
        bool primed = true; // the checker kept what the next check builds on, or cannot
        // The design the checker let go (IncrementalCheck::takeRetired), freed with the outcome.
        std::shared_ptr<const void> retired;
    };

    // Checks the design as it is now, or once the running check ends. `outdated`: announce
    // started() even for a priming run.
    void launch(bool outdated = false);

    DesignDocument *m_document;
    // The checker of the open design, used by one worker at a time; another design gets a new
    // one (a worker still running keeps its own).
    std::shared_ptr<analysis::IncrementalCheck> m_checker;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_generation = 0;        // bumped on every design change
    quint64 m_runningGeneration = 0; // the generation the running check belongs to
    bool m_pending = false;          // a change arrived while a check ran
    bool m_launched = false;         // a check runs, or its result is not handled yet
    bool m_primeNext = false;        // the next run primes the checker (IncrementalCheck::Keep)
    Outcome m_outcome;
};

} // namespace hopscope::gui
