// Network security groups in packet walks and traces: nsg.md's test cases TC-N1…TC-N20 (the
// walk and trace parts), service tags per evaluation point (N2), and the hop report (§5).

#include "TestDesigns.h"
#include "io/DesignReader.h"
#include "model/Network.h"
#include "routing/SecurityGroups.h"
#include "routing/Trace.h"

#include <QtTest>

using namespace hopscope;
using namespace testdesigns;

Q_DECLARE_METATYPE(hopscope::model::Design)

namespace {

using model::RuleAction;
using model::SecurityDirection;
using model::SecurityProtocol;

// "*" → any; "VirtualNetwork", "Internet", … → a tag; "asg:NAME" → an ASG side; else a prefix
// or address. Ports: "*", "N" or "N-M".
model::SecuritySide side(const char *addresses, const char *ports = "*")
{
    model::SecuritySide s;
    const QString a = QString::fromLatin1(addresses);
    if (a.startsWith(QLatin1String("asg:")))
        s.applicationSecurityGroups.push_back(a.mid(4));
    else if (a != QLatin1String("*")) {
        if (const auto p = Prefix::parse(a.contains(u'/') ? a : a + QStringLiteral("/32")))
            s.addresses.push_back(model::SecurityAddress::of(*p));
        else
            s.addresses.push_back(model::SecurityAddress::ofTag(a));
    }
    const QString p = QString::fromLatin1(ports);
    if (p != QLatin1String("*")) {
        const QStringList bounds = p.split(u'-');
        s.ports.push_back({bounds.front().toInt(), bounds.back().toInt()});
    }
    return s;
}

struct RuleSpec
{
    const char *name;
    int priority;
    SecurityDirection direction;
    RuleAction access;
    SecurityProtocol protocol = SecurityProtocol::Any;
    const char *source = "*";
    const char *destination = "*";
    const char *destinationPorts = "*";
    const char *sourcePorts = "*";
};

model::SecurityRule securityRule(const RuleSpec &r)
{
    model::SecurityRule rule;
    rule.name = QString::fromLatin1(r.name);
    rule.priority = r.priority;
    rule.direction = r.direction;
    rule.access = r.access;
    rule.protocol = r.protocol;
    rule.source = side(r.source, r.sourcePorts);
    rule.destination = side(r.destination, r.destinationPorts);
    return rule;
}

constexpr auto In = SecurityDirection::Inbound;
constexpr auto Out = SecurityDirection::Outbound;
constexpr auto Allow = RuleAction::Allow;
constexpr auto Deny = RuleAction::Deny;
constexpr auto Tcp = SecurityProtocol::Tcp;

// Adds the NSG `name` with `rules` (custom rules, file order), replacing one of that name.
void setNsg(model::Design &d, const char *name, std::initializer_list<RuleSpec> rules)
{
    model::NetworkSecurityGroup nsg;
    nsg.name = QString::fromLatin1(name);
    for (const RuleSpec &r : rules)
        nsg.securityRules.push_back(securityRule(r));
    if (model::NetworkSecurityGroup *existing = d.networkSecurityGroup(nsg.name))
        *existing = nsg;
    else
        d.networkSecurityGroups.push_back(nsg);
}
void onSubnet(model::Design &d, const char *qualifiedSubnet, const char *nsg)
{
    d.subnet(QString::fromLatin1(qualifiedSubnet))->networkSecurityGroup = QString::fromLatin1(nsg);
}
void onNic(model::Design &d, const char *vm, const char *nsg)
{
    d.vm(QString::fromLatin1(vm))->networkSecurityGroup = QString::fromLatin1(nsg);
}

// Topology T-N of nsg.md's test cases.
Builder tn()
{
    Builder b;
    b.vnet("hub", "10.0.0.0/16", "", model::VnetRole::Hub)
        .subnet("hub", "AzureFirewallSubnet", "10.0.1.0/26")
        .subnet("hub", "mgmt", "10.0.3.0/24")
        .subnet("hub", "nva", "10.0.4.0/24")
        .subnet("hub", "nva2", "10.0.5.0/24")
        .vnet("spoke1", "10.1.0.0/16", "", model::VnetRole::Spoke)
        .subnet("spoke1", "web", "10.1.0.0/24")
        .vnet("spoke2", "10.2.0.0/16", "", model::VnetRole::Spoke)
        .subnet("spoke2", "app", "10.2.0.0/24")
        .peer("hub", "spoke1")
        .peer("hub", "spoke2")
        .firewall("fw", "hub/AzureFirewallSubnet", "10.0.1.4")
        .vm("hubvm", "hub/mgmt", "10.0.3.4")
        .vm("nva1", "hub/nva", "10.0.4.4", true)
        .vm("nva2", "hub/nva2", "10.0.5.4", true)
        .vm("vm1", "spoke1/web", "10.1.0.4")
        .vm("vm1b", "spoke1/web", "10.1.0.5")
        .vm("vm2", "spoke2/app", "10.2.0.4")
        .vm("vm3", "spoke2/app", "10.2.0.5");
    return b;
}

// TC-N9's routes: both spokes send 0/0 to nva1.
Builder throughNva()
{
    using NH = model::NextHopType;
    return tn()
        .table("rt-web")
        .route("rt-web", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
        .attach("spoke1/web", "rt-web")
        .table("rt-app")
        .route("rt-app", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
        .attach("spoke2/app", "rt-app");
}

// TC-N17: T-JP with RT-hubfw fixed, two clients, and nsg-subnet-b admitting the pool on 3128.
Builder seedWithNsg(bool typo = false)
{
    Builder b = seed(typo);
    b.client("remote-pc2", "vpngw-a", "172.16.16.200").edit([](model::Design &d) {
        setNsg(d, "nsg-subnet-b",
               {{"allow-p2s-proxy", 100, In, Allow, Tcp, "172.16.16.0/24", "10.2.0.4", "3128"},
                {"deny-all-inbound", 4096, In, Deny}});
        onSubnet(d, "Spoke-Vnet-b/Subnet-b", "nsg-subnet-b");
    });
    return b;
}

// A design of tests/data/nsg; an empty design (every trace then fails to resolve) when it does
// not load.
Builder fromFile(const char *name)
{
    io::LoadResult loaded =
        io::readDesignFile(QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/nsg/") + QLatin1String(name));
    for (const io::LoadError &e : loaded.errors)
        qWarning("%s", qPrintable(e.toString()));
    Builder b;
    if (loaded.design)
        b.d = *loaded.design;
    return b;
}

// A verdict in nsg.md's notation: `-` null, `[]` nothing evaluated, `state`, `exempt`, or the
// NSG/rule of each NSG evaluated, in order.
QString notation(const std::optional<routing::NsgVerdict> &v)
{
    if (!v)
        return QStringLiteral("-");
    if (v->byState)
        return QStringLiteral("state");
    if (v->platformExempt)
        return QStringLiteral("exempt");
    QStringList groups;
    for (const routing::EvaluatedSecurityGroup &g : v->evaluatedGroups())
        groups << g.networkSecurityGroup + u'/' + g.ruleName;
    return groups.isEmpty() ? QStringLiteral("[]") : groups.join(u',');
}

// "a>b{in:… out:…}>c": every hop, with the NSG verdicts of evaluation points.
QString hops(const model::Network &network, const routing::Walk &walk)
{
    QStringList names;
    for (const routing::Hop &h : walk.hops) {
        QString s = network.devices()[h.device].name;
        if (h.nsg)
            s += QStringLiteral("{in:%1 out:%2}").arg(notation(h.nsg->inbound),
                                                      notation(h.nsg->outbound));
        names << s;
    }
    return names.join(u'>');
}

QString verdict(const routing::Walk &walk)
{
    QString v = routing::toString(walk.verdict);
    if (walk.verdict == routing::WalkVerdict::Dropped)
        v += u'/' + routing::toString(walk.reason);
    return v;
}

} // namespace

class TestNsgWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traces_data();
    void traces();
    void hopReport();
    void tags_data();
    void tags();
    void withoutNsgsNothingIsEvaluated();
};

void TestNsgWalk::traces_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("protocol"); // model::Protocol
    QTest::addColumn<QString>("forward");        // legs joined by " | "
    QTest::addColumn<QString>("forwardVerdict");
    QTest::addColumn<QString>("reply");          // empty: no reply walked
    QTest::addColumn<QString>("replyVerdict");
    QTest::addColumn<QString>("connection");     // "ok" or the combined reason

    const int tcp = int(model::Protocol::Tcp);
    auto row = [](const char *name, const Builder &b, const char *from, const char *to, int port,
                  int protocol, const char *forward, const char *forwardVerdict,
                  const char *reply, const char *replyVerdict, const char *connection) {
        QTest::newRow(name) << b.d << QString::fromLatin1(from) << QString::fromLatin1(to)
                            << port << protocol << QString::fromUtf8(forward)
                            << QString::fromLatin1(forwardVerdict) << QString::fromUtf8(reply)
                            << QString::fromLatin1(replyVerdict)
                            << QString::fromLatin1(connection);
    };

    row("TC-N1: no NSG allows", tn(), "vm1", "vm1b", 443, tcp,
        "vm1{in:- out:[]}>vm1b{in:[] out:-}", "delivered",
        "vm1b{in:- out:[]}>vm1{in:[] out:-}", "delivered", "ok");

    auto tcN2 = [] {
        return tn().edit([](model::Design &d) {
            setNsg(d, "nsg-web", {});
            onSubnet(d, "spoke1/web", "nsg-web");
        });
    };
    row("TC-N2: default rules admit intra-subnet traffic, the reply passes by state", tcN2(),
        "vm1", "vm1b", 443, tcp,
        "vm1{in:- out:nsg-web/AllowVnetOutBound}>vm1b{in:nsg-web/AllowVnetInBound out:-}",
        "delivered", "vm1b{in:- out:state}>vm1{in:state out:-}", "delivered", "ok");
    row("TC-N3: an intra-subnet deny drops at the receiver",
        tcN2().edit([](model::Design &d) {
            setNsg(d, "nsg-web", {{"deny-web-in", 100, In, Deny, SecurityProtocol::Any,
                                   "10.1.0.0/24"}});
        }),
        "vm1", "vm1b", 443, tcp,
        "vm1{in:- out:nsg-web/AllowVnetOutBound}>vm1b{in:nsg-web/deny-web-in out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");

    row("TC-N4: inbound order, the subnet allows and the NIC denies",
        tn().edit([](model::Design &d) {
            setNsg(d, "nsg-app", {{"allow-hub-https", 100, In, Allow, Tcp, "10.0.0.0/16", "*",
                                   "443"}});
            setNsg(d, "nsg-vm2", {{"deny-https", 100, In, Deny, Tcp, "*", "*", "443"}});
            onSubnet(d, "spoke2/app", "nsg-app");
            onNic(d, "vm2", "nsg-vm2");
        }),
        "hubvm", "vm2", 443, tcp,
        "hubvm{in:- out:[]}>vm2{in:nsg-app/allow-hub-https,nsg-vm2/deny-https out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");
    row("TC-N5: inbound order, a subnet deny stops before the NIC",
        tn().edit([](model::Design &d) {
            setNsg(d, "nsg-app", {{"deny-https", 100, In, Deny, Tcp, "*", "*", "443"}});
            setNsg(d, "nsg-vm2", {{"allow-https", 100, In, Allow, Tcp, "*", "*", "443"}});
            onSubnet(d, "spoke2/app", "nsg-app");
            onNic(d, "vm2", "nsg-vm2");
        }),
        "hubvm", "vm2", 443, tcp, "hubvm{in:- out:[]}>vm2{in:nsg-app/deny-https out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");
    row("TC-N6: outbound order, the NIC denies first (P1)",
        tn().edit([](model::Design &d) {
            setNsg(d, "nsg-vm1", {{"deny-hub-out", 100, Out, Deny, Tcp, "*", "10.0.0.0/16",
                                   "443"}});
            setNsg(d, "nsg-web", {{"allow-out", 100, Out, Allow}});
            onNic(d, "vm1", "nsg-vm1");
            onSubnet(d, "spoke1/web", "nsg-web");
        }),
        "vm1", "hubvm", 443, tcp, "vm1{in:- out:nsg-vm1/deny-hub-out}", "dropped/nsg-denied", "",
        "", "forward-dropped");

    auto publicVm2 = [](std::initializer_list<RuleSpec> rules) {
        return tn().edit([rules](model::Design &d) {
            d.vm(QStringLiteral("vm2"))->outbound = model::OutboundMethod::PublicIp;
            setNsg(d, "nsg-app", rules);
            onSubnet(d, "spoke2/app", "nsg-app");
        });
    };
    row("TC-N7: the Internet meets DenyAllInBound", publicVm2({}), "Internet", "vm2", 22, tcp,
        "Internet>vm2{in:nsg-app/DenyAllInBound out:-}", "dropped/nsg-denied", "", "",
        "forward-dropped");
    row("TC-N7b: an Internet rule admits SSH, the reply leaves by state",
        publicVm2({{"allow-ssh", 300, In, Allow, Tcp, "Internet", "*", "22"}}), "Internet",
        "vm2", 22, tcp, "Internet>vm2{in:nsg-app/allow-ssh out:-}", "delivered",
        "vm2{in:- out:state}>Internet", "egress-internet", "ok");
    row("TC-N8: flow state beats an inbound deny-all",
        publicVm2({{"deny-all-in", 100, In, Deny}}), "vm2", "203.0.113.10", 443, tcp,
        "vm2{in:- out:nsg-app/AllowInternetOutBound}>Internet", "egress-internet",
        "Internet>vm2{in:state out:-}", "delivered", "ok");

    auto tcN9 = [](std::initializer_list<RuleSpec> rules) {
        return throughNva().edit([rules](model::Design &d) {
            setNsg(d, "nsg-nva", rules);
            onSubnet(d, "hub/nva", "nsg-nva");
        });
    };
    row("TC-N9: an NVA's NSG judges forwarded traffic both ways (P2)", tcN9({}), "vm1", "vm2",
        443, tcp,
        "vm1{in:- out:[]}>nva1{in:nsg-nva/AllowVnetInBound out:nsg-nva/AllowVnetOutBound}>"
        "vm2{in:[] out:-}",
        "delivered", "vm2{in:- out:[]}>nva1{in:state out:state}>vm1{in:[] out:-}", "delivered",
        "ok");
    const RuleSpec denySpoke1{"deny-spoke1", 100, In, Deny, SecurityProtocol::Any,
                              "10.1.0.0/16"};
    row("TC-N10: the NVA's NSG denies", tcN9({denySpoke1}), "vm1", "vm2", 443, tcp,
        "vm1{in:- out:[]}>nva1{in:nsg-nva/deny-spoke1 out:-}", "dropped/nsg-denied", "", "",
        "forward-dropped");
    row("TC-N10b: nsg-denied comes before ip-forwarding-disabled",
        tcN9({denySpoke1}).edit([](model::Design &d) {
            d.vm(QStringLiteral("nva1"))->enableIPForwarding = false;
        }),
        "vm1", "vm2", 443, tcp, "vm1{in:- out:[]}>nva1{in:nsg-nva/deny-spoke1 out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");
    row("TC-N10c: allowed in, then IP forwarding off drops",
        tcN9({}).edit([](model::Design &d) {
            d.vm(QStringLiteral("nva1"))->enableIPForwarding = false;
        }),
        "vm1", "vm2", 443, tcp, "vm1{in:- out:[]}>nva1{in:nsg-nva/AllowVnetInBound out:-}",
        "dropped/ip-forwarding-disabled", "", "", "forward-dropped");

    auto tcN11 = [&](std::initializer_list<RuleSpec> rules) {
        return tcN9({})
            .route("rt-app", "default-nva2", "0.0.0.0/0", model::NextHopType::VirtualAppliance,
                   "10.0.5.4")
            .edit([rules](model::Design &d) {
                auto &routes = d.routeTable(QStringLiteral("rt-app"))->routes;
                routes.erase(routes.begin()); // 0/0 → nva2 replaces 0/0 → nva1
                setNsg(d, "nsg-nva2", rules);
                onSubnet(d, "hub/nva2", "nsg-nva2");
            });
    };
    const char *tcN11Forward =
        "vm1{in:- out:[]}>nva1{in:nsg-nva/AllowVnetInBound out:nsg-nva/AllowVnetOutBound}>"
        "vm2{in:[] out:-}";
    row("TC-N11: the reply meets an NVA the request did not cross, as a new flow",
        tcN11({{"deny-spoke2", 100, In, Deny, SecurityProtocol::Any, "10.2.0.0/16"}}), "vm1",
        "vm2", 443, tcp, tcN11Forward, "delivered",
        "vm2{in:- out:[]}>nva2{in:nsg-nva2/deny-spoke2 out:-}", "dropped/nsg-denied",
        "return-dropped");
    row("TC-N11: the new flow runs from the request's port to its source port",
        tcN11({{"deny-https-replies", 100, In, Deny, Tcp, "10.2.0.4", "10.1.0.4", "50000",
                "443"}}),
        "vm1", "vm2", 443, tcp, tcN11Forward, "delivered",
        "vm2{in:- out:[]}>nva2{in:nsg-nva2/deny-https-replies out:-}", "dropped/nsg-denied",
        "return-dropped");
    row("TC-N11b: without the deny the other NVA admits the reply", tcN11({}), "vm1", "vm2",
        443, tcp, tcN11Forward, "delivered",
        "vm2{in:- out:[]}>nva2{in:nsg-nva2/AllowVnetInBound out:nsg-nva2/AllowVnetOutBound}>"
        "vm1{in:[] out:-}",
        "delivered", "ok");

    auto tcN12 = [](model::VnetTagUdrPrefixes udrPrefixes) {
        return throughNva().edit([udrPrefixes](model::Design &d) {
            setNsg(d, "nsg-app", {});
            onSubnet(d, "spoke2/app", "nsg-app");
            d.settings.vnetTagUdrPrefixes = udrPrefixes;
        });
    };
    row("TC-N12a: a 0/0 UDR to an appliance puts every address in VirtualNetwork",
        tcN12(model::VnetTagUdrPrefixes::Forwarding), "vm1", "vm2", 443, tcp,
        "vm1{in:- out:[]}>nva1{in:[] out:[]}>vm2{in:nsg-app/AllowVnetInBound out:-}",
        "delivered", "vm2{in:- out:state}>nva1{in:[] out:[]}>vm1{in:[] out:-}", "delivered",
        "ok");
    row("TC-N12b: a 10.1.0.0/16 UDR puts spoke1 in the tag",
        tcN12(model::VnetTagUdrPrefixes::Forwarding).edit([](model::Design &d) {
            auto &route = d.routeTable(QStringLiteral("rt-app"))->routes.front();
            route.addressPrefix = prefix("10.1.0.0/16");
        }),
        "vm1", "vm2", 443, tcp,
        "vm1{in:- out:[]}>nva1{in:[] out:[]}>vm2{in:nsg-app/AllowVnetInBound out:-}",
        "delivered", "vm2{in:- out:state}>nva1{in:[] out:[]}>vm1{in:[] out:-}", "delivered",
        "ok");
    row("TC-N12c: vnetTagUdrPrefixes none keeps spoke1 out of the tag",
        tcN12(model::VnetTagUdrPrefixes::None), "vm1", "vm2", 443, tcp,
        "vm1{in:- out:[]}>nva1{in:[] out:[]}>vm2{in:nsg-app/DenyAllInBound out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");

    auto tcN13 = [] {
        return tn().edit([](model::Design &d) {
            d.vm(QStringLiteral("vm2"))->applicationSecurityGroups = {QStringLiteral("asg-app")};
            d.applicationSecurityGroups.push_back({QStringLiteral("asg-app"), {}});
            setNsg(d, "nsg-app", {{"allow-mgmt-to-app", 100, In, Allow, Tcp, "10.0.3.0/24",
                                   "asg:asg-app", "443"},
                                  {"deny-all", 200, In, Deny}});
            onSubnet(d, "spoke2/app", "nsg-app");
        });
    };
    row("TC-N13: a member of the ASG is admitted", tcN13(), "hubvm", "vm2", 443, tcp,
        "hubvm{in:- out:[]}>vm2{in:nsg-app/allow-mgmt-to-app out:-}", "delivered",
        "vm2{in:- out:state}>hubvm{in:[] out:-}", "delivered", "ok");
    row("TC-N13: a NIC outside the ASG is not", tcN13(), "hubvm", "vm3", 443, tcp,
        "hubvm{in:- out:[]}>vm3{in:nsg-app/deny-all out:-}", "dropped/nsg-denied", "", "",
        "forward-dropped");

    // The same cases read from the files of tests/data/nsg (format.md additions).
    row("TC-N13 (file): a member of the ASG is admitted", fromFile("t-n.hopscope.yaml"), "hubvm",
        "vm2", 443, tcp, "hubvm{in:- out:[]}>vm2{in:nsg-app/allow-mgmt-to-app out:-}",
        "delivered", "vm2{in:- out:state}>hubvm{in:[] out:-}", "delivered", "ok");
    row("TC-N13 (file): a NIC outside the ASG is not", fromFile("t-n.hopscope.yaml"), "hubvm",
        "vm3", 443, tcp, "hubvm{in:- out:[]}>vm3{in:nsg-app/deny-all out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");

    auto tcN15 = [](bool denyFirst) {
        return tn().edit([denyFirst](model::Design &d) {
            const RuleSpec a{"a", 100, In, Deny, SecurityProtocol::Any, "10.0.0.0/16"};
            const RuleSpec b{"b", 100, In, Allow, SecurityProtocol::Any, "10.0.0.0/16"};
            const RuleSpec c{"c", 100, Out, Allow};
            if (denyFirst)
                setNsg(d, "nsg-y", {a, b, c});
            else
                setNsg(d, "nsg-y", {c, b, a});
            onSubnet(d, "spoke2/app", "nsg-y");
        });
    };
    row("TC-N15: equal priorities are tried in file order", tcN15(true), "hubvm", "vm2", 443,
        tcp, "hubvm{in:- out:[]}>vm2{in:nsg-y/a out:-}", "dropped/nsg-denied", "", "",
        "forward-dropped");
    row("TC-N15: equal priorities in the other file order", tcN15(false), "hubvm", "vm2", 443,
        tcp, "hubvm{in:- out:[]}>vm2{in:nsg-y/b out:-}", "delivered",
        "vm2{in:- out:state}>hubvm{in:[] out:-}", "delivered", "ok");

    auto tcN16 = [] {
        return tn()
            .subnet("hub", "GatewaySubnet", "10.0.2.0/27")
            .gateway("vpngw", "hub", "172.16.201.0/24")
            .client("pc", "vpngw", "172.16.201.2")
            .edit([](model::Design &d) {
                setNsg(d, "nsg-deny", {{"deny-in", 100, In, Deny}, {"deny-out", 100, Out, Deny}});
                onSubnet(d, "hub/GatewaySubnet", "nsg-deny");
                onSubnet(d, "hub/AzureFirewallSubnet", "nsg-deny");
            });
    };
    row("TC-N16: NSGs on GatewaySubnet and AzureFirewallSubnet are never evaluated", tcN16(),
        "pc", "hubvm", 443, tcp, "pc>vpngw>hubvm{in:[] out:-}", "delivered",
        "hubvm{in:- out:[]}>vpngw>pc", "delivered", "ok");
    row("TC-N16: not even at a stand-in there (N3.6)", tcN16(), "hubvm", "10.0.1.9", 443, tcp,
        "hubvm{in:- out:[]}>hub/AzureFirewallSubnet{in:[] out:-}", "delivered",
        "hub/AzureFirewallSubnet{in:- out:[]}>hubvm{in:[] out:-}", "delivered", "ok");

    const char *seedForward = "remote-pc>vpngw-a>fw-a>fw-hub>"
                              "proxy{in:nsg-subnet-b/allow-p2s-proxy out:-}";
    const char *seedReply = "proxy{in:- out:state}>fw-hub>fw-a>vpngw-a>remote-pc";
    row("TC-N17: the seed's NSG admits the pool on 3128", seedWithNsg(), "remote-pc", "proxy",
        3128, tcp, seedForward, "delivered", seedReply, "delivered", "ok");
    row("TC-N17 (file): the seed's NSG admits the pool on 3128",
        fromFile("seed-nsg.hopscope.yaml"), "remote-pc", "proxy", 3128, tcp, seedForward,
        "delivered", seedReply, "delivered", "ok");
    row("TC-N17 (file): remote-pc2 on 443 meets deny-all-inbound",
        fromFile("seed-nsg.hopscope.yaml"), "remote-pc2", "proxy", 443, tcp,
        "remote-pc2>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/deny-all-inbound out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");
    row("TC-N17: the second client of the pool too", seedWithNsg(), "remote-pc2", "proxy", 3128,
        tcp, "remote-pc2>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/allow-p2s-proxy out:-}",
        "delivered",
        "proxy{in:- out:state}>fw-hub>fw-a>vpngw-a>remote-pc2", "delivered", "ok");
    row("TC-N17: 443 meets deny-all-inbound", seedWithNsg(), "remote-pc", "proxy", 443, tcp,
        "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/deny-all-inbound out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");
    row("TC-N17b: RT-hubfw as written blackholes the reply after the NSG admits it",
        seedWithNsg(true), "remote-pc", "proxy", 3128, tcp, seedForward, "delivered",
        "proxy{in:- out:state}>fw-hub", "dropped/blackhole", "return-dropped");
    auto narrowed = [&] {
        return seedWithNsg().edit([](model::Design &d) {
            setNsg(d, "nsg-subnet-b", {{"allow-p2s-proxy", 100, In, Allow, Tcp,
                                        "172.16.16.0/25", "10.2.0.4", "3128"},
                                       {"deny-all-inbound", 4096, In, Deny}});
        });
    };
    row("TC-N17c: a source narrowed to 172.16.16.0/25 still admits remote-pc", narrowed(),
        "remote-pc", "proxy", 3128, tcp, seedForward, "delivered", seedReply, "delivered", "ok");
    row("TC-N17c: but not remote-pc2", narrowed(), "remote-pc2", "proxy", 3128, tcp,
        "remote-pc2>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/deny-all-inbound out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");

    auto tcN18 = [&](std::initializer_list<RuleSpec> rules, model::VnetTagUdrPrefixes udr) {
        return seedWithNsg().edit([rules, udr](model::Design &d) {
            setNsg(d, "nsg-subnet-b", rules);
            d.settings.vnetTagUdrPrefixes = udr;
        });
    };
    using Udr = model::VnetTagUdrPrefixes;
    row("TC-N18: the NSG denies the pool",
        tcN18({{"deny-p2s", 100, In, Deny, SecurityProtocol::Any, "172.16.16.0/24"}},
              Udr::Forwarding),
        "remote-pc", "proxy", 3128, tcp,
        "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/deny-p2s out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");
    row("TC-N18b: the pool is in VirtualNetwork through rt-b", tcN18({}, Udr::Forwarding),
        "remote-pc", "proxy", 3128, tcp,
        "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/AllowVnetInBound out:-}",
        "delivered", seedReply, "delivered", "ok");
    row("TC-N18c: not with vnetTagUdrPrefixes none", tcN18({}, Udr::None), "remote-pc", "proxy",
        3128, tcp, "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/DenyAllInBound out:-}",
        "dropped/nsg-denied", "", "", "forward-dropped");

    auto tcN19 = [&](std::initializer_list<RuleSpec> extra, Udr udr) {
        return seedWithNsg().edit([extra, udr](model::Design &d) {
            d.vm(QStringLiteral("proxy"))->outbound = model::OutboundMethod::PublicIp;
            d.client(QStringLiteral("remote-pc"))->useProxy =
                model::ProxySetting{QStringLiteral("proxy"), 3128};
            for (const RuleSpec &r : extra)
                d.networkSecurityGroup(QStringLiteral("nsg-subnet-b"))
                    ->securityRules.push_back(securityRule(r));
            d.settings.vnetTagUdrPrefixes = udr;
        });
    };
    row("TC-N19: the proxy's second leg leaves by AllowInternetOutBound (P5)",
        tcN19({}, Udr::Forwarding), "remote-pc", "203.0.113.10", 443, tcp,
        "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/allow-p2s-proxy out:-} | "
        "proxy{in:- out:nsg-subnet-b/AllowInternetOutBound}>Internet",
        "delivered | egress-internet",
        "proxy{in:- out:state}>fw-hub>fw-a>vpngw-a>remote-pc | Internet>proxy{in:state out:-}",
        "delivered | delivered", "ok");
    row("TC-N19b: an outbound deny to Internet stops the second leg",
        tcN19({{"deny-internet-out", 100, Out, Deny, SecurityProtocol::Any, "*", "Internet"}},
              Udr::Forwarding),
        "remote-pc", "203.0.113.10", 443, tcp,
        "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/allow-p2s-proxy out:-} | "
        "proxy{in:- out:nsg-subnet-b/deny-internet-out}",
        "delivered | dropped/nsg-denied",
        "proxy{in:- out:state}>fw-hub>fw-a>vpngw-a>remote-pc", "delivered", "forward-dropped");
    row("TC-N19c: with vnetTagUdrPrefixes all, AllowVnetOutBound decides", tcN19({}, Udr::All),
        "remote-pc", "203.0.113.10", 443, tcp,
        "remote-pc>vpngw-a>fw-a>fw-hub>proxy{in:nsg-subnet-b/allow-p2s-proxy out:-} | "
        "proxy{in:- out:nsg-subnet-b/AllowVnetOutBound}>Internet",
        "delivered | egress-internet",
        "proxy{in:- out:state}>fw-hub>fw-a>vpngw-a>remote-pc | Internet>proxy{in:state out:-}",
        "delivered | delivered", "ok");

    auto tcN20 = [](bool ping) {
        return tn().edit([ping](model::Design &d) {
            setNsg(d, "nsg-app", {{"allow-ssh", 100, In, Allow, SecurityProtocol::Any,
                                   "10.0.0.0/16", "*", "22"},
                                  {"deny-all", 200, In, Deny}});
            if (ping)
                d.networkSecurityGroup(QStringLiteral("nsg-app"))
                    ->securityRules.push_back(securityRule(
                        {"allow-ping", 150, In, Allow, SecurityProtocol::Icmp, "10.0.0.0/16"}));
            onSubnet(d, "spoke2/app", "nsg-app");
        });
    };
    const int icmp = int(model::Protocol::Icmp);
    row("TC-N20: ICMP does not match a port rule", tcN20(false), "hubvm", "vm2", 0, icmp,
        "hubvm{in:- out:[]}>vm2{in:nsg-app/deny-all out:-}", "dropped/nsg-denied", "", "",
        "forward-dropped");
    row("TC-N20: an Icmp rule admits ping", tcN20(true), "hubvm", "vm2", 0, icmp,
        "hubvm{in:- out:[]}>vm2{in:nsg-app/allow-ping out:-}", "delivered",
        "vm2{in:- out:state}>hubvm{in:[] out:-}", "delivered", "ok");
    row("TC-N20: TCP on 22 still meets allow-ssh", tcN20(false), "hubvm", "vm2", 22, tcp,
        "hubvm{in:- out:[]}>vm2{in:nsg-app/allow-ssh out:-}", "delivered",
        "vm2{in:- out:state}>hubvm{in:[] out:-}", "delivered", "ok");
}

void TestNsgWalk::traces()
{
    QFETCH(model::Design, design);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, port);
    QFETCH(int, protocol);
    QFETCH(QString, forward);
    QFETCH(QString, forwardVerdict);
    QFETCH(QString, reply);
    QFETCH(QString, replyVerdict);
    QFETCH(QString, connection);

    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto result =
        tracer.trace({from, to, port, model::Protocol(protocol)}, &error);
    QVERIFY2(result, qPrintable(error));

    QStringList forwards, forwardVerdicts, replies, replyVerdicts;
    for (const routing::Leg &leg : result->legs) {
        forwards << hops(network, leg.forward);
        forwardVerdicts << verdict(leg.forward);
        if (leg.reply) {
            replies << hops(network, *leg.reply);
            replyVerdicts << verdict(*leg.reply);
        }
        // cli.md: the hop an NSG dropped the packet at is last, with route null.
        for (const routing::Walk *w : {&leg.forward, leg.reply ? &*leg.reply : nullptr})
            if (w && w->reason == routing::DropReason::NsgDenied)
                QVERIFY(!w->hops.back().route);
    }
    QCOMPARE(forwards.join(QStringLiteral(" | ")), forward);
    QCOMPARE(forwardVerdicts.join(QStringLiteral(" | ")), forwardVerdict);
    QCOMPARE(replies.join(QStringLiteral(" | ")), reply);
    QCOMPARE(replyVerdicts.join(QStringLiteral(" | ")), replyVerdict);
    QCOMPARE(result->ok ? QStringLiteral("ok") : routing::toString(result->reason), connection);
}

// nsg.md §5: the deciding rule's name, action, priority, direction and origin, and where the
// NSG is applied.
void TestNsgWalk::hopReport()
{
    Builder b = seedWithNsg();
    b.edit([](model::Design &d) {
        setNsg(d, "nsg-proxy", {{"deny-ssh", 200, In, Deny, Tcp, "*", "*", "22"}});
        onNic(d, "proxy", "nsg-proxy");
    });
    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;

    const auto ok = tracer.trace({QStringLiteral("remote-pc"), QStringLiteral("proxy"), 3128}, &error);
    QVERIFY(ok);
    const routing::Hop &proxyHop = ok->legs.front().forward.hops.back();
    QVERIFY(proxyHop.nsg && proxyHop.nsg->inbound && !proxyHop.nsg->outbound);
    const auto groups = proxyHop.nsg->inbound->evaluatedGroups();
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[0].networkSecurityGroup, QStringLiteral("nsg-subnet-b"));
    QCOMPARE(groups[0].appliedTo, QStringLiteral("Spoke-Vnet-b/Subnet-b"));
    QCOMPARE(groups[0].ruleName, QStringLiteral("allow-p2s-proxy"));
    QCOMPARE(model::toString(groups[0].action), model::toString(Allow));
    QCOMPARE(groups[0].priority, 100);
    QCOMPARE(model::toString(groups[0].direction), model::toString(In));
    QVERIFY(!groups[0].isDefault);
    QCOMPARE(groups[1].networkSecurityGroup, QStringLiteral("nsg-proxy"));
    QCOMPARE(groups[1].appliedTo, QStringLiteral("proxy"));
    QCOMPARE(groups[1].ruleName, QStringLiteral("AllowVnetInBound"));
    QCOMPARE(groups[1].priority, 65000);
    QVERIFY(groups[1].isDefault);
    QCOMPARE(model::toString(proxyHop.nsg->inbound->verdict), model::toString(Allow));
    // Firewalls, gateways and clients are no evaluation points: their `nsg` is null.
    for (const routing::Hop &h : ok->legs.front().forward.hops)
        if (h.device != proxyHop.device)
            QVERIFY(!h.nsg);

    const auto denied = tracer.trace({QStringLiteral("remote-pc"), QStringLiteral("proxy"), 22}, &error);
    QVERIFY(denied);
    const routing::Walk &walk = denied->legs.front().forward;
    const routing::NsgVerdict &v = *walk.hops.back().nsg->inbound;
    QCOMPARE(model::toString(v.verdict), model::toString(Deny));
    QVERIFY(!v.byState && !v.platformExempt);
    QCOMPARE(v.denyingGroup()->ruleName, QStringLiteral("deny-all-inbound"));
    QCOMPARE(v.evaluatedGroups().size(), std::size_t(1)); // a subnet deny stops before the NIC
    QVERIFY2(walk.explanation.contains(
                 QStringLiteral("denied by nsg-subnet-b rule deny-all-inbound (priority 4096)")),
             qPrintable(walk.explanation));

    // cli.md --source-port: the request's source port reaches the rules, the reply swaps them.
    Builder sp = tn().edit([](model::Design &d) {
        setNsg(d, "nsg-app", {{"deny-high-source", 100, In, Deny, Tcp, "*", "*", "*",
                               "60000-65535"}});
        onSubnet(d, "spoke2/app", "nsg-app");
    });
    const model::Network spNetwork(sp.d);
    const routing::EffectiveRoutes spRoutes(spNetwork);
    const routing::Tracer spTracer(spRoutes);
    const auto defaultPort =
        spTracer.trace({QStringLiteral("hubvm"), QStringLiteral("vm2"), 443}, &error);
    QVERIFY(defaultPort && defaultPort->ok);
    QCOMPARE(defaultPort->legs.front().sourcePort, 50000);
    const auto highPort = spTracer.trace(
        {QStringLiteral("hubvm"), QStringLiteral("vm2"), 443, model::Protocol::Tcp, 61000},
        &error);
    QVERIFY(highPort);
    QCOMPARE(highPort->legs.front().sourcePort, 61000);
    QCOMPARE(routing::toString(highPort->legs.front().forward.reason),
             QStringLiteral("nsg-denied"));
}

// N2: service tags at an evaluation point.
void TestNsgWalk::tags_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("point");
    QTest::addColumn<QStringList>("inVirtualNetwork");
    QTest::addColumn<QStringList>("outsideVirtualNetwork");

    auto withNsg = [](Builder b, const char *subnet) {
        return b.edit([subnet](model::Design &d) {
            setNsg(d, "nsg", {});
            onSubnet(d, subnet, "nsg");
        });
    };
    const QStringList none;
    QTest::newRow("T-N spoke1/web: own VNet, peered hub, 168.63.129.16, not spoke2")
        << withNsg(tn(), "spoke1/web").d << "vm1"
        << QStringList{"10.1.200.1", "10.0.3.4", "168.63.129.16"}
        << QStringList{"10.2.0.4", "8.8.8.8", "168.63.129.17"};
    QTest::newRow("T-N hub: both spokes") << withNsg(tn(), "hub/mgmt").d << "hubvm"
                                          << QStringList{"10.1.0.4", "10.2.0.4", "10.0.255.255"}
                                          << QStringList{"10.3.0.1"};
    QTest::newRow("N2.1 b: a peering without virtual network access is left out")
        << withNsg(tn(), "spoke1/web").edit([](model::Design &d) {
               for (model::Peering &p : d.peerings)
                   if (p.from == QLatin1String("spoke1"))
                       p.allowVirtualNetworkAccess = false;
           }).d
        << "vm1" << QStringList{"10.1.0.4"} << QStringList{"10.0.3.4"};
    QTest::newRow("N2.1 a: a subnet stand-in has its subnet's tag")
        << withNsg(tn(), "spoke2/app").d << "spoke2/app" << QStringList{"10.2.0.9", "10.0.0.1"}
        << QStringList{"10.1.0.4"};
    QTest::newRow("TC-N12a: 0/0 to an appliance widens the tag to everything")
        << withNsg(throughNva(), "spoke2/app").d << "vm2"
        << QStringList{"10.1.0.4", "8.8.8.8", "0.0.0.0", "255.255.255.255"} << none;
    QTest::newRow("TC-N17: rt-b's pool route is in, its 0/0 to Internet is not")
        << seedWithNsg().d << "proxy" << QStringList{"172.16.16.200", "10.0.1.4"}
        << QStringList{"8.8.8.8", "10.1.1.4"};
    QTest::newRow("N2.1 d: vnetTagUdrPrefixes all takes the Internet route")
        << seedWithNsg().edit([](model::Design &d) {
               d.settings.vnetTagUdrPrefixes = model::VnetTagUdrPrefixes::All;
           }).d
        << "proxy" << QStringList{"8.8.8.8", "10.1.1.4"} << none;
    QTest::newRow("N2.1 c: gateway routes of the VNet enter its tag")
        << withNsg(tn().subnet("hub", "GatewaySubnet", "10.0.2.0/27")
                       .gateway("vpngw", "hub", "172.16.201.0/24")
                       .site("vpngw", "office", "192.168.0.0/16"),
                   "hub/mgmt")
               .d
        << "hubvm" << QStringList{"172.16.201.9", "192.168.7.7"} << QStringList{"172.16.202.1"};
}

void TestNsgWalk::tags()
{
    QFETCH(model::Design, design);
    QFETCH(QString, point);
    QFETCH(QStringList, inVirtualNetwork);
    QFETCH(QStringList, outsideVirtualNetwork);
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::SecurityGroups groups(routes);
    int device = network.deviceIndex(point);
    if (device < 0)
        device = network.subnets()[network.subnetIndex(point)].workloadDevice;
    QVERIFY(groups.hasSecurityGroups(device));
    for (const QString &a : inVirtualNetwork)
        QVERIFY2(groups.virtualNetworkTagHolds(device, *Ipv4Address::parse(a)), qPrintable(a));
    for (const QString &a : outsideVirtualNetwork)
        QVERIFY2(!groups.virtualNetworkTagHolds(device, *Ipv4Address::parse(a)), qPrintable(a));
    // N2.2: Internet excludes the reserved ranges and everything the design places.
    QVERIFY(groups.internetTagHolds(address("203.0.113.10")));
    QVERIFY(!groups.internetTagHolds(address("10.9.9.9")));
    QVERIFY(!groups.internetTagHolds(address("100.64.0.1")));
    QVERIFY(!groups.internetTagHolds(address("169.254.169.254")));
}

// Designs without NSGs: every evaluation point allows with nothing evaluated, and the walks are
// those of before (tst_packetwalk holds their paths).
void TestNsgWalk::withoutNsgsNothingIsEvaluated()
{
    const Builder b = seed(false);
    const model::Network network(b.d);
    const routing::EffectiveRoutes routes(network);
    const routing::SecurityGroups groups(routes);
    const int proxy = network.deviceIndex(QStringLiteral("proxy"));
    QVERIFY(groups.isEvaluationPoint(proxy));
    QVERIFY(!groups.hasSecurityGroups(proxy));
    QVERIFY(!groups.isEvaluationPoint(network.deviceIndex(QStringLiteral("fw-hub"))));
    QVERIFY(!groups.isEvaluationPoint(network.deviceIndex(QStringLiteral("remote-pc"))));
    QVERIFY(!groups.isEvaluationPoint(network.internetDevice()));
    const routing::NsgVerdict v = groups.evaluate(
        proxy, In, {address("172.16.16.2"), address("10.2.0.4"), model::Protocol::Tcp, 50000, 22});
    QCOMPARE(model::toString(v.verdict), model::toString(Allow));
    QVERIFY(v.evaluatedGroups().empty() && !v.byState && !v.platformExempt);

    // N3.10: platform addresses pass without rules, even past a deny-all.
    Builder denyAll = tn().edit([](model::Design &d) {
        setNsg(d, "nsg-app", {{"deny-all", 100, In, Deny}, {"deny-all-out", 100, Out, Deny}});
        onSubnet(d, "spoke2/app", "nsg-app");
    });
    const model::Network n2(denyAll.d);
    const routing::EffectiveRoutes r2(n2);
    const routing::SecurityGroups g2(r2);
    const int vm2 = n2.deviceIndex(QStringLiteral("vm2"));
    const auto exempt = g2.evaluate(
        vm2, In, {address("168.63.129.16"), address("10.2.0.4"), model::Protocol::Tcp, 50000, 80});
    QVERIFY(exempt.platformExempt);
    QCOMPARE(model::toString(exempt.verdict), model::toString(Allow));
    const auto imds = g2.evaluate(
        vm2, Out, {address("10.2.0.4"), address("169.254.169.254"), model::Protocol::Tcp, 50000, 80});
    QVERIFY(imds.platformExempt);
    const auto denied = g2.evaluate(
        vm2, In, {address("10.0.3.4"), address("10.2.0.4"), model::Protocol::Tcp, 50000, 80});
    QCOMPARE(model::toString(denied.verdict), model::toString(Deny));
}

QTEST_GUILESS_MAIN(TestNsgWalk)
#include "tst_nsgwalk.moc"
