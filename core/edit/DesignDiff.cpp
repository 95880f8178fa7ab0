#include "edit/DesignDiff.h"

#include "layout/LayoutMetrics.h"

#include <QHash>
#include <QPointF>
#include <QSet>

#include <algorithm>
#include <optional>
#include <vector>

namespace hopscope::edit {

namespace {

using namespace model;

// Top-level named objects keyed by name. A gateway's on-premises sites are named objects of
// their own on the canvas, so they are listed too (they change with their gateway's struct).

struct Entry
{
    enum Kind { Vnet, RouteTable, Firewall, Gateway, Vm, Client, Site } kind;
    const void *object;
};

QHash<QString, Entry> namedObjects(const Design &d)
{
    QHash<QString, Entry> objects;
    for (const auto &o : d.vnets)
        objects.insert(o.name, {Entry::Vnet, &o});
    for (const auto &o : d.routeTables)
        objects.insert(o.name, {Entry::RouteTable, &o});
    for (const auto &o : d.firewalls)
        objects.insert(o.name, {Entry::Firewall, &o});
    for (const auto &o : d.gateways) {
        objects.insert(o.name, {Entry::Gateway, &o});
        for (const auto &site : o.localNetworks)
            objects.insert(site.name, {Entry::Site, &site});
    }
    for (const auto &o : d.vms)
        objects.insert(o.name, {Entry::Vm, &o});
    for (const auto &o : d.clients)
        objects.insert(o.name, {Entry::Client, &o});
    return objects;
}

template <typename T> bool sameAs(const Entry &a, const Entry &b)
{
    return *static_cast<const T *>(a.object) == *static_cast<const T *>(b.object);
}

bool sameEntry(const Entry &a, const Entry &b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case Entry::Vnet: return sameAs<model::Vnet>(a, b);
    case Entry::RouteTable: return sameAs<model::RouteTable>(a, b);
    case Entry::Firewall: return sameAs<model::Firewall>(a, b);
    case Entry::Gateway: return sameAs<model::Gateway>(a, b);
    case Entry::Vm: return sameAs<model::Vm>(a, b);
    case Entry::Client: return sameAs<model::Client>(a, b);
    case Entry::Site: return sameAs<model::LocalNetwork>(a, b);
    }
    return false;
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
        return std::any_of(list.begin(), list.end(), [&](const auto &item) { return item.name == n; });
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
        if (std::none_of(sites.begin(), sites.end(),
                         [&](const model::LocalNetwork &s) { return s.name == name; }))
            continue;
        std::optional<QString> gateway;
        followIn(before.gateways, after.gateways, before.gateways[g].name, &gateway);
        const model::Gateway *now = nullptr;
        for (const model::Gateway &candidate : after.gateways) {
            if (gateway && candidate.name == *gateway)
                now = &candidate;
        }
        if (!now)
            return std::nullopt;
        followIn(sites, now->localNetworks, name, &found);
        return found;
    }
    return name; // the Internet, an address, or a name nothing had
}

} // namespace hopscope::edit
