// Access-log import speed (issue 7: ≥ 1,000,000 lines in ≤ 2 s on the 2-core target).
// Writes a 1,000,000-line log to a temporary directory — native and timefm lines mixed, users
// with spaces, IPv6, denials, failures, a few garbage lines — then summarises the file several
// times and prints the median wall time and lines per second. Measured here, never asserted.
//
//   hopscope_bench_proxylog [LINES] [RUNS]

#include "proxy/AccessLog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hopscope::proxy;

namespace {

QByteArray generateLog(int lines)
{
    static const char *const hosts[] = {
        "assets.nflxext.com", "www.google.com", "login.microsoftonline.com",
        "contoso.blob.core.windows.net", "kinesis.us-east-1.amazonaws.com", "play.google.com",
        "management.azure.com", "github.com", "[2001:db8:25::10]", "10.20.1.4"};
    QByteArray out;
    out.reserve(qsizetype(lines) * 150);
    for (int i = 0; i < lines; ++i) {
        if (i % 100000 == 99999) {
            out += "### squid restarted ###\n\x16\x03\x01 binary garbage\n1741944424.5\n";
            continue;
        }
        const qint64 ms = 1741944413000LL + i * 7;
        const char *host = hosts[i % 10];
        const int kind = i % 20;
        if (i % 2 == 0) // timefm prefix on every other line
            out += "2025/03/14 09:26:53 ";
        out += QByteArray::number(ms / 1000) + '.' + QByteArray::number(ms % 1000).rightJustified(3, '0');
        out += ' ' + QByteArray::number(i % 400000).rightJustified(6, ' ') + ' ';
        out += i % 13 == 0 ? QByteArray("fd00:172:16:16::2")
                           : "172.16.16." + QByteArray::number(i % 200 + 1);
        if (kind == 0) {
            out += " TCP_DENIED/403 3905 CONNECT ";
            out += host;
            out += ":22 - HIER_NONE/- text/html\n";
        } else if (kind == 1) {
            out += " NONE_NONE/503 0 CONNECT ";
            out += host;
            out += ":443 - HIER_NONE/- -\n";
        } else if (kind == 2) {
            out += " TCP_MISS/200 " + QByteArray::number(100000 + i) + " GET http://";
            out += host;
            out += "/files/report.pdf alice smith HIER_DIRECT/198.51.100.61 application/pdf\n";
        } else {
            out += i % 7 == 0 ? " TCP_TUNNEL_ABORTED/200 " : " TCP_TUNNEL/200 ";
            out += QByteArray::number(2000 + (i * 37) % 5000000) + " CONNECT ";
            out += host;
            out += ":443 - HIER_DIRECT/203.0.113." + QByteArray::number(i % 250) + " -\n";
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int lines = args.size() > 1 ? args[1].toInt() : 1000000;
    const int runs = args.size() > 2 ? args[2].toInt() : 5;

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }
    const QString path = dir.filePath(QStringLiteral("access.log"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(generateLog(lines)) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    const qint64 fileBytes = QFile(path).size();

    std::vector<double> seconds;
    qint64 records = 0;
    qint64 skipped = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto summary = summarizeAccessLogFile(path);
        seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        if (!summary) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        records = summary->records;
        skipped = summary->skipped;
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    const qint64 totalLines = records + skipped;
    std::printf("access.log import: %lld lines (%lld records, %lld skipped), %.1f MB\n",
                static_cast<long long>(totalLines), static_cast<long long>(records),
                static_cast<long long>(skipped), double(fileBytes) / 1e6);
    std::printf("median of %d runs: %.3f s (min %.3f s, max %.3f s), %.0f lines/s\n", runs, median,
                seconds.front(), seconds.back(), double(totalLines) / median);
    return 0;
}
