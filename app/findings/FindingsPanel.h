#pragma once

// The Findings dock: one row per finding of the live check, with a severity icon and the
// message. Choosing a row asks for its objects to be selected and centred. A new report updates
// the rows in place, by finding identity (code, objects and trace): rows that stay keep their
// selection and the scroll position; only rows that come or go are inserted or removed. While
// a re-check runs the rows are shown faded with "re-checking…"; opening another design empties
// the list at once.

#include "analysis/Check.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace hopscope::gui {

class RecheckingNote;

class CheckRunner;
class OutdatedDelegate;

class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    void setReport(const analysis::CheckReport &report);
    // `checking`: a re-check is on its way and the rows shown are outdated.
    void setChecking(bool checking);
    // Empties the list (another design was opened); the summary says a check is on its way.
    void clearForNewDesign();
    // Follows `checker`'s started() and discarded() (called once, by the path workbench).
    void attachChecker(CheckRunner *checker);
    bool isOutdated() const;

    QTreeWidget *list() const { return m_list; }
    // Finding codes shown, in order (for tests and the status bar).
    QStringList codes() const;
    // The counts in words: "1 error, 3 warnings, 2 notes" for the panel, "1 error · 3 warnings"
    // for the status bar. Each is one sentence to translate, each count with its plural forms.
    enum class Counts { Panel, StatusBar };
    static QString countsText(const analysis::CheckReport &report, Counts counts = Counts::Panel);

Q_SIGNALS:
    void objectsRequested(const QStringList &names);
    // The chosen finding is about one route, "route 'ROUTE' in TABLE" with TABLE among its
    // objects (issue 16 point 10): sent after objectsRequested, so that the route itself is
    // shown rather than the first object the finding names.
    void routeRequested(const QString &table, const QString &route);

private:
    QTreeWidget *m_list;
    QLabel *m_summary;
    RecheckingNote *m_rechecking;
    OutdatedDelegate *m_delegate;
};

} // namespace hopscope::gui
