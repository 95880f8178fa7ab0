#include "analysis/Check.h"

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

CheckReport checkDesign(const model::Design &, const CheckOptions &)
{
    return {}; // being written (issue 3)
}

} // namespace hopscope::analysis
