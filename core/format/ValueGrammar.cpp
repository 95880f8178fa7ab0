#include "format/ValueGrammar.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

namespace hopscope::format {

namespace {

QString quoted(QStringView text) { return u'\'' + text.toString() + u'\''; }

// The value of 1 to `maxDigits` ASCII digits and nothing else (no sign, no white space).
std::optional<unsigned> decimal(QStringView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    std::array<char, 16> ascii{};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        ascii[std::size_t(i)] = char(c);
    }
    unsigned value = 0;
    const char *end = ascii.data() + text.size();
    const auto [stop, error] = std::from_chars(ascii.data(), end, value);
    if (error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

std::optional<int> port(QStringView text)
{
    const std::optional<unsigned> value = decimal(text, 5);
    return value && *value <= 65535 ? std::optional<int>(int(*value)) : std::nullopt;
}

} // namespace

// ---- numbers ----------------------------------------------------------------------------

QString expectedPort() { return QStringLiteral("a port number from 0 to 65535"); }

Parsed<int> parsePort(QStringView text)
{
    if (const std::optional<int> value = port(text))
        return *value;
    return Parsed<int>::failure(
        QStringLiteral("expected %1, got %2").arg(expectedPort(), quoted(text)));
}

QString formatPort(int port) { return QString::number(port); }

QString expectedFormatVersion() { return QStringLiteral("the format version 1"); }

Parsed<int> parseFormatVersion(QStringView text)
{
    if (const std::optional<unsigned> version = decimal(text, 9))
        return int(*version); // at most 999,999,999: fits
    return Parsed<int>::failure(
        QStringLiteral("expected %1, got %2").arg(expectedFormatVersion(), quoted(text)));
}

QString expectedPortRange()
{
    return QStringLiteral("a port (\"443\"), a range (\"1024-65535\") or \"*\" with ports 0 to "
                          "65535");
}

Parsed<PortRange> parsePortRange(QStringView text)
{
    if (text == u"*")
        return PortRange{};
    const qsizetype dash = text.indexOf(u'-');
    const std::optional<int> first = port(dash < 0 ? text : text.left(dash));
    const std::optional<int> last = dash < 0 ? first : port(text.mid(dash + 1));
    if (first && last && *first <= *last)
        return PortRange{*first, *last};
    return Parsed<PortRange>::failure(
        QStringLiteral("expected %1, got %2").arg(expectedPortRange(), quoted(text)));
}

QString formatPortRange(const PortRange &range)
{
    if (range == PortRange{})
        return QStringLiteral("*");
    if (range.first == range.last)
        return formatPort(range.first);
    return formatPort(range.first) + u'-' + formatPort(range.last);
}

QString expectedBoolean() { return QStringLiteral("true or false"); }

Parsed<bool> parseBoolean(QStringView text)
{
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return true;
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return false;
    return Parsed<bool>::failure(
        QStringLiteral("expected %1, got %2").arg(expectedBoolean(), quoted(text)));
}

QString formatBoolean(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString expectedCoordinate() { return QStringLiteral("a number from -1e9 to 1e9"); }

Parsed<double> parseCoordinate(QStringView text)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number) || std::abs(number) > 1e9)
        return Parsed<double>::failure(
            QStringLiteral("expected %1, got %2").arg(expectedCoordinate(), quoted(text)));
    // Rounded as formatCoordinate prints, so that a number survives writing and reading.
    const double rounded = QString::number(number, 'f', 2).toDouble();
    return rounded == 0 ? 0.0 : rounded; // no "-0"
}

QString formatCoordinate(double value)
{
    QString text = QString::number(value, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    if (text == u"-0")
        text = QStringLiteral("0");
    return text;
}

// ---- addresses --------------------------------------------------------------------------

Parsed<Ipv4Address> parseAddress(QStringView text)
{
    if (const std::optional<Ipv4Address> address = Ipv4Address::parse(text))
        return *address;
    return Parsed<Ipv4Address>::failure(
        QStringLiteral("%1 is not an IPv4 address (expected four numbers 0 to 255 separated by "
                       "dots, such as 10.0.1.4)")
            .arg(quoted(text)));
}

QString formatAddress(Ipv4Address address) { return address.toString(); }

Parsed<Prefix> parsePrefix(QStringView text)
{
    QString why;
    if (const std::optional<Prefix> prefix = Prefix::parse(text, &why))
        return *prefix;
    return Parsed<Prefix>::failure(QStringLiteral("%1 is not a prefix: %2").arg(quoted(text), why));
}

QString formatPrefix(const Prefix &prefix) { return prefix.toString(); }

Parsed<AddressMatch> parseAddressMatch(QStringView text)
{
    if (text == u"*")
        return AddressMatch{};
    if (text.contains(u'/')) {
        const Parsed<Prefix> prefix = parsePrefix(text);
        if (!prefix)
            return Parsed<AddressMatch>::failure(prefix.error());
        return AddressMatch{*prefix};
    }
    if (const std::optional<Ipv4Address> single = Ipv4Address::parse(text))
        return AddressMatch{Prefix(*single, 32)};
    return Parsed<AddressMatch>::failure(
        QStringLiteral("%1 is not a prefix, an IPv4 address or \"*\" (such as 10.0.0.0/16, "
                       "10.0.1.4 or \"*\")")
            .arg(quoted(text)));
}

QString formatAddressMatch(const AddressMatch &match)
{
    return match.prefix ? formatPrefix(*match.prefix) : QStringLiteral("*");
}

Parsed<model::SecurityAddress> parseSecurityAddress(QStringView text)
{
    using model::SecurityAddress;
    if (text == u"*" || text.compare(u"Any", Qt::CaseInsensitive) == 0)
        return SecurityAddress::any();
    if (text.contains(u':'))
        return Parsed<SecurityAddress>::failure(
            QStringLiteral("%1 is an IPv6 address or prefix; Hopscope models IPv4 only").arg(quoted(text)));
    const bool numeric = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || c == u'.' || c == u'/';
    });
    if (text.contains(u'/')) {
        const Parsed<Prefix> prefix = parsePrefix(text);
        if (!prefix)
            return Parsed<SecurityAddress>::failure(prefix.error());
        return SecurityAddress::of(*prefix);
    }
    if (numeric) {
        const Parsed<Ipv4Address> single = parseAddress(text);
        if (!single)
            return Parsed<SecurityAddress>::failure(single.error());
        return SecurityAddress::of(Prefix(*single, 32));
    }
    const bool tagWord = !text.isEmpty() && text.size() <= 80 && text[0].isLetter() &&
                         text[0].unicode() < 0x80 &&
                         std::all_of(text.begin(), text.end(), [](QChar c) {
                             return c.unicode() < 0x80 && (c.isLetterOrNumber() || c == u'.' ||
                                                           c == u'-');
                         });
    if (!tagWord)
        return Parsed<SecurityAddress>::failure(
            QStringLiteral("%1 is not an address item (expected \"*\", an IPv4 address such as "
                           "10.2.0.4, a prefix such as 10.2.0.0/24, or a service tag such as "
                           "VirtualNetwork)")
                .arg(quoted(text)));
    // N1.2: tags match case-insensitively; the modelled ones are saved as Azure spells them.
    static const std::array<QStringView, 3> modelledTags = {
        u"VirtualNetwork", u"Internet", u"AzureLoadBalancer"};
    for (QStringView tag : modelledTags)
        if (tag.compare(text, Qt::CaseInsensitive) == 0)
            return SecurityAddress::ofTag(tag.toString());
    return SecurityAddress::ofTag(text.toString());
}

QString formatSecurityAddress(const model::SecurityAddress &address)
{
    switch (address.kind) {
    case model::SecurityAddress::Kind::Any: break;
    case model::SecurityAddress::Kind::Prefix:
        // A single address as Azure writes it in a rule: without "/32".
        return address.prefix.length() == 32 ? formatAddress(address.prefix.address())
                                             : formatPrefix(address.prefix);
    case model::SecurityAddress::Kind::Tag: return address.tag;
    }
    return QStringLiteral("*");
}

QString expectedSecurityPriority() { return QStringLiteral("a priority, an integer such as 100"); }

Parsed<int> parseSecurityPriority(QStringView text)
{
    const bool negative = text.startsWith(u'-');
    if (const std::optional<unsigned> value = decimal(negative ? text.mid(1) : text, 9))
        return negative ? -int(*value) : int(*value); // at most 999,999,999: fits
    return Parsed<int>::failure(
        QStringLiteral("expected %1, got %2").arg(expectedSecurityPriority(), quoted(text)));
}

Parsed<QString> parseResourceId(QStringView text)
{
    const bool clean = std::none_of(text.begin(), text.end(),
                                    [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; });
    if (clean && text.startsWith(u"/subscriptions/", Qt::CaseInsensitive) &&
        text.size() > qsizetype(std::char_traits<char16_t>::length(u"/subscriptions/")))
        return text.toString();
    return Parsed<QString>::failure(
        QStringLiteral("expected an Azure resource id starting with /subscriptions/, got %1")
            .arg(quoted(text)));
}

Parsed<ProxySetting> parseProxySetting(QStringView text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    const QString vm = colon > 0 ? text.left(colon).toString() : QString();
    const std::optional<int> proxyPort = colon > 0 ? port(text.mid(colon + 1)) : std::nullopt;
    if (!proxyPort || !model::isValidName(vm))
        return Parsed<ProxySetting>::failure(
            QStringLiteral("expected VM:PORT such as proxy:3128, got %1").arg(quoted(text)));
    return ProxySetting{vm, *proxyPort};
}

QString formatProxySetting(const ProxySetting &setting)
{
    return setting.vm + u':' + formatPort(setting.port);
}

// ---- enums ------------------------------------------------------------------------------

QString detail::unknownSpelling(QStringView text, const QStringList &spellings)
{
    QString message = QStringLiteral("unknown value %1 (expected one of: %2)")
                          .arg(quoted(text), joinList(spellings));
    for (const QString &spelling : spellings)
        if (QStringView(spelling).compare(text, Qt::CaseInsensitive) == 0)
            return message + QStringLiteral("; values are case-sensitive: did you mean %1?")
                                 .arg(quoted(spelling));
    return message;
}

// ---- lists ------------------------------------------------------------------------------

QStringList splitList(QStringView text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList items;
    for (QStringView item : text.split(separators, Qt::SkipEmptyParts))
        items << item.toString();
    return items;
}

QString joinList(const QStringList &items) { return items.join(QStringLiteral(", ")); }

QString formatPrefixes(const std::vector<Prefix> &prefixes)
{
    return formatList(prefixes, formatPrefix);
}

Parsed<std::vector<Prefix>> parsePrefixes(QStringView text)
{
    return parseList<Prefix>(text, parsePrefix);
}

} // namespace hopscope::format
