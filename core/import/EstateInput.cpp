#include "import/EstateInput.h"

#include "format/ValueGrammar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <algorithm>
#include <functional>
#include <map>

namespace hopscope::importing {

namespace {

const QString unresolvedKey = QStringLiteral("$unresolvedExpression");

QJsonValue unresolvedMarker(const QString &text)
{
    return QJsonObject{{unresolvedKey, text}};
}

bool isAbsent(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::String:
        return v.toString().isEmpty();
    case QJsonValue::Array:
        return v.toArray().isEmpty();
    case QJsonValue::Object:
        return v.toObject().isEmpty();
    default:
        return false;
    }
}

// The key of `object` equal to `name` ignoring case, exact spelling first (ARM's camelCase is
// the usual one, so the binary search of QJsonObject answers most lookups).
std::optional<QString> findKey(const QJsonObject &object, QStringView name)
{
    const QString exact = name.toString();
    if (object.contains(exact))
        return exact;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.key();
    return std::nullopt;
}

QJsonValue presentValue(const QJsonObject &object, QStringView name)
{
    const auto key = findKey(object, name);
    if (!key)
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue v = object.value(*key);
    return isAbsent(v) ? QJsonValue(QJsonValue::Undefined) : v;
}

QJsonObject propertiesOf(const QJsonObject &object)
{
    const auto key = findKey(object, u"properties");
    if (!key)
        return {};
    return object.value(*key).toObject();
}

// I3.1: the provider type in an id: /providers/NS/T1/N1/T2/N2 → ns/t1/t2.
QString typeFromId(const QString &id)
{
    const QStringList parts = id.split(u'/', Qt::SkipEmptyParts);
    int providers = -1;
    for (int i = 0; i < parts.size(); ++i)
        if (parts[i].compare(u"providers", Qt::CaseInsensitive) == 0)
            providers = i; // the last one: nested providers (extensions) name the resource's own
    if (providers < 0 || providers + 2 >= parts.size())
        return {};
    QString type = parts[providers + 1];
    for (int i = providers + 2; i < parts.size(); i += 2)
        type += u'/' + parts[i];
    return type.toLower();
}

// ---- I3.4: templates ----------------------------------------------------------------------

class TemplateEvaluator
{
public:
    TemplateEvaluator(const QJsonObject &templateObject, const TemplateContext &context)
        : m_parameters(templateObject.value(QLatin1String("parameters")).toObject()),
          m_variables(templateObject.value(QLatin1String("variables")).toObject()),
          m_context(context)
    {
    }

    // Every string of `value` evaluated; an expression outside the grammar becomes the
    // unresolved marker holding its text.
    QJsonValue evaluateAll(const QJsonValue &value, int depth = 0) const
    {
        if (depth > 64)
            return value;
        if (value.isString()) {
            const auto v = evaluateString(value.toString(), depth);
            return v ? *v : unresolvedMarker(value.toString());
        }
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &item : value.toArray())
                out.append(evaluateAll(item, depth + 1));
            return out;
        }
        if (value.isObject()) {
            QJsonObject out;
            const QJsonObject in = value.toObject();
            for (auto it = in.begin(); it != in.end(); ++it)
                out.insert(it.key(), evaluateAll(it.value(), depth + 1));
            return out;
        }
        return value;
    }

    // A string: literal, `[[…` (the literal `[…`), or `[expr]`.
    std::optional<QJsonValue> evaluateString(const QString &text, int depth) const
    {
        if (!text.startsWith(u'[') || !text.endsWith(u']'))
            return QJsonValue(text);
        if (text.startsWith(QLatin1String("[[")))
            return QJsonValue(text.mid(1));
        Parser p{QStringView(text).mid(1, text.size() - 2), 0};
        auto v = expression(p, depth + 1);
        p.skipSpace();
        if (!v || p.pos != p.text.size())
            return std::nullopt;
        return v;
    }

private:
    struct Parser
    {
        QStringView text;
        qsizetype pos = 0;
        void skipSpace()
        {
            while (pos < text.size() && text[pos].isSpace())
                ++pos;
        }
        bool eat(QChar c)
        {
            skipSpace();
            if (pos < text.size() && text[pos] == c) {
                ++pos;
                return true;
            }
            return false;
        }
    };

    std::optional<QJsonValue> expression(Parser &p, int depth) const
    {
        if (depth > 64)
            return std::nullopt;
        p.skipSpace();
        if (p.pos >= p.text.size())
            return std::nullopt;
        if (p.text[p.pos] == u'\'') {
            QString literal;
            ++p.pos;
            while (p.pos < p.text.size()) {
                if (p.text[p.pos] == u'\'') {
                    if (p.pos + 1 < p.text.size() && p.text[p.pos + 1] == u'\'') {
                        literal += u'\'';
                        p.pos += 2;
                        continue;
                    }
                    ++p.pos;
                    return QJsonValue(literal);
                }
                literal += p.text[p.pos++];
            }
            return std::nullopt; // unterminated
        }
        const qsizetype start = p.pos;
        while (p.pos < p.text.size() && p.text[p.pos].isLetterOrNumber())
            ++p.pos;
        const QString function = p.text.mid(start, p.pos - start).toString().toLower();
        if (function.isEmpty() || !p.eat(u'('))
            return std::nullopt;
        std::vector<QJsonValue> arguments;
        if (!p.eat(u')')) {
            for (;;) {
                auto argument = expression(p, depth + 1);
                if (!argument)
                    return std::nullopt;
                arguments.push_back(*argument);
                if (p.eat(u')'))
                    break;
                if (!p.eat(u','))
                    return std::nullopt;
            }
        }
        // A property access or index after the call (`reference(x).prefix`) is outside the
        // grammar: the caller sees trailing text and gives up.
        return call(function, arguments, depth);
    }

    std::optional<QJsonValue> call(const QString &function, const std::vector<QJsonValue> &args,
                                   int depth) const
    {
        if ((function == u"parameters" || function == u"variables") && args.size() == 1 &&
            args[0].isString()) {
            QJsonValue raw;
            if (function == u"parameters") {
                const QJsonObject parameter = m_parameters.value(args[0].toString()).toObject();
                if (!parameter.contains(QLatin1String("defaultValue")))
                    return std::nullopt; // no default: only a deployment knows it
                raw = parameter.value(QLatin1String("defaultValue"));
            } else {
                if (!m_variables.contains(args[0].toString()))
                    return std::nullopt;
                raw = m_variables.value(args[0].toString());
            }
            const QJsonValue evaluated = evaluateAll(raw, depth + 1);
            if (containsUnresolved(evaluated))
                return std::nullopt;
            return evaluated;
        }
        if (function == u"concat" && !args.empty()) {
            if (args[0].isArray()) {
                QJsonArray joined;
                for (const QJsonValue &a : args) {
                    if (!a.isArray())
                        return std::nullopt;
                    for (const QJsonValue &item : a.toArray())
                        joined.append(item);
                }
                return joined;
            }
            QString joined;
            for (const QJsonValue &a : args) {
                if (a.isString())
                    joined += a.toString();
                else if (a.isDouble())
                    joined += QString::number(a.toInteger());
                else
                    return std::nullopt;
            }
            return QJsonValue(joined);
        }
        if (function == u"resourceid") {
            // [subscription,] [group,] type, names…: the type is the first argument with '/'.
            qsizetype typeIndex = -1;
            for (size_t i = 0; i < args.size(); ++i) {
                if (!args[i].isString())
                    return std::nullopt;
                if (typeIndex < 0 && args[i].toString().contains(u'/'))
                    typeIndex = qsizetype(i);
            }
            if (typeIndex < 0 || typeIndex > 2)
                return std::nullopt;
            QString subscription = m_context.subscriptionId;
            QString group = m_context.resourceGroup;
            if (typeIndex == 2) {
                subscription = args[0].toString();
                group = args[1].toString();
            } else if (typeIndex == 1) {
                group = args[0].toString();
            }
            QStringList names;
            for (size_t i = size_t(typeIndex) + 1; i < args.size(); ++i)
                names << args[i].toString();
            return QJsonValue(templateResourceId(subscription, group,
                                                 args[size_t(typeIndex)].toString(),
                                                 names.join(u'/')));
        }
        return std::nullopt;
    }

public:
    static bool containsUnresolved(const QJsonValue &v)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (o.contains(unresolvedKey))
                return true;
            for (const QJsonValue &item : o)
                if (containsUnresolved(item))
                    return true;
        } else if (v.isArray()) {
            for (const QJsonValue &item : v.toArray())
                if (containsUnresolved(item))
                    return true;
        }
        return false;
    }

    // I3.4: /subscriptions/SUB/resourceGroups/RG/providers/NS/T1/N1[/T2/N2]; nullopt when the
    // type and the names do not pair up.
    static QString templateResourceId(const QString &subscription, const QString &group,
                                      const QString &type, const QString &name)
    {
        const QStringList typeParts = type.split(u'/', Qt::SkipEmptyParts);
        const QStringList nameParts = name.split(u'/', Qt::SkipEmptyParts);
        if (typeParts.size() < 2 || nameParts.size() != typeParts.size() - 1)
            return {};
        QString id = QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/%3")
                         .arg(subscription, group, typeParts[0]);
        for (int i = 1; i < typeParts.size(); ++i)
            id += u'/' + typeParts[i] + u'/' + nameParts[i - 1];
        return id;
    }

private:
    QJsonObject m_parameters;
    QJsonObject m_variables;
    TemplateContext m_context;
};

// Child resource types that a template may give on their own, with the parent's list they
// join (I3.4).
struct ChildKind
{
    QLatin1StringView typeSuffix;
    QLatin1StringView listKey;
};
constexpr ChildKind childKinds[] = {
    {QLatin1StringView("microsoft.network/virtualnetworks/subnets"), QLatin1StringView("subnets")},
    {QLatin1StringView("microsoft.network/virtualnetworks/virtualnetworkpeerings"),
     QLatin1StringView("virtualNetworkPeerings")},
    {QLatin1StringView("microsoft.network/routetables/routes"), QLatin1StringView("routes")},
    {QLatin1StringView("microsoft.network/networksecuritygroups/securityrules"),
     QLatin1StringView("securityRules")},
};

// Lists of sub-resources whose entries get an id under their parent when a template leaves it
// out, so that every object keeps an id (I5.3).
constexpr QLatin1StringView inlineChildLists[] = {
    QLatin1StringView("subnets"), QLatin1StringView("virtualNetworkPeerings"),
    QLatin1StringView("routes"), QLatin1StringView("securityRules"),
    QLatin1StringView("ipConfigurations")};

QJsonObject withChildIds(QJsonObject resource, const QString &id)
{
    QJsonObject properties = resource.value(QLatin1String("properties")).toObject();
    for (QLatin1StringView list : inlineChildLists) {
        if (!properties.value(list).isArray())
            continue;
        QJsonArray children = properties.value(list).toArray();
        for (qsizetype i = 0; i < children.size(); ++i) {
            QJsonObject child = children[i].toObject();
            const QJsonValue name = child.value(QLatin1String("name"));
            if (!child.contains(QLatin1String("id")) && name.isString())
                child.insert(QLatin1String("id"), QString(id + u'/' + list + u'/' + name.toString()));
            children[i] = child;
        }
        properties.insert(list, children);
    }
    resource.insert(QLatin1String("properties"), properties);
    return resource;
}

class Reader
{
public:
    Reader(const TemplateContext &context, ImportReport &report, EstateInput &input)
        : m_context(context), m_report(report), m_input(input)
    {
    }

    void visit(const QJsonValue &value, const QString &path)
    {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                visit(array[i], path + u'/' + QString::number(i));
            return;
        }
        if (!value.isObject()) {
            skipValue(path, QStringLiteral("not an object or an array"));
            return;
        }
        const QJsonObject object = value.toObject();
        const QJsonValue data = object.value(QLatin1String("data"));
        if (data.isArray() && (object.contains(QLatin1String("count")) ||
                               object.contains(QLatin1String("skip_token")) ||
                               object.contains(QLatin1String("total_records")))) {
            // I3 (2): a Resource Graph answer; a page with a skip token has more after it.
            const QJsonValue token = object.value(QLatin1String("skip_token"));
            if (!token.isNull() && !token.isUndefined())
                m_report.notes.push_back(
                    {{}, QStringLiteral("incomplete-page"),
                     QStringLiteral("%1: Resource Graph answer with more rows (count %2 of %3): "
                                    "run the query again with --skip-token and pass every page")
                         .arg(path)
                         .arg(object.value(QLatin1String("count")).toInteger())
                         .arg(object.value(QLatin1String("total_records")).toInteger())});
            visit(data, path + QStringLiteral("/data"));
            return;
        }
        const QJsonValue list = object.value(QLatin1String("value"));
        if (list.isArray() && !object.contains(QLatin1String("id"))) {
            const QJsonArray items = list.toArray();
            for (const QJsonValue &item : items) {
                const QJsonObject o = item.toObject();
                if (findKey(o, u"nextHopType") && findKey(o, u"source")) {
                    m_input.fatalErrors << QStringLiteral(
                        "%1: this is an effective route table (az network nic "
                        "show-effective-route-table): compare it with 'hopscope routes DESIGN "
                        "VNET/SUBNET --compare FILE', it cannot be imported").arg(path);
                    return;
                }
            }
            visit(list, path + QStringLiteral("/value"));
            return;
        }
        if (object.value(QLatin1String("resources")).isArray() &&
            object.value(QLatin1String("$schema")).toString().contains(
                QLatin1String("deploymentTemplate"), Qt::CaseInsensitive)) {
            readTemplate(object, path);
            return;
        }
        const QJsonValue id = object.value(QLatin1String("id"));
        if (id.isString() && id.toString().startsWith(QLatin1String("/subscriptions/"),
                                                      Qt::CaseInsensitive)) {
            addResource(object, path);
            return;
        }
        skipValue(path, QStringLiteral("neither a resource, a list of resources, a Resource "
                                       "Graph answer nor a template"));
    }

private:
    void skipValue(const QString &path, const QString &why)
    {
        m_report.skipped.push_back({{}, {}, QStringLiteral("unrecognised"), path, why});
    }

    void addResource(const QJsonObject &object, const QString &path)
    {
        const QString id = object.value(QLatin1String("id")).toString();
        if (!format::parseResourceId(id)) {
            // A design file refuses such an id (format.md additions): nothing could hold it.
            m_report.skipped.push_back({{}, object.value(QLatin1String("type")).toString(),
                                        QStringLiteral("malformed"), path + QStringLiteral("/id"),
                                        QStringLiteral("the id holds white space")});
            return;
        }
        QString lowerId = id.toLower();
        while (lowerId.endsWith(u'/'))
            lowerId.chop(1);
        const auto [it, inserted] = m_indexById.try_emplace(lowerId, m_input.resources.size());
        if (!inserted) {
            // I3.3: the same id twice; identical is harmless, different keeps the first.
            const InputResource &first = m_input.resources[it->second];
            if (first.object != object)
                m_report.notes.push_back(
                    {first.id, QStringLiteral("duplicate"),
                     QStringLiteral("%1 differs from the same resource at %2: the first is kept")
                         .arg(path, first.path)});
            return;
        }
        const QJsonValue type = object.value(QLatin1String("type"));
        m_input.resources.push_back({object, id, lowerId,
                                     type.isString() && !type.toString().isEmpty()
                                         ? type.toString().toLower()
                                         : typeFromId(id),
                                     path});
    }

    void readTemplate(const QJsonObject &templateObject, const QString &path)
    {
        const TemplateEvaluator evaluator(templateObject, m_context);
        struct Flat
        {
            QJsonObject resource;
            QString type;
            QString name;
            QString path;
        };
        std::vector<Flat> flat;
        // Nested resources[]: type and name are the parent's + '/' + the child's.
        std::function<void(const QJsonArray &, const QString &, const QString &, const QString &)>
            collect = [&](const QJsonArray &resources, const QString &parentType,
                          const QString &parentName, const QString &listPath) {
                for (qsizetype i = 0; i < resources.size(); ++i) {
                    const QString itemPath = listPath + u'/' + QString::number(i);
                    const QJsonObject raw = resources[i].toObject();
                    const QJsonValue type = evaluator.evaluateAll(raw.value(QLatin1String("type")));
                    const QJsonValue name = evaluator.evaluateAll(raw.value(QLatin1String("name")));
                    if (!type.isString() || !name.isString() ||
                        raw.contains(QLatin1String("copy")) ||
                        raw.contains(QLatin1String("condition"))) {
                        const QString what =
                            raw.contains(QLatin1String("copy"))        ? QStringLiteral("copy")
                            : raw.contains(QLatin1String("condition")) ? QStringLiteral("condition")
                            : !name.isString() ? unresolvedExpressionText(name)
                                               : unresolvedExpressionText(type);
                        m_report.skipped.push_back(
                            {{}, raw.value(QLatin1String("type")).toString(),
                             QStringLiteral("unresolved-expression"), itemPath,
                             QStringLiteral("cannot evaluate %1").arg(what)});
                        continue;
                    }
                    const QString fullType = parentType.isEmpty()
                                                 ? type.toString()
                                                 : parentType + u'/' + type.toString();
                    const QString fullName = parentName.isEmpty()
                                                 ? name.toString()
                                                 : parentName + u'/' + name.toString();
                    QJsonObject resource = raw;
                    resource.remove(QLatin1String("resources"));
                    flat.push_back({resource, fullType, fullName, itemPath});
                    if (raw.value(QLatin1String("resources")).isArray())
                        collect(raw.value(QLatin1String("resources")).toArray(), fullType,
                                fullName, itemPath + QStringLiteral("/resources"));
                }
            };
        collect(templateObject.value(QLatin1String("resources")).toArray(), {}, {},
                path + QStringLiteral("/resources"));

        std::vector<std::pair<QJsonObject, QString>> parents; // resource, path
        std::map<QString, size_t> parentById;
        std::vector<Flat> children;
        for (Flat &f : flat) {
            const QString id = TemplateEvaluator::templateResourceId(
                m_context.subscriptionId, m_context.resourceGroup, f.type, f.name);
            if (id.isEmpty()) {
                m_report.skipped.push_back({{}, f.type, QStringLiteral("malformed"), f.path,
                                            QStringLiteral("type '%1' and name '%2' do not pair up")
                                                .arg(f.type, f.name)});
                continue;
            }
            QJsonObject resource = evaluator.evaluateAll(f.resource).toObject();
            resource.insert(QLatin1String("id"), id);
            resource.insert(QLatin1String("type"), f.type);
            resource.insert(QLatin1String("name"), f.name.section(u'/', -1));
            const bool isChild = std::any_of(std::begin(childKinds), std::end(childKinds),
                                             [&](const ChildKind &k) {
                                                 return f.type.compare(k.typeSuffix,
                                                                       Qt::CaseInsensitive) == 0;
                                             });
            if (isChild) {
                f.resource = resource;
                children.push_back(f);
            } else {
                parentById[id.toLower()] = parents.size();
                parents.push_back({resource, f.path});
            }
        }
        // Children given on their own replace an inline child of the same name.
        for (const Flat &child : children) {
            const QString childId = child.resource.value(QLatin1String("id")).toString();
            const QString parentId = childId.section(u'/', 0, -3);
            const auto parent = parentById.find(parentId.toLower());
            if (parent == parentById.end()) {
                addResource(child.resource, child.path); // the mapping reports its type
                continue;
            }
            QLatin1StringView listKey;
            for (const ChildKind &k : childKinds)
                if (child.type.compare(k.typeSuffix, Qt::CaseInsensitive) == 0)
                    listKey = k.listKey;
            QJsonObject &p = parents[parent->second].first;
            QJsonObject properties = p.value(QLatin1String("properties")).toObject();
            QJsonArray list = properties.value(listKey).toArray();
            QJsonObject entry = child.resource;
            entry.remove(QLatin1String("type"));
            entry.remove(QLatin1String("apiVersion"));
            entry.remove(QLatin1String("dependsOn"));
            bool replaced = false;
            for (qsizetype i = 0; i < list.size(); ++i)
                if (list[i].toObject().value(QLatin1String("name")).toString().compare(
                        entry.value(QLatin1String("name")).toString(), Qt::CaseInsensitive) == 0) {
                    list[i] = entry;
                    replaced = true;
                }
            if (!replaced)
                list.append(entry);
            properties.insert(listKey, list);
            p.insert(QLatin1String("properties"), properties);
        }
        for (const auto &[resource, resourcePath] : parents)
            addResource(withChildIds(resource, resource.value(QLatin1String("id")).toString()),
                        resourcePath);
    }

    const TemplateContext &m_context;
    ImportReport &m_report;
    EstateInput &m_input;
    std::map<QString, size_t> m_indexById;
};

} // namespace

QJsonValue armField(const QJsonObject &object, QStringView name)
{
    const QJsonObject properties = propertiesOf(object);
    const QJsonValue inProperties = presentValue(properties, name);
    if (!inProperties.isUndefined())
        return inProperties;
    return presentValue(object, name);
}

QString armFieldPath(const QJsonObject &object, QStringView name)
{
    const QJsonObject properties = propertiesOf(object);
    if (!presentValue(properties, name).isUndefined() ||
        (!properties.isEmpty() && presentValue(object, name).isUndefined()))
        return QStringLiteral("properties/") + name.toString();
    return name.toString();
}

bool isUnresolvedExpression(const QJsonValue &value)
{
    return value.isObject() && value.toObject().contains(unresolvedKey);
}

QString unresolvedExpressionText(const QJsonValue &value)
{
    return value.toObject().value(unresolvedKey).toString();
}

std::optional<QByteArray> decodeToUtf8(const QByteArray &bytes, QString *error)
{
    // I1: a BOM decides UTF-16 (Windows PowerShell 5.1's `>`); without one, UTF-8, which the
    // JSON parser itself validates.
    const auto fromUtf16 = [&](QStringDecoder::Encoding encoding) -> std::optional<QByteArray> {
        QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(bytes.mid(2));
        if (decoder.hasError() || (bytes.size() % 2) != 0) {
            *error = QStringLiteral("not valid UTF-16");
            return std::nullopt;
        }
        return text.toUtf8();
    };
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return bytes.mid(3);
    if (bytes.startsWith("\xFF\xFE") && !bytes.startsWith(QByteArray("\xFF\xFE\0\0", 4)))
        return fromUtf16(QStringDecoder::Utf16LE);
    if (bytes.startsWith("\xFE\xFF"))
        return fromUtf16(QStringDecoder::Utf16BE);
    if (bytes.startsWith(QByteArray("\xFF\xFE\0\0", 4)) ||
        bytes.startsWith(QByteArray("\0\0\xFE\xFF", 4))) {
        *error = QStringLiteral("UTF-32 is not read: save the file as UTF-8");
        return std::nullopt;
    }
    return bytes;
}

std::optional<std::vector<QJsonValue>> parseJsonValues(const QByteArray &utf8, QString *error)
{
    // I2: values one after another. Qt's parser stops at the end of the first value and says
    // where (GarbageAtEnd); that value is parsed alone and reading goes on from there.
    std::vector<QJsonValue> values;
    qsizetype pos = 0;
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (;;) {
        while (pos < utf8.size() && isSpace(utf8[pos]))
            ++pos;
        if (pos >= utf8.size())
            break;
        const QByteArray rest = QByteArray::fromRawData(utf8.constData() + pos, utf8.size() - pos);
        QJsonParseError parseError;
        QJsonDocument document = QJsonDocument::fromJson(rest, &parseError);
        qsizetype consumed = rest.size();
        if (parseError.error == QJsonParseError::GarbageAtEnd && parseError.offset > 0) {
            consumed = parseError.offset;
            document = QJsonDocument::fromJson(
                QByteArray::fromRawData(rest.constData(), consumed), &parseError);
        }
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("not JSON at byte %1: %2")
                         .arg(pos + parseError.offset)
                         .arg(parseError.errorString());
            return std::nullopt;
        }
        values.push_back(document.isArray() ? QJsonValue(document.array())
                                            : QJsonValue(document.object()));
        pos += consumed;
    }
    if (values.empty()) {
        *error = QStringLiteral("empty: no JSON value");
        return std::nullopt;
    }
    return values;
}

EstateInput readEstate(const std::vector<InputFile> &files, const TemplateContext &context,
                       ImportReport &report)
{
    EstateInput input;
    Reader reader(context, report, input);
    for (const InputFile &file : files) {
        QString error;
        std::optional<std::vector<QJsonValue>> values;
        if (const auto utf8 = decodeToUtf8(file.bytes, &error))
            values = parseJsonValues(*utf8, &error);
        if (!values) {
            report.skipped.push_back({{}, {}, QStringLiteral("unreadable"), file.name, error});
            continue;
        }
        ++input.readableFiles;
        for (size_t i = 0; i < values->size(); ++i)
            reader.visit((*values)[i], file.name + u':' + QString::number(i));
    }
    std::sort(input.resources.begin(), input.resources.end(),
              [](const InputResource &a, const InputResource &b) { return a.lowerId < b.lowerId; });
    return input;
}

} // namespace hopscope::importing
