// Tests of format v1 reading and writing (format.md): every load error with its position,
// hostile input refused without crashing or hanging, and the canonical form round trip.

#include "io/DesignReader.h"
#include "io/DesignWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hopscope;
using namespace hopscope::model;

namespace {

QString errorList(const io::LoadResult &result)
{
    QStringList lines;
    for (const io::LoadError &error : result.errors)
        lines << error.toString();
    return lines.isEmpty() ? QStringLiteral("(no errors)") : lines.join(u'\n');
}

bool hasError(const io::LoadResult &result, int line, int column, const QString &phrase)
{
    return std::any_of(result.errors.begin(), result.errors.end(), [&](const io::LoadError &e) {
        return e.line == line && e.column == column && e.message.contains(phrase);
    });
}

QString examplePath(const QString &name)
{
    return QStringLiteral(HOPSCOPE_EXAMPLES_DIR "/") + name;
}

QString dataPath(const QString &name)
{
    return QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/io/") + name;
}

QString importDataPath(const QString &name)
{
    return QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/import/") + name;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

io::LoadResult load(const QByteArray &yaml) { return io::readDesign(yaml, QStringLiteral("design.yaml")); }

// A hub VNet the reference rows can point at (lines 1 to 7 of those rows).
const QByteArray prelude("hopscope: 1\n"
                         "vnets:\n"
                         "  - name: hub\n"
                         "    addressSpace: [10.0.0.0/16]\n"
                         "    subnets:\n"
                         "      - {name: AzureFirewallSubnet, addressPrefix: 10.0.1.0/26}\n"
                         "      - {name: workload, addressPrefix: 10.0.0.0/24}\n");

Prefix prefix(const char *text) { return *Prefix::parse(QString::fromLatin1(text)); }
Ipv4Address ip(const char *text) { return *Ipv4Address::parse(QString::fromLatin1(text)); }

} // namespace

class TestDesignIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsLoadError_data();
    void reportsLoadError();
    void reportsEveryErrorInFileOrder();
    void stopsAtAFutureFormatVersion();
    void capsTheNumberOfReportedErrors();
    void acceptsDesignsWithFindings_data();
    void acceptsDesignsWithFindings();
    void readsEveryField();
    void readsSecurityRules_data();
    void readsSecurityRules();
    void readsSeveralSubnetPrefixes_data();
    void readsSeveralSubnetPrefixes();
    void loadsTheImportFixture();
    void refusesHostileBytes_data();
    void refusesHostileBytes();
    void refusesOversizedInputBeforeParsing();
    void readsAFileOfExactlyTheSizeLimit();
    void reportsUnreadableFiles_data();
    void reportsUnreadableFiles();
    void roundTripsDesignFiles_data();
    void roundTripsDesignFiles();
    void seedExamplesSayWhatTheNoteSays();
    void classicHubExampleIsSymmetricByConstruction();
    void roundTripsHostileDesignName_data();
    void roundTripsHostileDesignName();
    void roundTripsLayoutCoordinates_data();
    void roundTripsLayoutCoordinates();
    void roundTripsLongLayoutKeys_data();
    void roundTripsLongLayoutKeys();
    void roundTripsArmIds_data();
    void roundTripsArmIds();
    void refusesFlowOpenerFloodsInBoundedMemory_data();
    void refusesFlowOpenerFloodsInBoundedMemory();
    void writesDefaultsLeftOut();
    void saveFailureLeavesExistingFileUntouched_data();
    void saveFailureLeavesExistingFileUntouched();
    void saveReplacesTheFileWithTheCanonicalForm();
};

// --- load errors ----------------------------------------------------------------------------

void TestDesignIo::reportsLoadError_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("phrase");

    QTest::newRow("top level: a list instead of a map")
        << QByteArray(
            "- hopscope: 1\n")
        << 1 << 1 << QStringLiteral("expected a design: a map starting with 'hopscope: 1', got a list");
    QTest::newRow("top level: plain text")
        << QByteArray(
            "just some text\n")
        << 1 << 1 << QStringLiteral("expected a design: a map starting with 'hopscope: 1', got 'just some text'");
    QTest::newRow("version: hopscope key missing")
        << QByteArray(
            "name: a design\n"
            "vnets: []\n")
        << 1 << 1 << QStringLiteral("missing 'hopscope: 1' at the top");
    QTest::newRow("version: a future format")
        << QByteArray(
            "hopscope: 2\n"
            "name: from the future\n"
            "vnets: 12\n")
        << 1 << 11 << QStringLiteral("this file is format version 2; this Hopscope reads version 1");
    QTest::newRow("version: not a number")
        << QByteArray(
            "hopscope: one\n")
        << 1 << 11 << QStringLiteral("hopscope in the design: expected the format version 1, got 'one'");
    QTest::newRow("version: quoted")
        << QByteArray(
            "hopscope: \"1\"\n")
        << 1 << 11 << QStringLiteral("expected the format version 1, got the quoted text '1'");
    QTest::newRow("keys: unknown top-level key")
        << QByteArray(
            "hopscope: 1\n"
            "vnet: []\n")
        << 2 << 1 << QStringLiteral("unknown key 'vnet' in the design (expected one of: hopscope, name, vnets, peerings, routeTables, firewalls, gateways, vms, networkSecurityGroups, applicationSecurityGroups, clients, intents, settings, layout)");
    QTest::newRow("keys: duplicate top-level key")
        << QByteArray(
            "hopscope: 1\n"
            "name: a\n"
            "name: b\n")
        << 3 << 1 << QStringLiteral("duplicate key 'name' in the design");
    QTest::newRow("keys: duplicate key in a flow map")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - {name: a, addressSpace: [10.0.0.0/16], name: b}\n")
        << 3 << 44 << QStringLiteral("duplicate key 'name' in a vnet");
    QTest::newRow("keys: a key that is a list")
        << QByteArray(
            "hopscope: 1\n"
            "[a, b]: 1\n")
        << 2 << 1 << QStringLiteral("a key in the design must be a word, got a list");
    QTest::newRow("type: vnets is a map")
        << QByteArray(
            "hopscope: 1\n"
            "vnets: {hub: 1}\n")
        << 2 << 8 << QStringLiteral("vnets in the design: expected a list, got a map");
    QTest::newRow("type: a vnet is text")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - hub\n")
        << 3 << 5 << QStringLiteral("expected a vnet as a map of keys and values, got 'hub'");
    QTest::newRow("type: name with no value")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name:\n"
            "    addressSpace: [10.0.0.0/16]\n")
        << 3 << 5 << QStringLiteral("name in vnet #1: expected text, got nothing");
    QTest::newRow("type: name is a list")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: [hub]\n"
            "    addressSpace: [10.0.0.0/16]\n")
        << 3 << 11 << QStringLiteral("name in vnet #1: expected text, got a list");
    QTest::newRow("type: addressSpace is text")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: 10.0.0.0/16\n")
        << 4 << 19 << QStringLiteral("addressSpace in vnet 'hub': expected a list such as [10.0.0.0/16], got '10.0.0.0/16'");
    QTest::newRow("type: addressSpace is empty")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: []\n")
        << 4 << 19 << QStringLiteral("addressSpace in vnet 'hub': expected at least one item");
    QTest::newRow("type: subnets is a map")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets: {a: 1}\n")
        << 5 << 14 << QStringLiteral("subnets in vnet 'hub': expected a list of subnets, got a map");
    QTest::newRow("type: boolean written yes")
        << QByteArray(
            "hopscope: 1\n"
            "peerings:\n"
            "  - {from: hub, to: hub, allowForwardedTraffic: yes}\n")
        << 3 << 49 << QStringLiteral("allowForwardedTraffic in peering hub -> hub: expected true or false, got 'yes'");
    QTest::newRow("type: boolean quoted")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    disableBgpRoutePropagation: \"true\"\n")
        << 4 << 33 << QStringLiteral("disableBgpRoutePropagation in route table 'rt': expected true or false, got the quoted text 'true'");
    QTest::newRow("type: proxy is a number")
        << prelude + QByteArray(
            "vms:\n"
            "  - name: proxy\n"
            "    subnet: hub/workload\n"
            "    proxy: 3128\n")
        << 11 << 12 << QStringLiteral("proxy in vm 'proxy': expected a map such as {port: 3128}, got '3128'");
    QTest::newRow("type: firewall rules neither allowAll nor a list")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: hub/AzureFirewallSubnet, rules: denyAll}\n")
        << 9 << 56 << QStringLiteral("rules in firewall 'fw': expected allowAll or a list of rules, got 'denyAll'");
    QTest::newRow("type: layout x is text")
        << QByteArray(
            "hopscope: 1\n"
            "layout:\n"
            "  hub: {x: left, y: 0}\n")
        << 3 << 12 << QStringLiteral("x in layout of 'hub': expected a number from -1e9 to 1e9, got 'left'");
    QTest::newRow("type: layout y is not finite")
        << QByteArray(
            "hopscope: 1\n"
            "layout:\n"
            "  hub: {x: 0, y: .nan}\n")
        << 3 << 18 << QStringLiteral("expected a number from -1e9 to 1e9, got '.nan'");
    QTest::newRow("type: layout x out of range")
        << QByteArray(
            "hopscope: 1\n"
            "layout:\n"
            "  hub: {x: 1e12, y: 0}\n")
        << 3 << 12 << QStringLiteral("expected a number from -1e9 to 1e9, got '1e12'");
    QTest::newRow("type: layout entry is a list")
        << QByteArray(
            "hopscope: 1\n"
            "layout:\n"
            "  hub: [0, 0]\n")
        << 3 << 8 << QStringLiteral("expected layout of 'hub' as a map of keys and values, got a list");
    QTest::newRow("type: settings is a list")
        << QByteArray(
            "hopscope: 1\n"
            "settings: [any]\n")
        << 2 << 11 << QStringLiteral("expected settings as a map of keys and values, got a list");
    QTest::newRow("port: intent port quoted")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet, port: \"443\", expect: ok}\n")
        << 3 << 42 << QStringLiteral("port in intent #1: expected a port number from 0 to 65535, got the quoted text '443'");
    QTest::newRow("port: intent port above 65535")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet, port: 65536, expect: ok}\n")
        << 3 << 42 << QStringLiteral("expected a port number from 0 to 65535, got '65536'");
    QTest::newRow("port: intent port negative")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet, port: -1, expect: ok}\n")
        << 3 << 42 << QStringLiteral("expected a port number from 0 to 65535, got '-1'");
    QTest::newRow("port: proxy port in hex")
        << prelude + QByteArray(
            "vms:\n"
            "  - name: proxy\n"
            "    subnet: hub/workload\n"
            "    proxy: {port: 0xC38}\n")
        << 11 << 19 << QStringLiteral("port in proxy of vm 'proxy': expected a port number from 0 to 65535, got '0xC38'");
    QTest::newRow("port: rule port range reversed")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"443\", \"2000-1000\"]}\n")
        << 12 << 131 << QStringLiteral("destinationPorts in rule 'r': expected a port (\"443\"), a range (\"1024-65535\") or \"*\" with ports 0 to 65535, got '2000-1000'");
    QTest::newRow("port: rule port 70000")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"70000\"]}\n")
        << 12 << 124 << QStringLiteral("got '70000'");
    QTest::newRow("port: useProxy without a port")
        << QByteArray(
            "hopscope: 1\n"
            "clients:\n"
            "  - {name: pc, gateway: gw, useProxy: proxy}\n")
        << 3 << 39 << QStringLiteral("useProxy in client 'pc': expected VM:PORT such as proxy:3128, got 'proxy'");
    QTest::newRow("enum: vnet role")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    role: Hub\n"
            "    addressSpace: [10.0.0.0/16]\n")
        << 4 << 11 << QStringLiteral("role in vnet 'hub': unknown value 'Hub' (expected one of: hub, spoke, other)");
    QTest::newRow("enum: nextHopType")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliances, nextHopIpAddress: 10.0.1.4}\n")
        << 5 << 58 << QStringLiteral("nextHopType in route 'r': unknown value 'VirtualAppliances' (expected one of: VirtualAppliance, VirtualNetworkGateway, VnetLocal, Internet, None)");
    QTest::newRow("enum: nextHopType is a list")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: [Internet]}\n")
        << 5 << 58 << QStringLiteral("nextHopType in route 'r': expected one of: VirtualAppliance, VirtualNetworkGateway, VnetLocal, Internet, None; got a list");
    QTest::newRow("enum: gateway type")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub, type: PolicyBased}\n")
        << 9 << 33 << QStringLiteral("type in gateway 'gw': unknown value 'PolicyBased' (expected one of: Vpn, ExpressRoute)");
    QTest::newRow("enum: vm outbound")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, outbound: nat}\n")
        << 9 << 48 << QStringLiteral("outbound in vm 'vm': unknown value 'nat' (expected one of: publicIp, natGateway, loadBalancer, defaultAccess, none)");
    QTest::newRow("enum: rule action")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: allow, protocols: [Tcp], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"*\"]}\n")
        << 12 << 27 << QStringLiteral("action in rule 'r': unknown value 'allow' (expected one of: Allow, Deny)");
    QTest::newRow("enum: rule protocol")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp, Http], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"*\"]}\n")
        << 12 << 51 << QStringLiteral("protocols in rule 'r': unknown value 'Http' (expected one of: Tcp, Udp, Icmp, Any)");
    QTest::newRow("enum: intent protocol")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet, protocol: TCP, expect: ok}\n")
        << 3 << 46 << QStringLiteral("protocol in intent #1: unknown value 'TCP' (expected one of: Tcp, Udp, Icmp, Any)");
    QTest::newRow("enum: intent expect")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet, expect: works}\n")
        << 3 << 44 << QStringLiteral("expect in intent #1: unknown value 'works' (expected one of: ok, blocked)");
    QTest::newRow("enum: setting noneRoutesRemovedByDefaultUdr")
        << QByteArray(
            "hopscope: 1\n"
            "settings:\n"
            "  noneRoutesRemovedByDefaultUdr: always\n")
        << 3 << 34 << QStringLiteral("noneRoutesRemovedByDefaultUdr in settings: unknown value 'always' (expected one of: any, virtualApplianceOnly, never)");
    QTest::newRow("enum: setting p2sInternetBreakout")
        << QByteArray(
            "hopscope: 1\n"
            "settings:\n"
            "  p2sInternetBreakout: block\n")
        << 3 << 24 << QStringLiteral("p2sInternetBreakout in settings: unknown value 'block' (expected one of: drop, allow)");
    QTest::newRow("prefix: no length")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0]\n")
        << 4 << 20 << QStringLiteral("addressSpace in vnet 'hub': '10.0.0.0' is not a prefix: a prefix needs a length");
    QTest::newRow("prefix: host bits set")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefix: 10.0.0.1/24}\n")
        << 6 << 34 << QStringLiteral("addressPrefix in subnet 's': '10.0.0.1/24' is not a prefix: host bits are set: did you mean 10.0.0.0/24?");
    QTest::newRow("prefix: length 33")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16, 10.1.0.0/33]\n")
        << 4 << 33 << QStringLiteral("the prefix length must be 0 to 32");
    QTest::newRow("prefix: octet 256")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub, vpnClientAddressPool: [172.16.256.0/24]}\n")
        << 9 << 50 << QStringLiteral("vpnClientAddressPool in gateway 'gw': '172.16.256.0/24' is not a prefix: '172.16.256.0' is not an IPv4 address");
    QTest::newRow("prefix: customRoutes item is a map")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub, customRoutes: [{a: 1}]}\n")
        << 9 << 42 << QStringLiteral("customRoutes in gateway 'gw': expected a prefix such as 10.0.0.0/16, got a map");
    QTest::newRow("prefix: on-premises site")
        << prelude + QByteArray(
            "gateways:\n"
            "  - name: gw\n"
            "    vnet: hub\n"
            "    localNetworks:\n"
            "      - {name: office, addressPrefixes: [192.168.0.0/33]}\n")
        << 12 << 42 << QStringLiteral("addressPrefixes in local network 'office'");
    QTest::newRow("prefix: rule source address")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: [any], destinationAddresses: [\"*\"], destinationPorts: [\"*\"]}\n")
        << 12 << 70 << QStringLiteral("sourceAddresses in rule 'r': 'any' is not a prefix");
    QTest::newRow("address: firewall privateIp octet 256")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: hub/AzureFirewallSubnet, privateIp: 10.0.1.256}\n")
        << 9 << 60 << QStringLiteral("privateIp in firewall 'fw': '10.0.1.256' is not an IPv4 address");
    QTest::newRow("address: nextHopIpAddress given as a prefix")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance, nextHopIpAddress: 10.0.1.4/32}\n")
        << 5 << 94 << QStringLiteral("nextHopIpAddress in route 'r': '10.0.1.4/32' is not an IPv4 address");
    QTest::newRow("address: client ip is text")
        << QByteArray(
            "hopscope: 1\n"
            "clients:\n"
            "  - {name: pc, gateway: gw, ip: dhcp}\n")
        << 3 << 33 << QStringLiteral("ip in client 'pc': 'dhcp' is not an IPv4 address");
    QTest::newRow("address: vm privateIp is a list")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, privateIp: [10.0.0.4]}\n")
        << 9 << 49 << QStringLiteral("privateIp in vm 'vm': expected an IPv4 address such as 10.0.1.4, got a list");
    QTest::newRow("required: vnet name")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - addressSpace: [10.0.0.0/16]\n")
        << 3 << 5 << QStringLiteral("missing required key 'name' in vnet #1");
    QTest::newRow("required: vnet addressSpace")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n")
        << 3 << 5 << QStringLiteral("missing required key 'addressSpace' in vnet 'hub'");
    QTest::newRow("required: subnet addressPrefix")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s}\n")
        << 6 << 9 << QStringLiteral("missing required key 'addressPrefix' in subnet 's'");
    QTest::newRow("required: peering to")
        << prelude + QByteArray(
            "peerings:\n"
            "  - {from: hub}\n")
        << 9 << 5 << QStringLiteral("missing required key 'to' in peering #1");
    QTest::newRow("required: route nextHopType")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0}\n")
        << 5 << 9 << QStringLiteral("missing required key 'nextHopType' in route 'r'");
    QTest::newRow("required: VirtualAppliance route without nextHopIpAddress")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance}\n")
        << 5 << 9 << QStringLiteral("missing required key 'nextHopIpAddress' in route 'r' (nextHopType VirtualAppliance needs the appliance's IP)");
    QTest::newRow("required: firewall subnet")
        << QByteArray(
            "hopscope: 1\n"
            "firewalls:\n"
            "  - {name: fw}\n")
        << 3 << 5 << QStringLiteral("missing required key 'subnet' in firewall 'fw'");
    QTest::newRow("required: rule destinationPorts")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"]}\n")
        << 12 << 9 << QStringLiteral("missing required key 'destinationPorts' in rule 'r'");
    QTest::newRow("required: rule protocols not empty")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"*\"]}\n")
        << 12 << 45 << QStringLiteral("protocols in rule 'r': expected at least one item");
    QTest::newRow("required: gateway vnet")
        << QByteArray(
            "hopscope: 1\n"
            "gateways:\n"
            "  - {name: gw}\n")
        << 3 << 5 << QStringLiteral("missing required key 'vnet' in gateway 'gw'");
    QTest::newRow("required: local network addressPrefixes")
        << prelude + QByteArray(
            "gateways:\n"
            "  - name: gw\n"
            "    vnet: hub\n"
            "    localNetworks:\n"
            "      - {name: office}\n")
        << 12 << 9 << QStringLiteral("missing required key 'addressPrefixes' in local network 'office'");
    QTest::newRow("required: vm subnet")
        << QByteArray(
            "hopscope: 1\n"
            "vms:\n"
            "  - {name: vm}\n")
        << 3 << 5 << QStringLiteral("missing required key 'subnet' in vm 'vm'");
    QTest::newRow("required: proxy port")
        << prelude + QByteArray(
            "vms:\n"
            "  - name: proxy\n"
            "    subnet: hub/workload\n"
            "    proxy: {config: squid.conf}\n")
        << 11 << 12 << QStringLiteral("missing required key 'port' in proxy of vm 'proxy'");
    QTest::newRow("required: client gateway")
        << QByteArray(
            "hopscope: 1\n"
            "clients:\n"
            "  - {name: pc}\n")
        << 3 << 5 << QStringLiteral("missing required key 'gateway' in client 'pc'");
    QTest::newRow("required: intent expect")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet}\n")
        << 3 << 5 << QStringLiteral("missing required key 'expect' in intent #1");
    QTest::newRow("required: layout y")
        << QByteArray(
            "hopscope: 1\n"
            "layout:\n"
            "  hub: {x: 0}\n")
        << 3 << 8 << QStringLiteral("missing required key 'y' in layout of 'hub'");
    QTest::newRow("unknown key: subnet (format.md typo)")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: Spoke-Vnet-b\n"
            "    addressSpace: [10.2.0.0/16]\n"
            "    subnets:\n"
            "      - {name: Subnet-b, adressPrefix: 10.2.0.0/24}\n")
        << 6 << 26 << QStringLiteral("unknown key 'adressPrefix' in subnet 'Subnet-b' (expected one of: name, id, addressPrefix, addressPrefixes, routeTable, networkSecurityGroup)");
    QTest::newRow("unknown key: vnet")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    adressSpace: [10.0.0.0/16]\n")
        << 4 << 5 << QStringLiteral("unknown key 'adressSpace' in vnet 'hub' (expected one of: name, id, role, region, addressSpace, subnets)");
    QTest::newRow("unknown key: peering")
        << prelude + QByteArray(
            "peerings:\n"
            "  - {from: hub, to: hub, allowForwardTraffic: true}\n")
        << 9 << 26 << QStringLiteral("unknown key 'allowForwardTraffic' in peering hub -> hub (expected one of: from, to, id, allowVirtualNetworkAccess, allowForwardedTraffic, allowGatewayTransit, useRemoteGateways)");
    QTest::newRow("unknown key: route table")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    route: []\n")
        << 4 << 5 << QStringLiteral("unknown key 'route' in route table 'rt' (expected one of: name, id, disableBgpRoutePropagation, routes)");
    QTest::newRow("unknown key: route")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: Internet, nextHop: Internet}\n")
        << 5 << 68 << QStringLiteral("unknown key 'nextHop' in route 'r' (expected one of: name, id, addressPrefix, nextHopType, nextHopIpAddress)");
    QTest::newRow("unknown key: firewall")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: hub/AzureFirewallSubnet, sku: Premium}\n")
        << 9 << 49 << QStringLiteral("unknown key 'sku' in firewall 'fw' (expected one of: name, id, subnet, privateIp, managementNic, rules)");
    QTest::newRow("unknown key: firewall rule")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"*\"], priority: 100}\n")
        << 12 << 130 << QStringLiteral("unknown key 'priority' in rule 'r' (expected one of: name, action, protocols, sourceAddresses, destinationAddresses, destinationPorts)");
    QTest::newRow("unknown key: gateway")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub, vpnClientAddressPools: [172.16.0.0/24]}\n")
        << 9 << 27 << QStringLiteral("unknown key 'vpnClientAddressPools' in gateway 'gw'");
    QTest::newRow("unknown key: local network")
        << prelude + QByteArray(
            "gateways:\n"
            "  - name: gw\n"
            "    vnet: hub\n"
            "    localNetworks:\n"
            "      - {name: office, addressPrefixes: [192.168.0.0/16], gatewayIp: 1.2.3.4}\n")
        << 12 << 59 << QStringLiteral("unknown key 'gatewayIp' in local network 'office' (expected one of: name, id, addressPrefixes)");
    QTest::newRow("unknown key: vm")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, ipForwarding: true}\n")
        << 9 << 38 << QStringLiteral("unknown key 'ipForwarding' in vm 'vm'");
    QTest::newRow("unknown key: proxy")
        << prelude + QByteArray(
            "vms:\n"
            "  - name: proxy\n"
            "    subnet: hub/workload\n"
            "    proxy: {port: 3128, acl: squid.conf}\n")
        << 11 << 25 << QStringLiteral("unknown key 'acl' in proxy of vm 'proxy' (expected one of: port, config)");
    QTest::newRow("unknown key: client")
        << QByteArray(
            "hopscope: 1\n"
            "clients:\n"
            "  - {name: pc, gateway: gw, proxy: proxy:3128}\n")
        << 3 << 29 << QStringLiteral("unknown key 'proxy' in client 'pc' (expected one of: name, gateway, ip, useProxy)");
    QTest::newRow("unknown key: intent")
        << QByteArray(
            "hopscope: 1\n"
            "intents:\n"
            "  - {from: Internet, to: Internet, expect: ok, expected: ok}\n")
        << 3 << 48 << QStringLiteral("unknown key 'expected' in intent #1 (expected one of: from, to, port, protocol, expect)");
    QTest::newRow("unknown key: settings")
        << QByteArray(
            "hopscope: 1\n"
            "settings:\n"
            "  p2sInternet: allow\n")
        << 3 << 3 << QStringLiteral("unknown key 'p2sInternet' in settings (expected one of: noneRoutesRemovedByDefaultUdr, p2sInternetBreakout, vnetTagUdrPrefixes)");
    QTest::newRow("unknown key: layout point")
        << QByteArray(
            "hopscope: 1\n"
            "layout:\n"
            "  hub: {x: 0, y: 0, z: 1}\n")
        << 3 << 21 << QStringLiteral("unknown key 'z' in layout of 'hub' (expected one of: x, y)");
    QTest::newRow("reference: subnet routeTable missing")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n"
            "      - {name: workload, addressPrefix: 10.0.0.0/24, routeTable: rt-workload}\n"
            "routeTables:\n"
            "  - name: rt-hub\n")
        << 6 << 66 << QStringLiteral("routeTable in subnet 'workload': no route table named 'rt-workload' (this design has: rt-hub)");
    QTest::newRow("reference: subnet routeTable names a vnet")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n"
            "      - {name: workload, addressPrefix: 10.0.0.0/24, routeTable: hub}\n")
        << 6 << 66 << QStringLiteral("routeTable in subnet 'workload': no route table named 'hub' (there are none in this design)");
    QTest::newRow("reference: firewall subnet in a missing vnet")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: Hub/AzureFirewallSubnet}\n")
        << 9 << 24 << QStringLiteral("subnet in firewall 'fw': no subnet 'Hub/AzureFirewallSubnet': no vnet named 'Hub' (this design has: hub)");
    QTest::newRow("reference: firewall subnet missing in its vnet")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: hub/FirewallSubnet}\n")
        << 9 << 24 << QStringLiteral("subnet in firewall 'fw': no subnet 'hub/FirewallSubnet': vnet 'hub' has subnets AzureFirewallSubnet, workload");
    QTest::newRow("reference: firewall subnet without its vnet")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: AzureFirewallSubnet}\n")
        << 9 << 24 << QStringLiteral("subnet in firewall 'fw': expected VNET/SUBNET such as Spoke-Vnet-b/Subnet-b, got 'AzureFirewallSubnet'");
    QTest::newRow("reference: vm subnet missing")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/Subnet-b}\n")
        << 9 << 24 << QStringLiteral("subnet in vm 'vm': no subnet 'hub/Subnet-b'");
    QTest::newRow("reference: gateway vnet missing")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: spoke}\n")
        << 9 << 22 << QStringLiteral("vnet in gateway 'gw': no vnet named 'spoke' (this design has: hub)");
    QTest::newRow("reference: client gateway missing")
        << prelude + QByteArray(
            "clients:\n"
            "  - {name: pc, gateway: vpngw}\n")
        << 9 << 25 << QStringLiteral("gateway in client 'pc': no gateway named 'vpngw' (there are none in this design)");
    QTest::newRow("reference: client gateway names a vm")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload}\n"
            "clients:\n"
            "  - {name: pc, gateway: vm}\n")
        << 11 << 25 << QStringLiteral("gateway in client 'pc': no gateway named 'vm'");
    QTest::newRow("reference: useProxy names a missing vm")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub}\n"
            "clients:\n"
            "  - {name: pc, gateway: gw, useProxy: squid:3128}\n")
        << 11 << 39 << QStringLiteral("useProxy in client 'pc': no vm named 'squid'");
    QTest::newRow("reference: useProxy names a vm without proxy")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub}\n"
            "vms:\n"
            "  - {name: web, subnet: hub/workload}\n"
            "clients:\n"
            "  - {name: pc, gateway: gw, useProxy: web:3128}\n")
        << 13 << 39 << QStringLiteral("useProxy in client 'pc': vm 'web' runs no proxy");
    QTest::newRow("reference: peering from a missing vnet")
        << prelude + QByteArray(
            "peerings:\n"
            "  - {from: spoke, to: hub}\n")
        << 9 << 12 << QStringLiteral("from in peering spoke -> hub: no vnet named 'spoke'");
    QTest::newRow("reference: peering to a missing vnet")
        << prelude + QByteArray(
            "peerings:\n"
            "  - {from: hub, to: spoke}\n")
        << 9 << 21 << QStringLiteral("to in peering hub -> spoke: no vnet named 'spoke'");
    QTest::newRow("reference: intent from an unknown end point")
        << prelude + QByteArray(
            "intents:\n"
            "  - {from: laptop, to: Internet, expect: ok}\n")
        << 9 << 12 << QStringLiteral("from in intent #1: unknown end point 'laptop' (expected the name of a vm, firewall, client or on-premises site, VNET/SUBNET, Internet, or an IPv4 address)");
    QTest::newRow("reference: intent to a vnet")
        << prelude + QByteArray(
            "intents:\n"
            "  - {from: Internet, to: hub, expect: ok}\n")
        << 9 << 26 << QStringLiteral("to in intent #1: 'hub' is a vnet, not an end point");
    QTest::newRow("reference: intent to a gateway")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub}\n"
            "intents:\n"
            "  - {from: Internet, to: gw, expect: blocked}\n")
        << 11 << 26 << QStringLiteral("to in intent #1: 'gw' is a gateway, not an end point");
    QTest::newRow("reference: intent to a missing subnet")
        << prelude + QByteArray(
            "intents:\n"
            "  - {from: Internet, to: hub/web, expect: ok}\n")
        << 9 << 26 << QStringLiteral("to in intent #1: no subnet 'hub/web': vnet 'hub' has subnets AzureFirewallSubnet, workload");
    QTest::newRow("reference: intent to a malformed address")
        << prelude + QByteArray(
            "intents:\n"
            "  - {from: Internet, to: 10.0.0.300, expect: ok}\n")
        << 9 << 26 << QStringLiteral("unknown end point '10.0.0.300'");
    QTest::newRow("name: duplicate vnet")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "  - name: hub\n"
            "    addressSpace: [10.1.0.0/16]\n")
        << 5 << 11 << QStringLiteral("duplicate name 'hub': the vnet 'hub' was declared before as a vnet");
    QTest::newRow("name: route table named like a vnet declared later")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: hub\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n")
        << 5 << 11 << QStringLiteral("duplicate name 'hub': the vnet 'hub' was declared before as a route table (vnets, route tables, firewalls, gateways, vms, network security groups, application security groups, clients and on-premises sites share one namespace)");
    QTest::newRow("name: client named like a vm")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub}\n"
            "vms:\n"
            "  - {name: pc, subnet: hub/workload}\n"
            "clients:\n"
            "  - {name: pc, gateway: gw}\n")
        << 13 << 12 << QStringLiteral("duplicate name 'pc': the client 'pc' was declared before as a vm");
    QTest::newRow("name: on-premises site named like a firewall")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - {name: fw, subnet: hub/AzureFirewallSubnet}\n"
            "gateways:\n"
            "  - name: gw\n"
            "    vnet: hub\n"
            "    localNetworks:\n"
            "      - {name: fw, addressPrefixes: [192.168.0.0/16]}\n")
        << 14 << 16 << QStringLiteral("duplicate name 'fw': the on-premises site 'fw' was declared before as a firewall");
    QTest::newRow("name: duplicate subnet in a vnet")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefix: 10.0.0.0/24}\n"
            "      - {name: s, addressPrefix: 10.0.1.0/24}\n")
        << 7 << 9 << QStringLiteral("duplicate subnet 's' in vnet 'hub'");
    QTest::newRow("name: duplicate route in a table")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt\n"
            "    routes:\n"
            "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: Internet}\n"
            "      - {name: r, addressPrefix: 10.0.0.0/8, nextHopType: None}\n")
        << 6 << 9 << QStringLiteral("duplicate route 'r' in route table 'rt'");
    QTest::newRow("name: duplicate rule in a firewall")
        << prelude + QByteArray(
            "firewalls:\n"
            "  - name: fw\n"
            "    subnet: hub/AzureFirewallSubnet\n"
            "    rules:\n"
            "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"*\"]}\n"
            "      - {name: r, action: Deny, protocols: [Any], sourceAddresses: [\"*\"], destinationAddresses: [\"*\"], destinationPorts: [\"*\"]}\n")
        << 13 << 9 << QStringLiteral("duplicate rule 'r' in firewall 'fw'");
    QTest::newRow("name: with a slash")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub/a\n"
            "    addressSpace: [10.0.0.0/16]\n")
        << 3 << 11 << QStringLiteral("name in vnet 'hub/a': invalid name 'hub/a' (use 1 to 80 ASCII letters, digits, '.', '_' or '-')");
    QTest::newRow("name: with a colon")
        << prelude + QByteArray(
            "gateways:\n"
            "  - {name: gw, vnet: hub}\n"
            "clients:\n"
            "  - {name: pc:1, gateway: gw}\n")
        << 11 << 12 << QStringLiteral("invalid name 'pc:1'");
    QTest::newRow("name: with a space")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt hub\n")
        << 3 << 11 << QStringLiteral("invalid name 'rt hub'");
    QTest::newRow("name: empty")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: \"\"\n")
        << 3 << 11 << QStringLiteral("invalid name ''");
    QTest::newRow("name: 81 characters")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\n")
        << 3 << 11 << QStringLiteral("invalid name 'rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr'");
    QTest::newRow("name: non-ASCII")
        << QByteArray(
            "hopscope: 1\n"
            "routeTables:\n"
            "  - name: rt-é\n")
        << 3 << 11 << QStringLiteral("invalid name 'rt-é'");
    QTest::newRow("name: Internet is reserved")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: Internet, subnet: hub/workload}\n")
        << 9 << 12 << QStringLiteral("name in vm 'Internet': the name 'Internet' is reserved for the implicit Internet object");
    QTest::newRow("name: subnet with a slash")
        << QByteArray(
            "hopscope: 1\n"
            "vnets:\n"
            "  - name: hub\n"
            "    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n"
            "      - {name: a/b, addressPrefix: 10.0.0.0/24}\n")
        << 6 << 16 << QStringLiteral("name in subnet 'a/b': invalid name 'a/b'");
    // Network security groups, ARM ids and several subnet prefixes (format.md additions).
    QTest::newRow("nsg: rule without name")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {priority: 100, direction: Inbound, access: Allow}\n")
        << 11 << 9 << QStringLiteral("missing required key 'name' in security rule #1");
    QTest::newRow("nsg: rule without priority")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, direction: Inbound, access: Allow}\n")
        << 11 << 9 << QStringLiteral("missing required key 'priority' in security rule 'r'");
    QTest::newRow("nsg: rule without direction")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, access: Allow}\n")
        << 11 << 9 << QStringLiteral("missing required key 'direction' in security rule 'r'");
    QTest::newRow("nsg: rule without access")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound}\n")
        << 11 << 9 << QStringLiteral("missing required key 'access' in security rule 'r'");
    QTest::newRow("nsg: unknown direction")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: In, access: Allow}\n")
        << 11 << 45 << QStringLiteral("direction in security rule 'r': unknown value 'In' (expected one of: Inbound, Outbound)");
    QTest::newRow("nsg: unknown access")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Permit}\n")
        << 11 << 62 << QStringLiteral("access in security rule 'r': unknown value 'Permit' (expected one of: Allow, Deny)");
    QTest::newRow("nsg: unknown protocol")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, protocol: Http}\n")
        << 11 << 79 << QStringLiteral("protocol in security rule 'r': unknown value 'Http' (expected one of: Tcp, Udp, Icmp, Esp, Ah, *)");
    QTest::newRow("nsg: protocol Any is not ARM's spelling of '*'")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, protocol: Any}\n")
        << 11 << 79 << QStringLiteral("protocol in security rule 'r': unknown value 'Any'");
    QTest::newRow("nsg: priority is text")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: high, direction: Inbound, access: Allow}\n")
        << 11 << 29 << QStringLiteral("priority in security rule 'r': expected a priority, an integer such as 100, got 'high'");
    QTest::newRow("nsg: priority quoted")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: '100', direction: Inbound, access: Allow}\n")
        << 11 << 29 << QStringLiteral("priority in security rule 'r': expected a priority, an integer such as 100, got the quoted text '100'");
    QTest::newRow("nsg: IPv6 source address")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceAddressPrefix: '2001:db8::/32'}\n")
        << 11 << 90 << QStringLiteral("sourceAddressPrefix in security rule 'r': '2001:db8::/32' is an IPv6 address or prefix");
    QTest::newRow("nsg: IPv6 item in a list")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationAddressPrefixes: [10.0.0.0/8, '::1']}\n")
        << 11 << 110 << QStringLiteral("destinationAddressPrefixes in security rule 'r': '::1' is an IPv6 address or prefix");
    QTest::newRow("nsg: destination prefix with host bits set")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationAddressPrefix: 10.2.0.4/24}\n")
        << 11 << 95 << QStringLiteral("destinationAddressPrefix in security rule 'r': '10.2.0.4/24' is not a prefix");
    QTest::newRow("nsg: address with three octets")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceAddressPrefix: 10.0.0}\n")
        << 11 << 90 << QStringLiteral("sourceAddressPrefix in security rule 'r': '10.0.0' is not an IPv4 address");
    QTest::newRow("nsg: address item neither address nor tag")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceAddressPrefix: 'Virtual Network'}\n")
        << 11 << 90 << QStringLiteral("sourceAddressPrefix in security rule 'r': 'Virtual Network' is not an address item");
    QTest::newRow("nsg: address item is a map")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceAddressPrefix: {a: 1}}\n")
        << 11 << 90 << QStringLiteral("sourceAddressPrefix in security rule 'r': expected an address, a prefix, a service tag or \"*\", got a map");
    QTest::newRow("nsg: port range reversed")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationPortRange: '443-80'}\n")
        << 11 << 91 << QStringLiteral("destinationPortRange in security rule 'r': expected a port (\"443\"), a range (\"1024-65535\") or \"*\" with ports 0 to 65535, got '443-80'");
    QTest::newRow("nsg: port 70000")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourcePortRanges: [80, 70000]}\n")
        << 11 << 92 << QStringLiteral("sourcePortRanges in security rule 'r': expected a port");
    QTest::newRow("nsg: port range with spaces")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationPortRange: '80 - 90'}\n")
        << 11 << 91 << QStringLiteral("destinationPortRange in security rule 'r': expected a port");
    QTest::newRow("nsg: address prefix and prefixes on one side")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceAddressPrefix: '*', sourceAddressPrefixes: [10.0.0.0/8]}\n")
        << 11 << 95 << QStringLiteral("sourceAddressPrefixes in security rule 'r': sourceAddressPrefix is given too; a side takes one of sourceAddressPrefix, sourceAddressPrefixes, sourceApplicationSecurityGroups, not several");
    QTest::newRow("nsg: address prefixes and ASGs on one side")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationAddressPrefixes: [10.0.0.0/8], destinationApplicationSecurityGroups: [asg]}\n")
        << 11 << 111 << QStringLiteral("destinationApplicationSecurityGroups in security rule 'r': destinationAddressPrefixes is given too");
    QTest::newRow("nsg: ASGs before an address prefix on one side")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceApplicationSecurityGroups: [asg], sourceAddressPrefix: VirtualNetwork}\n")
        << 11 << 109 << QStringLiteral("sourceAddressPrefix in security rule 'r': sourceApplicationSecurityGroups is given too");
    QTest::newRow("nsg: port range and ranges on one side")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationPortRange: '443', destinationPortRanges: ['80']}\n")
        << 11 << 98 << QStringLiteral("destinationPortRanges in security rule 'r': destinationPortRange is given too; a side takes one of destinationPortRange, destinationPortRanges, not several");
    QTest::newRow("nsg: duplicate rule name in one NSG")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow}\n"
            "      - {name: r, priority: 200, direction: Outbound, access: Deny}\n")
        << 12 << 9 << QStringLiteral("duplicate security rule 'r' in network security group 'nsg'");
    QTest::newRow("nsg: unknown key in a rule (Azure Firewall's key)")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, destinationPorts: ['80']}\n")
        << 11 << 69 << QStringLiteral("unknown key 'destinationPorts' in security rule 'r' (expected one of: name, id, description, priority, direction, access, protocol, sourceAddressPrefix, sourceAddressPrefixes, sourceApplicationSecurityGroups, sourcePortRange, sourcePortRanges, destinationAddressPrefix, destinationAddressPrefixes, destinationApplicationSecurityGroups, destinationPortRange, destinationPortRanges)");
    QTest::newRow("nsg: unknown key in an NSG")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - {name: nsg, rules: []}\n")
        << 9 << 17 << QStringLiteral("unknown key 'rules' in network security group 'nsg' (expected one of: name, id, securityRules)");
    QTest::newRow("nsg: securityRules is a map")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - {name: nsg, securityRules: {r: 1}}\n")
        << 9 << 32 << QStringLiteral("securityRules in network security group 'nsg': expected a list of security rules, got a map");
    QTest::newRow("nsg: a rule is text")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - allow-all\n")
        << 11 << 9 << QStringLiteral("expected a security rule of network security group 'nsg' as a map of keys and values, got 'allow-all'");
    QTest::newRow("asg: unknown key")
        << prelude + QByteArray(
            "applicationSecurityGroups:\n"
            "  - {name: asg, members: [vm]}\n")
        << 9 << 17 << QStringLiteral("unknown key 'members' in application security group 'asg' (expected one of: name, id)");
    QTest::newRow("asg: without name")
        << prelude + QByteArray(
            "applicationSecurityGroups:\n"
            "  - {id: /subscriptions/x/asg}\n")
        << 9 << 5 << QStringLiteral("missing required key 'name' in application security group #1");
    QTest::newRow("reference: subnet networkSecurityGroup missing")
        << prelude + QByteArray(
            "  - name: spoke\n"
            "    addressSpace: [10.1.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefix: 10.1.0.0/24, networkSecurityGroup: nsg-missing}\n")
        << 11 << 69 << QStringLiteral("networkSecurityGroup in subnet 's': no network security group named 'nsg-missing' (there are none in this design)");
    QTest::newRow("reference: vm networkSecurityGroup names an ASG")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, networkSecurityGroup: asg}\n"
            "applicationSecurityGroups:\n"
            "  - name: asg\n")
        << 9 << 60 << QStringLiteral("networkSecurityGroup in vm 'vm': no network security group named 'asg'");
    QTest::newRow("reference: vm applicationSecurityGroups names a missing ASG")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, applicationSecurityGroups: [asg-a, asg-b]}\n"
            "applicationSecurityGroups:\n"
            "  - name: asg-a\n")
        << 9 << 73 << QStringLiteral("applicationSecurityGroups in vm 'vm': no application security group named 'asg-b' (this design has: asg-a)");
    QTest::newRow("reference: vm applicationSecurityGroups names an NSG")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, applicationSecurityGroups: [nsg]}\n"
            "networkSecurityGroups:\n"
            "  - name: nsg\n")
        << 9 << 66 << QStringLiteral("applicationSecurityGroups in vm 'vm': no application security group named 'nsg'");
    QTest::newRow("reference: vm applicationSecurityGroups item is not a name")
        << prelude + QByteArray(
            "vms:\n"
            "  - {name: vm, subnet: hub/workload, applicationSecurityGroups: ['a b']}\n")
        << 9 << 66 << QStringLiteral("applicationSecurityGroups in vm 'vm': expected a name, got 'a b'");
    QTest::newRow("reference: rule source ASG missing")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: r, priority: 100, direction: Inbound, access: Allow, sourceApplicationSecurityGroups: [asg-web]}\n")
        << 11 << 103 << QStringLiteral("sourceApplicationSecurityGroups in security rule 'r': no application security group named 'asg-web'");
    QTest::newRow("reference: intent to an NSG")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "intents:\n"
            "  - {from: hub/workload, to: nsg, expect: ok}\n")
        << 11 << 30 << QStringLiteral("to in intent #1: 'nsg' is a network security group, not an end point");
    QTest::newRow("name: NSG named like a vnet")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: hub\n")
        << 9 << 11 << QStringLiteral("duplicate name 'hub': the network security group 'hub' was declared before as a vnet");
    QTest::newRow("name: ASG named like an NSG")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: web\n"
            "applicationSecurityGroups:\n"
            "  - name: web\n")
        << 11 << 11 << QStringLiteral("duplicate name 'web': the application security group 'web' was declared before as a network security group");
    QTest::newRow("name: security rule with a space")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - name: nsg\n"
            "    securityRules:\n"
            "      - {name: allow all, priority: 100, direction: Inbound, access: Allow}\n")
        << 11 << 16 << QStringLiteral("name in security rule 'allow all': invalid name 'allow all'");
    QTest::newRow("id: does not start with /subscriptions/")
        << prelude + QByteArray(
            "routeTables:\n"
            "  - {name: rt, id: /resourceGroups/rg/routeTables/rt}\n")
        << 9 << 20 << QStringLiteral("id in route table 'rt': expected an Azure resource id starting with /subscriptions/, got '/resourceGroups/rg/routeTables/rt'");
    QTest::newRow("id: only /subscriptions/")
        << prelude + QByteArray(
            "routeTables:\n"
            "  - {name: rt, id: /subscriptions/}\n")
        << 9 << 20 << QStringLiteral("id in route table 'rt': expected an Azure resource id starting with /subscriptions/");
    QTest::newRow("id: a list")
        << prelude + QByteArray(
            "applicationSecurityGroups:\n"
            "  - {name: asg, id: [a]}\n")
        << 9 << 21 << QStringLiteral("id in application security group 'asg': expected text, got a list");
    QTest::newRow("id: with a space")
        << prelude + QByteArray(
            "networkSecurityGroups:\n"
            "  - {name: nsg, id: '/subscriptions/x/nsg one'}\n")
        << 9 << 21 << QStringLiteral("id in network security group 'nsg': expected an Azure resource id");
    QTest::newRow("id: duplicate ids differing in case")
        << prelude + QByteArray(
            "routeTables:\n"
            "  - {name: rt1, id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/routeTables/RT}\n"
            "  - {name: rt2, id: /SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/routetables/rt}\n")
        << 10 << 21 << QStringLiteral("id in route table 'rt2': duplicate id '/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/routetables/rt', already the id of route table 'rt1' (ids are compared case-insensitively)");
    QTest::newRow("id: same id on a subnet and a VM declared earlier")
        << prelude + QByteArray(
            "  - name: spoke\n"
            "    addressSpace: [10.1.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, id: /subscriptions/1/s, addressPrefix: 10.1.0.0/24}\n"
            "vms:\n"
            "  - {name: vm, id: /Subscriptions/1/S, subnet: spoke/s}\n")
        << 13 << 20 << QStringLiteral("id in vm 'vm': duplicate id '/Subscriptions/1/S', already the id of subnet 's'");
    QTest::newRow("id: on a peering")
        << prelude + QByteArray(
            "peerings:\n"
            "  - {from: hub, to: hub, id: 42}\n")
        << 9 << 30 << QStringLiteral("id in peering hub -> hub: expected an Azure resource id starting with /subscriptions/, got '42'");
    QTest::newRow("subnet: addressPrefix and addressPrefixes together")
        << prelude + QByteArray(
            "  - name: spoke\n"
            "    addressSpace: [10.1.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefix: 10.1.0.0/24, addressPrefixes: [10.1.1.0/24]}\n")
        << 11 << 47 << QStringLiteral("addressPrefixes in subnet 's': give addressPrefix or addressPrefixes, not both");
    QTest::newRow("subnet: addressPrefixes empty")
        << prelude + QByteArray(
            "  - name: spoke\n"
            "    addressSpace: [10.1.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefixes: []}\n")
        << 11 << 36 << QStringLiteral("addressPrefixes in subnet 's': expected at least one item");
    QTest::newRow("subnet: addressPrefixes item with host bits set")
        << prelude + QByteArray(
            "  - name: spoke\n"
            "    addressSpace: [10.1.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefixes: [10.1.0.0/24, 10.1.8.1/24]}\n")
        << 11 << 50 << QStringLiteral("addressPrefixes in subnet 's': '10.1.8.1/24' is not a prefix");
    QTest::newRow("subnet: addressPrefixes is text")
        << prelude + QByteArray(
            "  - name: spoke\n"
            "    addressSpace: [10.1.0.0/16]\n"
            "    subnets:\n"
            "      - {name: s, addressPrefixes: 10.1.0.0/24}\n")
        << 11 << 36 << QStringLiteral("addressPrefixes in subnet 's': expected a list such as [10.0.0.0/16], got '10.1.0.0/24'");
    QTest::newRow("enum: setting vnetTagUdrPrefixes")
        << prelude + QByteArray(
            "settings:\n"
            "  vnetTagUdrPrefixes: Forwarding\n")
        << 9 << 23 << QStringLiteral("vnetTagUdrPrefixes in settings: unknown value 'Forwarding' (expected one of: forwarding, all, none)");
    QTest::newRow("position: columns count characters after UTF-8 text")
        << QByteArray(
            "hopscope: 1\n"
            "name: Café réseau ∞\n"
            "vnets: [{name: é, addressSpace: [10.0.0.0/16]}, {name: ok, adressSpace: []}]\n")
        << 3 << 60 << QStringLiteral("unknown key 'adressSpace' in vnet 'ok'");
    QTest::newRow("position: CRLF line breaks")
        << QByteArray("hopscope: 1\r\nname: x\r\nvnets: 12\r\n")
        << 3 << 8 << QStringLiteral("vnets in the design: expected a list, got '12'");
    QTest::newRow("position: lone CR line breaks")
        << QByteArray("hopscope: 1\rname: x\rvnets: 12\r")
        << 3 << 8 << QStringLiteral("vnets in the design: expected a list, got '12'");
}

void TestDesignIo::reportsLoadError()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, phrase);

    const io::LoadResult result = load(yaml);
    QVERIFY2(!result.design, "a design with load errors must not be built");
    QVERIFY2(hasError(result, line, column, phrase),
             qPrintable(QStringLiteral("expected design.yaml:%1:%2: ...%3...\ngot:\n%4")
                            .arg(line)
                            .arg(column)
                            .arg(phrase, errorList(result))));
}

void TestDesignIo::reportsEveryErrorInFileOrder()
{
    // References are resolved after the whole file is read; their errors still come in order.
    const QByteArray yaml("hopscope: 1\n"
                          "vnets:\n"
                          "  - name: hub\n"
                          "    addressSpace: [10.0.0.0/16]\n"
                          "    subnets:\n"
                          "      - {name: s, addressPrefix: 10.0.0.0/24, routeTable: rt-missing}\n"
                          "routeTables:\n"
                          "  - name: rt\n"
                          "    routes:\n"
                          "      - {name: r, addressPrefix: 10.0.0.1/24, nextHopType: Sideways}\n"
                          "vms:\n"
                          "  - {name: vm, subnet: hub/s, privateIp: 10.0.0.300, colour: blue}\n");
    const io::LoadResult result = load(yaml);
    const QList<QPair<int, int>> expected = {{6, 59}, {10, 34}, {10, 60}, {12, 42}, {12, 54}};
    QList<QPair<int, int>> actual;
    for (const io::LoadError &error : result.errors) {
        actual.append({error.line, error.column});
        QCOMPARE(error.file, QStringLiteral("design.yaml"));
    }
    QVERIFY2(actual == expected, qPrintable(errorList(result)));
    QCOMPARE(result.errors.front().toString(),
             QStringLiteral("design.yaml:6:59: routeTable in subnet 's': no route table named "
                            "'rt-missing' (this design has: rt)"));
}

void TestDesignIo::stopsAtAFutureFormatVersion()
{
    const io::LoadResult result = load("hopscope: 2\nvnets: 12\nfirewallPolicies: []\n");
    QCOMPARE(result.errors.size(), std::size_t(1));
    QCOMPARE(result.errors.front().toString(),
             QStringLiteral("design.yaml:1:11: this file is format version 2; this Hopscope reads "
                            "version 1"));
}

void TestDesignIo::capsTheNumberOfReportedErrors()
{
    QByteArray yaml("hopscope: 1\n");
    for (int i = 0; i < 1500; ++i)
        yaml += "unknown" + QByteArray::number(i) + ": 1\n";
    const io::LoadResult result = load(yaml);
    QCOMPARE(result.errors.size(), std::size_t(1001));
    QCOMPARE(result.errors.front().line, 2);
    QCOMPARE(result.errors.back().message, QStringLiteral("500 more errors not shown"));
}

// --- what loads -----------------------------------------------------------------------------

void TestDesignIo::acceptsDesignsWithFindings_data()
{
    QTest::addColumn<QByteArray>("yaml");

    QTest::newRow("only the version") << QByteArray("hopscope: 1\n");
    QTest::newRow("top-level lists left empty") << QByteArray("hopscope: 1\nvnets:\npeerings: []\n"
                                                              "settings:\nlayout:\n");
    QTest::newRow("finding, not error: next hop IP on an Internet route")
        << QByteArray("hopscope: 1\nrouteTables:\n  - name: rt\n    routes:\n"
                      "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: Internet, "
                      "nextHopIpAddress: 10.0.1.4}\n");
    QTest::newRow("finding, not error: overlapping and stray subnets")
        << prelude + "  - name: spoke\n    addressSpace: [10.0.0.0/8]\n    subnets:\n"
                     "      - {name: outside, addressPrefix: 172.16.0.0/24}\n";
    QTest::newRow("finding, not error: a next hop nobody owns")
        << QByteArray("hopscope: 1\nrouteTables:\n  - name: rt\n    routes:\n"
                      "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance, "
                      "nextHopIpAddress: 10.2.1.4}\n");
    QTest::newRow("finding, not error: useProxy on a port the proxy does not serve")
        << prelude + "gateways:\n  - {name: gw, vnet: hub}\nvms:\n"
                     "  - {name: proxy, subnet: hub/workload, proxy: {port: 3128}}\n"
                     "clients:\n  - {name: pc, gateway: gw, useProxy: proxy:8080}\n";
    QTest::newRow("end points of every kind")
        << prelude + "firewalls:\n  - {name: fw, subnet: hub/AzureFirewallSubnet}\n"
                     "gateways:\n  - name: gw\n    vnet: hub\n    localNetworks:\n"
                     "      - {name: office, addressPrefixes: [192.168.0.0/16]}\n"
                     "vms:\n  - {name: vm, subnet: hub/workload}\n"
                     "clients:\n  - {name: pc, gateway: gw}\n"
                     "intents:\n"
                     "  - {from: pc, to: vm, expect: ok}\n"
                     "  - {from: fw, to: office, expect: ok}\n"
                     "  - {from: hub/workload, to: Internet, expect: ok}\n"
                     "  - {from: 10.0.0.4, to: 8.8.8.8, expect: blocked}\n";
    QTest::newRow("layout keys that name nothing")
        << QByteArray("hopscope: 1\nlayout:\n  long-gone: {x: 1, y: 2}\n  'odd key/with:stuff': "
                      "{x: 0, y: 0}\n");
    QTest::newRow("comments everywhere")
        << QByteArray("# a design\nhopscope: 1 # version\nvnets: # none yet\n  # still none\n");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFhopscope: 1\nname: with BOM\n");
    QTest::newRow("CRLF line endings") << QByteArray("hopscope: 1\r\nvnets:\r\n  - name: hub\r\n"
                                                     "    addressSpace: [10.0.0.0/16]\r\n");
    QTest::newRow("anchors and aliases within limits")
        << QByteArray("hopscope: 1\nvnets:\n  - name: a\n    addressSpace: &space [10.0.0.0/16]\n"
                      "  - name: b\n    addressSpace: *space\n");
    QTest::newRow("firewall rule ports as plain numbers and single addresses")
        << prelude + "firewalls:\n  - name: fw\n    subnet: hub/AzureFirewallSubnet\n    rules:\n"
                     "      - {name: r, action: Allow, protocols: [Tcp], sourceAddresses: "
                     "[10.0.0.4], destinationAddresses: ['*'], destinationPorts: [3128, 1-2]}\n";
    QTest::newRow("names at the edge of the rules")
        << QByteArray("hopscope: 1\nrouteTables:\n  - name: ") + QByteArray(80, 'r') +
               "\n  - name: a.b_c-D9\n  - name: '123'\n";
}

void TestDesignIo::acceptsDesignsWithFindings()
{
    QFETCH(QByteArray, yaml);
    const io::LoadResult result = load(yaml);
    QVERIFY2(result.errors.empty(), qPrintable(errorList(result)));
    QVERIFY(result.design.has_value());
}

// The fixture sets every key of format v1 to a value other than its default; the design built
// here by hand is what it must read as.
void TestDesignIo::readsEveryField()
{
    Design expected;
    expected.name = QStringLiteral("Every field of format v1, none at its default: 'quoted', # "
                                   "not a comment");
    expected.vnets = {
        {QStringLiteral("hub"),
         VnetRole::Hub,
         QStringLiteral("westeurope"),
         {prefix("10.0.0.0/16"), prefix("192.168.100.0/24")},
         {{QStringLiteral("AzureFirewallSubnet"), prefix("10.0.1.0/26"), QStringLiteral("rt-fw")},
          {QStringLiteral("GatewaySubnet"), prefix("10.0.2.0/27"), {}}}},
        {QStringLiteral("spoke"),
         VnetRole::Spoke,
         {},
         {prefix("10.1.0.0/16")},
         {{QStringLiteral("apps"), prefix("10.1.0.0/24"), QStringLiteral("rt-apps")}}},
        {QStringLiteral("lab"), VnetRole::Other, {}, {prefix("10.9.0.0/16")}, {}}};
    expected.peerings = {{QStringLiteral("hub"), QStringLiteral("spoke"), true, true, true, false},
                         {QStringLiteral("spoke"), QStringLiteral("hub"), false, true, false, true}};
    expected.routeTables = {
        {QStringLiteral("rt-fw"),
         false,
         {{QStringLiteral("internet"), prefix("0.0.0.0/0"), NextHopType::Internet, ip("10.0.1.4")}}},
        {QStringLiteral("rt-apps"),
         true,
         {{QStringLiteral("default"), prefix("0.0.0.0/0"), NextHopType::VirtualAppliance,
           ip("10.0.1.4")},
          {QStringLiteral("to-gateway"), prefix("172.16.0.0/24"),
           NextHopType::VirtualNetworkGateway, std::nullopt},
          {QStringLiteral("local"), prefix("10.1.0.0/16"), NextHopType::VnetLocal, std::nullopt},
          {QStringLiteral("drop"), prefix("10.9.0.0/16"), NextHopType::None, std::nullopt}}},
        {QStringLiteral("rt-empty"), false, {}}};
    const AddressMatch any;
    expected.firewalls = {
        {QStringLiteral("fw"),
         QStringLiteral("hub/AzureFirewallSubnet"),
         ip("10.0.1.4"),
         true,
         false,
         {{QStringLiteral("vpn-to-proxy"),
           RuleAction::Allow,
           {Protocol::Tcp},
           {AddressMatch{prefix("172.16.0.0/24")}},
           {AddressMatch{prefix("10.1.0.4/32")}},
           {PortRange{3128, 3128}}},
          {QStringLiteral("block-the-rest"),
           RuleAction::Deny,
           {Protocol::Udp, Protocol::Icmp, Protocol::Any},
           {any, AddressMatch{prefix("10.0.0.0/8")}},
           {any},
           {PortRange{0, 65535}, PortRange{1024, 65535}, PortRange{0, 0}}}}},
        {QStringLiteral("fw-deny-all"), QStringLiteral("spoke/apps"), std::nullopt, false, false,
         {}}};
    expected.gateways = {
        {QStringLiteral("vpngw"),
         QStringLiteral("hub"),
         GatewayType::Vpn,
         QStringLiteral("VpnGw2AZ"),
         {prefix("172.16.0.0/24"), prefix("172.17.0.0/24")},
         {prefix("0.0.0.0/1"), prefix("128.0.0.0/1")},
         {{QStringLiteral("office"), {prefix("192.168.0.0/24"), prefix("192.168.1.0/24")}}}},
        {QStringLiteral("ergw"), QStringLiteral("spoke"), GatewayType::ExpressRoute,
         QStringLiteral("ErGw1AZ"), {}, {}, {}}};
    expected.vms = {
        {QStringLiteral("proxy"), QStringLiteral("spoke/apps"), ip("10.1.0.4"), true, true,
         OutboundMethod::NatGateway, {}, {}, {}, ProxyService{8080, QStringLiteral("conf/squid.conf")}},
        {QStringLiteral("bare-proxy"), QStringLiteral("spoke/apps"), std::nullopt, false, false,
         OutboundMethod::DefaultAccess, {}, {}, {}, ProxyService{3128, {}}},
        {QStringLiteral("nva"), QStringLiteral("spoke/apps"), ip("10.1.0.5"), false, false,
         OutboundMethod::LoadBalancer, {}, {}, {}, std::nullopt},
        {QStringLiteral("isolated"), QStringLiteral("spoke/apps"), std::nullopt, false, false,
         OutboundMethod::None, {}, {}, {}, std::nullopt},
        {QStringLiteral("public"), QStringLiteral("spoke/apps"), std::nullopt, false, false,
         OutboundMethod::PublicIp, {}, {}, {}, std::nullopt}};
    expected.clients = {{QStringLiteral("laptop"), QStringLiteral("vpngw"), ip("172.16.0.10"),
                         ProxySetting{QStringLiteral("proxy"), 8080}},
                        {QStringLiteral("phone"), QStringLiteral("vpngw"), std::nullopt,
                         std::nullopt}};
    expected.intents = {
        {QStringLiteral("laptop"), QStringLiteral("proxy"), 8080, Protocol::Tcp,
         IntentExpectation::Ok},
        {QStringLiteral("spoke/apps"), QStringLiteral("office"), 53, Protocol::Udp,
         IntentExpectation::Blocked},
        {QStringLiteral("10.1.0.4"), QStringLiteral("Internet"), 443, Protocol::Tcp,
         IntentExpectation::Ok},
        {QStringLiteral("fw"), QStringLiteral("8.8.8.8"), 0, Protocol::Icmp, IntentExpectation::Ok}};
    expected.settings = {NoneRoutesRemoval::VirtualApplianceOnly, P2sInternetBreakout::Allow};
    expected.layout = {{QStringLiteral("hub"), 0, 0},
                       {QStringLiteral("spoke"), -420.5, 12.25},
                       {QStringLiteral("Internet"), 1000000, -0.75},
                       {QStringLiteral("gone-object"), 3, 4}};

    const io::LoadResult result = io::readDesignFile(dataPath(QStringLiteral("every-field.hopscope.yaml")));
    QVERIFY2(result.errors.empty(), qPrintable(errorList(result)));
    const Design &actual = *result.design;
    // Section by section, so that a failure says where.
    QCOMPARE(actual.name, expected.name);
    QVERIFY(actual.vnets == expected.vnets);
    QVERIFY(actual.peerings == expected.peerings);
    QVERIFY(actual.routeTables == expected.routeTables);
    QVERIFY(actual.firewalls == expected.firewalls);
    QVERIFY(actual.gateways == expected.gateways);
    QVERIFY(actual.vms == expected.vms);
    QVERIFY(actual.clients == expected.clients);
    QVERIFY(actual.intents == expected.intents);
    QVERIFY(actual.settings == expected.settings);
    QVERIFY(actual.layout == expected.layout);
    QVERIFY(actual == expected);
}

// One rule as written (the body of a flow map) → the rule read, and the rule as saved.
void TestDesignIo::readsSecurityRules_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<SecurityRule>("expected");
    QTest::addColumn<QByteArray>("saved");

    const auto rule = [](int priority, SecurityDirection direction, RuleAction access) {
        SecurityRule r;
        r.name = QStringLiteral("r");
        r.priority = priority;
        r.direction = direction;
        r.access = access;
        return r;
    };
    const SecurityRule inbound = rule(100, SecurityDirection::Inbound, RuleAction::Allow);
    const auto tag = [](const char *t) { return SecurityAddress::ofTag(QString::fromLatin1(t)); };
    const auto at = [](const char *p) { return SecurityAddress::of(prefix(p)); };

    QTest::newRow("defaults: protocol, addresses and ports '*'")
        << QByteArray("name: r, priority: 100, direction: Inbound, access: Allow") << inbound
        << QByteArray("{name: r, priority: 100, direction: Inbound, access: Allow}");
    SecurityRule singular = rule(310, SecurityDirection::Outbound, RuleAction::Deny);
    singular.protocol = SecurityProtocol::Udp;
    singular.source = {{at("10.1.0.0/16")}, {}, {PortRange{1024, 65535}}};
    singular.destination = {{at("10.2.0.4/32")}, {}, {PortRange{53, 53}}};
    QTest::newRow("singular forms, a single address is its /32")
        << QByteArray("name: r, priority: 310, direction: Outbound, access: Deny, protocol: Udp, "
                      "sourceAddressPrefix: 10.1.0.0/16, sourcePortRange: 1024-65535, "
                      "destinationAddressPrefix: 10.2.0.4, destinationPortRange: '53'")
        << singular
        << QByteArray("{name: r, priority: 310, direction: Outbound, access: Deny, protocol: Udp, "
                      "sourceAddressPrefix: 10.1.0.0/16, sourcePortRange: \"1024-65535\", "
                      "destinationAddressPrefix: 10.2.0.4, destinationPortRange: \"53\"}");
    SecurityRule plural = inbound;
    plural.source = {{at("172.16.16.0/24"), tag("VirtualNetwork")}, {}, {}};
    plural.destination = {{at("10.2.0.0/24"), at("10.3.0.0/24")}, {},
                          {PortRange{80, 80}, PortRange{443, 443}, PortRange{8000, 8999}}};
    QTest::newRow("plural forms, ports as integers and strings")
        << QByteArray("name: r, priority: 100, direction: Inbound, access: Allow, "
                      "sourceAddressPrefixes: [172.16.16.0/24, VirtualNetwork], "
                      "destinationAddressPrefixes: [10.2.0.0/24, 10.3.0.0/24], "
                      "destinationPortRanges: [80, '443', \"8000-8999\"]")
        << plural
        << QByteArray("{name: r, priority: 100, direction: Inbound, access: Allow, "
                      "sourceAddressPrefixes: [172.16.16.0/24, VirtualNetwork], "
                      "destinationAddressPrefixes: [10.2.0.0/24, 10.3.0.0/24], "
                      "destinationPortRanges: [\"80\", \"443\", \"8000-8999\"]}");
    SecurityRule groups = inbound;
    groups.source.applicationSecurityGroups = {QStringLiteral("asg-web")};
    groups.destination.applicationSecurityGroups = {QStringLiteral("asg-db"),
                                                    QStringLiteral("asg-web")};
    QTest::newRow("application security group forms")
        << QByteArray("name: r, priority: 100, direction: Inbound, access: Allow, "
                      "sourceApplicationSecurityGroups: [asg-web], "
                      "destinationApplicationSecurityGroups: [asg-db, asg-web]")
        << groups
        << QByteArray("{name: r, priority: 100, direction: Inbound, access: Allow, "
                      "sourceApplicationSecurityGroups: [asg-web], "
                      "destinationApplicationSecurityGroups: [asg-db, asg-web]}");
    QTest::newRow("'*', Any and empty plural lists are the default")
        << QByteArray("name: r, priority: 100, direction: Inbound, access: Allow, protocol: '*', "
                      "sourceAddressPrefix: Any, sourceAddressPrefixes: [], "
                      "sourceApplicationSecurityGroups: [], sourcePortRange: '*', "
                      "sourcePortRanges: [], destinationAddressPrefixes: ['*'], "
                      "destinationApplicationSecurityGroups: [], destinationPortRanges: ['*']")
        << inbound
        << QByteArray("{name: r, priority: 100, direction: Inbound, access: Allow}");
    SecurityRule lowerCase = rule(4096, SecurityDirection::Outbound, RuleAction::Deny);
    lowerCase.protocol = SecurityProtocol::Icmp;
    lowerCase.source.addresses = {tag("AzureLoadBalancer")};
    lowerCase.destination.addresses = {tag("Internet")};
    QTest::newRow("enums and modelled tags in any case, saved in Azure's spelling")
        << QByteArray("name: r, priority: 4096, direction: outbound, access: DENY, protocol: icmp, "
                      "sourceAddressPrefix: azureloadbalancer, destinationAddressPrefix: INTERNET")
        << lowerCase
        << QByteArray("{name: r, priority: 4096, direction: Outbound, access: Deny, protocol: Icmp, "
                      "sourceAddressPrefix: AzureLoadBalancer, destinationAddressPrefix: Internet}");
    SecurityRule otherTags = rule(65000, SecurityDirection::Inbound, RuleAction::Allow);
    otherTags.protocol = SecurityProtocol::Esp;
    otherTags.source.addresses = {tag("AzureCloud.WestEurope"), tag("storage")};
    otherTags.destination.addresses = {tag("VirtualNetwork")};
    QTest::newRow("other service tags kept as written, priority outside Azure's range")
        << QByteArray("name: r, priority: 65000, direction: Inbound, access: Allow, protocol: ESP, "
                      "sourceAddressPrefixes: [AzureCloud.WestEurope, storage], "
                      "destinationAddressPrefix: virtualnetwork")
        << otherTags
        << QByteArray("{name: r, priority: 65000, direction: Inbound, access: Allow, protocol: Esp, "
                      "sourceAddressPrefixes: [AzureCloud.WestEurope, storage], "
                      "destinationAddressPrefix: VirtualNetwork}");
    SecurityRule negative = rule(-5, SecurityDirection::Inbound, RuleAction::Allow);
    negative.protocol = SecurityProtocol::Ah;
    negative.source.addresses = {at("0.0.0.0/0")};
    negative.destination.ports = {PortRange{0, 0}};
    QTest::newRow("a negative priority is check's finding; 0.0.0.0/0 kept as written")
        << QByteArray("name: r, priority: -5, direction: Inbound, access: Allow, protocol: Ah, "
                      "sourceAddressPrefix: 0.0.0.0/0, destinationPortRange: 0")
        << negative
        << QByteArray("{name: r, priority: -5, direction: Inbound, access: Allow, protocol: Ah, "
                      "sourceAddressPrefix: 0.0.0.0/0, destinationPortRange: \"0\"}");
    SecurityRule described = inbound;
    described.id = QStringLiteral("/subscriptions/1/nsg/securityRules/r");
    described.description = QStringLiteral("P2S clients: the proxy");
    described.source.addresses = {SecurityAddress::any(), at("10.0.0.0/8")};
    QTest::newRow("id and description make a block map; '*' in a list is kept")
        << QByteArray("description: 'P2S clients: the proxy', id: /subscriptions/1/nsg/securityRules/r, "
                      "name: r, priority: 100, direction: Inbound, access: Allow, "
                      "sourceAddressPrefixes: ['*', 10.0.0.0/8]")
        << described
        << QByteArray("name: r\n"
                      "        id: /subscriptions/1/nsg/securityRules/r\n"
                      "        description: \"P2S clients: the proxy\"\n"
                      "        priority: 100\n"
                      "        direction: Inbound\n"
                      "        access: Allow\n"
                      "        sourceAddressPrefixes: [\"*\", 10.0.0.0/8]");
}

void TestDesignIo::readsSecurityRules()
{
    QFETCH(QByteArray, written);
    QFETCH(SecurityRule, expected);
    QFETCH(QByteArray, saved);

    const QByteArray yaml = prelude + "networkSecurityGroups:\n  - name: nsg\n    securityRules:\n"
                                      "      - {" + written + "}\n"
                                      "applicationSecurityGroups:\n  - name: asg-web\n"
                                      "  - name: asg-db\n";
    const io::LoadResult result = load(yaml);
    QVERIFY2(result.errors.empty(), qPrintable(errorList(result)));
    QCOMPARE(result.design->networkSecurityGroups.size(), std::size_t(1));
    const NetworkSecurityGroup &nsg = result.design->networkSecurityGroups.front();
    QCOMPARE(nsg.securityRules.size(), std::size_t(1));
    const SecurityRule &actual = nsg.securityRules.front();
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.description, expected.description);
    QCOMPARE(actual.priority, expected.priority);
    QCOMPARE(toString(actual.direction), toString(expected.direction));
    QCOMPARE(toString(actual.access), toString(expected.access));
    QCOMPARE(toString(actual.protocol), toString(expected.protocol));
    QVERIFY2(actual.source == expected.source, "source side differs");
    QVERIFY2(actual.destination == expected.destination, "destination side differs");
    QVERIFY(actual == expected);

    const QByteArray text = io::writeDesign(*result.design);
    const QByteArray section = "networkSecurityGroups:\n  - name: nsg\n    securityRules:\n"
                               "      - " + saved + "\n\n";
    QVERIFY2(text.contains(section), text.constData());
    const io::LoadResult reloaded = load(text);
    QVERIFY2(reloaded.errors.empty(), qPrintable(errorList(reloaded)));
    QVERIFY2(*reloaded.design == *result.design, "load(save(x)) differs from x");
}

// A subnet as written (the body of a flow map) → its prefixes, and the subnet as saved.
void TestDesignIo::readsSeveralSubnetPrefixes_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<QList<Prefix>>("expected");
    QTest::addColumn<QByteArray>("saved");

    QTest::newRow("one prefix as addressPrefix")
        << QByteArray("name: s, addressPrefix: 10.1.0.0/24")
        << QList<Prefix>{prefix("10.1.0.0/24")}
        << QByteArray("{name: s, addressPrefix: 10.1.0.0/24}");
    QTest::newRow("one prefix as addressPrefixes is saved as addressPrefix")
        << QByteArray("name: s, addressPrefixes: [10.1.0.0/24]")
        << QList<Prefix>{prefix("10.1.0.0/24")}
        << QByteArray("{name: s, addressPrefix: 10.1.0.0/24}");
    QTest::newRow("several prefixes, first one first, with NSG and route table")
        << QByteArray("networkSecurityGroup: nsg, routeTable: rt, name: s, "
                      "addressPrefixes: [10.1.8.0/24, 10.1.0.0/24, 10.1.9.0/26]")
        << QList<Prefix>{prefix("10.1.8.0/24"), prefix("10.1.0.0/24"), prefix("10.1.9.0/26")}
        << QByteArray("{name: s, addressPrefixes: [10.1.8.0/24, 10.1.0.0/24, 10.1.9.0/26], "
                      "routeTable: rt, networkSecurityGroup: nsg}");
    QTest::newRow("an id makes a block map, right after the name")
        << QByteArray("addressPrefixes: [10.1.0.0/24, 10.1.1.0/24], name: s, "
                      "id: /subscriptions/1/virtualNetworks/spoke/subnets/s")
        << QList<Prefix>{prefix("10.1.0.0/24"), prefix("10.1.1.0/24")}
        << QByteArray("name: s\n"
                      "        id: /subscriptions/1/virtualNetworks/spoke/subnets/s\n"
                      "        addressPrefixes: [10.1.0.0/24, 10.1.1.0/24]");
}

void TestDesignIo::readsSeveralSubnetPrefixes()
{
    QFETCH(QByteArray, written);
    QFETCH(QList<Prefix>, expected);
    QFETCH(QByteArray, saved);

    const QByteArray yaml = "hopscope: 1\nvnets:\n  - name: spoke\n    addressSpace: [10.1.0.0/16]\n"
                            "    subnets:\n      - {" + written + "}\n"
                            "routeTables:\n  - name: rt\nnetworkSecurityGroups:\n  - name: nsg\n";
    const io::LoadResult result = load(yaml);
    QVERIFY2(result.errors.empty(), qPrintable(errorList(result)));
    const Subnet &subnet = result.design->vnets.front().subnets.front();
    const std::vector<Prefix> all = subnet.addressPrefixes();
    QCOMPARE(QList<Prefix>(all.begin(), all.end()), expected);
    QCOMPARE(subnet.addressPrefix, expected.front());

    const QByteArray text = io::writeDesign(*result.design);
    const QByteArray line = QByteArray("    subnets:\n      - ") + saved + '\n';
    QVERIFY2(text.contains(line), text.constData());
    const io::LoadResult reloaded = load(text);
    QVERIFY2(reloaded.errors.empty(), qPrintable(errorList(reloaded)));
    QVERIFY2(*reloaded.design == *result.design, "load(save(x)) differs from x");
}

// import.md TC-I1's expected design: what the importer must produce. It loads with its NSG, its
// ARM ids and its rules, and survives a save and a load.
void TestDesignIo::loadsTheImportFixture()
{
    const QString path = importDataPath(QStringLiteral("seed-lab.expected.hopscope.yaml"));
    const io::LoadResult loaded = io::readDesignFile(path);
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded)));
    const Design &design = *loaded.design;
    const QString base = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/"
                                        "resourceGroups/rg-hopscope-lab/providers/Microsoft.Network/");

    QCOMPARE(design.vnets.size(), std::size_t(3));
    QCOMPARE(design.vnet(QStringLiteral("HUB-Vnet-A"))->id, base + "virtualNetworks/HUB-Vnet-A");
    const Subnet *subnetB = design.subnet(QStringLiteral("Spoke-Vnet-b/Subnet-b"));
    QVERIFY(subnetB);
    QCOMPARE(subnetB->id, base + "virtualNetworks/Spoke-Vnet-b/subnets/Subnet-b");
    QCOMPARE(subnetB->networkSecurityGroup, QStringLiteral("nsg-subnet-b"));
    QCOMPARE(subnetB->routeTable, QStringLiteral("rt-b"));
    QCOMPARE(design.peering(QStringLiteral("Spoke-Vnet-b"), QStringLiteral("HUB-Vnet-A"))->id,
             base + "virtualNetworks/Spoke-Vnet-b/virtualNetworkPeerings/Spoke-Vnet-b-to-HUB-Vnet-A");
    const RouteTable *rtHub = design.routeTable(QStringLiteral("rt-hub-fw"));
    QCOMPARE(rtHub->id, base + "routeTables/rt-hub-fw");
    QCOMPARE(rtHub->routes.front().id, base + "routeTables/rt-hub-fw/routes/vpn-pool-via-spoke-b-fw");
    QCOMPARE(rtHub->routes.front().nextHopIpAddress, std::optional(ip("10.2.1.4")));
    QCOMPARE(design.firewall(QStringLiteral("fw-hub"))->id, base + "azureFirewalls/fw-hub");
    QCOMPARE(design.gateway(QStringLiteral("vpngw-a"))->id, base + "virtualNetworkGateways/vpngw-a");
    QCOMPARE(design.site(QStringLiteral("tokyo-office"))->id,
             base + "localNetworkGateways/tokyo-office");
    QCOMPARE(design.vm(QStringLiteral("proxy"))->id, base + "networkInterfaces/proxy-nic");

    QCOMPARE(design.networkSecurityGroups.size(), std::size_t(1));
    const NetworkSecurityGroup &nsg = design.networkSecurityGroups.front();
    QCOMPARE(nsg.name, QStringLiteral("nsg-subnet-b"));
    QCOMPARE(nsg.id, base + "networkSecurityGroups/nsg-subnet-b");
    SecurityRule allow;
    allow.name = QStringLiteral("allow-p2s-proxy");
    allow.id = base + "networkSecurityGroups/nsg-subnet-b/securityRules/allow-p2s-proxy";
    allow.description = QStringLiteral("P2S clients to the Squid proxy");
    allow.priority = 100;
    allow.direction = SecurityDirection::Inbound;
    allow.access = RuleAction::Allow;
    allow.protocol = SecurityProtocol::Tcp;
    allow.source.addresses = {SecurityAddress::of(prefix("172.16.16.0/24"))};
    allow.destination.addresses = {SecurityAddress::of(prefix("10.2.0.4/32"))};
    allow.destination.ports = {PortRange{3128, 3128}};
    SecurityRule deny;
    deny.name = QStringLiteral("deny-all-inbound");
    deny.id = base + "networkSecurityGroups/nsg-subnet-b/securityRules/deny-all-inbound";
    deny.priority = 4096;
    deny.direction = SecurityDirection::Inbound;
    deny.access = RuleAction::Deny;
    QCOMPARE(nsg.securityRules.size(), std::size_t(2));
    QVERIFY2(nsg.securityRules[0] == allow, "allow-p2s-proxy differs");
    QVERIFY2(nsg.securityRules[1] == deny, "deny-all-inbound differs");
    QVERIFY(design.clients.empty());
    QVERIFY(design.layout.empty());

    const QByteArray saved = io::writeDesign(design);
    const io::LoadResult reloaded = io::readDesign(saved, path);
    QVERIFY2(reloaded.errors.empty(), qPrintable(errorList(reloaded)));
    QVERIFY2(*reloaded.design == design, "load(save(x)) differs from x");
    QCOMPARE(io::writeDesign(*reloaded.design), saved);
}

// --- robustness -----------------------------------------------------------------------------

namespace {
QByteArray repeated(const QByteArray &piece, int times)
{
    QByteArray result;
    result.reserve(piece.size() * times);
    for (int i = 0; i < times; ++i)
        result += piece;
    return result;
}

// Each level holds nine references to the one before: 9^9 nodes if expanded.
QByteArray billionLaughs()
{
    QByteArray yaml("hopscope: 1\nlol0: &lol0 lol\n");
    for (int level = 1; level <= 9; ++level) {
        yaml += "lol" + QByteArray::number(level) + ": &lol" + QByteArray::number(level) + " [";
        for (int i = 0; i < 9; ++i)
            yaml += (i ? ", *lol" : "*lol") + QByteArray::number(level - 1);
        yaml += "]\n";
    }
    return yaml;
}
} // namespace

void TestDesignIo::refusesHostileBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("phrase");

    const QString empty = QStringLiteral("empty file: expected a design starting with 'hopscope: 1'");
    QTest::newRow("empty file") << QByteArray() << 0 << 0 << empty;
    QTest::newRow("only white space") << QByteArray("  \n\n\t\r\n") << 0 << 0 << empty;
    QTest::newRow("only a comment") << QByteArray("# nothing here\n") << 0 << 0 << empty;
    QTest::newRow("only a document marker") << QByteArray("---\n") << 0 << 0 << empty;
    QTest::newRow("NUL byte") << QByteArray("hopscope: 1\nna\0me: x\n", 21) << 2 << 3
                              << QStringLiteral("NUL byte: this is not a text file");
    QByteArray everyByte;
    for (int b = 255; b >= 0; --b)
        everyByte += char(b);
    QTest::newRow("binary garbage: every byte value") << everyByte << 1 << 1
                                                      << QStringLiteral("invalid UTF-8 (byte 0xff)");
    QTest::newRow("binary garbage: PNG header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                                << 1 << 1
                                                << QStringLiteral("invalid UTF-8 (byte 0x89)");
    QTest::newRow("binary garbage: UTF-16 text") << QByteArray("\xff\xfeh\0o\0", 6) << 1 << 1
                                                 << QStringLiteral("invalid UTF-8 (byte 0xff)");
    QTest::newRow("control character") << QByteArray("hopscope: 1\nname: a\x07z\n") << 2 << 8
                                       << QStringLiteral("control character 0x07");
    QTest::newRow("invalid UTF-8: Latin-1 text") << QByteArray("hopscope: 1\nname: caf\xe9 au lait\n")
                                                 << 2 << 10
                                                 << QStringLiteral("invalid UTF-8 (byte 0xe9)");
    QTest::newRow("invalid UTF-8: cut off at the end") << QByteArray("hopscope: 1\nname: caf\xc3")
                                                       << 2 << 10
                                                       << QStringLiteral("invalid UTF-8 (byte 0xc3)");
    QTest::newRow("invalid UTF-8: lone continuation byte") << QByteArray("name: \x80\n") << 1 << 7
                                                           << QStringLiteral("invalid UTF-8");
    QTest::newRow("invalid UTF-8: overlong '/'") << QByteArray("name: \xc0\xaf\n") << 1 << 7
                                                 << QStringLiteral("invalid UTF-8 (byte 0xc0)");
    QTest::newRow("invalid UTF-8: overlong 3 bytes") << QByteArray("name: \xe0\x80\xaf\n") << 1 << 7
                                                     << QStringLiteral("invalid UTF-8 (byte 0xe0)");
    QTest::newRow("invalid UTF-8: UTF-16 surrogate") << QByteArray("name: \xed\xa0\x80\n") << 1 << 7
                                                     << QStringLiteral("invalid UTF-8 (byte 0xed)");
    QTest::newRow("invalid UTF-8: beyond U+10FFFF") << QByteArray("é: \xf4\x90\x80\x80\n") << 1 << 4
                                                    << QStringLiteral("invalid UTF-8 (byte 0xf4)");
    // Issue 12, found by fuzz_design_roundtrip: yaml-cpp's emitter writes U+FFFF as U+FFFD, so a
    // design holding it loaded but saved differently. YAML does not allow it (YAML 1.2 §5.1).
    QTest::newRow("fuzz: U+FFFF in a name")
        << QByteArray::fromBase64("aG9wc2NvcGU6IDEKbmFtZTogIkVvZXJ5IGJpZWxkIG9zc1NwYWNlOiA6CiAxNS4yLCB1c2Xvu79"
                                  "Qcm96a30KZe+7v1ByLjE2LjIsIDIsIHVzZe+/vy9SdWJuZXQtYgozNDQuMS42NjIsIHVzZe+7v1By"
                                  "YmplY3Q6IHt4OiAzLCBcciA0fQo=")
        << 4 << 18 << QStringLiteral("character U+FFFF, which YAML does not allow in a file");
    QTest::newRow("U+FFFE in a value") << QByteArray("hopscope: 1\nname: a\xef\xbf\xbez\n") << 2 << 8
                                       << QStringLiteral("character U+FFFE, which YAML does not allow");
    QTest::newRow("U+FFFF written as an escape")
        << QByteArray("hopscope: 1\nname: \"a\\uFFFFz\"\n") << 2 << 7
        << QStringLiteral("character U+FFFF, which YAML does not allow");
    // yaml-cpp reads each unclosed '[' as a list holding an implicit map: two levels per '['.
    QTest::newRow("nesting: 100000 '['") << repeated("[", 100000) << 1 << 33
                                         << QStringLiteral("YAML nested deeper than 64 levels");
    QTest::newRow("nesting: 100000 '{a: '") << repeated("{a: ", 100000) << 1 << 253
                                            << QStringLiteral("YAML nested deeper than 64 levels");
    QTest::newRow("nesting: 100000 block list levels")
        << repeated("- ", 100000) + "x\n" << 1 << 129
        << QStringLiteral("YAML nested deeper than 64 levels");
    QTest::newRow("nesting: deep inside a design")
        << QByteArray("hopscope: 1\nname: deep\nlayout:\n  hub: ") + repeated("[", 1000) << 4 << 39
        << QStringLiteral("YAML nested deeper than 64 levels");
    // Node 1000001 is the list's 999996th item: root map, two keys, two values come first.
    QTest::newRow("size: a million list items")
        << QByteArray("hopscope: 1\nvnets:\n") + repeated("- a\n", 1000000) << 999998 << 3
        << QStringLiteral("the document holds more than 1000000 YAML nodes");
    QTest::newRow("aliases: billion laughs") << billionLaughs() << 9 << 14
                                             << QStringLiteral("aliases would expand this document "
                                                               "by more than 1000000 nodes");
    QTest::newRow("aliases: a node that contains its own alias")
        << QByteArray("hopscope: 1\nvnets: &v [*v]\n") << 2 << 12
        << QStringLiteral("this alias refers to a node that contains it");
    QTest::newRow("aliases: undefined anchor") << QByteArray("hopscope: 1\nvnets: *nowhere\n") << 2 << 8
                                               << QStringLiteral("YAML syntax error: the referenced "
                                                                 "anchor is not defined");
    QTest::newRow("two YAML documents") << QByteArray("hopscope: 1\n---\nhopscope: 1\n") << 2 << 1
                                        << QStringLiteral("a design file holds one YAML document");
    QTest::newRow("syntax: unclosed flow list") << QByteArray("hopscope: 1\nvnets: [\n") << 3 << 1
                                                << QStringLiteral("YAML syntax error: end of "
                                                                  "sequence flow not found");
    QTest::newRow("syntax: bad indentation")
        << QByteArray("hopscope: 1\nvnets:\n  - name: a\n   addressSpace: []\n") << 4 << 4
        << QStringLiteral("YAML syntax error: end of sequence not found");
    // Issue 16 point 12: yaml-cpp says "illegal block entry" one column after the tab.
    QTest::newRow("syntax: tab indentation") << QByteArray("hopscope: 1\nvnets:\n\t- name: a\n")
                                             << 3 << 1 << QStringLiteral("YAML syntax error: a tab in the indentation (YAML indents with spaces only");
    QTest::newRow("syntax: tab after spaces in the indentation of a map key")
        << QByteArray("hopscope: 1\nvnets:\n  - name: a\n  \t addressSpace: []\n") << 4 << 3
        << QStringLiteral("a tab in the indentation");
    QTest::newRow("syntax: tab indenting a key under a key")
        << QByteArray("hopscope: 1\nsettings:\n\tp2sInternetBreakout: allow\n") << 3 << 1
        << QStringLiteral("a tab in the indentation");
    QTest::newRow("names: vnet named with '/' and ':'")
        << QByteArray("hopscope: 1\nvnets:\n  - {name: 'a/b:c', addressSpace: [10.0.0.0/16]}\n")
        << 3 << 12 << QStringLiteral("invalid name 'a/b:c'");
    QTest::newRow("names: end point named with ':'")
        << QByteArray("hopscope: 1\nintents:\n  - {from: 'vm:22', to: Internet, expect: ok}\n")
        << 3 << 12 << QStringLiteral("unknown end point 'vm:22'");
}

void TestDesignIo::refusesHostileBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, phrase);

    const io::LoadResult result = load(bytes);
    QVERIFY(!result.design);
    QVERIFY2(hasError(result, line, column, phrase),
             qPrintable(QStringLiteral("expected design.yaml:%1:%2: ...%3...\ngot:\n%4")
                            .arg(line)
                            .arg(column)
                            .arg(phrase, errorList(result))));
}

// The 50 MB file would load fine if it were parsed (a valid design and comments), so only the
// size check can make it fail.
void TestDesignIo::refusesOversizedInputBeforeParsing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.hopscope.yaml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hopscope: 1\n");
        const QByteArray comments = repeated("# padding padding padding padding padding padding\n",
                                             20000);
        while (file.size() < 50 * 1024 * 1024)
            QVERIFY(file.write(comments) == comments.size());
    }
    const io::LoadResult fromFile = io::readDesignFile(path);
    QCOMPARE(fromFile.errors.size(), std::size_t(1));
    QCOMPARE(fromFile.errors.front().line, 0);
    QVERIFY2(fromFile.errors.front().message.contains(QStringLiteral("(16 MiB) are refused")),
             qPrintable(errorList(fromFile)));
    QVERIFY(!fromFile.design);

    const QByteArray justOver = QByteArray("hopscope: 1\n") +
                                QByteArray(io::maxDesignFileBytes - 11, '\n');
    const io::LoadResult fromBytes = load(justOver);
    QCOMPARE(fromBytes.errors.size(), std::size_t(1));
    QVERIFY2(fromBytes.errors.front().message.contains(QStringLiteral("(16 MiB) are refused")),
             qPrintable(errorList(fromBytes)));
}

void TestDesignIo::readsAFileOfExactlyTheSizeLimit()
{
    QByteArray yaml = QByteArray("hopscope: 1\nname: at the limit\n#");
    yaml += QByteArray(io::maxDesignFileBytes - yaml.size() - 1, 'x') + '\n';
    QCOMPARE(yaml.size(), io::maxDesignFileBytes);
    const io::LoadResult result = load(yaml);
    QVERIFY2(result.errors.empty(), qPrintable(errorList(result)));
    QCOMPARE(result.design->name, QStringLiteral("at the limit"));
}

void TestDesignIo::reportsUnreadableFiles_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("file does not exist") << QStringLiteral("missing.hopscope.yaml")
                                         << QStringLiteral("cannot open: ");
    QTest::newRow("path is a directory") << QStringLiteral("a-directory")
                                         << QStringLiteral("not a regular file");
}

void TestDesignIo::reportsUnreadableFiles()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("a-directory")));
    const QString path = dir.filePath(relativePath);
    const io::LoadResult result = io::readDesignFile(path);
    QCOMPARE(result.errors.size(), std::size_t(1));
    QCOMPARE(result.errors.front().file, path);
    QVERIFY2(result.errors.front().message.contains(phrase), qPrintable(errorList(result)));
}

// --- the canonical form ---------------------------------------------------------------------

void TestDesignIo::roundTripsDesignFiles_data()
{
    QTest::addColumn<QString>("path");
    for (const char *name : {"seed-as-written", "seed-typo-fixed", "seed-supported",
                             "seed-nsg-blocks-pool", "classic-hub"})
        QTest::newRow(qPrintable(QStringLiteral("example: ") + QLatin1String(name)))
            << examplePath(QLatin1String(name) + QStringLiteral(".hopscope.yaml"));
    QTest::newRow("every field at a non-default value")
        << dataPath(QStringLiteral("every-field.hopscope.yaml"));
    QTest::newRow("NSGs, ASGs, ARM ids and several subnet prefixes at non-default values")
        << dataPath(QStringLiteral("nsg-every-field.hopscope.yaml"));
}

void TestDesignIo::roundTripsDesignFiles()
{
    QFETCH(QString, path);
    const io::LoadResult loaded = io::readDesignFile(path);
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded)));
    const Design &original = *loaded.design;

    const QByteArray saved = io::writeDesign(original);
    QCOMPARE(saved, fileBytes(path)); // the files are kept in canonical form

    const io::LoadResult reloaded = io::readDesign(saved, path);
    QVERIFY2(reloaded.errors.empty(), qPrintable(errorList(reloaded)));
    QCOMPARE(io::writeDesign(*reloaded.design), saved);
    QVERIFY2(*reloaded.design == original, "load(save(x)) differs from x");
}

void TestDesignIo::seedExamplesSayWhatTheNoteSays()
{
    auto read = [](const char *name) {
        return io::readDesignFile(examplePath(QLatin1String(name) + QStringLiteral(".hopscope.yaml")));
    };
    const io::LoadResult asWritten = read("seed-as-written");
    const io::LoadResult typoFixed = read("seed-typo-fixed");
    const io::LoadResult supported = read("seed-supported");
    QVERIFY(asWritten.design && typoFixed.design && supported.design);

    const Route &typo = asWritten.design->routeTable(QStringLiteral("rt-hub-fw"))->routes.at(0);
    QCOMPARE(typo.name, QStringLiteral("vpn-pool-via-spoke-b-fw"));
    QCOMPARE(typo.nextHopIpAddress, std::optional(ip("10.2.1.4")));

    // The fixed seed differs from the note in that one address only.
    Design expectedFix = *asWritten.design;
    expectedFix.routeTables.at(0).routes.at(0).nextHopIpAddress = ip("10.1.1.4");
    QVERIFY(*typoFixed.design == expectedFix);

    // The supported one also gives both firewalls a management NIC and replaces the 0/0 on
    // GatewaySubnet with the spoke's prefix (TC-JP0 a).
    Design expectedSupported = expectedFix;
    for (Firewall &firewall : expectedSupported.firewalls)
        firewall.managementNic = true;
    for (RouteTable &table : expectedSupported.routeTables)
        if (table.name == u"rt-a-gw")
            table.routes = {{QStringLiteral("spoke-b-via-a-fw"), prefix("10.2.0.0/16"),
                             NextHopType::VirtualAppliance, ip("10.1.1.4")}};
    // ... and an NSG on the proxy's subnet that admits only the P2S pool on the proxy port
    // (nsg.md TC-N17).
    SecurityRule allowPool;
    allowPool.name = QStringLiteral("allow-p2s-proxy");
    allowPool.description = QStringLiteral("P2S clients to the proxy");
    allowPool.priority = 100;
    allowPool.protocol = SecurityProtocol::Tcp;
    allowPool.source.addresses = {SecurityAddress::of(prefix("172.16.16.0/24"))};
    allowPool.destination.addresses = {SecurityAddress::of(prefix("10.2.0.4/32"))};
    allowPool.destination.ports = {{3128, 3128}};
    SecurityRule denyAll;
    denyAll.name = QStringLiteral("deny-all-inbound");
    denyAll.priority = 4096;
    denyAll.access = RuleAction::Deny;
    expectedSupported.networkSecurityGroups = {
        {QStringLiteral("nsg-subnet-b"), {}, {allowPool, denyAll}}};
    expectedSupported.subnet(QStringLiteral("Spoke-Vnet-b/Subnet-b"))->networkSecurityGroup =
        QStringLiteral("nsg-subnet-b");
    QVERIFY(*supported.design == expectedSupported);

    const Design &seed = *asWritten.design;
    QCOMPARE(seed.vnets.size(), std::size_t(3));
    QCOMPARE(seed.vnets.at(0).name, QStringLiteral("HUB-Vnet-A"));
    QCOMPARE(seed.vm(QStringLiteral("proxy"))->proxy->config, QStringLiteral("squid.conf"));
    QVERIFY(QFile::exists(examplePath(QStringLiteral("squid.conf"))));
    QCOMPARE(seed.intents.size(), std::size_t(2));
    QCOMPARE(seed.client(QStringLiteral("remote-pc"))->useProxy->port, 3128);
}

// The classic hub: every spoke route table sends 0/0 and the P2S pool to the firewall, the
// gateway sends each spoke to it, and the firewall's own table only reaches the Internet.
void TestDesignIo::classicHubExampleIsSymmetricByConstruction()
{
    const io::LoadResult loaded =
        io::readDesignFile(examplePath(QStringLiteral("classic-hub.hopscope.yaml")));
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded)));
    const Design &design = *loaded.design;
    const Ipv4Address firewallIp = ip("10.0.1.4");
    QCOMPARE(design.firewalls.at(0).privateIp, std::optional(firewallIp));
    const Prefix pool = prefix("172.16.201.0/24");
    QCOMPARE(design.gateways.at(0).vpnClientAddressPool, std::vector<Prefix>{pool});

    int spokes = 0;
    for (const Vnet &vnet : design.vnets) {
        if (vnet.role != VnetRole::Spoke)
            continue;
        ++spokes;
        const RouteTable *table = design.routeTable(vnet.subnets.at(0).routeTable);
        QVERIFY(table);
        QVERIFY(table->disableBgpRoutePropagation);
        QCOMPARE(table->routes.size(), std::size_t(2));
        for (const Route &route : table->routes)
            QCOMPARE(route.nextHopIpAddress, std::optional(firewallIp));
        QCOMPARE(table->routes.at(1).addressPrefix, pool);

        const RouteTable *gatewayTable = design.routeTable(QStringLiteral("rt-hub-gw"));
        QVERIFY(std::any_of(gatewayTable->routes.begin(), gatewayTable->routes.end(),
                            [&](const Route &r) {
                                return r.addressPrefix == vnet.addressSpace.at(0) &&
                                       r.nextHopIpAddress == firewallIp;
                            }));
    }
    QCOMPARE(spokes, 3);
    for (const Peering &peering : design.peerings) {
        QVERIFY(peering.allowForwardedTraffic);
        const bool fromHub = peering.from == u"hub";
        QCOMPARE(peering.allowGatewayTransit, fromHub);
        QCOMPARE(peering.useRemoteGateways, !fromHub);
    }
    QCOMPARE(design.peerings.size(), std::size_t(6));
    QCOMPARE(design.clients.size(), std::size_t(1));
}

void TestDesignIo::roundTripsHostileDesignName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("YAML and markup characters with a newline")
        << QStringLiteral("a: # ' \" </title> & é\nsecond line");
    QTest::newRow("leading and trailing spaces") << QStringLiteral("  padded  ");
    QTest::newRow("only spaces") << QStringLiteral("   ");
    QTest::newRow("tab and carriage return") << QStringLiteral("a\tb\r\nc");
    // Issue 12: written plain, a lone CR came back as a line break, folded into a space.
    QTest::newRow("lone carriage return") << QStringLiteral("a\rb");
    QTest::newRow("lone carriage return at the end") << QStringLiteral("ab\r");
    QTest::newRow("trailing newline") << QStringLiteral("line\n");
    QTest::newRow("looks like a number") << QStringLiteral("0x1F");
    QTest::newRow("looks like a float") << QStringLiteral("1.0");
    QTest::newRow("looks like a boolean") << QStringLiteral("true");
    QTest::newRow("looks like null") << QStringLiteral("null");
    QTest::newRow("tilde") << QStringLiteral("~");
    QTest::newRow("starts like a list item") << QStringLiteral("- item");
    QTest::newRow("starts like a complex key") << QStringLiteral("? key");
    QTest::newRow("starts like an alias") << QStringLiteral("*alias");
    QTest::newRow("starts like an anchor") << QStringLiteral("&anchor");
    QTest::newRow("starts like a tag") << QStringLiteral("!tag x");
    QTest::newRow("starts like a directive") << QStringLiteral("%YAML 1.2");
    QTest::newRow("reserved indicators") << QStringLiteral("@home `cmd`");
    QTest::newRow("block scalar indicators") << QStringLiteral("| > |-");
    QTest::newRow("flow indicators") << QStringLiteral("a, b [c] {d: e}");
    QTest::newRow("document markers") << QStringLiteral("---\n...");
    QTest::newRow("backslashes") << QStringLiteral("C:\\designs\\");
    QTest::newRow("escape-looking text") << QStringLiteral("\\n is not a newline \\x41");
    QTest::newRow("CJK and emoji") << QStringLiteral("ハブとスポーク 🚀");
    QTest::newRow("Unicode line separator") << QStringLiteral("a\u2028b\u0085c");
    QTest::newRow("control character") << QStringLiteral("bell\u0007");
    QTest::newRow("very long") << QString(5000, u'x') + QStringLiteral(" end");
}

void TestDesignIo::roundTripsHostileDesignName()
{
    QFETCH(QString, name);
    Design design;
    design.name = name;
    const QByteArray saved = io::writeDesign(design);
    const io::LoadResult loaded = load(saved);
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded) + u'\n' + QString::fromUtf8(saved)));
    QCOMPARE(loaded.design->name, name);
    QCOMPARE(io::writeDesign(*loaded.design), saved);
}

void TestDesignIo::roundTripsLayoutCoordinates_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("written");
    QTest::addColumn<double>("readBack");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0") << 0.0;
    QTest::newRow("negative zero") << -0.0 << QStringLiteral("0") << 0.0;
    QTest::newRow("negative integer") << -420.0 << QStringLiteral("-420") << -420.0;
    QTest::newRow("one decimal") << 12.5 << QStringLiteral("12.5") << 12.5;
    QTest::newRow("two decimals") << -0.75 << QStringLiteral("-0.75") << -0.75;
    QTest::newRow("a tenth") << 0.1 << QStringLiteral("0.1") << 0.1;
    QTest::newRow("more decimals are rounded") << 1.2345678 << QStringLiteral("1.23") << 1.23;
    QTest::newRow("rounds up to an integer") << 2.999 << QStringLiteral("3") << 3.0;
    QTest::newRow("tiny negative") << -0.001 << QStringLiteral("0") << 0.0;
    QTest::newRow("large") << 1e9 << QStringLiteral("1000000000") << 1e9;
}

void TestDesignIo::roundTripsLayoutCoordinates()
{
    QFETCH(double, value);
    QFETCH(QString, written);
    QFETCH(double, readBack);
    Design design;
    design.layout = {{QStringLiteral("hub"), value, -value}};
    const QByteArray saved = io::writeDesign(design);
    const QByteArray pointText = "hub: {x: " + written.toUtf8() + ", y: ";
    QVERIFY2(saved.contains(pointText), saved.constData());
    const io::LoadResult loaded = load(saved);
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded)));
    QVERIFY2(loaded.design->layout.at(0).x == readBack,
             qPrintable(QString::number(loaded.design->layout.at(0).x, 'g', 17)));
    QCOMPARE(io::writeDesign(*loaded.design), saved);
    const io::LoadResult again = load(io::writeDesign(*loaded.design));
    QVERIFY(*again.design == *loaded.design);
}

// Issue 12: YAML allows an implicit (plain "key: value") key of at most 1024 characters; a
// longer layout key, counted after escaping, must be written in the explicit "? key" form.
void TestDesignIo::roundTripsLongLayoutKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("layout key of 1025 plain characters") << QString(1025, u'k');
    QTest::newRow("layout key of 300 quotes: 600 characters once escaped, fine")
        << QString(300, u'"');
    QTest::newRow("layout key of 600 quotes: 1200 characters once escaped")
        << QString(600, u'"');
    QTest::newRow("layout key of 300 bell characters: 1200 characters once escaped")
        << QString(300, QChar(7));
    QTest::newRow("layout key of 2000 characters with a carriage return")
        << QString(1000, u'a') + u'\r' + QString(999, u'b');
}

void TestDesignIo::roundTripsLongLayoutKeys()
{
    QFETCH(QString, key);
    Design design;
    design.layout = {{QStringLiteral("hub"), 1, 2}, {key, 3, 4}, {QStringLiteral("spoke"), 5, 6}};
    const QByteArray saved = io::writeDesign(design);
    const io::LoadResult loaded = load(saved);
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded)));
    QCOMPARE(loaded.design->layout, design.layout);
    QCOMPARE(io::writeDesign(*loaded.design), saved);
}

// The writer splices ids that can never need quoting in after yaml-cpp's emitter (a speed-up of
// issue 14): every id, spliced or not, in every kind of object that carries one, several per
// section, must load back as it was.
void TestDesignIo::roundTripsArmIds_data()
{
    QTest::addColumn<QString>("id");
    const QString rg = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/"
                                      "resourceGroups/");
    QTest::newRow("id: an ordinary ARM id, written plain")
        << rg + QStringLiteral("rg-lab/providers/Microsoft.Network/virtualNetworks/hub");
    QTest::newRow("id: parentheses, dots and underscores in the group")
        << rg + QStringLiteral("rg_(lab).v2/providers/Microsoft.Network/virtualNetworks/hub-1");
    QTest::newRow("id: a colon inside") << rg + QStringLiteral("rg:lab/x");
    QTest::newRow("id: ending in a colon, which would end a plain key")
        << rg + QStringLiteral("x/rg:");
    QTest::newRow("id: a hash and a comma") << rg + QStringLiteral("rg#lab,x/x");
    QTest::newRow("id: Japanese characters in the group") << rg + QStringLiteral("検証-rg/x");
    QTest::newRow("id: a quote") << rg + QStringLiteral("rg'lab/x");
    QTest::newRow("id: the shortest valid id") << QStringLiteral("/subscriptions/1");
}

void TestDesignIo::roundTripsArmIds()
{
    QFETCH(QString, id);
    QString quoted = id;
    quoted.replace(u'\'', QStringLiteral("''"));
    const QString yaml = QStringLiteral(
        "hopscope: 1\n"
        "vnets:\n"
        "  - name: hub\n"
        "    id: '%1'\n"
        "    addressSpace: [10.0.0.0/16]\n"
        "    subnets:\n"
        "      - {name: s1, id: '%1/b', addressPrefix: 10.0.1.0/24, routeTable: rt}\n"
        "      - {name: s2, id: '%1/c', addressPrefix: 10.0.2.0/24}\n"
        "  - {name: spoke, id: '%1/d', addressSpace: [10.1.0.0/16]}\n"
        "routeTables:\n"
        "  - name: rt\n"
        "    id: '%1/e'\n"
        "    routes:\n"
        "      - {name: r, id: '%1/f', addressPrefix: 0.0.0.0/0, nextHopType: Internet}\n")
                             .arg(quoted);
    const io::LoadResult loaded = load(yaml.toUtf8());
    QVERIFY2(loaded.errors.empty(), qPrintable(errorList(loaded)));
    const Design &design = *loaded.design;
    QCOMPARE(design.vnets.at(0).id, id);
    QCOMPARE(design.vnets.at(0).subnets.at(1).id, id + QStringLiteral("/c"));
    QCOMPARE(design.routeTables.at(0).routes.at(0).id, id + QStringLiteral("/f"));

    const QByteArray saved = io::writeDesign(design);
    const io::LoadResult reloaded = load(saved);
    QVERIFY2(reloaded.errors.empty(), qPrintable(errorList(reloaded) + u'\n' + QString::fromUtf8(saved)));
    QVERIFY2(*reloaded.design == design, qPrintable(QString::fromUtf8(saved)));
    QCOMPARE(io::writeDesign(*reloaded.design), saved);
}

namespace {

// readDesign(bytes) run in a child process whose address space may grow by `headroom` bytes at
// most: "line:column: message" of its first error, or what went wrong instead.
QString firstErrorWithinMemory(const QByteArray &bytes, qint64 headroom)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return QStringLiteral("pipe failed");
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        QFile statm(QStringLiteral("/proc/self/statm"));
        qint64 pages = 0;
        if (statm.open(QIODevice::ReadOnly))
            pages = statm.readAll().split(' ').value(0).toLongLong();
        const rlim_t limit = rlim_t(pages * ::sysconf(_SC_PAGESIZE) + headroom);
        const rlimit bound{limit, limit};
        ::setrlimit(RLIMIT_AS, &bound);
        const io::LoadResult result = load(bytes);
        const QByteArray answer =
            result.errors.empty()
                ? QByteArray("no error")
                : QStringLiteral("%1:%2: %3")
                      .arg(result.errors.front().line)
                      .arg(result.errors.front().column)
                      .arg(result.errors.front().message)
                      .toUtf8();
        [[maybe_unused]] const auto written = ::write(fds[1], answer.constData(), answer.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray answer;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        answer.append(buffer, n);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status))
        return QStringLiteral("the reader died (signal %1)").arg(WTERMSIG(status));
    return QString::fromUtf8(answer);
}

} // namespace

void TestDesignIo::refusesFlowOpenerFloodsInBoundedMemory_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    // yaml-cpp reads each unclosed '[' as a list holding an implicit map: two levels per '['.
    const QByteArray start = "hopscope: 1\nlayout: ";
    const QString tooDeep = QStringLiteral("2:41: YAML nested deeper than 64 levels");
    QTest::newRow("2 MiB of '[' after 'layout: '")
        << start + repeated("[", 2 * 1024 * 1024 - start.size()) << tooDeep;
    QTest::newRow("16 MiB of '[' after 'layout: '")
        << start + repeated("[", io::maxDesignFileBytes - start.size()) << tooDeep;
    QTest::newRow("16 MiB of '[' after a comment and a quoted '['")
        << QByteArray("# [[[[\nhopscope: 1\nname: \"[[[[\"\nlayout: ")
               + repeated("[", io::maxDesignFileBytes - 40)
        << QStringLiteral("4:41: YAML nested deeper than 64 levels");
}

// Issue 12: a design of nothing but flow openers is refused within a few times its size in
// memory (before, yaml-cpp queued a token per '[' first: 500 MiB for 2 MiB, 3.9 GiB for 16).
void TestDesignIo::refusesFlowOpenerFloodsInBoundedMemory()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString answer = firstErrorWithinMemory(bytes, 8 * bytes.size() + 128 * 1024 * 1024);
    QVERIFY2(answer.startsWith(expected), qPrintable(answer));
}

void TestDesignIo::writesDefaultsLeftOut()
{
    Design design;
    design.name = QStringLiteral("defaults");
    Vnet vnet{QStringLiteral("hub"), VnetRole::Other, {}, {prefix("10.0.0.0/16")}, {}};
    vnet.subnets.push_back({QStringLiteral("workload"), prefix("10.0.0.0/24"), {}});
    design.vnets.push_back(vnet);
    design.vnets.push_back({QStringLiteral("bare"), VnetRole::Other, {}, {}, {}});
    design.peerings.push_back({QStringLiteral("hub"), QStringLiteral("bare")});
    design.routeTables.push_back({QStringLiteral("rt"), false,
                                  {{QStringLiteral("r"), prefix("0.0.0.0/0"), NextHopType::Internet,
                                    std::nullopt}}});
    design.routeTables.push_back({QStringLiteral("rt-empty"), false, {}});
    design.firewalls.push_back({QStringLiteral("fw"), QStringLiteral("hub/workload")});
    design.gateways.push_back({QStringLiteral("gw"), QStringLiteral("hub")});
    design.vms.push_back({QStringLiteral("vm"), QStringLiteral("hub/workload")});
    design.clients.push_back({QStringLiteral("pc"), QStringLiteral("gw")});
    design.intents.push_back({QStringLiteral("pc"), QStringLiteral("vm")});
    design.layout.push_back({QStringLiteral("hub"), 0, 0});

    const QByteArray expected("hopscope: 1\n"
                              "name: defaults\n"
                              "\n"
                              "vnets:\n"
                              "  - name: hub\n"
                              "    addressSpace: [10.0.0.0/16]\n"
                              "    subnets:\n"
                              "      - {name: workload, addressPrefix: 10.0.0.0/24}\n"
                              "  - name: bare\n"
                              "    addressSpace: []\n"
                              "\n"
                              "peerings:\n"
                              "  - {from: hub, to: bare}\n"
                              "\n"
                              "routeTables:\n"
                              "  - name: rt\n"
                              "    routes:\n"
                              "      - {name: r, addressPrefix: 0.0.0.0/0, nextHopType: Internet}\n"
                              "  - name: rt-empty\n"
                              "\n"
                              "firewalls:\n"
                              "  - {name: fw, subnet: hub/workload}\n"
                              "\n"
                              "gateways:\n"
                              "  - name: gw\n"
                              "    vnet: hub\n"
                              "\n"
                              "vms:\n"
                              "  - {name: vm, subnet: hub/workload}\n"
                              "\n"
                              "clients:\n"
                              "  - {name: pc, gateway: gw}\n"
                              "\n"
                              "intents:\n"
                              "  - {from: pc, to: vm, port: 443, expect: ok}\n"
                              "\n"
                              "layout:\n"
                              "  hub: {x: 0, y: 0}\n");
    QCOMPARE(io::writeDesign(design), expected);
    QCOMPARE(io::writeDesign(Design{}), QByteArray("hopscope: 1\n"));
}

// --- saving ---------------------------------------------------------------------------------

void TestDesignIo::saveFailureLeavesExistingFileUntouched_data()
{
    QTest::addColumn<QString>("obstacle");
    QTest::newRow("directory is read-only") << QStringLiteral("read-only directory");
    QTest::newRow("directory takes no new files, even from root (/proc)") << QStringLiteral("proc");
    QTest::newRow("no room for the temporary file's name") << QStringLiteral("long name");
    QTest::newRow("target is a directory") << QStringLiteral("directory");
    QTest::newRow("directory does not exist") << QStringLiteral("missing directory");
}

void TestDesignIo::saveFailureLeavesExistingFileUntouched()
{
    QFETCH(QString, obstacle);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray oldContent("hopscope: 1\nname: the old design\n");
    QString path;
    if (obstacle == u"read-only directory") {
        const QString subdirectory = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(subdirectory));
        path = subdirectory + QStringLiteral("/design.hopscope.yaml");
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write(oldContent) == oldContent.size());
        old.close();
        QVERIFY(QFile::setPermissions(subdirectory, QFile::ReadOwner | QFile::ExeOwner));
        QFile probe(subdirectory + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QFile::setPermissions(subdirectory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("permissions do not stop this user (root) from writing");
        }
    } else if (obstacle == u"proc") {
        path = QStringLiteral("/proc/version");
        if (!QFile::exists(path))
            QSKIP("no /proc on this system");
    } else if (obstacle == u"long name") {
        // 250 characters is a valid name, but QSaveFile's temporary file beside it (name plus
        // a random suffix) exceeds the 255-byte limit of Linux file systems.
        path = dir.filePath(QString(235, u'd') + QStringLiteral(".hopscope.yaml"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write(oldContent) == oldContent.size());
    } else if (obstacle == u"directory") {
        path = dir.filePath(QStringLiteral("design.hopscope.yaml"));
        QVERIFY(QDir().mkdir(path));
    } else {
        path = dir.filePath(QStringLiteral("no-such-directory/design.hopscope.yaml"));
    }
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    const QByteArray existingContent = obstacle == u"proc" ? fileBytes(path) : oldContent;

    Design design;
    design.name = QStringLiteral("the new design");
    QString error;
    QVERIFY(!io::saveDesignFile(design, path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot save ") + path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.size() > QStringLiteral("cannot save : ").size() + path.size(),
             "the message must say why");

    if (obstacle == u"directory")
        QVERIFY(QFileInfo(path).isDir());
    else if (obstacle != u"missing directory")
        QCOMPARE(fileBytes(path), existingContent);
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    if (obstacle == u"read-only directory")
        QFile::setPermissions(QFileInfo(path).path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestDesignIo::saveReplacesTheFileWithTheCanonicalForm()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("design.hopscope.yaml"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("# a hand-written file, much longer than what replaces it\n" +
                  QByteArray(4096, '#') + "\nhopscope: 1\n");
    }
    const io::LoadResult loaded = io::readDesignFile(examplePath(QStringLiteral("classic-hub.hopscope.yaml")));
    QVERIFY(loaded.design);
    QString error;
    QVERIFY2(io::saveDesignFile(*loaded.design, path, &error), qPrintable(error));
    QCOMPARE(fileBytes(path), io::writeDesign(*loaded.design));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("design.hopscope.yaml")});
}

QTEST_GUILESS_MAIN(TestDesignIo)
#include "tst_designio.moc"
