#pragma once

// Legs of a check kept for the next check of the same design after an edit (issue 15): each
// with the VNets its walks depended on, so that an edit drops exactly the legs it can change.

#include "routing/Trace.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace hopscope::routing {

// A memo of Tracer::traceLeg, shared by the threads of one check (lookups and stores lock one
// shard of it). Keys are device indices: the memo is only valid for designs whose VNets, subnets
// and devices are the same, in the same order, as when the legs were stored; IncrementalCheck
// sees to that, and to dropping every leg that depended on a VNet that changed.
//
// What a leg depends on is named by VNet indices, plus `outsideVnets(network)` for addresses
// that no VNet, subnet, device, pool or site of the design holds. A leg depends on the VNet of
// every device its walks met (a client, pool or site: its gateway's), on the VNets that hold
// every address a walk looked up (each hop's source and destination, each route's next-hop IP),
// on the peer VNet and gateway of every route used, and on a refusing peering's two VNets.
// PacketWalk reads nothing else of the network than what these VNets hold (their devices,
// subnets, effective routes, NSG points, peering links, serving gateways and their gateways'
// client routes) and the design-wide data IncrementalCheck compares as a whole (settings, NSGs,
// ASGs, gateways, address spaces, subnet prefixes).
//
// Stored legs are kept compactly, so a leg from the memo is not the leg walked in every detail:
// a leg that failed is kept whole; of a working leg (ok) every hop keeps its device, addresses
// and which NSG verdicts it took with their action (Allow or Deny), and loses its route, firewall
// or proxy rule and the NSG rules that decided. What the check reads of a working leg (cli.md's
// findings, nsg.md §7's replay of NSG points) is kept.
class TraceMemo
{
public:
    struct Key
    {
        int fromDevice = -1;
        std::uint32_t fromIp = 0;
        int toDevice = -1;
        std::uint32_t toIp = 0;
        int protocol = 0;
        int port = 0;
        int sourcePort = 0;
        QString fromText; // explanations name end points as written
        QString toText;

        bool operator==(const Key &) const = default;
    };

    // `budgetBytes`: about how much the stored legs may take; past it, legs are not stored
    // (a check stays exact, it only reuses less).
    explicit TraceMemo(std::size_t budgetBytes = std::size_t(384) << 20);
    ~TraceMemo();
    TraceMemo(const TraceMemo &) = delete;
    TraceMemo &operator=(const TraceMemo &) = delete;

    static Key keyOf(const Endpoint &from, const Endpoint &to, model::Protocol protocol, int port,
                     int sourcePort);
    // The pseudo VNet index standing for addresses outside every VNet of `network`.
    static int outsideVnets(const model::Network &network)
    {
        return int(network.vnets().size());
    }

    // The leg stored under `key`, rebuilt for the end points given, or nullopt.
    std::optional<Leg> find(const Key &key, const Endpoint &from, const Endpoint &to) const;
    // Stores `leg` (walked on `network`) with the VNets it depended on.
    void store(const Key &key, const Leg &leg, const model::Network &network);

    // Drops every leg that depended on a VNet whose flag is set (indices as outsideVnets()
    // counts them: one past the last VNet is the outside). Returns how many were dropped.
    std::size_t invalidate(const std::vector<bool> &dirtyVnets);
    void clear();
    // Drops every leg that no lookup or store asked for since the last call (legs of end points
    // or ports an edit made the sweeps stop asking for), so that the memo does not grow over a
    // session. Returns how many were dropped.
    std::size_t dropUnused();

    std::size_t size() const;
    std::size_t bytes() const { return m_bytes.load(std::memory_order_relaxed); }
    // Lookups answered from the memo and legs walked and stored, since resetCounters().
    long long hits() const { return m_hits.load(std::memory_order_relaxed); }
    long long misses() const { return m_misses.load(std::memory_order_relaxed); }
    void resetCounters();

    // The VNets `leg` depended on (sorted, once each).
    static std::vector<int> dependencies(const Leg &leg, const model::Network &network);
    // The same, appended to `vnets` unsorted and possibly more than once each.
    static void addDependencies(const Leg &leg, const model::Network &network,
                                std::vector<int> &vnets);
    // The same for the leg from `from` to `to` that walked `forward` and, when it got there,
    // `reply`.
    static void addDependencies(const Endpoint &from, const Endpoint &to, const Walk &forward,
                                const Walk *reply, const model::Network &network,
                                std::vector<int> &vnets);
    // The VNets that answer a lookup of `device` (its own; a client's, pool's or site's
    // gateway's; none for the Internet), and of `address` (those holding it, else the outside),
    // appended to `vnets`.
    static void addDeviceVnets(const model::Network &network, int device, std::vector<int> &vnets);
    static void addAddressVnets(const model::Network &network, Ipv4Address address,
                                std::vector<int> &vnets);

private:
    struct Stored;
    struct KeyHash
    {
        std::size_t operator()(const Key &key) const;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::unordered_map<Key, std::unique_ptr<Stored>, KeyHash> legs;
    };
    static constexpr int shardCount = 64;

    Shard &shardOf(const Key &key) const;

    std::unique_ptr<Shard[]> m_shards;
    std::size_t m_budget;
    std::atomic<std::size_t> m_bytes{0};
    mutable std::atomic<long long> m_hits{0};
    std::atomic<long long> m_misses{0};
};

} // namespace hopscope::routing
