// `check`: every lint with a row that triggers it and one that does not; sweep verdicts equal
// trace verdicts on generated designs; injected faults are each found once.

#include "DesignGenerator.h"
#include "TestDesigns.h"
#include "analysis/Check.h"
#include "analysis/Sweeps.h"
#include "model/Network.h"
#include "routing/Trace.h"

#include <QtTest>

using namespace hopscope;
using namespace testdesigns;
using NH = model::NextHopType;

Q_DECLARE_METATYPE(hopscope::model::Design)
Q_DECLARE_METATYPE(hopscope::bench::GeneratorOptions)

namespace {

int countErrors(const analysis::CheckReport &report, const QString &code)
{
    return int(std::count_if(report.findings.begin(), report.findings.end(),
                             [&](const analysis::Finding &f) {
                                 return f.code == code && f.severity == analysis::Severity::Error;
                             }));
}

int countCode(const analysis::CheckReport &report, const QString &code)
{
    return int(std::count_if(report.findings.begin(), report.findings.end(),
                             [&](const analysis::Finding &f) { return f.code == code; }));
}

const analysis::Finding *findCode(const analysis::CheckReport &report, const QString &code)
{
    for (const analysis::Finding &f : report.findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

} // namespace

class TestCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lints_data();
    void lints();
    void subnetHoldsEveryPrefix_data();
    void subnetHoldsEveryPrefix();
    void severities_data();
    void severities();
    void docsNameEveryCode_data();
    void docsNameEveryCode();
    void seedFindings();
    void severityOrder();
    void sweepEqualsTrace_data();
    void sweepEqualsTrace();
    void injectedFaults_data();
    void injectedFaults();
};

void TestCheck::lints_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("phrase"); // part of the message when expected

    auto row = [](const char *name, const Builder &b, const char *code, bool expected,
                  const char *phrase = "") {
        QTest::newRow(name) << b.d << QString::fromLatin1(code) << expected
                            << QString::fromUtf8(phrase);
    };

    row("subnet-outside-address-space: triggers",
        hubAndSpoke().subnet("Spoke1", "Stray", "10.9.0.0/24"), "subnet-outside-address-space",
        true, "outside Spoke1's address space");
    row("subnet-outside-address-space: quiet", hubAndSpoke(), "subnet-outside-address-space",
        false);
    row("subnet-overlap: triggers", hubAndSpoke().subnet("Spoke1", "Twin", "10.1.0.128/25"),
        "subnet-overlap", true, "overlap");
    row("subnet-overlap: quiet", hubAndSpoke().subnet("Spoke1", "Next", "10.1.1.0/24"),
        "subnet-overlap", false);
    row("ip-outside-subnet: triggers", hubAndSpoke().vm("Lost", "Spoke1/Subnet1", "10.1.5.4"),
        "ip-outside-subnet", true, "outside its subnet");
    row("ip-outside-subnet: quiet", hubAndSpoke(), "ip-outside-subnet", false);
    row("reserved-address: triggers", hubAndSpoke().vm("Early", "Spoke1/Subnet1", "10.1.0.2"),
        "reserved-address", true, "first usable host is 10.1.0.4");
    row("reserved-address: quiet", hubAndSpoke().vm("Late", "Spoke1/Subnet1", "10.1.0.254"),
        "reserved-address", false);
    // A subnet with several prefixes (format.md additions): every prefix counts.
    const auto morePrefixes = [](const char *more) {
        return [more](model::Design &d) {
            d.subnet(QStringLiteral("Spoke1/Subnet1"))->moreAddressPrefixes = {prefix(more)};
        };
    };
    row("subnet-outside-address-space: a second prefix outside",
        hubAndSpoke().edit(morePrefixes("10.9.8.0/24")), "subnet-outside-address-space", true,
        "(10.9.8.0/24) lies outside");
    row("subnet-overlap: a second prefix overlaps another subnet",
        hubAndSpoke().subnet("Spoke1", "Next", "10.1.1.0/24").edit(morePrefixes("10.1.1.128/25")),
        "subnet-overlap", true, "Subnet1 (10.1.1.128/25) and Spoke1/Next (10.1.1.0/24) overlap");
    row("ip-outside-subnet: quiet for an address in a second prefix",
        hubAndSpoke().edit(morePrefixes("10.1.8.0/24")).vm("Far", "Spoke1/Subnet1", "10.1.8.4"),
        "ip-outside-subnet", false);
    row("ip-outside-subnet: outside every prefix names them all",
        hubAndSpoke().edit(morePrefixes("10.1.8.0/24")).vm("Lost", "Spoke1/Subnet1", "10.1.5.4"),
        "ip-outside-subnet", true, "(10.1.0.0/24, 10.1.8.0/24)");
    row("reserved-address: in a second prefix",
        hubAndSpoke().edit(morePrefixes("10.1.8.0/24")).vm("Early", "Spoke1/Subnet1", "10.1.8.1"),
        "reserved-address", true, "first usable host is 10.1.8.4");
    row("duplicate-ip: triggers", hubAndSpoke().vm("Clone", "Spoke1/Subnet1", "10.1.0.4"),
        "duplicate-ip", true, "both use 10.1.0.4");
    row("duplicate-ip: quiet", hubAndSpoke(), "duplicate-ip", false);
    row("peering-invalid: a VNet peered with itself", hubAndSpoke().link("Spoke1", "Spoke1"),
        "peering-invalid", true, "peered with itself");
    row("peering-invalid: the same link twice", hubAndSpoke().link("Hub", "Spoke1"),
        "peering-invalid", true, "defined twice");
    row("peering-invalid: quiet", hubAndSpoke(), "peering-invalid", false);
    row("peering-one-sided: triggers", hubAndSpoke().link("Spoke1", "Spoke2"),
        "peering-one-sided", true, "no Spoke2 → Spoke1 direction");
    row("peering-one-sided: quiet", hubAndSpoke(), "peering-one-sided", false);
    {
        Builder b = hubAndSpoke();
        b.vnet("Clash", "10.1.128.0/17").subnet("Clash", "S", "10.1.128.0/24").peer("Spoke1",
                                                                                  "Clash");
        row("overlapping-address-space (L15): triggers", b, "overlapping-address-space", true,
            "overlap");
        row("overlapping-address-space: quiet for VNets not peered",
            hubAndSpoke().vnet("Apart", "10.1.128.0/17"), "overlapping-address-space", false);
    }
    {
        Builder b = hubAndSpokeWithGateway("172.16.201.0/24");
        b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
        row("use-remote-gateways-invalid (L14): no transit on the gateway side", b,
            "use-remote-gateways-invalid", true, "does not allow gateway transit");
        b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
        row("use-remote-gateways-invalid: quiet with transit", b, "use-remote-gateways-invalid",
            false);
    }
    row("pool-overlap (L15): triggers", hubAndSpokeWithGateway("10.2.128.0/24"), "pool-overlap",
        true, "overlaps Spoke2");
    row("pool-overlap: quiet", hubAndSpokeWithGateway("172.16.201.0/24"), "pool-overlap", false);
    row("duplicate-route-prefix (R6.2): triggers",
        spokesThroughHubFirewall().route("rt-s1", "again", "0.0.0.0/0", NH::Internet),
        "duplicate-route-prefix", true, "repeats the prefix 0.0.0.0/0");
    row("duplicate-route-prefix: nested prefixes are fine",
        spokesThroughHubFirewall().route("rt-s1", "nested", "10.0.0.0/16", NH::VirtualAppliance,
                                      "10.0.1.4"),
        "duplicate-route-prefix", false);
    row("next-hop-ip-not-allowed: triggers",
        spokesThroughHubFirewall().edit([](model::Design &d) {
            d.routeTables[0].routes.push_back(
                {QStringLiteral("odd"), prefix("8.8.8.0/24"), NH::Internet, address("10.0.1.4")});
        }),
        "next-hop-ip-not-allowed", true, "only VirtualAppliance routes take one");
    row("next-hop-ip-not-allowed: quiet", spokesThroughHubFirewall(), "next-hop-ip-not-allowed",
        false);
    row("next-hop-unowned (L11, TC14): triggers",
        hubAndSpoke()
            .table("rt-s1")
            .route("rt-s1", "default-nowhere", "0.0.0.0/0", NH::VirtualAppliance, "10.0.9.9")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "next-hop-unowned", true, "sends 0.0.0.0/0 to 10.0.9.9, which no VM, NVA or firewall");
    row("next-hop-unowned: quiet", spokesThroughHubFirewall(), "next-hop-unowned", false);
    row("next-hop-unreachable (L11, R4.3b): appliance in a VNet not peered",
        hubAndSpoke()
            .table("rt-s1")
            .route("rt-s1", "to-vm2", "10.2.0.0/16", NH::VirtualAppliance, "10.2.0.4")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "next-hop-unreachable", true, "neither in that VNet nor directly peered");
    row("next-hop-unreachable: quiet for a peered hub", spokesThroughHubFirewall(),
        "next-hop-unreachable", false);
    auto nva = [](bool forwarding) {
        return hubAndSpoke()
            .subnet("Hub", "NvaSubnet", "10.0.4.0/24")
            .vm("NVA", "Hub/NvaSubnet", "10.0.4.4", forwarding)
            .table("rt-s1")
            .route("rt-s1", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
            .attach("Spoke1/Subnet1", "rt-s1");
    };
    row("ip-forwarding-disabled (L7, TC13): triggers", nva(false), "ip-forwarding-disabled",
        true, "IP forwarding off");
    row("ip-forwarding-disabled: quiet", nva(true), "ip-forwarding-disabled", false);
    row("appliance-in-source-subnet (L8, TC15): triggers",
        hubAndSpoke()
            .vm("NVA1", "Spoke1/Subnet1", "10.1.0.10", true)
            .table("rt-s1")
            .route("rt-s1", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.1.0.10")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "appliance-in-source-subnet", true, "sits in Spoke1/Subnet1 itself");
    row("appliance-in-source-subnet: quiet", nva(true), "appliance-in-source-subnet", false);
    {
        Builder er = hubAndSpoke();
        er.subnet("Hub", "GatewaySubnet", "10.0.2.0/27")
            .gateway("ErGW", "Hub", nullptr, model::GatewayType::ExpressRoute)
            .table("rt-hub")
            .route("rt-hub", "forced", "0.0.0.0/0", NH::VirtualNetworkGateway)
            .attach("Hub/HubVM", "rt-hub");
        row("gateway-next-hop-invalid (L17, TC12): ExpressRoute gateway", er,
            "gateway-next-hop-invalid", true, "an ExpressRoute gateway");
        row("gateway-next-hop-invalid: quiet with a VPN gateway",
            hubAndSpokeWithGateway()
                .table("rt-hub")
                .route("rt-hub", "forced", "0.0.0.0/0", NH::VirtualNetworkGateway)
                .attach("Hub/HubVM", "rt-hub"),
            "gateway-next-hop-invalid", false);
    }
    auto gatewaySubnetTable = [](const char *p, bool disableBgp = false) {
        return hubAndSpokeWithGateway()
            .table("rt-gw", disableBgp)
            .route("rt-gw", "to-fw", p, NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub/GatewaySubnet", "rt-gw");
    };
    row("gateway-subnet-default-route (L10, TC-JP0 a): triggers", gatewaySubnetTable("0.0.0.0/0"),
        "gateway-subnet-default-route", true, "not supported");
    row("gateway-subnet-default-route: quiet for spoke prefixes",
        gatewaySubnetTable("10.1.0.0/16"), "gateway-subnet-default-route", false);
    row("gateway-subnet-propagation-disabled (L10): triggers",
        gatewaySubnetTable("10.1.0.0/16", true), "gateway-subnet-propagation-disabled", true,
        "stops working");
    row("gateway-subnet-propagation-disabled: quiet", gatewaySubnetTable("10.1.0.0/16"),
        "gateway-subnet-propagation-disabled", false);
    row("gateway-subnet-summary-route (L2, TC09): triggers", gatewaySubnetTable("10.0.0.0/8"),
        "gateway-subnet-summary-route", true, "bypasses the appliance");
    row("gateway-subnet-summary-route: quiet with the spoke's own prefix",
        gatewaySubnetTable("10.1.0.0/16"), "gateway-subnet-summary-route", false);
    auto firewallTable = [](bool withInternet, bool managementNic) {
        Builder b = hubAndSpoke()
                        .table("rt-fw")
                        .route("rt-fw", "pool", "172.16.16.0/24", NH::VirtualAppliance,
                               "10.0.3.4")
                        .attach("Hub/AzureFirewallSubnet", "rt-fw");
        if (withInternet)
            b.route("rt-fw", "internet", "0.0.0.0/0", NH::Internet);
        b.d.firewalls[0].managementNic = managementNic;
        return b;
    };
    row("firewall-subnet-default-route (L9, TC19): no 0/0 → Internet",
        firewallTable(false, false), "firewall-subnet-default-route", true,
        "AzureFirewallSubnetRouteTableMustHaveDefaultRouteToInternet");
    row("firewall-subnet-default-route: quiet with 0/0 → Internet", firewallTable(true, false),
        "firewall-subnet-default-route", false);
    row("firewall-subnet-default-route: quiet with a management NIC", firewallTable(false, true),
        "firewall-subnet-default-route", false);
    row("bastion-subnet-route-table (R7.4): triggers",
        spokesThroughHubFirewall()
            .subnet("Hub", "AzureBastionSubnet", "10.0.5.0/26")
            .attach("Hub/AzureBastionSubnet", "rt-s1"),
        "bastion-subnet-route-table", true, "does not support route tables");
    row("bastion-subnet-route-table: quiet",
        spokesThroughHubFirewall().subnet("Hub", "AzureBastionSubnet", "10.0.5.0/26"),
        "bastion-subnet-route-table", false);
    // A spoke whose 0/0 goes to the hub firewall while it learns the hub gateway's routes: an
    // on-premises site's prefixes (TC11) or, without a site, the P2S pool (R9.2).
    auto tc11 = [](bool disableBgp, bool site = true) {
        Builder b = site ? hubAndSpokeWithGateway().site("HubGW", "onprem", "192.168.0.0/16")
                         : hubAndSpokeWithGateway("172.16.16.0/24");
        b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
        b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
        return b.table("rt-s1", disableBgp)
            .route("rt-s1", "default-fw", "0.0.0.0/0", NH::VirtualAppliance, "10.0.1.4")
            .attach("Spoke1/Subnet1", "rt-s1");
    };
    row("gateway-routes-bypass-firewall (L3, TC11): triggers", tc11(false),
        "gateway-routes-bypass-firewall", true, "Set disableBgpRoutePropagation");
    row("gateway-routes-bypass-firewall: quiet (TC11b)", tc11(true),
        "gateway-routes-bypass-firewall", false);
    row("gateway-routes-bypass-firewall (L3, R9.2): P2S pool learnt, triggers",
        tc11(false, false),
        "gateway-routes-bypass-firewall", true, "traffic to P2S clients bypasses");
    row("gateway-routes-bypass-firewall: P2S pool, propagation off, quiet", tc11(true, false),
        "gateway-routes-bypass-firewall", false);
    {
        Builder b = spokesThroughHubFirewall();
        b.findLink("Spoke2", "Hub")->allowForwardedTraffic = false;
        row("forwarded-traffic-not-allowed (L20, TC07): triggers", b,
            "forwarded-traffic-not-allowed", true, "Spoke2 → Hub does not allow forwarded");
        row("forwarded-traffic-not-allowed: quiet (TC05)", spokesThroughHubFirewall(),
            "forwarded-traffic-not-allowed", false);
    }
    auto forcedTunnel = [](bool breakout) {
        Builder b = hubAndSpokeWithGateway("172.16.201.0/24")
                        .customRoute("HubGW", "0.0.0.0/1")
                        .customRoute("HubGW", "128.0.0.0/1");
        if (breakout)
            b.d.settings.p2sInternetBreakout = model::P2sInternetBreakout::Allow;
        return b;
    };
    row("p2s-no-internet-breakout (L19, TC18): triggers", forcedTunnel(false),
        "p2s-no-internet-breakout", true, "drops Internet-bound client traffic");
    row("p2s-no-internet-breakout: quiet when breakout is allowed", forcedTunnel(true),
        "p2s-no-internet-breakout", false);
    row("p2s-profile-refresh (L18): triggers", forcedTunnel(true), "p2s-profile-refresh", true,
        "downloading the VPN profile again");
    row("p2s-profile-refresh: quiet without custom routes",
        hubAndSpokeWithGateway("172.16.201.0/24"), "p2s-profile-refresh", false);
    auto intent = [](const char *to, int port, model::IntentExpectation expect) {
        return seed(false).edit([=](model::Design &d) {
            d.intents.push_back({QStringLiteral("remote-pc"), QString::fromLatin1(to), port,
                                 model::Protocol::Tcp, expect});
        });
    };
    row("intent-violated: expect ok on the broken seed", intent("proxy", 3128,
                                                                model::IntentExpectation::Ok)
                                                             .edit([](model::Design &d) {
                                                                 d.routeTables[0]
                                                                     .routes[0]
                                                                     .nextHopIpAddress =
                                                                     address("10.2.1.4");
                                                             }),
        "intent-violated", true, "does not hold: reply from proxy");
    row("intent-violated: expect ok holds on the fixed seed",
        intent("proxy", 3128, model::IntentExpectation::Ok), "intent-violated", false);
    row("intent-violated: expect blocked but it works",
        intent("proxy", 3128, model::IntentExpectation::Blocked), "intent-violated", true,
        "the connection works");
    row("vpn-pool-unreachable: the seed's lost replies", seed(true), "vpn-pool-unreachable", true,
        "which no device owns");
    row("vpn-pool-unreachable: quiet on the fixed seed", seed(false), "vpn-pool-unreachable",
        false);
    {
        Builder b = seed(false);
        b.findLink("HUB-Vnet-A", "Spoke-Vnet-a")->useRemoteGateways = true;
        b.findLink("Spoke-Vnet-a", "HUB-Vnet-A")->allowGatewayTransit = true;
        b.d.vnet(QStringLiteral("HUB-Vnet-A"))->subnets[0].routeTable.clear();
        row("vpn-pool-asymmetric (TC-JP5): triggers", b, "vpn-pool-asymmetric", true,
            "fw-a");
        row("vpn-pool-asymmetric: quiet on the fixed seed", seed(false), "vpn-pool-asymmetric",
            false);
    }
    row("subnet-pair-unreachable (TC06, L1): missing return UDR",
        spokesThroughHubFirewall().edit([](model::Design &d) {
            d.vnet(QStringLiteral("Spoke2"))->subnets[0].routeTable.clear();
        }),
        "subnet-pair-unreachable", true, "return-dropped");
    row("subnet-pair-unreachable: quiet (TC05)", spokesThroughHubFirewall(),
        "subnet-pair-unreachable", false);
    row("asymmetric-path (TC08, L5): triggers",
        hubAndSpoke()
            .table("rt-hub")
            .route("rt-hub", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub/HubVM", "rt-hub")
            .table("rt-s1")
            .route("rt-s1", "default-fw", "0.0.0.0/0", NH::VirtualAppliance, "10.0.1.4")
            .attach("Spoke1/Subnet1", "rt-s1"),
        "asymmetric-path", true, "FW sees only one direction");
    row("asymmetric-path: quiet (TC05)", spokesThroughHubFirewall(), "asymmetric-path", false);
    {
        Builder b = seed(false);
        b.d.routeTables[1].disableBgpRoutePropagation = true; // rt-a-fw
        row("routing-loop (TC-JP4): triggers", b, "routing-loop", true,
            "loops between fw-a and fw-hub");
        row("routing-loop: quiet on the fixed seed", seed(false), "routing-loop", false);
    }
}

void TestCheck::lints()
{
    QFETCH(model::Design, design);
    QFETCH(QString, code);
    QFETCH(bool, expected);
    QFETCH(QString, phrase);
    const analysis::CheckReport report = analysis::checkDesign(design);
    const analysis::Finding *f = findCode(report, code);
    QStringList all;
    for (const analysis::Finding &x : report.findings)
        all << x.code;
    QVERIFY2(bool(f) == expected, qPrintable(all.join(u' ')));
    if (f)
        QVERIFY2(f->message.contains(phrase), qPrintable(f->message));
    // Every finding carries its message as a template the app translates, and the CLI's
    // English message is that template filled in (issue 17).
    for (const analysis::Finding &x : report.findings) {
        QVERIFY2(!x.text.isEmpty(), qPrintable(x.code + u": no message to translate"));
        QCOMPARE(x.text.english(), x.message);
    }
}

// Network: an address belongs to a subnet when any of its prefixes holds it; the subnet's end
// point stays the .4 of its first prefix (format.md additions).
void TestCheck::subnetHoldsEveryPrefix_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("subnet");

    QTest::newRow("second prefix") << QStringLiteral("10.1.8.9") << QStringLiteral("Spoke1/Subnet1");
    QTest::newRow("third prefix, below the first")
        << QStringLiteral("10.1.0.0") << QStringLiteral("Spoke1/Subnet1");
}

void TestCheck::subnetHoldsEveryPrefix()
{
    QFETCH(QString, address);
    QFETCH(QString, subnet);
    const Builder b = Builder(hubAndSpoke()).edit([](model::Design &d) {
        model::Subnet *s = d.subnet(QStringLiteral("Spoke1/Subnet1"));
        s->addressPrefix = prefix("10.1.4.0/24");
        s->moreAddressPrefixes = {prefix("10.1.8.0/24"), prefix("10.1.0.0/24")};
    });
    const model::Network network(b.d);
    const int index = network.subnetContaining(*net::Ipv4Address::parse(address));
    QCOMPARE(index < 0 ? QString() : network.subnets()[index].qualifiedName, subnet);
    // Still no subnet between the prefixes; the end point is the first prefix's .4.
    QCOMPARE(network.subnetContaining(*net::Ipv4Address::parse(QStringLiteral("10.1.5.9"))), -1);
    const model::Subnet &s = *network.subnets()[network.subnetIndex(QStringLiteral("Spoke1/Subnet1"))].subnet;
    QCOMPARE(model::Network::workloadAddress(s).toString(), QStringLiteral("10.1.4.4"));
}

void TestCheck::severities_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity"); // of every finding with `code`; empty: none reported

    auto row = [](const char *name, const Builder &b, const char *code, const char *severity) {
        QTest::newRow(name) << b.d << QString::fromLatin1(code) << QString::fromLatin1(severity);
    };

    // Issue 12, 4: loops are looked for from GatewaySubnet, firewalls, pools and sites too.
    auto gatewayLoop = [] {
        return hubAndSpokeWithGateway()
            .site("HubGW", "onprem", "192.168.0.0/16")
            .vnet("Hub2", "10.5.0.0/16", "", model::VnetRole::Hub)
            .subnet("Hub2", "AzureFirewallSubnet", "10.5.1.0/26")
            .firewall("FW2", "Hub2/AzureFirewallSubnet", "10.5.1.4")
            .peer("Hub", "Hub2")
            .table("rt-gw")
            .route("rt-gw", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub/GatewaySubnet", "rt-gw")
            .table("rt-fw")
            .route("rt-fw", "internet", "0.0.0.0/0", NH::Internet)
            .route("rt-fw", "spoke1-fw2", "10.1.0.0/16", NH::VirtualAppliance, "10.5.1.4")
            .attach("Hub/AzureFirewallSubnet", "rt-fw")
            .table("rt-fw2")
            .route("rt-fw2", "internet", "0.0.0.0/0", NH::Internet)
            .route("rt-fw2", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance, "10.0.1.4")
            .attach("Hub2/AzureFirewallSubnet", "rt-fw2");
    };
    row("routing-loop: on-premises traffic for a spoke loops between two hub firewalls",
        gatewayLoop(), "routing-loop", "error");

    // Issue 12, 5: a next hop behind a one-sided peering names the peering.
    {
        Builder b = spokesThroughHubFirewall();
        b.d.peerings.erase(std::find_if(b.d.peerings.begin(), b.d.peerings.end(),
                                        [](const model::Peering &p) {
                                            return p.from == u"Hub" && p.to == u"Spoke1";
                                        }));
        row("peering-not-connected: a spoke's next hop over a one-sided peering", b,
            "peering-not-connected", "error");
        row("next-hop-unreachable: not reported when a one-sided peering is the cause", b,
            "next-hop-unreachable", "");
    }

    // L20: a spoke-pair walk refused by a peering is an error.
    {
        Builder b = spokesThroughHubFirewall();
        b.findLink("Spoke2", "Hub")->allowForwardedTraffic = false;
        row("forwarded-traffic-not-allowed: a spoke-pair walk is refused (TC07)", b,
            "forwarded-traffic-not-allowed", "error");
    }

    // Issue 12, 6: L20 is an error wherever a walk of the sweeps meets it (pairs, pools,
    // Internet round trips, traffic entering from on-premises); a warning when no walk does.
    {
        Builder b = hubAndSpoke()
                        .table("rt-s1")
                        .route("rt-s1", "default-fw", "0.0.0.0/0", NH::VirtualAppliance,
                               "10.0.1.4")
                        .attach("Spoke1/Subnet1", "rt-s1");
        b.findLink("Spoke2", "Hub")->allowForwardedTraffic = false;
        row("forwarded-traffic-not-allowed: a spoke with no UDR receives firewall-relayed "
            "traffic",
            b, "forwarded-traffic-not-allowed", "error");
    }
    {
        Builder b = hubAndSpoke()
                        .table("rt-s2")
                        .route("rt-s2", "default-fw", "0.0.0.0/0", NH::VirtualAppliance,
                               "10.0.1.4")
                        .attach("Spoke2/Subnet2", "rt-s2")
                        .edit([](model::Design &d) { d.firewalls[0].allowAll = false; });
        b.findLink("Spoke2", "Hub")->allowForwardedTraffic = false;
        // The firewall denies everything, so no walk ever reaches the peering.
        row("forwarded-traffic-not-allowed: predicted, but no walk of the sweeps meets it", b,
            "forwarded-traffic-not-allowed", "warning");
    }
    {
        Builder b = hubAndSpoke()
                        .table("rt-s1")
                        .route("rt-s1", "default-fw", "0.0.0.0/0", NH::VirtualAppliance,
                               "10.0.1.4")
                        .attach("Spoke1/Subnet1", "rt-s1")
                        .table("rt-fw")
                        .route("rt-fw", "internet", "0.0.0.0/0", NH::Internet)
                        .attach("Hub/AzureFirewallSubnet", "rt-fw");
        b.findLink("Spoke1", "Hub")->allowForwardedTraffic = false;
        row("forwarded-traffic-not-allowed: the reply of a spoke's Internet round trip is "
            "refused",
            b, "forwarded-traffic-not-allowed", "error");
    }
    {
        Builder b = hubAndSpokeWithGateway()
                        .site("HubGW", "onprem", "192.168.0.0/16")
                        .table("rt-gw")
                        .route("rt-gw", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance,
                               "10.0.1.4")
                        .attach("Hub/GatewaySubnet", "rt-gw");
        b.findLink("Spoke1", "Hub")->allowForwardedTraffic = false;
        row("forwarded-traffic-not-allowed: traffic entering from on-premises is refused", b,
            "forwarded-traffic-not-allowed", "error");
    }
}

void TestCheck::severities()
{
    QFETCH(model::Design, design);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    const analysis::CheckReport report = analysis::checkDesign(design);
    QStringList seen; // "code:severity" of every finding, for the failure message
    QStringList ofCode;
    for (const analysis::Finding &f : report.findings) {
        seen << f.code + u':' + analysis::toString(f.severity);
        if (f.code == code)
            ofCode << analysis::toString(f.severity);
    }
    ofCode.removeDuplicates();
    QVERIFY2(ofCode == (severity.isEmpty() ? QStringList() : QStringList{severity}),
             qPrintable(seen.join(u' ')));
}

void TestCheck::docsNameEveryCode_data()
{
    // Every code core/analysis reports, with its severity (issue 12, 10): docs/cli.md, the
    // repository's copy of the contract, must name each one in its table of codes.
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    const char *codes[][2] = {
        {"subnet-outside-address-space", "error"},
        {"subnet-overlap", "error"},
        {"ip-outside-subnet", "error"},
        {"reserved-address", "error"},
        {"duplicate-ip", "error"},
        {"peering-invalid", "error"},
        {"peering-one-sided", "warning"},
        {"overlapping-address-space", "error"},
        {"use-remote-gateways-invalid", "error"},
        {"pool-overlap", "error"},
        {"duplicate-route-prefix", "error"},
        {"next-hop-ip-not-allowed", "error"},
        {"next-hop-unowned", "error"},
        {"next-hop-unreachable", "error"},
        {"peering-not-connected", "error"},
        {"ip-forwarding-disabled", "error"},
        {"appliance-in-source-subnet", "warning"},
        {"gateway-next-hop-invalid", "error"},
        {"gateway-subnet-default-route", "warning"},
        {"gateway-subnet-propagation-disabled", "warning"},
        {"firewall-subnet-default-route", "error"},
        {"bastion-subnet-route-table", "error"},
        {"gateway-subnet-summary-route", "warning"},
        {"gateway-routes-bypass-firewall", "warning"},
        {"forwarded-traffic-not-allowed", "error or warning"},
        {"p2s-no-internet-breakout", "warning"},
        {"p2s-profile-refresh", "info"},
        {"proxy-port-not-listening", "error"},
        {"proxy-config-unusable", "error"},
        {"proxy-config-not-understood", "warning"},
        {"open-proxy", "warning"},
        {"proxy-denies-pool", "warning"},
        {"intent-violated", "error"},
        {"vpn-pool-unreachable", "error or warning"},
        {"vpn-pool-asymmetric", "error"},
        {"subnet-pair-unreachable", "error or info"},
        {"asymmetric-path", "error"},
        {"routing-loop", "error"},
        {"nsg-on-gateway-subnet", "error"},
        {"nsg-on-firewall-subnet", "error"},
        {"nsg-rule-shadowed", "warning or info"},
        {"nsg-open-management-port", "warning"},
        {"nsg-duplicate-priority", "error"},
        {"nsg-rule-invalid", "error"},
        {"nsg-vnet-tag-widened", "warning or info"},
        {"nsg-service-tag-not-modelled", "info"},
        {"nsg-on-subnet-and-nic", "info"},
        {"asg-invalid", "error"},
    };
    for (const auto &c : codes)
        QTest::addRow("docs/cli.md names %s as %s", c[0], c[1])
            << QString::fromLatin1(c[0]) << QString::fromLatin1(c[1]);
}

void TestCheck::docsNameEveryCode()
{
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFile file(QStringLiteral(HOPSCOPE_EXAMPLES_DIR "/../../docs/cli.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString docs = QString::fromUtf8(file.readAll());
    const QString row = QStringLiteral("| `%1` | %2").arg(code, severity);
    QVERIFY2(docs.contains(row), qPrintable(QStringLiteral("no row '%1'").arg(row)));
}

void TestCheck::seedFindings()
{
    // Issue 3: the seed as written reports exactly these errors and warnings.
    Builder b = seed(true);
    for (model::Firewall &f : b.d.firewalls)
        f.managementNic = false; // as in the note
    const analysis::CheckReport report = analysis::checkDesign(b.d);
    QVERIFY(report.errors > 0);
    const analysis::Finding *unowned = findCode(report, QStringLiteral("next-hop-unowned"));
    QVERIFY(unowned);
    QVERIFY(unowned->message.contains(QStringLiteral("10.2.1.4")));
    QVERIFY(unowned->message.contains(QStringLiteral("vpn-pool-via-spoke-b-fw")));
    QCOMPARE(countCode(report, QStringLiteral("firewall-subnet-default-route")), 2);
    QCOMPARE(countCode(report, QStringLiteral("gateway-subnet-default-route")), 1);
    QVERIFY(countCode(report, QStringLiteral("vpn-pool-unreachable")) >= 1);
    const analysis::Finding *pool = findCode(report, QStringLiteral("vpn-pool-unreachable"));
    QVERIFY(pool->trace);
    QCOMPARE(analysis::toString(pool->severity), QStringLiteral("error"));
}

void TestCheck::severityOrder()
{
    const analysis::CheckReport report = analysis::checkDesign(seed(true).d);
    for (size_t i = 1; i < report.findings.size(); ++i)
        QVERIFY(report.findings[i - 1].severity <= report.findings[i].severity);
    QCOMPARE(report.errors + report.warnings + report.infos, int(report.findings.size()));
}

void TestCheck::sweepEqualsTrace_data()
{
    QTest::addColumn<bench::GeneratorOptions>("options");
    bench::GeneratorOptions o;
    o.hubs = 3;
    o.vnets = 24;
    o.workloadSubnets = 60;
    QTest::newRow("generated: correct multi-hub design") << o;
    o.unownedNextHop = true;
    QTest::newRow("generated: a next hop nobody owns") << o;
    o.unownedNextHop = false;
    o.missingReturnRoute = true;
    QTest::newRow("generated: a missing return route") << o;
    o.missingReturnRoute = false;
    o.forwardingLoop = true;
    QTest::newRow("generated: a forwarding loop") << o;
    // nsg.md §7: with NSGs the sweeps judge every (source class, port class); the trace of the
    // combination a verdict names must agree with it.
    o.forwardingLoop = false;
    o.nsgRules = 8;
    QTest::newRow("generated with NSGs: correct multi-hub design") << o;
    o.missingReturnRoute = true;
    QTest::newRow("generated with NSGs: a missing return route") << o;
}

void TestCheck::sweepEqualsTrace()
{
    QFETCH(bench::GeneratorOptions, options);
    const model::Design design = bench::generateDesign(options);
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    const analysis::SweepResults sweeps = analysis::runSweeps(tracer);
    const std::vector<int> workloads = analysis::workloadSubnets(network);

    auto direct = [&](const QString &from, const QString &to,
                      model::Protocol protocol = model::Protocol::Tcp, int port = 443) {
        QString error;
        const auto a = routing::resolveEndpoint(network, from, true, &error);
        const auto b = routing::resolveEndpoint(network, to, false, &error);
        return analysis::ConnectionSummary::of(tracer.traceLeg(*a, *b, protocol, port));
    };
    // The sweep's verdict of a pair equals the trace of the combination it names; a pair it
    // calls isolated fails on every probe port too (nsg.md §7: no combination works).
    const std::vector<std::pair<model::Protocol, int>> probes{
        {model::Protocol::Tcp, 22},   {model::Protocol::Tcp, 443},
        {model::Protocol::Tcp, 8080}, {model::Protocol::Tcp, 5001},
        {model::Protocol::Udp, 53},   {model::Protocol::Icmp, 0}};
    int compared = 0;
    int failing = 0;
    int isolated = 0;
    auto agree = [&](const analysis::ConnectionSummary &swept, const QString &usualFrom,
                     const QString &to) {
        const QString from = swept.source.isEmpty() ? usualFrom : swept.source;
        const auto traced = direct(from, to, swept.protocol, swept.port);
        QCOMPARE(swept.ok, traced.ok);
        QCOMPARE(swept.cause(), traced.cause());
        if (!swept.ok && swept.isIsolation() && options.nsgRules > 0) {
            ++isolated;
            for (const auto &[protocol, port] : probes)
                QVERIFY2(!direct(usualFrom, to, protocol, port).ok,
                         qPrintable(QStringLiteral("%1 → %2 works on %3 %4 but was swept as "
                                                   "isolated")
                                        .arg(usualFrom, to, model::toString(protocol))
                                        .arg(port)));
        }
        ++compared;
        failing += traced.ok ? 0 : 1;
    };
    for (int from : workloads)
        for (int to : workloads) {
            const auto *swept = sweeps.pairs.verdict(from, to);
            if (network.subnets()[from].vnet == network.subnets()[to].vnet) {
                QVERIFY(!swept);
                continue;
            }
            QVERIFY(swept);
            agree(*swept, network.subnets()[from].qualifiedName,
                  network.subnets()[to].qualifiedName);
            if (QTest::currentTestFailed())
                return;
        }
    for (const analysis::PoolSweepRow &row : *sweeps.pools) {
        const QString &subnet = network.subnets()[row.subnet].qualifiedName;
        agree(*row.toSubnet, row.poolEndpoint, subnet);
        agree(*row.fromSubnet, subnet, row.poolEndpoint);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(compared > 1000);
    if (options.nsgRules > 0)
        QVERIFY2(isolated > 0, "the generated NSGs isolate some pairs");
    qInfo("%d sweep verdicts compared with traces, %d failing, %d isolated", compared, failing,
          isolated);
    if (!options.unownedNextHop && !options.missingReturnRoute && options.nsgRules == 0)
        QCOMPARE(failing, 0);
    else
        QVERIFY(failing > 0);
}

void TestCheck::injectedFaults_data()
{
    QTest::addColumn<bench::GeneratorOptions>("options");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("phrase");
    bench::GeneratorOptions o;
    o.hubs = 3;
    o.vnets = 36;
    o.workloadSubnets = 100;
    QTest::newRow("correct design: no error") << o << QString() << QString();
    o.unownedNextHop = true;
    QTest::newRow("next hop nobody owns: next-hop-unowned once")
        << o << "next-hop-unowned" << "rt-broken";
    o.unownedNextHop = false;
    o.missingReturnRoute = true;
    QTest::newRow("missing return route: one subnet-pair-unreachable")
        << o << "subnet-pair-unreachable" << "return-dropped";
    o.missingReturnRoute = false;
    o.forwardingLoop = true;
    QTest::newRow("forwarding loop: routing-loop once") << o << "routing-loop"
                                                        << "fw-hub0 and fw-hub1";
}

void TestCheck::injectedFaults()
{
    QFETCH(bench::GeneratorOptions, options);
    QFETCH(QString, code);
    QFETCH(QString, phrase);
    const analysis::CheckReport report = analysis::checkDesign(bench::generateDesign(options));
    if (code.isEmpty()) {
        QStringList errors;
        for (const analysis::Finding &f : report.findings)
            if (f.severity == analysis::Severity::Error)
                errors << f.code + QStringLiteral(": ") + f.message;
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        return;
    }
    QCOMPARE(countErrors(report, code), 1);
    QVERIFY2(findCode(report, code)->message.contains(phrase),
             qPrintable(findCode(report, code)->message));
}

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
