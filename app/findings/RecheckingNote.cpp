#include "findings/RecheckingNote.h"

#include <QEvent>

namespace hopscope::gui {

RecheckingNote::RecheckingNote(const QString &note, QWidget *parent)
    : QLabel(parent), m_note(note)
{
    setEnabled(false); // drawn in the palette's disabled (muted) text colour
    fit();
}

void RecheckingNote::setShown(bool shown)
{
    // A fixed size: the text changes, the layout does not (QWidget::updateGeometry stops at a
    // widget whose minimum and maximum sizes are equal).
    setText(shown ? m_note : QString());
}

void RecheckingNote::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fit();
}

void RecheckingNote::fit()
{
    const QString shown = text();
    setText(m_note);
    const QSize size = QLabel::sizeHint();
    setText(shown);
    setFixedSize(size);
}

} // namespace hopscope::gui
