// access.log import: the traps of spec/squid.md §3–§4 (rows "L<n>" and "edge line <n>"), the
// seed's log counted by hand, threading and cancellation.

#include "proxy/AccessLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace hopscope::proxy;

namespace {

QString seedLogPath() { return QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/squid/access.log"); }

QString formatName(LogLineFormat f)
{
    switch (f) {
    case LogLineFormat::Native:
        return QStringLiteral("native");
    case LogLineFormat::TimePrefixed:
        return QStringLiteral("time-prefixed");
    case LogLineFormat::Syslog:
        return QStringLiteral("syslog");
    case LogLineFormat::Common:
        return QStringLiteral("common");
    }
    return {};
}

QString fieldOf(const AccessLogRecord &r, const QString &name)
{
    if (name == u"format")
        return formatName(r.format);
    if (name == u"timestampMs")
        return QString::number(r.timestampMs);
    if (name == u"elapsedMs")
        return QString::number(r.elapsedMs);
    if (name == u"startMs")
        return QString::number(r.timestampMs - r.elapsedMs);
    if (name == u"client")
        return r.client;
    if (name == u"result")
        return r.result;
    if (name == u"resultCode")
        return r.resultCode;
    if (name == u"status")
        return QString::number(r.httpStatus);
    if (name == u"bytes")
        return QString::number(r.bytes);
    if (name == u"method")
        return r.method;
    if (name == u"url")
        return r.url;
    if (name == u"urlLength")
        return QString::number(r.url.size());
    if (name == u"user")
        return r.user;
    if (name == u"hierarchy")
        return r.hierarchy;
    if (name == u"peer")
        return r.peer;
    if (name == u"type")
        return r.contentType;
    if (name == u"requestHeaders")
        return r.requestHeaders;
    if (name == u"replyHeaders")
        return r.replyHeaders;
    if (name == u"host")
        return r.destinationHost;
    if (name == u"port")
        return QString::number(r.destinationPort);
    if (name == u"prefix")
        return r.timePrefix;
    if (name == u"truncated")
        return r.truncated ? QStringLiteral("true") : QStringLiteral("false");
    if (name == u"category")
        return outcomeCategoryName(r.category);
    return QStringLiteral("<no field %1>").arg(name);
}

// "a.b.0.c" into the JSON summary; "#" is an array's size.
QString jsonAt(const QJsonObject &root, const QString &path)
{
    QJsonValue v = root;
    for (const QString &part : path.split(u'.')) {
        if (v.isArray() && part == u"#")
            return QString::number(v.toArray().size());
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (v.isArray() && isIndex)
            v = v.toArray().at(index);
        else if (v.isObject())
            v = v.toObject().value(part);
        else
            return QStringLiteral("<no %1>").arg(path);
    }
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isUndefined())
        return QStringLiteral("<undefined %1>").arg(path);
    return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                       : QJsonDocument(v.toObject()))
                                 .toJson(QJsonDocument::Compact));
}

QByteArray syntheticLog(int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i) {
        const QByteArray client = "172.16.16." + QByteArray::number(i % 50 + 1);
        const QByteArray host = "host" + QByteArray::number(i % 300) + ".example";
        const QByteArray ts = QByteArray::number(1741944413 + i / 10) + '.'
                              + QByteArray::number(100 + i % 900);
        if (i % 3 == 0)
            out += "2025/03/14 09:26:53 ";
        out += ts + "    " + QByteArray::number(i % 5000) + ' ' + client
               + (i % 17 == 0 ? " TCP_DENIED/403 3905 CONNECT " : " TCP_TUNNEL/200 ")
               + (i % 17 == 0 ? QByteArray() : QByteArray::number(1000 + i) + " CONNECT ") + host
               + ":443 - HIER_DIRECT/203.0.113." + QByteArray::number(i % 200) + " -\n";
        if (i % 1000 == 999)
            out += "garbage line\n";
    }
    return out;
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traps_data();
    void traps();
    void seedLog();
    void seedRecordsAllTimePrefixed();
    void twoThreadsAgreeWithOne();
    void cancellation();
    void progressReachesTheEnd();
    void unreadableFile();
};

void TestAccessLog::traps_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("blankOrComment");
    // "N.field=value" checks record N; "json:path=value" checks toJson(summary).
    QTest::addColumn<QStringList>("checks");

    const QByteArray native =
        "1741944413.217  60123 172.16.16.2 TCP_TUNNEL/200 48213 CONNECT "
        "login.microsoftonline.com:443 - HIER_DIRECT/203.0.113.10 -\n";
    QTest::newRow("L1: native TCP_TUNNEL/200")
        << native << 1 << 0 << 0
        << QStringList{"0.format=native", "0.url=login.microsoftonline.com:443",
                       "0.bytes=48213", "0.startMs=1741944353094", "0.elapsedMs=60123",
                       "0.client=172.16.16.2", "0.result=TCP_TUNNEL/200", "0.user=-",
                       "0.hierarchy=HIER_DIRECT", "0.peer=203.0.113.10", "0.type=-",
                       "0.host=login.microsoftonline.com", "0.port=443", "0.truncated=false",
                       "json:earliestStart=2025-03-14T09:25:53.094Z",
                       "json:timeRange.start=2025-03-14T09:26:53.217Z"};
    QTest::newRow("L2: the same record in timefm")
        << QByteArray("2025/03/14 09:26:53 " + native) << 1 << 0 << 0
        << QStringList{"0.format=time-prefixed", "0.prefix=2025/03/14 09:26:53",
                       "0.url=login.microsoftonline.com:443", "0.bytes=48213",
                       "0.startMs=1741944353094", "0.timestampMs=1741944413217",
                       "0.hierarchy=HIER_DIRECT", "0.type=-"};
    QTest::newRow("L3: NONE/503, NONE_NONE/503 and TCP_TUNNEL/503 are one bucket")
        << QByteArray("1741944416.420      1 172.16.16.4 NONE_NONE/503 0 CONNECT 10.20.1.4:443 - "
                      "HIER_DIRECT/10.20.1.4 -\n"
                      "1741944416.981  30011 172.16.16.4 NONE/503 0 CONNECT "
                      "api.contoso.example:443 - HIER_NONE/- -\n"
                      "1741944417.100      2 172.16.16.4 TCP_TUNNEL/503 0 CONNECT 10.20.1.4:443 - "
                      "HIER_DIRECT/10.20.1.4 -\n")
        << 3 << 0 << 0
        << QStringList{"0.category=connect-failed", "1.category=connect-failed",
                       "2.category=connect-failed", "1.peer=-",
                       "json:byCategory.connect-failed=3", "json:resultCodes.NONE/503=1",
                       "json:resultCodes.NONE_NONE/503=1", "json:resultCodes.TCP_TUNNEL/503=1",
                       "json:byStatus.503=3"};
    QTest::newRow("L4: TCP_TUNNEL_ABORTED/200 is a partial success, bytes counted")
        << QByteArray("1741944414.002  15022 172.16.16.7 TCP_TUNNEL_ABORTED/200 6684 CONNECT "
                      "management.azure.com:443 - HIER_DIRECT/198.51.100.23 -\n")
        << 1 << 0 << 0
        << QStringList{"0.category=aborted", "0.bytes=6684",
                       "json:topDestinationsByBytes.0.host=management.azure.com",
                       "json:topDestinationsByBytes.0.bytes=6684", "json:clients.0.bytes=6684",
                       "json:errors.0.category=aborted",
                       "json:errors.0.result=TCP_TUNNEL_ABORTED/200"};
    QTest::newRow("L5: user name with a space (11 tokens)")
        << QByteArray("1741944419.010    412 172.16.16.3 TCP_MISS/200 184467 GET "
                      "http://files.contoso.example/Quarterly%20Report%20Q1.pdf alice smith "
                      "HIER_DIRECT/198.51.100.61 application/pdf\n")
        << 1 << 0 << 0
        << QStringList{"0.user=alice smith",
                       "0.url=http://files.contoso.example/Quarterly%20Report%20Q1.pdf",
                       "0.type=application/pdf", "0.peer=198.51.100.61",
                       "0.host=files.contoso.example", "0.port=80", "0.truncated=false"};
    QTest::newRow("L6: IPv6 client, [v6]:443 destination, IPv6 peer split at the first '/'")
        << QByteArray("1741944418.305  45187 fd00:172:16:16::2 TCP_TUNNEL/200 7340 CONNECT "
                      "[2001:db8:25::10]:443 - HIER_DIRECT/2001:db8:25::10 -\n")
        << 1 << 0 << 0
        << QStringList{"0.client=fd00:172:16:16::2", "0.host=2001:db8:25::10", "0.port=443",
                       "0.hierarchy=HIER_DIRECT", "0.peer=2001:db8:25::10",
                       "json:clients.0.ip=fd00:172:16:16::2"};
    QTest::newRow("L7: elapsed fills the width, bytes over 2^32")
        << QByteArray("2025/03/14 10:27:00 1741948020.600 3600412 172.16.16.2 TCP_TUNNEL/200 "
                      "5264310911 CONNECT contoso.blob.core.windows.net:443 - "
                      "HIER_DIRECT/203.0.113.200 -\n")
        << 1 << 0 << 0
        << QStringList{"0.elapsedMs=3600412", "0.bytes=5264310911", "0.startMs=1741944420188",
                       "json:earliestStart=2025-03-14T09:27:00.188Z",
                       "json:timeRange.end=2025-03-14T10:27:00.600Z",
                       "json:topDestinationsByBytes.0.bytes=5264310911"};

    // 8,191 characters, then NUL instead of a newline, then the next record (squid.md §3.3).
    QByteArray cut = "1741944422.418      0 172.16.16.2 NONE_NONE/400 19743 GET http://10.20.1.4/";
    const int urlChars = 8191 - int(cut.size()) + int(QByteArray("http://10.20.1.4/").size());
    cut += QByteArray(8191 - cut.size(), 'A');
    QTest::newRow("L8 (edge line 1): two records joined by NUL, the first cut at 8191")
        << QByteArray(cut + '\0'
                      + "1741944422.419      0 172.16.16.2 NONE_NONE/400 1530 - "
                        "error:invalid-request - HIER_NONE/- text/html\n")
        << 2 << 0 << 0
        << QStringList{"0.truncated=true", "0.method=GET", "0.host=10.20.1.4",
                       QStringLiteral("0.urlLength=%1").arg(urlChars), "0.bytes=19743",
                       "1.truncated=false", "1.url=error:invalid-request", "1.host=",
                       "1.type=text/html", "json:truncatedRecords=1"};
    QTest::newRow("edge line 2: a timefm record cut short keeps time..URL")
        << QByteArray("2025/03/14 09:27:02 1741944422.418      0 172.16.16.2 NONE_NONE/400 19743 "
                      "GET http://10.20.1.4/" + QByteArray(8000, 'A') + '\n')
        << 1 << 0 << 0
        << QStringList{"0.truncated=true", "0.format=time-prefixed", "0.client=172.16.16.2",
                       "0.result=NONE_NONE/400", "0.hierarchy="};
    QTest::newRow("L9 (edge line 3): log_mime_hdrs blocks split off")
        << QByteArray("1741944423.001      3 172.16.16.2 TCP_MISS/200 733 GET http://example.org/ - "
                      "HIER_DIRECT/203.0.113.8 text/html [Host: example.org\\r\\nUser-Agent: "
                      "curl/8.5.0\\r\\nAccept: */*\\r\\n] [HTTP/1.1 200 OK\\r\\nContent-Type: "
                      "text/html\\r\\nContent-Length: 512\\r\\n]\n")
        << 1 << 0 << 0
        << QStringList{"0.type=text/html", "0.user=-", "0.peer=203.0.113.8",
                       "0.requestHeaders=Host: example.org\\r\\nUser-Agent: curl/8.5.0\\r\\n"
                       "Accept: */*\\r\\n",
                       "0.replyHeaders=HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n"
                       "Content-Length: 512\\r\\n"};
    QTest::newRow("L10 (edge line 4): syslog prefix stripped, parsed as native")
        << QByteArray("Mar 14 09:27:03 proxy-vm01 squid[1432]: 1741944423.517    501 172.16.16.8 "
                      "TCP_TUNNEL/200 5120 CONNECT github.com:443 - HIER_DIRECT/203.0.113.3 -\n")
        << 1 << 0 << 0
        << QStringList{"0.format=syslog", "0.client=172.16.16.8", "0.host=github.com",
                       "0.bytes=5120", "0.timestampMs=1741944423517",
                       "0.prefix=Mar 14 09:27:03 proxy-vm01 squid[1432]"};
    QTest::newRow("edge line 5: common format parsed")
        << QByteArray("172.16.16.2 - - [14/Mar/2025:09:27:04 +0000] \"CONNECT "
                      "login.microsoftonline.com:443 HTTP/1.1\" 200 48213 TCP_TUNNEL:HIER_DIRECT\n")
        << 1 << 0 << 0
        << QStringList{"0.format=common", "0.client=172.16.16.2", "0.method=CONNECT",
                       "0.url=login.microsoftonline.com:443", "0.status=200", "0.bytes=48213",
                       "0.result=TCP_TUNNEL/200", "0.hierarchy=HIER_DIRECT",
                       "0.timestampMs=1741944424000", "0.host=login.microsoftonline.com"};
    QTest::newRow("L11 (edge line 11): NONE_NONE/000 noise and client '-'")
        << QByteArray("1741944415.240      2 172.16.16.9 NONE_NONE/000 0 - "
                      "error:transaction-end-before-headers - HIER_NONE/- -\n"
                      "1741944426.000      5 - NONE_NONE/000 0 - error:accept-client-connection - "
                      "HIER_NONE/- -\n")
        << 2 << 0 << 0
        << QStringList{"0.category=client-noise", "0.host=", "1.client=-", "1.host=",
                       "json:byCategory.client-noise=2", "json:topDestinationsByBytes.#=0",
                       "json:clients.#=1", "json:clients.0.ip=172.16.16.9"};
    QTest::newRow("L12 (edge lines 6-10): empty, ###, cut-off time, non-numeric elapsed, binary")
        << QByteArray("\n1741944424.5\n### squid restarted ###\n"
                      "1741944425.210  abc 172.16.16.2 TCP_MISS/200 10 GET http://x/ - "
                      "HIER_DIRECT/203.0.113.1 -\n"
                      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\n")
        << 0 << 3 << 2 << QStringList{"json:records=0", "json:skipped=3", "json:timeRange=null"};
    QTest::newRow("CRLF line ends and an IPv4-mapped client")
        << QByteArray("1741944413.217  60123 ::ffff:172.16.16.3 TCP_MISS/200 100 GET http://a/ - "
                      "HIER_DIRECT/203.0.113.1 text/html\r\n")
        << 1 << 0 << 0 << QStringList{"0.client=172.16.16.3", "0.type=text/html"};
    QTest::newRow("TCP_DENIED/403 is a denial and no destination flow")
        << QByteArray("1741944415.011      0 172.16.16.2 TCP_DENIED/403 3905 CONNECT 10.1.0.4:22 - "
                      "HIER_NONE/- text/html\n")
        << 1 << 0 << 0
        << QStringList{"0.category=denied", "json:clients.0.denied=1",
                       "json:topDestinationsByBytes.#=0", "json:errors.0.host=10.1.0.4",
                       "json:errors.0.category=denied"};
}

void TestAccessLog::traps()
{
    QFETCH(QByteArray, input);
    QFETCH(int, records);
    QFETCH(int, skipped);
    QFETCH(int, blankOrComment);
    QFETCH(QStringList, checks);

    const AccessLogParse parsed = parseAccessLogText(input);
    QCOMPARE(int(parsed.records.size()), records);
    QCOMPARE(int(parsed.skipped), skipped);
    QCOMPARE(int(parsed.blankOrCommentLines), blankOrComment);
    const AccessLogSummary summary = summarizeAccessLog(input);
    QCOMPARE(int(summary.records), records);
    QCOMPARE(int(summary.skipped), skipped);
    const QJsonObject json = toJson(summary);

    for (const QString &check : checks) {
        const qsizetype eq = check.indexOf(u'=');
        const QString key = check.left(eq);
        const QString expected = check.mid(eq + 1);
        QString actual;
        if (key.startsWith(QStringLiteral("json:"))) {
            actual = jsonAt(json, key.mid(5));
        } else {
            const qsizetype dot = key.indexOf(u'.');
            const int index = key.left(dot).toInt();
            QVERIFY2(index < int(parsed.records.size()), qPrintable(check));
            actual = fieldOf(parsed.records[size_t(index)], key.mid(dot + 1));
        }
        QVERIFY2(actual == expected,
                 qPrintable(QStringLiteral("%1: got '%2'").arg(check, actual.left(300))));
    }
}

void TestAccessLog::seedLog()
{
    // Counted by hand from tests/data/squid/access.log (the seed's log, 46 lines, all timefm).
    const auto summary = summarizeAccessLogFile(seedLogPath());
    QVERIFY(summary);
    QCOMPARE(summary->records, 46);
    QCOMPARE(summary->skipped, 0);
    QCOMPARE(summary->truncatedRecords, 0);
    const QJsonObject json = toJson(*summary);
    QCOMPARE(jsonAt(json, "timeRange.start"), QStringLiteral("2024-11-16T19:39:33.511Z"));
    QCOMPARE(jsonAt(json, "timeRange.end"), QStringLiteral("2024-11-16T19:39:40.935Z"));
    // www.googleapis.com: logged at 19:39:40.935 after a 393,671 ms tunnel.
    QCOMPARE(jsonAt(json, "earliestStart"), QStringLiteral("2024-11-16T19:33:07.264Z"));

    QCOMPARE(summary->resultCodes.size(), size_t(3));
    QCOMPARE(summary->resultCodes.at(QStringLiteral("TCP_TUNNEL/200")), 43);
    QCOMPARE(summary->resultCodes.at(QStringLiteral("TCP_TUNNEL_ABORTED/200")), 2);
    QCOMPARE(summary->resultCodes.at(QStringLiteral("NONE/503")), 1);
    QCOMPARE(summary->byStatus.at(200), 45);
    QCOMPARE(summary->byStatus.at(503), 1);

    QCOMPARE(summary->clients.size(), size_t(1));
    QCOMPARE(summary->clients.front().ip, QStringLiteral("172.16.16.2"));
    QCOMPARE(summary->clients.front().records, 46);
    QCOMPARE(summary->clients.front().bytes, quint64(5312176));

    // Errors: the one NONE/503 for notifications.netflix.com, the two aborted kinesis tunnels.
    QCOMPARE(summary->errors.size(), size_t(2));
    QCOMPARE(summary->errors[0].category, OutcomeCategory::Aborted);
    QCOMPARE(summary->errors[0].result, QStringLiteral("TCP_TUNNEL_ABORTED/200"));
    QCOMPARE(summary->errors[0].host, QStringLiteral("kinesis.us-east-1.amazonaws.com"));
    QCOMPARE(summary->errors[0].records, 2);
    QCOMPARE(summary->errors[0].bytes, quint64(12886));
    QCOMPARE(summary->errors[1].category, OutcomeCategory::ConnectFailed);
    QCOMPARE(summary->errors[1].result, QStringLiteral("NONE/503"));
    QCOMPARE(summary->errors[1].host, QStringLiteral("notifications.netflix.com"));
    QCOMPARE(summary->errors[1].records, 1);

    // Destinations: 28 hosts; assets.nflxext.com leads with 7 tunnels and 3,023,632 bytes.
    QCOMPARE(summary->topDestinationsByBytes.size(), size_t(20));
    QCOMPARE(summary->topDestinationsByBytes[0].host, QStringLiteral("assets.nflxext.com"));
    QCOMPARE(summary->topDestinationsByBytes[0].bytes, quint64(3023632));
    QCOMPARE(summary->topDestinationsByBytes[0].records, 7);
    QCOMPARE(summary->topDestinationsByBytes[0].peers, QStringList{QStringLiteral("45.57.91.1")});
    QCOMPARE(summary->topDestinationsByBytes[1].host, QStringLiteral("www.google.com"));
    QCOMPARE(summary->topDestinationsByBytes[1].bytes, quint64(1586641));
    QCOMPARE(summary->topDestinationsByRequests[0].host, QStringLiteral("assets.nflxext.com"));
    QCOMPARE(summary->topDestinationsByRequests[1].host, QStringLiteral("www.netflix.com"));
    QCOMPARE(summary->topDestinationsByRequests[1].records, 3);
    AccessLogOptions all;
    all.topDestinations = 1000;
    QCOMPARE(summarizeAccessLogFile(seedLogPath(), all)->topDestinationsByBytes.size(), size_t(28));

    // Largest and smallest transfers (the seed note's hand-made summary).
    QCOMPARE(summary->largestTransfers.front().bytes, quint64(2093116));
    QCOMPARE(summary->largestTransfers.front().host, QStringLiteral("assets.nflxext.com"));
    QCOMPARE(summary->largestTransfers.front().timestampMs, 1731785979392);
    QCOMPARE(summary->largestTransfers[1].bytes, quint64(1586641));
    QCOMPARE(summary->smallestTransfers.front().bytes, quint64(0));
    QCOMPARE(summary->smallestTransfers.front().host, QStringLiteral("notifications.netflix.com"));
    QCOMPARE(summary->smallestTransfers.front().result, QStringLiteral("NONE/503"));
    QCOMPARE(summary->smallestTransfers[1].bytes, quint64(861));
}

void TestAccessLog::seedRecordsAllTimePrefixed()
{
    QFile f(seedLogPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const AccessLogParse parsed = parseAccessLogText(f.readAll());
    QCOMPARE(parsed.records.size(), size_t(46));
    int kinesisAborted = 0;
    for (const AccessLogRecord &r : parsed.records) {
        QCOMPARE(r.format, LogLineFormat::TimePrefixed);
        QVERIFY(!r.truncated);
        QCOMPARE(r.method, QStringLiteral("CONNECT"));
        QCOMPARE(r.destinationPort, 443);
        if (r.destinationHost == u"kinesis.us-east-1.amazonaws.com"
            && r.result == u"TCP_TUNNEL_ABORTED/200")
            ++kinesisAborted;
    }
    QCOMPARE(kinesisAborted, 2);
    QCOMPARE(parsed.records.front().timePrefix, QStringLiteral("2024/11/16 19:39:33"));
    QCOMPARE(parsed.records.front().elapsedMs, 915);
}

void TestAccessLog::twoThreadsAgreeWithOne()
{
    const QByteArray log = syntheticLog(60000);
    AccessLogOptions one;
    one.threads = 1;
    AccessLogOptions two;
    two.threads = 2;
    const AccessLogSummary a = summarizeAccessLog(log, one);
    const AccessLogSummary b = summarizeAccessLog(log, two);
    QCOMPARE(a.records, 60000);
    QCOMPARE(a.skipped, 60);
    QCOMPARE(toJson(b), toJson(a));
}

void TestAccessLog::cancellation()
{
    const QByteArray log = syntheticLog(50000);
    std::atomic<bool> cancel{true};
    AccessLogOptions options;
    options.cancel = &cancel;
    const AccessLogSummary s = summarizeAccessLog(log, options);
    QVERIFY(s.cancelled);
    QVERIFY(s.records < 50000);
}

void TestAccessLog::progressReachesTheEnd()
{
    const QByteArray log = syntheticLog(20000);
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    int calls = 0;
    AccessLogOptions options;
    options.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done >= lastDone);
        lastDone = done;
        lastTotal = total;
        ++calls;
    };
    const AccessLogSummary s = summarizeAccessLog(log, options);
    QCOMPARE(s.records, 20000);
    QVERIFY(calls >= 1);
    QCOMPARE(lastTotal, qint64(log.size()));
    QCOMPARE(lastDone, qint64(log.size()));
}

void TestAccessLog::unreadableFile()
{
    QString error;
    QVERIFY(!summarizeAccessLogFile(QStringLiteral("/nonexistent/access.log"), {}, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
