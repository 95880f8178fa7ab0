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

// Top-level named objects, in design order. A gateway's on-premises sites are named objects of
// their own on the canvas, so they are listed too (they change with their gateway's struct).

using Entry = std::variant<const model::Vnet *, const model::RouteTable *,
                           const model::Firewall *, const model::Gateway *, const model::Vm *,
                           const model::Client *, const model::LocalNetwork *,
                           const model::NetworkSecurityGroup *>;

struct Named
{
    const QString *name;
    Entry entry;
};

std::vector<Named> namedObjects(const Design &d)
{
    std::vector<Named> objects;
    objects.reserve(d.vnets.size() + d.routeTables.size() + d.firewalls.size() +
                    2 * d.gateways.size() + d.vms.size() + d.clients.size() +
                    d.networkSecurityGroups.size());
    const auto add = [&](const auto &o) { objects.push_back({&o.name, &o}); };
    std::ranges::for_each(d.vnets, add);
    std::ranges::for_each(d.routeTables, add);
    std::ranges::for_each(d.firewalls, add);
    for (const auto &o : d.gateways) {
        add(o);
        std::ranges::for_each(o.localNetworks, add);
    }
    std::ranges::for_each(d.vms, add);
    std::ranges::for_each(d.clients, add);
    std::ranges::for_each(d.networkSecurityGroups, add);
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

QHash<QString, Entry> byName(const std::vector<Named> &objects)
{
    QHash<QString, Entry> map;
    map.reserve(qsizetype(objects.size()));
    for (const Named &o : objects)
        map.insert(*o.name, o.entry);
    return map;
}

} // namespace

DesignDelta diffDesigns(const Design &before, const Design &after)
{
    DesignDelta delta;
    // Lists in design order, so that signals come out deterministically.
    const std::vector<Named> old = namedObjects(before);
    const std::vector<Named> now = namedObjects(after);
    const auto sameName = [](const Named &a, const Named &b) {
        return a.entry.index() == b.entry.index() && *a.name == *b.name;
    };
    if (std::ranges::equal(old, now, sameName)) {
        // Nothing added, removed or renamed, as after almost every edit: compare in place, not
        // through two hashes of a thousand names.
        for (std::size_t i = 0; i < now.size(); ++i) {
            if (!sameEntry(old[i].entry, now[i].entry))
                delta.changed << *now[i].name;
        }
    } else {
        const QHash<QString, Entry> oldByName = byName(old);
        const QHash<QString, Entry> nowByName = byName(now);
        for (const Named &o : old) {
            if (!nowByName.contains(*o.name))
                delta.removed << *o.name;
        }
        for (const Named &o : now) {
            const auto it = oldByName.constFind(*o.name);
            if (it == oldByName.cend())
                delta.added << *o.name;
            else if (!sameEntry(*it, nowByName.value(*o.name)))
                delta.changed << *o.name;
        }
    }

    if (std::ranges::equal(before.layout, after.layout, {}, &LayoutPoint::name,
                           &LayoutPoint::name)) {
        for (std::size_t i = 0; i < after.layout.size(); ++i) {
            const LayoutPoint &was = before.layout[i];
            const LayoutPoint &is = after.layout[i];
            if (QPointF(was.x, was.y) != QPointF(is.x, is.y))
                delta.moved << is.name;
        }
    } else {
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
