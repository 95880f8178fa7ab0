// The command-line contract of cli.md, run through the real `hopscope` binary with no display:
// exit codes, JSON shapes, one line per problem on stderr and nothing on stdout.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run hopscope(const QStringList &arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // headless commands need no display
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HOPSCOPE_BINARY), arguments);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString example(const char *name)
{
    return QStringLiteral(HOPSCOPE_EXAMPLES_DIR "/%1.hopscope.yaml").arg(QLatin1String(name));
}

QString data(const char *path)
{
    return QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/") + QLatin1String(path);
}

QStringList devices(const QJsonObject &walk)
{
    QStringList names;
    for (const QJsonValue &hop : walk[QStringLiteral("hops")].toArray())
        names << hop[QStringLiteral("device")].toString();
    return names;
}

QStringList codes(const QJsonObject &check, const QString &severity = {})
{
    QStringList list;
    for (const QJsonValue &f : check[QStringLiteral("findings")].toArray())
        if (severity.isEmpty() || f[QStringLiteral("severity")].toString() == severity)
            list << f[QStringLiteral("code")].toString();
    return list;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceSeed_data();
    void traceSeed();
    void traceJsonShape();
    void traceNsg_data();
    void traceNsg();
    void routes();
    void checkExamples_data();
    void checkExamples();
    void unusableInput_data();
    void unusableInput();
    void loadErrorIsPositioned();
    void proxyRules_data();
    void proxyRules();
    void proxyLog();
    void versionAndHelp();
    void importAndCompare_data();
    void importAndCompare();
};

void TestCli::traceSeed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("connection");
    QTest::newRow("example (a), typo kept: reply blackholed at fw-hub")
        << example("seed-as-written") << 1 << "return-dropped";
    QTest::newRow("example (b), typo fixed: connection ok") << example("seed-typo-fixed") << 0
                                                            << "ok";
    QTest::newRow("example (c), as Azure supports it: connection ok")
        << example("seed-supported") << 0 << "ok";
}

void TestCli::traceSeed()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QString, connection);
    const Run run = hopscope({QStringLiteral("trace"), file, QStringLiteral("--from"),
                              QStringLiteral("remote-pc"), QStringLiteral("--to"),
                              QStringLiteral("proxy"), QStringLiteral("--port"),
                              QStringLiteral("3128"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject o = run.json();
    QCOMPARE(devices(o[QStringLiteral("forward")].toObject()),
             QStringList({QStringLiteral("remote-pc"), QStringLiteral("vpngw-a"),
                          QStringLiteral("fw-a"), QStringLiteral("fw-hub"),
                          QStringLiteral("proxy")}));
    QCOMPARE(o[QStringLiteral("forward")][QStringLiteral("verdict")].toString(),
             QStringLiteral("delivered"));
    const QJsonObject c = o[QStringLiteral("connection")].toObject();
    QCOMPARE(c[QStringLiteral("verdict")].toString(),
             connection == u"ok" ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (connection == u"ok") {
        QVERIFY(c[QStringLiteral("reason")].isNull());
        QCOMPARE(devices(o[QStringLiteral("return")].toObject()).last(),
                 QStringLiteral("remote-pc"));
    } else {
        QCOMPARE(c[QStringLiteral("reason")].toString(), connection);
        const QJsonObject back = o[QStringLiteral("return")].toObject();
        QCOMPARE(back[QStringLiteral("verdict")].toString(), QStringLiteral("dropped"));
        QCOMPARE(back[QStringLiteral("reason")].toString(), QStringLiteral("blackhole"));
        QCOMPARE(devices(back).last(), QStringLiteral("fw-hub"));
        const QJsonObject route =
            back[QStringLiteral("hops")].toArray().last()[QStringLiteral("route")].toObject();
        QCOMPARE(route[QStringLiteral("nextHopIpAddress")].toString(), QStringLiteral("10.2.1.4"));
        QCOMPARE(route[QStringLiteral("routeTable")].toString(), QStringLiteral("rt-hub-fw"));
    }
    QVERIFY(run.err.isEmpty());
}

void TestCli::traceJsonShape()
{
    // cli.md's fixed vocabulary: hop keys, route keys, stateful devices, legs, warnings.
    const Run run = hopscope({QStringLiteral("trace"), example("seed-as-written"),
                              QStringLiteral("--from"), QStringLiteral("remote-pc"),
                              QStringLiteral("--to"), QStringLiteral("proxy"),
                              QStringLiteral("--port"), QStringLiteral("3128"),
                              QStringLiteral("--json")});
    const QJsonObject o = run.json();
    QCOMPARE(o[QStringLiteral("from")][QStringLiteral("ip")].toString(),
             QStringLiteral("172.16.16.2"));
    QCOMPARE(o[QStringLiteral("to")][QStringLiteral("ip")].toString(), QStringLiteral("10.2.0.4"));
    QCOMPARE(o[QStringLiteral("protocol")].toString(), QStringLiteral("Tcp"));
    QCOMPARE(o[QStringLiteral("port")].toInt(), 3128);
    // cli.md additions: the source port at the top and in every leg, 50000 by default.
    QCOMPARE(o[QStringLiteral("sourcePort")].toInt(), 50000);
    QCOMPARE(o[QStringLiteral("legs")][0][QStringLiteral("sourcePort")].toInt(), 50000);
    const QJsonObject first = o[QStringLiteral("forward")][QStringLiteral("hops")][0].toObject();
    for (const char *key : {"device", "kind", "ip", "subnet", "route", "rule", "nsg"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    // `nsg` is null where no NSG can be, an object at a VM even without NSGs.
    QVERIFY(first[QStringLiteral("nsg")].isNull());
    const QJsonObject proxyNsg =
        o[QStringLiteral("forward")][QStringLiteral("hops")][4][QStringLiteral("nsg")].toObject();
    QVERIFY(proxyNsg[QStringLiteral("outbound")].isNull());
    const QJsonObject inbound = proxyNsg[QStringLiteral("inbound")].toObject();
    QCOMPARE(inbound[QStringLiteral("verdict")].toString(), QStringLiteral("Allow"));
    QCOMPARE(inbound[QStringLiteral("byState")].toBool(true), false);
    QCOMPARE(inbound[QStringLiteral("platformExempt")].toBool(true), false);
    QVERIFY(inbound[QStringLiteral("evaluatedNetworkSecurityGroups")].isArray());
    QVERIFY(inbound[QStringLiteral("evaluatedNetworkSecurityGroups")].toArray().isEmpty());
    QCOMPARE(first[QStringLiteral("kind")].toString(), QStringLiteral("client"));
    const QJsonObject route = first[QStringLiteral("route")].toObject();
    QCOMPARE(route[QStringLiteral("addressPrefix")].toString(), QStringLiteral("0.0.0.0/1"));
    QCOMPARE(route[QStringLiteral("source")].toString(), QStringLiteral("VirtualNetworkGateway"));
    for (const char *key : {"source", "state", "addressPrefix", "nextHopType", "nextHopIpAddress",
                            "routeTable", "routeName"})
        QVERIFY2(route.contains(QLatin1String(key)), key);
    const QJsonObject gateway = o[QStringLiteral("forward")][QStringLiteral("hops")][1].toObject();
    QCOMPARE(gateway[QStringLiteral("kind")].toString(), QStringLiteral("gateway"));
    QCOMPARE(gateway[QStringLiteral("subnet")].toString(),
             QStringLiteral("Spoke-Vnet-a/GatewaySubnet"));
    QCOMPARE(gateway[QStringLiteral("route")][QStringLiteral("routeName")].toString(),
             QStringLiteral("default-to-a-fw"));
    const QJsonObject stateful =
        o[QStringLiteral("connection")][QStringLiteral("statefulDevices")].toObject();
    QCOMPARE(stateful[QStringLiteral("forward")].toArray().size(), 2);
    QCOMPARE(stateful[QStringLiteral("return")].toArray().size(), 1);
    QCOMPARE(o[QStringLiteral("legs")].toArray().size(), 1);
    QVERIFY(codes(QJsonObject{{QStringLiteral("findings"), o[QStringLiteral("warnings")]}})
                .contains(QStringLiteral("next-hop-unowned")));
}

// nsg.md TC-N17 through the CLI: the hop `nsg` names the NSG and rule that decided, the text
// output lists it under the hop, and --source-port reaches the rules (a rule of the test design
// denies source ports 60000-65535).
void TestCli::traceNsg_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("sourcePort");
    QTest::addColumn<QString>("rule"); // the rule that decided at the proxy, inbound
    QTest::addColumn<QString>("textLine");
    const QString seedNsg = data("nsg/seed-nsg.hopscope.yaml");
    // Issue 13's "Done when": the supported example carries TC-N17's NSG.
    QTest::newRow("example (c): remote-pc to proxy on 3128 is admitted by allow-p2s-proxy")
        << example("seed-supported") << QStringList{QStringLiteral("--port"), QStringLiteral("3128")}
        << 0 << 50000 << "allow-p2s-proxy"
        << "NSG nsg-subnet-b (Spoke-Vnet-b/Subnet-b) inbound: allow-p2s-proxy (100) Allow";
    QTest::newRow("example (c): remote-pc to proxy on 22 is denied by deny-all-inbound")
        << example("seed-supported") << QStringList{QStringLiteral("--port"), QStringLiteral("22")}
        << 1 << 50000 << "deny-all-inbound"
        << "NSG nsg-subnet-b (Spoke-Vnet-b/Subnet-b) inbound: deny-all-inbound (4096) Deny";
    QTest::newRow("example (e): the pool is denied by deny-p2s on 3128 too")
        << example("seed-nsg-blocks-pool")
        << QStringList{QStringLiteral("--port"), QStringLiteral("3128")} << 1 << 50000
        << "deny-p2s" << "NSG nsg-subnet-b (Spoke-Vnet-b/Subnet-b) inbound: deny-p2s (100) Deny";
    QTest::newRow("TC-N17: 3128 admitted by allow-p2s-proxy")
        << seedNsg << QStringList{QStringLiteral("--port"), QStringLiteral("3128")} << 0 << 50000
        << "allow-p2s-proxy"
        << "NSG nsg-subnet-b (Spoke-Vnet-b/Subnet-b) inbound: allow-p2s-proxy (100) Allow";
    QTest::newRow("TC-N17: 22 denied by deny-all-inbound")
        << seedNsg << QStringList{QStringLiteral("--port"), QStringLiteral("22")} << 1 << 50000
        << "deny-all-inbound"
        << "NSG nsg-subnet-b (Spoke-Vnet-b/Subnet-b) inbound: deny-all-inbound (4096) Deny";
    QTest::newRow("--source-port 61000 meets deny-high-source-ports")
        << seedNsg << QStringList{QStringLiteral("--port"), QStringLiteral("3128"),
                       QStringLiteral("--source-port"), QStringLiteral("61000")}
        << 1 << 61000 << "deny-high-source-ports"
        << "NSG nsg-subnet-b (Spoke-Vnet-b/Subnet-b) inbound: deny-high-source-ports (90) Deny";
}

void TestCli::traceNsg()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(int, sourcePort);
    QFETCH(QString, rule);
    QFETCH(QString, textLine);
    const QStringList base{QStringLiteral("trace"), file,
                           QStringLiteral("--from"), QStringLiteral("remote-pc"),
                           QStringLiteral("--to"), QStringLiteral("proxy")};
    const Run json = hopscope(base + options + QStringList{QStringLiteral("--json")});
    QCOMPARE(json.exitCode, exitCode);
    const QJsonObject o = json.json();
    QCOMPARE(o[QStringLiteral("sourcePort")].toInt(), sourcePort);
    const QJsonArray hops = o[QStringLiteral("forward")][QStringLiteral("hops")].toArray();
    const QJsonObject inbound =
        hops.last()[QStringLiteral("nsg")][QStringLiteral("inbound")].toObject();
    const QJsonObject evaluated =
        inbound[QStringLiteral("evaluatedNetworkSecurityGroups")][0].toObject();
    QCOMPARE(evaluated[QStringLiteral("networkSecurityGroup")].toString(),
             QStringLiteral("nsg-subnet-b"));
    QCOMPARE(evaluated[QStringLiteral("appliedTo")].toString(),
             QStringLiteral("Spoke-Vnet-b/Subnet-b"));
    QCOMPARE(evaluated[QStringLiteral("matchedRule")][QStringLiteral("ruleName")].toString(), rule);
    QCOMPARE(evaluated[QStringLiteral("matchedRule")][QStringLiteral("default")].toBool(true),
             false);
    if (exitCode == 1) {
        QCOMPARE(o[QStringLiteral("forward")][QStringLiteral("reason")].toString(),
                 QStringLiteral("nsg-denied"));
        QVERIFY(hops.last()[QStringLiteral("route")].isNull());
        QCOMPARE(inbound[QStringLiteral("verdict")].toString(), QStringLiteral("Deny"));
    } else {
        const QJsonObject replyStart = o[QStringLiteral("return")][QStringLiteral("hops")][0]
                                           [QStringLiteral("nsg")][QStringLiteral("outbound")]
                                               .toObject();
        QCOMPARE(replyStart[QStringLiteral("byState")].toBool(), true);
    }

    const Run text = hopscope(base + options);
    QCOMPARE(text.exitCode, exitCode);
    const QString output = QString::fromUtf8(text.out);
    QVERIFY2(output.contains(textLine), qPrintable(output));
    QCOMPARE(output.contains(QStringLiteral("NSG: allowed by flow state")), exitCode == 0);
}

void TestCli::routes()
{
    const Run run = hopscope({QStringLiteral("routes"), example("seed-as-written"),
                              QStringLiteral("Spoke-Vnet-b/Subnet-b"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = run.json();
    QCOMPARE(o[QStringLiteral("subnet")].toString(), QStringLiteral("Spoke-Vnet-b/Subnet-b"));
    QStringList lines;
    for (const QJsonValue &r : o[QStringLiteral("routes")].toArray())
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(r[QStringLiteral("addressPrefix")].toString(),
                          r[QStringLiteral("source")].toString(),
                          r[QStringLiteral("nextHopType")].toString(),
                          r[QStringLiteral("state")].toString());
    QCOMPARE(lines, QStringList({QStringLiteral("172.16.16.0/24 User VirtualAppliance Active"),
                                 QStringLiteral("10.0.0.0/16 Default VNetPeering Active"),
                                 QStringLiteral("10.2.0.0/16 Default VnetLocal Active"),
                                 QStringLiteral("0.0.0.0/0 User Internet Active"),
                                 QStringLiteral("0.0.0.0/0 Default Internet Invalid")}));
}

void TestCli::checkExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("errors"); // codes that must be there; empty: no error at all
    QTest::newRow("example (a) as written: the bugs of the note")
        << example("seed-as-written") << 1
        << QStringList{QStringLiteral("next-hop-unowned"),
                       QStringLiteral("firewall-subnet-default-route"),
                       QStringLiteral("vpn-pool-unreachable")};
    QTest::newRow("example (c) as Azure supports it: no error") << example("seed-supported") << 0
                                                                << QStringList();
    QTest::newRow("example (d) classic hub: no error") << example("classic-hub") << 0
                                                       << QStringList();
    QTest::newRow("example (e) pool blocked by an NSG: the intent fails")
        << example("seed-nsg-blocks-pool") << 1
        << QStringList{QStringLiteral("intent-violated")};
}

void TestCli::checkExamples()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QStringList, errors);
    const Run run = hopscope({QStringLiteral("check"), file, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject o = run.json();
    const QStringList found = codes(o, QStringLiteral("error"));
    if (errors.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u' ')));
    for (const QString &code : errors)
        QVERIFY2(found.contains(code), qPrintable(code));
    QCOMPARE(o[QStringLiteral("summary")][QStringLiteral("errors")].toInt(), int(found.size()));
    if (errors.contains(QStringLiteral("next-hop-unowned"))) {
        QVERIFY(codes(o, QStringLiteral("warning"))
                    .contains(QStringLiteral("gateway-subnet-default-route")));
        for (const QJsonValue &f : o[QStringLiteral("findings")].toArray())
            if (f[QStringLiteral("code")].toString() == u"next-hop-unowned")
                QVERIFY(f[QStringLiteral("message")].toString().contains(
                    QStringLiteral("10.2.1.4")));
    }
}

void TestCli::unusableInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("stderrPhrase");
    QTest::newRow("missing file") << QStringList{QStringLiteral("check"),
                                                 QStringLiteral("/nonexistent/x.yaml")}
                                  << "/nonexistent/x.yaml";
    QTest::newRow("unknown end point names itself")
        << QStringList{QStringLiteral("trace"), example("seed-as-written"),
                       QStringLiteral("--from"), QStringLiteral("remote-pc"),
                       QStringLiteral("--to"), QStringLiteral("nosuchvm")}
        << "unknown end point 'nosuchvm'";
    QTest::newRow("unknown subnet in routes")
        << QStringList{QStringLiteral("routes"), example("seed-as-written"),
                       QStringLiteral("Nope/Nope")}
        << "unknown subnet 'Nope/Nope'";
    QTest::newRow("bad port") << QStringList{QStringLiteral("trace"), example("seed-as-written"),
                                             QStringLiteral("--from"), QStringLiteral("remote-pc"),
                                             QStringLiteral("--to"), QStringLiteral("proxy"),
                                             QStringLiteral("--port"), QStringLiteral("http")}
                              << "--port must be a number";
    QTest::newRow("source port out of range")
        << QStringList{QStringLiteral("trace"), example("seed-as-written"),
                       QStringLiteral("--from"), QStringLiteral("remote-pc"),
                       QStringLiteral("--to"), QStringLiteral("proxy"),
                       QStringLiteral("--source-port"), QStringLiteral("70000")}
        << "--source-port must be a number from 0 to 65535, not '70000'";
    QTest::newRow("missing --to") << QStringList{QStringLiteral("trace"),
                                                 example("seed-as-written"),
                                                 QStringLiteral("--from"),
                                                 QStringLiteral("remote-pc")}
                                  << "--from A and --to B";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << "hopscope --help";
}

void TestCli::unusableInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, stderrPhrase);
    const Run run = hopscope(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(stderrPhrase), run.err.constData());
}

void TestCli::loadErrorIsPositioned()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typo.hopscope.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("hopscope: 1\nname: x\nvnets:\n  - name: V\n    addressSpace: [10.0.0.0/16]\n"
            "    subnets:\n      - {name: S, adressPrefix: 10.0.0.0/24}\n");
    f.close();
    const Run run = hopscope({QStringLiteral("check"), path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QByteArray(path.toUtf8() + ":7:")), run.err.constData());
    QVERIFY2(run.err.contains("unknown key 'adressPrefix'"), run.err.constData());
}

void TestCli::proxyRules_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("line");
    QTest::newRow("VPN pool client, CONNECT 443: allow localnet")
        << "172.16.16.2" << "www.google.com:443" << "CONNECT" << 0 << 47;
    QTest::newRow("VPN pool client, CONNECT 22: deny !Safe_ports")
        << "172.16.16.2" << "example.com:22" << "CONNECT" << 1 << 31;
    QTest::newRow("outsider 203.0.113.5: allow all (open proxy)")
        << "203.0.113.5" << "www.google.com:443" << "CONNECT" << 0 << 51;
}

void TestCli::proxyRules()
{
    QFETCH(QString, client);
    QFETCH(QString, to);
    QFETCH(QString, method);
    QFETCH(int, exitCode);
    QFETCH(int, line);
    const Run run = hopscope({QStringLiteral("proxy-rules"), data("squid/squid.conf"),
                              QStringLiteral("--client"), client, QStringLiteral("--to"), to,
                              QStringLiteral("--method"), method, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, exitCode);
    const QJsonObject o = run.json();
    QCOMPARE(o[QStringLiteral("verdict")].toString(),
             exitCode == 0 ? QStringLiteral("allow") : QStringLiteral("deny"));
    QCOMPARE(o[QStringLiteral("rule")][QStringLiteral("line")].toInt(), line);
    QCOMPARE(o[QStringLiteral("implicit")].toBool(), false);
}

void TestCli::proxyLog()
{
    const Run run = hopscope({QStringLiteral("proxy-log"), data("squid/access.log"),
                              QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = run.json();
    QCOMPARE(o[QStringLiteral("records")].toInt(), 46);
    QCOMPARE(o[QStringLiteral("skipped")].toInt(), 0);
    QCOMPARE(o[QStringLiteral("topDestinationsByBytes")][0][QStringLiteral("host")].toString(),
             QStringLiteral("assets.nflxext.com"));
}

void TestCli::versionAndHelp()
{
    const Run version = hopscope({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("hopscope "));
    const Run help = hopscope({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("hopscope trace"));
}

// `import` and `routes --compare` (import.md §1, §9): exit codes, what is written, stdout.
// {DATA} is tests/data, {TMP} a fresh directory; `edited.json` in it is the proxy NIC's
// effective routes with the user route's next hop changed to 10.0.1.5.
void TestCli::importAndCompare_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("written"); // a file that must exist afterwards, or ""
    QTest::addColumn<QByteArray>("stdoutPhrase");

    const QString arg = QStringLiteral("{DATA}/import/seed-lab.arg.json");
    const QString eff = QStringLiteral("{DATA}/import/proxy-nic.effective-routes.json");
    const QString expected = QStringLiteral("{DATA}/import/seed-lab.expected.hopscope.yaml");
    QTest::newRow("import: the seed lab is written")
        << QStringList{QStringLiteral("import"), arg, QStringLiteral("-o"),
                       QStringLiteral("{TMP}/lab.hopscope.yaml")}
        << 0 << QStringLiteral("{TMP}/lab.hopscope.yaml") << QByteArray("note public-ip-not-needed");
    QTest::newRow("import --json --report: the report on stdout and in a file")
        << QStringList{QStringLiteral("import"), arg, QStringLiteral("-o"),
                       QStringLiteral("{TMP}/lab.hopscope.yaml"), QStringLiteral("--json"),
                       QStringLiteral("--report"), QStringLiteral("{TMP}/report.json")}
        << 0 << QStringLiteral("{TMP}/report.json") << QByteArray("\"localNetworks\": 1");
    QTest::newRow("import: garbage is unusable input")
        << QStringList{QStringLiteral("import"), QStringLiteral("{DATA}/squid/squid.conf"),
                       QStringLiteral("-o"), QStringLiteral("{TMP}/x.hopscope.yaml")}
        << 2 << QString() << QByteArray();
    QTest::newRow("import: an effective route table is refused")
        << QStringList{QStringLiteral("import"), eff, QStringLiteral("-o"),
                       QStringLiteral("{TMP}/x.hopscope.yaml")}
        << 2 << QString() << QByteArray();
    QTest::newRow("import: no -o")
        << QStringList{QStringLiteral("import"), arg} << 2 << QString() << QByteArray();
    QTest::newRow("import: OUT cannot be written")
        << QStringList{QStringLiteral("import"), arg, QStringLiteral("-o"),
                       QStringLiteral("{TMP}/no/such/dir/x.hopscope.yaml")}
        << 2 << QString() << QByteArray();
    QTest::newRow("routes --compare: ground truth agrees")
        << QStringList{QStringLiteral("routes"), expected, QStringLiteral("Spoke-Vnet-b/Subnet-b"),
                       QStringLiteral("--compare"), eff}
        << 0 << QString() << QByteArray("No difference.");
    QTest::newRow("routes --compare: a VM names its subnet, --json")
        << QStringList{QStringLiteral("routes"), expected, QStringLiteral("proxy"),
                       QStringLiteral("--compare"), eff, QStringLiteral("--json")}
        << 0 << QString() << QByteArray("\"errors\": 0");
    QTest::newRow("routes --compare: an edited next hop is named, exit 1")
        << QStringList{QStringLiteral("routes"), expected, QStringLiteral("proxy"),
                       QStringLiteral("--compare"), QStringLiteral("{TMP}/edited.json")}
        << 1 << QString() << QByteArray("[next-hop-ip-differs]");
    QTest::newRow("routes --compare: a Resource Graph answer is unreadable")
        << QStringList{QStringLiteral("routes"), expected, QStringLiteral("proxy"),
                       QStringLiteral("--compare"), arg}
        << 2 << QString() << QByteArray();
}

void TestCli::importAndCompare()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, written);
    QFETCH(QByteArray, stdoutPhrase);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QFile source(data("import/proxy-nic.effective-routes.json"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile edited(tmp.filePath(QStringLiteral("edited.json")));
    QVERIFY(edited.open(QIODevice::WriteOnly));
    edited.write(source.readAll().replace("\"10.0.1.4\"", "\"10.0.1.5\""));
    edited.close();
    for (QString &a : arguments)
        a.replace(QStringLiteral("{DATA}"), QStringLiteral(HOPSCOPE_TEST_DATA_DIR))
            .replace(QStringLiteral("{TMP}"), tmp.path());
    written.replace(QStringLiteral("{TMP}"), tmp.path());
    const Run run = hopscope(arguments);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    if (exitCode == 2) {
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("x.hopscope.yaml"))));
    }
    if (!written.isEmpty())
        QVERIFY(QFile::exists(written));
    QVERIFY2(run.out.contains(stdoutPhrase), run.out.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
