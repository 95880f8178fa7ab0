#include "text/Message.h"

namespace hopscope::text {

Message Message::verbatim(const QString &value)
{
    return Message(nullptr, "%1", {value});
}

QString Message::english() const
{
    if (isEmpty())
        return {};
    std::vector<QString> values;
    values.reserve(m_arguments.size());
    for (const Argument &a : m_arguments)
        values.push_back(a.phrase() ? a.phrase()->english() : a.value());
    return fill(QString::fromUtf8(m_source), values);
}

QString Message::fill(const QString &pattern, const std::vector<QString> &values)
{
    // Placeholders as QString::arg reads them: %1 … %99. A % not followed by a digit, or
    // naming no value, is kept as written.
    QString result;
    result.reserve(pattern.size() + 16 * int(values.size()));
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            qsizetype end = i + 2;
            int n = pattern.at(i + 1).digitValue();
            if (end < pattern.size() && pattern.at(end).isDigit()) {
                n = n * 10 + pattern.at(end).digitValue();
                ++end;
            }
            if (n >= 1 && n <= int(values.size())) {
                result += values[std::size_t(n - 1)];
                i = end - 1;
                continue;
            }
        }
        result += c;
    }
    return result;
}

} // namespace hopscope::text
