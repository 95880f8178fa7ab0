#include "analysis/Sweeps.h"

#include "routing/TraceMemo.h"

#include <boost/container_hash/hash.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace hopscope::analysis {

using routing::ConnectionReason;
using routing::DropReason;
using routing::WalkVerdict;

ConnectionSummary ConnectionSummary::of(const routing::Leg &leg)
{
    ConnectionSummary s;
    s.ok = leg.ok;
    s.reason = leg.reason;
    s.forwardVerdict = leg.forward.verdict;
    s.forwardReason = leg.forward.reason;
    s.protocol = leg.protocol;
    s.port = leg.port;
    if (leg.reply) {
        s.replyVerdict = leg.reply->verdict;
        s.replyReason = leg.reply->reason;
    }
    if (!leg.ok) {
        const routing::Walk &failing =
            leg.reply && leg.forward.succeeded() ? *leg.reply : leg.forward;
        s.failedAt = failing.hops.empty() ? -1 : failing.hops.back().device;
        s.explanation = leg.explanation;
        s.explanationText = leg.explanationText;
        s.refusingPeeringFrom = failing.refusingPeeringFrom;
        s.refusingPeeringTo = failing.refusingPeeringTo;
        if (!failing.hops.empty()) {
            const routing::Hop &last = failing.hops.back();
            if (failing.reason == DropReason::NsgDenied && last.nsg) {
                for (const auto &verdict : {last.nsg->inbound, last.nsg->outbound})
                    if (verdict && verdict->denyingGroup())
                        s.decidingNsg = verdict->denyingGroup()->networkSecurityGroup;
            }
            if (last.route && last.route->isUser())
                s.failingRoute = last.route->routeTable + u'/' + last.route->routeName;
            else if (last.route)
                s.failingRoute = QString::number(last.device) + u' ' +
                                 last.route->addressPrefix.toString() + u' ' +
                                 routing::toString(last.route->nextHopType);
            else
                s.failingRoute = QString::number(last.device);
        }
    }
    return s;
}

bool ConnectionSummary::isIsolation() const
{
    if (reason == ConnectionReason::NotTunneled)
        return true;
    return reason == ConnectionReason::ForwardDropped &&
           (forwardReason == DropReason::RouteNone ||
            forwardReason == DropReason::PrivateToInternet ||
            forwardReason == DropReason::FirewallDenied ||
            forwardReason == DropReason::ProxyDenied ||
            forwardReason == DropReason::NsgDenied); // cli.md additions: like firewall-denied
}

QString ConnectionSummary::cause() const
{
    QString c = routing::toString(reason);
    if (reason == ConnectionReason::ForwardDropped)
        c += u'/' + routing::toString(forwardReason);
    else if (reason == ConnectionReason::ReturnDropped)
        c += u'/' + routing::toString(replyReason);
    return c;
}

std::vector<int> workloadSubnets(const model::Network &network)
{
    std::vector<int> subnets;
    for (int s = 0; s < int(network.subnets().size()); ++s)
        if (!model::isSpecialSubnetName(network.subnets()[s].subnet->name))
            subnets.push_back(s);
    return subnets;
}

const ConnectionSummary *SubnetPairMatrix::verdict(int from, int to) const
{
    if (from < 0 || to < 0 || from >= int(sourceClassOfSubnet.size()) ||
        to >= int(destinationClassOfSubnet.size()))
        return nullptr;
    const int a = sourceClassOfSubnet[from];
    const int b = destinationClassOfSubnet[to];
    if (a < 0 || b < 0)
        return nullptr;
    return classVerdict(a, b);
}

namespace {

using net::Ipv4Address;
using net::Prefix;

// The destination space cut at every prefix that any route table, pool, site or firewall rule
// names: every table treats all addresses of one interval alike (reference/peers.md §3).
class AddressClasses
{
public:
    explicit AddressClasses(const routing::EffectiveRoutes &routes,
                            const std::vector<Prefix> &extraCuts = {})
    {
        const model::Network &network = routes.network();
        QSet<const routing::EffectiveRouteTable *> tables;
        std::vector<std::uint64_t> cuts{0};
        auto cut = [&](const Prefix &p) {
            cuts.push_back(p.first().value());
            cuts.push_back(std::uint64_t(p.last().value()) + 1);
        };
        for (int s = 0; s < int(network.subnets().size()); ++s) {
            const auto *t = &routes.forSubnet(s);
            if (tables.contains(t))
                continue;
            tables.insert(t);
            for (const routing::EffectiveRoute &r : t->routes())
                cut(r.addressPrefix);
        }
        for (const model::Gateway &g : network.design().gateways) {
            for (const Prefix &p : g.vpnClientAddressPool)
                cut(p);
            for (const model::LocalNetwork &site : g.localNetworks)
                for (const Prefix &p : site.addressPrefixes)
                    cut(p);
        }
        for (const model::Firewall &f : network.design().firewalls)
            for (const model::FirewallRule &rule : f.rules) {
                for (const auto &m : rule.sourceAddresses)
                    if (m.prefix)
                        cut(*m.prefix);
                for (const auto &m : rule.destinationAddresses)
                    if (m.prefix)
                        cut(*m.prefix);
            }
        for (const Prefix &p : extraCuts)
            cut(p);
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        while (!cuts.empty() && cuts.back() > 0xFFFFFFFFull)
            cuts.pop_back();
        m_starts.assign(cuts.begin(), cuts.end());
    }

    int classOf(Ipv4Address a) const
    {
        return int(std::upper_bound(m_starts.begin(), m_starts.end(), a.value()) -
                   m_starts.begin()) -
               1;
    }
    int count() const { return int(m_starts.size()); }
    Ipv4Address start(int c) const { return Ipv4Address(m_starts[c]); }
    Ipv4Address last(int c) const
    {
        return Ipv4Address(c + 1 < count() ? m_starts[c + 1] - 1 : 0xFFFFFFFFu);
    }

private:
    std::vector<std::uint32_t> m_starts;
};

QString rangeText(Ipv4Address first, Ipv4Address last)
{
    // A range that is one prefix prints as the prefix.
    for (int length = 0; length <= 32; ++length) {
        const Prefix p(first, length);
        if (p.first() == first && p.last() == last)
            return p.toString();
    }
    return first.toString() + QStringLiteral("–") + last.toString();
}

} // namespace

bool sweepsFilter(const model::Design &design)
{
    const bool subnetNsgs = std::ranges::any_of(design.vnets, [](const model::Vnet &v) {
        return std::ranges::any_of(v.subnets, [](const model::Subnet &s) {
            return !s.networkSecurityGroup.isEmpty() && !model::isSpecialSubnetName(s.name);
        });
    });
    const bool vmNsgs = std::ranges::any_of(
        design.vms, [](const model::Vm &vm) { return !vm.networkSecurityGroup.isEmpty(); });
    const bool ruleLists = std::ranges::any_of(
        design.firewalls, [](const model::Firewall &f) { return !f.allowAll; });
    const bool proxies =
        std::ranges::any_of(design.vms, [](const model::Vm &vm) { return bool(vm.proxy); });
    return subnetNsgs || vmNsgs || ruleLists || proxies;
}

namespace {

// nsg.md §7: where a design filters by port or source address (NSGs, firewall rule lists,
// proxies), a pair's route is the same for every port and every source address of its source
// range (§14), but the filters along it are not. The sweeps then judge each pair over every
// (source class, port class) combination. Without filters there is one combination, TCP 443 from
// the usual end point, and the sweeps are what they were.
struct PortClass
{
    model::Protocol protocol = model::Protocol::Tcp;
    int port = 443; // the class's representative: 443 if it holds 443, else its lowest port
};

class SweepCombinations
{
public:
    explicit SweepCombinations(const routing::EffectiveRoutes &routes)
    {
        const model::Network &network = routes.network();
        const model::Design &design = network.design();
        QSet<QString> usedNsgs;
        for (const model::Vnet &v : design.vnets)
            for (const model::Subnet &s : v.subnets)
                if (!s.networkSecurityGroup.isEmpty() && !model::isSpecialSubnetName(s.name))
                    usedNsgs.insert(s.networkSecurityGroup);
        for (const model::Vm &vm : design.vms)
            if (!vm.networkSecurityGroup.isEmpty())
                usedNsgs.insert(vm.networkSecurityGroup);
        m_active = sweepsFilter(design);
        if (!m_active) {
            m_ports = {PortClass{}};
            return;
        }

        // Port classes, per protocol: 0–65535 cut at every boundary of every port range of an
        // NSG rule (destination ports, and source ports: a reply judged as a new flow carries
        // the request's port as its source port) and of a firewall rule, and at every proxy port.
        std::vector<int> tcpCuts{0};
        std::vector<int> udpCuts{0};
        auto cutPorts = [&](std::vector<int> &cuts, const model::PortRange &r) {
            cuts.push_back(r.first);
            cuts.push_back(r.last + 1);
        };
        auto forProtocols = [&](bool tcp, bool udp, const model::PortRange &r) {
            if (tcp)
                cutPorts(tcpCuts, r);
            if (udp)
                cutPorts(udpCuts, r);
        };
        auto cut = [&](const Prefix &p) { m_sourceCuts.push_back(p); };
        for (const model::NetworkSecurityGroup &nsg : design.networkSecurityGroups) {
            if (!usedNsgs.contains(nsg.name))
                continue;
            for (const model::SecurityRule &r : nsg.securityRules) {
                const bool tcp = r.protocol == model::SecurityProtocol::Tcp ||
                                 r.protocol == model::SecurityProtocol::Any;
                const bool udp = r.protocol == model::SecurityProtocol::Udp ||
                                 r.protocol == model::SecurityProtocol::Any;
                for (const model::PortRange &p : r.destination.ports)
                    forProtocols(tcp, udp, p);
                for (const model::PortRange &p : r.source.ports)
                    forProtocols(tcp, udp, p);
                for (const model::SecuritySide *side : {&r.source, &r.destination})
                    for (const model::SecurityAddress &a : side->addresses)
                        if (a.kind == model::SecurityAddress::Kind::Prefix)
                            cut(a.prefix);
            }
        }
        for (const model::Firewall &f : design.firewalls) {
            if (f.allowAll)
                continue;
            for (const model::FirewallRule &rule : f.rules) {
                const bool any = rule.protocols.empty() ||
                                 std::ranges::find(rule.protocols, model::Protocol::Any) !=
                                     rule.protocols.end();
                const bool tcp = any || std::ranges::find(rule.protocols, model::Protocol::Tcp) !=
                                            rule.protocols.end();
                const bool udp = any || std::ranges::find(rule.protocols, model::Protocol::Udp) !=
                                            rule.protocols.end();
                for (const model::PortRange &p : rule.destinationPorts)
                    forProtocols(tcp, udp, p);
                for (const model::AddressMatch &m : rule.sourceAddresses)
                    if (m.prefix)
                        cut(*m.prefix);
            }
        }
        for (const model::Vm &vm : design.vms)
            if (vm.proxy)
                forProtocols(true, false, {vm.proxy->port, vm.proxy->port});
        for (const model::Client &c : design.clients)
            if (c.useProxy)
                forProtocols(true, false, {c.useProxy->port, c.useProxy->port});
        appendPortClasses(model::Protocol::Tcp, tcpCuts);
        appendPortClasses(model::Protocol::Udp, udpCuts);
        m_ports.push_back({model::Protocol::Icmp, 0});

        // Where one NSG point differs from its neighbours: the /32 of every VM whose NIC has an
        // NSG or belongs to an ASG, every prefix of a subnet that has an NSG or holds such a VM,
        // and the platform address in every VirtualNetwork tag (N2.1 e). The prefixes of
        // VirtualNetwork(P) (VNet spaces, gateway routes, user routes) cut already: they are
        // prefixes of effective routes.
        QSet<QString> filteredSubnets;
        for (const model::Vm &vm : design.vms) {
            if (vm.networkSecurityGroup.isEmpty() && vm.applicationSecurityGroups.empty())
                continue;
            filteredSubnets.insert(vm.subnet);
            if (const int d = network.deviceIndex(vm.name); d >= 0 && network.devices()[d].ip)
                cut(Prefix(*network.devices()[d].ip, 32));
        }
        for (const model::Vnet &v : design.vnets)
            for (const model::Subnet &s : v.subnets)
                if (!s.networkSecurityGroup.isEmpty() ||
                    filteredSubnets.contains(model::qualifiedSubnetName(v.name, s.name)))
                    for (const Prefix &p : s.addressPrefixes())
                        cut(p);
        cut(Prefix(Ipv4Address(0xA83F8110u), 32)); // 168.63.129.16
        std::ranges::sort(m_sourceCuts);
        m_sourceCuts.erase(std::unique(m_sourceCuts.begin(), m_sourceCuts.end()),
                           m_sourceCuts.end());
        for (const Prefix &c : m_sourceCuts)
            m_cutRanges.emplace_back(c.first().value(), c.last().value());
        std::ranges::sort(m_cutRanges);
    }

    bool active() const { return m_active; }
    // Tcp classes ascending, then Udp, then Icmp (§7's order).
    const std::vector<PortClass> &ports() const { return m_ports; }
    int representativePort() const { return m_representativePort; }
    // Prefixes that cut destination classes as well (§7: every prefix of an NSG rule, the NSG
    // points' own addresses).
    const std::vector<Prefix> &cuts() const { return m_sourceCuts; }

    // The source classes of a source range (a subnet's prefixes or a pool): the range cut at
    // every source cut, in ascending order, each as the end point that represents it; the class
    // holding `usual` (the pair's usual source) is represented by it, and its index is set in
    // `representative`. `inSubnet`: addresses below .4 and the last one are not hosts.
    std::vector<routing::Endpoint> sourceClasses(const model::Network &network,
                                                 const std::vector<Prefix> &ranges,
                                                 const routing::Endpoint &usual, bool inSubnet,
                                                 int *representative) const
    {
        *representative = 0;
        if (!m_active)
            return {usual};
        std::vector<routing::Endpoint> classes;
        for (const Prefix &range : ranges) {
            std::vector<std::uint64_t> starts{range.first().value()};
            // Prefixes nest or are apart: only cuts that start inside the range can cut it.
            for (auto c = std::ranges::lower_bound(m_cutRanges, range.first().value(), {},
                                                   &std::pair<std::uint32_t, std::uint32_t>::first);
                 c != m_cutRanges.end() && c->first <= range.last().value(); ++c) {
                for (const std::uint64_t b : {std::uint64_t(c->first), std::uint64_t(c->second) + 1})
                    if (b > range.first().value() && b <= range.last().value())
                        starts.push_back(b);
            }
            std::ranges::sort(starts);
            starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
            const std::uint64_t lowestHost =
                std::uint64_t(inSubnet ? range.firstUsableAzureHost().value()
                                       : range.firstHost().value());
            const std::uint64_t highestHost =
                std::uint64_t(range.last().value()) - (inSubnet && range.length() < 31 ? 1 : 0);
            for (size_t i = 0; i < starts.size(); ++i) {
                const std::uint64_t first = starts[i];
                const std::uint64_t last =
                    i + 1 < starts.size() ? starts[i + 1] - 1 : range.last().value();
                if (usual.ip.value() >= first && usual.ip.value() <= last) {
                    *representative = int(classes.size());
                    classes.push_back(usual);
                    continue;
                }
                const std::uint64_t host = std::max(first, lowestHost);
                if (host > last || host > highestHost)
                    continue; // no host can send from this class
                const Ipv4Address address(std::uint32_t(host & 0xFFFFFFFFu));
                QString error;
                auto endpoint =
                    routing::resolveEndpoint(network, address.toString(), true, &error);
                if (!endpoint)
                    continue;
                // A VM or client that owns the address is named, as a user would trace it.
                if (const int owner = network.ownerOf(address); owner >= 0)
                    endpoint->text = network.devices()[owner].name;
                classes.push_back(*endpoint);
            }
        }
        if (classes.empty())
            classes.push_back(usual);
        return classes;
    }

private:
    void appendPortClasses(model::Protocol protocol, std::vector<int> &cuts)
    {
        std::ranges::sort(cuts);
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::erase_if(cuts, [](int c) { return c < 0 || c > 65535; });
        for (size_t i = 0; i < cuts.size(); ++i) {
            const int first = cuts[i];
            const int last = i + 1 < cuts.size() ? cuts[i + 1] - 1 : 65535;
            const bool holds443 = first <= 443 && 443 <= last;
            if (protocol == model::Protocol::Tcp && holds443)
                m_representativePort = int(m_ports.size());
            m_ports.push_back({protocol, holds443 ? 443 : first});
        }
    }

    bool m_active = false;
    std::vector<PortClass> m_ports;
    int m_representativePort = 0;
    std::vector<Prefix> m_sourceCuts;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_cutRanges; // the cuts, first to last
};

// A failure that is not (possibly deliberate) isolation: cli.md's broken connection.
bool isBroken(const ConnectionSummary &c)
{
    return !c.ok && !c.isIsolation();
}

// The NSG evaluations a leg met, in walk order, with the packet as it was there, so that another
// (source class, port class) combination can be judged without walking again: its route is the
// same (§14), only the filters' verdicts can differ. Nothing when the leg met a filter that is
// not an NSG (a firewall rule list): such pairs are walked combination by combination.
struct FilterPoint
{
    int device = -1;
    model::SecurityDirection direction = model::SecurityDirection::Inbound;
    Ipv4Address source;
    Ipv4Address destination;
    bool reply = false;
    bool byState = false; // a reply at a point that allowed the request (N3.9)
};

std::optional<std::vector<FilterPoint>> filterPoints(const model::Network &network,
                                                     const routing::Leg &leg)
{
    std::vector<FilterPoint> points;
    for (const routing::Walk *walk : {&leg.forward, leg.reply ? &*leg.reply : nullptr}) {
        if (!walk)
            continue;
        const bool reply = walk != &leg.forward;
        for (const routing::Hop &hop : walk->hops) {
            const model::Device &device = network.devices()[size_t(hop.device)];
            if (device.firewall && !device.firewall->allowAll)
                return std::nullopt;
            if (!hop.nsg)
                continue;
            const bool byState = reply && leg.forward.nsgAllowedAt(hop.device);
            if (hop.nsg->inbound)
                points.push_back({hop.device, model::SecurityDirection::Inbound, hop.source,
                                  hop.destination, reply, byState});
            if (hop.nsg->outbound)
                points.push_back({hop.device, model::SecurityDirection::Outbound, hop.source,
                                  hop.destination, reply, byState});
        }
    }
    return points;
}

// What the filter points decide for another combination: the first deny, forward or reply.
enum class Replay { Passes, DeniedForward, DeniedReply };

Replay replay(const routing::SecurityGroups &groups, const std::vector<FilterPoint> &points,
              Ipv4Address usualSource, const routing::Endpoint &source, const PortClass &port,
              int sourcePort)
{
    for (const FilterPoint &p : points) {
        routing::FlowKey key{p.source, p.destination, port.protocol, sourcePort, port.port};
        if (p.reply) {
            std::swap(key.sourcePort, key.destinationPort);
            if (key.destination == usualSource)
                key.destination = source.ip;
        } else if (key.source == usualSource) {
            key.source = source.ip;
        }
        if (port.protocol == model::Protocol::Icmp)
            key.sourcePort = key.destinationPort = 0;
        if (groups.evaluate(p.device, p.direction, key, p.byState).verdict ==
            model::RuleAction::Deny)
            return p.reply ? Replay::DeniedReply : Replay::DeniedForward;
    }
    return Replay::Passes;
}

// nsg.md §7's verdict of a pair over its combinations: a broken combination (the
// representative one first, else the first in order) decides; else any working one means no
// finding; else the representative isolation. A combination is walked only when replaying the
// representative's NSG points cannot tell its verdict.
// `dependencies`, when given, gets the VNets of every leg walked (SweepMemo), unsorted.
ConnectionSummary judgePair(const routing::Tracer &tracer, const SweepCombinations &combinations,
                            const std::vector<routing::Endpoint> &sources, int representative,
                            const routing::Endpoint &to, std::vector<int> *dependencies = nullptr)
{
    const auto depend = [&](const routing::Leg &leg) {
        if (dependencies)
            routing::TraceMemo::addDependencies(leg, tracer.network(), *dependencies);
    };
    auto walk = [&](int s, const PortClass &p) {
        const routing::Leg leg = tracer.traceLeg(sources[size_t(s)], to, p.protocol, p.port);
        depend(leg);
        ConnectionSummary c = ConnectionSummary::of(leg);
        if (s != representative)
            c.source = sources[size_t(s)].text;
        return c;
    };
    const int representativePort = combinations.representativePort();
    const PortClass &usualPort = combinations.ports()[size_t(representativePort)];
    const routing::Leg usualLeg = tracer.traceLeg(sources[size_t(representative)], to,
                                                  usualPort.protocol, usualPort.port);
    depend(usualLeg);
    ConnectionSummary usual = ConnectionSummary::of(usualLeg);
    if (!combinations.active() || isBroken(usual))
        return usual;
    const std::optional<std::vector<FilterPoint>> points =
        filterPoints(tracer.network(), usualLeg);
    // Where the representative stopped at an NSG, a combination that passes every point it
    // met goes on to places the representative never reached: it must be walked.
    const bool stoppedByNsg = !usual.ok && usual.reason == ConnectionReason::ForwardDropped &&
                              usual.forwardReason == DropReason::NsgDenied;
    const routing::SecurityGroups &groups = tracer.walker().securityGroups();
    const Ipv4Address usualSource = sources[size_t(representative)].ip;
    std::optional<ConnectionSummary> working;
    if (usual.ok)
        working = usual;
    for (int s = 0; s < int(sources.size()); ++s)
        for (int p = 0; p < int(combinations.ports().size()); ++p) {
            if (s == representative && p == representativePort)
                continue;
            const PortClass &port = combinations.ports()[size_t(p)];
            if (points) {
                const Replay r = replay(groups, *points, usualSource, sources[size_t(s)], port,
                                        usualLeg.sourcePort);
                if (r == Replay::DeniedForward)
                    continue; // dropped by an NSG on the way: deliberate, like the rest
                if (r == Replay::Passes && !stoppedByNsg)
                    continue; // the same walk with the same verdicts: the representative's outcome
            }
            ConnectionSummary c = walk(s, port);
            if (isBroken(c))
                return c;
            if (c.ok && !working)
                working = std::move(c);
        }
    return working ? *working : usual;
}

// The L20 sweeps: a peering refuses relayed traffic if some combination is refused there.
// `bare`: the design without NSGs (nullptr: walk every combination). No combination's walk
// can meet a peering that the walks without NSGs do not meet: an NSG only ends a walk early
// (§14), and without firewall rule lists the route is the same for every port.
ConnectionSummary judgeRefusal(const routing::Tracer &tracer, const routing::Tracer *bare,
                               const SweepCombinations &combinations,
                               const routing::Endpoint &from, const routing::Endpoint &to)
{
    const int representativePort = combinations.representativePort();
    const PortClass &usualPort = combinations.ports()[size_t(representativePort)];
    const routing::Leg usualLeg = tracer.traceLeg(from, to, usualPort.protocol, usualPort.port);
    ConnectionSummary usual = ConnectionSummary::of(usualLeg);
    if (!combinations.active() || usual.refusingPeeringFrom >= 0)
        return usual;
    if (bare) {
        const auto stoppedByNsg = [](const routing::Walk *w) {
            return w && w->reason == DropReason::NsgDenied;
        };
        const auto refuses = [](const routing::Leg &leg) {
            return leg.forward.refusingPeeringFrom >= 0 ||
                   (leg.reply && leg.reply->refusingPeeringFrom >= 0);
        };
        if (!stoppedByNsg(&usualLeg.forward) && !stoppedByNsg(usualLeg.reply ? &*usualLeg.reply
                                                                             : nullptr)) {
            if (!refuses(usualLeg))
                return usual; // the walks without NSGs, which refuse nowhere
        } else if (!refuses(bare->traceLeg(from, to, usualPort.protocol, usualPort.port))) {
            return usual;
        }
    }
    for (int p = 0; p < int(combinations.ports().size()); ++p) {
        if (p == representativePort)
            continue;
        const PortClass &port = combinations.ports()[size_t(p)];
        ConnectionSummary c =
            ConnectionSummary::of(tracer.traceLeg(from, to, port.protocol, port.port));
        if (c.refusingPeeringFrom >= 0)
            return c;
    }
    return usual;
}

// Runs work(t) for t in [0, threads): thread 0 on the calling thread, the others on their own.
template <typename Work>
void runOnThreads(unsigned threads, const Work &work)
{
    std::vector<std::thread> others;
    for (unsigned t = 1; t < threads; ++t)
        others.emplace_back(work, t);
    work(0);
    for (std::thread &t : others)
        t.join();
}

// Workload subnets grouped by what decides their walks: the interval of their address (every
// table treats it alike) and their own route table (where replies start).
struct SubnetClasses
{
    std::vector<int> classOfSubnet;           // -1: not a workload subnet
    std::vector<int> representative;          // class → subnet
    std::vector<int> members;                 // class → subnet count
    std::vector<routing::Endpoint> endpoints; // class → the representative's end point
    // class → the source classes of its representative subnet (nsg.md §7), and which of them
    // holds the usual end point
    std::vector<std::vector<routing::Endpoint>> sources;
    std::vector<int> usualSource;
};

SubnetClasses classifySubnets(const routing::Tracer &tracer, const AddressClasses &classes,
                              const SweepCombinations &combinations,
                              const std::vector<int> &workloads)
{
    const model::Network &network = tracer.network();
    SubnetClasses c;
    c.classOfSubnet.assign(network.subnets().size(), -1);
    QHash<QPair<int, const void *>, int> classIndex;
    for (int s : workloads) {
        QString error;
        auto endpoint = routing::resolveEndpoint(network, network.subnets()[s].qualifiedName,
                                                 true, &error);
        if (!endpoint)
            continue;
        const auto key = qMakePair(classes.classOf(endpoint->ip),
                                   static_cast<const void *>(&tracer.routes().forSubnet(s)));
        auto it = classIndex.find(key);
        if (it == classIndex.end()) {
            it = classIndex.insert(key, int(c.representative.size()));
            c.representative.push_back(s);
            c.members.push_back(0);
            c.endpoints.push_back(*endpoint);
            int usual = 0;
            c.sources.push_back(combinations.sourceClasses(
                network, network.subnets()[s].subnet->addressPrefixes(), *endpoint, true, &usual));
            c.usualSource.push_back(usual);
        }
        ++c.members[*it];
        c.classOfSubnet[s] = *it;
    }
    return c;
}

// nsg.md §7, §14: a pair's route is the same for every port and for every source address of
// its route class; only the filters along it differ. With NSGs the sweeps therefore walk each
// route-level class pair once in the design without its NSGs (its skeleton), and judge every
// concrete pair and (source class, port class) combination by the NSG verdicts at the skeleton's
// evaluation points, every port class at once. The verdict is judgePair's exactly: the same
// combinations are considered in the same order, and every failing verdict it returns comes
// from a real walk, checked against what the skeleton predicted (a pair whose prediction a walk
// contradicts is judged by judgePair itself).

enum class Outcome : std::uint8_t { Ok, Broken, Isolation };

Outcome outcomeOf(const ConnectionSummary &c)
{
    return c.ok ? Outcome::Ok : isBroken(c) ? Outcome::Broken : Outcome::Isolation;
}

// The design without NSG associations: the same devices and routes, walks that no NSG stops.
class BareDesign
{
public:
    explicit BareDesign(const model::Design &design) : m_design(design)
    {
        for (model::Vnet &v : m_design.vnets)
            for (model::Subnet &s : v.subnets)
                s.networkSecurityGroup.clear();
        for (model::Vm &vm : m_design.vms)
            vm.networkSecurityGroup.clear();
        m_design.networkSecurityGroups.clear();
        m_network = std::make_unique<model::Network>(m_design);
        m_routes = std::make_unique<routing::EffectiveRoutes>(*m_network);
        m_tracer = std::make_unique<routing::Tracer>(*m_routes);
    }
    // The bare design numbers devices as `network` does.
    bool matches(const model::Network &network) const
    {
        const auto &a = network.devices();
        const auto &b = m_network->devices();
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (a[i].name != b[i].name || a[i].kind != b[i].kind)
                return false;
        return true;
    }
    const routing::Tracer &tracer() const { return *m_tracer; }

private:
    model::Design m_design;
    std::unique_ptr<model::Network> m_network;
    std::unique_ptr<routing::EffectiveRoutes> m_routes;
    std::unique_ptr<routing::Tracer> m_tracer;
};

// Which end point of a pair a skeleton's device or address is, so that it stands for every
// pair of its route classes.
enum class End : std::uint8_t { None, From, To };

struct SkeletonPoint
{
    int device = -1;
    End deviceEnd = End::None;
    model::SecurityDirection direction = model::SecurityDirection::Inbound;
    bool reply = false;
    Ipv4Address source;
    Ipv4Address destination;
    End sourceEnd = End::None;
    End destinationEnd = End::None;
};

struct Skeleton
{
    bool usable = false;
    Outcome outcome = Outcome::Isolation;
    WalkVerdict forwardVerdict = WalkVerdict::Dropped;
    DropReason forwardReason = DropReason::None;
    WalkVerdict replyVerdict = WalkVerdict::Dropped;
    DropReason replyReason = DropReason::None;
    // The evaluation points in filterPoints' order: forward hops, then reply hops, inbound
    // before outbound at a hop.
    std::vector<SkeletonPoint> points;
    // The devices between the end points (sorted): a pair whose end point is one of them walks
    // another way.
    std::vector<int> innerDevices;

    bool standsFor(int fromDevice, int toDevice) const
    {
        return usable && !std::ranges::binary_search(innerDevices, fromDevice) &&
               !std::ranges::binary_search(innerDevices, toDevice);
    }
};

struct Ends
{
    int fromDevice = -1;
    Ipv4Address from;
    int toDevice = -1;
    Ipv4Address to;
};

// The route-level class of an end point: what decides every walk from or to it but its NSGs.
// A device in a subnet (VM or subnet stand-in) by its address's route class, its subnet's
// route table and VNet; any other device by itself.
class RouteKeys
{
public:
    RouteKeys(const routing::Tracer &tracer, const AddressClasses &coarse)
        : m_tracer(tracer), m_coarse(coarse)
    {
    }
    int keyOf(const routing::Endpoint &e)
    {
        const model::Network &network = m_tracer.network();
        const model::Device *d = e.device >= 0 ? &network.devices()[size_t(e.device)] : nullptr;
        std::tuple<int, const void *, int, int> key{m_coarse.classOf(e.ip), nullptr, -1, -1};
        if (d && d->subnet >= 0 &&
            (d->kind == model::DeviceKind::Vm || d->kind == model::DeviceKind::Subnet) &&
            !d->firewall)
            key = {m_coarse.classOf(e.ip), &m_tracer.routes().forSubnet(d->subnet), d->vnet,
                   m_tracer.walker().securityGroups().isEvaluationPoint(e.device) ? -2 : -3};
        else
            key = {m_coarse.classOf(e.ip), nullptr, -1, e.device};
        auto it = m_keys.find(key);
        if (it == m_keys.end())
            it = m_keys.emplace(key, int(m_keys.size())).first;
        return it->second;
    }
    int count() const { return int(m_keys.size()); }

private:
    const routing::Tracer &m_tracer;
    const AddressClasses &m_coarse;
    std::map<std::tuple<int, const void *, int, int>, int> m_keys;
};

// Verdict bits by key: open addressing, as a sweep looks verdicts up tens of millions of
// times. No key has all bits set.
class VerdictIndex
{
public:
    VerdictIndex() { grow(1 << 14); }
    // The value of `key`, or nullptr.
    const std::uint32_t *find(std::uint64_t key) const
    {
        for (size_t i = slot(key);; i = (i + 1) & m_mask) {
            if (m_keys[i] == key)
                return &m_values[i];
            if (m_keys[i] == empty)
                return nullptr;
        }
    }
    void insert(std::uint64_t key, std::uint32_t value)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            grow(m_keys.size() * 2);
        size_t i = slot(key);
        while (m_keys[i] != empty)
            i = (i + 1) & m_mask;
        m_keys[i] = key;
        m_values[i] = value;
        ++m_size;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t(0);
    size_t slot(std::uint64_t key) const
    {
        // Fibonacci hashing: the product's top bits depend on every bit of the key.
        return size_t((key * 0x9E3779B97F4A7C15ull) >> m_shift);
    }
    void grow(size_t capacity)
    {
        std::vector<std::uint64_t> keys = std::move(m_keys);
        std::vector<std::uint32_t> values = std::move(m_values);
        m_keys.assign(capacity, empty);
        m_values.assign(capacity, 0);
        m_mask = capacity - 1;
        m_shift = 64 - std::countr_zero(capacity);
        m_size = 0;
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != empty)
                insert(keys[i], values[i]);
    }
    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_values;
    size_t m_mask = 0;
    int m_shift = 64;
    size_t m_size = 0;
};

// What the judgement of one thread needs: the skeletons of its current route classes and the
// NSG verdicts met so far.
class FastJudge
{
public:
    FastJudge(const routing::Tracer &tracer, const routing::Tracer &bare,
              const SweepCombinations &combinations, const routing::SecurityGroups::Batch &forward,
              const routing::SecurityGroups::Batch &reply, int routeKeys)
        : m_tracer(tracer), m_bare(bare), m_combinations(combinations),
          m_groups(tracer.walker().securityGroups()), m_forward(forward), m_reply(reply),
          m_words(forward.words()), m_routeKeys(routeKeys)
    {
    }

    // judgePair(tracer, combinations, sources, representative, to), with the route keys of the
    // sources and of `to`.
    ConnectionSummary judge(const std::vector<routing::Endpoint> &sources, int representative,
                            const std::vector<int> &sourceKeys, const routing::Endpoint &to,
                            int toKey)
    {
        if (m_skeletonIndex.size() > 64)
            forgetSkeletons(); // memory stays bounded; a pair's skeletons live while it is judged
        m_fromSkeletons = false;
        if (auto verdict = tryJudge(sources, representative, sourceKeys, to, toKey))
            return std::move(*verdict);
        ++fallbacks;
        return judgePair(m_tracer, m_combinations, sources, representative, to);
    }

    // Whether the verdict judge() just returned came from the skeletons and NSG verdicts alone,
    // with no walk of its own: then it names nothing of `to` but what its route key and NSG
    // configuration decide.
    bool lastFromSkeletons() const { return m_fromSkeletons; }

    // Whether the skeletons of every source to `to` stand for it (see judge()).
    bool skeletonsStandFor(const std::vector<routing::Endpoint> &sources,
                           const std::vector<int> &sourceKeys, const routing::Endpoint &to,
                           int toKey)
    {
        for (size_t s = 0; s < sources.size(); ++s)
            if (!skeleton(sourceKeys[s], sources[s], toKey, to)
                     .standsFor(sources[s].device, to.device))
                return false;
        return true;
    }

    long long fallbacks = 0;

private:
    using Bits = std::vector<std::uint64_t>;

    static bool test(const std::uint64_t *bits, int i) { return bits[i / 64] >> (i % 64) & 1; }

    void forgetSkeletons()
    {
        m_skeletonIndex.clear();
        m_skeletons.clear();
    }

    const Skeleton &skeleton(int fromKey, const routing::Endpoint &from, int toKey,
                             const routing::Endpoint &to)
    {
        auto row = m_skeletonIndex.find(fromKey);
        if (row == m_skeletonIndex.end())
            row = m_skeletonIndex
                      .emplace(fromKey, std::vector<std::int32_t>(size_t(m_routeKeys), -1))
                      .first;
        if (size_t(toKey) >= row->second.size())
            row->second.resize(size_t(toKey) + 1, -1); // keys of end points met since
        std::int32_t &index = row->second[size_t(toKey)];
        if (index < 0) {
            index = std::int32_t(m_skeletons.size());
            m_skeletons.push_back(makeSkeleton(from, to));
        }
        return m_skeletons[size_t(index)];
    }

    Skeleton makeSkeleton(const routing::Endpoint &from, const routing::Endpoint &to) const
    {
        Skeleton k;
        const PortClass &port =
            m_combinations.ports()[size_t(m_combinations.representativePort())];
        const routing::Leg leg = m_bare.traceLeg(from, to, port.protocol, port.port);
        if (from.device < 0 || to.device < 0 || from.device == to.device)
            return k;
        const auto &devices = m_tracer.network().devices();
        const routing::Walk *walks[2] = {&leg.forward, leg.reply ? &*leg.reply : nullptr};
        if (leg.forward.hops.empty() || leg.forward.hops.front().device != from.device ||
            !leg.forward.nats.empty() || leg.forward.internetEgressDevice >= 0)
            return k;
        for (const routing::Walk *walk : walks) {
            if (!walk)
                continue;
            if (walk->verdict == WalkVerdict::Loop || walk->verdict == WalkVerdict::NotTunneled)
                return k;
            const bool reply = walk != &leg.forward;
            const int last = int(walk->hops.size()) - 1;
            for (int i = 0; i <= last; ++i) {
                const routing::Hop &hop = walk->hops[size_t(i)];
                const model::Device &d = devices[size_t(hop.device)];
                if (d.firewall && !d.firewall->allowAll)
                    return k;
                if (hop.route && hop.route->nextHopType == routing::HopType::Internet)
                    return k;
                if (hop.device == from.device && !(reply ? i == last : i == 0))
                    return k;
                if (hop.device == to.device && !(reply ? i == 0 : i == last))
                    return k;
                if (hop.device != from.device && hop.device != to.device)
                    k.innerDevices.push_back(hop.device);
                if (!hop.nsg)
                    continue;
                const auto end = [&](Ipv4Address a) {
                    return a == from.ip ? End::From : a == to.ip ? End::To : End::None;
                };
                SkeletonPoint p;
                p.device = hop.device;
                p.deviceEnd = hop.device == from.device ? End::From
                              : hop.device == to.device ? End::To
                                                        : End::None;
                p.reply = reply;
                p.source = hop.source;
                p.destination = hop.destination;
                p.sourceEnd = end(hop.source);
                p.destinationEnd = end(hop.destination);
                if (hop.nsg->inbound) {
                    p.direction = model::SecurityDirection::Inbound;
                    k.points.push_back(p);
                }
                if (hop.nsg->outbound) {
                    p.direction = model::SecurityDirection::Outbound;
                    k.points.push_back(p);
                }
            }
        }
        std::ranges::sort(k.innerDevices);
        k.innerDevices.erase(std::unique(k.innerDevices.begin(), k.innerDevices.end()),
                             k.innerDevices.end());
        const ConnectionSummary summary = ConnectionSummary::of(leg);
        k.outcome = outcomeOf(summary);
        k.forwardVerdict = leg.forward.verdict;
        k.forwardReason = leg.forward.reason;
        if (leg.reply) {
            k.replyVerdict = leg.reply->verdict;
            k.replyReason = leg.reply->reason;
        }
        k.usable = true;
        return k;
    }

    // ORs into `out` the flows of the batch that the point denies, for the pair `ends`.
    void addDenied(const SkeletonPoint &p, const Ends &ends, std::uint64_t *out)
    {
        const auto resolve = [&](End e, Ipv4Address literal) {
            return e == End::From ? ends.from : e == End::To ? ends.to : literal;
        };
        const int device = p.deviceEnd == End::From ? ends.fromDevice
                           : p.deviceEnd == End::To ? ends.toDevice
                                                    : p.device;
        const int configuration = m_groups.configurationOf(device);
        if (configuration < 0)
            return; // N3.10 (1)
        const Ipv4Address source = resolve(p.sourceEnd, p.source);
        const Ipv4Address destination = resolve(p.destinationEnd, p.destination);
        // A judgement meets the same point with the same addresses several times (the
        // representative's pass, then its replays): the first answer stands for the others.
        const std::uint32_t flags = (p.direction == model::SecurityDirection::Inbound ? 2u : 0u) |
                                    (p.reply ? 1u : 0u);
        for (const PointMemo &m : m_pointMemo)
            if (m.device == device && m.flags == flags && m.source == source.value() &&
                m.destination == destination.value()) {
                const std::uint64_t *bits = &m_verdictBits[m.at];
                for (int w = 0; w < m_words; ++w)
                    out[w] |= bits[w];
                return;
            }
        const routing::SecurityGroups::Batch &batch = p.reply ? m_reply : m_forward;
        const std::uint64_t rs = std::uint64_t(m_groups.regionOf(configuration, source));
        const std::uint64_t rd = std::uint64_t(m_groups.regionOf(configuration, destination));
        if (configuration >= (1 << 22) || rs >= (1u << 20) || rd >= (1u << 20)) {
            batch.addDenied(device, p.direction, source, destination, out);
            return;
        }
        const std::uint64_t key = std::uint64_t(configuration) << 42 | rs << 22 | rd << 2 | flags;
        std::uint32_t at;
        if (const std::uint32_t *found = m_verdicts.find(key)) {
            at = *found;
        } else {
            at = std::uint32_t(m_verdictBits.size());
            m_verdictBits.resize(size_t(at) + size_t(m_words), 0);
            batch.addDenied(device, p.direction, source, destination, &m_verdictBits[at]);
            m_verdicts.insert(key, at);
        }
        if (m_pointMemo.size() < maxPointMemo)
            m_pointMemo.push_back({device, flags, source.value(), destination.value(), at});
        const std::uint64_t *bits = &m_verdictBits[at];
        for (int w = 0; w < m_words; ++w)
            out[w] |= bits[w];
    }

    // The forward and reply denials of a pair along a skeleton: `forward` the flows some
    // forward point denies, `reply` those a reply point denies that the forward walk did not
    // judge (N3.9: where it did, the reply passes by state). Only the points before `stop`.
    void denials(const Skeleton &k, const Ends &ends, std::uint64_t *forward,
                 std::uint64_t *reply, size_t stop)
    {
        std::fill_n(forward, m_words, 0);
        std::fill_n(reply, m_words, 0);
        m_forwardDevices.clear();
        for (size_t i = 0; i < stop; ++i) {
            const SkeletonPoint &p = k.points[i];
            const int device = p.deviceEnd == End::From ? ends.fromDevice
                               : p.deviceEnd == End::To ? ends.toDevice
                                                        : p.device;
            if (!p.reply) {
                m_forwardDevices.push_back(device);
                addDenied(p, ends, forward);
            } else if (std::find(m_forwardDevices.begin(), m_forwardDevices.end(), device) ==
                       m_forwardDevices.end()) {
                addDenied(p, ends, reply);
            }
        }
    }

    // The leg's summary from a real walk, if its outcome is the predicted one.
    std::optional<ConnectionSummary> walked(const routing::Endpoint &from,
                                            const routing::Endpoint &to, int port, bool named,
                                            Outcome predicted)
    {
        const PortClass &p = m_combinations.ports()[size_t(port)];
        ConnectionSummary c = ConnectionSummary::of(m_tracer.traceLeg(from, to, p.protocol, p.port));
        if (outcomeOf(c) != predicted)
            return std::nullopt;
        if (named)
            c.source = from.text;
        return c;
    }

    ConnectionSummary working(const Skeleton &k, int port, const QString &source)
    {
        m_fromSkeletons = true;
        const PortClass &p = m_combinations.ports()[size_t(port)];
        ConnectionSummary c;
        c.ok = true;
        c.reason = ConnectionReason::None;
        c.forwardVerdict = k.forwardVerdict;
        c.forwardReason = k.forwardReason;
        c.replyVerdict = k.replyVerdict;
        c.replyReason = k.replyReason;
        c.protocol = p.protocol;
        c.port = p.port;
        c.source = source;
        return c;
    }

    std::optional<ConnectionSummary> tryJudge(const std::vector<routing::Endpoint> &sources,
                                              int rep, const std::vector<int> &sourceKeys,
                                              const routing::Endpoint &to, int toKey)
    {
        const int ports = int(m_combinations.ports().size());
        const int repPort = m_combinations.representativePort();
        const routing::Endpoint &usual = sources[size_t(rep)];
        const Skeleton &usualSkeleton = skeleton(sourceKeys[size_t(rep)], usual, toKey, to);
        if (!usualSkeleton.standsFor(usual.device, to.device))
            return std::nullopt;
        const int W = m_words;
        m_scratch.assign(size_t(W) * 6, 0);
        m_pointMemo.clear();
        std::uint64_t *forward = &m_scratch[0];
        std::uint64_t *reply = &m_scratch[size_t(W)];

        // The representative combination, as the walk would judge it, and the NSG points it
        // meets (filterPoints): up to the point that denies it.
        const Ends usualEnds{usual.device, usual.ip, to.device, to.ip};
        size_t stop = usualSkeleton.points.size();
        bool stopped = false;
        bool replyDenied = false;
        {
            m_forwardDevices.clear();
            for (size_t i = 0; i < usualSkeleton.points.size(); ++i) {
                const SkeletonPoint &p = usualSkeleton.points[i];
                const int device = p.deviceEnd == End::From ? usualEnds.fromDevice
                                   : p.deviceEnd == End::To ? usualEnds.toDevice
                                                            : p.device;
                std::fill_n(forward, W, 0);
                if (!p.reply) {
                    m_forwardDevices.push_back(device);
                    addDenied(p, usualEnds, forward);
                    if (test(forward, repPort)) {
                        stop = i + 1;
                        stopped = true;
                        break;
                    }
                } else if (std::find(m_forwardDevices.begin(), m_forwardDevices.end(), device) ==
                           m_forwardDevices.end()) {
                    addDenied(p, usualEnds, forward);
                    if (test(forward, repPort)) {
                        replyDenied = true;
                        break;
                    }
                }
            }
        }
        const Outcome usualOutcome = stopped       ? Outcome::Isolation
                                     : replyDenied ? Outcome::Broken
                                                   : usualSkeleton.outcome;
        auto usualVerdict = [&]() -> std::optional<ConnectionSummary> {
            if (usualOutcome == Outcome::Ok)
                return working(usualSkeleton, repPort, {});
            return walked(usual, to, repPort, false, usualOutcome);
        };
        if (usualOutcome == Outcome::Broken)
            return usualVerdict();

        // Every other combination in judgePair's order: walked there unless the representative's
        // points (replayed with the source address only, as judgePair does) deny it forward, or
        // pass it while the representative was not stopped by an NSG.
        std::uint64_t *oldForward = &m_scratch[size_t(W) * 2];
        std::uint64_t *oldReply = &m_scratch[size_t(W) * 3];
        int firstOkSource = -1;
        int firstOkPort = -1;
        for (int s = 0; s < int(sources.size()); ++s) {
            const routing::Endpoint &source = sources[size_t(s)];
            const Skeleton &k = s == rep ? usualSkeleton
                                         : skeleton(sourceKeys[size_t(s)], source, toKey, to);
            if (!k.standsFor(source.device, to.device))
                return std::nullopt;
            denials(usualSkeleton, Ends{usual.device, source.ip, to.device, to.ip}, oldForward,
                    oldReply, stop);
            if (s == rep && stop == k.points.size()) { // the same points and ends
                std::copy_n(oldForward, W, forward);
                std::copy_n(oldReply, W, reply);
            } else {
                denials(k, Ends{source.device, source.ip, to.device, to.ip}, forward, reply,
                        k.points.size());
            }
            for (int w = 0; w < W; ++w) {
                std::uint64_t considered = ~oldForward[w] & (stopped ? ~std::uint64_t(0) : oldReply[w]);
                const int base = w * 64;
                if (base + 64 > ports)
                    considered &= ports - base >= 64 ? ~std::uint64_t(0)
                                                     : (std::uint64_t(1) << (ports - base)) - 1;
                if (s == rep && repPort / 64 == w)
                    considered &= ~(std::uint64_t(1) << (repPort % 64));
                const std::uint64_t passes = ~forward[w] & ~reply[w];
                const std::uint64_t broken =
                    considered & ~forward[w] &
                    (reply[w] | (k.outcome == Outcome::Broken ? ~std::uint64_t(0) : 0));
                if (broken) {
                    const int port = base + std::countr_zero(broken);
                    return walked(source, to, port, s != rep, Outcome::Broken);
                }
                const std::uint64_t ok =
                    considered & passes & (k.outcome == Outcome::Ok ? ~std::uint64_t(0) : 0);
                if (ok && firstOkSource < 0) {
                    firstOkSource = s;
                    firstOkPort = base + std::countr_zero(ok);
                }
            }
        }
        if (usualOutcome == Outcome::Ok)
            return usualVerdict();
        if (firstOkSource >= 0) {
            const routing::Endpoint &source = sources[size_t(firstOkSource)];
            const Skeleton &k = firstOkSource == rep
                                    ? usualSkeleton
                                    : skeleton(sourceKeys[size_t(firstOkSource)], source, toKey, to);
            return working(k, firstOkPort, firstOkSource != rep ? source.text : QString());
        }
        return usualVerdict();
    }

    const routing::Tracer &m_tracer;
    const routing::Tracer &m_bare;
    const SweepCombinations &m_combinations;
    const routing::SecurityGroups &m_groups;
    const routing::SecurityGroups::Batch &m_forward;
    const routing::SecurityGroups::Batch &m_reply;
    const int m_words;
    const int m_routeKeys;
    std::unordered_map<int, std::vector<std::int32_t>> m_skeletonIndex; // from key → to key →
                                                                        // m_skeletons index
    std::deque<Skeleton> m_skeletons;
    VerdictIndex m_verdicts;
    std::vector<std::uint64_t> m_verdictBits;
    std::vector<std::uint64_t> m_scratch;
    std::vector<int> m_forwardDevices;
    bool m_fromSkeletons = false;
    // The points judged during the current judgement (addDenied), and where their bits are.
    struct PointMemo
    {
        int device;
        std::uint32_t flags;
        std::uint32_t source;
        std::uint32_t destination;
        std::uint32_t at;
    };
    static constexpr size_t maxPointMemo = 16;
    std::vector<PointMemo> m_pointMemo;
};

// The parts of the fast judgement that every thread shares; empty when the sweeps judge pair by
// pair (judgePair): without NSGs there is nothing to gain, and where a firewall filters by rule
// list its verdicts differ per combination along the route itself.
struct FastSweep
{
    std::unique_ptr<BareDesign> bare;
    std::unique_ptr<AddressClasses> coarse;
    std::unique_ptr<RouteKeys> keys;
    std::unique_ptr<routing::SecurityGroups::Batch> forward;
    std::unique_ptr<routing::SecurityGroups::Batch> reply;
    std::vector<int> endpointKey;             // subnet class → route key of its end point
    // subnet class → its group as a destination: classes whose end points share their route
    // key, NSG configuration and NSG address class are told apart by no skeleton and no NSG,
    // so a verdict judged from the skeletons alone holds for every member.
    std::vector<int> destinationGroup;
    int destinationGroups = 0;
    // subnet class → its group as a source: classes whose sources share their route keys, NSG
    // configurations and NSG address classes (and which of them is the usual one) are told
    // apart by no skeleton and no NSG, so a working verdict judged from the skeletons alone
    // that names no source holds for every member.
    std::vector<int> sourceGroup;
    std::vector<std::vector<int>> sourceKeys; // subnet class → route keys of its sources

    explicit operator bool() const { return bool(bare); }
    std::unique_ptr<FastJudge> judge(const routing::Tracer &tracer,
                                     const SweepCombinations &combinations) const
    {
        return std::make_unique<FastJudge>(tracer, bare->tracer(), combinations, *forward,
                                           *reply, keys->count());
    }
    std::vector<int> keysOf(const std::vector<routing::Endpoint> &endpoints)
    {
        std::vector<int> k;
        for (const routing::Endpoint &e : endpoints)
            k.push_back(keys->keyOf(e));
        return k;
    }
};

FastSweep prepareFastSweep(const routing::Tracer &tracer, const SweepCombinations &combinations,
                           const SubnetClasses &subnets)
{
    FastSweep fast;
    const model::Network &network = tracer.network();
    const model::Design &design = network.design();
    if (!combinations.active() ||
        std::ranges::any_of(design.firewalls, [](const model::Firewall &f) { return !f.allowAll; }))
        return fast;
    bool nsgs = std::ranges::any_of(design.vms, [](const model::Vm &vm) {
        return !vm.networkSecurityGroup.isEmpty();
    });
    for (const model::Vnet &v : design.vnets)
        for (const model::Subnet &s : v.subnets)
            nsgs = nsgs || !s.networkSecurityGroup.isEmpty();
    constexpr size_t maxPortClasses = 64 * 64; // SecurityGroups::Batch's limit
    if (!nsgs || combinations.ports().size() > maxPortClasses)
        return fast;
    auto bare = std::make_unique<BareDesign>(design);
    if (!bare->matches(network))
        return fast;
    // nsg.md §7: the same flows judgePair replays, forward and reply (ports swapped; Icmp has
    // none).
    std::vector<routing::PortFlow> forwardFlows;
    std::vector<routing::PortFlow> replyFlows;
    const int sourcePort = routing::policy::defaultSourcePort;
    for (const PortClass &p : combinations.ports()) {
        const bool icmp = p.protocol == model::Protocol::Icmp;
        forwardFlows.push_back({p.protocol, icmp ? 0 : sourcePort, icmp ? 0 : p.port});
        replyFlows.push_back({p.protocol, icmp ? 0 : p.port, icmp ? 0 : sourcePort});
    }
    const routing::SecurityGroups &groups = tracer.walker().securityGroups();
    fast.forward = std::make_unique<routing::SecurityGroups::Batch>(groups, forwardFlows);
    fast.reply = std::make_unique<routing::SecurityGroups::Batch>(groups, replyFlows);
    fast.coarse = std::make_unique<AddressClasses>(tracer.routes());
    fast.keys = std::make_unique<RouteKeys>(tracer, *fast.coarse);
    std::map<std::tuple<int, int, int>, int> groupIndex;
    for (size_t c = 0; c < subnets.endpoints.size(); ++c) {
        const routing::Endpoint &e = subnets.endpoints[c];
        fast.endpointKey.push_back(fast.keys->keyOf(e));
        fast.sourceKeys.push_back(fast.keysOf(subnets.sources[c]));
        const auto key = std::make_tuple(fast.endpointKey.back(), groups.configurationOf(e.device),
                                         groups.addressClassOf(e.ip));
        fast.destinationGroup.push_back(
            groupIndex.emplace(key, int(groupIndex.size())).first->second);
    }
    fast.destinationGroups = int(groupIndex.size());
    std::map<std::tuple<int, std::vector<int>, std::vector<std::pair<int, int>>>, int> sourceIndex;
    for (size_t c = 0; c < subnets.endpoints.size(); ++c) {
        std::vector<std::pair<int, int>> filters; // per source: NSG configuration, address class
        for (const routing::Endpoint &e : subnets.sources[c])
            filters.emplace_back(groups.configurationOf(e.device), groups.addressClassOf(e.ip));
        const auto key =
            std::make_tuple(subnets.usualSource[c], fast.sourceKeys[c], std::move(filters));
        fast.sourceGroup.push_back(sourceIndex.emplace(key, int(sourceIndex.size())).first->second);
    }
    fast.bare = std::move(bare);
    return fast;
}

// The counts of what a sweep kept from its memo and judged afresh.
struct MemoCounts
{
    std::atomic<long long> reused{0};
    std::atomic<long long> judged{0};
};

// Sorts `vnets` from `from` on and drops repeats there: what judgePair appended there becomes
// one judgement's dependency list, the span it takes.
SweepMemo::Span settleDependencies(std::vector<int> &vnets, size_t from)
{
    const auto first = vnets.begin() + std::ptrdiff_t(from);
    std::sort(first, vnets.end());
    vnets.erase(std::unique(first, vnets.end()), vnets.end());
    return {std::uint32_t(from), std::uint32_t(vnets.size() - from)};
}

// Lists `at` (a pair cell, a pool judgement) in `lists` (VNet → what depends on it) under each
// VNet of `vnets`, but not under those of `listed` (sorted), where it stands already.
void listUnder(std::vector<std::vector<std::uint32_t>> &lists, std::uint32_t at,
               std::span<const int> vnets, std::span<const int> listed = {})
{
    for (const int v : vnets) {
        if (v < 0 || std::ranges::binary_search(listed, v))
            continue;
        if (size_t(v) >= lists.size())
            lists.resize(size_t(v) + 1);
        std::vector<std::uint32_t> &list = lists[size_t(v)];
        if (list.empty() || list.back() != at)
            list.push_back(at);
    }
}

// `memo`: the judgements kept from the previous check, or nullptr (SweepMemo).
void sweepPools(const routing::Tracer &tracer, const SweepCombinations &combinations,
                const SubnetClasses &subnets, const std::vector<int> &workloads,
                FastSweep &fast, SweepMemo *memo, MemoCounts &counts, SweepResults &out)
{
    const model::Network &network = tracer.network();
    struct Pool
    {
        int gateway;
        QString text;
        routing::Endpoint endpoint;
        std::vector<routing::Endpoint> sources;
        int usualSource = 0;
        int key = -1;
        std::vector<int> sourceKeys;
        // One judgement each way per subnet class; every member subnet shares its verdicts.
        std::vector<std::pair<SharedSummary, SharedSummary>> byClass;
        std::vector<std::vector<int>> dependencies; // per class, with a memo
        // Per class, with a memo: -2 kept from it, else judged here and to be stored at this
        // index of its judgements (-1: a new one)
        std::vector<std::int64_t> slot;
    };
    std::vector<Pool> pools;
    for (int g = 0; g < int(network.devices().size()); ++g) {
        const model::Device &gw = network.devices()[g];
        if (gw.kind != model::DeviceKind::Gateway || gw.gatewayObject->vpnClientAddressPool.empty())
            continue;
        QString poolText = gw.gatewayObject->vpnClientAddressPool.front().firstHost().toString();
        for (const model::Client &c : network.design().clients)
            if (c.gateway == gw.name && network.deviceIndex(c.name) >= 0 &&
                network.devices()[network.deviceIndex(c.name)].ip) {
                poolText = c.name;
                break;
            }
        QString error;
        const auto pool = routing::resolveEndpoint(network, poolText, true, &error);
        if (!pool)
            continue;
        Pool p{g, poolText, *pool, {}, 0, -1, {}, {}, {}, {}};
        p.sources = combinations.sourceClasses(network, gw.gatewayObject->vpnClientAddressPool,
                                               *pool, false, &p.usualSource);
        if (fast) { // route keys are numbered here, before the threads share them
            p.key = fast.keys->keyOf(*pool);
            p.sourceKeys = fast.keysOf(p.sources);
        }
        p.byClass.resize(subnets.endpoints.size());
        if (memo) {
            p.dependencies.resize(subnets.endpoints.size());
            p.slot.assign(subnets.endpoints.size(), -1);
        }
        pools.push_back(std::move(p));
    }

    // Each thread judges its share of the subnet classes for every pool.
    const size_t n = subnets.endpoints.size();
    const unsigned threads =
        n < 64 || pools.empty() ? 1u
                                : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    auto work = [&](unsigned t) {
        const std::unique_ptr<FastJudge> judge = fast ? fast.judge(tracer, combinations) : nullptr;
        const size_t first = n * t / threads;
        const size_t last = n * (t + 1) / threads;
        // destination group → a class whose pool-to-subnet verdict, judged from the skeletons
        // alone, holds for the group (as in sweepSubnetPairs)
        std::vector<int> shared(size_t(fast ? fast.destinationGroups : 0), -1);
        for (Pool &p : pools) {
            std::ranges::fill(shared, -1);
            for (size_t c = first; c < last; ++c) {
                if (!judge) {
                    std::vector<int> *dependencies = memo ? &p.dependencies[c] : nullptr;
                    if (memo) {
                        // Read only here; what is judged anew is stored after the threads.
                        const SweepMemo::Pools &kept = memo->pools();
                        const auto it = kept.index.find(
                            SweepMemo::poolKey(p.gateway, subnets.representative[c]));
                        if (it != kept.index.end()) {
                            const SweepMemo::PoolJudgement &j = kept.judgements[it->second];
                            if (!j.stale && j.poolEndpoint == p.text) {
                                p.byClass[c] = {j.toSubnet, j.fromSubnet};
                                p.slot[c] = -2;
                                counts.reused += 2;
                                continue;
                            }
                            p.slot[c] = it->second;
                        }
                        counts.judged += 2;
                    }
                    p.byClass[c] = {
                        std::make_shared<const ConnectionSummary>(
                            judgePair(tracer, combinations, p.sources, p.usualSource,
                                      subnets.endpoints[c], dependencies)),
                        std::make_shared<const ConnectionSummary>(
                            judgePair(tracer, combinations, subnets.sources[c],
                                      subnets.usualSource[c], p.endpoint, dependencies))};
                    if (dependencies)
                        settleDependencies(*dependencies, 0);
                    continue;
                }
                const int d = fast.destinationGroup[c];
                if (shared[size_t(d)] >= 0 &&
                    judge->skeletonsStandFor(p.sources, p.sourceKeys, subnets.endpoints[c],
                                             fast.endpointKey[c])) {
                    p.byClass[c].first = p.byClass[size_t(shared[size_t(d)])].first;
                } else {
                    p.byClass[c].first = std::make_shared<const ConnectionSummary>(
                        judge->judge(p.sources, p.usualSource, p.sourceKeys, subnets.endpoints[c],
                                     fast.endpointKey[c]));
                    if (shared[size_t(d)] < 0 && p.byClass[c].first->ok &&
                        judge->lastFromSkeletons())
                        shared[size_t(d)] = int(c);
                }
                p.byClass[c].second = std::make_shared<const ConnectionSummary>(
                    judge->judge(subnets.sources[c], subnets.usualSource[c], fast.sourceKeys[c],
                                 p.endpoint, p.key));
            }
        }
    };
    runOnThreads(threads, work);
    // After an edit that changed no pool verdict, every row is the previous sweep's (the same
    // pool, subnet and kept summaries): those rows are shared again, not made anew, and whoever
    // holds them sees at once that nothing changed.
    const auto samePoolRows = [&](const std::vector<PoolSweepRow> &previous) {
        size_t i = 0;
        for (const Pool &p : pools) {
            const size_t first = i;
            for (int s : workloads) {
                const int c = subnets.classOfSubnet[s];
                if (c < 0)
                    continue;
                if (i >= previous.size())
                    return false;
                const PoolSweepRow &r = previous[i++];
                const auto &[to, from] = p.byClass[size_t(c)];
                // A pool's rows share one end point text: compared in full once per pool.
                if (r.gateway != p.gateway || r.subnet != s || r.toSubnet != to ||
                    r.fromSubnet != from ||
                    (i - 1 == first
                         ? r.poolEndpoint != p.text
                         : r.poolEndpoint.constData() != previous[first].poolEndpoint.constData()))
                    return false;
            }
        }
        return i == previous.size();
    };
    if (memo && memo->pools().rows && samePoolRows(*memo->pools().rows)) {
        out.pools = memo->pools().rows;
    } else {
        std::vector<PoolSweepRow> rows;
        rows.reserve(pools.size() * workloads.size());
        for (const Pool &p : pools)
            for (int s : workloads) {
                const int c = subnets.classOfSubnet[s];
                if (c >= 0) {
                    const auto &[to, from] = p.byClass[size_t(c)];
                    rows.push_back({p.gateway, p.text, s, to->ok, from->ok, to, from});
                }
            }
        out.pools = std::make_shared<const std::vector<PoolSweepRow>>(std::move(rows));
    }
    if (memo) {
        memo->pools().rows = out.pools;
        // The memo is updated in place: what was judged here replaces its stale judgement or
        // joins it. Judgements of classes or pools gone pile up, so past twice what this sweep
        // needs, it is rebuilt with these alone.
        SweepMemo::Pools &kept = memo->pools();
        const size_t needed = pools.size() * n;
        const bool rebuild = kept.judgements.size() > 2 * needed + 64;
        SweepMemo::Pools fresh;
        SweepMemo::Pools &into = rebuild ? fresh : kept;
        for (Pool &p : pools)
            for (size_t c = 0; c < n; ++c) {
                if (!rebuild && p.slot[c] == -2)
                    continue;
                SweepMemo::PoolJudgement judgement{p.text,
                                                   p.endpoint.ip.value(),
                                                   subnets.endpoints[c].ip.value(),
                                                   p.byClass[c].first,
                                                   p.byClass[c].second,
                                                   {},
                                                   false};
                if (p.slot[c] == -2) { // kept: its dependencies are the memo's
                    const auto it =
                        kept.index.find(SweepMemo::poolKey(p.gateway, subnets.representative[c]));
                    judgement.dependencies = kept.judgements[it->second].dependencies;
                } else {
                    judgement.dependencies = std::move(p.dependencies[c]);
                }
                // Listed under each VNet it depends on; a judgement replaced is listed
                // already under those its stale one named.
                if (!rebuild && p.slot[c] >= 0) {
                    SweepMemo::PoolJudgement &old = kept.judgements[size_t(p.slot[c])];
                    listUnder(into.judgementsOf, std::uint32_t(p.slot[c]), judgement.dependencies,
                              old.dependencies);
                    old = std::move(judgement);
                    continue;
                }
                const auto at = std::uint32_t(into.judgements.size());
                into.index[SweepMemo::poolKey(p.gateway, subnets.representative[c])] = at;
                listUnder(into.judgementsOf, at, judgement.dependencies);
                into.judgements.push_back(std::move(judgement));
            }
        if (rebuild) {
            fresh.rows = std::move(kept.rows);
            kept = std::move(fresh);
        }
    }
}

// Many class pairs share one verdict (every working pair of a design, mostly): each thread
// keeps its verdicts once, the pairs point at them.
class VerdictStore
{
public:
    std::int32_t add(ConnectionSummary c)
    {
        if (c.ok) {
            for (const std::int32_t at : m_recentOk)
                if (at >= 0 && sameOk(m_results[size_t(at)], c))
                    return at;
            const auto key = std::make_tuple(int(c.forwardVerdict), int(c.forwardReason),
                                             int(c.replyVerdict), int(c.replyReason),
                                             int(c.protocol), c.port, c.source);
            auto it = m_ok.find(key);
            if (it == m_ok.end()) {
                it = m_ok.emplace(key, std::int32_t(m_results.size())).first;
                m_results.push_back(std::move(c));
            }
            m_recentOk[m_nextRecent++ % m_recentOk.size()] = it->second;
            return it->second;
        }
        m_results.push_back(std::move(c));
        return std::int32_t(m_results.size() - 1);
    }
    std::vector<ConnectionSummary> &results() { return m_results; }

private:
    // ConnectionSummary::of a working leg sets only these.
    static bool sameOk(const ConnectionSummary &a, const ConnectionSummary &b)
    {
        return a.port == b.port && a.protocol == b.protocol &&
               a.forwardVerdict == b.forwardVerdict && a.replyVerdict == b.replyVerdict &&
               a.forwardReason == b.forwardReason && a.replyReason == b.replyReason &&
               a.source == b.source && a.ok == b.ok && a.explanation.isEmpty() &&
               b.explanation.isEmpty() && a.decidingNsg.isEmpty() && b.decidingNsg.isEmpty() &&
               a.failingRoute.isEmpty() && b.failingRoute.isEmpty() && a.failedAt == b.failedAt &&
               a.refusingPeeringFrom == b.refusingPeeringFrom &&
               a.refusingPeeringTo == b.refusingPeeringTo && a.reason == b.reason;
    }
    std::vector<ConnectionSummary> m_results;
    std::map<std::tuple<int, int, int, int, int, int, QString>, std::int32_t> m_ok;
    std::array<std::int32_t, 4> m_recentOk{-1, -1, -1, -1};
    size_t m_nextRecent = 0;
};

// Moves what `m`'s cells point at to the front of its results, once each, and drops the rest
// (verdicts a memo kept that no cell points at any more).
void compactResults(SubnetPairMatrix &m)
{
    std::vector<std::int32_t> moved(m.results.size(), -1);
    std::vector<ConnectionSummary> results;
    for (std::int32_t &cell : m.cells) {
        if (cell < 0)
            continue;
        std::int32_t &to = moved[size_t(cell)];
        if (to < 0) {
            to = std::int32_t(results.size());
            results.push_back(std::move(m.results[size_t(cell)]));
        }
        cell = to;
    }
    m.results = std::move(results);
}

// Rebuilds `pairs.cellsOf` from every cell's dependencies (a cell never judged has none).
void indexDependencies(SweepMemo::Pairs &pairs)
{
    pairs.cellsOf.clear();
    for (size_t c = 0; c < pairs.dependencies.size(); ++c) {
        const SweepMemo::Span span = pairs.dependencies[c];
        listUnder(pairs.cellsOf, std::uint32_t(c), {pairs.arena.data() + span.offset, span.count});
    }
}

// Without filters (!SweepCombinations::active(): no NSG, firewall rule list or proxy), the reply
// of the pair from `from` to `to` walks the same routes from the same device to the same address
// as the opposite pair's request (§14); the two walks differ only where the mode does: at a
// stateful device the request did not meet (R10.5), at a NAT (R10.4) and at NSGs (N3.9). So the
// pair sweep walks each pair of classes once each way, and where `request` and `back` (the
// request walked from `to` to `from`) are both delivered, back where they started, meeting the
// same stateful devices, no NAT and no NSG, the connection works, as traceLeg would find.
// Anything else is judged as a leg from the request already walked (PairJudge).
bool worksBothWays(const routing::SecurityGroups &groups, const routing::Walk &request,
                   const routing::Walk &back, const routing::Endpoint &from,
                   const routing::Endpoint &to)
{
    const auto delivered = [&](const routing::Walk &w, int first, int last) {
        return w.verdict == WalkVerdict::Delivered && w.nats.empty() && !w.hops.empty() &&
               w.hops.front().device == first && w.hops.back().device == last &&
               std::ranges::none_of(w.hops, [&](const routing::Hop &h) {
                   return groups.hasSecurityGroups(h.device);
               });
    };
    const auto within = [](const std::vector<int> &some, const std::vector<int> &all) {
        return std::ranges::all_of(
            some, [&](int d) { return std::ranges::find(all, d) != all.end(); });
    };
    return delivered(request, from.device, to.device) &&
           delivered(back, to.device, from.device) && request.sourceSeenAtEnd == from.ip &&
           within(back.statefulDevices, request.statefulDevices) &&
           within(request.statefulDevices, back.statefulDevices);
}

// ConnectionSummary::of a working leg between two subnets.
ConnectionSummary workingSummary(const PortClass &port)
{
    ConnectionSummary c;
    c.ok = true;
    c.forwardVerdict = WalkVerdict::Delivered;
    c.replyVerdict = WalkVerdict::Delivered;
    c.protocol = port.protocol;
    c.port = port.port;
    return c;
}

// Judges pairs of subnet classes for one thread of the pair sweep (sweepSubnetPairs,
// rejudgeStalePairs), into its store and, given an arena, with their dependencies there: from
// one walk each way when they show a working connection (worksBothWays), else as a leg from
// the request walked (Tracer::completeLeg), or by judgePair when nothing was walked.
class PairJudge
{
public:
    PairJudge(const routing::Tracer &tracer, const SweepCombinations &combinations,
              const SubnetClasses &subnets, VerdictStore &store, std::vector<int> *arena)
        : m_tracer(tracer), m_combinations(combinations), m_subnets(subnets), m_store(store),
          m_arena(arena),
          m_usualPort(combinations.ports()[size_t(combinations.representativePort())]),
          m_bothWays(subnets.endpoints.size(), 0)
    {
        // A class whose usual source is its end point is walked from as it is walked to, in a
        // design without filters: where NSGs, rule lists or proxies filter, a pair is judged
        // over every combination of source and port class (judgePair).
        for (size_t a = 0; a < m_bothWays.size() && !combinations.active(); ++a) {
            const routing::Endpoint &usual =
                subnets.sources[a][size_t(subnets.usualSource[a])];
            m_bothWays[a] = usual.device == subnets.endpoints[a].device &&
                            usual.ip == subnets.endpoints[a].ip;
        }
    }

    // Whether the pairs of classes a and b, both ways, may be judged from walk(a, b) and
    // walk(b, a).
    bool bothWays(int a, int b) const { return m_bothWays[size_t(a)] && m_bothWays[size_t(b)]; }

    // The usual request from class x to class y, walked.
    routing::Walk walk(int x, int y) const
    {
        return m_tracer.walkRequest(m_subnets.endpoints[size_t(x)],
                                    m_subnets.endpoints[size_t(y)], m_usualPort.protocol,
                                    m_usualPort.port);
    }

    // Judges class x to class y into the store and returns where; `request` and `back` are
    // walk(x, y) and walk(y, x), or null. With an arena, dependencies() is the judgement's.
    std::int32_t judge(int x, int y, const routing::Walk *request, const routing::Walk *back)
    {
        const size_t from = m_arena ? m_arena->size() : 0;
        const routing::Endpoint &source = m_subnets.endpoints[size_t(x)];
        const routing::Endpoint &to = m_subnets.endpoints[size_t(y)];
        std::int32_t at;
        if (request && worksBothWays(m_tracer.walker().securityGroups(), *request, *back, source,
                                     to)) {
            if (m_working < 0)
                m_working = m_store.add(workingSummary(m_usualPort));
            at = m_working;
            if (m_arena)
                routing::TraceMemo::addDependencies(source, to, *request, back,
                                                    m_tracer.network(), *m_arena);
        } else if (request) {
            // judgePair's verdict without filters is its usual leg's, whose request this is:
            // only the rest of the leg is walked.
            const routing::Endpoint &usual =
                m_subnets.sources[size_t(x)][size_t(m_subnets.usualSource[size_t(x)])];
            const routing::Leg leg =
                m_tracer.completeLeg(usual, to, m_usualPort.protocol, m_usualPort.port,
                                     routing::policy::defaultSourcePort, *request);
            if (m_arena)
                routing::TraceMemo::addDependencies(leg, m_tracer.network(), *m_arena);
            at = m_store.add(ConnectionSummary::of(leg));
        } else {
            at = m_store.add(judgePair(m_tracer, m_combinations, m_subnets.sources[size_t(x)],
                                       m_subnets.usualSource[size_t(x)], to, m_arena));
        }
        if (m_arena)
            m_dependencies = settleDependencies(*m_arena, from);
        return at;
    }
    SweepMemo::Span dependencies() const { return m_dependencies; }

private:
    const routing::Tracer &m_tracer;
    const SweepCombinations &m_combinations;
    const SubnetClasses &m_subnets;
    VerdictStore &m_store;
    std::vector<int> *m_arena;
    const PortClass &m_usualPort;
    std::vector<char> m_bothWays;
    std::int32_t m_working = -1; // the store's working verdict, once there
    SweepMemo::Span m_dependencies;
};

// The pair sweep when the memo holds the previous check's matrix for the very same classes (the
// usual case after an edit): its cells stand, and only the stale ones are judged again, in
// place. What the memo holds is then this sweep's matrix, as sweepSubnetPairs leaves it.
void rejudgeStalePairs(const routing::Tracer &tracer, const SweepCombinations &combinations,
                       const SubnetClasses &subnets, SweepMemo &memo, MemoCounts &counts,
                       SubnetPairMatrix &m)
{
    SweepMemo::Pairs &kept = memo.pairs();
    const int n = kept.classes;
    const std::vector<std::uint32_t> stale = std::move(kept.staleCells);
    kept.staleCells.clear();
    // Units of work: a stale cell, or a stale cell (a, b) with a < b whose mirror (b, a) is
    // stale too, both judged from one walk each way (PairJudge): an edit mostly makes a class's
    // row and column stale together.
    std::unordered_map<std::uint32_t, std::uint32_t> staleAt; // cell → its index in `stale`
    staleAt.reserve(stale.size());
    for (std::uint32_t i = 0; i < stale.size(); ++i)
        staleAt.emplace(stale[i], i);
    struct Unit
    {
        std::uint32_t cell;   // index in `stale`
        std::int64_t mirror;  // index in `stale` of its mirror, or -1
    };
    std::vector<Unit> units;
    units.reserve(stale.size());
    for (std::uint32_t i = 0; i < stale.size(); ++i) {
        const int a = int(stale[i] / std::uint32_t(n));
        const int b = int(stale[i] % std::uint32_t(n));
        const auto mirror = staleAt.find(std::uint32_t(b) * std::uint32_t(n) + std::uint32_t(a));
        if (mirror == staleAt.end() || a == b)
            units.push_back({i, -1});
        else if (a < b)
            units.push_back({i, mirror->second});
        // else: judged with its mirror
    }
    const unsigned threads =
        units.size() < 256 ? 1u : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    struct Judged
    {
        VerdictStore store;
        std::vector<int> arena;
    };
    struct Slot // where a stale cell's new verdict and dependencies are
    {
        unsigned thread = 0;
        std::int32_t at = -1;
        SweepMemo::Span dependencies;
    };
    std::vector<Judged> judged(threads);
    std::vector<Slot> slots(stale.size());
    runOnThreads(threads, [&](unsigned t) {
        Judged &mine = judged[t];
        PairJudge judge(tracer, combinations, subnets, mine.store, &mine.arena);
        const auto judgeCell = [&](std::uint32_t i, const routing::Walk *request,
                                   const routing::Walk *back) {
            const int a = int(stale[i] / std::uint32_t(n));
            const int b = int(stale[i] % std::uint32_t(n));
            slots[i].thread = t;
            slots[i].at = judge.judge(a, b, request, back);
            slots[i].dependencies = judge.dependencies();
        };
        const size_t first = units.size() * t / threads;
        const size_t last = units.size() * (t + 1) / threads;
        for (size_t u = first; u < last; ++u) {
            const Unit &unit = units[u];
            const int a = int(stale[unit.cell] / std::uint32_t(n));
            const int b = int(stale[unit.cell] % std::uint32_t(n));
            if (unit.mirror < 0 || !judge.bothWays(a, b)) {
                judgeCell(unit.cell, nullptr, nullptr);
                if (unit.mirror >= 0)
                    judgeCell(std::uint32_t(unit.mirror), nullptr, nullptr);
                continue;
            }
            const routing::Walk there = judge.walk(a, b);
            const routing::Walk back = judge.walk(b, a);
            judgeCell(unit.cell, &there, &back);
            judgeCell(std::uint32_t(unit.mirror), &back, &there);
        }
    });
    std::vector<std::int32_t> resultsBase(threads);
    std::vector<std::uint32_t> arenaBase(threads);
    for (unsigned t = 0; t < threads; ++t) {
        resultsBase[t] = std::int32_t(kept.results.size());
        arenaBase[t] = std::uint32_t(kept.arena.size());
        std::ranges::move(judged[t].store.results(), std::back_inserter(kept.results));
        kept.arena.insert(kept.arena.end(), judged[t].arena.begin(), judged[t].arena.end());
    }
    for (size_t i = 0; i < stale.size(); ++i) {
        const Slot &slot = slots[i];
        const std::uint32_t cell = stale[i];
        const SweepMemo::Span span = slot.dependencies;
        kept.cells[cell] = resultsBase[slot.thread] + slot.at;
        kept.dependencies[cell] = {arenaBase[slot.thread] + span.offset, span.count};
        kept.stale[cell] = 0;
        // The index gains what is new.
        listUnder(kept.cellsOf, cell, {judged[slot.thread].arena.data() + span.offset, span.count});
    }
    counts.judged += (long long)stale.size();

    // Verdicts and dependency lists no cell points at pile up edit after edit: past twice what
    // there was when last rebuilt, both are rebuilt.
    m.results = std::move(kept.results);
    m.cells = std::move(kept.cells);
    if (m.results.size() > 2 * kept.compactResults + 64) {
        compactResults(m);
        kept.compactResults = m.results.size();
    }
    if (kept.arena.size() > 2 * kept.compactArena + 256) {
        std::vector<int> arena;
        arena.reserve(kept.compactArena + kept.compactArena / 2 + 4096);
        for (size_t c = 0; c < m.cells.size(); ++c) {
            if (m.cells[c] < 0)
                continue;
            SweepMemo::Span &span = kept.dependencies[c];
            const auto from = kept.arena.begin() + span.offset;
            span.offset = std::uint32_t(arena.size());
            arena.insert(arena.end(), from, from + span.count);
        }
        kept.arena = std::move(arena);
        kept.compactArena = kept.arena.size();
        indexDependencies(kept);
    }
    long long evaluated = 0;
    for (int a = 0; a < n; ++a) {
        long long covered = 0;
        for (int b = 0; b < n; ++b)
            if (m.cells[size_t(a) * size_t(n) + size_t(b)] >= 0) {
                ++evaluated;
                covered += subnets.members[size_t(b)];
            }
        m.pairsCovered += covered * subnets.members[size_t(a)];
    }
    m.pairsEvaluated = evaluated;
    counts.reused += evaluated - (long long)stale.size();
    // The matrix comes back to the memo once the check has read it (SweepMemo::keep).
}

void sweepSubnetPairs(const routing::Tracer &tracer, const SweepCombinations &combinations,
                      const SubnetClasses &subnets, const FastSweep &fast, SweepMemo *memo,
                      MemoCounts &counts, SubnetPairMatrix &m)
{
    const model::Network &network = tracer.network();
    m.sourceClassOfSubnet = subnets.classOfSubnet;
    m.destinationClassOfSubnet = subnets.classOfSubnet;
    const auto &representative = subnets.representative;
    const auto &endpoints = subnets.endpoints;
    const int n = int(representative.size());
    m.destinationClasses = n;
    m.results.clear();
    m.cells.assign(size_t(n) * size_t(n), -1);

    // Source classes in groups that share their route key (their skeletons), each group judged
    // by one thread; which thread takes which group does not change any verdict.
    std::vector<int> rows(static_cast<size_t>(n));
    std::iota(rows.begin(), rows.end(), 0);
    if (fast)
        std::ranges::stable_sort(rows, {}, [&](int a) { return fast.endpointKey[size_t(a)]; });
    std::vector<std::pair<int, int>> groups; // [first, last) into rows
    for (int i = 0; i < n;) {
        int j = i + 1;
        while (fast && j < n &&
               fast.endpointKey[size_t(rows[size_t(j)])] == fast.endpointKey[size_t(rows[size_t(i)])])
            ++j;
        groups.emplace_back(i, j);
        i = j;
    }
    // A memo whose matrix never came back (keep) holds no pairs.
    if (memo && memo->pairs().cells.size() !=
                    size_t(memo->pairs().classes) * size_t(memo->pairs().classes))
        memo->pairs() = {};
    if (memo && !fast && memo->pairs().classes == n && memo->pairs().representative == representative) {
        rejudgeStalePairs(tracer, combinations, subnets, *memo, counts, m);
        return;
    }
    const unsigned threads = n < 64 ? 1u
                                    : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<VerdictStore> stores(threads);
    std::vector<std::uint8_t> cellThread(size_t(n) * size_t(n), 0); // whose store a cell names
    std::atomic<size_t> nextGroup{0};

    // With a memo: each class's class in the memo (the one its representative represented),
    // and where each cell's verdict and dependencies come from.
    enum Origin : char { None, Kept, Judged };
    const SweepMemo::Pairs *kept = memo ? &memo->pairs() : nullptr;
    std::vector<int> keptClass;
    std::vector<char> origin;
    std::vector<SweepMemo::Span> dependencies;
    std::vector<std::vector<int>> arenas(threads);
    if (kept) {
        keptClass.assign(size_t(n), -1);
        for (int a = 0; a < n; ++a)
            if (size_t(representative[size_t(a)]) < kept->classOfRepresentative.size())
                keptClass[size_t(a)] = kept->classOfRepresentative[size_t(representative[size_t(a)])];
        origin.assign(size_t(n) * size_t(n), None);
        dependencies.resize(size_t(n) * size_t(n));
    }
    // Without filters: each pair of classes once, walked each way (worksBothWays).
    auto workBothWays = [&](unsigned t, long long &reused, long long &judged) {
        PairJudge judge(tracer, combinations, subnets, stores[t], kept ? &arenas[t] : nullptr);
        // Whether the memo's verdict of cell `at`, from class x to class y, stands.
        auto keep = [&](size_t at, int x, int y) {
            if (!kept)
                return false;
            const int kx = keptClass[size_t(x)];
            const int ky = keptClass[size_t(y)];
            if (kx < 0 || ky < 0)
                return false;
            const size_t k = size_t(kx) * size_t(kept->classes) + size_t(ky);
            if (kept->cells[k] < 0 || kept->stale[k])
                return false;
            m.cells[at] = -2 - kept->cells[k]; // the memo's result, kept below
            origin[at] = Kept;
            dependencies[at] = kept->dependencies[k];
            ++reused;
            return true;
        };
        // Judges cell `at`, from class x to class y, from the walks there and back if given.
        auto judgeCell = [&](size_t at, int x, int y, const routing::Walk *request,
                             const routing::Walk *back) {
            ++judged;
            cellThread[at] = std::uint8_t(t);
            m.cells[at] = judge.judge(x, y, request, back);
            if (kept) {
                dependencies[at] = judge.dependencies();
                origin[at] = Judged;
            }
        };
        for (size_t g = nextGroup++; g < groups.size(); g = nextGroup++) {
            for (int i = groups[g].first; i < groups[g].second; ++i) {
                const int a = rows[size_t(i)];
                const int vnet = network.subnets()[representative[a]].vnet;
                for (int b = a + 1; b < n; ++b) {
                    if (vnet == network.subnets()[representative[b]].vnet)
                        continue;
                    const size_t ab = size_t(a) * size_t(n) + size_t(b);
                    const size_t ba = size_t(b) * size_t(n) + size_t(a);
                    const bool judgeAb = !keep(ab, a, b);
                    const bool judgeBa = !keep(ba, b, a);
                    if (!judgeAb && !judgeBa)
                        continue;
                    if (!judge.bothWays(a, b)) {
                        if (judgeAb)
                            judgeCell(ab, a, b, nullptr, nullptr);
                        if (judgeBa)
                            judgeCell(ba, b, a, nullptr, nullptr);
                        continue;
                    }
                    const routing::Walk there = judge.walk(a, b);
                    const routing::Walk back = judge.walk(b, a);
                    if (judgeAb)
                        judgeCell(ab, a, b, &there, &back);
                    if (judgeBa)
                        judgeCell(ba, b, a, &back, &there);
                }
            }
        }
    };

    auto work = [&](unsigned t) {
        long long reused = 0;
        long long judged = 0;
        if (!fast) {
            workBothWays(t, reused, judged);
            counts.reused += reused;
            counts.judged += judged;
            return;
        }
        const std::unique_ptr<FastJudge> judge = fast.judge(tracer, combinations);
        VerdictStore &store = stores[t];
        // destination group → the row's working verdict judged from the skeletons, or -1, and
        // whether it names none of the row's sources (then other rows may share it too)
        std::vector<std::int32_t> shared(size_t(fast.destinationGroups), -1);
        std::vector<char> sharedNamesNoSource(size_t(fast.destinationGroups), 0);
        std::vector<int> sharedGroups;
        // source group → its first row in this work group, and per destination class whether
        // that row's verdict may stand for the group's other rows
        struct Leader
        {
            int row;
            std::vector<char> shareable;
        };
        std::unordered_map<int, Leader> leaders;
        for (size_t g = nextGroup++; g < groups.size(); g = nextGroup++) {
            leaders.clear(); // a source group lies within one work group (its route keys)
            for (int i = groups[g].first; i < groups[g].second; ++i) {
                const int a = rows[size_t(i)];
                const int vnet = network.subnets()[representative[a]].vnet;
                const auto &sources = subnets.sources[size_t(a)];
                for (const int d : sharedGroups)
                    shared[size_t(d)] = -1;
                sharedGroups.clear();
                const Leader *leader = nullptr;
                std::vector<char> *shareable = nullptr;
                auto [it, first] = leaders.try_emplace(fast.sourceGroup[size_t(a)]);
                if (first) {
                    it->second.row = a;
                    it->second.shareable.assign(size_t(n), 0);
                    shareable = &it->second.shareable;
                } else {
                    leader = &it->second;
                }
                for (int b = 0; b < n; ++b) {
                    if (vnet == network.subnets()[representative[b]].vnet)
                        continue;
                    const size_t at = size_t(a) * size_t(n) + size_t(b);
                    std::int32_t &cell = m.cells[at];
                    cellThread[at] = std::uint8_t(t);
                    if (leader && leader->shareable[size_t(b)] &&
                        judge->skeletonsStandFor(sources, fast.sourceKeys[size_t(a)], endpoints[b],
                                                 fast.endpointKey[size_t(b)])) {
                        cell = m.cells[size_t(leader->row) * size_t(n) + size_t(b)];
                        continue;
                    }
                    const std::int32_t d = fast.destinationGroup[size_t(b)];
                    if (shared[size_t(d)] >= 0 &&
                        judge->skeletonsStandFor(sources, fast.sourceKeys[size_t(a)], endpoints[b],
                                                 fast.endpointKey[size_t(b)])) {
                        cell = shared[size_t(d)];
                        if (shareable)
                            (*shareable)[size_t(b)] = sharedNamesNoSource[size_t(d)];
                        continue;
                    }
                    ConnectionSummary c = judge->judge(sources, subnets.usualSource[size_t(a)],
                                                       fast.sourceKeys[size_t(a)], endpoints[b],
                                                       fast.endpointKey[size_t(b)]);
                    const bool share = c.ok && judge->lastFromSkeletons();
                    const bool namesNoSource = share && c.source.isEmpty();
                    cell = store.add(std::move(c));
                    if (shareable)
                        (*shareable)[size_t(b)] = namesNoSource;
                    if (share && shared[size_t(d)] < 0) {
                        shared[size_t(d)] = cell;
                        sharedNamesNoSource[size_t(d)] = namesNoSource;
                        sharedGroups.push_back(d);
                    }
                }
            }
        }
        counts.reused += reused;
        counts.judged += judged;
    };
    runOnThreads(threads, work);
    // The memo's verdicts come first, so that the cells kept point at them unchanged.
    if (memo)
        m.results = std::move(memo->pairs().results);
    std::vector<std::int32_t> offset(threads, 0);
    for (unsigned t = 0; t < threads; ++t) {
        offset[t] = std::int32_t(m.results.size());
        std::ranges::move(stores[t].results(), std::back_inserter(m.results));
    }
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            std::int32_t &cell = m.cells[size_t(a) * size_t(n) + size_t(b)];
            if (cell == -1)
                continue;
            if (cell <= -2)
                cell = -2 - cell;
            else
                cell += offset[cellThread[size_t(a) * size_t(n) + size_t(b)]];
            ++m.pairsEvaluated;
            m.pairsCovered += (long long)subnets.members[size_t(a)] * subnets.members[size_t(b)];
        }
    if (!memo)
        return;
    // Verdicts that no cell points at any more would pile up edit after edit.
    compactResults(m);

    // What this sweep judged becomes the memo.
    SweepMemo::Pairs next;
    next.classes = n;
    next.representative = representative;
    for (const routing::Endpoint &e : subnets.endpoints)
        next.address.push_back(e.ip.value());
    next.classOfRepresentative.assign(network.subnets().size(), -1);
    for (int a = 0; a < n; ++a)
        next.classOfRepresentative[size_t(representative[size_t(a)])] = a;
    next.compactResults = m.results.size(); // the matrix itself comes back by keep()
    next.dependencies.resize(dependencies.size());
    next.stale.assign(dependencies.size(), 0);
    std::vector<int> &arena = next.arena;
    arena.reserve(kept->arena.size() + 1024);
    for (size_t at = 0; at < dependencies.size(); ++at) {
        if (origin[at] == None)
            continue;
        const SweepMemo::Span from = dependencies[at];
        const int *first = origin[at] == Kept
                               ? kept->arena.data() + from.offset
                               : arenas[cellThread[at]].data() + from.offset;
        next.dependencies[at] = {std::uint32_t(arena.size()), from.count};
        arena.insert(arena.end(), first, first + from.count);
    }
    next.compactArena = arena.size();
    indexDependencies(next);
    memo->pairs() = std::move(next);
}

// cli.md, L20: the Internet round trip of each subnet class, and traffic entering from each
// on-premises site for each subnet class, walked so that a peering refusing forwarded traffic
// on their way is found even when no subnet pair or pool crosses it.
void sweepEndpoints(const routing::Tracer &tracer, const SweepCombinations &combinations,
                    const SubnetClasses &subnets, const FastSweep &fast, SweepResults &out)
{
    const routing::Tracer *bare = fast ? &fast.bare->tracer() : nullptr;
    const model::Network &network = tracer.network();
    QString error;
    const auto internet = routing::resolveEndpoint(network, model::internetName(), false, &error);
    std::vector<routing::Endpoint> sites;
    for (const model::Device &d : network.devices())
        if (d.site && d.ip)
            if (auto site = routing::resolveEndpoint(network, d.name, true, &error))
                sites.push_back(*site);
    for (size_t c = 0; c < subnets.endpoints.size(); ++c) {
        const routing::Endpoint &subnet = subnets.endpoints[c];
        if (internet)
            out.internetRoundTrips.push_back(
                {subnet.text, internet->text,
                 judgeRefusal(tracer, bare, combinations, subnet, *internet)});
        for (const routing::Endpoint &site : sites)
            out.onPremisesEntries.push_back(
                {site.text, subnet.text, judgeRefusal(tracer, bare, combinations, site, subnet)});
    }
}

// Forwarding loops: for each destination class, the graph of appliances (firewalls, NVAs) to
// the appliance each one sends that class to; a strongly connected component with more than one
// device, or a device sending to itself, is a loop (R4.3c, §14).
void searchLoops(const routing::Tracer &tracer, const routing::EffectiveRoutes &routes,
                 const AddressClasses &classes, const SweepCombinations &combinations,
                 const std::vector<int> &workloads, SweepResults &out)
{
    const model::Network &network = tracer.network();
    std::vector<int> appliances;
    QHash<int, int> vertexOf;
    for (int d = 0; d < int(network.devices().size()); ++d) {
        const model::Device &dev = network.devices()[d];
        if (dev.firewall || (dev.vm && dev.vm->enableIPForwarding)) {
            vertexOf.insert(d, int(appliances.size()));
            appliances.push_back(d);
        }
    }
    out.destinationClasses = classes.count();
    if (appliances.empty())
        return;

    // cli.md's loop-sweep sources: every workload subnet; every firewall (AzureFirewallSubnet);
    // every P2S pool and on-premises site, which stand for traffic entering through the gateway
    // and routed by GatewaySubnet. Listed when a cycle is first found: most designs have none.
    std::vector<routing::Endpoint> sources;
    auto listSources = [&] {
        auto addSource = [&](const QString &text) {
            QString error;
            if (auto endpoint = routing::resolveEndpoint(network, text, true, &error))
                sources.push_back(*endpoint);
        };
        for (int s : workloads)
            addSource(network.subnets()[s].qualifiedName);
        for (const model::Device &d : network.devices()) {
            if (d.firewall && d.ip)
                addSource(d.name);
            else if (d.site && d.ip)
                addSource(d.name);
            else if (d.kind == model::DeviceKind::Client && !d.client && d.ip)
                addSource(d.ip->toString()); // a P2S pool, as its first host
        }
    };
    bool sourcesListed = false;

    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    QSet<QStringList> reported;
    std::vector<int> next(appliances.size());
    // The appliance graphs already found to have no cycle: most destination classes of an
    // estate are sent along one of a few graphs (one per hub, say), searched once each.
    std::unordered_set<std::vector<int>, boost::hash<std::vector<int>>> acyclic;
    for (int c = 0; c < classes.count(); ++c) {
        const Ipv4Address destination = classes.start(c);
        bool anyEdge = false;
        for (size_t v = 0; v < appliances.size(); ++v) {
            next[v] = -1;
            const model::Device &dev = network.devices()[appliances[v]];
            const auto *route = routes.forSubnet(dev.subnet).nextHop(destination);
            if (!route || route->nextHopType != routing::HopType::VirtualAppliance ||
                !route->nextHopIpAddress)
                continue;
            const int owner = network.ownerOf(*route->nextHopIpAddress);
            const auto it = vertexOf.constFind(owner);
            if (it == vertexOf.cend())
                continue;
            const int ownerVnet = network.devices()[owner].vnet;
            if (ownerVnet != dev.vnet && !network.peered(dev.vnet, ownerVnet))
                continue;
            if (network.devices()[owner].ip == destination)
                continue; // the appliance itself is the destination: delivered, no loop
            next[v] = *it;
            anyEdge = true;
        }
        if (!anyEdge || acyclic.contains(next))
            continue;
        Graph graph(appliances.size());
        for (size_t v = 0; v < appliances.size(); ++v)
            if (next[v] >= 0)
                boost::add_edge(v, size_t(next[v]), graph);
        std::vector<int> component(appliances.size());
        const int components = boost::strong_components(
            graph, boost::make_iterator_property_map(component.begin(),
                                                     boost::get(boost::vertex_index, graph)));
        std::vector<std::vector<int>> byComponent(components);
        for (size_t v = 0; v < appliances.size(); ++v)
            byComponent[component[v]].push_back(int(v));
        const auto isCycle = [&](const std::vector<int> &members) {
            return members.size() > 1 || next[members.front()] == members.front();
        };
        if (std::ranges::none_of(byComponent, isCycle)) {
            acyclic.insert(next);
            continue;
        }
        if (!std::exchange(sourcesListed, true))
            listSources();
        for (const std::vector<int> &members : byComponent) {
            if (!isCycle(members))
                continue;
            QStringList names;
            for (int v : members)
                names << network.devices()[appliances[v]].name;
            std::sort(names.begin(), names.end());
            if (reported.contains(names))
                continue;
            // A source whose traffic for this class enters the cycle, confirmed by a walk.
            // nsg.md §7: the class loops from a source if some port class does (an NSG on the
            // way may stop the other ports first).
            auto loopsFrom = [&](const routing::Endpoint &from) {
                for (const PortClass &port : combinations.ports()) {
                    routing::Packet packet{from.ip, destination, port.protocol, port.port};
                    if (tracer.walker().forward(from.device, packet).verdict == WalkVerdict::Loop)
                        return true;
                }
                return false;
            };
            for (const routing::Endpoint &from : sources) {
                if (!loopsFrom(from))
                    continue;
                reported.insert(names);
                out.loops.push_back({names, destination.toString(), from.text,
                                     rangeText(classes.start(c), classes.last(c))});
                break;
            }
        }
    }
}

} // namespace

SweepResults runSweeps(const routing::Tracer &tracer, SweepMemo *memo)
{
    SweepResults results;
    const model::Network &network = tracer.network();
    const std::vector<int> workloads = workloadSubnets(network);
    const routing::EffectiveRoutes &routes = tracer.routes();
    const SweepCombinations combinations(routes);
    const AddressClasses classes(routes, combinations.cuts());
    const SubnetClasses subnets = classifySubnets(tracer, classes, combinations, workloads);
    FastSweep fast = prepareFastSweep(tracer, combinations, subnets);
    if (memo && combinations.active()) {
        memo->clear(); // SweepMemo: designs that filter are swept in full
        memo = nullptr;
    }
    MemoCounts counts;
    sweepPools(tracer, combinations, subnets, workloads, fast, memo, counts, results);
    sweepSubnetPairs(tracer, combinations, subnets, fast, memo, counts, results.pairs);
    if (memo)
        memo->setCounts(counts.reused, counts.judged);
    sweepEndpoints(tracer, combinations, subnets, fast, results);
    searchLoops(tracer, routes, classes, combinations, workloads, results);
    return results;
}

long long SweepMemo::invalidate(const Changes &changes)
{
    const std::vector<bool> &dirtyVnets = changes.dirty;
    const auto lookedUp = [&](size_t vnet, std::uint32_t x, std::uint32_t y) {
        const auto &prefixes = changes.lookupsOnly[vnet];
        return std::ranges::any_of(*prefixes, [&](const Prefix &p) {
            return p.contains(Ipv4Address(x)) || p.contains(Ipv4Address(y));
        });
    };
    // Whether a judgement between the end points x and y that depended on these VNets is stale.
    const auto dirty = [&](const int *first, std::uint32_t count, std::uint32_t x,
                           std::uint32_t y) {
        const bool bothPrivate = Ipv4Address(x).isPrivate() && Ipv4Address(y).isPrivate();
        for (std::uint32_t i = 0; i < count; ++i) {
            if (first[i] < 0 || size_t(first[i]) >= dirtyVnets.size() ||
                !dirtyVnets[size_t(first[i])])
                continue;
            const size_t v = size_t(first[i]);
            if (!bothPrivate || v >= changes.lookupsOnly.size() || !changes.lookupsOnly[v] ||
                lookedUp(v, x, y))
                return true;
        }
        return false;
    };
    long long stale = 0;
    const int n = m_pairs.classes;
    const bool addressed = m_pairs.address.size() == size_t(n);
    const auto mark = [&](size_t at) {
        if (m_pairs.cells[at] < 0 || m_pairs.stale[at])
            return;
        const Span s = m_pairs.dependencies[at];
        // Without the end points' addresses, any dirty VNet makes it stale.
        const std::uint32_t x = addressed ? m_pairs.address[at / size_t(n)] : 0;
        const std::uint32_t y = addressed ? m_pairs.address[at % size_t(n)] : 0;
        if (dirty(m_pairs.arena.data() + s.offset, s.count, x, y)) {
            m_pairs.stale[at] = 1;
            m_pairs.staleCells.push_back(std::uint32_t(at));
            ++stale;
        }
    };
    if (m_pairs.cells.size() == m_pairs.dependencies.size()) {
        // Only the cells listed under a dirty VNet can depend on one; in cell order, as a pass
        // over every cell would mark them.
        const size_t first = m_pairs.staleCells.size();
        for (size_t v = 0; v < dirtyVnets.size() && v < m_pairs.cellsOf.size(); ++v)
            if (dirtyVnets[v])
                for (const std::uint32_t at : m_pairs.cellsOf[v])
                    mark(at);
        std::sort(m_pairs.staleCells.begin() + std::ptrdiff_t(first), m_pairs.staleCells.end());
    }
    // Likewise the pool judgements listed under a dirty VNet.
    for (size_t v = 0; v < dirtyVnets.size() && v < m_pools.judgementsOf.size(); ++v) {
        if (!dirtyVnets[v])
            continue;
        for (const std::uint32_t at : m_pools.judgementsOf[v]) {
            PoolJudgement &judgement = m_pools.judgements[at];
            if (!judgement.stale &&
                dirty(judgement.dependencies.data(), std::uint32_t(judgement.dependencies.size()),
                      judgement.poolAddress, judgement.subnetAddress)) {
                judgement.stale = true;
                stale += 2;
            }
        }
    }
    return stale;
}

void SweepMemo::keep(SubnetPairMatrix &&matrix)
{
    if (m_pairs.cells.empty() && !m_pairs.dependencies.empty() &&
        matrix.cells.size() == m_pairs.dependencies.size()) {
        m_pairs.cells = std::move(matrix.cells);
        m_pairs.results = std::move(matrix.results);
    }
}

void SweepMemo::clear()
{
    m_pairs = {};
    m_pools = {};
}

std::size_t SweepMemo::bytes() const
{
    std::size_t bytes = m_pairs.cells.size() * (sizeof(std::int32_t) + sizeof(Span) + 1) +
                        m_pairs.arena.size() * sizeof(int) +
                        m_pairs.results.size() * sizeof(ConnectionSummary) +
                        m_pairs.classOfRepresentative.size() * sizeof(int);
    for (const std::vector<std::uint32_t> &cells : m_pairs.cellsOf)
        bytes += sizeof(cells) + cells.capacity() * sizeof(std::uint32_t);
    for (const PoolJudgement &judgement : m_pools.judgements)
        bytes += sizeof(judgement) + sizeof(std::uint64_t) + 32 +
                 judgement.dependencies.size() * sizeof(int);
    for (const std::vector<std::uint32_t> &judgements : m_pools.judgementsOf)
        bytes += sizeof(judgements) + judgements.capacity() * sizeof(std::uint32_t);
    return bytes;
}

// "a and b and c", the conjunction translated.
static text::Message andList(const QStringList &names)
{
    text::Message all = text::Message::verbatim(names.value(0));
    for (qsizetype i = 1; i < names.size(); ++i)
        all = text::findingText(QT_TRANSLATE_NOOP("Finding", "%1 and %2"), {all, names.at(i)});
    return all;
}

void sweepFindings(const model::Network &network, const SweepResults &results,
                   std::vector<Finding> &findings)
{
    // A failing verdict's explanation as the app translates it (issue 17).
    const auto explained = [](const ConnectionSummary &c) {
        return c.explanationText.isEmpty() ? text::Message::verbatim(c.explanation)
                                           : c.explanationText;
    };
    const auto &devices = network.devices();
    auto vnetOfSubnet = [&](int s) { return network.vnets()[network.subnets()[s].vnet].vnet->name; };

    struct PoolGroup
    {
        const PoolSweepRow *example;
        bool toSubnet;
        int count = 0;
        int ofVnet = 0; // workload subnets swept for this pool
    };
    // L20, R8.5: every peering link that refuses a walk of the sweeps, once, with the first
    // walk that met it (cli.md: an error wherever a walk meets it).
    struct Refusal
    {
        QString from, to;
        text::Message explanation;
    };
    std::map<std::pair<int, int>, Refusal> refusals;
    auto refused = [&](const ConnectionSummary &c, const QString &from, const QString &to) {
        if (c.ok || c.refusingPeeringFrom < 0)
            return;
        refusals.try_emplace({c.refusingPeeringFrom, c.refusingPeeringTo},
                             Refusal{from, to, explained(c)});
    };

    // Pools: one finding per (pool, direction, root cause), however many subnets share it.
    // An estate has tens of thousands of rows, nearly all working: the pass that groups the
    // failing ones notes their refusals too.
    std::map<std::tuple<int, bool, QString>, PoolGroup> poolGroups;
    std::vector<int> subnetsPerPool(devices.size(), 0);
    for (const PoolSweepRow &row : *results.pools)
        ++subnetsPerPool[size_t(row.gateway)];
    for (const PoolSweepRow &row : *results.pools)
        for (bool toSubnet : {true, false}) {
            if (toSubnet ? row.toSubnetOk : row.fromSubnetOk)
                continue;
            const ConnectionSummary &c = toSubnet ? *row.toSubnet : *row.fromSubnet;
            auto &g = poolGroups[{row.gateway, toSubnet, c.rootCause()}];
            if (!g.example)
                g = {&row, toSubnet, 0, subnetsPerPool[size_t(row.gateway)]};
            ++g.count;
            const QString &subnet = network.subnets()[row.subnet].qualifiedName;
            if (toSubnet)
                refused(c, row.poolEndpoint, subnet);
            else
                refused(c, subnet, row.poolEndpoint);
        }
    for (const auto &[key, g] : poolGroups) {
        Q_UNUSED(key)
        const PoolSweepRow &row = *g.example;
        const ConnectionSummary &c = g.toSubnet ? *row.toSubnet : *row.fromSubnet;
        const QString &subnet = network.subnets()[row.subnet].qualifiedName;
        const QString &gateway = devices[row.gateway].name;
        const bool asymmetric = c.reason == ConnectionReason::Asymmetric;
        const Severity severity = asymmetric || !c.isIsolation() ? Severity::Error
                                                                 : Severity::Warning;
        const text::Message scope =
            g.count > 1
                ? text::findingText(
                      QT_TRANSLATE_NOOP("Finding", " (and %1 more of its %2 workload subnets)"),
                      {QString::number(g.count - 1), QString::number(g.ofVnet)})
                : text::Message();
        const text::Message what =
            g.toSubnet ? text::findingText(
                             QT_TRANSLATE_NOOP("Finding", "P2S clients of %1 (%2) cannot reach %3"),
                             {gateway, row.poolEndpoint, subnet})
                       : text::findingText(
                             QT_TRANSLATE_NOOP("Finding", "%1 cannot reach P2S clients of %2 (%3)"),
                             {subnet, gateway, row.poolEndpoint});
        QStringList objects{gateway, subnet};
        if (c.failedAt >= 0 && !objects.contains(devices[c.failedAt].name))
            objects << devices[c.failedAt].name;
        const QString poolSource = c.source.isEmpty() ? row.poolEndpoint : c.source;
        const QString subnetSource = c.source.isEmpty() ? subnet : c.source;
        if (!c.decidingNsg.isEmpty()) // nsg.md TC-N18: the pool's end point and the NSG
            objects = QStringList{gateway, poolSource, subnet, c.decidingNsg};
        findings.push_back(
            makeFinding(asymmetric ? "vpn-pool-asymmetric" : "vpn-pool-unreachable", severity,
                        text::findingText(QT_TRANSLATE_NOOP("Finding", "%1%2: %3"),
                                          {what, scope, explained(c)}),
                        objects,
                        FindingTrace{g.toSubnet ? poolSource : subnetSource,
                                     g.toSubnet ? subnet : row.poolEndpoint, c.port, c.protocol}));
    }

    // Subnet pairs: one finding per (source VNet, destination VNet, cause); a cause shared by
    // very many VNet pairs is summed up in one finding, so a large estate stays readable.
    const SubnetPairMatrix &m = results.pairs;
    struct PairGroup
    {
        int from = -1, to = -1; // example subnets
        long long pairs = 0;
    };
    std::map<std::tuple<QString, QString, QString>, PairGroup> pairGroups;
    std::vector<int> exampleOfClass(m.destinationClasses, -1);
    std::vector<int> membersOfClass(m.destinationClasses, 0);
    for (int s = 0; s < int(m.sourceClassOfSubnet.size()); ++s)
        if (m.sourceClassOfSubnet[s] >= 0) {
            if (exampleOfClass[m.sourceClassOfSubnet[s]] < 0)
                exampleOfClass[m.sourceClassOfSubnet[s]] = s;
            ++membersOfClass[m.sourceClassOfSubnet[s]];
        }
    // The failing class pairs, in order: most of a large estate's million pairs work, and two
    // passes below ask only for these.
    struct FailingPair
    {
        int a, b;
        const ConnectionSummary *verdict;
    };
    std::vector<FailingPair> failingPairs;
    {
        std::vector<char> failingResult(m.results.size());
        for (size_t r = 0; r < m.results.size(); ++r)
            failingResult[r] = !m.results[r].ok;
        const size_t n = size_t(m.destinationClasses);
        for (size_t at = 0; at < m.cells.size(); ++at)
            if (const std::int32_t cell = m.cells[at]; cell >= 0 && failingResult[size_t(cell)])
                failingPairs.push_back({int(at / n), int(at % n), &m.results[size_t(cell)]});
    }
    for (const auto &[a, b, verdict] : failingPairs) {
        const int from = exampleOfClass[a];
        const int to = exampleOfClass[b];
        auto &g = pairGroups[{vnetOfSubnet(from), vnetOfSubnet(to), verdict->rootCause()}];
        if (g.from < 0) {
            g.from = from;
            g.to = to;
        }
        g.pairs += (long long)membersOfClass[a] * membersOfClass[b];
    }
    // A root cause shared by more than this many VNet pairs becomes one finding that counts them.
    constexpr int maxGroupsPerCause = 10;
    struct CauseTotal
    {
        int vnetPairs = 0;
        long long subnetPairs = 0;
        bool written = false;
    };
    QHash<QString, CauseTotal> totals;
    for (const auto &[key, g] : pairGroups) {
        CauseTotal &t = totals[std::get<2>(key)];
        ++t.vnetPairs;
        t.subnetPairs += g.pairs;
    }
    for (const auto &[key, g] : pairGroups) {
        CauseTotal &total = totals[std::get<2>(key)];
        const bool summarised = total.vnetPairs > maxGroupsPerCause;
        if (summarised && total.written)
            continue;
        total.written = true;
        const ConnectionSummary &c = *m.verdict(g.from, g.to);
        const bool asymmetric = c.reason == ConnectionReason::Asymmetric;
        const Severity severity = asymmetric || !c.isIsolation() ? Severity::Error
                                                                 : Severity::Info;
        const QString &fromName = network.subnets()[g.from].qualifiedName;
        const QString &toName = network.subnets()[g.to].qualifiedName;
        QStringList objects{std::get<0>(key), std::get<1>(key)};
        if (c.failedAt >= 0 && !objects.contains(devices[c.failedAt].name))
            objects << devices[c.failedAt].name;
        if (!c.decidingNsg.isEmpty() && !objects.contains(c.decidingNsg))
            objects << c.decidingNsg;
        const text::Message scope =
            summarised
                ? text::findingText(QT_TRANSLATE_NOOP("Finding", "%1 VNet pairs (%2 subnet pairs) "
                                                                 "fail the same way (%3)"),
                                    {QString::number(total.vnetPairs),
                                     QString::number(total.subnetPairs), c.cause()})
                : text::findingText(
                      QT_TRANSLATE_NOOP("Finding", "%1 → %2: %3 subnet pair(s) fail (%4)"),
                      {std::get<0>(key), std::get<1>(key), QString::number(g.pairs), c.cause()});
        findings.push_back(makeFinding(
            asymmetric ? "asymmetric-path" : "subnet-pair-unreachable", severity,
            text::findingText(QT_TRANSLATE_NOOP("Finding", "%1; for example %2 → %3: %4"),
                              {scope, fromName, toName, explained(c)}),
            objects,
            FindingTrace{c.source.isEmpty() ? fromName : c.source, toName, c.port, c.protocol}));
    }

    for (const auto &[a, b, verdict] : failingPairs)
        refused(*verdict, network.subnets()[exampleOfClass[a]].qualifiedName,
                network.subnets()[exampleOfClass[b]].qualifiedName);
    for (const auto *rows : {&results.internetRoundTrips, &results.onPremisesEntries})
        for (const EndpointSweepRow &row : *rows)
            refused(row.connection, row.from, row.to);
    for (const auto &[link, r] : refusals) {
        const QString &from = network.vnets()[link.first].vnet->name;
        const QString &to = network.vnets()[link.second].vnet->name;
        findings.push_back(makeFinding(
            "forwarded-traffic-not-allowed", Severity::Error,
            text::findingText(
                QT_TRANSLATE_NOOP("Finding",
                                  "the peering %1 → %2 does not allow forwarded traffic, so "
                                  "traffic relayed from %2 into %1 is dropped there (R8.5, L20); "
                                  "for example %3 → %4: %5. Set allowForwardedTraffic on it."),
                {from, to, r.from, r.to, r.explanation}),
            {from, to}, FindingTrace{r.from, r.to, 443, model::Protocol::Tcp}));
    }

    for (const LoopRecord &loop : results.loops)
        findings.push_back(makeFinding(
            "routing-loop", Severity::Error,
            text::findingText(
                QT_TRANSLATE_NOOP("Finding",
                                  "traffic for %1 (for example %2 from %3) loops between %4: each "
                                  "sends it on to the next and it never arrives (§14, L8). Give "
                                  "one of them a route that leads out of the loop."),
                {loop.prefix, loop.destination, loop.source, andList(loop.devices)}),
            loop.devices, FindingTrace{loop.source, loop.destination, 443, model::Protocol::Tcp}));
}

} // namespace hopscope::analysis
