#pragma once

// A Squid configuration as far as access decisions go: `acl`, `http_access`, `http_port` and
// `include` (spec/squid.md §1–§2). Everything else in the file is kept only as a diagnostic, so a
// verdict never rests on something the reader did not understand: an `http_access` line that
// needs an unsupported acl type (or a DNS answer the caller did not give) makes the evaluation
// "undecidable", naming what it depends on.

#include "proxy/SquidAddress.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hopscope::proxy {

// The Squid release whose rules apply where versions differ (squid.md §1.2, built-in ACLs).
// Default: 5.7, the Debian 12 package the lab ran.
struct SquidVersion
{
    int major = 5;
    int minor = 7;
};

struct ConfigDiagnostic
{
    // Error: Squid itself would refuse to start (FATAL) or the file cannot be read.
    // Warning: Squid accepts the line but it does not mean what it seems, or it was dropped.
    // Info: a directive that has no bearing on access decisions and was not interpreted.
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Warning;
    QString file;
    int line = 0; // 1-based; 0 for the file as a whole
    QString message;

    // "file:line: message" (line left out when 0).
    QString toString() const;
};

// Where a directive came from, for messages and for the "deciding line" of a verdict.
struct SourceLocation
{
    QString file; // as the include chain produced it (absolute for included files)
    int line = 0; // 1-based
    QString text; // the logical line after joining `\` continuations, comment stripped
};

enum class AclType {
    Src, Dst, DstDomain, Port, LocalPort, MyPortName, Method, Proto,
    UrlRegex, UrlPathRegex, DstDomRegex,
    Unsupported, // time, proxy_auth, external, note, any-of, ...: evaluated as unknown
};

struct AddressValue
{
    // Squid's acl_ip_data: the client address, masked with `mask`, must lie in [low, high].
    // A CIDR value has low == high == the network; a plain range has an all-ones mask.
    SquidAddress low;
    SquidAddress high;
    SquidAddress mask;
    QString text; // as written

    bool matches(const SquidAddress &a) const;
    // True when the two values can match a common address (Squid then drops the later one).
    bool overlaps(const AddressValue &other) const;
};

struct PortRange
{
    int first = 0;
    int last = 0; // inclusive
};

struct Acl
{
    QString name;
    AclType type = AclType::Unsupported;
    QString typeName;            // as written, e.g. "src" or "proxy_auth"
    std::vector<AddressValue> addresses; // src, dst
    std::vector<PortRange> ports;        // port, localport
    QStringList words;           // method (case-sensitive), proto (upper-cased), dstdomain
                                 // (lower-cased), myportname, regex patterns
    std::vector<QRegularExpression> regexes; // the *_regex types, compiled from `words`
    QStringList unresolvedNames; // src/dst values written as host names: Squid resolves them
                                 // at startup, the tool cannot, so a non-match is unknown
    bool noDnsLookups = false;   // dst -n: only IP-literal hosts can match
    bool builtIn = false;        // defined by Squid itself, possibly extended by the file
    QString unknownReason;       // non-empty: the acl cannot be evaluated (unsupported type,
                                 // unreadable value file, ...), this says why
    std::vector<SourceLocation> definedAt;
};

struct AclReference
{
    QString aclName;
    bool negated = false;
};

struct AccessRule
{
    enum class Action { Allow, Deny };

    Action action = Action::Deny;
    std::vector<AclReference> acls; // ANDed, left to right
    int ordinal = 0;                // Squid's http_access#N: accepted lines only, 1-based
    SourceLocation location;
};

struct HttpPort
{
    std::optional<SquidAddress> address; // empty: every local address
    int port = 0;
    QString name;                        // name=..., else the port as written
    QStringList modes;                   // intercept, tproxy, accel, ssl-bump, ...
    SourceLocation location;
};

// One proxy request as the access check sees it (squid.md §2, "Canonicalise before matching").
struct ProxyRequest
{
    SquidAddress client;
    QString method = QStringLiteral("GET"); // upper-cased on use (relaxed_header_parser)
    QString scheme;    // "http", "https", "ftp"; empty for CONNECT (authority form, proto NONE)
    QString host;      // name or IP literal, without brackets
    int port = 0;      // 0: the scheme's default
    QString path;      // "/..." for origin URLs; empty for CONNECT
    std::vector<SquidAddress> destinationAddresses; // what `host` resolves to, when known
    std::optional<int> localPort;                   // the Squid port the client used

    // CONNECT host:port (port defaults to 443, v4–v6) when `method` is CONNECT, otherwise an
    // absolute URL "scheme://host[:port]/path". nullopt when `target` cannot be read that way.
    static std::optional<ProxyRequest> make(const SquidAddress &client, const QString &method,
                                            const QString &target);

    int effectivePort() const;
    QString url() const; // as Squid would log it (CONNECT: "host:port")
};

struct Decision
{
    enum class Verdict { Allow, Deny, Undecidable };

    Verdict verdict = Verdict::Deny;
    // The deciding http_access line; nullptr for the implicit rule and for "no rules at all".
    // Points into the SquidConfig that produced it.
    const AccessRule *rule = nullptr;
    // True when no explicit line matched: the verdict is the opposite of the last line's action,
    // or deny when the file has no http_access line.
    bool implicit = false;
    // For Undecidable: the acls (or other things, e.g. "DNS of host") the answer depends on,
    // and the rules that could not be decided, in order.
    QStringList dependsOn;
    std::vector<const AccessRule *> undecidedRules;
    // For Undecidable: the verdict if every undecided rule turned out not to match.
    Verdict verdictIfNoneOfThoseMatch = Verdict::Deny;

    // "allow", "deny" or "undecidable".
    static QString verdictName(Verdict v);
};

class SquidConfig
{
public:
    // Reads `path` and everything it includes. Never throws. The config is usable when
    // `hasErrors()` is false; with errors (what Squid reports as FATAL) the rules read so far
    // are kept so that a UI can still show them.
    static SquidConfig load(const QString &path, SquidVersion version = {});
    // Parses `text` as if read from a file named `fileName`; includes are resolved against
    // `baseDirectory` (empty: the current directory).
    static SquidConfig parse(const QByteArray &text, const QString &fileName,
                             const QString &baseDirectory = {}, SquidVersion version = {});

    const std::vector<ConfigDiagnostic> &diagnostics() const { return m_diagnostics; }
    bool hasErrors() const;
    // False only when the top-level file could not be read at all.
    bool wasRead() const { return m_wasRead; }

    const std::vector<AccessRule> &rules() const { return m_rules; }
    const std::vector<HttpPort> &httpPorts() const { return m_ports; }
    const Acl *acl(const QString &name) const;

    // First match over the accepted http_access lines (squid.md §2), three-valued.
    Decision evaluate(const ProxyRequest &request) const;

    // True when the proxy admits clients from anywhere: a request from an address outside every
    // private range (TEST-NET addresses, IPv4 and IPv6) is allowed for plain HTTP to port 80 or
    // CONNECT to 443 — whether by an explicit rule (`http_access allow all`) or by the implicit
    // rule after a trailing `deny`. `how`, if given, receives the first such decision.
    bool admitsFromAnywhere(Decision *how = nullptr) const;

    // True when some http_port line listens on `port` (on any of its addresses).
    bool listensOn(int port) const;

private:
    friend class SquidConfigReader;

    SquidVersion m_version;
    bool m_wasRead = true;
    std::vector<ConfigDiagnostic> m_diagnostics;
    std::vector<Acl> m_acls; // in definition order, built-ins first
    std::vector<AccessRule> m_rules;
    std::vector<HttpPort> m_ports;
    // Non-empty: lines that may hold access rules were not evaluated (inside if/else/endif, or an
    // include not read); every verdict is undecidable and names this.
    QString m_ignoredConditional;
};

} // namespace hopscope::proxy
