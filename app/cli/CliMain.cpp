#include "cli/CliMain.h"

#include "analysis/Check.h"
#include "cli/Commands.h"
#include "cli/ImportCommands.h"
#include "cli/ProxyCommands.h"
#include "cli/TextTable.h"
#include "io/DesignReader.h"
#include "model/Network.h"
#include "proxy/ProxyConfigs.h"
#include "routing/Trace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace hopscope::cli {

namespace {

using routing::EffectiveRoute;
using routing::Hop;
using routing::Leg;
using routing::Walk;

const char *const usageText =
    "Usage:\n"
    "  hopscope [FILE]                                   open the app\n"
    "  hopscope check  FILE [--json]                     validate and analyse a design\n"
    "  hopscope routes FILE VNET/SUBNET|VM [--compare EFFECTIVE.json] [--json]\n"
    "                                                    effective routes of one subnet\n"
    "  hopscope trace  FILE --from A --to B [--port N] [--protocol Tcp|Udp|Icmp]\n"
    "                  [--source-port N] [--json]\n"
    "  hopscope export FILE -o OUT.svg|OUT.png [--trace A B [--port N] [--protocol P]]\n"
    "  hopscope proxy-rules SQUID.CONF --client IP --to HOST:PORT [--method M] [--json]\n"
    "  hopscope proxy-log ACCESS.LOG [--design FILE] [--json]\n"
    "  hopscope import INPUT... -o OUT.hopscope.yaml [--previous OLD] [--report R.json]\n"
    "                  [--json] [--subscription-id ID] [--resource-group RG]\n"
    "  hopscope --help | --version\n"
    "\n"
    "End points (A, B): a VM, firewall, P2S client or on-premises site name, VNET/SUBNET,\n"
    "Internet, or an IPv4 address. --port defaults to 443, --protocol to Tcp,\n"
    "--source-port to 50000.\n"
    "Exit status: 0 success, 1 the answer is no (check found errors, the connection fails),\n"
    "2 unusable input.\n";

// Loads a design or prints every load error (file:line:column) and returns nullopt.
std::optional<model::Design> loadOrReport(const QString &path)
{
    io::LoadResult result = io::readDesignFile(path);
    for (const io::LoadError &e : result.errors)
        err() << e.toString() << '\n';
    err().flush();
    if (!result.errors.empty() || !result.design)
        return std::nullopt;
    return std::move(result.design);
}

QJsonValue orNull(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

QJsonObject routeJson(const EffectiveRoute &r)
{
    return {{QStringLiteral("source"), routing::toString(r.source)},
            {QStringLiteral("state"), routing::toString(r.state)},
            {QStringLiteral("addressPrefix"), r.addressPrefix.toString()},
            {QStringLiteral("nextHopType"), routing::toString(r.nextHopType)},
            {QStringLiteral("nextHopIpAddress"),
             r.nextHopIpAddress ? QJsonValue(r.nextHopIpAddress->toString()) : QJsonValue()},
            {QStringLiteral("routeTable"), orNull(r.routeTable)},
            {QStringLiteral("routeName"), orNull(r.routeName)}};
}

QString directionWord(model::SecurityDirection direction)
{
    return direction == model::SecurityDirection::Inbound ? QStringLiteral("inbound")
                                                          : QStringLiteral("outbound");
}

// cli.md additions, nsg.md §5: one direction of a hop's `nsg`.
QJsonValue nsgVerdictJson(const std::optional<routing::NsgVerdict> &v)
{
    if (!v)
        return QJsonValue();
    QJsonArray evaluated;
    for (const routing::EvaluatedSecurityGroup &g : v->evaluatedGroups())
        evaluated.append(QJsonObject{
            {QStringLiteral("networkSecurityGroup"), g.networkSecurityGroup},
            {QStringLiteral("appliedTo"), g.appliedTo},
            {QStringLiteral("matchedRule"),
             QJsonObject{{QStringLiteral("ruleName"), g.ruleName},
                         {QStringLiteral("action"), model::toString(g.action)},
                         {QStringLiteral("priority"), g.priority},
                         {QStringLiteral("direction"), model::toString(g.direction)},
                         {QStringLiteral("default"), g.isDefault}}}});
    return QJsonObject{{QStringLiteral("verdict"), model::toString(v->verdict)},
                       {QStringLiteral("byState"), v->byState},
                       {QStringLiteral("platformExempt"), v->platformExempt},
                       {QStringLiteral("evaluatedNetworkSecurityGroups"), evaluated}};
}

QJsonValue nsgJson(const std::optional<routing::HopNsg> &nsg)
{
    if (!nsg)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("inbound"), nsgVerdictJson(nsg->inbound)},
                       {QStringLiteral("outbound"), nsgVerdictJson(nsg->outbound)}};
}

// cli.md additions: `NSG <name> (<appliedTo>) <direction>: <rule> (<priority>) <Allow|Deny>`
// per NSG evaluated, or `NSG: allowed by flow state`.
QStringList nsgLines(const std::optional<routing::HopNsg> &nsg)
{
    QStringList lines;
    if (!nsg)
        return lines;
    for (const auto *v : {&nsg->inbound, &nsg->outbound}) {
        if (!*v)
            continue;
        if ((*v)->byState) {
            lines << QStringLiteral("NSG: allowed by flow state");
            continue;
        }
        if ((*v)->platformExempt) {
            lines << QStringLiteral("NSG: platform address, not evaluated");
            continue;
        }
        for (const routing::EvaluatedSecurityGroup &g : (*v)->evaluatedGroups())
            lines << QStringLiteral("NSG %1 (%2) %3: %4 (%5) %6")
                         .arg(g.networkSecurityGroup, g.appliedTo, directionWord(g.direction),
                              g.ruleName)
                         .arg(g.priority)
                         .arg(model::toString(g.action));
    }
    return lines;
}

QJsonObject hopJson(const model::Network &network, const Hop &hop)
{
    const model::Device &d = network.devices()[hop.device];
    QJsonObject o{{QStringLiteral("device"), d.name},
                  {QStringLiteral("kind"), model::toString(d.kind)},
                  {QStringLiteral("ip"), d.ip ? QJsonValue(d.ip->toString()) : QJsonValue()},
                  {QStringLiteral("subnet"),
                   d.subnet >= 0 ? QJsonValue(network.subnets()[d.subnet].qualifiedName)
                                 : QJsonValue()},
                  {QStringLiteral("route"), hop.route ? QJsonValue(routeJson(*hop.route))
                                                      : QJsonValue()}};
    if (hop.rule) {
        QJsonObject rule{{QStringLiteral("name"), hop.rule->name},
                         {QStringLiteral("action"), model::toString(hop.rule->action)}};
        if (!hop.rule->file.isEmpty()) {
            rule.insert(QStringLiteral("file"), hop.rule->file);
            rule.insert(QStringLiteral("line"), hop.rule->line);
        }
        o.insert(QStringLiteral("rule"), rule);
    } else {
        o.insert(QStringLiteral("rule"), QJsonValue());
    }
    o.insert(QStringLiteral("nsg"), nsgJson(hop.nsg));
    return o;
}

QJsonObject walkJson(const model::Network &network, const Walk &walk)
{
    QJsonArray hops;
    for (const Hop &h : walk.hops)
        hops.append(hopJson(network, h));
    return {{QStringLiteral("verdict"), routing::toString(walk.verdict)},
            {QStringLiteral("reason"), walk.verdict == routing::WalkVerdict::Dropped
                                           ? QJsonValue(routing::toString(walk.reason))
                                           : QJsonValue()},
            {QStringLiteral("explanation"), orNull(walk.explanation)},
            {QStringLiteral("hops"), hops}};
}

QJsonArray deviceNames(const model::Network &network, const std::vector<int> &devices)
{
    QJsonArray names;
    for (int d : devices)
        names.append(network.devices()[d].name);
    return names;
}

QJsonObject endpointJson(const routing::Endpoint &e)
{
    return {{QStringLiteral("endpoint"), e.text}, {QStringLiteral("ip"), e.ip.toString()}};
}

QJsonObject connectionJson(const model::Network &network, const Leg &leg)
{
    return {{QStringLiteral("verdict"), leg.ok ? QStringLiteral("ok") : QStringLiteral("failed")},
            {QStringLiteral("reason"), leg.ok ? QJsonValue() : QJsonValue(toString(leg.reason))},
            {QStringLiteral("explanation"), orNull(leg.explanation)},
            {QStringLiteral("statefulDevices"),
             QJsonObject{{QStringLiteral("forward"),
                          deviceNames(network, leg.forward.statefulDevices)},
                         {QStringLiteral("return"),
                          leg.reply ? deviceNames(network, leg.reply->statefulDevices)
                                    : QJsonArray()}}}};
}

QJsonObject legJson(const model::Network &network, const Leg &leg)
{
    return {{QStringLiteral("from"), endpointJson(leg.from)},
            {QStringLiteral("to"), endpointJson(leg.to)},
            {QStringLiteral("protocol"), model::toString(leg.protocol)},
            {QStringLiteral("port"), leg.port},
            {QStringLiteral("sourcePort"), leg.sourcePort},
            {QStringLiteral("forward"), walkJson(network, leg.forward)},
            {QStringLiteral("return"),
             leg.reply ? QJsonValue(walkJson(network, *leg.reply)) : QJsonValue()},
            {QStringLiteral("connection"), connectionJson(network, leg)}};
}

QJsonObject findingJson(const analysis::Finding &f)
{
    QJsonObject o{{QStringLiteral("code"), f.code},
                  {QStringLiteral("severity"), analysis::toString(f.severity)},
                  {QStringLiteral("message"), f.message},
                  {QStringLiteral("objects"), QJsonArray::fromStringList(f.objects)}};
    if (f.trace)
        o.insert(QStringLiteral("trace"),
                 QJsonObject{{QStringLiteral("from"), f.trace->from},
                             {QStringLiteral("to"), f.trace->to},
                             {QStringLiteral("port"), f.trace->port},
                             {QStringLiteral("protocol"), model::toString(f.trace->protocol)}});
    else
        o.insert(QStringLiteral("trace"), QJsonValue());
    return o;
}

void printJson(const QJsonObject &o)
{
    out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    out().flush();
}

QString routeCell(const EffectiveRoute &r)
{
    QString s = r.addressPrefix.toString() + u' ' + routing::toString(r.source) + u' ' +
                routing::toString(r.nextHopType);
    if (r.nextHopIpAddress)
        s += u' ' + r.nextHopIpAddress->toString();
    if (r.isUser())
        s += QStringLiteral(" (%1/%2)").arg(r.routeTable, r.routeName);
    return s;
}

QString ruleCell(const routing::RuleDecision &rule)
{
    QString s = model::toString(rule.action) + u' ' + rule.name;
    if (!rule.file.isEmpty())
        s += QStringLiteral(" (%1:%2)").arg(QFileInfo(rule.file).fileName()).arg(rule.line);
    return s;
}

void printWalk(const model::Network &network, const QString &title, const Walk &walk)
{
    QString verdict = routing::toString(walk.verdict);
    if (walk.verdict == routing::WalkVerdict::Dropped)
        verdict += QStringLiteral(" (%1)").arg(routing::toString(walk.reason));
    out() << title << ": " << verdict << '\n';
    TextTable table({QStringLiteral("#"), QStringLiteral("device"), QStringLiteral("kind"),
                     QStringLiteral("subnet"), QStringLiteral("route used"),
                     QStringLiteral("rule")});
    int n = 1;
    for (const Hop &h : walk.hops) {
        const model::Device &d = network.devices()[h.device];
        const QString name =
            d.ip && d.kind != model::DeviceKind::Subnet ? QStringLiteral("%1 (%2)").arg(d.name,
                                                                          d.ip->toString())
                                                        : d.name;
        table.addRow({QString::number(n++), name, model::toString(d.kind),
                      d.subnet >= 0 && d.kind != model::DeviceKind::Subnet
                          ? network.subnets()[d.subnet].qualifiedName
                          : QStringLiteral("-"),
                      h.route ? routeCell(*h.route) : QStringLiteral("-"),
                      h.rule ? ruleCell(*h.rule) : QStringLiteral("-")});
        for (const QString &line : nsgLines(h.nsg))
            table.addNote(line);
    }
    table.print(out(), 2);
    if (!walk.explanation.isEmpty())
        out() << "  " << walk.explanation << '\n';
}

struct Parsed
{
    QStringList positional;
    QCommandLineParser parser;
};

// Parses `arguments` (the words after the subcommand) with `options`; prints the error and
// returns false on a bad command line.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                    const QList<QCommandLineOption> &options)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
    if (!parser.parse(QStringList{QStringLiteral("hopscope")} + arguments)) {
        usageError(parser.errorText());
        return false;
    }
    return true;
}

const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("JSON output"));

int runTrace(const QStringList &arguments)
{
    const QCommandLineOption from(QStringLiteral("from"), {}, QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to"), {}, QStringLiteral("B"));
    const QCommandLineOption port(QStringLiteral("port"), {}, QStringLiteral("N"),
                                  QStringLiteral("443"));
    const QCommandLineOption protocol(QStringLiteral("protocol"), {}, QStringLiteral("P"),
                                      QStringLiteral("Tcp"));
    const QCommandLineOption sourcePort(QStringLiteral("source-port"), {}, QStringLiteral("N"),
                                        QString::number(routing::policy::defaultSourcePort));
    QCommandLineParser parser;
    if (!parseArguments(parser, arguments, {from, to, port, protocol, sourcePort, jsonOption}))
        return UnusableInput;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(QStringLiteral("trace takes one design file"));
    if (!parser.isSet(from) || !parser.isSet(to))
        return usageError(QStringLiteral("trace needs --from A and --to B"));
    const std::optional<int> portNumber = portOption(parser.value(port));
    if (!portNumber)
        return usageError(QStringLiteral("--port must be a number from 0 to 65535, not '%1'")
                              .arg(parser.value(port)));
    const std::optional<model::Protocol> proto = protocolOption(parser.value(protocol));
    if (!proto)
        return usageError(QStringLiteral("--protocol must be Tcp, Udp or Icmp, not '%1'")
                              .arg(parser.value(protocol)));
    const std::optional<int> sourcePortNumber = portOption(parser.value(sourcePort));
    if (!sourcePortNumber)
        return usageError(
            QStringLiteral("--source-port must be a number from 0 to 65535, not '%1'")
                .arg(parser.value(sourcePort)));

    const auto design = loadOrReport(files.front());
    if (!design)
        return UnusableInput;
    const model::Network network(*design);
    const routing::EffectiveRoutes routes(network);
    const QString designDirectory = QFileInfo(files.front()).absolutePath();
    const proxy::ProxyConfigs proxies = proxy::ProxyConfigs::load(*design, designDirectory);
    const routing::Tracer tracer(routes, &proxies);
    QString error;
    const auto result = tracer.trace(
        {parser.value(from), parser.value(to), *portNumber, *proto, *sourcePortNumber}, &error);
    if (!result) {
        err() << files.front() << ": " << error << '\n';
        return UnusableInput;
    }
    const Leg &first = result->legs.front();

    // cli.md `warnings`: lint findings about objects on this path.
    QSet<QString> onPath;
    for (const Leg &leg : result->legs)
        for (const Walk *w : {&leg.forward, leg.reply ? &*leg.reply : nullptr})
            if (w)
                for (const Hop &h : w->hops) {
                    onPath.insert(network.devices()[h.device].name);
                    if (h.route && h.route->isUser())
                        onPath.insert(h.route->routeTable);
                }
    analysis::CheckOptions lintOnly;
    lintOnly.sweeps = false;
    lintOnly.designDirectory = designDirectory;
    std::vector<analysis::Finding> warnings;
    for (const analysis::Finding &f : analysis::checkDesign(*design, lintOnly).findings)
        for (const QString &o : f.objects)
            if (onPath.contains(o)) {
                warnings.push_back(f);
                break;
            }

    if (parser.isSet(jsonOption)) {
        QJsonArray legs;
        for (const Leg &leg : result->legs)
            legs.append(legJson(network, leg));
        QJsonArray warningArray;
        for (const analysis::Finding &f : warnings)
            warningArray.append(findingJson(f));
        const Leg *failing = &result->legs.back();
        for (const Leg &leg : result->legs)
            if (!leg.ok) {
                failing = &leg;
                break;
            }
        QJsonObject connection = connectionJson(network, *failing);
        connection.insert(QStringLiteral("verdict"),
                          result->ok ? QStringLiteral("ok") : QStringLiteral("failed"));
        connection.insert(QStringLiteral("statefulDevices"),
                          connectionJson(network, first)[QStringLiteral("statefulDevices")]);
        printJson({{QStringLiteral("from"), endpointJson(first.from)},
                   {QStringLiteral("to"), endpointJson(result->legs.back().to)},
                   {QStringLiteral("protocol"), model::toString(*proto)},
                   {QStringLiteral("port"), *portNumber},
                   {QStringLiteral("sourcePort"), *sourcePortNumber},
                   {QStringLiteral("forward"), walkJson(network, first.forward)},
                   {QStringLiteral("return"),
                    first.reply ? QJsonValue(walkJson(network, *first.reply)) : QJsonValue()},
                   {QStringLiteral("connection"), connection},
                   {QStringLiteral("legs"), legs},
                   {QStringLiteral("warnings"), warningArray}});
    } else {
        int legNumber = 1;
        for (const Leg &leg : result->legs) {
            out() << (result->legs.size() > 1 ? QStringLiteral("Leg %1: ").arg(legNumber++)
                                              : QStringLiteral("Trace "))
                  << leg.from.text << " (" << leg.from.ip.toString() << ") → " << leg.to.text
                  << " (" << leg.to.ip.toString() << "), " << model::toString(leg.protocol)
                  << " port " << leg.port << "\n\n";
            printWalk(network, QStringLiteral("Request"), leg.forward);
            out() << '\n';
            if (leg.reply) {
                printWalk(network, QStringLiteral("Reply"), *leg.reply);
                out() << '\n';
            }
            out() << "Connection: "
                  << (leg.ok ? QStringLiteral("ok")
                             : QStringLiteral("FAILED (%1): %2")
                                   .arg(toString(leg.reason), leg.explanation))
                  << "\n\n";
        }
        if (result->legs.size() > 1)
            out() << "Overall: " << (result->ok ? "ok" : "FAILED") << "\n\n";
        for (const analysis::Finding &f : warnings)
            out() << analysis::toString(f.severity) << " [" << f.code << "] " << f.message
                  << '\n';
        out().flush();
    }
    return result->ok ? Success : AnswerIsNo;
}

int runRoutes(const QStringList &arguments)
{
    const QCommandLineOption compare(QStringLiteral("compare"), {}, QStringLiteral("EFFECTIVE"));
    QCommandLineParser parser;
    if (!parseArguments(parser, arguments, {jsonOption, compare}))
        return UnusableInput;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usageError(QStringLiteral("routes takes a design file and a VNET/SUBNET or VM"));
    const auto design = loadOrReport(positional[0]);
    if (!design)
        return UnusableInput;
    const model::Network network(*design);
    int subnet = network.subnetIndex(positional[1]);
    if (subnet < 0 && design->vm(positional[1])) // cli.md additions: a VM stands for its subnet
        subnet = network.subnetIndex(design->vm(positional[1])->subnet);
    if (subnet >= 0 && parser.isSet(compare))
        return runRoutesCompare(network, subnet, parser.value(compare),
                                parser.isSet(jsonOption));
    if (subnet < 0) {
        err() << positional[0] << ": unknown subnet '" << positional[1]
              << "': give it as VNET/SUBNET or a VM name, e.g. "
              << (network.subnets().empty() ? QStringLiteral("Spoke/Subnet-1")
                                            : network.subnets().front().qualifiedName)
              << '\n';
        return UnusableInput;
    }
    const routing::EffectiveRoutes routes(network);
    const auto &table = routes.forSubnet(subnet);
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const EffectiveRoute &r : table.routes())
            array.append(routeJson(r));
        printJson({{QStringLiteral("subnet"), positional[1]}, {QStringLiteral("routes"), array}});
        return Success;
    }
    const model::RouteTable *attached = network.subnets()[subnet].routeTable;
    out() << "Effective routes of " << positional[1]
          << (attached ? QStringLiteral(" (route table %1)").arg(attached->name)
                       : QStringLiteral(" (no route table)"))
          << "\n\n";
    TextTable t({QStringLiteral("Source"), QStringLiteral("State"),
                 QStringLiteral("Address prefix"), QStringLiteral("Next hop type"),
                 QStringLiteral("Next hop IP"), QStringLiteral("Route table"),
                 QStringLiteral("Route name")});
    for (const EffectiveRoute &r : table.routes())
        t.addRow({routing::toString(r.source), routing::toString(r.state),
                  r.addressPrefix.toString(), routing::toString(r.nextHopType),
                  r.nextHopIpAddress ? r.nextHopIpAddress->toString() : QStringLiteral("-"),
                  r.routeTable.isEmpty() ? QStringLiteral("-") : r.routeTable,
                  r.routeName.isEmpty() ? QStringLiteral("-") : r.routeName});
    t.print(out(), 0);
    out().flush();
    return Success;
}

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseArguments(parser, arguments, {jsonOption}))
        return UnusableInput;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("check takes one design file"));
    const auto design = loadOrReport(positional[0]);
    if (!design)
        return UnusableInput;
    analysis::CheckOptions options;
    options.designDirectory = QFileInfo(positional[0]).absolutePath();
    const analysis::CheckReport report = analysis::checkDesign(*design, options);
    if (parser.isSet(jsonOption)) {
        QJsonArray findings;
        for (const analysis::Finding &f : report.findings)
            findings.append(findingJson(f));
        printJson({{QStringLiteral("findings"), findings},
                   {QStringLiteral("summary"),
                    QJsonObject{{QStringLiteral("errors"), report.errors},
                                {QStringLiteral("warnings"), report.warnings},
                                {QStringLiteral("infos"), report.infos}}}});
    } else {
        out() << positional[0] << ": " << report.errors << " error(s), " << report.warnings
              << " warning(s), " << report.infos << " info(s)\n";
        for (const analysis::Finding &f : report.findings) {
            out() << '\n'
                  << analysis::toString(f.severity) << " [" << f.code << "] " << f.message << '\n';
            if (!f.objects.isEmpty())
                out() << "  objects: " << f.objects.join(QStringLiteral(", ")) << '\n';
            if (f.trace)
                out() << "  path: hopscope trace " << positional[0] << " --from " << f.trace->from
                      << " --to " << f.trace->to << " --port " << f.trace->port << '\n';
        }
        out().flush();
    }
    return report.errors > 0 ? AnswerIsNo : Success;
}

const QStringList headlessCommands = {
    QStringLiteral("check"),       QStringLiteral("routes"),    QStringLiteral("trace"),
    QStringLiteral("export"),      QStringLiteral("proxy-rules"), QStringLiteral("proxy-log"),
    QStringLiteral("import"),
    QStringLiteral("--help"),      QStringLiteral("-h"),        QStringLiteral("--version"),
    QStringLiteral("-v"),          QStringLiteral("help")};

} // namespace

bool isHeadlessInvocation(const QStringList &arguments)
{
    return !arguments.isEmpty() && headlessCommands.contains(arguments.front());
}

int runHeadless(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = arguments.isEmpty() ? QString() : arguments.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out() << "hopscope " << HOPSCOPE_VERSION << '\n';
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out() << "Hopscope: design Azure hub-and-spoke networks and see where every packet "
                 "goes.\n\n"
              << usageText;
        return Success;
    }
    if (command == QLatin1String("export"))
        return runExport(argc, argv, arguments);

    QCoreApplication app(argc, argv);
    if (command == QLatin1String("trace"))
        return runTrace(arguments);
    if (command == QLatin1String("routes"))
        return runRoutes(arguments);
    if (command == QLatin1String("check"))
        return runCheck(arguments);
    if (command == QLatin1String("proxy-rules"))
        return runProxyRules(arguments);
    if (command == QLatin1String("proxy-log"))
        return runProxyLog(arguments);
    if (command == QLatin1String("import"))
        return runImport(arguments);
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace hopscope::cli
