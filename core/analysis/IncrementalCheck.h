#pragma once

// The check after an edit (issue 15): what the previous check judged that the edit cannot change
// is kept, everything else is walked again, and the findings equal checkDesign's exactly.

#include "analysis/Check.h"

#include <QString>

#include <memory>

namespace hopscope::routing {
class TraceMemo;
}

namespace hopscope::analysis {

class SweepMemo;

class IncrementalCheck
{
public:
    IncrementalCheck();
    ~IncrementalCheck();
    IncrementalCheck(const IncrementalCheck &) = delete;
    IncrementalCheck &operator=(const IncrementalCheck &) = delete;

    // Checks `design`: the same report as checkDesign(design, options). After a check of an
    // earlier state of the same design, the VNets whose data differ (their subnets, devices,
    // effective routes, peering links, serving gateways, pushed client routes, and those holding
    // an address whose owner changed) are dirty, and only the legs that depended on a dirty VNet
    // are walked again (SweepMemo, routing/TraceMemo.h); where only a VNet's route lookups
    // changed, a sweep judgement is walked again only if an end point lies where they did
    // (SweepMemo::Changes). Whatever that comparison does not
    // cover is checked in full: VNets, subnets or devices added, deleted, renamed or reordered,
    // address spaces or subnet prefixes, gateways, NSGs, ASG memberships, settings.
    // Not thread-safe: one check at a time (it may run on any thread).
    //
    // Keeping what a full check judged costs about as much again as the check (each judgement's
    // dependencies). `keep` says when to pay it: Always, or only WhenIncremental, so that a full
    // check (a design just opened, an edit that changed its shape) reports at full-check speed;
    // the next check is then a full one too, and keeps (a caller primes the checker with it).
    enum class Keep { Always, WhenIncremental };
    CheckReport check(model::Design design, const CheckOptions &options = {},
                      Keep keep = Keep::Always);

    // Forgets the previous design and its legs: the next check is a full one.
    void reset();

    // What was kept is, for a design that filters nothing (analysis::sweepsFilter), the sweeps'
    // judgements (SweepMemo: a pair or pool verdict, one walk each); for a design with NSGs,
    // firewall rule lists or proxies, single legs (routing::TraceMemo).
    struct Statistics
    {
        bool incremental = false; // the previous check's results were offered to this one
        bool judgements = false;  // what was kept are sweep judgements (else legs)
        QString fullBecause;      // why not, when not
        int dirtyVnets = 0;
        int routeTablesComputed = 0; // effective-route tables not taken from the previous check
        long long dropped = 0; // of the previous check's, by the edit
        long long reused = 0;  // answered from the memo
        long long redone = 0;  // walked (again, or for the first time)
        long long kept = 0;    // in the memo for the next check
        bool primed = false;   // this check left what the next one can build on
        bool keepable = true;  // false: no check of this design can (a proxy reads its file)
        double memoMiB = 0;    // what they take, about
        // Where the time went, in milliseconds.
        double networkMs = 0; // Network and effective routes
        double compareMs = 0; // dirty VNets and dropping their legs (and unused ones after)
        double checkMs = 0;   // lints, intents, sweeps and findings
    };
    const Statistics &lastStatistics() const { return m_statistics; }

    // The design, network and routes of the check before the last, which the last one let go
    // (nullptr: none). Freeing those of a 1,000-VNet estate takes about 3 ms, which a caller in
    // a hurry spends elsewhere; not taken, they go with the next check.
    std::shared_ptr<const void> takeRetired() { return std::move(m_retired); }

private:
    struct State;

    std::unique_ptr<State> m_previous;
    std::shared_ptr<const void> m_retired;
    std::unique_ptr<routing::TraceMemo> m_memo;
    std::unique_ptr<SweepMemo> m_sweeps;
    Statistics m_statistics;
};

} // namespace hopscope::analysis
