#include "import/EstateImport.h"

#include "format/ValueGrammar.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>

namespace hopscope::importing {

namespace {

using model::Prefix;

// A resource (or sub-resource) that cannot be mapped: it is skipped with this reason (I3.5).
struct Skip
{
    QString reason;
    QString path;
    QString detail;
};

// Separates a VNet's lowercased id from a subnet name in references kept until names are final.
constexpr QChar subnetSeparator = u'|';

QString lastSegment(const QString &id)
{
    QString trimmed = id;
    while (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    return trimmed.section(u'/', -1);
}

// The value after `key` in an ARM id (`resourceGroups` → the group), as spelled in the id.
QString idSegmentAfter(const QString &id, QStringView key)
{
    const QStringList parts = id.split(u'/', Qt::SkipEmptyParts);
    for (int i = 0; i + 1 < parts.size(); ++i)
        if (parts[i].compare(key, Qt::CaseInsensitive) == 0)
            return parts[i + 1];
    return {};
}

QJsonValue member(const QJsonObject &object, QStringView key)
{
    // Nested objects that are not sub-resources (`sku`, `addressSpace`) use the same lookup.
    return armField(object, key);
}

// The id inside a reference object such as `routeTable: {id}`; empty when absent.
QString referenceId(const QJsonObject &object, QStringView key)
{
    const QJsonValue reference = member(object, key);
    if (!reference.isObject())
        return {};
    const QJsonValue id = member(reference.toObject(), u"id");
    return id.isString() ? id.toString() : QString();
}

// A prefix as Azure writes it; host bits set are cleared (import.md §4 "Prefixes").
struct ArmPrefix
{
    enum class Kind { Ipv4, Ipv6, Other } kind = Kind::Other;
    Prefix prefix;
    bool normalised = false;
};

ArmPrefix parseArmPrefix(const QString &text, bool bareAddressIsHost)
{
    ArmPrefix result;
    if (text.contains(u':')) {
        result.kind = ArmPrefix::Kind::Ipv6;
        return result;
    }
    const qsizetype slash = text.indexOf(u'/');
    const QStringView addressText = slash < 0 ? QStringView(text) : QStringView(text).left(slash);
    const auto address = net::Ipv4Address::parse(addressText);
    if (!address)
        return result;
    int length = 32;
    if (slash >= 0) {
        bool ok = false;
        length = QStringView(text).mid(slash + 1).toInt(&ok);
        if (!ok || length < 0 || length > 32)
            return result;
    } else if (!bareAddressIsHost) {
        return result;
    }
    result.kind = ArmPrefix::Kind::Ipv4;
    result.prefix = Prefix(*address, length);
    result.normalised = result.prefix.address() != *address;
    return result;
}

const QSet<QString> virtualWanTypes = {
    QStringLiteral("microsoft.network/virtualhubs"), QStringLiteral("microsoft.network/vpngateways"),
    QStringLiteral("microsoft.network/p2svpngateways"),
    QStringLiteral("microsoft.network/expressroutegateways"),
    QStringLiteral("microsoft.network/virtualwans"), QStringLiteral("microsoft.network/vpnsites")};
const QSet<QString> notModelledTypes = {
    QStringLiteral("microsoft.network/loadbalancers"),
    QStringLiteral("microsoft.network/applicationgateways"),
    QStringLiteral("microsoft.network/bastionhosts"), QStringLiteral("microsoft.network/natgateways"),
    QStringLiteral("microsoft.network/firewallpolicies"),
    QStringLiteral("microsoft.network/expressroutecircuits")};

namespace type {
const QString vnet = QStringLiteral("microsoft.network/virtualnetworks");
const QString routeTable = QStringLiteral("microsoft.network/routetables");
const QString nsg = QStringLiteral("microsoft.network/networksecuritygroups");
const QString asg = QStringLiteral("microsoft.network/applicationsecuritygroups");
const QString nic = QStringLiteral("microsoft.network/networkinterfaces");
const QString firewall = QStringLiteral("microsoft.network/azurefirewalls");
const QString gateway = QStringLiteral("microsoft.network/virtualnetworkgateways");
const QString site = QStringLiteral("microsoft.network/localnetworkgateways");
const QString connection = QStringLiteral("microsoft.network/connections");
const QString publicIp = QStringLiteral("microsoft.network/publicipaddresses");
const QString privateEndpoint = QStringLiteral("microsoft.network/privateendpoints");
} // namespace type

// A namespace member (I5.1): every object of the shared namespace, before and after naming.
struct NameEntry
{
    QString id;      // as spelled
    QString armName; // the name Azure gives it
    QString name;    // final
};

class Importer
{
public:
    Importer(const ImportOptions &options, ImportReport &report)
        : m_options(options), m_report(report)
    {
    }

    std::optional<model::Design> run(const EstateInput &input);

private:
    // ---- field access with the reasons of I3.4 and I3.5 ---------------------------------
    struct Context
    {
        const QJsonObject &object;
        QString path; // the object's own path
        QString id;   // for notes
    };

    // The id in a reference object (`routeTable: {id}`); an unresolved expression there is
    // dropped with a note, an id a design file would refuse too.
    QString reference(const Context &c, QStringView key)
    {
        const QJsonValue holder = member(c.object, key);
        const QJsonValue id = holder.isObject() ? member(holder.toObject(), u"id") : QJsonValue();
        if (isUnresolvedExpression(id) || isUnresolvedExpression(holder)) {
            note(c.id, QStringLiteral("unresolved-expression"),
                 QStringLiteral("%1/id: '%2' cannot be evaluated; the reference is left out")
                     .arg(fieldPath(c, key),
                          unresolvedExpressionText(isUnresolvedExpression(id) ? id : holder)));
            return {};
        }
        return id.isString() && format::parseResourceId(id.toString()) ? id.toString() : QString();
    }

    // A sub-resource's own id, when a design file can hold it: not malformed, and not the id of
    // another sub-resource already met (two ids alike are a load error, format.md additions).
    QString ownId(const QJsonObject &object)
    {
        const QJsonValue id = member(object, u"id");
        if (!id.isString() || !format::parseResourceId(id.toString()))
            return {};
        if (m_childIds.contains(id.toString().toLower())) {
            note(id.toString(), QStringLiteral("duplicate"),
                 QStringLiteral("%1 is the id of two objects: the second is written without it")
                     .arg(id.toString()));
            return {};
        }
        m_childIds.insert(id.toString().toLower());
        return id.toString();
    }

    QString fieldPath(const Context &c, QStringView name) const
    {
        return c.path + u'/' + armFieldPath(c.object, name);
    }

    QJsonValue needed(const Context &c, QStringView name) const
    {
        const QJsonValue v = armField(c.object, name);
        if (v.isUndefined())
            throw Skip{QStringLiteral("malformed"), fieldPath(c, name),
                       QStringLiteral("'%1' is missing").arg(name)};
        if (isUnresolvedExpression(v))
            throw Skip{QStringLiteral("unresolved-expression"), fieldPath(c, name),
                       unresolvedExpressionText(v)};
        return v;
    }

    // An optional field: absent → undefined; an unresolved expression is dropped with a note.
    QJsonValue optional(const Context &c, QStringView name)
    {
        const QJsonValue v = armField(c.object, name);
        if (isUnresolvedExpression(v)) {
            note(c.id, QStringLiteral("unresolved-expression"),
                 QStringLiteral("%1: '%2' cannot be evaluated; the field is left out")
                     .arg(fieldPath(c, name), unresolvedExpressionText(v)));
            return QJsonValue(QJsonValue::Undefined);
        }
        return v;
    }

    [[noreturn]] void wrongType(const Context &c, QStringView name, const char *expected) const
    {
        throw Skip{QStringLiteral("malformed"), fieldPath(c, name),
                   QStringLiteral("'%1' is not %2").arg(name, QLatin1String(expected))};
    }

    QString neededString(const Context &c, QStringView name) const
    {
        const QJsonValue v = needed(c, name);
        if (!v.isString())
            wrongType(c, name, "a string");
        return v.toString();
    }

    QString optionalString(const Context &c, QStringView name)
    {
        const QJsonValue v = optional(c, name);
        if (v.isUndefined())
            return {};
        if (!v.isString())
            wrongType(c, name, "a string");
        return v.toString();
    }

    bool optionalBool(const Context &c, QStringView name, bool fallback)
    {
        const QJsonValue v = optional(c, name);
        if (v.isUndefined())
            return fallback;
        if (v.isBool())
            return v.toBool();
        if (v.isString() && (v.toString().compare(u"true", Qt::CaseInsensitive) == 0 ||
                             v.toString().compare(u"false", Qt::CaseInsensitive) == 0))
            return v.toString().compare(u"true", Qt::CaseInsensitive) == 0;
        wrongType(c, name, "true or false");
    }

    QJsonArray optionalArray(const Context &c, QStringView name)
    {
        const QJsonValue v = optional(c, name);
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            wrongType(c, name, "a list");
        return v.toArray();
    }

    // `key.addressPrefixes` of a nested object (addressSpace, vpnClientAddressPool, …).
    QJsonArray nestedPrefixes(const Context &c, QStringView key)
    {
        const QJsonValue holder = optional(c, key);
        if (holder.isUndefined())
            return {};
        if (!holder.isObject())
            wrongType(c, key, "an object");
        const QJsonValue list = member(holder.toObject(), u"addressPrefixes");
        if (list.isUndefined())
            return {};
        if (isUnresolvedExpression(list))
            throw Skip{QStringLiteral("unresolved-expression"),
                       fieldPath(c, key) + QStringLiteral("/addressPrefixes"),
                       unresolvedExpressionText(list)};
        if (!list.isArray())
            throw Skip{QStringLiteral("malformed"),
                       fieldPath(c, key) + QStringLiteral("/addressPrefixes"),
                       QStringLiteral("not a list")};
        return list.toArray();
    }

    // IPv4 prefixes of `items`; IPv6 ones noted `ipv6-ignored`, host bits noted.
    std::vector<Prefix> ipv4Prefixes(const Context &c, const QJsonArray &items, QStringView what)
    {
        std::vector<Prefix> prefixes;
        for (const QJsonValue &item : items) {
            if (isUnresolvedExpression(item))
                throw Skip{QStringLiteral("unresolved-expression"), c.path,
                           unresolvedExpressionText(item)};
            const ArmPrefix p = parseArmPrefix(item.toString(), false);
            if (p.kind == ArmPrefix::Kind::Ipv6) {
                note(c.id, QStringLiteral("ipv6-ignored"),
                     QStringLiteral("%1 %2 is IPv6: left out").arg(what, item.toString()));
                continue;
            }
            if (p.kind != ArmPrefix::Kind::Ipv4)
                throw Skip{QStringLiteral("malformed"), c.path,
                           QStringLiteral("%1 '%2' is not a prefix").arg(what, item.toString())};
            notePrefix(c.id, item.toString(), p);
            prefixes.push_back(p.prefix);
        }
        return prefixes;
    }

    void notePrefix(const QString &id, const QString &text, const ArmPrefix &p)
    {
        if (p.normalised)
            note(id, QStringLiteral("prefix-normalised"),
                 QStringLiteral("%1 has host bits set: written as %2").arg(text,
                                                                          p.prefix.toString()));
    }

    void note(const QString &id, const QString &code, const QString &message)
    {
        m_report.notes.push_back({id, code, message});
    }

    void skip(const InputResource &r, const Skip &s)
    {
        m_report.skipped.push_back({r.id, r.type, s.reason, s.path.isEmpty() ? r.path : s.path,
                                    s.detail});
        m_skippedIds.insert(r.lowerId);
    }

    void skip(const InputResource &r, const QString &reason)
    {
        skip(r, Skip{reason, r.path, {}});
    }

    void unresolved(const QString &id, const QString &field, const QString &target)
    {
        m_report.unresolved.push_back({id, field, target, QStringLiteral("dropped")});
    }

    // ---- the mapping ----------------------------------------------------------------------
    void mapAsg(const InputResource &r);
    void mapNsg(const InputResource &r);
    model::SecurityRule mapSecurityRule(const Context &c, const QString &nsgId);
    void mapSecuritySide(const Context &c, const QString &ruleId, bool source,
                         model::SecuritySide &side, bool &sideEmptied);
    void mapRouteTable(const InputResource &r);
    void mapVnet(const InputResource &r);
    void mapPeerings();
    void mapFirewall(const InputResource &r);
    void mapGateway(const InputResource &r);
    void mapNic(const InputResource &r);
    void mapSitesAndConnections(const std::vector<const InputResource *> &sites,
                                const std::vector<const InputResource *> &connections);
    QString resolveSubnet(const QString &subnetId) const;
    QString synthesizeAsg(const QString &asgId);

    void addName(const QString &id, const QString &armName)
    {
        m_names.emplace(id.toLower(), NameEntry{id, armName, {}});
    }
    void assignNames();
    QString nameOf(const QString &lowerId) const
    {
        const auto it = m_names.find(lowerId);
        return it == m_names.end() ? QString() : it->second.name;
    }
    QString subnetNameOf(const QString &reference) const
    {
        return model::qualifiedSubnetName(nameOf(reference.section(subnetSeparator, 0, 0)),
                                          reference.section(subnetSeparator, 1));
    }
    void applyPrevious(model::Design &design);

    const ImportOptions &m_options;
    ImportReport &m_report;
    QSet<QString> m_skippedIds;
    QSet<QString> m_childIds; // lowercased ids of sub-resources written so far
    std::map<QString, NameEntry> m_names; // by lowercased id

    // Objects under construction; references hold lowercased ids until names are final.
    std::map<QString, model::ApplicationSecurityGroup> m_asgs;
    std::map<QString, model::NetworkSecurityGroup> m_nsgs;
    std::map<QString, model::RouteTable> m_routeTables;
    std::map<QString, model::Vnet> m_vnets;
    struct VnetSource
    {
        const InputResource *resource = nullptr;
        QJsonArray peerings;
        QString peeringsPath;
    };
    std::map<QString, VnetSource> m_vnetSources;
    std::map<QString, QString> m_subnetById; // lowercased subnet id → "vnetId|SUBNET"
    struct SubnetOutbound
    {
        bool natGateway = false;
        bool noDefaultOutbound = false;
    };
    std::map<QString, SubnetOutbound> m_subnetOutbound; // by "vnetId|SUBNET"
    struct PeeringEntry
    {
        model::Peering peering;
        QString sortKey;
        bool synthesized = false;
    };
    std::vector<PeeringEntry> m_peerings;
    QSet<QString> m_stubs; // lowercased ids of synthesized VNets
    std::map<QString, model::Firewall> m_firewalls;
    std::map<QString, model::Gateway> m_gateways;
    struct NicEntry
    {
        model::Vm vm;
        QString vmLowerId;
        QString vmName;
        QString nicName;
    };
    std::map<QString, NicEntry> m_nics;
    std::map<QString, model::LocalNetwork> m_sites; // connected sites by lowercased id
    QSet<QString> m_publicIpsInUse;
};

// ---- ASGs and NSGs --------------------------------------------------------------------------

void Importer::mapAsg(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    const QString name = neededString(c, u"name");
    m_asgs[r.lowerId] = {r.lowerId, r.id};
    addName(r.id, name);
}

QString Importer::synthesizeAsg(const QString &asgId)
{
    // §6: an ASG referenced but absent is made from its id.
    const QString lower = asgId.toLower();
    if (!m_asgs.contains(lower)) {
        m_asgs[lower] = {lower, asgId};
        addName(asgId, lastSegment(asgId));
        m_report.synthesized.push_back({asgId, {}, QStringLiteral("asg"),
                                        QStringLiteral("application security group not in input"),
                                        {}});
    }
    return lower;
}

void Importer::mapSecuritySide(const Context &c, const QString &ruleId, bool source,
                               model::SecuritySide &side, bool &sideEmptied)
{
    const QString prefix = source ? QStringLiteral("source") : QStringLiteral("destination");
    // Per side, the plural list if non-empty, else the singular (§4).
    QJsonArray addresses = optionalArray(c, QString(prefix + QStringLiteral("AddressPrefixes")));
    if (addresses.isEmpty()) {
        const QString single = optionalString(c, QString(prefix + QStringLiteral("AddressPrefix")));
        if (!single.isEmpty())
            addresses.append(single);
    }
    bool dropped = false;
    for (const QJsonValue &item : addresses) {
        const QString text = item.toString().trimmed();
        if (text == u"*" || text.compare(u"any", Qt::CaseInsensitive) == 0) {
            if (addresses.size() > 1)
                side.addresses.push_back(model::SecurityAddress::any());
            continue; // a lone `*` is the side's default
        }
        const ArmPrefix p = parseArmPrefix(text, true);
        if (p.kind == ArmPrefix::Kind::Ipv6) {
            dropped = true;
            note(ruleId, QStringLiteral("ipv6-item-dropped"),
                 QStringLiteral("%1 address %2 is IPv6: left out").arg(prefix, text));
            continue;
        }
        if (p.kind == ArmPrefix::Kind::Ipv4) {
            notePrefix(ruleId, text, p);
            side.addresses.push_back(model::SecurityAddress::of(p.prefix));
            continue;
        }
        static const QStringList modelledTags = {QStringLiteral("VirtualNetwork"),
                                                 QStringLiteral("Internet"),
                                                 QStringLiteral("AzureLoadBalancer")};
        QString tag = text;
        for (const QString &t : modelledTags)
            if (t.compare(text, Qt::CaseInsensitive) == 0)
                tag = t;
        side.addresses.push_back(model::SecurityAddress::ofTag(tag));
    }
    if (dropped && side.addresses.empty())
        sideEmptied = true;

    const QJsonArray asgs =
        optionalArray(c, QString(prefix + QStringLiteral("ApplicationSecurityGroups")));
    for (const QJsonValue &asg : asgs) {
        const QString id = asg.isObject() ? member(asg.toObject(), u"id").toString() : QString();
        if (id.isEmpty())
            wrongType(c, QString(prefix + QStringLiteral("ApplicationSecurityGroups")),
                      "a list of {id}");
        side.applicationSecurityGroups.push_back(synthesizeAsg(id));
    }

    QJsonArray ports = optionalArray(c, QString(prefix + QStringLiteral("PortRanges")));
    if (ports.isEmpty()) {
        const QJsonValue single = optional(c, QString(prefix + QStringLiteral("PortRange")));
        if (!single.isUndefined())
            ports.append(single);
    }
    for (const QJsonValue &item : ports) {
        const QString text =
            item.isDouble() ? QString::number(item.toInteger()) : item.toString().trimmed();
        if (text == u"*" && ports.size() == 1)
            continue;
        const auto range = format::parsePortRange(text);
        if (!range)
            throw Skip{QStringLiteral("malformed"),
                       fieldPath(c, QString(prefix + QStringLiteral("PortRange"))),
                       range.error()};
        side.ports.push_back(*range);
    }
}

model::SecurityRule Importer::mapSecurityRule(const Context &c, const QString &nsgId)
{
    model::SecurityRule rule;
    rule.name = neededString(c, u"name");
    rule.id = ownId(c.object);
    const QString noteId = rule.id.isEmpty() ? nsgId : rule.id;
    rule.description = optionalString(c, u"description");
    const QJsonValue priority = needed(c, u"priority");
    if (!priority.isDouble() && !(priority.isString() && priority.toString().toInt() > 0))
        wrongType(c, u"priority", "a number");
    rule.priority = priority.isDouble() ? int(priority.toInteger()) : priority.toString().toInt();
    const auto direction =
        format::parseEnum<model::SecurityDirection>(neededString(c, u"direction"),
                                                    Qt::CaseInsensitive);
    if (!direction)
        wrongType(c, u"direction", "Inbound or Outbound");
    rule.direction = *direction;
    const auto access =
        format::parseEnum<model::RuleAction>(neededString(c, u"access"), Qt::CaseInsensitive);
    if (!access)
        wrongType(c, u"access", "Allow or Deny");
    rule.access = *access;
    const QString protocol = optionalString(c, u"protocol");
    if (!protocol.isEmpty()) {
        const auto p = format::parseEnum<model::SecurityProtocol>(
            protocol.compare(u"any", Qt::CaseInsensitive) == 0 ? QStringLiteral("*") : protocol,
            Qt::CaseInsensitive);
        if (!p)
            wrongType(c, u"protocol", "Tcp, Udp, Icmp, Esp, Ah or *");
        rule.protocol = *p;
    }
    bool emptied = false;
    mapSecuritySide(c, noteId, true, rule.source, emptied);
    mapSecuritySide(c, noteId, false, rule.destination, emptied);
    if (emptied) {
        note(noteId, QStringLiteral("ipv6-item-dropped"),
             QStringLiteral("rule %1 has only IPv6 addresses on one side: left out").arg(rule.name));
        rule.name.clear(); // dropped by the caller
    }
    return rule;
}

void Importer::mapNsg(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    model::NetworkSecurityGroup nsg;
    nsg.id = r.id;
    const QString name = neededString(c, u"name");
    const QJsonArray rules = optionalArray(c, u"securityRules");
    const QString rulesPath = fieldPath(c, u"securityRules");
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (!rules[i].isObject())
            throw Skip{QStringLiteral("malformed"), rulesPath + u'/' + QString::number(i),
                       QStringLiteral("a rule is not an object")};
        const QJsonObject ruleObject = rules[i].toObject();
        model::SecurityRule rule = mapSecurityRule(
            {ruleObject, rulesPath + u'/' + QString::number(i), r.id}, r.id);
        if (!rule.name.isEmpty())
            nsg.securityRules.push_back(std::move(rule));
    }
    // defaultSecurityRules are implicit (nsg.md N1.4): never copied.
    m_nsgs[r.lowerId] = std::move(nsg);
    addName(r.id, name);
}

// ---- route tables ---------------------------------------------------------------------------

void Importer::mapRouteTable(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    model::RouteTable table;
    table.id = r.id;
    const QString name = neededString(c, u"name");
    table.disableBgpRoutePropagation = optionalBool(c, u"disableBgpRoutePropagation", false);
    const QJsonArray routes = optionalArray(c, u"routes");
    const QString routesPath = fieldPath(c, u"routes");
    for (qsizetype i = 0; i < routes.size(); ++i) {
        if (!routes[i].isObject())
            throw Skip{QStringLiteral("malformed"), routesPath + u'/' + QString::number(i),
                       QStringLiteral("a route is not an object")};
        const QJsonObject routeObject = routes[i].toObject();
        const Context rc{routeObject, routesPath + u'/' + QString::number(i), r.id};
        model::Route route;
        route.name = neededString(rc, u"name");
        route.id = ownId(routeObject);
        const QString noteId = route.id.isEmpty() ? r.id : route.id;
        const QString prefixText = neededString(rc, u"addressPrefix");
        const ArmPrefix prefix = parseArmPrefix(prefixText, false);
        if (prefix.kind == ArmPrefix::Kind::Ipv6) {
            note(noteId, QStringLiteral("ipv6-ignored"),
                 QStringLiteral("route %1 (%2) is IPv6: left out").arg(route.name, prefixText));
            continue;
        }
        if (prefix.kind == ArmPrefix::Kind::Other) {
            note(noteId, QStringLiteral("service-tag-route"),
                 QStringLiteral("route %1 sends service tag %2: service tags are not modelled, "
                                "the route is left out").arg(route.name, prefixText));
            continue;
        }
        notePrefix(noteId, prefixText, prefix);
        route.addressPrefix = prefix.prefix;
        const auto hop = format::parseEnum<model::NextHopType>(neededString(rc, u"nextHopType"),
                                                               Qt::CaseInsensitive);
        if (!hop)
            wrongType(rc, u"nextHopType", "a next hop type");
        route.nextHopType = *hop;
        if (model::takesNextHopIp(route.nextHopType)) {
            const QString ip = optionalString(rc, u"nextHopIpAddress");
            if (!ip.isEmpty()) {
                route.nextHopIpAddress = net::Ipv4Address::parse(ip);
                if (!route.nextHopIpAddress)
                    wrongType(rc, u"nextHopIpAddress", "an IPv4 address");
            }
        }
        if (optionalBool(rc, u"hasBgpOverride", false))
            note(noteId, QStringLiteral("has-bgp-override-ignored"),
                 QStringLiteral("route %1 has hasBgpOverride: not modelled (R4.9), the route is "
                                "kept").arg(route.name));
        table.routes.push_back(std::move(route));
    }
    m_routeTables[r.lowerId] = std::move(table);
    addName(r.id, name);
}

// ---- VNets, subnets, peerings ---------------------------------------------------------------

void Importer::mapVnet(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    model::Vnet vnet;
    vnet.id = r.id;
    const QString name = neededString(c, u"name");
    vnet.region = optionalString(c, u"location");
    if (armField(r.object, u"addressSpace").isUndefined())
        throw Skip{QStringLiteral("malformed"), fieldPath(c, u"addressSpace"),
                   QStringLiteral("'addressSpace' is missing")};
    vnet.addressSpace = ipv4Prefixes(c, nestedPrefixes(c, u"addressSpace"),
                                     QStringLiteral("address space"));
    if (vnet.addressSpace.empty()) {
        throw Skip{QStringLiteral("ipv6-only"), fieldPath(c, u"addressSpace"),
                   QStringLiteral("no IPv4 address space")};
    }
    const QJsonArray subnets = optionalArray(c, u"subnets");
    const QString subnetsPath = fieldPath(c, u"subnets");
    struct PendingSubnet
    {
        model::Subnet subnet;
        QString lowerId;
        SubnetOutbound outbound;
    };
    std::vector<PendingSubnet> pending;
    for (qsizetype i = 0; i < subnets.size(); ++i) {
        const QJsonObject subnetObject = subnets[i].toObject();
        const QString subnetPath = subnetsPath + u'/' + QString::number(i);
        const QString subnetId = ownId(subnetObject);
        const Context sc{subnetObject, subnetPath, subnetId.isEmpty() ? r.id : subnetId};
        try {
            if (!subnets[i].isObject())
                throw Skip{QStringLiteral("malformed"), subnetPath,
                           QStringLiteral("a subnet is not an object")};
            model::Subnet subnet;
            subnet.name = neededString(sc, u"name");
            subnet.id = subnetId;
            QJsonArray prefixes = optionalArray(sc, u"addressPrefixes");
            if (prefixes.isEmpty())
                prefixes.append(neededString(sc, u"addressPrefix"));
            const std::vector<Prefix> ipv4 =
                ipv4Prefixes(sc, prefixes, QStringLiteral("subnet prefix"));
            if (ipv4.empty())
                throw Skip{QStringLiteral("ipv6-only"), subnetPath,
                           QStringLiteral("subnet %1 has no IPv4 prefix").arg(subnet.name)};
            subnet.addressPrefix = ipv4.front();
            subnet.moreAddressPrefixes.assign(ipv4.begin() + 1, ipv4.end());
            const QString field = QStringLiteral("subnets[%1].").arg(i);
            const QString routeTable = reference(sc, u"routeTable");
            if (!routeTable.isEmpty()) {
                if (m_routeTables.contains(routeTable.toLower()))
                    subnet.routeTable = routeTable.toLower();
                else
                    unresolved(r.id, field + QStringLiteral("routeTable.id"), routeTable);
            }
            const QString nsg = reference(sc, u"networkSecurityGroup");
            if (!nsg.isEmpty()) {
                if (m_nsgs.contains(nsg.toLower()))
                    subnet.networkSecurityGroup = nsg.toLower();
                else
                    unresolved(r.id, field + QStringLiteral("networkSecurityGroup.id"), nsg);
            }
            SubnetOutbound outbound;
            outbound.natGateway = !referenceId(subnetObject, u"natGateway").isEmpty();
            outbound.noDefaultOutbound = !optionalBool(sc, u"defaultOutboundAccess", true);
            for (QStringView unmodelled : {u"serviceEndpoints", u"delegations",
                                           u"privateEndpoints"})
                if (!armField(subnetObject, unmodelled).isUndefined()) {
                    note(sc.id, QStringLiteral("service-endpoints-not-modelled"),
                         QStringLiteral("subnet %1 has %2: not modelled, their routes (R3.4) "
                                        "will be missing").arg(subnet.name, unmodelled));
                    break;
                }
            pending.push_back({std::move(subnet), subnetId.toLower(), outbound});
        } catch (const Skip &s) {
            m_report.skipped.push_back({subnetId, QStringLiteral("microsoft.network/virtualnetworks/subnets"),
                                        s.reason, s.path, s.detail});
        }
    }
    // Everything that can still skip the VNet is read before its subnets become resolvable.
    VnetSource source{&r, optionalArray(c, u"virtualNetworkPeerings"),
                      fieldPath(c, u"virtualNetworkPeerings")};
    for (PendingSubnet &p : pending) {
        const QString reference = r.lowerId + subnetSeparator + p.subnet.name;
        if (!p.lowerId.isEmpty())
            m_subnetById[p.lowerId] = reference;
        m_subnetById[r.lowerId + QStringLiteral("/subnets/") + p.subnet.name.toLower()] = reference;
        m_subnetOutbound[reference] = p.outbound;
        vnet.subnets.push_back(std::move(p.subnet));
    }
    m_vnets[r.lowerId] = std::move(vnet);
    m_vnetSources[r.lowerId] = std::move(source);
    addName(r.id, name);
}

void Importer::mapPeerings()
{
    // After every VNet: a peering's target is known only then; a missing one is a stub (§6).
    for (auto &[lowerId, source] : m_vnetSources) {
        const model::Vnet &local = m_vnets.at(lowerId);
        for (qsizetype i = 0; i < source.peerings.size(); ++i) {
            const QJsonObject object = source.peerings[i].toObject();
            const QString path = source.peeringsPath + u'/' + QString::number(i);
            const QString peeringId = ownId(object);
            const Context c{object, path, peeringId.isEmpty() ? local.id : peeringId};
            try {
                const QString remote = referenceId(object, u"remoteVirtualNetwork");
                if (remote.isEmpty())
                    throw Skip{QStringLiteral("malformed"),
                               path + QStringLiteral("/remoteVirtualNetwork"),
                               QStringLiteral("'remoteVirtualNetwork.id' is missing")};
                model::Peering peering;
                peering.from = lowerId;
                peering.to = remote.toLower();
                peering.id = peeringId;
                peering.allowVirtualNetworkAccess =
                    optionalBool(c, u"allowVirtualNetworkAccess", true);
                peering.allowForwardedTraffic = optionalBool(c, u"allowForwardedTraffic", false);
                peering.allowGatewayTransit = optionalBool(c, u"allowGatewayTransit", false);
                peering.useRemoteGateways = optionalBool(c, u"useRemoteGateways", false);
                if (!m_vnets.contains(peering.to)) {
                    std::vector<Prefix> space =
                        ipv4Prefixes(c, nestedPrefixes(c, u"remoteAddressSpace"),
                                     QStringLiteral("remote address space"));
                    if (space.empty())
                        space = ipv4Prefixes(c, nestedPrefixes(c, u"remoteVirtualNetworkAddressSpace"),
                                             QStringLiteral("remote address space"));
                    if (space.empty()) {
                        unresolved(local.id,
                                   QStringLiteral("virtualNetworkPeerings[%1].remoteVirtualNetwork.id")
                                       .arg(i),
                                   remote);
                        continue;
                    }
                    model::Vnet stub;
                    stub.id = remote;
                    stub.addressSpace = std::move(space);
                    stub.region = local.region;
                    m_vnets[peering.to] = std::move(stub);
                    addName(remote, lastSegment(remote));
                    m_report.synthesized.push_back(
                        {remote, {}, QStringLiteral("vnet"),
                         QStringLiteral("peering target not in input; verify"), {}});
                    m_stubs.insert(peering.to);
                }
                if (m_stubs.contains(peering.to) &&
                    optionalString(c, u"peeringState").compare(u"Connected",
                                                               Qt::CaseInsensitive) == 0) {
                    // The stub's side, with Azure's defaults: Connected says it exists.
                    model::Peering reverse;
                    reverse.from = peering.to;
                    reverse.to = lowerId;
                    m_peerings.push_back({reverse, peering.to, true});
                    m_report.synthesized.push_back(
                        {{}, peering.to, QStringLiteral("peering"),
                         QStringLiteral("reverse of %1 (peering state Connected); verify")
                             .arg(peeringId),
                         remote});
                }
                m_peerings.push_back({peering, peeringId.toLower(), false});
            } catch (const Skip &s) {
                m_report.skipped.push_back(
                    {peeringId, QStringLiteral("microsoft.network/virtualnetworks/virtualnetworkpeerings"),
                     s.reason, s.path, s.detail});
            }
        }
    }
}

QString Importer::resolveSubnet(const QString &subnetId) const
{
    const auto it = m_subnetById.find(subnetId.toLower());
    return it == m_subnetById.end() ? QString() : it->second;
}

// ---- devices --------------------------------------------------------------------------------

void Importer::mapFirewall(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    const QString name = neededString(c, u"name");
    const QJsonValue sku = armField(r.object, u"sku");
    if (!referenceId(r.object, u"virtualHub").isEmpty() ||
        (sku.isObject() &&
         member(sku.toObject(), u"name").toString().compare(u"AZFW_Hub", Qt::CaseInsensitive) == 0))
        throw Skip{QStringLiteral("virtual-wan"), r.path, QStringLiteral("a Virtual WAN hub firewall")};
    model::Firewall firewall;
    firewall.id = r.id;
    const QJsonValue configurations = needed(c, u"ipConfigurations");
    if (!configurations.isArray())
        wrongType(c, u"ipConfigurations", "a list");
    QString subnetId;
    for (const QJsonValue &configuration : configurations.toArray()) {
        const QString id = referenceId(configuration.toObject(), u"subnet");
        if (lastSegment(id).compare(model::firewallSubnetName(), Qt::CaseInsensitive) != 0)
            continue;
        subnetId = id;
        const Context cc{configuration.toObject(), fieldPath(c, u"ipConfigurations"), r.id};
        const QString ip = optionalString(cc, u"privateIPAddress");
        if (!ip.isEmpty()) {
            firewall.privateIp = net::Ipv4Address::parse(ip);
            if (!firewall.privateIp)
                wrongType(cc, u"privateIPAddress", "an IPv4 address");
        }
        break;
    }
    if (subnetId.isEmpty())
        throw Skip{QStringLiteral("malformed"), fieldPath(c, u"ipConfigurations"),
                   QStringLiteral("no IP configuration in AzureFirewallSubnet")};
    firewall.subnet = resolveSubnet(subnetId);
    if (firewall.subnet.isEmpty())
        throw Skip{QStringLiteral("unresolved-subnet"), fieldPath(c, u"ipConfigurations"),
                   QStringLiteral("subnet %1 is not in the input").arg(subnetId)};
    firewall.managementNic = !armField(r.object, u"managementIpConfiguration").isUndefined();
    const QString policy = referenceId(r.object, u"firewallPolicy");
    int collections = 0;
    for (QStringView list : {u"applicationRuleCollections", u"natRuleCollections",
                             u"networkRuleCollections"})
        collections += int(armField(r.object, list).toArray().size());
    if (!policy.isEmpty())
        note(r.id, QStringLiteral("firewall-rules-not-imported"),
             QStringLiteral("the rules of firewall policy %1 are not imported: %2 is written "
                            "with rules: allowAll").arg(lastSegment(policy), name));
    else if (collections > 0)
        note(r.id, QStringLiteral("firewall-rules-not-imported"),
             QStringLiteral("%1 rule collection(s) are not imported: %2 is written with rules: "
                            "allowAll").arg(collections).arg(name));
    m_firewalls[r.lowerId] = std::move(firewall);
    addName(r.id, name);
}

void Importer::mapGateway(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    const QString name = neededString(c, u"name");
    model::Gateway gateway;
    gateway.id = r.id;
    const auto type = format::parseEnum<model::GatewayType>(neededString(c, u"gatewayType"),
                                                            Qt::CaseInsensitive);
    if (!type)
        throw Skip{QStringLiteral("unsupported-type"), fieldPath(c, u"gatewayType"),
                   QStringLiteral("gateway type %1 is not modelled")
                       .arg(armField(r.object, u"gatewayType").toString())};
    gateway.type = *type;
    const QJsonValue configurations = needed(c, u"ipConfigurations");
    if (!configurations.isArray())
        wrongType(c, u"ipConfigurations", "a list");
    QString subnetId;
    for (const QJsonValue &configuration : configurations.toArray()) {
        subnetId = referenceId(configuration.toObject(), u"subnet");
        if (!subnetId.isEmpty())
            break;
    }
    if (subnetId.isEmpty())
        throw Skip{QStringLiteral("malformed"), fieldPath(c, u"ipConfigurations"),
                   QStringLiteral("no IP configuration names a subnet")};
    const QString subnet = resolveSubnet(subnetId);
    if (subnet.isEmpty())
        throw Skip{QStringLiteral("unresolved-subnet"), fieldPath(c, u"ipConfigurations"),
                   QStringLiteral("subnet %1 is not in the input").arg(subnetId)};
    gateway.vnet = subnet.section(subnetSeparator, 0, 0);
    const QJsonValue sku = armField(r.object, u"sku");
    if (sku.isObject() && member(sku.toObject(), u"name").isString())
        gateway.sku = member(sku.toObject(), u"name").toString();
    const QJsonValue client = optional(c, u"vpnClientConfiguration");
    if (client.isObject())
        gateway.vpnClientAddressPool =
            ipv4Prefixes(c, nestedPrefixes({client.toObject(), fieldPath(c, u"vpnClientConfiguration"), r.id},
                                           u"vpnClientAddressPool"),
                         QStringLiteral("P2S pool"));
    gateway.customRoutes =
        ipv4Prefixes(c, nestedPrefixes(c, u"customRoutes"), QStringLiteral("custom route"));
    if (optionalBool(c, u"enableBgp", false))
        note(r.id, QStringLiteral("bgp-routes-not-exported"),
             QStringLiteral("%1 uses BGP: learned prefixes are not configuration; add them to "
                            "localNetworks by hand (az network vnet-gateway list-learned-routes)")
                 .arg(name));
    m_gateways[r.lowerId] = std::move(gateway);
    addName(r.id, name);
}

void Importer::mapNic(const InputResource &r)
{
    const Context c{r.object, r.path, r.id};
    if (!armField(r.object, u"privateEndpoint").isUndefined())
        throw Skip{QStringLiteral("private-endpoint"), r.path, {}};
    const QString vmId = referenceId(r.object, u"virtualMachine");
    if (vmId.isEmpty())
        throw Skip{QStringLiteral("nic-without-vm"), r.path, {}};
    const QString nicName = neededString(c, u"name");
    const QJsonValue configurations = needed(c, u"ipConfigurations");
    if (!configurations.isArray())
        wrongType(c, u"ipConfigurations", "a list");
    const QJsonArray list = configurations.toArray();
    qsizetype primary = 0;
    for (qsizetype i = 0; i < list.size(); ++i)
        if (armField(list[i].toObject(), u"primary").toBool()) {
            primary = i;
            break;
        }
    const QString configurationsPath = fieldPath(c, u"ipConfigurations");
    const Context pc{list[primary].toObject(),
                     configurationsPath + u'/' + QString::number(primary), r.id};
    model::Vm vm;
    vm.id = r.id;
    const QString subnetId = referenceId(pc.object, u"subnet");
    if (subnetId.isEmpty())
        throw Skip{QStringLiteral("malformed"), pc.path + QStringLiteral("/subnet"),
                   QStringLiteral("'subnet.id' is missing")};
    vm.subnet = resolveSubnet(subnetId);
    if (vm.subnet.isEmpty())
        throw Skip{QStringLiteral("unresolved-subnet"), pc.path + QStringLiteral("/subnet"),
                   QStringLiteral("subnet %1 is not in the input").arg(subnetId)};
    const QString ip = optionalString(pc, u"privateIPAddress");
    if (!ip.isEmpty() && !ip.contains(u':')) {
        vm.privateIp = net::Ipv4Address::parse(ip);
        if (!vm.privateIp)
            wrongType(pc, u"privateIPAddress", "an IPv4 address");
    }
    vm.enableIPForwarding = optionalBool(c, u"enableIPForwarding", false);
    if (vm.enableIPForwarding)
        note(r.id, QStringLiteral("stateful-unknown"),
             QStringLiteral("%1 forwards IP traffic: whether it keeps state is not in Azure's "
                            "configuration; set stateful by hand if it does").arg(nicName));
    const QString nsg = referenceId(r.object, u"networkSecurityGroup");
    if (!nsg.isEmpty()) {
        if (m_nsgs.contains(nsg.toLower()))
            vm.networkSecurityGroup = nsg.toLower();
        else
            unresolved(r.id, QStringLiteral("networkSecurityGroup.id"), nsg);
    }
    QString publicIp;
    bool loadBalanced = false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject configuration = list[i].toObject();
        for (const QJsonValue &asg : armField(configuration, u"applicationSecurityGroups").toArray()) {
            const QString asgId = member(asg.toObject(), u"id").toString();
            if (asgId.isEmpty())
                continue;
            const QString lower = synthesizeAsg(asgId);
            if (std::find(vm.applicationSecurityGroups.begin(), vm.applicationSecurityGroups.end(),
                          lower) == vm.applicationSecurityGroups.end())
                vm.applicationSecurityGroups.push_back(lower);
        }
        const QString pip = referenceId(configuration, u"publicIPAddress");
        if (!pip.isEmpty() && publicIp.isEmpty())
            publicIp = pip;
        if (!armField(configuration, u"loadBalancerBackendAddressPools").isUndefined())
            loadBalanced = true;
    }
    if (list.size() > 1)
        note(r.id, QStringLiteral("secondary-ip-ignored"),
             QStringLiteral("%1 has %2 IP configurations: only the primary one is modelled")
                 .arg(nicName).arg(list.size()));
    if (loadBalanced)
        note(r.id, QStringLiteral("load-balancer-ignored"),
             QStringLiteral("%1 is in a load balancer backend pool: load balancers are not "
                            "modelled").arg(nicName));
    const SubnetOutbound outbound = m_subnetOutbound[vm.subnet];
    if (!publicIp.isEmpty()) {
        vm.outbound = model::OutboundMethod::PublicIp;
        m_publicIpsInUse.insert(publicIp.toLower());
        if (outbound.natGateway)
            note(r.id, QStringLiteral("nat-gateway-precedence"),
                 QStringLiteral("%1 has a public IP in a subnet with a NAT gateway: outbound "
                                "goes through the NAT gateway (I-S8); publicIp is kept because "
                                "it admits inbound").arg(nicName));
    } else if (outbound.natGateway) {
        vm.outbound = model::OutboundMethod::NatGateway;
    } else if (outbound.noDefaultOutbound) {
        vm.outbound = model::OutboundMethod::None;
    }
    m_nics[r.lowerId] = {std::move(vm), vmId.toLower(), lastSegment(vmId), nicName};
}

void Importer::mapSitesAndConnections(const std::vector<const InputResource *> &sites,
                                      const std::vector<const InputResource *> &connections)
{
    std::map<QString, model::LocalNetwork> candidates;
    std::map<QString, const InputResource *> siteResources;
    for (const InputResource *r : sites) {
        try {
            const Context c{r->object, r->path, r->id};
            model::LocalNetwork site;
            site.name = neededString(c, u"name");
            site.id = r->id;
            site.addressPrefixes = ipv4Prefixes(c, nestedPrefixes(c, u"localNetworkAddressSpace"),
                                                QStringLiteral("site prefix"));
            if (site.addressPrefixes.empty())
                throw Skip{QStringLiteral("site-without-prefixes"), r->path, {}};
            candidates[r->lowerId] = std::move(site);
            siteResources[r->lowerId] = r;
        } catch (const Skip &s) {
            skip(*r, s);
        }
    }
    for (const InputResource *r : connections) {
        try {
            const Context c{r->object, r->path, r->id};
            const QString kind = optionalString(c, u"connectionType");
            if (kind.compare(u"IPsec", Qt::CaseInsensitive) != 0)
                throw Skip{QStringLiteral("unsupported-connection-type"), fieldPath(c, u"connectionType"),
                           QStringLiteral("connection type %1 is not modelled").arg(kind)};
            const QString gatewayId = referenceId(r->object, u"virtualNetworkGateway1");
            const QString siteId = referenceId(r->object, u"localNetworkGateway2");
            if (!m_gateways.contains(gatewayId.toLower()))
                throw Skip{QStringLiteral("unresolved-reference"), fieldPath(c, u"virtualNetworkGateway1"),
                           QStringLiteral("gateway %1 is not imported").arg(gatewayId)};
            if (!candidates.contains(siteId.toLower()))
                throw Skip{QStringLiteral("unresolved-reference"), fieldPath(c, u"localNetworkGateway2"),
                           QStringLiteral("local network gateway %1 is not imported").arg(siteId)};
            if (optionalBool(c, u"enableBgp", false))
                note(r->id, QStringLiteral("bgp-routes-not-exported"),
                     QStringLiteral("the connection uses BGP: learned prefixes are not "
                                    "configuration; add them to localNetworks by hand"));
            const QString site = siteId.toLower();
            if (m_sites.contains(site)) {
                note(r->id, QStringLiteral("duplicate-site"),
                     QStringLiteral("%1 is connected to more than one gateway: it is kept on the "
                                    "first").arg(candidates.at(site).name));
                continue;
            }
            m_sites[site] = candidates.at(site);
            model::LocalNetwork reference = candidates.at(site);
            reference.name = site; // replaced by the final name
            m_gateways.at(gatewayId.toLower()).localNetworks.push_back(reference);
            addName(siteId, candidates.at(site).name);
        } catch (const Skip &s) {
            skip(*r, s);
        }
    }
    for (const auto &[lowerId, r] : siteResources)
        if (!m_sites.contains(lowerId))
            skip(*r, QStringLiteral("site-not-connected"));
}

// ---- I5: one namespace ----------------------------------------------------------------------

QString sanitized(const QString &armName)
{
    QString name = armName;
    for (QChar &ch : name)
        if (!(ch.isLetterOrNumber() && ch.unicode() < 128) && ch != u'.' && ch != u'_' &&
            ch != u'-')
            ch = u'_';
    return name;
}

constexpr qsizetype maxNameLength = 80;

QString fitted(const QString &base, const QString &suffix)
{
    return base.left(maxNameLength - suffix.size()) + suffix;
}

void Importer::assignNames()
{
    QSet<QString> taken; // lowercased final names
    taken.insert(model::internetName().toLower());
    // §7 (1): names of a former import are fixed first.
    std::map<QString, QString> previousNames;
    if (const model::Design *old = m_options.previous) {
        const auto keep = [&](const QString &id, const QString &name) {
            if (!id.isEmpty())
                previousNames[id.toLower()] = name;
        };
        for (const auto &v : old->vnets)
            keep(v.id, v.name);
        for (const auto &t : old->routeTables)
            keep(t.id, t.name);
        for (const auto &f : old->firewalls)
            keep(f.id, f.name);
        for (const auto &g : old->gateways) {
            keep(g.id, g.name);
            for (const auto &s : g.localNetworks)
                keep(s.id, s.name);
        }
        for (const auto &vm : old->vms)
            keep(vm.id, vm.name);
        for (const auto &n : old->networkSecurityGroups)
            keep(n.id, n.name);
        for (const auto &a : old->applicationSecurityGroups)
            keep(a.id, a.name);
    }
    std::map<QString, std::vector<NameEntry *>> groups; // by lowercased candidate
    for (auto &[lowerId, entry] : m_names) {
        const auto old = previousNames.find(lowerId);
        if (old != previousNames.end() && !taken.contains(old->second.toLower())) {
            entry.name = old->second;
            taken.insert(entry.name.toLower());
            continue;
        }
        groups[sanitized(entry.armName).left(maxNameLength).toLower()].push_back(&entry);
    }
    const auto report = [&](const NameEntry &e, const QString &why) {
        if (e.name != e.armName)
            m_report.renamed.push_back({e.id, e.armName, e.name, why});
    };
    std::vector<std::vector<NameEntry *>> colliding;
    for (auto &[candidate, members] : groups) {
        if (members.size() == 1 && !taken.contains(candidate)) {
            NameEntry &e = *members.front();
            const QString clean = sanitized(e.armName);
            e.name = clean.left(maxNameLength);
            taken.insert(candidate);
            report(e, clean.size() > maxNameLength ? QStringLiteral("length")
                                                   : QStringLiteral("characters"));
        } else {
            colliding.push_back(members);
        }
    }
    // I5.2: each group in order of its candidate, step by step until all are unique.
    for (std::vector<NameEntry *> &members : colliding) {
        std::sort(members.begin(), members.end(),
                  [](const NameEntry *a, const NameEntry *b) { return a->id.toLower() < b->id.toLower(); });
        const auto suffixFor = [](const NameEntry &e, int step) -> QString {
            const QString group = idSegmentAfter(e.id, u"resourceGroups");
            QString subscription = idSegmentAfter(e.id, u"subscriptions");
            subscription.remove(u'-');
            switch (step) {
            case 1:
                return u'.' + sanitized(group);
            case 2:
                return u'.' + sanitized(group) + u'.' + subscription.left(8).toLower();
            default:
                return QStringLiteral(".h") +
                       QString::fromLatin1(QCryptographicHash::hash(e.id.toLower().toUtf8(),
                                                                    QCryptographicHash::Sha256)
                                               .toHex()
                                               .left(8));
            }
        };
        std::vector<QString> names;
        for (int step = 1; step <= 3; ++step) {
            names.clear();
            QSet<QString> seen;
            bool unique = true;
            for (NameEntry *e : members) {
                names.push_back(fitted(sanitized(e->armName), suffixFor(*e, step)));
                const QString lower = names.back().toLower();
                if (seen.contains(lower) || taken.contains(lower))
                    unique = false;
                seen.insert(lower);
            }
            if (unique)
                break;
        }
        // Still equal after the hash: -2, -3… in id order.
        QSet<QString> given;
        for (size_t i = 0; i < members.size(); ++i) {
            QString name = names[i];
            for (int n = 2; given.contains(name.toLower()) || taken.contains(name.toLower()); ++n)
                name = fitted(sanitized(members[i]->armName),
                              suffixFor(*members[i], 3) + u'-' + QString::number(n));
            given.insert(name.toLower());
            members[i]->name = name;
        }
        for (NameEntry *e : members) {
            taken.insert(e->name.toLower());
            report(*e, QStringLiteral("collision"));
        }
    }
}

// ---- the whole import -----------------------------------------------------------------------

std::optional<model::Design> Importer::run(const EstateInput &input)
{
    std::map<QString, std::vector<const InputResource *>> byType;
    for (const InputResource &r : input.resources)
        byType[r.type].push_back(&r);
    const auto each = [&](const QString &type, auto map) {
        for (const InputResource *r : byType[type]) {
            try {
                (this->*map)(*r);
            } catch (const Skip &s) {
                skip(*r, s);
            }
        }
    };
    // Order of dependencies: what a resource references is mapped before it.
    each(type::asg, &Importer::mapAsg);
    each(type::nsg, &Importer::mapNsg);
    each(type::routeTable, &Importer::mapRouteTable);
    each(type::vnet, &Importer::mapVnet);
    mapPeerings();
    each(type::firewall, &Importer::mapFirewall);
    each(type::gateway, &Importer::mapGateway);
    each(type::nic, &Importer::mapNic);
    mapSitesAndConnections(byType[type::site], byType[type::connection]);
    for (const InputResource *r : byType[type::publicIp])
        if (!m_publicIpsInUse.contains(r->lowerId))
            note(r->id, QStringLiteral("public-ip-not-needed"),
                 QStringLiteral("public IP %1 is not on a VM's NIC: not needed by the design")
                     .arg(lastSegment(r->id)));
    static const QSet<QString> handled = {type::asg, type::nsg, type::routeTable, type::vnet,
                                          type::firewall, type::gateway, type::nic, type::site,
                                          type::connection, type::publicIp};
    for (const auto &[typeName, resources] : byType) {
        if (handled.contains(typeName))
            continue;
        const QString reason = virtualWanTypes.contains(typeName) ? QStringLiteral("virtual-wan")
                               : typeName == type::privateEndpoint
                                   ? QStringLiteral("private-endpoint")
                               : notModelledTypes.contains(typeName) ||
                                       typeName.startsWith(QLatin1String("microsoft.compute/"))
                                   ? QStringLiteral("not-modelled")
                                   : QStringLiteral("unsupported-type");
        for (const InputResource *r : resources)
            skip(*r, reason);
    }

    // VM names (§4): the VM's own name when it has one imported NIC, else the NIC's.
    std::map<QString, int> nicsPerVm;
    for (const auto &[id, nic] : m_nics)
        ++nicsPerVm[nic.vmLowerId];
    for (const auto &[id, nic] : m_nics) {
        const bool single = nicsPerVm[nic.vmLowerId] == 1;
        if (!single)
            note(nic.vm.id, QStringLiteral("multi-nic-vm"),
                 QStringLiteral("VM %1 has %2 NICs: each becomes its own device, named after "
                                "the NIC").arg(nic.vmName).arg(nicsPerVm[nic.vmLowerId]));
        addName(nic.vm.id, single ? nic.vmName : nic.nicName);
    }

    bool anything = !m_vnets.empty() || !m_routeTables.empty() || !m_nsgs.empty() ||
                    !m_asgs.empty();
    if (!anything)
        return std::nullopt;

    assignNames();

    model::Design design;
    QSet<QString> groups;
    for (const InputResource &r : input.resources)
        if (!m_skippedIds.contains(r.lowerId))
            groups.insert(idSegmentAfter(r.id, u"resourceGroups").toLower());
    groups.remove(QString());
    QStringList groupList(groups.begin(), groups.end());
    groupList.sort();
    design.name = QStringLiteral("Imported from Azure: ") + groupList.join(QStringLiteral(", "));

    // Maps keyed by lowercased id are already in §4's order.
    for (auto &[id, asg] : m_asgs) {
        asg.name = nameOf(id);
        design.applicationSecurityGroups.push_back(asg);
    }
    for (auto &[id, nsg] : m_nsgs) {
        nsg.name = nameOf(id);
        for (model::SecurityRule &rule : nsg.securityRules)
            for (model::SecuritySide *side : {&rule.source, &rule.destination})
                for (QString &asg : side->applicationSecurityGroups)
                    asg = nameOf(asg);
        design.networkSecurityGroups.push_back(nsg);
    }
    for (auto &[id, table] : m_routeTables) {
        table.name = nameOf(id);
        design.routeTables.push_back(table);
    }
    for (auto &[id, vnet] : m_vnets) {
        vnet.name = nameOf(id);
        for (model::Subnet &subnet : vnet.subnets) {
            subnet.routeTable = nameOf(subnet.routeTable);
            subnet.networkSecurityGroup = nameOf(subnet.networkSecurityGroup);
        }
        design.vnets.push_back(vnet);
    }
    std::stable_sort(m_peerings.begin(), m_peerings.end(),
                     [](const PeeringEntry &a, const PeeringEntry &b) {
                         if (a.sortKey != b.sortKey)
                             return a.sortKey < b.sortKey;
                         return !a.synthesized && b.synthesized;
                     });
    for (PeeringEntry &p : m_peerings) {
        p.peering.from = nameOf(p.peering.from);
        p.peering.to = nameOf(p.peering.to);
        design.peerings.push_back(p.peering);
    }
    for (SynthesizedObject &s : m_report.synthesized)
        s.name = s.kind == u"peering" ? nameOf(s.name) : nameOf(s.id.toLower());
    for (auto &[id, firewall] : m_firewalls) {
        firewall.name = nameOf(id);
        firewall.subnet = subnetNameOf(firewall.subnet);
        design.firewalls.push_back(firewall);
    }
    for (auto &[id, gateway] : m_gateways) {
        gateway.name = nameOf(id);
        gateway.vnet = nameOf(gateway.vnet);
        for (model::LocalNetwork &site : gateway.localNetworks)
            site.name = nameOf(site.name);
        design.gateways.push_back(gateway);
    }
    for (auto &[id, nic] : m_nics) {
        model::Vm vm = nic.vm;
        vm.name = nameOf(id);
        vm.subnet = subnetNameOf(vm.subnet);
        vm.networkSecurityGroup = nameOf(vm.networkSecurityGroup);
        for (QString &asg : vm.applicationSecurityGroups)
            asg = nameOf(asg);
        design.vms.push_back(vm);
    }

    // Roles, a layout hint (§4).
    QSet<QString> hubs;
    for (const model::Firewall &f : design.firewalls)
        hubs.insert(f.subnet.section(u'/', 0, 0));
    for (const model::Gateway &g : design.gateways)
        hubs.insert(g.vnet);
    for (const model::Vm &vm : design.vms)
        if (vm.enableIPForwarding)
            hubs.insert(vm.subnet.section(u'/', 0, 0));
    for (model::Vnet &vnet : design.vnets) {
        if (hubs.contains(vnet.name)) {
            vnet.role = model::VnetRole::Hub;
            continue;
        }
        bool peered = false;
        bool onlyHubs = true;
        for (const model::Peering &p : design.peerings) {
            if (p.from != vnet.name && p.to != vnet.name)
                continue;
            peered = true;
            if (!hubs.contains(p.from == vnet.name ? p.to : p.from))
                onlyHubs = false;
        }
        vnet.role = peered && onlyHubs ? model::VnetRole::Spoke : model::VnetRole::Other;
    }

    if (m_options.previous)
        applyPrevious(design);

    int subnets = 0;
    int sites = 0;
    for (const model::Vnet &v : design.vnets)
        subnets += int(v.subnets.size());
    for (const model::Gateway &g : design.gateways)
        sites += int(g.localNetworks.size());
    m_report.counts = {{QStringLiteral("vnets"), int(design.vnets.size())},
                       {QStringLiteral("subnets"), subnets},
                       {QStringLiteral("peerings"), int(design.peerings.size())},
                       {QStringLiteral("routeTables"), int(design.routeTables.size())},
                       {QStringLiteral("networkSecurityGroups"),
                        int(design.networkSecurityGroups.size())},
                       {QStringLiteral("applicationSecurityGroups"),
                        int(design.applicationSecurityGroups.size())},
                       {QStringLiteral("firewalls"), int(design.firewalls.size())},
                       {QStringLiteral("gateways"), int(design.gateways.size())},
                       {QStringLiteral("localNetworks"), sites},
                       {QStringLiteral("vms"), int(design.vms.size())}};
    return design;
}

// §7 (3): the keys the importer writes, per object with an id, as text to compare.
using FieldMap = std::vector<std::pair<QString, QString>>;

QString prefixesText(const std::vector<Prefix> &prefixes)
{
    return format::formatPrefixes(prefixes);
}

QString sideText(const model::SecuritySide &side)
{
    QStringList items;
    for (const model::SecurityAddress &a : side.addresses)
        items << (a.kind == model::SecurityAddress::Kind::Prefix ? a.prefix.toString()
                  : a.kind == model::SecurityAddress::Kind::Tag  ? a.tag
                                                                 : QStringLiteral("*"));
    return items.join(u',');
}

QString portsText(const model::SecuritySide &side)
{
    QStringList items;
    for (const model::PortRange &r : side.ports)
        items << format::formatPortRange(r);
    return items.join(u',');
}

std::map<QString, std::pair<QString, FieldMap>> importedFields(const model::Design &d)
{
    std::map<QString, std::pair<QString, FieldMap>> objects; // lowercased id → (id, fields)
    const auto add = [&](const QString &id, FieldMap fields) {
        if (!id.isEmpty())
            objects[id.toLower()] = {id, std::move(fields)};
    };
    const auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    const auto ip = [](const std::optional<net::Ipv4Address> &a) {
        return a ? a->toString() : QString();
    };
    for (const model::Vnet &v : d.vnets) {
        add(v.id, {{QStringLiteral("name"), v.name},
                   {QStringLiteral("role"), model::toString(v.role)},
                   {QStringLiteral("region"), v.region},
                   {QStringLiteral("addressSpace"), prefixesText(v.addressSpace)}});
        for (const model::Subnet &s : v.subnets)
            add(s.id, {{QStringLiteral("name"), s.name},
                       {QStringLiteral("addressPrefix"), prefixesText(s.addressPrefixes())},
                       {QStringLiteral("routeTable"), s.routeTable},
                       {QStringLiteral("networkSecurityGroup"), s.networkSecurityGroup}});
    }
    for (const model::Peering &p : d.peerings)
        add(p.id, {{QStringLiteral("from"), p.from},
                   {QStringLiteral("to"), p.to},
                   {QStringLiteral("allowVirtualNetworkAccess"), flag(p.allowVirtualNetworkAccess)},
                   {QStringLiteral("allowForwardedTraffic"), flag(p.allowForwardedTraffic)},
                   {QStringLiteral("allowGatewayTransit"), flag(p.allowGatewayTransit)},
                   {QStringLiteral("useRemoteGateways"), flag(p.useRemoteGateways)}});
    for (const model::RouteTable &t : d.routeTables) {
        add(t.id, {{QStringLiteral("name"), t.name},
                   {QStringLiteral("disableBgpRoutePropagation"),
                    flag(t.disableBgpRoutePropagation)}});
        for (const model::Route &r : t.routes)
            add(r.id, {{QStringLiteral("name"), r.name},
                       {QStringLiteral("addressPrefix"), r.addressPrefix.toString()},
                       {QStringLiteral("nextHopType"), model::toString(r.nextHopType)},
                       {QStringLiteral("nextHopIpAddress"), ip(r.nextHopIpAddress)}});
    }
    for (const model::Firewall &f : d.firewalls)
        add(f.id, {{QStringLiteral("name"), f.name},
                   {QStringLiteral("subnet"), f.subnet},
                   {QStringLiteral("privateIp"), ip(f.privateIp)},
                   {QStringLiteral("managementNic"), flag(f.managementNic)}});
    for (const model::Gateway &g : d.gateways) {
        add(g.id, {{QStringLiteral("name"), g.name},
                   {QStringLiteral("vnet"), g.vnet},
                   {QStringLiteral("type"), model::toString(g.type)},
                   {QStringLiteral("sku"), g.sku},
                   {QStringLiteral("vpnClientAddressPool"), prefixesText(g.vpnClientAddressPool)},
                   {QStringLiteral("customRoutes"), prefixesText(g.customRoutes)}});
        for (const model::LocalNetwork &s : g.localNetworks)
            add(s.id, {{QStringLiteral("name"), s.name},
                       {QStringLiteral("addressPrefixes"), prefixesText(s.addressPrefixes)}});
    }
    for (const model::Vm &vm : d.vms) {
        QStringList asgs(vm.applicationSecurityGroups.begin(), vm.applicationSecurityGroups.end());
        add(vm.id, {{QStringLiteral("name"), vm.name},
                    {QStringLiteral("subnet"), vm.subnet},
                    {QStringLiteral("privateIp"), ip(vm.privateIp)},
                    {QStringLiteral("enableIPForwarding"), flag(vm.enableIPForwarding)},
                    {QStringLiteral("outbound"), model::toString(vm.outbound)},
                    {QStringLiteral("networkSecurityGroup"), vm.networkSecurityGroup},
                    {QStringLiteral("applicationSecurityGroups"), asgs.join(u',')}});
    }
    for (const model::NetworkSecurityGroup &n : d.networkSecurityGroups) {
        add(n.id, {{QStringLiteral("name"), n.name}});
        for (const model::SecurityRule &r : n.securityRules) {
            QStringList sourceAsgs(r.source.applicationSecurityGroups.begin(),
                                   r.source.applicationSecurityGroups.end());
            QStringList destinationAsgs(r.destination.applicationSecurityGroups.begin(),
                                        r.destination.applicationSecurityGroups.end());
            add(r.id, {{QStringLiteral("name"), r.name},
                       {QStringLiteral("description"), r.description},
                       {QStringLiteral("priority"), QString::number(r.priority)},
                       {QStringLiteral("direction"), model::toString(r.direction)},
                       {QStringLiteral("access"), model::toString(r.access)},
                       {QStringLiteral("protocol"), model::toString(r.protocol)},
                       {QStringLiteral("sourceAddressPrefixes"), sideText(r.source)},
                       {QStringLiteral("sourceApplicationSecurityGroups"), sourceAsgs.join(u',')},
                       {QStringLiteral("sourcePortRanges"), portsText(r.source)},
                       {QStringLiteral("destinationAddressPrefixes"), sideText(r.destination)},
                       {QStringLiteral("destinationApplicationSecurityGroups"),
                        destinationAsgs.join(u',')},
                       {QStringLiteral("destinationPortRanges"), portsText(r.destination)}});
        }
    }
    for (const model::ApplicationSecurityGroup &a : d.applicationSecurityGroups)
        add(a.id, {{QStringLiteral("name"), a.name}});
    return objects;
}

void Importer::applyPrevious(model::Design &design)
{
    const model::Design &old = *m_options.previous;
    // §7 (2): what a person added to the former import, by id.
    design.name = old.name;
    for (model::Vm &vm : design.vms)
        for (const model::Vm &before : old.vms)
            if (!vm.id.isEmpty() && vm.id.compare(before.id, Qt::CaseInsensitive) == 0) {
                vm.stateful = before.stateful;
                vm.proxy = before.proxy;
            }
    for (model::Firewall &f : design.firewalls)
        for (const model::Firewall &before : old.firewalls)
            if (!f.id.isEmpty() && f.id.compare(before.id, Qt::CaseInsensitive) == 0) {
                f.allowAll = before.allowAll;
                f.rules = before.rules;
            }
    const auto endpointExists = [&](const QString &name) {
        return name == model::internetName() || net::Ipv4Address::parse(name) ||
               design.subnet(name) || design.vm(name) || design.firewall(name) ||
               design.client(name) || design.site(name) || design.vnet(name) ||
               design.gateway(name);
    };
    const auto dropped = [&](const QString &what) {
        note({}, QStringLiteral("previous-entry-dropped"),
             QStringLiteral("%1 of the previous design names an object that is gone: dropped")
                 .arg(what));
    };
    for (const model::Client &c : old.clients) {
        if (design.gateway(c.gateway) && (!c.useProxy || design.vm(c.useProxy->vm)) &&
            !endpointExists(c.name))
            design.clients.push_back(c);
        else
            dropped(QStringLiteral("client %1").arg(c.name));
    }
    for (const model::Intent &i : old.intents) {
        if (endpointExists(i.from) && endpointExists(i.to))
            design.intents.push_back(i);
        else
            dropped(QStringLiteral("intent %1 → %2").arg(i.from, i.to));
    }
    design.settings = old.settings;
    for (const model::LayoutPoint &p : old.layout)
        if (p.name == model::internetName() || design.vnet(p.name) || design.client(p.name) ||
            design.site(p.name))
            design.layout.push_back(p);

    // §7 (3): the diff, on the keys the importer writes.
    ImportDiff diff;
    const auto before = importedFields(old);
    const auto after = importedFields(design);
    for (const auto &[lowerId, entry] : after) {
        const auto it = before.find(lowerId);
        if (it == before.end()) {
            diff.added << entry.first;
            continue;
        }
        QStringList fields;
        for (size_t i = 0; i < entry.second.size(); ++i)
            if (i >= it->second.second.size() || entry.second[i] != it->second.second[i])
                fields << entry.second[i].first;
        if (!fields.isEmpty())
            diff.changed.push_back({entry.first, fields});
    }
    for (const auto &[lowerId, entry] : before)
        if (!after.contains(lowerId))
            diff.removed << entry.first;
    m_report.diff = std::move(diff);
}

} // namespace

ImportResult importEstate(const std::vector<InputFile> &files, const ImportOptions &options)
{
    ImportResult result;
    std::vector<InputFile> readable;
    for (const InputFile &file : files)
        if (file.bytes.size() > maxImportFileBytes)
            result.report.skipped.push_back(
                {{}, {}, QStringLiteral("unreadable"), file.name,
                 QStringLiteral("larger than %1 MiB").arg(maxImportFileBytes >> 20)});
        else
            readable.push_back(file);
    const EstateInput input = readEstate(readable, options.templates, result.report);
    result.errors = input.fatalErrors;
    if (input.readableFiles == 0) {
        for (const SkippedResource &s : result.report.skipped)
            if (s.reason == u"unreadable")
                result.errors << QStringLiteral("%1: %2").arg(s.path, s.detail);
        if (result.errors.isEmpty())
            result.errors << QStringLiteral("no input file");
    }
    if (!result.errors.isEmpty()) {
        result.report.sort();
        return result;
    }
    Importer importer(options, result.report);
    result.design = importer.run(input);
    if (!result.design)
        result.errors << QStringLiteral("nothing in the input can be imported: no VNet, route "
                                        "table or security group (see the report)");
    result.report.sort();
    return result;
}

} // namespace hopscope::importing
