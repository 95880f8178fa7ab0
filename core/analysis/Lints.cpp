#include "analysis/Lints.h"

#include "format/ValueGrammar.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace hopscope::analysis {

using model::Device;
using model::NextHopType;
using net::Prefix;

namespace {

struct Linter
{
    const model::Network &network;
    const model::Design &design;
    std::vector<Finding> &findings;

    void add(const char *code, Severity severity, text::Message message, QStringList objects)
    {
        findings.push_back(makeFinding(code, severity, std::move(message), std::move(objects)));
    }

    // Network::subnets() indices of the subnets a route table (by name) is attached to, in
    // order: built once, as lints of every route ask (an estate has thousands of subnets).
    QHash<QString, std::vector<int>> tableUsers;
    const std::vector<int> &subnetsOf(const QString &table)
    {
        if (tableUsers.isEmpty()) {
            tableUsers.insert(QString(), {}); // built, even with no table attached
            for (int i = 0; i < int(network.subnets().size()); ++i)
                if (const model::RouteTable *t = network.subnets()[size_t(i)].routeTable)
                    tableUsers[t->name].push_back(i);
        }
        static const std::vector<int> none;
        const auto it = tableUsers.constFind(table);
        return it == tableUsers.cend() || table.isEmpty() ? none : *it;
    }

    // Network::devices() indices of the firewalls in each subnet, in order: built once, as
    // every firewall subnet asks (an estate has thousands of devices and tens of hubs).
    std::vector<std::vector<int>> firewallsBySubnet;
    const std::vector<int> &firewallsIn(int subnet)
    {
        if (firewallsBySubnet.empty()) {
            firewallsBySubnet.resize(network.subnets().size());
            for (int d = 0; d < int(network.devices().size()); ++d)
                if (const Device &device = network.devices()[size_t(d)]; device.firewall)
                    firewallsBySubnet[size_t(device.subnet)].push_back(d);
        }
        return firewallsBySubnet[size_t(subnet)];
    }

    // Subnets (qualified names) that a route table is attached to.
    QStringList subnetsUsing(const QString &table)
    {
        QStringList names;
        for (const int i : subnetsOf(table))
            names << network.subnets()[size_t(i)].qualifiedName;
        return names;
    }

    void addressing()
    {
        for (const model::Vnet &v : design.vnets) {
            // format.md additions: every prefix of a subnet with several must lie inside the
            // address space, and overlap checks use every prefix.
            for (const model::Subnet &s : v.subnets)
                for (const Prefix &sp : s.addressPrefixes()) {
                    const bool inside =
                        std::any_of(v.addressSpace.begin(), v.addressSpace.end(),
                                    [&](const Prefix &p) { return p.contains(sp); });
                    if (!inside)
                        add("subnet-outside-address-space", Severity::Error,
                            text::findingText(
                                QT_TRANSLATE_NOOP(
                                    "Finding", "subnet %1/%2 (%3) lies outside %1's address space "
                                               "(%4): Azure refuses such a subnet. Move the subnet "
                                               "into the address space or add a range that holds "
                                               "it."),
                                {v.name, s.name, sp.toString(),
                                 format::formatPrefixes(v.addressSpace)}),
                            {model::qualifiedSubnetName(v.name, s.name)});
                }
            // One finding per pair of subnets, naming their first overlapping prefixes.
            auto firstOverlap = [](const model::Subnet &x, const model::Subnet &y)
                -> std::optional<std::pair<Prefix, Prefix>> {
                for (const Prefix &a : x.addressPrefixes())
                    for (const Prefix &b : y.addressPrefixes())
                        if (a.overlaps(b))
                            return std::pair{a, b};
                return std::nullopt;
            };
            for (size_t i = 0; i < v.subnets.size(); ++i)
                for (size_t j = i + 1; j < v.subnets.size(); ++j)
                    if (const auto overlap = firstOverlap(v.subnets[i], v.subnets[j]))
                        add("subnet-overlap", Severity::Error,
                            text::findingText(
                                QT_TRANSLATE_NOOP(
                                    "Finding", "subnets %1/%2 (%3) and %1/%4 (%5) overlap: Azure "
                                               "refuses overlapping subnets in one VNet. Give one "
                                               "of them a free range."),
                                {v.name, v.subnets[i].name, overlap->first.toString(),
                                 v.subnets[j].name, overlap->second.toString()}),
                            {model::qualifiedSubnetName(v.name, v.subnets[i].name),
                             model::qualifiedSubnetName(v.name, v.subnets[j].name)});
        }
        // Devices: an address outside the subnet, in Azure's reserved addresses, or taken twice.
        QHash<std::uint32_t, QString> taken;
        for (const Device &d : network.devices()) {
            if (!(d.vm || d.firewall) || !d.ip)
                continue;
            const model::Subnet &s = *network.subnets()[d.subnet].subnet;
            const QString &subnetName = network.subnets()[d.subnet].qualifiedName;
            // The prefix holding the address, of any of the subnet's prefixes.
            const std::vector<Prefix> prefixes = s.addressPrefixes();
            const auto holding = std::find_if(prefixes.begin(), prefixes.end(),
                                              [&](const Prefix &p) { return p.contains(*d.ip); });
            if (holding == prefixes.end())
                add("ip-outside-subnet", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1's address %2 is outside its subnet %3 (%4): a NIC takes "
                                       "its address from its subnet. Pick an address inside it."),
                        {d.name, d.ip->toString(), subnetName, format::formatPrefixes(prefixes)}),
                    {d.name});
            else if (holding->length() <= 29 &&
                     (d.ip->value() - holding->address().value() < 4 ||
                      *d.ip == holding->last()))
                add("reserved-address", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1's address %2 is one Azure reserves in %3 (the first four "
                            "and the last, R10.1); the first usable host is %4."),
                        {d.name, d.ip->toString(), subnetName,
                         holding->firstUsableAzureHost().toString()}),
                    {d.name});
            const auto previous = taken.constFind(d.ip->value());
            if (previous != taken.cend())
                add("duplicate-ip", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP("Finding",
                                          "%1 and %2 both use %3: an address belongs to one NIC. "
                                          "Give one of them another address."),
                        {*previous, d.name, d.ip->toString()}),
                    {*previous, d.name});
            else
                taken.insert(d.ip->value(), d.name);
        }
    }

    void peerings()
    {
        QSet<QPair<QString, QString>> seen;
        for (const model::Peering &p : design.peerings) {
            const auto key = qMakePair(p.from, p.to);
            if (p.from == p.to)
                add("peering-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1 is peered with itself: Azure peers two different VNets. "
                                       "Remove this peering."),
                        {p.from}),
                    {p.from});
            else if (seen.contains(key))
                add("peering-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "the peering %1 → %2 is defined twice: Azure keeps one link "
                                       "per direction. Remove the duplicate."),
                        {p.from, p.to}),
                    {p.from, p.to});
            seen.insert(key);
        }
        for (const model::PeeringLink &l : network.links()) {
            const QString &from = network.vnets()[l.from].vnet->name;
            const QString &to = network.vnets()[l.to].vnet->name;
            if (l.from == l.to)
                continue;
            if (!l.connected)
                add("peering-one-sided", Severity::Warning,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "the peering %1 → %2 has no %2 → %1 direction, so it stays "
                                       "Initiated and carries nothing (R8.3). Add the other "
                                       "direction."),
                        {from, to}),
                    {from, to});
            if (l.from < l.to && l.connected) {
                // L15, R8.2: peered VNets must not overlap.
                for (const Prefix &a : network.vnets()[l.from].vnet->addressSpace)
                    for (const Prefix &b : network.vnets()[l.to].vnet->addressSpace)
                        if (a.overlaps(b))
                            add("overlapping-address-space", Severity::Error,
                                text::findingText(
                                    QT_TRANSLATE_NOOP(
                                        "Finding",
                                        "peered VNets %1 (%2) and %3 (%4) overlap: Azure "
                                        "refuses to peer overlapping address spaces "
                                        "(R8.2, L15). Re-address one of them."),
                                    {from, a.toString(), to, b.toString()}),
                                {from, to});
            }
        }
        // L14, R8.6: gateway transit.
        QHash<int, int> useRemoteCount;
        for (const model::PeeringLink &l : network.links()) {
            if (!l.peering->useRemoteGateways)
                continue;
            const QString &from = network.vnets()[l.from].vnet->name;
            const QString &to = network.vnets()[l.to].vnet->name;
            ++useRemoteCount[l.from];
            const model::PeeringLink *back = network.link(l.to, l.from);
            const auto &remoteGateways = network.vnets()[l.to].ownGateways;
            text::Message why;
            if (!network.vnets()[l.from].ownGateways.empty())
                why = text::findingText(QT_TRANSLATE_NOOP("Finding", "%1 has a gateway of its own"),
                                        {from});
            else if (remoteGateways.empty())
                why = text::findingText(QT_TRANSLATE_NOOP("Finding", "%1 has no gateway"), {to});
            else if (!back || !back->peering->allowGatewayTransit)
                why = text::findingText(
                    QT_TRANSLATE_NOOP("Finding", "the %1 → %2 link does not allow gateway transit"),
                    {to, from});
            else if (network.devices()[remoteGateways.front()].gatewayObject->sku ==
                     QLatin1String("Basic"))
                why = text::findingText(
                    QT_TRANSLATE_NOOP("Finding", "%1's gateway is Basic SKU, which has no transit"),
                    {to});
            if (!why.isEmpty())
                add("use-remote-gateways-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "the peering %1 → %2 sets useRemoteGateways, but %3: Azure "
                                       "rejects it (R8.6, L14)."),
                        {from, to, why}),
                    {from, to});
        }
        for (auto it = useRemoteCount.cbegin(); it != useRemoteCount.cend(); ++it)
            if (it.value() > 1)
                add("use-remote-gateways-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1 sets useRemoteGateways on %2 peerings; Azure allows one "
                                       "(R8.6, L14)."),
                        {network.vnets()[it.key()].vnet->name, QString::number(it.value())}),
                    {network.vnets()[it.key()].vnet->name});
    }

    void pools()
    {
        // L15, R9.1: a P2S pool must not overlap a VNet or an on-premises range.
        for (const model::Gateway &g : design.gateways)
            for (const Prefix &pool : g.vpnClientAddressPool) {
                for (const model::Vnet &v : design.vnets)
                    for (const Prefix &p : v.addressSpace)
                        if (pool.overlaps(p))
                            add("pool-overlap", Severity::Error,
                                text::findingText(
                                    QT_TRANSLATE_NOOP(
                                        "Finding",
                                        "%1's P2S pool %2 overlaps %3 (%4): clients "
                                        "would get addresses Azure routes into the VNet "
                                        "(R9.1, L15). Pick a pool outside every VNet and "
                                        "site."),
                                    {g.name, pool.toString(), v.name, p.toString()}),
                                {g.name, v.name});
                for (const model::Gateway &other : design.gateways)
                    for (const model::LocalNetwork &site : other.localNetworks)
                        for (const Prefix &p : site.addressPrefixes)
                            if (pool.overlaps(p))
                                add("pool-overlap", Severity::Error,
                                    text::findingText(
                                        QT_TRANSLATE_NOOP(
                                            "Finding", "%1's P2S pool %2 overlaps on-premises site "
                                                       "%3 (%4) (R9.1, L15). Pick another pool."),
                                        {g.name, pool.toString(), site.name, p.toString()}),
                                    {g.name, site.name});
            }
    }

    void routeTables()
    {
        for (const model::RouteTable &t : design.routeTables) {
            const QStringList users = subnetsUsing(t.name);
            QHash<Prefix, QString> byPrefix;
            for (const model::Route &r : t.routes) {
                const text::Message where = text::findingText(
                    QT_TRANSLATE_NOOP("Finding", "route '%1' in %2"), {r.name, t.name});
                if (byPrefix.contains(r.addressPrefix))
                    add("duplicate-route-prefix", Severity::Error,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding", "%1 repeats the prefix %2 of route '%3': a table holds "
                                           "each prefix once (R6.2). Merge or remove one."),
                            {where, r.addressPrefix.toString(), byPrefix[r.addressPrefix]}),
                        {t.name});
                byPrefix.insert(r.addressPrefix, r.name);
                if (r.nextHopType != NextHopType::VirtualAppliance && r.nextHopIpAddress)
                    add("next-hop-ip-not-allowed", Severity::Error,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding", "%1 has next hop type %2 and a next hop IP %3: only "
                                           "VirtualAppliance routes take one. Remove the address "
                                           "or change the type."),
                            {where, model::toString(r.nextHopType),
                             r.nextHopIpAddress->toString()}),
                        {t.name});
                if (r.nextHopType == NextHopType::VirtualAppliance && r.nextHopIpAddress)
                    nextHop(t, r);
                if (r.nextHopType == NextHopType::VirtualNetworkGateway)
                    gatewayNextHop(t, r, users);
            }
        }
    }

    // L11, L7, L8: a VirtualAppliance next hop must be a forwarding device the subnet can reach.
    void nextHop(const model::RouteTable &t, const model::Route &r)
    {
        const text::Message where =
            text::findingText(QT_TRANSLATE_NOOP("Finding", "route '%1' in %2"), {r.name, t.name});
        const int owner = network.ownerOf(*r.nextHopIpAddress);
        if (owner < 0 || !(network.devices()[owner].vm || network.devices()[owner].firewall)) {
            // Suggest the firewall whose address differs least, the likely intended one.
            text::Message suggestion;
            std::uint32_t best = ~0u;
            for (const Device &d : network.devices())
                if (d.firewall && d.ip) {
                    const std::uint32_t distance = std::uint32_t(
                        std::abs(qint64(d.ip->value()) - qint64(r.nextHopIpAddress->value())));
                    if (distance < best) {
                        best = distance;
                        suggestion = text::findingText(
                            QT_TRANSLATE_NOOP("Finding", " Did you mean %1 (%2)?"),
                            {d.ip->toString(), d.name});
                    }
                }
            add("next-hop-unowned", Severity::Error,
                text::findingText(
                    QT_TRANSLATE_NOOP("Finding",
                                      "%1 sends %2 to %3, which no VM, NVA or firewall owns: every "
                                      "packet that takes it is dropped (blackhole, L11).%4"),
                    {where, r.addressPrefix.toString(), r.nextHopIpAddress->toString(),
                     suggestion}),
                {t.name});
            return;
        }
        const Device &d = network.devices()[owner];
        for (const int i : subnetsOf(t.name)) {
            const model::SubnetIndex &s = network.subnets()[size_t(i)];
            if (d.vnet != s.vnet && !network.peered(s.vnet, d.vnet) &&
                (network.link(s.vnet, d.vnet) || network.link(d.vnet, s.vnet))) {
                // §14: a peering defined one way only is the cause, not the distance.
                add("peering-not-connected", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1 sends %2 to %3 (%4 in %5), but the peering between %6's "
                                       "VNet and %5 is defined in one direction only, so it is not "
                                       "connected and every packet that takes the route is dropped "
                                       "(R8.3). Define the peering in both directions."),
                        {where, r.addressPrefix.toString(), r.nextHopIpAddress->toString(), d.name,
                         network.vnets()[d.vnet].vnet->name, s.qualifiedName}),
                    {t.name, d.name});
                break;
            }
            if (d.vnet != s.vnet && !network.peered(s.vnet, d.vnet)) {
                add("next-hop-unreachable", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1 sends %2 to %3 (%4 in %5), but %6 is neither in that VNet "
                            "nor directly peered with it: Azure cannot hand the packet "
                            "over (R4.3b, L11). Peer the VNets or use an appliance in "
                            "reach."),
                        {where, r.addressPrefix.toString(), r.nextHopIpAddress->toString(), d.name,
                         network.vnets()[d.vnet].vnet->name, s.qualifiedName}),
                    {t.name, d.name});
                break;
            }
        }
        if (d.vm && !d.vm->enableIPForwarding)
            add("ip-forwarding-disabled", Severity::Error,
                text::findingText(
                    QT_TRANSLATE_NOOP(
                        "Finding", "%1 sends %2 to %3 (%4), whose NIC has IP forwarding off: Azure "
                                   "drops every packet not addressed to it (R4.3a, L7). Turn on "
                                   "enableIPForwarding (and forwarding in the OS)."),
                    {where, r.addressPrefix.toString(), r.nextHopIpAddress->toString(), d.name}),
                {d.name, t.name});
        for (const int i : subnetsOf(t.name))
            if (const model::SubnetIndex &s = network.subnets()[size_t(i)];
                network.subnets()[d.subnet].subnet == s.subnet && d.vm &&
                r.addressPrefix.contains(s.subnet->addressPrefix))
                add("appliance-in-source-subnet", Severity::Warning,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1 sends %2 to %3, which sits in %4 itself: the appliance's "
                            "own traffic takes the same route back to it, a loop (R4.3c, "
                            "L8). Put the appliance in a subnet of its own."),
                        {where, r.addressPrefix.toString(), d.name, s.qualifiedName}),
                    {d.name, t.name});
    }

    // L17, R4.4: a UDR to VirtualNetworkGateway needs a VPN gateway in reach.
    void gatewayNextHop(const model::RouteTable &t, const model::Route &r,
                        const QStringList &users)
    {
        for (const QString &subnet : users) {
            const int vnet = network.subnets()[network.subnetIndex(subnet)].vnet;
            const int g = network.vnets()[vnet].servingGateway;
            const bool vpn = g >= 0 &&
                             network.devices()[g].gatewayObject->type == model::GatewayType::Vpn;
            const bool er = std::any_of(
                network.vnets()[vnet].ownGateways.begin(), network.vnets()[vnet].ownGateways.end(),
                [&](int d) {
                    return network.devices()[d].gatewayObject->type ==
                           model::GatewayType::ExpressRoute;
                });
            if (!vpn || er)
                add("gateway-next-hop-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "route '%1' in %2 sends %3 to VirtualNetworkGateway, but %4's "
                            "VNet has %5: Azure allows this next hop only towards a VPN "
                            "gateway, alone (R4.4, L17)."),
                        {r.name, t.name, r.addressPrefix.toString(), subnet,
                         er ? text::findingText(
                                  QT_TRANSLATE_NOOP("Finding", "an ExpressRoute gateway"))
                            : text::findingText(QT_TRANSLATE_NOOP("Finding", "no VPN gateway"))}),
                    {t.name});
        }
    }

    void specialSubnets()
    {
        for (const auto &s : network.subnets()) {
            const model::RouteTable *t = s.routeTable;
            const QString &vnetName = network.vnets()[s.vnet].vnet->name;
            if (s.subnet->name == model::gatewaySubnetName() && t) {
                // L2's inputs, once per subnet: a hub's GatewaySubnet table has a route per
                // spoke, and each route is compared with every peer's address space.
                const std::vector<int> links = network.linksFrom(s.vnet);
                std::vector<Prefix> routed;
                for (const model::Route &r : t->routes)
                    routed.push_back(r.addressPrefix);
                std::ranges::sort(routed);
                for (const model::Route &r : t->routes) {
                    if (r.addressPrefix.length() == 0)
                        add("gateway-subnet-default-route", Severity::Warning,
                            text::findingText(
                                QT_TRANSLATE_NOOP(
                                    "Finding",
                                    "route '%1' in %2 sends 0.0.0.0/0 from %3: a default "
                                    "route on GatewaySubnet is not supported, and a "
                                    "gateway cannot be created while it is attached "
                                    "(R7.1, L10). Send specific prefixes (each spoke) to "
                                    "the firewall instead."),
                                {r.name, t->name, s.qualifiedName}),
                            {t->name, s.qualifiedName});
                    else if (r.nextHopType == NextHopType::VirtualAppliance)
                        summaryRoute(s, *t, r, links, routed);
                }
                if (t->disableBgpRoutePropagation)
                    add("gateway-subnet-propagation-disabled", Severity::Warning,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "%1 disables gateway route propagation on %2: the gateway "
                                "stops working (R7.1, L10). Keep propagation on."),
                            {t->name, s.qualifiedName}),
                        {t->name, s.qualifiedName});
            }
            if (s.subnet->name == model::firewallSubnetName() && t) {
                // L9, R7.2 (§13.6): without a management NIC the table needs 0/0 → Internet.
                bool everyFirewallHasManagementNic = true;
                QStringList firewalls;
                for (const int f : firewallsIn(int(&s - network.subnets().data()))) {
                    const Device &d = network.devices()[size_t(f)];
                    firewalls << d.name;
                    everyFirewallHasManagementNic &= d.firewall->managementNic;
                }
                const bool defaultToInternet =
                    std::any_of(t->routes.begin(), t->routes.end(), [](const model::Route &r) {
                        return r.addressPrefix.length() == 0 &&
                               r.nextHopType == NextHopType::Internet;
                    });
                if (!defaultToInternet && (firewalls.isEmpty() || !everyFirewallHasManagementNic))
                    add("firewall-subnet-default-route", Severity::Error,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding", "%1 on %2 has no 0.0.0.0/0 → Internet route and %3 no "
                                           "management NIC: ARM rejects the association "
                                           "(AzureFirewallSubnetRouteTableMustHaveDefaultRouteTo"
                                           "Internet, R7.2, L9). Add 0.0.0.0/0 → Internet, or "
                                           "create the firewall with a management NIC "
                                           "(forced-tunnel mode)."),
                            {t->name, s.qualifiedName,
                             firewalls.isEmpty()
                                 ? text::findingText(
                                       QT_TRANSLATE_NOOP("Finding", "no firewall there has"))
                                 : text::findingText(QT_TRANSLATE_NOOP("Finding", "%1 has"),
                                                     {firewalls.join(QStringLiteral(", "))})}),
                        QStringList{t->name, s.qualifiedName} + firewalls);
            }
            if (s.subnet->name == QLatin1String("AzureBastionSubnet") && t)
                add("bastion-subnet-route-table", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1 is attached to %2: AzureBastionSubnet does not support "
                                       "route tables (R7.4). Detach it."),
                        {t->name, s.qualifiedName}),
                    {t->name, s.qualifiedName});
            Q_UNUSED(vnetName)
        }
    }

    // L2: a GatewaySubnet UDR that covers a peered VNet's more specific peering route.
    // `links` are the subnet's VNet's peering links (Network::linksFrom), `routed` the sorted
    // prefixes of the table's routes.
    void summaryRoute(const model::SubnetIndex &s, const model::RouteTable &t,
                      const model::Route &r, const std::vector<int> &links,
                      const std::vector<Prefix> &routed)
    {
        for (const int index : links) {
            const model::PeeringLink &l = network.links()[size_t(index)];
            if (!l.connected)
                continue;
            for (const Prefix &p : network.vnets()[l.to].vnet->addressSpace)
                if (r.addressPrefix.contains(p) && r.addressPrefix != p &&
                    !std::ranges::binary_search(routed, p))
                    add("gateway-subnet-summary-route", Severity::Warning,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "route '%1' in %2 sends %3 from %4 to %5, but the peering "
                                "route %6 to %7 is more specific and wins: traffic from "
                                "tunnels to %7 bypasses the appliance (R5.3, L2). Add "
                                "a route for %6 itself."),
                            {r.name, t.name, r.addressPrefix.toString(), s.qualifiedName,
                             r.nextHopIpAddress->toString(), p.toString(),
                             network.vnets()[l.to].vnet->name}),
                        {t.name});
        }
    }

    // L3: a spoke's 0/0 → appliance loses to more specific gateway routes it learns: the
    // on-premises prefixes (R5.3) and, by the same propagation, the P2S client pool (R9.2).
    void defaultRouteVersusGatewayRoutes()
    {
        for (const model::RouteTable &t : design.routeTables) {
            if (t.disableBgpRoutePropagation)
                continue;
            const bool defaultToAppliance =
                std::any_of(t.routes.begin(), t.routes.end(), [](const model::Route &r) {
                    return r.addressPrefix.length() == 0 &&
                           r.nextHopType == NextHopType::VirtualAppliance;
                });
            if (!defaultToAppliance)
                continue;
            for (const int i : subnetsOf(t.name)) {
                const model::SubnetIndex &s = network.subnets()[size_t(i)];
                if (s.routeTable != &t || model::isSpecialSubnetName(s.subnet->name))
                    continue;
                const int g = network.vnets()[s.vnet].servingGateway;
                if (g < 0)
                    continue;
                const model::Gateway *gw = network.devices()[g].gatewayObject;
                const bool sites = !gw->localNetworks.empty();
                const bool pool = !gw->vpnClientAddressPool.empty();
                if (!sites && !pool)
                    continue;
                const text::Message learnt =
                    sites && pool
                        ? text::findingText(QT_TRANSLATE_NOOP("Finding", "on-premises prefixes and "
                                                                         "P2S client pool"))
                    : sites
                        ? text::findingText(QT_TRANSLATE_NOOP("Finding", "on-premises prefixes"))
                        : text::findingText(QT_TRANSLATE_NOOP("Finding", "P2S client pool"));
                const text::Message bypassed =
                    sites && pool ? text::findingText(QT_TRANSLATE_NOOP(
                                        "Finding", "on-premises and to P2S clients"))
                    : sites       ? text::findingText(QT_TRANSLATE_NOOP("Finding", "on-premises"))
                                  : text::findingText(QT_TRANSLATE_NOOP("Finding", "P2S clients"));
                add("gateway-routes-bypass-firewall", Severity::Warning,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1 sends 0.0.0.0/0 to an appliance but keeps gateway route "
                            "propagation on, so %2 learns %3's %4, which are more "
                            "specific: traffic to %5 bypasses the appliance (R5.3, R9.2, "
                            "L3). Set disableBgpRoutePropagation on %1, and route the "
                            "spokes through the appliance on the GatewaySubnet."),
                        {t.name, s.qualifiedName, network.devices()[g].name, learnt, bypassed}),
                    {t.name, s.qualifiedName});
                break;
            }
        }
    }

    // L20, R8.5: an appliance that relays traffic between VNets needs forwarded traffic allowed
    // on the links of the VNets that send to it. A static prediction is a warning (cli.md);
    // the sweeps report an error for every link a walk is refused on, and checkDesign drops
    // the prediction for such a link.
    void forwardedTraffic()
    {
        QSet<QPair<int, int>> reported;
        for (const model::RouteTable &t : design.routeTables)
            for (const model::Route &r : t.routes) {
                if (r.nextHopType != NextHopType::VirtualAppliance || !r.nextHopIpAddress)
                    continue;
                const int owner = network.ownerOf(*r.nextHopIpAddress);
                if (owner < 0 || !(network.devices()[owner].firewall ||
                                   network.devices()[owner].vm))
                    continue;
                const int applianceVnet = network.devices()[owner].vnet;
                for (const int i : subnetsOf(t.name)) {
                    const model::SubnetIndex &s = network.subnets()[size_t(i)];
                    if (s.routeTable != &t || s.vnet == applianceVnet ||
                        !network.peered(s.vnet, applianceVnet))
                        continue;
                    const model::PeeringLink *in = network.link(s.vnet, applianceVnet);
                    if (in->peering->allowForwardedTraffic ||
                        reported.contains(qMakePair(s.vnet, applianceVnet)))
                        continue;
                    reported.insert(qMakePair(s.vnet, applianceVnet));
                    const QString &from = network.vnets()[s.vnet].vnet->name;
                    const QString &to = network.vnets()[applianceVnet].vnet->name;
                    add("forwarded-traffic-not-allowed", Severity::Warning,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "%1 sends traffic to %2 in %3, which relays traffic from "
                                "other networks back into %1, but the peering %1 → %3 "
                                "does not allow forwarded traffic: those packets are "
                                "dropped at the peering (R8.5, L20). Set "
                                "allowForwardedTraffic on it."),
                            {from, network.devices()[owner].name, to}),
                        {from, to, t.name});
                }
            }
    }

    // L19, R9.6: clients forced into the tunnel with no supported Internet breakout.
    void forcedTunnelClients()
    {
        if (design.settings.p2sInternetBreakout == model::P2sInternetBreakout::Allow)
            return;
        for (const Device &g : network.devices()) {
            if (g.kind != model::DeviceKind::Gateway || g.subnet < 0)
                continue;
            const auto *pushed = network.clientRoutes(network.deviceIndex(g.name));
            const net::Ipv4Address probe(0x08080808); // 8.8.8.8 stands for the Internet
            if (!pushed || !pushed->longestMatch(probe))
                continue;
            const model::RouteTable *t = network.subnets()[g.subnet].routeTable;
            const bool viaAppliance =
                t && std::any_of(t->routes.begin(), t->routes.end(), [](const model::Route &r) {
                    return r.addressPrefix.length() == 0 &&
                           r.nextHopType == NextHopType::VirtualAppliance;
                });
            if (viaAppliance)
                continue; // reported as gateway-subnet-default-route
            add("p2s-no-internet-breakout", Severity::Warning,
                text::findingText(
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "%1 pushes routes that send its P2S clients' Internet traffic "
                        "into the tunnel, but a VPN gateway drops Internet-bound client "
                        "traffic (R9.6, L19, unclear in Azure's docs): only traffic to a "
                        "proxy or another private address gets through."),
                    {g.name}),
                {g.name});
        }
    }

    void clientsProfiles()
    {
        // L18, R9.4: Windows clients freeze their routes when they download the profile.
        for (const model::Gateway &g : design.gateways)
            if (!g.customRoutes.empty() && !g.vpnClientAddressPool.empty())
                add("p2s-profile-refresh", Severity::Info,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1 pushes custom routes to its P2S clients: Windows clients "
                            "get them (and any peering change) only after downloading "
                            "the VPN profile again (R9.4, L18)."),
                        {g.name}),
                    {g.name});
    }
};

} // namespace

void lintDesign(const model::Network &network, std::vector<Finding> &findings)
{
    Linter linter{network, network.design(), findings};
    linter.addressing();
    linter.peerings();
    linter.pools();
    linter.routeTables();
    linter.specialSubnets();
    linter.defaultRouteVersusGatewayRoutes();
    linter.forwardedTraffic();
    linter.forcedTunnelClients();
    linter.clientsProfiles();
}

void lintProxies(const model::Network &network, const proxy::ProxyConfigs &configs,
                 std::vector<Finding> &findings)
{
    const model::Design &design = network.design();
    auto add = [&](const char *code, Severity severity, text::Message message,
                   QStringList objects) {
        findings.push_back(makeFinding(code, severity, std::move(message), std::move(objects)));
    };
    for (const model::Vm &vm : design.vms) {
        if (!vm.proxy)
            continue;
        const proxy::SquidConfig *config = configs.forVm(vm.name);
        // Clients set to this proxy must use a port it listens on.
        for (const model::Client &c : design.clients) {
            if (!c.useProxy || c.useProxy->vm != vm.name)
                continue;
            const bool listens = config && config->wasRead() ? config->listensOn(c.useProxy->port)
                                                             : c.useProxy->port == vm.proxy->port;
            if (!listens)
                add("proxy-port-not-listening", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1 sends its web traffic to %2 port %3, but the proxy listens "
                            "on %4: every request is refused. Set the client's useProxy "
                            "port to the proxy's http_port."),
                        {c.name, vm.name, QString::number(c.useProxy->port),
                         config && config->wasRead()
                             ? text::findingText(QT_TRANSLATE_NOOP("Finding", "other ports"))
                             : text::Message::verbatim(QString::number(vm.proxy->port))}),
                    {c.name, vm.name});
        }
        if (!config)
            continue;
        const QString path = configs.pathFor(vm.name);
        QStringList problems;
        for (const proxy::ConfigDiagnostic &d : config->diagnostics())
            if (d.severity != proxy::ConfigDiagnostic::Severity::Info)
                problems << d.toString();
        if (!config->wasRead() || config->hasErrors()) {
            add("proxy-config-unusable", Severity::Error,
                text::findingText(
                    QT_TRANSLATE_NOOP("Finding", "%1's configuration %2 cannot be used: %3"),
                    {vm.name, path, problems.join(QStringLiteral("; "))}),
                {vm.name});
            continue;
        }
        if (!problems.isEmpty())
            add("proxy-config-not-understood", Severity::Warning,
                text::findingText(
                    QT_TRANSLATE_NOOP(
                        "Finding", "%1's %2 has lines Hopscope does not evaluate, so verdicts that "
                                   "depend on them are reported as undecidable, never guessed: %3"),
                    {vm.name, path, problems.join(QStringLiteral("; "))}),
                {vm.name});
        proxy::Decision how;
        if (config->admitsFromAnywhere(&how))
            add("open-proxy", Severity::Warning,
                text::findingText(
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "%1 admits clients from anywhere (%2): anyone who reaches it can "
                        "use it to browse as your network. Restrict http_access to your "
                        "clients' ranges (e.g. the P2S pool) and end with 'http_access "
                        "deny all'."),
                    {vm.name, how.rule ? text::Message::verbatim(
                                             QStringLiteral("%1:%2 '%3'")
                                                 .arg(QFileInfo(how.rule->location.file).fileName())
                                                 .arg(how.rule->location.line)
                                                 .arg(how.rule->location.text))
                                       : text::findingText(QT_TRANSLATE_NOOP(
                                             "Finding", "the implicit last rule"))}),
                {vm.name});
        // Each P2S pool whose clients use this proxy must be admitted for HTTPS.
        QSet<QString> gateways;
        for (const model::Client &c : design.clients)
            if (c.useProxy && c.useProxy->vm == vm.name)
                gateways.insert(c.gateway);
        for (const model::Gateway &g : design.gateways) {
            if (!gateways.contains(g.name))
                continue;
            for (const Prefix &pool : g.vpnClientAddressPool) {
                const auto request = proxy::ProxyRequest::make(
                    proxy::SquidAddress::fromIpv4(pool.firstHost().value()),
                    QStringLiteral("CONNECT"), QStringLiteral("203.0.113.10:443"));
                if (!request)
                    continue;
                const proxy::Decision d = config->evaluate(*request);
                if (d.verdict == proxy::Decision::Verdict::Deny)
                    add("proxy-denies-pool", Severity::Warning,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "%1 denies HTTPS from %2's P2S pool %3 (%4), yet clients "
                                "of that pool are set to use it. Add an allow rule for "
                                "the pool."),
                            {vm.name, g.name, pool.toString(),
                             d.rule ? text::Message::verbatim(
                                          QStringLiteral("%1:%2 '%3'")
                                              .arg(QFileInfo(d.rule->location.file).fileName())
                                              .arg(d.rule->location.line)
                                              .arg(d.rule->location.text))
                                    : text::findingText(
                                          QT_TRANSLATE_NOOP("Finding", "the implicit last rule"))}),
                        {vm.name, g.name});
            }
        }
    }
}

} // namespace hopscope::analysis
