#include "properties/RouteTableModel.h"

#include "edit/DesignEdits.h"
#include "format/ValueGrammar.h"
#include "layout/LayoutMetrics.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace hopscope::gui {

using namespace model;

namespace {
// The address a route that becomes VirtualAppliance without one points at: the first device
// edit::nextHopCandidates offers (the IP cell's list starts with it). format.md requires the
// address, so without one the file would not load back.
std::optional<Ipv4Address> proposedNextHop(const Design &d)
{
    const std::vector<edit::NextHopCandidate> candidates = edit::nextHopCandidates(d);
    if (candidates.empty())
        return std::nullopt;
    return candidates.front().address;
}

// True when writing `type` into `route` leaves it with no next hop IP it needs.
bool needsProposedIp(const Route &route, NextHopType type)
{
    return takesNextHopIp(type) && !route.nextHopIpAddress;
}
} // namespace

QString RouteTableModel::header(int column) const
{
    switch (column) {
    case NameColumn: return tr("Name");
    case PrefixColumn: return tr("Address prefix");
    case NextHopTypeColumn: return tr("Next hop type");
    case NextHopIpColumn: return tr("Next hop IP");
    }
    return {};
}

int RouteTableModel::rowsIn(const Design &d) const
{
    const RouteTable *t = d.routeTable(owner());
    return t ? int(t->routes.size()) : 0;
}

QString RouteTableModel::rowName(const Design &d, int row) const
{
    return d.routeTable(owner())->routes[row].name;
}

QString RouteTableModel::cell(const Design &d, int row, int column) const
{
    const Route &r = d.routeTable(owner())->routes[row];
    switch (column) {
    case NameColumn: return r.name;
    case PrefixColumn: return format::formatPrefix(r.addressPrefix);
    case NextHopTypeColumn: return format::formatEnum(r.nextHopType);
    case NextHopIpColumn:
        return r.nextHopIpAddress ? format::formatAddress(*r.nextHopIpAddress) : QString();
    }
    return {};
}

QString RouteTableModel::cellTip(const Design &d, int row, int column) const
{
    const Route &r = d.routeTable(owner())->routes[row];
    if (column == NextHopIpColumn && needsProposedIp(r, r.nextHopType))
        return tr("A VirtualAppliance route needs a next hop IP.");
    return {};
}

QString RouteTableModel::describeEdit(const Design &d, int row, int column,
                                     const QString &text) const
{
    const Route &r = d.routeTable(owner())->routes[row];
    switch (column) {
    case PrefixColumn:
        return tr("Change prefix of route %1 to %2 in %3").arg(r.name, text, owner());
    case NextHopTypeColumn: {
        // The address filled in with the type is part of the same step, and of its name.
        const auto type = format::parseEnum<NextHopType>(text);
        const std::optional<Ipv4Address> ip =
            type && needsProposedIp(r, *type) ? proposedNextHop(d) : std::nullopt;
        return ip ? tr("Change next hop of route %1 to %2 %3 in %4")
                        .arg(r.name, text, ip->toString(), owner())
                  : tr("Change next hop of route %1 to %2 in %3").arg(r.name, text, owner());
    }
    case NextHopIpColumn:
        return text.isEmpty()
                   ? tr("Clear next hop IP of route %1 in %2").arg(r.name, owner())
                   : tr("Change next hop of route %1 to %2 %3 in %4")
                         .arg(r.name, toString(r.nextHopType), text, owner());
    default: return RowsModel::describeEdit(d, row, column, text);
    }
}

bool RouteTableModel::editable(const Design &d, int row, int column) const
{
    // model::takesNextHopIp; an IP left on another type can still be cleared.
    const Route &r = d.routeTable(owner())->routes[row];
    return column != NextHopIpColumn || takesNextHopIp(r.nextHopType) || r.nextHopIpAddress;
}

QStringList RouteTableModel::choices(int column) const
{
    return column == NextHopTypeColumn ? format::spellings<NextHopType>() : QStringList();
}

QList<RowsModel::Suggestion> RouteTableModel::suggestions(int row, int column) const
{
    const RouteTable *t = design().routeTable(owner());
    if (column != NextHopIpColumn || !t || row < 0 || row >= int(t->routes.size()) ||
        !takesNextHopIp(t->routes[row].nextHopType))
        return {};
    // The devices edit::nextHopCandidates says a route may point at.
    QList<Suggestion> offered;
    for (const edit::NextHopCandidate &c : edit::nextHopCandidates(design())) {
        const QString kind = c.kind == layout::DeviceKind::Firewall ? tr("Azure Firewall")
                             : c.kind == layout::DeviceKind::Nva    ? tr("NVA")
                                                                    : tr("proxy VM");
        offered.push_back({c.address.toString(), QStringLiteral("%1 (%2)").arg(c.name, kind)});
    }
    return offered;
}

QString RouteTableModel::whyNot(int row, int column, const QString &text) const
{
    const RouteTable *t = design().routeTable(owner());
    if (!t || row < 0 || row >= int(t->routes.size()))
        return tr("No such route.");
    switch (column) {
    case NameColumn:
        if (!isValidName(text))
            return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
        for (int i = 0; i < int(t->routes.size()); ++i) {
            if (i != row && t->routes[i].name == text)
                return tr("%1 already has a route named %2.").arg(owner(), text);
        }
        return {};
    case PrefixColumn: return format::parsePrefix(text).error();
    case NextHopTypeColumn: {
        const auto type = format::parseEnum<NextHopType>(text);
        if (!type)
            return type.error();
        if (needsProposedIp(t->routes[row], *type) && !proposedNextHop(design()))
            return tr("A VirtualAppliance route needs a next hop IP address: add a firewall, "
                      "NVA or proxy VM first.");
        return {};
    }
    case NextHopIpColumn:
        if (text.isEmpty()) {
            // format.md: a VirtualAppliance route without its address does not load.
            if (takesNextHopIp(t->routes[row].nextHopType))
                return tr("A VirtualAppliance route needs a next hop IP address: type another "
                          "one, or choose another next hop type.");
            return {};
        }
        if (!takesNextHopIp(t->routes[row].nextHopType))
            return tr("Only VirtualAppliance routes take a next hop IP.");
        return format::parseAddress(text).error();
    }
    return tr("No such column.");
}

void RouteTableModel::apply(Design &d, int row, int column, const QString &text) const
{
    Route &r = d.routeTable(owner())->routes[row];
    switch (column) {
    case NameColumn: r.name = text; break;
    case PrefixColumn: r.addressPrefix = *format::parsePrefix(text); break;
    case NextHopTypeColumn: {
        const NextHopType type = *format::parseEnum<NextHopType>(text);
        // whyNot() refused the type when there is no address to propose.
        if (needsProposedIp(r, type))
            r.nextHopIpAddress = proposedNextHop(d);
        r.nextHopType = type;
        if (!takesNextHopIp(r.nextHopType))
            r.nextHopIpAddress.reset(); // model::takesNextHopIp
        break;
    }
    case NextHopIpColumn:
        r.nextHopIpAddress = text.isEmpty() ? std::nullopt : format::parseAddress(text).value();
        break;
    }
}

int RouteTableModel::append(Design &d) const
{
    RouteTable *t = d.routeTable(owner());
    if (!t)
        return -1;
    Route route = edit::suggestedRoute(d, owner());
    bool taken = route.name.isEmpty();
    for (const Route &r : t->routes)
        taken |= r.name == route.name;
    if (taken)
        route.name = freeRowName(d, route.name.isEmpty() ? QStringLiteral("route") : route.name);
    t->routes.push_back(route);
    return int(t->routes.size()) - 1;
}

void RouteTableModel::erase(Design &d, int row) const
{
    RouteTable *t = d.routeTable(owner());
    t->routes.erase(t->routes.begin() + row);
}

void RouteTableModel::swap(Design &d, int a, int b) const
{
    RouteTable *t = d.routeTable(owner());
    std::swap(t->routes[a], t->routes[b]);
}

} // namespace hopscope::gui
