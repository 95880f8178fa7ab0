#include "routing/PacketWalk.h"

#include "routing/RoutingPolicy.h"

#include <algorithm>
#include <array>

namespace hopscope::routing {

using model::Device;
using model::DeviceKind;

QString toString(WalkVerdict verdict)
{
    switch (verdict) {
    case WalkVerdict::Delivered: return QStringLiteral("delivered");
    case WalkVerdict::EgressInternet: return QStringLiteral("egress-internet");
    case WalkVerdict::EgressOnPrem: return QStringLiteral("egress-onprem");
    case WalkVerdict::Dropped: return QStringLiteral("dropped");
    case WalkVerdict::Loop: return QStringLiteral("loop");
    case WalkVerdict::NotTunneled: break;
    }
    return QStringLiteral("not-tunneled");
}

QString toString(DropReason reason)
{
    switch (reason) {
    case DropReason::None: return {};
    case DropReason::RouteNone: return QStringLiteral("route-none");
    case DropReason::Blackhole: return QStringLiteral("blackhole");
    case DropReason::NextHopUnreachable: return QStringLiteral("next-hop-unreachable");
    case DropReason::NoSuchHost: return QStringLiteral("no-such-host");
    case DropReason::IpForwardingDisabled: return QStringLiteral("ip-forwarding-disabled");
    case DropReason::ForwardedTrafficNotAllowed:
        return QStringLiteral("forwarded-traffic-not-allowed");
    case DropReason::PeeringNotConnected: return QStringLiteral("peering-not-connected");
    case DropReason::VirtualNetworkAccessDisabled:
        return QStringLiteral("virtual-network-access-disabled");
    case DropReason::FirewallDenied: return QStringLiteral("firewall-denied");
    case DropReason::PrivateToInternet: return QStringLiteral("private-to-internet");
    case DropReason::NoOutboundMethod: return QStringLiteral("no-outbound-method");
    case DropReason::P2sNoInternetBreakout: return QStringLiteral("p2s-no-internet-breakout");
    case DropReason::GatewayNoRoute: return QStringLiteral("gateway-no-route");
    case DropReason::NoSession: return QStringLiteral("no-session");
    case DropReason::ProxyDenied: return QStringLiteral("proxy-denied");
    case DropReason::NoInboundPath: return QStringLiteral("no-inbound-path");
    case DropReason::NsgDenied: return QStringLiteral("nsg-denied");
    }
    return {};
}

namespace {

// How the packet came to the current device.
enum class Arrival { Originates, FromP2sClient, FromOnPrem, FromInternet, FromAzure };

bool protocolMatches(const std::vector<model::Protocol> &allowed, model::Protocol p)
{
    return allowed.empty() || std::any_of(allowed.begin(), allowed.end(), [&](model::Protocol a) {
               return a == model::Protocol::Any || a == p;
           });
}

template <typename T, typename Pred>
bool anyOrEmpty(const std::vector<T> &items, Pred pred)
{
    return items.empty() || std::any_of(items.begin(), items.end(), pred);
}

// R10.2: ordered rules, first full match decides, no match denies.
RuleDecision evaluateFirewall(const model::Firewall &firewall, const Packet &p)
{
    if (firewall.allowAll)
        return {QStringLiteral("allowAll"), model::RuleAction::Allow};
    for (const model::FirewallRule &rule : firewall.rules) {
        const bool matches =
            protocolMatches(rule.protocols, p.protocol) &&
            anyOrEmpty(rule.sourceAddresses,
                       [&](const model::AddressMatch &m) { return m.matches(p.source); }) &&
            anyOrEmpty(rule.destinationAddresses,
                       [&](const model::AddressMatch &m) { return m.matches(p.destination); }) &&
            (p.protocol == model::Protocol::Icmp ||
             anyOrEmpty(rule.destinationPorts,
                        [&](const model::PortRange &r) { return r.contains(p.port); }));
        if (matches)
            return {rule.name, rule.action};
    }
    return {QStringLiteral("default-deny"), model::RuleAction::Deny};
}

EffectiveRoute syntheticGatewayRoute(const Prefix &prefix)
{
    return {.source = RouteSource::VirtualNetworkGateway,
            .addressPrefix = prefix,
            .nextHopType = HopType::VirtualNetworkGateway};
}

bool inAddressSpace(const model::Vnet &vnet, Ipv4Address a)
{
    return std::any_of(vnet.addressSpace.begin(), vnet.addressSpace.end(),
                       [&](const Prefix &p) { return p.contains(a); });
}

} // namespace

bool Walk::nsgAllowedAt(int device) const
{
    const auto allowed = [](const std::optional<NsgVerdict> &v) {
        return v && v->verdict == model::RuleAction::Allow;
    };
    return std::any_of(hops.begin(), hops.end(), [&](const Hop &h) {
        return h.device == device && h.nsg && (allowed(h.nsg->inbound) || allowed(h.nsg->outbound));
    });
}

PacketWalker::PacketWalker(const EffectiveRoutes &routes)
    : m_routes(routes), m_network(routes.network())
{
}

const SecurityGroups &PacketWalker::securityGroups() const
{
    std::call_once(m_securityOnce,
                   [this] { m_security = std::make_unique<const SecurityGroups>(m_routes); });
    return *m_security;
}

text::Message PacketWalker::describe(const EffectiveRoute &route) const
{
    text::Message target;
    switch (route.nextHopType) {
    case HopType::VirtualAppliance:
        target = route.nextHopIpAddress
                     ? text::Message::verbatim(route.nextHopIpAddress->toString())
                     : text::walkText(QT_TRANSLATE_NOOP("Walk", "a virtual appliance"));
        break;
    case HopType::VirtualNetworkGateway:
        target = route.gateway >= 0
                     ? text::Message::verbatim(m_network.devices()[route.gateway].name)
                     : text::walkText(QT_TRANSLATE_NOOP("Walk", "the virtual network gateway"));
        break;
    case HopType::VNetPeering:
    case HopType::VNetGlobalPeering:
        target = route.peerVnet >= 0
                     ? text::walkText(QT_TRANSLATE_NOOP("Walk", "%1 over the peering"),
                                      {m_network.vnets()[route.peerVnet].vnet->name})
                     : text::walkText(QT_TRANSLATE_NOOP("Walk", "the peering"));
        break;
    case HopType::VnetLocal:
        target = text::walkText(QT_TRANSLATE_NOOP("Walk", "the local VNet"));
        break;
    case HopType::Internet:
        target = text::walkText(QT_TRANSLATE_NOOP("Walk", "the Internet"));
        break;
    case HopType::None:
        target = text::walkText(QT_TRANSLATE_NOOP("Walk", "nowhere (None: drop)"));
        break;
    }
    if (route.isUser())
        return text::walkText(
            QT_TRANSLATE_NOOP("Walk", "route '%1' in %2 sends %3 to %4"),
            {route.routeName, route.routeTable, route.addressPrefix.toString(), target});
    const text::Message kind = route.source == RouteSource::VirtualNetworkGateway
                                   ? text::walkText(QT_TRANSLATE_NOOP("Walk", "gateway route"))
                                   : text::walkText(QT_TRANSLATE_NOOP("Walk", "system route"));
    return text::walkText(QT_TRANSLATE_NOOP("Walk", "the %1 %2 sends it to %3"),
                          {kind, route.addressPrefix.toString(), target});
}

namespace {

// Storage for the hops of finished walks, per thread, for the walks to come (Walk::~Walk).
constexpr size_t reservedHops = 8;
constexpr size_t keptSpares = 8;
// A walk that outlives its thread's pool (one destroyed while the thread ends) frees its own.
thread_local bool sparesGone = false;
struct Spares
{
    std::vector<std::vector<Hop>> list;
    ~Spares() { sparesGone = true; }
};
thread_local Spares spares;

std::vector<Hop> spareHops()
{
    if (sparesGone || spares.list.empty()) {
        std::vector<Hop> hops;
        hops.reserve(reservedHops);
        return hops;
    }
    std::vector<Hop> hops = std::move(spares.list.back());
    spares.list.pop_back();
    return hops;
}

} // namespace

Walk::~Walk()
{
    if (sparesGone || hops.capacity() < reservedHops || hops.capacity() > 4 * reservedHops ||
        spares.list.size() >= keptSpares)
        return;
    hops.clear();
    spares.list.push_back(std::move(hops));
}

// One walk in progress (§14): the packet as it is now, the device it is at and how it came
// there, and the hops so far. Each member function handles one kind of hop; each returns whether
// the packet moved on to another device, is to be routed onwards by the current device's
// subnet, or the walk has ended (then `m_walk` holds the verdict).
class PacketWalker::Run
{
public:
    Run(const PacketWalker &walker, int start, const Packet &packet, Mode mode,
        const Walk *forwardWalk)
        : m_walker(walker), m_network(walker.m_network), m_devices(walker.m_network.devices()),
          m_security(walker.securityGroups()), m_p(packet), m_mode(mode),
          m_forwardWalk(forwardWalk), m_current(start)
    {
        m_walk.hops = spareHops();
    }

    Walk walk()
    {
        for (;;) {
            if (closesLoop())
                break;
            Step step = visit();
            if (step == Step::RouteOnwards)
                step = routeOnwards();
            if (step == Step::Ended)
                break;
        }
        return std::move(m_walk);
    }

private:
    enum class Step {
        Moved,        // the packet is at the next device (m_current, m_arrival)
        RouteOnwards, // the current device forwards it by its subnet's routes
        Ended,        // the walk ended: m_walk holds the verdict
    };

    const Device &device() const { return m_devices[m_current]; }
    const QString &name(int device) const { return m_devices[device].name; }

    // An evaluation point's hop always has `nsg` (cli.md); it takes the ARRIVE verdict that
    // let the packet in, when this device is the one it was recorded for.
    Hop &pushHop(int device)
    {
        Hop &hop = m_walk.hops.emplace_back();
        hop.device = device;
        hop.source = m_p.source;
        hop.destination = m_p.destination;
        if (m_security.isEvaluationPoint(device)) {
            hop.nsg.emplace();
            if (m_admittedBy && m_admittedDevice == device)
                hop.nsg->inbound = std::move(m_admittedBy);
        }
        m_admittedBy.reset();
        return hop;
    }

    // nsg_eval of nsg.md §4 at `device` for the packet as it is now; a reply passes by state
    // where its request was allowed (N3.9).
    NsgVerdict judge(int device, model::SecurityDirection direction) const
    {
        const FlowKey flow{m_p.source, m_p.destination, m_p.protocol, m_p.sourcePort, m_p.port};
        const bool recorded = m_mode == Mode::Reply && m_forwardWalk->nsgAllowedAt(device);
        return m_security.evaluate(device, direction, flow, recorded);
    }
    // "denied by nsg-app rule deny-https (priority 100) on spoke2/app inbound:
    // 10.0.3.4:50000 → 10.2.0.4:443 Tcp"
    text::Message deniedBy(const NsgVerdict &v, model::SecurityDirection direction) const
    {
        const EvaluatedSecurityGroup *g = v.denyingGroup();
        const QString flow =
            m_p.protocol == model::Protocol::Icmp
                ? QStringLiteral("%1 → %2 Icmp").arg(m_p.source.toString(), m_p.destination.toString())
                : QStringLiteral("%1:%2 → %3:%4 %5")
                      .arg(m_p.source.toString())
                      .arg(m_p.sourcePort)
                      .arg(m_p.destination.toString())
                      .arg(m_p.port)
                      .arg(model::toString(m_p.protocol));
        return text::walkText(
            QT_TRANSLATE_NOOP("Walk", "denied by %1 rule %2 (priority %3) on %4 %5: %6"),
            {g->networkSecurityGroup, g->ruleName, QString::number(g->priority), g->appliedTo,
             direction == model::SecurityDirection::Inbound
                 ? text::walkText(QT_TRANSLATE_NOOP("Walk", "inbound"))
                 : text::walkText(QT_TRANSLATE_NOOP("Walk", "outbound")),
             flow});
    }
    // ARRIVE of nsg.md §4: the packet is handed to `device`'s NIC. A deny ends the walk there
    // (the device is the last hop, route null) and this returns true; an allow is kept for the
    // device's hop.
    bool arrivalDenied(int device)
    {
        if (!m_security.isEvaluationPoint(device))
            return false;
        NsgVerdict v = judge(device, model::SecurityDirection::Inbound);
        if (v.verdict == model::RuleAction::Deny) {
            const text::Message why = deniedBy(v, model::SecurityDirection::Inbound);
            pushHop(device).nsg->inbound = std::move(v);
            drop(DropReason::NsgDenied, why);
            return true;
        }
        m_admittedBy = std::move(v);
        m_admittedDevice = device;
        return false;
    }
    // SEND of nsg.md §4: the current device emits or forwards the packet; `hop` is its hop.
    bool sendDenied(Hop &hop)
    {
        if (!hop.nsg)
            return false;
        hop.nsg->outbound = judge(m_current, model::SecurityDirection::Outbound);
        if (hop.nsg->outbound->verdict == model::RuleAction::Allow)
            return false;
        drop(DropReason::NsgDenied, deniedBy(*hop.nsg->outbound, model::SecurityDirection::Outbound));
        return true;
    }
    Step moveTo(int device, Arrival arrival)
    {
        m_current = device;
        m_arrival = arrival;
        return Step::Moved;
    }
    Step finish(WalkVerdict verdict, DropReason reason, text::Message explanation)
    {
        m_walk.verdict = verdict;
        m_walk.reason = reason;
        m_walk.explanation = explanation.english();
        m_walk.explanationText = std::move(explanation);
        m_walk.sourceSeenAtEnd = m_p.source;
        return Step::Ended;
    }
    Step drop(DropReason reason, const text::Message &why)
    {
        return finish(WalkVerdict::Dropped, reason,
                      text::walkText(QT_TRANSLATE_NOOP("Walk", "dropped at %1: %2"),
                                     {name(m_walk.hops.back().device), why}));
    }

    // §14: the walk loops when a device sees the same destination again (the source's own
    // origination is its first visit), or after policy::maxHops decisions. A gateway that
    // hands a packet to a tunnel makes no routing decision, so that pass is not a visit.
    bool closesLoop()
    {
        const State state{m_current, m_p.destination.value(), leavesThroughTunnel()};
        const bool repeats = std::any_of(m_seen.begin(), m_seen.begin() + m_seenCount,
                                         [&](const State &s) {
                                             return s.device == state.device &&
                                                    s.destination == state.destination &&
                                                    s.intoTunnel == state.intoTunnel;
                                         });
        if (repeats || m_seenCount >= policy::maxHops) {
            // The repeated device is listed once more, with the route that led back to it.
            std::optional<EffectiveRoute> ledBack;
            if (!m_walk.hops.empty())
                ledBack = m_walk.hops.back().route;
            pushHop(m_current).route = std::move(ledBack);
            finish(WalkVerdict::Loop, DropReason::None,
                   text::walkText(
                       QT_TRANSLATE_NOOP("Walk", "loops: the packet for %1 comes back to %2"),
                       {m_p.destination.toString(), device().name}));
            return true;
        }
        m_seen[m_seenCount++] = state;
        return false;
    }

    // What the device the packet is at does with it, by kind.
    Step visit()
    {
        switch (device().kind) {
        case DeviceKind::Internet: return atInternet();
        case DeviceKind::OnPrem: return atOnPremSite();
        case DeviceKind::Client: return atP2sClient();
        case DeviceKind::Gateway: return atGateway();
        case DeviceKind::Firewall:
        case DeviceKind::Vm:
        case DeviceKind::Subnet: return atVnetHost();
        }
        return Step::RouteOnwards;
    }

    // The Internet: where Internet egress ends (§14 `Internet`), or where a walk starts. A reply
    // goes back in through the device that sent the request out (R10.4); a request from the
    // Internet reaches only a VM with a public IP (format.md).
    Step atInternet()
    {
        pushHop(m_current);
        if (m_arrival != Arrival::Originates)
            return finish(WalkVerdict::EgressInternet, DropReason::None, {});
        int entry = -1;
        if (m_mode == Mode::Reply) {
            entry = m_forwardWalk->internetEgressDevice;
        } else {
            const int owner = m_network.ownerOf(m_p.destination);
            if (owner >= 0 && m_devices[owner].vm &&
                m_devices[owner].vm->outbound == model::OutboundMethod::PublicIp)
                entry = owner;
        }
        if (entry < 0)
            return drop(
                DropReason::NoInboundPath,
                text::walkText(
                    QT_TRANSLATE_NOOP("Walk", "%1 has no public IP that the Internet can reach"),
                    {m_p.destination.toString()}));
        // N3.8: inbound from the Internet is judged after translation, to the private IP.
        if (arrivalDenied(entry))
            return Step::Ended;
        return moveTo(entry, Arrival::FromInternet);
    }

    // An on-premises site: where EGRESS_ONPREM ends (§14), or a start that sends Azure-bound
    // traffic into its S2S tunnel to its gateway. No Azure route table decides there, so its
    // hop carries no route (§14 "Start hops", cli.md).
    Step atOnPremSite()
    {
        pushHop(m_current);
        if (m_arrival != Arrival::Originates)
            return finish(WalkVerdict::EgressOnPrem, DropReason::None, {});
        return moveTo(device().gateway, Arrival::FromOnPrem);
    }

    // A P2S client: where traffic for its address is delivered, or a start that tunnels only
    // what its gateway pushed to it (§14 "P2S client side", R9.3, R9.5); anything else leaves
    // outside the tunnel (NOT_TUNNELED).
    Step atP2sClient()
    {
        const Device &d = device();
        Hop &hop = pushHop(m_current);
        if (m_arrival != Arrival::Originates)
            return finish(WalkVerdict::Delivered, DropReason::None, {});
        const auto *pushed = m_network.clientRoutes(d.gateway);
        const Prefix *match = pushed ? pushed->longestMatch(m_p.destination) : nullptr;
        if (!match)
            return finish(
                WalkVerdict::NotTunneled, DropReason::None,
                text::walkText(QT_TRANSLATE_NOOP("Walk",
                                                 "%1 is not among the routes %2 pushes to its P2S "
                                                 "clients, so %3 sends it outside the tunnel"),
                               {m_p.destination.toString(), name(d.gateway), d.name}));
        hop.route = syntheticGatewayRoute(*match);
        return moveTo(d.gateway, Arrival::FromP2sClient);
    }

    // A VPN gateway. Traffic from the VNet side leaves through a tunnel: to a P2S client of its
    // pool or to one of its on-premises sites (§14 `VirtualNetworkGateway`, R4.4). Traffic from a
    // tunnel is routed by GatewaySubnet's routes (R7.1).
    Step atGateway()
    {
        if (!leavesThroughTunnel())
            return Step::RouteOnwards;
        pushHop(m_current);
        return leaveThroughTunnel(true);
    }
    bool leavesThroughTunnel() const
    {
        return device().kind == DeviceKind::Gateway &&
               (m_arrival == Arrival::FromAzure || m_arrival == Arrival::FromInternet);
    }

    // The gateway at the last hop hands the packet to its P2S client or on-premises site whose
    // range holds the destination (§14 `VirtualNetworkGateway`, R4.4). `nameTunnel`: the hop
    // shows the tunnel's range as its route (it has none of its own).
    Step leaveThroughTunnel(bool nameTunnel)
    {
        const Device &d = device();
        Hop &hop = m_walk.hops.back();
        const int pool = m_network.poolContaining(m_p.destination);
        if (pool >= 0 && m_devices[pool].gateway == m_current) {
            const int owner = m_network.ownerOf(m_p.destination);
            const bool ownedByClient = owner >= 0 && m_devices[owner].gateway == m_current;
            for (const Prefix &range : d.gatewayObject->vpnClientAddressPool)
                if (nameTunnel && range.contains(m_p.destination))
                    hop.route = syntheticGatewayRoute(range);
            return moveTo(ownedByClient ? owner : pool, Arrival::FromAzure);
        }
        const int site = m_network.siteContaining(m_p.destination);
        if (site >= 0 && m_devices[site].gateway == m_current) {
            for (const Prefix &range : m_devices[site].site->addressPrefixes)
                if (nameTunnel && range.contains(m_p.destination))
                    hop.route = syntheticGatewayRoute(range);
            return moveTo(site, Arrival::FromAzure);
        }
        return drop(DropReason::GatewayNoRoute,
                    text::walkText(QT_TRANSLATE_NOOP(
                                       "Walk", "%1 has no P2S pool or site containing %2 (R4.4)"),
                                   {d.name, m_p.destination.toString()}));
    }

    // A VM, firewall or subnet workload the packet arrived at: delivered when it is the
    // destination (after undoing this device's source NAT for a reply, R10.4); otherwise it must
    // forward, which a VM NIC does only with IP forwarding on (R4.3a).
    Step atVnetHost()
    {
        if (m_arrival == Arrival::Originates)
            return Step::RouteOnwards;
        const Device &d = device();
        // R5.8: a workload standing for its subnet is every address there that no VM owns;
        // what arrives for one is delivered, never routed again by the subnet's own table.
        bool reachedItself = (d.ip && *d.ip == m_p.destination) ||
                             (d.kind == DeviceKind::Subnet &&
                              m_network.subnetContaining(m_p.destination) == d.subnet &&
                              m_network.ownerOf(m_p.destination) < 0);
        if (reachedItself && m_mode == Mode::Reply) {
            const auto &nats = m_forwardWalk->nats;
            const auto nat = std::find_if(nats.begin(), nats.end(),
                                          [&](const SourceNat &n) { return n.device == m_current; });
            if (nat != nats.end()) {
                m_p.destination = nat->original;
                reachedItself = false;
            }
        }
        if (reachedItself) {
            pushHop(m_current);
            return finish(WalkVerdict::Delivered, DropReason::None, {});
        }
        if (d.vm && !d.vm->enableIPForwarding) {
            pushHop(m_current);
            return drop(
                DropReason::IpForwardingDisabled,
                text::walkText(QT_TRANSLATE_NOOP("Walk",
                                                 "%1 receives a packet for %2 but IP forwarding is "
                                                 "off on its NIC (R4.3a)"),
                               {d.name, m_p.destination.toString()}));
        }
        return Step::RouteOnwards;
    }

    // The current device forwards the packet: stateful inspection first (R10.2), then the
    // route its egress subnet picks (§14 egress_subnet, next_hop of §5), by next hop type.
    Step routeOnwards()
    {
        const Device &d = device();
        Hop &hop = pushHop(m_current);
        if (m_arrival != Arrival::Originates && d.isStateful() &&
            inspectStateful(hop) == Step::Ended)
            return Step::Ended;
        // P1, P2: SEND after the loop check and a stateful NVA's session handling, before the
        // route lookup.
        if (sendDenied(hop))
            return Step::Ended;
        if (d.subnet < 0)
            return drop(
                DropReason::GatewayNoRoute,
                text::walkText(QT_TRANSLATE_NOOP("Walk", "%1 has no GatewaySubnet to route from"),
                               {d.name}));
        const EffectiveRoute *route = m_walker.m_routes.forSubnet(d.subnet).nextHop(m_p.destination);
        if (!route)
            return drop(DropReason::RouteNone,
                        text::walkText(QT_TRANSLATE_NOOP("Walk", "no route contains %1"),
                                       {m_p.destination.toString()}));
        hop.route = *route;
        switch (route->nextHopType) {
        case HopType::None: return drop(DropReason::RouteNone, m_walker.describe(*route));
        case HopType::Internet: return toInternet(*route);
        case HopType::VnetLocal:
        case HopType::VNetPeering:
        case HopType::VNetGlobalPeering: return toVnet(*route);
        case HopType::VirtualAppliance: return toAppliance(*route);
        case HopType::VirtualNetworkGateway: return toGateway(*route);
        }
        return Step::Ended;
    }

    // R10.2: a firewall judges a new connection by its ordered rules; on the reply any stateful
    // device lets through only a connection it saw start (R10.5).
    Step inspectStateful(Hop &hop)
    {
        const Device &d = device();
        if (m_mode == Mode::Forward) {
            if (d.firewall) {
                hop.rule = evaluateFirewall(*d.firewall, m_p);
                if (hop.rule->action == model::RuleAction::Deny)
                    return drop(DropReason::FirewallDenied,
                                text::walkText(
                                    QT_TRANSLATE_NOOP("Walk", "rule '%1' denies %2 → %3 port %4"),
                                    {hop.rule->name, m_p.source.toString(),
                                     m_p.destination.toString(), QString::number(m_p.port)}));
            }
        } else {
            const auto &known = m_forwardWalk->statefulDevices;
            if (std::find(known.begin(), known.end(), m_current) == known.end())
                return drop(DropReason::NoSession,
                            text::walkText(QT_TRANSLATE_NOOP(
                                               "Walk", "%1 never saw this connection start, so it "
                                                       "drops the reply (asymmetric path, R10.5)"),
                                           {d.name}));
            if (d.firewall)
                hop.rule = RuleDecision{QStringLiteral("established"), model::RuleAction::Allow};
        }
        m_walk.statefulDevices.push_back(m_current);
        return Step::RouteOnwards;
    }

    // The VNet of the subnet the current device routes from.
    int sendingVnet() const { return m_network.subnets()[device().subnet].vnet; }
    // The VNet whose device, subnet or address space holds `address`, or -1.
    int vnetHolding(Ipv4Address address) const
    {
        const int owner = m_network.ownerOf(address);
        if (owner >= 0 && m_devices[owner].vnet >= 0)
            return m_devices[owner].vnet;
        const int subnet = m_network.subnetContaining(address);
        return subnet >= 0 ? m_network.subnets()[subnet].vnet : m_network.vnetContaining(address);
    }

    // §14 `Internet`: a private destination cannot go; a gateway sends only P2S client traffic
    // out, as R9.6 says; the device needs an outbound method (R2.7); a firewall translates to
    // its public IP (R10.4).
    Step toInternet(const EffectiveRoute &route)
    {
        const Device &d = device();
        if (m_p.destination.isPrivate())
            return drop(
                DropReason::PrivateToInternet,
                text::walkText(
                    QT_TRANSLATE_NOOP("Walk",
                                      "%1, but %2 is a private address the Internet cannot carry"),
                    {m_walker.describe(route), m_p.destination.toString()}));
        if (d.kind == DeviceKind::Gateway) {
            // R9.6 (§13.3): what a gateway does with Internet-bound client traffic.
            if (m_arrival != Arrival::FromP2sClient)
                return drop(
                    DropReason::NoOutboundMethod,
                    text::walkText(QT_TRANSLATE_NOOP("Walk",
                                                     "%1, but a VPN gateway does not send traffic "
                                                     "from on-premises to the Internet"),
                                   {m_walker.describe(route)}));
            if (m_network.settings().p2sInternetBreakout == model::P2sInternetBreakout::Drop)
                return drop(
                    DropReason::P2sNoInternetBreakout,
                    text::walkText(QT_TRANSLATE_NOOP("Walk",
                                                     "%1, but a VPN gateway drops Internet-bound "
                                                     "traffic from P2S clients (R9.6; send it to a "
                                                     "proxy or firewall instead)"),
                                   {m_walker.describe(route)}));
        }
        if (d.vm && d.vm->outbound == model::OutboundMethod::None)
            return drop(
                DropReason::NoOutboundMethod,
                text::walkText(QT_TRANSLATE_NOOP(
                                   "Walk", "%1, but %2 has no public IP, NAT gateway, "
                                           "load-balancer rule or default outbound access (R2.7)"),
                               {m_walker.describe(route), d.name}));
        if (d.firewall && m_mode == Mode::Forward) {
            m_walk.nats.push_back({m_current, m_p.source, *d.ip, true});
            m_p.source = *d.ip;
        }
        m_walk.internetEgressDevice = m_current;
        return moveTo(m_network.internetDevice(), Arrival::FromAzure);
    }

    // §14 `VnetLocal` / `VNetPeering` (R4.6): across a peering R8.3–R8.5 apply; the packet is
    // delivered to the owner of its destination, or to the workload of the subnet that contains
    // it, with no routing in the target subnet (R5.8).
    Step toVnet(const EffectiveRoute &route)
    {
        const int vnet = sendingVnet();
        int target = route.peerVnet >= 0 ? route.peerVnet : vnet;
        if (route.nextHopType == HopType::VnetLocal) {
            // R4.6 (as clarified): VnetLocal reaches what the VNet's fabric knows, its own
            // address space and those of the VNets it is peered with over a Connected peering.
            const int holder = vnetHolding(m_p.destination);
            if (holder >= 0 && holder != vnet && m_network.peered(vnet, holder))
                target = holder;
        }
        if (target != vnet && peeringRefuses(vnet, target))
            return Step::Ended;
        // P3: ARRIVE at the owner, or at the stand-in (its subnet's NSG only), before delivery.
        const int owner = m_network.ownerOf(m_p.destination);
        if (owner >= 0 && m_devices[owner].vnet == target) {
            if (arrivalDenied(owner))
                return Step::Ended;
            return moveTo(owner, Arrival::FromAzure);
        }
        const int subnet = m_network.subnetContaining(m_p.destination);
        if (subnet >= 0 && m_network.subnets()[subnet].vnet == target) {
            const int standIn = m_network.subnets()[subnet].workloadDevice;
            if (arrivalDenied(standIn))
                return Step::Ended;
            pushHop(standIn);
            return finish(WalkVerdict::Delivered, DropReason::None, {});
        }
        return drop(DropReason::NoSuchHost,
                    text::walkText(QT_TRANSLATE_NOOP("Walk", "%1, but no subnet of %2 contains %3"),
                                   {m_walker.describe(route), m_network.vnets()[target].vnet->name,
                                    m_p.destination.toString()}));
    }

    // §14 `VirtualAppliance` (R4.3): the next hop IP must be owned by a VM or firewall (else a
    // blackhole) in this VNet or a directly peered one (R4.3b; behind a peering defined one way
    // only, the peering is named, R8.3); a firewall in forced-tunnel mode
    // translates public destinations to its private IP (R10.4).
    Step toAppliance(const EffectiveRoute &route)
    {
        const Device &d = device();
        const int vnet = sendingVnet();
        const Ipv4Address nextHop = route.nextHopIpAddress.value_or(Ipv4Address());
        const int owner = m_network.ownerOf(nextHop);
        if (owner < 0 || !(m_devices[owner].vm || m_devices[owner].firewall))
            return drop(DropReason::Blackhole,
                        text::walkText(QT_TRANSLATE_NOOP("Walk", "%1, which no device owns"),
                                       {m_walker.describe(route)}));
        const int target = m_devices[owner].vnet;
        if (target != vnet && !m_network.peered(vnet, target) &&
            (m_network.link(vnet, target) || m_network.link(target, vnet)))
            return drop(
                DropReason::PeeringNotConnected,
                text::walkText(
                    QT_TRANSLATE_NOOP("Walk",
                                      "%1, which is %2 in %3, but the peering between %4 and %3 "
                                      "is defined in one direction only: not connected (R8.3)"),
                    {m_walker.describe(route), name(owner), m_network.vnets()[target].vnet->name,
                     m_network.vnets()[vnet].vnet->name}));
        if (target != vnet && !m_network.peered(vnet, target))
            return drop(
                DropReason::NextHopUnreachable,
                text::walkText(
                    QT_TRANSLATE_NOOP("Walk", "%1, which is %2 in %3: not this VNet nor a directly "
                                              "peered one (R4.3b)"),
                    {m_walker.describe(route), name(owner), m_network.vnets()[target].vnet->name}));
        if (target != vnet && peeringRefuses(vnet, target))
            return Step::Ended;
        if (d.firewall && d.firewall->managementNic && !m_p.destination.isPrivate() &&
            m_mode == Mode::Forward) {
            m_walk.nats.push_back({m_current, m_p.source, *d.ip, false});
            m_p.source = *d.ip;
        }
        // P2: ARRIVE at a VM NIC after the branch's checks, before its IP-forwarding check
        // (nsg.md §8.5: a packet both denied and unforwardable reports nsg-denied).
        if (arrivalDenied(owner))
            return Step::Ended;
        return moveTo(owner, Arrival::FromAzure);
    }

    // §14 `VirtualNetworkGateway`: a gateway route names the gateway that added it, VPN or
    // ExpressRoute (R3.2: Azure's own routes through an ExpressRoute gateway carry traffic). A
    // UDR is meant for the VNet's VPN gateway and is invalid when none serves, or when an
    // ExpressRoute gateway serves, alone or beside a VPN gateway (R4.4, L17).
    Step toGateway(const EffectiveRoute &route)
    {
        const int vnet = sendingVnet();
        int gateway = route.gateway;
        if (gateway < 0) {
            const auto &serving = m_network.vnets()[vnet].servingGateways;
            const auto isVpn = [&](int g) {
                return m_devices[g].gatewayObject->type == model::GatewayType::Vpn;
            };
            const auto vpn = std::find_if(serving.begin(), serving.end(), isVpn);
            if (vpn == serving.end())
                return drop(DropReason::GatewayNoRoute,
                            text::walkText(
                                QT_TRANSLATE_NOOP("Walk", "%1, but %2 has no VPN gateway (R4.4)"),
                                {m_walker.describe(route), m_network.vnets()[vnet].vnet->name}));
            if (!std::all_of(serving.begin(), serving.end(), isVpn))
                return drop(
                    DropReason::GatewayNoRoute,
                    text::walkText(QT_TRANSLATE_NOOP(
                                       "Walk", "%1, but %2 is served by an ExpressRoute gateway, "
                                               "where Azure takes no user route to "
                                               "VirtualNetworkGateway (R4.4, L17)"),
                                   {m_walker.describe(route), m_network.vnets()[vnet].vnet->name}));
            gateway = *vpn;
        }
        // §14: a gateway is one hop per pass. A packet that came in through one of its tunnels
        // and that GatewaySubnet sends back to it leaves through the other tunnel from this hop.
        if (gateway == m_current)
            return leaveThroughTunnel(false);
        const int target = m_devices[gateway].vnet;
        if (target != vnet && peeringRefuses(vnet, target))
            return Step::Ended;
        return moveTo(gateway, Arrival::FromAzure);
    }

    // R8.3–R8.5: may the packet the current device sends from VNet `from` enter VNet `to`?
    // When not, the walk is dropped here and this returns true.
    bool peeringRefuses(int from, int to)
    {
        const model::PeeringLink *out = m_network.link(from, to);
        const model::PeeringLink *back = m_network.link(to, from);
        const QString &fromName = m_network.vnets()[from].vnet->name;
        const QString &toName = m_network.vnets()[to].vnet->name;
        if (!out || !back) {
            drop(DropReason::PeeringNotConnected,
                 text::walkText(
                     QT_TRANSLATE_NOOP("Walk",
                                       "the peering %1 → %2 is not connected (the %3 direction "
                                       "is not defined, R8.3)"),
                     {fromName, toName,
                      out ? QStringLiteral("%1 → %2").arg(toName, fromName)
                          : QStringLiteral("%1 → %2").arg(fromName, toName)}));
            return true;
        }
        if (!out->peering->allowVirtualNetworkAccess) {
            drop(DropReason::VirtualNetworkAccessDisabled,
                 text::walkText(
                     QT_TRANSLATE_NOOP(
                         "Walk", "the peering %1 → %2 has allowVirtualNetworkAccess off (R8.4)"),
                     {fromName, toName}));
            return true;
        }
        // The peering's flag first: where it allows forwarded traffic (most links), the
        // source's VNet need not be read at all (a sweep crosses peerings a million times).
        auto forwarded = [&] {
            return !inAddressSpace(*m_network.vnets()[from].vnet, m_p.source) &&
                   device().kind != DeviceKind::Gateway;
        };
        if (!back->peering->allowForwardedTraffic && forwarded()) {
            drop(DropReason::ForwardedTrafficNotAllowed,
                 text::walkText(
                     QT_TRANSLATE_NOOP("Walk", "source %1 is not in %2, so the packet is forwarded "
                                               "traffic, and the peering %3 → %2 does not allow "
                                               "forwarded traffic (R8.5)"),
                     {m_p.source.toString(), fromName, toName}));
            m_walk.refusingPeeringFrom = to;
            m_walk.refusingPeeringTo = from;
            return true;
        }
        return false;
    }

    // What a loop is recognised by (§14).
    struct State
    {
        int device;
        std::uint32_t destination;
        bool intoTunnel; // a gateway's pass into a tunnel, not a routing decision
    };

    const PacketWalker &m_walker;
    const model::Network &m_network;
    const std::vector<Device> &m_devices;
    const SecurityGroups &m_security;
    Packet m_p; // as it is now (after any NAT)
    const Mode m_mode;
    const Walk *m_forwardWalk; // Reply only: the request's walk
    int m_current;
    Arrival m_arrival = Arrival::Originates;
    std::array<State, policy::maxHops> m_seen; // on the stack: walks are short and many
    int m_seenCount = 0;
    // The ARRIVE verdict that let the packet into m_admittedDevice, until its hop is pushed.
    std::optional<NsgVerdict> m_admittedBy;
    int m_admittedDevice = -1;
    Walk m_walk;
};

Walk PacketWalker::forward(int source, const Packet &packet) const
{
    return Run(*this, source, packet, Mode::Forward, nullptr).walk();
}

Walk PacketWalker::reply(const Walk &forwardWalk, const Packet &forwardPacket) const
{
    // N3.9: the reply's ports are the request's, swapped.
    const Packet back{.source = forwardPacket.destination,
                      .destination = forwardWalk.sourceSeenAtEnd,
                      .protocol = forwardPacket.protocol,
                      .port = forwardPacket.sourcePort,
                      .sourcePort = forwardPacket.port};
    return Run(*this, forwardWalk.hops.back().device, back, Mode::Reply, &forwardWalk).walk();
}

} // namespace hopscope::routing
