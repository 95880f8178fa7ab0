#pragma once

// The grammar of every value a design file holds (format.md), in one place: ports and port
// ranges, addresses, prefixes, firewall address conditions ("*", a prefix or a bare address),
// VM:PORT, booleans, layout coordinates, and the spellings of every enum. The reader, the
// writer, the Properties panel, the table editors and the CLI all parse and print values here,
// so that a value that loads from a file can be typed back in, and what is typed is saved as
// the file would hold it.
//
// Each parse function takes exactly the text of one value (no surrounding white space: YAML
// has already trimmed a plain scalar, editors trim their fields) and returns the value or what
// is wrong with the text. Each format function gives the canonical text, the one the writer
// saves and the editors show. Structure (quoted or plain YAML scalars, required keys, lists
// that must not be empty) is the caller's business.

#include "model/Design.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace hopscope::format {

using model::AddressMatch;
using model::PortRange;
using model::ProxySetting;
using net::Ipv4Address;
using net::Prefix;

// A parsed value, or why the text is not one.
template <typename T>
class Parsed
{
public:
    Parsed(T value) : m_value(std::move(value)) {}
    static Parsed failure(QString why)
    {
        Parsed result;
        result.m_error = std::move(why);
        return result;
    }

    explicit operator bool() const { return m_value.has_value(); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const std::optional<T> &value() const { return m_value; }
    // What is wrong, for a person ("expected a port number from 0 to 65535, got '70000'");
    // empty when the text parsed.
    const QString &error() const { return m_error; }

private:
    Parsed() = default;
    std::optional<T> m_value;
    QString m_error;
};

// ---- numbers ----------------------------------------------------------------------------

// A port: a decimal number 0 to 65535, one to five digits, nothing else (no sign, no hex).
// format.md: ports are 0–65535 everywhere (firewall rules, intents, proxies, useProxy).
Parsed<int> parsePort(QStringView text);
QString formatPort(int port);
// "a port number from 0 to 65535": what a port field expects, for messages.
QString expectedPort();

// The format version (`hopscope: 1`): one to nine decimal digits and nothing else. Whether
// this Hopscope reads that version is the reader's business (format.md: version 1).
Parsed<int> parseFormatVersion(QStringView text);
// "the format version 1"
QString expectedFormatVersion();

// A port range: "*" (0–65535), "N", or "N-M" with N <= M, each a port as above.
Parsed<PortRange> parsePortRange(QStringView text);
QString expectedPortRange();
// "*" for 0–65535, "N" for a single port, else "N-M".
QString formatPortRange(const PortRange &range);

// true/True/TRUE or false/False/FALSE (YAML 1.2's core schema).
Parsed<bool> parseBoolean(QStringView text);
QString formatBoolean(bool value);
QString expectedBoolean();

// A layout coordinate: a finite number from -1e9 to 1e9, kept to 1/100 so that writing and
// reading it again gives the same number.
Parsed<double> parseCoordinate(QStringView text);
// Integers without decimals, others with at most two; never "-0".
QString formatCoordinate(double value);
QString expectedCoordinate();

// ---- addresses --------------------------------------------------------------------------

// A dotted quad, four decimal octets 0 to 255.
Parsed<Ipv4Address> parseAddress(QStringView text);
QString formatAddress(Ipv4Address address);

// "a.b.c.d/len" with host bits zero: format.md makes host bits set (10.2.0.4/24) a load error,
// as Azure refuses them.
Parsed<Prefix> parsePrefix(QStringView text);
QString formatPrefix(const Prefix &prefix);

// A firewall rule's address condition: "*" (any), a prefix, or a single address, which means
// that address alone (/32), as Azure Firewall reads it. Written "*" or as a prefix.
Parsed<AddressMatch> parseAddressMatch(QStringView text);
QString formatAddressMatch(const AddressMatch &match);

// A security rule's address item (nsg.md N1.2, format.md additions): "*" or "Any" (any case)
// for every address; an IPv4 address (its /32) or prefix (host bits zero); else a service tag
// word of letters, digits, '.' and '-' starting with a letter, read case-insensitively: the
// tags Hopscope models (VirtualNetwork, Internet, AzureLoadBalancer) take Azure's spelling,
// other tags are kept as written. IPv6 items are refused.
Parsed<model::SecurityAddress> parseSecurityAddress(QStringView text);
// "*", the prefix (a /32 as the bare address, as Azure writes it), or the tag.
QString formatSecurityAddress(const model::SecurityAddress &address);

// A security rule's priority: a decimal integer, optionally negative, at most nine digits.
// Azure's range 100–4096 is a finding of check (nsg.md §6), not part of the grammar.
Parsed<int> parseSecurityPriority(QStringView text);
QString expectedSecurityPriority();

// An ARM resource id (format.md additions, import.md I5.3): text starting with
// "/subscriptions/" in any case, with no white space or control characters. Kept as written.
Parsed<QString> parseResourceId(QStringView text);

// "VM:PORT" (a client's useProxy): a valid name, a colon, a port.
Parsed<ProxySetting> parseProxySetting(QStringView text);
QString formatProxySetting(const ProxySetting &setting);

// ---- lists as the editors write them ----------------------------------------------------

// The items of a list typed in one field: separated by commas, white space, or both.
QStringList splitList(QStringView text);
// Items joined with ", ": how every list of the format reads in a field or a label.
QString joinList(const QStringList &items);

// Each item parsed with `parseItem`; the first item that fails gives the error. An empty text
// is an empty list: whether a list may be empty is the field's rule.
template <typename T, typename ParseItem>
Parsed<std::vector<T>> parseList(QStringView text, ParseItem parseItem)
{
    std::vector<T> items;
    for (const QString &part : splitList(text)) {
        Parsed<T> item = parseItem(QStringView(part));
        if (!item)
            return Parsed<std::vector<T>>::failure(item.error());
        items.push_back(*item);
    }
    return items;
}

template <typename T, typename FormatItem>
QString formatList(const std::vector<T> &items, FormatItem formatItem)
{
    QStringList parts;
    parts.reserve(qsizetype(items.size()));
    for (const T &item : items)
        parts << formatItem(item);
    return joinList(parts);
}

// "10.0.0.0/16, 10.1.0.0/16": prefixes as a field or a label shows them.
QString formatPrefixes(const std::vector<Prefix> &prefixes);
Parsed<std::vector<Prefix>> parsePrefixes(QStringView text);

// ---- enums ------------------------------------------------------------------------------

// The values of each enum the format holds, with their spellings, come from the enum's one
// spelling table (model/Spelling.h, beside the enum in model/Design.h): ARM's values, or the
// format's own words, in the order format.md lists them. That order is the order of the
// editors' choice lists and of "expected one of" in messages.

template <typename Enum>
QString formatEnum(Enum value)
{
    return model::spellingOf(value);
}

// Every spelling, in the table's order: a choice list.
template <typename Enum>
QStringList spellings()
{
    QStringList result;
    for (const model::Spelling<Enum> &spelling : model::spellingsOf<Enum>())
        result << model::spellingView(spelling.text).toString();
    return result;
}

// "Tcp, Udp, Icmp, Any", for messages.
template <typename Enum>
QString spellingList()
{
    return joinList(spellings<Enum>());
}

namespace detail {
QString unknownSpelling(QStringView text, const QStringList &spellings);
}

// A spelling of the table. Design files are case-sensitive (format.md: enum values are ARM's
// values); the CLI's options are not, and say so by passing Qt::CaseInsensitive.
template <typename Enum>
Parsed<Enum> parseEnum(QStringView text, Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
{
    for (const model::Spelling<Enum> &spelling : model::spellingsOf<Enum>())
        if (model::spellingView(spelling.text).compare(text, sensitivity) == 0)
            return spelling.value;
    return Parsed<Enum>::failure(detail::unknownSpelling(text, spellings<Enum>()));
}

} // namespace hopscope::format
