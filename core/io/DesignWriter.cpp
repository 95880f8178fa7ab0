#include "io/DesignWriter.h"

#include "format/ValueGrammar.h"

#include <yaml-cpp/yaml.h>

#include <QSaveFile>

#include <cmath>
#include <string>

namespace hopscope::io {

namespace {

using namespace hopscope::model;

// Layout: objects made only of scalars and short scalar lists are one flow map per line, so a
// change to one route or peering is a one-line diff; containers (VNets, route tables, gateways,
// firewalls with rules, VMs with a proxy, NSGs with rules) and objects that carry a long ARM id
// or a rule description are block maps.

std::string utf8(const QString &text) { return text.toStdString(); }

// yaml-cpp tests every character of a plain scalar against a dozen regular expressions before it
// writes it. ARM ids are long (100-200 characters) and make up most of an imported design, so
// that test was half of the time to write one (issue 14's import benchmark). An id made only of
// characters that can never need quoting is therefore written as a one-character stand-in and
// spliced in when the section is done: the bytes are exactly those yaml-cpp would write.
class Emitter : public YAML::Emitter
{
public:
    // In a block map only (a flow map's line length could depend on the stand-in's).
    void writeBlockValue(const QString &text)
    {
        if (!alwaysPlain(text)) {
            *this << utf8(text);
            return;
        }
        *this << "x";
        const size_t at = size() - 1;
        if (good() && at < size() && c_str()[at] == 'x')
            m_deferred.push_back({at, text.toUtf8()});
        else
            m_spliceFailed = true;
    }

    // The section as yaml-cpp would have written it; empty if a stand-in was not where expected
    // (the caller then writes the section again without stand-ins).
    QByteArray text() const
    {
        if (m_spliceFailed)
            return {};
        QByteArray result;
        size_t from = 0;
        for (const auto &[at, value] : m_deferred) {
            result.append(c_str() + from, qsizetype(at - from));
            result.append(value);
            from = at + 1;
        }
        result.append(c_str() + from, qsizetype(size() - from));
        return result;
    }

    bool deferring = true;

private:
    // A plain scalar that yaml-cpp writes as it is, in any block context: it starts with a
    // letter, a digit or "/" (no indicator) and holds only characters that cannot start a
    // comment, end a key or need an escape; at least 8 of them, so never "null" or "~".
    bool alwaysPlain(const QString &text) const
    {
        if (!deferring || text.size() < 8)
            return false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text.at(i).unicode();
            const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                || (c >= u'0' && c <= u'9');
            const bool inner = c == u'/' || c == u'.' || c == u'_' || c == u'-' || c == u'('
                || c == u')';
            if (!alnum && !(i == 0 ? c == u'/' : inner))
                return false;
        }
        return true;
    }

    std::vector<std::pair<size_t, QByteArray>> m_deferred;
    bool m_spliceFailed = false;
};

YAML::Emitter &operator<<(YAML::Emitter &out, const QString &text)
{
    // yaml-cpp writes a lone carriage return raw in a plain scalar, where YAML (and the reader)
    // reads a line break: double quotes escape it as "\r" (issue 12).
    if (text.contains(u'\r'))
        out << YAML::DoubleQuoted;
    return out << utf8(text);
}

// YAML allows an implicit key ("key: value") of at most 1024 characters, counted as written;
// escapes make a quoted key up to 4 times longer than its UTF-8 bytes (\x07, \uXXXX), so
// longer keys take the explicit form ("? key" then ": value"), which has no limit (issue 12).
void emitLayoutKey(Emitter &out, const QString &key)
{
    const bool longKey = key.toUtf8().size() * 4 + 2 > 1024;
    if (longKey)
        out << YAML::LongKey;
    out << YAML::Key << key;
    // yaml-cpp would otherwise write the value's own keys in the explicit form too.
    if (longKey)
        out << YAML::Auto;
}

template <typename T>
void emitKeyValue(Emitter &out, const char *key, const T &value)
{
    out << YAML::Key << key << YAML::Value << value;
}

void emitPrefixes(Emitter &out, const char *key, const std::vector<Prefix> &prefixes)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const Prefix &prefix : prefixes)
        out << format::formatPrefix(prefix);
    out << YAML::EndSeq;
}

// The ARM id, right after the name (after `to` for a peering), when there is one.
void emitId(Emitter &out, const QString &id)
{
    if (id.isEmpty())
        return;
    out << YAML::Key << "id" << YAML::Value;
    out.writeBlockValue(id);
}

YAML::EMITTER_MANIP styleFor(bool block) { return block ? YAML::Block : YAML::Flow; }

void emitOptionalPrefixes(Emitter &out, const char *key, const std::vector<Prefix> &prefixes)
{
    if (!prefixes.empty())
        emitPrefixes(out, key, prefixes);
}

void emitNames(Emitter &out, const char *key, const std::vector<QString> &names)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString &name : names)
        out << name;
    out << YAML::EndSeq;
}

void emitSubnet(Emitter &out, const Subnet &subnet)
{
    out << styleFor(!subnet.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", subnet.name);
    emitId(out, subnet.id);
    // One prefix: `addressPrefix`; several: `addressPrefixes` (format.md additions).
    if (subnet.moreAddressPrefixes.empty())
        emitKeyValue(out, "addressPrefix", format::formatPrefix(subnet.addressPrefix));
    else
        emitPrefixes(out, "addressPrefixes", subnet.addressPrefixes());
    if (!subnet.routeTable.isEmpty())
        emitKeyValue(out, "routeTable", subnet.routeTable);
    if (!subnet.networkSecurityGroup.isEmpty())
        emitKeyValue(out, "networkSecurityGroup", subnet.networkSecurityGroup);
    out << YAML::EndMap;
}

void emitVnet(Emitter &out, const Vnet &vnet)
{
    out << YAML::BeginMap;
    emitKeyValue(out, "name", vnet.name);
    emitId(out, vnet.id);
    if (vnet.role != VnetRole::Other)
        emitKeyValue(out, "role", format::formatEnum(vnet.role));
    if (!vnet.region.isEmpty())
        emitKeyValue(out, "region", vnet.region);
    emitPrefixes(out, "addressSpace", vnet.addressSpace); // required, even when empty
    if (!vnet.subnets.empty()) {
        out << YAML::Key << "subnets" << YAML::Value << YAML::BeginSeq;
        for (const Subnet &subnet : vnet.subnets)
            emitSubnet(out, subnet);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void emitPeering(Emitter &out, const Peering &peering)
{
    const Peering defaults;
    out << styleFor(!peering.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "from", peering.from);
    emitKeyValue(out, "to", peering.to);
    emitId(out, peering.id);
    if (peering.allowVirtualNetworkAccess != defaults.allowVirtualNetworkAccess)
        emitKeyValue(out, "allowVirtualNetworkAccess", peering.allowVirtualNetworkAccess);
    if (peering.allowForwardedTraffic != defaults.allowForwardedTraffic)
        emitKeyValue(out, "allowForwardedTraffic", peering.allowForwardedTraffic);
    if (peering.allowGatewayTransit != defaults.allowGatewayTransit)
        emitKeyValue(out, "allowGatewayTransit", peering.allowGatewayTransit);
    if (peering.useRemoteGateways != defaults.useRemoteGateways)
        emitKeyValue(out, "useRemoteGateways", peering.useRemoteGateways);
    out << YAML::EndMap;
}

void emitRoute(Emitter &out, const Route &route)
{
    out << styleFor(!route.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", route.name);
    emitId(out, route.id);
    emitKeyValue(out, "addressPrefix", format::formatPrefix(route.addressPrefix));
    emitKeyValue(out, "nextHopType", format::formatEnum(route.nextHopType));
    // Kept for any type: an IP beside a non-appliance next hop is check's finding to report.
    if (route.nextHopIpAddress)
        emitKeyValue(out, "nextHopIpAddress", format::formatAddress(*route.nextHopIpAddress));
    out << YAML::EndMap;
}

void emitRouteTable(Emitter &out, const RouteTable &table)
{
    out << YAML::BeginMap;
    emitKeyValue(out, "name", table.name);
    emitId(out, table.id);
    if (table.disableBgpRoutePropagation)
        emitKeyValue(out, "disableBgpRoutePropagation", true);
    if (!table.routes.empty()) {
        out << YAML::Key << "routes" << YAML::Value << YAML::BeginSeq;
        for (const Route &route : table.routes)
            emitRoute(out, route);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

// "*" is quoted: a plain '*' would start a YAML alias.
void emitAddressMatches(Emitter &out, const char *key,
                        const std::vector<AddressMatch> &matches)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const AddressMatch &match : matches) {
        if (match.prefix)
            out << format::formatAddressMatch(match);
        else
            out << YAML::DoubleQuoted << format::formatAddressMatch(match);
    }
    out << YAML::EndSeq;
}

// Ports are written as strings, as Azure Firewall's API spells them: "3128", "1024-65535", "*".
void emitPorts(Emitter &out, const std::vector<PortRange> &ports)
{
    out << YAML::Key << "destinationPorts" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const PortRange &range : ports)
        out << YAML::DoubleQuoted << format::formatPortRange(range);
    out << YAML::EndSeq;
}

void emitFirewallRule(Emitter &out, const FirewallRule &rule)
{
    out << YAML::BeginMap;
    emitKeyValue(out, "name", rule.name);
    emitKeyValue(out, "action", format::formatEnum(rule.action));
    out << YAML::Key << "protocols" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (Protocol protocol : rule.protocols)
        out << format::formatEnum(protocol);
    out << YAML::EndSeq;
    emitAddressMatches(out, "sourceAddresses", rule.sourceAddresses);
    emitAddressMatches(out, "destinationAddresses", rule.destinationAddresses);
    emitPorts(out, rule.destinationPorts);
    out << YAML::EndMap;
}

void emitFirewall(Emitter &out, const Firewall &firewall)
{
    const bool simple = firewall.allowAll || firewall.rules.empty();
    out << styleFor(!simple || !firewall.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", firewall.name);
    emitId(out, firewall.id);
    emitKeyValue(out, "subnet", firewall.subnet);
    if (firewall.privateIp)
        emitKeyValue(out, "privateIp", format::formatAddress(*firewall.privateIp));
    if (firewall.managementNic)
        emitKeyValue(out, "managementNic", true);
    if (!firewall.allowAll) {
        // Written even when empty: `rules: []` denies everything, unlike the default allowAll.
        out << YAML::Key << "rules" << YAML::Value << (simple ? YAML::Flow : YAML::Block)
            << YAML::BeginSeq;
        for (const FirewallRule &rule : firewall.rules)
            emitFirewallRule(out, rule);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void emitGateway(Emitter &out, const Gateway &gateway)
{
    const Gateway defaults;
    out << YAML::BeginMap;
    emitKeyValue(out, "name", gateway.name);
    emitId(out, gateway.id);
    emitKeyValue(out, "vnet", gateway.vnet);
    if (gateway.type != defaults.type)
        emitKeyValue(out, "type", format::formatEnum(gateway.type));
    if (gateway.sku != defaults.sku)
        emitKeyValue(out, "sku", gateway.sku);
    emitOptionalPrefixes(out, "vpnClientAddressPool", gateway.vpnClientAddressPool);
    emitOptionalPrefixes(out, "customRoutes", gateway.customRoutes);
    if (!gateway.localNetworks.empty()) {
        out << YAML::Key << "localNetworks" << YAML::Value << YAML::BeginSeq;
        for (const LocalNetwork &site : gateway.localNetworks) {
            out << styleFor(!site.id.isEmpty()) << YAML::BeginMap;
            emitKeyValue(out, "name", site.name);
            emitId(out, site.id);
            emitPrefixes(out, "addressPrefixes", site.addressPrefixes);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void emitVm(Emitter &out, const Vm &vm)
{
    out << styleFor(vm.proxy || !vm.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", vm.name);
    emitId(out, vm.id);
    emitKeyValue(out, "subnet", vm.subnet);
    if (vm.privateIp)
        emitKeyValue(out, "privateIp", format::formatAddress(*vm.privateIp));
    if (vm.enableIPForwarding)
        emitKeyValue(out, "enableIPForwarding", true);
    if (vm.stateful)
        emitKeyValue(out, "stateful", true);
    if (vm.outbound != OutboundMethod::DefaultAccess)
        emitKeyValue(out, "outbound", format::formatEnum(vm.outbound));
    if (!vm.networkSecurityGroup.isEmpty())
        emitKeyValue(out, "networkSecurityGroup", vm.networkSecurityGroup);
    if (!vm.applicationSecurityGroups.empty())
        emitNames(out, "applicationSecurityGroups", vm.applicationSecurityGroups);
    if (vm.proxy) {
        out << YAML::Key << "proxy" << YAML::Value << YAML::Flow << YAML::BeginMap;
        emitKeyValue(out, "port", vm.proxy->port);
        if (!vm.proxy->config.isEmpty())
            emitKeyValue(out, "config", vm.proxy->config);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

// A side of a security rule (nsg.md N1.1): one item under the singular key, several under the
// plural; the default `*` (no items, or the single item `*`) is left out.
void emitSecuritySide(Emitter &out, const std::string &side, const SecuritySide &rules)
{
    const bool anyAddress = rules.addresses.empty() ||
                            (rules.addresses.size() == 1 &&
                             rules.addresses.front().kind == SecurityAddress::Kind::Any);
    auto emitAddress = [&](const SecurityAddress &address) {
        // "*" is quoted: a plain '*' would start a YAML alias.
        if (address.kind == SecurityAddress::Kind::Any)
            out << YAML::DoubleQuoted;
        out << format::formatSecurityAddress(address);
    };
    if (rules.addresses.size() == 1 && !anyAddress) {
        out << YAML::Key << side + "AddressPrefix" << YAML::Value;
        emitAddress(rules.addresses.front());
    } else if (rules.addresses.size() > 1) {
        out << YAML::Key << side + "AddressPrefixes" << YAML::Value << YAML::Flow
            << YAML::BeginSeq;
        for (const SecurityAddress &address : rules.addresses)
            emitAddress(address);
        out << YAML::EndSeq;
    }
    if (!rules.applicationSecurityGroups.empty())
        emitNames(out, (side + "ApplicationSecurityGroups").c_str(),
                  rules.applicationSecurityGroups);
    // Ports are strings, as ARM spells them: "3128", "1024-65535", "*".
    if (rules.ports.size() == 1 && rules.ports.front() != PortRange{}) {
        out << YAML::Key << side + "PortRange" << YAML::Value << YAML::DoubleQuoted
            << format::formatPortRange(rules.ports.front());
    } else if (rules.ports.size() > 1) {
        out << YAML::Key << side + "PortRanges" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const PortRange &range : rules.ports)
            out << YAML::DoubleQuoted << format::formatPortRange(range);
        out << YAML::EndSeq;
    }
}

void emitSecurityRule(Emitter &out, const SecurityRule &rule)
{
    out << styleFor(!rule.id.isEmpty() || !rule.description.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", rule.name);
    emitId(out, rule.id);
    if (!rule.description.isEmpty())
        emitKeyValue(out, "description", rule.description);
    emitKeyValue(out, "priority", rule.priority);
    emitKeyValue(out, "direction", format::formatEnum(rule.direction));
    emitKeyValue(out, "access", format::formatEnum(rule.access));
    if (rule.protocol != SecurityProtocol::Any)
        emitKeyValue(out, "protocol", format::formatEnum(rule.protocol));
    emitSecuritySide(out, "source", rule.source);
    emitSecuritySide(out, "destination", rule.destination);
    out << YAML::EndMap;
}

void emitNetworkSecurityGroup(Emitter &out, const NetworkSecurityGroup &nsg)
{
    out << styleFor(!nsg.securityRules.empty() || !nsg.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", nsg.name);
    emitId(out, nsg.id);
    if (!nsg.securityRules.empty()) {
        out << YAML::Key << "securityRules" << YAML::Value << YAML::BeginSeq;
        for (const SecurityRule &rule : nsg.securityRules)
            emitSecurityRule(out, rule);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void emitApplicationSecurityGroup(Emitter &out, const ApplicationSecurityGroup &asg)
{
    out << styleFor(!asg.id.isEmpty()) << YAML::BeginMap;
    emitKeyValue(out, "name", asg.name);
    emitId(out, asg.id);
    out << YAML::EndMap;
}

void emitClient(Emitter &out, const Client &client)
{
    out << YAML::Flow << YAML::BeginMap;
    emitKeyValue(out, "name", client.name);
    emitKeyValue(out, "gateway", client.gateway);
    if (client.ip)
        emitKeyValue(out, "ip", format::formatAddress(*client.ip));
    if (client.useProxy)
        emitKeyValue(out, "useProxy", format::formatProxySetting(*client.useProxy));
    out << YAML::EndMap;
}

// `port` and `expect` are always written: format.md gives them no default, and an intent reads
// better with both in view.
void emitIntent(Emitter &out, const Intent &intent)
{
    out << YAML::Flow << YAML::BeginMap;
    emitKeyValue(out, "from", intent.from);
    emitKeyValue(out, "to", intent.to);
    emitKeyValue(out, "port", intent.port);
    if (intent.protocol != Protocol::Tcp)
        emitKeyValue(out, "protocol", format::formatEnum(intent.protocol));
    emitKeyValue(out, "expect", format::formatEnum(intent.expect));
    out << YAML::EndMap;
}

// One top-level key with its list, emitted on its own so that sections can be separated by a
// blank line (yaml-cpp's emitter has no way to ask for one between map entries).
template <typename T, typename EmitItem>
QByteArray listSection(const char *key, const std::vector<T> &items, EmitItem emitItem)
{
    if (items.empty())
        return {};
    for (const bool deferring : {true, false}) {
        Emitter out;
        out.deferring = deferring;
        out << YAML::BeginMap << YAML::Key << key << YAML::Value << YAML::BeginSeq;
        for (const T &item : items)
            emitItem(out, item);
        out << YAML::EndSeq << YAML::EndMap;
        if (QByteArray text = out.text(); !text.isEmpty())
            return text;
    }
    return {};
}

} // namespace

QByteArray writeDesign(const Design &design)
{
    QByteArrayList sections;
    {
        Emitter out;
        out << YAML::BeginMap;
        emitKeyValue(out, "hopscope", 1);
        if (!design.name.isEmpty())
            emitKeyValue(out, "name", design.name);
        out << YAML::EndMap;
        sections << QByteArray(out.c_str(), qsizetype(out.size()));
    }
    sections << listSection("vnets", design.vnets, emitVnet)
             << listSection("peerings", design.peerings, emitPeering)
             << listSection("routeTables", design.routeTables, emitRouteTable)
             << listSection("firewalls", design.firewalls, emitFirewall)
             << listSection("gateways", design.gateways, emitGateway)
             << listSection("vms", design.vms, emitVm)
             << listSection("networkSecurityGroups", design.networkSecurityGroups,
                            emitNetworkSecurityGroup)
             << listSection("applicationSecurityGroups", design.applicationSecurityGroups,
                            emitApplicationSecurityGroup)
             << listSection("clients", design.clients, emitClient)
             << listSection("intents", design.intents, emitIntent);
    const Settings defaults;
    if (design.settings != defaults) {
        Emitter out;
        out << YAML::BeginMap << YAML::Key << "settings" << YAML::Value << YAML::BeginMap;
        if (design.settings.noneRoutesRemovedByDefaultUdr != defaults.noneRoutesRemovedByDefaultUdr)
            emitKeyValue(out, "noneRoutesRemovedByDefaultUdr",
                         format::formatEnum(design.settings.noneRoutesRemovedByDefaultUdr));
        if (design.settings.p2sInternetBreakout != defaults.p2sInternetBreakout)
            emitKeyValue(out, "p2sInternetBreakout",
                         format::formatEnum(design.settings.p2sInternetBreakout));
        if (design.settings.vnetTagUdrPrefixes != defaults.vnetTagUdrPrefixes)
            emitKeyValue(out, "vnetTagUdrPrefixes",
                         format::formatEnum(design.settings.vnetTagUdrPrefixes));
        out << YAML::EndMap << YAML::EndMap;
        sections << QByteArray(out.c_str(), qsizetype(out.size()));
    }
    if (!design.layout.empty()) {
        // One emitter per point: yaml-cpp keeps a LongKey setting for the rest of its map.
        QByteArray section = "layout:\n";
        for (const LayoutPoint &point : design.layout) {
            Emitter out;
            out << YAML::BeginMap;
            emitLayoutKey(out, point.name);
            out << YAML::Value << YAML::Flow << YAML::BeginMap;
            emitKeyValue(out, "x", format::formatCoordinate(point.x));
            emitKeyValue(out, "y", format::formatCoordinate(point.y));
            out << YAML::EndMap << YAML::EndMap;
            for (const QByteArray &line : QByteArray(out.c_str(), qsizetype(out.size())).split('\n'))
                section += "  " + line + '\n';
        }
        section.chop(1);
        sections << section;
    }
    sections.removeAll(QByteArray());
    return sections.join("\n\n") + '\n';
}

bool saveDesignFile(const Design &design, const QString &path, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("cannot save %1: %2").arg(path, reason);
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const QByteArray bytes = writeDesign(design);
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace hopscope::io
