#include "routing/TraceMemo.h"

#include <QHash>

#include <algorithm>

namespace hopscope::routing {

namespace {

// A working leg's hop in three words: the device with its NSG marks in the top byte, then the
// packet's source and destination as the device saw them.
constexpr std::uint32_t HasNsg = 1u << 24;
constexpr std::uint32_t HasInbound = 1u << 25;
constexpr std::uint32_t InboundDenied = 1u << 26;
constexpr std::uint32_t HasOutbound = 1u << 27;
constexpr std::uint32_t OutboundDenied = 1u << 28;
constexpr std::uint32_t deviceMask = 0x00FFFFFFu;

bool compactable(const Leg &leg)
{
    // Only a working leg is kept compactly; its walks succeeded, so they explain nothing.
    if (!leg.ok || !leg.reply || !leg.explanation.isEmpty() || !leg.forward.explanation.isEmpty() ||
        !leg.reply->explanation.isEmpty())
        return false;
    for (const Walk *walk : {&leg.forward, &*leg.reply})
        for (const Hop &hop : walk->hops)
            if (hop.device < 0 || std::uint32_t(hop.device) > deviceMask)
                return false;
    return true;
}

void encodeWalk(const Walk &walk, std::vector<std::uint32_t> &words)
{
    words.push_back(std::uint32_t(walk.verdict) | std::uint32_t(walk.reason) << 8);
    words.push_back(std::uint32_t(walk.hops.size()));
    for (const Hop &hop : walk.hops) {
        std::uint32_t first = std::uint32_t(hop.device);
        if (hop.nsg) {
            first |= HasNsg;
            if (hop.nsg->inbound)
                first |= HasInbound |
                         (hop.nsg->inbound->verdict == model::RuleAction::Deny ? InboundDenied : 0u);
            if (hop.nsg->outbound)
                first |= HasOutbound | (hop.nsg->outbound->verdict == model::RuleAction::Deny
                                            ? OutboundDenied
                                            : 0u);
        }
        words.push_back(first);
        words.push_back(hop.source.value());
        words.push_back(hop.destination.value());
    }
    words.push_back(std::uint32_t(walk.statefulDevices.size()));
    for (int d : walk.statefulDevices)
        words.push_back(std::uint32_t(d));
    words.push_back(std::uint32_t(walk.nats.size()));
    for (const SourceNat &nat : walk.nats) {
        words.push_back(std::uint32_t(nat.device));
        words.push_back(nat.original.value());
        words.push_back(nat.translated.value());
        words.push_back(nat.toPublicIp ? 1u : 0u);
    }
    words.push_back(walk.sourceSeenAtEnd.value());
    words.push_back(std::uint32_t(walk.internetEgressDevice));
    words.push_back(std::uint32_t(walk.refusingPeeringFrom));
    words.push_back(std::uint32_t(walk.refusingPeeringTo));
}

Walk decodeWalk(const std::uint32_t *&w)
{
    Walk walk;
    walk.verdict = WalkVerdict(*w & 0xFFu);
    walk.reason = DropReason(*w++ >> 8);
    const std::uint32_t hops = *w++;
    walk.hops.resize(hops);
    for (Hop &hop : walk.hops) {
        const std::uint32_t first = *w++;
        hop.device = int(first & deviceMask);
        hop.source = Ipv4Address(*w++);
        hop.destination = Ipv4Address(*w++);
        if (first & HasNsg) {
            hop.nsg.emplace();
            if (first & HasInbound)
                hop.nsg->inbound.emplace().verdict =
                    first & InboundDenied ? model::RuleAction::Deny : model::RuleAction::Allow;
            if (first & HasOutbound)
                hop.nsg->outbound.emplace().verdict =
                    first & OutboundDenied ? model::RuleAction::Deny : model::RuleAction::Allow;
        }
    }
    walk.statefulDevices.resize(*w++);
    for (int &d : walk.statefulDevices)
        d = int(*w++);
    walk.nats.resize(*w++);
    for (SourceNat &nat : walk.nats) {
        nat.device = int(*w++);
        nat.original = Ipv4Address(*w++);
        nat.translated = Ipv4Address(*w++);
        nat.toPublicIp = *w++ != 0;
    }
    walk.sourceSeenAtEnd = Ipv4Address(*w++);
    walk.internetEgressDevice = int(*w++);
    walk.refusingPeeringFrom = int(*w++);
    walk.refusingPeeringTo = int(*w++);
    return walk;
}

std::size_t wholeLegBytes(const Leg &leg)
{
    std::size_t bytes = sizeof(Leg) + leg.forward.hops.size() * sizeof(Hop);
    if (leg.reply)
        bytes += leg.reply->hops.size() * sizeof(Hop);
    return bytes;
}

} // namespace

struct TraceMemo::Stored
{
    std::vector<int> dependencies;
    std::unique_ptr<const Leg> whole;   // a leg that failed, as walked
    std::vector<std::uint32_t> compact; // a working leg: encodeWalk of both walks
    std::size_t bytes = 0;
    bool used = true; // asked for since the last dropUnused()
};

std::size_t TraceMemo::KeyHash::operator()(const Key &key) const
{
    std::size_t h = qHashMulti(0, key.fromDevice, key.fromIp, key.toDevice, key.toIp,
                               key.protocol, key.port, key.sourcePort);
    return h ^ (qHash(key.fromText) * 31u + qHash(key.toText));
}

TraceMemo::TraceMemo(std::size_t budgetBytes)
    : m_shards(std::make_unique<Shard[]>(shardCount)), m_budget(budgetBytes)
{
}

TraceMemo::~TraceMemo() = default;

TraceMemo::Key TraceMemo::keyOf(const Endpoint &from, const Endpoint &to,
                                model::Protocol protocol, int port, int sourcePort)
{
    return {from.device, from.ip.value(), to.device, to.ip.value(), int(protocol), port,
            sourcePort, from.text, to.text};
}

TraceMemo::Shard &TraceMemo::shardOf(const Key &key) const
{
    return m_shards[KeyHash()(key) % shardCount];
}

std::optional<Leg> TraceMemo::find(const Key &key, const Endpoint &from, const Endpoint &to) const
{
    Shard &shard = shardOf(key);
    std::unique_lock lock(shard.mutex);
    const auto it = shard.legs.find(key);
    if (it == shard.legs.end())
        return std::nullopt;
    Stored &stored = *it->second;
    stored.used = true;
    if (stored.whole) {
        Leg leg = *stored.whole;
        lock.unlock();
        m_hits.fetch_add(1, std::memory_order_relaxed);
        return leg;
    }
    Leg leg{.from = from,
            .to = to,
            .protocol = model::Protocol(key.protocol),
            .port = key.port,
            .sourcePort = key.sourcePort};
    const std::uint32_t *w = stored.compact.data();
    leg.forward = decodeWalk(w);
    leg.reply = decodeWalk(w);
    lock.unlock();
    leg.ok = true;
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return leg;
}

void TraceMemo::store(const Key &key, const Leg &leg, const model::Network &network)
{
    m_misses.fetch_add(1, std::memory_order_relaxed);
    auto stored = std::make_unique<Stored>();
    stored->dependencies = dependencies(leg, network);
    if (compactable(leg)) {
        encodeWalk(leg.forward, stored->compact);
        encodeWalk(*leg.reply, stored->compact);
        stored->compact.shrink_to_fit();
        stored->bytes = stored->compact.size() * sizeof(std::uint32_t);
    } else {
        stored->whole = std::make_unique<const Leg>(leg);
        stored->bytes = wholeLegBytes(leg);
    }
    // The key, the node, the record and its dependency list.
    stored->bytes += sizeof(Key) + sizeof(Stored) + 32 + stored->dependencies.size() * sizeof(int);
    if (m_bytes.fetch_add(stored->bytes, std::memory_order_relaxed) + stored->bytes > m_budget) {
        m_bytes.fetch_sub(stored->bytes, std::memory_order_relaxed);
        return;
    }
    Shard &shard = shardOf(key);
    const std::lock_guard lock(shard.mutex);
    auto [it, inserted] = shard.legs.try_emplace(key);
    if (!inserted)
        m_bytes.fetch_sub(it->second->bytes, std::memory_order_relaxed);
    it->second = std::move(stored);
}

std::size_t TraceMemo::invalidate(const std::vector<bool> &dirtyVnets)
{
    const auto dirty = [&](int vnet) {
        return vnet >= 0 && vnet < int(dirtyVnets.size()) && dirtyVnets[size_t(vnet)];
    };
    std::size_t dropped = 0;
    for (int s = 0; s < shardCount; ++s) {
        Shard &shard = m_shards[s];
        const std::lock_guard lock(shard.mutex);
        for (auto it = shard.legs.begin(); it != shard.legs.end();) {
            const auto &deps = it->second->dependencies;
            if (std::any_of(deps.begin(), deps.end(), dirty)) {
                m_bytes.fetch_sub(it->second->bytes, std::memory_order_relaxed);
                it = shard.legs.erase(it);
                ++dropped;
            } else {
                ++it;
            }
        }
    }
    return dropped;
}

std::size_t TraceMemo::dropUnused()
{
    std::size_t dropped = 0;
    for (int s = 0; s < shardCount; ++s) {
        Shard &shard = m_shards[s];
        const std::lock_guard lock(shard.mutex);
        for (auto it = shard.legs.begin(); it != shard.legs.end();) {
            if (!it->second->used) {
                m_bytes.fetch_sub(it->second->bytes, std::memory_order_relaxed);
                it = shard.legs.erase(it);
                ++dropped;
            } else {
                it->second->used = false;
                ++it;
            }
        }
    }
    return dropped;
}

void TraceMemo::clear()
{
    for (int s = 0; s < shardCount; ++s) {
        const std::lock_guard lock(m_shards[s].mutex);
        m_shards[s].legs.clear();
    }
    m_bytes.store(0);
}

std::size_t TraceMemo::size() const
{
    std::size_t n = 0;
    for (int s = 0; s < shardCount; ++s) {
        const std::lock_guard lock(m_shards[s].mutex);
        n += m_shards[s].legs.size();
    }
    return n;
}

void TraceMemo::resetCounters()
{
    m_hits.store(0);
    m_misses.store(0);
}

void TraceMemo::addDeviceVnets(const model::Network &network, int device,
                               std::vector<int> &vnets)
{
    // A client, pool or site lives by its gateway (pushed routes, tunnels); the Internet holds
    // nothing of the design.
    const auto &devices = network.devices();
    if (device < 0 || device >= int(devices.size()))
        return;
    const model::Device &d = devices[size_t(device)];
    if (d.vnet >= 0)
        vnets.push_back(d.vnet);
    else if (d.gateway >= 0 && devices[size_t(d.gateway)].vnet >= 0)
        vnets.push_back(devices[size_t(d.gateway)].vnet);
}

void TraceMemo::addAddressVnets(const model::Network &network, Ipv4Address address,
                                std::vector<int> &vnets)
{
    // Every lookup a walk makes by address (ownerOf, subnetContaining, vnetContaining,
    // poolContaining, siteContaining) answers from the VNets that hold the address; an address
    // none holds is answered by the outside.
    bool held = false;
    for (const int d : {network.ownerOf(address), network.poolContaining(address),
                        network.siteContaining(address)})
        if (d >= 0) {
            addDeviceVnets(network, d, vnets);
            held = true;
        }
    if (const int s = network.subnetContaining(address); s >= 0) {
        vnets.push_back(network.subnets()[size_t(s)].vnet);
        held = true;
    }
    if (const int v = network.vnetContaining(address); v >= 0) {
        vnets.push_back(v);
        held = true;
    }
    if (!held)
        vnets.push_back(outsideVnets(network));
}

std::vector<int> TraceMemo::dependencies(const Leg &leg, const model::Network &network)
{
    std::vector<int> deps;
    addDependencies(leg, network, deps);
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    deps.shrink_to_fit();
    return deps;
}

void TraceMemo::addDependencies(const Leg &leg, const model::Network &network,
                                std::vector<int> &deps)
{
    addDependencies(leg.from, leg.to, leg.forward, leg.reply ? &*leg.reply : nullptr, network,
                    deps);
}

void TraceMemo::addDependencies(const Endpoint &from, const Endpoint &to, const Walk &forward,
                                const Walk *reply, const model::Network &network,
                                std::vector<int> &deps)
{
    // Gathered first and looked up once each: a leg meets few distinct addresses and devices.
    // The scratch lists live on with their thread, as a sweep asks millions of times.
    thread_local std::vector<int> devices;
    thread_local std::vector<std::uint32_t> addresses;
    devices.assign({from.device, to.device});
    addresses.assign({from.ip.value(), to.ip.value()});
    for (const Walk *walk : {&forward, reply}) {
        if (!walk)
            continue;
        for (const Hop &hop : walk->hops) {
            devices.push_back(hop.device);
            addresses.push_back(hop.source.value());
            addresses.push_back(hop.destination.value());
            if (hop.route) {
                if (hop.route->nextHopIpAddress)
                    addresses.push_back(hop.route->nextHopIpAddress->value());
                if (hop.route->peerVnet >= 0)
                    deps.push_back(hop.route->peerVnet);
                devices.push_back(hop.route->gateway);
            }
        }
        devices.insert(devices.end(), walk->statefulDevices.begin(), walk->statefulDevices.end());
        for (const SourceNat &nat : walk->nats) {
            devices.push_back(nat.device);
            addresses.push_back(nat.original.value());
            addresses.push_back(nat.translated.value());
        }
        for (const int v : {walk->refusingPeeringFrom, walk->refusingPeeringTo})
            if (v >= 0)
                deps.push_back(v);
    }
    std::sort(devices.begin(), devices.end());
    devices.erase(std::unique(devices.begin(), devices.end()), devices.end());
    std::sort(addresses.begin(), addresses.end());
    addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
    for (const int d : devices)
        addDeviceVnets(network, d, deps);
    for (const std::uint32_t a : addresses)
        addAddressVnets(network, Ipv4Address(a), deps);
}

} // namespace hopscope::routing
