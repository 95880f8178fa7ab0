// Effective routes of a subnet (azure-routing.md §2–§5, R5.9) as Azure's effective-routes view
// shows them, in cli.md's order.

#include "TestDesigns.h"
#include "model/Network.h"
#include "routing/EffectiveRoutes.h"

#include <QtTest>

using namespace hopscope;
using namespace testdesigns;

Q_DECLARE_METATYPE(hopscope::model::Design)

namespace {
// "10.1.0.0/16 Default VnetLocal Active", with " 10.0.1.4" after the type for appliances.
QStringList describe(const routing::EffectiveRouteTable &table)
{
    QStringList lines;
    for (const routing::EffectiveRoute &r : table.routes()) {
        QString line = r.addressPrefix.toString() + u' ' + routing::toString(r.source) + u' ' +
                       routing::toString(r.nextHopType);
        if (r.nextHopIpAddress)
            line += u' ' + r.nextHopIpAddress->toString();
        line += u' ' + routing::toString(r.state);
        lines << line;
    }
    return lines;
}
} // namespace

class TestEffectiveRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data();
    void routes();
    void longestPrefixMatch_data();
    void longestPrefixMatch();
    void reusesOnlyWhatAnEditLeftAlone_data();
    void reusesOnlyWhatAnEditLeftAlone();
};

void TestEffectiveRoutes::routes_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<QStringList>("expected");
    using NH = model::NextHopType;
    // In cli.md's order: longest prefix first.
    const QString reserved[] = {QStringLiteral("192.168.0.0/16 Default None Active"),
                                QStringLiteral("172.16.0.0/12 Default None Active"),
                                QStringLiteral("100.64.0.0/10 Default None Active"),
                                QStringLiteral("10.0.0.0/8 Default None Active")};
    const QString internet = QStringLiteral("0.0.0.0/0 Default Internet Active");

    {
        Builder b;
        b.vnet("V", "10.1.0.0/16").subnet("V", "A", "10.1.0.0/24").subnet("V", "B",
                                                                         "10.1.1.0/24");
        QTest::newRow("R2.1/R2.2: the default set, one VnetLocal route per VNet prefix")
            << b.d << "V/B"
            << QStringList{QStringLiteral("10.1.0.0/16 Default VnetLocal Active"), reserved[0],
                           reserved[1], reserved[2], reserved[3], internet};
    }
    {
        Builder b;
        b.vnet("X", "172.16.0.0/12").subnet("X", "S", "172.16.0.0/24");
        QTest::newRow("R2.4/TC04: a VNet equal to a reserved range gets VnetLocal instead")
            << b.d << "X/S"
            << QStringList{reserved[0], QStringLiteral("172.16.0.0/12 Default VnetLocal Active"),
                           reserved[2], reserved[3], internet};
        Builder y;
        y.vnet("Y", "192.168.0.0/15").subnet("Y", "S", "192.168.0.0/24");
        QTest::newRow("R2.4/TC04: a VNet containing a reserved range removes it")
            << y.d << "Y/S"
            << QStringList{QStringLiteral("192.168.0.0/15 Default VnetLocal Active"), reserved[1],
                           reserved[2], reserved[3], internet};
    }
    auto withDefaultUdr = [](NH type, model::NoneRoutesRemoval rule) {
        Builder b;
        b.vnet("V", "10.1.0.0/16")
            .subnet("V", "S", "10.1.0.0/24", "rt")
            .table("rt")
            .route("rt", "default", "0.0.0.0/0", type, type == NH::VirtualAppliance ? "10.1.0.10"
                                                                                      : nullptr)
            .edit([rule](model::Design &d) { d.settings.noneRoutesRemovedByDefaultUdr = rule; });
        return b.d;
    };
    QTest::newRow("R2.5/TC05: a 0/0 UDR removes the None routes (switch any)")
        << withDefaultUdr(NH::VirtualAppliance, model::NoneRoutesRemoval::Any) << "V/S"
        << QStringList{QStringLiteral("10.1.0.0/16 Default VnetLocal Active"),
                       QStringLiteral("0.0.0.0/0 User VirtualAppliance 10.1.0.10 Active"),
                       QStringLiteral("0.0.0.0/0 Default Internet Invalid")};
    QTest::newRow("R2.5 switch virtualApplianceOnly: a 0/0 Internet UDR keeps them")
        << withDefaultUdr(NH::Internet, model::NoneRoutesRemoval::VirtualApplianceOnly) << "V/S"
        << QStringList{QStringLiteral("10.1.0.0/16 Default VnetLocal Active"), reserved[0],
                       reserved[1], reserved[2], reserved[3],
                       QStringLiteral("0.0.0.0/0 User Internet Active"),
                       QStringLiteral("0.0.0.0/0 Default Internet Invalid")};
    QTest::newRow("R2.5 switch never: the None routes stay")
        << withDefaultUdr(NH::VirtualAppliance, model::NoneRoutesRemoval::Never) << "V/S"
        << QStringList{QStringLiteral("10.1.0.0/16 Default VnetLocal Active"), reserved[0],
                       reserved[1], reserved[2], reserved[3],
                       QStringLiteral("0.0.0.0/0 User VirtualAppliance 10.1.0.10 Active"),
                       QStringLiteral("0.0.0.0/0 Default Internet Invalid")};
    {
        Builder b;
        b.vnet("HubA", "10.0.0.0/16", "regionA")
            .subnet("HubA", "S", "10.0.0.0/24")
            .vnet("Z", "10.50.0.0/16", "regionB")
            .subnet("Z", "S", "10.50.0.0/24")
            .vnet("Near", "10.60.0.0/16", "regionA")
            .subnet("Near", "S", "10.60.0.0/24")
            .peer("HubA", "Z")
            .peer("HubA", "Near");
        QTest::newRow("R3.1/TC23: peering routes, global across regions")
            << b.d << "HubA/S"
            << QStringList{QStringLiteral("10.0.0.0/16 Default VnetLocal Active"),
                           QStringLiteral("10.50.0.0/16 Default VNetGlobalPeering Active"),
                           QStringLiteral("10.60.0.0/16 Default VNetPeering Active"), reserved[0],
                           reserved[1], reserved[2], reserved[3], internet};
        b.d.peerings.pop_back(); // Near → HubA gone: HubA → Near is not connected (R8.3)
        QTest::newRow("R3.1/R8.3: a one-sided peering adds no route")
            << b.d << "HubA/S"
            << QStringList{QStringLiteral("10.0.0.0/16 Default VnetLocal Active"),
                           QStringLiteral("10.50.0.0/16 Default VNetGlobalPeering Active"),
                           reserved[0], reserved[1], reserved[2], reserved[3], internet};
    }
    auto gatewayDesign = [](bool disablePropagation) {
        Builder b = hubAndSpokeWithGateway("172.16.201.0/24").site("HubGW", "onprem",
                                                                   "192.168.0.0/16");
        b.findLink("Hub", "Spoke1")->allowGatewayTransit = true;
        b.findLink("Spoke1", "Hub")->useRemoteGateways = true;
        b.table("rt-s1", disablePropagation).attach("Spoke1/Subnet1", "rt-s1");
        return b.d;
    };
    QTest::newRow("R3.2/R9.2: a transit spoke learns the site and the pool")
        << gatewayDesign(false) << "Spoke1/Subnet1"
        << QStringList{QStringLiteral("172.16.201.0/24 VirtualNetworkGateway "
                                      "VirtualNetworkGateway Active"),
                       QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                       QStringLiteral("10.1.0.0/16 Default VnetLocal Active"),
                       QStringLiteral("192.168.0.0/16 VirtualNetworkGateway "
                                      "VirtualNetworkGateway Active"),
                       QStringLiteral("192.168.0.0/16 Default None Invalid"), // R5.2
                       reserved[1], reserved[2], reserved[3], internet};
    QTest::newRow("R3.3: propagation disabled removes the gateway routes")
        << gatewayDesign(true) << "Spoke1/Subnet1"
        << QStringList{QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                       QStringLiteral("10.1.0.0/16 Default VnetLocal Active"), reserved[0],
                       reserved[1], reserved[2], reserved[3], internet};
    QTest::newRow("R9.2: a spoke without transit does not learn the pool")
        << gatewayDesign(false) << "Spoke2/Subnet2"
        << QStringList{QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                       QStringLiteral("10.2.0.0/16 Default VnetLocal Active"), reserved[0],
                       reserved[1], reserved[2], reserved[3], internet};
    {
        Builder b = hubAndSpokeWithGateway().site("HubGW", "onprem", "10.1.5.0/24");
        QTest::newRow("R5.4/TC10: a BGP route inside a peering route is Invalid")
            << b.d << "Hub/HubVM"
            << QStringList{QStringLiteral("10.1.5.0/24 VirtualNetworkGateway "
                                          "VirtualNetworkGateway Invalid"),
                           QStringLiteral("10.0.0.0/16 Default VnetLocal Active"),
                           QStringLiteral("10.1.0.0/16 Default VNetPeering Active"),
                           QStringLiteral("10.2.0.0/16 Default VNetPeering Active"), reserved[0],
                           reserved[1], reserved[2], reserved[3], internet};
    }
    {
        Builder b = hubAndSpoke()
                        .table("rt-hub")
                        .route("rt-hub", "spoke1-fw", "10.1.0.0/16", NH::VirtualAppliance,
                               "10.0.1.4")
                        .attach("Hub/HubVM", "rt-hub");
        const QStringList hubVm{QStringLiteral("10.0.0.0/16 Default VnetLocal Active"),
                                QStringLiteral("10.1.0.0/16 User VirtualAppliance 10.0.1.4 Active"),
                                QStringLiteral("10.1.0.0/16 Default VNetPeering Invalid"),
                                QStringLiteral("10.2.0.0/16 Default VNetPeering Active"),
                                reserved[0], reserved[1], reserved[2], reserved[3], internet};
        QTest::newRow("R5.2/R5.5/TC08: a same-prefix UDR invalidates the peering route")
            << b.d << "Hub/HubVM" << hubVm;
        QTest::newRow("R5.5: other subnets keep the system route")
            << b.d << "Hub/AzureFirewallSubnet"
            << QStringList{QStringLiteral("10.0.0.0/16 Default VnetLocal Active"),
                           QStringLiteral("10.1.0.0/16 Default VNetPeering Active"),
                           QStringLiteral("10.2.0.0/16 Default VNetPeering Active"), reserved[0],
                           reserved[1], reserved[2], reserved[3], internet};
    }
    QTest::newRow("TC14: a UDR to an address nobody owns is still Active")
        << hubAndSpoke()
               .table("rt-s1")
               .route("rt-s1", "default-nowhere", "0.0.0.0/0", NH::VirtualAppliance, "10.0.9.9")
               .attach("Spoke1/Subnet1", "rt-s1")
               .d
        << "Spoke1/Subnet1"
        << QStringList{QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                       QStringLiteral("10.1.0.0/16 Default VnetLocal Active"),
                       QStringLiteral("0.0.0.0/0 User VirtualAppliance 10.0.9.9 Active"),
                       QStringLiteral("0.0.0.0/0 Default Internet Invalid")};
    {
        // Issue 12, 2: both gateways of a coexistence hub add their routes.
        Builder b = hubAndSpokeWithGateway()
                        .site("HubGW", "branch", "192.168.0.0/16")
                        .gateway("ErGW", "Hub", nullptr, model::GatewayType::ExpressRoute)
                        .site("ErGW", "datacenter", "10.200.0.0/16");
        QTest::newRow("R5.9 Gs: a VPN and an ExpressRoute gateway side by side both add routes")
            << b.d << "Hub/HubVM"
            << QStringList{QStringLiteral("10.0.0.0/16 Default VnetLocal Active"),
                           QStringLiteral("10.1.0.0/16 Default VNetPeering Active"),
                           QStringLiteral("10.2.0.0/16 Default VNetPeering Active"),
                           QStringLiteral("10.200.0.0/16 VirtualNetworkGateway "
                                          "VirtualNetworkGateway Active"),
                           QStringLiteral("192.168.0.0/16 VirtualNetworkGateway "
                                          "VirtualNetworkGateway Active"),
                           QStringLiteral("192.168.0.0/16 Default None Invalid"), reserved[1],
                           reserved[2], reserved[3], internet};
    }
    QTest::newRow("TC-JP2: Subnet-b of the seed design")
        << seed().d << "Spoke-Vnet-b/Subnet-b"
        << QStringList{QStringLiteral("172.16.16.0/24 User VirtualAppliance 10.0.1.4 Active"),
                       QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                       QStringLiteral("10.2.0.0/16 Default VnetLocal Active"),
                       QStringLiteral("0.0.0.0/0 User Internet Active"),
                       QStringLiteral("0.0.0.0/0 Default Internet Invalid")};
    QTest::newRow("TC-JP1: Spoke-Vnet-a's GatewaySubnet of the seed design")
        << seed().d << "Spoke-Vnet-a/GatewaySubnet"
        << QStringList{QStringLiteral("172.16.16.0/24 VirtualNetworkGateway "
                                      "VirtualNetworkGateway Active"),
                       QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                       QStringLiteral("10.1.0.0/16 Default VnetLocal Active"),
                       QStringLiteral("192.168.0.0/16 VirtualNetworkGateway "
                                      "VirtualNetworkGateway Active"),
                       QStringLiteral("0.0.0.0/0 User VirtualAppliance 10.1.1.4 Active"),
                       QStringLiteral("0.0.0.0/0 Default Internet Invalid")};
}

void TestEffectiveRoutes::routes()
{
    QFETCH(model::Design, design);
    QFETCH(QString, subnet);
    QFETCH(QStringList, expected);
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const int index = network.subnetIndex(subnet);
    QVERIFY(index >= 0);
    QCOMPARE(describe(routes.forSubnet(index)), expected);
}

void TestEffectiveRoutes::longestPrefixMatch_data()
{
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("expectedPrefix");
    QTest::newRow("R5.1: the /24 wins inside it") << "10.0.0.5" << "10.0.0.0/24";
    QTest::newRow("R5.1: the /16 outside the /24") << "10.0.1.5" << "10.0.0.0/16";
    QTest::newRow("R5.3: a shorter UDR loses to a longer system route") << "10.1.0.9"
                                                                        << "10.1.0.0/16";
    QTest::newRow("R5.1: 0/0 catches the rest") << "8.8.8.8" << "0.0.0.0/0";
}

void TestEffectiveRoutes::longestPrefixMatch()
{
    QFETCH(QString, destination);
    QFETCH(QString, expectedPrefix);
    Builder b;
    b.vnet("V", "10.0.0.0/16")
        .subnet("V", "S", "10.0.0.0/24", "rt")
        .vnet("P", "10.1.0.0/16")
        .subnet("P", "S", "10.1.0.0/24")
        .peer("V", "P")
        .table("rt")
        .route("rt", "local", "10.0.0.0/24", model::NextHopType::VnetLocal)
        .route("rt", "default", "0.0.0.0/0", model::NextHopType::VirtualAppliance, "10.0.0.10");
    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const auto *route = routes.forSubnet(0).nextHop(*net::Ipv4Address::parse(destination));
    QVERIFY(route);
    QCOMPARE(route->addressPrefix.toString(), expectedPrefix);
}

void TestEffectiveRoutes::reusesOnlyWhatAnEditLeftAlone_data()
{
    // The seed (without its typo) has five tables: two in the hub, two in Spoke-Vnet-a (whose
    // vpngw-a serves it), one in Spoke-Vnet-b. Each row edits it and says how many tables the
    // routes built on the seed's must compute again: those whose inputs the edit changed.
    QTest::addColumn<model::Design>("after");
    QTest::addColumn<int>("computed");
    using NH = model::NextHopType;
    const auto edited = [](auto edit) {
        Builder b = seed(false);
        edit(b);
        return b.d;
    };
    QTest::newRow("nothing changed: every table reused") << seed(false).d << 0;
    QTest::newRow("R4.1: a route added to rt-b")
        << edited([&](Builder &b) { b.route("rt-b", "extra", "10.9.0.0/16", NH::None); }) << 1;
    QTest::newRow("R4.1: a route's next hop changed") << edited([](Builder &b) {
        b.d.routeTable(QStringLiteral("rt-b"))->routes.front().nextHopType = NH::None;
    }) << 1;
    QTest::newRow("R3.2: rt-a-gw stops BGP propagation") << edited([](Builder &b) {
        b.d.routeTable(QStringLiteral("rt-a-gw"))->disableBgpRoutePropagation = true;
    }) << 1;
    QTest::newRow("R4.1: Subnet-b loses its table")
        << edited([](Builder &b) { b.attach("Spoke-Vnet-b/Subnet-b", ""); }) << 1;
    QTest::newRow("R3.1: one direction of hub–b deleted: the hub and b") << edited([](Builder &b) {
        std::erase_if(b.d.peerings, [](const model::Peering &p) {
            return p.from == QLatin1String("Spoke-Vnet-b");
        });
    }) << 3;
    QTest::newRow("R3.1: b's address space grows: b and its peer, the hub")
        << edited([](Builder &b) {
               b.d.vnet(QStringLiteral("Spoke-Vnet-b"))
                   ->addressSpace.push_back(prefix("10.20.0.0/16"));
           })
        << 3;
    QTest::newRow("R11.2: b moves region: b and the hub (global peering)")
        << edited([](Builder &b) {
               b.d.vnet(QStringLiteral("Spoke-Vnet-b"))->region = QStringLiteral("japanwest");
           })
        << 3;
    QTest::newRow("R3.3: a site added to vpngw-a: the VNet it serves")
        << edited([](Builder &b) { b.site("vpngw-a", "osaka-office", "192.169.0.0/16"); }) << 2;
    QTest::newRow("R9.2: vpngw-a's P2S pool changed: the VNet it serves") << edited([](Builder &b) {
        b.d.gateways.front().vpnClientAddressPool = {prefix("172.16.17.0/24")};
    }) << 2;
    QTest::newRow("R3.2: the hub starts using vpngw-a: the hub") << edited([](Builder &b) {
        b.findLink("HUB-Vnet-A", "Spoke-Vnet-a")->useRemoteGateways = true;
        b.findLink("Spoke-Vnet-a", "HUB-Vnet-A")->allowGatewayTransit = true;
    }) << 2;
    QTest::newRow("R2.5: the None-removal setting changed: all") << edited([](Builder &b) {
        b.d.settings.noneRoutesRemovedByDefaultUdr = model::NoneRoutesRemoval::Never;
    }) << 5;
    QTest::newRow("a VNet inserted first: every index moved, all computed")
        << edited([](Builder &b) {
               b.vnet("New", "10.50.0.0/16").subnet("New", "S", "10.50.0.0/24");
               std::rotate(b.d.vnets.begin(), b.d.vnets.end() - 1, b.d.vnets.end());
           })
        << 6;
}

void TestEffectiveRoutes::reusesOnlyWhatAnEditLeftAlone()
{
    QFETCH(model::Design, after);
    QFETCH(int, computed);
    const model::Design before = seed(false).d;
    auto previousNetwork = std::make_unique<model::Network>(before);
    auto previous = std::make_unique<routing::EffectiveRoutes>(*previousNetwork);
    const model::Network network(after);
    const routing::EffectiveRoutes reusing(network, previous.get());
    const routing::EffectiveRoutes full(network);
    QCOMPARE(full.tablesReused(), 0);
    QCOMPARE(reusing.tablesComputed(), computed);
    QCOMPARE(reusing.tablesReused() + reusing.tablesComputed(), full.tablesComputed());
    // What was taken outlives what it was taken from, and equals a computation from scratch:
    // every field of every route.
    previous.reset();
    previousNetwork.reset();
    for (int s = 0; s < int(network.subnets().size()); ++s) {
        QCOMPARE(describe(reusing.forSubnet(s)), describe(full.forSubnet(s)));
        QVERIFY2(reusing.forSubnet(s) == full.forSubnet(s),
                 qPrintable(network.subnets()[size_t(s)].qualifiedName));
    }
}

QTEST_GUILESS_MAIN(TestEffectiveRoutes)
#include "tst_effectiveroutes.moc"
