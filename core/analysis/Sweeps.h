#pragma once

// The network-wide sweeps of `check` (cli.md): every P2S pool against every workload subnet,
// every pair of workload subnets in different VNets, and a loop search over every destination
// any route can steer. Destination addresses are grouped into classes that every route table
// treats alike (reference/peers.md §3): each class pair is walked once for all its members.

#include "analysis/Check.h"
#include "routing/Trace.h"
#include "text/Message.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace hopscope::analysis {

// A connection's verdict, without its hops.
struct ConnectionSummary
{
    bool ok = false;
    routing::ConnectionReason reason = routing::ConnectionReason::None;
    routing::WalkVerdict forwardVerdict = routing::WalkVerdict::Dropped;
    routing::DropReason forwardReason = routing::DropReason::None;
    routing::WalkVerdict replyVerdict = routing::WalkVerdict::Dropped;
    routing::DropReason replyReason = routing::DropReason::None;
    int failedAt = -1; // the device where the failing walk ended
    QString failingRoute; // "TABLE/ROUTE" of a user route, else "DEVICE PREFIX TYPE"; or DEVICE
    QString explanation;
    text::Message explanationText; // the same, for the app to translate (issue 17)
    // The failing walk's refusing peering link (VNet indices), when its reason is
    // forwarded-traffic-not-allowed (R8.5, L20); -1 otherwise.
    int refusingPeeringFrom = -1;
    int refusingPeeringTo = -1;
    // The combination of nsg.md §7 this verdict is for: the source end point it was walked
    // from (empty: the pair's usual one), the protocol and the destination port.
    QString source;
    model::Protocol protocol = model::Protocol::Tcp;
    int port = 443;
    // The NSG whose rule dropped the failing walk (walk reason nsg-denied); empty otherwise.
    QString decidingNsg;

    static ConnectionSummary of(const routing::Leg &leg);
    // cli.md: a request that simply cannot get through may be deliberate isolation.
    bool isIsolation() const;
    // "forward-dropped/route-none", "asymmetric", ...
    QString cause() const;
    // The cause and where it happens: failures with the same one share a root.
    QString rootCause() const { return cause() + QStringLiteral(" at ") + failingRoute; }
};

// Every workload subnet of a network: all but the special subnets of R7.1–R7.5.
std::vector<int> workloadSubnets(const model::Network &network);

// A verdict shared by the rows it stands for: a pool's verdicts are judged once per subnet class,
// and an estate has tens of thousands of rows (a summary is about 200 bytes).
using SharedSummary = std::shared_ptr<const ConnectionSummary>;

struct PoolSweepRow
{
    int gateway = -1;       // the gateway device whose pool this is
    QString poolEndpoint;   // a client of the pool, or its first host address
    int subnet = -1;        // Network::subnets() index
    // toSubnet->ok and fromSubnet->ok, at hand: a pass over tens of thousands of rows looking
    // for the few that fail need not visit every summary.
    bool toSubnetOk = false;
    bool fromSubnetOk = false;
    SharedSummary toSubnet; // never null
    SharedSummary fromSubnet;
};

// Verdicts of every pair of workload subnets in different VNets, stored per class pair.
class SubnetPairMatrix
{
public:
    // The verdict from subnet `from` to subnet `to` (indices of Network::subnets()); nullptr for
    // pairs in one VNet or non-workload subnets.
    const ConnectionSummary *verdict(int from, int to) const;

    // The verdict of class pair (a, b), or nullptr when it was not judged.
    const ConnectionSummary *classVerdict(int a, int b) const
    {
        const std::int32_t at = cells[size_t(a) * size_t(destinationClasses) + size_t(b)];
        return at >= 0 ? &results[size_t(at)] : nullptr;
    }

    std::vector<int> sourceClassOfSubnet;      // -1: not a workload subnet
    std::vector<int> destinationClassOfSubnet; // -1: not a workload subnet
    int destinationClasses = 0;
    // Verdicts are shared between class pairs (most pairs work the same way), so a matrix of
    // millions of class pairs stays small: results holds each once.
    std::vector<ConnectionSummary> results;
    std::vector<std::int32_t> cells; // [sourceClass * destinationClasses + destClass] → results
                                     // index, -1: not judged
    long long pairsEvaluated = 0; // class pairs judged
    long long pairsCovered = 0;   // subnet pairs they stand for
};

struct LoopRecord
{
    QStringList devices;    // the appliances in the cycle
    QString destination;    // an address of the destination class that loops
    QString source;         // an end point whose traffic enters the loop
    QString prefix;         // the class, as the address range it covers
};

// A connection swept for L20 alone (cli.md): a workload subnet's Internet round trip, or
// traffic entering from an on-premises site for a workload subnet. Other failures of these
// connections are not findings.
struct EndpointSweepRow
{
    QString from;
    QString to;
    ConnectionSummary connection;
};

// Shared, not copied: an estate has tens of thousands of pool rows, which the app shows as the
// sweeps made them (gui::PoolRows).
using PoolSweepRows = std::shared_ptr<const std::vector<PoolSweepRow>>;

struct SweepResults
{
    PoolSweepRows pools = std::make_shared<const std::vector<PoolSweepRow>>();
    SubnetPairMatrix pairs;
    std::vector<EndpointSweepRow> internetRoundTrips;
    std::vector<EndpointSweepRow> onPremisesEntries;
    std::vector<LoopRecord> loops;
    long long destinationClasses = 0; // of the loop search
};

// Whether the sweeps judge pairs over nsg.md §7's combinations: the design filters traffic by
// port or source (an NSG associated somewhere, a firewall rule list, a proxy).
bool sweepsFilter(const model::Design &design);

// What the pool and pair sweeps judged in one check, kept for the next check of the same design
// after an edit (issue 15), each judgement with the VNets its walks depended on
// (routing::TraceMemo::dependencies). IncrementalCheck marks stale what an edit can change
// (invalidate) and clears the memo when the design changes in shape; the next sweep judges again
// only the stale and the new, and keeps the rest as it was. Judgements are named by the subnets
// and gateways they stand for, not by class number, which an edit may change: a pair by its two
// classes' representative subnets, a pool judgement by its gateway, its pool's end point and the
// class's representative subnet. Only designs that filter nothing (!sweepsFilter) are kept: their
// judgements are single walks; other designs are swept in full and the memo is cleared.
class SweepMemo
{
public:
    // What an edit changed, per VNet (indices as routing::TraceMemo::outsideVnets counts them).
    struct Changes
    {
        std::vector<bool> dirty; // something a walk there reads changed
        // Of the dirty VNets, set for those whose only change is what lookups in their
        // subnets' route tables answer (a route table's routes edited), with prefixes that hold
        // every address whose answer changed. A walk looks up its own destination alone
        // (R5.1), and a sweep's walks go between their two end points with no address
        // translated when both are private (R10.4 translates for the Internet only): such a
        // judgement stands unless one of its end points lies in these prefixes.
        std::vector<std::optional<std::vector<net::Prefix>>> lookupsOnly;
    };

    // Marks stale every judgement that depended on a VNet `changes` makes dirty, unless only
    // that VNet's lookups changed and none of the judgement's end points is among them.
    // Returns how many.
    long long invalidate(const Changes &changes);
    // Takes back the pair matrix of the sweep that filled this memo, once the check has read it
    // (a sweep leaves the memo without it, so that the matrix is not copied).
    void keep(SubnetPairMatrix &&matrix);
    void clear();
    bool empty() const { return m_pairs.cells.empty() && m_pools.judgements.empty(); }
    std::size_t bytes() const;
    // Of the last sweep: judgements kept from the memo, and judged by walking.
    long long reused() const { return m_reused; }
    long long judged() const { return m_judged; }

    // A list of VNet indices in `arena`.
    struct Span
    {
        std::uint32_t offset = 0;
        std::uint32_t count = 0;
    };
    struct Pairs
    {
        int classes = 0;
        std::vector<int> representative;          // class → subnet
        std::vector<std::uint32_t> address;       // class → its representative's end point
        std::vector<int> classOfRepresentative;   // subnet → the class it represents, or -1
        std::vector<std::int32_t> cells;          // as SubnetPairMatrix::cells
        std::vector<ConnectionSummary> results;   // as SubnetPairMatrix::results
        std::vector<Span> dependencies;           // per cell
        std::vector<char> stale;                  // per cell
        std::vector<std::uint32_t> staleCells;    // the cells marked, in order
        std::vector<int> arena;
        // VNet → the cells whose dependencies name it (and maybe some that no longer do), so
        // that an edit of one spoke looks at its own few thousand cells, not at a million.
        std::vector<std::vector<std::uint32_t>> cellsOf;
        // What results and arena held when last rebuilt whole: past twice that, what no cell
        // points at any more is dropped.
        std::size_t compactResults = 0;
        std::size_t compactArena = 0;
    };
    struct PoolJudgement
    {
        QString poolEndpoint;
        std::uint32_t poolAddress = 0;   // the pool's end point
        std::uint32_t subnetAddress = 0; // the subnet class representative's end point
        SharedSummary toSubnet;
        SharedSummary fromSubnet;
        std::vector<int> dependencies; // of both
        bool stale = false;
    };

    struct Pools
    {
        std::vector<PoolJudgement> judgements;
        std::unordered_map<std::uint64_t, std::uint32_t> index; // poolKey → judgements
        PoolSweepRows rows; // the last sweep's rows, which the next one shares when alike
        // VNet → the judgements whose dependencies name it (and maybe some that no longer
        // do), so that an edit of one spoke looks at its own judgements, not at all of them.
        std::vector<std::vector<std::uint32_t>> judgementsOf;
    };

    // For the sweeps (Sweeps.cpp).
    Pairs &pairs() { return m_pairs; }
    Pools &pools() { return m_pools; }
    static std::uint64_t poolKey(int gateway, int subnet)
    {
        return (std::uint64_t(std::uint32_t(gateway)) << 32) | std::uint32_t(subnet);
    }
    void setCounts(long long reused, long long judged)
    {
        m_reused = reused;
        m_judged = judged;
    }

private:
    Pairs m_pairs;
    Pools m_pools;
    long long m_reused = 0;
    long long m_judged = 0;
};

// The sweeps of `tracer`'s design. With `memo`: judgements it holds and has not marked stale are
// kept instead of walked again, and what this sweep judged replaces its content (SweepMemo); the
// caller hands the pair matrix back with SweepMemo::keep once done with it.
SweepResults runSweeps(const routing::Tracer &tracer, SweepMemo *memo = nullptr);

// Turns sweep results into findings, grouped as cli.md says.
void sweepFindings(const model::Network &network, const SweepResults &results,
                   std::vector<Finding> &findings);

} // namespace hopscope::analysis
