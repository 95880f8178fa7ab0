// The model edits the app offers (core/edit) and where new objects go on the drawing
// (core/layout/FreeSpot), tested on plain designs: no window, no scene.

#include "TestDesigns.h"

#include "edit/DesignDiff.h"
#include "edit/DesignEdits.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "layout/AutoLayout.h"
#include "layout/FreeSpot.h"
#include "model/ObjectId.h"

#include <QtTest>

#include <algorithm>
#include <functional>

using namespace hopscope;
using namespace testdesigns;
using model::ObjectId;

// An edit applied to a copy of the row's design; returns what the edit answered (an id, a
// route, "error: ...").
using Edit = std::function<QString(Design &)>;
// What a row looks at after the edit, in words.
using Probe = std::function<QString(const Design &)>;

Q_DECLARE_METATYPE(hopscope::model::Design)
Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(Probe)

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QString answer(const ObjectId &id, const QString &error)
{
    return id.isNull() ? QStringLiteral("error: ") + error : id.toString();
}

// "NAME PREFIX [TABLE], ..." in the VNet's order.
Probe subnetsOf(const char *vnet)
{
    return [vnet = s(vnet)](const Design &d) {
        QStringList parts;
        if (const Vnet *v = d.vnet(vnet)) {
            for (const Subnet &sub : v->subnets)
                parts << (sub.name + u' ' + sub.addressPrefix.toString() +
                          (sub.routeTable.isEmpty() ? QString() : u' ' + sub.routeTable));
        }
        return parts.join(QStringLiteral(", "));
    };
}

// "NAME ROLE SPACE [SUBNETS] @X,Y" (or "unplaced").
Probe vnetText(const char *name)
{
    return [name = s(name)](const Design &d) {
        const Vnet *v = d.vnet(name);
        if (!v)
            return QStringLiteral("no VNet");
        QStringList space, subnets;
        for (const Prefix &p : v->addressSpace)
            space << p.toString();
        for (const Subnet &sub : v->subnets)
            subnets << sub.name + u' ' + sub.addressPrefix.toString();
        const LayoutPoint *at = d.layoutPoint(name);
        return QStringLiteral("%1 %2 %3 [%4] %5")
            .arg(name, model::toString(v->role), space.join(u','), subnets.join(QStringLiteral(", ")),
                 at ? QStringLiteral("@%1,%2").arg(at->x).arg(at->y) : QStringLiteral("unplaced"));
    };
}

QString ipText(const std::optional<Ipv4Address> &ip)
{
    return ip ? ip->toString() : QStringLiteral("default");
}

Probe deviceText(const char *name)
{
    return [name = s(name)](const Design &d) -> QString {
        if (const Firewall *fw = d.firewall(name))
            return QStringLiteral("firewall in %1 at %2").arg(fw->subnet, ipText(fw->privateIp));
        if (const Gateway *gw = d.gateway(name)) {
            QStringList pool, sites;
            for (const Prefix &p : gw->vpnClientAddressPool)
                pool << p.toString();
            for (const LocalNetwork &site : gw->localNetworks)
                sites << site.name + u' ' + site.addressPrefixes.front().toString();
            return QStringLiteral("gateway in %1, pool [%2], sites [%3]")
                .arg(gw->vnet, pool.join(u','), sites.join(QStringLiteral(", ")));
        }
        if (const Vm *vm = d.vm(name)) {
            QString text = QStringLiteral("VM in %1 at %2").arg(vm->subnet, ipText(vm->privateIp));
            if (vm->enableIPForwarding)
                text += QStringLiteral(", forwarding");
            if (vm->stateful)
                text += QStringLiteral(", stateful");
            if (vm->proxy)
                text += QStringLiteral(", proxy on %1").arg(vm->proxy->port);
            return text + u", " + model::toString(vm->outbound);
        }
        if (const Client *c = d.client(name))
            return QStringLiteral("client of %1 at %2%3")
                .arg(c->gateway, ipText(c->ip),
                     c->useProxy ? QStringLiteral(" via ") + c->useProxy->vm : QString());
        return QStringLiteral("none");
    };
}

// Every peering direction with the flags it has on.
QString peeringsText(const Design &d)
{
    QStringList parts;
    for (const Peering &p : d.peerings) {
        QString text = p.from + QStringLiteral("→") + p.to;
        if (!p.allowVirtualNetworkAccess)
            text += QStringLiteral(" no-access");
        if (p.allowForwardedTraffic)
            text += QStringLiteral(" forwarded");
        if (p.allowGatewayTransit)
            text += QStringLiteral(" transit");
        if (p.useRemoteGateways)
            text += QStringLiteral(" remote");
        parts << text;
    }
    return parts.join(QStringLiteral("; "));
}

// Every named object of the design, sorted: what a remove left.
QString namesText(const Design &d)
{
    QStringList names;
    for (const Vnet &v : d.vnets) {
        names << v.name;
        for (const Subnet &sub : v.subnets)
            names << model::qualifiedSubnetName(v.name, sub.name);
    }
    for (const RouteTable &t : d.routeTables)
        names << t.name;
    for (const Firewall &f : d.firewalls)
        names << f.name;
    for (const Gateway &g : d.gateways) {
        names << g.name;
        for (const LocalNetwork &site : g.localNetworks)
            names << site.name;
    }
    for (const Vm &vm : d.vms)
        names << vm.name;
    for (const Client &c : d.clients)
        names << c.name;
    names.sort();
    return names.join(u' ');
}

QString intentsText(const Design &d)
{
    QStringList parts;
    for (const Intent &i : d.intents)
        parts << i.from + QStringLiteral("→") + i.to;
    return parts.join(QStringLiteral("; "));
}

QString layoutText(const Design &d)
{
    QStringList parts;
    for (const LayoutPoint &p : d.layout)
        parts << QStringLiteral("%1@%2,%3").arg(p.name).arg(p.x).arg(p.y);
    return parts.join(QStringLiteral("; "));
}

QString routeText(const Route &r)
{
    return QStringLiteral("%1 %2 %3%4")
        .arg(r.name.isEmpty() ? QStringLiteral("(unnamed)") : r.name, r.addressPrefix.toString(),
             model::toString(r.nextHopType),
             r.nextHopIpAddress ? u' ' + r.nextHopIpAddress->toString() : QString());
}

Intent intent(const char *from, const char *to)
{
    Intent i;
    i.from = s(from);
    i.to = s(to);
    return i;
}

// Two VNets of `roles` peered both ways with Azure's defaults (no forwarded traffic).
Builder pair(VnetRole first = VnetRole::Hub, VnetRole second = VnetRole::Spoke)
{
    Builder b;
    b.vnet("Hub", "10.0.0.0/16", "", first)
        .subnet("Hub", "GatewaySubnet", "10.0.0.0/27")
        .vnet("Spoke", "10.1.0.0/16", "", second)
        .subnet("Spoke", "work", "10.1.0.0/24")
        .link("Hub", "Spoke", false)
        .link("Spoke", "Hub", false);
    return b;
}

} // namespace

class TestEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void objectIds_data();
    void objectIds();
    void numberedName_data();
    void numberedName();
    void uniqueName_data();
    void uniqueName();
    void whyNotName_data();
    void whyNotName();
    void nextFreeAddressSpace_data();
    void nextFreeAddressSpace();
    void freeSubnetPrefix_data();
    void freeSubnetPrefix();
    void adders_data();
    void adders();
    void suggestedRoute_data();
    void suggestedRoute();
    void nextHopCandidates_data();
    void nextHopCandidates();
    void subnetsForVms_data();
    void subnetsForVms();
    void takesNextHopIp_data();
    void takesNextHopIp();
    void addPeering_data();
    void addPeering();
    void rename_data();
    void rename();
    void remove_data();
    void remove();
    void setProxy_data();
    void setProxy();
    void applyHubSpokeSettings_data();
    void applyHubSpokeSettings();
    void describe_data();
    void describe();
    void diffDesigns_data();
    void diffDesigns();
    void followEndpoint_data();
    void followEndpoint();
    void nearestFreeSpot_data();
    void nearestFreeSpot();
    void positionsBesideSaved_data();
    void positionsBesideSaved();

    // Issue 16.
    void subnetPrefixCarriesDevices_data();
    void subnetPrefixCarriesDevices();
    void relativePathsRebased_data();
    void relativePathsRebased();
    void copyAndPaste_data();
    void copyAndPaste();
    void clipboardTextRefused_data();
    void clipboardTextRefused();

private:
    // The shared columns of the rows that edit a design: the design, the edit, what to look at
    // after it, and what the edit answered and the probe says.
    static void editColumns();
    static void runEdit();
};

void TestEdits::editColumns()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<Probe>("probe");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("state");
}

void TestEdits::runEdit()
{
    QFETCH(Design, design);
    QFETCH(Edit, edit);
    QFETCH(Probe, probe);
    QFETCH(QString, answer);
    QFETCH(QString, state);
    QCOMPARE(edit(design), answer);
    QCOMPARE(probe(design), state);
}

// ---- ids

void TestEdits::objectIds_data()
{
    QTest::addColumn<ObjectId>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::newRow("a top-level name") << ObjectId::object(s("hub-1")) << s("hub-1")
                                      << int(ObjectId::Kind::Object);
    QTest::newRow("a subnet reads as VNET/SUBNET")
        << ObjectId::subnet(s("hub-1"), s("GatewaySubnet")) << s("hub-1/GatewaySubnet")
        << int(ObjectId::Kind::Subnet);
    QTest::newRow("a peering is the same either way round")
        << ObjectId::peering(s("spoke-1"), s("hub-1")) << s("peering:hub-1|spoke-1")
        << int(ObjectId::Kind::Peering);
    QTest::newRow("a client's tunnel") << ObjectId::tunnel(s("remote-pc")) << s("tunnel:remote-pc")
                                       << int(ObjectId::Kind::Tunnel);
    QTest::newRow("a site's link") << ObjectId::siteLink(s("tokyo")) << s("link:tokyo")
                                   << int(ObjectId::Kind::SiteLink);
    QTest::newRow("nothing: the design") << ObjectId() << QString() << int(ObjectId::Kind::None);
}

void TestEdits::objectIds()
{
    QFETCH(ObjectId, id);
    QFETCH(QString, text);
    QFETCH(int, kind);
    QCOMPARE(int(id.kind()), kind);
    QCOMPARE(id.toString(), text);
    QCOMPARE(ObjectId::parse(text), id);
    QCOMPARE(qHash(ObjectId::parse(text)), qHash(id));
    if (id.is(ObjectId::Kind::Peering)) {
        QCOMPARE(ObjectId::peering(id.peers().second, id.peers().first), id);
        QVERIFY(ObjectId::parse(s("peering:only-one")).isNull());
    }
}

// ---- names and address ranges

void TestEdits::numberedName_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("name");
    QTest::newRow("empty design: numbered from 1") << Design() << s("hub") << s("hub-1");
    QTest::newRow("hub-1 taken: hub-2")
        << Builder().vnet("hub-1", "10.0.0.0/16").d << s("hub") << s("hub-2");
    QTest::newRow("a gap is reused: vm-1 while vm-2 exists")
        << Builder().vnet("V", "10.0.0.0/16").subnet("V", "s", "10.0.0.0/24")
               .vm("vm-2", "V/s", "10.0.0.4").d
        << s("vm") << s("vm-1");
    QTest::newRow("a site's name is taken")
        << hubAndSpokeWithGateway().site("HubGW", "onprem-1", "192.168.0.0/24").d << s("onprem")
        << s("onprem-2");
    QTest::newRow("a route table's name is taken")
        << Builder().table("rt-1").d << s("rt") << s("rt-2");
    QTest::newRow("a client's name is taken")
        << hubAndSpokeWithGateway("172.16.0.0/24").client("client-1", "HubGW", "172.16.0.2").d
        << s("client") << s("client-2");
}

void TestEdits::numberedName()
{
    QFETCH(Design, design);
    QFETCH(QString, base);
    QFETCH(QString, name);
    QCOMPARE(edit::numberedName(design, base), name);
}

void TestEdits::uniqueName_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("name");
    QTest::newRow("a free base is kept") << hubAndSpoke().d << s("fw-hub") << s("fw-hub");
    QTest::newRow("a taken base gets -2") << hubAndSpoke().d << s("FW") << s("FW-2");
    QTest::newRow("-2 taken too: -3")
        << hubAndSpoke().vm("FW-2", "Hub/HubVM", "10.0.3.9").d << s("FW") << s("FW-3");
    QTest::newRow("Internet is reserved") << Design() << s("Internet") << s("Internet-2");
    QTest::newRow("an NSG's name is taken (shared namespace)")
        << hubAndSpoke().edit([](Design &d) { d.networkSecurityGroups = {{s("nsg-a")}}; }).d
        << s("nsg-a") << s("nsg-a-2");
}

void TestEdits::uniqueName()
{
    QFETCH(Design, design);
    QFETCH(QString, base);
    QFETCH(QString, name);
    QCOMPARE(edit::uniqueName(design, base), name);
}

void TestEdits::whyNotName_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("why");
    QTest::newRow("its own name") << s("Hub") << s("Hub") << QString();
    QTest::newRow("a free name") << s("Spoke1") << s("Spoke9") << QString();
    QTest::newRow("a space is not a name character")
        << s("Hub") << s("my hub")
        << s("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
    QTest::newRow("Internet is reserved") << s("Hub") << s("Internet") << s("'Internet' is reserved.");
    QTest::newRow("a name another kind uses")
        << s("Hub") << s("FW") << s("The name FW is already used in this design.");
    QTest::newRow("subnet: another VNet's subnet name is fine")
        << s("Spoke1/Subnet1") << s("Subnet2") << QString();
    QTest::newRow("subnet: a device's name is fine (subnets have their own namespace)")
        << s("Spoke1/Subnet1") << s("VM1") << QString();
    QTest::newRow("subnet: a sibling's name is refused")
        << s("Hub/HubVM") << s("AzureFirewallSubnet")
        << s("Hub already has a subnet named AzureFirewallSubnet.");
    QTest::newRow("subnet: its own name") << s("Hub/HubVM") << s("HubVM") << QString();
}

void TestEdits::whyNotName()
{
    QFETCH(QString, object);
    QFETCH(QString, name);
    QFETCH(QString, why);
    QCOMPARE(edit::whyNotName(hubAndSpoke().d, ObjectId::parse(object), name), why);
}

void TestEdits::nextFreeAddressSpace_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("space");
    QTest::newRow("empty design: 10.0.0.0/16") << Design() << s("10.0.0.0/16");
    QTest::newRow("T-HS: after its three /16s") << hubAndSpoke().d << s("10.3.0.0/16");
    QTest::newRow("a /15 covers two") << Builder().vnet("A", "10.0.0.0/15").d << s("10.2.0.0/16");
    QTest::newRow("a gap is reused")
        << Builder().vnet("A", "10.0.0.0/16").vnet("B", "10.2.0.0/16").d << s("10.1.0.0/16");
    QTest::newRow("10.0.0.0/8 taken: none") << Builder().vnet("A", "10.0.0.0/8").d << QString();
}

void TestEdits::nextFreeAddressSpace()
{
    QFETCH(Design, design);
    QFETCH(QString, space);
    const std::optional<Prefix> found = edit::nextFreeAddressSpace(design);
    QCOMPARE(found ? found->toString() : QString(), space);
}

void TestEdits::freeSubnetPrefix_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("vnet");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("hub /24: below its firewall subnet") << hubAndSpoke().d << s("Hub") << 24
                                                      << s("10.0.0.0/24");
    QTest::newRow("spoke /24: after its subnet") << hubAndSpoke().d << s("Spoke1") << 24
                                                 << s("10.1.1.0/24");
    QTest::newRow("/26 beside a /26")
        << Builder().vnet("V", "10.5.0.0/24").subnet("V", "a", "10.5.0.0/26").d << s("V") << 26
        << s("10.5.0.64/26");
    QTest::newRow("the second address space when the first is full")
        << Builder()
               .vnet("V", "10.5.0.0/24")
               .edit([](Design &d) { d.vnets[0].addressSpace.push_back(prefix("10.6.0.0/24")); })
               .subnet("V", "a", "10.5.0.0/24")
               .d
        << s("V") << 24 << s("10.6.0.0/24");
    QTest::newRow("longer than the space: none") << hubAndSpoke().d << s("Spoke1") << 8 << QString();
    QTest::newRow("full VNet: none")
        << Builder().vnet("V", "10.5.0.0/24").subnet("V", "a", "10.5.0.0/24").d << s("V") << 24
        << QString();
}

void TestEdits::freeSubnetPrefix()
{
    QFETCH(Design, design);
    QFETCH(QString, vnet);
    QFETCH(int, length);
    QFETCH(QString, prefix);
    const std::optional<Prefix> found = edit::freeSubnetPrefix(*design.vnet(vnet), length);
    QCOMPARE(found ? found->toString() : QString(), prefix);
}

// ---- adders

void TestEdits::adders_data()
{
    editColumns();
    auto vnet = [](VnetRole role, std::optional<QPointF> at = std::nullopt) -> Edit {
        return [=](Design &d) {
            QString error;
            return answer(edit::addVnet(d, role, at, &error), error);
        };
    };
    auto into = [](auto adder, const char *vnetName) -> Edit {
        return [=](Design &d) {
            QString error;
            return answer(adder(d, s(vnetName), &error), error);
        };
    };
    auto vm = [](const char *target, layout::DeviceKind kind) -> Edit {
        return [=](Design &d) {
            QString error;
            return answer(edit::addVm(d, ObjectId::parse(s(target)), kind, &error), error);
        };
    };
    auto point = [](auto adder, const char *gateway, std::optional<QPointF> at) -> Edit {
        return [=](Design &d) {
            QString error;
            return answer(adder(d, s(gateway), at, &error), error);
        };
    };
    const auto addSubnet = edit::addSubnet;
    const auto addFirewall = edit::addFirewall;
    const auto addGateway = edit::addGateway;
    const auto addClient = edit::addClient;
    const auto addSite = edit::addSite;

    QTest::newRow("hub VNet: the next free /16, no subnet, placed where asked (rounded)")
        << Design() << vnet(VnetRole::Hub, QPointF(10.4, 20.6)) << vnetText("hub-1") << s("hub-1")
        << s("hub-1 hub 10.0.0.0/16 [] @10,21");
    QTest::newRow("spoke VNet: a workload /24 at the start of its /16, no layout entry")
        << hubAndSpoke().d << vnet(VnetRole::Spoke) << vnetText("spoke-1") << s("spoke-1")
        << s("spoke-1 spoke 10.3.0.0/16 [workload 10.3.0.0/24] unplaced");
    QTest::newRow("VNet: every 10.x/16 taken")
        << Builder().vnet("A", "10.0.0.0/8").d << vnet(VnetRole::Hub) << vnetText("hub-1")
        << s("error: Every 10.x.0.0/16 is taken.") << s("no VNet");
    QTest::newRow("subnet: subnet-1 in the first free /24")
        << hubAndSpoke().d << into(addSubnet, "Spoke1") << subnetsOf("Spoke1")
        << s("Spoke1/subnet-1") << s("Subnet1 10.1.0.0/24, subnet-1 10.1.1.0/24");
    QTest::newRow("subnet: numbered past the taken subnet-1")
        << Builder().vnet("V", "10.5.0.0/16").subnet("V", "subnet-1", "10.5.0.0/24").d
        << into(addSubnet, "V") << subnetsOf("V") << s("V/subnet-2")
        << s("subnet-1 10.5.0.0/24, subnet-2 10.5.1.0/24");
    QTest::newRow("subnet: outside any VNet")
        << hubAndSpoke().d << into(addSubnet, "nowhere") << subnetsOf("nowhere")
        << s("error: Drop a subnet into a VNet.") << QString();
    QTest::newRow("firewall: creates AzureFirewallSubnet /26 (R7.2) and takes its .4")
        << hubAndSpoke().d << into(addFirewall, "Spoke1")
        << Probe([](const Design &d) -> QString {
               return subnetsOf("Spoke1")(d) + u" | " + deviceText("fw-spoke1")(d);
           })
        << s("fw-spoke1")
        << s("Subnet1 10.1.0.0/24, AzureFirewallSubnet 10.1.1.0/26 | firewall in "
             "Spoke1/AzureFirewallSubnet at 10.1.1.4");
    QTest::newRow("firewall: a second one in an existing AzureFirewallSubnet takes the next host")
        << hubAndSpoke().d << into(addFirewall, "Hub") << deviceText("fw-hub") << s("fw-hub")
        << s("firewall in Hub/AzureFirewallSubnet at 10.0.1.5");
    QTest::newRow("firewall: no room for a /26")
        << Builder().vnet("V", "10.5.0.0/24").subnet("V", "a", "10.5.0.0/24").d
        << into(addFirewall, "V") << subnetsOf("V")
        << s("error: V has no free /26 for its AzureFirewallSubnet.") << s("a 10.5.0.0/24");
    QTest::newRow("gateway: creates GatewaySubnet /27 (R7.1)")
        << hubAndSpoke().d << into(addGateway, "Spoke1")
        << Probe([](const Design &d) -> QString {
               return subnetsOf("Spoke1")(d) + u" | " + deviceText("vpngw-spoke1")(d);
           })
        << s("vpngw-spoke1")
        << s("Subnet1 10.1.0.0/24, GatewaySubnet 10.1.1.0/27 | gateway in Spoke1, pool [], sites []");
    QTest::newRow("gateway: one per VNet")
        << hubAndSpokeWithGateway().d << into(addGateway, "Hub") << Probe(namesText)
        << s("error: Hub already has a gateway.") << namesText(hubAndSpokeWithGateway().d);
    QTest::newRow("VM: into the VNet's first ordinary subnet, the next free host")
        << hubAndSpoke().d << vm("Hub", layout::DeviceKind::Vm) << deviceText("vm-1") << s("vm-1")
        << s("VM in Hub/HubVM at 10.0.3.5, defaultAccess");
    QTest::newRow("VM: dropped on AzureFirewallSubnet goes to an ordinary subnet")
        << hubAndSpoke().d << vm("Hub/AzureFirewallSubnet", layout::DeviceKind::Vm)
        << deviceText("vm-1") << s("vm-1") << s("VM in Hub/HubVM at 10.0.3.5, defaultAccess");
    QTest::newRow("VM: a VNet without an ordinary subnet gets subnet-1")
        << Builder().vnet("V", "10.5.0.0/16").subnet("V", "AzureFirewallSubnet", "10.5.0.0/26").d
        << vm("V", layout::DeviceKind::Vm) << deviceText("vm-1") << s("vm-1")
        << s("VM in V/subnet-1 at 10.5.1.4, defaultAccess");
    QTest::newRow("NVA: IP forwarding and stateful")
        << hubAndSpoke().d << vm("Spoke1/Subnet1", layout::DeviceKind::Nva) << deviceText("nva-1")
        << s("nva-1") << s("VM in Spoke1/Subnet1 at 10.1.0.5, forwarding, stateful, defaultAccess");
    QTest::newRow("proxy VM: a proxy on 3128 with a public IP")
        << hubAndSpoke().d << vm("Spoke2/Subnet2", layout::DeviceKind::Proxy)
        << deviceText("proxy-1") << s("proxy-1")
        << s("VM in Spoke2/Subnet2 at 10.2.0.5, proxy on 3128, publicIp");
    QTest::newRow("VM: outside any VNet")
        << hubAndSpoke().d << vm("nowhere", layout::DeviceKind::Vm) << deviceText("vm-1")
        << s("error: Drop a VM into a VNet or a subnet.") << s("none");
    QTest::newRow("client: a pool from 172.16.0.0/12, the first client at .2, placed")
        << hubAndSpokeWithGateway().d << point(addClient, "", QPointF(-100, 50))
        << Probe([](const Design &d) -> QString {
               return deviceText("HubGW")(d) + u" | " + deviceText("client-1")(d) + u" | " +
                      layoutText(d);
           })
        << s("client-1")
        << s("gateway in Hub, pool [172.16.0.0/24], sites [] | client of HubGW at 172.16.0.2 | "
             "client-1@-100,50");
    QTest::newRow("client: the pool's next free address")
        << hubAndSpokeWithGateway("172.16.16.0/24").client("c", "HubGW", "172.16.16.2").d
        << point(addClient, "HubGW", std::nullopt) << deviceText("client-1") << s("client-1")
        << s("client of HubGW at 172.16.16.3");
    QTest::newRow("client: no VPN gateway")
        << hubAndSpoke().d << point(addClient, "", std::nullopt) << deviceText("client-1")
        << s("error: A P2S client connects to a VPN gateway: add one first.") << s("none");
    QTest::newRow("site: the first free /24 of 192.168.0.0/16")
        << hubAndSpokeWithGateway().site("HubGW", "office", "192.168.0.0/24").d
        << point(addSite, "HubGW", std::nullopt) << deviceText("HubGW") << s("onprem-1")
        << s("gateway in Hub, pool [], sites [office 192.168.0.0/24, onprem-1 192.168.1.0/24]");
    QTest::newRow("site: no gateway")
        << hubAndSpoke().d << point(addSite, "", std::nullopt) << Probe(namesText)
        << s("error: An on-premises site is reached through a gateway: add one first.")
        << namesText(hubAndSpoke().d);
    QTest::newRow("route table: attached, named after its VNet and subnet")
        << hubAndSpoke().d
        << Edit([](Design &d) {
               return edit::addRouteTable(d, ObjectId::subnet(s("Spoke1"), s("Subnet1"))).toString();
           })
        << subnetsOf("Spoke1") << s("rt-spoke1-subnet1") << s("Subnet1 10.1.0.0/24 rt-spoke1-subnet1");
    QTest::newRow("route table: on its own, rt-1")
        << hubAndSpoke().d << Edit([](Design &d) { return edit::addRouteTable(d).toString(); })
        << Probe([](const Design &d) -> QString { return QString::number(d.routeTables.size()); }) << s("rt-1")
        << s("1");
}

void TestEdits::adders() { runEdit(); }

// ---- the next route

void TestEdits::suggestedRoute_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("route");
    QTest::newRow("workload subnet: 0/0 to the hub's firewall")
        << hubAndSpoke().table("rt-s1").attach("Spoke1/Subnet1", "rt-s1").d << s("rt-s1")
        << s("default-via-FW 0.0.0.0/0 VirtualAppliance 10.0.1.4");
    QTest::newRow("workload subnet with 0/0 already: the next VNet's range")
        << spokesThroughHubFirewall().d << s("rt-s1")
        << s("Spoke2-via-FW 10.2.0.0/16 VirtualAppliance 10.0.1.4");
    QTest::newRow("GatewaySubnet: a spoke's range, never 0/0 (L10)")
        << hubAndSpokeWithGateway().table("rt-gw").attach("Hub/GatewaySubnet", "rt-gw").d
        << s("rt-gw") << s("Spoke1-via-FW 10.1.0.0/16 VirtualAppliance 10.0.1.4");
    QTest::newRow("AzureFirewallSubnet: 0/0 to the Internet (L9)")
        << hubAndSpoke().table("rt-fw").attach("Hub/AzureFirewallSubnet", "rt-fw").d << s("rt-fw")
        << s("(unnamed) 0.0.0.0/0 Internet");
    QTest::newRow("no appliance: 0/0 to the Internet")
        << Builder().vnet("V", "10.0.0.0/16").subnet("V", "a", "10.0.0.0/24").table("rt")
               .attach("V/a", "rt").d
        << s("rt") << s("(unnamed) 0.0.0.0/0 Internet");
    QTest::newRow("no firewall: the NVA")
        << Builder().vnet("V", "10.0.0.0/16").subnet("V", "a", "10.0.0.0/24").table("rt")
               .attach("V/a", "rt").vm("nva", "V/a", "10.0.0.9", true).d
        << s("rt") << s("default-via-nva 0.0.0.0/0 VirtualAppliance 10.0.0.9");
    QTest::newRow("the firewall of a peered VNet wins over one listed first")
        << hubAndSpoke()
               .vnet("Far", "10.9.0.0/16")
               .subnet("Far", "AzureFirewallSubnet", "10.9.0.0/26")
               .edit([](Design &d) {
                   Firewall far;
                   far.name = s("far-fw");
                   far.subnet = s("Far/AzureFirewallSubnet");
                   d.firewalls.insert(d.firewalls.begin(), far);
               })
               .table("rt-s1")
               .attach("Spoke1/Subnet1", "rt-s1")
               .d
        << s("rt-s1") << s("default-via-FW 0.0.0.0/0 VirtualAppliance 10.0.1.4");
    // Issue 16: "+ Add" never proposes a prefix the table has already.
    QTest::newRow("every range routed already: an unused range, dropped, never a second 0/0")
        << spokesThroughHubFirewall()
               .route("rt-s1", "s2", "10.2.0.0/16", NextHopType::VirtualAppliance, "10.0.1.4")
               .d
        << s("rt-s1") << s("(unnamed) 10.3.0.0/16 None");
    QTest::newRow("every VNet routed: the P2S pool by the same appliance")
        << hubAndSpokeWithGateway("172.16.16.0/24")
               .table("rt-s1")
               .route("rt-s1", "d", "0.0.0.0/0", NextHopType::VirtualAppliance, "10.0.1.4")
               .route("rt-s1", "s2", "10.2.0.0/16", NextHopType::VirtualAppliance, "10.0.1.4")
               .attach("Spoke1/Subnet1", "rt-s1")
               .d
        << s("rt-s1") << s("vpn-pool-via-FW 172.16.16.0/24 VirtualAppliance 10.0.1.4");
    QTest::newRow("AzureFirewallSubnet with 0/0 already: not a second 0/0")
        << hubAndSpoke().table("rt-fw").attach("Hub/AzureFirewallSubnet", "rt-fw")
               .route("rt-fw", "internet", "0.0.0.0/0", NextHopType::Internet).d
        << s("rt-fw") << s("(unnamed) 10.3.0.0/16 None");
}

void TestEdits::suggestedRoute()
{
    QFETCH(Design, design);
    QFETCH(QString, table);
    QFETCH(QString, route);
    QCOMPARE(routeText(edit::suggestedRoute(design, table)), route);
}

void TestEdits::nextHopCandidates_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("offered");
    const Builder base = Builder().vnet("V", "10.0.0.0/16").subnet("V", "a", "10.0.0.0/24");
    QTest::newRow("an Azure Firewall at its address") << hubAndSpoke().d << s("FW 10.0.1.4 firewall");
    QTest::newRow("a plain VM is never offered (L7)")
        << Builder(base).vm("web", "V/a", "10.0.0.5").d << QString();
    QTest::newRow("an NVA at its address")
        << Builder(base).vm("nva", "V/a", "10.0.0.9", true).d << s("nva 10.0.0.9 NVA");
    QTest::newRow("a proxy VM")
        << Builder(base).vm("squid", "V/a", "10.0.0.7").edit([](Design &d) { d.vms[0].proxy = ProxyService{}; }).d
        << s("squid 10.0.0.7 proxy");
    QTest::newRow("no address given: the subnet's first usable host")
        << Builder(base).vm("nva", "V/a", "10.0.0.9", true).edit([](Design &d) { d.vms[0].privateIp.reset(); }).d
        << s("nva 10.0.0.4 NVA");
    QTest::newRow("a device in a subnet that does not exist is left out")
        << Builder(base).vm("nva", "V/gone", "10.0.0.9", true).d << QString();
}

void TestEdits::nextHopCandidates()
{
    QFETCH(Design, design);
    QFETCH(QString, offered);
    QStringList parts;
    for (const edit::NextHopCandidate &c : edit::nextHopCandidates(design)) {
        const QString kind = c.kind == layout::DeviceKind::Firewall ? s("firewall")
                             : c.kind == layout::DeviceKind::Nva    ? s("NVA")
                             : c.kind == layout::DeviceKind::Proxy  ? s("proxy")
                                                                    : s("other");
        parts << c.name + u' ' + c.address.toString() + u' ' + kind;
    }
    QCOMPARE(parts.join(QStringLiteral("; ")), offered);
}

void TestEdits::subnetsForVms_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("subnets");
    QTest::newRow("T-HS: all but AzureFirewallSubnet")
        << hubAndSpoke().d << s("Hub/HubVM Spoke1/Subnet1 Spoke2/Subnet2");
    QTest::newRow("GatewaySubnet and the other special subnets are left out (R7.1–R7.5)")
        << Builder()
               .vnet("V", "10.0.0.0/16")
               .subnet("V", "GatewaySubnet", "10.0.0.0/27")
               .subnet("V", "AzureBastionSubnet", "10.0.1.0/26")
               .subnet("V", "RouteServerSubnet", "10.0.2.0/27")
               .subnet("V", "app", "10.0.3.0/24")
               .d
        << s("V/app");
}

void TestEdits::subnetsForVms()
{
    QFETCH(Design, design);
    QFETCH(QString, subnets);
    QStringList names;
    for (const ObjectId &id : edit::subnetsForVms(design))
        names << id.qualifiedSubnet();
    QCOMPARE(names.join(u' '), subnets);
}

void TestEdits::takesNextHopIp_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("takes");
    QTest::newRow("VirtualAppliance") << int(NextHopType::VirtualAppliance) << true;
    QTest::newRow("VirtualNetworkGateway") << int(NextHopType::VirtualNetworkGateway) << false;
    QTest::newRow("VnetLocal") << int(NextHopType::VnetLocal) << false;
    QTest::newRow("Internet") << int(NextHopType::Internet) << false;
    QTest::newRow("None") << int(NextHopType::None) << false;
}

void TestEdits::takesNextHopIp()
{
    QFETCH(int, type);
    QFETCH(bool, takes);
    QCOMPARE(model::takesNextHopIp(NextHopType(type)), takes);
}

// ---- peerings

void TestEdits::addPeering_data()
{
    editColumns();
    auto peer = [](const char *a, const char *b) -> Edit {
        return [=](Design &d) {
            QString error;
            return answer(edit::addPeering(d, s(a), s(b), &error), error);
        };
    };
    const Design two = Builder().vnet("B", "10.1.0.0/16").vnet("A", "10.0.0.0/16").d;
    QTest::newRow("both directions with Azure's defaults")
        << two << peer("B", "A") << Probe(peeringsText) << s("peering:A|B") << s("B→A; A→B");
    QTest::newRow("a one-sided peering gets its other direction")
        << Builder(two).link("A", "B", true).d << peer("B", "A") << Probe(peeringsText)
        << s("peering:A|B") << s("A→B forwarded; B→A");
    QTest::newRow("already peered both ways: refused")
        << Builder(two).peer("A", "B").d << peer("A", "B") << Probe(peeringsText)
        << s("error: A and B are already peered.") << s("A→B forwarded; B→A forwarded");
    QTest::newRow("a VNet with itself: refused")
        << two << peer("A", "A") << Probe(peeringsText)
        << s("error: A peering joins two different VNets.") << QString();
    QTest::newRow("an unknown VNet: refused")
        << two << peer("A", "C") << Probe(peeringsText)
        << s("error: A peering joins two different VNets.") << QString();
}

void TestEdits::addPeering() { runEdit(); }

// ---- renames

namespace {
// One NSG on Spoke1/Subnet1 and on VM1's NIC.
void withSharedNsg(Design &d)
{
    d.networkSecurityGroups = {{s("nsg")}};
    d.subnet(s("Spoke1/Subnet1"))->networkSecurityGroup = s("nsg");
    d.vm(s("VM1"))->networkSecurityGroup = s("nsg");
}

// The NSGs, then the associations of Spoke1/Subnet1 and VM1.
QString nsgText(const Design &d)
{
    QStringList names;
    for (const model::NetworkSecurityGroup &g : d.networkSecurityGroups)
        names << g.name;
    return names.join(u' ') + u" | Spoke1/Subnet1: " +
           d.subnet(s("Spoke1/Subnet1"))->networkSecurityGroup + u", VM1: " +
           d.vm(s("VM1"))->networkSecurityGroup;
}
} // namespace

void TestEdits::rename_data()
{
    editColumns();
    auto rename = [](const char *object, const char *to) -> Edit {
        return [=](Design &d) {
            edit::rename(d, ObjectId::parse(s(object)), s(to));
            return QString();
        };
    };
    const Design ths = hubAndSpokeWithGateway("172.16.0.0/24")
                           .client("pc", "HubGW", "172.16.0.2")
                           .site("HubGW", "office", "192.168.0.0/24")
                           .table("rt")
                           .attach("Spoke1/Subnet1", "rt")
                           .attach("Spoke2/Subnet2", "rt")
                           .edit([](Design &d) {
                               d.intents = {intent("Hub/HubVM", "VM1"), intent("pc", "Spoke1/Subnet1")};
                               d.layout = {{s("Hub"), 0, 0}, {s("HubVM"), 1, 1}, {s("pc"), 5, 5}};
                           })
                           .d;
    QTest::newRow("VNet: its devices' subnet references follow")
        << ths << rename("Hub", "Core")
        << Probe([](const Design &d) -> QString {
               return deviceText("FW")(d) + u" | " + deviceText("HubVM")(d) + u" | " +
                      deviceText("HubGW")(d);
           })
        << QString()
        << s("firewall in Core/AzureFirewallSubnet at 10.0.1.4 | VM in Core/HubVM at 10.0.3.4, "
             "defaultAccess | gateway in Core, pool [172.16.0.0/24], sites [office 192.168.0.0/24]");
    QTest::newRow("VNet: peerings follow")
        << ths << rename("Hub", "Core") << Probe(peeringsText) << QString()
        << s("Core→Spoke1 forwarded; Spoke1→Core forwarded; Core→Spoke2 forwarded; "
             "Spoke2→Core forwarded");
    QTest::newRow("VNet: its layout entry follows, a VM named like it does not")
        << ths << rename("Hub", "Core") << Probe(layoutText) << QString()
        << s("Core@0,0; HubVM@1,1; pc@5,5");
    QTest::newRow("VNet: intents naming its subnets follow")
        << ths << rename("Hub", "Core") << Probe(intentsText) << QString()
        << s("Core/HubVM→VM1; pc→Spoke1/Subnet1");
    QTest::newRow("subnet: its devices and intents follow, the VNet keeps its name")
        << ths << rename("Spoke1/Subnet1", "work")
        << Probe([](const Design &d) -> QString {
               return subnetsOf("Spoke1")(d) + u" | " + deviceText("VM1")(d) + u" | " +
                      intentsText(d);
           })
        << QString()
        << s("work 10.1.0.0/24 rt | VM in Spoke1/work at 10.1.0.4, defaultAccess | "
             "Hub/HubVM→VM1; pc→Spoke1/work");
    QTest::newRow("route table: both associations follow")
        << ths << rename("rt", "rt-spokes")
        << Probe([](const Design &d) -> QString { return subnetsOf("Spoke1")(d) + u" | " + subnetsOf("Spoke2")(d); })
        << QString() << s("Subnet1 10.1.0.0/24 rt-spokes | Subnet2 10.2.0.0/24 rt-spokes");
    QTest::newRow("gateway: its clients follow")
        << ths << rename("HubGW", "gw") << deviceText("pc") << QString()
        << s("client of gw at 172.16.0.2");
    QTest::newRow("client: intents and layout follow")
        << ths << rename("pc", "laptop")
        << Probe([](const Design &d) -> QString { return intentsText(d) + u" | " + layoutText(d); })
        << QString() << s("Hub/HubVM→VM1; laptop→Spoke1/Subnet1 | Hub@0,0; HubVM@1,1; laptop@5,5");
    QTest::newRow("proxy VM: clients using it follow")
        << Builder(ths).edit([](Design &d) { d.clients[0].useProxy = ProxySetting{s("VM1"), 3128}; }).d
        << rename("VM1", "squid") << deviceText("pc") << QString()
        << s("client of HubGW at 172.16.0.2 via squid");
    QTest::newRow("site: renamed in its gateway")
        << ths << rename("office", "tokyo") << deviceText("HubGW") << QString()
        << s("gateway in Hub, pool [172.16.0.0/24], sites [tokyo 192.168.0.0/24]");
    QTest::newRow("NSG: its subnet and NIC associations follow (issue 13)")
        << Builder(ths).edit(withSharedNsg).d << rename("nsg", "nsg-spokes") << Probe(nsgText)
        << QString() << s("nsg-spokes | Spoke1/Subnet1: nsg-spokes, VM1: nsg-spokes");
}

void TestEdits::rename() { runEdit(); }

// ---- deletes

void TestEdits::remove_data()
{
    editColumns();
    auto remove = [](QStringList ids) -> Edit {
        return [=](Design &d) {
            QList<ObjectId> objects;
            for (const QString &id : ids)
                objects << ObjectId::parse(id);
            edit::remove(d, objects);
            return QString();
        };
    };
    const Design ths = hubAndSpokeWithGateway("172.16.0.0/24")
                           .client("pc", "HubGW", "172.16.0.2")
                           .site("HubGW", "office", "192.168.0.0/24")
                           .table("rt")
                           .attach("Spoke1/Subnet1", "rt")
                           .edit([](Design &d) {
                               d.intents = {intent("Hub/HubVM", "VM1"), intent("VM1", "VM2")};
                               d.layout = {{s("Hub"), 0, 0}, {s("pc"), 5, 5},
                                           {s("Internet"), 9, 9}, {s("Spoke2"), 3, 3}};
                           })
                           .d;
    QTest::newRow("VNet: its subnets, devices, gateway, clients, sites and peerings go")
        << ths << remove({s("Hub")})
        << Probe([](const Design &d) -> QString { return namesText(d) + u" | " + peeringsText(d); })
        << QString() << s("Spoke1 Spoke1/Subnet1 Spoke2 Spoke2/Subnet2 VM1 VM2 rt | ");
    QTest::newRow("VNet: intents and layout entries of what went go, the Internet's stays")
        << ths << remove({s("Hub")})
        << Probe([](const Design &d) -> QString { return intentsText(d) + u" | " + layoutText(d); })
        << QString() << s("VM1→VM2 | Internet@9,9; Spoke2@3,3");
    QTest::newRow("NSG: its subnet and NIC keep no dangling association (issue 13)")
        << Builder(ths).edit(withSharedNsg).d << remove({s("nsg")}) << Probe(nsgText) << QString()
        << s(" | Spoke1/Subnet1: , VM1: ");
    QTest::newRow("subnet: its devices go, the VNet stays")
        << ths << remove({s("Hub/AzureFirewallSubnet")})
        << Probe([](const Design &d) -> QString { return subnetsOf("Hub")(d) + u" | " + deviceText("FW")(d); })
        << QString() << s("HubVM 10.0.3.0/24, GatewaySubnet 10.0.2.0/27 | none");
    QTest::newRow("route table: its associations are cleared")
        << ths << remove({s("rt")}) << subnetsOf("Spoke1") << QString() << s("Subnet1 10.1.0.0/24");
    QTest::newRow("gateway: its clients and sites go, its VNet stays")
        << ths << remove({s("HubGW")}) << Probe(namesText) << QString()
        << s("FW Hub Hub/AzureFirewallSubnet Hub/GatewaySubnet Hub/HubVM HubVM Spoke1 "
             "Spoke1/Subnet1 Spoke2 Spoke2/Subnet2 VM1 VM2 rt");
    QTest::newRow("peering: both directions, nothing else")
        << ths << remove({ObjectId::peering(s("Spoke1"), s("Hub")).toString()})
        << Probe([](const Design &d) -> QString { return peeringsText(d) + u" | " + namesText(d); })
        << QString()
        << s("Hub→Spoke2 forwarded; Spoke2→Hub forwarded | ") + namesText(ths);
    QTest::newRow("a proxy VM: clients stop using it")
        << Builder(ths).edit([](Design &d) { d.clients[0].useProxy = ProxySetting{s("VM1"), 3128}; }).d
        << remove({s("VM1")}) << deviceText("pc") << QString() << s("client of HubGW at 172.16.0.2");
    QTest::newRow("site: only the site")
        << ths << remove({s("office")}) << deviceText("HubGW") << QString()
        << s("gateway in Hub, pool [172.16.0.0/24], sites []");
    QTest::newRow("several at once")
        << ths << remove({s("VM1"), s("Spoke2"), s("pc")}) << Probe(namesText) << QString()
        << s("FW Hub Hub/AzureFirewallSubnet Hub/GatewaySubnet Hub/HubVM HubGW HubVM Spoke1 "
             "Spoke1/Subnet1 office rt");
}

void TestEdits::remove() { runEdit(); }

// ---- a VM's proxy

void TestEdits::setProxy_data()
{
    editColumns();
    auto setProxy = [](const char *vm, bool on) -> Edit {
        return [vm = s(vm), on](Design &d) {
            edit::setProxy(d, vm, on);
            return QString();
        };
    };
    // pc uses VM1's proxy, pc2 VM2's.
    const Design proxies = hubAndSpokeWithGateway("172.16.0.0/24")
                               .client("pc", "HubGW", "172.16.0.2")
                               .client("pc2", "HubGW", "172.16.0.3")
                               .edit([](Design &d) {
                                   d.vms[1].proxy = ProxyService{3128, {}};
                                   d.vms[2].proxy = ProxyService{8080, {}};
                                   d.clients[0].useProxy = ProxySetting{s("VM1"), 3128};
                                   d.clients[1].useProxy = ProxySetting{s("VM2"), 8080};
                               })
                               .d;
    const Probe loadsBack = [](const Design &d) {
        const io::LoadResult again = io::readDesign(io::writeDesign(d), QStringLiteral("saved.yaml"));
        QStringList errors;
        for (const io::LoadError &e : again.errors)
            errors << e.toString();
        return errors.isEmpty() ? QStringLiteral("loads") : errors.join(u'\n');
    };
    QTest::newRow("off: the VM runs no proxy, its clients stop using it")
        << proxies << setProxy("VM1", false)
        << Probe([](const Design &d) -> QString { return deviceText("VM1")(d) + u" | " + deviceText("pc")(d); })
        << QString() << s("VM in Spoke1/Subnet1 at 10.1.0.4, defaultAccess | client of HubGW at 172.16.0.2");
    QTest::newRow("off: a client of another proxy keeps it")
        << proxies << setProxy("VM1", false) << deviceText("pc2") << QString()
        << s("client of HubGW at 172.16.0.3 via VM2");
    QTest::newRow("off: the saved design loads back") << proxies << setProxy("VM1", false)
                                                     << loadsBack << QString() << s("loads");
    QTest::newRow("on: a new proxy listens on 3128")
        << proxies << setProxy("HubVM", true) << deviceText("HubVM") << QString()
        << s("VM in Hub/HubVM at 10.0.3.4, proxy on 3128, defaultAccess");
    QTest::newRow("on: a proxy already on keeps its port and clients")
        << proxies << setProxy("VM2", true)
        << Probe([](const Design &d) -> QString { return deviceText("VM2")(d) + u" | " + deviceText("pc2")(d); })
        << QString() << s("VM in Spoke2/Subnet2 at 10.2.0.4, proxy on 8080, defaultAccess | client of HubGW at 172.16.0.3 via VM2");
}

void TestEdits::setProxy() { runEdit(); }

// ---- hub-and-spoke settings

void TestEdits::applyHubSpokeSettings_data()
{
    editColumns();
    auto apply = [](const char *a, const char *b) -> Edit {
        return [=](Design &d) {
            QString why, summary;
            return edit::applyHubSpokeSettings(d, s(a), s(b), &why, &summary) ? summary
                                                                             : s("error: ") + why;
        };
    };
    QTest::newRow("hub and spoke without gateway: forwarded traffic both ways")
        << pair().d << apply("Spoke", "Hub") << Probe(peeringsText)
        << s("Allows forwarded traffic both ways. Hub has no gateway, so there is no gateway "
             "transit.")
        << s("Hub→Spoke forwarded; Spoke→Hub forwarded");
    QTest::newRow("hub gateway: transit on the hub's link, remote gateways on the spoke's (R8.6)")
        << pair().gateway("gw", "Hub").d << apply("Hub", "Spoke") << Probe(peeringsText)
        << s("Allows forwarded traffic both ways. Spoke uses Hub's gateway gw (gateway transit, "
             "use remote gateways).")
        << s("Hub→Spoke forwarded transit; Spoke→Hub forwarded remote");
    QTest::newRow("Basic SKU: no transit")
        << pair().gateway("gw", "Hub").edit([](Design &d) { d.gateways[0].sku = s("Basic"); }).d
        << apply("Hub", "Spoke") << Probe(peeringsText)
        << s("Allows forwarded traffic both ways. gw is Basic SKU, which offers no gateway "
             "transit.")
        << s("Hub→Spoke forwarded; Spoke→Hub forwarded");
    QTest::newRow("L14: a spoke with a gateway of its own does not use the hub's")
        << pair().gateway("gw", "Hub").gateway("own", "Spoke").d << apply("Hub", "Spoke")
        << Probe(peeringsText)
        << s("Allows forwarded traffic both ways. Hub shares gateway gw (gateway transit); Spoke "
             "keeps its own gateway.")
        << s("Hub→Spoke forwarded transit; Spoke→Hub forwarded");
    QTest::newRow("L14: a spoke already using a remote gateway over another peering")
        << pair()
               .gateway("gw", "Hub")
               .vnet("Hub2", "10.9.0.0/16", "", VnetRole::Hub)
               .link("Spoke", "Hub2", false, false, true)
               .d
        << apply("Hub", "Spoke")
        << Probe([](const Design &d) -> QString {
               return peeringsText(d);
           })
        << s("Allows forwarded traffic both ways. Hub shares gateway gw (gateway transit); Spoke "
             "already uses a remote gateway over another peering.")
        << s("Hub→Spoke forwarded transit; Spoke→Hub forwarded; Spoke→Hub2 remote");
    QTest::newRow("a missing direction is created")
        << Builder(pair()).edit([](Design &d) { d.peerings.pop_back(); }).d
        << apply("Hub", "Spoke") << Probe(peeringsText)
        << s("Allows forwarded traffic both ways. Hub has no gateway, so there is no gateway "
             "transit.")
        << s("Hub→Spoke forwarded; Spoke→Hub forwarded");
    QTest::newRow("only turns settings on")
        << pair().edit([](Design &d) { d.peerings[0].allowGatewayTransit = true; }).d
        << apply("Hub", "Spoke") << Probe(peeringsText)
        << s("Allows forwarded traffic both ways. Hub has no gateway, so there is no gateway "
             "transit.")
        << s("Hub→Spoke forwarded transit; Spoke→Hub forwarded");
    QTest::newRow("two spokes are not a hub-spoke pair: refused, nothing changes")
        << pair(VnetRole::Spoke, VnetRole::Spoke).d << apply("Hub", "Spoke") << Probe(peeringsText)
        << s("error: Hub-and-spoke settings are for a peering between a hub VNet and a spoke VNet.")
        << s("Hub→Spoke; Spoke→Hub");
}

void TestEdits::applyHubSpokeSettings() { runEdit(); }

// ---- words and owners

void TestEdits::describe_data()
{
    QTest::addColumn<ObjectId>("id");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("vnet");
    const auto o = [](const char *name) { return ObjectId::object(s(name)); };
    QTest::newRow("nothing: the design") << ObjectId() << s("design") << QString();
    QTest::newRow("hub VNet") << o("Hub") << s("hub VNet Hub") << s("Hub");
    QTest::newRow("subnet") << ObjectId::subnet(s("Spoke1"), s("Subnet1")) << s("subnet Spoke1/Subnet1")
                            << s("Spoke1");
    QTest::newRow("peering") << ObjectId::peering(s("Spoke1"), s("Hub"))
                             << s("peering Hub ↔ Spoke1") << QString();
    QTest::newRow("firewall: its subnet's VNet") << o("FW") << s("firewall FW") << s("Hub");
    QTest::newRow("VPN gateway: its VNet") << o("HubGW") << s("VPN gateway HubGW") << s("Hub");
    QTest::newRow("NVA") << o("nva") << s("NVA nva") << s("Spoke2");
    QTest::newRow("VM") << o("VM1") << s("VM VM1") << s("Spoke1");
    QTest::newRow("P2S client: in no VNet") << o("pc") << s("P2S client pc") << QString();
    QTest::newRow("on-premises site") << o("office") << s("on-premises site office") << QString();
    QTest::newRow("the Internet") << o("Internet") << s("Internet") << QString();
}

void TestEdits::describe()
{
    QFETCH(ObjectId, id);
    QFETCH(QString, words);
    QFETCH(QString, vnet);
    const Design d = hubAndSpokeWithGateway("172.16.0.0/24")
                         .client("pc", "HubGW", "172.16.0.2")
                         .site("HubGW", "office", "192.168.0.0/24")
                         .vm("nva", "Spoke2/Subnet2", "10.2.0.9", true)
                         .d;
    QCOMPARE(edit::describe(d, id), words);
    QCOMPARE(edit::vnetOf(d, id), vnet);
}

// ---- design diffs

void TestEdits::diffDesigns_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("delta");
    auto change = [](std::function<void(Design &)> f) -> Edit {
        return [f](Design &d) {
            f(d);
            return QString();
        };
    };
    QTest::newRow("nothing changed") << change([](Design &) {}) << s("");
    QTest::newRow("a VM added") << change([](Design &d) { d.vms.push_back({s("vm-1"), s("Spoke1/Subnet1")}); })
                                << s("added vm-1");
    QTest::newRow("a firewall's address changed")
        << change([](Design &d) { d.firewalls[0].privateIp = address("10.0.1.9"); }) << s("changed FW");
    QTest::newRow("a VNet removed with its devices")
        << change([](Design &d) { edit::remove(d, {ObjectId::object(s("Spoke2"))}); })
        << s("removed Spoke2 VM2; peerings");
    QTest::newRow("a site changed: the site, and its gateway")
        << change([](Design &d) { d.gateways[0].localNetworks[0].addressPrefixes = {prefix("192.168.9.0/24")}; })
        << s("changed HubGW office");
    QTest::newRow("a move: layout only")
        << change([](Design &d) { d.layout = {{s("Hub"), 5, 5}, {s("Spoke1"), 0, 0}, {s("pc"), 1, 2}}; })
        << s("moved Hub pc");
    QTest::newRow("a layout entry moved in place")
        << change([](Design &d) { d.layout.front().x = 40; }) << s("moved Spoke1");
    QTest::newRow("VNets listed in another order: nothing changed")
        << change([](Design &d) { std::ranges::reverse(d.vnets); }) << s("");
    QTest::newRow("a route added: the table only")
        << change([](Design &d) { d.routeTables[0].routes.push_back({s("r"), prefix("0.0.0.0/0"), NextHopType::None, {}, {}}); })
        << s("changed rt");
    QTest::newRow("a VM added and a firewall changed")
        << change([](Design &d) {
               d.vms.push_back({s("vm-1"), s("Spoke1/Subnet1")});
               d.firewalls[0].privateIp = address("10.0.1.9");
           })
        << s("added vm-1; changed FW");
    QTest::newRow("a layout entry dropped") << change([](Design &d) { d.layout.clear(); }) << s("moved Spoke1");
    QTest::newRow("a peering flag") << change([](Design &d) { d.peerings[0].allowForwardedTraffic = false; })
                                    << s("peerings");
    QTest::newRow("the design's settings")
        << change([](Design &d) { d.settings.p2sInternetBreakout = P2sInternetBreakout::Allow; })
        << s("properties");
    QTest::newRow("a rename: the old name removed, the new added, the referrers changed")
        << change([](Design &d) { edit::rename(d, ObjectId::object(s("rt")), s("rt2")); })
        << s("added rt2; changed Spoke1; removed rt");
}

void TestEdits::diffDesigns()
{
    QFETCH(Edit, edit);
    QFETCH(QString, delta);
    const Design before = hubAndSpokeWithGateway("172.16.0.0/24")
                              .client("pc", "HubGW", "172.16.0.2")
                              .site("HubGW", "office", "192.168.0.0/24")
                              .table("rt")
                              .attach("Spoke1/Subnet1", "rt")
                              .edit([](Design &d) { d.layout = {{s("Spoke1"), 0, 0}}; })
                              .d;
    Design after = before;
    edit(after);
    const edit::DesignDelta diff = edit::diffDesigns(before, after);
    QStringList parts;
    auto list = [&](const char *what, const QStringList &names) {
        if (!names.isEmpty())
            parts << s(what) + u' ' + names.join(u' ');
    };
    list("added", diff.added);
    list("changed", diff.changed);
    list("removed", diff.removed);
    list("moved", diff.moved);
    if (diff.peeringsChanged)
        parts << s("peerings");
    if (diff.propertiesChanged)
        parts << s("properties");
    QCOMPARE(parts.join(QStringLiteral("; ")), delta);
    QCOMPARE(diff.isEmpty(), delta.isEmpty());
}

// ---- trace end points across edits

void TestEdits::followEndpoint_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("now"); // "(gone)" for nullopt
    auto rename = [](const char *object, const char *to) -> Edit {
        return [=](Design &d) {
            edit::rename(d, ObjectId::parse(s(object)), s(to));
            return QString();
        };
    };
    auto remove = [](const char *object) -> Edit {
        return [=](Design &d) {
            edit::remove(d, {ObjectId::parse(s(object))});
            return QString();
        };
    };
    QTest::newRow("VM unchanged") << rename("Spoke2", "S2") << s("VM1") << s("VM1");
    QTest::newRow("VM renamed") << rename("VM1", "web") << s("VM1") << s("web");
    QTest::newRow("VM deleted") << remove("VM1") << s("VM1") << s("(gone)");
    QTest::newRow("VM gone with its VNet") << remove("Spoke1") << s("VM1") << s("(gone)");
    QTest::newRow("firewall renamed") << rename("FW", "fw-hub") << s("FW") << s("fw-hub");
    QTest::newRow("client renamed") << rename("pc", "laptop") << s("pc") << s("laptop");
    QTest::newRow("site renamed") << rename("office", "tokyo") << s("office") << s("tokyo");
    QTest::newRow("site's gateway renamed: the site stays")
        << rename("HubGW", "gw") << s("office") << s("office");
    QTest::newRow("site deleted") << remove("office") << s("office") << s("(gone)");
    QTest::newRow("subnet of a renamed VNet") << rename("Spoke1", "app") << s("Spoke1/Subnet1")
                                              << s("app/Subnet1");
    QTest::newRow("subnet renamed") << rename("Spoke1/Subnet1", "web") << s("Spoke1/Subnet1")
                                    << s("Spoke1/web");
    QTest::newRow("subnet deleted") << remove("Spoke1/Subnet1") << s("Spoke1/Subnet1") << s("(gone)");
    QTest::newRow("the Internet") << remove("Spoke1") << s("Internet") << s("Internet");
    QTest::newRow("an address") << remove("Spoke1") << s("10.1.0.4") << s("10.1.0.4");
}

void TestEdits::followEndpoint()
{
    QFETCH(Edit, edit);
    QFETCH(QString, endpoint);
    QFETCH(QString, now);
    const Design before = hubAndSpokeWithGateway("172.16.0.0/24")
                              .client("pc", "HubGW", "172.16.0.2")
                              .site("HubGW", "office", "192.168.0.0/24")
                              .d;
    Design after = before;
    edit(after);
    QCOMPARE(edit::followEndpoint(before, after, endpoint).value_or(s("(gone)")), now);
}

// ---- where new objects go

void TestEdits::nearestFreeSpot_data()
{
    QTest::addColumn<QList<QRectF>>("taken");
    QTest::addColumn<QPointF>("wanted");
    QTest::addColumn<QPointF>("spot");
    const QSizeF size(100, 100); // with the default 30 gap
    Q_UNUSED(size);
    QTest::newRow("free: kept, rounded") << QList<QRectF>{QRectF(500, 500, 100, 100)}
                                         << QPointF(0.4, 9.6) << QPointF(0, 10);
    QTest::newRow("on top of a box: the nearest grid point that keeps the gap")
        << QList<QRectF>{QRectF(0, 0, 100, 100)} << QPointF(0, 0) << QPointF(0, -130);
    QTest::newRow("right of a box, too close: moved right")
        << QList<QRectF>{QRectF(0, -1000, 100, 2000)} << QPointF(110, 0) << QPointF(130, 0);
    QTest::newRow("nothing free within reach: right of everything")
        << QList<QRectF>{QRectF(-5000, -5000, 10000, 10000)} << QPointF(0, 0) << QPointF(5031, 0);
}

void TestEdits::nearestFreeSpot()
{
    QFETCH(QList<QRectF>, taken);
    QFETCH(QPointF, wanted);
    QFETCH(QPointF, spot);
    const std::vector<QRectF> rects(taken.begin(), taken.end());
    QCOMPARE(layout::nearestFreeSpot(rects, QSizeF(100, 100), wanted), spot);
}

void TestEdits::positionsBesideSaved_data()
{
    QTest::addColumn<Design>("design");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("position"); // "automatic": where autoLayout puts it
    const Design ths = hubAndSpokeWithGateway("172.16.0.0/24").client("pc", "HubGW", "172.16.0.2").d;
    QTest::newRow("no layout: the automatic layout whole") << ths << s("Spoke1") << s("automatic");
    QTest::newRow("a saved position wins")
        << Builder(ths).edit([](Design &d) { d.layout = {{s("Spoke1"), 7, 8}}; }).d << s("Spoke1")
        << s("7,8");
    const Vnet &spoke = *ths.vnet(s("Spoke1"));
    const double right = layout::vnetBox(ths, spoke).size.width();
    const double below = layout::vnetBox(ths, *ths.vnet(s("Hub"))).size.height() + 60;
    const Design hubPlaced = Builder(ths).edit([](Design &d) { d.layout = {{s("Spoke1"), 0, 0}}; }).d;
    QTest::newRow("unplaced VNets: a column right of the saved ones, in design order")
        << hubPlaced << s("Hub") << QStringLiteral("%1,0").arg(right + 90);
    QTest::newRow("the next unplaced VNet: below the previous")
        << hubPlaced << s("Spoke2") << QStringLiteral("%1,%2").arg(right + 90).arg(below);
    QTest::newRow("an unplaced client: a column left of the saved ones")
        << hubPlaced << s("pc")
        << QStringLiteral("%1,%2").arg(-90 - layout::Metrics::nodeWidth / 2)
               .arg(layout::Metrics::nodeHeight / 2);
    QTest::newRow("the Internet: above the top right corner")
        << hubPlaced << s("Internet")
        << QStringLiteral("%1,%2").arg(right - layout::Metrics::nodeWidth / 2)
               .arg(-layout::Metrics::nodeHeight);
}

void TestEdits::positionsBesideSaved()
{
    QFETCH(Design, design);
    QFETCH(QString, object);
    QFETCH(QString, position);
    const std::vector<LayoutPoint> automatic = layout::autoLayout(design);
    const QHash<QString, QPointF> positions = layout::positionsBesideSaved(design, automatic);
    const QPointF at = positions.value(object, QPointF(-1e9, -1e9));
    if (position == u"automatic") {
        const auto it = std::ranges::find(automatic, object, &LayoutPoint::name);
        QVERIFY(it != automatic.end());
        QCOMPARE(at, QPointF(it->x, it->y));
    } else {
        QCOMPARE(QStringLiteral("%1,%2").arg(at.x()).arg(at.y()), position);
    }
}

void TestEdits::subnetPrefixCarriesDevices_data()
{
    QTest::addColumn<QStringList>("steps"); // prefixes typed in one gesture, in order
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("expectIp"); // "default": no explicit address
    auto design = [] {
        return hubAndSpoke()
            .vm("VM1b", "Spoke1/Subnet1", "10.1.0.100")
            .vm("Stray", "Spoke1/Subnet1", "10.9.9.9")
            .edit([](Design &d) { d.vm(QStringLiteral("VM1"))->privateIp.reset(); });
    };
    QTest::addColumn<Design>("start");
    QTest::newRow("explicit address keeps its offset")
        << QStringList{"10.1.5.0/24"} << "VM1b" << "10.1.5.100" << design().d;
    QTest::newRow("default address stays the default")
        << QStringList{"10.1.5.0/24"} << "VM1" << "default" << design().d;
    QTest::newRow("offset beyond a smaller prefix: its first free host")
        << QStringList{"10.1.0.0/28"} << "VM1b" << "10.1.0.5" << design().d;
    QTest::newRow("gesture through a small prefix loses nothing")
        << QStringList{"10.1.0.0/28", "10.1.7.0/24"} << "VM1b" << "10.1.7.100" << design().d;
    QTest::newRow("address outside the old prefix left alone")
        << QStringList{"10.1.5.0/24"} << "Stray" << "10.9.9.9" << design().d;
    QTest::newRow("device of another subnet untouched")
        << QStringList{"10.1.5.0/24"} << "VM2" << "10.2.0.4" << design().d;
}

void TestEdits::subnetPrefixCarriesDevices()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, device);
    QFETCH(QString, expectIp);
    QFETCH(Design, start);
    Design d = start;
    for (const QString &step : steps)
        edit::setSubnetPrefix(d, ObjectId::subnet(QStringLiteral("Spoke1"), QStringLiteral("Subnet1")),
                              *Prefix::parse(step), &start);
    QCOMPARE(d.subnet(QStringLiteral("Spoke1/Subnet1"))->addressPrefix.toString(), steps.last());
    const std::optional<Ipv4Address> ip = d.vm(device)->privateIp;
    QCOMPARE(ip ? ip->toString() : QStringLiteral("default"), expectIp);
}

void TestEdits::relativePathsRebased_data()
{
    QTest::addColumn<QString>("config"); // as written; "ABS/" stands for the temporary folder
    QTest::addColumn<QString>("toFolder");
    QTest::addColumn<QString>("expect");
    QTest::newRow("relative path into the old folder") << "squid.conf" << "b" << "../a/squid.conf";
    QTest::newRow("same folder: unchanged") << "squid.conf" << "a" << "squid.conf";
    QTest::newRow("sub-folder path") << "conf/squid.conf" << "b" << "../a/conf/squid.conf";
    QTest::newRow("absolute path: unchanged") << "ABS/a/squid.conf" << "b" << "ABS/a/squid.conf";
    QTest::newRow("missing file: unchanged") << "missing.conf" << "b" << "missing.conf";
}

void TestEdits::relativePathsRebased()
{
    QFETCH(QString, config);
    QFETCH(QString, toFolder);
    QFETCH(QString, expect);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/conf")) && QDir(dir.path()).mkpath(QStringLiteral("b")));
    for (const char *name : {"a/squid.conf", "a/conf/squid.conf"}) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString abs = QDir(dir.path()).absolutePath() + u'/';
    Design d = hubAndSpoke().d;
    d.vm(QStringLiteral("VM1"))->proxy = model::ProxyService{3128, QString(config).replace(QStringLiteral("ABS/"), abs)};
    edit::rebaseRelativePaths(d, dir.filePath(QStringLiteral("a")), dir.filePath(toFolder));
    QCOMPARE(d.vm(QStringLiteral("VM1"))->proxy->config, QString(expect).replace(QStringLiteral("ABS/"), abs));
}


// ---- cut, copy, paste and duplicate (issue 16 point 9)

namespace {

// Copies `ids` through the clipboard's text, as the app does, and pastes into `target` (a
// design of its own when `into` is given); answers the pasted ids or the error.
Edit copyPaste(QStringList ids, QString target = {}, std::optional<QPointF> at = std::nullopt,
               std::optional<Design> into = std::nullopt)
{
    return [=](Design &d) -> QString {
        QList<ObjectId> list;
        for (const QString &id : ids)
            list << ObjectId::parse(id);
        const QByteArray text = edit::clipboardText(edit::copyObjects(d, list));
        edit::CopiedObjects copied;
        QString error;
        if (!edit::readClipboardText(text, &copied, &error))
            return QStringLiteral("unreadable: ") + error;
        if (into)
            d = *into;
        const QList<ObjectId> added = edit::pasteObjects(d, copied, ObjectId::parse(target), at, &error);
        if (added.isEmpty())
            return QStringLiteral("error: ") + error;
        QStringList names;
        for (const ObjectId &id : added)
            names << id.toString();
        // What a pasted design must stay: loadable.
        const io::LoadResult back = io::readDesign(io::writeDesign(d), QStringLiteral("pasted"));
        if (!back.design)
            return QStringLiteral("does not load: ") + back.errors.front().toString();
        return names.join(u',');
    };
}

Probe both(Probe a, Probe b)
{
    return [=](const Design &d) -> QString { return a(d) + QStringLiteral(" | ") + b(d); };
}

Probe tableText(const char *name)
{
    return [name = s(name)](const Design &d) {
        const RouteTable *t = d.routeTable(name);
        if (!t)
            return QStringLiteral("no table");
        QStringList routes;
        for (const Route &r : t->routes)
            routes << r.addressPrefix.toString() + u'>' +
                          (r.nextHopIpAddress ? r.nextHopIpAddress->toString() : model::toString(r.nextHopType));
        return routes.join(u',');
    };
}

Probe tableCount()
{
    return [](const Design &d) -> QString { return QString::number(d.routeTables.size()) + QStringLiteral(" tables"); };
}

} // namespace

void TestEdits::copyAndPaste_data()
{
    editColumns();
    QTest::newRow("duplicate a spoke: fresh name, next free /16, its subnet and VM renumbered in it")
        << seed().d << copyPaste({s("Spoke-Vnet-b")}) << both(vnetText("Spoke-Vnet-b-2"), deviceText("proxy-2"))
        << s("Spoke-Vnet-b-2")
        << s("Spoke-Vnet-b-2 spoke 10.3.0.0/16 [Subnet-b 10.3.0.0/24] unplaced | VM in Spoke-Vnet-b-2/Subnet-b at 10.3.0.4, defaultAccess");
    QTest::newRow("duplicate a spoke: its table through the hub firewall stays shared")
        << seed().d << copyPaste({s("Spoke-Vnet-b")}) << both(subnetsOf("Spoke-Vnet-b-2"), tableCount())
        << s("Spoke-Vnet-b-2") << s("Subnet-b 10.3.0.0/24 rt-b | 4 tables");
    QTest::newRow("duplicate a VNet whose table points at its own firewall: the table is copied and follows")
        << seed().d << copyPaste({s("Spoke-Vnet-a")})
        << both(both(subnetsOf("Spoke-Vnet-a-2"), tableText("rt-a-gw-2")), deviceText("fw-a-2"))
        << s("Spoke-Vnet-a-2,remote-pc-2")
        << s("AzureFirewallSubnet 10.3.1.0/26 rt-a-fw, GatewaySubnet 10.3.2.0/24 rt-a-gw-2 | 0.0.0.0/0>10.3.1.4 | firewall in Spoke-Vnet-a-2/AzureFirewallSubnet at 10.3.1.4");
    QTest::newRow("duplicate a VNet with a gateway: a free P2S pool, its client and site renamed, nothing overlapping")
        << seed().d << copyPaste({s("Spoke-Vnet-a")})
        << both(deviceText("vpngw-a-2"), deviceText("remote-pc-2")) << s("Spoke-Vnet-a-2,remote-pc-2")
        << s("gateway in Spoke-Vnet-a-2, pool [172.16.0.0/24], sites [tokyo-office-2 172.17.0.0/16] | client of vpngw-a-2 at 172.16.0.2");
    QTest::newRow("two peered VNets copied together keep their peering; the peering to the hub stays behind")
        << hubAndSpoke().d << copyPaste({s("Hub"), s("Spoke1")})
        << Probe([](const Design &d) { return peeringsText(d).split(QStringLiteral("; ")).mid(4).join(QStringLiteral("; ")); })
        << s("Hub-2,Spoke1-2") << s("Hub-2→Spoke1-2 forwarded; Spoke1-2→Hub-2 forwarded");
    QTest::newRow("a VM pasted with no target goes back into its subnet at the next free address")
        << hubAndSpoke().d << copyPaste({s("VM1")}) << deviceText("VM1-2") << s("VM1-2")
        << s("VM in Spoke1/Subnet1 at 10.1.0.5, defaultAccess");
    QTest::newRow("a VM pasted onto another subnet goes there, keeping its offset when free")
        << hubAndSpoke().d << copyPaste({s("VM1")}, s("Spoke2/Subnet2")) << deviceText("VM1-2")
        << s("VM1-2") << s("VM in Spoke2/Subnet2 at 10.2.0.5, defaultAccess");
    QTest::newRow("a firewall pasted onto a VNet without one gets its AzureFirewallSubnet")
        << hubAndSpoke().d << copyPaste({s("FW")}, s("Spoke2")) << both(deviceText("FW-2"), subnetsOf("Spoke2"))
        << s("FW-2") << s("firewall in Spoke2/AzureFirewallSubnet at 10.2.1.4 | Subnet2 10.2.0.0/24, AzureFirewallSubnet 10.2.1.0/26");
    QTest::newRow("a subnet pasted into another VNet: a free prefix of its size, its VM inside")
        << hubAndSpoke().d << copyPaste({s("Spoke1/Subnet1")}, s("Spoke2"))
        << both(subnetsOf("Spoke2"), deviceText("VM1-2")) << s("Spoke2/Subnet1")
        << s("Subnet2 10.2.0.0/24, Subnet1 10.2.1.0/24 | VM in Spoke2/Subnet1 at 10.2.1.4, defaultAccess");
    QTest::newRow("a second GatewaySubnet is refused, the design left as it was")
        << hubAndSpokeWithGateway().d << copyPaste({s("Hub/GatewaySubnet")}, s("Hub")) << subnetsOf("Hub")
        << s("error: Hub already has a GatewaySubnet.")
        << s("AzureFirewallSubnet 10.0.1.0/26, HubVM 10.0.3.0/24, GatewaySubnet 10.0.2.0/27");
    QTest::newRow("a VM pasted into another design whose VNets are different brings its VNet along")
        << hubAndSpoke().d << copyPaste({s("VM1")}, {}, std::nullopt, seed().d)
        << both(vnetText("Spoke1"), deviceText("VM1")) << s("Spoke1")
        << s("Spoke1 spoke 10.3.0.0/16 [Subnet1 10.3.0.0/24] unplaced | VM in Spoke1/Subnet1 at 10.3.0.4, defaultAccess");
    QTest::newRow("a spoke pasted into an empty design keeps its addresses and brings its table")
        << seed().d << copyPaste({s("Spoke-Vnet-b")}, {}, std::nullopt, Design{})
        << both(subnetsOf("Spoke-Vnet-b"), tableText("rt-b")) << s("Spoke-Vnet-b")
        << s("Subnet-b 10.2.0.0/24 rt-b | 0.0.0.0/0>Internet,172.16.16.0/24>10.0.1.4");
    QTest::newRow("a pasted VNet lands at the paste point, clear of the others")
        << Builder(hubAndSpoke()).edit([](Design &d) {
               d.layout = {{s("Hub"), 0, 0}, {s("Spoke1"), 600, 0}, {s("Spoke2"), 1200, 0}};
           }).d
        << copyPaste({s("Spoke2")}, {}, QPointF(300, 900)) << vnetText("Spoke2-2") << s("Spoke2-2")
        << s("Spoke2-2 spoke 10.3.0.0/16 [Subnet2 10.3.0.0/24] @300,900");
    QTest::newRow("a duplicate beside its original never lands on top of it")
        << Builder(hubAndSpoke()).edit([](Design &d) { d.layout = {{s("Spoke1"), 0, 0}}; }).d
        << copyPaste({s("Spoke1")}) << Probe([](const Design &d) {
               const LayoutPoint *p = d.layoutPoint(s("Spoke1-2"));
               const QSizeF size = layout::vnetBox(d, *d.vnet(s("Spoke1"))).size;
               return p && !QRectF(QPointF(p->x, p->y), size).intersects(QRectF(QPointF(0, 0), size))
                          ? s("clear") : s("overlaps");
           })
        << s("Spoke1-2") << s("clear");
}

void TestEdits::copyAndPaste() { runEdit(); }

void TestEdits::clipboardTextRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("plain words") << QByteArray("hello world") << s("The clipboard holds no Hopscope design");
    QTest::newRow("nothing") << QByteArray("  \n") << s("The clipboard is empty.");
    QTest::newRow("YAML that is not a design") << QByteArray("- a\n- b\n") << s("The clipboard holds no Hopscope design");
    QTest::newRow("a design with nothing in it") << QByteArray("hopscope: 1\nname: x\n")
                                                 << s("The clipboard's design has nothing to paste.");
}

void TestEdits::clipboardTextRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    edit::CopiedObjects copied;
    QString why;
    QVERIFY(!edit::readClipboardText(text, &copied, &why));
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestEdits)
#include "tst_edits.moc"
