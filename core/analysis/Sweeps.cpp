#include "analysis/Sweeps.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <thread>

namespace hopscope::analysis {

using routing::ConnectionReason;
using routing::DropReason;
using routing::WalkVerdict;

ConnectionSummary ConnectionSummary::of(const routing::Leg &leg)
{
    ConnectionSummary s;
    s.ok = leg.ok;
    s.reason = leg.reason;
    s.forwardVerdict = leg.forward.verdict;
    s.forwardReason = leg.forward.reason;
    if (leg.reply) {
        s.replyVerdict = leg.reply->verdict;
        s.replyReason = leg.reply->reason;
    }
    if (!leg.ok) {
        const routing::Walk &failing =
            leg.reply && leg.forward.succeeded() ? *leg.reply : leg.forward;
        s.failedAt = failing.hops.empty() ? -1 : failing.hops.back().device;
        s.explanation = leg.explanation;
        s.refusingPeeringFrom = failing.refusingPeeringFrom;
        s.refusingPeeringTo = failing.refusingPeeringTo;
        if (!failing.hops.empty()) {
            const routing::Hop &last = failing.hops.back();
            if (last.route && last.route->isUser())
                s.failingRoute = last.route->routeTable + u'/' + last.route->routeName;
            else if (last.route)
                s.failingRoute = QString::number(last.device) + u' ' +
                                 last.route->addressPrefix.toString() + u' ' +
                                 routing::toString(last.route->nextHopType);
            else
                s.failingRoute = QString::number(last.device);
        }
    }
    return s;
}

bool ConnectionSummary::isIsolation() const
{
    if (reason == ConnectionReason::NotTunneled)
        return true;
    return reason == ConnectionReason::ForwardDropped &&
           (forwardReason == DropReason::RouteNone ||
            forwardReason == DropReason::PrivateToInternet ||
            forwardReason == DropReason::FirewallDenied ||
            forwardReason == DropReason::ProxyDenied);
}

QString ConnectionSummary::cause() const
{
    QString c = routing::toString(reason);
    if (reason == ConnectionReason::ForwardDropped)
        c += u'/' + routing::toString(forwardReason);
    else if (reason == ConnectionReason::ReturnDropped)
        c += u'/' + routing::toString(replyReason);
    return c;
}

std::vector<int> workloadSubnets(const model::Network &network)
{
    std::vector<int> subnets;
    for (int s = 0; s < int(network.subnets().size()); ++s)
        if (!model::isSpecialSubnetName(network.subnets()[s].subnet->name))
            subnets.push_back(s);
    return subnets;
}

const ConnectionSummary *SubnetPairMatrix::verdict(int from, int to) const
{
    if (from < 0 || to < 0 || from >= int(sourceClassOfSubnet.size()) ||
        to >= int(destinationClassOfSubnet.size()))
        return nullptr;
    const int a = sourceClassOfSubnet[from];
    const int b = destinationClassOfSubnet[to];
    if (a < 0 || b < 0)
        return nullptr;
    const size_t cell = size_t(a) * size_t(destinationClasses) + size_t(b);
    return evaluated[cell] ? &results[cell] : nullptr;
}

namespace {

using net::Ipv4Address;
using net::Prefix;

// The destination space cut at every prefix that any route table, pool, site or firewall rule
// names: every table treats all addresses of one interval alike (reference/peers.md §3).
class AddressClasses
{
public:
    explicit AddressClasses(const routing::EffectiveRoutes &routes)
    {
        const model::Network &network = routes.network();
        QSet<const routing::EffectiveRouteTable *> tables;
        std::vector<std::uint64_t> cuts{0};
        auto cut = [&](const Prefix &p) {
            cuts.push_back(p.first().value());
            cuts.push_back(std::uint64_t(p.last().value()) + 1);
        };
        for (int s = 0; s < int(network.subnets().size()); ++s) {
            const auto *t = &routes.forSubnet(s);
            if (tables.contains(t))
                continue;
            tables.insert(t);
            for (const routing::EffectiveRoute &r : t->routes())
                cut(r.addressPrefix);
        }
        for (const model::Gateway &g : network.design().gateways) {
            for (const Prefix &p : g.vpnClientAddressPool)
                cut(p);
            for (const model::LocalNetwork &site : g.localNetworks)
                for (const Prefix &p : site.addressPrefixes)
                    cut(p);
        }
        for (const model::Firewall &f : network.design().firewalls)
            for (const model::FirewallRule &rule : f.rules) {
                for (const auto &m : rule.sourceAddresses)
                    if (m.prefix)
                        cut(*m.prefix);
                for (const auto &m : rule.destinationAddresses)
                    if (m.prefix)
                        cut(*m.prefix);
            }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        while (!cuts.empty() && cuts.back() > 0xFFFFFFFFull)
            cuts.pop_back();
        m_starts.assign(cuts.begin(), cuts.end());
    }

    int classOf(Ipv4Address a) const
    {
        return int(std::upper_bound(m_starts.begin(), m_starts.end(), a.value()) -
                   m_starts.begin()) -
               1;
    }
    int count() const { return int(m_starts.size()); }
    Ipv4Address start(int c) const { return Ipv4Address(m_starts[c]); }
    Ipv4Address last(int c) const
    {
        return Ipv4Address(c + 1 < count() ? m_starts[c + 1] - 1 : 0xFFFFFFFFu);
    }

private:
    std::vector<std::uint32_t> m_starts;
};

QString rangeText(Ipv4Address first, Ipv4Address last)
{
    // A range that is one prefix prints as the prefix.
    for (int length = 0; length <= 32; ++length) {
        const Prefix p(first, length);
        if (p.first() == first && p.last() == last)
            return p.toString();
    }
    return first.toString() + QStringLiteral("–") + last.toString();
}

// Workload subnets grouped by what decides their walks: the interval of their address (every
// table treats it alike) and their own route table (where replies start).
struct SubnetClasses
{
    std::vector<int> classOfSubnet;           // -1: not a workload subnet
    std::vector<int> representative;          // class → subnet
    std::vector<int> members;                 // class → subnet count
    std::vector<routing::Endpoint> endpoints; // class → the representative's end point
};

SubnetClasses classifySubnets(const routing::Tracer &tracer, const AddressClasses &classes,
                              const std::vector<int> &workloads)
{
    const model::Network &network = tracer.network();
    SubnetClasses c;
    c.classOfSubnet.assign(network.subnets().size(), -1);
    QHash<QPair<int, const void *>, int> classIndex;
    for (int s : workloads) {
        QString error;
        auto endpoint = routing::resolveEndpoint(network, network.subnets()[s].qualifiedName,
                                                 true, &error);
        if (!endpoint)
            continue;
        const auto key = qMakePair(classes.classOf(endpoint->ip),
                                   static_cast<const void *>(&tracer.routes().forSubnet(s)));
        auto it = classIndex.find(key);
        if (it == classIndex.end()) {
            it = classIndex.insert(key, int(c.representative.size()));
            c.representative.push_back(s);
            c.members.push_back(0);
            c.endpoints.push_back(*endpoint);
        }
        ++c.members[*it];
        c.classOfSubnet[s] = *it;
    }
    return c;
}

void sweepPools(const routing::Tracer &tracer, const SubnetClasses &subnets,
                const std::vector<int> &workloads, SweepResults &out)
{
    const model::Network &network = tracer.network();
    for (int g = 0; g < int(network.devices().size()); ++g) {
        const model::Device &gw = network.devices()[g];
        if (gw.kind != model::DeviceKind::Gateway || gw.gatewayObject->vpnClientAddressPool.empty())
            continue;
        QString poolText = gw.gatewayObject->vpnClientAddressPool.front().firstHost().toString();
        for (const model::Client &c : network.design().clients)
            if (c.gateway == gw.name && network.deviceIndex(c.name) >= 0 &&
                network.devices()[network.deviceIndex(c.name)].ip) {
                poolText = c.name;
                break;
            }
        QString error;
        const auto pool = routing::resolveEndpoint(network, poolText, true, &error);
        if (!pool)
            continue;
        // One walk each way per subnet class; every member subnet shares its verdicts.
        std::vector<std::pair<ConnectionSummary, ConnectionSummary>> byClass;
        for (const routing::Endpoint &subnet : subnets.endpoints)
            byClass.emplace_back(
                ConnectionSummary::of(tracer.traceLeg(*pool, subnet, model::Protocol::Tcp, 443)),
                ConnectionSummary::of(tracer.traceLeg(subnet, *pool, model::Protocol::Tcp, 443)));
        for (int s : workloads) {
            const int c = subnets.classOfSubnet[s];
            if (c >= 0)
                out.pools.push_back({g, poolText, s, byClass[c].first, byClass[c].second});
        }
    }
}

void sweepSubnetPairs(const routing::Tracer &tracer, const SubnetClasses &subnets,
                      SubnetPairMatrix &m)
{
    const model::Network &network = tracer.network();
    m.sourceClassOfSubnet = subnets.classOfSubnet;
    m.destinationClassOfSubnet = subnets.classOfSubnet;
    const auto &representative = subnets.representative;
    const auto &endpoints = subnets.endpoints;
    const int n = int(representative.size());
    m.destinationClasses = n;
    m.results.assign(size_t(n) * size_t(n), {});
    m.evaluated.assign(size_t(n) * size_t(n), false);

    // Each class pair once, the source classes split over the cores. vector<bool> packs bits,
    // so the threads write bytes and the evaluation marks are set afterwards.
    std::vector<char> done(size_t(n) * size_t(n), 0);
    auto workSafe = [&](int first, int step) {
        for (int a = first; a < n; a += step)
            for (int b = 0; b < n; ++b) {
                if (network.subnets()[representative[a]].vnet ==
                    network.subnets()[representative[b]].vnet)
                    continue;
                const size_t cell = size_t(a) * size_t(n) + size_t(b);
                m.results[cell] = ConnectionSummary::of(
                    tracer.traceLeg(endpoints[a], endpoints[b], model::Protocol::Tcp, 443));
                done[cell] = 1;
            }
    };
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    if (n < 64 || threads == 1) {
        workSafe(0, 1);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(workSafe, int(t), int(threads));
        workSafe(0, int(threads));
        for (std::thread &t : pool)
            t.join();
    }
    for (size_t cell = 0; cell < done.size(); ++cell)
        if (done[cell]) {
            m.evaluated[cell] = true;
            ++m.pairsEvaluated;
            m.pairsCovered += (long long)subnets.members[cell / size_t(n)] *
                              subnets.members[cell % size_t(n)];
        }
}

// cli.md, L20: the Internet round trip of each subnet class, and traffic entering from each
// on-premises site for each subnet class, walked so that a peering refusing forwarded traffic
// on their way is found even when no subnet pair or pool crosses it.
void sweepEndpoints(const routing::Tracer &tracer, const SubnetClasses &subnets,
                    SweepResults &out)
{
    const model::Network &network = tracer.network();
    QString error;
    const auto internet = routing::resolveEndpoint(network, model::internetName(), false, &error);
    std::vector<routing::Endpoint> sites;
    for (const model::Device &d : network.devices())
        if (d.site && d.ip)
            if (auto site = routing::resolveEndpoint(network, d.name, true, &error))
                sites.push_back(*site);
    for (size_t c = 0; c < subnets.endpoints.size(); ++c) {
        const routing::Endpoint &subnet = subnets.endpoints[c];
        if (internet)
            out.internetRoundTrips.push_back(
                {subnet.text, internet->text,
                 ConnectionSummary::of(
                     tracer.traceLeg(subnet, *internet, model::Protocol::Tcp, 443))});
        for (const routing::Endpoint &site : sites)
            out.onPremisesEntries.push_back(
                {site.text, subnet.text,
                 ConnectionSummary::of(
                     tracer.traceLeg(site, subnet, model::Protocol::Tcp, 443))});
    }
}

// Forwarding loops: for each destination class, the graph of appliances (firewalls, NVAs) to
// the appliance each one sends that class to; a strongly connected component with more than one
// device, or a device sending to itself, is a loop (R4.3c, §14).
void searchLoops(const routing::Tracer &tracer, const routing::EffectiveRoutes &routes,
                 const AddressClasses &classes, const std::vector<int> &workloads,
                 SweepResults &out)
{
    const model::Network &network = tracer.network();
    std::vector<int> appliances;
    QHash<int, int> vertexOf;
    for (int d = 0; d < int(network.devices().size()); ++d) {
        const model::Device &dev = network.devices()[d];
        if (dev.firewall || (dev.vm && dev.vm->enableIPForwarding)) {
            vertexOf.insert(d, int(appliances.size()));
            appliances.push_back(d);
        }
    }
    out.destinationClasses = classes.count();
    if (appliances.empty())
        return;

    // cli.md's loop-sweep sources: every workload subnet; every firewall (AzureFirewallSubnet);
    // every P2S pool and on-premises site, which stand for traffic entering through the gateway
    // and routed by GatewaySubnet.
    std::vector<routing::Endpoint> sources;
    auto addSource = [&](const QString &text) {
        QString error;
        if (auto endpoint = routing::resolveEndpoint(network, text, true, &error))
            sources.push_back(*endpoint);
    };
    for (int s : workloads)
        addSource(network.subnets()[s].qualifiedName);
    for (const model::Device &d : network.devices()) {
        if (d.firewall && d.ip)
            addSource(d.name);
        else if (d.site && d.ip)
            addSource(d.name);
        else if (d.kind == model::DeviceKind::Client && !d.client && d.ip)
            addSource(d.ip->toString()); // a P2S pool, as its first host
    }

    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    QSet<QStringList> reported;
    std::vector<int> next(appliances.size());
    for (int c = 0; c < classes.count(); ++c) {
        const Ipv4Address destination = classes.start(c);
        bool anyEdge = false;
        for (size_t v = 0; v < appliances.size(); ++v) {
            next[v] = -1;
            const model::Device &dev = network.devices()[appliances[v]];
            const auto *route = routes.forSubnet(dev.subnet).nextHop(destination);
            if (!route || route->nextHopType != routing::HopType::VirtualAppliance ||
                !route->nextHopIpAddress)
                continue;
            const int owner = network.ownerOf(*route->nextHopIpAddress);
            const auto it = vertexOf.constFind(owner);
            if (it == vertexOf.cend())
                continue;
            const int ownerVnet = network.devices()[owner].vnet;
            if (ownerVnet != dev.vnet && !network.peered(dev.vnet, ownerVnet))
                continue;
            if (network.devices()[owner].ip == destination)
                continue; // the appliance itself is the destination: delivered, no loop
            next[v] = *it;
            anyEdge = true;
        }
        if (!anyEdge)
            continue;
        Graph graph(appliances.size());
        for (size_t v = 0; v < appliances.size(); ++v)
            if (next[v] >= 0)
                boost::add_edge(v, size_t(next[v]), graph);
        std::vector<int> component(appliances.size());
        const int components = boost::strong_components(
            graph, boost::make_iterator_property_map(component.begin(),
                                                     boost::get(boost::vertex_index, graph)));
        std::vector<std::vector<int>> byComponent(components);
        for (size_t v = 0; v < appliances.size(); ++v)
            byComponent[component[v]].push_back(int(v));
        for (const std::vector<int> &members : byComponent) {
            const bool cycle = members.size() > 1 || next[members.front()] == members.front();
            if (!cycle)
                continue;
            QStringList names;
            for (int v : members)
                names << network.devices()[appliances[v]].name;
            std::sort(names.begin(), names.end());
            if (reported.contains(names))
                continue;
            // A source whose traffic for this class enters the cycle, confirmed by a walk.
            for (const routing::Endpoint &from : sources) {
                const routing::Walk walk = tracer.walker().forward(
                    from.device, {from.ip, destination, model::Protocol::Tcp, 443});
                if (walk.verdict != WalkVerdict::Loop)
                    continue;
                reported.insert(names);
                out.loops.push_back({names, destination.toString(), from.text,
                                     rangeText(classes.start(c), classes.last(c))});
                break;
            }
        }
    }
}

} // namespace

SweepResults runSweeps(const routing::Tracer &tracer)
{
    SweepResults results;
    const model::Network &network = tracer.network();
    const std::vector<int> workloads = workloadSubnets(network);
    const routing::EffectiveRoutes &routes = tracer.routes();
    const AddressClasses classes(routes);
    const SubnetClasses subnets = classifySubnets(tracer, classes, workloads);
    sweepPools(tracer, subnets, workloads, results);
    sweepSubnetPairs(tracer, subnets, results.pairs);
    sweepEndpoints(tracer, subnets, results);
    searchLoops(tracer, routes, classes, workloads, results);
    return results;
}

void sweepFindings(const model::Network &network, const SweepResults &results,
                   std::vector<Finding> &findings)
{
    const auto &devices = network.devices();
    auto vnetOfSubnet = [&](int s) { return network.vnets()[network.subnets()[s].vnet].vnet->name; };

    struct PoolGroup
    {
        const PoolSweepRow *example;
        bool toSubnet;
        int count = 0;
        int ofVnet = 0; // workload subnets swept for this pool
    };
    // Pools: one finding per (pool, direction, root cause), however many subnets share it.
    std::map<std::tuple<int, bool, QString>, PoolGroup> poolGroups;
    QHash<int, int> subnetsPerPool;
    for (const PoolSweepRow &row : results.pools)
        ++subnetsPerPool[row.gateway];
    for (const PoolSweepRow &row : results.pools)
        for (bool toSubnet : {true, false}) {
            const ConnectionSummary &c = toSubnet ? row.toSubnet : row.fromSubnet;
            if (c.ok)
                continue;
            auto &g = poolGroups[{row.gateway, toSubnet, c.rootCause()}];
            if (!g.example)
                g = {&row, toSubnet, 0, subnetsPerPool[row.gateway]};
            ++g.count;
        }
    for (const auto &[key, g] : poolGroups) {
        Q_UNUSED(key)
        const PoolSweepRow &row = *g.example;
        const ConnectionSummary &c = g.toSubnet ? row.toSubnet : row.fromSubnet;
        const QString &subnet = network.subnets()[row.subnet].qualifiedName;
        const QString &gateway = devices[row.gateway].name;
        const bool asymmetric = c.reason == ConnectionReason::Asymmetric;
        const Severity severity = asymmetric || !c.isIsolation() ? Severity::Error
                                                                 : Severity::Warning;
        const QString scope =
            g.count > 1 ? QStringLiteral(" (and %1 more of its %2 workload subnets)")
                              .arg(g.count - 1)
                              .arg(g.ofVnet)
                        : QString();
        const QString what = g.toSubnet
                                 ? QStringLiteral("P2S clients of %1 (%2) cannot reach %3")
                                       .arg(gateway, row.poolEndpoint, subnet)
                                 : QStringLiteral("%1 cannot reach P2S clients of %2 (%3)")
                                       .arg(subnet, gateway, row.poolEndpoint);
        QStringList objects{gateway, subnet};
        if (c.failedAt >= 0 && !objects.contains(devices[c.failedAt].name))
            objects << devices[c.failedAt].name;
        Finding f{asymmetric ? QStringLiteral("vpn-pool-asymmetric")
                             : QStringLiteral("vpn-pool-unreachable"),
                  severity,
                  what + scope + QStringLiteral(": ") + c.explanation,
                  objects,
                  FindingTrace{g.toSubnet ? row.poolEndpoint : subnet,
                               g.toSubnet ? subnet : row.poolEndpoint, 443,
                               model::Protocol::Tcp}};
        findings.push_back(std::move(f));
    }

    // Subnet pairs: one finding per (source VNet, destination VNet, cause); a cause shared by
    // very many VNet pairs is summed up in one finding, so a large estate stays readable.
    const SubnetPairMatrix &m = results.pairs;
    struct PairGroup
    {
        int from = -1, to = -1; // example subnets
        long long pairs = 0;
    };
    std::map<std::tuple<QString, QString, QString>, PairGroup> pairGroups;
    std::vector<int> exampleOfClass(m.destinationClasses, -1);
    std::vector<int> membersOfClass(m.destinationClasses, 0);
    for (int s = 0; s < int(m.sourceClassOfSubnet.size()); ++s)
        if (m.sourceClassOfSubnet[s] >= 0) {
            if (exampleOfClass[m.sourceClassOfSubnet[s]] < 0)
                exampleOfClass[m.sourceClassOfSubnet[s]] = s;
            ++membersOfClass[m.sourceClassOfSubnet[s]];
        }
    for (int a = 0; a < m.destinationClasses; ++a)
        for (int b = 0; b < m.destinationClasses; ++b) {
            const size_t cell = size_t(a) * size_t(m.destinationClasses) + size_t(b);
            if (!m.evaluated[cell] || m.results[cell].ok)
                continue;
            const int from = exampleOfClass[a];
            const int to = exampleOfClass[b];
            auto &g = pairGroups[{vnetOfSubnet(from), vnetOfSubnet(to),
                                  m.results[cell].rootCause()}];
            if (g.from < 0) {
                g.from = from;
                g.to = to;
            }
            g.pairs += (long long)membersOfClass[a] * membersOfClass[b];
        }
    // A root cause shared by more than this many VNet pairs becomes one finding that counts them.
    constexpr int maxGroupsPerCause = 10;
    struct CauseTotal
    {
        int vnetPairs = 0;
        long long subnetPairs = 0;
        bool written = false;
    };
    QHash<QString, CauseTotal> totals;
    for (const auto &[key, g] : pairGroups) {
        CauseTotal &t = totals[std::get<2>(key)];
        ++t.vnetPairs;
        t.subnetPairs += g.pairs;
    }
    for (const auto &[key, g] : pairGroups) {
        CauseTotal &total = totals[std::get<2>(key)];
        const bool summarised = total.vnetPairs > maxGroupsPerCause;
        if (summarised && total.written)
            continue;
        total.written = true;
        const ConnectionSummary &c = *m.verdict(g.from, g.to);
        const bool asymmetric = c.reason == ConnectionReason::Asymmetric;
        const Severity severity = asymmetric || !c.isIsolation() ? Severity::Error
                                                                 : Severity::Info;
        const QString &fromName = network.subnets()[g.from].qualifiedName;
        const QString &toName = network.subnets()[g.to].qualifiedName;
        QStringList objects{std::get<0>(key), std::get<1>(key)};
        if (c.failedAt >= 0 && !objects.contains(devices[c.failedAt].name))
            objects << devices[c.failedAt].name;
        const QString scope =
            summarised
                ? QStringLiteral("%1 VNet pairs (%2 subnet pairs) fail the same way (%3)")
                      .arg(total.vnetPairs)
                      .arg(total.subnetPairs)
                      .arg(c.cause())
                : QStringLiteral("%1 → %2: %3 subnet pair(s) fail (%4)")
                      .arg(std::get<0>(key), std::get<1>(key))
                      .arg(g.pairs)
                      .arg(c.cause());
        findings.push_back({asymmetric ? QStringLiteral("asymmetric-path")
                                       : QStringLiteral("subnet-pair-unreachable"),
                            severity,
                            QStringLiteral("%1; for example %2 → %3: %4")
                                .arg(scope, fromName, toName, c.explanation),
                            objects,
                            FindingTrace{fromName, toName, 443, model::Protocol::Tcp}});
    }

    // L20, R8.5: every peering link that refuses a walk of the sweeps, once, with the first
    // walk that met it (cli.md: an error wherever a walk meets it).
    struct Refusal
    {
        QString from, to;
        QString explanation;
    };
    std::map<std::pair<int, int>, Refusal> refusals;
    auto refused = [&](const ConnectionSummary &c, const QString &from, const QString &to) {
        if (c.ok || c.refusingPeeringFrom < 0)
            return;
        refusals.try_emplace({c.refusingPeeringFrom, c.refusingPeeringTo},
                             Refusal{from, to, c.explanation});
    };
    for (const PoolSweepRow &row : results.pools) {
        const QString &subnet = network.subnets()[row.subnet].qualifiedName;
        refused(row.toSubnet, row.poolEndpoint, subnet);
        refused(row.fromSubnet, subnet, row.poolEndpoint);
    }
    for (int a = 0; a < m.destinationClasses; ++a)
        for (int b = 0; b < m.destinationClasses; ++b) {
            const size_t cell = size_t(a) * size_t(m.destinationClasses) + size_t(b);
            if (m.evaluated[cell])
                refused(m.results[cell], network.subnets()[exampleOfClass[a]].qualifiedName,
                        network.subnets()[exampleOfClass[b]].qualifiedName);
        }
    for (const auto *rows : {&results.internetRoundTrips, &results.onPremisesEntries})
        for (const EndpointSweepRow &row : *rows)
            refused(row.connection, row.from, row.to);
    for (const auto &[link, r] : refusals) {
        const QString &from = network.vnets()[link.first].vnet->name;
        const QString &to = network.vnets()[link.second].vnet->name;
        findings.push_back(
            {QStringLiteral("forwarded-traffic-not-allowed"), Severity::Error,
             QStringLiteral("the peering %1 → %2 does not allow forwarded traffic, so traffic "
                            "relayed from %2 into %1 is dropped there (R8.5, L20); for example "
                            "%3 → %4: %5. Set allowForwardedTraffic on it.")
                 .arg(from, to, r.from, r.to, r.explanation),
             {from, to},
             FindingTrace{r.from, r.to, 443, model::Protocol::Tcp}});
    }

    for (const LoopRecord &loop : results.loops)
        findings.push_back(
            {QStringLiteral("routing-loop"), Severity::Error,
             QStringLiteral("traffic for %1 (for example %2 from %3) loops between %4: each sends "
                            "it on to the next and it never arrives (§14, L8). Give one of them "
                            "a route that leads out of the loop.")
                 .arg(loop.prefix, loop.destination, loop.source,
                      loop.devices.join(QStringLiteral(" and "))),
             loop.devices,
             FindingTrace{loop.source, loop.destination, 443, model::Protocol::Tcp}});
}

} // namespace hopscope::analysis
