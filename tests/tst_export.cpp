// The diagram export (issue 6, STYLE 9): DiagramExporter in process and `hopscope export`
// through QProcess with no display. Every SVG is read back with QXmlStreamReader, a real XML
// parser, never with patterns.

#include "SelectionIds.h"
#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "export/DiagramExporter.h"
#include "export/ExportDialog.h"
#include "MainWindow.h"
#include "io/DesignReader.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QRadioButton>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <functional>
#include <memory>

using namespace hopscope;
using namespace hopscope::gui;

namespace {

const QString svgNs = QStringLiteral("http://www.w3.org/2000/svg");

QString example(const QString &name)
{
    return QStringLiteral(HOPSCOPE_EXAMPLES_DIR "/") + name + QStringLiteral(".hopscope.yaml");
}

// What a test needs to know of an SVG file, read with a real parser.
struct SvgFacts
{
    QString error; // empty when the XML is well-formed
    QString rootName, rootNamespace, width, height, viewBox;
    QString title, desc; // the root's own <title>/<desc>
    QStringList texts;   // the content of every <text>
    QHash<QString, int> elements; // local name → count
    QSet<QString> fontFamilies;
    QStringList references; // every href value
    QSet<QString> paints;   // fill and stroke colours
    QStringList eventAttributes;
};

SvgFacts readSvg(const QByteArray &bytes)
{
    SvgFacts facts;
    QXmlStreamReader reader(bytes);
    QStringList open;
    QString text;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            const QString name = reader.name().toString();
            if (open.isEmpty()) {
                facts.rootName = name;
                facts.rootNamespace = reader.namespaceUri().toString();
                facts.width = reader.attributes().value(QStringLiteral("width")).toString();
                facts.height = reader.attributes().value(QStringLiteral("height")).toString();
                facts.viewBox = reader.attributes().value(QStringLiteral("viewBox")).toString();
            }
            ++facts.elements[name];
            for (const QXmlStreamAttribute &a : reader.attributes()) {
                if (a.name() == u"font-family")
                    facts.fontFamilies.insert(a.value().toString());
                if (a.name() == u"href")
                    facts.references << a.value().toString();
                if ((a.name() == u"fill" || a.name() == u"stroke") && a.value() != u"none")
                    facts.paints.insert(a.value().toString().toLower());
                if (a.name().startsWith(u"on"))
                    facts.eventAttributes << a.name().toString();
            }
            open << name;
            text.clear();
            break;
        }
        case QXmlStreamReader::Characters:
            text += reader.text();
            break;
        case QXmlStreamReader::EndElement: {
            const QString name = open.takeLast();
            if (name == u"text")
                facts.texts << text;
            if (open.size() == 1 && name == u"title")
                facts.title = text;
            if (open.size() == 1 && name == u"desc")
                facts.desc = text;
            text.clear();
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError())
        facts.error = QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
    return facts;
}

// A loaded design in a headless scene, as `hopscope export` builds it.
struct Loaded
{
    std::unique_ptr<DesignDocument> document;
    std::unique_ptr<DesignScene> scene;
};

Loaded load(const QString &path, const std::function<void(model::Design &)> &change = {})
{
    io::LoadResult result = io::readDesignFile(path);
    Loaded loaded;
    if (!result.design)
        return loaded;
    if (change)
        change(*result.design);
    loaded.document = std::make_unique<DesignDocument>();
    loaded.document->resetDesign(*result.design, path);
    loaded.scene = std::make_unique<DesignScene>(loaded.document.get());
    return loaded;
}

double pixelValue(const QString &length)
{
    QString number = length;
    if (!number.endsWith(u"px"))
        return -1;
    number.chop(2);
    bool ok = false;
    const double value = number.toDouble(&ok);
    return ok ? value : -1;
}

// Distinct colours of an image, sampled on a grid.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const int stepX = std::max(1, image.width() / 200), stepY = std::max(1, image.height() / 200);
    for (int y = 0; y < image.height(); y += stepY)
        for (int x = 0; x < image.width(); x += stepX)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

const char hostileName[] = "x</title><script>alert(1)</script> & co";

QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The program must choose the offscreen platform itself (cli.md): no display, no hint.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run runHopscope(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    process.start(QStringLiteral(HOPSCOPE_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void svgContract_data();
    void svgContract();
    void hostileDesignNameStaysText();
    void postProcessDropsWhatIsNotDiagram_data();
    void postProcessDropsWhatIsNotDiagram();
    void furnitureIsLeftOut();
    void selectionOnly();
    void png_data();
    void png();
    void cliExports_data();
    void cliExports();
    void cliTraceAddsThePath();
    void cliRejects_data();
    void cliRejects();
    void menuAndDialog();
};

void TestExport::svgContract_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("seed as written") << example(QStringLiteral("seed-as-written"))
                                     << QStringList{"HUB-Vnet-A", "Spoke-Vnet-a", "Spoke-Vnet-b",
                                                    "GatewaySubnet", "Subnet-b", "fw-hub", "fw-a",
                                                    "vpngw-a", "proxy", "remote-pc",
                                                    "tokyo-office", "Internet", "rt-b",
                                                    "10.2.0.0/24", "HUB", "SPOKE"};
    QTest::newRow("classic hub") << example(QStringLiteral("classic-hub"))
                                 << QStringList{"hub", "spoke1", "spoke2", "spoke3", "fw-hub",
                                                "vpngw-hub", "vm-spoke1", "vm-spoke2", "vm-spoke3",
                                                "laptop", "rt-spoke1", "Internet"};
    QTest::newRow("seed supported") << example(QStringLiteral("seed-supported"))
                                    << QStringList{"HUB-Vnet-A", "Spoke-Vnet-b", "proxy"};
}

void TestExport::svgContract()
{
    QFETCH(QString, file);
    QFETCH(QStringList, names);
    Loaded loaded = load(file);
    QVERIFY2(loaded.scene, qPrintable(file));
    QString error;
    const QByteArray bytes = renderSvg(loaded.scene.get(), ExportOptions{}, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    const SvgFacts svg = readSvg(bytes);

    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error)); // valid XML
    QCOMPARE(svg.rootName, QStringLiteral("svg"));
    QCOMPARE(svg.rootNamespace, svgNs);
    QCOMPARE(svg.title, loaded.document->design().name);
    QVERIFY(!svg.desc.trimmed().isEmpty());

    // Every name is the content of a real <text> element.
    for (const QString &name : std::as_const(names))
        QVERIFY2(svg.texts.contains(name),
                 qPrintable(QStringLiteral("no <text> holds '%1'; texts: %2")
                                .arg(name, svg.texts.join(QStringLiteral(" | ")))));

    // Vector shapes, icons included: paths, no raster images, nothing foreign.
    QVERIFY(svg.elements.value(QStringLiteral("path")) > 20);
    QCOMPARE(svg.elements.value(QStringLiteral("image")), 0);
    QCOMPARE(svg.elements.value(QStringLiteral("foreignObject")), 0);
    QCOMPARE(svg.elements.value(QStringLiteral("script")), 0);
    QVERIFY2(svg.eventAttributes.isEmpty(), qPrintable(svg.eventAttributes.join(u' ')));
    for (const QString &reference : std::as_const(svg.references))
        QVERIFY2(reference.startsWith(u'#') || reference.startsWith(u"data:"),
                 qPrintable(reference));

    // Sized in CSS pixels, the viewBox matching.
    const double width = pixelValue(svg.width), height = pixelValue(svg.height);
    QVERIFY2(width > 100 && height > 100, qPrintable(svg.width + u' ' + svg.height));
    const QStringList box = svg.viewBox.split(u' ', Qt::SkipEmptyParts);
    QCOMPARE(box.size(), 4);
    QCOMPARE(box[0].toDouble(), 0.0);
    QCOMPARE(box[1].toDouble(), 0.0);
    QCOMPARE(box[2].toDouble(), width);
    QCOMPARE(box[3].toDouble(), height);
    const QRectF source = exportSourceRect(loaded.scene.get(), ExportOptions{});
    QCOMPARE(width, source.width());
    QCOMPARE(height, source.height());

    // Fonts named as a face Debian ships, with a generic fallback.
    QVERIFY(!svg.fontFamilies.isEmpty());
    for (const QString &family : std::as_const(svg.fontFamilies)) {
        QVERIFY2(family.startsWith(u"'DejaVu Sans"), qPrintable(family));
        QVERIFY2(family.endsWith(u", sans-serif") || family.endsWith(u", monospace"),
                 qPrintable(family));
    }
}

void TestExport::hostileDesignNameStaysText()
{
    Loaded loaded = load(example(QStringLiteral("seed-as-written")),
                         [](model::Design &d) { d.name = QString::fromUtf8(hostileName); });
    QVERIFY(loaded.scene);
    QString error;
    const QByteArray bytes = renderSvg(loaded.scene.get(), ExportOptions{}, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    const SvgFacts svg = readSvg(bytes);
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.title, QString::fromUtf8(hostileName));
    QCOMPARE(svg.elements.value(QStringLiteral("script")), 0);
    QCOMPARE(svg.elements.value(QStringLiteral("title")), 1);
}

void TestExport::postProcessDropsWhatIsNotDiagram_data()
{
    QTest::addColumn<QByteArray>("generated");
    QTest::addColumn<QString>("unwanted"); // an element name or an attribute name
    const QByteArray head = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                            "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10mm\" "
                            "height=\"10mm\"><title>old</title><desc>old</desc>";
    const QByteArray tail = "<text x=\"1\" y=\"2\" font-family=\"Sans Serif\">kept</text></svg>";
    QTest::newRow("script element") << head + "<script>alert(1)</script>" + tail
                                    << QStringLiteral("script");
    QTest::newRow("foreign object")
        << head + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"
                  "</foreignObject>" + tail
        << QStringLiteral("foreignObject");
    QTest::newRow("event attribute") << head + "<g onload=\"alert(1)\"><rect/></g>" + tail
                                     << QStringLiteral("onload");
    QTest::newRow("external image")
        << head + "<image xlink:href=\"http://example.com/x.png\"/>" + tail
        << QStringLiteral("image");
    QTest::newRow("element of another namespace")
        << head + "<h:p xmlns:h=\"http://www.w3.org/1999/xhtml\">x</h:p>" + tail
        << QStringLiteral("p");
}

void TestExport::postProcessDropsWhatIsNotDiagram()
{
    QFETCH(QByteArray, generated);
    QFETCH(QString, unwanted);
    QString error;
    const QByteArray bytes = svg::postProcess(generated, QSizeF(40, 30), QStringLiteral("new & <b>"),
                                              QStringLiteral("d"), &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    const SvgFacts svg = readSvg(bytes);
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.elements.value(unwanted), 0);
    QVERIFY(!svg.eventAttributes.contains(unwanted));
    QCOMPARE(svg.title, QStringLiteral("new & <b>"));
    QCOMPARE(svg.elements.value(QStringLiteral("title")), 1);
    QCOMPARE(svg.texts, QStringList{QStringLiteral("kept")});
    QCOMPARE(svg.width, QStringLiteral("40px"));
    QCOMPARE(svg.viewBox, QStringLiteral("0 0 40 30"));
    QCOMPARE(svg.fontFamilies, QSet<QString>{svg::cssFontFamily(QStringLiteral("Sans Serif"))});
}

void TestExport::furnitureIsLeftOut()
{
    Loaded loaded = load(example(QStringLiteral("seed-as-written")));
    QVERIFY(loaded.scene);
    const QRectF source = exportSourceRect(loaded.scene.get(), ExportOptions{});
    ExportOptions options;
    options.format = ExportOptions::Format::Png;
    const QImage plain = renderImage(loaded.scene.get(), options);
    // A selection outline is furniture: selecting changes nothing in the export, and the
    // scene keeps its furniture and selection afterwards.
    loaded.scene->selectIds(idsOf({QStringLiteral("HUB-Vnet-A"), QStringLiteral("fw-hub")}));
    const QImage selected = renderImage(loaded.scene.get(), options);
    QVERIFY(!plain.isNull());
    QCOMPARE(selected, plain);
    QVERIFY(loaded.scene->furnitureVisible());
    QCOMPARE(loaded.scene->selectedIds().size(), 2);
    QCOMPARE(exportSourceRect(loaded.scene.get(), ExportOptions{}), source);
    // No grid and no canvas fill: the corner of a white PNG is white.
    QCOMPARE(plain.pixel(1, 1), qRgb(255, 255, 255));
}

void TestExport::selectionOnly()
{
    Loaded loaded = load(example(QStringLiteral("seed-as-written")));
    QVERIFY(loaded.scene);
    loaded.scene->selectIds(idsOf({QStringLiteral("Spoke-Vnet-b")}));
    ExportOptions options;
    options.selectionOnly = true;
    const SvgFacts svg = readSvg(renderSvg(loaded.scene.get(), options));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QVERIFY(svg.texts.contains(QStringLiteral("Spoke-Vnet-b")));
    QVERIFY(svg.texts.contains(QStringLiteral("proxy")));
    QVERIFY(!svg.texts.contains(QStringLiteral("HUB-Vnet-A")));
    QVERIFY(!svg.texts.contains(QStringLiteral("remote-pc")));
    QVERIFY(pixelValue(svg.width) <
            exportSourceRect(loaded.scene.get(), ExportOptions{}).width());
    // Nothing selected: a real error, no empty file.
    loaded.scene->clearSelection();
    QString error;
    QVERIFY(renderSvg(loaded.scene.get(), options, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("selection")));
}

void TestExport::png_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<bool>("transparent");
    QTest::newRow("1x white") << 1.0 << false;
    QTest::newRow("2x white") << 2.0 << false;
    QTest::newRow("1x transparent") << 1.0 << true;
    QTest::newRow("2x transparent") << 2.0 << true;
}

void TestExport::png()
{
    QFETCH(qreal, scale);
    QFETCH(bool, transparent);
    Loaded loaded = load(example(QStringLiteral("seed-as-written")));
    QVERIFY(loaded.scene);
    ExportOptions options;
    options.format = ExportOptions::Format::Png;
    options.scale = scale;
    options.transparent = transparent;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diagram.png"));
    QString error;
    QVERIFY2(exportDiagram(loaded.scene.get(), path, options, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    const QRectF source = exportSourceRect(loaded.scene.get(), options);
    QCOMPARE(image.width(), qRound(source.width() * scale));
    QCOMPARE(image.height(), qRound(source.height() * scale));
    const double ratio = double(image.width()) / image.height();
    const double expected = source.width() / source.height();
    QVERIFY2(std::abs(ratio / expected - 1) <= 0.02, qPrintable(QString::number(ratio)));
    QVERIFY2(distinctColours(image) >= 16, "the image is (nearly) blank");
    const QRgb corner = image.pixel(0, 0);
    if (transparent)
        QCOMPARE(qAlpha(corner), 0);
    else
        QCOMPARE(corner, qRgb(255, 255, 255));
}

void TestExport::cliExports_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("svg") << QStringLiteral("seed.svg") << QStringList{};
    QTest::newRow("png 1x white") << QStringLiteral("seed.png") << QStringList{};
    QTest::newRow("png 2x transparent")
        << QStringLiteral("seed@2x.PNG")
        << QStringList{QStringLiteral("--scale"), QStringLiteral("2"),
                       QStringLiteral("--transparent")};
}

void TestExport::cliExports()
{
    QFETCH(QString, output);
    QFETCH(QStringList, extra);
    QTemporaryDir dir;
    const QString out = dir.filePath(output);
    const Run run = runHopscope(QStringList{QStringLiteral("export"),
                                            example(QStringLiteral("seed-as-written")),
                                            QStringLiteral("-o"), out} +
                                extra);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.err.contains("hopscope"), run.err.constData()); // Qt's own notes may appear
    if (output.endsWith(u".svg")) {
        const SvgFacts svg = readSvg(readFile(out));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QVERIFY(svg.texts.contains(QStringLiteral("HUB-Vnet-A")));
        QCOMPARE(svg.elements.value(QStringLiteral("script")), 0);
        QCOMPARE(svg.elements.value(QStringLiteral("foreignObject")), 0);
        return;
    }
    const QImage image(out);
    QVERIFY(!image.isNull());
    QVERIFY(distinctColours(image) >= 16);
    Loaded loaded = load(example(QStringLiteral("seed-as-written")));
    const QRectF source = exportSourceRect(loaded.scene.get(), ExportOptions{});
    const double ratio = double(image.width()) / image.height();
    QVERIFY(std::abs(ratio / (source.width() / source.height()) - 1) <= 0.02);
    if (extra.contains(QStringLiteral("--transparent"))) {
        QCOMPARE(image.width(), qRound(source.width() * 2));
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    } else {
        QCOMPARE(image.width(), qRound(source.width()));
        QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255));
    }
}

void TestExport::cliTraceAddsThePath()
{
    QTemporaryDir dir;
    const QString plainPath = dir.filePath(QStringLiteral("plain.svg"));
    const QString tracedPath = dir.filePath(QStringLiteral("traced.svg"));
    const QString design = example(QStringLiteral("seed-as-written"));
    Run run = runHopscope({QStringLiteral("export"), design, QStringLiteral("-o"), plainPath});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runHopscope({QStringLiteral("export"), design, QStringLiteral("-o"), tracedPath,
                       QStringLiteral("--trace"), QStringLiteral("remote-pc"),
                       QStringLiteral("proxy"), QStringLiteral("--port"), QStringLiteral("3128")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const SvgFacts plain = readSvg(readFile(plainPath));
    const SvgFacts traced = readSvg(readFile(tracedPath));
    QVERIFY2(traced.error.isEmpty(), qPrintable(traced.error));
    QVERIFY2(traced.elements.value(QStringLiteral("path")) >
                 plain.elements.value(QStringLiteral("path")),
             "the traced export draws no more paths than the plain one");
    QVERIFY2(traced.paints.size() > plain.paints.size() ||
                 !(traced.paints - plain.paints).isEmpty(),
             "the overlay adds no colour of its own");
    QVERIFY(traced.desc.contains(QStringLiteral("trace")));
}

void TestExport::cliRejects_data()
{
    QTest::addColumn<QStringList>("arguments"); // OUT stands for a fresh output path
    QTest::addColumn<QString>("stderrMentions");
    const QString seed = example(QStringLiteral("seed-as-written"));
    QTest::newRow("unknown trace end point")
        << QStringList{seed, "-o", "OUT.svg", "--trace", "remote-pc", "no-such-vm"}
        << QStringLiteral("no-such-vm");
    QTest::newRow("load error with its position")
        << QStringList{"BAD.hopscope.yaml", "-o", "OUT.svg"}
        << QStringLiteral("BAD.hopscope.yaml:5:5: ");
    QTest::newRow("missing design file")
        << QStringList{"/nonexistent/design.hopscope.yaml", "-o", "OUT.svg"}
        << QStringLiteral("/nonexistent/design.hopscope.yaml");
    QTest::newRow("unwritable output") << QStringList{seed, "-o", "/proc/hopscope/x.svg"}
                                       << QStringLiteral("/proc/hopscope/x.svg");
    QTest::newRow("unknown format") << QStringList{seed, "-o", "OUT.pdf"}
                                    << QStringLiteral("unknown format");
    QTest::newRow("no output") << QStringList{seed} << QStringLiteral("-o");
    QTest::newRow("trace with one end point") << QStringList{seed, "-o", "OUT.svg", "--trace", "proxy"}
                                              << QStringLiteral("--trace");
    QTest::newRow("bad scale") << QStringList{seed, "-o", "OUT.png", "--scale", "zero"}
                               << QStringLiteral("--scale");
    QTest::newRow("bad protocol")
        << QStringList{seed, "-o", "OUT.svg", "--trace", "remote-pc", "proxy", "--protocol", "Sctp"}
        << QStringLiteral("Sctp");
}

void TestExport::cliRejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, stderrMentions);
    QTemporaryDir dir;
    QString written;
    for (QString &a : arguments) {
        if (a.startsWith(u"OUT.")) {
            a = dir.filePath(a);
            written = a;
        } else if (a == u"BAD.hopscope.yaml") { // a typo in a key, on line 5, column 5
            QFile bad(dir.filePath(a));
            QVERIFY(bad.open(QIODevice::WriteOnly));
            bad.write("hopscope: 1\nname: broken\nvnets:\n  - name: a\n    adressSpace: "
                      "[10.0.0.0/16]\n");
        }
    }
    QVERIFY(QDir::setCurrent(dir.path()));
    const Run run = runHopscope(QStringList{QStringLiteral("export")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(QString::fromLocal8Bit(run.err).contains(stderrMentions), run.err.constData());
    if (!written.isEmpty())
        QVERIFY2(!QFile::exists(written), "a failed export left a file behind");
}

void TestExport::menuAndDialog()
{
    MainWindow window;
    QAction *svgAction = window.action(QStringLiteral("actionExportSvg"));
    QAction *pngAction = window.action(QStringLiteral("actionExportPng"));
    QVERIFY(svgAction && pngAction);
    QVERIFY(!svgAction->associatedObjects().isEmpty()); // in the File menu

    ExportDialog png(ExportOptions::Format::Png, /*hasSelection=*/false, /*hasTrace=*/false);
    QVERIFY(!png.findChild<QRadioButton *>(QStringLiteral("exportSelection"))->isEnabled());
    QVERIFY(!png.findChild<QCheckBox *>(QStringLiteral("exportTrace"))->isEnabled());
    auto *scale = png.findChild<QComboBox *>(QStringLiteral("exportScale"));
    auto *background = png.findChild<QComboBox *>(QStringLiteral("exportBackground"));
    QVERIFY(scale && background);
    scale->setCurrentIndex(1);
    background->setCurrentIndex(1);
    ExportOptions options = png.options();
    QCOMPARE(options.format, ExportOptions::Format::Png);
    QCOMPARE(options.scale, 2.0);
    QVERIFY(options.transparent);
    QVERIFY(!options.selectionOnly);
    QVERIFY(!options.includeTrace);

    ExportDialog svgDialog(ExportOptions::Format::Svg, true, true);
    QVERIFY(!svgDialog.findChild<QComboBox *>(QStringLiteral("exportScale")));
    svgDialog.findChild<QRadioButton *>(QStringLiteral("exportSelection"))->setChecked(true);
    options = svgDialog.options();
    QVERIFY(options.selectionOnly);
    QVERIFY(options.includeTrace);
}

int main(int argc, char **argv)
{
    // Like the CLI: no display needed, whatever the environment.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestExport test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_export.moc"
