#include "import/RouteComparison.h"

#include "import/EstateInput.h"

#include <QJsonArray>

namespace hopscope::importing {

namespace {

QString squeezed(const QString &text)
{
    QString s = text;
    s.remove(u' ');
    return s.toLower();
}

// I9.2: Azure's spellings (with or without spaces, any case) to the one used here.
QString normalisedHopType(const QString &text)
{
    const QString key = squeezed(text);
    if (key == u"vnetlocal" || key == u"virtualnetwork")
        return QStringLiteral("VnetLocal");
    if (key == u"vnetpeering" || key == u"virtualnetworkpeering")
        return QStringLiteral("VNetPeering");
    static const QStringList known = {
        QStringLiteral("VNetGlobalPeering"),   QStringLiteral("VirtualNetworkGateway"),
        QStringLiteral("VirtualAppliance"),    QStringLiteral("Internet"),
        QStringLiteral("None"),                QStringLiteral("VirtualNetworkServiceEndpoint"),
        QStringLiteral("InterfaceEndpoint"),   QStringLiteral("ConnectedGroup")};
    for (const QString &k : known)
        if (k.toLower() == key)
            return k;
    return text;
}

QString normalisedSource(const QString &text)
{
    const QString key = squeezed(text);
    for (const QString &k : {QStringLiteral("Default"), QStringLiteral("User"),
                             QStringLiteral("VirtualNetworkGateway")})
        if (k.toLower() == key)
            return k;
    return text;
}

QString normalisedState(const QString &text)
{
    const QString key = squeezed(text);
    for (const QString &k : {QStringLiteral("Active"), QStringLiteral("Invalid")})
        if (k.toLower() == key)
            return k;
    return text;
}

QStringList stringOrList(const QJsonValue &v)
{
    if (v.isString())
        return {v.toString()};
    QStringList items;
    for (const QJsonValue &item : v.toArray())
        items << item.toString();
    return items;
}

bool isPeering(const QString &hopType)
{
    return hopType == u"VNetPeering" || hopType == u"VNetGlobalPeering";
}

QString hopscopeHopType(const routing::EffectiveRoute &r)
{
    return routing::toString(r.nextHopType);
}

bool sameKey(const AzureRoute &a, const routing::EffectiveRoute &h)
{
    const QString hopType = hopscopeHopType(h);
    return a.addressPrefix == h.addressPrefix && a.source == routing::toString(h.source) &&
           (a.nextHopType == hopType || (isPeering(a.nextHopType) && isPeering(hopType)));
}

bool isReservedNoneRow(const net::Prefix &prefix, const QString &source, const QString &hopType)
{
    static const QStringList reserved = {QStringLiteral("10.0.0.0/8"),
                                         QStringLiteral("172.16.0.0/12"),
                                         QStringLiteral("192.168.0.0/16"),
                                         QStringLiteral("100.64.0.0/10")};
    return source == u"Default" && hopType == u"None" && reserved.contains(prefix.toString());
}

QString describe(const net::Prefix &prefix, const QString &source, const QString &hopType)
{
    return QStringLiteral("%1 %2 %3").arg(prefix.toString(), source, hopType);
}

} // namespace

QString toString(DifferenceSeverity severity)
{
    switch (severity) {
    case DifferenceSeverity::Error:
        return QStringLiteral("error");
    case DifferenceSeverity::Warning:
        return QStringLiteral("warning");
    case DifferenceSeverity::Info:
        break;
    }
    return QStringLiteral("info");
}

std::optional<std::vector<AzureRoute>> readEffectiveRoutes(const QByteArray &bytes, QString *error,
                                                           QStringList *notes)
{
    const auto utf8 = decodeToUtf8(bytes, error);
    if (!utf8)
        return std::nullopt;
    const auto values = parseJsonValues(*utf8, error);
    if (!values)
        return std::nullopt;
    if (values->size() != 1) {
        *error = QStringLiteral("holds %1 JSON values, expected one effective route table")
                     .arg(values->size());
        return std::nullopt;
    }
    const QJsonValue &top = values->front();
    QJsonArray rows;
    if (top.isArray())
        rows = top.toArray();
    else if (top.toObject().value(QLatin1String("value")).isArray())
        rows = top.toObject().value(QLatin1String("value")).toArray();
    else {
        *error = QStringLiteral("not an effective route table: expected {\"value\": [...]} or a "
                                "list (az network nic show-effective-route-table -o json)");
        return std::nullopt;
    }
    std::vector<AzureRoute> routes;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows[i].toObject();
        const QJsonValue hopType = armField(row, u"nextHopType");
        const QJsonValue source = armField(row, u"source");
        if (!rows[i].isObject() || !hopType.isString() || !source.isString()) {
            *error = QStringLiteral("row %1 is not an effective route (it needs source and "
                                    "nextHopType)").arg(i);
            return std::nullopt;
        }
        const QStringList ips = stringOrList(armField(row, u"nextHopIpAddress"));
        for (const QString &prefixText : stringOrList(armField(row, u"addressPrefix"))) {
            if (prefixText.contains(u':')) {
                *notes << QStringLiteral("row %1: IPv6 prefix %2 left out").arg(i).arg(prefixText);
                continue;
            }
            const auto prefix = net::Prefix::parse(prefixText);
            if (!prefix) {
                *error = QStringLiteral("row %1: '%2' is not an IPv4 prefix").arg(i).arg(prefixText);
                return std::nullopt;
            }
            AzureRoute route;
            route.source = normalisedSource(source.toString());
            route.state = normalisedState(armField(row, u"state").toString());
            route.addressPrefix = *prefix;
            route.nextHopType = normalisedHopType(hopType.toString());
            for (const QString &ip : ips)
                if (const auto address = net::Ipv4Address::parse(ip)) {
                    route.nextHopIpAddress = address;
                    break;
                }
            route.name = armField(row, u"name").toString();
            routes.push_back(route);
        }
    }
    return routes;
}

RouteComparison compareEffectiveRoutes(const std::vector<AzureRoute> &azure,
                                       const std::vector<routing::EffectiveRoute> &hopscope)
{
    RouteComparison result;
    result.azureRows = int(azure.size());
    result.hopscopeRows = int(hopscope.size());
    std::vector<bool> paired(hopscope.size(), false);
    const auto add = [&](RouteDifference d) {
        (d.severity == DifferenceSeverity::Error     ? result.errors
         : d.severity == DifferenceSeverity::Warning ? result.warnings
                                                     : result.infos)++;
        result.differences.push_back(std::move(d));
    };
    for (const AzureRoute &a : azure) {
        // I9.3: pair on (prefix, source, next hop type); duplicates pair in order.
        size_t match = hopscope.size();
        for (size_t i = 0; i < hopscope.size(); ++i)
            if (!paired[i] && sameKey(a, hopscope[i])) {
                match = i;
                break;
            }
        RouteDifference d{{}, DifferenceSeverity::Error, a.addressPrefix, a.source,
                          a.nextHopType, a, std::nullopt, {}};
        if (match == hopscope.size()) {
            d.kind = QStringLiteral("only-in-azure");
            if (isReservedNoneRow(a.addressPrefix, a.source, a.nextHopType)) {
                d.kind = QStringLiteral("none-routes-differ");
                d.severity = DifferenceSeverity::Warning;
                d.message = QStringLiteral("Azure has the None route for %1 and Hopscope does not: "
                                           "set `settings.noneRoutesRemovedByDefaultUdr` (R2.5)")
                                .arg(a.addressPrefix.toString());
            } else if (a.source == u"User") {
                d.message = QStringLiteral("Azure has the user route %1 (%2) and the design does "
                                           "not").arg(describe(a.addressPrefix, a.source, a.nextHopType), a.name);
            } else if (a.source == u"VirtualNetworkGateway") {
                d.severity = DifferenceSeverity::Warning;
                d.message = QStringLiteral("Azure has the gateway route %1: BGP-learned or sites "
                                           "not imported").arg(a.addressPrefix.toString());
            } else if (a.source != u"Default" ||
                       QStringList{QStringLiteral("VirtualNetworkServiceEndpoint"),
                                   QStringLiteral("InterfaceEndpoint"),
                                   QStringLiteral("ConnectedGroup"), QStringLiteral("None")}
                           .contains(a.nextHopType) ||
                       !QStringList{QStringLiteral("VnetLocal"), QStringLiteral("VNetPeering"),
                                    QStringLiteral("VNetGlobalPeering"),
                                    QStringLiteral("VirtualNetworkGateway"),
                                    QStringLiteral("VirtualAppliance"), QStringLiteral("Internet")}
                            .contains(a.nextHopType)) {
                d.severity = DifferenceSeverity::Info;
                d.message = QStringLiteral("Azure has %1, which Hopscope does not model")
                                .arg(describe(a.addressPrefix, a.source, a.nextHopType));
            } else {
                d.message = QStringLiteral("Azure has the system route %1 and Hopscope does not")
                                .arg(describe(a.addressPrefix, a.source, a.nextHopType));
            }
            add(d);
            continue;
        }
        paired[match] = true;
        const routing::EffectiveRoute &h = hopscope[match];
        d.hopscope = h;
        const QString hState = routing::toString(h.state);
        if (a.state != hState) {
            RouteDifference s = d;
            s.kind = QStringLiteral("state-differs");
            // §13.7: a gateway route Hopscope invalidates by R5.4 is the documented doubt.
            if (h.source == routing::RouteSource::VirtualNetworkGateway &&
                h.state == routing::RouteState::Invalid)
                s.severity = DifferenceSeverity::Warning;
            s.message = QStringLiteral("%1 is %2 in Azure and %3 in Hopscope")
                            .arg(describe(a.addressPrefix, a.source, a.nextHopType), a.state, hState);
            add(s);
        }
        if (a.nextHopType == u"VirtualAppliance" && a.nextHopIpAddress != h.nextHopIpAddress) {
            RouteDifference s = d;
            s.kind = QStringLiteral("next-hop-ip-differs");
            s.message = QStringLiteral("%1: next hop %2 in Azure, %3 in Hopscope")
                            .arg(describe(a.addressPrefix, a.source, a.nextHopType),
                                 a.nextHopIpAddress ? a.nextHopIpAddress->toString()
                                                    : QStringLiteral("none"),
                                 h.nextHopIpAddress ? h.nextHopIpAddress->toString()
                                                    : QStringLiteral("none"));
            add(s);
        }
        if (isPeering(a.nextHopType) && a.nextHopType != hopscopeHopType(h)) {
            RouteDifference s = d;
            s.kind = QStringLiteral("peering-kind-differs");
            s.severity = DifferenceSeverity::Info;
            s.message = QStringLiteral("%1 is %2 in Azure and %3 in Hopscope: check the VNets' "
                                       "region").arg(a.addressPrefix.toString(), a.nextHopType,
                                                     hopscopeHopType(h));
            add(s);
        }
    }
    for (size_t i = 0; i < hopscope.size(); ++i) {
        if (paired[i])
            continue;
        const routing::EffectiveRoute &h = hopscope[i];
        const QString source = routing::toString(h.source);
        const QString hopType = hopscopeHopType(h);
        RouteDifference d{QStringLiteral("only-in-hopscope"), DifferenceSeverity::Error,
                          h.addressPrefix, source, hopType, std::nullopt, h, {}};
        if (isReservedNoneRow(h.addressPrefix, source, hopType)) {
            d.kind = QStringLiteral("none-routes-differ");
            d.severity = DifferenceSeverity::Warning;
            d.message = QStringLiteral("Hopscope has the None route for %1 and Azure does not: "
                                       "set `settings.noneRoutesRemovedByDefaultUdr` (R2.5)")
                            .arg(h.addressPrefix.toString());
        } else {
            d.message = QStringLiteral("Hopscope has %1%2 and Azure does not")
                            .arg(describe(h.addressPrefix, source, hopType),
                                 h.isUser() ? QStringLiteral(" (%1/%2)").arg(h.routeTable, h.routeName)
                                            : QString());
        }
        add(d);
    }
    return result;
}

} // namespace hopscope::importing
