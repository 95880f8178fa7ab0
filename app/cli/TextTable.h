#pragma once

#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace hopscope::cli {

// Columns aligned for a terminal: a header row, a rule, then the rows.
class TextTable
{
public:
    explicit TextTable(QStringList header) : m_header(std::move(header)) {}

    void addRow(QStringList cells) { m_rows.push_back(std::move(cells)); }
    // A line under the last row, starting at the second column; it does not widen columns.
    void addNote(QString text) { m_notes.push_back({m_rows.size(), std::move(text)}); }

    void print(QTextStream &out, int indent) const
    {
        std::vector<qsizetype> widths(m_header.size(), 0);
        auto measure = [&](const QStringList &row) {
            for (qsizetype i = 0; i < row.size() && i < qsizetype(widths.size()); ++i)
                widths[i] = std::max(widths[i], row[i].size());
        };
        measure(m_header);
        for (const QStringList &row : m_rows)
            measure(row);
        auto line = [&](const QStringList &row) {
            QString text(indent, u' ');
            for (qsizetype i = 0; i < row.size(); ++i)
                text += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
            out << text << '\n';
        };
        line(m_header);
        QStringList rule;
        for (qsizetype w : widths)
            rule << QString(w, u'-');
        line(rule);
        auto note = m_notes.begin();
        for (std::size_t r = 0; r < m_rows.size(); ++r) {
            line(m_rows[r]);
            for (; note != m_notes.end() && note->first == r + 1; ++note)
                out << QString(indent + (widths.empty() ? 0 : widths[0] + 2), u' ')
                    << note->second << '\n';
        }
    }

private:
    QStringList m_header;
    std::vector<QStringList> m_rows;
    std::vector<std::pair<std::size_t, QString>> m_notes; // (rows before it, text)
};

} // namespace hopscope::cli
