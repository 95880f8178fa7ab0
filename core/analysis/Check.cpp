#include "analysis/Check.h"

#include "analysis/Lints.h"
#include "analysis/SecurityLints.h"
#include "analysis/Sweeps.h"
#include "proxy/ProxyConfigs.h"
#include "routing/Trace.h"

#include <algorithm>
#include <thread>

namespace hopscope::analysis {

QString toString(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: break;
    }
    return QStringLiteral("info");
}

Finding makeFinding(const char *code, Severity severity, text::Message text, QStringList objects,
                    std::optional<FindingTrace> trace)
{
    Finding f{QString::fromLatin1(code), severity,         text.english(),
              std::move(objects),        std::move(trace), {}};
    f.text = std::move(text);
    return f;
}

namespace {

// format.md `intents`: each is traced; `blocked` holds when the connection fails in any way.
void checkIntents(const routing::Tracer &tracer, std::vector<Finding> &findings)
{
    for (const model::Intent &intent : tracer.network().design().intents) {
        QString error;
        const auto result =
            tracer.trace({intent.from, intent.to, intent.port, intent.protocol}, &error);
        const text::Message label(
            text::Finding, QT_TRANSLATE_NOOP("Finding", "intent %1 → %2 %3 port %4 (expect %5)"),
            {intent.from, intent.to, model::toString(intent.protocol), QString::number(intent.port),
             model::toString(intent.expect)});
        const FindingTrace trace{intent.from, intent.to, intent.port, intent.protocol};
        if (!result) {
            findings.push_back(
                makeFinding("intent-violated", Severity::Error,
                            text::Message(text::Finding,
                                          QT_TRANSLATE_NOOP("Finding", "%1 cannot be traced: %2"),
                                          {label, error}),
                            {intent.from, intent.to}));
            continue;
        }
        const bool holds = (intent.expect == model::IntentExpectation::Ok) == result->ok;
        if (holds)
            continue;
        text::Message why;
        if (result->ok) {
            why =
                text::Message(text::Finding, QT_TRANSLATE_NOOP("Finding", "the connection works"));
        } else {
            for (const routing::Leg &leg : result->legs)
                if (!leg.ok) {
                    why = leg.explanationText;
                    break;
                }
        }
        QStringList objects{intent.from, intent.to};
        for (const routing::Leg &leg : result->legs) {
            if (leg.ok)
                continue;
            const routing::Walk &failing =
                leg.reply && leg.forward.succeeded() ? *leg.reply : leg.forward;
            if (!failing.hops.empty()) {
                const routing::Hop &last = failing.hops.back();
                objects << tracer.network().devices()[last.device].name;
                if (last.route && last.route->isUser())
                    objects << last.route->routeTable;
            }
            break;
        }
        objects.removeDuplicates();
        findings.push_back(makeFinding(
            "intent-violated", Severity::Error,
            text::Message(text::Finding, QT_TRANSLATE_NOOP("Finding", "%1 does not hold: %2"),
                          {label, why}),
            objects, trace));
    }
}

// L20 (cli.md): a peering link that a walk of the sweeps is refused on is reported as an error
// by the sweeps; the lint's static prediction (a warning) for the same link says less, and goes.
void dropMetPredictions(std::vector<Finding> &findings)
{
    const QString code = QStringLiteral("forwarded-traffic-not-allowed");
    auto link = [](const Finding &f) { return f.objects.mid(0, 2); };
    QList<QStringList> met;
    for (const Finding &f : findings)
        if (f.code == code && f.severity == Severity::Error)
            met << link(f);
    std::erase_if(findings, [&](const Finding &f) {
        return f.code == code && f.severity == Severity::Warning && met.contains(link(f));
    });
}

} // namespace

CheckReport checkDesign(const model::Design &design, const CheckOptions &options)
{
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    return checkRoutes(routes, options);
}

CheckReport checkRoutes(const routing::EffectiveRoutes &routes, const CheckOptions &options,
                        routing::TraceMemo *legs, SweepMemo *sweepMemo)
{
    CheckReport report;
    const model::Network &network = routes.network();
    const model::Design &design = network.design();
    const proxy::ProxyConfigs proxies =
        options.designDirectory.isEmpty()
            ? proxy::ProxyConfigs()
            : proxy::ProxyConfigs::load(design, options.designDirectory);
    routing::Tracer tracer(routes, &proxies);
    tracer.setMemo(legs);

    lintDesign(network, report.findings);
    lintSecurityGroups(network, report.findings);
    lintProxies(network, proxies, report.findings);
    checkIntents(tracer, report.findings);
    if (options.sweeps) {
        SweepResults sweeps = runSweeps(tracer, sweepMemo);
        // The observer (the app naming 75,000 pool rows on a large estate) works beside the
        // findings, not before them: a live re-check's result comes that much sooner.
        std::thread observer;
        if (options.sweepsObserver)
            observer = std::thread([&] { options.sweepsObserver(network, sweeps); });
        sweepFindings(network, sweeps, report.findings);
        dropMetPredictions(report.findings);
        if (observer.joinable())
            observer.join();
        if (sweepMemo)
            sweepMemo->keep(std::move(sweeps.pairs));
    }

    // Errors first, then warnings, then infos; within a severity, in the order found.
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const Finding &a, const Finding &b) { return a.severity < b.severity; });
    for (const Finding &f : report.findings) {
        switch (f.severity) {
        case Severity::Error: ++report.errors; break;
        case Severity::Warning: ++report.warnings; break;
        case Severity::Info: ++report.infos; break;
        }
    }
    return report;
}

} // namespace hopscope::analysis
