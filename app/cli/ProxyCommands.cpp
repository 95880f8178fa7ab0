#include "cli/ProxyCommands.h"

#include "format/ValueGrammar.h"
#include "io/DesignReader.h"
#include "model/Design.h"
#include "proxy/AccessLog.h"
#include "proxy/LogDesignMapping.h"
#include "proxy/SquidConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>
#include <optional>

namespace hopscope::cli {

namespace {

using proxy::Decision;

void writeOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

void writeErr(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
}

// Prints every problem on its own line and returns exit status 2 (cli.md).
int unusable(const QStringList &problems)
{
    for (const QString &p : problems)
        writeErr(p + u'\n');
    return 2;
}

QString thousands(quint64 n)
{
    return QLocale(QLocale::English).toString(qulonglong(n));
}

// Options of the form "--name value" or "--flag"; everything else is positional.
struct ParsedArgs
{
    QStringList positional;
    QHash<QString, QString> values;
    QSet<QString> flags;
    QStringList problems;
};

ParsedArgs parseArgs(const QStringList &args, const QStringList &valueOptions,
                     const QStringList &flagOptions)
{
    ParsedArgs p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (valueOptions.contains(a)) {
            if (i + 1 >= args.size())
                p.problems << QStringLiteral("%1 needs a value").arg(a);
            else if (p.values.contains(a))
                p.problems << QStringLiteral("%1 given twice").arg(a);
            else
                p.values.insert(a, args[++i]);
        } else if (flagOptions.contains(a)) {
            p.flags.insert(a);
        } else if (a.startsWith(QStringLiteral("--"))) {
            p.problems << QStringLiteral("unknown option '%1'").arg(a);
        } else {
            p.positional << a;
        }
    }
    return p;
}

QString ruleLocation(const proxy::AccessRule &rule)
{
    return QStringLiteral("%1:%2").arg(rule.location.file).arg(rule.location.line);
}

// ---------------------------------------------------------------------------------------------
// Where log addresses sit in a design (proxy-log --design): the words of proxy/LogDesignMapping,
// which the desktop app's traffic overlay shares.

class DesignPlaces
{
public:
    explicit DesignPlaces(const model::Design &design) : m_design(design) {}

    QString clientPlace(const QString &ip) const { return proxy::placeOfClient(m_design, ip).text; }

    QString destinationNetwork(const QString &host, const QStringList &peers) const
    {
        return proxy::placeOfDestination(m_design, host, peers).text;
    }

private:
    const model::Design &m_design;
};

// ---------------------------------------------------------------------------------------------

QString textReport(const QString &path, const proxy::AccessLogSummary &s,
                   const DesignPlaces *places)
{
    QString r;
    auto line = [&r](const QString &l) { r += l + u'\n'; };
    line(QStringLiteral("Squid access log: %1").arg(path));
    line(QStringLiteral("records: %1   skipped: %2   blank/comment lines: %3   truncated records: %4")
             .arg(thousands(quint64(s.records)), thousands(quint64(s.skipped)),
                  thousands(quint64(s.blankOrCommentLines)),
                  thousands(quint64(s.truncatedRecords))));
    if (s.firstTimestampMs) {
        line(QStringLiteral("time range (UTC, when transactions ended): %1 .. %2")
                 .arg(proxy::isoUtc(*s.firstTimestampMs), proxy::isoUtc(*s.lastTimestampMs)));
        line(QStringLiteral("earliest start (time - elapsed): %1")
                 .arg(proxy::isoUtc(*s.earliestStartMs)));
    }

    line(QString());
    line(QStringLiteral("Top destinations by bytes (downloaded; denials and cache hits left out)"));
    line(QStringLiteral("  %1 %2 %3  %4")
             .arg(QStringLiteral("host"), -40)
             .arg(QStringLiteral("bytes"), 15)
             .arg(QStringLiteral("records"), 8)
             .arg(places ? QStringLiteral("network / peers") : QStringLiteral("peers")));
    for (const proxy::DestinationVolume &d : s.topDestinationsByBytes)
        line(QStringLiteral("  %1 %2 %3  %4")
                 .arg(d.host, -40)
                 .arg(thousands(d.bytes), 15)
                 .arg(d.records, 8)
                 .arg((places ? places->destinationNetwork(d.host, d.peers) + QStringLiteral(": ")
                              : QString())
                      + format::joinList(d.peers)));

    line(QString());
    line(QStringLiteral("Top destinations by requests"));
    for (const proxy::DestinationVolume &d : s.topDestinationsByRequests)
        line(QStringLiteral("  %1 %2 %3")
                 .arg(d.host, -40)
                 .arg(d.records, 8)
                 .arg(thousands(d.bytes), 15));

    line(QString());
    line(QStringLiteral("Status breakdown (result code / HTTP status, as logged)"));
    std::vector<std::pair<QString, qint64>> codes(s.resultCodes.begin(), s.resultCodes.end());
    std::stable_sort(codes.begin(), codes.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[code, n] : codes)
        line(QStringLiteral("  %1 %2").arg(code, -32).arg(n, 8));
    QStringList statuses;
    for (const auto &[status, n] : s.byStatus)
        statuses << QStringLiteral("%1: %2").arg(status, 3, 10, QLatin1Char('0')).arg(n);
    line(QStringLiteral("  by HTTP status: ") + statuses.join(QStringLiteral(", ")));
    QStringList categories;
    for (const auto &[c, n] : s.byCategory)
        if (n > 0)
            categories << QStringLiteral("%1 %2").arg(proxy::outcomeCategoryName(c)).arg(n);
    line(QStringLiteral("  by outcome: ") + categories.join(QStringLiteral(", ")));

    line(QString());
    line(QStringLiteral("Errors and abnormal ends"));
    if (s.errors.empty())
        line(QStringLiteral("  none"));
    for (const proxy::ErrorGroup &e : s.errors)
        line(QStringLiteral("  %1 %2 %3 %4 records %5 bytes")
                 .arg(proxy::outcomeCategoryName(e.category), -15)
                 .arg(e.result, -26)
                 .arg(e.host.isEmpty() ? QStringLiteral("(no destination)") : e.host, -40)
                 .arg(e.records, 6)
                 .arg(thousands(e.bytes), 12));

    auto transfers = [&](const QString &title, const std::vector<proxy::Transfer> &list) {
        line(QString());
        line(title);
        for (const proxy::Transfer &t : list)
            line(QStringLiteral("  %1 bytes  %2  %3  %4  %5")
                     .arg(thousands(t.bytes), 15)
                     .arg(t.host, -40)
                     .arg(t.result, -24)
                     .arg(proxy::isoUtc(t.timestampMs), t.client));
    };
    transfers(QStringLiteral("Largest transfers"), s.largestTransfers);
    transfers(QStringLiteral("Smallest transfers"), s.smallestTransfers);

    line(QString());
    line(QStringLiteral("Clients"));
    for (const proxy::ClientVolume &c : s.clients)
        line(QStringLiteral("  %1 %2 records %3 bytes %4 denied%5")
                 .arg(c.ip, -40)
                 .arg(thousands(quint64(c.records)), 10)
                 .arg(thousands(c.bytes), 15)
                 .arg(c.denied, 6)
                 .arg(places ? QStringLiteral("  ") + places->clientPlace(c.ip) : QString()));

    if (!s.skippedSamples.isEmpty()) {
        line(QString());
        line(QStringLiteral("Skipped lines (first %1)").arg(s.skippedSamples.size()));
        for (const QString &sample : s.skippedSamples)
            line(QStringLiteral("  ") + sample);
    }
    return r;
}

} // namespace

int runProxyRules(const QStringList &args)
{
    const ParsedArgs p = parseArgs(
        args,
        {QStringLiteral("--client"), QStringLiteral("--to"), QStringLiteral("--method"),
         QStringLiteral("--squid-version")},
        {QStringLiteral("--json")});
    QStringList problems = p.problems;
    if (p.positional.size() != 1)
        problems << QStringLiteral("proxy-rules needs exactly one SQUID.CONF (got %1)")
                        .arg(p.positional.size());
    const QString clientText = p.values.value(QStringLiteral("--client"));
    const QString to = p.values.value(QStringLiteral("--to"));
    const auto client = proxy::SquidAddress::parse(QStringView(clientText));
    if (clientText.isEmpty())
        problems << QStringLiteral("--client IP is required");
    else if (!client)
        problems << QStringLiteral("--client '%1' is not an IPv4 or IPv6 address").arg(clientText);
    if (to.isEmpty())
        problems << QStringLiteral("--to HOST:PORT is required");

    proxy::SquidVersion version;
    if (p.values.contains(QStringLiteral("--squid-version"))) {
        const QStringList parts = p.values.value(QStringLiteral("--squid-version")).split(u'.');
        bool okMajor = false;
        bool okMinor = parts.size() < 2;
        version.major = parts.value(0).toInt(&okMajor);
        version.minor = parts.size() < 2 ? 0 : parts.value(1).toInt(&okMinor);
        if (!okMajor || !okMinor || parts.size() > 2)
            problems << QStringLiteral("--squid-version must be MAJOR[.MINOR], e.g. 5.7");
    }

    // The request: an absolute URL is taken as is; HOST:PORT becomes CONNECT for 443 and a
    // plain http://HOST:PORT/ request otherwise, unless --method says which.
    std::optional<proxy::ProxyRequest> request;
    if (client && !to.isEmpty()) {
        QString method = p.values.value(QStringLiteral("--method"));
        if (to.contains(QStringLiteral("://"))) {
            request = proxy::ProxyRequest::make(*client, method.isEmpty() ? QStringLiteral("GET")
                                                                          : method,
                                                to);
        } else {
            // Accept "host:port" and "[v6]:port"; the port is required.
            const auto probe = proxy::ProxyRequest::make(*client, QStringLiteral("CONNECT"), to);
            const bool hasPort = to.lastIndexOf(u':') > to.lastIndexOf(u']');
            if (probe && hasPort) {
                if (method.isEmpty())
                    method = probe->port == 443 ? QStringLiteral("CONNECT") : QStringLiteral("GET");
                if (method.compare(QStringLiteral("CONNECT"), Qt::CaseInsensitive) == 0) {
                    request = probe;
                } else {
                    const QString host =
                        probe->host.contains(u':') ? u'[' + probe->host + u']' : probe->host;
                    request = proxy::ProxyRequest::make(
                        *client, method,
                        QStringLiteral("http://%1:%2/").arg(host).arg(probe->port));
                }
            }
        }
        if (!request)
            problems << QStringLiteral("--to '%1' is not HOST:PORT or an absolute URL").arg(to);
    }
    if (!problems.isEmpty())
        return unusable(problems);

    const QString path = p.positional.front();
    const proxy::SquidConfig config = proxy::SquidConfig::load(path, version);
    QStringList errors;
    for (const proxy::ConfigDiagnostic &d : config.diagnostics())
        if (d.severity == proxy::ConfigDiagnostic::Severity::Error)
            errors << d.toString();
    if (!errors.isEmpty())
        return unusable(errors);
    for (const proxy::ConfigDiagnostic &d : config.diagnostics())
        if (d.severity == proxy::ConfigDiagnostic::Severity::Warning)
            writeErr(QStringLiteral("warning: ") + d.toString() + u'\n');

    const Decision d = config.evaluate(*request);
    if (d.verdict == Decision::Verdict::Undecidable) {
        QStringList where;
        for (const proxy::AccessRule *rule : d.undecidedRules)
            where << ruleLocation(*rule);
        return unusable({QStringLiteral("%1: undecidable: depends on %2%3; if none of those lines "
                                        "match, the verdict is %4")
                             .arg(path, d.dependsOn.join(QStringLiteral(", ")),
                                  where.isEmpty() ? QString()
                                                  : QStringLiteral(" (at %1)")
                                                        .arg(where.join(QStringLiteral(", "))),
                                  Decision::verdictName(d.verdictIfNoneOfThoseMatch))});
    }

    const bool allowed = d.verdict == Decision::Verdict::Allow;
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("verdict"), Decision::verdictName(d.verdict));
        if (d.rule)
            o.insert(QStringLiteral("rule"),
                     QJsonObject{{QStringLiteral("file"), d.rule->location.file},
                                 {QStringLiteral("line"), d.rule->location.line},
                                 {QStringLiteral("text"), d.rule->location.text}});
        else
            o.insert(QStringLiteral("rule"), QJsonValue::Null);
        o.insert(QStringLiteral("implicit"), d.implicit);
        writeOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + u'\n');
    } else {
        writeOut(QStringLiteral("%1 %2 from %3\n")
                     .arg(request->method, request->url(), client->toString()));
        if (d.rule) {
            writeOut(QStringLiteral("%1: %2 (http_access#%3 at %4)\n")
                         .arg(Decision::verdictName(d.verdict), d.rule->location.text)
                         .arg(d.rule->ordinal)
                         .arg(ruleLocation(*d.rule)));
        } else if (config.rules().empty()) {
            writeOut(QStringLiteral("deny: the file has no http_access line (Squid's default is "
                                    "deny all)\n"));
        } else {
            const proxy::AccessRule &last = config.rules().back();
            writeOut(QStringLiteral("%1: implicit rule, no http_access line matched; it is the "
                                    "opposite of the last line, '%2' at %3\n")
                         .arg(Decision::verdictName(d.verdict), last.location.text,
                              ruleLocation(last)));
        }
        Decision how;
        if (config.admitsFromAnywhere(&how))
            writeOut(QStringLiteral("note: open proxy: clients from anywhere are admitted (%1)\n")
                         .arg(how.rule ? QStringLiteral("'%1' at %2")
                                             .arg(how.rule->location.text, ruleLocation(*how.rule))
                                       : QStringLiteral("by the implicit rule")));
    }
    return allowed ? 0 : 1;
}

int runProxyLog(const QStringList &args)
{
    const ParsedArgs p = parseArgs(args, {QStringLiteral("--design"), QStringLiteral("--top")},
                                   {QStringLiteral("--json")});
    QStringList problems = p.problems;
    if (p.positional.size() != 1)
        problems << QStringLiteral("proxy-log needs exactly one ACCESS.LOG (got %1)")
                        .arg(p.positional.size());
    proxy::AccessLogOptions options;
    if (p.values.contains(QStringLiteral("--top"))) {
        bool ok = false;
        options.topDestinations = p.values.value(QStringLiteral("--top")).toInt(&ok);
        if (!ok || options.topDestinations <= 0)
            problems << QStringLiteral("--top must be a positive number");
    }
    std::optional<model::Design> design;
    if (p.values.contains(QStringLiteral("--design"))) {
        io::LoadResult loaded = io::readDesignFile(p.values.value(QStringLiteral("--design")));
        for (const io::LoadError &e : loaded.errors)
            problems << e.toString();
        design = std::move(loaded.design);
    }
    if (!problems.isEmpty())
        return unusable(problems);

    const QString path = p.positional.front();
    QString error;
    const auto summary = proxy::summarizeAccessLogFile(path, options, &error);
    if (!summary)
        return unusable({QStringLiteral("%1: cannot read the file: %2").arg(path, error)});

    const std::optional<DesignPlaces> places =
        design ? std::optional<DesignPlaces>(std::in_place, *design) : std::nullopt;
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonObject o = proxy::toJson(*summary);
        if (places) {
            QJsonArray clients = o.value(QStringLiteral("clients")).toArray();
            for (qsizetype i = 0; i < clients.size(); ++i) {
                QJsonObject c = clients[i].toObject();
                c.insert(QStringLiteral("designObject"),
                         places->clientPlace(c.value(QStringLiteral("ip")).toString()));
                clients[i] = c;
            }
            o.insert(QStringLiteral("clients"), clients);
            for (const QString &key : {QStringLiteral("topDestinationsByBytes"),
                                      QStringLiteral("topDestinationsByRequests")}) {
                QJsonArray list = o.value(key).toArray();
                for (qsizetype i = 0; i < list.size(); ++i) {
                    QJsonObject d = list[i].toObject();
                    QStringList peers;
                    for (const QJsonValue &v : d.value(QStringLiteral("peers")).toArray())
                        peers << v.toString();
                    d.insert(QStringLiteral("network"),
                             places->destinationNetwork(d.value(QStringLiteral("host")).toString(),
                                                        peers));
                    list[i] = d;
                }
                o.insert(key, list);
            }
        }
        writeOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    } else {
        writeOut(textReport(path, *summary, places ? &*places : nullptr));
    }
    return 0;
}

} // namespace hopscope::cli
