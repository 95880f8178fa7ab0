#include "findings/CheckRunner.h"

#include "document/DesignDocument.h"
#include "format/ValueGrammar.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace hopscope::gui {

CheckRunner::CheckRunner(DesignDocument *document, QObject *parent)
    : QObject(parent), m_document(document),
      m_checker(std::make_shared<analysis::IncrementalCheck>())
{
    connect(document, &DesignDocument::designChanged, this, [this] {
        ++m_generation;
        // At once, not in a later pass of the event loop: the check then runs on its worker
        // while this pass repaints the window for the edit. Edits made while it runs are
        // checked together when it ends. What is shown is outdated from now on, also while a
        // (quiet) priming check runs, which the edit's check then follows.
        launch(m_launched);
    });
    // designReset comes before its designChanged: the previous design's results go at once.
    connect(document, &DesignDocument::designReset, this, [this] {
        ++m_generation;
        m_outcome = Outcome();
        m_checker = std::make_shared<analysis::IncrementalCheck>();
        m_primeNext = false;
        Q_EMIT discarded();
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const quint64 generation = m_runningGeneration;
        Outcome outcome = m_watcher.result();
        m_launched = false;
        if (m_pending) {
            m_pending = false;
            launch();
        }
        // An outcome let go holds the pool rows of a check, tens of thousands on a large estate,
        // and the design the checker retired: they are freed on a worker, not here.
        const auto letGo = [](Outcome &&gone) {
            QThreadPool::globalInstance()->start(
                [gone = std::make_shared<Outcome>(std::move(gone))]() mutable { gone.reset(); });
        };
        if (generation != m_generation) {
            letGo(std::move(outcome));
            return; // stale: the design changed while this ran
        }
        // A full check kept nothing for the next one, so that its findings came at full-check
        // speed: the same design is checked again, quietly, to prime the incremental checker.
        if (!outcome.primed && !m_launched) {
            m_primeNext = true;
            launch();
        }
        letGo(std::exchange(m_outcome, std::move(outcome)));
        Q_EMIT finished(m_outcome.report);
    });
}

CheckRunner::~CheckRunner()
{
    // The worker holds its own copy of the design; waiting only avoids a dangling watcher.
    m_watcher.waitForFinished();
}

void CheckRunner::checkNow() { launch(); }

namespace {

// Names are shared with the design they came from, mostly: the same characters, at once.
bool sameText(const QString &a, const QString &b)
{
    return a.constData() == b.constData() ? a.size() == b.size() : a == b;
}

bool sameSummary(const analysis::SharedSummary &p, const analysis::SharedSummary &q)
{
    if (p == q)
        return true;
    const analysis::ConnectionSummary &a = *p;
    const analysis::ConnectionSummary &b = *q;
    return a.ok == b.ok && a.reason == b.reason && a.forwardReason == b.forwardReason &&
           a.replyReason == b.replyReason && a.explanation == b.explanation;
}

} // namespace

bool PoolVerdictRow::showsSameAs(const PoolVerdictRow &other) const
{
    return sameText(pool, other.pool) && sameText(poolEndpoint, other.poolEndpoint) &&
           sameSummary(toSubnet, other.toSubnet) && sameSummary(fromSubnet, other.fromSubnet) &&
           sameText(toSubnetWhere, other.toSubnetWhere) &&
           sameText(fromSubnetWhere, other.fromSubnetWhere);
}

void PoolRowsChange::compareRow(const PoolVerdictRow &before, const PoolVerdictRow &after,
                                size_t i, size_t count)
{
    if (!sameKeys)
        return;
    if (!sameText(after.gateway, before.gateway) || !sameText(after.subnet, before.subnet)) {
        sameKeys = false;
        first = last = -1;
        return;
    }
    if (after.showsSameAs(before))
        return;
    // The next row's pool cell is blank when it repeats this row's pool.
    first = first < 0 ? int(i) : first;
    last = std::max(last, int(std::min(i + 1, count - 1)));
}

PoolRowsChange PoolRowsChange::between(const std::vector<PoolVerdictRow> &before,
                                       const std::vector<PoolVerdictRow> &after)
{
    PoolRowsChange change;
    change.sameKeys = before.size() == after.size();
    for (size_t i = 0; change.sameKeys && i < after.size(); ++i)
        change.compareRow(before[i], after[i], i, after.size());
    return change;
}

std::vector<PoolVerdictRow> CheckRunner::poolRowsOf(const model::Network &network,
                                                    const analysis::SweepResults &results,
                                                    const std::vector<PoolVerdictRow> &before,
                                                    PoolRowsChange *change)
{
    const auto &devices = network.devices();
    const size_t count = results.pools.size();
    *change = PoolRowsChange();
    change->sameKeys = before.size() == count;
    // Texts made anew for each check (a pool's prefixes, its first address as the end point)
    // take the previous rows' strings when equal.
    const auto reuse = [&](QString text, size_t i, QString PoolVerdictRow::*field) {
        if (i < before.size() && before[i].*field == text)
            return before[i].*field;
        return text;
    };
    std::vector<PoolVerdictRow> rows;
    rows.reserve(count);
    int poolOf = -1; // the gateway whose texts `pool` and `endpoint` hold: shared by its rows
    QString pool;
    QString endpoint;
    for (size_t i = 0; i < count; ++i) {
        const analysis::PoolSweepRow &p = results.pools[i];
        const model::Device &gw = devices[p.gateway];
        if (poolOf != p.gateway) {
            poolOf = p.gateway;
            pool = reuse(gw.gatewayObject
                             ? format::formatPrefixes(gw.gatewayObject->vpnClientAddressPool)
                             : QString(),
                         i, &PoolVerdictRow::pool);
            endpoint = reuse(p.poolEndpoint, i, &PoolVerdictRow::poolEndpoint);
        }
        // Made in place: a large estate has tens of thousands of rows.
        PoolVerdictRow &row = rows.emplace_back();
        row.gateway = gw.name;
        row.pool = pool;
        row.poolEndpoint = endpoint;
        row.subnet = network.subnets()[p.subnet].qualifiedName;
        row.toSubnet = p.toSubnet;
        row.fromSubnet = p.fromSubnet;
        if (p.toSubnet->failedAt >= 0)
            row.toSubnetWhere = devices[p.toSubnet->failedAt].name;
        if (p.fromSubnet->failedAt >= 0)
            row.fromSubnetWhere = devices[p.fromSubnet->failedAt].name;
        // Compared while the row is at hand, not in a second pass over all of them.
        if (change->sameKeys)
            change->compareRow(before[i], row, i, count);
    }
    return rows;
}

void CheckRunner::launch(bool outdated)
{
    if (m_watcher.isRunning()) {
        m_pending = true; // one more run once this one ends; intermediate states are skipped
        if (outdated)
            Q_EMIT started();
        return;
    }
    m_runningGeneration = m_generation;
    m_launched = true;
    const bool priming = std::exchange(m_primeNext, false);
    const auto keep = priming ? analysis::IncrementalCheck::Keep::Always
                              : analysis::IncrementalCheck::Keep::WhenIncremental;
    analysis::CheckOptions options;
    // The proxies' squid.conf files resolve against the design's file, or a built-in example's
    // resource folder, as `hopscope check` resolves them against the file it is given.
    options.designDirectory = m_document->baseDirectory();
    m_watcher.setFuture(QtConcurrent::run([design = m_document->design(), options, keep,
                                           checker = m_checker,
                                           before = m_outcome.pools]() mutable {
        Outcome outcome;
        bool compared = false;
        analysis::CheckOptions withPools = options;
        // The rows are named and compared with the previous ones while the check makes its
        // findings (the observer has a thread of its own).
        withPools.sweepsObserver = [&](const model::Network &network,
                                       const analysis::SweepResults &results) {
            outcome.pools = std::make_shared<const std::vector<PoolVerdictRow>>(
                poolRowsOf(network, results, *before, &outcome.poolsChange));
            compared = true;
        };
        outcome.report = checker->check(std::move(design), withPools, keep);
        outcome.primed = checker->lastStatistics().primed || !checker->lastStatistics().keepable;
        outcome.retired = checker->takeRetired();
        if (!compared) // no sweeps ran: no rows
            outcome.poolsChange = PoolRowsChange::between(*before, *outcome.pools);
        outcome.poolsBefore = std::move(before);
        return outcome;
    }));
    // Announced once the worker runs, so that it does not wait for the panels to fade. A
    // priming run finds what is shown already.
    if (!priming || outdated)
        Q_EMIT started();
}

} // namespace hopscope::gui
