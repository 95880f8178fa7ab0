#include "edit/DesignDiff.h"

#include "layout/LayoutMetrics.h"

#include <QHash>
#include <QPointF>
#include <QSet>

#include <algorithm>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace hopscope::edit {

namespace {

using namespace model;

// Top-level named objects keyed by name. A gateway's on-premises sites are named objects of
// their own on the canvas, so they are listed too (they change with their gateway's struct).

using Entry = std::variant<const model::Vnet *, const model::RouteTable *,
                           const model::Firewall *, const model::Gateway *, const model::Vm *,
                           const model::Client *, const model::LocalNetwork *,
                           const model::NetworkSecurityGroup *>;

QHash<QString, Entry> namedObjects(const Design &d)
{
    QHash<QString, Entry> objects;
    for (const auto &o : d.vnets)
        objects.insert(o.name, &o);
    for (const auto &o : d.routeTables)
        objects.insert(o.name, &o);
    for (const auto &o : d.firewalls)
        objects.insert(o.name, &o);
    for (const auto &o : d.gateways) {
        objects.insert(o.name, &o);
        for (const auto &site : o.localNetworks)
            objects.insert(site.name, &site);
    }
    for (const auto &o : d.vms)
        objects.insert(o.name, &o);
    for (const auto &o : d.clients)
        objects.insert(o.name, &o);
    for (const auto &o : d.networkSecurityGroups)
        objects.insert(o.name, &o);
    return objects;
}

// Same kind of object, equal member by member.
bool sameEntry(const Entry &a, const Entry &b)
{
    return std::visit(
        [](const auto *x, const auto *y) {
            if constexpr (std::is_same_v<decltype(x), decltype(y)>)
                return *x == *y;
            else
                return false;
        },
        a, b);
}

} // namespace

DesignDelta diffDesigns(const Design &before, const Design &after)
{
    DesignDelta delta;
    const QHash<QString, Entry> old = namedObjects(before);
    const QHash<QString, Entry> now = namedObjects(after);
    // Iterate in design order (not hash order) so that signals come out deterministically.
    auto visit = [&](const Design &d, auto &&f) {
        for (const auto &o : d.vnets) f(o.name);
        for (const auto &o : d.routeTables) f(o.name);
        for (const auto &o : d.firewalls) f(o.name);
        for (const auto &o : d.gateways) {
            f(o.name);
            for (const auto &site : o.localNetworks) f(site.name);
        }
        for (const auto &o : d.vms) f(o.name);
        for (const auto &o : d.clients) f(o.name);
        for (const auto &o : d.networkSecurityGroups) f(o.name);
    };
    visit(before, [&](const QString &name) {
        if (!now.contains(name))
            delta.removed << name;
    });
    visit(after, [&](const QString &name) {
        const auto it = old.constFind(name);
        if (it == old.cend())
            delta.added << name;
        else if (!sameEntry(*it, now.value(name)))
            delta.changed << name;
    });

    QHash<QString, QPointF> oldLayout;
    for (const LayoutPoint &p : before.layout)
        oldLayout.insert(p.name, QPointF(p.x, p.y));
    QSet<QString> seen;
    for (const LayoutPoint &p : after.layout) {
        seen.insert(p.name);
        const auto it = oldLayout.constFind(p.name);
        if (it == oldLayout.cend() || *it != QPointF(p.x, p.y))
            delta.moved << p.name;
    }
    for (const LayoutPoint &p : before.layout) {
        if (!seen.contains(p.name))
            delta.moved << p.name;
    }

    delta.peeringsChanged = before.peerings != after.peerings;
    delta.propertiesChanged = before.name != after.name || before.settings != after.settings ||
                              before.intents != after.intents;
    return delta;
}

} // namespace hopscope::edit

namespace hopscope::edit {

namespace {

// Looks `name` up in `was`; returns false when it is not there. Else `*found` is what the same
// place of `now` holds: the same name, a new name when only names differ, or nullopt when the
// list lost an entry (a delete).
template <typename List>
bool followIn(const List &was, const List &now, const QString &name, std::optional<QString> *found)
{
    auto has = [](const List &list, const QString &n) {
        return std::ranges::find(list, n, &List::value_type::name) != list.end();
    };
    for (std::size_t i = 0; i < was.size(); ++i) {
        if (was[i].name != name)
            continue;
        if (has(now, name))
            *found = name;
        else if (now.size() == was.size() && !has(was, now[i].name))
            *found = now[i].name;
        else
            *found = std::nullopt;
        return true;
    }
    return false;
}

} // namespace

std::optional<QString> followEndpoint(const model::Design &before, const model::Design &after,
                                      const QString &name)
{
    std::optional<QString> found;
    QString vnetName, subnetName;
    if (layout::splitQualifiedName(name, &vnetName, &subnetName)) {
        for (std::size_t v = 0; v < before.vnets.size(); ++v) {
            if (before.vnets[v].name != vnetName)
                continue;
            std::optional<QString> vnet;
            followIn(before.vnets, after.vnets, vnetName, &vnet);
            if (!vnet)
                return std::nullopt;
            const model::Vnet *now = after.vnet(*vnet);
            if (!now || !followIn(before.vnets[v].subnets, now->subnets, subnetName, &found))
                return std::nullopt;
            return found ? std::optional(model::qualifiedSubnetName(*vnet, *found)) : std::nullopt;
        }
        return name;
    }
    if (followIn(before.vms, after.vms, name, &found) ||
        followIn(before.firewalls, after.firewalls, name, &found) ||
        followIn(before.clients, after.clients, name, &found))
        return found;
    for (std::size_t g = 0; g < before.gateways.size(); ++g) {
        const auto &sites = before.gateways[g].localNetworks;
        if (std::ranges::find(sites, name, &model::LocalNetwork::name) == sites.end())
            continue;
        std::optional<QString> gateway;
        followIn(before.gateways, after.gateways, before.gateways[g].name, &gateway);
        const model::Gateway *now = gateway ? after.gateway(*gateway) : nullptr;
        if (!now)
            return std::nullopt;
        followIn(sites, now->localNetworks, name, &found);
        return found;
    }
    return name; // the Internet, an address, or a name nothing had
}

} // namespace hopscope::edit
