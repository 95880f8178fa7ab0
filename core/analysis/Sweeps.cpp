#include "analysis/Sweeps.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <thread>

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
    const size_t cell = size_t(a) * size_t(destinationClasses) + size_t(b);
    return evaluated[cell] ? &results[cell] : nullptr;
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
        const bool ruleLists = std::ranges::any_of(
            design.firewalls, [](const model::Firewall &f) { return !f.allowAll; });
        const bool proxies =
            std::ranges::any_of(design.vms, [](const model::Vm &vm) { return bool(vm.proxy); });
        m_active = !usedNsgs.isEmpty() || ruleLists || proxies;
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
            for (const Prefix &c : m_sourceCuts) {
                for (const std::uint64_t b :
                     {std::uint64_t(c.first().value()), std::uint64_t(c.last().value()) + 1})
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
ConnectionSummary judgePair(const routing::Tracer &tracer, const SweepCombinations &combinations,
                            const std::vector<routing::Endpoint> &sources, int representative,
                            const routing::Endpoint &to)
{
    auto walk = [&](int s, const PortClass &p) {
        ConnectionSummary c = ConnectionSummary::of(
            tracer.traceLeg(sources[size_t(s)], to, p.protocol, p.port));
        if (s != representative)
            c.source = sources[size_t(s)].text;
        return c;
    };
    const int representativePort = combinations.representativePort();
    const PortClass &usualPort = combinations.ports()[size_t(representativePort)];
    const routing::Leg usualLeg = tracer.traceLeg(sources[size_t(representative)], to,
                                                  usualPort.protocol, usualPort.port);
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
ConnectionSummary judgeRefusal(const routing::Tracer &tracer,
                               const SweepCombinations &combinations,
                               const routing::Endpoint &from, const routing::Endpoint &to)
{
    const int representativePort = combinations.representativePort();
    const PortClass &usualPort = combinations.ports()[size_t(representativePort)];
    ConnectionSummary usual =
        ConnectionSummary::of(tracer.traceLeg(from, to, usualPort.protocol, usualPort.port));
    if (!combinations.active() || usual.refusingPeeringFrom >= 0)
        return usual;
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

void sweepPools(const routing::Tracer &tracer, const SweepCombinations &combinations,
                const SubnetClasses &subnets, const std::vector<int> &workloads,
                SweepResults &out)
{
    const model::Network &network = tracer.network();
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
        int usualPoolSource = 0;
        const std::vector<routing::Endpoint> poolSources = combinations.sourceClasses(
            network, gw.gatewayObject->vpnClientAddressPool, *pool, false, &usualPoolSource);
        // One judgement each way per subnet class; every member subnet shares its verdicts.
        std::vector<std::pair<ConnectionSummary, ConnectionSummary>> byClass;
        for (size_t c = 0; c < subnets.endpoints.size(); ++c)
            byClass.emplace_back(judgePair(tracer, combinations, poolSources, usualPoolSource,
                                           subnets.endpoints[c]),
                                 judgePair(tracer, combinations, subnets.sources[c],
                                           subnets.usualSource[c], *pool));
        for (int s : workloads) {
            const int c = subnets.classOfSubnet[s];
            if (c >= 0)
                out.pools.push_back({g, poolText, s, byClass[c].first, byClass[c].second});
        }
    }
}

void sweepSubnetPairs(const routing::Tracer &tracer, const SweepCombinations &combinations,
                      const SubnetClasses &subnets, SubnetPairMatrix &m)
{
    const model::Network &network = tracer.network();
    m.sourceClassOfSubnet = subnets.classOfSubnet;
    m.destinationClassOfSubnet = subnets.classOfSubnet;
    const auto &representative = subnets.representative;
    const auto &endpoints = subnets.endpoints;
    const int n = int(representative.size());
    m.destinationClasses = n;
    m.results.assign(size_t(n) * size_t(n), {});
    m.evaluated.assign(size_t(n) * size_t(n), false);

    // Each class pair once, the source classes split over the cores. vector<bool> packs bits,
    // so the threads write bytes and the evaluation marks are set afterwards.
    std::vector<char> done(size_t(n) * size_t(n), 0);
    auto workSafe = [&](int first, int step) {
        for (int a = first; a < n; a += step)
            for (int b = 0; b < n; ++b) {
                if (network.subnets()[representative[a]].vnet ==
                    network.subnets()[representative[b]].vnet)
                    continue;
                const size_t cell = size_t(a) * size_t(n) + size_t(b);
                m.results[cell] = judgePair(tracer, combinations, subnets.sources[size_t(a)],
                                            subnets.usualSource[size_t(a)], endpoints[b]);
                done[cell] = 1;
            }
    };
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    if (n < 64 || threads == 1) {
        workSafe(0, 1);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(workSafe, int(t), int(threads));
        workSafe(0, int(threads));
        for (std::thread &t : pool)
            t.join();
    }
    for (size_t cell = 0; cell < done.size(); ++cell)
        if (done[cell]) {
            m.evaluated[cell] = true;
            ++m.pairsEvaluated;
            m.pairsCovered += (long long)subnets.members[cell / size_t(n)] *
                              subnets.members[cell % size_t(n)];
        }
}

// cli.md, L20: the Internet round trip of each subnet class, and traffic entering from each
// on-premises site for each subnet class, walked so that a peering refusing forwarded traffic
// on their way is found even when no subnet pair or pool crosses it.
void sweepEndpoints(const routing::Tracer &tracer, const SweepCombinations &combinations,
                    const SubnetClasses &subnets, SweepResults &out)
{
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
                 judgeRefusal(tracer, combinations, subnet, *internet)});
        for (const routing::Endpoint &site : sites)
            out.onPremisesEntries.push_back(
                {site.text, subnet.text, judgeRefusal(tracer, combinations, site, subnet)});
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
    // and routed by GatewaySubnet.
    std::vector<routing::Endpoint> sources;
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

    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    QSet<QStringList> reported;
    std::vector<int> next(appliances.size());
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
        if (!anyEdge)
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
        for (const std::vector<int> &members : byComponent) {
            const bool cycle = members.size() > 1 || next[members.front()] == members.front();
            if (!cycle)
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

SweepResults runSweeps(const routing::Tracer &tracer)
{
    SweepResults results;
    const model::Network &network = tracer.network();
    const std::vector<int> workloads = workloadSubnets(network);
    const routing::EffectiveRoutes &routes = tracer.routes();
    const SweepCombinations combinations(routes);
    const AddressClasses classes(routes, combinations.cuts());
    const SubnetClasses subnets = classifySubnets(tracer, classes, combinations, workloads);
    sweepPools(tracer, combinations, subnets, workloads, results);
    sweepSubnetPairs(tracer, combinations, subnets, results.pairs);
    sweepEndpoints(tracer, combinations, subnets, results);
    searchLoops(tracer, routes, classes, combinations, workloads, results);
    return results;
}

void sweepFindings(const model::Network &network, const SweepResults &results,
                   std::vector<Finding> &findings)
{
    const auto &devices = network.devices();
    auto vnetOfSubnet = [&](int s) { return network.vnets()[network.subnets()[s].vnet].vnet->name; };

    struct PoolGroup
    {
        const PoolSweepRow *example;
        bool toSubnet;
        int count = 0;
        int ofVnet = 0; // workload subnets swept for this pool
    };
    // Pools: one finding per (pool, direction, root cause), however many subnets share it.
    std::map<std::tuple<int, bool, QString>, PoolGroup> poolGroups;
    QHash<int, int> subnetsPerPool;
    for (const PoolSweepRow &row : results.pools)
        ++subnetsPerPool[row.gateway];
    for (const PoolSweepRow &row : results.pools)
        for (bool toSubnet : {true, false}) {
            const ConnectionSummary &c = toSubnet ? row.toSubnet : row.fromSubnet;
            if (c.ok)
                continue;
            auto &g = poolGroups[{row.gateway, toSubnet, c.rootCause()}];
            if (!g.example)
                g = {&row, toSubnet, 0, subnetsPerPool[row.gateway]};
            ++g.count;
        }
    for (const auto &[key, g] : poolGroups) {
        Q_UNUSED(key)
        const PoolSweepRow &row = *g.example;
        const ConnectionSummary &c = g.toSubnet ? row.toSubnet : row.fromSubnet;
        const QString &subnet = network.subnets()[row.subnet].qualifiedName;
        const QString &gateway = devices[row.gateway].name;
        const bool asymmetric = c.reason == ConnectionReason::Asymmetric;
        const Severity severity = asymmetric || !c.isIsolation() ? Severity::Error
                                                                 : Severity::Warning;
        const QString scope =
            g.count > 1 ? QStringLiteral(" (and %1 more of its %2 workload subnets)")
                              .arg(g.count - 1)
                              .arg(g.ofVnet)
                        : QString();
        const QString what = g.toSubnet
                                 ? QStringLiteral("P2S clients of %1 (%2) cannot reach %3")
                                       .arg(gateway, row.poolEndpoint, subnet)
                                 : QStringLiteral("%1 cannot reach P2S clients of %2 (%3)")
                                       .arg(subnet, gateway, row.poolEndpoint);
        QStringList objects{gateway, subnet};
        if (c.failedAt >= 0 && !objects.contains(devices[c.failedAt].name))
            objects << devices[c.failedAt].name;
        const QString poolSource = c.source.isEmpty() ? row.poolEndpoint : c.source;
        const QString subnetSource = c.source.isEmpty() ? subnet : c.source;
        if (!c.decidingNsg.isEmpty()) // nsg.md TC-N18: the pool's end point and the NSG
            objects = QStringList{gateway, poolSource, subnet, c.decidingNsg};
        Finding f{asymmetric ? QStringLiteral("vpn-pool-asymmetric")
                             : QStringLiteral("vpn-pool-unreachable"),
                  severity,
                  what + scope + QStringLiteral(": ") + c.explanation,
                  objects,
                  FindingTrace{g.toSubnet ? poolSource : subnetSource,
                               g.toSubnet ? subnet : row.poolEndpoint, c.port, c.protocol}};
        findings.push_back(std::move(f));
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
    for (int a = 0; a < m.destinationClasses; ++a)
        for (int b = 0; b < m.destinationClasses; ++b) {
            const size_t cell = size_t(a) * size_t(m.destinationClasses) + size_t(b);
            if (!m.evaluated[cell] || m.results[cell].ok)
                continue;
            const int from = exampleOfClass[a];
            const int to = exampleOfClass[b];
            auto &g = pairGroups[{vnetOfSubnet(from), vnetOfSubnet(to),
                                  m.results[cell].rootCause()}];
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
        const QString scope =
            summarised
                ? QStringLiteral("%1 VNet pairs (%2 subnet pairs) fail the same way (%3)")
                      .arg(total.vnetPairs)
                      .arg(total.subnetPairs)
                      .arg(c.cause())
                : QStringLiteral("%1 → %2: %3 subnet pair(s) fail (%4)")
                      .arg(std::get<0>(key), std::get<1>(key))
                      .arg(g.pairs)
                      .arg(c.cause());
        findings.push_back({asymmetric ? QStringLiteral("asymmetric-path")
                                       : QStringLiteral("subnet-pair-unreachable"),
                            severity,
                            QStringLiteral("%1; for example %2 → %3: %4")
                                .arg(scope, fromName, toName, c.explanation),
                            objects,
                            FindingTrace{c.source.isEmpty() ? fromName : c.source, toName,
                                         c.port, c.protocol}});
    }

    // L20, R8.5: every peering link that refuses a walk of the sweeps, once, with the first
    // walk that met it (cli.md: an error wherever a walk meets it).
    struct Refusal
    {
        QString from, to;
        QString explanation;
    };
    std::map<std::pair<int, int>, Refusal> refusals;
    auto refused = [&](const ConnectionSummary &c, const QString &from, const QString &to) {
        if (c.ok || c.refusingPeeringFrom < 0)
            return;
        refusals.try_emplace({c.refusingPeeringFrom, c.refusingPeeringTo},
                             Refusal{from, to, c.explanation});
    };
    for (const PoolSweepRow &row : results.pools) {
        const QString &subnet = network.subnets()[row.subnet].qualifiedName;
        refused(row.toSubnet, row.poolEndpoint, subnet);
        refused(row.fromSubnet, subnet, row.poolEndpoint);
    }
    for (int a = 0; a < m.destinationClasses; ++a)
        for (int b = 0; b < m.destinationClasses; ++b) {
            const size_t cell = size_t(a) * size_t(m.destinationClasses) + size_t(b);
            if (m.evaluated[cell])
                refused(m.results[cell], network.subnets()[exampleOfClass[a]].qualifiedName,
                        network.subnets()[exampleOfClass[b]].qualifiedName);
        }
    for (const auto *rows : {&results.internetRoundTrips, &results.onPremisesEntries})
        for (const EndpointSweepRow &row : *rows)
            refused(row.connection, row.from, row.to);
    for (const auto &[link, r] : refusals) {
        const QString &from = network.vnets()[link.first].vnet->name;
        const QString &to = network.vnets()[link.second].vnet->name;
        findings.push_back(
            {QStringLiteral("forwarded-traffic-not-allowed"), Severity::Error,
             QStringLiteral("the peering %1 → %2 does not allow forwarded traffic, so traffic "
                            "relayed from %2 into %1 is dropped there (R8.5, L20); for example "
                            "%3 → %4: %5. Set allowForwardedTraffic on it.")
                 .arg(from, to, r.from, r.to, r.explanation),
             {from, to},
             FindingTrace{r.from, r.to, 443, model::Protocol::Tcp}});
    }

    for (const LoopRecord &loop : results.loops)
        findings.push_back(
            {QStringLiteral("routing-loop"), Severity::Error,
             QStringLiteral("traffic for %1 (for example %2 from %3) loops between %4: each sends "
                            "it on to the next and it never arrives (§14, L8). Give one of them "
                            "a route that leads out of the loop.")
                 .arg(loop.prefix, loop.destination, loop.source,
                      loop.devices.join(QStringLiteral(" and "))),
             loop.devices,
             FindingTrace{loop.source, loop.destination, 443, model::Protocol::Tcp}});
}

} // namespace hopscope::analysis
