// `hopscope export FILE -o OUT.svg|OUT.png [--trace A B [--port N] [--protocol P]]
//                  [--scale N] [--transparent]` (cli.md `export`).

#include "cli/Commands.h"

#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "export/DiagramExporter.h"
#include "path/PathOverlay.h"
#include "io/DesignReader.h"
#include "model/Network.h"
#include "routing/EffectiveRoutes.h"
#include "routing/Trace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <optional>

namespace hopscope::cli {

namespace {

constexpr int success = 0;
constexpr int unusableInput = 2;

struct ExportRequest
{
    QString designFile;
    QString output;
    gui::ExportOptions options;
    std::optional<routing::TraceRequest> trace;
};

// Parses the words after `export`. Every problem found is one line in `problems`.
std::optional<ExportRequest> parseExportArguments(QStringList arguments, QStringList *problems)
{
    ExportRequest request;
    // --trace takes two words, which QCommandLineParser cannot express: take them out first.
    std::optional<std::pair<QString, QString>> traceEnds;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments[i];
        if (word != u"--trace" && word != u"-trace")
            continue;
        if (i + 2 >= arguments.size() || arguments[i + 1].startsWith(u'-') ||
            arguments[i + 2].startsWith(u'-')) {
            *problems << QStringLiteral("--trace takes two end points: --trace A B");
            arguments.remove(i, std::min<qsizetype>(arguments.size() - i, 1));
        } else {
            traceEnds = std::pair(arguments[i + 1], arguments[i + 2]);
            arguments.remove(i, 3);
        }
        break;
    }

    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, {},
                                    QStringLiteral("OUT"));
    const QCommandLineOption port(QStringLiteral("port"), {}, QStringLiteral("N"));
    const QCommandLineOption protocol(QStringLiteral("protocol"), {}, QStringLiteral("P"));
    const QCommandLineOption scale(QStringLiteral("scale"), {}, QStringLiteral("N"),
                                   QStringLiteral("1"));
    const QCommandLineOption transparent(QStringLiteral("transparent"), {});
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({output, port, protocol, scale, transparent});
    if (!parser.parse(QStringList{QStringLiteral("hopscope")} + arguments)) {
        *problems << parser.errorText();
        return std::nullopt;
    }

    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        *problems << QStringLiteral("export takes one design file, not %1").arg(files.size());
    else
        request.designFile = files.front();

    request.output = parser.value(output);
    if (request.output.isEmpty()) {
        *problems << QStringLiteral("export needs -o OUT.svg or -o OUT.png");
    } else if (const auto format = gui::exportFormatFor(request.output)) {
        request.options.format = *format;
    } else {
        *problems << QStringLiteral("%1: unknown format; the output must end in .svg or .png")
                         .arg(request.output);
    }

    bool scaleOk = false;
    request.options.scale = parser.value(scale).toDouble(&scaleOk);
    if (!scaleOk || request.options.scale <= 0 || request.options.scale > 8)
        *problems << QStringLiteral("--scale must be a number above 0 and at most 8, not '%1'")
                         .arg(parser.value(scale));
    request.options.transparent = parser.isSet(transparent);

    if (traceEnds) {
        routing::TraceRequest trace{traceEnds->first, traceEnds->second};
        if (parser.isSet(port)) {
            if (const std::optional<int> number = portOption(parser.value(port)))
                trace.port = *number;
            else
                *problems << QStringLiteral("--port must be a number from 0 to 65535, not '%1'")
                                 .arg(parser.value(port));
        }
        if (parser.isSet(protocol)) {
            const std::optional<model::Protocol> proto = protocolOption(parser.value(protocol));
            if (proto)
                trace.protocol = *proto;
            else
                *problems << QStringLiteral("--protocol must be Tcp, Udp or Icmp, not '%1'")
                                 .arg(parser.value(protocol));
        }
        request.trace = trace;
    } else if (parser.isSet(port) || parser.isSet(protocol)) {
        *problems << QStringLiteral("--port and --protocol belong to --trace A B");
    }

    if (!problems->isEmpty())
        return std::nullopt;
    return request;
}

} // namespace

int runExport(int argc, char **argv, const QStringList &arguments)
{
    // cli.md: a drawing subcommand runs on the offscreen platform whatever the environment says,
    // so that it needs no display. The scene needs a QApplication, not a QGuiApplication.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream err(stderr);

    QStringList problems;
    const std::optional<ExportRequest> request = parseExportArguments(arguments, &problems);
    if (!request) {
        for (const QString &p : std::as_const(problems))
            err << "hopscope: export: " << p << '\n';
        return unusableInput;
    }

    io::LoadResult loaded = io::readDesignFile(request->designFile);
    if (!loaded.errors.empty() || !loaded.design) {
        for (const io::LoadError &e : loaded.errors)
            err << e.toString() << '\n';
        if (loaded.errors.empty())
            err << request->designFile << ": cannot be loaded\n";
        return unusableInput;
    }

    gui::DesignDocument document;
    document.resetDesign(*loaded.design, request->designFile);
    gui::DesignScene scene(&document);

    if (request->trace) {
        const model::Network network(document.design());
        const routing::EffectiveRoutes routes(network);
        const routing::Tracer tracer(routes);
        QString error;
        const std::optional<routing::TraceResult> result = tracer.trace(*request->trace, &error);
        if (!result) {
            err << request->designFile << ": " << error << '\n';
            return unusableInput;
        }
        auto *overlay = new gui::PathOverlay(&scene); // owned by the scene
        overlay->setTrace(*result, network);
    }

    QString error;
    if (!gui::exportDiagram(&scene, request->output, request->options, &error)) {
        err << "hopscope: export: " << error << '\n';
        return unusableInput;
    }
    return success;
}

} // namespace hopscope::cli
