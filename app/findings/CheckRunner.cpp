#include "findings/CheckRunner.h"

#include "document/DesignDocument.h"
#include "format/ValueGrammar.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

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

bool sameTexts(const std::vector<QString> &a, const std::vector<QString> &b)
{
    return std::ranges::equal(a, b, sameText);
}

bool sameSummary(const analysis::ConnectionSummary &a, const analysis::ConnectionSummary &b)
{
    return &a == &b ||
           (a.ok == b.ok && a.reason == b.reason && a.forwardReason == b.forwardReason &&
            a.replyReason == b.replyReason && a.explanation == b.explanation);
}

const QString &noText()
{
    static const QString none;
    return none;
}

} // namespace

bool PoolRowNames::sameAs(const PoolRowNames &other) const
{
    return sameTexts(devices, other.devices) && sameTexts(subnets, other.subnets) &&
           sameTexts(pools, other.pools);
}

bool PoolVerdictRow::showsSameAs(const PoolVerdictRow &other) const
{
    return sameText(pool, other.pool) && sameText(poolEndpoint, other.poolEndpoint) &&
           sameSummary(toSubnet, other.toSubnet) && sameSummary(fromSubnet, other.fromSubnet) &&
           sameText(toSubnetWhere, other.toSubnetWhere) &&
           sameText(fromSubnetWhere, other.fromSubnetWhere);
}

PoolRows::PoolRows()
    : m_names(std::make_shared<const PoolRowNames>()),
      m_rows(std::make_shared<const std::vector<analysis::PoolSweepRow>>())
{
}

PoolRows::PoolRows(std::shared_ptr<const PoolRowNames> names, analysis::PoolSweepRows rows)
    : m_names(std::move(names)), m_rows(std::move(rows))
{
}

PoolVerdictRow PoolRows::operator[](size_t i) const
{
    const analysis::PoolSweepRow &r = (*m_rows)[i];
    const PoolRowNames &names = *m_names;
    const auto where = [&](const analysis::ConnectionSummary &s) -> const QString & {
        return s.failedAt >= 0 ? names.devices[size_t(s.failedAt)] : noText();
    };
    return {names.devices[size_t(r.gateway)],
            names.pools[size_t(r.gateway)],
            r.poolEndpoint,
            names.subnets[size_t(r.subnet)],
            *r.toSubnet,
            *r.fromSubnet,
            where(*r.toSubnet),
            where(*r.fromSubnet)};
}

const QString &PoolRows::gateway(size_t i) const
{
    return m_names->devices[size_t((*m_rows)[i].gateway)];
}

const QString &PoolRows::subnet(size_t i) const
{
    return m_names->subnets[size_t((*m_rows)[i].subnet)];
}

void PoolRowsChange::markChanged(size_t i, size_t count)
{
    first = first < 0 ? int(i) : first;
    last = std::max(last, int(std::min(i + 1, count - 1)));
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
    if (!after.showsSameAs(before))
        markChanged(i, count);
}

PoolRowsChange PoolRowsChange::between(const PoolRows &before, const PoolRows &after)
{
    PoolRowsChange change;
    const size_t count = after.size();
    change.sameKeys = before.size() == count;
    // Rows named alike hold indices into the same names: equal indices, equal keys, and a
    // verdict kept from the previous check is the very same summary.
    const bool sameNames = before.names() == after.names();
    // The sweeps hand back their previous rows when no pool verdict changed.
    if (sameNames && before.sweepRows() == after.sweepRows())
        return change;
    const std::vector<analysis::PoolSweepRow> &x = *before.sweepRows();
    const std::vector<analysis::PoolSweepRow> &y = *after.sweepRows();
    for (size_t i = 0; change.sameKeys && i < count; ++i) {
        if (sameNames) {
            const analysis::PoolSweepRow &a = x[i];
            const analysis::PoolSweepRow &b = y[i];
            if (a.gateway != b.gateway || a.subnet != b.subnet) {
                change = PoolRowsChange();
                break;
            }
            if (a.toSubnet == b.toSubnet && a.fromSubnet == b.fromSubnet &&
                sameText(a.poolEndpoint, b.poolEndpoint))
                continue;
        }
        change.compareRow(before[i], after[i], i, count);
    }
    return change;
}

PoolRows CheckRunner::poolRowsOf(const model::Network &network,
                                 const analysis::SweepResults &results, const PoolRows &before,
                                 PoolRowsChange *change)
{
    // Names, not rows, are made here: a few thousand, against tens of thousands of rows.
    auto names = std::make_shared<PoolRowNames>();
    names->devices.reserve(network.devices().size());
    names->pools.resize(network.devices().size());
    for (size_t d = 0; d < network.devices().size(); ++d) {
        const model::Device &device = network.devices()[d];
        names->devices.push_back(device.name);
        if (device.kind == model::DeviceKind::Gateway && device.gatewayObject)
            names->pools[d] = format::formatPrefixes(device.gatewayObject->vpnClientAddressPool);
    }
    names->subnets.reserve(network.subnets().size());
    for (const model::SubnetIndex &s : network.subnets())
        names->subnets.push_back(s.qualifiedName);
    std::shared_ptr<const PoolRowNames> shared =
        before.names()->sameAs(*names) ? before.names() : std::move(names);
    PoolRows rows(std::move(shared), results.pools);
    *change = PoolRowsChange::between(before, rows);
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
            outcome.pools = std::make_shared<const PoolRows>(
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
