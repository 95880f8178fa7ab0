#pragma once

#include "model/Design.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace hopscope::io {

// A problem that stops a design from being built (format.md, "Load errors and findings").
struct LoadError
{
    QString file;  // as given by the caller, for messages
    int line = 0;   // 1-based; 0 when the problem is the file as a whole
    int column = 0; // 1-based; 0 when unknown
    QString message; // what is wrong and what was expected, for a person

    // "file:line:column: message" (line and column left out when 0).
    QString toString() const;
};

struct LoadResult
{
    std::optional<model::Design> design; // set only when `errors` is empty
    std::vector<LoadError> errors;       // every problem found, in file order
};

// Files larger than this are refused before parsing (a design of the largest Azure estate is a
// few megabytes).
inline constexpr qint64 maxDesignFileBytes = 16 * 1024 * 1024;

// Parses format v1 from `yaml`. Never throws; never hangs: size, nesting depth and alias
// expansion are bounded. `fileName` only labels the messages.
LoadResult readDesign(const QByteArray &yaml, const QString &fileName);

// Reads `path` and parses it; unreadable, oversized or non-UTF-8 files are load errors.
LoadResult readDesignFile(const QString &path);

} // namespace hopscope::io
