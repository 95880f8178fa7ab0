// Cut, copy, paste and duplicate of design objects (issue 16 point 9): DesignEdits.h says what
// each promises. A paste works on a copy of the design and hands it back only when it succeeded,
// so that an error leaves the design as it was.

#include "edit/DesignEdits.h"

#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "layout/FreeSpot.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopscope::edit {

using namespace model;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("DesignEdits", text); }

const QLatin1String rootsMarker("# hopscope-paste:");

const Prefix privateTen(Ipv4Address(10u << 24), 8);
const Prefix privateSeventeen(Ipv4Address((172u << 24) | (16u << 16)), 12);
const Prefix privateOneNineTwo(Ipv4Address((192u << 24) | (168u << 16)), 16);

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
    for (const Firewall &fw : design.firewalls)
        if (fw.subnet == subnet)
            note(fw.privateIp);
    for (const Vm &vm : design.vms)
        if (vm.subnet == subnet)
            note(vm.privateIp);
    return used;
}

// `wanted` when it is a usable host of `subnet` (R10.1) that no device uses, else the first
// free usable host.
std::optional<Ipv4Address> hostIn(const Design &design, const QString &subnet,
                                  std::optional<Ipv4Address> wanted)
{
    const Subnet *s = design.subnet(subnet);
    if (!s)
        return wanted;
    const QSet<quint32> used = usedHosts(design, subnet);
    const quint32 first = s->addressPrefix.firstUsableAzureHost().value();
    const quint32 last = s->addressPrefix.last().value(); // broadcast: reserved
    if (wanted && wanted->value() >= first && wanted->value() < last &&
        !used.contains(wanted->value()))
        return wanted;
    for (quint64 a = first; a < last; ++a)
        if (!used.contains(quint32(a)))
            return Ipv4Address(quint32(a));
    return std::nullopt;
}

// A fresh name after `name`: a numbered name takes the next free number of its stem (spoke-1
// → spoke-2), any other the first free `name-N`.
QString freshName(const Design &design, const QString &name)
{
    if (!nameTaken(design, name))
        return name;
    static const QRegularExpression numbered(QStringLiteral("^(.+)-\\d+$"));
    const QRegularExpressionMatch m = numbered.match(name);
    return m.hasMatch() ? numberedName(design, m.captured(1)) : uniqueName(design, name);
}

QString freshSubnetName(const Vnet &vnet, const QString &name)
{
    if (!vnet.subnet(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = name + u'-' + QString::number(n);
        if (!vnet.subnet(candidate))
            return candidate;
    }
}

template <typename T> QString freshIn(const std::vector<T> &list, const QString &name)
{
    auto taken = [&](const QString &n) { return std::ranges::any_of(list, [&](const T &t) { return t.name == n; }); };
    if (!taken(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = name + u'-' + QString::number(n);
        if (!taken(candidate))
            return candidate;
    }
}

const Vm *proxyVm(const Design &design, const QString &name)
{
    const Vm *vm = design.vm(name);
    return vm && vm->proxy ? vm : nullptr;
}

// What a paste moves: each old range to its new place, so that an address keeps its offset.
struct AddressMoves
{
    std::vector<std::pair<Prefix, Prefix>> moves;

    std::optional<Ipv4Address> apply(std::optional<Ipv4Address> a) const
    {
        if (!a)
            return a;
        for (const auto &[from, to] : moves)
            if (from.contains(*a))
                return Ipv4Address(to.address().value() + (a->value() - from.address().value()));
        return a;
    }
    Prefix apply(const Prefix &p) const
    {
        for (const auto &[from, to] : moves)
            if (from.contains(p))
                return Prefix(*apply(p.address()), p.length());
        return p;
    }
    bool moved(const std::optional<Ipv4Address> &a) const
    {
        return a && std::ranges::any_of(moves, [&](const auto &m) {
                   return m.first.contains(*a) && m.first != m.second;
               });
    }
};

class Paster
{
public:
    Paster(Design &design, const Design &clip) : m_out(design), m_clip(clip) {}

    QList<ObjectId> run(const QList<ObjectId> &roots, const ObjectId &target,
                        std::optional<QPointF> at, QString *error);

private:
    bool placeVnetSpace(const Vnet &v, QString *error);
    bool pasteVnet(const Vnet &v);
    QString targetVnet(const ObjectId &target, const QString &fallback) const;
    QString routeTable(const QString &clipName);
    QString securityGroup(const QString &clipName);
    QString appSecurityGroup(const QString &clipName);
    bool pasteDevice(const QString &name, const QString &toSubnet, bool keepAddress);
    void pasteClient(const Client &c, const QString &gateway);
    void place(std::optional<QPointF> at);

    Design &m_out;
    const Design &m_clip;
    AddressMoves m_moves;
    QHash<QString, QString> m_names;        // clip name → pasted name (top-level objects)
    QHash<QString, QString> m_tables, m_nsgs, m_asgs;
    QList<ObjectId> m_added;
    QStringList m_placed; // pasted names that had a layout point in the clip, with it
};

// The VNet that a subnet or device paste goes into: `target`'s, else `fallback` when the design
// has it; empty when neither.
QString Paster::targetVnet(const ObjectId &target, const QString &fallback) const
{
    const QString fromTarget = vnetOf(m_out, target);
    if (!fromTarget.isEmpty() && m_out.vnet(fromTarget))
        return fromTarget;
    return m_out.vnet(fallback) ? fallback : QString();
}

bool Paster::placeVnetSpace(const Vnet &v, QString *error)
{
    std::vector<Prefix> taken = takenRanges(m_out);
    for (const auto &[from, to] : m_moves.moves)
        taken.push_back(to);
    if (!std::ranges::any_of(v.addressSpace, [&](const Prefix &p) { return overlapsAny(p, taken); })) {
        for (const Prefix &p : v.addressSpace)
            m_moves.moves.push_back({p, p});
        return true;
    }
    for (const Prefix &p : v.addressSpace) {
        const std::optional<Prefix> space =
            firstFreePrefix(taken, p.length(), {privateTen, privateSeventeen, privateOneNineTwo});
        if (!space) {
            *error = tr("No free /%1 is left for a copy of %2.").arg(p.length()).arg(v.name);
            return false;
        }
        m_moves.moves.push_back({p, *space});
        taken.push_back(*space);
    }
    return true;
}

QString Paster::routeTable(const QString &clipName)
{
    if (clipName.isEmpty() || m_tables.contains(clipName))
        return m_tables.value(clipName);
    const RouteTable *t = m_clip.routeTable(clipName);
    if (!t)
        return {};
    const RouteTable *same = m_out.routeTable(clipName);
    const bool pointsIntoMoved = std::ranges::any_of(
        t->routes, [&](const Route &r) { return m_moves.moved(r.nextHopIpAddress); });
    if (same && *same == *t && !pointsIntoMoved) {
        m_tables.insert(clipName, clipName);
        return clipName;
    }
    RouteTable copy = *t;
    copy.name = freshName(m_out, t->name);
    copy.id.clear();
    for (Route &r : copy.routes) {
        r.nextHopIpAddress = m_moves.apply(r.nextHopIpAddress);
        r.id.clear();
    }
    m_out.routeTables.push_back(copy);
    m_tables.insert(clipName, copy.name);
    return copy.name;
}

QString Paster::securityGroup(const QString &clipName)
{
    if (clipName.isEmpty() || m_nsgs.contains(clipName))
        return m_nsgs.value(clipName);
    const NetworkSecurityGroup *g = m_clip.networkSecurityGroup(clipName);
    if (!g)
        return {};
    const NetworkSecurityGroup *same = m_out.networkSecurityGroup(clipName);
    if (same && *same == *g) {
        m_nsgs.insert(clipName, clipName);
        return clipName;
    }
    NetworkSecurityGroup copy = *g;
    copy.name = freshIn(m_out.networkSecurityGroups, g->name);
    copy.id.clear();
    m_out.networkSecurityGroups.push_back(copy);
    m_nsgs.insert(clipName, copy.name);
    return copy.name;
}

QString Paster::appSecurityGroup(const QString &clipName)
{
    if (clipName.isEmpty() || m_asgs.contains(clipName))
        return m_asgs.value(clipName);
    const ApplicationSecurityGroup *g = m_clip.applicationSecurityGroup(clipName);
    if (!g)
        return {};
    if (m_out.applicationSecurityGroup(clipName)) { // an ASG is only a name: always shared
        m_asgs.insert(clipName, clipName);
        return clipName;
    }
    ApplicationSecurityGroup copy = *g;
    copy.id.clear();
    m_out.applicationSecurityGroups.push_back(copy);
    m_asgs.insert(clipName, copy.name);
    return copy.name;
}

// The device `name` of the clip (VM or firewall) into `toSubnet` (qualified) of the design;
// false when that subnet has no free address for it.
bool Paster::pasteDevice(const QString &name, const QString &toSubnet, bool keepAddress)
{
    if (!keepAddress && !hostIn(m_out, toSubnet, std::nullopt))
        return false;
    if (const Firewall *fw = m_clip.firewall(name)) {
        Firewall copy = *fw;
        copy.name = freshName(m_out, fw->name);
        copy.subnet = toSubnet;
        copy.id.clear();
        copy.privateIp = keepAddress ? m_moves.apply(fw->privateIp)
                                     : hostIn(m_out, toSubnet, m_moves.apply(fw->privateIp));
        m_out.firewalls.push_back(copy);
        m_names.insert(name, copy.name);
    } else if (const Vm *vm = m_clip.vm(name)) {
        Vm copy = *vm;
        copy.name = freshName(m_out, vm->name);
        copy.subnet = toSubnet;
        copy.id.clear();
        copy.privateIp = keepAddress ? m_moves.apply(vm->privateIp)
                                     : hostIn(m_out, toSubnet, m_moves.apply(vm->privateIp));
        copy.networkSecurityGroup = securityGroup(vm->networkSecurityGroup);
        for (QString &asg : copy.applicationSecurityGroups)
            asg = appSecurityGroup(asg);
        m_out.vms.push_back(copy);
        m_names.insert(name, copy.name);
    }
    return true;
}

void Paster::pasteClient(const Client &c, const QString &gateway)
{
    Client copy = c;
    copy.name = freshName(m_out, c.name);
    copy.gateway = gateway;
    copy.ip = m_moves.apply(c.ip);
    if (copy.useProxy) {
        const QString vm = m_names.value(c.useProxy->vm, c.useProxy->vm);
        if (proxyVm(m_out, vm))
            copy.useProxy->vm = vm;
        else
            copy.useProxy.reset();
    }
    // A client's address is its own in the pool: the next free one when the copy's is taken.
    const Gateway *gw = m_out.gateway(gateway);
    QSet<quint32> used;
    for (const Client &other : m_out.clients)
        if (other.gateway == gateway && other.ip)
            used.insert(other.ip->value());
    if (copy.ip && used.contains(copy.ip->value()) && gw && !gw->vpnClientAddressPool.empty()) {
        const Prefix pool = gw->vpnClientAddressPool.front();
        copy.ip.reset();
        for (quint64 a = pool.first().value() + 2; a < pool.last().value(); ++a)
            if (!used.contains(quint32(a))) {
                copy.ip = Ipv4Address(quint32(a));
                break;
            }
    }
    m_out.clients.push_back(copy);
    m_names.insert(c.name, copy.name);
    m_added.push_back(ObjectId::object(copy.name));
    if (m_clip.layoutPoint(c.name))
        m_placed << c.name;
}

bool Paster::pasteVnet(const Vnet &v)
{
    Vnet copy = v;
    copy.name = freshName(m_out, v.name);
    copy.id.clear();
    m_names.insert(v.name, copy.name);
    for (Prefix &p : copy.addressSpace)
        p = m_moves.apply(p);
    for (Subnet &s : copy.subnets) {
        s.addressPrefix = m_moves.apply(s.addressPrefix);
        for (Prefix &p : s.moreAddressPrefixes)
            p = m_moves.apply(p);
        s.routeTable = routeTable(s.routeTable);
        s.networkSecurityGroup = securityGroup(s.networkSecurityGroup);
        s.id.clear();
    }
    m_out.vnets.push_back(copy);
    m_added.push_back(ObjectId::object(copy.name));
    if (m_clip.layoutPoint(v.name))
        m_placed << v.name;
    for (const Firewall &fw : m_clip.firewalls)
        if (ObjectId::parse(fw.subnet).vnet() == v.name)
            pasteDevice(fw.name, copy.name + fw.subnet.mid(v.name.size()), true);
    for (const Vm &vm : m_clip.vms)
        if (ObjectId::parse(vm.subnet).vnet() == v.name)
            pasteDevice(vm.name, copy.name + vm.subnet.mid(v.name.size()), true);
    for (const Gateway &g : m_clip.gateways) {
        if (g.vnet != v.name)
            continue;
        Gateway gw = g;
        gw.name = freshName(m_out, g.name);
        gw.vnet = copy.name;
        gw.id.clear();
        gw.localNetworks.clear();
        std::vector<Prefix> taken = takenRanges(m_out);
        for (Prefix &pool : gw.vpnClientAddressPool) {
            if (overlapsAny(pool, taken)) {
                if (const auto free = firstFreePrefix(taken, pool.length(), {privateSeventeen, privateOneNineTwo})) {
                    m_moves.moves.push_back({pool, *free});
                    pool = *free;
                }
            }
            taken.push_back(pool);
        }
        m_out.gateways.push_back(gw);
        m_names.insert(g.name, gw.name);
        for (const LocalNetwork &site : g.localNetworks) {
            LocalNetwork s = site;
            s.name = freshName(m_out, site.name);
            s.id.clear();
            for (Prefix &p : s.addressPrefixes) {
                if (overlapsAny(p, taken))
                    if (const auto free = firstFreePrefix(taken, p.length(), {privateOneNineTwo, privateSeventeen}))
                        p = *free;
                taken.push_back(p);
            }
            m_out.gateway(gw.name)->localNetworks.push_back(s);
            m_names.insert(site.name, s.name);
            if (m_clip.layoutPoint(site.name))
                m_placed << site.name;
        }
        for (const Client &c : m_clip.clients)
            if (c.gateway == g.name)
                pasteClient(c, gw.name);
    }
    return true;
}

QList<ObjectId> Paster::run(const QList<ObjectId> &rootsIn, const ObjectId &target,
                            std::optional<QPointF> at, QString *error)
{
    QList<ObjectId> roots = rootsIn;
    if (roots.isEmpty()) { // a design's YAML from anywhere: all of it
        for (const Vnet &v : m_clip.vnets)
            roots << ObjectId::object(v.name);
        for (const RouteTable &t : m_clip.routeTables)
            roots << ObjectId::object(t.name);
    }
    QStringList vnets;      // clip VNets pasted whole
    QList<ObjectId> inner;  // subnets and devices pasted into an existing VNet
    QList<QString> outer;   // clients and sites
    QStringList tables;
    for (const ObjectId &id : roots) {
        if (id.is(ObjectId::Kind::Subnet)) {
            inner << id;
            continue;
        }
        if (!id.is(ObjectId::Kind::Object))
            continue;
        const QString &n = id.name();
        if (m_clip.vnet(n))
            vnets << n;
        else if (m_clip.vm(n) || m_clip.firewall(n) || m_clip.gateway(n))
            inner << id;
        else if (m_clip.client(n) || m_clip.site(n))
            outer << n;
        else if (m_clip.routeTable(n))
            tables << n;
    }
    // Subnets and devices whose VNet is pasted whole come with it; the others need a VNet of
    // the design to go into, else their VNet comes along.
    QList<std::pair<ObjectId, QString>> placedInner; // id, VNet of the design it goes into
    for (const ObjectId &id : inner) {
        const QString from = vnetOf(m_clip, id);
        if (vnets.contains(from))
            continue;
        const QString into = targetVnet(target, from);
        if (into.isEmpty())
            vnets << from;
        else
            placedInner.push_back({id, into});
    }
    vnets.removeDuplicates();
    for (const QString &n : std::as_const(vnets))
        if (!placeVnetSpace(*m_clip.vnet(n), error))
            return {};
    // Subnets going into an existing VNet: a free prefix of the same size there.
    QHash<QString, QString> subnetInto; // clip qualified subnet → design qualified subnet
    for (const auto &[id, into] : std::as_const(placedInner)) {
        if (!id.is(ObjectId::Kind::Subnet))
            continue;
        const Subnet *s = m_clip.subnet(id.qualifiedSubnet());
        Vnet *v = m_out.vnet(into);
        if (!s || !v)
            continue;
        if (isSpecialSubnetName(s->name) && v->subnet(s->name)) {
            *error = tr("%1 already has a %2.").arg(into, s->name);
            return {};
        }
        const std::optional<Prefix> prefix = freeSubnetPrefix(*v, s->addressPrefix.length());
        if (!prefix) {
            *error = tr("%1 has no free /%2 for a copy of %3.")
                         .arg(into)
                         .arg(s->addressPrefix.length())
                         .arg(s->name);
            return {};
        }
        m_moves.moves.push_back({s->addressPrefix, *prefix});
        Subnet copy = *s;
        copy.name = freshSubnetName(*v, s->name);
        copy.addressPrefix = *prefix;
        copy.moreAddressPrefixes.clear();
        copy.id.clear();
        subnetInto.insert(id.qualifiedSubnet(), qualifiedSubnetName(into, copy.name));
        v->subnets.push_back(copy);
        m_added.push_back(ObjectId::subnet(into, copy.name));
    }
    // Route tables and NSGs of those subnets, now that every move is known.
    for (auto it = subnetInto.cbegin(); it != subnetInto.cend(); ++it) {
        Subnet *copy = m_out.subnet(it.value());
        const Subnet *s = m_clip.subnet(it.key());
        copy->routeTable = routeTable(s->routeTable);
        copy->networkSecurityGroup = securityGroup(s->networkSecurityGroup);
    }
    for (const QString &n : std::as_const(vnets))
        pasteVnet(*m_clip.vnet(n));
    // The devices of pasted subnets, then devices pasted on their own.
    auto devicesOf = [&](const QString &subnet) {
        QStringList names;
        for (const Firewall &fw : m_clip.firewalls)
            if (fw.subnet == subnet)
                names << fw.name;
        for (const Vm &vm : m_clip.vms)
            if (vm.subnet == subnet)
                names << vm.name;
        return names;
    };
    for (auto it = subnetInto.cbegin(); it != subnetInto.cend(); ++it)
        for (const QString &device : devicesOf(it.key()))
            pasteDevice(device, it.value(), true);
    for (const auto &[id, into] : std::as_const(placedInner)) {
        if (id.is(ObjectId::Kind::Subnet) || m_names.contains(id.name()))
            continue;
        const QString &n = id.name();
        if (const Gateway *g = m_clip.gateway(n)) {
            if (m_out.gatewayIn(into)) {
                *error = tr("%1 already has a gateway.").arg(into);
                return {};
            }
            Vnet *v = m_out.vnet(into);
            if (!v->subnet(gatewaySubnetName())) {
                const auto prefix = freeSubnetPrefix(*v, gatewaySubnetLength);
                if (!prefix) {
                    *error = tr("%1 has no free /%2 for its GatewaySubnet.").arg(into).arg(gatewaySubnetLength);
                    return {};
                }
                v->subnets.push_back({gatewaySubnetName(), *prefix, QString()});
            }
            Gateway gw = *g;
            gw.name = freshName(m_out, g->name);
            gw.vnet = into;
            gw.id.clear();
            gw.localNetworks.clear();
            std::vector<Prefix> taken = takenRanges(m_out);
            for (Prefix &pool : gw.vpnClientAddressPool) {
                if (overlapsAny(pool, taken))
                    if (const auto free = firstFreePrefix(taken, pool.length(), {privateSeventeen, privateOneNineTwo})) {
                        m_moves.moves.push_back({pool, *free});
                        pool = *free;
                    }
                taken.push_back(pool);
            }
            m_out.gateways.push_back(gw);
            m_names.insert(n, gw.name);
            m_added.push_back(ObjectId::object(gw.name));
            continue;
        }
        // A device: into the target subnet when it is one of `into`, else the one it came
        // from, else the VNet's first subnet a device of its kind may live in.
        const bool firewall = m_clip.firewall(n) != nullptr;
        const QString fromSubnet = firewall ? m_clip.firewall(n)->subnet : m_clip.vm(n)->subnet;
        QString subnet;
        const QString targetSubnet = target.is(ObjectId::Kind::Subnet) ? target.qualifiedSubnet()
                                     : m_out.vm(target.name())       ? m_out.vm(target.name())->subnet
                                     : m_out.firewall(target.name()) ? m_out.firewall(target.name())->subnet
                                                                     : QString();
        Vnet *v = m_out.vnet(into);
        auto fits = [&](const QString &qualified) {
            const ObjectId s = ObjectId::parse(qualified);
            return s.vnet() == into && v->subnet(s.name()) &&
                   (firewall ? s.name() == firewallSubnetName() : !isSpecialSubnetName(s.name()));
        };
        if (fits(targetSubnet))
            subnet = targetSubnet;
        else if (fits(fromSubnet))
            subnet = fromSubnet;
        else if (firewall) {
            if (!v->subnet(firewallSubnetName())) {
                const auto prefix = freeSubnetPrefix(*v, firewallSubnetLength);
                if (!prefix) {
                    *error = tr("%1 has no free /%2 for its AzureFirewallSubnet.").arg(into).arg(firewallSubnetLength);
                    return {};
                }
                v->subnets.push_back({firewallSubnetName(), *prefix, QString()});
            }
            subnet = qualifiedSubnetName(into, firewallSubnetName());
        } else {
            const auto ordinary = std::ranges::find_if(
                v->subnets, [](const Subnet &s) { return !isSpecialSubnetName(s.name); });
            if (ordinary == v->subnets.end()) {
                *error = tr("%1 has no subnet a VM may live in.").arg(into);
                return {};
            }
            subnet = qualifiedSubnetName(into, ordinary->name);
        }
        if (!pasteDevice(n, subnet, false)) {
            *error = tr("%1 has no free address.").arg(subnet);
            return {};
        }
        m_added.push_back(ObjectId::object(m_names.value(n)));
    }
    // Clients and sites on their own: to their gateway (or its copy), else the first VPN one.
    for (const QString &n : std::as_const(outer)) {
        if (m_names.contains(n))
            continue;
        QString clipGateway;
        for (const Gateway &g : m_clip.gateways)
            if (std::ranges::any_of(g.localNetworks, [&](const LocalNetwork &s) { return s.name == n; }))
                clipGateway = g.name;
        if (const Client *c = m_clip.client(n))
            clipGateway = c->gateway;
        QString gateway = m_names.value(clipGateway, clipGateway);
        if (!m_out.gateway(gateway)) {
            const auto vpn = std::ranges::find(m_out.gateways, GatewayType::Vpn, &Gateway::type);
            if (vpn == m_out.gateways.end()) {
                *error = tr("%1 needs a VPN gateway to connect to: add one first.").arg(n);
                return {};
            }
            gateway = vpn->name;
        }
        if (const Client *c = m_clip.client(n)) {
            pasteClient(*c, gateway);
            continue;
        }
        LocalNetwork s = *m_clip.site(n);
        s.name = freshName(m_out, n);
        s.id.clear();
        std::vector<Prefix> taken = takenRanges(m_out);
        for (Prefix &p : s.addressPrefixes) {
            if (overlapsAny(p, taken))
                if (const auto free = firstFreePrefix(taken, p.length(), {privateOneNineTwo, privateSeventeen}))
                    p = *free;
            taken.push_back(p);
        }
        m_out.gateway(gateway)->localNetworks.push_back(s);
        m_names.insert(n, s.name);
        m_added.push_back(ObjectId::object(s.name));
        if (m_clip.layoutPoint(n))
            m_placed << n;
    }
    for (const QString &n : std::as_const(tables)) {
        if (m_tables.contains(n))
            continue;
        RouteTable copy = *m_clip.routeTable(n);
        copy.name = freshName(m_out, n);
        copy.id.clear();
        m_out.routeTables.push_back(copy);
        m_tables.insert(n, copy.name);
        m_added.push_back(ObjectId::object(copy.name));
    }
    // Peerings among the VNets pasted whole.
    for (const Peering &p : m_clip.peerings) {
        if (vnets.contains(p.from) && vnets.contains(p.to)) {
            Peering copy = p;
            copy.from = m_names.value(p.from);
            copy.to = m_names.value(p.to);
            copy.id.clear();
            m_out.peerings.push_back(copy);
        }
    }
    place(at);
    if (m_added.isEmpty())
        *error = tr("Nothing to paste.");
    return m_added;
}

// Layout positions of what was pasted with one: VNets at the nearest free spot to where they
// are wanted (the group moved to `at`, else down and to the right of where it was), point
// nodes moved by the same offset.
void Paster::place(std::optional<QPointF> at)
{
    if (m_placed.isEmpty())
        return;
    QPointF topLeft(std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    for (const QString &n : std::as_const(m_placed)) {
        const LayoutPoint *p = m_clip.layoutPoint(n);
        QPointF corner(p->x, p->y);
        if (!m_clip.vnet(n)) // a point node's position is its centre
            corner -= QPointF(layout::Metrics::nodeWidth / 2, layout::Metrics::nodeHeight / 2);
        topLeft.setX(std::min(topLeft.x(), corner.x()));
        topLeft.setY(std::min(topLeft.y(), corner.y()));
    }
    const QPointF offset = at ? *at - topLeft : QPointF(40, 40);
    std::vector<QRectF> taken;
    for (const Vnet &v : m_out.vnets) {
        if (std::ranges::any_of(m_placed, [&](const QString &n) { return m_names.value(n) == v.name; }))
            continue;
        if (const LayoutPoint *p = m_out.layoutPoint(v.name))
            taken.push_back(QRectF(QPointF(p->x, p->y), layout::vnetBox(m_out, v).size));
    }
    for (const QString &n : std::as_const(m_placed)) {
        const LayoutPoint *p = m_clip.layoutPoint(n);
        const QString name = m_names.value(n);
        QPointF pos = QPointF(p->x, p->y) + offset;
        if (const Vnet *v = m_out.vnet(name)) {
            const QSizeF size = layout::vnetBox(m_out, *v).size;
            pos = layout::nearestFreeSpot(taken, size, pos);
            taken.push_back(QRectF(pos, size));
        }
        std::erase_if(m_out.layout, [&](const LayoutPoint &l) { return l.name == name; });
        m_out.layout.push_back({name, std::round(pos.x()), std::round(pos.y())});
    }
}

// The VNet of `design` trimmed to `subnets` and nothing else, as context for a copy.
Vnet trimmed(const Vnet &v, const QSet<QString> &subnets)
{
    Vnet copy = v;
    std::erase_if(copy.subnets, [&](const Subnet &s) { return !subnets.contains(s.name); });
    return copy;
}

} // namespace

CopiedObjects copyObjects(const Design &design, const QList<ObjectId> &ids)
{
    CopiedObjects out;
    Design &clip = out.design;
    clip.name = design.name;
    clip.settings = design.settings;
    QStringList wholeVnets;
    QHash<QString, QSet<QString>> partVnets; // VNet → subnets needed as context
    QSet<QString> devices, gateways, clients, sites, tables;
    auto needSubnet = [&](const QString &qualified) {
        const ObjectId s = ObjectId::parse(qualified);
        partVnets[s.vnet()].insert(s.name());
    };
    for (const ObjectId &id : ids) {
        if (id.is(ObjectId::Kind::Subnet) && design.subnet(id.qualifiedSubnet())) {
            needSubnet(id.qualifiedSubnet());
            out.roots << id;
            for (const Firewall &fw : design.firewalls)
                if (fw.subnet == id.qualifiedSubnet())
                    devices << fw.name;
            for (const Vm &vm : design.vms)
                if (vm.subnet == id.qualifiedSubnet())
                    devices << vm.name;
            continue;
        }
        if (!id.is(ObjectId::Kind::Object))
            continue;
        const QString &n = id.name();
        if (design.vnet(n)) {
            wholeVnets << n;
        } else if (const Firewall *fw = design.firewall(n)) {
            devices << n;
            needSubnet(fw->subnet);
        } else if (const Vm *vm = design.vm(n)) {
            devices << n;
            needSubnet(vm->subnet);
        } else if (const Gateway *g = design.gateway(n)) {
            gateways << n;
            partVnets[g->vnet].insert(gatewaySubnetName());
            for (const Client &c : design.clients)
                if (c.gateway == n)
                    clients << c.name;
            for (const LocalNetwork &s : g->localNetworks)
                sites << s.name;
        } else if (const Client *c = design.client(n)) {
            clients << n;
            gateways << c->gateway;
            if (const Gateway *its = design.gateway(c->gateway))
                partVnets[its->vnet].insert(gatewaySubnetName());
        } else if (design.site(n)) {
            sites << n;
            for (const Gateway &holder : design.gateways)
                if (std::ranges::any_of(holder.localNetworks,
                                        [&](const LocalNetwork &s) { return s.name == n; })) {
                    gateways << holder.name;
                    partVnets[holder.vnet].insert(gatewaySubnetName());
                }
        } else if (design.routeTable(n)) {
            tables << n;
        } else {
            continue;
        }
        out.roots << id;
    }
    // A client's proxy comes along as context, so that the copy loads and keeps using it.
    for (const Client &c : design.clients)
        if ((clients.contains(c.name) || (gateways.contains(c.gateway) && wholeVnets.contains(design.gateway(c.gateway)->vnet))) &&
            c.useProxy)
            if (const Vm *vm = proxyVm(design, c.useProxy->vm)) {
                devices << vm->name;
                needSubnet(vm->subnet);
            }
    for (const Vnet &v : design.vnets) {
        if (wholeVnets.contains(v.name))
            clip.vnets.push_back(v);
        else if (partVnets.contains(v.name))
            clip.vnets.push_back(trimmed(v, partVnets.value(v.name)));
    }
    auto inWhole = [&](const QString &qualified) {
        return wholeVnets.contains(ObjectId::parse(qualified).vnet());
    };
    for (const Firewall &fw : design.firewalls)
        if (devices.contains(fw.name) || inWhole(fw.subnet))
            clip.firewalls.push_back(fw);
    for (const Vm &vm : design.vms)
        if (devices.contains(vm.name) || inWhole(vm.subnet))
            clip.vms.push_back(vm);
    for (const Gateway &g : design.gateways) {
        if (!gateways.contains(g.name) && !wholeVnets.contains(g.vnet))
            continue;
        Gateway copy = g;
        if (!wholeVnets.contains(g.vnet) && !gateways.contains(g.name))
            copy.localNetworks.clear();
        std::erase_if(copy.localNetworks, [&](const LocalNetwork &s) {
            return !wholeVnets.contains(g.vnet) && !sites.contains(s.name) &&
                   !std::ranges::any_of(ids, [&](const ObjectId &id) { return id.name() == g.name; });
        });
        clip.gateways.push_back(copy);
    }
    for (const Client &c : design.clients) {
        const Gateway *g = design.gateway(c.gateway);
        if (clients.contains(c.name) || (g && wholeVnets.contains(g->vnet)))
            clip.clients.push_back(c);
    }
    for (Client &c : clip.clients)
        if (c.useProxy && !clip.vm(c.useProxy->vm))
            c.useProxy.reset();
    for (const Peering &p : design.peerings)
        if (wholeVnets.contains(p.from) && wholeVnets.contains(p.to))
            clip.peerings.push_back(p);
    // What the copied subnets and VMs refer to.
    QSet<QString> nsgs, asgs;
    for (const Vnet &v : clip.vnets)
        for (const Subnet &s : v.subnets) {
            if (!s.routeTable.isEmpty())
                tables << s.routeTable;
            if (!s.networkSecurityGroup.isEmpty())
                nsgs << s.networkSecurityGroup;
        }
    for (const Vm &vm : clip.vms) {
        if (!vm.networkSecurityGroup.isEmpty())
            nsgs << vm.networkSecurityGroup;
        for (const QString &asg : vm.applicationSecurityGroups)
            asgs << asg;
    }
    for (const NetworkSecurityGroup &g : design.networkSecurityGroups)
        if (nsgs.contains(g.name)) {
            clip.networkSecurityGroups.push_back(g);
            for (const SecurityRule &r : g.securityRules)
                for (const auto *side : {&r.source, &r.destination})
                    for (const QString &asg : side->applicationSecurityGroups)
                        asgs << asg;
        }
    for (const RouteTable &t : design.routeTables)
        if (tables.contains(t.name))
            clip.routeTables.push_back(t);
    for (const ApplicationSecurityGroup &g : design.applicationSecurityGroups)
        if (asgs.contains(g.name))
            clip.applicationSecurityGroups.push_back(g);
    for (const LayoutPoint &p : design.layout)
        if (p.name != internetName() && nameTaken(clip, p.name))
            clip.layout.push_back(p);
    return out;
}

QByteArray clipboardText(const CopiedObjects &copied)
{
    QStringList roots;
    for (const ObjectId &id : copied.roots)
        roots << id.toString();
    return QByteArray(rootsMarker.data(), rootsMarker.size()) + ' ' + roots.join(u' ').toUtf8() +
           '\n' + io::writeDesign(copied.design);
}

bool readClipboardText(const QByteArray &text, CopiedObjects *copied, QString *error)
{
    if (text.trimmed().isEmpty()) {
        *error = tr("The clipboard is empty.");
        return false;
    }
    io::LoadResult loaded = io::readDesign(text, tr("clipboard"));
    if (!loaded.design) {
        *error = tr("The clipboard holds no Hopscope design: %1")
                     .arg(loaded.errors.empty() ? QString() : loaded.errors.front().toString());
        return false;
    }
    copied->design = std::move(*loaded.design);
    copied->roots.clear();
    if (text.startsWith(QByteArray(rootsMarker.data(), rootsMarker.size()))) {
        const QByteArray line = text.left(text.indexOf('\n')).mid(rootsMarker.size());
        for (const QString &id : QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts))
            copied->roots << ObjectId::parse(id);
    }
    if (copied->design.vnets.empty() && copied->design.routeTables.empty()) {
        *error = tr("The clipboard's design has nothing to paste.");
        return false;
    }
    return true;
}

QList<ObjectId> pasteObjects(Design &design, const CopiedObjects &copied, const ObjectId &target,
                             std::optional<QPointF> at, QString *error)
{
    Design work = design;
    Paster paster(work, copied.design);
    QString why;
    const QList<ObjectId> added = paster.run(copied.roots, target, at, &why);
    if (added.isEmpty()) {
        if (error)
            *error = why;
        return {};
    }
    design = std::move(work);
    return added;
}

} // namespace hopscope::edit
