#pragma once

// Reading the JSON an Azure estate is exported as (import.md §3): the encodings (I1), several
// values per file (I2), the shapes of each value (I3: Resource Graph pages, az lists, REST lists
// and objects, templates with a small expression subset, I3.4), and the resources they hold,
// deduplicated by id (I3.3). No mapping to the design happens here.

#include "import/ImportReport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace hopscope::importing {

// One input file: `name` labels paths and messages, `bytes` is its content.
struct InputFile
{
    QString name;
    QByteArray bytes;
};

// One resource found in the input, in the shape it came (ARM or az's flattened one).
struct InputResource
{
    QJsonObject object;
    QString id;      // first spelling met (I3.3)
    QString lowerId; // the sort and match key
    QString type;    // lowercased `type`, else the provider type of the id (I3.1)
    QString path;    // FILE:VALUE-INDEX/… (§8)
};

struct TemplateContext
{
    QString subscriptionId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    QString resourceGroup = QStringLiteral("template");
};

struct EstateInput
{
    std::vector<InputResource> resources; // sorted by lowercased id, one per id
    // Problems that make the import fail (exit 2): an effective route table given to import,
    // every file unreadable.
    QStringList fatalErrors;
    int readableFiles = 0;
};

// Decodes I1: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. nullopt (and `error`) for
// anything else.
std::optional<QByteArray> decodeToUtf8(const QByteArray &bytes, QString *error);

// Every JSON value of `utf8`, one after another (I2); nullopt and `error` when one does not
// parse (the message names the offset).
std::optional<std::vector<QJsonValue>> parseJsonValues(const QByteArray &utf8, QString *error);

// Reads every file in order; skipped values and notes go to `report`.
EstateInput readEstate(const std::vector<InputFile> &files, const TemplateContext &context,
                       ImportReport &report);

// I3.2: field `name` of an ARM object: `properties.name` when `properties` is an object holding
// it, else the object's own; names compare case-insensitively; "", [], {} and null are absent
// (an undefined QJsonValue).
QJsonValue armField(const QJsonObject &object, QStringView name);
// Which key armField took, as a path fragment ("properties/routes" or "routes").
QString armFieldPath(const QJsonObject &object, QStringView name);

// A template value that could not be evaluated (I3.4) stands in the resource as an object
// {"$unresolvedExpression": TEXT}; these say whether a value is one and give its text.
bool isUnresolvedExpression(const QJsonValue &value);
QString unresolvedExpressionText(const QJsonValue &value);

} // namespace hopscope::importing
