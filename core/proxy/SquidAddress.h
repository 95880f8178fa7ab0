#pragma once

// An IPv4 or IPv6 address the way Squid holds it: 128 bits, IPv4 as IPv4-mapped IPv6
// (::ffff:a.b.c.d). So an IPv4 acl value never matches an IPv6 client, and a client written
// ::ffff:172.16.16.3 *is* 172.16.16.3 (squid.md §1.2, `src`).
// Core may not use QtNetwork's QHostAddress: IPv4 goes through net::Ipv4Address, IPv6 through
// the C library's inet_pton.

#include <QByteArrayView>
#include <QString>

#include <compare>
#include <cstdint>
#include <optional>

namespace hopscope::proxy {

struct SquidAddress
{
    std::uint64_t high = 0; // bits 127..64
    std::uint64_t low = 0;  // bits 63..0

    static SquidAddress fromIpv4(std::uint32_t v4);
    // Dotted quad or any RFC 4291 text form (brackets allowed); nullopt for anything else.
    static std::optional<SquidAddress> parse(QStringView text);
    static std::optional<SquidAddress> parse(QByteArrayView text);
    // The mask of a prefix of `bits` over 128 bits.
    static SquidAddress maskOf(int bits);
    static SquidAddress allOnes() { return {~std::uint64_t(0), ~std::uint64_t(0)}; }

    bool isIpv4() const { return high == 0 && (low >> 32) == 0xffffu; }
    std::uint32_t ipv4() const { return std::uint32_t(low); }
    // Dotted quad for IPv4(-mapped) addresses, RFC 5952 text otherwise.
    QString toString() const;

    SquidAddress operator&(const SquidAddress &m) const { return {high & m.high, low & m.low}; }
    SquidAddress operator|(const SquidAddress &m) const { return {high | m.high, low | m.low}; }
    SquidAddress operator~() const { return {~high, ~low}; }
    auto operator<=>(const SquidAddress &) const = default;
};

} // namespace hopscope::proxy
