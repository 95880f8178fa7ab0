#include "import/ImportReport.h"

#include <QJsonArray>

#include <algorithm>

namespace hopscope::importing {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

// §8: entries without id first, then by lowercased id, then by the list's second key.
template <typename T, typename Key>
void sortEntries(std::vector<T> &entries, Key secondKey)
{
    std::stable_sort(entries.begin(), entries.end(), [&](const T &a, const T &b) {
        const bool aHasId = !a.id.isEmpty();
        const bool bHasId = !b.id.isEmpty();
        if (aHasId != bHasId)
            return !aHasId;
        const QString aId = a.id.toLower();
        const QString bId = b.id.toLower();
        if (aId != bId)
            return aId < bId;
        return secondKey(a) < secondKey(b);
    });
}

} // namespace

void ImportReport::sort()
{
    sortEntries(skipped, [](const SkippedResource &s) { return s.reason; });
    sortEntries(unresolved, [](const UnresolvedReference &u) { return u.field; });
    sortEntries(renamed, [](const RenamedObject &r) { return r.why; });
    sortEntries(notes, [](const ImportNote &n) { return n.code; });
    // A synthesized reverse peering has no id: it sorts by its stub's id, right after the stub.
    std::stable_sort(synthesized.begin(), synthesized.end(),
                     [](const SynthesizedObject &a, const SynthesizedObject &b) {
                         const QString aKey = (a.id.isEmpty() ? a.owner : a.id).toLower();
                         const QString bKey = (b.id.isEmpty() ? b.owner : b.id).toLower();
                         if (aKey != bKey)
                             return aKey < bKey;
                         return !a.id.isEmpty() && b.id.isEmpty();
                     });
}

QJsonObject reportToJson(const ImportReport &report, const QString &output)
{
    QJsonObject counts;
    for (const auto &[key, value] : report.counts)
        counts.insert(key, value);
    QJsonArray skipped;
    for (const SkippedResource &s : report.skipped) {
        QJsonObject o{{QStringLiteral("id"), orNull(s.id)},
                      {QStringLiteral("type"), orNull(s.type)},
                      {QStringLiteral("reason"), s.reason},
                      {QStringLiteral("path"), s.path}};
        if (!s.detail.isEmpty())
            o.insert(QStringLiteral("message"), s.detail);
        skipped.append(o);
    }
    QJsonArray unresolved;
    for (const UnresolvedReference &u : report.unresolved)
        unresolved.append(QJsonObject{{QStringLiteral("id"), u.id},
                                      {QStringLiteral("field"), u.field},
                                      {QStringLiteral("target"), u.target},
                                      {QStringLiteral("action"), u.action}});
    QJsonArray synthesized;
    for (const SynthesizedObject &s : report.synthesized)
        synthesized.append(QJsonObject{{QStringLiteral("id"), orNull(s.id)},
                                       {QStringLiteral("name"), s.name},
                                       {QStringLiteral("kind"), s.kind},
                                       {QStringLiteral("reason"), s.reason}});
    QJsonArray renamed;
    for (const RenamedObject &r : report.renamed)
        renamed.append(QJsonObject{{QStringLiteral("id"), r.id},
                                   {QStringLiteral("armName"), r.armName},
                                   {QStringLiteral("name"), r.name},
                                   {QStringLiteral("why"), r.why}});
    QJsonArray notes;
    for (const ImportNote &n : report.notes)
        notes.append(QJsonObject{{QStringLiteral("id"), orNull(n.id)},
                                 {QStringLiteral("code"), n.code},
                                 {QStringLiteral("message"), n.message}});
    QJsonValue diff;
    if (report.diff) {
        QJsonArray changed;
        for (const ChangedObject &c : report.diff->changed)
            changed.append(QJsonObject{{QStringLiteral("id"), c.id},
                                       {QStringLiteral("fields"),
                                        QJsonArray::fromStringList(c.fields)}});
        diff = QJsonObject{{QStringLiteral("added"), QJsonArray::fromStringList(report.diff->added)},
                           {QStringLiteral("removed"),
                            QJsonArray::fromStringList(report.diff->removed)},
                           {QStringLiteral("changed"), changed}};
    }
    return {{QStringLiteral("output"), output},   {QStringLiteral("counts"), counts},
            {QStringLiteral("skipped"), skipped}, {QStringLiteral("unresolved"), unresolved},
            {QStringLiteral("synthesized"), synthesized}, {QStringLiteral("renamed"), renamed},
            {QStringLiteral("notes"), notes},     {QStringLiteral("diff"), diff}};
}

QStringList reportLines(const ImportReport &report)
{
    QStringList lines;
    const auto label = [](const QString &id, const QString &fallback) {
        return id.isEmpty() ? fallback : id;
    };
    for (const SkippedResource &s : report.skipped)
        lines << QStringLiteral("skipped %1: %2 (%3)%4")
                     .arg(s.reason, label(s.id, s.path), s.path,
                          s.detail.isEmpty() ? QString() : QStringLiteral(": ") + s.detail);
    for (const UnresolvedReference &u : report.unresolved)
        lines << QStringLiteral("unresolved %1 of %2: %3 not in the input, %4")
                     .arg(u.field, u.id, u.target, u.action);
    for (const SynthesizedObject &s : report.synthesized)
        lines << QStringLiteral("synthesized %1 %2%3: %4")
                     .arg(s.kind, s.name, s.id.isEmpty() ? QString() : QStringLiteral(" (") + s.id + u')',
                          s.reason);
    for (const RenamedObject &r : report.renamed)
        lines << QStringLiteral("renamed %1 → %2 (%3): %4").arg(r.armName, r.name, r.why, r.id);
    for (const ImportNote &n : report.notes)
        lines << QStringLiteral("note %1: %2%3")
                     .arg(n.code, n.message, n.id.isEmpty() ? QString() : QStringLiteral(" (") + n.id + u')');
    if (report.diff) {
        for (const QString &id : report.diff->added)
            lines << QStringLiteral("added %1").arg(id);
        for (const QString &id : report.diff->removed)
            lines << QStringLiteral("removed %1").arg(id);
        for (const ChangedObject &c : report.diff->changed)
            lines << QStringLiteral("changed %1: %2").arg(c.id, c.fields.join(QStringLiteral(", ")));
    }
    return lines;
}

} // namespace hopscope::importing
