#pragma once

#include "net/Ipv4.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace hopscope::net {

// Longest-prefix-match table (R5.1): one hash map per prefix length and a bit set of the lengths
// in use, so a lookup costs one hash probe per distinct length present, never a scan of every
// route. A table that is filled once and then only read (a subnet's effective routes, read by
// every walk of the sweeps) can be sealed: the address space is then cut into the intervals on
// which the longest match does not change, and a lookup is one binary search over contiguous
// memory instead of a chain of hash probes.
template <typename T>
class PrefixTable
{
public:
    // Inserts or replaces the value stored for `prefix`; a sealed table is unsealed.
    void insert(const Prefix &prefix, T value)
    {
        m_byLength[prefix.length()][prefix.address().value()] = std::move(value);
        m_lengths |= std::uint64_t(1) << prefix.length();
        m_starts.clear();
        m_slots.clear();
        m_values.clear();
    }

    // Builds the interval index; lookups give the same answers, faster. Call once the table is
    // complete; not while another thread reads it.
    void seal()
    {
        m_starts.clear();
        m_slots.clear();
        m_values.clear();
        // Where the longest match can change: the first address of every prefix and the one
        // after its last. Between two consecutive cuts every address has the same match.
        std::vector<std::uint64_t> cuts{0};
        for (int length = 0; length <= 32; ++length)
            for (const auto &[address, value] : m_byLength[length]) {
                const Prefix p(Ipv4Address(address), length);
                cuts.push_back(p.first().value());
                cuts.push_back(std::uint64_t(p.last().value()) + 1);
            }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        const T *previous = nullptr;
        for (std::uint64_t cut : cuts) {
            if (cut > 0xFFFFFFFFull)
                break;
            const T *match = hashedMatch(Ipv4Address(std::uint32_t(cut)));
            if (!m_starts.empty() && match == previous)
                continue; // the same match as the interval before: one interval
            previous = match;
            m_starts.push_back(std::uint32_t(cut));
            if (match) {
                m_slots.push_back(int(m_values.size()));
                m_values.push_back(*match);
            } else {
                m_slots.push_back(-1);
            }
        }
    }

    // The value of the longest prefix containing `address`, or nullptr.
    const T *longestMatch(Ipv4Address address) const
    {
        if (m_starts.empty())
            return hashedMatch(address);
        // m_starts[0] is 0: the interval holding `address` is the last start not after it.
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), address.value());
        const int slot = m_slots[size_t(it - m_starts.begin()) - 1];
        return slot < 0 ? nullptr : &m_values[size_t(slot)];
    }

    const T *exact(const Prefix &prefix) const
    {
        const auto &map = m_byLength[prefix.length()];
        const auto it = map.find(prefix.address().value());
        return it == map.end() ? nullptr : &it->second;
    }

    bool isEmpty() const { return m_lengths == 0; }

private:
    const T *hashedMatch(Ipv4Address address) const
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

    std::array<std::unordered_map<std::uint32_t, T>, 33> m_byLength;
    std::uint64_t m_lengths = 0;
    // The sealed index (empty when not sealed): interval starts, ascending from 0, and for each
    // the index of its match in m_values, or -1 for none. Values, not pointers: a copied table
    // stays valid.
    std::vector<std::uint32_t> m_starts;
    std::vector<int> m_slots;
    std::vector<T> m_values;
};

} // namespace hopscope::net
