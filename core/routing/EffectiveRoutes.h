#pragma once

// Effective routes of every subnet (azure-routing.md §2–§5, algorithm R5.9), and next-hop
// selection on a longest-prefix-match table.

#include "model/Network.h"
#include "net/PrefixTable.h"

#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace hopscope::routing {

using net::Ipv4Address;
using net::Prefix;

// Spellings are ARM's effective-route values, as the CLI prints them (docs/cli.md) and the
// hop inspector shows them: one table per enum (model/Spelling.h).
enum class RouteSource { Default, User, VirtualNetworkGateway };
constexpr auto spellingTable(RouteSource)
{
    return std::to_array<model::Spelling<RouteSource>>({
        {RouteSource::Default, u"Default"},
        {RouteSource::User, u"User"},
        {RouteSource::VirtualNetworkGateway, u"VirtualNetworkGateway"},
    });
}
static_assert(model::isCompleteSpellingTable(spellingTable(RouteSource{})));

enum class RouteState { Active, Invalid };
constexpr auto spellingTable(RouteState)
{
    return std::to_array<model::Spelling<RouteState>>({
        {RouteState::Active, u"Active"},
        {RouteState::Invalid, u"Invalid"},
    });
}
static_assert(model::isCompleteSpellingTable(spellingTable(RouteState{})));

// ARM's effective-route next hop names (R11.2).
enum class HopType {
    VnetLocal,
    VNetPeering,
    VNetGlobalPeering,
    VirtualNetworkGateway,
    VirtualAppliance,
    Internet,
    None
};
constexpr auto spellingTable(HopType)
{
    return std::to_array<model::Spelling<HopType>>({
        {HopType::VnetLocal, u"VnetLocal"},
        {HopType::VNetPeering, u"VNetPeering"},
        {HopType::VNetGlobalPeering, u"VNetGlobalPeering"},
        {HopType::VirtualNetworkGateway, u"VirtualNetworkGateway"},
        {HopType::VirtualAppliance, u"VirtualAppliance"},
        {HopType::Internet, u"Internet"},
        {HopType::None, u"None"},
    });
}
static_assert(model::isCompleteSpellingTable(spellingTable(HopType{})));

QString toString(RouteSource);
QString toString(RouteState);
QString toString(HopType);

struct EffectiveRoute
{
    RouteSource source = RouteSource::Default;
    RouteState state = RouteState::Active;
    Prefix addressPrefix;
    HopType nextHopType = HopType::None;
    std::optional<Ipv4Address> nextHopIpAddress;
    QString routeTable; // User routes only
    QString routeName;  // User routes only
    int peerVnet = -1;  // VNetPeering routes: the remote VNet
    int gateway = -1;   // VirtualNetworkGateway routes: the gateway device
    // Set on a route whose state is Invalid: why (for the effective-routes view).
    QString invalidReason;

    bool isUser() const { return source == RouteSource::User; }
    bool operator==(const EffectiveRoute &) const = default;
};

// The effective routes of one subnet: every route with its state, and a lookup over the active
// ones.
class EffectiveRouteTable
{
public:
    explicit EffectiveRouteTable(std::vector<EffectiveRoute> routes);

    // In cli.md's order: longest prefix first, then by address, then Active before Invalid.
    const std::vector<EffectiveRoute> &routes() const { return m_routes; }
    // Equal routes give equal lookups.
    bool operator==(const EffectiveRouteTable &other) const { return m_routes == other.m_routes; }

    // The route Azure uses for a packet to `destination` (R5.1–R5.4), or nullptr when no route
    // contains it (impossible while 0.0.0.0/0 exists, but a design may override it with None).
    const EffectiveRoute *nextHop(Ipv4Address destination) const
    {
        const int *index = m_active.longestMatch(destination);
        return index ? &m_routes[*index] : nullptr;
    }

private:
    std::vector<EffectiveRoute> m_routes;
    net::PrefixTable<int> m_active;
};

// Effective routes of every subnet of a Network. Subnets of one VNet that share a route table
// (or have none) share one table. Built eagerly: read-only afterwards, so safe to share between
// threads.
class EffectiveRoutes
{
public:
    explicit EffectiveRoutes(const model::Network &network);
    // The same, taking from `previous` (the routes of an earlier state of the design, whose
    // network must still be alive while this is built) each table whose inputs are all equal:
    // after an edit of one route table, the other thousands are not computed again (issue 15).
    // The result equals EffectiveRoutes(network); only the tables are shared, so `previous` and
    // its network may go once this is built.
    EffectiveRoutes(const model::Network &network, const EffectiveRoutes *previous);

    const model::Network &network() const { return m_network; }
    const EffectiveRouteTable &forSubnet(int subnet) const { return *m_tableOfSubnet[subnet]; }
    // How many tables this took from `previous`, and how many it computed.
    int tablesReused() const { return m_reused; }
    int tablesComputed() const { return m_computed; }

private:
    std::vector<EffectiveRoute> compute(int vnet, const model::RouteTable *table) const;
    // What compute() reads, compared between two networks.
    class Inputs;

    const model::Network &m_network;
    std::vector<std::shared_ptr<const EffectiveRouteTable>> m_tableOfSubnet;
    int m_reused = 0;
    int m_computed = 0;
};

} // namespace hopscope::routing
