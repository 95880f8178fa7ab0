#include "proxy/SquidConfig.h"

#include "net/Ipv4.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QUrl>

namespace hopscope::proxy {

namespace {

using Severity = ConfigDiagnostic::Severity;

// Squid's own include limit (squid.md §1.1).
constexpr int maxIncludeDepth = 16;

// squid.conf may name any path (include, "value files"). Only regular files are read, and at
// most this much of each, so that a device, a pipe or a /proc file can neither hang the reader
// nor exhaust memory (issue 12); the largest published domain blocklists are a few MiB.
constexpr qint64 maxReadFileBytes = 16 * 1024 * 1024;

// PCRE2 gives up on a match after this many internal steps (its default is 10 million, about
// 0.2 s per match for nested quantifiers such as "(.*)*(.*)*x"); ordinary url_regex patterns
// on an 8 KB URL need a few thousand (issue 12). A match that gives up is "unknown".
constexpr int regexMatchLimit = 100000;

struct FileRead
{
    QByteArray bytes;
    QString problem; // empty: read; otherwise why not, for a person
    bool refused = false; // it exists, but is not a regular file or is too large
};

FileRead readRegularFile(const QString &path)
{
    FileRead read;
    const QFileInfo info(path);
    if (!info.exists()) {
        read.problem = QStringLiteral("no such file");
        return read;
    }
    if (!info.isFile()) {
        read.problem = QStringLiteral("not a regular file");
        read.refused = true;
        return read;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        read.problem = file.errorString();
        return read;
    }
    // Up to one chunk past the cap: /proc files say they are empty and are not. Chunks of
    // 64 KiB, as some of them (pagemap) read only in multiples of 8 bytes.
    while (read.bytes.size() <= maxReadFileBytes) {
        const QByteArray chunk = file.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        read.bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError) {
        read.problem = file.errorString();
    } else if (read.bytes.size() > maxReadFileBytes) {
        read.problem = QStringLiteral("larger than %1 MiB").arg(maxReadFileBytes / (1024 * 1024));
        read.refused = true;
    }
    if (!read.problem.isEmpty())
        read.bytes.clear();
    return read;
}

enum class Tri { Match, NoMatch, Unknown };

struct TypeInfo
{
    const char *name;
    AclType type;
};

constexpr TypeInfo supportedTypes[] = {
    {"src", AclType::Src},           {"dst", AclType::Dst},
    {"dstdomain", AclType::DstDomain}, {"port", AclType::Port},
    {"localport", AclType::LocalPort}, {"myportname", AclType::MyPortName},
    {"method", AclType::Method},     {"proto", AclType::Proto},
    {"url_regex", AclType::UrlRegex}, {"urlpath_regex", AclType::UrlPathRegex},
    {"dstdom_regex", AclType::DstDomRegex},
};

int defaultPortOf(const QString &scheme)
{
    const QString s = scheme.toLower();
    if (s == u"http")
        return 80;
    if (s == u"https")
        return 443;
    if (s == u"ftp")
        return 21;
    return 0;
}

bool isAllDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

SquidAddress lastCovered(const AddressValue &v) { return v.high | ~v.mask; }

} // namespace

// ---------------------------------------------------------------------------------------------

QString ConfigDiagnostic::toString() const
{
    const QString where = line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
    return where + QStringLiteral(": ") + message;
}

bool AddressValue::matches(const SquidAddress &a) const
{
    const SquidAddress masked = a & mask;
    return low <= masked && masked <= high;
}

bool AddressValue::overlaps(const AddressValue &other) const
{
    return low <= lastCovered(other) && other.low <= lastCovered(*this);
}

QString Decision::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Allow:
        return QStringLiteral("allow");
    case Verdict::Deny:
        return QStringLiteral("deny");
    case Verdict::Undecidable:
        break;
    }
    return QStringLiteral("undecidable");
}

std::optional<ProxyRequest> ProxyRequest::make(const SquidAddress &client, const QString &method,
                                               const QString &target)
{
    ProxyRequest r;
    r.client = client;
    r.method = method.toUpper();
    if (r.method == u"CONNECT") {
        // Authority form: host:port, [v6]:port, or a bare host (port 443 in v4–v6, §1.2 port).
        QString host = target;
        int port = 443;
        if (host.startsWith(u'[')) {
            const qsizetype close = host.indexOf(u']');
            if (close < 0)
                return std::nullopt;
            const QString rest = host.mid(close + 1);
            host = host.mid(1, close - 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(u':') || !isAllDigits(QStringView(rest).mid(1)))
                    return std::nullopt;
                port = rest.mid(1).toInt();
            }
        } else if (const qsizetype colon = host.lastIndexOf(u':'); colon >= 0) {
            if (host.indexOf(u':') != colon || !isAllDigits(QStringView(host).mid(colon + 1)))
                return std::nullopt;
            port = host.mid(colon + 1).toInt();
            host.truncate(colon);
        }
        if (host.isEmpty() || port <= 0 || port > 65535)
            return std::nullopt;
        r.host = host.toLower();
        r.port = port;
        return r;
    }
    const QUrl url(target, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return std::nullopt;
    r.scheme = url.scheme().toLower();
    r.host = url.host().toLower();
    r.port = url.port(0);
    r.path = url.path(QUrl::FullyEncoded);
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    return r;
}

int ProxyRequest::effectivePort() const
{
    return port != 0 ? port : defaultPortOf(scheme);
}

QString ProxyRequest::url() const
{
    const QString hostText = host.contains(u':') ? u'[' + host + u']' : host;
    if (scheme.isEmpty())
        return hostText + u':' + QString::number(effectivePort());
    QString u = scheme + QStringLiteral("://") + hostText;
    if (port != 0 && port != defaultPortOf(scheme))
        u += u':' + QString::number(port);
    return u + path;
}

// ---------------------------------------------------------------------------------------------
// Reading

class SquidConfigReader
{
public:
    explicit SquidConfigReader(SquidConfig &config) : m_config(config) {}

    void addBuiltIns();
    // `includedAt`: the include line that names the file; nullptr for the top-level file.
    void readFile(const QString &path, const QString &displayName, int depth,
                  const SourceLocation *includedAt = nullptr);
    void readText(const QByteArray &text, const QString &fileName, const QString &baseDir,
                  int depth);

private:
    void diagnose(Severity severity, const SourceLocation &at, const QString &message)
    {
        m_config.m_diagnostics.push_back({severity, at.file, at.line, message});
    }
    void handleLine(const QStringList &tokens, const SourceLocation &at, const QString &baseDir,
                    int depth);
    void handleInclude(const QStringList &tokens, const SourceLocation &at,
                       const QString &baseDir, int depth);
    void handleAcl(const QStringList &tokens, const SourceLocation &at, const QString &baseDir);
    void handleAccess(const QStringList &tokens, const SourceLocation &at);
    void handlePort(const QStringList &tokens, const SourceLocation &at);

    bool addValue(Acl &acl, const QString &value, const SourceLocation &at);
    bool addAddressValue(Acl &acl, const QString &value, const SourceLocation &at);
    Acl *findAcl(const QString &name);
    Acl &defineBuiltIn(const QString &name, AclType type, const char *typeName,
                       const QStringList &values);

    SquidConfig &m_config;
    QStringList m_includeStack; // canonical paths of the files being read, outermost first
    int m_conditionalDepth = 0;
    bool m_regexCaseInsensitive = false;
};

Acl *SquidConfigReader::findAcl(const QString &name)
{
    for (Acl &a : m_config.m_acls)
        if (a.name == name)
            return &a;
    return nullptr;
}

Acl &SquidConfigReader::defineBuiltIn(const QString &name, AclType type, const char *typeName,
                                      const QStringList &values)
{
    Acl acl;
    acl.name = name;
    acl.type = type;
    acl.typeName = QString::fromLatin1(typeName);
    acl.builtIn = true;
    m_config.m_acls.push_back(std::move(acl));
    Acl &stored = m_config.m_acls.back();
    const SourceLocation builtInAt{QStringLiteral("<built-in>"), 0, {}};
    for (const QString &v : values) {
        if (v == u"+i") {
            m_regexCaseInsensitive = true;
            continue;
        }
        if (v == u"-i") {
            m_regexCaseInsensitive = false;
            continue;
        }
        addValue(stored, v, builtInAt);
    }
    m_regexCaseInsensitive = false;
    return stored;
}

void SquidConfigReader::addBuiltIns()
{
    // squid.md §1.2, "Built-in (predefined) ACLs", with the version each appeared in.
    const int major = m_config.m_version.major;
    defineBuiltIn(QStringLiteral("all"), AclType::Src, "src", {QStringLiteral("all")});
    defineBuiltIn(QStringLiteral("localhost"), AclType::Src, "src",
                  {QStringLiteral("127.0.0.1/32"), QStringLiteral("::1")});
    if (major >= 4)
        defineBuiltIn(QStringLiteral("to_localhost"), AclType::Dst, "dst",
                      {QStringLiteral("127.0.0.0/8"), QStringLiteral("0.0.0.0/32"),
                       QStringLiteral("::1/128"), QStringLiteral("::/128")});
    else
        defineBuiltIn(QStringLiteral("to_localhost"), AclType::Dst, "dst",
                      {QStringLiteral("127.0.0.0/8"), QStringLiteral("0.0.0.0/32"),
                       QStringLiteral("::1")});
    if (major >= 5) {
        defineBuiltIn(QStringLiteral("to_linklocal"), AclType::Dst, "dst",
                      {QStringLiteral("169.254.0.0/16"), QStringLiteral("fe80::/10")});
        defineBuiltIn(QStringLiteral("CONNECT"), AclType::Method, "method",
                      {QStringLiteral("CONNECT")});
    }
    if (major <= 3)
        defineBuiltIn(QStringLiteral("manager"), AclType::UrlRegex, "url_regex",
                      {QStringLiteral("-i"), QStringLiteral("^cache_object://"),
                       QStringLiteral("+i"), QStringLiteral("^https?://[^/]+/squid-internal-mgr/")});
    else if (major <= 6)
        defineBuiltIn(QStringLiteral("manager"), AclType::UrlRegex, "url_regex",
                      {QStringLiteral("-i"), QStringLiteral("^cache_object://"),
                       QStringLiteral("+i"), QStringLiteral("^[^:]+://[^/]+/squid-internal-mgr/")});
    else
        defineBuiltIn(QStringLiteral("manager"), AclType::UrlRegex, "url_regex",
                      {QStringLiteral("+i"), QStringLiteral("^[^:]+://[^/]+/squid-internal-mgr/")});
}

void SquidConfigReader::readFile(const QString &path, const QString &displayName, int depth,
                                 const SourceLocation *includedAt)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    const SourceLocation wholeFile{displayName, 0, {}};
    const FileRead read = readRegularFile(path);
    if (read.refused && includedAt) {
        // Not understood rather than fatal: Squid would read it, the tool will not. Any rule
        // could be in it, so no verdict is given while it is left out.
        diagnose(Severity::Warning, *includedAt,
                 QStringLiteral("include %1: not read (%2); verdicts are undecidable")
                     .arg(displayName, read.problem));
        if (m_config.m_ignoredConditional.isEmpty())
            m_config.m_ignoredConditional = QStringLiteral("include %1 at %2:%3, not read")
                                                .arg(displayName, includedAt->file)
                                                .arg(includedAt->line);
        return;
    }
    if (canonical.isEmpty() || !read.problem.isEmpty()) {
        diagnose(Severity::Error, wholeFile,
                 QStringLiteral("cannot read the file: %1").arg(read.problem));
        if (depth == 0)
            m_config.m_wasRead = false;
        return;
    }
    if (m_includeStack.contains(canonical)) {
        diagnose(Severity::Error, wholeFile,
                 QStringLiteral("include cycle: %1 is already being read").arg(canonical));
        return;
    }
    m_includeStack.push_back(canonical);
    readText(read.bytes, displayName, info.absolutePath(), depth);
    m_includeStack.pop_back();
}

void SquidConfigReader::readText(const QByteArray &text, const QString &fileName,
                                 const QString &baseDir, int depth)
{
    const QList<QByteArray> physical = text.split('\n');
    for (qsizetype i = 0; i < physical.size(); ++i) {
        const int firstLine = int(i) + 1;
        QByteArray logical = physical[i];
        if (logical.endsWith('\r'))
            logical.chop(1);
        // A trailing backslash joins the next line onto this one (§1.1).
        while (logical.endsWith('\\') && i + 1 < physical.size()) {
            logical.chop(1);
            QByteArray next = physical[++i];
            if (next.endsWith('\r'))
                next.chop(1);
            logical += next;
        }
        const QString line = QString::fromUtf8(logical).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;

        // Tokens split on whitespace; a token that starts with '#' ends the line; a quoted token
        // ("/path/file") keeps its quotes and may hold spaces.
        QStringList tokens;
        qsizetype p = 0;
        const qsizetype n = line.size();
        qsizetype commentAt = n;
        while (p < n) {
            while (p < n && line[p].isSpace())
                ++p;
            if (p >= n)
                break;
            if (line[p] == u'#') {
                commentAt = p;
                break;
            }
            qsizetype end = p;
            if (line[p] == u'"') {
                end = line.indexOf(u'"', p + 1);
                end = end < 0 ? n : end + 1;
            } else {
                while (end < n && !line[end].isSpace())
                    ++end;
            }
            tokens.push_back(line.mid(p, end - p));
            p = end;
        }
        if (tokens.isEmpty())
            continue;
        const SourceLocation at{fileName, firstLine, line.left(commentAt).trimmed()};
        handleLine(tokens, at, baseDir, depth);
    }
}

void SquidConfigReader::handleLine(const QStringList &tokens, const SourceLocation &at,
                                   const QString &baseDir, int depth)
{
    const QString &directive = tokens.front();
    if (directive == u"if") {
        if (m_conditionalDepth++ == 0)
            diagnose(Severity::Warning, at,
                     QStringLiteral("if/else/endif blocks are not evaluated; the lines inside are "
                                    "ignored"));
        return;
    }
    if (directive == u"endif") {
        if (m_conditionalDepth > 0)
            --m_conditionalDepth;
        return;
    }
    if (directive == u"else")
        return;
    if (m_conditionalDepth > 0) {
        // A rule that exists in only one branch could change any verdict: remember it, so that
        // evaluate() reports "undecidable" rather than pretending the branch does not exist.
        if ((directive == u"acl" || directive == u"http_access" || directive == u"include")
            && m_config.m_ignoredConditional.isEmpty())
            m_config.m_ignoredConditional =
                QStringLiteral("if-block at %1:%2").arg(at.file).arg(at.line);
        return;
    }

    if (directive == u"include")
        handleInclude(tokens, at, baseDir, depth);
    else if (directive == u"acl")
        handleAcl(tokens, at, baseDir);
    else if (directive == u"http_access")
        handleAccess(tokens, at);
    else if (directive == u"http_port")
        handlePort(tokens, at);
    else if (directive == u"follow_x_forwarded_for" || directive == u"http_reply_access"
             || directive == u"adapted_http_access" || directive == u"miss_access"
             || directive == u"https_port" || directive == u"ssl_bump"
             || directive == u"client_netmask" || directive == u"acl_uses_indirect_client"
             || directive == u"auth_param" || directive == u"external_acl_type")
        diagnose(Severity::Warning, at,
                 QStringLiteral("'%1' can affect who gets through but is not evaluated")
                     .arg(directive));
    else
        diagnose(Severity::Info, at,
                 QStringLiteral("'%1' is not interpreted (no bearing on http_access)")
                     .arg(directive));
}

void SquidConfigReader::handleInclude(const QStringList &tokens, const SourceLocation &at,
                                      const QString &baseDir, int depth)
{
    if (tokens.size() < 2) {
        diagnose(Severity::Error, at, QStringLiteral("include needs a path"));
        return;
    }
    if (depth + 1 > maxIncludeDepth) {
        diagnose(Severity::Error, at,
                 QStringLiteral("includes nested deeper than %1 levels").arg(maxIncludeDepth));
        return;
    }
    for (qsizetype t = 1; t < tokens.size(); ++t) {
        QString pattern = tokens[t];
        if (pattern.startsWith(u'"') && pattern.endsWith(u'"') && pattern.size() >= 2)
            pattern = pattern.mid(1, pattern.size() - 2);
        // Squid resolves relative paths against its working directory; a file read from disk has
        // none that matters, so they are taken relative to the including file.
        const QFileInfo info(QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir), pattern);
        const QString fileName = info.fileName();
        if (fileName.contains(u'*') || fileName.contains(u'?') || fileName.contains(u'[')) {
            const QDir dir = info.absoluteDir();
            const QStringList matches =
                dir.entryList({fileName}, QDir::Files | QDir::Readable, QDir::Name);
            // An empty glob is not an error for Squid (Debian's conf.d may be empty).
            for (const QString &m : matches)
                readFile(dir.filePath(m), dir.filePath(m), depth + 1, &at);
        } else {
            readFile(info.absoluteFilePath(), info.absoluteFilePath(), depth + 1, &at);
        }
    }
}

bool SquidConfigReader::addAddressValue(Acl &acl, const QString &value, const SourceLocation &at)
{
    std::vector<AddressValue> parsed;
    auto single = [&](SquidAddress lo, SquidAddress hi, SquidAddress mask) {
        parsed.push_back({lo, hi, mask, value});
    };
    static const QStringList legacyAll = {
        QStringLiteral("0/0"), QStringLiteral("0.0.0.0/0"), QStringLiteral("0.0.0.0/0.0.0.0"),
        QStringLiteral("0.0.0.0-255.255.255.255"), QStringLiteral("::/0")};
    if (value == u"all" || legacyAll.contains(value)) {
        if (value != u"all")
            diagnose(Severity::Warning, at,
                     QStringLiteral("ERROR: '%1' is read as 'all' (every IPv4 and IPv6 address); "
                                    "write 'all'")
                         .arg(value));
        single({}, {}, {});
    } else if (value == u"ipv4") {
        const SquidAddress v4 = SquidAddress::fromIpv4(0);
        single(v4, v4, SquidAddress::maskOf(96));
    } else if (value == u"ipv6") {
        single({}, {0, (std::uint64_t(0xffffu) << 32) - 1}, SquidAddress::allOnes());
        single({0, std::uint64_t(1) << 48}, SquidAddress::allOnes(), SquidAddress::allOnes());
    } else {
        const qsizetype slash = value.indexOf(u'/');
        const QString addressPart = slash < 0 ? value : value.left(slash);
        const QString maskPart = slash < 0 ? QString() : value.mid(slash + 1);
        const qsizetype dash = addressPart.indexOf(u'-');
        const QString firstText = dash < 0 ? addressPart : addressPart.left(dash);
        const QString lastText = dash < 0 ? QString() : addressPart.mid(dash + 1);
        const auto first = SquidAddress::parse(QStringView(firstText));
        const auto last = dash < 0 ? first : SquidAddress::parse(QStringView(lastText));
        if (!first || !last) {
            if (dash < 0 && slash < 0 && !value.isEmpty()) {
                // A host name: Squid resolves it once at startup; the tool has no DNS.
                acl.unresolvedNames.push_back(value);
                diagnose(Severity::Warning, at,
                         QStringLiteral("'%1' is a host name resolved by Squid at startup; rules "
                                        "using '%2' depend on that lookup")
                             .arg(value, acl.name));
                return true;
            }
            diagnose(Severity::Error, at,
                     QStringLiteral("acl %1: '%2' is not an IP address, range or network")
                         .arg(acl.name, value));
            return false;
        }
        if (first->isIpv4() != last->isIpv4() || *last < *first) {
            diagnose(Severity::Error, at,
                     QStringLiteral("acl %1: invalid address range '%2'").arg(acl.name, value));
            return false;
        }
        SquidAddress mask = SquidAddress::allOnes();
        if (!maskPart.isEmpty()) {
            int bits = -1;
            if (isAllDigits(maskPart)) {
                bits = maskPart.toInt();
                if (bits > (first->isIpv4() ? 32 : 128))
                    bits = -1;
                else if (first->isIpv4())
                    bits += 96;
            } else if (const auto dotted = net::Ipv4Address::parse(maskPart);
                       dotted && first->isIpv4()) {
                const int length = net::Prefix::lengthOfMask(dotted->value());
                if (length >= 0) {
                    bits = length + 96;
                    diagnose(Severity::Warning, at,
                             QStringLiteral("acl %1: dotted netmask '%2' is deprecated; it is "
                                            "read as /%3")
                                 .arg(acl.name, value)
                                 .arg(length));
                }
            }
            if (bits < 0) {
                diagnose(Severity::Error, at,
                         QStringLiteral("acl %1: invalid netmask in '%2'").arg(acl.name, value));
                return false;
            }
            mask = SquidAddress::maskOf(bits);
            if (dash < 0 && (*first & mask) != *first)
                diagnose(Severity::Warning, at,
                         QStringLiteral("acl %1: Netmask masks away part of the specified IP in "
                                        "'%2'; it is read as %3")
                             .arg(acl.name, value, (*first & mask).toString() + u'/'
                                                       + QString::number(first->isIpv4()
                                                                             ? bits - 96
                                                                             : bits)));
        }
        single(*first & mask, *last & mask, mask);
    }

    for (AddressValue &v : parsed) {
        // Squid keeps values in a splay tree and ignores one that overlaps a value already there
        // (built-ins included), whichever is wider (squid.md §1.2, src; 5.7 ✔).
        const AddressValue *clash = nullptr;
        for (const AddressValue &existing : acl.addresses)
            if (existing.overlaps(v)) {
                clash = &existing;
                break;
            }
        if (clash) {
            diagnose(Severity::Warning, at,
                     QStringLiteral("acl %1: '%2' overlaps '%3' and is ignored to keep splay tree "
                                    "searching predictable (as Squid does)")
                         .arg(acl.name, v.text, clash->text));
            continue;
        }
        acl.addresses.push_back(std::move(v));
    }
    return true;
}

bool SquidConfigReader::addValue(Acl &acl, const QString &value, const SourceLocation &at)
{
    switch (acl.type) {
    case AclType::Src:
    case AclType::Dst:
        return addAddressValue(acl, value, at);
    case AclType::Port:
    case AclType::LocalPort: {
        const qsizetype dash = value.indexOf(u'-');
        const QString a = dash < 0 ? value : value.left(dash);
        const QString b = dash < 0 ? value : value.mid(dash + 1);
        if (!isAllDigits(a) || !isAllDigits(b) || a.toInt() > 65535 || b.toInt() > 65535) {
            diagnose(Severity::Error, at,
                     QStringLiteral("acl %1: '%2' is not a port or port range").arg(acl.name, value));
            return false;
        }
        if (b.toInt() < a.toInt()) {
            diagnose(Severity::Error, at,
                     QStringLiteral("acl %1: invalid port range '%2' (high to low)")
                         .arg(acl.name, value));
            return false;
        }
        acl.ports.push_back({a.toInt(), b.toInt()});
        return true;
    }
    case AclType::Method:
    case AclType::MyPortName:
        acl.words.push_back(value);
        return true;
    case AclType::Proto:
        acl.words.push_back(value.toUpper());
        return true;
    case AclType::DstDomain: {
        const QString domain = value.toLower();
        for (const QString &existing : std::as_const(acl.words)) {
            const bool overlap =
                existing == domain
                || (existing.startsWith(u'.')
                    && (domain.endsWith(existing) || domain == existing.mid(1)))
                || (domain.startsWith(u'.')
                    && (existing.endsWith(domain) || existing == domain.mid(1)));
            if (overlap) {
                diagnose(Severity::Warning, at,
                         QStringLiteral("acl %1: '%2' overlaps '%3'; Squid keeps only one of them")
                             .arg(acl.name, domain, existing));
                break;
            }
        }
        acl.words.push_back(domain);
        return true;
    }
    case AclType::UrlRegex:
    case AclType::UrlPathRegex:
    case AclType::DstDomRegex: {
        // The limit is a PCRE2 start-of-pattern setting: it can only lower the default.
        QRegularExpression re(QStringLiteral("(*LIMIT_MATCH=%1)").arg(regexMatchLimit) + value,
                              m_regexCaseInsensitive
                                         ? QRegularExpression::CaseInsensitiveOption
                                         : QRegularExpression::NoPatternOption);
        if (!re.isValid()) {
            diagnose(Severity::Error, at,
                     QStringLiteral("acl %1: invalid regular expression '%2': %3")
                         .arg(acl.name, value, re.errorString()));
            return false;
        }
        acl.words.push_back(value);
        acl.regexes.push_back(std::move(re));
        return true;
    }
    case AclType::Unsupported:
        acl.words.push_back(value);
        return true;
    }
    return false;
}

void SquidConfigReader::handleAcl(const QStringList &tokens, const SourceLocation &at,
                                  const QString &baseDir)
{
    if (tokens.size() < 3) {
        diagnose(Severity::Error, at, QStringLiteral("acl needs a name and a type"));
        return;
    }
    const QString &name = tokens[1];
    const QString &typeName = tokens[2];
    AclType type = AclType::Unsupported;
    for (const TypeInfo &t : supportedTypes)
        if (typeName == QLatin1StringView(t.name))
            type = t.type;

    QStringList values = tokens.mid(3);
    if (type == AclType::Proto && values.contains(QStringLiteral("cache_object"),
                                                  Qt::CaseInsensitive)) {
        diagnose(Severity::Warning, at,
                 QStringLiteral("UPGRADE: 'proto cache_object' is obsolete; the line is ignored "
                                "(the built-in 'manager' acl covers the cache manager)"));
        return;
    }

    Acl *acl = findAcl(name);
    if (acl && acl->typeName != typeName) {
        diagnose(Severity::Error, at,
                 QStringLiteral("acl '%1' is already defined with type '%2'; Squid refuses a second "
                                "type '%3' (FATAL: Bungled)")
                     .arg(name, acl->typeName, typeName));
        return;
    }
    if (!acl) {
        Acl fresh;
        fresh.name = name;
        fresh.type = type;
        fresh.typeName = typeName;
        m_config.m_acls.push_back(std::move(fresh));
        acl = &m_config.m_acls.back();
        if (type == AclType::Unsupported)
            acl->unknownReason =
                QStringLiteral("acl type '%1' is not evaluated by this tool").arg(typeName);
    }
    acl->definedAt.push_back(at);
    if (type == AclType::Unsupported) {
        diagnose(Severity::Warning, at,
                 QStringLiteral("acl %1: type '%2' is not evaluated; rules that use it are "
                                "undecidable")
                     .arg(name, typeName));
        return;
    }
    if (name == u"all" && acl->builtIn)
        diagnose(Severity::Warning, at,
                 QStringLiteral("acl all: 'all' is built in; this line only adds values and is "
                                "misleading"));

    // Options come before the values ("-n", "-i", "-m=..."); for the regex types "-i"/"+i"
    // toggle case sensitivity for the patterns that follow (squid.md §1.2).
    m_regexCaseInsensitive = false;
    const bool isRegex = type == AclType::UrlRegex || type == AclType::UrlPathRegex
                         || type == AclType::DstDomRegex;
    bool inOptions = true;
    QStringList expanded;
    for (const QString &v : std::as_const(values)) {
        if (inOptions && v == u"--") {
            inOptions = false;
            continue;
        }
        if ((inOptions || isRegex) && (v == u"-i" || v == u"+i")) {
            expanded.push_back(v);
            continue;
        }
        if (inOptions && v.startsWith(u'-') && v.size() > 1 && !v.at(1).isDigit()) {
            if (v == u"-n" && type == AclType::Dst)
                acl->noDnsLookups = true;
            else
                diagnose(Severity::Info, at,
                         QStringLiteral("acl %1: option '%2' is not interpreted").arg(name, v));
            continue;
        }
        inOptions = false;
        if (v.startsWith(u'"') && v.endsWith(u'"') && v.size() >= 2) {
            // "/path/file": one value per line (§1.1). Unreadable: the acl becomes unknown.
            const QString path = QFileInfo(QDir(baseDir.isEmpty() ? QDir::currentPath()
                                                                  : baseDir),
                                           v.mid(1, v.size() - 2))
                                     .absoluteFilePath();
            const FileRead read = readRegularFile(path);
            if (!read.problem.isEmpty()) {
                acl->unknownReason =
                    QStringLiteral("its value file %1 cannot be read").arg(path);
                diagnose(Severity::Warning, at,
                         QStringLiteral("acl %1: cannot read value file %2 (%3); rules using it "
                                        "are undecidable")
                             .arg(name, path, read.problem));
                continue;
            }
            const QList<QByteArray> lines = read.bytes.split('\n');
            for (const QByteArray &raw : lines) {
                QString item = QString::fromUtf8(raw).trimmed();
                if (const qsizetype hash = item.indexOf(u'#'); hash >= 0)
                    item = item.left(hash).trimmed();
                if (!item.isEmpty())
                    expanded.push_back(item);
            }
            continue;
        }
        expanded.push_back(v);
    }
    for (const QString &v : std::as_const(expanded)) {
        if (v == u"-i") {
            m_regexCaseInsensitive = true;
            continue;
        }
        if (v == u"+i") {
            m_regexCaseInsensitive = false;
            continue;
        }
        addValue(*acl, v, at);
    }
    m_regexCaseInsensitive = false;
}

void SquidConfigReader::handleAccess(const QStringList &tokens, const SourceLocation &at)
{
    // Squid reports and drops a line with a bad action word or no acls; a dropped line is not
    // "the last rule" for the implicit answer (squid.md §1.1, §2.2).
    if (tokens.size() < 2 || (tokens[1] != u"allow" && tokens[1] != u"deny")) {
        diagnose(Severity::Warning, at,
                 QStringLiteral("http_access: expecting 'allow' or 'deny', got '%1'; the line is "
                                "ignored")
                     .arg(tokens.size() < 2 ? QString() : tokens[1]));
        return;
    }
    if (tokens.size() < 3) {
        diagnose(Severity::Warning, at,
                 QStringLiteral("http_access: access line contains no ACLs, skipping"));
        return;
    }
    AccessRule rule;
    rule.action = tokens[1] == u"allow" ? AccessRule::Action::Allow : AccessRule::Action::Deny;
    rule.location = at;
    bool usable = true;
    for (qsizetype t = 2; t < tokens.size(); ++t) {
        AclReference ref;
        ref.negated = tokens[t].startsWith(u'!');
        ref.aclName = ref.negated ? tokens[t].mid(1) : tokens[t];
        if (ref.aclName.isEmpty()) {
            diagnose(Severity::Error, at,
                     QStringLiteral("http_access: '!' must be written against the acl name "
                                    "('!name'); Squid refuses '! name'"));
            usable = false;
            break;
        }
        if (!findAcl(ref.aclName)) {
            diagnose(Severity::Error, at,
                     QStringLiteral("http_access: ACL not found: '%1' (acls must be defined "
                                    "before use)")
                         .arg(ref.aclName));
            usable = false;
            continue;
        }
        rule.acls.push_back(ref);
    }
    if (!usable)
        return;
    rule.ordinal = int(m_config.m_rules.size()) + 1;
    m_config.m_rules.push_back(std::move(rule));
}

void SquidConfigReader::handlePort(const QStringList &tokens, const SourceLocation &at)
{
    if (tokens.size() < 2) {
        diagnose(Severity::Error, at, QStringLiteral("http_port needs a port"));
        return;
    }
    HttpPort port;
    port.location = at;
    const QString &spec = tokens[1];
    QString portText = spec;
    if (spec.startsWith(u'[')) {
        const qsizetype close = spec.indexOf(QStringLiteral("]:"));
        if (close > 0) {
            port.address = SquidAddress::parse(QStringView(spec).mid(1, close - 1));
            portText = spec.mid(close + 2);
        }
    } else if (const qsizetype colon = spec.lastIndexOf(u':'); colon >= 0) {
        port.address = SquidAddress::parse(QStringView(spec).left(colon));
        portText = spec.mid(colon + 1);
        if (!port.address)
            diagnose(Severity::Warning, at,
                     QStringLiteral("http_port: '%1' is not an IP address; the listening address "
                                    "is unknown")
                         .arg(spec.left(colon)));
    }
    if (!isAllDigits(portText) || portText.toInt() <= 0 || portText.toInt() > 65535) {
        diagnose(Severity::Error, at,
                 QStringLiteral("http_port: '%1' is not a port").arg(spec));
        return;
    }
    port.port = portText.toInt();
    port.name = portText;
    for (qsizetype t = 2; t < tokens.size(); ++t) {
        if (tokens[t].startsWith(QStringLiteral("name=")))
            port.name = tokens[t].mid(5);
        else if (!tokens[t].contains(u'='))
            port.modes.push_back(tokens[t]);
    }
    m_config.m_ports.push_back(std::move(port));
}

// ---------------------------------------------------------------------------------------------

SquidConfig SquidConfig::load(const QString &path, SquidVersion version)
{
    SquidConfig config;
    config.m_version = version;
    SquidConfigReader reader(config);
    reader.addBuiltIns();
    reader.readFile(path, path, 0);
    return config;
}

SquidConfig SquidConfig::parse(const QByteArray &text, const QString &fileName,
                               const QString &baseDirectory, SquidVersion version)
{
    SquidConfig config;
    config.m_version = version;
    SquidConfigReader reader(config);
    reader.addBuiltIns();
    reader.readText(text, fileName, baseDirectory, 0);
    return config;
}

bool SquidConfig::hasErrors() const
{
    for (const ConfigDiagnostic &d : m_diagnostics)
        if (d.severity == Severity::Error)
            return true;
    return false;
}

const Acl *SquidConfig::acl(const QString &name) const
{
    for (const Acl &a : m_acls)
        if (a.name == name)
            return &a;
    return nullptr;
}

namespace {

Tri matchAddresses(const Acl &acl, const SquidAddress &address)
{
    for (const AddressValue &v : acl.addresses)
        if (v.matches(address))
            return Tri::Match;
    return acl.unresolvedNames.isEmpty() ? Tri::NoMatch : Tri::Unknown;
}

bool inPorts(const std::vector<PortRange> &ports, int port)
{
    for (const PortRange &r : ports)
        if (port >= r.first && port <= r.last)
            return true;
    return false;
}

} // namespace

// Three-valued match of one acl (squid.md §1.3). `why` receives what an Unknown depends on.
static Tri matchAcl(const Acl &acl, const ProxyRequest &req, const std::vector<HttpPort> &ports,
                    QString *why)
{
    if (!acl.unknownReason.isEmpty()) {
        *why = acl.name;
        return Tri::Unknown;
    }
    switch (acl.type) {
    case AclType::Src: {
        const Tri t = matchAddresses(acl, req.client);
        if (t == Tri::Unknown)
            *why = acl.name + QStringLiteral(" (host names in its values)");
        return t;
    }
    case AclType::Dst: {
        if (const auto literal = SquidAddress::parse(QStringView(req.host))) {
            const Tri t = matchAddresses(acl, *literal);
            if (t == Tri::Unknown)
                *why = acl.name + QStringLiteral(" (host names in its values)");
            return t;
        }
        if (acl.noDnsLookups)
            return Tri::NoMatch;
        if (req.destinationAddresses.empty()) {
            // Squid would resolve the host; a failed lookup is no match, a successful one could
            // be anything (DestinationIp.cc).
            *why = acl.name + QStringLiteral(" (DNS of %1)").arg(req.host);
            return Tri::Unknown;
        }
        Tri best = Tri::NoMatch;
        for (const SquidAddress &a : req.destinationAddresses) {
            const Tri t = matchAddresses(acl, a);
            if (t == Tri::Match)
                return t;
            if (t == Tri::Unknown)
                best = t;
        }
        if (best == Tri::Unknown)
            *why = acl.name + QStringLiteral(" (host names in its values)");
        return best;
    }
    case AclType::Port:
        return inPorts(acl.ports, req.effectivePort()) ? Tri::Match : Tri::NoMatch;
    case AclType::LocalPort: {
        std::optional<int> local = req.localPort;
        if (!local && ports.size() == 1)
            local = ports.front().port;
        if (!local) {
            *why = acl.name + QStringLiteral(" (which Squid port the client used)");
            return Tri::Unknown;
        }
        return inPorts(acl.ports, *local) ? Tri::Match : Tri::NoMatch;
    }
    case AclType::MyPortName: {
        const HttpPort *used = nullptr;
        for (const HttpPort &p : ports)
            if ((req.localPort && p.port == *req.localPort) || (!req.localPort && ports.size() == 1))
                used = &p;
        if (!used) {
            *why = acl.name + QStringLiteral(" (which Squid port the client used)");
            return Tri::Unknown;
        }
        return acl.words.contains(used->name) ? Tri::Match : Tri::NoMatch;
    }
    case AclType::Method:
        return acl.words.contains(req.method.toUpper()) ? Tri::Match : Tri::NoMatch;
    case AclType::Proto: {
        // CONNECT's authority-form URL has no scheme: proto NONE (5.7 ✔).
        const QString scheme = req.scheme.isEmpty() ? QStringLiteral("NONE") : req.scheme.toUpper();
        return acl.words.contains(scheme) ? Tri::Match : Tri::NoMatch;
    }
    case AclType::DstDomain: {
        const QString host = req.host.toLower();
        for (const QString &d : acl.words) {
            if (d.startsWith(u'.') ? (host == QStringView(d).mid(1) || host.endsWith(d))
                                   : host == d)
                return Tri::Match;
        }
        // An IP-literal host would get a reverse lookup in Squid (unless -n); the tool treats
        // it as no match (squid.md §1.2 dstdomain allows either).
        return Tri::NoMatch;
    }
    case AclType::UrlRegex:
    case AclType::UrlPathRegex:
    case AclType::DstDomRegex: {
        const QString subject = acl.type == AclType::UrlRegex       ? req.url()
                                : acl.type == AclType::UrlPathRegex ? req.path
                                                                    : req.host;
        Tri result = Tri::NoMatch;
        for (std::size_t i = 0; i < acl.regexes.size(); ++i) {
            const QRegularExpressionMatch m = acl.regexes[i].match(subject);
            if (m.hasMatch())
                return Tri::Match;
            // A valid pattern whose match is not valid: PCRE2 gave up (regexMatchLimit).
            if (!m.isValid() && result == Tri::NoMatch) {
                result = Tri::Unknown;
                *why = acl.name
                       + QStringLiteral(" (%1 '%2' gave up on %3: too much backtracking)")
                             .arg(acl.typeName, acl.words.value(qsizetype(i)), subject.left(80));
            }
        }
        return result;
    }
    case AclType::Unsupported:
        break;
    }
    *why = acl.name;
    return Tri::Unknown;
}

Decision SquidConfig::evaluate(const ProxyRequest &request) const
{
    Decision d;
    auto opposite = [](AccessRule::Action a) {
        return a == AccessRule::Action::Allow ? Decision::Verdict::Deny : Decision::Verdict::Allow;
    };
    auto verdictOf = [](AccessRule::Action a) {
        return a == AccessRule::Action::Allow ? Decision::Verdict::Allow : Decision::Verdict::Deny;
    };
    if (!m_ignoredConditional.isEmpty()) {
        d.verdict = Decision::Verdict::Undecidable;
        d.dependsOn.push_back(m_ignoredConditional);
        return d;
    }
    if (m_rules.empty()) {
        // DEFAULT_IF_NONE: deny all (squid.md §2.3).
        d.verdict = Decision::Verdict::Deny;
        d.implicit = true;
        return d;
    }
    for (const AccessRule &rule : m_rules) {
        Tri ruleMatch = Tri::Match;
        QStringList unknowns;
        for (const AclReference &ref : rule.acls) {
            const Acl *a = acl(ref.aclName);
            QString why;
            Tri t = a ? matchAcl(*a, request, m_ports, &why) : Tri::Unknown;
            if (!a)
                why = ref.aclName;
            if (ref.negated && t != Tri::Unknown)
                t = t == Tri::Match ? Tri::NoMatch : Tri::Match;
            if (t == Tri::NoMatch) {
                ruleMatch = Tri::NoMatch;
                break; // AND stops at the first non-match
            }
            if (t == Tri::Unknown) {
                ruleMatch = Tri::Unknown;
                unknowns.push_back(why);
            }
        }
        if (ruleMatch == Tri::NoMatch)
            continue;
        if (ruleMatch == Tri::Match) {
            if (d.undecidedRules.empty()) {
                d.verdict = verdictOf(rule.action);
                d.rule = &rule;
                return d;
            }
            d.verdict = Decision::Verdict::Undecidable;
            d.verdictIfNoneOfThoseMatch = verdictOf(rule.action);
            return d;
        }
        // Unknown: this rule could decide, so nothing after it can (squid.md §2 pseudocode).
        d.undecidedRules.push_back(&rule);
        for (const QString &u : std::as_const(unknowns))
            if (!d.dependsOn.contains(u))
                d.dependsOn.push_back(u);
    }
    const Decision::Verdict implicitVerdict = opposite(m_rules.back().action);
    if (!d.undecidedRules.empty()) {
        d.verdict = Decision::Verdict::Undecidable;
        d.verdictIfNoneOfThoseMatch = implicitVerdict;
        return d;
    }
    d.verdict = implicitVerdict;
    d.implicit = true;
    return d;
}

bool SquidConfig::admitsFromAnywhere(Decision *how) const
{
    // Probe clients from the documentation ranges: public, and in no private or local range.
    static const char *const probeClients[] = {"203.0.113.5", "198.51.100.7", "192.0.2.1",
                                               "2001:db8::5"};
    for (const char *client : probeClients) {
        const SquidAddress address = *SquidAddress::parse(QStringView(QString::fromLatin1(client)));
        const std::optional<ProxyRequest> requests[] = {
            ProxyRequest::make(address, QStringLiteral("GET"), QStringLiteral("http://example.com/")),
            ProxyRequest::make(address, QStringLiteral("CONNECT"), QStringLiteral("example.com:443")),
        };
        for (const auto &r : requests) {
            const Decision d = evaluate(*r);
            if (d.verdict == Decision::Verdict::Allow) {
                if (how)
                    *how = d;
                return true;
            }
        }
    }
    return false;
}

bool SquidConfig::listensOn(int port) const
{
    for (const HttpPort &p : m_ports)
        if (p.port == port)
            return true;
    return false;
}

} // namespace hopscope::proxy
