#pragma once

// A sentence that core/ writes and the app translates (issue 17).
//
// core/ never translates: it names the English template, marked with QT_TRANSLATE_NOOP so that
// lupdate files it under its context, and the values that fill the template's %1, %2, ….
// english() gives the text the CLI, its --json output and the file formats print, unchanged;
// the app looks the template up with QCoreApplication::translate(context, source) and fills the
// same arguments (gui::translated, app/Language.h). An argument that is itself a phrase to
// translate ("an ExpressRoute gateway", a walk's explanation inside a finding) is a nested
// Message.
//
//     text::Message(text::Finding, QT_TRANSLATE_NOOP("Finding", "%1 has no gateway"), {vnet.name})
//
// The context is named twice, once for lupdate and once for the program; the contexts are the
// constants below, and findingText()/walkText() name them for their messages.

#include <QString>

#include <initializer_list>
#include <memory>
#include <vector>

namespace hopscope::text {

// The translation contexts of core's messages.
inline constexpr const char *Finding = "Finding"; // analysis::Finding messages and their phrases
inline constexpr const char *Walk = "Walk";       // routing::Walk and Leg explanations

class Message
{
public:
    // One value of a %N: a name or number as it is, or a phrase that is translated in turn.
    class Argument
    {
    public:
        Argument(QString value) : m_value(std::move(value)) {}
        Argument(const Message &phrase) : m_phrase(std::make_shared<const Message>(phrase)) {}

        const QString &value() const { return m_value; }
        const Message *phrase() const { return m_phrase.get(); } // null for a plain value

    private:
        QString m_value;
        std::shared_ptr<const Message> m_phrase;
    };

    Message() = default; // empty: no text
    // `source` is UTF-8, a string literal marked with QT_TRANSLATE_NOOP(context, …).
    Message(const char *context, const char *source, std::initializer_list<Argument> arguments = {})
        : m_context(context), m_source(source), m_arguments(arguments)
    {}
    // A plain value that needs no translation (text core received, e.g. a proxy's diagnostic).
    static Message verbatim(const QString &value);

    bool isEmpty() const { return m_source == nullptr; }
    const char *context() const { return m_context; }
    const char *source() const { return m_source; }
    const std::vector<Argument> &arguments() const { return m_arguments; }

    // The English text: the template with every %N replaced by argument N (nested phrases in
    // English), in one pass, so a value that contains "%1" is not replaced again.
    QString english() const;

    // The template `pattern` (English or translated) with %N replaced by `values[N-1]`.
    static QString fill(const QString &pattern, const std::vector<QString> &values);

private:
    const char *m_context = nullptr;
    const char *m_source = nullptr;
    std::vector<Argument> m_arguments;
};

// The messages of a context, named once more beside the literal that lupdate reads:
//     findingText(QT_TRANSLATE_NOOP("Finding", "%1 has no gateway"), {vnet.name})
inline Message findingText(const char *source,
                           std::initializer_list<Message::Argument> arguments = {})
{
    return Message(Finding, source, arguments);
}
inline Message walkText(const char *source, std::initializer_list<Message::Argument> arguments = {})
{
    return Message(Walk, source, arguments);
}

} // namespace hopscope::text
