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

PacketWalker::PacketWalker(const EffectiveRoutes &routes)
    : m_routes(routes), m_network(routes.network())
{
}

QString PacketWalker::describe(const EffectiveRoute &route) const
{
    QString target;
    switch (route.nextHopType) {
    case HopType::VirtualAppliance:
        target = route.nextHopIpAddress ? route.nextHopIpAddress->toString()
                                        : QStringLiteral("a virtual appliance");
        break;
    case HopType::VirtualNetworkGateway:
        target = route.gateway >= 0 ? m_network.devices()[route.gateway].name
                                    : QStringLiteral("the virtual network gateway");
        break;
    case HopType::VNetPeering:
    case HopType::VNetGlobalPeering:
        target = route.peerVnet >= 0 ? m_network.vnets()[route.peerVnet].vnet->name +
                                           QStringLiteral(" over the peering")
                                     : QStringLiteral("the peering");
        break;
    case HopType::VnetLocal: target = QStringLiteral("the local VNet"); break;
    case HopType::Internet: target = QStringLiteral("the Internet"); break;
    case HopType::None: target = QStringLiteral("nowhere (None: drop)"); break;
    }
    if (route.isUser())
        return QStringLiteral("route '%1' in %2 sends %3 to %4")
            .arg(route.routeName, route.routeTable, route.addressPrefix.toString(), target);
    const QString kind = route.source == RouteSource::VirtualNetworkGateway
                             ? QStringLiteral("gateway route")
                             : QStringLiteral("system route");
    return QStringLiteral("the %1 %2 sends it to %3")
        .arg(kind, route.addressPrefix.toString(), target);
}

Walk PacketWalker::forward(int source, const Packet &packet) const
{
    return run(source, packet, Mode::Forward, nullptr);
}

Walk PacketWalker::reply(const Walk &forwardWalk, const Packet &forwardPacket) const
{
    Packet back{forwardPacket.destination, forwardWalk.sourceSeenAtEnd, forwardPacket.protocol,
                forwardPacket.port};
    return run(forwardWalk.hops.back().device, back, Mode::Reply, &forwardWalk);
}

Walk PacketWalker::run(int start, Packet p, Mode mode, const Walk *forwardWalk) const
{
    const auto &devices = m_network.devices();
    Walk w;
    Arrival arrival = Arrival::Originates;
    int current = start;
    struct State
    {
        int device;
        std::uint32_t source, destination;
        Arrival arrival;
    };
    std::array<State, policy::maxHops> seen; // on the stack: walks are short and many
    int seenCount = 0;
    w.hops.reserve(8);

    auto name = [&](int device) { return devices[device].name; };
    auto finish = [&](WalkVerdict verdict, DropReason reason, QString explanation) {
        w.verdict = verdict;
        w.reason = reason;
        w.explanation = std::move(explanation);
        w.sourceSeenAtEnd = p.source;
        return std::move(w); // the walk ends with this call
    };
    auto drop = [&](DropReason reason, const QString &why) {
        return finish(WalkVerdict::Dropped, reason,
                      QStringLiteral("dropped at %1: %2").arg(name(w.hops.back().device), why));
    };
    auto pushHop = [&](int device) -> Hop & {
        w.hops.push_back({.device = device, .source = p.source, .destination = p.destination});
        return w.hops.back();
    };

    // R8.3–R8.5: may a packet that `sender` sends from VNet `from` enter VNet `to`?
    auto crossPeering = [&](int from, int to, int sender) -> std::optional<Walk> {
        const model::PeeringLink *out = m_network.link(from, to);
        const model::PeeringLink *back = m_network.link(to, from);
        const QString &fromName = m_network.vnets()[from].vnet->name;
        const QString &toName = m_network.vnets()[to].vnet->name;
        if (!out || !back)
            return drop(DropReason::PeeringNotConnected,
                        QStringLiteral("the peering %1 → %2 is not connected (the %3 direction "
                                       "is not defined, R8.3)")
                            .arg(fromName, toName,
                                 out ? QStringLiteral("%1 → %2").arg(toName, fromName)
                                     : QStringLiteral("%1 → %2").arg(fromName, toName)));
        if (!out->peering->allowVirtualNetworkAccess)
            return drop(DropReason::VirtualNetworkAccessDisabled,
                        QStringLiteral("the peering %1 → %2 has allowVirtualNetworkAccess off "
                                       "(R8.4)")
                            .arg(fromName, toName));
        const bool forwarded = !inAddressSpace(*m_network.vnets()[from].vnet, p.source) &&
                               devices[sender].kind != DeviceKind::Gateway;
        if (forwarded && !back->peering->allowForwardedTraffic)
            return drop(DropReason::ForwardedTrafficNotAllowed,
                        QStringLiteral("source %1 is not in %2, so the packet is forwarded "
                                       "traffic, and the peering %3 → %2 does not allow "
                                       "forwarded traffic (R8.5)")
                            .arg(p.source.toString(), fromName, toName));
        return std::nullopt;
    };

    for (int step = 0;; ++step) {
        const Device &d = devices[current];
        const State state{current, p.source.value(), p.destination.value(), arrival};
        const bool repeats = std::any_of(seen.begin(), seen.begin() + seenCount, [&](const State &s) {
            return s.device == state.device && s.source == state.source &&
                   s.destination == state.destination && s.arrival == state.arrival;
        });
        if (repeats || step >= policy::maxHops) {
            pushHop(current);
            return finish(WalkVerdict::Loop, DropReason::None,
                          QStringLiteral("loops: the packet for %1 comes back to %2")
                              .arg(p.destination.toString(), d.name));
        }
        seen[seenCount++] = state;

        switch (d.kind) {
        case DeviceKind::Internet: {
            pushHop(current);
            if (arrival != Arrival::Originates)
                return finish(WalkVerdict::EgressInternet, DropReason::None, {});
            int entry = -1;
            if (mode == Mode::Reply) {
                entry = forwardWalk->internetEgressDevice;
            } else {
                // format.md: from the Internet, only a VM with a public IP is reachable.
                const int owner = m_network.ownerOf(p.destination);
                if (owner >= 0 && devices[owner].vm &&
                    devices[owner].vm->outbound == model::OutboundMethod::PublicIp)
                    entry = owner;
            }
            if (entry < 0)
                return drop(DropReason::NoInboundPath,
                            QStringLiteral("%1 has no public IP that the Internet can reach")
                                .arg(p.destination.toString()));
            current = entry;
            arrival = Arrival::FromInternet;
            continue;
        }
        case DeviceKind::OnPrem: {
            Hop &hop = pushHop(current);
            if (arrival != Arrival::Originates)
                return finish(WalkVerdict::EgressOnPrem, DropReason::None, {});
            // The site sends Azure-bound traffic into its S2S tunnel.
            hop.route = syntheticGatewayRoute(Prefix());
            current = d.gateway;
            arrival = Arrival::FromOnPrem;
            continue;
        }
        case DeviceKind::Client: {
            Hop &hop = pushHop(current);
            if (arrival != Arrival::Originates)
                return finish(WalkVerdict::Delivered, DropReason::None, {});
            // §14, R9.3, R9.5: the client tunnels only what its gateway pushed to it.
            const auto *pushed = m_network.clientRoutes(d.gateway);
            const Prefix *match = pushed ? pushed->longestMatch(p.destination) : nullptr;
            if (!match)
                return finish(WalkVerdict::NotTunneled, DropReason::None,
                              QStringLiteral("%1 is not among the routes %2 pushes to its P2S "
                                             "clients, so %3 sends it outside the tunnel")
                                  .arg(p.destination.toString(), name(d.gateway), d.name));
            hop.route = syntheticGatewayRoute(*match);
            current = d.gateway;
            arrival = Arrival::FromP2sClient;
            continue;
        }
        case DeviceKind::Gateway: {
            if (arrival == Arrival::FromAzure || arrival == Arrival::FromInternet) {
                // Traffic from the VNet side leaves through a tunnel: to a P2S client or a site.
                Hop &hop = pushHop(current);
                const int pool = m_network.poolContaining(p.destination);
                if (pool >= 0 && devices[pool].gateway == current) {
                    const int owner = m_network.ownerOf(p.destination);
                    const bool ownedByClient = owner >= 0 && devices[owner].gateway == current;
                    for (const Prefix &range : d.gatewayObject->vpnClientAddressPool)
                        if (range.contains(p.destination))
                            hop.route = syntheticGatewayRoute(range);
                    current = ownedByClient ? owner : pool;
                    arrival = Arrival::FromAzure;
                    continue;
                }
                const int site = m_network.siteContaining(p.destination);
                if (site >= 0 && devices[site].gateway == current) {
                    for (const Prefix &range : devices[site].site->addressPrefixes)
                        if (range.contains(p.destination))
                            hop.route = syntheticGatewayRoute(range);
                    current = site;
                    arrival = Arrival::FromAzure;
                    continue;
                }
                return drop(DropReason::GatewayNoRoute,
                            QStringLiteral("%1 has no P2S pool or site containing %2 (R4.4)")
                                .arg(d.name, p.destination.toString()));
            }
            break; // from a tunnel: routed by GatewaySubnet below (R7.1)
        }
        case DeviceKind::Firewall:
        case DeviceKind::Vm:
        case DeviceKind::Subnet: {
            if (arrival == Arrival::Originates)
                break;
            bool reachedItself = d.ip && *d.ip == p.destination;
            if (reachedItself && mode == Mode::Reply) {
                // R10.4: the reply reaches the device that translated the source: undo it.
                const auto nat =
                    std::find_if(forwardWalk->nats.begin(), forwardWalk->nats.end(),
                                 [&](const SourceNat &n) { return n.device == current; });
                if (nat != forwardWalk->nats.end()) {
                    p.destination = nat->original;
                    reachedItself = false;
                }
            }
            if (reachedItself) {
                pushHop(current);
                return finish(WalkVerdict::Delivered, DropReason::None, {});
            }
            if (d.vm && !d.vm->enableIPForwarding) {
                pushHop(current);
                return drop(DropReason::IpForwardingDisabled,
                            QStringLiteral("%1 receives a packet for %2 but IP forwarding is "
                                           "off on its NIC (R4.3a)")
                                .arg(d.name, p.destination.toString()));
            }
            break;
        }
        }

        // The device forwards: stateful inspection first (R10.2), then its subnet's routes.
        Hop &hop = pushHop(current);
        if (arrival != Arrival::Originates && d.isStateful()) {
            if (mode == Mode::Forward) {
                if (d.firewall) {
                    hop.rule = evaluateFirewall(*d.firewall, p);
                    if (hop.rule->action == model::RuleAction::Deny)
                        return drop(DropReason::FirewallDenied,
                                    QStringLiteral("rule '%1' denies %2 → %3 port %4")
                                        .arg(hop.rule->name, p.source.toString(),
                                             p.destination.toString())
                                        .arg(p.port));
                }
            } else {
                const auto &known = forwardWalk->statefulDevices;
                if (std::find(known.begin(), known.end(), current) == known.end())
                    return drop(DropReason::NoSession,
                                QStringLiteral("%1 never saw this connection start, so it "
                                               "drops the reply (asymmetric path, R10.5)")
                                    .arg(d.name));
                if (d.firewall)
                    hop.rule = RuleDecision{QStringLiteral("established"),
                                            model::RuleAction::Allow};
            }
            w.statefulDevices.push_back(current);
        }

        if (d.subnet < 0)
            return drop(DropReason::GatewayNoRoute,
                        QStringLiteral("%1 has no GatewaySubnet to route from").arg(d.name));
        const EffectiveRoute *route = m_routes.forSubnet(d.subnet).nextHop(p.destination);
        if (!route)
            return drop(DropReason::RouteNone,
                        QStringLiteral("no route contains %1").arg(p.destination.toString()));
        hop.route = *route;
        const int vnet = m_network.subnets()[d.subnet].vnet;
        // Words for a person, made only when the walk ends here.
        auto via = [&] { return describe(*route); };

        switch (route->nextHopType) {
        case HopType::None:
            return drop(DropReason::RouteNone, via());

        case HopType::Internet: {
            if (p.destination.isPrivate())
                return drop(DropReason::PrivateToInternet,
                            QStringLiteral("%1, but %2 is a private address the Internet cannot "
                                           "carry")
                                .arg(via(), p.destination.toString()));
            if (d.kind == DeviceKind::Gateway) {
                // R9.6 (§13.3): what a gateway does with Internet-bound client traffic.
                if (arrival != Arrival::FromP2sClient)
                    return drop(DropReason::NoOutboundMethod,
                                QStringLiteral("%1, but a VPN gateway does not send traffic "
                                               "from on-premises to the Internet")
                                    .arg(via()));
                if (m_network.settings().p2sInternetBreakout == model::P2sInternetBreakout::Drop)
                    return drop(DropReason::P2sNoInternetBreakout,
                                QStringLiteral("%1, but a VPN gateway drops Internet-bound "
                                               "traffic from P2S clients (R9.6; send it to a "
                                               "proxy or firewall instead)")
                                    .arg(via()));
            }
            if (d.vm && d.vm->outbound == model::OutboundMethod::None)
                return drop(DropReason::NoOutboundMethod,
                            QStringLiteral("%1, but %2 has no public IP, NAT gateway, "
                                           "load-balancer rule or default outbound access (R2.7)")
                                .arg(via(), d.name));
            if (d.firewall && mode == Mode::Forward) {
                // R10.4: to the Internet the firewall translates to its public IP.
                w.nats.push_back({current, p.source, *d.ip, true});
                p.source = *d.ip;
            }
            w.internetEgressDevice = current;
            current = m_network.internetDevice();
            arrival = Arrival::FromAzure;
            continue;
        }

        case HopType::VnetLocal:
        case HopType::VNetPeering:
        case HopType::VNetGlobalPeering: {
            const int target = route->peerVnet >= 0 ? route->peerVnet : vnet;
            if (target != vnet)
                if (auto dropped = crossPeering(vnet, target, current))
                    return *dropped;
            const int owner = m_network.ownerOf(p.destination);
            if (owner >= 0 && devices[owner].vnet == target) {
                current = owner;
                arrival = Arrival::FromAzure;
                continue;
            }
            // R5.8: no routing in the target subnet; an address no VM owns is a workload there.
            const int subnet = m_network.subnetContaining(p.destination);
            if (subnet >= 0 && m_network.subnets()[subnet].vnet == target) {
                pushHop(m_network.subnets()[subnet].workloadDevice);
                return finish(WalkVerdict::Delivered, DropReason::None, {});
            }
            return drop(DropReason::NoSuchHost,
                        QStringLiteral("%1, but no subnet of %2 contains %3")
                            .arg(via(), m_network.vnets()[target].vnet->name,
                                 p.destination.toString()));
        }

        case HopType::VirtualAppliance: {
            const Ipv4Address nextHop = route->nextHopIpAddress.value_or(Ipv4Address());
            const int owner = m_network.ownerOf(nextHop);
            if (owner < 0 || !(devices[owner].vm || devices[owner].firewall))
                return drop(DropReason::Blackhole,
                            QStringLiteral("%1, which no device owns").arg(via()));
            const int target = devices[owner].vnet;
            if (target != vnet && !m_network.peered(vnet, target))
                return drop(DropReason::NextHopUnreachable,
                            QStringLiteral("%1, which is %2 in %3: not this VNet nor a directly "
                                           "peered one (R4.3b)")
                                .arg(via(), name(owner), m_network.vnets()[target].vnet->name));
            if (target != vnet)
                if (auto dropped = crossPeering(vnet, target, current))
                    return *dropped;
            if (d.firewall && d.firewall->managementNic && !p.destination.isPrivate() &&
                mode == Mode::Forward) {
                // R10.4: in forced-tunnel mode public destinations are SNATed to the private IP.
                w.nats.push_back({current, p.source, *d.ip, false});
                p.source = *d.ip;
            }
            current = owner;
            arrival = Arrival::FromAzure;
            continue;
        }

        case HopType::VirtualNetworkGateway: {
            // A gateway route names its gateway; a UDR reaches the VNet's VPN gateway (R4.4).
            int gateway = route->gateway;
            if (gateway < 0)
                gateway = m_network.vnets()[vnet].servingGateway;
            if (gateway < 0 || devices[gateway].gatewayObject->type != model::GatewayType::Vpn)
                return drop(DropReason::GatewayNoRoute,
                            QStringLiteral("%1, but %2 has no VPN gateway (R4.4)")
                                .arg(via(), m_network.vnets()[vnet].vnet->name));
            const int target = devices[gateway].vnet;
            if (target != vnet)
                if (auto dropped = crossPeering(vnet, target, current))
                    return *dropped;
            current = gateway;
            arrival = Arrival::FromAzure;
            continue;
        }
        }
    }
}

} // namespace hopscope::routing
