#pragma once

// The Findings dock: one row per finding of the live check, with a severity icon and the
// message. Choosing a row asks for its objects to be selected and centred.

#include "analysis/Check.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace hopscope::gui {

class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    void setReport(const analysis::CheckReport &report);
    void setChecking(bool checking);
    QTreeWidget *list() const { return m_list; }
    // Finding codes shown, in order (for tests and the status bar).
    QStringList codes() const;
    // "1 error, 3 warnings, 2 notes": the counts in words, joined by `separator`.
    static QString countsText(const analysis::CheckReport &report, const QString &separator,
                              bool withNotes = true);

Q_SIGNALS:
    void objectsRequested(const QStringList &names);

private:
    QTreeWidget *m_list;
    QLabel *m_summary;
};

} // namespace hopscope::gui
