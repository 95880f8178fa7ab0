// Packet walks and connection verdicts of azure-routing.md's test cases (§14, cli.md `trace`).

#include "TestDesigns.h"
#include "model/Network.h"
#include "routing/Trace.h"

#include <QtTest>

using namespace hopscope;
using namespace testdesigns;

Q_DECLARE_METATYPE(hopscope::model::Design)

namespace {

// "a>b>c" from a walk's hops.
QString path(const model::Network &network, const routing::Walk &walk)
{
    QStringList names;
    for (const routing::Hop &h : walk.hops)
        names << network.devices()[h.device].name;
    return names.join(u'>');
}

// "delivered", or "dropped/blackhole".
QString verdict(const routing::Walk &walk)
{
    QString v = routing::toString(walk.verdict);
    if (walk.verdict == routing::WalkVerdict::Dropped)
        v += u'/' + routing::toString(walk.reason);
    return v;
}

} // namespace

class TestPacketWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walks_data();
    void walks();
    void firewallRules_data();
    void firewallRules();
    void routeUsedByEachHop();
    void loopClosingHopCarriesRoute();
    void startHopRoute_data();
    void startHopRoute();
    void clientRoutes();
    void unknownEndpoint_data();
    void unknownEndpoint();
};

void TestPacketWalk::walks_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("forwardPath");
    QTest::addColumn<QString>("forwardVerdict");
    QTest::addColumn<QString>("replyPath");    // empty: no reply walked
    QTest::addColumn<QString>("replyVerdict");
    QTest::addColumn<QString>("connection");   // "ok" or the connection reason

    auto row = [](const char *name, const Builder &b, const char *from, const char *to, int port,
                  const char *fwdPath, const char *fwdVerdict, const char *replyPath,
                  const char *replyVerdict, const char *connection) {
        QTest::newRow(name) << b.d << QString::fromLatin1(from) << QString::fromLatin1(to) << port
                            << QString::fromLatin1(fwdPath) << QString::fromLatin1(fwdVerdict)
                            << QString::fromLatin1(replyPath)
                            << QString::fromLatin1(replyVerdict)
                            << QString::fromLatin1(connection);
    };
    using NH = model::NextHopType;

    row("TC01: intra-VNet default route delivers", hubAndSpoke().vm("VM1b", "Spoke1/Subnet1",
                                                                     "10.1.0.5"),
        "VM1", "10.1.0.5", 443, "VM1>VM1b", "delivered", "VM1b>VM1", "delivered", "ok");
    row("TC01: address no VM owns is a workload of its subnet", hubAndSpoke(), "VM1", "10.1.0.9",
        443, "VM1>Spoke1/Subnet1", "delivered", "Spoke1/Subnet1>VM1", "delivered", "ok");
    row("TC02: Internet egress with default outbound access", hubAndSpoke(), "VM1",
        "93.184.216.34", 443, "VM1>Internet", "egress-internet", "Internet>VM1", "delivered",
        "ok");
    row("TC02: no outbound method drops at the VM",
        hubAndSpoke().edit([](model::Design &d) {
            d.vms[1].outbound = model::OutboundMethod::None; // VM1
        }),
        "VM1", "93.184.216.34", 443, "VM1", "dropped/no-outbound-method", "", "",
        "forward-dropped");
    row("TC03: peering is not transitive", hubAndSpoke(), "VM1", "VM2", 443, "VM1",
        "dropped/route-none", "", "", "forward-dropped");
    {
        Builder b;
        b.vnet("Y", "192.168.0.0/15").subnet("Y", "S", "192.168.0.0/24").vm("VMY", "Y/S",
                                                                           "192.168.0.4");
        row("TC04: reserved-range rewrite, address in the VNet but no subnet", b, "VMY",
            "192.169.3.3", 443, "VMY", "dropped/no-such-host", "", "", "forward-dropped");
        b.subnet("Y", "T", "192.169.3.0/24");
        row("TC04: reserved-range rewrite, VnetLocal delivers", b, "VMY", "192.169.3.3", 443,
            "VMY>Y/T", "delivered", "Y/T>VMY", "delivered", "ok");
    }
    auto tc05 = spokesThroughHubFirewall;
    row("TC05: spoke to spoke through the hub firewall, both ways", tc05(), "VM1", "VM2", 443,
        "VM1>FW>VM2", "delivered", "VM2>FW>VM1", "delivered", "ok");
    row("TC06: missing return UDR drops the reply",
        tc05().edit([](model::Design &d) { d.vnet(QStringLiteral("Spoke2"))->subnets[0].routeTable.clear(); }),
        "VM1", "VM2", 443, "VM1>FW>VM2", "delivered", "VM2", "dropped/route-none",
        "return-dropped");
    {
        Builder b = tc05();
        b.findLink("Spoke2", "Hub")->allowForwardedTraffic = false;
        row("TC07: forwarded traffic not allowed by the receiving link", b, "VM1", "VM2", 443,
            "VM1>FW", "dropped/forwarded-traffic-not-allowed", "", "", "forward-dropped");
    }
    auto tc08 = [] {
        return hubAndSpoke()
            .table("rt-hub")
            .route("rt-hub", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub/HubVM", "rt-hub")
            .table("rt-s1")
            .route("rt-s1", "default-fw", "0.0.0.0/0", NH::VirtualAppliance, "10.0.1.4")
            .attach("Spoke1/Subnet1", "rt-s1");
    };
    row("TC08: one-sided UDR between hub and spoke is asymmetric", tc08(), "HubVM", "VM1", 443,
        "HubVM>FW>VM1", "delivered", "VM1>HubVM", "delivered", "asymmetric");
    row("TC08b: a longer spoke route to the hub subnet restores symmetry",
        tc08().route("rt-s1", "hubvm-fw", "10.0.3.0/24", NH::VirtualAppliance, "10.0.1.4"),
        "HubVM", "VM1", 443, "HubVM>FW>VM1", "delivered", "VM1>FW>HubVM", "delivered", "ok");
    auto tc09 = [](const char *p) {
        return hubAndSpokeWithGateway()
            .site("HubGW", "onprem", "192.168.0.0/16")
            .table("rt-gw")
            .route("rt-gw", "to-fw", p, NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub/GatewaySubnet", "rt-gw")
            .table("rt-s1")
            .route("rt-s1", "onprem-fw", "192.168.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Spoke1/Subnet1", "rt-s1");
    };
    row("TC09: GatewaySubnet summary route loses to the peering route", tc09("10.0.0.0/8"),
        "192.168.10.5", "VM1", 443, "onprem>HubGW>VM1", "delivered", "VM1>FW",
        "dropped/no-session", "asymmetric");
    row("TC09: same-prefix UDR on GatewaySubnet goes through the firewall", tc09("10.1.0.0/16"),
        "192.168.10.5", "VM1", 443, "onprem>HubGW>FW>VM1", "delivered", "VM1>FW>HubGW>onprem",
        "egress-onprem", "ok");
    {
        Builder b = hubAndSpokeWithGateway().site("HubGW", "onprem", "10.1.5.0/24");
        b.subnet("Spoke1", "Subnet5", "10.1.5.0/24");
        row("TC10: a more specific BGP route does not beat peering", b, "HubVM", "10.1.5.10",
            443, "HubVM>Spoke1/Subnet5", "delivered", "Spoke1/Subnet5>HubVM", "delivered", "ok");
    }
    auto tc11 = [](bool disablePropagation) {
        Builder b = hubAndSpokeWithGateway().site("HubGW", "onprem", "192.168.0.0/16");
        b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
        b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
        return b.table("rt-s1", disablePropagation)
            .route("rt-s1", "default-fw", "0.0.0.0/0", NH::VirtualAppliance, "10.0.1.4")
            .attach("Spoke1/Subnet1", "rt-s1")
            .table("rt-gw")
            .route("rt-gw", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub/GatewaySubnet", "rt-gw");
    };
    row("TC11: a more specific gateway route beats the spoke's 0/0 UDR", tc11(false), "VM1",
        "192.168.10.5", 443, "VM1>HubGW>onprem", "egress-onprem", "onprem>HubGW>FW",
        "dropped/no-session", "asymmetric");
    row("TC11b: propagation disabled sends on-premises traffic through the firewall",
        tc11(true), "VM1", "192.168.10.5", 443, "VM1>FW>HubGW>onprem", "egress-onprem",
        "onprem>HubGW>FW>VM1", "delivered", "ok");
    {
        Builder er = hubAndSpoke();
        er.subnet("Hub", "GatewaySubnet", "10.0.2.0/27")
            .gateway("ErGW", "Hub", nullptr, model::GatewayType::ExpressRoute)
            .table("rt-hub")
            .route("rt-hub", "forced", "0.0.0.0/0", NH::VirtualNetworkGateway)
            .attach("Hub/HubVM", "rt-hub");
        row("TC12: UDR to an ExpressRoute-only gateway goes nowhere", er, "HubVM", "8.8.8.8", 443,
            "HubVM", "dropped/gateway-no-route", "", "", "forward-dropped");
        Builder vpn = hubAndSpokeWithGateway()
                          .table("rt-hub")
                          .route("rt-hub", "forced", "0.0.0.0/0", NH::VirtualNetworkGateway)
                          .attach("Hub/HubVM", "rt-hub");
        row("TC12: forced tunnel to a VPN gateway reaches it", vpn, "HubVM", "8.8.8.8", 443,
            "HubVM>HubGW", "dropped/gateway-no-route", "", "", "forward-dropped");
    }
    auto tc13 = [](bool forwarding) {
        return hubAndSpoke()
            .subnet("Hub", "NvaSubnet", "10.0.4.0/24")
            .vm("NVA", "Hub/NvaSubnet", "10.0.4.4", forwarding)
            .table("rt-s1")
            .route("rt-s1", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
            .attach("Spoke1/Subnet1", "rt-s1")
            .table("rt-s2")
            .route("rt-s2", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
            .attach("Spoke2/Subnet2", "rt-s2");
    };
    row("TC13: NVA without IP forwarding drops", tc13(false), "VM1", "VM2", 443, "VM1>NVA",
        "dropped/ip-forwarding-disabled", "", "", "forward-dropped");
    row("TC13: NVA with IP forwarding relays both ways", tc13(true), "VM1", "VM2", 443,
        "VM1>NVA>VM2", "delivered", "VM2>NVA>VM1", "delivered", "ok");
    row("TC14: next hop owned by nothing is a blackhole",
        hubAndSpoke()
            .table("rt-s1")
            .route("rt-s1", "default-nowhere", "0.0.0.0/0", NH::VirtualAppliance, "10.0.9.9")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "VM1", "VM2", 443, "VM1", "dropped/blackhole", "", "", "forward-dropped");
    row("TC15: NVA in the source subnet loops",
        hubAndSpoke()
            .vm("NVA1", "Spoke1/Subnet1", "10.1.0.10", true)
            .table("rt-s1")
            .route("rt-s1", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.1.0.10")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "VM1", "VM2", 443, "VM1>NVA1>NVA1", "loop", "", "", "forward-loop");
    auto tc16 = [] {
        Builder b = hubAndSpokeWithGateway("172.16.201.0/24")
                        .client("P2SClient", "HubGW", "172.16.201.10");
        b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
        b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
        return b;
    };
    row("TC16: a transit spoke reaches the P2S pool", tc16(), "VM1", "172.16.201.10", 443,
        "VM1>HubGW>P2SClient", "delivered", "P2SClient>HubGW>VM1", "delivered", "ok");
    row("TC16: a spoke without transit falls into 172.16.0.0/12 None", tc16(), "VM2",
        "172.16.201.10", 443, "VM2", "dropped/route-none", "", "", "forward-dropped");
    row("TC16: the client does not tunnel to a spoke without transit", tc16(), "P2SClient",
        "VM2", 443, "P2SClient", "not-tunneled", "", "", "not-tunneled");
    row("TC18: forced-tunnel client traffic dies at the gateway (R9.6)",
        tc16().customRoute("HubGW", "0.0.0.0/1").customRoute("HubGW", "128.0.0.0/1"),
        "P2SClient", "8.8.8.8", 443, "P2SClient>HubGW", "dropped/p2s-no-internet-breakout", "",
        "", "forward-dropped");
    row("TC18: with p2sInternetBreakout allow the gateway lets it out",
        tc16().customRoute("HubGW", "0.0.0.0/1").customRoute("HubGW", "128.0.0.0/1").edit(
            [](model::Design &d) {
                d.settings.p2sInternetBreakout = model::P2sInternetBreakout::Allow;
            }),
        "P2SClient", "8.8.8.8", 443, "P2SClient>HubGW>Internet", "egress-internet",
        "Internet>HubGW>P2SClient", "delivered", "ok");
    auto tc20 = [](bool returnRoute) {
        Builder b;
        b.vnet("HubA", "10.0.0.0/16", "regionA", model::VnetRole::Hub)
            .subnet("HubA", "AzureFirewallSubnet", "10.0.1.0/26", "rt-fwa")
            .vnet("SpokeA", "10.1.0.0/16", "regionA")
            .subnet("SpokeA", "S", "10.1.0.0/24", "rt-sa")
            .vnet("HubB", "10.100.0.0/16", "regionB", model::VnetRole::Hub)
            .subnet("HubB", "AzureFirewallSubnet", "10.100.1.0/26", "rt-fwb")
            .vnet("SpokeB", "10.101.0.0/16", "regionB")
            .subnet("SpokeB", "S", "10.101.0.0/24", "rt-sb")
            .peer("HubA", "HubB")
            .peer("HubA", "SpokeA")
            .peer("HubB", "SpokeB")
            .firewall("FW-A", "HubA/AzureFirewallSubnet", "10.0.1.4")
            .firewall("FW-B", "HubB/AzureFirewallSubnet", "10.100.1.4")
            .vm("VMA", "SpokeA/S", "10.1.0.4")
            .vm("VMB", "SpokeB/S", "10.101.0.4")
            .table("rt-sa")
            .route("rt-sa", "default-fw", "0.0.0.0/0", NH::VirtualAppliance, "10.0.1.4")
            .table("rt-sb")
            .route("rt-sb", "default-fw", "0.0.0.0/0", NH::VirtualAppliance, "10.100.1.4")
            .table("rt-fwa")
            .route("rt-fwa", "internet", "0.0.0.0/0", NH::Internet)
            .route("rt-fwa", "spokeb", "10.101.0.0/16", NH::VirtualAppliance, "10.100.1.4")
            .table("rt-fwb")
            .route("rt-fwb", "internet", "0.0.0.0/0", NH::Internet);
        if (returnRoute)
            b.route("rt-fwb", "spokea", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4");
        return b;
    };
    row("TC20: multi-hub across regions through both firewalls", tc20(true), "VMA", "VMB", 443,
        "VMA>FW-A>FW-B>VMB", "delivered", "VMB>FW-B>FW-A>VMA", "delivered", "ok");
    row("TC20b: the remote firewall lacks the return route", tc20(false), "VMA", "VMB", 443,
        "VMA>FW-A>FW-B>VMB", "delivered", "VMB>FW-B", "dropped/private-to-internet",
        "return-dropped");

    // The seed design (T-JP).
    row("TC-JP1: client to proxy crosses the gateway and both firewalls", seed(), "remote-pc",
        "proxy", 3128, "remote-pc>vpngw-a>fw-a>fw-hub>proxy", "delivered", "proxy>fw-hub",
        "dropped/blackhole", "return-dropped");
    row("TC-JP2: reply blackholed at the hub firewall (typo kept)", seed(true), "remote-pc",
        "10.2.0.4", 3128, "remote-pc>vpngw-a>fw-a>fw-hub>proxy", "delivered", "proxy>fw-hub",
        "dropped/blackhole", "return-dropped");
    row("TC-JP3: typo fixed, the reply returns through both firewalls", seed(false),
        "remote-pc", "proxy", 3128, "remote-pc>vpngw-a>fw-a>fw-hub>proxy", "delivered",
        "proxy>fw-hub>fw-a>vpngw-a>remote-pc", "delivered", "ok");
    {
        Builder b = seed(false);
        b.d.routeTables[1].disableBgpRoutePropagation = true; // rt-a-fw
        row("TC-JP4: fw-a without the pool route loops the reply", b, "remote-pc", "proxy", 3128,
            "remote-pc>vpngw-a>fw-a>fw-hub>proxy", "delivered",
            "proxy>fw-hub>fw-a>fw-hub", "loop", "return-loop");
    }
    auto jp5 = [](bool hubRoute) {
        Builder b = seed(false);
        b.findLink("HUB-Vnet-A", "Spoke-Vnet-a")->useRemoteGateways = true;
        b.findLink("Spoke-Vnet-a", "HUB-Vnet-A")->allowGatewayTransit = true;
        if (!hubRoute)
            b.d.vnet(QStringLiteral("HUB-Vnet-A"))->subnets[0].routeTable.clear();
        return b;
    };
    row("TC-JP5: hub learns the pool from transit and skips fw-a", jp5(false), "remote-pc",
        "proxy", 3128, "remote-pc>vpngw-a>fw-a>fw-hub>proxy", "delivered",
        "proxy>fw-hub>vpngw-a>remote-pc", "delivered", "asymmetric");
    row("TC-JP5: the fixed hub UDR beats the transit route (R5.2)", jp5(true), "remote-pc",
        "proxy", 3128, "remote-pc>vpngw-a>fw-a>fw-hub>proxy", "delivered",
        "proxy>fw-hub>fw-a>vpngw-a>remote-pc", "delivered", "ok");
    row("TC-JP6: proxy egress to the Internet", seed(), "proxy", "Internet", 443,
        "proxy>Internet", "egress-internet", "Internet>proxy", "delivered", "ok");
    row("TC-JP6: proxy without an outbound method",
        seed().edit([](model::Design &d) { d.vms[0].outbound = model::OutboundMethod::None; }),
        "proxy", "Internet", 443, "proxy", "dropped/no-outbound-method", "", "",
        "forward-dropped");
    row("TC-JP7: client to the Internet via both firewalls with SNAT (as configured)", seed(),
        "remote-pc", "1.1.1.1", 443, "remote-pc>vpngw-a>fw-a>fw-hub>Internet", "egress-internet",
        "Internet>fw-hub>fw-a>vpngw-a>remote-pc", "delivered", "ok");
    {
        Builder b = seed(false);
        model::Route &r = b.d.routeTables[2].routes[0]; // rt-a-gw
        r.name = QStringLiteral("spoke-b-via-a-fw");
        r.addressPrefix = prefix("10.2.0.0/16");
        row("TC-JP7: supported GatewaySubnet routes leave no Internet breakout", b, "remote-pc",
            "1.1.1.1", 443, "remote-pc>vpngw-a", "dropped/p2s-no-internet-breakout", "", "",
            "forward-dropped");
    }

    // Issue 12, 1 (R4.4, R3.2): the routes Azure adds through an ExpressRoute gateway carry
    // traffic; only a user route to it is invalid (TC12 above).
    auto expressRouteHub = [] {
        Builder b = hubAndSpoke();
        b.subnet("Hub", "GatewaySubnet", "10.0.2.0/27")
            .gateway("ErGW", "Hub", nullptr, model::GatewayType::ExpressRoute)
            .site("ErGW", "datacenter", "192.168.0.0/16");
        b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
        b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
        return b;
    };
    row("R4.4: a transit spoke reaches on-premises over an ExpressRoute gateway's own routes",
        expressRouteHub(), "VM1", "datacenter", 443, "VM1>ErGW>datacenter", "egress-onprem",
        "datacenter>ErGW>VM1", "delivered", "ok");
    row("R4.4: the hub itself reaches on-premises over its ExpressRoute gateway",
        expressRouteHub(), "HubVM", "192.168.10.5", 443, "HubVM>ErGW>datacenter",
        "egress-onprem", "datacenter>ErGW>HubVM", "delivered", "ok");

    // Issue 12, 2 (R4.4, R5.9 Gs): a VPN and an ExpressRoute gateway side by side both route.
    auto coexistence = [] {
        return hubAndSpokeWithGateway()
            .site("HubGW", "branch", "192.168.0.0/16")
            .gateway("ErGW", "Hub", nullptr, model::GatewayType::ExpressRoute)
            .site("ErGW", "datacenter", "10.200.0.0/16");
    };
    row("R5.9: beside a VPN gateway, the ExpressRoute gateway's site is reached", coexistence(),
        "HubVM", "datacenter", 443, "HubVM>ErGW>datacenter", "egress-onprem",
        "datacenter>ErGW>HubVM", "delivered", "ok");
    row("R5.9: beside an ExpressRoute gateway, the VPN gateway's site is still reached",
        coexistence(), "HubVM", "branch", 443, "HubVM>HubGW>branch", "egress-onprem",
        "branch>HubGW>HubVM", "delivered", "ok");

    // Issue 12, 3 (§14): a gateway is one hop per pass, from one tunnel into another.
    row("§14: P2S client to another client of the same gateway lists the gateway once",
        tc16().client("P2SClient2", "HubGW", "172.16.201.11"), "P2SClient", "P2SClient2", 443,
        "P2SClient>HubGW>P2SClient2", "delivered", "P2SClient2>HubGW>P2SClient", "delivered",
        "ok");
    row("§14: P2S client to an on-premises site lists the gateway once",
        tc16().site("HubGW", "onprem", "192.168.0.0/16").customRoute("HubGW", "192.168.0.0/16"),
        "P2SClient", "onprem", 443, "P2SClient>HubGW>onprem", "egress-onprem",
        "onprem>HubGW>P2SClient", "delivered", "ok");
    row("§14: one on-premises site to another lists the gateway once",
        hubAndSpokeWithGateway()
            .site("HubGW", "onprem", "192.168.0.0/16")
            .site("HubGW", "branch", "192.169.0.0/16"),
        "onprem", "branch", 443, "onprem>HubGW>branch", "egress-onprem", "branch>HubGW>onprem",
        "egress-onprem", "ok");

    // Issue 12, 4 (§14): the source's own origination is its first visit.
    row("§14: an NVA whose subnet's 0/0 points at itself loops at once",
        hubAndSpoke()
            .vm("NVA1", "Spoke1/Subnet1", "10.1.0.10", true)
            .table("rt-s1")
            .route("rt-s1", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.1.0.10")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "NVA1", "VM2", 443, "NVA1>NVA1", "loop", "", "", "forward-loop");

    // Issue 12, 5 (§14, R8.3): a next hop behind a one-sided peering names the peering.
    {
        Builder b = spokesThroughHubFirewall();
        b.d.peerings.erase(std::find_if(b.d.peerings.begin(), b.d.peerings.end(),
                                        [](const model::Peering &p) {
                                            return p.from == u"Hub" && p.to == u"Spoke1";
                                        }));
        row("§14: a next hop over a one-sided peering is peering-not-connected", b, "VM1",
            "VM2", 443, "VM1", "dropped/peering-not-connected", "", "", "forward-dropped");
        Builder none = spokesThroughHubFirewall();
        none.d.peerings.erase(std::remove_if(none.d.peerings.begin(), none.d.peerings.end(),
                                             [](const model::Peering &p) {
                                                 return p.from == u"Spoke1" || p.to == u"Spoke1";
                                             }),
                              none.d.peerings.end());
        row("§14: a next hop in a VNet with no peering at all stays next-hop-unreachable", none,
            "VM1", "VM2", 443, "VM1", "dropped/next-hop-unreachable", "", "", "forward-dropped");
    }

    // Issue 12, 7 (R5.8): a reply to a subnet's workload address is not routed by its table.
    row("R5.8: the Internet's reply to a workload address is delivered, not routed again",
        hubAndSpoke()
            .table("rt-s1")
            .route("rt-s1", "subnet-via-fw", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "10.1.0.9", "8.8.8.8", 443, "Spoke1/Subnet1>Internet", "egress-internet",
        "Internet>Spoke1/Subnet1", "delivered", "ok");

    // Issue 12, 8 (R4.6): VnetLocal reaches the ranges of connected peers too.
    row("R4.6: a hub UDR VnetLocal for a peered spoke delivers there",
        hubAndSpoke()
            .table("rt-hub")
            .route("rt-hub", "spoke1-local", "10.1.0.0/16", NH::VnetLocal)
            .attach("Hub/HubVM", "rt-hub"),
        "HubVM", "VM1", 443, "HubVM>VM1", "delivered", "VM1>HubVM", "delivered", "ok");
    row("R4.6: VnetLocal to a range no VNet it knows holds is no-such-host",
        hubAndSpoke()
            .table("rt-hub")
            .route("rt-hub", "far-local", "10.9.0.0/16", NH::VnetLocal)
            .attach("Hub/HubVM", "rt-hub"),
        "HubVM", "10.9.0.5", 443, "HubVM", "dropped/no-such-host", "", "", "forward-dropped");

    // Issue 12 (cli.md `return`): a reply that ends anywhere but at the request's source keeps
    // the verdict it walked, and the connection is return-dropped.
    row("cli.md: a site with public addresses reaches a spoke without transit, the reply leaves "
        "for the Internet",
        hubAndSpokeWithGateway().site("HubGW", "public-site", "198.51.100.0/24"),
        "198.51.100.5", "VM1", 443, "public-site>HubGW>VM1", "delivered", "VM1>Internet",
        "egress-internet", "return-dropped");
    row("cli.md: a branch behind two gateways, the reply leaves for the other gateway's site",
        hubAndSpokeWithGateway()
            .site("HubGW", "branch", "192.168.0.0/16")
            .subnet("Spoke2", "GatewaySubnet", "10.2.1.0/27")
            .gateway("Spoke2GW", "Spoke2")
            .site("Spoke2GW", "branch-dr", "192.168.0.0/16"),
        "branch", "VM2", 443, "branch>HubGW>VM2", "delivered", "VM2>Spoke2GW>branch-dr",
        "egress-onprem", "return-dropped");
    row("cli.md: a site overlapping a spoke's range, the reply is delivered in the spoke",
        hubAndSpokeWithGateway().site("HubGW", "overlapping-site", "10.1.0.0/16"),
        "overlapping-site", "HubVM", 443, "overlapping-site>HubGW>HubVM", "delivered",
        "HubVM>Spoke1/Subnet1", "delivered", "return-dropped");
}

void TestPacketWalk::walks()
{
    QFETCH(model::Design, design);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, port);
    QFETCH(QString, forwardPath);
    QFETCH(QString, forwardVerdict);
    QFETCH(QString, replyPath);
    QFETCH(QString, replyVerdict);
    QFETCH(QString, connection);

    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto result = tracer.trace({from, to, port, model::Protocol::Tcp}, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->legs.size(), size_t(1));
    const routing::Leg &leg = result->legs.front();
    QCOMPARE(path(network, leg.forward), forwardPath);
    QCOMPARE(verdict(leg.forward), forwardVerdict);
    QCOMPARE(leg.reply.has_value(), !replyPath.isEmpty());
    if (leg.reply) {
        QCOMPARE(path(network, *leg.reply), replyPath);
        QCOMPARE(verdict(*leg.reply), replyVerdict);
    }
    QCOMPARE(leg.ok ? QStringLiteral("ok") : routing::toString(leg.reason), connection);
    QCOMPARE(result->ok, leg.ok);
}

void TestPacketWalk::firewallRules_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("rule");

    QTest::newRow("allow rule matches the proxy port") << "proxy" << 3128 << "delivered"
                                                       << "vpn-to-proxy";
    QTest::newRow("deny rule before a broader allow") << "proxy" << 22 << "dropped/firewall-denied"
                                                      << "no-ssh";
    QTest::newRow("no rule matches: default deny") << "proxy" << 8080
                                                   << "dropped/firewall-denied" << "default-deny";
}

void TestPacketWalk::firewallRules()
{
    QFETCH(QString, to);
    QFETCH(int, port);
    QFETCH(QString, verdict);
    QFETCH(QString, rule);

    Builder b = seed(false);
    model::Firewall &hub = b.d.firewalls[0];
    hub.allowAll = false;
    model::FirewallRule noSsh;
    noSsh.name = QStringLiteral("no-ssh");
    noSsh.action = model::RuleAction::Deny;
    noSsh.protocols = {model::Protocol::Tcp};
    noSsh.destinationPorts = {{22, 22}};
    model::FirewallRule toProxy;
    toProxy.name = QStringLiteral("vpn-to-proxy");
    toProxy.protocols = {model::Protocol::Tcp};
    toProxy.sourceAddresses = {{prefix("172.16.16.0/24")}};
    toProxy.destinationAddresses = {{prefix("10.2.0.4/32")}};
    toProxy.destinationPorts = {{3128, 3128}, {22, 22}};
    hub.rules = {noSsh, toProxy};

    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto result = tracer.trace({QStringLiteral("remote-pc"), to, port}, &error);
    QVERIFY2(result, qPrintable(error));
    const routing::Walk &forward = result->legs.front().forward;
    QCOMPARE(::verdict(forward), verdict);
    const auto hop = std::find_if(forward.hops.begin(), forward.hops.end(),
                                  [&](const routing::Hop &h) {
                                      return network.devices()[h.device].name == u"fw-hub";
                                  });
    QVERIFY(hop != forward.hops.end());
    QVERIFY(hop->rule);
    QCOMPARE(hop->rule->name, rule);
}

void TestPacketWalk::routeUsedByEachHop()
{
    // cli.md's example: the hops of TC-JP1 carry the routes they used.
    const Builder b = seed();
    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto result =
        tracer.trace({QStringLiteral("remote-pc"), QStringLiteral("proxy"), 3128}, &error);
    QVERIFY(result);
    const auto &hops = result->legs.front().forward.hops;
    QCOMPARE(hops.size(), size_t(5));
    QCOMPARE(hops[0].route->addressPrefix.toString(), QStringLiteral("0.0.0.0/1"));
    QCOMPARE(routing::toString(hops[0].route->source), QStringLiteral("VirtualNetworkGateway"));
    QCOMPARE(hops[1].route->routeName, QStringLiteral("default-to-a-fw"));
    QCOMPARE(hops[1].route->routeTable, QStringLiteral("rt-a-gw"));
    QCOMPARE(hops[2].route->routeName, QStringLiteral("default-to-hub-fw"));
    QCOMPARE(routing::toString(hops[3].route->nextHopType), QStringLiteral("VNetPeering"));
    QCOMPARE(hops[3].route->addressPrefix.toString(), QStringLiteral("10.2.0.0/16"));
    QVERIFY(!hops[4].route);
    const auto &reply = *result->legs.front().reply;
    QCOMPARE(reply.hops.back().route->routeName, QStringLiteral("vpn-pool-via-spoke-b-fw"));
    QVERIFY2(reply.explanation.contains(QStringLiteral("10.2.1.4, which no device owns")),
             qPrintable(reply.explanation));
    QCOMPARE(result->legs.front().forward.statefulDevices.size(), size_t(2));
}

void TestPacketWalk::loopClosingHopCarriesRoute()
{
    // §14: the hop that closes a loop carries the route that led back to the repeated device.
    const Builder b = hubAndSpoke()
                          .vm("NVA1", "Spoke1/Subnet1", "10.1.0.10", true)
                          .table("rt-s1")
                          .route("rt-s1", "default-nva", "0.0.0.0/0",
                                 model::NextHopType::VirtualAppliance, "10.1.0.10")
                          .attach("Spoke1/Subnet1", "rt-s1");
    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto result = tracer.trace({QStringLiteral("VM1"), QStringLiteral("VM2")}, &error);
    QVERIFY2(result, qPrintable(error));
    const auto &hops = result->legs.front().forward.hops;
    QCOMPARE(path(network, result->legs.front().forward), QStringLiteral("VM1>NVA1>NVA1"));
    QVERIFY(hops.back().route);
    QCOMPARE(hops.back().route->routeName, QStringLiteral("default-nva"));
}

void TestPacketWalk::startHopRoute_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("hasRoute");
    Builder onPrem = hubAndSpokeWithGateway().site("HubGW", "onprem", "192.168.0.0/16");
    QTest::newRow("cli.md: a walk from an on-premises site starts with route null")
        << onPrem.d << "onprem" << "HubVM" << false;
    QTest::newRow("cli.md: a walk from the Internet starts with route null")
        << hubAndSpoke().d << "Internet" << "VM1" << false;
    QTest::newRow("cli.md: a P2S client's first hop carries its pushed route")
        << hubAndSpokeWithGateway("172.16.201.0/24").client("P2SClient", "HubGW",
                                                             "172.16.201.10").d
        << "P2SClient" << "HubVM" << true;
}

void TestPacketWalk::startHopRoute()
{
    QFETCH(model::Design, design);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, hasRoute);
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto result = tracer.trace({from, to}, &error);
    QVERIFY2(result, qPrintable(error));
    const routing::Walk &forward = result->legs.front().forward;
    QVERIFY(!forward.hops.empty());
    QCOMPARE(forward.hops.front().route.has_value(), hasRoute);
}

void TestPacketWalk::clientRoutes()
{
    // TC16: clients learn the gateway VNet, transit spokes and the pool, not Spoke2.
    Builder b = hubAndSpokeWithGateway("172.16.201.0/24");
    b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
    b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
    const model::Network network(b.d);
    QStringList pushed;
    for (const auto &p : network.clientRouteList(network.deviceIndex(QStringLiteral("HubGW"))))
        pushed << p.toString();
    QCOMPARE(pushed, QStringList({QStringLiteral("10.0.0.0/16"), QStringLiteral("10.1.0.0/16"),
                                  QStringLiteral("172.16.201.0/24")}));
}

void TestPacketWalk::unknownEndpoint_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown name names itself") << "remote-pc" << "nosuchvm"
                                               << "unknown end point 'nosuchvm'";
    QTest::newRow("unknown subnet names itself") << "Spoke-Vnet-b/Nope" << "proxy"
                                                 << "unknown end point 'Spoke-Vnet-b/Nope'";
    QTest::newRow("a gateway is not an end point") << "vpngw-a" << "proxy"
                                                   << "end point 'vpngw-a' is a gateway";
    QTest::newRow("an address nothing holds cannot send") << "10.0.9.9" << "proxy"
                                                          << "in HUB-Vnet-A's address space";
}

void TestPacketWalk::unknownEndpoint()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    const Builder b = seed();
    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    QVERIFY(!tracer.trace({from, to}, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPacketWalk)
#include "tst_packetwalk.moc"
