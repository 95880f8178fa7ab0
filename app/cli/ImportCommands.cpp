#include "cli/ImportCommands.h"

#include "cli/Commands.h"
#include "cli/TextTable.h"
#include "import/EstateImport.h"
#include "import/RouteComparison.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "routing/EffectiveRoutes.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace hopscope::cli {

namespace {

QJsonValue orNull(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

// A row in the `routes --json` shape (cli.md), for either side of a difference.
QJsonObject rowJson(const routing::EffectiveRoute &r)
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

QJsonObject rowJson(const importing::AzureRoute &r)
{
    return {{QStringLiteral("source"), r.source},
            {QStringLiteral("state"), r.state},
            {QStringLiteral("addressPrefix"), r.addressPrefix.toString()},
            {QStringLiteral("nextHopType"), r.nextHopType},
            {QStringLiteral("nextHopIpAddress"),
             r.nextHopIpAddress ? QJsonValue(r.nextHopIpAddress->toString()) : QJsonValue()},
            {QStringLiteral("routeTable"), QJsonValue()},
            {QStringLiteral("routeName"), orNull(r.name)}};
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

int runImport(const QStringList &arguments)
{
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, {},
                                    QStringLiteral("OUT"));
    const QCommandLineOption previous(QStringLiteral("previous"), {}, QStringLiteral("OLD"));
    const QCommandLineOption report(QStringLiteral("report"), {}, QStringLiteral("R"));
    const QCommandLineOption json(QStringLiteral("json"), {});
    const QCommandLineOption subscription(QStringLiteral("subscription-id"), {},
                                          QStringLiteral("ID"));
    const QCommandLineOption group(QStringLiteral("resource-group"), {}, QStringLiteral("RG"));
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({output, previous, report, json, subscription, group});
    if (!parser.parse(QStringList{QStringLiteral("hopscope")} + arguments))
        return usageError(parser.errorText());
    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty())
        return usageError(QStringLiteral("import takes one or more JSON files"));
    if (!parser.isSet(output))
        return usageError(QStringLiteral("import needs -o OUT.hopscope.yaml"));

    importing::ImportOptions options;
    if (parser.isSet(subscription))
        options.templates.subscriptionId = parser.value(subscription);
    if (parser.isSet(group))
        options.templates.resourceGroup = parser.value(group);
    std::optional<model::Design> old;
    if (parser.isSet(previous)) {
        io::LoadResult loaded = io::readDesignFile(parser.value(previous));
        for (const io::LoadError &e : loaded.errors)
            err() << e.toString() << '\n';
        if (!loaded.design) {
            err().flush();
            return UnusableInput;
        }
        old = std::move(loaded.design);
        options.previous = &*old;
    }

    std::vector<importing::InputFile> files;
    QStringList problems;
    for (const QString &path : inputs) {
        QFile file(path);
        if (QFileInfo(path).size() > importing::maxImportFileBytes) {
            problems << QStringLiteral("%1: larger than %2 MiB: not read")
                            .arg(path)
                            .arg(importing::maxImportFileBytes >> 20);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            problems << QStringLiteral("%1: %2").arg(path, file.errorString());
            continue;
        }
        files.push_back({path, file.readAll()});
    }
    for (const QString &p : problems)
        err() << p << '\n';
    if (files.empty()) {
        err().flush();
        return UnusableInput;
    }
    const importing::ImportResult result = importing::importEstate(files, options);
    if (!result.errors.isEmpty() || !result.design) {
        for (const QString &e : result.errors)
            err() << e << '\n';
        for (const importing::SkippedResource &s : result.report.skipped)
            if (s.reason == u"unreadable")
                err() << s.path << ": " << s.detail << '\n';
        err().flush();
        return UnusableInput;
    }
    QString error;
    if (!io::saveDesignFile(*result.design, parser.value(output), &error)) {
        err() << parser.value(output) << ": " << error << '\n';
        err().flush();
        return UnusableInput;
    }
    const QJsonObject reportJson = importing::reportToJson(result.report, parser.value(output));
    if (parser.isSet(report) &&
        !writeAtomically(parser.value(report),
                         QJsonDocument(reportJson).toJson(QJsonDocument::Indented), &error)) {
        err() << parser.value(report) << ": " << error << '\n';
        err().flush();
        return UnusableInput;
    }
    if (parser.isSet(json)) {
        out() << QJsonDocument(reportJson).toJson(QJsonDocument::Indented);
    } else {
        QStringList counts;
        for (const auto &[key, value] : result.report.counts)
            counts << QStringLiteral("%1 %2").arg(value).arg(key);
        out() << "Wrote " << parser.value(output) << ": " << counts.join(QStringLiteral(", "))
              << '\n';
        for (const QString &line : importing::reportLines(result.report))
            out() << line << '\n';
    }
    out().flush();
    return Success;
}

int runRoutesCompare(const model::Network &network, int subnet, const QString &effectiveFile,
                     bool json)
{
    QFile file(effectiveFile);
    QString error;
    QStringList notes;
    std::optional<std::vector<importing::AzureRoute>> azure;
    if (!file.open(QIODevice::ReadOnly))
        error = file.errorString();
    else if (file.size() > importing::maxImportFileBytes)
        error = QStringLiteral("too large for an effective route table");
    else
        azure = importing::readEffectiveRoutes(file.readAll(), &error, &notes);
    if (!azure) {
        err() << effectiveFile << ": " << error << '\n';
        err().flush();
        return UnusableInput;
    }
    const routing::EffectiveRoutes routes(network);
    const auto &table = routes.forSubnet(subnet);
    const importing::RouteComparison comparison =
        importing::compareEffectiveRoutes(*azure, table.routes());
    const QString subnetName = network.subnets()[subnet].qualifiedName;
    if (json) {
        QJsonArray differences;
        for (const importing::RouteDifference &d : comparison.differences)
            differences.append(QJsonObject{
                {QStringLiteral("kind"), d.kind},
                {QStringLiteral("severity"), importing::toString(d.severity)},
                {QStringLiteral("addressPrefix"), d.addressPrefix.toString()},
                {QStringLiteral("source"), d.source},
                {QStringLiteral("nextHopType"), d.nextHopType},
                {QStringLiteral("azure"), d.azure ? QJsonValue(rowJson(*d.azure)) : QJsonValue()},
                {QStringLiteral("hopscope"),
                 d.hopscope ? QJsonValue(rowJson(*d.hopscope)) : QJsonValue()},
                {QStringLiteral("message"), d.message}});
        out() << QJsonDocument(
                     QJsonObject{
                         {QStringLiteral("subnet"), subnetName},
                         {QStringLiteral("compared"),
                          QJsonObject{{QStringLiteral("azure"), comparison.azureRows},
                                      {QStringLiteral("hopscope"), comparison.hopscopeRows}}},
                         {QStringLiteral("differences"), differences},
                         {QStringLiteral("summary"),
                          QJsonObject{{QStringLiteral("errors"), comparison.errors},
                                      {QStringLiteral("warnings"), comparison.warnings},
                                      {QStringLiteral("infos"), comparison.infos}}}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << "Effective routes of " << subnetName << " compared with " << effectiveFile
              << ": " << comparison.azureRows << " Azure row(s), " << comparison.hopscopeRows
              << " Hopscope row(s)\n";
        for (const QString &n : notes)
            out() << "note: " << n << '\n';
        if (comparison.differences.empty()) {
            out() << "No difference.\n";
        } else {
            out() << comparison.errors << " error(s), " << comparison.warnings << " warning(s), "
                  << comparison.infos << " info(s)\n\n";
            for (const importing::RouteDifference &d : comparison.differences)
                out() << importing::toString(d.severity) << " [" << d.kind << "] "
                      << d.message << '\n';
        }
    }
    out().flush();
    return comparison.errors > 0 ? AnswerIsNo : Success;
}

} // namespace hopscope::cli
