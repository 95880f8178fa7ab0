// squid.conf evaluation: every case of spec/squid.md §6 (rows "SQ-<n>"), the seed's config with
// its deciding lines, includes, value files and the things the evaluator must refuse to guess.

#include "proxy/SquidConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace hopscope::proxy;

namespace {

QString seedConfigPath() { return QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/squid/squid.conf"); }

QByteArray seedConfig()
{
    QFile f(seedConfigPath());
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(seedConfigPath()));
    return f.readAll();
}

// The configs of squid.md §6.
QByteArray configU() { return seedConfig(); }
QByteArray configUMinus() // U without `http_access allow all`
{
    QByteArray text = seedConfig();
    text.replace("\nhttp_access allow all\n", "\n");
    return text;
}
QByteArray configE() // U's acl lines, no http_access at all
{
    QByteArray out;
    for (const QByteArray &line : seedConfig().split('\n'))
        if (line.startsWith("acl "))
            out += line + '\n';
    return out;
}
const QByteArray configD = "acl blocked src 203.0.113.0/24\nhttp_access deny blocked\n";
const QByteArray configA = "acl r src 10.0.0.10-10.0.0.20\n"
                           "acl p port 8080-8090\n"
                           "acl v6 src 2001:db8:1::/48\n"
                           "acl d dstdomain .contoso.com\n"
                           "acl e dstdomain exact.example\n"
                           "http_access allow r p\n"
                           "http_access allow v6\n"
                           "http_access allow d\n"
                           "http_access allow e\n"
                           "http_access deny all\n";
const QByteArray configP = "acl pNONE proto NONE\nhttp_access allow pNONE\nhttp_access deny all\n";
const QByteArray configM = "acl hostbits src 172.16.16.5/24\n"
                           "acl rangeMask src 10.0.0.1-10.0.0.255/24\n"
                           "http_access allow hostbits\n"
                           "http_access allow rangeMask\n"
                           "http_access deny all\n";

ProxyRequest request(const QString &client, const QString &method, const QString &target)
{
    const auto address = SquidAddress::parse(QStringView(client));
    if (!address)
        qFatal("bad test client %s", qPrintable(client));
    const auto r = ProxyRequest::make(*address, method, target);
    if (!r)
        qFatal("bad test target %s", qPrintable(target));
    return *r;
}

bool hasDiagnostic(const SquidConfig &c, ConfigDiagnostic::Severity severity, int line,
                   const QString &fragment)
{
    for (const ConfigDiagnostic &d : c.diagnostics())
        if (d.severity == severity && d.line == line && d.message.contains(fragment))
            return true;
    return false;
}

QString dumpDiagnostics(const SquidConfig &c)
{
    QStringList lines;
    for (const ConfigDiagnostic &d : c.diagnostics())
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace

class TestSquidConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void configErrors_data();
    void configErrors();
    void seedDecidingLines_data();
    void seedDecidingLines();
    void openProxy_data();
    void openProxy();
    void seedListensOn3128();
    void overlappingValuesDropped_data();
    void overlappingValuesDropped();
    void unsupportedAclIsUndecidable();
    void includesRelativeGlobAndCycle();
    void quotedValueFile();
    void versionDifferences();
    void hostileFileNames_data();
    void hostileFileNames();
};

void TestSquidConfig::verdicts_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("verdict");  // allow | deny | undecidable
    QTest::addColumn<int>("ordinal");      // http_access#N that decides; 0 = implicit / none
    QTest::addColumn<QStringList>("dependsOn");

    const QByteArray U = configU(), Um = configUMinus(), E = configE();
    const QString G = QStringLiteral("GET"), C = QStringLiteral("CONNECT");
    const QString allow = QStringLiteral("allow"), deny = QStringLiteral("deny");
    auto row = [&](const char *name, const QByteArray &cfg, const char *client, const QString &m,
                   const char *target, const QString &v, int ordinal) {
        QTest::newRow(name) << cfg << QString::fromLatin1(client) << m << QString::fromLatin1(target)
                            << v << ordinal << QStringList();
    };

    row("SQ-01: U, P2S client CONNECT :443 allowed by allow localnet", U, "172.16.16.2", C,
        "login.microsoftonline.com:443", allow, 5);
    row("SQ-02: U, P2S client GET :80 allowed by allow localnet", U, "172.16.16.2", G,
        "http://example.com/", allow, 5);
    row("SQ-03: U, CONNECT :22 denied by deny !Safe_ports", U, "172.16.16.2", C, "host:22", deny, 1);
    row("SQ-04: U, GET :22 denied by deny !Safe_ports", U, "172.16.16.2", G, "http://host:22/",
        deny, 1);
    row("SQ-05: U, CONNECT :8443 denied by deny CONNECT !SSL_ports", U, "172.16.16.2", C,
        "host:8443", deny, 2);
    row("SQ-06: U, GET :8443 allowed (8443 is in 1025-65535)", U, "172.16.16.2", G,
        "http://host:8443/", allow, 5);
    row("SQ-07: U, public client CONNECT :443 allowed by allow all (open proxy)", U, "203.0.113.5",
        C, "host:443", allow, 7);
    row("SQ-08: U, public client GET allowed by allow all", U, "203.0.113.5", G, "http://host/",
        allow, 7);
    row("SQ-09: U, public client CONNECT :22 denied by #1", U, "203.0.113.5", C, "host:22", deny, 1);
    row("SQ-10: U, public client CONNECT :8443 denied by #2", U, "203.0.113.5", C, "host:8443",
        deny, 2);
    row("SQ-11: U, fd00::5 allowed via localnet fc00::/7", U, "fd00::5", G, "http://host/", allow, 5);
    row("SQ-12: U, 2001:db8::5 in no localnet value, allowed by allow all", U, "2001:db8::5", G,
        "http://host/", allow, 7);
    row("SQ-13: U, 0.0.0.7 inside the range 0.0.0.1-0.255.255.255", U, "0.0.0.7", G, "http://host/",
        allow, 5);
    row("SQ-14: U, ::ffff:172.16.16.3 is 172.16.16.3", U, "::ffff:172.16.16.3", G, "http://host/",
        allow, 5);
    row("SQ-15: U, cache manager URL from P2S denied by deny manager", U, "172.16.16.2", G,
        "http://proxy:3128/squid-internal-mgr/info", deny, 4);
    row("SQ-16: U, ::1 not in localnet, allowed by allow localhost", U, "::1", G, "http://host/",
        allow, 6);
    row("SQ-17: U, cache manager from 127.0.0.1 allowed by allow localhost manager", U, "127.0.0.1",
        G, "http://127.0.0.1:3128/squid-internal-mgr/info", allow, 3);
    row("SQ-18: U-, public client denied by the implicit rule (last rule is allow)", Um,
        "203.0.113.5", G, "http://host/", deny, 0);
    row("SQ-19: U-, P2S client allowed by allow localnet", Um, "172.16.16.2", G, "http://host/",
        allow, 5);
    row("SQ-20a: E, no http_access at all denies a P2S client", E, "172.16.16.2", G,
        "http://host/", deny, 0);
    row("SQ-20b: E, no http_access at all denies localhost", E, "127.0.0.1", G, "http://host/",
        deny, 0);
    row("SQ-21: D, blocked client denied by deny blocked", configD, "203.0.113.5", G,
        "http://host/", deny, 1);
    row("SQ-22: D, other client allowed by the implicit rule (last rule is deny)", configD,
        "198.51.100.7", G, "http://host/", allow, 0);
    row("SQ-23: D, implicit allow even for CONNECT :22", configD, "198.51.100.7", C, "host:22",
        allow, 0);
    row("SQ-24: A, range end and port-range start are inclusive", configA, "10.0.0.20", G,
        "http://h:8080/", allow, 1);
    row("SQ-25: A, src half of the AND fails", configA, "10.0.0.21", G, "http://h:8080/", deny, 5);
    row("SQ-26a: A, port 8091 outside 8080-8090", configA, "10.0.0.10", G, "http://h:8091/", deny, 5);
    row("SQ-26b: A, port 8090 is the inclusive range end", configA, "10.0.0.10", G,
        "http://h:8090/", allow, 1);
    row("SQ-27a: A, IPv6 client inside 2001:db8:1::/48", configA, "2001:db8:1:ffff::5", G,
        "http://h/", allow, 2);
    row("SQ-27b: A, IPv6 client outside 2001:db8:1::/48", configA, "2001:db8:2::5", G, "http://h/",
        deny, 5);
    row("SQ-28a: A, .contoso.com covers the apex", configA, "192.0.2.1", G, "http://contoso.com/",
        allow, 3);
    row("SQ-28b: A, dstdomain is case-insensitive", configA, "192.0.2.1", G,
        "http://www.CONTOSO.com/", allow, 3);
    row("SQ-29a: A, notcontoso.com is not under .contoso.com", configA, "192.0.2.1", G,
        "http://notcontoso.com/", deny, 5);
    row("SQ-29b: A, exact.example matches itself", configA, "192.0.2.1", G, "http://exact.example/",
        allow, 4);
    row("SQ-29c: A, exact.example does not cover subdomains", configA, "192.0.2.1", G,
        "http://www.exact.example/", deny, 5);
    row("SQ-30a: P, CONNECT has scheme NONE", configP, "192.0.2.9", C, "h:443", allow, 1);
    row("SQ-30b: P, GET http has scheme HTTP, not NONE", configP, "192.0.2.9", G, "http://h/", deny,
        2);
    row("SQ-31a: M, 172.16.16.5/24 is read as 172.16.16.0/24", configM, "172.16.16.77", G,
        "http://h/", allow, 1);
    row("SQ-31b: M, 172.16.17.1 outside the masked /24", configM, "172.16.17.1", G, "http://h/",
        deny, 3);
    row("SQ-31c: M, range with mask matches the masked address 10.0.0.0", configM, "10.0.0.0", G,
        "http://h/", allow, 2);
    row("SQ-31d: M, 10.0.1.1 outside the masked range", configM, "10.0.1.1", G, "http://h/", deny,
        3);
    const QByteArray emptyAllow =
        "acl a src 10.0.0.0/8\nhttp_access deny a\nhttp_access allow\n";
    row("SQ-32a: an empty allow line is dropped, so the last rule is deny: implicit allow",
        emptyAllow, "192.0.2.1", G, "http://h/", allow, 0);
    row("SQ-32b: deny a still decides for 10/8", emptyAllow, "10.9.9.9", G, "http://h/", deny, 1);
    row("SQ-33: 'Allow' in capitals is ignored, no rules remain: deny", "http_access Allow all\n",
        "192.0.2.1", G, "http://h/", deny, 0);
    row("SQ-38: src 0.0.0.0/0 is read as all", "acl s src 0.0.0.0/0\nhttp_access allow s\n",
        "198.51.100.1", G, "http://h/", allow, 1);
    QTest::newRow("SQ-39: dst acl on a host name without DNS data is undecidable")
        << QByteArray("acl dst10 dst 10.0.0.0/8\nhttp_access deny dst10\nhttp_access allow all\n")
        << QStringLiteral("172.16.16.2") << C << QStringLiteral("intranet.contoso.example:443")
        << QStringLiteral("undecidable") << 0 << QStringList{QStringLiteral("dst10")};
    // Issue 12: nested quantifiers backtrack without end; the matcher gives up after a bounded
    // amount of work and the verdict names the acl instead of a guessed (or no) answer.
    const QByteArray nested = "acl evil url_regex (.*)*(.*)*(.*)*(.*)*x\n"
                              "http_access deny evil\nhttp_access allow all\n";
    QTest::newRow("hostile: url_regex with nested quantifiers gives up: undecidable, names the acl")
        << nested << QStringLiteral("198.51.100.1") << G
        << QStringLiteral("http://x.example/") + QString(64, u'a') << QStringLiteral("undecidable")
        << 0 << QStringList{QStringLiteral("evil")};
    // The bound is written into the pattern: anchors and -i must keep their meaning, and an
    // ordinary pattern on a long URL (Squid allows 8 KB) must stay within it.
    QTest::newRow("url_regex -i with an anchor, on an 8 KB URL, still decides under the bound")
        << QByteArray("acl archives url_regex -i ^https?://[^/]+/(.*/)?[^/]*\\.(zip|exe)$\n"
                      "http_access deny archives\nhttp_access allow all\n")
        << QStringLiteral("198.51.100.1") << G
        << QStringLiteral("http://h/") + QString(8000, u'a').replace(7, 1, u'/')
               + QStringLiteral("/setup.ZIP")
        << deny << 1 << QStringList();
}

void TestSquidConfig::verdicts()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, client);
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(QString, verdict);
    QFETCH(int, ordinal);
    QFETCH(QStringList, dependsOn);

    const SquidConfig c = SquidConfig::parse(config, QStringLiteral("test.conf"));
    QVERIFY2(!c.hasErrors(), qPrintable(dumpDiagnostics(c)));
    const Decision d = c.evaluate(request(client, method, target));
    QCOMPARE(Decision::verdictName(d.verdict), verdict);
    QCOMPARE(d.rule ? d.rule->ordinal : 0, ordinal);
    if (d.verdict != Decision::Verdict::Undecidable)
        QCOMPARE(d.implicit, ordinal == 0);
    for (const QString &name : dependsOn) {
        bool named = false;
        for (const QString &dep : d.dependsOn)
            named = named || dep.startsWith(name);
        QVERIFY2(named, qPrintable(d.dependsOn.join(u", ")));
    }
}

void TestSquidConfig::configErrors_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("SQ-34: http_access uses an acl defined only later")
        << QByteArray("http_access allow later\nacl later src 10.0.0.0/8\n") << 1
        << QStringLiteral("ACL not found");
    QTest::newRow("SQ-35: same acl name with a different type")
        << QByteArray("acl x src 10.0.0.0/8\nacl x port 80\n") << 2
        << QStringLiteral("already defined with type");
    QTest::newRow("SQ-36: port range written high to low")
        << QByteArray("acl p port 2000-1000\n") << 1 << QStringLiteral("invalid port range");
    QTest::newRow("SQ-37: a space after '!'")
        << QByteArray("acl a src 10.0.0.0/8\nhttp_access deny ! a\n") << 2
        << QStringLiteral("'!'");
}

void TestSquidConfig::configErrors()
{
    QFETCH(QByteArray, config);
    QFETCH(int, line);
    QFETCH(QString, fragment);

    const SquidConfig c = SquidConfig::parse(config, QStringLiteral("bad.conf"));
    QVERIFY(c.hasErrors());
    QVERIFY2(hasDiagnostic(c, ConfigDiagnostic::Severity::Error, line, fragment),
             qPrintable(dumpDiagnostics(c)));
}

void TestSquidConfig::seedDecidingLines_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("text");

    QTest::newRow("seed: VPN pool client CONNECT :443, allow localnet at squid.conf:47")
        << "172.16.16.2" << "CONNECT" << "login.microsoftonline.com:443" << "allow" << 47
        << "http_access allow localnet";
    QTest::newRow("seed: VPN pool client CONNECT :22, deny !Safe_ports at squid.conf:31")
        << "172.16.16.2" << "CONNECT" << "github.com:22" << "deny" << 31
        << "http_access deny !Safe_ports";
    QTest::newRow("seed: public client allowed by allow all at squid.conf:51")
        << "203.0.113.5" << "CONNECT" << "example.com:443" << "allow" << 51
        << "http_access allow all";
}

void TestSquidConfig::seedDecidingLines()
{
    QFETCH(QString, client);
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(QString, verdict);
    QFETCH(int, line);
    QFETCH(QString, text);

    const SquidConfig c = SquidConfig::load(seedConfigPath());
    QVERIFY2(c.wasRead() && !c.hasErrors(), qPrintable(dumpDiagnostics(c)));
    QCOMPARE(c.rules().size(), size_t(7));
    const Decision d = c.evaluate(request(client, method, target));
    QCOMPARE(Decision::verdictName(d.verdict), verdict);
    QVERIFY(d.rule);
    QCOMPARE(d.rule->location.file, seedConfigPath());
    QCOMPARE(d.rule->location.line, line);
    QCOMPARE(d.rule->location.text, text);
    QVERIFY(!d.implicit);
}

void TestSquidConfig::openProxy_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<bool>("open");
    QTest::addColumn<int>("ordinal"); // the admitting rule; 0 = implicit

    QTest::newRow("seed (U): allow all last, open") << configU() << true << 7;
    QTest::newRow("U-: last rule allow localhost, closed") << configUMinus() << false << 0;
    QTest::newRow("E: no rules, closed") << configE() << false << 0;
    QTest::newRow("D: only a deny, open by the implicit rule") << configD << true << 0;
    QTest::newRow("A: ends with deny all, closed") << configA << false << 0;
    QTest::newRow("P: CONNECT allowed from anywhere") << configP << true << 1;
    QTest::newRow("suggested config of squid.md §5, closed")
        << QByteArray("acl p2s src 172.16.16.0/24\n"
                      "acl SSL_ports port 443\nacl Safe_ports port 80 443\n"
                      "acl azure_platform dst 168.63.129.16\n"
                      "http_access deny !Safe_ports\nhttp_access deny CONNECT !SSL_ports\n"
                      "http_access allow localhost manager\nhttp_access deny manager\n"
                      "http_access deny to_localhost\nhttp_access deny to_linklocal\n"
                      "http_access deny azure_platform\nhttp_access allow p2s\n"
                      "http_access allow localhost\nhttp_access deny all\n"
                      "http_port 10.0.1.4:3128\n")
        << false << 0;
}

void TestSquidConfig::openProxy()
{
    QFETCH(QByteArray, config);
    QFETCH(bool, open);
    QFETCH(int, ordinal);

    const SquidConfig c = SquidConfig::parse(config, QStringLiteral("test.conf"));
    QVERIFY2(!c.hasErrors(), qPrintable(dumpDiagnostics(c)));
    Decision how;
    QCOMPARE(c.admitsFromAnywhere(&how), open);
    if (open) {
        QCOMPARE(how.rule ? how.rule->ordinal : 0, ordinal);
        QCOMPARE(how.implicit, ordinal == 0);
    }
}

void TestSquidConfig::seedListensOn3128()
{
    const SquidConfig c = SquidConfig::load(seedConfigPath());
    QVERIFY(c.listensOn(3128));
    QVERIFY(!c.listensOn(8080));
    QCOMPARE(c.httpPorts().size(), size_t(1));
    QVERIFY(!c.httpPorts().front().address); // every local address
    QCOMPARE(c.httpPorts().front().location.line, 53);
}

void TestSquidConfig::overlappingValuesDropped_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("verdict");

    // squid.md §1.2 src: a value that overlaps an earlier one is ignored, whichever is wider.
    QTest::newRow("10.1.0.0/16 then 10.0.0.0/8: the /8 is dropped, 10.2.0.1 not matched")
        << QByteArray("acl x src 10.1.0.0/16 10.0.0.0/8\nhttp_access allow x\nhttp_access deny all\n")
        << "10.2.0.1" << "deny";
    QTest::newRow("10.0.0.0/8 then all: all is dropped, 192.0.2.1 not matched")
        << QByteArray("acl x src 10.0.0.0/8 all\nhttp_access allow x\nhttp_access deny all\n")
        << "192.0.2.1" << "deny";
    QTest::newRow("all then 10.0.0.0/8: all kept, 192.0.2.1 matched")
        << QByteArray("acl x src all 10.0.0.0/8\nhttp_access allow x\nhttp_access deny all\n")
        << "192.0.2.1" << "allow";
    QTest::newRow("overlapping ranges across merged lines: 10.0.0.25 not matched")
        << QByteArray("acl x src 10.0.0.0-10.0.0.20\nacl x src 10.0.0.10-10.0.0.30\n"
                      "http_access allow x\nhttp_access deny all\n")
        << "10.0.0.25" << "deny";
    QTest::newRow("localhost 127.0.0.0/8 overlaps the built-in 127.0.0.1: 127.0.0.2 not matched")
        << QByteArray("acl localhost src 127.0.0.0/8\nhttp_access allow localhost\n"
                      "http_access deny all\n")
        << "127.0.0.2" << "deny";
    QTest::newRow("localhost 10.0.0.0/8 does not overlap: added")
        << QByteArray("acl localhost src 10.0.0.0/8\nhttp_access allow localhost\n"
                      "http_access deny all\n")
        << "10.3.3.3" << "allow";
    QTest::newRow("acl all src 10.0.0.0/8 only adds: deny all still denies 192.0.2.1")
        << QByteArray("acl all src 10.0.0.0/8\nhttp_access deny all\n") << "192.0.2.1" << "deny";
}

void TestSquidConfig::overlappingValuesDropped()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, client);
    QFETCH(QString, verdict);

    const SquidConfig c = SquidConfig::parse(config, QStringLiteral("test.conf"));
    QVERIFY2(!c.hasErrors(), qPrintable(dumpDiagnostics(c)));
    const Decision d = c.evaluate(request(client, QStringLiteral("GET"), QStringLiteral("http://h/")));
    QCOMPARE(Decision::verdictName(d.verdict), verdict);
}

void TestSquidConfig::unsupportedAclIsUndecidable()
{
    const SquidConfig c = SquidConfig::parse(
        "acl office time MTWHF 08:00-18:00\n"
        "acl p2s src 172.16.16.0/24\n"
        "http_access allow p2s office\n"
        "http_access deny all\n",
        QStringLiteral("t.conf"));
    QVERIFY(!c.hasErrors());
    QVERIFY2(hasDiagnostic(c, ConfigDiagnostic::Severity::Warning, 1, QStringLiteral("'time'")),
             qPrintable(dumpDiagnostics(c)));
    // A P2S client: the rule depends on `office`, so no verdict is guessed.
    const Decision d = c.evaluate(
        request(QStringLiteral("172.16.16.2"), QStringLiteral("GET"), QStringLiteral("http://h/")));
    QCOMPARE(d.verdict, Decision::Verdict::Undecidable);
    QCOMPARE(d.dependsOn, QStringList{QStringLiteral("office")});
    QCOMPARE(d.undecidedRules.size(), size_t(1));
    QCOMPARE(d.undecidedRules.front()->location.line, 3);
    QCOMPARE(d.verdictIfNoneOfThoseMatch, Decision::Verdict::Deny);
    // Another client fails the src half first (AND stops at a non-match): decided.
    const Decision other = c.evaluate(
        request(QStringLiteral("192.0.2.1"), QStringLiteral("GET"), QStringLiteral("http://h/")));
    QCOMPARE(other.verdict, Decision::Verdict::Deny);
    QVERIFY(other.rule);
    QCOMPARE(other.rule->ordinal, 2);
}

void TestSquidConfig::includesRelativeGlobAndCycle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &text) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("squid.conf"), "include conf.d/*.conf\n"
                                        "http_access allow p2s\n"
                                        "http_access deny all\n"
                                        "http_port 3128\n");
    write(QStringLiteral("conf.d/10-acl.conf"), "acl p2s src 172.16.16.0/24\n");
    write(QStringLiteral("conf.d/20-deny.conf"), "http_access deny blocked\n"
                                                 "include ../squid.conf\n");
    write(QStringLiteral("conf.d/15-blocked.conf"), "acl blocked dstdomain .bad.example\n");

    const SquidConfig c = SquidConfig::load(dir.filePath(QStringLiteral("squid.conf")));
    // The cycle (20-deny.conf includes squid.conf again) is reported, not followed.
    QVERIFY(c.hasErrors());
    bool cycleReported = false;
    for (const ConfigDiagnostic &d : c.diagnostics())
        cycleReported = cycleReported || d.message.contains(QStringLiteral("include cycle"));
    QVERIFY2(cycleReported, qPrintable(dumpDiagnostics(c)));
    // Glob order is by name: 10-acl, 15-blocked, 20-deny; then the main file's rules.
    QCOMPARE(c.rules().size(), size_t(3));
    QVERIFY(c.rules()[0].location.file.endsWith(QStringLiteral("conf.d/20-deny.conf")));
    QCOMPARE(c.rules()[0].location.line, 1);
    const Decision blocked = c.evaluate(request(QStringLiteral("172.16.16.2"),
                                                QStringLiteral("CONNECT"),
                                                QStringLiteral("www.bad.example:443")));
    QCOMPARE(blocked.verdict, Decision::Verdict::Deny);
    QVERIFY(blocked.rule);
    QCOMPARE(blocked.rule->ordinal, 1);
    const Decision ok = c.evaluate(request(QStringLiteral("172.16.16.2"), QStringLiteral("CONNECT"),
                                           QStringLiteral("good.example:443")));
    QCOMPARE(ok.verdict, Decision::Verdict::Allow);
    QVERIFY(ok.rule);
    QCOMPARE(ok.rule->location.line, 2);
}

void TestSquidConfig::quotedValueFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile f(dir.filePath(QStringLiteral("pools.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# P2S pools\n172.16.16.0/24\n\n172.16.17.0/24 # second pool\n");
    }
    const QByteArray conf = "acl p2s src \"pools.txt\"\n"
                            "acl gone src \"missing.txt\"\n"
                            "http_access allow p2s\n"
                            "http_access deny gone\n"
                            "http_access deny all\n";
    const SquidConfig c = SquidConfig::parse(conf, QStringLiteral("squid.conf"), dir.path());
    QVERIFY2(!c.hasErrors(), qPrintable(dumpDiagnostics(c)));
    QCOMPARE(c.acl(QStringLiteral("p2s"))->addresses.size(), size_t(2));
    QCOMPARE(c.evaluate(request(QStringLiteral("172.16.17.9"), QStringLiteral("GET"),
                                QStringLiteral("http://h/")))
                 .verdict,
             Decision::Verdict::Allow);
    // The unreadable file makes `gone` unknown: whoever is not in p2s gets no guessed verdict.
    const Decision d = c.evaluate(
        request(QStringLiteral("192.0.2.1"), QStringLiteral("GET"), QStringLiteral("http://h/")));
    QCOMPARE(d.verdict, Decision::Verdict::Undecidable);
    QCOMPARE(d.dependsOn, QStringList{QStringLiteral("gone")});
}

void TestSquidConfig::versionDifferences()
{
    // CONNECT and to_linklocal are built in from v5 on; on v4 the seed's own `acl CONNECT` line
    // is what defines it, and an undefined to_linklocal is a fatal error.
    const QByteArray conf = "http_access deny to_linklocal\nhttp_access deny CONNECT\n"
                            "http_access allow all\n";
    const SquidConfig v5 = SquidConfig::parse(conf, QStringLiteral("t.conf"), {}, {5, 7});
    QVERIFY2(!v5.hasErrors(), qPrintable(dumpDiagnostics(v5)));
    const Decision metadata = v5.evaluate(request(QStringLiteral("172.16.16.2"),
                                                  QStringLiteral("GET"),
                                                  QStringLiteral("http://169.254.169.254/metadata")));
    QVERIFY(metadata.rule);
    QCOMPARE(metadata.rule->ordinal, 1);
    // An IP-literal destination: to_linklocal (a dst acl) is decidable without DNS.
    const Decision tunnel = v5.evaluate(request(QStringLiteral("172.16.16.2"),
                                                QStringLiteral("CONNECT"),
                                                QStringLiteral("203.0.113.9:443")));
    QVERIFY(tunnel.rule);
    QCOMPARE(tunnel.rule->ordinal, 2);
    const SquidConfig v4 = SquidConfig::parse(conf, QStringLiteral("t.conf"), {}, {4, 15});
    QVERIFY(hasDiagnostic(v4, ConfigDiagnostic::Severity::Error, 1, QStringLiteral("to_linklocal")));
    QVERIFY(hasDiagnostic(v4, ConfigDiagnostic::Severity::Error, 2, QStringLiteral("CONNECT")));
}

void TestSquidConfig::hostileFileNames_data()
{
    // "DIR" in a config stands for a temporary folder holding big.txt (sparse, 17 MiB) and
    // fifo (a named pipe nobody writes to).
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("fragment"); // of the warning on line 1

    const QByteArray rules = "\nhttp_access deny x\nhttp_access allow all\n";
    QTest::newRow("hostile: acl value file /dev/zero, a device, is not read")
        << QByteArray("acl x src \"/dev/zero\"") + rules << QStringLiteral("not a regular file");
    QTest::newRow("hostile: acl value file that is a named pipe is not read (no hang)")
        << QByteArray("acl x src \"DIR/fifo\"") + rules << QStringLiteral("not a regular file");
    QTest::newRow("hostile: acl value file larger than 16 MiB is not read")
        << QByteArray("acl x src \"DIR/big.txt\"") + rules << QStringLiteral("larger than");
    QTest::newRow("hostile: include /dev/zero, a device, is not read")
        << QByteArray("include /dev/zero\nhttp_access allow all\n")
        << QStringLiteral("not a regular file");
    QTest::newRow("hostile: include /proc/self/pagemap reads no more than the cap")
        << QByteArray("include /proc/self/pagemap\nhttp_access allow all\n")
        << QStringLiteral("larger than");
}

// Issue 12: squid.conf may name any path; only regular files are read, and only up to a size
// cap. What is not read is reported at the line that names it, and verdicts that could depend
// on it are undecidable rather than guessed.
void TestSquidConfig::hostileFileNames()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, fragment);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile big(dir.filePath(QStringLiteral("big.txt")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(17 * 1024 * 1024));
    }
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo"))).constData(), 0600),
             0);
    config.replace("DIR", QFile::encodeName(dir.path()));

    const SquidConfig c = SquidConfig::parse(config, QStringLiteral("squid.conf"), dir.path());
    QVERIFY2(hasDiagnostic(c, ConfigDiagnostic::Severity::Warning, 1, fragment),
             qPrintable(dumpDiagnostics(c)));
    QVERIFY2(!c.hasErrors(), qPrintable(dumpDiagnostics(c)));
    const Decision d = c.evaluate(
        request(QStringLiteral("198.51.100.1"), QStringLiteral("GET"), QStringLiteral("http://h/")));
    QCOMPARE(d.verdict, Decision::Verdict::Undecidable);
    QVERIFY2(!d.dependsOn.isEmpty(), "an undecidable verdict names what it depends on");
}

QTEST_GUILESS_MAIN(TestSquidConfig)
#include "tst_squidconfig.moc"
