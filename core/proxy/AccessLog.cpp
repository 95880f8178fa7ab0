#include "proxy/AccessLog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <deque>
#include <future>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace hopscope::proxy {

namespace {

using std::string_view;

constexpr int maxSkippedSamples = 5;
constexpr int maxPeersPerDestination = 8;
constexpr qint64 linesBetweenChecks = 8192;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

bool allDigits(string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

// Unsigned decimal, 64-bit (tunnels pass 4 GiB, L7); false on anything else or overflow.
bool parseUnsigned(string_view s, quint64 *out)
{
    // from_chars alone would accept a digit prefix ("12ab"); the whole field must be digits.
    quint64 v = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || error != std::errc() || end != s.data() + s.size())
        return false;
    *out = v;
    return true;
}

// "%ts.%03tu": seconds, a dot, exactly three digits of milliseconds.
bool parseTimestamp(string_view s, qint64 *ms)
{
    const size_t dot = s.find('.');
    if (dot == string_view::npos || dot == 0 || dot > 12 || s.size() != dot + 4)
        return false;
    quint64 seconds = 0;
    quint64 millis = 0;
    if (!parseUnsigned(s.substr(0, dot), &seconds) || !parseUnsigned(s.substr(dot + 1), &millis))
        return false;
    *ms = qint64(seconds) * 1000 + qint64(millis);
    return true;
}

// "[A-Z_]+/ddd" → code and status.
bool parseResult(string_view s, string_view *code, int *status)
{
    const size_t slash = s.find('/');
    if (slash == string_view::npos || slash == 0 || s.size() != slash + 4)
        return false;
    for (size_t i = 0; i < slash; ++i)
        if (!isUpper(s[i]) && s[i] != '_')
            return false;
    const string_view digits = s.substr(slash + 1);
    if (!allDigits(digits))
        return false;
    *code = s.substr(0, slash);
    *status = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
    return true;
}

// "[A-Z_]+/\S+": hierarchy code and peer, split at the first '/' (the peer may be IPv6).
bool parseHierarchy(string_view s, string_view *code, string_view *peer)
{
    const size_t slash = s.find('/');
    if (slash == string_view::npos || slash == 0 || slash + 1 >= s.size())
        return false;
    for (size_t i = 0; i < slash; ++i)
        if (!isUpper(s[i]) && s[i] != '_')
            return false;
    *code = s.substr(0, slash);
    *peer = s.substr(slash + 1);
    return true;
}

OutcomeCategory categorize(string_view code, int status)
{
    const bool noneTag = code == "NONE" || code == "NONE_NONE";
    if (code.starts_with("TCP_DENIED"))
        return OutcomeCategory::Denied;
    if (noneTag && (status == 0 || status == 400))
        return OutcomeCategory::ClientNoise;
    if (status >= 500 && status <= 599)
        return (noneTag || code == "TCP_TUNNEL") ? OutcomeCategory::ConnectFailed
                                                 : OutcomeCategory::UpstreamError;
    if (code.find("_TIMEDOUT") != string_view::npos)
        return OutcomeCategory::TimedOut;
    if (code.find("_ABORTED") != string_view::npos)
        return OutcomeCategory::Aborted;
    return OutcomeCategory::Ok;
}

// A record as views into the input (or into the parser's owned strings).
struct RecordView
{
    LogLineFormat format = LogLineFormat::Native;
    qint64 timestampMs = 0;
    qint64 elapsedMs = -1;
    string_view client, result, code, method, url, user, hierarchy, peer, type;
    string_view requestHeaders, replyHeaders, host, prefix;
    int status = 0;
    int port = 0;
    quint64 bytes = 0;
    bool truncated = false;
};

enum class LineKind { Record, BlankOrComment, Garbage };

// Destination of a logged URL: CONNECT "host:port" / "[v6]:port", or "scheme://host[:port]/...".
// error:* and "-" have none.
void findDestination(RecordView &r)
{
    const string_view url = r.url;
    if (url.empty() || url == "-" || url.starts_with("error:"))
        return;
    string_view authority;
    int defaultPort = 0;
    const size_t scheme = url.find("://");
    if (scheme != string_view::npos) {
        const string_view s = url.substr(0, scheme);
        defaultPort = s == "http" ? 80 : s == "https" ? 443 : s == "ftp" ? 21 : 0;
        authority = url.substr(scheme + 3);
        const size_t end = authority.find_first_of("/?#");
        if (end != string_view::npos)
            authority = authority.substr(0, end);
        const size_t at = authority.rfind('@');
        if (at != string_view::npos)
            authority = authority.substr(at + 1);
    } else if (r.method == "CONNECT") {
        authority = url;
        defaultPort = 443;
    } else {
        return;
    }
    string_view host = authority;
    string_view portText;
    if (authority.starts_with("[")) {
        const size_t close = authority.find(']');
        if (close == string_view::npos)
            return;
        host = authority.substr(1, close - 1);
        if (close + 1 < authority.size() && authority[close + 1] == ':')
            portText = authority.substr(close + 2);
    } else if (const size_t colon = authority.rfind(':'); colon != string_view::npos) {
        host = authority.substr(0, colon);
        portText = authority.substr(colon + 1);
    }
    quint64 port = 0;
    r.port = parseUnsigned(portText, &port) && port <= 65535 ? int(port) : defaultPort;
    r.host = host;
}

// Strips "::ffff:" from an IPv4-mapped client (squid.md §2, canonicalise).
string_view canonicalClient(string_view client)
{
    if (client.size() > 7 && (client.starts_with("::ffff:") || client.starts_with("::FFFF:"))
        && client.find('.') != string_view::npos)
        return client.substr(7);
    return client;
}

// "YYYY/MM/DD HH:MM:SS" or "YYYY-MM-DD HH:MM:SS" (a %tl strftime prefix); returns its length.
size_t datePrefixLength(string_view s)
{
    static constexpr char shape[] = "dddd/dd/dd dd:dd:dd";
    if (s.size() < 20)
        return 0;
    for (size_t i = 0; i < 19; ++i) {
        const char want = shape[i];
        const char c = s[i];
        if (want == 'd' ? !isDigit(c)
                        : want == '/' ? (c != '/' && c != '-') : c != want)
            return 0;
    }
    return s[19] == ' ' ? 19 : 0;
}

// "Mmm dd HH:MM:SS host tag: " (access_log syslog:...); returns the length to strip.
size_t syslogPrefixLength(string_view s)
{
    if (s.size() < 20 || !isUpper(s[0]) || !isLower(s[1]) || !isLower(s[2]) || s[3] != ' '
        || !(s[4] == ' ' || isDigit(s[4])) || !isDigit(s[5]) || s[6] != ' ' || !isDigit(s[7])
        || !isDigit(s[8]) || s[9] != ':' || !isDigit(s[10]) || !isDigit(s[11]) || s[12] != ':'
        || !isDigit(s[13]) || !isDigit(s[14]) || s[15] != ' ')
        return 0;
    const size_t hostEnd = s.find(' ', 16);
    if (hostEnd == string_view::npos)
        return 0;
    const size_t tagEnd = s.find(": ", hostEnd + 1);
    if (tagEnd == string_view::npos || s.substr(hostEnd + 1, tagEnd - hostEnd - 1).find(' ')
                                           != string_view::npos)
        return 0;
    return tagEnd + 2;
}

// The native body: 10 fields (more when the user name has spaces), optional header blocks.
bool parseNativeBody(string_view body, RecordView &r, std::vector<string_view> &tokens)
{
    // log_mime_hdrs: up to two trailing "[...]" blocks. '[' and ']' are encoded inside them but
    // spaces are not, so each block starts at the last " [" (squid.md §3.4 step 3).
    string_view blocks[2];
    int blockCount = 0;
    while (blockCount < 2 && !body.empty() && body.back() == ']') {
        const size_t open = body.rfind(" [");
        if (open == string_view::npos)
            break;
        blocks[blockCount++] = body.substr(open + 2, body.size() - open - 3);
        body = body.substr(0, open);
        while (!body.empty() && body.back() == ' ')
            body.remove_suffix(1);
    }
    if (blockCount == 2) {
        r.requestHeaders = blocks[1];
        r.replyHeaders = blocks[0];
    } else if (blockCount == 1) {
        r.requestHeaders = blocks[0];
    }

    tokens.clear();
    size_t i = 0;
    const size_t n = body.size();
    while (i < n) {
        while (i < n && body[i] == ' ')
            ++i;
        if (i >= n)
            break;
        const size_t start = i;
        while (i < n && body[i] != ' ')
            ++i;
        tokens.push_back(body.substr(start, i - start));
    }
    if (tokens.size() < 7)
        return false;
    quint64 elapsed = 0;
    if (!parseTimestamp(tokens[0], &r.timestampMs) || !parseUnsigned(tokens[1], &elapsed)
        || !parseResult(tokens[3], &r.code, &r.status) || !parseUnsigned(tokens[4], &r.bytes))
        return false;
    r.elapsedMs = qint64(elapsed);
    r.client = canonicalClient(tokens[2]);
    r.result = tokens[3];
    r.method = tokens[5];
    r.url = tokens[6];
    const size_t count = tokens.size();
    // Fields from both ends: the last two (hierarchy/peer, type) never contain spaces; of the
    // middle, the first is the URL and the rest the user (squid.md §3.4 step 4). Fewer than 10
    // tokens, or no hierarchy where it belongs: a record cut short, keep time..URL.
    if (count >= 10 && parseHierarchy(tokens[count - 2], &r.hierarchy, &r.peer)) {
        r.type = tokens[count - 1];
        const string_view first = tokens[7];
        const string_view last = tokens[count - 3];
        r.user = string_view(first.data(), size_t(last.data() + last.size() - first.data()));
    } else {
        r.truncated = true;
    }
    findDestination(r);
    return true;
}

// Month abbreviation → 1..12, 0 when unknown.
int monthNumber(string_view m)
{
    static constexpr const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (m == months[i])
            return i + 1;
    return 0;
}

// Squid's built-in `common` format, optionally followed by "Ss:Sh" (as Squid writes it).
bool parseCommon(string_view line, RecordView &r, std::deque<std::string> &owned)
{
    const size_t open = line.find(" [");
    const size_t close = line.find("] \"");
    if (open == string_view::npos || close == string_view::npos || close < open)
        return false;
    const string_view head = line.substr(0, open);
    const size_t sp1 = head.find(' ');
    const size_t sp2 = sp1 == string_view::npos ? sp1 : head.find(' ', sp1 + 1);
    if (sp2 == string_view::npos)
        return false;
    r.client = canonicalClient(head.substr(0, sp1));
    r.user = head.substr(sp2 + 1);

    // dd/Mon/yyyy:HH:MM:SS +zzzz
    const string_view when = line.substr(open + 2, close - open - 2);
    if (when.size() != 26 || when[2] != '/' || when[6] != '/' || when[11] != ':'
        || when[20] != ' ')
        return false;
    const int month = monthNumber(when.substr(3, 3));
    quint64 day = 0, year = 0, hh = 0, mm = 0, ss = 0, zone = 0;
    if (!month || !parseUnsigned(when.substr(0, 2), &day) || !parseUnsigned(when.substr(7, 4), &year)
        || !parseUnsigned(when.substr(12, 2), &hh) || !parseUnsigned(when.substr(15, 2), &mm)
        || !parseUnsigned(when.substr(18, 2), &ss) || !parseUnsigned(when.substr(22, 4), &zone)
        || (when[21] != '+' && when[21] != '-'))
        return false;
    const QDateTime utc(QDate(int(year), month, int(day)), QTime(int(hh), int(mm), int(ss)),
                        Qt::UTC);
    if (!utc.isValid())
        return false;
    const qint64 offsetSeconds = qint64(zone / 100 * 3600 + zone % 100 * 60);
    r.timestampMs = utc.toMSecsSinceEpoch() - (when[21] == '+' ? 1 : -1) * offsetSeconds * 1000;

    const string_view rest = line.substr(close + 3);
    const size_t quoteEnd = rest.find('"');
    if (quoteEnd == string_view::npos)
        return false;
    const string_view request = rest.substr(0, quoteEnd);
    const size_t m = request.find(' ');
    if (m == string_view::npos)
        return false;
    r.method = request.substr(0, m);
    string_view target = request.substr(m + 1);
    if (const size_t protocol = target.rfind(" HTTP/"); protocol != string_view::npos)
        target = target.substr(0, protocol);
    r.url = target;

    string_view tail = rest.substr(quoteEnd + 1);
    string_view parts[3];
    int partCount = 0;
    size_t i = 0;
    while (i < tail.size() && partCount < 3) {
        while (i < tail.size() && tail[i] == ' ')
            ++i;
        const size_t start = i;
        while (i < tail.size() && tail[i] != ' ')
            ++i;
        if (i > start)
            parts[partCount++] = tail.substr(start, i - start);
    }
    quint64 status = 0;
    if (partCount < 2 || parts[0].size() != 3 || !parseUnsigned(parts[0], &status)
        || !parseUnsigned(parts[1], &r.bytes))
        return false;
    r.status = int(status);
    string_view code = "-";
    if (partCount == 3) {
        const size_t colon = parts[2].find(':');
        code = parts[2].substr(0, colon);
        if (colon != string_view::npos)
            r.hierarchy = parts[2].substr(colon + 1);
    }
    owned.push_back(std::string(code) + '/' + std::string(parts[0]));
    r.result = owned.back();
    r.code = string_view(owned.back()).substr(0, code.size());
    r.format = LogLineFormat::Common;
    findDestination(r);
    return true;
}

LineKind parseLine(string_view line, RecordView &r, std::vector<string_view> &tokens,
                   std::deque<std::string> &owned)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t'))
        ++lead;
    line.remove_prefix(lead);
    if (line.empty() || line.front() == '#')
        return LineKind::BlankOrComment;

    r = RecordView{};
    string_view body = line;
    if (const size_t date = datePrefixLength(line)) {
        r.format = LogLineFormat::TimePrefixed;
        r.prefix = line.substr(0, date);
        body = line.substr(date);
    } else if (const size_t syslog = syslogPrefixLength(line)) {
        r.format = LogLineFormat::Syslog;
        r.prefix = line.substr(0, syslog - 2);
        body = line.substr(syslog);
    }
    while (!body.empty() && body.front() == ' ')
        body.remove_prefix(1);
    if (!body.empty() && isDigit(body.front()) && parseNativeBody(body, r, tokens))
        return LineKind::Record;
    if (r.format != LogLineFormat::Native)
        return LineKind::Garbage;
    r = RecordView{};
    if (parseCommon(line, r, owned))
        return LineKind::Record;
    return LineKind::Garbage;
}

// Calls `visit(line)` for every record of `text`: records end at '\n' and at a NUL byte (the
// native writer ends a record cut at 8 KB with NUL instead of a newline, squid.md §3.3).
template<typename Visit>
void forEachLine(string_view text, Visit &&visit)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        const char *q = p;
        while (const char *nul = static_cast<const char *>(std::memchr(q, '\0', size_t(lineEnd - q)))) {
            if (!visit(string_view(q, size_t(nul - q))))
                return;
            q = nul + 1;
        }
        if (!visit(string_view(q, size_t(lineEnd - q))))
            return;
        p = nl ? nl + 1 : end;
    }
}

QString toQString(string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QString sampleOf(string_view line)
{
    QString s = QString::fromLatin1(line.data(), qsizetype(std::min<size_t>(line.size(), 200)));
    for (QChar &c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xfffd);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Aggregation over one chunk; chunks are merged afterwards.

struct ClientAggregate
{
    qint64 records = 0;
    quint64 bytes = 0;
    qint64 denied = 0;
};

struct DestinationAggregate
{
    quint64 bytes = 0;
    qint64 records = 0;
    std::vector<string_view> peers;
};

struct TransferView
{
    qint64 timestampMs = 0;
    string_view client, result, method, url, host;
    quint64 bytes = 0;
};

struct ErrorKey
{
    int category;
    string_view result;
    string_view host;
    bool operator==(const ErrorKey &) const = default;
};
struct ErrorKeyHash
{
    size_t operator()(const ErrorKey &k) const
    {
        const std::hash<string_view> h;
        return h(k.result) * 31 + h(k.host) * 7 + size_t(k.category);
    }
};
struct ErrorAggregate
{
    qint64 records = 0;
    quint64 bytes = 0;
};

struct Partial
{
    qint64 records = 0;
    qint64 skipped = 0;
    qint64 blankOrComment = 0;
    qint64 truncated = 0;
    std::vector<std::string> skippedSamples;
    std::optional<qint64> first, last, latest, earliestStart;
    std::unordered_map<string_view, ClientAggregate> clients;
    std::unordered_map<string_view, qint64> resultCodes;
    std::unordered_map<int, qint64> statuses;
    qint64 categories[7] = {};
    std::unordered_map<string_view, DestinationAggregate> destinations;
    std::unordered_map<ErrorKey, ErrorAggregate, ErrorKeyHash> errors;
    std::vector<TransferView> largest;  // kept sorted, largest first
    std::vector<TransferView> smallest; // kept sorted, smallest first
    std::deque<std::string> owned;      // strings some records point into (common format)
    bool cancelled = false;
};

void keepTop(std::vector<TransferView> &list, const TransferView &t, int limit, bool largest)
{
    auto before = [largest](const TransferView &a, const TransferView &b) {
        return largest ? a.bytes > b.bytes : a.bytes < b.bytes;
    };
    if (int(list.size()) >= limit && !before(t, list.back()))
        return;
    list.insert(std::upper_bound(list.begin(), list.end(), t, before), t);
    if (int(list.size()) > limit)
        list.pop_back();
}

void addRecord(Partial &p, const RecordView &r, const AccessLogOptions &options)
{
    ++p.records;
    if (r.truncated)
        ++p.truncated;
    if (!p.first)
        p.first = r.timestampMs;
    p.last = r.timestampMs;
    if (!p.latest || r.timestampMs > *p.latest)
        p.latest = r.timestampMs;
    const qint64 start = r.timestampMs - std::max<qint64>(r.elapsedMs, 0);
    if (!p.earliestStart || start < *p.earliestStart)
        p.earliestStart = start;

    const OutcomeCategory category = categorize(r.code, r.status);
    ++p.categories[int(category)];
    ++p.resultCodes[r.result];
    ++p.statuses[r.status];
    if (r.client != "-" && !r.client.empty()) {
        ClientAggregate &c = p.clients[r.client];
        ++c.records;
        c.bytes += r.bytes;
        if (category == OutcomeCategory::Denied)
            ++c.denied;
    }
    if (category != OutcomeCategory::Ok) {
        ErrorAggregate &e = p.errors[ErrorKey{int(category), r.result, r.host}];
        ++e.records;
        e.bytes += r.bytes;
    }
    // Upstream flows only: a denial or a cache hit reached no server (squid.md §3.4 step 8).
    const bool upstream = !r.host.empty() && category != OutcomeCategory::Denied
                          && r.code.find("HIT") == string_view::npos;
    if (upstream) {
        DestinationAggregate &d = p.destinations[r.host];
        d.bytes += r.bytes;
        ++d.records;
        if (!r.peer.empty() && r.peer != "-" && int(d.peers.size()) < maxPeersPerDestination
            && std::find(d.peers.begin(), d.peers.end(), r.peer) == d.peers.end())
            d.peers.push_back(r.peer);
        const TransferView t{r.timestampMs, r.client, r.result, r.method, r.url, r.host, r.bytes};
        keepTop(p.largest, t, options.transfers, true);
        keepTop(p.smallest, t, options.transfers, false);
    }
}

// AccessLogFilter as plain bytes, to compare with the record views without a QString each.
struct RecordFilter
{
    explicit RecordFilter(const AccessLogFilter &f)
        : active(!f.isEmpty()), client(f.client.toStdString()), result(f.result.toStdString()),
          fromMs(f.fromMs), toMs(f.toMs)
    {
    }
    bool passes(const RecordView &r) const
    {
        return !active
               || ((client.empty() || r.client == client) && (result.empty() || r.result == result)
                   && (!fromMs || r.timestampMs >= *fromMs) && (!toMs || r.timestampMs <= *toMs));
    }
    bool active;
    std::string client, result;
    std::optional<qint64> fromMs, toMs;
};

void summarizeChunk(string_view chunk, Partial &p, const AccessLogOptions &options,
                    std::atomic<qint64> &bytesDone)
{
    std::vector<string_view> tokens;
    tokens.reserve(32);
    RecordView r;
    qint64 lines = 0;
    const char *lastReported = chunk.data();
    const RecordFilter filter(options.filter);
    forEachLine(chunk, [&](string_view line) {
        switch (parseLine(line, r, tokens, p.owned)) {
        case LineKind::Record:
            if (filter.passes(r))
                addRecord(p, r, options);
            break;
        case LineKind::BlankOrComment:
            ++p.blankOrComment;
            break;
        case LineKind::Garbage:
            ++p.skipped;
            if (int(p.skippedSamples.size()) < maxSkippedSamples)
                p.skippedSamples.emplace_back(line.substr(0, 200));
            break;
        }
        if (++lines % linesBetweenChecks == 0) {
            const char *here = line.data() + line.size();
            bytesDone.fetch_add(here - lastReported, std::memory_order_relaxed);
            lastReported = here;
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                p.cancelled = true;
                return false;
            }
        }
        return true;
    });
    if (!p.cancelled)
        bytesDone.fetch_add(chunk.data() + chunk.size() - lastReported, std::memory_order_relaxed);
}

std::vector<DestinationVolume> topDestinations(
    const std::unordered_map<string_view, DestinationAggregate> &all, int limit, bool byBytes)
{
    std::vector<std::pair<string_view, const DestinationAggregate *>> rows;
    rows.reserve(all.size());
    for (const auto &[host, d] : all)
        rows.emplace_back(host, &d);
    auto order = [byBytes](const auto &a, const auto &b) {
        const auto ka = byBytes ? std::make_tuple(a.second->bytes, quint64(a.second->records))
                                : std::make_tuple(quint64(a.second->records), a.second->bytes);
        const auto kb = byBytes ? std::make_tuple(b.second->bytes, quint64(b.second->records))
                                : std::make_tuple(quint64(b.second->records), b.second->bytes);
        if (ka != kb)
            return ka > kb;
        return a.first < b.first;
    };
    const size_t keep = std::min(rows.size(), size_t(std::max(limit, 0)));
    std::partial_sort(rows.begin(), rows.begin() + qsizetype(keep), rows.end(), order);
    std::vector<DestinationVolume> out;
    for (size_t i = 0; i < keep; ++i) {
        DestinationVolume v;
        v.host = toQString(rows[i].first);
        v.bytes = rows[i].second->bytes;
        v.records = rows[i].second->records;
        for (string_view peer : rows[i].second->peers)
            v.peers.push_back(toQString(peer));
        out.push_back(std::move(v));
    }
    return out;
}

Transfer toTransfer(const TransferView &t)
{
    return {t.timestampMs, toQString(t.client), toQString(t.result), toQString(t.method),
            toQString(t.url),  toQString(t.host),   t.bytes};
}

AccessLogSummary merge(std::vector<Partial> &parts, const AccessLogOptions &options)
{
    Partial &total = parts.front();
    for (size_t i = 1; i < parts.size(); ++i) {
        Partial &p = parts[i];
        total.records += p.records;
        total.skipped += p.skipped;
        total.blankOrComment += p.blankOrComment;
        total.truncated += p.truncated;
        for (std::string &s : p.skippedSamples)
            if (int(total.skippedSamples.size()) < maxSkippedSamples)
                total.skippedSamples.push_back(std::move(s));
        if (!total.first)
            total.first = p.first;
        if (p.last)
            total.last = p.last;
        if (p.latest && (!total.latest || *p.latest > *total.latest))
            total.latest = p.latest;
        if (p.earliestStart && (!total.earliestStart || *p.earliestStart < *total.earliestStart))
            total.earliestStart = p.earliestStart;
        for (const auto &[k, c] : p.clients) {
            ClientAggregate &t = total.clients[k];
            t.records += c.records;
            t.bytes += c.bytes;
            t.denied += c.denied;
        }
        for (const auto &[k, n] : p.resultCodes)
            total.resultCodes[k] += n;
        for (const auto &[k, n] : p.statuses)
            total.statuses[k] += n;
        for (int c = 0; c < 7; ++c)
            total.categories[c] += p.categories[c];
        for (const auto &[k, d] : p.destinations) {
            DestinationAggregate &t = total.destinations[k];
            t.bytes += d.bytes;
            t.records += d.records;
            for (string_view peer : d.peers)
                if (int(t.peers.size()) < maxPeersPerDestination
                    && std::find(t.peers.begin(), t.peers.end(), peer) == t.peers.end())
                    t.peers.push_back(peer);
        }
        for (const auto &[k, e] : p.errors) {
            ErrorAggregate &t = total.errors[k];
            t.records += e.records;
            t.bytes += e.bytes;
        }
        for (const TransferView &t : p.largest)
            keepTop(total.largest, t, options.transfers, true);
        for (const TransferView &t : p.smallest)
            keepTop(total.smallest, t, options.transfers, false);
        total.cancelled = total.cancelled || p.cancelled;
    }

    AccessLogSummary s;
    s.records = total.records;
    s.skipped = total.skipped;
    s.blankOrCommentLines = total.blankOrComment;
    s.truncatedRecords = total.truncated;
    for (const std::string &sample : total.skippedSamples)
        s.skippedSamples.push_back(sampleOf(sample));
    s.cancelled = total.cancelled;
    s.firstTimestampMs = total.first;
    s.lastTimestampMs = total.last;
    s.latestTimestampMs = total.latest;
    s.earliestStartMs = total.earliestStart;
    for (const auto &[ip, c] : total.clients)
        s.clients.push_back({toQString(ip), c.records, c.bytes, c.denied});
    std::sort(s.clients.begin(), s.clients.end(), [](const ClientVolume &a, const ClientVolume &b) {
        return a.bytes != b.bytes ? a.bytes > b.bytes : a.ip < b.ip;
    });
    for (const auto &[k, n] : total.resultCodes)
        s.resultCodes[toQString(k)] += n;
    for (const auto &[k, n] : total.statuses)
        s.byStatus[k] = n;
    for (int c = 0; c < 7; ++c)
        s.byCategory[OutcomeCategory(c)] = total.categories[c];
    s.topDestinationsByBytes = topDestinations(total.destinations, options.topDestinations, true);
    s.topDestinationsByRequests =
        topDestinations(total.destinations, options.topDestinations, false);
    for (const auto &[k, e] : total.errors)
        s.errors.push_back({OutcomeCategory(k.category), toQString(k.result), toQString(k.host),
                            e.records, e.bytes});
    std::sort(s.errors.begin(), s.errors.end(), [](const ErrorGroup &a, const ErrorGroup &b) {
        return std::tie(b.records, a.category, a.result, a.host)
               < std::tie(a.records, b.category, b.result, b.host);
    });
    for (const TransferView &t : total.largest)
        s.largestTransfers.push_back(toTransfer(t));
    for (const TransferView &t : total.smallest)
        s.smallestTransfers.push_back(toTransfer(t));
    return s;
}

} // namespace

// ---------------------------------------------------------------------------------------------

QString outcomeCategoryName(OutcomeCategory c)
{
    switch (c) {
    case OutcomeCategory::Ok:
        return QStringLiteral("ok");
    case OutcomeCategory::Aborted:
        return QStringLiteral("aborted");
    case OutcomeCategory::TimedOut:
        return QStringLiteral("timed-out");
    case OutcomeCategory::Denied:
        return QStringLiteral("denied");
    case OutcomeCategory::ConnectFailed:
        return QStringLiteral("connect-failed");
    case OutcomeCategory::UpstreamError:
        return QStringLiteral("upstream-error");
    case OutcomeCategory::ClientNoise:
        return QStringLiteral("client-noise");
    }
    return {};
}

AccessLogParse parseAccessLogText(QByteArrayView text)
{
    AccessLogParse out;
    std::vector<string_view> tokens;
    std::deque<std::string> owned;
    RecordView r;
    forEachLine(string_view(text.data(), size_t(text.size())), [&](string_view line) {
        switch (parseLine(line, r, tokens, owned)) {
        case LineKind::BlankOrComment:
            ++out.blankOrCommentLines;
            return true;
        case LineKind::Garbage:
            ++out.skipped;
            if (out.skippedSamples.size() < maxSkippedSamples)
                out.skippedSamples.push_back(sampleOf(line));
            return true;
        case LineKind::Record:
            break;
        }
        AccessLogRecord rec;
        rec.format = r.format;
        rec.timestampMs = r.timestampMs;
        rec.elapsedMs = r.elapsedMs;
        rec.client = toQString(r.client);
        rec.result = toQString(r.result);
        rec.resultCode = toQString(r.code);
        rec.httpStatus = r.status;
        rec.bytes = r.bytes;
        rec.method = toQString(r.method);
        rec.url = toQString(r.url);
        rec.user = toQString(r.user);
        rec.hierarchy = toQString(r.hierarchy);
        rec.peer = toQString(r.peer);
        rec.contentType = toQString(r.type);
        rec.requestHeaders = toQString(r.requestHeaders);
        rec.replyHeaders = toQString(r.replyHeaders);
        rec.destinationHost = toQString(r.host);
        rec.destinationPort = r.port;
        rec.timePrefix = toQString(r.prefix);
        rec.truncated = r.truncated;
        rec.category = categorize(r.code, r.status);
        out.records.push_back(std::move(rec));
        return true;
    });
    return out;
}

AccessLogSummary summarizeAccessLog(QByteArrayView text, const AccessLogOptions &options)
{
    const string_view all(text.data(), size_t(text.size()));
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    int threads = options.threads > 0 ? options.threads : int(std::min(2u, hardware));
    // Small inputs are not worth a thread (unless the caller insists).
    if (options.threads <= 0 && all.size() < 4 * 1024 * 1024)
        threads = 1;

    // Chunks end just after a newline, so no record is split between two threads.
    std::vector<string_view> chunks;
    size_t begin = 0;
    for (int i = 1; i <= threads && begin < all.size(); ++i) {
        size_t end = i == threads ? all.size() : all.size() / size_t(threads) * size_t(i);
        if (end < begin)
            end = begin;
        if (end < all.size()) {
            const size_t nl = all.find('\n', end);
            end = nl == string_view::npos ? all.size() : nl + 1;
        }
        chunks.push_back(all.substr(begin, end - begin));
        begin = end;
    }
    if (chunks.empty())
        chunks.push_back(all);

    std::vector<Partial> parts(chunks.size());
    std::atomic<qint64> bytesDone{0};
    // Every chunk but the first runs on a thread of its own; the futures say when each is done.
    std::vector<std::future<void>> workers;
    for (size_t i = 1; i < chunks.size(); ++i)
        workers.push_back(std::async(std::launch::async, [&, i] {
            summarizeChunk(chunks[i], parts[i], options, bytesDone);
        }));

    // The calling thread takes the first chunk and is the only one that calls `progress`.
    const qint64 total = qint64(all.size());
    if (options.progress) {
        constexpr auto progressInterval = std::chrono::milliseconds(100);
        // Run the first chunk in slices so progress can be reported between them.
        const string_view first = chunks.front();
        size_t pos = 0;
        constexpr size_t slice = 8 * 1024 * 1024;
        auto lastCall = std::chrono::steady_clock::now();
        while (pos < first.size() && !parts.front().cancelled) {
            size_t end = std::min(first.size(), pos + slice);
            if (end < first.size()) {
                const size_t nl = first.find('\n', end);
                end = nl == string_view::npos ? first.size() : nl + 1;
            }
            summarizeChunk(first.substr(pos, end - pos), parts.front(), options, bytesDone);
            pos = end;
            const auto now = std::chrono::steady_clock::now();
            if (now - lastCall > progressInterval) {
                options.progress(bytesDone.load(), total);
                lastCall = now;
            }
        }
        // Report while waiting for the others: wait_for returns as soon as a worker is done.
        for (std::future<void> &w : workers)
            while (w.wait_for(progressInterval) != std::future_status::ready)
                options.progress(bytesDone.load(), total);
    } else {
        summarizeChunk(chunks.front(), parts.front(), options, bytesDone);
    }
    for (std::future<void> &w : workers)
        w.get(); // rethrows what a worker threw
    AccessLogSummary summary = merge(parts, options);
    if (options.progress)
        options.progress(summary.cancelled ? bytesDone.load() : total, total);
    return summary;
}

std::optional<AccessLogSummary> summarizeAccessLogFile(const QString &path,
                                                       const AccessLogOptions &options,
                                                       QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    const qint64 size = file.size();
    if (size > 0) {
        if (uchar *mapped = file.map(0, size)) {
            AccessLogSummary s = summarizeAccessLog(
                QByteArrayView(reinterpret_cast<const char *>(mapped), size), options);
            file.unmap(mapped);
            return s;
        }
    }
    // Not mappable (a pipe, /proc, an empty file): read it.
    const QByteArray bytes = file.readAll();
    return summarizeAccessLog(bytes, options);
}

QString isoUtc(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const AccessLogSummary &s)
{
    auto time = [](const std::optional<qint64> &ms) {
        return ms ? QJsonValue(isoUtc(*ms)) : QJsonValue(QJsonValue::Null);
    };
    auto number = [](quint64 v) { return QJsonValue(qint64(v)); };

    QJsonObject o;
    o.insert(QStringLiteral("records"), s.records);
    o.insert(QStringLiteral("skipped"), s.skipped);
    o.insert(QStringLiteral("blankOrCommentLines"), s.blankOrCommentLines);
    o.insert(QStringLiteral("truncatedRecords"), s.truncatedRecords);
    o.insert(QStringLiteral("skippedSamples"), QJsonArray::fromStringList(s.skippedSamples));
    if (s.cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (s.firstTimestampMs)
        o.insert(QStringLiteral("timeRange"),
                 QJsonObject{{QStringLiteral("start"), time(s.firstTimestampMs)},
                             {QStringLiteral("end"), time(s.lastTimestampMs)}});
    else
        o.insert(QStringLiteral("timeRange"), QJsonValue::Null);
    o.insert(QStringLiteral("earliestStart"), time(s.earliestStartMs));
    o.insert(QStringLiteral("latestEnd"), time(s.latestTimestampMs));

    QJsonArray clients;
    for (const ClientVolume &c : s.clients)
        clients.push_back(QJsonObject{{QStringLiteral("ip"), c.ip},
                                      {QStringLiteral("records"), c.records},
                                      {QStringLiteral("bytes"), number(c.bytes)},
                                      {QStringLiteral("denied"), c.denied}});
    o.insert(QStringLiteral("clients"), clients);

    QJsonObject codes;
    for (const auto &[k, n] : s.resultCodes)
        codes.insert(k, n);
    o.insert(QStringLiteral("resultCodes"), codes);
    QJsonObject statuses;
    for (const auto &[k, n] : s.byStatus)
        statuses.insert(QStringLiteral("%1").arg(k, 3, 10, QLatin1Char('0')), n);
    o.insert(QStringLiteral("byStatus"), statuses);
    QJsonObject categories;
    for (const auto &[k, n] : s.byCategory)
        categories.insert(outcomeCategoryName(k), n);
    o.insert(QStringLiteral("byCategory"), categories);

    auto destinations = [&](const std::vector<DestinationVolume> &list) {
        QJsonArray a;
        for (const DestinationVolume &d : list)
            a.push_back(QJsonObject{{QStringLiteral("host"), d.host},
                                    {QStringLiteral("bytes"), number(d.bytes)},
                                    {QStringLiteral("records"), d.records},
                                    {QStringLiteral("peers"), QJsonArray::fromStringList(d.peers)}});
        return a;
    };
    o.insert(QStringLiteral("topDestinationsByBytes"), destinations(s.topDestinationsByBytes));
    o.insert(QStringLiteral("topDestinationsByRequests"),
             destinations(s.topDestinationsByRequests));

    QJsonArray errors;
    for (const ErrorGroup &e : s.errors)
        errors.push_back(QJsonObject{
            {QStringLiteral("category"), outcomeCategoryName(e.category)},
            {QStringLiteral("result"), e.result},
            {QStringLiteral("host"), e.host.isEmpty() ? QJsonValue(QJsonValue::Null) : e.host},
            {QStringLiteral("records"), e.records},
            {QStringLiteral("bytes"), number(e.bytes)}});
    o.insert(QStringLiteral("errors"), errors);

    auto transfers = [&](const std::vector<Transfer> &list) {
        QJsonArray a;
        for (const Transfer &t : list)
            a.push_back(QJsonObject{{QStringLiteral("time"), isoUtc(t.timestampMs)},
                                    {QStringLiteral("client"), t.client},
                                    {QStringLiteral("result"), t.result},
                                    {QStringLiteral("method"), t.method},
                                    {QStringLiteral("url"), t.url},
                                    {QStringLiteral("host"), t.host},
                                    {QStringLiteral("bytes"), number(t.bytes)}});
        return a;
    };
    o.insert(QStringLiteral("largestTransfers"), transfers(s.largestTransfers));
    o.insert(QStringLiteral("smallestTransfers"), transfers(s.smallestTransfers));
    return o;
}

} // namespace hopscope::proxy
