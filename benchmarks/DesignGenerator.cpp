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

SecurityRule securityRule(QString name, int priority, SecurityDirection direction,
                          RuleAction access, SecurityProtocol protocol,
                          std::vector<SecurityAddress> sources, std::vector<PortRange> ports)
{
    SecurityRule r;
    r.name = std::move(name);
    r.priority = priority;
    r.direction = direction;
    r.access = access;
    r.protocol = protocol;
    r.source.addresses = std::move(sources);
    r.destination.ports = std::move(ports);
    return r;
}

// Spoke j of hub h: an NSG on its workload subnets that admits HTTPS from the VNet tag, a port
// range from the private block, refuses SSH from anywhere and every port from the previous spoke
// of its hub, and a NIC NSG that refuses RDP, and HTTPS from the next spoke; both padded to
// `rules` with narrower rules.
void addSecurityGroups(Design &d, Vnet &spoke, int h, int j, int rules)
{
    using D = SecurityDirection;
    using A = RuleAction;
    using P = SecurityProtocol;
    const auto tag = [](const char16_t *t) { return SecurityAddress::ofTag(QString::fromUtf16(t)); };
    NetworkSecurityGroup subnetNsg;
    subnetNsg.name = QStringLiteral("nsg-%1").arg(spoke.name);
    auto &sr = subnetNsg.securityRules;
    if (j > 1)
        sr.push_back(securityRule(QStringLiteral("deny-previous-spoke"), 100, D::Inbound, A::Deny,
                                  P::Any, {SecurityAddress::of(vnetRange(h, j - 1))}, {}));
    sr.push_back(securityRule(QStringLiteral("deny-ssh"), 110, D::Inbound, A::Deny, P::Tcp, {},
                              {{22, 22}}));
    sr.push_back(securityRule(QStringLiteral("allow-https-vnet"), 120, D::Inbound, A::Allow,
                              P::Tcp, {tag(u"VirtualNetwork")}, {{443, 443}}));
    sr.push_back(securityRule(QStringLiteral("allow-app-ports"), 130, D::Inbound, A::Allow, P::Tcp,
                              {SecurityAddress::of(*Prefix::parse(u"10.0.0.0/8"))},
                              {{8080, 8090}}));
    for (int i = int(sr.size()); i + 1 < rules; ++i)
        sr.push_back(securityRule(QStringLiteral("allow-service-%1").arg(i), 200 + 10 * i,
                                  i % 2 ? D::Outbound : D::Inbound, A::Allow,
                                  i % 3 ? P::Tcp : P::Udp,
                                  {SecurityAddress::of(subnetIn(hubBlock(h), 200 + i))},
                                  {{5000 + i, 5000 + i}}));
    sr.push_back(securityRule(QStringLiteral("deny-all-inbound"), 4096, D::Inbound, A::Deny,
                              P::Any, {}, {}));
    NetworkSecurityGroup nicNsg;
    nicNsg.name = QStringLiteral("nsg-nic-%1").arg(spoke.name);
    auto &nr = nicNsg.securityRules;
    nr.push_back(securityRule(QStringLiteral("deny-rdp"), 100, D::Inbound, A::Deny, P::Any, {},
                              {{3389, 3389}}));
    // The next spoke of the hub may not use HTTPS here, but its app ports still work.
    nr.push_back(securityRule(QStringLiteral("deny-https-next-spoke"), 105, D::Inbound, A::Deny,
                              P::Tcp, {SecurityAddress::of(vnetRange(h, j + 1))}, {{443, 443}}));
    for (int i = int(nr.size()); i < rules; ++i)
        nr.push_back(securityRule(QStringLiteral("allow-monitoring-%1").arg(i), 100 + 10 * i,
                                  D::Inbound, A::Allow, P::Tcp,
                                  {SecurityAddress::of(subnetIn(vnetRange(h, 0), 3 + i % 8))},
                                  {{9000 + i, 9000 + i}}));
    for (Subnet &s : spoke.subnets)
        s.networkSecurityGroup = subnetNsg.name;
    for (Vm &vm : d.vms)
        if (vm.subnet.startsWith(spoke.name + u'/'))
            vm.networkSecurityGroup = nicNsg.name;
    d.networkSecurityGroups.push_back(std::move(subnetNsg));
    d.networkSecurityGroups.push_back(std::move(nicNsg));
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
            if (o.nsgRules > 0)
                addSecurityGroups(d, v, h, j, o.nsgRules);
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
