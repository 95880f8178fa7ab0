#include "DesignGenerator.h"

#include <algorithm>

namespace hopscope::bench {

using namespace model;

namespace {

// Hub h owns the block 10.(4h).0.0/14; its VNet is the first /20 of it, spoke j the (j+1)th.
Prefix hubBlock(int h) { return Prefix(Ipv4Address((10u << 24) | (std::uint32_t(4 * h) << 16)), 14); }
Prefix vnetRange(int h, int index)
{
    return Prefix(Ipv4Address(hubBlock(h).address().value() + std::uint32_t(index) * 4096u), 20);
}
Prefix subnetIn(const Prefix &vnet, int third)
{
    return Prefix(Ipv4Address(vnet.address().value() + std::uint32_t(third) * 256u), 24);
}
Prefix poolOf(int h) { return Prefix(Ipv4Address((172u << 24) | (16u << 16) | (std::uint32_t(h) << 8)), 24); }
Ipv4Address firewallIp(int h) { return Ipv4Address(vnetRange(h, 0).address().value() + 256 + 4); }
QString hubName(int h) { return QStringLiteral("hub%1").arg(h); }

Route applianceRoute(const QString &name, const Prefix &p, Ipv4Address ip)
{
    return {name, p, NextHopType::VirtualAppliance, ip};
}

Peering link(const QString &from, const QString &to)
{
    Peering p;
    p.from = from;
    p.to = to;
    p.allowForwardedTraffic = true;
    return p;
}

} // namespace

Design generateDesign(const GeneratorOptions &o)
{
    Design d;
    d.name = QStringLiteral("Generated multi-hub design: %1 hubs, %2 VNets, %3 workload subnets")
                 .arg(o.hubs)
                 .arg(o.vnets)
                 .arg(o.workloadSubnets);
    const int hubs = std::clamp(o.hubs, 1, 64);
    const int spokes = std::max(0, o.vnets - hubs);
    std::vector<int> spokesOfHub(hubs, spokes / hubs);
    for (int h = 0; h < spokes % hubs; ++h)
        ++spokesOfHub[h];

    for (int h = 0; h < hubs; ++h) {
        const QString hub = hubName(h);
        Vnet v;
        v.name = hub;
        v.role = VnetRole::Hub;
        v.addressSpace = {vnetRange(h, 0)};
        v.subnets = {{firewallSubnetName(), Prefix(subnetIn(vnetRange(h, 0), 1).address(), 26),
                      QStringLiteral("rt-%1-fw").arg(hub)},
                     {gatewaySubnetName(), Prefix(subnetIn(vnetRange(h, 0), 2).address(), 27),
                      QStringLiteral("rt-%1-gw").arg(hub)}};
        d.vnets.push_back(v);

        Firewall fw;
        fw.name = QStringLiteral("fw-%1").arg(hub);
        fw.subnet = qualifiedSubnetName(hub, firewallSubnetName());
        fw.privateIp = firewallIp(h);
        d.firewalls.push_back(fw);

        Gateway gw;
        gw.name = QStringLiteral("vpngw-%1").arg(hub);
        gw.vnet = hub;
        gw.vpnClientAddressPool = {poolOf(h)};
        gw.customRoutes = {*Prefix::parse(u"10.0.0.0/8")};
        d.gateways.push_back(gw);

        Client c;
        c.name = QStringLiteral("client-%1").arg(hub);
        c.gateway = gw.name;
        d.clients.push_back(c);

        // P12.2: the firewall subnet reaches the Internet and every other hub's block and pool
        // through that hub's firewall.
        RouteTable fwTable;
        fwTable.name = QStringLiteral("rt-%1-fw").arg(hub);
        fwTable.routes.push_back({QStringLiteral("internet"), Prefix(), NextHopType::Internet, {}});
        for (int k = 0; k < hubs; ++k) {
            if (k == h)
                continue;
            fwTable.routes.push_back(applianceRoute(QStringLiteral("to-hub%1").arg(k),
                                                    hubBlock(k), firewallIp(k)));
            fwTable.routes.push_back(applianceRoute(QStringLiteral("to-pool%1").arg(k), poolOf(k),
                                                    firewallIp(k)));
        }
        d.routeTables.push_back(fwTable);

        // GatewaySubnet: each local spoke and each remote hub block through the firewall.
        RouteTable gwTable;
        gwTable.name = QStringLiteral("rt-%1-gw").arg(hub);
        for (int j = 1; j <= spokesOfHub[h]; ++j)
            gwTable.routes.push_back(applianceRoute(QStringLiteral("spoke%1").arg(j),
                                                    vnetRange(h, j), firewallIp(h)));
        for (int k = 0; k < hubs; ++k)
            if (k != h) {
                gwTable.routes.push_back(applianceRoute(QStringLiteral("hub%1-block").arg(k),
                                                        hubBlock(k), firewallIp(h)));
                // The peered hub VNet's own route is more specific than its block (L2).
                gwTable.routes.push_back(applianceRoute(QStringLiteral("hub%1").arg(k),
                                                        vnetRange(k, 0), firewallIp(h)));
            }
        d.routeTables.push_back(gwTable);

        RouteTable spokeTable;
        spokeTable.name = QStringLiteral("rt-%1-spokes").arg(hub);
        spokeTable.disableBgpRoutePropagation = true;
        spokeTable.routes.push_back(applianceRoute(QStringLiteral("default-fw"), Prefix(),
                                                   firewallIp(h)));
        d.routeTables.push_back(spokeTable);
    }
    for (int h = 0; h < hubs; ++h)
        for (int k = 0; k < hubs; ++k)
            if (h != k)
                d.peerings.push_back(link(hubName(h), hubName(k)));

    // Spokes and their workload subnets, spread evenly.
    int subnetsLeft = o.workloadSubnets;
    int spokesLeft = spokes;
    for (int h = 0; h < hubs; ++h)
        for (int j = 1; j <= spokesOfHub[h]; ++j) {
            const int count = spokesLeft > 0 ? std::clamp(subnetsLeft / spokesLeft, 1, 16) : 1;
            subnetsLeft -= count;
            --spokesLeft;
            Vnet v;
            v.name = QStringLiteral("hub%1-spoke%2").arg(h).arg(j);
            v.role = VnetRole::Spoke;
            v.addressSpace = {vnetRange(h, j)};
            for (int s = 0; s < count; ++s) {
                const QString subnet = QStringLiteral("workload%1").arg(s);
                v.subnets.push_back({subnet, subnetIn(vnetRange(h, j), s),
                                     QStringLiteral("rt-hub%1-spokes").arg(h)});
                Vm vm;
                vm.name = QStringLiteral("vm-%1-%2").arg(v.name).arg(s);
                vm.subnet = qualifiedSubnetName(v.name, subnet);
                d.vms.push_back(vm);
            }
            d.peerings.push_back(link(hubName(h), v.name));
            d.peerings.push_back(link(v.name, hubName(h)));
            d.vnets.push_back(v);
        }

    if (o.unownedNextHop && spokes > 0) {
        // The first spoke gets a table of its own whose next hop nobody owns.
        Vnet &spoke = d.vnets[size_t(hubs)];
        RouteTable broken;
        broken.name = QStringLiteral("rt-broken");
        broken.disableBgpRoutePropagation = true;
        broken.routes.push_back(applianceRoute(
            QStringLiteral("default-typo"), Prefix(),
            Ipv4Address(firewallIp(0).value() + 200))); // inside the hub, owned by nothing
        d.routeTables.push_back(broken);
        for (Subnet &s : spoke.subnets)
            s.routeTable = broken.name;
    }
    if (o.missingReturnRoute && hubs > 1) {
        // Hub 1's firewall forgets hub 0's block: replies to hub 0's spokes fall to the Internet.
        auto &routes = d.routeTables[3].routes; // rt-hub1-fw
        routes.erase(std::remove_if(routes.begin(), routes.end(),
                                    [](const Route &r) { return r.name == u"to-hub0"; }),
                     routes.end());
    }
    if (o.forwardingLoop && hubs > 1) {
        // An unused range that hub 0 and hub 1 each send to the other.
        const Prefix range = *Prefix::parse(u"10.255.0.0/24");
        d.routeTables[0].routes.push_back(applianceRoute(QStringLiteral("lab-range"), range,
                                                         firewallIp(1)));
        d.routeTables[3].routes.push_back(applianceRoute(QStringLiteral("lab-range"), range,
                                                         firewallIp(0)));
    }
    return d;
}

} // namespace hopscope::bench
