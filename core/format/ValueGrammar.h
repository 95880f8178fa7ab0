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

// "VM:PORT" (a client's useProxy): a valid name, a colon, a port.
Parsed<ProxySetting> parseProxySetting(QStringView text);
QString formatProxySetting(const ProxySetting &setting);

// ---- enums ------------------------------------------------------------------------------

// The values of each enum the format holds, in the order format.md lists them; that order is
// the order of the editors' choice lists and of "expected one of" in messages. Their spellings
// are model::toString's (ARM's values, or the format's own words).
template <typename Enum> struct EnumTable;
template <> struct EnumTable<model::VnetRole>
{
    static constexpr std::array values{model::VnetRole::Hub, model::VnetRole::Spoke,
                                       model::VnetRole::Other};
};
template <> struct EnumTable<model::NextHopType>
{
    static constexpr std::array values{
        model::NextHopType::VirtualAppliance, model::NextHopType::VirtualNetworkGateway,
        model::NextHopType::VnetLocal, model::NextHopType::Internet, model::NextHopType::None};
};
template <> struct EnumTable<model::RuleAction>
{
    static constexpr std::array values{model::RuleAction::Allow, model::RuleAction::Deny};
};
template <> struct EnumTable<model::Protocol>
{
    static constexpr std::array values{model::Protocol::Tcp, model::Protocol::Udp,
                                       model::Protocol::Icmp, model::Protocol::Any};
};
template <> struct EnumTable<model::GatewayType>
{
    static constexpr std::array values{model::GatewayType::Vpn, model::GatewayType::ExpressRoute};
};
template <> struct EnumTable<model::OutboundMethod>
{
    static constexpr std::array values{
        model::OutboundMethod::PublicIp, model::OutboundMethod::NatGateway,
        model::OutboundMethod::LoadBalancer, model::OutboundMethod::DefaultAccess,
        model::OutboundMethod::None};
};
template <> struct EnumTable<model::IntentExpectation>
{
    static constexpr std::array values{model::IntentExpectation::Ok,
                                       model::IntentExpectation::Blocked};
};
template <> struct EnumTable<model::NoneRoutesRemoval>
{
    static constexpr std::array values{model::NoneRoutesRemoval::Any,
                                       model::NoneRoutesRemoval::VirtualApplianceOnly,
                                       model::NoneRoutesRemoval::Never};
};
template <> struct EnumTable<model::P2sInternetBreakout>
{
    static constexpr std::array values{model::P2sInternetBreakout::Drop,
                                       model::P2sInternetBreakout::Allow};
};

template <typename Enum>
QString formatEnum(Enum value)
{
    return model::toString(value);
}

// Every spelling, in the table's order: a choice list.
template <typename Enum>
QStringList spellings()
{
    QStringList result;
    for (Enum value : EnumTable<Enum>::values)
        result << formatEnum(value);
    return result;
}

// "Tcp, Udp, Icmp, Any", for messages.
template <typename Enum>
QString spellingList()
{
    return spellings<Enum>().join(QStringLiteral(", "));
}

namespace detail {
QString unknownSpelling(QStringView text, const QStringList &spellings);
}

// A spelling of the table. Design files are case-sensitive (format.md: enum values are ARM's
// values); the CLI's options are not, and say so by passing Qt::CaseInsensitive.
template <typename Enum>
Parsed<Enum> parseEnum(QStringView text, Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
{
    for (Enum value : EnumTable<Enum>::values)
        if (QStringView(formatEnum(value)).compare(text, sensitivity) == 0)
            return value;
    return Parsed<Enum>::failure(detail::unknownSpelling(text, spellings<Enum>()));
}

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

} // namespace hopscope::format
