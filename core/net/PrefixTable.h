#pragma once

#include "net/Ipv4.h"

#include <array>
#include <bit>
#include <cstdint>
#include <unordered_map>

namespace hopscope::net {

// Longest-prefix-match table: one hash map per prefix length and a bit set of the lengths in use,
// so a lookup costs one hash probe per distinct length present (a route table rarely uses more
// than five or six), never a scan of every route (R5.1).
template <typename T>
class PrefixTable
{
public:
    // Inserts or replaces the value stored for `prefix`.
    void insert(const Prefix &prefix, T value)
    {
        m_byLength[prefix.length()][prefix.address().value()] = std::move(value);
        m_lengths |= std::uint64_t(1) << prefix.length();
    }

    // The value of the longest prefix containing `address`, or nullptr.
    const T *longestMatch(Ipv4Address address) const
    {
        std::uint64_t lengths = m_lengths;
        while (lengths) {
            const int length = 63 - std::countl_zero(lengths);
            lengths &= ~(std::uint64_t(1) << length);
            const auto &map = m_byLength[length];
            const auto it = map.find(address.value() & Prefix::maskFor(length));
            if (it != map.end())
                return &it->second;
        }
        return nullptr;
    }

    const T *exact(const Prefix &prefix) const
    {
        const auto &map = m_byLength[prefix.length()];
        const auto it = map.find(prefix.address().value());
        return it == map.end() ? nullptr : &it->second;
    }

    bool isEmpty() const { return m_lengths == 0; }

private:
    std::array<std::unordered_map<std::uint32_t, T>, 33> m_byLength;
    std::uint64_t m_lengths = 0;
};

} // namespace hopscope::net
