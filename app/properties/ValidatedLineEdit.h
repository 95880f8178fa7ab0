#pragma once

// A line edit that checks its text as it is typed: a refused value gets a red frame and the
// reason as tooltip and in reason(); a value is only ever committed by the caller when valid.

#include <QLineEdit>

#include <functional>
#include <optional>

namespace hopscope::gui {

class ValidatedLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    using Validator = std::function<QString(const QString &)>; // empty: valid, else why not

    explicit ValidatedLineEdit(QWidget *parent = nullptr);
    void setValidator(Validator validator);
    QString reason() const { return m_reason; }
    // Checks the current text now. QLineEdit emits textEdited before textChanged, so a
    // textEdited handler must call this rather than trust the last result.
    bool isAcceptable();
    // The value the design holds. Esc while the text differs puts it back and takes the key
    // (the edit is cancelled; nothing else reacts to that Esc); otherwise Esc passes on.
    void setCommittedText(const QString &text) { m_committed = text; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

Q_SIGNALS:
    // After every keystroke: `reason` is empty when the text is acceptable.
    void validated(const QString &reason);

private:
    void check();

    Validator m_validator;
    QString m_reason;
    std::optional<QString> m_committed;
};

} // namespace hopscope::gui
