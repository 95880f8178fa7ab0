#pragma once

// What every benchmark program shares: medians of repeated runs and one line per figure,
// printed against its target.

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace hopscope::bench {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Median wall time of `runs` calls of `f`, in milliseconds.
template <typename F>
double medianMs(int runs, F f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// "what   value unit (target ≤ T unit) OK|MISSED"
inline void report(const char *what, double value, const char *unit, double target)
{
    out() << QStringLiteral("%1 %2 %3 (target ≤ %4 %3) %5\n")
                 .arg(QString::fromUtf8(what).leftJustified(58))
                 .arg(value, 9, 'f', 3)
                 .arg(QString::fromUtf8(unit))
                 .arg(target)
                 .arg(value <= target ? QStringLiteral("OK") : QStringLiteral("MISSED"));
    out().flush();
}

} // namespace hopscope::bench
