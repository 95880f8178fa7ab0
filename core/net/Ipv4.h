#pragma once

#include <QHashFunctions>
#include <QString>

#include <bit>
#include <compare>
#include <cstdint>
#include <optional>

namespace hopscope::net {

// An IPv4 address held as a host-order integer.
class Ipv4Address
{
public:
    constexpr Ipv4Address() = default;
    constexpr explicit Ipv4Address(std::uint32_t value) : m_value(value) {}

    // Strict dotted quad: four decimal octets 0..255, no leading '+', no spaces.
    static std::optional<Ipv4Address> parse(QStringView text);

    constexpr std::uint32_t value() const { return m_value; }
    QString toString() const;

    // RFC 1918 and RFC 6598 ranges (the ones Azure gives `None` system routes, R2.1),
    // plus loopback and link-local: addresses the Internet route can never carry.
    bool isPrivate() const;

    constexpr auto operator<=>(const Ipv4Address &) const = default;

private:
    std::uint32_t m_value = 0;
};

// An address prefix in canonical form (host bits zero).
class Prefix
{
public:
    constexpr Prefix() = default;
    // Host bits of `address` are cleared.
    Prefix(Ipv4Address address, int length);

    // "a.b.c.d/len". Host bits set are refused (Azure refuses them too) unless allowHostBits.
    static std::optional<Prefix> parse(QStringView text, QString *whyNot = nullptr);

    Ipv4Address address() const { return m_address; }
    int length() const { return m_length; }
    std::uint32_t mask() const { return maskFor(m_length); }
    Ipv4Address first() const { return m_address; }
    Ipv4Address last() const { return Ipv4Address(m_address.value() | ~mask()); }
    // Number of addresses, as 64-bit (a /0 holds 2^32).
    std::uint64_t size() const { return std::uint64_t(1) << (32 - m_length); }

    bool contains(Ipv4Address a) const { return (a.value() & mask()) == m_address.value(); }
    // True when `inner` lies entirely inside this prefix (equal counts).
    bool contains(const Prefix &inner) const
    {
        return inner.m_length >= m_length && contains(inner.m_address);
    }
    bool overlaps(const Prefix &other) const { return contains(other) || other.contains(*this); }

    // Azure reserves the first four and the last address of a subnet; the first usable host
    // is network + 4 (R10.1).
    Ipv4Address firstUsableAzureHost() const { return Ipv4Address(m_address.value() + 4); }
    // The first host of a range (network + 1), used for P2S pools and on-premises sites.
    Ipv4Address firstHost() const { return Ipv4Address(m_address.value() + (m_length < 32 ? 1 : 0)); }

    QString toString() const;

    static constexpr std::uint32_t maskFor(int length)
    {
        return length == 0 ? 0u : ~std::uint32_t(0) << (32 - length);
    }
    // The length of a contiguous netmask ("255.255.0.0" → 16), or -1 when its ones are not
    // all leading.
    static constexpr int lengthOfMask(std::uint32_t mask)
    {
        const int length = std::countl_one(mask);
        return maskFor(length) == mask ? length : -1;
    }

    auto operator<=>(const Prefix &) const = default;

private:
    Ipv4Address m_address;
    int m_length = 0;
};

inline size_t qHash(const Prefix &prefix, size_t seed = 0) noexcept
{
    return qHashMulti(seed, prefix.address().value(), prefix.length());
}

} // namespace hopscope::net
