#include "proxy/SquidAddress.h"

#include "net/Ipv4.h"

#include <arpa/inet.h>

#include <array>

namespace hopscope::proxy {

SquidAddress SquidAddress::fromIpv4(std::uint32_t v4)
{
    return {0, (std::uint64_t(0xffffu) << 32) | v4};
}

std::optional<SquidAddress> SquidAddress::parse(QStringView text)
{
    if (text.startsWith(u'[') && text.endsWith(u']'))
        text = text.mid(1, text.size() - 2);
    if (text.isEmpty() || text.size() > 45)
        return std::nullopt;
    if (const auto v4 = net::Ipv4Address::parse(text))
        return fromIpv4(v4->value());
    if (!text.contains(u':'))
        return std::nullopt;
    const QByteArray latin = text.toLatin1();
    std::array<unsigned char, 16> bytes{};
    if (inet_pton(AF_INET6, latin.constData(), bytes.data()) != 1)
        return std::nullopt;
    SquidAddress a;
    for (int i = 0; i < 8; ++i) {
        a.high = (a.high << 8) | bytes[i];
        a.low = (a.low << 8) | bytes[8 + i];
    }
    return a;
}

std::optional<SquidAddress> SquidAddress::parse(QByteArrayView text)
{
    return parse(QStringView(QString::fromLatin1(text)));
}

SquidAddress SquidAddress::maskOf(int bits)
{
    SquidAddress m;
    if (bits <= 0)
        return m;
    if (bits >= 128)
        return allOnes();
    if (bits >= 64) {
        m.high = ~std::uint64_t(0);
        m.low = bits == 64 ? 0 : ~std::uint64_t(0) << (128 - bits);
    } else {
        m.high = ~std::uint64_t(0) << (64 - bits);
    }
    return m;
}

QString SquidAddress::toString() const
{
    if (isIpv4())
        return net::Ipv4Address(ipv4()).toString();
    std::array<unsigned char, 16> bytes{};
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(high >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(low >> (56 - 8 * i));
    }
    char out[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, bytes.data(), out, sizeof out);
    return QString::fromLatin1(out);
}

} // namespace hopscope::proxy
