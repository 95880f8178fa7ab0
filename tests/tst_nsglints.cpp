// The lints of network security groups (nsg.md §6, L21–L24, L26–L31): each with rows that
// trigger it, as nsg.md's test cases do, and rows that stay quiet. Designs are nsg.md's base
// topology T-N, built in code.

#include "TestDesigns.h"
#include "analysis/Check.h"
#include "analysis/SecurityLints.h"

#include <QtTest>

using namespace hopscope;
using namespace testdesigns;
using NH = model::NextHopType;

Q_DECLARE_METATYPE(hopscope::model::Design)
Q_DECLARE_METATYPE(hopscope::model::SecurityRule)

namespace {

// One rule, written as nsg.md's test cases write them: "(100, Inbound, Deny, Tcp, src → dst:port)".
struct R
{
    const char *name;
    int priority;
    SecurityDirection direction;
    RuleAction access;
    SecurityProtocol protocol = SecurityProtocol::Any;
    std::vector<const char *> source = {};      // items; empty: `*`
    std::vector<const char *> destination = {}; // items; empty: `*`
    std::vector<PortRange> ports = {};          // destination ports; empty: `*`
    std::vector<const char *> sourceAsgs = {};
    std::vector<const char *> destinationAsgs = {};
    std::vector<PortRange> sourcePorts = {}; // empty: `*`
};

SecurityAddress item(const char *text)
{
    const QString t = QString::fromLatin1(text);
    if (t == u"*")
        return SecurityAddress::any();
    if (const auto p = Prefix::parse(t.contains(u'/') ? t : t + QStringLiteral("/32")))
        return SecurityAddress::of(*p);
    return SecurityAddress::ofTag(t);
}

SecurityRule rule(const R &r)
{
    SecurityRule s;
    s.name = QString::fromLatin1(r.name);
    s.priority = r.priority;
    s.direction = r.direction;
    s.access = r.access;
    s.protocol = r.protocol;
    for (const char *a : r.source)
        s.source.addresses.push_back(item(a));
    for (const char *a : r.destination)
        s.destination.addresses.push_back(item(a));
    for (const char *a : r.sourceAsgs)
        s.source.applicationSecurityGroups.push_back(QString::fromLatin1(a));
    for (const char *a : r.destinationAsgs)
        s.destination.applicationSecurityGroups.push_back(QString::fromLatin1(a));
    s.destination.ports = r.ports;
    s.source.ports = r.sourcePorts;
    return s;
}

constexpr auto In = SecurityDirection::Inbound;
constexpr auto Out = SecurityDirection::Outbound;
constexpr auto Allow = RuleAction::Allow;
constexpr auto Deny = RuleAction::Deny;
constexpr auto Tcp = SecurityProtocol::Tcp;

// nsg.md's base topology T-N.
Builder tn()
{
    Builder b;
    b.vnet("hub", "10.0.0.0/16")
        .subnet("hub", "AzureFirewallSubnet", "10.0.1.0/26")
        .subnet("hub", "mgmt", "10.0.3.0/24")
        .subnet("hub", "nva", "10.0.4.0/24")
        .subnet("hub", "nva2", "10.0.5.0/24")
        .firewall("fw", "hub/AzureFirewallSubnet", "10.0.1.4")
        .vm("hubvm", "hub/mgmt", "10.0.3.4")
        .vm("nva1", "hub/nva", "10.0.4.4", true)
        .vm("nva2", "hub/nva2", "10.0.5.4", true)
        .vnet("spoke1", "10.1.0.0/16")
        .subnet("spoke1", "web", "10.1.0.0/24")
        .vm("vm1", "spoke1/web", "10.1.0.4")
        .vm("vm1b", "spoke1/web", "10.1.0.5")
        .vnet("spoke2", "10.2.0.0/16")
        .subnet("spoke2", "app", "10.2.0.0/24")
        .vm("vm2", "spoke2/app", "10.2.0.4")
        .vm("vm3", "spoke2/app", "10.2.0.5")
        .peer("hub", "spoke1")
        .peer("hub", "spoke2");
    return b;
}

// Adds NSG `name` with `rules`; `subnets` and `nics` name where it is associated.
Builder &nsg(Builder &b, const char *name, std::vector<R> rules,
             std::vector<const char *> subnets = {}, std::vector<const char *> nics = {})
{
    NetworkSecurityGroup g;
    g.name = QString::fromLatin1(name);
    for (const R &r : rules)
        g.securityRules.push_back(rule(r));
    b.d.networkSecurityGroups.push_back(g);
    for (const char *s : subnets)
        b.d.subnet(QString::fromLatin1(s))->networkSecurityGroup = g.name;
    for (const char *n : nics)
        b.d.vm(QString::fromLatin1(n))->networkSecurityGroup = g.name;
    return b;
}

Builder &asg(Builder &b, const char *name, std::vector<const char *> members)
{
    b.d.applicationSecurityGroups.push_back({QString::fromLatin1(name), {}});
    for (const char *m : members)
        b.d.vm(QString::fromLatin1(m))->applicationSecurityGroups.push_back(
            QString::fromLatin1(name));
    return b;
}

// TC-N9's routes: both workload subnets send 0/0 to nva1.
Builder &throughNva(Builder &b)
{
    b.table("rt-web")
        .route("rt-web", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
        .attach("spoke1/web", "rt-web")
        .table("rt-app")
        .route("rt-app", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
        .attach("spoke2/app", "rt-app");
    return b;
}

// nsg.md TC-N17: the seed lab with RT-hubfw fixed, two clients in the pool, and an NSG on
// Subnet-b that admits only the pool on 3128 (or, with `rules`, what the case says).
Builder seedWithNsg(std::vector<R> rules, bool typo = false)
{
    Builder b = seed(typo);
    b.client("remote-pc2", "vpngw-a", "172.16.16.200");
    nsg(b, "nsg-subnet-b", std::move(rules), {"Spoke-Vnet-b/Subnet-b"});
    return b;
}

const std::vector<R> &admitPoolOn3128()
{
    static const std::vector<R> rules{
        {"allow-p2s-proxy", 100, In, Allow, Tcp, {"172.16.16.0/24"}, {"10.2.0.4"}, {{3128, 3128}}},
        {"deny-all-inbound", 4096, In, Deny}};
    return rules;
}

// TC-N11: spoke1/web sends 0/0 to nva1, spoke2/app to nva2, so replies cross the other NVA.
Builder crossedNvas(std::vector<R> nva2Rules)
{
    Builder b = tn();
    b.table("rt-web")
        .route("rt-web", "default-nva", "0.0.0.0/0", NH::VirtualAppliance, "10.0.4.4")
        .attach("spoke1/web", "rt-web")
        .table("rt-app")
        .route("rt-app", "default-nva2", "0.0.0.0/0", NH::VirtualAppliance, "10.0.5.4")
        .attach("spoke2/app", "rt-app");
    nsg(b, "nsg-nva2", std::move(nva2Rules), {"hub/nva2"});
    return b;
}

// Every finding of a report, one per line, for a failing row's message.
QString everyFinding(const analysis::CheckReport &report)
{
    QStringList all;
    for (const analysis::Finding &f : report.findings)
        all << f.code + u": " + f.message;
    return all.join(u'\n');
}

QList<const analysis::Finding *> withCode(const analysis::CheckReport &report, const QString &code)
{
    QList<const analysis::Finding *> found;
    for (const analysis::Finding &f : report.findings)
        if (f.code == code)
            found << &f;
    return found;
}

} // namespace

class TestNsgLints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lints_data();
    void lints();
    void cover_data();
    void cover();
    void sweeps_data();
    void sweeps();
};

void TestNsgLints::lints_data()
{
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("count");         // findings of that code
    QTest::addColumn<QString>("severity");  // of the first one, when count > 0
    QTest::addColumn<QString>("phrase");    // in the first one's message
    QTest::addColumn<QStringList>("objects"); // the first one's objects, when given

    auto row = [](const char *name, const Builder &b, const char *code, int count,
                  const char *severity = "", const char *phrase = "",
                  QStringList objects = {}) {
        QTest::newRow(name) << b.d << QString::fromLatin1(code) << count
                            << QString::fromLatin1(severity) << QString::fromUtf8(phrase)
                            << objects;
    };

    // L21, L22: TC-N16.
    {
        Builder b = tn();
        b.subnet("hub", "GatewaySubnet", "10.0.2.0/27")
            .gateway("vpngw", "hub", "172.16.201.0/24")
            .client("pc", "vpngw", "172.16.201.2");
        nsg(b, "nsg-deny",
            {{"deny-in", 100, In, Deny}, {"deny-out", 100, Out, Deny}},
            {"hub/GatewaySubnet", "hub/AzureFirewallSubnet"});
        row("nsg-on-gateway-subnet (L21, TC-N16): triggers", b, "nsg-on-gateway-subnet", 1,
            "error", "GatewaySubnet", {"hub/GatewaySubnet", "nsg-deny"});
        row("nsg-on-firewall-subnet (L22, TC-N16): triggers", b, "nsg-on-firewall-subnet", 1,
            "error", "firewall", {"hub/AzureFirewallSubnet", "nsg-deny"});
    }
    {
        Builder b = tn();
        b.subnet("hub", "AzureFirewallManagementSubnet", "10.0.6.0/26");
        nsg(b, "nsg-m", {}, {"hub/AzureFirewallManagementSubnet"});
        row("nsg-on-firewall-subnet (L22): the management subnet triggers it too", b,
            "nsg-on-firewall-subnet", 1, "error", "AzureFirewallManagementSubnet");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-web", {}, {"spoke1/web"});
        row("nsg-on-gateway-subnet: quiet on a workload subnet", b, "nsg-on-gateway-subnet", 0);
        row("nsg-on-firewall-subnet: quiet on a workload subnet", b, "nsg-on-firewall-subnet", 0);
    }

    // L23: TC-N14, TC-N15.
    {
        Builder b = tn();
        nsg(b, "nsg-x",
            {{"r1", 100, In, Allow, SecurityProtocol::Any, {"VirtualNetwork"}},
             {"r2", 200, In, Deny, Tcp, {"VirtualNetwork"}, {}, {{22, 22}}},
             {"r3", 300, In, Allow, Tcp, {"10.0.0.0/8"}, {}, {{443, 443}}},
             {"r4", 310, In, Allow, Tcp, {"10.1.0.0/16"}, {}, {{443, 443}}},
             {"r5", 400, In, Deny, Tcp, {"10.1.2.0/24"}, {}, {{440, 450}}}},
            {"spoke2/app"});
        row("nsg-rule-shadowed (L23, TC-N14): two rules, r2 first", b, "nsg-rule-shadowed", 2,
            "warning", "nsg-x rule r2 (Inbound 200) never decides: nsg-x rule r1", {"nsg-x"});
    }
    {
        Builder b = tn();
        nsg(b, "nsg-x",
            {{"r3", 300, In, Allow, Tcp, {"10.0.0.0/8"}, {}, {{443, 443}}},
             {"r4", 310, In, Allow, Tcp, {"10.1.0.0/16"}, {}, {{443, 443}}}},
            {"spoke2/app"});
        row("nsg-rule-shadowed (L23, TC-N14): same access is an info", b, "nsg-rule-shadowed",
            1, "info", "r4 (Inbound 310) never decides: nsg-x rule r3");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-x",
            {{"r1", 100, In, Allow, SecurityProtocol::Any, {"VirtualNetwork"}},
             {"r3", 300, In, Allow, Tcp, {"10.0.0.0/8"}, {}, {{443, 443}}}},
            {"spoke2/app"});
        row("nsg-rule-shadowed: quiet, a tag does not cover a prefix (TC-N14 r3)", b,
            "nsg-rule-shadowed", 0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-x",
            {{"r3", 300, In, Allow, Tcp, {"10.0.0.0/8"}, {}, {{443, 443}}},
             {"r5", 400, In, Deny, Tcp, {"10.1.2.0/24"}, {}, {{440, 450}}}},
            {"spoke2/app"});
        row("nsg-rule-shadowed: quiet, ports not covered (TC-N14 r5)", b, "nsg-rule-shadowed",
            0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-x",
            {{"r1", 100, Out, Allow, SecurityProtocol::Any, {"VirtualNetwork"}},
             {"r2", 200, In, Deny, Tcp, {"VirtualNetwork"}, {}, {{22, 22}}}},
            {"spoke2/app"});
        row("nsg-rule-shadowed: quiet across directions", b, "nsg-rule-shadowed", 0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-x",
            {{"r1", 100, In, Deny, Tcp, {"10.0.0.0/16"}},
             {"r2", 200, In, Allow, SecurityProtocol::Any, {"10.0.0.0/16"}}},
            {"spoke2/app"});
        row("nsg-rule-shadowed: quiet when the later rule has a wider protocol", b,
            "nsg-rule-shadowed", 0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-y",
            {{"a", 100, In, Deny, SecurityProtocol::Any, {"10.0.0.0/16"}},
             {"b", 100, In, Allow, SecurityProtocol::Any, {"10.0.0.0/16"}},
             {"c", 100, Out, Allow}},
            {"spoke2/app"});
        row("nsg-duplicate-priority (L26, TC-N15): names a and b only", b,
            "nsg-duplicate-priority", 1, "error", "rules a, b share priority 100 Inbound",
            {"nsg-y"});
        row("nsg-rule-shadowed (L23, TC-N15): b by a, file order", b, "nsg-rule-shadowed", 1,
            "warning", "nsg-y rule b (Inbound 100) never decides: nsg-y rule a");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-y", {{"a", 100, In, Deny}, {"c", 100, Out, Allow}}, {"spoke2/app"});
        row("nsg-duplicate-priority: quiet, one priority in two directions", b,
            "nsg-duplicate-priority", 0);
    }

    // L24: TC-N7 (b) and its variations.
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"allow-ssh", 300, In, Allow, Tcp, {"Internet"}, {}, {{22, 22}}}},
            {"spoke2/app"});
        row("nsg-open-management-port (L24, TC-N7b): ssh from Internet", b,
            "nsg-open-management-port", 1, "warning", "TCP port 22 from the whole Internet",
            {"nsg-app"});
    }
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"open", 300, In, Allow, SecurityProtocol::Any, {}, {}, {{20, 4000}}}},
            {"spoke2/app"});
        row("nsg-open-management-port: a range from * holding 22 and 3389", b,
            "nsg-open-management-port", 1, "warning", "TCP port 22 and 3389");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"rdp", 300, In, Allow, Tcp, {"0.0.0.0/0"}, {}, {{3389, 3389}}}},
            {}, {"vm2"});
        row("nsg-open-management-port: rdp from 0.0.0.0/0 on a NIC", b,
            "nsg-open-management-port", 1, "warning", "port 3389");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"ssh", 300, In, Allow, Tcp, {"10.0.0.0/8"}, {}, {{22, 22}}}},
            {"spoke2/app"});
        row("nsg-open-management-port: quiet from a private range", b,
            "nsg-open-management-port", 0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"ssh", 300, In, Allow, SecurityProtocol::Udp, {}, {}, {{22, 22}}}},
            {"spoke2/app"});
        row("nsg-open-management-port: quiet for Udp", b, "nsg-open-management-port", 0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"ssh", 300, In, Deny, Tcp, {"Internet"}, {}, {{22, 22}}}},
            {"spoke2/app"});
        row("nsg-open-management-port: quiet for a deny", b, "nsg-open-management-port", 0);
    }
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"ssh", 300, In, Allow, Tcp, {"Internet"}, {}, {{22, 22}}}});
        row("nsg-open-management-port: quiet when the NSG serves nothing", b,
            "nsg-open-management-port", 0);
    }

    // L27.
    {
        Builder b = tn();
        nsg(b, "nsg-z", {{"low", 99, In, Allow}}, {"spoke2/app"});
        row("nsg-rule-invalid (L27): priority 99", b, "nsg-rule-invalid", 1, "error",
            "priority 99 is outside 100–4096", {"nsg-z"});
    }
    {
        Builder b = tn();
        nsg(b, "nsg-z", {{"high", 4097, Out, Allow}}, {"spoke2/app"});
        row("nsg-rule-invalid (L27): priority 4097", b, "nsg-rule-invalid", 1, "error",
            "priority 4097");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-z",
            {{"tags", 100, In, Allow, Tcp, {"VirtualNetwork", "AzureLoadBalancer"}}},
            {"spoke2/app"});
        row("nsg-rule-invalid (L27): two service tags on one side", b, "nsg-rule-invalid", 1,
            "error", "its source names 2 service tags");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-z", {{"mixed", 100, In, Allow, Tcp, {}, {"Internet", "10.2.0.0/24"}}},
            {"spoke2/app"});
        row("nsg-rule-invalid (L27): a tag mixed with prefixes", b, "nsg-rule-invalid", 1,
            "error", "its destination mixes a service tag with prefixes");
    }
    {
        Builder b = tn();
        asg(b, "asg-a", {"vm2"});
        asg(b, "asg-b", {"vm3"});
        nsg(b, "nsg-z", {{"asgs", 100, In, Allow, Tcp, {}, {}, {}, {}, {"asg-a", "asg-b"}}},
            {"spoke2/app"});
        row("nsg-rule-invalid (L27): two ASGs on one side", b, "nsg-rule-invalid", 1, "error",
            "names 2 application security groups");
    }
    {
        Builder b = tn();
        nsg(b, "nsg-z",
            {{"fine", 100, In, Allow, Tcp, {"10.0.0.0/16", "10.1.0.0/16"}, {}, {{443, 443}}},
             {"edge", 4096, In, Deny}},
            {"spoke2/app"});
        row("nsg-rule-invalid: quiet for prefixes and priorities 100 and 4096", b,
            "nsg-rule-invalid", 0);
    }

    // L28: TC-N12.
    {
        Builder b = tn();
        throughNva(b);
        nsg(b, "nsg-app", {}, {"spoke2/app"});
        row("nsg-vnet-tag-widened (L28, TC-N12a): 0/0 to an appliance", b,
            "nsg-vnet-tag-widened", 1, "info", "AllowVnetInBound of nsg-app admits any source",
            {"spoke2/app", "rt-app", "nsg-app"});
    }
    {
        Builder b = tn();
        throughNva(b);
        nsg(b, "nsg-app", {}, {"spoke2/app"});
        b.d.vm(QStringLiteral("vm2"))->outbound = OutboundMethod::PublicIp;
        row("nsg-vnet-tag-widened (L28, TC-N12d): a VM with a public IP makes it a warning", b,
            "nsg-vnet-tag-widened", 1, "warning", "the Internet included");
    }
    {
        Builder b = tn();
        throughNva(b);
        nsg(b, "nsg-app", {}, {"spoke2/app"});
        b.d.settings.vnetTagUdrPrefixes = VnetTagUdrPrefixes::None;
        row("nsg-vnet-tag-widened: quiet with vnetTagUdrPrefixes none (TC-N12c)", b,
            "nsg-vnet-tag-widened", 0);
    }
    {
        Builder b = tn();
        b.table("rt-app")
            .route("rt-app", "to-web", "10.1.0.0/16", NH::VirtualAppliance, "10.0.4.4")
            .attach("spoke2/app", "rt-app");
        nsg(b, "nsg-app", {}, {"spoke2/app"});
        row("nsg-vnet-tag-widened: quiet for one prefix (TC-N12b)", b, "nsg-vnet-tag-widened",
            0);
    }
    {
        Builder b = tn();
        b.table("rt-app")
            .route("rt-app", "low", "0.0.0.0/1", NH::VirtualAppliance, "10.0.4.4")
            .route("rt-app", "high", "128.0.0.0/1", NH::VirtualAppliance, "10.0.4.4")
            .attach("spoke2/app", "rt-app");
        nsg(b, "nsg-vm2", {}, {}, {"vm2"});
        row("nsg-vnet-tag-widened: two halves to an appliance, NIC NSG", b,
            "nsg-vnet-tag-widened", 1, "info", "rt-app on spoke2/app");
    }
    {
        Builder b = tn();
        b.table("rt-app")
            .route("rt-app", "out", "0.0.0.0/0", NH::Internet)
            .attach("spoke2/app", "rt-app");
        nsg(b, "nsg-app", {}, {"spoke2/app"});
        row("nsg-vnet-tag-widened: quiet for 0/0 to Internet under forwarding", b,
            "nsg-vnet-tag-widened", 0);
        b.d.settings.vnetTagUdrPrefixes = VnetTagUdrPrefixes::All;
        row("nsg-vnet-tag-widened: 0/0 to Internet under all", b, "nsg-vnet-tag-widened", 1,
            "info");
    }
    {
        Builder b = tn();
        throughNva(b);
        row("nsg-vnet-tag-widened: quiet without an NSG", b, "nsg-vnet-tag-widened", 0);
    }

    // L29.
    {
        Builder b = tn();
        nsg(b, "nsg-s", {{"to-storage", 100, Out, Allow, Tcp, {}, {"Storage"}, {{443, 443}}}},
            {"spoke2/app"});
        row("nsg-service-tag-not-modelled (L29): Storage", b, "nsg-service-tag-not-modelled",
            1, "info", "service tag Storage", {"nsg-s"});
    }
    {
        Builder b = tn();
        nsg(b, "nsg-s",
            {{"vnet", 100, In, Allow, Tcp, {"virtualNetwork"}},
             {"lb", 110, In, Allow, Tcp, {"AzureLoadBalancer"}},
             {"net", 120, Out, Allow, Tcp, {}, {"internet"}}},
            {"spoke2/app"});
        row("nsg-service-tag-not-modelled: quiet for the three modelled tags, any case", b,
            "nsg-service-tag-not-modelled", 0);
    }

    // L30: TC-N4.
    {
        Builder b = tn();
        nsg(b, "nsg-app", {{"allow-hub-https", 100, In, Allow, Tcp, {"10.0.0.0/16"}, {}, {{443, 443}}}},
            {"spoke2/app"});
        nsg(b, "nsg-vm2", {{"deny-https", 100, In, Deny, Tcp, {}, {}, {{443, 443}}}}, {},
            {"vm2"});
        row("nsg-on-subnet-and-nic (L30, TC-N4): triggers", b, "nsg-on-subnet-and-nic", 1,
            "info", "vm2 is filtered twice", {"vm2", "nsg-app", "nsg-vm2"});
    }
    {
        Builder b = tn();
        nsg(b, "nsg-vm2", {}, {}, {"vm2"});
        row("nsg-on-subnet-and-nic: quiet for a NIC NSG alone", b, "nsg-on-subnet-and-nic", 0);
    }

    // L31.
    {
        Builder b = tn();
        asg(b, "asg-web", {"vm1", "vm2"});
        row("asg-invalid (L31): members in two VNets", b, "asg-invalid", 1, "error",
            "asg-web has members in 2 VNets (spoke1, spoke2)", {"asg-web"});
    }
    {
        Builder b = tn();
        asg(b, "asg-web", {"vm1"});
        asg(b, "asg-app", {"vm2"});
        nsg(b, "nsg-app", {{"web-to-app", 100, In, Allow, Tcp, {}, {}, {}, {"asg-web"}, {"asg-app"}}},
            {"spoke2/app"});
        row("asg-invalid (L31): a rule joining ASGs of two VNets", b, "asg-invalid", 1, "error",
            "source in spoke1, destination in spoke2", {"nsg-app"});
    }
    {
        Builder b = tn();
        asg(b, "asg-app", {"vm2", "vm3"});
        asg(b, "asg-app2", {"vm3"});
        nsg(b, "nsg-app", {{"app", 100, In, Allow, Tcp, {}, {}, {}, {"asg-app"}, {"asg-app2"}}},
            {"spoke2/app"});
        row("asg-invalid: quiet, one VNet", b, "asg-invalid", 0);
    }
}

void TestNsgLints::lints()
{
    QFETCH(model::Design, design);
    QFETCH(QString, code);
    QFETCH(int, count);
    QFETCH(QString, severity);
    QFETCH(QString, phrase);
    QFETCH(QStringList, objects);
    analysis::CheckOptions options;
    options.sweeps = false;
    const analysis::CheckReport report = analysis::checkDesign(design, options);
    const auto found = withCode(report, code);
    QVERIFY2(found.size() == count, qPrintable(everyFinding(report)));
    if (count == 0)
        return;
    QCOMPARE(analysis::toString(found.first()->severity), severity);
    QVERIFY2(found.first()->message.contains(phrase), qPrintable(found.first()->message));
    if (!objects.isEmpty())
        QCOMPARE(found.first()->objects, objects);
}

void TestNsgLints::cover_data()
{
    // L23's cover test, case by case: does rule A match every packet rule B matches?
    QTest::addColumn<SecurityRule>("a");
    QTest::addColumn<SecurityRule>("b");
    QTest::addColumn<bool>("covers");
    auto row = [](const char *name, const R &a, const R &b, bool covers) {
        QTest::newRow(name) << rule(a) << rule(b) << covers;
    };
    row("* covers an ASG side", {"a", 100, In, Allow}, {"b", 200, In, Allow, SecurityProtocol::Any, {}, {}, {}, {"asg-1"}},
        true);
    row("an ASG side covers one with fewer groups",
        {"a", 100, In, Allow, SecurityProtocol::Any, {}, {}, {}, {}, {"asg-1", "asg-2"}},
        {"b", 200, In, Allow, SecurityProtocol::Any, {}, {}, {}, {}, {"asg-2"}}, true);
    row("an ASG side does not cover one with another group",
        {"a", 100, In, Allow, SecurityProtocol::Any, {}, {}, {}, {}, {"asg-1"}},
        {"b", 200, In, Allow, SecurityProtocol::Any, {}, {}, {}, {}, {"asg-2"}}, false);
    row("an ASG side does not cover *",
        {"a", 100, In, Allow, SecurityProtocol::Any, {}, {}, {}, {"asg-1"}},
        {"b", 200, In, Allow}, false);
    row("a prefix covers a prefix inside it", {"a", 100, In, Allow, Tcp, {"10.0.0.0/8"}},
        {"b", 200, In, Allow, Tcp, {"10.1.2.0/24", "10.3.0.4"}}, true);
    row("a prefix does not cover a wider one", {"a", 100, In, Allow, Tcp, {"10.1.0.0/16"}},
        {"b", 200, In, Allow, Tcp, {"10.0.0.0/8"}}, false);
    row("a prefix does not cover *", {"a", 100, In, Allow, Tcp, {"10.0.0.0/8"}},
        {"b", 200, In, Allow, Tcp}, false);
    row("a tag covers the same tag in another case", {"a", 100, In, Allow, Tcp, {"VirtualNetwork"}},
        {"b", 200, In, Allow, Tcp, {"virtualnetwork"}}, true);
    row("a tag does not cover a prefix", {"a", 100, In, Allow, Tcp, {"VirtualNetwork"}},
        {"b", 200, In, Allow, Tcp, {"10.0.0.0/16"}}, false);
    row("0.0.0.0/0 covers a tag", {"a", 100, In, Allow, Tcp, {"0.0.0.0/0"}},
        {"b", 200, In, Allow, Tcp, {"Internet"}}, true);
    row("two port ranges making 0-65535 cover *",
        {"a", 100, In, Allow, Tcp, {}, {}, {{0, 1000}, {1001, 65535}}},
        {"b", 200, In, Allow, Tcp}, true);
    row("ports 440-450 do not cover 439-441", {"a", 100, In, Allow, Tcp, {}, {}, {{440, 450}}},
        {"b", 200, In, Allow, Tcp, {}, {}, {{439, 441}}}, false);
    row("Tcp does not cover *", {"a", 100, In, Allow, Tcp}, {"b", 200, In, Allow}, false);
    row("* covers Udp", {"a", 100, In, Allow}, {"b", 200, In, Allow, SecurityProtocol::Udp},
        true);
    row("the destination side counts too", {"a", 100, In, Allow, Tcp, {}, {"10.2.0.0/24"}},
        {"b", 200, In, Allow, Tcp, {}, {"10.2.1.0/24"}}, false);
}

void TestNsgLints::cover()
{
    QFETCH(SecurityRule, a);
    QFETCH(SecurityRule, b);
    QFETCH(bool, covers);
    QCOMPARE(analysis::securityRuleCovers(a, b), covers);
}

void TestNsgLints::sweeps_data()
{
    // nsg.md §7 and L25: the sweeps judge each pair over (source class, port class).
    QTest::addColumn<model::Design>("design");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QStringList>("phrases");   // each in the first finding's message
    QTest::addColumn<QStringList>("objects");   // the first finding's, when given
    QTest::addColumn<QString>("traceFrom");     // the first finding's trace, when given
    QTest::addColumn<int>("tracePort");
    auto row = [](const char *name, const Builder &b, const char *code, int count,
                  const char *severity = "", QStringList phrases = {}, QStringList objects = {},
                  const char *traceFrom = "", int tracePort = 0) {
        QTest::newRow(name) << b.d << QString::fromLatin1(code) << count
                            << QString::fromLatin1(severity) << phrases << objects
                            << QString::fromLatin1(traceFrom) << tracePort;
    };

    row("TC-N17: the pool works on 3128 only, no finding", seedWithNsg(admitPoolOn3128()),
        "vpn-pool-unreachable", 0);
    {
        std::vector<R> narrowed = admitPoolOn3128();
        narrowed.front().source = {"172.16.16.0/25"};
        row("TC-N17c: half the pool works on 3128, still no finding", seedWithNsg(narrowed),
            "vpn-pool-unreachable", 0);
    }
    row("TC-N17b: the seed's typo is still an error", seedWithNsg(admitPoolOn3128(), true),
        "vpn-pool-unreachable", 2, "error", {"10.2.1.4"});
    const std::vector<R> denyPool{{"deny-p2s", 100, In, Deny, SecurityProtocol::Any,
                                   {"172.16.16.0/24"}}};
    row("TC-N18: an NSG that denies the pool is a warning naming NSG, rule and point",
        seedWithNsg(denyPool), "vpn-pool-unreachable", 1, "warning",
        {"nsg-subnet-b", "deny-p2s", "Spoke-Vnet-b/Subnet-b"},
        {"vpngw-a", "remote-pc", "Spoke-Vnet-b/Subnet-b", "nsg-subnet-b"}, "remote-pc", 443);
    {
        Builder b = seedWithNsg(denyPool);
        b.d.intents.push_back({QStringLiteral("remote-pc"), QStringLiteral("proxy"), 3128});
        row("TC-N18: with an intent that needs it, intent-violated", b, "intent-violated", 1,
            "error", {"nsg-subnet-b"});
    }
    row("TC-N18b: no custom rules, the pool is in the VirtualNetwork tag", seedWithNsg({}),
        "vpn-pool-unreachable", 0);
    {
        Builder b = seedWithNsg({});
        b.d.settings.vnetTagUdrPrefixes = VnetTagUdrPrefixes::None;
        row("TC-N18c: without UDR prefixes in the tag, DenyAllInBound isolates the pool", b,
            "vpn-pool-unreachable", 2, "warning", {"nsg-subnet-b rule DenyAll"});
    }
    row("TC-N11: a reply denied by an NVA's NSG is broken, an error",
        crossedNvas({{"deny-spoke2", 100, In, Deny, SecurityProtocol::Any, {"10.2.0.0/16"}}}),
        "subnet-pair-unreachable", 3, "error", {"return-dropped/nsg-denied", "nsg-nva2"},
        {}, "spoke1/web", 443);
    row("TC-N11b: without the deny the crossed NVAs pass", crossedNvas({}),
        "subnet-pair-unreachable", 0);
    row("a pair broken only on port 22 is reported with port 22",
        crossedNvas({{"deny-ssh-replies", 100, In, Deny, Tcp, {"10.2.0.0/16"}, {}, {}, {}, {},
                      {{22, 22}}}}),
        "subnet-pair-unreachable", 1, "error", {"return-dropped/nsg-denied"}, {}, "spoke1/web",
        22);
}

void TestNsgLints::sweeps()
{
    QFETCH(model::Design, design);
    QFETCH(QString, code);
    QFETCH(int, count);
    QFETCH(QString, severity);
    QFETCH(QStringList, phrases);
    QFETCH(QStringList, objects);
    QFETCH(QString, traceFrom);
    QFETCH(int, tracePort);
    const analysis::CheckReport report = analysis::checkDesign(design);
    const auto found = withCode(report, code);
    QVERIFY2(found.size() == count, qPrintable(everyFinding(report)));
    if (count == 0)
        return;
    const analysis::Finding &f = *found.first();
    QCOMPARE(analysis::toString(f.severity), severity);
    for (const QString &phrase : phrases)
        QVERIFY2(f.message.contains(phrase), qPrintable(phrase + u" not in: " + f.message));
    if (!objects.isEmpty())
        QCOMPARE(f.objects, objects);
    if (!traceFrom.isEmpty()) {
        QVERIFY(f.trace);
        QCOMPARE(f.trace->from, traceFrom);
        QCOMPARE(f.trace->port, tracePort);
    }
}

QTEST_GUILESS_MAIN(TestNsgLints)
#include "tst_nsglints.moc"
