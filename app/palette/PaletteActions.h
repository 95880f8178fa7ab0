#pragma once

// The objects the palette creates and how a palette entry becomes one undo step, whether it
// was dropped on the canvas or activated from the keyboard.

#include "model/ObjectId.h"

#include <QIcon>
#include <QKeySequence>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

namespace hopscope::gui {

class DesignScene;
enum class IconKind;

struct PaletteEntry
{
    QString kind; // stable id: "hub", "spoke", "subnet", "firewall", ...
    QString label;
    QString hint; // tooltip: where it goes
    IconKind icon;
};

const std::vector<PaletteEntry> &paletteEntries();
const PaletteEntry *paletteEntry(const QString &kind);

// Creates a `kind` object as one undo step. `scenePos` is where it was dropped (nullopt: from
// the keyboard; it then goes into the selected container, or beside the design). Returns the
// new object's id, or the null id with `error` set. The "nsg" entry creates no object on the
// canvas: it associates a new NSG with the subnet or VM under the drop (or selected) and
// returns that subnet or VM.
model::ObjectId createFromPalette(DesignScene *scene, const QString &kind,
                                  std::optional<QPointF> scenePos, QString *error);

} // namespace hopscope::gui
