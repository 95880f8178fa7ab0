#pragma once

// The check after an edit (issue 15): the previous check's legs that the edit cannot change are
// reused, every other leg is walked again, and the findings equal checkDesign's exactly.

#include "analysis/Check.h"

#include <QString>

#include <memory>

namespace hopscope::routing {
class TraceMemo;
}

namespace hopscope::analysis {

class IncrementalCheck
{
public:
    IncrementalCheck();
    ~IncrementalCheck();
    IncrementalCheck(const IncrementalCheck &) = delete;
    IncrementalCheck &operator=(const IncrementalCheck &) = delete;

    // Checks `design`: the same report as checkDesign(design, options). After a check of an
    // earlier state of the same design, the VNets whose data differ (their subnets, devices,
    // effective routes, route tables, peering links, serving gateways, pushed client routes, and
    // those holding an address whose owner changed) are dirty, and only the legs that depended
    // on a dirty VNet are walked again (routing/TraceMemo.h). Whatever that comparison does not
    // cover is checked in full: VNets, subnets or devices added, deleted, renamed or reordered,
    // address spaces or subnet prefixes, gateways, NSGs, ASG memberships, settings.
    // Not thread-safe: one check at a time (it may run on any thread).
    CheckReport check(model::Design design, const CheckOptions &options = {});

    // Forgets the previous design and its legs: the next check is a full one.
    void reset();

    struct Statistics
    {
        bool incremental = false; // the previous check's legs were offered to this one
        QString fullBecause;      // why not, when not
        int dirtyVnets = 0;
        long long legsDropped = 0; // of the previous check's, by the edit
        long long legsReused = 0;  // answered from the memo
        long long legsWalked = 0;
        long long legsKept = 0;    // in the memo for the next check
        double memoMiB = 0;        // what they take, about
        // Where the time went, in milliseconds.
        double networkMs = 0; // Network and effective routes
        double compareMs = 0; // dirty VNets and dropping their legs (and unused ones after)
        double checkMs = 0;   // lints, intents, sweeps and findings
    };
    const Statistics &lastStatistics() const { return m_statistics; }

private:
    struct State;

    std::unique_ptr<State> m_previous;
    std::unique_ptr<routing::TraceMemo> m_memo;
    Statistics m_statistics;
};

} // namespace hopscope::analysis
