#include "analysis/IncrementalCheck.h"

#include "analysis/Sweeps.h"
#include "model/Network.h"
#include "routing/EffectiveRoutes.h"
#include "routing/TraceMemo.h"

#include <QElapsedTimer>

#include <algorithm>
#include <tuple>

namespace hopscope::analysis {

// A checked design with the index and the effective routes the check used: the next check
// compares its own with these.
struct IncrementalCheck::State
{
    std::unique_ptr<const model::Design> design;
    std::unique_ptr<const model::Network> network;
    std::unique_ptr<const routing::EffectiveRoutes> routes;
};

namespace {

using model::samePointee;

// Why the legs of `before` cannot serve `now` at all, or empty when they can: the memo's keys
// and legs hold device, subnet and VNet indices, and what the walks read design-wide (settings,
// gateways with their pools and sites, NSGs and ASGs, every address space and subnet prefix,
// which decide what holds an address) is not divided by VNet.
QString structuralChange(const model::Network &before, const model::Network &now)
{
    const model::Design &a = before.design();
    const model::Design &b = now.design();
    if (!(a.settings == b.settings))
        return QStringLiteral("settings changed");
    if (a.gateways != b.gateways)
        return QStringLiteral("a gateway changed");
    if (a.networkSecurityGroups != b.networkSecurityGroups ||
        a.applicationSecurityGroups != b.applicationSecurityGroups)
        return QStringLiteral("an NSG or ASG changed");
    if (before.vnets().size() != now.vnets().size() ||
        before.subnets().size() != now.subnets().size() ||
        before.devices().size() != now.devices().size())
        return QStringLiteral("objects were added or deleted");
    for (size_t v = 0; v < now.vnets().size(); ++v) {
        const model::Vnet &x = *before.vnets()[v].vnet;
        const model::Vnet &y = *now.vnets()[v].vnet;
        if (x.name != y.name || x.addressSpace != y.addressSpace ||
            x.subnets.size() != y.subnets.size())
            return QStringLiteral("a VNet or its address space changed");
    }
    for (size_t s = 0; s < now.subnets().size(); ++s) {
        const model::SubnetIndex &x = before.subnets()[s];
        const model::SubnetIndex &y = now.subnets()[s];
        if (x.vnet != y.vnet || x.qualifiedName != y.qualifiedName ||
            x.subnet->addressPrefixes() != y.subnet->addressPrefixes() ||
            x.workloadDevice != y.workloadDevice)
            return QStringLiteral("a subnet or its prefix changed");
    }
    for (size_t d = 0; d < now.devices().size(); ++d) {
        const model::Device &x = before.devices()[d];
        const model::Device &y = now.devices()[d];
        if (x.name != y.name || x.kind != y.kind)
            return QStringLiteral("devices were renamed or reordered");
        // N1.5: an ASG is its members' addresses, matched by NSG rules at any point.
        const auto asgs = [](const model::Device &device) {
            return device.vm ? device.vm->applicationSecurityGroups : std::vector<QString>();
        };
        if (asgs(x) != asgs(y) || (!asgs(y).empty() && x.ip != y.ip))
            return QStringLiteral("an ASG's members changed");
    }
    return {};
}

// The prefixes of the active routes one table has and the other has not: every address whose
// longest match (R5.1) differs between them lies in one. (Its match in one table, say r, is not
// active in the other, or the other's match, longer than r, is not active in the first.)
std::vector<net::Prefix> changedLookups(const routing::EffectiveRouteTable &x,
                                        const routing::EffectiveRouteTable &y)
{
    std::vector<net::Prefix> prefixes;
    for (const auto &[from, to] : {std::pair{&x, &y}, std::pair{&y, &x}})
        for (const routing::EffectiveRoute &r : from->routes())
            if (r.state == routing::RouteState::Active &&
                std::ranges::find(to->routes(), r) == to->routes().end())
                prefixes.push_back(r.addressPrefix);
    return prefixes;
}

// The VNets (and, one past the last, the outside) whose data a walk reads differ between the
// two networks, which structuralChange() found alike in shape; and of those, the ones where
// only route lookups changed, with where (SweepMemo::Changes).
analysis::SweepMemo::Changes dirtyVnets(const routing::EffectiveRoutes &beforeRoutes,
                                        const routing::EffectiveRoutes &nowRoutes)
{
    const model::Network &a = beforeRoutes.network();
    const model::Network &b = nowRoutes.network();
    const int vnets = int(b.vnets().size());
    std::vector<bool> dirty(size_t(vnets) + 1, false);
    std::vector<std::optional<std::vector<net::Prefix>>> lookups(size_t(vnets) + 1);
    const auto finish = [&] {
        analysis::SweepMemo::Changes changes;
        changes.lookupsOnly.resize(dirty.size());
        for (size_t v = 0; v < dirty.size(); ++v)
            if (!dirty[v] && lookups[v]) {
                changes.lookupsOnly[v] = std::move(lookups[v]);
                dirty[v] = true;
            }
        changes.dirty = std::move(dirty);
        return changes;
    };
    std::vector<int> marked;
    const auto flush = [&] {
        for (const int v : marked)
            if (v >= 0 && v <= vnets)
                dirty[size_t(v)] = true;
        marked.clear();
    };

    // The VNet as written (its subnets' route tables and NSGs, role, region), and the gateways
    // that serve it (R5.9 `Gs`, R4.4).
    for (int v = 0; v < vnets; ++v) {
        const model::VnetIndex &x = a.vnets()[size_t(v)];
        const model::VnetIndex &y = b.vnets()[size_t(v)];
        if (!(*x.vnet == *y.vnet) || x.region != y.region || x.ownGateways != y.ownGateways ||
            x.servingGateways != y.servingGateways || x.servingGateway != y.servingGateway)
            marked.push_back(v);
    }
    flush();

    // Each subnet's effective routes (also the VirtualNetwork tag, N2.1): where a table's
    // routes alone changed (the subnet keeps its table, whose name the VNet holds), what its
    // lookups answer, kept apart from the rest.
    for (size_t s = 0; s < b.subnets().size(); ++s) {
        const routing::EffectiveRouteTable &x = beforeRoutes.forSubnet(int(s));
        const routing::EffectiveRouteTable &y = nowRoutes.forSubnet(int(s));
        if (samePointee(&x, &y))
            continue;
        auto &changed = lookups[size_t(b.subnets()[s].vnet)];
        if (!changed)
            changed.emplace();
        const std::vector<net::Prefix> prefixes = changedLookups(x, y);
        changed->insert(changed->end(), prefixes.begin(), prefixes.end());
    }

    // Each device as written, and where it is; an address that changed owner changes the
    // answer of every lookup of it, in the VNets that hold it before and after.
    for (int d = 0; d < int(b.devices().size()); ++d) {
        const model::Device &x = a.devices()[size_t(d)];
        const model::Device &y = b.devices()[size_t(d)];
        const bool same = x.ip == y.ip && x.vnet == y.vnet && x.subnet == y.subnet &&
                          x.gateway == y.gateway && samePointee(x.vm, y.vm) &&
                          samePointee(x.firewall, y.firewall) &&
                          samePointee(x.gatewayObject, y.gatewayObject) &&
                          samePointee(x.client, y.client) && samePointee(x.site, y.site);
        if (same)
            continue;
        routing::TraceMemo::addDeviceVnets(a, d, marked);
        routing::TraceMemo::addDeviceVnets(b, d, marked);
        if (x.ip != y.ip)
            for (const auto &ip : {x.ip, y.ip})
                if (ip) {
                    routing::TraceMemo::addAddressVnets(a, *ip, marked);
                    routing::TraceMemo::addAddressVnets(b, *ip, marked);
                }
        flush();
    }

    // What a gateway pushes to its P2S clients (R9.3, R9.5), read where a client's walk starts.
    for (int d = 0; d < int(b.devices().size()); ++d)
        if (b.devices()[size_t(d)].kind == model::DeviceKind::Gateway &&
            a.clientRouteList(d) != b.clientRouteList(d)) {
            routing::TraceMemo::addDeviceVnets(b, d, marked);
            flush();
        }

    // Peering links (R8.3–R8.6): a walk reads both directions between the VNet it leaves and
    // the one it enters, so a changed link makes both of its VNets dirty.
    using LinkFacts = std::tuple<int, int, bool, model::Peering>;
    const auto byEnds = [](const LinkFacts &p, const LinkFacts &q) {
        return std::tie(std::get<0>(p), std::get<1>(p)) < std::tie(std::get<0>(q), std::get<1>(q));
    };
    const auto linksOf = [&](const model::Network &network) {
        std::vector<LinkFacts> links;
        for (const model::PeeringLink &l : network.links())
            links.emplace_back(l.from, l.to, l.connected, *l.peering);
        std::sort(links.begin(), links.end(), byEnds);
        return links;
    };
    // Mostly the same links in the same order: compared in place, without copies.
    const auto sameLink = [](const model::PeeringLink &x, const model::PeeringLink &y) {
        return x.from == y.from && x.to == y.to && x.connected == y.connected &&
               *x.peering == *y.peering;
    };
    if (std::ranges::equal(a.links(), b.links(), sameLink))
        return finish();
    const std::vector<LinkFacts> before = linksOf(a);
    const std::vector<LinkFacts> now = linksOf(b);
    for (const auto *side : {&before, &now})
        for (const LinkFacts &link : *side) {
            const auto *other = side == &before ? &now : &before;
            const auto [first, last] = std::equal_range(other->begin(), other->end(), link, byEnds);
            if (std::find(first, last, link) == last) {
                dirty[size_t(std::get<0>(link))] = true;
                dirty[size_t(std::get<1>(link))] = true;
            }
        }
    return finish();
}

} // namespace

IncrementalCheck::IncrementalCheck()
    : m_memo(std::make_unique<routing::TraceMemo>()), m_sweeps(std::make_unique<SweepMemo>())
{
}

IncrementalCheck::~IncrementalCheck() = default;

void IncrementalCheck::reset()
{
    m_previous.reset();
    m_memo->clear();
    m_sweeps->clear();
}

CheckReport IncrementalCheck::check(model::Design design, const CheckOptions &options, Keep keep)
{
    m_statistics = {};
    QElapsedTimer timer;
    timer.start();
    auto now = std::make_unique<State>();
    now->design = std::make_unique<const model::Design>(std::move(design));
    now->network = std::make_unique<const model::Network>(*now->design);
    // The tables an edit left alone are taken from the previous check (whatever it was).
    now->routes = std::make_unique<const routing::EffectiveRoutes>(
        *now->network, m_previous ? m_previous->routes.get() : nullptr);
    m_statistics.routeTablesComputed = now->routes->tablesComputed();
    m_statistics.networkMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    // Sweep judgements are kept for designs that filter nothing, legs for the others; the
    // kind not used is let go.
    const bool judgements = !sweepsFilter(*now->design);
    m_statistics.judgements = judgements;
    if (judgements)
        m_memo->clear();
    else
        m_sweeps->clear();
    // A proxy judges by its squid.conf, which lives outside the design and may change on disk:
    // no check of such a design can build on an earlier one.
    m_statistics.keepable =
        std::ranges::none_of(now->design->vms, [](const model::Vm &vm) { return bool(vm.proxy); });
    const QString why = !m_statistics.keepable
                            ? QStringLiteral("a proxy's configuration is read from its file")
                        : m_previous ? structuralChange(*m_previous->network, *now->network)
                                     : QStringLiteral("no earlier check");
    if (why.isEmpty()) {
        const SweepMemo::Changes changes = dirtyVnets(*m_previous->routes, *now->routes);
        m_statistics.dirtyVnets = int(std::count(changes.dirty.begin(), changes.dirty.end(), true));
        m_statistics.dropped = judgements ? m_sweeps->invalidate(changes)
                                          : (long long)m_memo->invalidate(changes.dirty);
        m_statistics.incremental = true;
    } else {
        m_memo->clear();
        m_sweeps->clear();
        m_statistics.fullBecause = why;
        if (keep == Keep::WhenIncremental || !m_statistics.keepable) {
            // A full check that keeps nothing, and leaves nothing to compare with.
            m_retired = std::move(m_previous);
            m_statistics.compareMs = double(timer.nsecsElapsed()) / 1e6;
            timer.restart();
            CheckReport report = checkRoutes(*now->routes, options);
            m_statistics.checkMs = double(timer.nsecsElapsed()) / 1e6;
            return report;
        }
    }
    m_retired = std::move(m_previous); // the memos hold no reference into its network
    m_statistics.compareMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    m_memo->resetCounters();
    CheckReport report = judgements ? checkRoutes(*now->routes, options, nullptr, m_sweeps.get())
                                    : checkRoutes(*now->routes, options, m_memo.get());
    m_statistics.reused = judgements ? m_sweeps->reused() : m_memo->hits();
    m_statistics.redone = judgements ? m_sweeps->judged() : m_memo->misses();
    m_statistics.checkMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    if (judgements) {
        m_statistics.kept = m_statistics.reused + m_statistics.redone;
        m_statistics.memoMiB = double(m_sweeps->bytes()) / double(1 << 20);
    } else {
        m_memo->dropUnused();
        m_statistics.kept = (long long)m_memo->size();
        m_statistics.memoMiB = double(m_memo->bytes()) / double(1 << 20);
    }
    m_statistics.compareMs += double(timer.nsecsElapsed()) / 1e6;
    m_previous = std::move(now);
    m_statistics.primed = true;
    return report;
}

} // namespace hopscope::analysis
