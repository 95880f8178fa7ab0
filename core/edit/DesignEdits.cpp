#include "edit/DesignEdits.h"

#include "model/Network.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopscope::edit {

using namespace model;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("DesignEdits", text); }

// Addresses already taken inside `subnet` (qualified): explicit or default (.4) device IPs.
QSet<quint32> usedHosts(const Design &design, const QString &subnet)
{
    QSet<quint32> used;
    const Subnet *s = design.subnet(subnet);
    auto note = [&](const std::optional<Ipv4Address> &ip) {
        if (ip)
            used.insert(ip->value());
        else if (s)
            used.insert(s->addressPrefix.firstUsableAzureHost().value());
    };
    for (const Firewall &fw : design.firewalls) {
        if (fw.subnet == subnet)
            note(fw.privateIp);
    }
    for (const Vm &vm : design.vms) {
        if (vm.subnet == subnet)
            note(vm.privateIp);
    }
    return used;
}

std::optional<Ipv4Address> freeHost(const Design &design, const QString &subnet)
{
    const Subnet *s = design.subnet(subnet);
    if (!s)
        return std::nullopt;
    const QSet<quint32> used = usedHosts(design, subnet);
    // Azure keeps the first four and the last address (R10.1).
    for (quint64 a = s->addressPrefix.firstUsableAzureHost().value();
         a < quint64(s->addressPrefix.last().value()); ++a) {
        if (!used.contains(quint32(a)))
            return Ipv4Address(quint32(a));
    }
    return std::nullopt;
}

// The lowest /24 of 172.16.0.0/12 (P2S pools) or 192.168.0.0/16 (sites) that no pool, site or
// address space in the design overlaps.
std::optional<Prefix> freeOutsidePrefix(const Design &design, Prefix range)
{
    return firstFreePrefix(takenRanges(design), 24, {range});
}

void setLayout(Design &design, const QString &name, std::optional<QPointF> position)
{
    if (!position)
        return;
    std::erase_if(design.layout, [&](const LayoutPoint &p) { return p.name == name; });
    design.layout.push_back({name, std::round(position->x()), std::round(position->y())});
}

// The gateway `name`; empty: the design's first VPN gateway.
Gateway *gatewayNamed(Design &design, const QString &name)
{
    if (!name.isEmpty())
        return design.gateway(name);
    const auto vpn = std::ranges::find(design.gateways, GatewayType::Vpn, &Gateway::type);
    return vpn == design.gateways.end() ? nullptr : &*vpn;
}

// Ensures `vnet` has the special subnet `name` of at least `length` bits; returns false with
// `error` set when its address space has no room.
bool ensureSpecialSubnet(Design &design, const QString &vnet, const QString &name, int length,
                         QString *error)
{
    Vnet *v = design.vnet(vnet);
    if (!v) {
        *error = tr("There is no VNet named %1.").arg(vnet);
        return false;
    }
    if (v->subnet(name))
        return true;
    const std::optional<Prefix> prefix = freeSubnetPrefix(*v, length);
    if (!prefix) {
        *error = tr("%1 has no free /%2 for its %3.").arg(vnet).arg(length).arg(name);
        return false;
    }
    v->subnets.push_back({name, *prefix, QString()});
    return true;
}

QString renamedReference(const QString &reference, const QString &from, const QString &to)
{
    if (reference == from)
        return to;
    if (reference.startsWith(from + u'/'))
        return to + reference.mid(from.size());
    return reference;
}

} // namespace

bool nameTaken(const Design &design, const QString &name)
{
    if (name == internetName())
        return true;
    // NSG and ASG names join the shared namespace (format.md additions).
    return design.vnet(name) || design.routeTable(name) || design.firewall(name) ||
           design.gateway(name) || design.vm(name) || design.client(name) || design.site(name) ||
           design.networkSecurityGroup(name) || design.applicationSecurityGroup(name);
}

QString numberedName(const Design &design, const QString &base)
{
    for (int n = 1;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        if (!nameTaken(design, candidate))
            return candidate;
    }
}

QString uniqueName(const Design &design, const QString &base)
{
    if (!nameTaken(design, base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        if (!nameTaken(design, candidate))
            return candidate;
    }
}

QString whyNotName(const Design &design, const ObjectId &object, const QString &name)
{
    if (name == object.name())
        return {};
    if (!isValidName(name))
        return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
    if (name == internetName())
        return tr("'Internet' is reserved.");
    if (object.is(ObjectId::Kind::Subnet)) { // unique within its VNet
        const Vnet *v = design.vnet(object.vnet());
        return v && v->subnet(name)
                   ? tr("%1 already has a subnet named %2.").arg(object.vnet(), name)
                   : QString();
    }
    if (nameTaken(design, name))
        return tr("The name %1 is already used in this design.").arg(name);
    return {};
}

std::optional<Prefix> nextFreeAddressSpace(const Design &design)
{
    std::vector<Prefix> taken;
    for (const Vnet &v : design.vnets)
        taken.insert(taken.end(), v.addressSpace.begin(), v.addressSpace.end());
    for (quint32 n = 0; n < 256; ++n) {
        const Prefix candidate(Ipv4Address((10u << 24) | (n << 16)), 16);
        if (!overlapsAny(candidate, taken))
            return candidate;
    }
    return std::nullopt;
}

std::optional<Prefix> freeSubnetPrefix(const Vnet &vnet, int length)
{
    std::vector<Prefix> taken;
    for (const Subnet &s : vnet.subnets)
        taken.push_back(s.addressPrefix);
    return firstFreePrefix(taken, length, vnet.addressSpace);
}

std::vector<Prefix> takenRanges(const Design &design)
{
    std::vector<Prefix> taken;
    for (const Vnet &v : design.vnets)
        taken.insert(taken.end(), v.addressSpace.begin(), v.addressSpace.end());
    for (const Gateway &g : design.gateways) {
        taken.insert(taken.end(), g.vpnClientAddressPool.begin(), g.vpnClientAddressPool.end());
        for (const LocalNetwork &site : g.localNetworks)
            taken.insert(taken.end(), site.addressPrefixes.begin(), site.addressPrefixes.end());
    }
    return taken;
}

bool overlapsAny(const Prefix &prefix, const std::vector<Prefix> &others)
{
    return std::ranges::any_of(others, [&](const Prefix &o) { return o.overlaps(prefix); });
}

std::optional<Prefix> firstFreePrefix(const std::vector<Prefix> &taken, int length,
                                      const std::vector<Prefix> &ranges)
{
    for (const Prefix &range : ranges) {
        if (range.length() > length)
            continue;
        const quint64 step = quint64(1) << (32 - length);
        for (quint64 a = range.first().value(); a <= range.last().value(); a += step) {
            const Prefix candidate(Ipv4Address(quint32(a)), length);
            if (!overlapsAny(candidate, taken))
                return candidate;
        }
    }
    return std::nullopt;
}

ObjectId addVnet(Design &design, VnetRole role, std::optional<QPointF> position, QString *error)
{
    const std::optional<Prefix> space = nextFreeAddressSpace(design);
    if (!space) {
        *error = tr("Every 10.x.0.0/16 is taken.");
        return {};
    }
    Vnet vnet;
    vnet.name = numberedName(design, role == VnetRole::Hub ? QStringLiteral("hub")
                                                           : QStringLiteral("spoke"));
    vnet.role = role;
    vnet.addressSpace = {*space};
    if (role == VnetRole::Spoke)
        vnet.subnets.push_back({QStringLiteral("workload"), Prefix(space->address(), 24), {}});
    design.vnets.push_back(vnet);
    setLayout(design, vnet.name, position);
    return ObjectId::object(vnet.name);
}

ObjectId addSubnet(Design &design, const QString &vnet, QString *error)
{
    Vnet *v = design.vnet(vnet);
    if (!v) {
        *error = tr("Drop a subnet into a VNet.");
        return {};
    }
    const std::optional<Prefix> prefix = freeSubnetPrefix(*v, 24);
    if (!prefix) {
        *error = tr("%1 has no free /24.").arg(vnet);
        return {};
    }
    QString name = QStringLiteral("subnet-1");
    for (int n = 2; v->subnet(name); ++n)
        name = QStringLiteral("subnet-") + QString::number(n);
    v->subnets.push_back({name, *prefix, {}});
    return ObjectId::subnet(vnet, name);
}

ObjectId addFirewall(Design &design, const QString &vnet, QString *error)
{
    // Azure Firewall needs its own AzureFirewallSubnet, at least a /26 (R7.2).
    if (!ensureSpecialSubnet(design, vnet, firewallSubnetName(), firewallSubnetLength, error))
        return {};
    Firewall fw;
    fw.name = uniqueName(design, QStringLiteral("fw-") + vnet.toLower());
    fw.subnet = qualifiedSubnetName(vnet, firewallSubnetName());
    fw.privateIp = freeHost(design, fw.subnet);
    design.firewalls.push_back(fw);
    return ObjectId::object(fw.name);
}

ObjectId addGateway(Design &design, const QString &vnet, QString *error)
{
    if (design.vnet(vnet) && design.gatewayIn(vnet)) {
        *error = tr("%1 already has a gateway.").arg(vnet);
        return {};
    }
    // A VPN gateway sits in GatewaySubnet, /27 or larger (R7.1).
    if (!ensureSpecialSubnet(design, vnet, gatewaySubnetName(), gatewaySubnetLength, error))
        return {};
    Gateway gw;
    gw.name = uniqueName(design, QStringLiteral("vpngw-") + vnet.toLower());
    gw.vnet = vnet;
    design.gateways.push_back(gw);
    return ObjectId::object(gw.name);
}

ObjectId addVm(Design &design, const ObjectId &target, layout::DeviceKind kind, QString *error)
{
    const bool intoSubnet = target.is(ObjectId::Kind::Subnet);
    const QString vnetName = intoSubnet ? target.vnet() : target.name();
    QString subnetName = intoSubnet ? target.name() : QString();
    Vnet *v = target.is(ObjectId::Kind::Object) || intoSubnet ? design.vnet(vnetName) : nullptr;
    if (!v) {
        *error = tr("Drop a VM into a VNet or a subnet.");
        return {};
    }
    if (!subnetName.isEmpty() && isSpecialSubnetName(subnetName))
        subnetName.clear(); // VMs may not live in GatewaySubnet or AzureFirewallSubnet
    if (subnetName.isEmpty()) {
        const auto ordinary = std::ranges::find_if(
            v->subnets, [](const Subnet &s) { return !isSpecialSubnetName(s.name); });
        if (ordinary != v->subnets.end()) {
            subnetName = ordinary->name;
        } else {
            const ObjectId added = addSubnet(design, vnetName, error);
            if (added.isNull())
                return {};
            subnetName = added.name();
        }
    }
    Vm vm;
    const QString base = kind == layout::DeviceKind::Proxy ? QStringLiteral("proxy")
                         : kind == layout::DeviceKind::Nva ? QStringLiteral("nva")
                                                           : QStringLiteral("vm");
    vm.name = numberedName(design, base);
    vm.subnet = qualifiedSubnetName(vnetName, subnetName);
    vm.privateIp = freeHost(design, vm.subnet);
    if (kind == layout::DeviceKind::Nva) {
        vm.enableIPForwarding = true;
        vm.stateful = true;
    }
    if (kind == layout::DeviceKind::Proxy) {
        vm.proxy = ProxyService{};
        vm.outbound = OutboundMethod::PublicIp;
    }
    design.vms.push_back(vm);
    return ObjectId::object(vm.name);
}

ObjectId addClient(Design &design, const QString &gateway, std::optional<QPointF> position,
                   QString *error)
{
    Gateway *gw = gatewayNamed(design, gateway);
    if (!gw) {
        *error = tr("A P2S client connects to a VPN gateway: add one first.");
        return {};
    }
    if (gw->vpnClientAddressPool.empty()) {
        const std::optional<Prefix> pool = freeOutsidePrefix(
            design, Prefix(Ipv4Address((172u << 24) | (16u << 16)), 12));
        if (!pool) {
            *error = tr("No free P2S client pool in 172.16.0.0/12.");
            return {};
        }
        gw->vpnClientAddressPool.push_back(*pool);
    }
    QSet<quint32> used;
    for (const Client &c : design.clients) {
        if (c.gateway == gw->name && c.ip)
            used.insert(c.ip->value());
    }
    const Prefix pool = gw->vpnClientAddressPool.front();
    Client client;
    client.name = numberedName(design, QStringLiteral("client"));
    client.gateway = gw->name;
    for (quint64 a = pool.first().value() + 2; a < pool.last().value(); ++a) {
        if (!used.contains(quint32(a))) {
            client.ip = Ipv4Address(quint32(a));
            break;
        }
    }
    design.clients.push_back(client);
    setLayout(design, client.name, position);
    return ObjectId::object(client.name);
}

ObjectId addSite(Design &design, const QString &gateway, std::optional<QPointF> position,
                 QString *error)
{
    Gateway *gw = gatewayNamed(design, gateway);
    if (!gw) {
        *error = tr("An on-premises site is reached through a gateway: add one first.");
        return {};
    }
    const std::optional<Prefix> prefix =
        freeOutsidePrefix(design, Prefix(Ipv4Address((192u << 24) | (168u << 16)), 16));
    if (!prefix) {
        *error = tr("No free /24 in 192.168.0.0/16 for the site.");
        return {};
    }
    const QString name = numberedName(design, QStringLiteral("onprem"));
    gw->localNetworks.push_back({name, {*prefix}});
    setLayout(design, name, position);
    return ObjectId::object(name);
}

namespace {

// The route suggestedRoute() proposes before it makes sure the table lacks its prefix.
Route likelyRoute(const Design &design, const QString &table)
{
    Route internet;
    internet.addressPrefix = Prefix();
    internet.nextHopType = NextHopType::Internet;
    const RouteTable *t = design.routeTable(table);
    if (!t)
        return internet;
    QSet<QString> ownVnets;
    bool firewallSubnet = false, gatewaySubnet = false;
    for (const Vnet &v : design.vnets)
        for (const Subnet &s : v.subnets)
            if (s.routeTable == table) {
                ownVnets.insert(v.name);
                firewallSubnet |= s.name == firewallSubnetName();
                gatewaySubnet |= s.name == gatewaySubnetName();
            }
    if (firewallSubnet)
        return internet;

    // The appliance: an Azure Firewall in one of the table's VNets or a VNet peered with one,
    // else any Azure Firewall, else an NVA.
    auto near = [&](const QString &qualifiedSubnet) {
        const QString vnet = qualifiedSubnet.section(u'/', 0, 0);
        if (ownVnets.contains(vnet))
            return true;
        return std::ranges::any_of(design.peerings, [&](const Peering &p) {
            return p.to == vnet && ownVnets.contains(p.from);
        });
    };
    std::optional<Ipv4Address> ip;
    QString appliance, applianceVnet;
    auto take = [&](const QString &name, const QString &subnet,
                    const std::optional<Ipv4Address> &address) {
        if (const Subnet *s = design.subnet(subnet)) {
            ip = address.value_or(Network::workloadAddress(*s));
            appliance = name;
            applianceVnet = subnet.section(u'/', 0, 0);
        }
    };
    for (const bool nearOnly : {true, false})
        for (const Firewall &fw : design.firewalls)
            if (!ip && (!nearOnly || near(fw.subnet)))
                take(fw.name, fw.subnet, fw.privateIp);
    for (const Vm &vm : design.vms)
        if (!ip && layout::deviceKind(vm) == layout::DeviceKind::Nva)
            take(vm.name, vm.subnet, vm.privateIp);
    if (!ip)
        return internet;

    auto routed = [&](const Prefix &p) {
        return std::ranges::find(t->routes, p, &Route::addressPrefix) != t->routes.end();
    };
    Route route;
    route.nextHopType = NextHopType::VirtualAppliance;
    route.nextHopIpAddress = ip;
    if (!gatewaySubnet && !routed(Prefix())) {
        route.name = QStringLiteral("default-via-%1").arg(appliance);
        return route; // 0.0.0.0/0
    }
    for (const Vnet &v : design.vnets) {
        if (ownVnets.contains(v.name) || v.name == applianceVnet)
            continue;
        for (const Prefix &p : v.addressSpace)
            if (!routed(p)) {
                route.addressPrefix = p;
                route.name = QStringLiteral("%1-via-%2").arg(v.name, appliance);
                return route;
            }
    }
    // Then the ranges beyond the VNets, by the same appliance: the P2S pools (replies to VPN
    // clients) and the on-premises sites.
    // GatewaySubnet is where those ranges come in, not where they are routed to.
    for (const Gateway &gw : design.gateways) {
        if (gatewaySubnet)
            break;
        std::vector<Prefix> remote = gw.vpnClientAddressPool;
        for (const LocalNetwork &site : gw.localNetworks)
            remote.insert(remote.end(), site.addressPrefixes.begin(), site.addressPrefixes.end());
        for (const Prefix &p : remote)
            if (!routed(p)) {
                route.addressPrefix = p;
                route.name = QStringLiteral("%1-via-%2")
                                 .arg(gw.vpnClientAddressPool.empty() ||
                                              !std::ranges::count(gw.vpnClientAddressPool, p)
                                          ? QStringLiteral("onprem")
                                          : QStringLiteral("vpn-pool"),
                                      appliance);
                return route;
            }
    }
    return internet;
}

} // namespace

Route suggestedRoute(const Design &design, const QString &table)
{
    Route route = likelyRoute(design, table);
    const RouteTable *t = design.routeTable(table);
    if (!t)
        return route;
    auto routed = [&](const Prefix &p) {
        return std::ranges::find(t->routes, p, &Route::addressPrefix) != t->routes.end();
    };
    if (!routed(route.addressPrefix))
        return route;
    // Issue 16: never a prefix the table has already (a second route for it is a conflict ARM
    // refuses): a range nothing uses, dropped (None), harmless until the user makes it theirs.
    for (quint32 n = 0; n < 256; ++n) {
        const Prefix p(Ipv4Address((10u << 24) | (n << 16)), 16);
        const bool used = std::ranges::any_of(design.vnets, [&](const Vnet &v) {
            return std::ranges::any_of(v.addressSpace, [&](const Prefix &a) { return a.overlaps(p); });
        });
        if (!used && !routed(p)) {
            Route none;
            none.addressPrefix = p;
            none.nextHopType = NextHopType::None;
            return none;
        }
    }
    return route;
}

std::vector<NextHopCandidate> nextHopCandidates(const Design &design)
{
    std::vector<NextHopCandidate> candidates;
    auto offer = [&](const QString &name, layout::DeviceKind kind, const QString &subnet,
                     const std::optional<Ipv4Address> &ip) {
        if (const Subnet *s = design.subnet(subnet))
            candidates.push_back({name, kind, ip.value_or(Network::workloadAddress(*s))});
    };
    for (const Firewall &fw : design.firewalls)
        offer(fw.name, layout::DeviceKind::Firewall, fw.subnet, fw.privateIp);
    // L7: a VM without IP forwarding drops what is not addressed to it.
    for (const Vm &vm : design.vms) {
        const layout::DeviceKind kind = layout::deviceKind(vm);
        if (kind == layout::DeviceKind::Nva || kind == layout::DeviceKind::Proxy)
            offer(vm.name, kind, vm.subnet, vm.privateIp);
    }
    return candidates;
}

QList<ObjectId> subnetsForVms(const Design &design)
{
    QList<ObjectId> subnets;
    for (const Vnet &v : design.vnets) {
        for (const Subnet &s : v.subnets) {
            if (!isSpecialSubnetName(s.name)) // R7.1–R7.5: Azure's services only
                subnets << ObjectId::subnet(v.name, s.name);
        }
    }
    return subnets;
}

ObjectId addRouteTable(Design &design, const ObjectId &subnet)
{
    RouteTable table;
    // Named after its VNet and subnet (rt-spoke-1-workload): two spokes' "workload" subnets
    // get tables that say whose they are.
    const bool attach = subnet.is(ObjectId::Kind::Subnet);
    table.name = attach ? uniqueName(design, QStringLiteral("rt-%1-%2")
                                                 .arg(subnet.vnet().toLower(), subnet.name().toLower()))
                        : numberedName(design, QStringLiteral("rt"));
    design.routeTables.push_back(table);
    if (Subnet *s = attach ? design.subnet(subnet.qualifiedSubnet()) : nullptr)
        s->routeTable = table.name;
    return ObjectId::object(table.name);
}

ObjectId addSecurityGroup(Design &design, const ObjectId &target)
{
    NetworkSecurityGroup group;
    Subnet *subnet = target.is(ObjectId::Kind::Subnet) ? design.subnet(target.qualifiedSubnet())
                                                       : nullptr;
    Vm *vm = target.is(ObjectId::Kind::Object) ? design.vm(target.name()) : nullptr;
    // Named as a new route table is, after what it filters: nsg-spoke-1-workload, nsg-vm-1.
    const QString base = subnet ? QStringLiteral("nsg-%1-%2").arg(target.vnet(), target.name())
                         : vm   ? QStringLiteral("nsg-%1").arg(vm->name)
                                : QString();
    group.name = base.isEmpty() ? numberedName(design, QStringLiteral("nsg"))
                                : uniqueName(design, base.toLower());
    design.networkSecurityGroups.push_back(group);
    if (subnet)
        subnet->networkSecurityGroup = group.name;
    else if (vm)
        vm->networkSecurityGroup = group.name;
    return ObjectId::object(group.name);
}

ObjectId addPeering(Design &design, const QString &a, const QString &b, QString *error)
{
    if (a == b || !design.vnet(a) || !design.vnet(b)) {
        *error = tr("A peering joins two different VNets.");
        return {};
    }
    const bool ab = design.peering(a, b), ba = design.peering(b, a);
    if (ab && ba) {
        *error = tr("%1 and %2 are already peered.").arg(a, b);
        return {};
    }
    if (!ab)
        design.peerings.push_back({a, b});
    if (!ba)
        design.peerings.push_back({b, a});
    return ObjectId::peering(a, b);
}

void rename(Design &design, const ObjectId &object, const QString &newName)
{
    if (object.name() == newName)
        return;
    if (object.is(ObjectId::Kind::Subnet)) {
        const QString from = object.qualifiedSubnet();
        const QString newQualified = qualifiedSubnetName(object.vnet(), newName);
        if (Subnet *s = design.subnet(from))
            s->name = newName;
        for (Firewall &fw : design.firewalls) {
            if (fw.subnet == from)
                fw.subnet = newQualified;
        }
        for (Vm &vm : design.vms) {
            if (vm.subnet == from)
                vm.subnet = newQualified;
        }
        for (Intent &i : design.intents) {
            if (i.from == from)
                i.from = newQualified;
            if (i.to == from)
                i.to = newQualified;
        }
        return;
    }
    if (!object.is(ObjectId::Kind::Object))
        return; // peerings, tunnels and site links have no name of their own
    const QString &from = object.name();
    auto ref = [&](QString &r) { r = renamedReference(r, from, newName); };
    for (Vnet &v : design.vnets) {
        ref(v.name);
        for (Subnet &s : v.subnets) {
            if (s.routeTable == from)
                s.routeTable = newName;
            if (s.networkSecurityGroup == from)
                s.networkSecurityGroup = newName;
        }
    }
    for (Peering &p : design.peerings) {
        ref(p.from);
        ref(p.to);
    }
    for (RouteTable &t : design.routeTables)
        ref(t.name);
    for (NetworkSecurityGroup &g : design.networkSecurityGroups)
        ref(g.name);
    for (Firewall &fw : design.firewalls) {
        ref(fw.name);
        ref(fw.subnet);
    }
    for (Gateway &g : design.gateways) {
        ref(g.name);
        ref(g.vnet);
        for (LocalNetwork &site : g.localNetworks)
            ref(site.name);
    }
    for (Vm &vm : design.vms) {
        ref(vm.name);
        ref(vm.subnet);
        if (vm.networkSecurityGroup == from)
            vm.networkSecurityGroup = newName;
    }
    for (Client &c : design.clients) {
        ref(c.name);
        ref(c.gateway);
        if (c.useProxy)
            ref(c.useProxy->vm);
    }
    for (Intent &i : design.intents) {
        ref(i.from);
        ref(i.to);
    }
    for (LayoutPoint &p : design.layout)
        ref(p.name);
}

void remove(Design &design, const QList<ObjectId> &ids)
{
    QSet<QString> gone; // names and qualified subnets removed, for the cascade below
    for (const ObjectId &id : ids) {
        switch (id.kind()) {
        case ObjectId::Kind::Peering: {
            const auto [a, b] = id.peers();
            std::erase_if(design.peerings, [&](const Peering &p) {
                return (p.from == a && p.to == b) || (p.from == b && p.to == a);
            });
            break;
        }
        case ObjectId::Kind::Subnet:
            gone.insert(id.qualifiedSubnet());
            if (Vnet *v = design.vnet(id.vnet()))
                std::erase_if(v->subnets, [&](const Subnet &s) { return s.name == id.name(); });
            break;
        case ObjectId::Kind::Object: gone.insert(id.name()); break;
        case ObjectId::Kind::None:
        case ObjectId::Kind::Tunnel:
        case ObjectId::Kind::SiteLink: break; // drawn with their client or site, not deleted alone
        }
    }
    // A VNet takes its subnets, devices and peerings with it; a subnet its devices; a gateway
    // its clients and sites; anything referring to a removed object goes too, so that the
    // design stays loadable.
    auto inGone = [&](const QString &ref) {
        return gone.contains(ref) || gone.contains(ref.section(u'/', 0, 0));
    };
    std::erase_if(design.vnets, [&](const Vnet &v) { return gone.contains(v.name); });
    std::erase_if(design.peerings, [&](const Peering &p) { return inGone(p.from) || inGone(p.to); });
    std::erase_if(design.routeTables, [&](const RouteTable &t) { return gone.contains(t.name); });
    std::erase_if(design.networkSecurityGroups,
                  [&](const NetworkSecurityGroup &g) { return gone.contains(g.name); });
    for (Vnet &v : design.vnets) {
        for (Subnet &s : v.subnets) {
            if (gone.contains(s.routeTable))
                s.routeTable.clear();
            if (gone.contains(s.networkSecurityGroup))
                s.networkSecurityGroup.clear();
        }
    }
    std::erase_if(design.firewalls, [&](const Firewall &fw) {
        return gone.contains(fw.name) || inGone(fw.subnet) || !design.subnet(fw.subnet);
    });
    for (const Gateway &g : design.gateways) {
        if (gone.contains(g.name) || inGone(g.vnet))
            gone.insert(g.name);
    }
    std::erase_if(design.gateways, [&](const Gateway &g) { return gone.contains(g.name); });
    for (Gateway &g : design.gateways)
        std::erase_if(g.localNetworks, [&](const LocalNetwork &s) { return gone.contains(s.name); });
    for (const Vm &vm : design.vms) {
        if (gone.contains(vm.name) || inGone(vm.subnet) || !design.subnet(vm.subnet))
            gone.insert(vm.name);
    }
    std::erase_if(design.vms, [&](const Vm &vm) { return gone.contains(vm.name); });
    for (Vm &vm : design.vms) {
        if (gone.contains(vm.networkSecurityGroup))
            vm.networkSecurityGroup.clear();
    }
    std::erase_if(design.clients, [&](const Client &c) {
        return gone.contains(c.name) || gone.contains(c.gateway);
    });
    for (Client &c : design.clients) {
        if (c.useProxy && gone.contains(c.useProxy->vm))
            c.useProxy.reset();
    }
    std::erase_if(design.intents, [&](const Intent &i) { return inGone(i.from) || inGone(i.to); });
    // Names of everything still there, to drop layout entries of whatever went.
    std::erase_if(design.layout, [&](const LayoutPoint &p) {
        return p.name != internetName() && !nameTaken(design, p.name);
    });
}

void setProxy(Design &design, const QString &vm, bool on)
{
    Vm *proxyVm = design.vm(vm);
    if (!proxyVm)
        return;
    if (on) {
        if (!proxyVm->proxy)
            proxyVm->proxy = ProxyService{};
        return;
    }
    proxyVm->proxy.reset();
    for (Client &c : design.clients) {
        if (c.useProxy && c.useProxy->vm == vm)
            c.useProxy.reset();
    }
}

void setSubnetPrefix(Design &design, const ObjectId &subnet, const Prefix &prefix,
                     const Design *gestureStart)
{
    const QString qualified = subnet.toString();
    Subnet *s = design.subnet(qualified);
    if (!s)
        return;
    const Design &origin = gestureStart && gestureStart->subnet(qualified) ? *gestureStart : design;
    const Prefix old = origin.subnet(qualified)->addressPrefix;
    s->addressPrefix = prefix;
    if (old == prefix)
        return;
    // Where each device sat at the start of the gesture, by name.
    QHash<QString, Ipv4Address> sat;
    for (const Firewall &fw : origin.firewalls) {
        if (fw.subnet == qualified && fw.privateIp)
            sat.insert(fw.name, *fw.privateIp);
    }
    for (const Vm &vm : origin.vms) {
        if (vm.subnet == qualified && vm.privateIp)
            sat.insert(vm.name, *vm.privateIp);
    }
    // Azure keeps the first four and the last address (R10.1).
    auto usable = [&](quint64 a) {
        return a >= quint64(prefix.firstUsableAzureHost().value()) &&
               a < quint64(prefix.last().value()) && prefix.contains(Ipv4Address(quint32(a)));
    };
    std::vector<std::pair<std::optional<Ipv4Address> *, Ipv4Address>> unplaced;
    auto move = [&](const QString &name, const QString &deviceSubnet,
                    std::optional<Ipv4Address> &ip) {
        if (deviceSubnet != qualified || !sat.contains(name))
            return;
        const Ipv4Address before = sat.value(name);
        if (!old.contains(before))
            return;
        const quint64 moved = quint64(prefix.address().value()) +
                              (before.value() - old.address().value());
        if (usable(moved))
            ip = Ipv4Address(quint32(moved));
        else
            unplaced.emplace_back(&ip, before);
    };
    for (Firewall &fw : design.firewalls)
        move(fw.name, fw.subnet, fw.privateIp);
    for (Vm &vm : design.vms)
        move(vm.name, vm.subnet, vm.privateIp);
    // Offsets the new prefix cannot hold: the first free hosts, once the others have moved.
    // An old address the new prefix still holds is kept when no other device took it.
    for (const auto &[ip, before] : unplaced) {
        *ip = before;
        const QSet<quint32> others = [&] {
            QSet<quint32> used;
            for (const Firewall &fw : design.firewalls)
                if (fw.subnet == qualified && fw.privateIp && &fw.privateIp != ip)
                    used.insert(fw.privateIp->value());
            for (const Vm &vm : design.vms)
                if (vm.subnet == qualified && vm.privateIp && &vm.privateIp != ip)
                    used.insert(vm.privateIp->value());
            return used;
        }();
        if (!usable(before.value()) || others.contains(before.value()))
            *ip = freeHost(design, qualified);
    }
}

int rebaseRelativePaths(Design &design, const QString &from, const QString &to)
{
    if (from.isEmpty() || to.isEmpty() || QDir(from) == QDir(to))
        return 0;
    int rewritten = 0;
    for (Vm &vm : design.vms) {
        if (!vm.proxy || vm.proxy->config.isEmpty() || QDir::isAbsolutePath(vm.proxy->config))
            continue;
        const QString target = QDir(from).absoluteFilePath(vm.proxy->config);
        if (!QFileInfo::exists(target))
            continue;
        const QString rebased = QDir(to).relativeFilePath(QDir::cleanPath(target));
        if (rebased != vm.proxy->config) {
            vm.proxy->config = rebased;
            ++rewritten;
        }
    }
    return rewritten;
}

ServedPort servedPort(const Design &design, const QString &from, const QString &to)
{
    for (const Intent &intent : design.intents) {
        if (intent.from == from && intent.to == to)
            return {intent.port, intent.protocol};
    }
    if (const Vm *vm = design.vm(to); vm && vm->proxy)
        return {vm->proxy->port, Protocol::Tcp};
    return {};
}

bool isTraceEndpoint(const Design &design, const ObjectId &id)
{
    if (id.is(ObjectId::Kind::Subnet))
        return design.subnet(id.toString()) != nullptr;
    if (!id.is(ObjectId::Kind::Object))
        return false;
    const QString &name = id.name();
    return name == internetName() || design.vm(name) || design.firewall(name) ||
           design.gateway(name) || design.client(name) || design.site(name);
}

QList<ObjectId> subnetsUsingTable(const Design &design, const QString &table)
{
    QList<ObjectId> subnets;
    for (const Vnet &v : design.vnets) {
        for (const Subnet &s : v.subnets) {
            if (s.routeTable == table)
                subnets << ObjectId::subnet(v.name, s.name);
        }
    }
    return subnets;
}

QString vnetOf(const Design &design, const ObjectId &id)
{
    if (id.is(ObjectId::Kind::Subnet))
        return id.vnet();
    if (!id.is(ObjectId::Kind::Object))
        return {};
    const QString &name = id.name();
    if (design.vnet(name))
        return name;
    if (const Firewall *fw = design.firewall(name))
        return ObjectId::parse(fw->subnet).vnet();
    if (const Gateway *gw = design.gateway(name))
        return gw->vnet;
    if (const Vm *vm = design.vm(name))
        return ObjectId::parse(vm->subnet).vnet();
    return {};
}

QString describePeering(const QString &from, const QString &to)
{
    return tr("peering %1 → %2").arg(from, to);
}

QString describe(const Design &design, const ObjectId &object)
{
    switch (object.kind()) {
    case ObjectId::Kind::None: return tr("design");
    case ObjectId::Kind::Peering: return tr("peering %1 ↔ %2").arg(object.name(), object.vnet());
    case ObjectId::Kind::Subnet: return tr("subnet %1").arg(object.qualifiedSubnet());
    case ObjectId::Kind::Tunnel: return tr("P2S tunnel of %1").arg(object.name());
    case ObjectId::Kind::SiteLink: return tr("link of on-premises site %1").arg(object.name());
    case ObjectId::Kind::Object: break;
    }
    const QString &id = object.name();
    if (id == internetName())
        return id;
    if (const Vnet *v = design.vnet(id)) {
        switch (v->role) {
        case VnetRole::Hub: return tr("hub VNet %1").arg(id);
        case VnetRole::Spoke: return tr("spoke VNet %1").arg(id);
        case VnetRole::Other: break;
        }
        return tr("VNet %1").arg(id);
    }
    if (design.routeTable(id))
        return tr("route table %1").arg(id);
    if (design.networkSecurityGroup(id))
        return tr("NSG %1").arg(id);
    if (design.firewall(id))
        return tr("firewall %1").arg(id);
    if (const Gateway *g = design.gateway(id))
        return (g->type == GatewayType::Vpn ? tr("VPN gateway %1") : tr("ExpressRoute gateway %1"))
            .arg(id);
    if (const Vm *vm = design.vm(id)) {
        switch (layout::deviceKind(*vm)) {
        case layout::DeviceKind::Proxy: return tr("proxy VM %1").arg(id);
        case layout::DeviceKind::Nva: return tr("NVA %1").arg(id);
        default: return tr("VM %1").arg(id);
        }
    }
    if (design.client(id))
        return tr("P2S client %1").arg(id);
    if (design.site(id))
        return tr("on-premises site %1").arg(id);
    return id;
}

bool applyHubSpokeSettings(Design &design, const QString &a, const QString &b, QString *why,
                           QString *summary)
{
    const Vnet *va = design.vnet(a);
    const Vnet *vb = design.vnet(b);
    QString hub, spoke;
    if (va && vb && va->role == VnetRole::Hub && vb->role == VnetRole::Spoke) {
        hub = a;
        spoke = b;
    } else if (va && vb && vb->role == VnetRole::Hub && va->role == VnetRole::Spoke) {
        hub = b;
        spoke = a;
    } else {
        *why = tr("Hub-and-spoke settings are for a peering between a hub VNet and a spoke VNet.");
        return false;
    }
    const Gateway *hubGateway = design.gatewayIn(hub);
    // R8.6: the Basic VPN SKU offers no transit.
    const bool transit = hubGateway && hubGateway->sku != QLatin1String("Basic");
    // L14: a VNet with its own gateway cannot use a remote one, and only one of its peerings
    // may use remote gateways.
    const bool spokeHasGateway = design.gatewayIn(spoke) != nullptr;
    const bool spokeUsesAnother = std::ranges::any_of(design.peerings, [&](const Peering &p) {
        return p.from == spoke && p.to != hub && p.useRemoteGateways;
    });

    auto ensure = [&](const QString &from, const QString &to) {
        if (!design.peering(from, to))
            design.peerings.push_back({from, to});
    };
    ensure(hub, spoke);
    ensure(spoke, hub);
    for (Peering &p : design.peerings) {
        const bool out = p.from == hub && p.to == spoke;
        const bool in = p.from == spoke && p.to == hub;
        if (!out && !in)
            continue;
        // R8.5: the hub's firewall relays spoke traffic, which each side receives as forwarded.
        p.allowForwardedTraffic = true;
        if (out && transit)
            p.allowGatewayTransit = true;
        if (in && transit && !spokeHasGateway && !spokeUsesAnother)
            p.useRemoteGateways = true;
    }

    if (summary) {
        QStringList lines{tr("Allows forwarded traffic both ways.")};
        if (!hubGateway)
            lines << tr("%1 has no gateway, so there is no gateway transit.").arg(hub);
        else if (!transit)
            lines << tr("%1 is Basic SKU, which offers no gateway transit.").arg(hubGateway->name);
        else if (spokeHasGateway)
            lines << tr("%1 shares gateway %2 (gateway transit); %3 keeps its own gateway.")
                         .arg(hub, hubGateway->name, spoke);
        else if (spokeUsesAnother)
            lines << tr("%1 shares gateway %2 (gateway transit); %3 already uses a remote "
                        "gateway over another peering.")
                         .arg(hub, hubGateway->name, spoke);
        else
            lines << tr("%1 uses %2's gateway %3 (gateway transit, use remote gateways).")
                         .arg(spoke, hub, hubGateway->name);
        *summary = lines.join(u' ');
    }
    return true;
}

} // namespace hopscope::edit
