#include "properties/ValidatedLineEdit.h"

#include "canvas/SceneStyle.h"

#include <QKeyEvent>

namespace hopscope::gui {

ValidatedLineEdit::ValidatedLineEdit(QWidget *parent) : QLineEdit(parent)
{
    connect(this, &QLineEdit::textChanged, this, &ValidatedLineEdit::check);
}

void ValidatedLineEdit::setValidator(Validator validator)
{
    m_validator = std::move(validator);
    check();
}

bool ValidatedLineEdit::isAcceptable()
{
    check();
    return m_reason.isEmpty();
}

void ValidatedLineEdit::check()
{
    m_reason = m_validator ? m_validator(text()) : QString();
    if (m_reason.isEmpty()) {
        setStyleSheet(QString());
        setToolTip(QString());
    } else {
        const QColor error = SceneStyle(palette()).error;
        setStyleSheet(QStringLiteral("QLineEdit { border: 1.5px solid %1; border-radius: 3px; }")
                          .arg(error.name()));
        setToolTip(m_reason);
    }
    Q_EMIT validated(m_reason);
}

void ValidatedLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_committed && text() != *m_committed) {
        setText(*m_committed);
        check();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace hopscope::gui
