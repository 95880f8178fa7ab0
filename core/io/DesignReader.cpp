#include "io/DesignReader.h"

#include "format/ValueGrammar.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>

namespace hopscope::io {

QString LoadError::toString() const
{
    if (line <= 0)
        return file + QStringLiteral(": ") + message;
    if (column <= 0)
        return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
    return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
}

namespace {

using namespace hopscope::model;

// No design needs deeper nesting than about six levels (design → firewalls → rule → list);
// refusing at 64 keeps yaml-cpp's recursive descent parser far from the end of the stack.
constexpr int maxNestingDepth = 64;
// Aliases may add at most this many nodes to the document: the schema walk visits an aliased
// node once per alias, so "billion laughs" would otherwise make it exponential.
constexpr std::uint64_t maxAliasExpansion = 1'000'000;
// yaml-cpp spends microseconds and hundreds of bytes per node: a 16 MiB file of tiny nodes
// would take half a minute and gigabytes. A design of the largest Azure estate has a few
// hundred thousand nodes.
constexpr std::uint64_t maxDocumentNodes = 1'000'000;
// A file can hold millions of mistakes; people read the first thousand.
constexpr std::size_t maxReportedErrors = 1000;
constexpr std::size_t maxCollectedErrors = 100'000;

// A problem found while reading, positioned by byte offset in the text (-1: the whole file).
struct Problem
{
    qint64 offset = -1;
    QString message;
};

// Thrown by StructureGuard to stop yaml-cpp's parser as soon as a limit is passed.
struct StructureRefused
{
    YAML::Mark mark;
    QString message;
};

// Sees yaml-cpp's parse events before any node is built, to bound nesting depth (the parser
// recurses once per level), alias expansion and the number of documents.
class StructureGuard final : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (++m_documents > 1)
            throw StructureRefused{mark, QStringLiteral("a design file holds one YAML document; "
                                                        "a second one starts here")};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override
    {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const std::uint64_t size = anchor < m_anchorSizes.size() ? m_anchorSizes[anchor] : 0;
        // yaml-cpp registers an anchor before its content, so `&a [*a]` makes a cycle.
        if (size == 0)
            throw StructureRefused{mark, QStringLiteral("this alias refers to a node that "
                                                        "contains it")};
        m_aliasExpansion += size;
        if (m_aliasExpansion > maxAliasExpansion)
            throw StructureRefused{
                mark, QStringLiteral("aliases would expand this document by more than %1 nodes; "
                                     "refused (a design never needs that)")
                          .arg(maxAliasExpansion)};
        addToParent(size);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct OpenNode
    {
        YAML::anchor_t anchor;
        std::uint64_t expandedSize;
    };

    void count(const YAML::Mark &mark)
    {
        if (++m_nodes > maxDocumentNodes)
            throw StructureRefused{mark, QStringLiteral("the document holds more than %1 YAML "
                                                        "nodes; refused (a design of the largest "
                                                        "Azure estate needs far fewer)")
                                             .arg(maxDocumentNodes)};
    }
    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        count(mark);
        if (m_open.size() >= std::size_t(maxNestingDepth))
            throw StructureRefused{mark, QStringLiteral("YAML nested deeper than %1 levels; "
                                                        "refused (a design never needs that)")
                                             .arg(maxNestingDepth)};
        m_open.push_back({anchor, 1});
    }
    void close()
    {
        const OpenNode node = m_open.back();
        m_open.pop_back();
        complete(node.anchor, node.expandedSize);
    }
    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        count(mark);
        complete(anchor, 1);
    }
    void complete(YAML::anchor_t anchor, std::uint64_t size)
    {
        if (anchor != YAML::NullAnchor) {
            if (m_anchorSizes.size() <= anchor)
                m_anchorSizes.resize(anchor + 1, 0);
            m_anchorSizes[anchor] = size;
        }
        addToParent(size);
    }
    void addToParent(std::uint64_t size)
    {
        if (!m_open.empty())
            m_open.back().expandedSize += size;
    }

    int m_documents = 0;
    std::uint64_t m_nodes = 0;
    std::vector<OpenNode> m_open;
    std::vector<std::uint64_t> m_anchorSizes; // by anchor id; 0 while the node is still open
    std::uint64_t m_aliasExpansion = 0;
};

// YAML's printable set (YAML 1.2 §5.1) leaves out U+FFFE and U+FFFF, and yaml-cpp's emitter
// writes them as U+FFFD: a file holding one could not be saved unchanged, so the reader refuses
// them, raw (firstNonTextByte) or written as escapes (GuardedTreeBuilder).
bool isRefusedNoncharacter(char32_t c) { return c == 0xfffe || c == 0xffff; }
QString refusedNoncharacter(char32_t c)
{
    return QStringLiteral("character U+%1, which YAML does not allow in a file")
        .arg(QString::number(c, 16).toUpper());
}

// The first byte that makes `bytes` unfit to hand to yaml-cpp (NUL, a control character YAML
// does not allow, or invalid UTF-8), with the reason. Hand-written because Qt's decoders say
// *whether* UTF-8 is valid but not *where* it breaks, and the user needs the position.
std::optional<Problem> firstNonTextByte(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qint64 size = bytes.size();
    const QString notText = QStringLiteral(": this is not a text file (a design is UTF-8 YAML)");
    for (qint64 i = 0; i < size;) {
        const unsigned char c = data[i];
        if (c == 0)
            return Problem{i, QStringLiteral("NUL byte") + notText};
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return Problem{i, QStringLiteral("control character 0x%1")
                                      .arg(int(c), 2, 16, QLatin1Char('0')) +
                                  notText};
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        std::uint32_t codePoint = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
            codePoint = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            codePoint = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            codePoint = c & 0x07;
        }
        bool valid = length > 0 && i + length <= size;
        for (int k = 1; valid && k < length; ++k) {
            valid = (data[i + k] & 0xc0) == 0x80;
            codePoint = (codePoint << 6) | (data[i + k] & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if (valid)
            valid = !(length == 3 && codePoint < 0x800) && !(length == 4 && codePoint < 0x10000) &&
                    !(codePoint >= 0xd800 && codePoint <= 0xdfff) && codePoint <= 0x10ffff;
        if (valid && isRefusedNoncharacter(codePoint))
            return Problem{i, refusedNoncharacter(codePoint)};
        if (!valid)
            return Problem{i, QStringLiteral("invalid UTF-8 (byte 0x%1)")
                                      .arg(int(c), 2, 16, QLatin1Char('0')) +
                                  notText};
        i += length;
    }
    return std::nullopt;
}

// The offset of the first flow opener ('[' or '{') more than maxNestingDepth flow levels deep,
// or nullopt. Issue 12: yaml-cpp's scanner queues every token of a run of unclosed flow
// collections before its parser (and so StructureGuard) sees the first event; 16 MiB of '['
// took 17 s and 4 GiB before the refusal. This linear scan finds such a run first, so that only
// the text up to it need be parsed. It skips comments and quoted scalars, and in block context
// counts a bracket only where a node can start (a block plain scalar may hold '['). It is a
// heuristic: readDesign() trusts it only when the parse of the text up to the opener fails
// there (see there).
std::optional<qint64> firstTooDeepFlowOpener(const QByteArray &text)
{
    const qint64 size = text.size();
    const char *data = text.constData();
    int depth = 0;
    bool nodeStart = true; // a node, a quote or a comment may start here
    for (qint64 i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '\n' || c == ' ' || c == '\t' || (depth > 0 && (c == ',' || c == ':'))) {
            nodeStart = true;
            continue;
        }
        if (nodeStart && c == '#') {
            while (i + 1 < size && data[i + 1] != '\n')
                ++i;
            continue;
        }
        if (nodeStart && (c == '\'' || c == '"')) {
            // '' is a quote inside '...'; a backslash escapes the next character inside "...".
            for (++i; i < size; ++i) {
                if (c == '"' && data[i] == '\\')
                    ++i;
                else if (data[i] == c && !(c == '\'' && i + 1 < size && data[i + 1] == '\''))
                    break;
                else if (c == '\'' && data[i] == '\'')
                    ++i;
            }
            nodeStart = false;
            continue;
        }
        if ((c == '[' || c == '{') && (depth > 0 || nodeStart)) {
            if (++depth > maxNestingDepth)
                return i;
            nodeStart = true;
            continue;
        }
        if ((c == ']' || c == '}') && depth > 0)
            --depth;
        nodeStart = false;
    }
    return std::nullopt;
}

// The YAML document as the schema walk sees it: what yaml-cpp's YAML::Node gives (kind, scalar
// text, whether the tag is the non-specific "!" of a quoted scalar, position, children in file
// order, aliases sharing their anchor's node), held in two flat arrays instead of one
// shared_ptr-linked heap object per node, with the scalars converted to QString once.
struct Tree
{
    enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map };
    struct Node
    {
        Kind kind = Kind::Null;
        bool nonSpecificTag = false;
        qint64 offset = -1; // byte offset of the node in the text, -1 when unknown
        std::uint32_t first = 0; // into `children`; a map's are key, value, key, value...
        std::uint32_t count = 0; // items, or pairs for a map
        QString scalar;
    };
    std::vector<Node> nodes;
    std::vector<std::uint32_t> children;

    std::uint32_t add(Kind kind, qint64 offset)
    {
        nodes.emplace_back();
        nodes.back().kind = kind;
        nodes.back().offset = offset;
        return std::uint32_t(nodes.size() - 1);
    }
};

// A read-only handle on a node of a Tree, with the part of YAML::Node's interface the walk uses.
class YNode
{
public:
    YNode() = default;
    YNode(const Tree *tree, std::uint32_t index) : m_tree(tree), m_index(index) {}

    bool IsNull() const { return !m_tree || node().kind == Tree::Kind::Null; }
    bool IsScalar() const { return m_tree && node().kind == Tree::Kind::Scalar; }
    bool IsSequence() const { return m_tree && node().kind == Tree::Kind::Sequence; }
    bool IsMap() const { return m_tree && node().kind == Tree::Kind::Map; }
    const QString &Scalar() const
    {
        static const QString none;
        return IsScalar() ? node().scalar : none;
    }
    bool nonSpecificTag() const { return m_tree && node().nonSpecificTag; }
    qint64 offset() const { return m_tree ? node().offset : -1; }
    std::size_t size() const { return IsSequence() || IsMap() ? node().count : 0; }

    // Items of a sequence; keys and values of a map.
    YNode item(std::size_t i) const { return child(i); }
    YNode key(std::size_t i) const { return child(2 * i); }
    YNode value(std::size_t i) const { return child(2 * i + 1); }

    class Iterator
    {
    public:
        Iterator(const YNode *owner, std::size_t i) : m_owner(owner), m_i(i) {}
        YNode operator*() const { return m_owner->item(m_i); }
        Iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator!=(const Iterator &other) const { return m_i != other.m_i; }

    private:
        const YNode *m_owner;
        std::size_t m_i;
    };
    // Iterates the items of a sequence (nothing for other kinds).
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, IsSequence() ? node().count : 0}; }

private:
    const Tree::Node &node() const { return m_tree->nodes[m_index]; }
    YNode child(std::size_t i) const
    {
        return {m_tree, m_tree->children[node().first + i]};
    }

    const Tree *m_tree = nullptr;
    std::uint32_t m_index = 0;
};

QString quoted(const QString &text) { return u'\'' + text + u'\''; }

QString describeValue(const YNode &node)
{
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsMap())
        return QStringLiteral("a map");
    if (node.IsScalar()) {
        QString text = node.Scalar();
        if (text.size() > 40)
            text = text.left(37) + QStringLiteral("...");
        return quoted(text);
    }
    return QStringLiteral("nothing");
}

qint64 offsetOf(const YAML::Mark &mark) { return mark.is_null() ? -1 : qint64(mark.pos); }

struct Entry
{
    QString key;
    YNode keyNode;
    YNode value;
};

// The entries of one YAML map, in file order, first of each key kept.
struct Fields
{
    YNode node;
    std::vector<Entry> entries;
    // Only for large maps (a layout map may hold thousands of keys): most maps have a handful
    // of keys, where comparing them in turn beats hashing and allocating.
    QHash<QString, std::size_t> indexOfKey;
    static constexpr std::size_t hashFrom = 16;

    const Entry *find(QStringView key) const
    {
        if (entries.size() < hashFrom) {
            for (const Entry &entry : entries)
                if (entry.key == key)
                    return &entry;
            return nullptr;
        }
        const auto it = indexOfKey.constFind(key.toString());
        return it == indexOfKey.cend() ? nullptr : &entries[*it];
    }
    void add(Entry entry)
    {
        if (entries.size() + 1 == hashFrom)
            for (std::size_t i = 0; i < entries.size(); ++i)
                indexOfKey.insert(entries[i].key, i);
        if (entries.size() + 1 >= hashFrom)
            indexOfKey.insert(entry.key, entries.size());
        entries.push_back(std::move(entry));
    }
};

// The shared namespace of format.md's "Names" rule, and what each kind is called in messages.
enum class NameKind {
    Vnet,
    RouteTable,
    Firewall,
    Gateway,
    Vm,
    Client,
    Site,
    NetworkSecurityGroup,
    ApplicationSecurityGroup
};
constexpr std::size_t nameKindCount = 9;

QString kindName(NameKind kind)
{
    switch (kind) {
    case NameKind::Vnet: return QStringLiteral("vnet");
    case NameKind::RouteTable: return QStringLiteral("route table");
    case NameKind::Firewall: return QStringLiteral("firewall");
    case NameKind::Gateway: return QStringLiteral("gateway");
    case NameKind::Vm: return QStringLiteral("vm");
    case NameKind::Client: return QStringLiteral("client");
    case NameKind::NetworkSecurityGroup: return QStringLiteral("network security group");
    case NameKind::ApplicationSecurityGroup:
        return QStringLiteral("application security group");
    case NameKind::Site: break;
    }
    return QStringLiteral("on-premises site");
}

struct Declaration
{
    QString name;
    NameKind kind;
    qint64 offset;
};

enum class ReferenceKind {
    RouteTable,
    Vnet,
    Gateway,
    Subnet,
    ProxyVm,
    EndPoint,
    NetworkSecurityGroup,
    ApplicationSecurityGroup
};

// A name used before all names are known; resolved once the whole file has been read.
struct Reference
{
    ReferenceKind kind;
    QString name;
    QString field; // "routeTable in subnet 'Subnet-b'"
    qint64 offset;
};

// An ARM id as read, to find two objects with one id once the whole file has been read.
struct IdDeclaration
{
    QString id;
    QString owner; // "vnet 'hub'"
    qint64 offset;
};

const QString validNameRule =
    QStringLiteral("use 1 to 80 ASCII letters, digits, '.', '_' or '-'");

// Reads the schema of format.md v1 from a YAML tree whose size, depth and aliases are already
// bounded. It only descends where the schema does, so it never walks arbitrary nodes.
class DesignParser
{
public:
    Design design;
    std::vector<Problem> problems;
    std::size_t uncollectedProblems = 0;

    void read(const YNode &root)
    {
        if (!root.IsMap()) {
            problem(root, QStringLiteral("expected a design: a map starting with 'hopscope: 1', "
                                         "got %1")
                              .arg(describeValue(root)));
            return;
        }
        const std::optional<Fields> top = fields(root, QStringLiteral("the design"));
        if (!top)
            return;
        if (!readVersion(*top))
            return;
        checkKeys(*top, topKeys(), QStringLiteral("the design"));
        if (const Entry *e = top->find(u"name"))
            design.name = text(*e, QStringLiteral("the design")).value_or(QString());
        readList(*top, u"vnets", [this](const YNode &n, int i) { readVnet(n, i); });
        readList(*top, u"peerings", [this](const YNode &n, int i) { readPeering(n, i); });
        readList(*top, u"routeTables",
                 [this](const YNode &n, int i) { readRouteTable(n, i); });
        readList(*top, u"firewalls", [this](const YNode &n, int i) { readFirewall(n, i); });
        readList(*top, u"gateways", [this](const YNode &n, int i) { readGateway(n, i); });
        readList(*top, u"vms", [this](const YNode &n, int i) { readVm(n, i); });
        readList(*top, u"networkSecurityGroups",
                 [this](const YNode &n, int i) { readNetworkSecurityGroup(n, i); });
        readList(*top, u"applicationSecurityGroups",
                 [this](const YNode &n, int i) { readApplicationSecurityGroup(n, i); });
        readList(*top, u"clients", [this](const YNode &n, int i) { readClient(n, i); });
        readList(*top, u"intents", [this](const YNode &n, int i) { readIntent(n, i); });
        if (const Entry *e = top->find(u"settings"))
            readSettings(*e);
        if (const Entry *e = top->find(u"layout"))
            readLayout(*e);
        checkNamespace();
        checkIds();
        resolveReferences();
    }

private:
    std::vector<Declaration> m_declarations;
    std::vector<Reference> m_references;
    std::vector<IdDeclaration> m_ids;

    static const QStringList &topKeys()
    {
        static const QStringList keys = {
            QStringLiteral("hopscope"), QStringLiteral("name"),      QStringLiteral("vnets"),
            QStringLiteral("peerings"), QStringLiteral("routeTables"), QStringLiteral("firewalls"),
            QStringLiteral("gateways"), QStringLiteral("vms"),
            QStringLiteral("networkSecurityGroups"), QStringLiteral("applicationSecurityGroups"),
            QStringLiteral("clients"),  QStringLiteral("intents"),   QStringLiteral("settings"),
            QStringLiteral("layout")};
        return keys;
    }

    // Past the cap only the count is kept, so that a 16 MiB file of mistakes cannot take
    // gigabytes of messages.
    void problem(qint64 offset, const QString &message)
    {
        if (problems.size() < maxCollectedErrors)
            problems.push_back({offset, message});
        else
            ++uncollectedProblems;
    }
    void problem(const YNode &node, const QString &message)
    {
        problem(node.offset(), message);
    }
    // Where a problem with an entry's value is shown: at the value, unless there is none, in
    // which case yaml-cpp marks the next token, so the key is the better place.
    void problem(const Entry &entry, const QString &message)
    {
        problem(entry.value.IsNull() ? entry.keyNode : entry.value, message);
    }
    QString fieldLabel(const Entry &entry, const QString &where) const
    {
        return entry.key + QStringLiteral(" in ") + where;
    }
    void valueProblem(const Entry &entry, const QString &where, const QString &detail)
    {
        problem(entry, fieldLabel(entry, where) + QStringLiteral(": ") + detail);
    }

    // --- maps and keys --------------------------------------------------------------------

    std::optional<Fields> fields(const YNode &node, const QString &what)
    {
        if (!node.IsMap()) {
            problem(node, QStringLiteral("expected %1 as a map of keys and values, got %2")
                              .arg(what, describeValue(node)));
            return std::nullopt;
        }
        Fields result{node, {}, {}};
        result.entries.reserve(node.size());
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YNode key = node.key(i);
            if (!key.IsScalar()) {
                problem(key, QStringLiteral("a key in %1 must be a word, got %2")
                                 .arg(what, describeValue(key)));
                continue;
            }
            const QString name = key.Scalar();
            if (result.find(name)) {
                problem(key, QStringLiteral("duplicate key %1 in %2").arg(quoted(name), what));
                continue;
            }
            result.add({name, key, node.value(i)});
        }
        return result;
    }

    void checkKeys(const Fields &map, const QStringList &allowed, const QString &where)
    {
        for (const Entry &entry : map.entries)
            if (!allowed.contains(entry.key))
                problem(entry.keyNode, QStringLiteral("unknown key %1 in %2 (expected one of: %3)")
                                           .arg(quoted(entry.key), where,
                                                allowed.join(QStringLiteral(", "))));
    }

    const Entry *required(const Fields &map, QStringView key, const QString &where)
    {
        const Entry *entry = map.find(key);
        if (!entry)
            problem(map.node, QStringLiteral("missing required key %1 in %2")
                                  .arg(quoted(key.toString()), where));
        return entry;
    }

    // "subnet 'Subnet-b'", or "subnet #2" when the object has no usable name.
    static QString describe(const QString &kind, const Fields &map, int index)
    {
        if (const Entry *name = map.find(u"name"); name && name->value.IsScalar())
            return kind + u' ' + quoted(name->value.Scalar());
        return kind + QStringLiteral(" #") + QString::number(index + 1);
    }

    template <typename ReadItem>
    void readList(const Fields &top, QStringView key, ReadItem readItem)
    {
        const Entry *entry = top.find(key);
        if (!entry || entry->value.IsNull()) // `peerings:` with nothing is an empty list
            return;
        if (!entry->value.IsSequence()) {
            valueProblem(*entry, QStringLiteral("the design"),
                         QStringLiteral("expected a list, got %1").arg(describeValue(entry->value)));
            return;
        }
        int index = 0;
        for (const YNode &item : entry->value)
            readItem(item, index++);
    }

    // --- scalar values ----------------------------------------------------------------------

    std::optional<QString> text(const Entry &entry, const QString &where)
    {
        if (!entry.value.IsScalar()) {
            valueProblem(entry, where,
                         QStringLiteral("expected text, got %1").arg(describeValue(entry.value)));
            return std::nullopt;
        }
        return entry.value.Scalar();
    }

    // A name of the shared namespace (`kind` set) or a name local to a VNet or table.
    std::optional<QString> name(const Entry &entry, const QString &where,
                                std::optional<NameKind> kind = std::nullopt)
    {
        const std::optional<QString> value = text(entry, where);
        if (!value)
            return std::nullopt;
        if (!isValidName(*value)) {
            valueProblem(entry, where,
                         QStringLiteral("invalid name %1 (%2)").arg(quoted(*value), validNameRule));
            return std::nullopt;
        }
        if (kind && *value == internetName()) {
            valueProblem(entry, where,
                         QStringLiteral("the name 'Internet' is reserved for the implicit "
                                        "Internet object"));
            return std::nullopt;
        }
        if (kind)
            m_declarations.push_back({*value, *kind, entry.value.offset()});
        return value;
    }

    // Numbers and booleans must be plain scalars: `port: "3128"` is a string, not a number.
    bool plainScalar(const Entry &entry, const QString &where, const QString &expected)
    {
        if (entry.value.IsScalar() && !entry.value.nonSpecificTag())
            return true;
        valueProblem(entry, where,
                     QStringLiteral("expected %1, got %2%3")
                         .arg(expected,
                              entry.value.IsScalar() ? QStringLiteral("the quoted text ")
                                                     : QString(),
                              describeValue(entry.value)));
        return false;
    }

    // The value of a scalar read with the grammar's `parse`; a failure is this entry's problem.
    template <typename T>
    std::optional<T> parsed(const Entry &entry, const QString &where,
                            const format::Parsed<T> &result)
    {
        if (!result)
            valueProblem(entry, where, result.error());
        return result.value();
    }

    std::optional<bool> boolean(const Entry &entry, const QString &where)
    {
        if (!plainScalar(entry, where, format::expectedBoolean()))
            return std::nullopt;
        return parsed(entry, where, format::parseBoolean(entry.value.Scalar()));
    }

    std::optional<int> port(const Entry &entry, const QString &where)
    {
        if (!plainScalar(entry, where, format::expectedPort()))
            return std::nullopt;
        return parsed(entry, where, format::parsePort(entry.value.Scalar()));
    }

    std::optional<int> formatVersion(const Entry &entry)
    {
        if (!plainScalar(entry, QStringLiteral("the design"), format::expectedFormatVersion()))
            return std::nullopt;
        return parsed(entry, QStringLiteral("the design"),
                      format::parseFormatVersion(entry.value.Scalar()));
    }

    // Layout coordinates are kept to 1/100 so that saving and reading give back the same
    // number (the writer prints at most two decimals).
    std::optional<double> coordinate(const Entry &entry, const QString &where)
    {
        if (!plainScalar(entry, where, format::expectedCoordinate()))
            return std::nullopt;
        return parsed(entry, where, format::parseCoordinate(entry.value.Scalar()));
    }

    template <typename Enum>
    std::optional<Enum> enumeration(const Entry &entry, const QString &where,
                                    Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
    {
        if (entry.value.IsScalar())
            return parsed(entry, where,
                          format::parseEnum<Enum>(entry.value.Scalar(), sensitivity));
        valueProblem(entry, where,
                     QStringLiteral("expected one of: %1; got %2")
                         .arg(format::spellingList<Enum>(), describeValue(entry.value)));
        return std::nullopt;
    }

    // A scalar (`entry.value`, or an item of the entry's list) read with the grammar's `parse`;
    // a failure is reported at the node.
    template <typename T>
    std::optional<T> scalarValue(const Entry &entry, const YNode &item, const QString &where,
                                 const QString &expected,
                                 format::Parsed<T> (*parse)(QStringView))
    {
        if (!item.IsScalar()) {
            problem(item.IsNull() ? entry.keyNode : item,
                    fieldLabel(entry, where) +
                        QStringLiteral(": expected %1, got %2").arg(expected, describeValue(item)));
            return std::nullopt;
        }
        const format::Parsed<T> result = parse(item.Scalar());
        if (!result)
            problem(item, fieldLabel(entry, where) + QStringLiteral(": ") + result.error());
        return result.value();
    }

    // A prefix, alone (`entry.value`) or as an item of the entry's list.
    std::optional<Prefix> prefix(const Entry &entry, const YNode &node, const QString &where)
    {
        return scalarValue(entry, node, where, QStringLiteral("a prefix such as 10.0.0.0/16"),
                           format::parsePrefix);
    }

    std::optional<Ipv4Address> address(const Entry &entry, const QString &where)
    {
        if (!entry.value.IsScalar()) {
            valueProblem(entry, where,
                         QStringLiteral("expected an IPv4 address such as 10.0.1.4, got %1")
                             .arg(describeValue(entry.value)));
            return std::nullopt;
        }
        return parsed(entry, where, format::parseAddress(entry.value.Scalar()));
    }

    // A list whose items `readItem(node)` turns into values; an item that fails is left out.
    template <typename T, typename ReadItem>
    std::vector<T> list(const Entry &entry, const QString &where, const QString &example,
                        bool nonEmpty, ReadItem readItem)
    {
        std::vector<T> result;
        if (!entry.value.IsSequence()) {
            valueProblem(entry, where,
                         QStringLiteral("expected a list such as %1, got %2")
                             .arg(example, describeValue(entry.value)));
            return result;
        }
        if (nonEmpty && entry.value.size() == 0)
            valueProblem(entry, where,
                         QStringLiteral("expected at least one item, such as %1").arg(example));
        for (const YNode &item : entry.value)
            if (std::optional<T> value = readItem(item))
                result.push_back(std::move(*value));
        return result;
    }

    std::vector<Prefix> prefixes(const Entry &entry, const QString &where, bool nonEmpty)
    {
        return list<Prefix>(entry, where, QStringLiteral("[10.0.0.0/16]"), nonEmpty,
                            [&](const YNode &item) { return prefix(entry, item, where); });
    }

    void reference(ReferenceKind kind, const QString &value, const Entry &entry,
                   const QString &where)
    {
        m_references.push_back(
            {kind, value, fieldLabel(entry, where), entry.value.offset()});
    }

    // A reference held by one item of the entry's list (`applicationSecurityGroups: [a, b]`).
    std::optional<QString> referenceItem(ReferenceKind kind, const Entry &entry, const YNode &item,
                                         const QString &where)
    {
        if (!item.IsScalar() || !isValidName(item.Scalar())) {
            problem(item.IsNull() ? entry.keyNode : item,
                    fieldLabel(entry, where) +
                        QStringLiteral(": expected a name, got %1").arg(describeValue(item)));
            return std::nullopt;
        }
        m_references.push_back({kind, item.Scalar(), fieldLabel(entry, where), item.offset()});
        return item.Scalar();
    }

    // The optional `id` of an object (format.md additions: ARM ids, import.md I5.3).
    QString resourceId(const Fields &map, const QString &where)
    {
        const Entry *entry = map.find(u"id");
        if (!entry)
            return {};
        const std::optional<QString> value = text(*entry, where);
        if (!value)
            return {};
        const std::optional<QString> id = parsed(*entry, where, format::parseResourceId(*value));
        if (!id)
            return {};
        m_ids.push_back({*id, where, entry->value.offset()});
        return *id;
    }

    // --- the objects ----------------------------------------------------------------------

    bool readVersion(const Fields &top)
    {
        const Entry *entry = top.find(u"hopscope");
        if (!entry) {
            problem(top.node, QStringLiteral("missing 'hopscope: 1' at the top: this is not a "
                                             "Hopscope design, or its format version is missing"));
            return true;
        }
        const std::optional<int> version = formatVersion(*entry);
        if (version && *version != 1) {
            // A future format: its keys would only produce noise, so stop here.
            problem(*entry, QStringLiteral("this file is format version %1; this Hopscope reads "
                                           "version 1")
                                .arg(*version));
            return false;
        }
        return true;
    }

    void readVnet(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a vnet"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("name"),   QStringLiteral("id"),
                                         QStringLiteral("role"),   QStringLiteral("region"),
                                         QStringLiteral("addressSpace"),
                                         QStringLiteral("subnets")};
        const QString where = describe(QStringLiteral("vnet"), *map, index);
        checkKeys(*map, keys, where);
        Vnet vnet;
        if (const Entry *e = required(*map, u"name", where))
            vnet.name = name(*e, where, NameKind::Vnet).value_or(QString());
        vnet.id = resourceId(*map, where);
        if (const Entry *e = map->find(u"role"))
            vnet.role = enumeration<VnetRole>(*e, where).value_or(VnetRole::Other);
        if (const Entry *e = map->find(u"region"))
            vnet.region = text(*e, where).value_or(QString());
        if (const Entry *e = required(*map, u"addressSpace", where))
            vnet.addressSpace = prefixes(*e, where, true);
        if (const Entry *e = map->find(u"subnets"); e && !e->value.IsNull()) {
            if (!e->value.IsSequence()) {
                valueProblem(*e, where, QStringLiteral("expected a list of subnets, got %1")
                                            .arg(describeValue(e->value)));
            } else {
                QSet<QString> seen;
                int subnetIndex = 0;
                for (const YNode &item : e->value)
                    if (std::optional<Subnet> subnet = readSubnet(item, subnetIndex++, where)) {
                        if (!subnet->name.isEmpty() && seen.contains(subnet->name))
                            problem(item, QStringLiteral("duplicate subnet %1 in %2")
                                              .arg(quoted(subnet->name), where));
                        seen.insert(subnet->name);
                        vnet.subnets.push_back(std::move(*subnet));
                    }
            }
        }
        design.vnets.push_back(std::move(vnet));
    }

    std::optional<Subnet> readSubnet(const YNode &node, int index, const QString &vnetWhere)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a subnet of ") + vnetWhere);
        if (!map)
            return std::nullopt;
        static const QStringList keys = {
            QStringLiteral("name"),          QStringLiteral("id"),
            QStringLiteral("addressPrefix"), QStringLiteral("addressPrefixes"),
            QStringLiteral("routeTable"),    QStringLiteral("networkSecurityGroup")};
        const QString where = describe(QStringLiteral("subnet"), *map, index);
        checkKeys(*map, keys, where);
        Subnet subnet;
        if (const Entry *e = required(*map, u"name", where))
            subnet.name = name(*e, where).value_or(QString());
        subnet.id = resourceId(*map, where);
        // format.md additions: `addressPrefixes` may replace `addressPrefix`, exactly one of the
        // two; the first prefix is the one the subnet's end point stands in.
        const Entry *single = map->find(u"addressPrefix");
        const Entry *several = map->find(u"addressPrefixes");
        if (single && several) {
            const Entry *later = single->keyNode.offset() > several->keyNode.offset() ? single
                                                                                      : several;
            problem(later->keyNode, QStringLiteral("%1 in %2: give addressPrefix or "
                                                   "addressPrefixes, not both")
                                        .arg(later->key, where));
        } else if (!single && !several) {
            problem(map->node, QStringLiteral("missing required key 'addressPrefix' in %1 (or "
                                              "'addressPrefixes' for several prefixes)")
                                   .arg(where));
        }
        if (single)
            subnet.addressPrefix = prefix(*single, single->value, where).value_or(Prefix());
        if (several) {
            std::vector<Prefix> all = prefixes(*several, where, true);
            if (!single && !all.empty()) {
                subnet.addressPrefix = all.front();
                subnet.moreAddressPrefixes.assign(all.begin() + 1, all.end());
            }
        }
        if (const Entry *e = map->find(u"routeTable"))
            if (const std::optional<QString> table = text(*e, where)) {
                subnet.routeTable = *table;
                reference(ReferenceKind::RouteTable, *table, *e, where);
            }
        if (const Entry *e = map->find(u"networkSecurityGroup"))
            if (const std::optional<QString> nsg = text(*e, where)) {
                subnet.networkSecurityGroup = *nsg;
                reference(ReferenceKind::NetworkSecurityGroup, *nsg, *e, where);
            }
        return subnet;
    }

    void readPeering(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a peering"));
        if (!map)
            return;
        static const QStringList keys = {
            QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("id"),
            QStringLiteral("allowVirtualNetworkAccess"), QStringLiteral("allowForwardedTraffic"),
            QStringLiteral("allowGatewayTransit"), QStringLiteral("useRemoteGateways")};
        QString where = QStringLiteral("peering #%1").arg(index + 1);
        const Entry *from = map->find(u"from");
        const Entry *to = map->find(u"to");
        if (from && to && from->value.IsScalar() && to->value.IsScalar())
            where = QStringLiteral("peering %1 -> %2")
                        .arg(from->value.Scalar(),
                             to->value.Scalar());
        checkKeys(*map, keys, where);
        Peering peering;
        for (auto [key, target] : {std::pair{u"from", &peering.from}, std::pair{u"to", &peering.to}})
            if (const Entry *e = required(*map, key, where))
                if (const std::optional<QString> vnet = text(*e, where)) {
                    *target = *vnet;
                    reference(ReferenceKind::Vnet, *vnet, *e, where);
                }
        peering.id = resourceId(*map, where);
        const std::pair<const char16_t *, bool *> flags[] = {
            {u"allowVirtualNetworkAccess", &peering.allowVirtualNetworkAccess},
            {u"allowForwardedTraffic", &peering.allowForwardedTraffic},
            {u"allowGatewayTransit", &peering.allowGatewayTransit},
            {u"useRemoteGateways", &peering.useRemoteGateways}};
        for (const auto &[key, flag] : flags)
            if (const Entry *e = map->find(key))
                *flag = boolean(*e, where).value_or(*flag);
        design.peerings.push_back(std::move(peering));
    }

    void readRouteTable(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a route table"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("id"),
                                         QStringLiteral("disableBgpRoutePropagation"),
                                         QStringLiteral("routes")};
        const QString where = describe(QStringLiteral("route table"), *map, index);
        checkKeys(*map, keys, where);
        RouteTable table;
        if (const Entry *e = required(*map, u"name", where))
            table.name = name(*e, where, NameKind::RouteTable).value_or(QString());
        table.id = resourceId(*map, where);
        if (const Entry *e = map->find(u"disableBgpRoutePropagation"))
            table.disableBgpRoutePropagation = boolean(*e, where).value_or(false);
        if (const Entry *e = map->find(u"routes"); e && !e->value.IsNull()) {
            if (!e->value.IsSequence()) {
                valueProblem(*e, where, QStringLiteral("expected a list of routes, got %1")
                                            .arg(describeValue(e->value)));
            } else {
                QSet<QString> seen;
                int routeIndex = 0;
                for (const YNode &item : e->value)
                    if (std::optional<Route> route = readRoute(item, routeIndex++)) {
                        if (!route->name.isEmpty() && seen.contains(route->name))
                            problem(item, QStringLiteral("duplicate route %1 in %2")
                                              .arg(quoted(route->name), where));
                        seen.insert(route->name);
                        table.routes.push_back(std::move(*route));
                    }
            }
        }
        design.routeTables.push_back(std::move(table));
    }

    std::optional<Route> readRoute(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a route"));
        if (!map)
            return std::nullopt;
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("id"),
                                         QStringLiteral("addressPrefix"),
                                         QStringLiteral("nextHopType"),
                                         QStringLiteral("nextHopIpAddress")};
        const QString where = describe(QStringLiteral("route"), *map, index);
        checkKeys(*map, keys, where);
        Route route;
        if (const Entry *e = required(*map, u"name", where))
            route.name = name(*e, where).value_or(QString());
        route.id = resourceId(*map, where);
        if (const Entry *e = required(*map, u"addressPrefix", where))
            route.addressPrefix = prefix(*e, e->value, where).value_or(Prefix());
        std::optional<NextHopType> type;
        if (const Entry *e = required(*map, u"nextHopType", where))
            type = enumeration<NextHopType>(*e, where);
        route.nextHopType = type.value_or(NextHopType::None);
        // An IP with another next hop type is a finding of check (Azure ignores or refuses
        // it), not a load error, so it is kept.
        if (const Entry *e = map->find(u"nextHopIpAddress"))
            route.nextHopIpAddress = address(*e, where);
        else if (type == NextHopType::VirtualAppliance)
            problem(map->node, QStringLiteral("missing required key 'nextHopIpAddress' in %1 "
                                              "(nextHopType VirtualAppliance needs the "
                                              "appliance's IP)")
                                   .arg(where));
        return route;
    }

    void readFirewall(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a firewall"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("name"),      QStringLiteral("id"),
                                         QStringLiteral("subnet"),    QStringLiteral("privateIp"),
                                         QStringLiteral("managementNic"), QStringLiteral("rules")};
        const QString where = describe(QStringLiteral("firewall"), *map, index);
        checkKeys(*map, keys, where);
        Firewall firewall;
        if (const Entry *e = required(*map, u"name", where))
            firewall.name = name(*e, where, NameKind::Firewall).value_or(QString());
        firewall.id = resourceId(*map, where);
        if (const Entry *e = required(*map, u"subnet", where))
            if (const std::optional<QString> subnet = text(*e, where)) {
                firewall.subnet = *subnet;
                reference(ReferenceKind::Subnet, *subnet, *e, where);
            }
        if (const Entry *e = map->find(u"privateIp"))
            firewall.privateIp = address(*e, where);
        if (const Entry *e = map->find(u"managementNic"))
            firewall.managementNic = boolean(*e, where).value_or(false);
        if (const Entry *e = map->find(u"rules"))
            readFirewallRules(*e, where, firewall);
        design.firewalls.push_back(std::move(firewall));
    }

    void readFirewallRules(const Entry &entry, const QString &where, Firewall &firewall)
    {
        if (entry.value.IsScalar() && entry.value.Scalar() == u"allowAll")
            return;
        if (!entry.value.IsSequence()) {
            valueProblem(entry, where,
                         QStringLiteral("expected allowAll or a list of rules, got %1")
                             .arg(describeValue(entry.value)));
            return;
        }
        firewall.allowAll = false;
        QSet<QString> seen;
        int index = 0;
        for (const YNode &item : entry.value)
            if (std::optional<FirewallRule> rule = readFirewallRule(item, index++, where)) {
                if (!rule->name.isEmpty() && seen.contains(rule->name))
                    problem(item, QStringLiteral("duplicate rule %1 in %2")
                                      .arg(quoted(rule->name), where));
                seen.insert(rule->name);
                firewall.rules.push_back(std::move(*rule));
            }
    }

    std::optional<FirewallRule> readFirewallRule(const YNode &node, int index,
                                                 const QString &firewallWhere)
    {
        const std::optional<Fields> map =
            fields(node, QStringLiteral("a rule of ") + firewallWhere);
        if (!map)
            return std::nullopt;
        static const QStringList keys = {
            QStringLiteral("name"),           QStringLiteral("action"),
            QStringLiteral("protocols"),      QStringLiteral("sourceAddresses"),
            QStringLiteral("destinationAddresses"), QStringLiteral("destinationPorts")};
        const QString where = describe(QStringLiteral("rule"), *map, index);
        checkKeys(*map, keys, where);
        FirewallRule rule;
        if (const Entry *e = required(*map, u"name", where))
            rule.name = name(*e, where).value_or(QString());
        if (const Entry *e = required(*map, u"action", where))
            rule.action = enumeration<RuleAction>(*e, where).value_or(RuleAction::Deny);
        if (const Entry *e = required(*map, u"protocols", where))
            rule.protocols = list<Protocol>(
                *e, where, QStringLiteral("[Tcp]"), true, [&](const YNode &item) {
                    return enumeration<Protocol>(Entry{e->key, e->keyNode, item}, where);
                });
        for (auto [key, target] : {std::pair{u"sourceAddresses", &rule.sourceAddresses},
                                   std::pair{u"destinationAddresses", &rule.destinationAddresses}})
            if (const Entry *e = required(*map, key, where))
                *target = list<AddressMatch>(
                    *e, where, QStringLiteral("[10.0.0.0/16] or [\"*\"]"), true,
                    [&](const YNode &item) { return addressMatch(*e, item, where); });
        if (const Entry *e = required(*map, u"destinationPorts", where))
            rule.destinationPorts = list<PortRange>(
                *e, where, QStringLiteral("[\"443\", \"1024-65535\"] or [\"*\"]"), true,
                [&](const YNode &item) { return portRange(*e, item, where); });
        return rule;
    }

    // "*", a prefix, or a single address.
    std::optional<AddressMatch> addressMatch(const Entry &entry, const YNode &item,
                                             const QString &where)
    {
        return scalarValue(entry, item, where, QStringLiteral("a prefix such as 10.0.0.0/16"),
                           format::parseAddressMatch);
    }

    // "3128", "1024-65535" or "*"; a plain number is read as its text.
    std::optional<PortRange> portRange(const Entry &entry, const YNode &item,
                                       const QString &where)
    {
        return scalarValue(entry, item, where, format::expectedPortRange(),
                           format::parsePortRange);
    }

    void readGateway(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a gateway"));
        if (!map)
            return;
        static const QStringList keys = {
            QStringLiteral("name"),         QStringLiteral("id"),
            QStringLiteral("vnet"),
            QStringLiteral("type"),         QStringLiteral("sku"),
            QStringLiteral("vpnClientAddressPool"), QStringLiteral("customRoutes"),
            QStringLiteral("localNetworks")};
        const QString where = describe(QStringLiteral("gateway"), *map, index);
        checkKeys(*map, keys, where);
        Gateway gateway;
        if (const Entry *e = required(*map, u"name", where))
            gateway.name = name(*e, where, NameKind::Gateway).value_or(QString());
        gateway.id = resourceId(*map, where);
        if (const Entry *e = required(*map, u"vnet", where))
            if (const std::optional<QString> vnet = text(*e, where)) {
                gateway.vnet = *vnet;
                reference(ReferenceKind::Vnet, *vnet, *e, where);
            }
        if (const Entry *e = map->find(u"type"))
            gateway.type = enumeration<GatewayType>(*e, where).value_or(GatewayType::Vpn);
        if (const Entry *e = map->find(u"sku")) {
            const std::optional<QString> sku = text(*e, where);
            if (sku && sku->isEmpty())
                valueProblem(*e, where, QStringLiteral("expected a SKU such as VpnGw1"));
            else if (sku)
                gateway.sku = *sku;
        }
        if (const Entry *e = map->find(u"vpnClientAddressPool"))
            gateway.vpnClientAddressPool = prefixes(*e, where, false);
        if (const Entry *e = map->find(u"customRoutes"))
            gateway.customRoutes = prefixes(*e, where, false);
        if (const Entry *e = map->find(u"localNetworks")) {
            int siteIndex = 0;
            gateway.localNetworks = list<LocalNetwork>(
                *e, where, QStringLiteral("[{name: office, addressPrefixes: [192.168.0.0/16]}]"),
                false,
                [&](const YNode &item) { return readLocalNetwork(item, siteIndex++, where); });
        }
        design.gateways.push_back(std::move(gateway));
    }

    std::optional<LocalNetwork> readLocalNetwork(const YNode &node, int index,
                                                 const QString &gatewayWhere)
    {
        const std::optional<Fields> map =
            fields(node, QStringLiteral("a local network of ") + gatewayWhere);
        if (!map)
            return std::nullopt;
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("id"),
                                         QStringLiteral("addressPrefixes")};
        const QString where = describe(QStringLiteral("local network"), *map, index);
        checkKeys(*map, keys, where);
        LocalNetwork site;
        if (const Entry *e = required(*map, u"name", where))
            site.name = name(*e, where, NameKind::Site).value_or(QString());
        site.id = resourceId(*map, where);
        if (const Entry *e = required(*map, u"addressPrefixes", where))
            site.addressPrefixes = prefixes(*e, where, true);
        return site;
    }

    void readVm(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a vm"));
        if (!map)
            return;
        static const QStringList keys = {
            QStringLiteral("name"),     QStringLiteral("id"),
            QStringLiteral("subnet"),
            QStringLiteral("privateIp"), QStringLiteral("enableIPForwarding"),
            QStringLiteral("stateful"), QStringLiteral("outbound"),
            QStringLiteral("networkSecurityGroup"), QStringLiteral("applicationSecurityGroups"),
            QStringLiteral("proxy")};
        const QString where = describe(QStringLiteral("vm"), *map, index);
        checkKeys(*map, keys, where);
        Vm vm;
        if (const Entry *e = required(*map, u"name", where))
            vm.name = name(*e, where, NameKind::Vm).value_or(QString());
        vm.id = resourceId(*map, where);
        if (const Entry *e = required(*map, u"subnet", where))
            if (const std::optional<QString> subnet = text(*e, where)) {
                vm.subnet = *subnet;
                reference(ReferenceKind::Subnet, *subnet, *e, where);
            }
        if (const Entry *e = map->find(u"privateIp"))
            vm.privateIp = address(*e, where);
        if (const Entry *e = map->find(u"enableIPForwarding"))
            vm.enableIPForwarding = boolean(*e, where).value_or(false);
        if (const Entry *e = map->find(u"stateful"))
            vm.stateful = boolean(*e, where).value_or(false);
        if (const Entry *e = map->find(u"outbound"))
            vm.outbound =
                enumeration<OutboundMethod>(*e, where).value_or(OutboundMethod::DefaultAccess);
        if (const Entry *e = map->find(u"networkSecurityGroup"))
            if (const std::optional<QString> nsg = text(*e, where)) {
                vm.networkSecurityGroup = *nsg;
                reference(ReferenceKind::NetworkSecurityGroup, *nsg, *e, where);
            }
        if (const Entry *e = map->find(u"applicationSecurityGroups"); e && !e->value.IsNull())
            vm.applicationSecurityGroups = list<QString>(
                *e, where, QStringLiteral("[asg-web]"), false, [&](const YNode &item) {
                    return referenceItem(ReferenceKind::ApplicationSecurityGroup, *e, item, where);
                });
        if (const Entry *e = map->find(u"proxy"))
            vm.proxy = readProxy(*e, where);
        design.vms.push_back(std::move(vm));
    }

    // --- network security groups (nsg.md §1, format.md additions) ---------------------------

    void readNetworkSecurityGroup(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a network security group"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("id"),
                                         QStringLiteral("securityRules")};
        const QString where = describe(QStringLiteral("network security group"), *map, index);
        checkKeys(*map, keys, where);
        NetworkSecurityGroup nsg;
        if (const Entry *e = required(*map, u"name", where))
            nsg.name = name(*e, where, NameKind::NetworkSecurityGroup).value_or(QString());
        nsg.id = resourceId(*map, where);
        if (const Entry *e = map->find(u"securityRules"); e && !e->value.IsNull()) {
            if (!e->value.IsSequence()) {
                valueProblem(*e, where, QStringLiteral("expected a list of security rules, got %1")
                                            .arg(describeValue(e->value)));
            } else {
                QSet<QString> seen;
                int ruleIndex = 0;
                for (const YNode &item : e->value)
                    if (std::optional<SecurityRule> rule =
                            readSecurityRule(item, ruleIndex++, where)) {
                        // N1.1: a rule's name is unique in its NSG.
                        if (!rule->name.isEmpty() && seen.contains(rule->name))
                            problem(item, QStringLiteral("duplicate security rule %1 in %2")
                                              .arg(quoted(rule->name), where));
                        seen.insert(rule->name);
                        nsg.securityRules.push_back(std::move(*rule));
                    }
            }
        }
        design.networkSecurityGroups.push_back(std::move(nsg));
    }

    std::optional<SecurityRule> readSecurityRule(const YNode &node, int index,
                                                 const QString &nsgWhere)
    {
        const std::optional<Fields> map =
            fields(node, QStringLiteral("a security rule of ") + nsgWhere);
        if (!map)
            return std::nullopt;
        static const QStringList keys = {
            QStringLiteral("name"),
            QStringLiteral("id"),
            QStringLiteral("description"),
            QStringLiteral("priority"),
            QStringLiteral("direction"),
            QStringLiteral("access"),
            QStringLiteral("protocol"),
            QStringLiteral("sourceAddressPrefix"),
            QStringLiteral("sourceAddressPrefixes"),
            QStringLiteral("sourceApplicationSecurityGroups"),
            QStringLiteral("sourcePortRange"),
            QStringLiteral("sourcePortRanges"),
            QStringLiteral("destinationAddressPrefix"),
            QStringLiteral("destinationAddressPrefixes"),
            QStringLiteral("destinationApplicationSecurityGroups"),
            QStringLiteral("destinationPortRange"),
            QStringLiteral("destinationPortRanges")};
        const QString where = describe(QStringLiteral("security rule"), *map, index);
        checkKeys(*map, keys, where);
        SecurityRule rule;
        if (const Entry *e = required(*map, u"name", where))
            rule.name = name(*e, where).value_or(QString());
        rule.id = resourceId(*map, where);
        if (const Entry *e = map->find(u"description"))
            rule.description = text(*e, where).value_or(QString());
        if (const Entry *e = required(*map, u"priority", where))
            rule.priority = priority(*e, where).value_or(rule.priority);
        // Azure's enums, read in any case (format.md additions) and kept in Azure's spelling.
        if (const Entry *e = required(*map, u"direction", where))
            rule.direction = enumeration<SecurityDirection>(*e, where, Qt::CaseInsensitive)
                                 .value_or(rule.direction);
        if (const Entry *e = required(*map, u"access", where))
            rule.access =
                enumeration<RuleAction>(*e, where, Qt::CaseInsensitive).value_or(rule.access);
        if (const Entry *e = map->find(u"protocol"))
            rule.protocol = enumeration<SecurityProtocol>(*e, where, Qt::CaseInsensitive)
                                .value_or(rule.protocol);
        rule.source = readSecuritySide(*map, u"source", where);
        rule.destination = readSecuritySide(*map, u"destination", where);
        return rule;
    }

    std::optional<int> priority(const Entry &entry, const QString &where)
    {
        if (!plainScalar(entry, where, format::expectedSecurityPriority()))
            return std::nullopt;
        return parsed(entry, where, format::parseSecurityPriority(entry.value.Scalar()));
    }

    // One side of a security rule (N1.1): addresses in one of three forms, and ports in one of
    // two. An empty plural list is the same as the key being absent (ARM writes them beside the
    // form in use); a side given as the single item `*` is stored as the empty side, so that a
    // file spelling the default and one leaving it out load equal.
    SecuritySide readSecuritySide(const Fields &map, QStringView side, const QString &where)
    {
        const QString prefixKey = side.toString() + QStringLiteral("AddressPrefix");
        const QString prefixesKey = side.toString() + QStringLiteral("AddressPrefixes");
        const QString groupsKey = side.toString() + QStringLiteral("ApplicationSecurityGroups");
        const QString rangeKey = side.toString() + QStringLiteral("PortRange");
        const QString rangesKey = side.toString() + QStringLiteral("PortRanges");
        auto inUse = [](const Entry *e, bool plural) {
            return e && !(plural && e->value.IsSequence() && e->value.size() == 0) &&
                   !(plural && e->value.IsNull());
        };
        // Forms in use, in file order: a second one is a load error at its key.
        auto exclusive = [&](std::vector<const Entry *> forms, const QStringList &allKeys) {
            std::erase(forms, nullptr);
            std::sort(forms.begin(), forms.end(), [](const Entry *a, const Entry *b) {
                return a->keyNode.offset() < b->keyNode.offset();
            });
            for (std::size_t i = 1; i < forms.size(); ++i)
                problem(forms[i]->keyNode,
                        QStringLiteral("%1 in %2: %3 is given too; a side takes one of %4, not "
                                       "several")
                            .arg(forms[i]->key, where, forms[0]->key,
                                 allKeys.join(QStringLiteral(", "))));
        };
        const Entry *prefixEntry = map.find(prefixKey);
        const Entry *prefixesEntry = map.find(prefixesKey);
        const Entry *groupsEntry = map.find(groupsKey);
        const Entry *rangeEntry = map.find(rangeKey);
        const Entry *rangesEntry = map.find(rangesKey);
        exclusive({inUse(prefixEntry, false) ? prefixEntry : nullptr,
                   inUse(prefixesEntry, true) ? prefixesEntry : nullptr,
                   inUse(groupsEntry, true) ? groupsEntry : nullptr},
                  {prefixKey, prefixesKey, groupsKey});
        exclusive({inUse(rangeEntry, false) ? rangeEntry : nullptr,
                   inUse(rangesEntry, true) ? rangesEntry : nullptr},
                  {rangeKey, rangesKey});

        SecuritySide result;
        const QString addressExample = QStringLiteral("[10.2.0.0/24, VirtualNetwork]");
        auto readAddress = [&](const Entry &e, const YNode &item) {
            return scalarValue(e, item, where,
                               QStringLiteral("an address, a prefix, a service tag or \"*\""),
                               format::parseSecurityAddress);
        };
        if (prefixEntry)
            if (std::optional<SecurityAddress> a = readAddress(*prefixEntry, prefixEntry->value))
                result.addresses.push_back(std::move(*a));
        if (prefixesEntry && !prefixesEntry->value.IsNull()) {
            std::vector<SecurityAddress> more = list<SecurityAddress>(
                *prefixesEntry, where, addressExample, false,
                [&](const YNode &item) { return readAddress(*prefixesEntry, item); });
            result.addresses.insert(result.addresses.end(), more.begin(), more.end());
        }
        if (groupsEntry && !groupsEntry->value.IsNull())
            result.applicationSecurityGroups = list<QString>(
                *groupsEntry, where, QStringLiteral("[asg-web]"), false, [&](const YNode &item) {
                    return referenceItem(ReferenceKind::ApplicationSecurityGroup, *groupsEntry,
                                         item, where);
                });
        if (rangeEntry)
            if (std::optional<PortRange> range = portRange(*rangeEntry, rangeEntry->value, where))
                result.ports.push_back(*range);
        if (rangesEntry && !rangesEntry->value.IsNull()) {
            std::vector<PortRange> more = list<PortRange>(
                *rangesEntry, where, QStringLiteral("[\"80\", \"443\", \"8000-8999\"]"), false,
                [&](const YNode &item) { return portRange(*rangesEntry, item, where); });
            result.ports.insert(result.ports.end(), more.begin(), more.end());
        }
        if (result.addresses.size() == 1 &&
            result.addresses.front().kind == SecurityAddress::Kind::Any)
            result.addresses.clear();
        if (result.ports.size() == 1 && result.ports.front() == PortRange{})
            result.ports.clear();
        return result;
    }

    void readApplicationSecurityGroup(const YNode &node, int index)
    {
        const std::optional<Fields> map =
            fields(node, QStringLiteral("an application security group"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("id")};
        const QString where = describe(QStringLiteral("application security group"), *map, index);
        checkKeys(*map, keys, where);
        ApplicationSecurityGroup asg;
        if (const Entry *e = required(*map, u"name", where))
            asg.name = name(*e, where, NameKind::ApplicationSecurityGroup).value_or(QString());
        asg.id = resourceId(*map, where);
        design.applicationSecurityGroups.push_back(std::move(asg));
    }

    std::optional<ProxyService> readProxy(const Entry &entry, const QString &vmWhere)
    {
        const QString where = QStringLiteral("proxy of ") + vmWhere;
        if (!entry.value.IsMap()) {
            valueProblem(entry, vmWhere,
                         QStringLiteral("expected a map such as {port: 3128}, got %1")
                             .arg(describeValue(entry.value)));
            return std::nullopt;
        }
        const std::optional<Fields> map = fields(entry.value, where);
        static const QStringList keys = {QStringLiteral("port"), QStringLiteral("config")};
        checkKeys(*map, keys, where);
        ProxyService proxy;
        if (const Entry *e = required(*map, u"port", where))
            proxy.port = port(*e, where).value_or(proxy.port);
        if (const Entry *e = map->find(u"config"))
            proxy.config = text(*e, where).value_or(QString());
        return proxy;
    }

    void readClient(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("a client"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("name"), QStringLiteral("gateway"),
                                         QStringLiteral("ip"), QStringLiteral("useProxy")};
        const QString where = describe(QStringLiteral("client"), *map, index);
        checkKeys(*map, keys, where);
        Client client;
        if (const Entry *e = required(*map, u"name", where))
            client.name = name(*e, where, NameKind::Client).value_or(QString());
        if (const Entry *e = required(*map, u"gateway", where))
            if (const std::optional<QString> gateway = text(*e, where)) {
                client.gateway = *gateway;
                reference(ReferenceKind::Gateway, *gateway, *e, where);
            }
        if (const Entry *e = map->find(u"ip"))
            client.ip = address(*e, where);
        if (const Entry *e = map->find(u"useProxy"))
            client.useProxy = readProxySetting(*e, where);
        design.clients.push_back(std::move(client));
    }

    // "VM:PORT", as in `useProxy: proxy:3128`.
    std::optional<ProxySetting> readProxySetting(const Entry &entry, const QString &where)
    {
        const std::optional<QString> value = text(entry, where);
        if (!value)
            return std::nullopt;
        const std::optional<ProxySetting> setting =
            parsed(entry, where, format::parseProxySetting(*value));
        if (setting)
            reference(ReferenceKind::ProxyVm, setting->vm, entry, where);
        return setting;
    }

    void readIntent(const YNode &node, int index)
    {
        const std::optional<Fields> map = fields(node, QStringLiteral("an intent"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("from"), QStringLiteral("to"),
                                         QStringLiteral("port"), QStringLiteral("protocol"),
                                         QStringLiteral("expect")};
        const QString where = QStringLiteral("intent #%1").arg(index + 1);
        checkKeys(*map, keys, where);
        Intent intent;
        for (auto [key, target] : {std::pair{u"from", &intent.from}, std::pair{u"to", &intent.to}})
            if (const Entry *e = required(*map, key, where))
                if (const std::optional<QString> endPoint = text(*e, where)) {
                    *target = *endPoint;
                    reference(ReferenceKind::EndPoint, *endPoint, *e, where);
                }
        if (const Entry *e = map->find(u"port"))
            intent.port = port(*e, where).value_or(intent.port);
        if (const Entry *e = map->find(u"protocol"))
            intent.protocol = enumeration<Protocol>(*e, where).value_or(Protocol::Tcp);
        if (const Entry *e = required(*map, u"expect", where))
            intent.expect = enumeration<IntentExpectation>(*e, where).value_or(IntentExpectation::Ok);
        design.intents.push_back(std::move(intent));
    }

    void readSettings(const Entry &entry)
    {
        const QString where = QStringLiteral("settings");
        if (entry.value.IsNull())
            return;
        const std::optional<Fields> map = fields(entry.value, where);
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("noneRoutesRemovedByDefaultUdr"),
                                         QStringLiteral("p2sInternetBreakout"),
                                         QStringLiteral("vnetTagUdrPrefixes")};
        checkKeys(*map, keys, where);
        Settings &settings = design.settings;
        if (const Entry *e = map->find(u"noneRoutesRemovedByDefaultUdr"))
            settings.noneRoutesRemovedByDefaultUdr =
                enumeration<NoneRoutesRemoval>(*e, where)
                    .value_or(settings.noneRoutesRemovedByDefaultUdr);
        if (const Entry *e = map->find(u"p2sInternetBreakout"))
            settings.p2sInternetBreakout =
                enumeration<P2sInternetBreakout>(*e, where).value_or(settings.p2sInternetBreakout);
        if (const Entry *e = map->find(u"vnetTagUdrPrefixes"))
            settings.vnetTagUdrPrefixes =
                enumeration<VnetTagUdrPrefixes>(*e, where).value_or(settings.vnetTagUdrPrefixes);
    }

    // Layout keys that name nothing are kept as they are: the layout is the app's business.
    void readLayout(const Entry &entry)
    {
        if (entry.value.IsNull())
            return;
        const std::optional<Fields> map = fields(entry.value, QStringLiteral("layout"));
        if (!map)
            return;
        static const QStringList keys = {QStringLiteral("x"), QStringLiteral("y")};
        for (const Entry &item : map->entries) {
            const QString where = QStringLiteral("layout of ") + quoted(item.key);
            const std::optional<Fields> point = fields(item.value, where);
            if (!point)
                continue;
            checkKeys(*point, keys, where);
            LayoutPoint layoutPoint{item.key, 0, 0};
            bool complete = true;
            for (auto [key, target] : {std::pair{u"x", &layoutPoint.x}, std::pair{u"y", &layoutPoint.y}}) {
                const Entry *e = required(*point, key, where);
                const std::optional<double> value = e ? coordinate(*e, where) : std::nullopt;
                complete = complete && value;
                *target = value.value_or(0);
            }
            if (complete)
                design.layout.push_back(layoutPoint);
        }
    }

    // --- names and references -------------------------------------------------------------

    void checkNamespace()
    {
        std::stable_sort(m_declarations.begin(), m_declarations.end(),
                         [](const Declaration &a, const Declaration &b) { return a.offset < b.offset; });
        QHash<QString, const Declaration *> first;
        for (const Declaration &declaration : m_declarations) {
            if (const Declaration *earlier = first.value(declaration.name)) {
                problem(declaration.offset,
                        QStringLiteral("duplicate name %1: the %2 %1 was declared before as a %3 "
                                       "(vnets, route tables, firewalls, gateways, vms, network "
                                       "security groups, application security groups, clients "
                                       "and on-premises sites share one namespace)")
                            .arg(quoted(declaration.name), kindName(declaration.kind),
                                 kindName(earlier->kind)));
                continue;
            }
            first.insert(declaration.name, &declaration);
        }
        for (auto it = first.cbegin(); it != first.cend(); ++it)
            m_kinds.insert(it.key(), it.value()->kind);
    }

    // format.md additions: two objects with one ARM id (compared case-insensitively, as ARM
    // compares them) are a load error, reported at the later one.
    void checkIds()
    {
        std::stable_sort(m_ids.begin(), m_ids.end(), [](const IdDeclaration &a,
                                                        const IdDeclaration &b) {
            return a.offset < b.offset;
        });
        QHash<QString, const IdDeclaration *> first;
        for (const IdDeclaration &declaration : m_ids) {
            const QString key = declaration.id.toCaseFolded();
            if (const IdDeclaration *earlier = first.value(key)) {
                problem(declaration.offset,
                        QStringLiteral("id in %1: duplicate id %2, already the id of %3 (ids are "
                                       "compared case-insensitively)")
                            .arg(declaration.owner, quoted(declaration.id), earlier->owner));
                continue;
            }
            first.insert(key, &declaration);
        }
    }

    QHash<QString, NameKind> m_kinds;

    // Lookups for resolving references, built once: a large file may hold hundreds of
    // thousands of references, so nothing here may be linear per reference.
    std::array<std::optional<QString>, nameKindCount> m_namesOfKind;
    QHash<QString, const Vnet *> m_vnets;
    QHash<QString, const Vm *> m_vms;
    QSet<QString> m_qualifiedSubnets;

    // "this design has: a, b", for messages about a name that is not there.
    QString namesOfKind(NameKind kind)
    {
        std::optional<QString> &cached = m_namesOfKind.at(std::size_t(kind));
        if (cached)
            return *cached;
        QSet<QString> seen;
        QStringList names;
        for (const Declaration &declaration : m_declarations)
            if (declaration.kind == kind && !seen.contains(declaration.name)) {
                seen.insert(declaration.name);
                names << declaration.name;
            }
        if (names.isEmpty())
            cached = QStringLiteral("there are none in this design");
        else if (names.size() > 12)
            cached = QStringLiteral("this design has %1").arg(names.size());
        else
            cached = QStringLiteral("this design has: ") + names.join(QStringLiteral(", "));
        return *cached;
    }

    void resolveReferences()
    {
        for (const Vnet &vnet : design.vnets) {
            if (!m_vnets.contains(vnet.name))
                m_vnets.insert(vnet.name, &vnet);
            for (const Subnet &subnet : vnet.subnets)
                m_qualifiedSubnets.insert(qualifiedSubnetName(vnet.name, subnet.name));
        }
        for (const Vm &vm : design.vms)
            if (!m_vms.contains(vm.name))
                m_vms.insert(vm.name, &vm);
        for (const Reference &reference : m_references) {
            const std::optional<NameKind> kind =
                m_kinds.contains(reference.name) ? std::optional(m_kinds.value(reference.name))
                                                 : std::nullopt;
            const QString prefix = reference.field + QStringLiteral(": ");
            auto expectKind = [&](NameKind wanted) {
                if (kind == wanted)
                    return;
                problem(reference.offset,
                        prefix + QStringLiteral("no %1 named %2 (%3)")
                                     .arg(kindName(wanted), quoted(reference.name),
                                          namesOfKind(wanted)));
            };
            switch (reference.kind) {
            case ReferenceKind::RouteTable: expectKind(NameKind::RouteTable); break;
            case ReferenceKind::Vnet: expectKind(NameKind::Vnet); break;
            case ReferenceKind::Gateway: expectKind(NameKind::Gateway); break;
            case ReferenceKind::NetworkSecurityGroup:
                expectKind(NameKind::NetworkSecurityGroup);
                break;
            case ReferenceKind::ApplicationSecurityGroup:
                expectKind(NameKind::ApplicationSecurityGroup);
                break;
            case ReferenceKind::Subnet: resolveSubnet(reference, prefix); break;
            case ReferenceKind::ProxyVm:
                if (kind != NameKind::Vm) {
                    expectKind(NameKind::Vm);
                } else if (const Vm *vm = m_vms.value(reference.name); vm && !vm->proxy) {
                    problem(reference.offset,
                            prefix + QStringLiteral("vm %1 runs no proxy (give it a 'proxy:' "
                                                    "with the port it listens on)")
                                         .arg(quoted(reference.name)));
                }
                break;
            case ReferenceKind::EndPoint: resolveEndPoint(reference, kind, prefix); break;
            }
        }
    }

    void resolveSubnet(const Reference &reference, const QString &prefix)
    {
        const qsizetype slash = reference.name.indexOf(u'/');
        if (slash < 0) {
            problem(reference.offset,
                    prefix + QStringLiteral("expected VNET/SUBNET such as Spoke-Vnet-b/Subnet-b, "
                                            "got %1")
                                 .arg(quoted(reference.name)));
            return;
        }
        const QString vnetName = reference.name.left(slash);
        if (m_qualifiedSubnets.contains(reference.name))
            return;
        const Vnet *vnet = m_vnets.value(vnetName);
        if (!vnet) {
            problem(reference.offset, prefix + QStringLiteral("no subnet %1: no vnet named %2 (%3)")
                                                   .arg(quoted(reference.name), quoted(vnetName),
                                                        namesOfKind(NameKind::Vnet)));
            return;
        }
        QString subnets = QStringLiteral("no subnets");
        if (vnet->subnets.size() > 12) {
            subnets = QStringLiteral("%1 subnets").arg(vnet->subnets.size());
        } else if (!vnet->subnets.empty()) {
            QStringList names;
            for (const Subnet &subnet : vnet->subnets)
                names << subnet.name;
            subnets = QStringLiteral("subnets ") + names.join(QStringLiteral(", "));
        }
        problem(reference.offset, prefix + QStringLiteral("no subnet %1: vnet %2 has %3")
                                               .arg(quoted(reference.name), quoted(vnetName),
                                                    subnets));
    }

    // format.md, "End points": a VM, firewall, client or on-premises site; VNET/SUBNET;
    // Internet; or an IPv4 address.
    void resolveEndPoint(const Reference &reference, std::optional<NameKind> kind,
                         const QString &prefix)
    {
        const QString &value = reference.name;
        if (value == internetName() || Ipv4Address::parse(value))
            return;
        if (value.contains(u'/')) {
            resolveSubnet(reference, prefix);
            return;
        }
        if (kind == NameKind::Vm || kind == NameKind::Firewall || kind == NameKind::Client ||
            kind == NameKind::Site)
            return;
        const QString expected =
            QStringLiteral("expected the name of a vm, firewall, client or on-premises site, "
                           "VNET/SUBNET, Internet, or an IPv4 address");
        if (kind)
            problem(reference.offset, prefix + QStringLiteral("%1 is a %2, not an end point (%3)")
                                                   .arg(quoted(value), kindName(*kind), expected));
        else
            problem(reference.offset, prefix + QStringLiteral("unknown end point %1 (%2)")
                                                   .arg(quoted(value), expected));
    }
};

// Builds the Tree of the first document from yaml-cpp's parse events, as YAML::NodeBuilder
// would, while StructureGuard sees every event first: one parse of the text both guards and
// builds (reading the text twice, once to guard and once with YAML::Load, took most of the
// time of loading a large design).
class GuardedTreeBuilder final : public YAML::EventHandler
{
public:
    explicit GuardedTreeBuilder(Tree &tree) : m_tree(tree) {}

    // Whether the stream held a document (YAML::Load gives a null node otherwise).
    bool hasRoot() const { return m_hasRoot; }

    void OnDocumentStart(const YAML::Mark &mark) override { m_guard.OnDocumentStart(mark); }
    void OnDocumentEnd() override { m_guard.OnDocumentEnd(); }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        m_guard.OnNull(mark, anchor);
        leaf(Tree::Kind::Null, mark, anchor);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        m_guard.OnScalar(mark, tag, anchor, value);
        const std::uint32_t index = leaf(Tree::Kind::Scalar, mark, anchor);
        Tree::Node &node = m_tree.nodes[index];
        node.nonSpecificTag = tag == "!";
        node.scalar = QString::fromStdString(value);
        // The same characters written as escapes ("\\uFFFF"), refused as in firstNonTextByte().
        for (const QChar c : std::as_const(node.scalar))
            if (isRefusedNoncharacter(c.unicode()))
                throw StructureRefused{mark, refusedNoncharacter(c.unicode())};
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        m_guard.OnAlias(mark, anchor); // refuses aliases of open or unknown anchors
        m_pending.push_back(m_anchors.at(anchor));
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        m_guard.OnSequenceStart(mark, tag, anchor, style);
        open(Tree::Kind::Sequence, mark, anchor);
    }
    void OnSequenceEnd() override
    {
        m_guard.OnSequenceEnd();
        close(1);
    }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        m_guard.OnMapStart(mark, tag, anchor, style);
        open(Tree::Kind::Map, mark, anchor);
    }
    void OnMapEnd() override
    {
        m_guard.OnMapEnd();
        close(2);
    }

private:
    std::uint32_t add(Tree::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        const std::uint32_t index = m_tree.add(kind, offsetOf(mark));
        if (anchor != YAML::NullAnchor) {
            if (m_anchors.size() <= anchor)
                m_anchors.resize(anchor + 1, 0);
            m_anchors[anchor] = index;
        }
        m_hasRoot = true;
        m_pending.push_back(index);
        return index;
    }
    std::uint32_t leaf(Tree::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        return add(kind, mark, anchor);
    }
    void open(Tree::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        const std::uint32_t index = add(kind, mark, anchor);
        m_open.push_back({index, m_pending.size()});
    }
    // The children of the collection just closed move from m_pending to the tree.
    void close(std::size_t perItem)
    {
        const auto [index, start] = m_open.back();
        m_open.pop_back();
        Tree::Node &node = m_tree.nodes[index];
        node.first = std::uint32_t(m_tree.children.size());
        node.count = std::uint32_t((m_pending.size() - start) / perItem);
        m_tree.children.insert(m_tree.children.end(), m_pending.begin() + qsizetype(start),
                               m_pending.begin() + qsizetype(start + node.count * perItem));
        m_pending.resize(start);
    }

    Tree &m_tree;
    StructureGuard m_guard;
    bool m_hasRoot = false;
    std::vector<std::uint32_t> m_pending; // children of the open collections, in order
    std::vector<std::pair<std::uint32_t, std::size_t>> m_open; // node, its first in m_pending
    std::vector<std::uint32_t> m_anchors; // node by anchor id
};

// Byte offsets → 1-based line and column, columns counted in characters (yaml-cpp counts
// bytes), so that an editor's cursor lands on the spot.
class SourcePositions
{
public:
    explicit SourcePositions(const QByteArray &text) : m_text(text)
    {
        m_lineStarts.push_back(0);
        for (qint64 i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_lineStarts.push_back(i + 1);
    }

    std::pair<int, int> at(qint64 offset) const
    {
        offset = std::clamp<qint64>(offset, 0, m_text.size());
        const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        const qint64 lineStart = *(next - 1);
        int column = 1;
        for (qint64 i = lineStart; i < offset; ++i)
            if ((static_cast<unsigned char>(m_text[i]) & 0xc0) != 0x80)
                ++column;
        return {int(next - m_lineStarts.begin()), column};
    }

private:
    const QByteArray &m_text;
    std::vector<qint64> m_lineStarts;
};

LoadResult finish(std::vector<Problem> problems, const QByteArray &text, const QString &fileName,
                  std::optional<Design> design, std::size_t uncollected = 0)
{
    LoadResult result;
    if (problems.empty()) {
        result.design = std::move(design);
        return result;
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem &a, const Problem &b) { return a.offset < b.offset; });
    const std::size_t total = problems.size() + uncollected;
    if (problems.size() > maxReportedErrors)
        problems.resize(maxReportedErrors);
    const SourcePositions positions(text);
    for (const Problem &p : problems) {
        LoadError error{fileName, 0, 0, p.message};
        if (p.offset >= 0)
            std::tie(error.line, error.column) = positions.at(p.offset);
        result.errors.push_back(std::move(error));
    }
    if (total > maxReportedErrors)
        result.errors.push_back({fileName, 0, 0,
                                 QStringLiteral("%1 more errors not shown")
                                     .arg(total - problems.size())});
    return result;
}

LoadResult wholeFileError(const QString &fileName, const QString &message)
{
    LoadResult result;
    result.errors.push_back({fileName, 0, 0, message});
    return result;
}

// A YAML syntax error as the user should read it. Issue 16 point 12: YAML indents with spaces
// only, and yaml-cpp reports a tab in the indentation vaguely ("illegal block entry", "illegal
// map value") at the token after it; when the line of the error is indented with a tab, the tab
// is named, at its own line and column.
Problem syntaxProblem(const YAML::Exception &e, const QByteArray &text)
{
    const qint64 offset = offsetOf(e.mark);
    if (offset >= 0 && offset <= text.size()) {
        const qint64 lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
        for (qint64 i = lineStart; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
            if (text[i] == '\t')
                return {i, QStringLiteral("YAML syntax error: a tab in the indentation (YAML "
                                          "indents with spaces only; replace the tab with "
                                          "spaces)")};
    }
    return {offset, QStringLiteral("YAML syntax error: ") + QString::fromStdString(e.msg)};
}

const QString emptyFileMessage =
    QStringLiteral("empty file: expected a design starting with 'hopscope: 1'");

} // namespace

LoadResult readDesign(const QByteArray &yaml, const QString &fileName)
{
    if (yaml.size() > maxDesignFileBytes)
        return wholeFileError(fileName, QStringLiteral("the file is %1 bytes; designs larger than "
                                                       "%2 bytes (16 MiB) are refused")
                                            .arg(yaml.size())
                                            .arg(maxDesignFileBytes));
    // A UTF-8 byte order mark is allowed and ignored.
    QByteArray text = yaml.startsWith("\xEF\xBB\xBF") ? yaml.mid(3) : yaml;
    // YAML counts a lone "\r" as a line break but yaml-cpp does not: make it "\n" (same size,
    // so positions do not move).
    for (qsizetype i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1))
        if (i + 1 == text.size() || text[i + 1] != '\n')
            text[i] = '\n';
    if (text.trimmed().isEmpty())
        return wholeFileError(fileName, emptyFileMessage);
    if (const std::optional<Problem> binary = firstNonTextByte(text))
        return finish({*binary}, text, fileName, std::nullopt);
    // Issue 12: a run of unclosed flow collections is refused from the text up to it (see
    // firstTooDeepFlowOpener), which fails at or before the opener just as the whole text
    // would, in time and memory proportional to that prefix. Should the prefix not fail there
    // (the scan misread the text), the whole text is parsed as usual.
    if (const std::optional<qint64> opener = firstTooDeepFlowOpener(text)) {
        std::optional<Problem> refusal;
        try {
            std::istringstream stream(text.left(*opener + 1).toStdString());
            YAML::Parser parser(stream);
            Tree prefixTree;
            GuardedTreeBuilder builder(prefixTree);
            while (parser.HandleNextDocument(builder)) {
            }
        } catch (const StructureRefused &refused) {
            refusal = Problem{offsetOf(refused.mark), refused.message};
        } catch (const YAML::Exception &e) {
            refusal = Problem{offsetOf(e.mark),
                              QStringLiteral("YAML syntax error: ") + QString::fromStdString(e.msg)};
        } catch (const std::exception &) {
        }
        if (refusal && refusal->offset >= 0 && refusal->offset <= *opener)
            return finish({*refusal}, text, fileName, std::nullopt);
    }

    const std::string source = text.toStdString();
    Tree tree;
    try {
        std::istringstream stream(source);
        YAML::Parser parser(stream);
        GuardedTreeBuilder builder(tree);
        while (parser.HandleNextDocument(builder)) {
        }
        if (!builder.hasRoot())
            return wholeFileError(fileName, emptyFileMessage);
    } catch (const StructureRefused &refused) {
        return finish({{offsetOf(refused.mark), refused.message}}, text, fileName, std::nullopt);
    } catch (const YAML::Exception &e) {
        return finish({syntaxProblem(e, text)}, text, fileName, std::nullopt);
    } catch (const std::exception &e) {
        return wholeFileError(fileName, QStringLiteral("cannot parse: ") +
                                            QString::fromLocal8Bit(e.what()));
    }
    const YNode root(&tree, 0);
    if (root.IsNull())
        return wholeFileError(fileName, emptyFileMessage);

    DesignParser parser;
    try {
        parser.read(root);
    } catch (const YAML::Exception &e) {
        // The walk only uses checked accessors; this is a last line of defence.
        parser.problems.push_back({offsetOf(e.mark), QStringLiteral("cannot read the design: ") +
                                                         QString::fromStdString(e.msg)});
    } catch (const std::exception &e) {
        parser.problems.push_back({-1, QStringLiteral("cannot read the design: ") +
                                           QString::fromLocal8Bit(e.what())});
    }
    return finish(std::move(parser.problems), text, fileName, std::move(parser.design),
                  parser.uncollectedProblems);
}

LoadResult readDesignFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return wholeFileError(path, QStringLiteral("not a regular file"));
    if (info.isFile() && info.size() > maxDesignFileBytes)
        return wholeFileError(path, QStringLiteral("the file is %1 bytes; designs larger than %2 "
                                                   "bytes (16 MiB) are refused")
                                        .arg(info.size())
                                        .arg(maxDesignFileBytes));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return wholeFileError(path, QStringLiteral("cannot open: ") + file.errorString());
    // Read one byte past the limit: a file that grew since the size check is still refused.
    const QByteArray bytes = file.read(maxDesignFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return wholeFileError(path, QStringLiteral("cannot read: ") + file.errorString());
    return readDesign(bytes, path);
}

} // namespace hopscope::io
