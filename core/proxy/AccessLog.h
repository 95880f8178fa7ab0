#pragma once

// Squid access.log import (spec/squid.md §3–§4): the native `squid` format, the same body behind
// a local-time prefix (the seed's `timefm` logformat), behind a syslog header, and the built-in
// `common` format; the format is detected per line. Lines that are none of these are counted and
// sampled, never fatal. Parsing works on views into one buffer (a memory-mapped file), with no
// regular expressions and no per-field QString, and may use several std::threads.

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace hopscope::proxy {

enum class LogLineFormat {
    Native,       // "1731785973.511    915 172.16.16.2 TCP_TUNNEL/200 ..."
    TimePrefixed, // "2024/11/16 19:39:33 " + native body (logformat timefm)
    Syslog,       // "Mar 14 09:27:03 host squid[1432]: " + native body
    Common,       // 'client ident user [dd/Mon/yyyy:HH:MM:SS +zzzz] "METHOD URL PROTO" status bytes'
};

// What a record's outcome means for a person reading the log (squid.md §3.2, §3.4 step 8).
enum class OutcomeCategory {
    Ok,              // delivered (TCP_TUNNEL/200, TCP_MISS/200, cache hits, ...)
    Aborted,         // *_ABORTED: delivered in part; its bytes are real
    TimedOut,        // *_TIMEDOUT
    Denied,          // TCP_DENIED*, refused by http_access / http_reply_access / auth
    ConnectFailed,   // NONE/5xx, NONE_NONE/5xx, TCP_TUNNEL/5xx: an allowed CONNECT that could not
                     // reach the server (v4, v5–6.0.2 and 6.0.3+ spellings of one failure)
    UpstreamError,   // any other 5xx (TCP_MISS/503, ...)
    ClientNoise,     // NONE*/000 and NONE*/400: no usable request from the client
};
QString outcomeCategoryName(OutcomeCategory c); // "ok", "aborted", "timed-out", ...

// One parsed record, with owned strings: for tests and for small callers. The summary below
// does not build these.
struct AccessLogRecord
{
    LogLineFormat format = LogLineFormat::Native;
    qint64 timestampMs = 0; // %ts.%03tu: epoch milliseconds, UTC, when the transaction ended
    qint64 elapsedMs = -1;  // -1: not in this format
    QString client;         // "-" for internally generated transactions; IPv4-mapped → IPv4
    QString result;         // "CODE/STATUS" exactly as logged, e.g. "NONE/503"
    QString resultCode;     // "NONE"
    int httpStatus = 0;
    quint64 bytes = 0;      // sent to the client, headers included
    QString method;
    QString url;
    QString user;           // may contain spaces
    QString hierarchy;      // "HIER_DIRECT"
    QString peer;           // "3.12.3.40", "-"
    QString contentType;
    QString requestHeaders; // log_mime_hdrs blocks, without brackets
    QString replyHeaders;
    QString destinationHost; // empty for error:* and "-" URLs
    int destinationPort = 0;
    QString timePrefix;     // the TimePrefixed/Syslog prefix as written
    bool truncated = false; // cut short (8 KB limit): fields after the URL are missing
    OutcomeCategory category = OutcomeCategory::Ok;
};

struct AccessLogParse
{
    std::vector<AccessLogRecord> records;
    qint64 blankOrCommentLines = 0;
    qint64 skipped = 0;         // lines that are no record: garbage, counted
    QStringList skippedSamples; // the first few, as Latin-1, cut to 200 characters
};

// Parses every record of `text` (records end at '\n' or at a NUL byte).
AccessLogParse parseAccessLogText(QByteArrayView text);

struct ClientVolume
{
    QString ip;
    qint64 records = 0;
    quint64 bytes = 0;
    qint64 denied = 0;
};

struct DestinationVolume
{
    QString host; // no port
    quint64 bytes = 0;
    qint64 records = 0;
    QStringList peers; // distinct next-hop addresses from the hierarchy field, first 8
};

struct Transfer
{
    qint64 timestampMs = 0;
    QString client;
    QString result; // "CODE/STATUS"
    QString method;
    QString url;
    QString host;
    quint64 bytes = 0;
};

struct ErrorGroup
{
    OutcomeCategory category = OutcomeCategory::Denied;
    QString result; // "CODE/STATUS" as logged
    QString host;   // empty when the record has no destination
    qint64 records = 0;
    quint64 bytes = 0;
};

struct AccessLogSummary
{
    qint64 records = 0;
    qint64 skipped = 0;
    qint64 blankOrCommentLines = 0;
    qint64 truncatedRecords = 0;
    QStringList skippedSamples;
    bool cancelled = false; // the summary covers only part of the input

    // The first and the last record's own timestamp, in file order (the log's time is when a
    // transaction ended), the largest timestamp, and the earliest start (timestamp − elapsed).
    std::optional<qint64> firstTimestampMs;
    std::optional<qint64> lastTimestampMs;
    std::optional<qint64> latestTimestampMs;
    std::optional<qint64> earliestStartMs;

    std::vector<ClientVolume> clients;             // most bytes first; client "-" left out
    std::map<QString, qint64> resultCodes;         // "CODE/STATUS" as logged → records
    std::map<int, qint64> byStatus;                // HTTP status → records
    std::map<OutcomeCategory, qint64> byCategory;  // every category, zero included
    // Destinations of requests that went upstream: denied requests and cache hits are left out
    // (they have no upstream flow, squid.md §3.4). Bytes are download only.
    std::vector<DestinationVolume> topDestinationsByBytes;    // largest first
    std::vector<DestinationVolume> topDestinationsByRequests; // most records first
    std::vector<ErrorGroup> errors; // every non-ok (category, result, host), most records first
    // Among the same records as the destinations: the largest and the smallest (zero included).
    std::vector<Transfer> largestTransfers;  // largest first
    std::vector<Transfer> smallestTransfers; // smallest first
};

// Which records a summary counts; an empty field sets no condition. Lines that are no record
// (skipped, blank, comments) are counted whatever the filter.
struct AccessLogFilter
{
    QString client;               // exactly as summarised: "172.16.16.2" (IPv4-mapped → IPv4)
    QString result;               // "CODE/STATUS" exactly as logged
    std::optional<qint64> fromMs; // the record's timestamp ≥ fromMs
    std::optional<qint64> toMs;   // the record's timestamp ≤ toMs

    bool isEmpty() const { return client.isEmpty() && result.isEmpty() && !fromMs && !toMs; }
};

struct AccessLogOptions
{
    int threads = 0;         // 0: up to 2 (this tool's target machine has 2 cores)
    int topDestinations = 20;
    int transfers = 5;       // how many largest/smallest transfers to keep
    // Called on the thread that called summarizeAccessLog*, with input bytes done and total,
    // a few times per second at most and once at the end.
    std::function<void(qint64 done, qint64 total)> progress;
    // Checked every few thousand lines; when set the summary is returned with `cancelled`.
    const std::atomic<bool> *cancel = nullptr;
    AccessLogFilter filter;
};

AccessLogSummary summarizeAccessLog(QByteArrayView text, const AccessLogOptions &options = {});

// Maps `path` into memory (or reads it when it cannot be mapped) and summarises it. nullopt when
// the file cannot be opened; `error` then says why.
std::optional<AccessLogSummary> summarizeAccessLogFile(const QString &path,
                                                       const AccessLogOptions &options = {},
                                                       QString *error = nullptr);

// Milliseconds since the epoch as ISO 8601 UTC with milliseconds: "2024-11-16T19:39:33.511Z".
QString isoUtc(qint64 epochMs);

// The summary as one JSON object with the keys of the issue: records, skipped, timeRange
// {start, end}, earliestStart, clients, resultCodes, byStatus, byCategory,
// topDestinationsByBytes, topDestinationsByRequests, errors, largestTransfers,
// smallestTransfers, and the counters.
QJsonObject toJson(const AccessLogSummary &summary);

} // namespace hopscope::proxy
