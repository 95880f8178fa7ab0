#pragma once

// The report of an import (import.md §8): everything skipped, unresolved, synthesized, renamed
// or noted, so that nothing the importer leaves out is silent (§6).

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace hopscope::importing {

struct SkippedResource
{
    QString id; // empty for a whole file or value (`unrecognised`, `unreadable`)
    QString type;
    QString reason; // import.md §3–§6 codes: `malformed`, `virtual-wan`, …
    QString path;   // FILE:VALUE-INDEX/… of the resource, or of the field at fault
    QString detail; // for a person (the expression text, the parse error); may be empty
};

struct UnresolvedReference
{
    QString id;     // the input resource that holds the reference
    QString field;  // its path in that resource, I3.2 names: `subnets[2].routeTable.id`
    QString target; // the id that is not in the input
    QString action = QStringLiteral("dropped");
};

struct SynthesizedObject
{
    QString id;   // the object's ARM id; empty for a reverse peering
    QString name; // its name in the design (the stub's name for a reverse peering)
    QString kind; // `vnet`, `peering`, `asg`
    QString reason;
    QString owner; // sort key for an object without id: the stub VNet's id
};

struct RenamedObject
{
    QString id;
    QString armName;
    QString name;
    QString why; // `characters`, `collision`, `length`
};

struct ImportNote
{
    QString id; // empty for a note about a whole value (`incomplete-page`)
    QString code;
    QString message;
};

struct ChangedObject
{
    QString id;
    QStringList fields; // format keys that differ
};

// `--previous` (§7 (3)): what changed since the former import, by ARM id.
struct ImportDiff
{
    QStringList added;
    QStringList removed;
    std::vector<ChangedObject> changed;
};

struct ImportReport
{
    // §8 `counts`, in the report's key order.
    std::vector<std::pair<QString, int>> counts;
    std::vector<SkippedResource> skipped;
    std::vector<UnresolvedReference> unresolved;
    std::vector<SynthesizedObject> synthesized;
    std::vector<RenamedObject> renamed;
    std::vector<ImportNote> notes;
    std::optional<ImportDiff> diff;

    // Sorts every list as §8 fixes (entries without id first, then by lowercased id, then by
    // reason, field, why or code).
    void sort();
};

// §8's JSON; `output` is the design file written.
QJsonObject reportToJson(const ImportReport &report, const QString &output);

// One line per entry, for the CLI's text output ("skipped virtual-wan: ID (path)").
QStringList reportLines(const ImportReport &report);

} // namespace hopscope::importing
