#include "export/DiagramExporter.h"

#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "path/PathOverlay.h"
#include "canvas/SceneItems.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontInfo>
#include <QGraphicsItem>
#include <QHash>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>
#include <vector>

// The icons are resources of the static hopscope_gui library, registered explicitly (outside
// any namespace, as Q_INIT_RESOURCE requires): the headless export opens no MainWindow, which
// would otherwise do it.
static void initHopscopeResourcesForExport()
{
    Q_INIT_RESOURCE(hopscope);
}

namespace hopscope::gui {

namespace {

void ensureResources()
{
    static const bool once = (initHopscopeResourcesForExport(), true);
    Q_UNUSED(once);
}

// CSS pixels: the scene's unit is one pixel at 96 dpi, as on a standard screen and in SVG.
constexpr int cssDpi = 96;
constexpr qreal selectionMargin = 24;
constexpr qreal overlayMargin = 16;

const QString svgNamespace = QStringLiteral("http://www.w3.org/2000/svg");
const QString xlinkNamespace = QStringLiteral("http://www.w3.org/1999/xlink");

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

bool isOverlay(const QGraphicsItem *item) { return dynamic_cast<const PathOverlay *>(item); }

// Hides UI furniture (and, as asked, the overlay or the unselected objects) for the lifetime of
// the guard; everything is put back as it was, so an export from the menu leaves the canvas
// untouched.
class ExportState
{
public:
    ExportState(DesignScene *scene, const ExportOptions &options)
        : m_scene(scene), m_furniture(scene->furnitureVisible())
    {
        scene->setFurnitureVisible(false);
        QSet<const QGraphicsItem *> keep;
        if (options.selectionOnly) {
            const QList<QGraphicsItem *> selected = scene->selectedItems();
            for (QGraphicsItem *item : selected) {
                for (QGraphicsItem *up = item; up; up = up->parentItem())
                    keep.insert(up); // a selected subnet is drawn in its VNet
                addDescendants(item, &keep);
            }
            // A line between two selected objects belongs to the selection too.
            for (QGraphicsItem *item : scene->items()) {
                if (item->type() != EdgeItemType)
                    continue;
                const auto *edge = static_cast<const EdgeItem *>(item);
                const DesignItem *from = scene->item(edge->from());
                const DesignItem *to = scene->item(edge->to());
                if (from && to && from->isSelected() && to->isSelected())
                    keep.insert(edge);
            }
        }
        for (QGraphicsItem *item : scene->items()) {
            const bool hide = isOverlay(item) ? !options.includeTrace
                                              : options.selectionOnly && !keep.contains(item);
            if (hide && item->isVisible()) {
                item->setVisible(false);
                m_hidden.push_back(item);
            }
        }
    }
    ~ExportState()
    {
        for (QGraphicsItem *item : m_hidden)
            item->setVisible(true);
        m_scene->setFurnitureVisible(m_furniture);
    }
    ExportState(const ExportState &) = delete;
    ExportState &operator=(const ExportState &) = delete;

private:
    static void addDescendants(QGraphicsItem *item, QSet<const QGraphicsItem *> *keep)
    {
        for (QGraphicsItem *child : item->childItems()) {
            keep->insert(child);
            addDescendants(child, keep);
        }
    }

    DesignScene *m_scene;
    bool m_furniture;
    std::vector<QGraphicsItem *> m_hidden;
};

// The drawn part of the scene, in whole pixels so that the SVG's size and the PNG's agree.
QRectF visibleSourceRect(DesignScene *scene, const ExportOptions &options)
{
    QRectF bounds;
    if (options.selectionOnly) {
        for (QGraphicsItem *item : scene->items()) {
            if (item->isVisible() && !isOverlay(item) && !item->parentItem())
                bounds |= item->sceneBoundingRect();
        }
        if (bounds.isEmpty())
            return {};
        bounds.adjust(-selectionMargin, -selectionMargin, selectionMargin, selectionMargin);
    } else {
        bounds = scene->designBounds();
    }
    for (QGraphicsItem *item : scene->items()) {
        if (isOverlay(item) && item->isVisible()) {
            const QRectF overlay = item->sceneBoundingRect();
            if (!overlay.isEmpty())
                bounds |= overlay.adjusted(-overlayMargin, -overlayMargin, overlayMargin,
                                           overlayMargin);
        }
    }
    const QPointF topLeft(std::floor(bounds.left()), std::floor(bounds.top()));
    return QRectF(topLeft, QSizeF(std::ceil(bounds.right() - topLeft.x()),
                                  std::ceil(bounds.bottom() - topLeft.y())));
}

// Paints the visible items in stacking order, with no background, no selection or hover state:
// what QGraphicsScene::render() does, minus the canvas fill of drawBackground(), so that the
// PNG can be white or transparent and the SVG carries only the diagram.
void paintItems(QPainter *painter, DesignScene *scene, const QRectF &source)
{
    ensureResources();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                            QPainter::SmoothPixmapTransform);
    painter->translate(-source.topLeft());
    const QTransform base = painter->worldTransform();
    const QList<QGraphicsItem *> items =
        scene->items(source, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder);
    for (QGraphicsItem *item : items) {
        if (!item->isVisible() || item->effectiveOpacity() <= 0)
            continue;
        QStyleOptionGraphicsItem option;
        option.state = QStyle::State_None;
        option.exposedRect = item->boundingRect();
        option.rect = option.exposedRect.toAlignedRect();
        painter->save();
        painter->setWorldTransform(item->sceneTransform() * base);
        painter->setOpacity(item->effectiveOpacity());
        item->paint(painter, &option, nullptr);
        painter->restore();
    }
}

QString titleFor(const DesignScene *scene)
{
    const QString name = scene->design().name;
    return name.isEmpty() ? QStringLiteral("Hopscope diagram") : name;
}

QString descriptionFor(const DesignScene *scene, const ExportOptions &options)
{
    const model::Design &d = scene->design();
    QString text = QStringLiteral("Azure network diagram exported by Hopscope %1: %2 VNets, "
                                  "%3 firewalls, %4 gateways, %5 VMs, %6 P2S clients.")
                       .arg(QStringLiteral(HOPSCOPE_VERSION))
                       .arg(d.vnets.size())
                       .arg(d.firewalls.size())
                       .arg(d.gateways.size())
                       .arg(d.vms.size())
                       .arg(d.clients.size());
    if (options.selectionOnly)
        text += QStringLiteral(" Only the selected objects are drawn.");
    for (QGraphicsItem *item : scene->items()) {
        const auto *overlay = dynamic_cast<const PathOverlay *>(item);
        if (overlay && overlay->hasTrace() && options.includeTrace && overlay->isVisible()) {
            text += QStringLiteral(" The path of a trace is drawn over the design.");
            break;
        }
    }
    return text;
}

// External references are anything but a fragment of this file or embedded data.
bool isSelfContainedReference(QStringView value)
{
    const QStringView v = value.trimmed();
    return v.startsWith(u'#') || v.startsWith(QLatin1String("data:"), Qt::CaseInsensitive);
}

bool hasExternalUrl(QStringView value)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = value.indexOf(QLatin1String("url("), from, Qt::CaseInsensitive);
        if (at < 0)
            return false;
        QStringView rest = value.mid(at + 4).trimmed();
        if (rest.startsWith(u'\'') || rest.startsWith(u'"'))
            rest = rest.mid(1);
        if (!rest.startsWith(u'#'))
            return true;
        from = at + 4;
    }
}

} // namespace

std::optional<ExportOptions::Format> exportFormatFor(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"svg")
        return ExportOptions::Format::Svg;
    if (suffix == u"png")
        return ExportOptions::Format::Png;
    return std::nullopt;
}

QRectF exportSourceRect(DesignScene *scene, const ExportOptions &options)
{
    ExportState state(scene, options);
    return visibleSourceRect(scene, options);
}

namespace svg {

QString cssFontFamily(const QString &family)
{
    static QHash<QString, QString> cache;
    const auto it = cache.constFind(family);
    if (it != cache.cend())
        return *it;
    // Qt 6.4 writes the family as the QFont names it ("Sans Serif", "Monospace"), which no
    // browser knows; the face the PNG was drawn with is what fontconfig resolved it to.
    const QFontInfo info{QFont(family)};
    QString resolved = info.family();
    resolved.remove(u'\'').remove(u'"').remove(u';');
    const bool mono = info.fixedPitch() || family.contains(QLatin1String("mono"), Qt::CaseInsensitive);
    // Then faces with Japanese glyphs (issue 17): the face Qt drew with may have none (DejaVu),
    // and a generic family alone gives librsvg and some browsers a face that draws boxes.
    // Debian's first (fonts-noto-cjk, fonts-ipafont-gothic), then macOS's and Windows's.
    static const QStringList japaneseSans = {
        QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Noto Sans JP"),
        QStringLiteral("IPAexGothic"),      QStringLiteral("IPAGothic"),
        QStringLiteral("Hiragino Sans"),    QStringLiteral("Yu Gothic"),
        QStringLiteral("Meiryo")};
    static const QStringList japaneseMono = {
        QStringLiteral("Noto Sans Mono CJK JP"), QStringLiteral("IPAGothic"),
        QStringLiteral("Hiragino Sans"), QStringLiteral("MS Gothic")};
    QStringList faces{resolved};
    for (const QString &face : mono ? japaneseMono : japaneseSans) {
        if (!faces.contains(face, Qt::CaseInsensitive))
            faces << face;
    }
    const QString css = u'\'' + faces.join(QStringLiteral("', '")) + u"', " +
                        (mono ? QStringLiteral("monospace") : QStringLiteral("sans-serif"));
    cache.insert(family, css);
    return css;
}

QByteArray postProcess(const QByteArray &generated, const QSizeF &size, const QString &title,
                       const QString &description, QString *error)
{
    static const QSet<QString> dropped = {
        QStringLiteral("title"),    QStringLiteral("desc"),          QStringLiteral("script"),
        QStringLiteral("foreignObject"), QStringLiteral("metadata"), QStringLiteral("iframe"),
        QStringLiteral("handler"),  QStringLiteral("listener"),      QStringLiteral("animate"),
        QStringLiteral("set"),      QStringLiteral("animation"),     QStringLiteral("audio"),
        QStringLiteral("video")};

    QXmlStreamReader reader(generated);
    QByteArray result;
    QBuffer buffer(&result);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter writer(&buffer);
    writer.writeStartDocument();

    int depth = 0;     // of the element being read
    int skipUntil = 0; // while > 0: inside a dropped element that started at this depth
    bool rootSeen = false;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            ++depth;
            if (skipUntil)
                break;
            const QString name = reader.name().toString();
            const bool svgElement = reader.namespaceUri() == svgNamespace;
            if (!rootSeen) {
                if (!svgElement || name != u"svg") {
                    setError(error, QStringLiteral("the SVG generator wrote no <svg> root"));
                    return {};
                }
                rootSeen = true;
                const QString w = QString::number(size.width(), 'f', 0);
                const QString h = QString::number(size.height(), 'f', 0);
                writer.writeDefaultNamespace(svgNamespace);
                writer.writeNamespace(xlinkNamespace, QStringLiteral("xlink"));
                writer.writeStartElement(svgNamespace, QStringLiteral("svg"));
                writer.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
                writer.writeAttribute(QStringLiteral("width"), w + u"px");
                writer.writeAttribute(QStringLiteral("height"), h + u"px");
                writer.writeAttribute(QStringLiteral("viewBox"),
                                      QStringLiteral("0 0 %1 %2").arg(w, h));
                // Names are data: the writer escapes them, whatever they hold.
                writer.writeTextElement(svgNamespace, QStringLiteral("title"), title);
                writer.writeTextElement(svgNamespace, QStringLiteral("desc"), description);
                break;
            }
            const QXmlStreamAttributes attributes = reader.attributes();
            bool externalReference = false;
            for (const QXmlStreamAttribute &a : attributes) {
                if (a.name() == u"href" && !isSelfContainedReference(a.value()))
                    externalReference = true;
            }
            if (!svgElement || dropped.contains(name) ||
                (externalReference && (name == u"image" || name == u"use" || name == u"a"))) {
                skipUntil = depth;
                break;
            }
            writer.writeStartElement(svgNamespace, name);
            for (const QXmlStreamAttribute &a : attributes) {
                const QStringView attrName = a.name();
                if (attrName.startsWith(QLatin1String("on"), Qt::CaseInsensitive))
                    continue; // event handlers are scripts
                if (attrName == u"href" && !isSelfContainedReference(a.value()))
                    continue;
                if (hasExternalUrl(a.value()))
                    continue;
                if (attrName == u"font-family" && a.namespaceUri().isEmpty()) {
                    writer.writeAttribute(a.name().toString(),
                                          cssFontFamily(a.value().toString()));
                    continue;
                }
                writer.writeAttribute(a);
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (skipUntil) {
                if (depth == skipUntil)
                    skipUntil = 0;
            } else {
                writer.writeEndElement();
            }
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (!skipUntil && depth > 0) // CDATA too, written escaped
                writer.writeCharacters(reader.text().toString());
            break;
        default: // declarations, DTDs, comments, processing instructions: none are needed
            break;
        }
    }
    if (reader.hasError()) {
        setError(error, QStringLiteral("the SVG generator wrote invalid XML (line %1: %2)")
                            .arg(reader.lineNumber())
                            .arg(reader.errorString()));
        return {};
    }
    if (!rootSeen) {
        setError(error, QStringLiteral("the SVG generator wrote nothing"));
        return {};
    }
    writer.writeEndDocument();
    return result;
}

} // namespace svg

QByteArray renderSvg(DesignScene *scene, const ExportOptions &options, QString *error)
{
    ExportState state(scene, options);
    const QRectF source = visibleSourceRect(scene, options);
    if (source.isEmpty()) {
        setError(error, QStringLiteral("nothing to export: the selection is empty"));
        return {};
    }
    QByteArray generated;
    QBuffer buffer(&generated);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    // 96 dpi: fonts in points get the pixel size they have on screen and in the PNG.
    generator.setResolution(cssDpi);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(), source.size()));
    // No title or description here: Qt 6.4 writes them unescaped; postProcess() writes them.
    QPainter painter;
    if (!painter.begin(&generator)) {
        setError(error, QStringLiteral("cannot start the SVG generator"));
        return {};
    }
    paintItems(&painter, scene, source);
    painter.end();
    return svg::postProcess(generated, source.size(), titleFor(scene),
                            descriptionFor(scene, options), error);
}

QImage renderImage(DesignScene *scene, const ExportOptions &options, QString *error)
{
    ExportState state(scene, options);
    const QRectF source = visibleSourceRect(scene, options);
    if (source.isEmpty()) {
        setError(error, QStringLiteral("nothing to export: the selection is empty"));
        return {};
    }
    const qreal scale = options.scale > 0 ? options.scale : 1;
    const QSize pixels(qRound(source.width() * scale), qRound(source.height() * scale));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        setError(error, QStringLiteral("the image would be too large (%1 × %2 pixels)")
                            .arg(pixels.width())
                            .arg(pixels.height()));
        return {};
    }
    // 96 dpi, as the screen and the SVG: fonts in points keep their pixel size.
    image.setDotsPerMeterX(qRound(cssDpi / 0.0254));
    image.setDotsPerMeterY(qRound(cssDpi / 0.0254));
    image.setDevicePixelRatio(scale);
    image.fill(options.transparent ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    paintItems(&painter, scene, source);
    painter.end();
    return image;
}

bool exportDiagram(DesignScene *scene, const QString &path, const ExportOptions &options,
                   QString *error)
{
    QString why;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    if (options.format == ExportOptions::Format::Svg) {
        const QByteArray svg = renderSvg(scene, options, &why);
        if (svg.isEmpty()) {
            setError(error, QStringLiteral("%1: %2").arg(path, why));
            return false;
        }
        if (file.write(svg) != svg.size()) {
            setError(error, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
            return false;
        }
    } else {
        const QImage image = renderImage(scene, options, &why);
        if (image.isNull()) {
            setError(error, QStringLiteral("%1: %2").arg(path, why));
            return false;
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image)) {
            setError(error, QStringLiteral("%1: cannot write: %2").arg(path, writer.errorString()));
            return false;
        }
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace hopscope::gui
