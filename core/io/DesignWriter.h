#pragma once

#include "model/Design.h"

#include <QByteArray>
#include <QString>

namespace hopscope::io {

// The canonical form of format.md: keys in the page's order, list order kept, defaults left
// out, so that writeDesign(readDesign(writeDesign(d))) == writeDesign(d) byte for byte.
QByteArray writeDesign(const model::Design &design);

// Writes atomically through QSaveFile: a crash or a full disk mid-save leaves the old file
// as it was. Returns false and sets `error` (for a person) on failure.
bool saveDesignFile(const model::Design &design, const QString &path, QString *error);

} // namespace hopscope::io
