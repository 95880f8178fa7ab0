#include "gui/DesignDiff.h"

#include <QHash>
#include <QPointF>
#include <QSet>

#include <optional>
#include <vector>

namespace hopscope::gui {

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

} // namespace hopscope::gui
