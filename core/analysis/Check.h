#pragma once

// Findings of `check` (cli.md): lints, intents and the network-wide sweeps.

#include "model/Design.h"
#include "text/Message.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace hopscope::model {
class Network;
}
namespace hopscope::routing {
class EffectiveRoutes;
class TraceMemo;
}

namespace hopscope::analysis {

struct SweepResults;
class SweepMemo;

enum class Severity { Error, Warning, Info };
QString toString(Severity);

// The trace a finding came from, so that the app can draw it.
struct FindingTrace
{
    QString from;
    QString to;
    int port = 443;
    model::Protocol protocol = model::Protocol::Tcp;
};

struct Finding
{
    QString code;        // a code of cli.md's table, e.g. "next-hop-unowned"
    Severity severity = Severity::Error;
    QString message;     // what is wrong, where, why Azure cares, what would fix it
    QStringList objects; // names of the design objects concerned (stable ids)
    std::optional<FindingTrace> trace;
    // `message` as a template and its values, for the app to translate (issue 17); the CLI
    // and its --json print `message`, which is text.english().
    text::Message text;
};

// A finding saying `text`, its message the English text.
Finding makeFinding(const char *code, Severity severity, text::Message text, QStringList objects,
                    std::optional<FindingTrace> trace = {});

struct CheckReport
{
    std::vector<Finding> findings; // errors first, then warnings, then infos
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

struct CheckOptions
{
    bool sweeps = true;       // the pool and subnet-pair sweeps and the loop search
    // Where relative paths (squid.conf) are resolved; empty: proxy configurations are not read.
    QString designDirectory;
    // Called with the sweeps' results so that a caller showing them (the app's VPN-pool matrix)
    // does not sweep a second time. It runs on a thread of its own while the check turns the
    // same results into findings (both only read them), and the check returns after it. Both
    // arguments live only for the call.
    std::function<void(const model::Network &, const SweepResults &)> sweepsObserver;
};

// Checks the whole design. Pure function of its inputs; safe to call from a worker thread.
CheckReport checkDesign(const model::Design &design, const CheckOptions &options = {});

// The same check of the design under `routes` (its Network and effective routes, built by the
// caller), its legs looked up in and stored to `legs`, and its sweeps' judgements kept in
// `sweeps`, when given (IncrementalCheck.h).
CheckReport checkRoutes(const routing::EffectiveRoutes &routes, const CheckOptions &options,
                        routing::TraceMemo *legs = nullptr, SweepMemo *sweeps = nullptr);

} // namespace hopscope::analysis
