// The incremental check (issue 15): after every edit its findings equal a full check's exactly,
// and it really reuses the legs an edit cannot change.

#include "DesignGenerator.h"
#include "TestDesigns.h"
#include "analysis/Check.h"
#include "analysis/IncrementalCheck.h"
#include "analysis/Sweeps.h"
#include "edit/DesignEdits.h"
#include "model/Network.h"

#include <QtTest>

#include <cstdint>
#include <functional>
#include <random>

using namespace hopscope;
using model::NextHopType;
using model::Prefix;

namespace {

// Every field of every finding, one line each, in report order.
QStringList lines(const analysis::CheckReport &report)
{
    QStringList out;
    for (const analysis::Finding &f : report.findings) {
        QString trace = QStringLiteral("-");
        if (f.trace)
            trace = QStringLiteral("%1→%2 %3/%4")
                        .arg(f.trace->from, f.trace->to, model::toString(f.trace->protocol))
                        .arg(f.trace->port);
        out << QStringLiteral("%1 | %2 | %3 | %4 | %5")
                   .arg(analysis::toString(f.severity), f.code, f.message,
                        f.objects.join(u','), trace);
    }
    return out;
}

QString summary(const analysis::ConnectionSummary &c)
{
    return QStringLiteral("%1 at %2 %3 (%4) from '%5' %6/%7 nsg '%8' peering %9→%10")
        .arg(c.ok ? QStringLiteral("ok") : c.cause())
        .arg(c.failedAt)
        .arg(c.failingRoute, c.explanation, c.source, model::toString(c.protocol))
        .arg(c.port)
        .arg(c.decidingNsg)
        .arg(c.refusingPeeringFrom)
        .arg(c.refusingPeeringTo);
}

// The check's findings and the sweeps' own verdicts (the app's VPN Pools view shows them).
struct Outcome
{
    QStringList findings;
    QStringList sweeps;
};

analysis::CheckOptions observing(QStringList &sweeps)
{
    analysis::CheckOptions options;
    options.sweepsObserver = [&sweeps](const model::Network &network,
                                       const analysis::SweepResults &results) {
        for (const analysis::PoolSweepRow &row : *results.pools)
            sweeps << QStringLiteral("pool %1 %2 → %3 | ← %4")
                          .arg(row.poolEndpoint)
                          .arg(row.subnet)
                          .arg(summary(*row.toSubnet), summary(*row.fromSubnet));
        const int subnets = int(network.subnets().size());
        for (int a = 0; a < subnets; ++a)
            for (int b = 0; b < subnets; ++b)
                if (const analysis::ConnectionSummary *c = results.pairs.verdict(a, b))
                    sweeps << QStringLiteral("pair %1 → %2: %3").arg(a).arg(b).arg(summary(*c));
        for (const auto *rows : {&results.internetRoundTrips, &results.onPremisesEntries})
            for (const analysis::EndpointSweepRow &row : *rows)
                sweeps << QStringLiteral("%1 → %2: %3")
                              .arg(row.from, row.to, summary(row.connection));
        for (const analysis::LoopRecord &loop : results.loops)
            sweeps << QStringLiteral("loop %1 %2 from %3")
                          .arg(loop.devices.join(u','), loop.prefix, loop.source);
    };
    return options;
}

Outcome fullCheck(const model::Design &design)
{
    Outcome o;
    o.findings = lines(analysis::checkDesign(design, observing(o.sweeps)));
    return o;
}

Outcome incrementalCheck(analysis::IncrementalCheck &checker, const model::Design &design)
{
    Outcome o;
    o.findings = lines(checker.check(design, observing(o.sweeps)));
    return o;
}

// The first line where two outcomes differ, for the failure message.
QString firstDifference(const QStringList &incremental, const QStringList &full)
{
    for (qsizetype i = 0; i < std::max(incremental.size(), full.size()); ++i) {
        const QString a = i < incremental.size() ? incremental[i] : QStringLiteral("(none)");
        const QString b = i < full.size() ? full[i] : QStringLiteral("(none)");
        if (a != b)
            return QStringLiteral("line %1:\n  incremental: %2\n  full:        %3").arg(i).arg(a, b);
    }
    return {};
}

// A generated design in which every other spoke has a route table of its own (a copy of its
// hub's spoke table), so that most route edits touch one spoke, as they do in real estates.
model::Design generated(int hubs, int vnets, int subnets, int nsgRules, bool faults)
{
    bench::GeneratorOptions options;
    options.hubs = hubs;
    options.vnets = vnets;
    options.workloadSubnets = subnets;
    options.nsgRules = nsgRules;
    options.unownedNextHop = faults;
    options.forwardingLoop = faults;
    model::Design design = bench::generateDesign(options);
    for (size_t v = size_t(hubs); v < design.vnets.size(); v += 2) {
        model::Vnet &spoke = design.vnets[v];
        const QString shared = spoke.subnets.front().routeTable;
        const model::RouteTable *table = design.routeTable(shared);
        if (!table)
            continue;
        model::RouteTable own = *table;
        own.name = QStringLiteral("rt-%1").arg(spoke.name);
        design.routeTables.push_back(own);
        for (model::Subnet &s : spoke.subnets)
            s.routeTable = own.name;
    }
    return design;
}

// Random edits of the kinds issue 15 names, each leaving a loadable design.
class RandomEditor
{
public:
    explicit RandomEditor(std::uint32_t seed) : m_random(seed) {}

    // Applies one edit and says what it did.
    QString edit(model::Design &d)
    {
        for (;;) {
            const int kind = pick(100);
            QString done;
            if (kind < 18)
                done = addRoute(d);
            else if (kind < 36)
                done = changeRoute(d);
            else if (kind < 50)
                done = deleteRoute(d);
            else if (kind < 64)
                done = associateTable(d);
            else if (kind < 80)
                done = togglePeeringFlag(d);
            else if (kind < 97)
                done = moveDevice(d);
            else
                done = deleteVnet(d);
            if (!done.isEmpty())
                return done;
        }
    }

private:
    int pick(int n) { return int(m_random() % std::uint32_t(n)); }

    // Somewhere a route may send or a device may sit: spokes, subnets, hosts, hub blocks,
    // pools, the Internet, addresses nobody owns.
    Prefix somePrefix(const model::Design &d)
    {
        const model::Vnet &v = d.vnets[size_t(pick(int(d.vnets.size())))];
        switch (pick(6)) {
        case 0: return v.addressSpace.front();
        case 1: return v.subnets[size_t(pick(int(v.subnets.size())))].addressPrefix;
        case 2: return Prefix(someAddress(d), 32);
        case 3: return Prefix(v.addressSpace.front().address(), 14 + pick(6));
        case 4: return Prefix(model::Ipv4Address(0xAC100000u | std::uint32_t(pick(4)) << 8), 24);
        default: return Prefix(model::Ipv4Address(std::uint32_t(pick(255)) << 24), pick(2) * 8);
        }
    }
    model::Ipv4Address someAddress(const model::Design &d)
    {
        if (pick(4) == 0) {
            // A firewall's address: the hubs' appliances.
            const model::Firewall &fw = d.firewalls[size_t(pick(int(d.firewalls.size())))];
            if (fw.privateIp)
                return *fw.privateIp;
        }
        const model::Vnet &v = d.vnets[size_t(pick(int(d.vnets.size())))];
        const model::Subnet &s = v.subnets[size_t(pick(int(v.subnets.size())))];
        return model::Ipv4Address(s.addressPrefix.address().value() + 4u + std::uint32_t(pick(3)));
    }
    model::Route someRoute(const model::Design &d, const QString &name)
    {
        model::Route r;
        r.name = name;
        r.addressPrefix = somePrefix(d);
        const NextHopType types[] = {NextHopType::VirtualAppliance, NextHopType::VirtualAppliance,
                                     NextHopType::VirtualNetworkGateway, NextHopType::VnetLocal,
                                     NextHopType::Internet, NextHopType::None};
        r.nextHopType = types[pick(6)];
        if (r.nextHopType == NextHopType::VirtualAppliance)
            r.nextHopIpAddress = someAddress(d);
        return r;
    }
    model::RouteTable *someTable(model::Design &d, bool withRoutes)
    {
        std::vector<model::RouteTable *> tables;
        for (model::RouteTable &t : d.routeTables)
            if (!withRoutes || !t.routes.empty())
                tables.push_back(&t);
        return tables.empty() ? nullptr : tables[size_t(pick(int(tables.size())))];
    }

    QString addRoute(model::Design &d)
    {
        model::RouteTable *t = someTable(d, false);
        if (!t)
            return {};
        model::Route r = someRoute(d, QStringLiteral("r%1").arg(++m_routes));
        for (const model::Route &existing : t->routes)
            if (existing.addressPrefix == r.addressPrefix)
                return {}; // Azure refuses two routes for one prefix in a table
        t->routes.push_back(r);
        return QStringLiteral("route add %1 %2 → %3").arg(t->name, r.addressPrefix.toString(),
                                                         model::toString(r.nextHopType));
    }
    QString changeRoute(model::Design &d)
    {
        model::RouteTable *t = someTable(d, true);
        if (!t)
            return {};
        model::Route &r = t->routes[size_t(pick(int(t->routes.size())))];
        const model::Route changed = someRoute(d, r.name);
        if (pick(2) == 0) {
            r.nextHopType = changed.nextHopType;
            r.nextHopIpAddress = changed.nextHopIpAddress;
        } else {
            for (const model::Route &existing : t->routes)
                if (existing.addressPrefix == changed.addressPrefix)
                    return {};
            r.addressPrefix = changed.addressPrefix;
        }
        return QStringLiteral("route change %1/%2 %3 → %4")
            .arg(t->name, r.name, r.addressPrefix.toString(), model::toString(r.nextHopType));
    }
    QString deleteRoute(model::Design &d)
    {
        model::RouteTable *t = someTable(d, true);
        if (!t)
            return {};
        const size_t i = size_t(pick(int(t->routes.size())));
        const QString name = t->routes[i].name;
        t->routes.erase(t->routes.begin() + std::ptrdiff_t(i));
        return QStringLiteral("route delete %1/%2").arg(t->name, name);
    }
    QString associateTable(model::Design &d)
    {
        model::Vnet &v = d.vnets[size_t(pick(int(d.vnets.size())))];
        model::Subnet &s = v.subnets[size_t(pick(int(v.subnets.size())))];
        const model::RouteTable *t = pick(5) == 0 ? nullptr : someTable(d, false);
        s.routeTable = t ? t->name : QString();
        return QStringLiteral("associate %1/%2 with '%3'").arg(v.name, s.name, s.routeTable);
    }
    QString togglePeeringFlag(model::Design &d)
    {
        if (d.peerings.empty())
            return {};
        model::Peering &p = d.peerings[size_t(pick(int(d.peerings.size())))];
        bool *flags[] = {&p.allowVirtualNetworkAccess, &p.allowForwardedTraffic,
                         &p.allowGatewayTransit, &p.useRemoteGateways};
        const char *names[] = {"allowVirtualNetworkAccess", "allowForwardedTraffic",
                               "allowGatewayTransit", "useRemoteGateways"};
        const int f = pick(4);
        *flags[f] = !*flags[f];
        return QStringLiteral("peering %1→%2 %3 %4")
            .arg(p.from, p.to, QString::fromLatin1(names[f]),
                 *flags[f] ? QStringLiteral("on") : QStringLiteral("off"));
    }
    QString moveDevice(model::Design &d)
    {
        // A VM mostly, sometimes a firewall: to another host of its subnet, back to the
        // default, or onto an address another device holds.
        const bool firewall = pick(5) == 0;
        if (firewall ? d.firewalls.empty() : d.vms.empty())
            return {};
        std::optional<model::Ipv4Address> *ip = nullptr;
        QString name;
        QString subnet;
        if (firewall) {
            model::Firewall &f = d.firewalls[size_t(pick(int(d.firewalls.size())))];
            ip = &f.privateIp;
            name = f.name;
            subnet = f.subnet;
        } else {
            model::Vm &vm = d.vms[size_t(pick(int(d.vms.size())))];
            ip = &vm.privateIp;
            name = vm.name;
            subnet = vm.subnet;
        }
        const model::Subnet *s = d.subnet(subnet);
        if (!s)
            return {};
        switch (pick(3)) {
        case 0: ip->reset(); break;
        case 1:
            *ip = model::Ipv4Address(s->addressPrefix.address().value() + 4u +
                                     std::uint32_t(pick(8)));
            break;
        default: *ip = someAddress(d); break;
        }
        return QStringLiteral("move %1 to %2")
            .arg(name, *ip ? (*ip)->toString() : QStringLiteral("its default"));
    }
    QString deleteVnet(model::Design &d)
    {
        if (d.vnets.size() < 6)
            return {};
        const model::Vnet &v = d.vnets[size_t(pick(int(d.vnets.size())))];
        if (v.role == model::VnetRole::Hub)
            return {};
        const QString name = v.name;
        edit::remove(d, {model::ObjectId::object(name)});
        return QStringLiteral("delete VNet %1").arg(name);
    }

    std::mt19937 m_random;
    int m_routes = 0;
};

} // namespace

class TestIncremental : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEditsEqualFullCheck_data();
    void randomEditsEqualFullCheck();
    void legsAreReused_data();
    void legsAreReused();
    void keepsOnlyWhenAsked_data();
    void keepsOnlyWhenAsked();
    void proxiesAreNeverKept_data();
    void proxiesAreNeverKept();
    void dependenciesFollowTheWalk_data();
    void dependenciesFollowTheWalk();
    void routeEditsJudgeWhatTheyRouteAgain_data();
    void routeEditsJudgeWhatTheyRouteAgain();
};

void TestIncremental::randomEditsEqualFullCheck_data()
{
    QTest::addColumn<int>("hubs");
    QTest::addColumn<int>("vnets");
    QTest::addColumn<int>("subnets");
    QTest::addColumn<int>("nsgRules");
    QTest::addColumn<bool>("faults");
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("edits");
    QTest::newRow("3 hubs, 24 VNets, no NSGs, seed 1: 130 edits equal a full check")
        << 3 << 24 << 40 << 0 << false << 1 << 130;
    QTest::newRow("3 hubs, 24 VNets, no NSGs, seed 2: 130 edits equal a full check")
        << 3 << 24 << 40 << 0 << false << 2 << 130;
    QTest::newRow("2 hubs, 20 VNets, loop and unowned next hop, seed 3: 100 edits equal a full check")
        << 2 << 20 << 30 << 0 << true << 3 << 100;
    QTest::newRow("2 hubs, 8 VNets, NSGs of 5 rules, seed 4: 80 edits equal a full check")
        << 2 << 8 << 10 << 5 << false << 4 << 80;
    QTest::newRow("2 hubs, 8 VNets, NSGs of 5 rules, seed 5: 80 edits equal a full check")
        << 2 << 8 << 10 << 5 << false << 5 << 80;
}

void TestIncremental::randomEditsEqualFullCheck()
{
    QFETCH(int, hubs);
    QFETCH(int, vnets);
    QFETCH(int, subnets);
    QFETCH(int, nsgRules);
    QFETCH(bool, faults);
    QFETCH(int, seed);
    QFETCH(int, edits);

    model::Design design = generated(hubs, vnets, subnets, nsgRules, faults);
    analysis::IncrementalCheck checker;
    incrementalCheck(checker, design);
    RandomEditor editor{std::uint32_t(seed)};
    long long reused = 0;
    int incrementalChecks = 0;
    for (int i = 0; i < edits; ++i) {
        const QString what = editor.edit(design);
        const Outcome incremental = incrementalCheck(checker, design);
        const Outcome full = fullCheck(design);
        reused += checker.lastStatistics().reused;
        incrementalChecks += checker.lastStatistics().incremental ? 1 : 0;
        for (const auto &[a, b] : {std::pair{&incremental.findings, &full.findings},
                                   std::pair{&incremental.sweeps, &full.sweeps}})
            if (*a != *b)
                QFAIL(qPrintable(QStringLiteral("after edit %1 (%2), %3 differ at %4")
                                     .arg(i)
                                     .arg(what,
                                          a == &incremental.findings ? QStringLiteral("findings")
                                                                     : QStringLiteral("sweeps"),
                                          firstDifference(*a, *b))));
    }
    // The comparison above means something only if the memo answered, after most edits.
    QVERIFY2(reused > 0, "no leg was ever reused");
    QVERIFY2(incrementalChecks * 4 > edits * 3,
             qPrintable(QStringLiteral("only %1 of %2 checks were incremental")
                            .arg(incrementalChecks)
                            .arg(edits)));
}

void TestIncremental::legsAreReused_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<bool>("incremental");
    QTest::addColumn<int>("dirtyVnets");
    QTest::addColumn<bool>("everyLegReused");
    // At most this many judgements walked again (-1: fewer than a quarter of the first check's
    // for one dirty VNet, fewer than all for more).
    QTest::addColumn<int>("atMost");
    QTest::newRow("the same design again: every leg reused, nothing walked")
        << "none" << true << 0 << true << 0;
    // SweepMemo::Changes: only the judgements with an end point in the route's prefix, each
    // way between the spoke's class and the other's.
    QTest::newRow("a route added to one spoke's own table: only the pairs it routes walked again")
        << "route" << true << 1 << false << 2;
    QTest::newRow("a route for a range no end point is in: that spoke is dirty, nothing walked")
        << "route elsewhere" << true << 1 << true << 0;
    QTest::newRow("a peering flag turned off: its two VNets are dirty")
        << "peering" << true << 2 << false << -1;
    QTest::newRow("a VM moved within its subnet: its spoke is dirty")
        << "device" << true << 1 << false << -1;
    QTest::newRow("a VNet deleted: indices move, so a full check")
        << "delete" << false << 0 << false << -1;
    QTest::newRow("a setting changed: a full check") << "setting" << false << 0 << false << -1;
}

void TestIncremental::legsAreReused()
{
    QFETCH(QString, edit);
    QFETCH(bool, incremental);
    QFETCH(int, dirtyVnets);
    QFETCH(bool, everyLegReused);
    QFETCH(int, atMost);

    model::Design design = generated(3, 24, 40, 0, false);
    analysis::IncrementalCheck checker;
    checker.check(design);
    QCOMPARE(checker.lastStatistics().incremental, false);
    const long long walkedFirst = checker.lastStatistics().redone;
    QVERIFY(walkedFirst > 0);

    // hub0-spoke1 (index 3) has a table of its own; hub0-spoke2 shares its hub's.
    model::Vnet &spoke = design.vnets[3];
    QCOMPARE(spoke.subnets.front().routeTable, QStringLiteral("rt-%1").arg(spoke.name));
    if (edit == u"route") {
        // Another spoke's range: only the judgements with an end point there can change.
        design.routeTable(spoke.subnets.front().routeTable)
            ->routes.push_back({QStringLiteral("blackhole-spoke"),
                                design.vnets[5].addressSpace.front(),
                                NextHopType::None,
                                {}});
    } else if (edit == u"route elsewhere") {
        // A hub's range: its subnets are special ones, no sweep's end point is there (R7).
        design.routeTable(spoke.subnets.front().routeTable)
            ->routes.push_back({QStringLiteral("blackhole-hub1"),
                                design.vnets[1].addressSpace.front(), NextHopType::None, {}});
    } else if (edit == u"peering") {
        for (model::Peering &p : design.peerings)
            if (p.from == spoke.name)
                p.allowForwardedTraffic = false;
    } else if (edit == u"device") {
        model::Vm *vm = design.vm(QStringLiteral("vm-%1-0").arg(spoke.name));
        vm->privateIp = model::Ipv4Address(spoke.subnets.front().addressPrefix.address().value() + 9);
    } else if (edit == u"delete") {
        edit::remove(design, {model::ObjectId::object(spoke.name)});
    } else if (edit == u"setting") {
        design.settings.p2sInternetBreakout = model::P2sInternetBreakout::Allow;
    }

    const QStringList findings = lines(checker.check(design));
    const analysis::IncrementalCheck::Statistics stats = checker.lastStatistics();
    QCOMPARE(findings, lines(analysis::checkDesign(design)));
    QCOMPARE(stats.incremental, incremental);
    if (!incremental) {
        QVERIFY(!stats.fullBecause.isEmpty());
        QCOMPARE(stats.reused, 0);
        return;
    }
    QCOMPARE(stats.dirtyVnets, dirtyVnets);
    QVERIFY2(stats.reused > 0, "the memo answered nothing");
    if (everyLegReused) {
        QCOMPARE(stats.redone, 0);
        QCOMPARE(stats.dropped, 0);
    } else {
        // The dirty VNets' legs were dropped and walked again; most were not.
        QVERIFY(stats.dropped > 0);
        QVERIFY(stats.redone > 0);
        if (atMost >= 0)
            QVERIFY2(stats.redone <= atMost,
                     qPrintable(QStringLiteral("%1 walked again").arg(stats.redone)));
        QVERIFY2(stats.redone < walkedFirst && (dirtyVnets > 1 || stats.redone * 4 < walkedFirst),
                 qPrintable(QStringLiteral("%1 of %2 legs walked again")
                                .arg(stats.redone)
                                .arg(walkedFirst)));
    }
}

void TestIncremental::keepsOnlyWhenAsked_data()
{
    QTest::addColumn<bool>("nsgs");
    QTest::newRow("no NSGs: a first check kept nothing, a priming one keeps, the next builds on it")
        << false;
    QTest::newRow("NSGs (legs kept): the same") << true;
}

void TestIncremental::proxiesAreNeverKept_data()
{
    QTest::addColumn<bool>("alwaysFirst");
    QTest::newRow("a proxy VM, asked to keep always: full checks, nothing kept or to prime")
        << true;
    QTest::newRow("a proxy VM, asked to keep when incremental first: the same") << false;
}

// A proxy judges by its squid.conf, outside the design: nothing can be kept, and there is
// nothing for a caller to prime either.
void TestIncremental::proxiesAreNeverKept()
{
    QFETCH(bool, alwaysFirst);
    using Keep = analysis::IncrementalCheck::Keep;
    model::Design design = generated(2, 12, 24, 0, false);
    design.vms.front().proxy = model::ProxyService{};
    const QStringList full = lines(analysis::checkDesign(design));
    analysis::IncrementalCheck checker;
    const Keep first = alwaysFirst ? Keep::Always : Keep::WhenIncremental;
    const Keep second = alwaysFirst ? Keep::WhenIncremental : Keep::Always;
    for (const Keep keep : {first, second, first}) {
        QCOMPARE(lines(checker.check(design, {}, keep)), full);
        const analysis::IncrementalCheck::Statistics &stats = checker.lastStatistics();
        QCOMPARE(stats.keepable, false);
        QCOMPARE(stats.incremental, false);
        QCOMPARE(stats.primed, false);
        QCOMPARE(stats.kept, 0);
    }
}

// IncrementalCheck::Keep::WhenIncremental (the app's first check of a design): a full check
// keeps nothing and leaves nothing to compare with; Keep::Always then primes the checker, and
// the check after an edit is incremental. Every report equals a full check's.
void TestIncremental::keepsOnlyWhenAsked()
{
    QFETCH(bool, nsgs);
    using Keep = analysis::IncrementalCheck::Keep;
    model::Design design = generated(2, 12, 24, nsgs ? 5 : 0, false);
    const QStringList full = lines(analysis::checkDesign(design));
    analysis::IncrementalCheck checker;

    QCOMPARE(lines(checker.check(design, {}, Keep::WhenIncremental)), full);
    QCOMPARE(checker.lastStatistics().incremental, false);
    QCOMPARE(checker.lastStatistics().primed, false);
    QCOMPARE(checker.lastStatistics().kept, 0);

    // Nothing to compare with: the next check is full again, and this one keeps.
    QCOMPARE(lines(checker.check(design, {}, Keep::Always)), full);
    QCOMPARE(checker.lastStatistics().incremental, false);
    QCOMPARE(checker.lastStatistics().primed, true);
    QVERIFY(checker.lastStatistics().kept > 0);

    // An edit of one spoke's own table: incremental, even when asked to keep only then.
    model::Vnet &spoke = design.vnets[2];
    QCOMPARE(spoke.subnets.front().routeTable, QStringLiteral("rt-%1").arg(spoke.name));
    design.routeTable(spoke.subnets.front().routeTable)
        ->routes.push_back({QStringLiteral("blackhole-hub1"), design.vnets[1].addressSpace.front(),
                            NextHopType::None, {}});
    QCOMPARE(lines(checker.check(design, {}, Keep::WhenIncremental)),
             lines(analysis::checkDesign(design)));
    QCOMPARE(checker.lastStatistics().incremental, true);
    QCOMPARE(checker.lastStatistics().primed, true);
    QVERIFY(checker.lastStatistics().reused > 0);
}

void TestIncremental::dependenciesFollowTheWalk_data()
{
    QTest::addColumn<bool>("forwarding");
    QTest::newRow("a spoke's route now sends a pair through a VM elsewhere; that VM then forwards")
        << true;
    QTest::newRow("the same, and that VM then moves: the pair's verdict follows it") << false;
}

// A pair judged again after an edit may depend on a VNet it never met before (its walk now
// crosses it): an edit there later must judge it again too (SweepMemo's index by VNet).
void TestIncremental::dependenciesFollowTheWalk()
{
    QFETCH(bool, forwarding);
    model::Design design = generated(2, 12, 24, 0, false);
    analysis::IncrementalCheck checker;
    checker.check(design);

    const model::Vnet &spoke = design.vnets[2];
    const model::Vnet &target = design.vnets[5];
    const QString vmName = QStringLiteral("vm-%1-0").arg(design.vnets[7].name);
    model::Ipv4Address relay;
    {
        const model::Network network(design); // its address: the subnet's first host
        const int device = network.deviceIndex(vmName);
        QVERIFY(device >= 0 && network.devices()[size_t(device)].ip);
        relay = *network.devices()[size_t(device)].ip;
    }
    design.routeTable(spoke.subnets.front().routeTable)
        ->routes.push_back({QStringLiteral("via-vm"), target.addressSpace.front(),
                            NextHopType::VirtualAppliance, relay});
    QCOMPARE(lines(checker.check(design)), lines(analysis::checkDesign(design)));
    QVERIFY(checker.lastStatistics().incremental);

    model::Vm *vm = design.vm(vmName);
    if (forwarding)
        vm->enableIPForwarding = true;
    else
        vm->privateIp = model::Ipv4Address(relay.value() + 1);
    const QStringList full = lines(analysis::checkDesign(design));
    QCOMPARE(lines(checker.check(design)), full);
    QVERIFY(checker.lastStatistics().incremental);
    QVERIFY(checker.lastStatistics().reused > 0);
}

void TestIncremental::routeEditsJudgeWhatTheyRouteAgain_data()
{
    // A route added to rt-public, the table of a spoke whose address space is public: the
    // judgements that now route differently must be judged again, though SweepMemo::Changes
    // keeps those whose end points lie outside the route's prefix.
    QTest::addColumn<QString>("prefix");
    QTest::newRow("a range holding an end point: the pairs with the private spoke")
        << "10.1.0.0/24";
    // The firewall (with a management NIC) translates what it sends to an appliance for a
    // public address (R10.4): the public spoke replies to the firewall's own address, which is
    // neither end point.
    QTest::newRow("the firewall's range: replies to a translated address") << "10.0.1.0/24";
}

void TestIncremental::routeEditsJudgeWhatTheyRouteAgain()
{
    QFETCH(QString, prefix);
    using testdesigns::Builder;
    Builder b;
    b.vnet("Hub", "10.0.0.0/16", "", model::VnetRole::Hub)
        .subnet("Hub", "AzureFirewallSubnet", "10.0.1.0/26", "rt-fw")
        .vnet("Private", "10.1.0.0/16", "", model::VnetRole::Spoke)
        .subnet("Private", "Work", "10.1.0.0/24", "rt-private")
        .vnet("Public", "20.1.0.0/16", "", model::VnetRole::Spoke)
        .subnet("Public", "Work", "20.1.0.0/24", "rt-public")
        .peer("Hub", "Private")
        .peer("Hub", "Public")
        .table("rt-fw")
        .route("rt-fw", "default", "0.0.0.0/0", NextHopType::Internet)
        .route("rt-fw", "public-via-nva", "20.1.0.0/16", NextHopType::VirtualAppliance, "20.1.0.10")
        .table("rt-private")
        .route("rt-private", "to-public", "20.1.0.0/16", NextHopType::VirtualAppliance, "10.0.1.4")
        .table("rt-public")
        .route("rt-public", "to-private", "10.1.0.0/16", NextHopType::VirtualAppliance, "10.0.1.4")
        .firewall("FW", "Hub/AzureFirewallSubnet", "10.0.1.4", true)
        .vm("nva", "Public/Work", "20.1.0.10", true)
        .edit([](model::Design &d) { d.firewalls.front().allowAll = true; });
    QVERIFY(!analysis::sweepsFilter(b.d)); // judgements are kept, not legs
    analysis::IncrementalCheck checker;
    checker.check(b.d);
    const Outcome before = incrementalCheck(checker, b.d);
    QVERIFY(checker.lastStatistics().incremental);

    b.route("rt-public", "blackhole", qPrintable(prefix), NextHopType::None);
    const Outcome full = fullCheck(b.d);
    QVERIFY2(full.sweeps != before.sweeps, "the edit changes no verdict: the row checks nothing");
    const Outcome incremental = incrementalCheck(checker, b.d);
    QVERIFY(checker.lastStatistics().incremental);
    QVERIFY2(incremental.sweeps == full.sweeps,
             qPrintable(firstDifference(incremental.sweeps, full.sweeps)));
    QCOMPARE(incremental.findings, full.findings);
}

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
