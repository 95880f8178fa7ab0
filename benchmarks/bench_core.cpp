// Core benchmark: measures the speed targets of issues 2 and 3 on generated designs and prints
// each figure against its target. Not a test: timings on a shared machine vary.

#include "BenchReport.h"
#include "DesignGenerator.h"
#include "analysis/Check.h"
#include "analysis/Sweeps.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "model/Network.h"
#include "routing/Trace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hopscope;

namespace {

using bench::medianMs;
using bench::report;
QTextStream &out = bench::out();


// CPU seconds of the whole process so far (all threads): on a shared, loaded machine this
// measures the work, where wall time measures the neighbours too.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

template <typename F>
double medianCpuSeconds(int runs, F f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const double before = cpuSeconds();
        f();
        times.push_back(cpuSeconds() - before);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}


void roundTripTrace(const model::Design &design, const QString &from, const QString &to,
                    int port, const char *label)
{
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    QString error;
    const auto a = routing::resolveEndpoint(network, from, true, &error);
    const auto b = routing::resolveEndpoint(network, to, false, &error);
    if (!a || !b) {
        out << "cannot resolve trace end points: " << error << '\n';
        return;
    }
    // Median of batches, each timing 1,000 traces, so the clock's resolution does not count.
    constexpr int perBatch = 1000;
    int sink = 0;
    const double batchMs = medianMs(31, [&] {
        for (int i = 0; i < perBatch; ++i)
            sink += tracer.traceLeg(*a, *b, model::Protocol::Tcp, port).ok ? 1 : 0;
    });
    const double microseconds = batchMs * 1000.0 / perBatch;
    report(label, microseconds, "µs", 20);
    if (sink < 0)
        out << sink;
}

void faultReport(const char *label, bench::GeneratorOptions options)
{
    const model::Design design = bench::generateDesign(options);
    const analysis::CheckReport report = analysis::checkDesign(design);
    QMap<QString, int> codes;
    for (const analysis::Finding &f : report.findings)
        if (f.severity == analysis::Severity::Error)
            ++codes[f.code];
    QStringList parts;
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        parts << QStringLiteral("%1×%2").arg(it.key()).arg(it.value());
    out << "  " << QString::fromUtf8(label).leftJustified(32) << " errors: "
        << (parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "))) << '\n';
    out.flush();
}

QString summaryText(const analysis::ConnectionSummary &c)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|%10|%11|%12|%13|%14|%15")
        .arg(c.ok)
        .arg(routing::toString(c.reason), routing::toString(c.forwardVerdict),
             routing::toString(c.forwardReason), routing::toString(c.replyVerdict),
             routing::toString(c.replyReason))
        .arg(c.failedAt)
        .arg(c.failingRoute, c.explanation)
        .arg(c.refusingPeeringFrom)
        .arg(c.refusingPeeringTo)
        .arg(c.source, model::toString(c.protocol))
        .arg(c.port)
        .arg(c.decidingNsg);
}

// --dump FILE: the check's findings and every verdict of its sweeps, one line each (subnet
// pairs as one checksum line per source subnet), to compare the sweeps before and after a
// change for equality.
int dump(const QString &path)
{
    const io::LoadResult loaded = io::readDesignFile(path);
    if (!loaded.design) {
        out << "cannot load " << path << '\n';
        return 1;
    }
    const model::Design &design = *loaded.design;
    const analysis::CheckReport report = analysis::checkDesign(design);
    for (const analysis::Finding &f : report.findings)
        out << "finding " << f.code << ' ' << int(f.severity) << ' ' << f.message << " ["
            << f.objects.join(u',') << "]\n";
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    const analysis::SweepResults sweeps = analysis::runSweeps(tracer);
    for (const analysis::PoolSweepRow &row : *sweeps.pools)
        out << "pool " << row.gateway << ' ' << row.poolEndpoint << ' ' << row.subnet << ' '
            << summaryText(*row.toSubnet) << " / " << summaryText(*row.fromSubnet) << '\n';
    for (const auto *rows : {&sweeps.internetRoundTrips, &sweeps.onPremisesEntries})
        for (const analysis::EndpointSweepRow &row : *rows)
            out << "endpoint " << row.from << ' ' << row.to << ' ' << summaryText(row.connection)
                << '\n';
    for (const analysis::LoopRecord &loop : sweeps.loops)
        out << "loop " << loop.devices.join(u',') << ' ' << loop.destination << ' '
            << loop.source << ' ' << loop.prefix << '\n';
    long long compared = 0;
    const int subnets = int(network.subnets().size());
    for (int a = 0; a < subnets; ++a) {
        QCryptographicHash hash(QCryptographicHash::Sha1);
        int count = 0;
        for (int b = 0; b < subnets; ++b)
            if (const analysis::ConnectionSummary *c = sweeps.pairs.verdict(a, b)) {
                hash.addData(QString::number(b).toUtf8());
                hash.addData(summaryText(*c).toUtf8());
                ++count;
            }
        compared += count;
        out << "pairs " << a << ' ' << count << ' ' << hash.result().toHex() << '\n';
    }
    out << "subnet pairs compared: " << compared << '\n';
    return 0;
}

// The designs of --write-designs: sizes, hub counts and injected faults, with and without NSGs.
int writeDesigns(const QString &dir)
{
    struct Case
    {
        const char *name;
        int hubs, vnets, subnets, nsgRules;
        bool unowned = false, missingReturn = false, loop = false;
    };
    const Case cases[] = {
        {"plain-40", 4, 40, 100, 0},
        {"plain-100-faults", 3, 100, 300, 0, true, true, true},
        {"plain-1000", 25, 1000, 3000, 0},
        {"nsg-20", 2, 20, 60, 20},
        {"nsg-50", 2, 50, 150, 20},
        {"nsg-50-faults", 3, 50, 150, 20, true, true, true},
        {"nsg-100-5rules", 3, 100, 300, 5},
        {"nsg-120-missing-return", 4, 120, 400, 8, false, true, false},
        {"nsg-200", 5, 200, 600, 20},
        {"nsg-1000", 25, 1000, 3000, 20},
    };
    for (const Case &c : cases) {
        bench::GeneratorOptions o;
        o.hubs = c.hubs;
        o.vnets = c.vnets;
        o.workloadSubnets = c.subnets;
        o.nsgRules = c.nsgRules;
        o.unownedNextHop = c.unowned;
        o.missingReturnRoute = c.missingReturn;
        o.forwardingLoop = c.loop;
        QString error;
        const QString path = dir + u'/' + QString::fromUtf8(c.name) + u".hopscope.yaml";
        if (!io::saveDesignFile(bench::generateDesign(o), path, &error)) {
            out << error << '\n';
            return 1;
        }
        out << path << '\n';
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    // --write-designs DIR: only save the generated designs that `hopscope check --json` output
    // is compared on before and after a change to the sweeps (equality, not speed).
    if (const int at = int(app.arguments().indexOf(QStringLiteral("--write-designs")));
        at >= 0 && at + 1 < app.arguments().size())
        return writeDesigns(app.arguments().at(at + 1));
    if (const int at = int(app.arguments().indexOf(QStringLiteral("--dump")));
        at >= 0 && at + 1 < app.arguments().size())
        return dump(app.arguments().at(at + 1));
    out << "Hopscope core benchmark (medians; " << (quick ? "quick" : "full") << " run)\n\n";

    // Issue 2: one round-trip trace.
    {
        QFile seedFile(QStringLiteral(HOPSCOPE_EXAMPLES_DIR "/seed-typo-fixed.hopscope.yaml"));
        seedFile.open(QIODevice::ReadOnly);
        const io::LoadResult seed = io::readDesign(seedFile.readAll(), seedFile.fileName());
        if (seed.design)
            roundTripTrace(*seed.design, QStringLiteral("remote-pc"), QStringLiteral("proxy"),
                           3128, "round-trip trace, seed remote-pc → proxy");
    }

    bench::GeneratorOptions large;
    large.hubs = 25;
    large.vnets = 1000;
    large.workloadSubnets = 3000;
    const model::Design design = bench::generateDesign(large);
    out << "generated: " << design.vnets.size() << " VNets, "
        << analysis::workloadSubnets(model::Network(design)).size() << " workload subnets, "
        << design.vms.size() << " VMs, " << design.peerings.size() << " peering links\n";
    roundTripTrace(design, QStringLiteral("vm-hub0-spoke1-0"), QStringLiteral("vm-hub7-spoke3-1"),
                   443, "round-trip trace, 1,000 VNets, across two hubs");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.hopscope.yaml"));
    QString error;
    io::saveDesignFile(design, path, &error);
    out << "design file: " << QFile(path).size() / 1024 << " KiB\n";
    report("load 1,000 VNets / 3,000 subnets (read + parse + validate)",
           medianMs(quick ? 1 : 5, [&] { io::readDesignFile(path); }) / 1000.0, "s", 0.5);
    out << "  CPU time of one load: "
        << medianCpuSeconds(quick ? 1 : 5, [&] { io::readDesignFile(path); }) << " s\n";

    report("effective routes of every subnet", medianMs(quick ? 1 : 5, [&] {
               const model::Network network(design);
               const routing::EffectiveRoutes routes(network);
               size_t n = 0;
               for (int s = 0; s < int(network.subnets().size()); ++s)
                   n += routes.forSubnet(s).routes().size();
               if (n == 0)
                   out << "no routes?\n";
           }) / 1000.0,
           "s", 3);

    analysis::CheckReport full;
    const double checkMs = medianMs(quick ? 1 : 3, [&] { full = analysis::checkDesign(design); });
    report("full check, 1,000 VNets / 3,000 subnets, both sweeps", checkMs / 1000.0, "s", 3);
    const double checkCpu =
        medianCpuSeconds(quick ? 1 : 3, [&] { full = analysis::checkDesign(design); });
    out << "  CPU time of one check (all threads): " << checkCpu << " s; on 2 idle cores ≈ "
        << checkCpu / 2 << " s wall\n";
    {
        const model::Network network(design);
        const routing::EffectiveRoutes routes(network);
        const routing::Tracer tracer(routes);
        const analysis::SweepResults sweeps = analysis::runSweeps(tracer);
        out << "  subnet pairs covered: " << sweeps.pairs.pairsCovered
            << ", class pairs walked: " << sweeps.pairs.pairsEvaluated
            << ", pool rows: " << sweeps.pools->size() << " (×2 directions)"
            << ", loop-search classes: " << sweeps.destinationClasses << '\n';
    }
    out << "  findings: " << full.errors << " errors, " << full.warnings << " warnings, "
        << full.infos << " infos\n";
    report("peak memory", peakMemoryMiB(), "MiB", 1024);

    // Issue 13: the same estate with an NSG of 20 rules on every workload subnet and NIC.
    if (!app.arguments().contains(QStringLiteral("--no-nsg"))) {
        bench::GeneratorOptions withNsgs = large;
        withNsgs.nsgRules = 20;
        const model::Design nsgDesign = bench::generateDesign(withNsgs);
        out << "\nwith NSGs: " << nsgDesign.networkSecurityGroups.size() << " NSGs of 20 rules\n";
        roundTripTrace(nsgDesign, QStringLiteral("vm-hub0-spoke1-0"),
                       QStringLiteral("vm-hub7-spoke3-1"), 443,
                       "round-trip trace with NSGs, 1,000 VNets, across two hubs");
        // The full check with NSGs judges every pair over its (source, port) classes; the
        // growing estates show how it scales.
        {
            analysis::CheckReport nsgReport;
            const double before = cpuSeconds();
            const double ms = medianMs(1, [&] { nsgReport = analysis::checkDesign(nsgDesign); });
            report("full check with NSGs, 1,000 VNets / 3,000 subnets", ms / 1000.0, "s", 3);
            out << "  CPU time of one check (all threads): " << cpuSeconds() - before
                << " s; findings: " << nsgReport.errors << " errors, " << nsgReport.warnings
                << " warnings, " << nsgReport.infos << " infos\n";
        }
        for (const int vnets : {50, 100, 200}) {
            bench::GeneratorOptions part = withNsgs;
            part.hubs = std::max(2, vnets / 40);
            part.vnets = vnets;
            part.workloadSubnets = vnets * 3;
            const model::Design partDesign = bench::generateDesign(part);
            analysis::CheckReport partReport;
            const double ms = medianMs(1, [&] { partReport = analysis::checkDesign(partDesign); });
            out << "  full check with NSGs, " << vnets << " VNets / " << vnets * 3
                << " subnets: " << ms / 1000.0 << " s (" << partReport.findings.size()
                << " findings)\n";
            out.flush();
        }
        report("peak memory (with NSGs)", peakMemoryMiB(), "MiB", 1024);
    }

    bench::GeneratorOptions small;
    small.hubs = 2;
    small.vnets = 34;
    small.workloadSubnets = 100;
    const model::Design smallDesign = bench::generateDesign(small);
    report("full check, 100 workload subnets (after every edit)",
           medianMs(quick ? 3 : 21, [&] { analysis::checkDesign(smallDesign); }), "ms", 50);

    out << "\nInjected faults (100-subnet design, 3 hubs):\n";
    bench::GeneratorOptions faults;
    faults.hubs = 3;
    faults.vnets = 36;
    faults.workloadSubnets = 100;
    faultReport("none", faults);
    faults.unownedNextHop = true;
    faultReport("next hop nobody owns", faults);
    faults.unownedNextHop = false;
    faults.missingReturnRoute = true;
    faultReport("missing return route", faults);
    faults.missingReturnRoute = false;
    faults.forwardingLoop = true;
    faultReport("forwarding loop", faults);
    return 0;
}
