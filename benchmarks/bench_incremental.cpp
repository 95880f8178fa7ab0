// Issue 15's figure "one route edit → findings (incremental)" on the generated 1,000-VNet design
// (bench_core's), with where the time goes. Not a test: timings on a shared machine vary.
// A program of its own, so that it runs without bench_core's long full-check figures.

#include "BenchReport.h"
#include "DesignGenerator.h"
#include "analysis/Check.h"
#include "analysis/IncrementalCheck.h"
#include "model/Network.h"
#include "routing/EffectiveRoutes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <algorithm>
#include <vector>

using namespace hopscope;

namespace {

using bench::medianMs;
using bench::report;

// CPU seconds of the whole process so far, all threads: on a loaded machine this measures the
// work, where wall time measures the neighbours too.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// Edits one spoke's own route table `runs` times, each followed by the check the app runs after
// an edit (IncrementalCheck). The spoke gets a route table of its own, as real spokes have;
// each edit adds or removes a route in it that blackholes another spoke's range, so findings
// come and go. The design is passed to the check as a copy, as the app passes it.
void reportIncrementalCheck(model::Design design, int runs)
{
    QTextStream &out = bench::out();
    const auto isSpoke = [](const model::Vnet &v) { return v.role == model::VnetRole::Spoke; };
    const auto spoke = std::find_if(design.vnets.begin(), design.vnets.end(), isSpoke);
    if (spoke == design.vnets.end())
        return;
    const auto other = std::find_if(spoke + 1, design.vnets.end(), isSpoke);
    const model::RouteTable *shared = design.routeTable(spoke->subnets.front().routeTable);
    if (other == design.vnets.end() || !shared)
        return;
    model::RouteTable own = *shared;
    own.name = QStringLiteral("rt-") + spoke->name;
    for (model::Subnet &s : spoke->subnets)
        s.routeTable = own.name;
    const model::Route blackhole{QStringLiteral("bench-edit"), other->addressSpace.front(),
                                 model::NextHopType::None, {}, {}};
    design.routeTables.push_back(std::move(own));
    const QString table = design.routeTables.back().name;

    analysis::IncrementalCheck checker;
    QElapsedTimer timer;
    timer.start();
    checker.check(design);
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;
    const analysis::IncrementalCheck::Statistics first = checker.lastStatistics();
    std::vector<double> total, cpu, network, compare, check, reused, walked, dirty, tables;
    for (int i = 0; i < runs; ++i) {
        auto &routes = design.routeTable(table)->routes;
        if (i % 2 == 0)
            routes.push_back(blackhole);
        else
            routes.pop_back();
        timer.restart();
        const double cpuBefore = cpuMs();
        checker.check(design);
        total.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMs() - cpuBefore);
        const analysis::IncrementalCheck::Statistics &s = checker.lastStatistics();
        network.push_back(s.networkMs);
        compare.push_back(s.compareMs);
        check.push_back(s.checkMs);
        reused.push_back(double(s.reused));
        walked.push_back(double(s.redone));
        dirty.push_back(double(s.dirtyVnets));
        tables.push_back(double(s.routeTablesComputed));
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    loadavg.open(QIODevice::ReadOnly);
    out << "\nincremental re-check (issue 15; load average " << loadavg.readAll().trimmed()
        << "):\n";
    report("one route edit → findings (incremental)", median(total), "ms", 50);
    double fullCpu = cpuMs();
    timer.restart();
    analysis::checkDesign(design);
    const double fullMs = double(timer.nsecsElapsed()) / 1e6;
    fullCpu = cpuMs() - fullCpu;
    out << "  CPU time (all threads): incremental " << median(cpu) << " ms; a full check "
        << fullCpu << " ms (" << fullMs << " ms wall)\n";
    const char *what = first.judgements ? " sweep judgements" : " legs";
    out << "  the checker's first (full) check: " << firstMs << " ms; its memo: " << first.kept
        << what << ", about " << first.memoMiB << " MiB\n"
        << "  medians of " << runs << " edits: Network + effective routes " << median(network)
        << " ms; dirty VNets and marking what they change " << median(compare)
        << " ms; lints + intents + sweeps + findings " << median(check) << " ms\n"
        << "  effective-route tables computed again " << median(tables) << " of "
        << first.routeTablesComputed << "; dirty VNets " << median(dirty) << "," << what
        << " reused " << median(reused) << ", walked again " << median(walked) << '\n';
    // The check's parts without the sweeps, on the same network.
    const model::Network net(design);
    const routing::EffectiveRoutes routes(net);
    analysis::CheckOptions lintsOnly;
    lintsOnly.sweeps = false;
    out << "  of which lints + intents alone: "
        << medianMs(3, [&] { analysis::checkRoutes(routes, lintsOnly); }) << " ms\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    // --vnets N (default 1,000, bench_core's estate), --nsg-rules R (default none).
    const auto option = [&](const char *name, int fallback) {
        const int at = int(app.arguments().indexOf(QString::fromLatin1(name)));
        return at >= 0 && at + 1 < app.arguments().size() ? app.arguments().at(at + 1).toInt()
                                                           : fallback;
    };
    bench::GeneratorOptions large;
    large.vnets = option("--vnets", 1000);
    large.hubs = std::max(2, large.vnets / 40);
    large.workloadSubnets = large.vnets * 3;
    large.nsgRules = option("--nsg-rules", 0);
    bench::out() << "generated: " << large.vnets << " VNets, " << large.workloadSubnets
                 << " workload subnets, NSG rules " << large.nsgRules << '\n';
    // --edits N: how many edits to time (a profile of the re-check wants many).
    reportIncrementalCheck(bench::generateDesign(large), option("--edits", quick ? 7 : 21));
    return 0;
}
