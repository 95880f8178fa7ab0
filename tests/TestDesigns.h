#pragma once

// Designs of azure-routing.md's test cases, built in code: routing is tested with no files and
// no positions (STYLE 1).

#include "model/Design.h"

#include <QString>

namespace testdesigns {

using namespace hopscope::model;

inline Prefix prefix(const char *text)
{
    return *Prefix::parse(QString::fromLatin1(text));
}
inline Ipv4Address address(const char *text)
{
    return *Ipv4Address::parse(QString::fromLatin1(text));
}

// A fluent builder; every call names objects as the test case does.
struct Builder
{
    Design d;

    Builder &vnet(const char *name, const char *space, const char *region = "",
                  VnetRole role = VnetRole::Other)
    {
        Vnet v;
        v.name = QString::fromLatin1(name);
        v.addressSpace = {prefix(space)};
        v.region = QString::fromLatin1(region);
        v.role = role;
        d.vnets.push_back(v);
        return *this;
    }
    Builder &subnet(const char *vnetName, const char *name, const char *p, const char *table = "")
    {
        d.vnet(QString::fromLatin1(vnetName))
            ->subnets.push_back(
                {QString::fromLatin1(name), prefix(p), QString::fromLatin1(table)});
        return *this;
    }
    Builder &link(const char *from, const char *to, bool forwarded = true, bool transit = false,
                  bool useRemote = false)
    {
        Peering p;
        p.from = QString::fromLatin1(from);
        p.to = QString::fromLatin1(to);
        p.allowForwardedTraffic = forwarded;
        p.allowGatewayTransit = transit;
        p.useRemoteGateways = useRemote;
        d.peerings.push_back(p);
        return *this;
    }
    Builder &peer(const char *a, const char *b) { return link(a, b).link(b, a); }
    Builder &table(const char *name, bool disableBgp = false)
    {
        RouteTable t;
        t.name = QString::fromLatin1(name);
        t.disableBgpRoutePropagation = disableBgp;
        d.routeTables.push_back(t);
        return *this;
    }
    Builder &route(const char *tableName, const char *name, const char *p, NextHopType type,
                   const char *ip = nullptr)
    {
        for (RouteTable &t : d.routeTables)
            if (t.name == QLatin1String(tableName)) {
                Route r;
                r.name = QString::fromLatin1(name);
                r.addressPrefix = prefix(p);
                r.nextHopType = type;
                if (ip)
                    r.nextHopIpAddress = address(ip);
                t.routes.push_back(r);
            }
        return *this;
    }
    Builder &attach(const char *qualifiedSubnet, const char *tableName)
    {
        const QString q = QString::fromLatin1(qualifiedSubnet);
        for (Subnet &s : d.vnet(q.section(u'/', 0, 0))->subnets)
            if (s.name == q.section(u'/', 1))
                s.routeTable = QString::fromLatin1(tableName);
        return *this;
    }
    Builder &firewall(const char *name, const char *subnetName, const char *ip,
                      bool managementNic = false)
    {
        Firewall f;
        f.name = QString::fromLatin1(name);
        f.subnet = QString::fromLatin1(subnetName);
        f.privateIp = address(ip);
        f.managementNic = managementNic;
        d.firewalls.push_back(f);
        return *this;
    }
    Builder &vm(const char *name, const char *subnetName, const char *ip, bool forwarding = false,
                OutboundMethod outbound = OutboundMethod::DefaultAccess)
    {
        Vm v;
        v.name = QString::fromLatin1(name);
        v.subnet = QString::fromLatin1(subnetName);
        v.privateIp = address(ip);
        v.enableIPForwarding = forwarding;
        v.outbound = outbound;
        d.vms.push_back(v);
        return *this;
    }
    Builder &gateway(const char *name, const char *vnetName, const char *pool = nullptr,
                     GatewayType type = GatewayType::Vpn)
    {
        Gateway g;
        g.name = QString::fromLatin1(name);
        g.vnet = QString::fromLatin1(vnetName);
        g.type = type;
        if (pool)
            g.vpnClientAddressPool = {prefix(pool)};
        d.gateways.push_back(g);
        return *this;
    }
    Builder &site(const char *gatewayName, const char *name, const char *p)
    {
        for (Gateway &g : d.gateways)
            if (g.name == QLatin1String(gatewayName))
                g.localNetworks.push_back({QString::fromLatin1(name), {prefix(p)}});
        return *this;
    }
    Builder &customRoute(const char *gatewayName, const char *p)
    {
        for (Gateway &g : d.gateways)
            if (g.name == QLatin1String(gatewayName))
                g.customRoutes.push_back(prefix(p));
        return *this;
    }
    Builder &client(const char *name, const char *gatewayName, const char *ip)
    {
        Client c;
        c.name = QString::fromLatin1(name);
        c.gateway = QString::fromLatin1(gatewayName);
        c.ip = address(ip);
        d.clients.push_back(c);
        return *this;
    }
    template <typename F>
    Builder &edit(F f)
    {
        f(d);
        return *this;
    }
    Peering *findLink(const char *from, const char *to)
    {
        for (Peering &p : d.peerings)
            if (p.from == QLatin1String(from) && p.to == QLatin1String(to))
                return &p;
        return nullptr;
    }
};

// Base topology T-HS of azure-routing.md's test cases.
inline Builder hubAndSpoke()
{
    Builder b;
    b.vnet("Hub", "10.0.0.0/16", "", VnetRole::Hub)
        .subnet("Hub", "AzureFirewallSubnet", "10.0.1.0/26")
        .subnet("Hub", "HubVM", "10.0.3.0/24")
        .vnet("Spoke1", "10.1.0.0/16", "", VnetRole::Spoke)
        .subnet("Spoke1", "Subnet1", "10.1.0.0/24")
        .vnet("Spoke2", "10.2.0.0/16", "", VnetRole::Spoke)
        .subnet("Spoke2", "Subnet2", "10.2.0.0/24")
        .peer("Hub", "Spoke1")
        .peer("Hub", "Spoke2")
        .firewall("FW", "Hub/AzureFirewallSubnet", "10.0.1.4")
        .vm("HubVM", "Hub/HubVM", "10.0.3.4")
        .vm("VM1", "Spoke1/Subnet1", "10.1.0.4")
        .vm("VM2", "Spoke2/Subnet2", "10.2.0.4");
    return b;
}

// TC05: both spokes send 0/0 to the hub firewall, so spoke-to-spoke traffic crosses it both ways.
inline Builder spokesThroughHubFirewall()
{
    return hubAndSpoke()
        .table("rt-s1")
        .route("rt-s1", "default-fw", "0.0.0.0/0", NextHopType::VirtualAppliance, "10.0.1.4")
        .attach("Spoke1/Subnet1", "rt-s1")
        .table("rt-s2")
        .route("rt-s2", "default-fw", "0.0.0.0/0", NextHopType::VirtualAppliance, "10.0.1.4")
        .attach("Spoke2/Subnet2", "rt-s2");
}

// T-HS with a VPN gateway in the hub (GatewaySubnet 10.0.2.0/27).
inline Builder hubAndSpokeWithGateway(const char *pool = nullptr)
{
    Builder b = hubAndSpoke();
    b.subnet("Hub", "GatewaySubnet", "10.0.2.0/27").gateway("HubGW", "Hub", pool);
    return b;
}

// Topology T-JP: the seed design of the note. `typo`: the hub firewall's pool route points at
// 10.2.1.4 (owned by nothing) instead of 10.1.1.4. Both firewalls have management NICs, so that
// every table is accepted (TC-JP1's assumption).
inline Builder seed(bool typo = true)
{
    Builder b;
    b.vnet("HUB-Vnet-A", "10.0.0.0/16", "japaneast", VnetRole::Hub)
        .subnet("HUB-Vnet-A", "AzureFirewallSubnet", "10.0.1.0/26", "rt-hub-fw")
        .subnet("HUB-Vnet-A", "GatewaySubnet", "10.0.2.0/24")
        .vnet("Spoke-Vnet-a", "10.1.0.0/16", "", VnetRole::Hub)
        .subnet("Spoke-Vnet-a", "AzureFirewallSubnet", "10.1.1.0/26", "rt-a-fw")
        .subnet("Spoke-Vnet-a", "GatewaySubnet", "10.1.2.0/24", "rt-a-gw")
        .vnet("Spoke-Vnet-b", "10.2.0.0/16", "", VnetRole::Spoke)
        .subnet("Spoke-Vnet-b", "Subnet-b", "10.2.0.0/24", "rt-b")
        .peer("HUB-Vnet-A", "Spoke-Vnet-a")
        .peer("HUB-Vnet-A", "Spoke-Vnet-b")
        .table("rt-hub-fw")
        .route("rt-hub-fw", "vpn-pool-via-spoke-b-fw", "172.16.16.0/24",
               NextHopType::VirtualAppliance, typo ? "10.2.1.4" : "10.1.1.4")
        .table("rt-a-fw")
        .route("rt-a-fw", "default-to-hub-fw", "0.0.0.0/0", NextHopType::VirtualAppliance,
               "10.0.1.4")
        .table("rt-a-gw")
        .route("rt-a-gw", "default-to-a-fw", "0.0.0.0/0", NextHopType::VirtualAppliance,
               "10.1.1.4")
        .table("rt-b")
        .route("rt-b", "default-internet", "0.0.0.0/0", NextHopType::Internet)
        .route("rt-b", "vpn-pool-via-hub-fw", "172.16.16.0/24", NextHopType::VirtualAppliance,
               "10.0.1.4")
        .firewall("fw-hub", "HUB-Vnet-A/AzureFirewallSubnet", "10.0.1.4", true)
        .firewall("fw-a", "Spoke-Vnet-a/AzureFirewallSubnet", "10.1.1.4", true)
        .gateway("vpngw-a", "Spoke-Vnet-a", "172.16.16.0/24")
        .customRoute("vpngw-a", "0.0.0.0/1")
        .customRoute("vpngw-a", "128.0.0.0/1")
        .site("vpngw-a", "tokyo-office", "192.168.0.0/16")
        .vm("proxy", "Spoke-Vnet-b/Subnet-b", "10.2.0.4")
        .client("remote-pc", "vpngw-a", "172.16.16.2");
    return b;
}

} // namespace testdesigns
