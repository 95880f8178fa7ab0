#pragma once

// "re-checking…" beside a panel's summary while a check runs. It is shown and hidden by its
// text, in a place of fixed size kept for it: showing or hiding a widget lays its parents out
// again, up to the main window's dock area, which on a large estate cost the window 0.8 ms at
// every edit and again at every delivery of a check.

#include <QLabel>

namespace hopscope::gui {

class RecheckingNote : public QLabel
{
    Q_OBJECT
public:
    // `note` is the text shown, translated by the panel that owns it.
    explicit RecheckingNote(const QString &note, QWidget *parent = nullptr);

    void setShown(bool shown);
    bool isShown() const { return !text().isEmpty(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    // Sizes the place to the note in the current font and style.
    void fit();

    QString m_note;
};

} // namespace hopscope::gui
