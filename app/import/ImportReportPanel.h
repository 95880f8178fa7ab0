#pragma once

// The report of File → Import from Azure… (issue 14, import.md §8) as a dock the user can keep
// open beside the imported design: one row per entry of the importer's report — skipped
// resources, unresolved references, synthesized stubs, renames and notes — each with the kind of
// resource, its name (the full ARM id in the tooltip), what happened and why. It shows the
// report exactly as core/import made it; it never re-derives an entry.

#include "import/ImportReport.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace hopscope::gui {

class ImportReportPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { KindColumn, NameColumn, WhatColumn, WhyColumn, ColumnCount };

    explicit ImportReportPanel(QWidget *parent = nullptr);

    // Shows `report` of importing `files`; replaces what was shown.
    void setReport(const importing::ImportReport &report, const QStringList &files);
    void clear();

    QTableWidget *table() const { return m_table; }
    QString summary() const;

private:
    void addRow(const QString &kind, const QString &name, const QString &id, const QString &what,
                const QString &why);

    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace hopscope::gui
