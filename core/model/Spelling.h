#pragma once

// The spellings of an enum as one table: the only place where an enumerator is given its text.
// toString, the format's reader and writer, the editors' choice lists and the CLI all read it
// (format/ValueGrammar.h), so a value has one spelling everywhere.
//
// Beside each enum `E` that has spellings, in E's namespace (found by argument-dependent
// lookup), a function lists every enumerator once, in the order the documentation lists them
// (the order of choice lists and of "expected one of" in messages):
//
//     constexpr auto spellingTable(E) { return std::to_array<Spelling<E>>({{E::A, u"a"}, ...}); }
//
// and `static_assert(isCompleteSpellingTable(spellingTable(E{})))` beside it proves that the
// table gives each of E's values 0..N-1 exactly one spelling. (The enums are plain counted
// enumerations; an enumerator added to E must be added to its table, which nothing can check
// without listing the enumerators a second time.)

#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace hopscope::model {

template <typename Enum>
struct Spelling
{
    Enum value;
    std::u16string_view text;
};

// True when `table` spells each of the values 0..N-1 exactly once.
template <typename Enum, std::size_t N>
constexpr bool isCompleteSpellingTable(const std::array<Spelling<Enum>, N> &table)
{
    using Underlying = std::underlying_type_t<Enum>;
    std::array<bool, N> seen{};
    for (const Spelling<Enum> &spelling : table) {
        const auto index = static_cast<Underlying>(spelling.value);
        if (index < 0 || std::size_t(index) >= N || seen[std::size_t(index)] ||
            spelling.text.empty())
            return false;
        seen[std::size_t(index)] = true;
    }
    return true;
}

// Every spelling of `Enum`, in its table's order.
template <typename Enum>
constexpr auto spellingsOf()
{
    return spellingTable(Enum{});
}

inline QStringView spellingView(std::u16string_view text)
{
    return QStringView(text.data(), qsizetype(text.size()));
}

// The spelling of `value`: the table's text, shared, not copied.
template <typename Enum>
QString spellingOf(Enum value)
{
    for (const Spelling<Enum> &spelling : spellingTable(value))
        if (spelling.value == value)
            return QString::fromRawData(reinterpret_cast<const QChar *>(spelling.text.data()),
                                        qsizetype(spelling.text.size()));
    return QString(); // not reached: every table is complete (isCompleteSpellingTable)
}

} // namespace hopscope::model
