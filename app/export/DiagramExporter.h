#pragma once

// The one way the diagram leaves the program (STYLE 9): File → Export and `hopscope export`
// both call exportDiagram(). It renders the DesignScene's items without UI furniture (selection,
// handles, hover outlines, grid, canvas background) and reports real success or a real error.
//
// SVG contract (cli.md `export`, issue 6): vector shapes; every label a <text> element; icons
// as vector paths; no <foreignObject>, <script> or reference outside the file; valid XML with a
// <title> holding the design's name as text and a <desc>; width and height in CSS pixels
// (96 dpi) with a matching viewBox; font families named as fontconfig resolves them, followed
// by a generic family, so browsers, librsvg and the PNG agree on the face.
// PNG contract: the same drawing at 1x or 2x, on white or transparent.

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QString>

#include <optional>

namespace hopscope::gui {

class DesignScene;

struct ExportOptions
{
    enum class Format { Svg, Png };
    Format format = Format::Svg;
    bool selectionOnly = false; // only the selected objects (and what they contain)
    bool includeTrace = true;   // the path overlay, when the scene has one
    qreal scale = 1;            // PNG pixels per diagram pixel: 1 or 2
    bool transparent = false;   // PNG: transparent instead of white background
};

// SVG or PNG from the file name's extension (case-insensitive); nullopt for anything else.
std::optional<ExportOptions::Format> exportFormatFor(const QString &fileName);

// The scene rectangle exported: everything drawn (or the selection), with a margin.
// Empty when there is nothing to export (no selection in selection-only mode).
QRectF exportSourceRect(DesignScene *scene, const ExportOptions &options);

// The SVG document, post-processed to the contract above; empty on failure with `error` set.
QByteArray renderSvg(DesignScene *scene, const ExportOptions &options, QString *error = nullptr);

// The PNG image (not yet encoded); null on failure with `error` set.
QImage renderImage(DesignScene *scene, const ExportOptions &options, QString *error = nullptr);

// Renders and writes `path` atomically in options.format. Returns false with a sentence in
// `error` naming the file and the cause (nothing to export, cannot write, ...).
bool exportDiagram(DesignScene *scene, const QString &path, const ExportOptions &options,
                   QString *error);

namespace svg {
// The post-processing step, exposed for tests: `generated` is QSvgGenerator's output for a
// drawing of `size` CSS pixels. Rewrites the root's size and viewBox in px, writes an escaped
// <title>/<desc>, renames font families, drops scripts, foreign objects, event attributes and
// external references. Empty on an XML error, with `error` set.
QByteArray postProcess(const QByteArray &generated, const QSizeF &size, const QString &title,
                       const QString &description, QString *error = nullptr);
// `family` as fontconfig resolves it, then faces with Japanese glyphs, each quoted, then the
// generic family: "'DejaVu Sans', 'Noto Sans CJK JP', …, 'Meiryo', sans-serif".
QString cssFontFamily(const QString &family);
} // namespace svg

} // namespace hopscope::gui
