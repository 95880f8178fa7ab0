#include "routing/EffectiveRoutes.h"

#include "routing/RoutingPolicy.h"

#include <QHash>

#include <algorithm>
#include <optional>

namespace hopscope::routing {

using model::NextHopType;

QString toString(RouteSource source) { return model::spellingOf(source); }
QString toString(RouteState state) { return model::spellingOf(state); }
QString toString(HopType type) { return model::spellingOf(type); }

namespace {

HopType hopTypeOf(NextHopType type)
{
    switch (type) {
    case NextHopType::VirtualAppliance: return HopType::VirtualAppliance;
    case NextHopType::VirtualNetworkGateway: return HopType::VirtualNetworkGateway;
    case NextHopType::VnetLocal: return HopType::VnetLocal;
    case NextHopType::Internet: return HopType::Internet;
    case NextHopType::None: break;
    }
    return HopType::None;
}

bool isVnetSystemRoute(const EffectiveRoute &r)
{
    return r.source == RouteSource::Default &&
           (r.nextHopType == HopType::VnetLocal || r.nextHopType == HopType::VNetPeering ||
            r.nextHopType == HopType::VNetGlobalPeering);
}

// R5.2 with R5.4: among routes of one prefix, User wins, then VNet and peering system routes
// (they beat gateway routes), then gateway routes, then the other system routes.
int precedence(const EffectiveRoute &r)
{
    if (r.source == RouteSource::User)
        return 0;
    if (isVnetSystemRoute(r))
        return 1;
    if (r.source == RouteSource::VirtualNetworkGateway)
        return 2;
    return 3;
}

const Prefix reservedRanges[] = {
    Prefix(Ipv4Address(0x0A000000), 8),  // 10.0.0.0/8
    Prefix(Ipv4Address(0xAC100000), 12), // 172.16.0.0/12 (§13.2: included)
    Prefix(Ipv4Address(0xC0A80000), 16), // 192.168.0.0/16
    Prefix(Ipv4Address(0x64400000), 10), // 100.64.0.0/10
};

// R2.5 and its switch (§13.1): does this route table remove the reserved `None` routes?
bool removesNoneRoutes(const model::RouteTable *table, model::NoneRoutesRemoval rule)
{
    if (!table || rule == model::NoneRoutesRemoval::Never)
        return false;
    return std::any_of(table->routes.begin(), table->routes.end(), [&](const model::Route &r) {
        return r.addressPrefix.length() == 0 &&
               (rule == model::NoneRoutesRemoval::Any ||
                r.nextHopType == NextHopType::VirtualAppliance);
    });
}

} // namespace

EffectiveRouteTable::EffectiveRouteTable(std::vector<EffectiveRoute> routes)
    : m_routes(std::move(routes))
{
    // The display order of cli.md `routes`; stable so that equal routes keep their origin order.
    std::stable_sort(m_routes.begin(), m_routes.end(),
                     [](const EffectiveRoute &a, const EffectiveRoute &b) {
                         if (a.addressPrefix.length() != b.addressPrefix.length())
                             return a.addressPrefix.length() > b.addressPrefix.length();
                         if (a.addressPrefix.address() != b.addressPrefix.address())
                             return a.addressPrefix.address() < b.addressPrefix.address();
                         return a.state == RouteState::Active && b.state != RouteState::Active;
                     });
    for (int i = int(m_routes.size()) - 1; i >= 0; --i)
        if (m_routes[i].state == RouteState::Active)
            m_active.insert(m_routes[i].addressPrefix, i);
    // Read-only from here on and looked up by every step of every walk.
    m_active.seal();
}

// Everything compute(vnet, table) reads, compared between an earlier network and this one for
// the same VNet index: the None-removal setting (R2.5), the VNet's address space and region
// (R2.1, R11.2), its links with their remotes' regions and address spaces (R3.1), its serving
// gateways with their sites and pools (R3.2, R3.3, R9.2) and the table itself (R2.5, R4.1).
// A VNet's and a gateway's answers are worked out once and kept.
class EffectiveRoutes::Inputs
{
public:
    Inputs(const model::Network &before, const model::Network &now)
        : m_before(before), m_now(now),
          m_sameSetting(before.settings().noneRoutesRemovedByDefaultUdr ==
                        now.settings().noneRoutesRemovedByDefaultUdr),
          m_vnets(now.vnets().size(), Unknown), m_gateways(now.devices().size(), Unknown)
    {
    }

    bool same(int vnet, const model::RouteTable *before, const model::RouteTable *now)
    {
        return m_sameSetting && model::samePointee(before, now) && sameVnet(vnet);
    }

private:
    enum Answer : signed char { Unknown, Differ, Same };

    static bool sameVnetData(const model::VnetIndex &a, const model::VnetIndex &b)
    {
        return a.region == b.region && a.vnet->addressSpace == b.vnet->addressSpace;
    }

    bool sameVnet(int vnet)
    {
        if (m_vnets[size_t(vnet)] == Unknown)
            m_vnets[size_t(vnet)] = compareVnet(vnet) ? Same : Differ;
        return m_vnets[size_t(vnet)] == Same;
    }

    bool compareVnet(int vnet)
    {
        if (vnet >= int(m_before.vnets().size()))
            return false;
        const model::VnetIndex &a = m_before.vnets()[size_t(vnet)];
        const model::VnetIndex &b = m_now.vnets()[size_t(vnet)];
        if (!sameVnetData(a, b) || a.servingGateways != b.servingGateways)
            return false;
        const std::vector<int> linksBefore = m_before.linksFrom(vnet);
        const std::vector<int> linksNow = m_now.linksFrom(vnet);
        if (linksBefore.size() != linksNow.size())
            return false;
        for (size_t i = 0; i < linksNow.size(); ++i) {
            const model::PeeringLink &x = m_before.links()[size_t(linksBefore[i])];
            const model::PeeringLink &y = m_now.links()[size_t(linksNow[i])];
            if (x.to != y.to || x.connected != y.connected ||
                !sameVnetData(m_before.vnets()[size_t(x.to)], m_now.vnets()[size_t(y.to)]))
                return false;
        }
        return std::ranges::all_of(b.servingGateways, [&](int g) { return sameGateway(g); });
    }

    bool sameGateway(int device)
    {
        if (m_gateways[size_t(device)] == Unknown) {
            const model::Gateway *a = device < int(m_before.devices().size())
                                          ? m_before.devices()[size_t(device)].gatewayObject
                                          : nullptr;
            const model::Gateway *b = m_now.devices()[size_t(device)].gatewayObject;
            m_gateways[size_t(device)] = a && b && *a == *b ? Same : Differ;
        }
        return m_gateways[size_t(device)] == Same;
    }

    const model::Network &m_before;
    const model::Network &m_now;
    const bool m_sameSetting;
    std::vector<Answer> m_vnets;
    std::vector<Answer> m_gateways;
};

EffectiveRoutes::EffectiveRoutes(const model::Network &network) : EffectiveRoutes(network, nullptr)
{
}

EffectiveRoutes::EffectiveRoutes(const model::Network &network, const EffectiveRoutes *previous)
    : m_network(network)
{
    std::optional<Inputs> inputs;
    if (previous)
        inputs.emplace(previous->m_network, network);
    QHash<QPair<int, const model::RouteTable *>, std::shared_ptr<const EffectiveRouteTable>> shared;
    m_tableOfSubnet.reserve(network.subnets().size());
    for (int si = 0; si < int(network.subnets().size()); ++si) {
        const model::SubnetIndex &s = network.subnets()[size_t(si)];
        const auto key = qMakePair(s.vnet, s.routeTable);
        std::shared_ptr<const EffectiveRouteTable> table = shared.value(key);
        if (!table) {
            const model::SubnetIndex *before =
                previous && si < int(previous->m_network.subnets().size())
                    ? &previous->m_network.subnets()[size_t(si)]
                    : nullptr;
            if (before && before->vnet == s.vnet &&
                inputs->same(s.vnet, before->routeTable, s.routeTable)) {
                table = previous->m_tableOfSubnet[size_t(si)];
                ++m_reused;
            } else {
                table = std::make_shared<const EffectiveRouteTable>(compute(s.vnet, s.routeTable));
                ++m_computed;
            }
            shared.insert(key, table);
        }
        m_tableOfSubnet.push_back(std::move(table));
    }
}

std::vector<EffectiveRoute> EffectiveRoutes::compute(int vnetIndex,
                                                     const model::RouteTable *table) const
{
    const model::VnetIndex &v = m_network.vnets()[vnetIndex];
    std::vector<EffectiveRoute> routes;

    // R2.1, R2.2: one VnetLocal route per address prefix, never per subnet.
    for (const Prefix &p : v.vnet->addressSpace)
        routes.push_back({.addressPrefix = p, .nextHopType = HopType::VnetLocal});
    routes.push_back({.addressPrefix = Prefix(), .nextHopType = HopType::Internet});

    // R2.1, R2.4, R2.5: the reserved ranges drop, unless the VNet uses them or a 0/0 UDR removes
    // them.
    const bool noneRemoved =
        removesNoneRoutes(table, m_network.settings().noneRoutesRemovedByDefaultUdr);
    for (const Prefix &reserved : reservedRanges) {
        if (!policy::includeRfc1918_172_16 && reserved.length() == 12)
            continue;
        const bool usedByVnet = std::any_of(
            v.vnet->addressSpace.begin(), v.vnet->addressSpace.end(),
            [&](const Prefix &p) { return p.contains(reserved); }); // equal or larger: R2.4
        if (!usedByVnet && !noneRemoved)
            routes.push_back({.addressPrefix = reserved, .nextHopType = HopType::None});
    }

    // R3.1: peering routes from connected links; global when the regions differ (R11.2).
    for (const int l : m_network.linksFrom(vnetIndex)) {
        const model::PeeringLink &link = m_network.links()[size_t(l)];
        if (!link.connected)
            continue;
        const model::VnetIndex &remote = m_network.vnets()[link.to];
        const HopType type =
            remote.region == v.region ? HopType::VNetPeering : HopType::VNetGlobalPeering;
        for (const Prefix &p : remote.vnet->addressSpace)
            routes.push_back({.addressPrefix = p, .nextHopType = type, .peerVnet = link.to});
    }

    // R3.2, R3.3, R9.2, R5.9 `Gs`: each serving gateway's on-premises prefixes and P2S pools
    // (a VPN and an ExpressRoute gateway side by side both add theirs), unless the table
    // disables propagation.
    if (!(table && table->disableBgpRoutePropagation)) {
        for (const int gateway : v.servingGateways) {
            const model::Gateway &g = *m_network.devices()[gateway].gatewayObject;
            auto addGatewayRoute = [&](const Prefix &p) {
                routes.push_back({.source = RouteSource::VirtualNetworkGateway,
                                  .addressPrefix = p,
                                  .nextHopType = HopType::VirtualNetworkGateway,
                                  .gateway = gateway});
            };
            for (const model::LocalNetwork &site : g.localNetworks)
                for (const Prefix &p : site.addressPrefixes)
                    addGatewayRoute(p);
            for (const Prefix &p : g.vpnClientAddressPool)
                addGatewayRoute(p);
        }
    }

    // R4.1: the table's user routes.
    if (table)
        for (const model::Route &r : table->routes)
            routes.push_back({.source = RouteSource::User,
                              .addressPrefix = r.addressPrefix,
                              .nextHopType = hopTypeOf(r.nextHopType),
                              .nextHopIpAddress = r.nextHopType == NextHopType::VirtualAppliance
                                                      ? r.nextHopIpAddress
                                                      : std::nullopt,
                              .routeTable = table->name,
                              .routeName = r.name});

    // R5.2 (with R5.4 for ties, R5.5): one winner per prefix; the others are Invalid.
    QHash<Prefix, int> winnerOf;
    for (int i = 0; i < int(routes.size()); ++i) {
        auto it = winnerOf.find(routes[i].addressPrefix);
        if (it == winnerOf.end()) {
            winnerOf.insert(routes[i].addressPrefix, i);
            continue;
        }
        EffectiveRoute &current = routes[*it];
        EffectiveRoute &candidate = routes[i];
        if (precedence(candidate) < precedence(current)) {
            current.state = RouteState::Invalid;
            current.invalidReason = QStringLiteral("overridden by a route of the same prefix");
            *it = i;
        } else {
            candidate.state = RouteState::Invalid;
            candidate.invalidReason = QStringLiteral("overridden by a route of the same prefix");
        }
    }

    // R5.4 (§13.7): a gateway route inside an active VNet or peering route is never used, so it
    // is shown Invalid; leaving it out of the lookup is exactly R5.4's selection rule.
    if (policy::bgpRouteCoveredBySystemRouteIsInvalid) {
        for (EffectiveRoute &r : routes) {
            if (r.source != RouteSource::VirtualNetworkGateway || r.state != RouteState::Active)
                continue;
            const bool covered =
                std::any_of(routes.begin(), routes.end(), [&](const EffectiveRoute &s) {
                    return s.state == RouteState::Active && isVnetSystemRoute(s) &&
                           s.addressPrefix.contains(r.addressPrefix);
                });
            if (covered) {
                r.state = RouteState::Invalid;
                r.invalidReason =
                    QStringLiteral("a VNet or peering route covers it (VNet routes beat gateway "
                                   "routes, R5.4)");
            }
        }
    }
    return routes;
}

} // namespace hopscope::routing
