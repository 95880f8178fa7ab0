#include "net/Ipv4.h"

#include <QStringList>

namespace hopscope::net {

std::optional<Ipv4Address> Ipv4Address::parse(QStringView text)
{
    std::uint32_t value = 0;
    int octets = 0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (octets < 4) {
        if (i >= n || !text[i].isDigit() || text[i].unicode() > '9')
            return std::nullopt;
        int octet = 0;
        int digits = 0;
        while (i < n && text[i].unicode() >= '0' && text[i].unicode() <= '9') {
            octet = octet * 10 + (text[i].unicode() - '0');
            if (++digits > 3 || octet > 255)
                return std::nullopt;
            ++i;
        }
        value = (value << 8) | std::uint32_t(octet);
        ++octets;
        if (octets < 4) {
            if (i >= n || text[i] != u'.')
                return std::nullopt;
            ++i;
        }
    }
    if (i != n)
        return std::nullopt;
    return Ipv4Address(value);
}

QString Ipv4Address::toString() const
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(m_value >> 24)
        .arg((m_value >> 16) & 0xff)
        .arg((m_value >> 8) & 0xff)
        .arg(m_value & 0xff);
}

bool Ipv4Address::isPrivate() const
{
    static const Prefix ranges[] = {
        Prefix(Ipv4Address(0x0A000000), 8),  // 10.0.0.0/8
        Prefix(Ipv4Address(0xAC100000), 12), // 172.16.0.0/12
        Prefix(Ipv4Address(0xC0A80000), 16), // 192.168.0.0/16
        Prefix(Ipv4Address(0x64400000), 10), // 100.64.0.0/10
        Prefix(Ipv4Address(0x7F000000), 8),  // loopback
        Prefix(Ipv4Address(0xA9FE0000), 16), // link-local
    };
    for (const Prefix &p : ranges)
        if (p.contains(*this))
            return true;
    return false;
}

Prefix::Prefix(Ipv4Address address, int length)
    : m_address(address.value() & maskFor(length)), m_length(length)
{
}

std::optional<Prefix> Prefix::parse(QStringView text, QString *whyNot)
{
    const qsizetype slash = text.indexOf(u'/');
    auto fail = [&](const QString &why) -> std::optional<Prefix> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    if (slash < 0)
        return fail(QStringLiteral("a prefix needs a length, as in 10.0.0.0/16"));
    const auto address = Ipv4Address::parse(text.left(slash));
    if (!address)
        return fail(QStringLiteral("'%1' is not an IPv4 address").arg(text.left(slash)));
    const QStringView lengthText = text.mid(slash + 1);
    bool ok = false;
    const int length = lengthText.toInt(&ok);
    if (!ok || lengthText.isEmpty() || !lengthText[0].isDigit() || length < 0 || length > 32)
        return fail(QStringLiteral("the prefix length must be 0 to 32"));
    Prefix p(*address, length);
    if (p.address() != *address)
        return fail(QStringLiteral("host bits are set: did you mean %1?").arg(p.toString()));
    return p;
}

QString Prefix::toString() const
{
    return m_address.toString() + u'/' + QString::number(m_length);
}

} // namespace hopscope::net
