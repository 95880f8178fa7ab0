#pragma once

// File → Import from Azure… (issue 14): the user picks one or more exported JSON files (file
// dialog or drag and drop), sees the commands that export them (copyable), and imports them on a
// worker thread with progress and Cancel. The import is core's importEstate(), the very call
// `hopscope import` makes; this dialog only reads the files and shows the outcome. On success it
// emits imported() and closes; when nothing could be imported it says why and stays open.
//
// Cancel cannot interrupt importEstate() itself: a cancelled run's result is dropped when it
// arrives, and the dialog is ready again at once. The worker owns everything it touches (paths,
// counters, result), so closing the dialog or the window mid-run is safe.

#include "import/EstateImport.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;

namespace hopscope::gui {

class AzureImportDialog : public QDialog
{
    Q_OBJECT
public:
    // An export command as the dialog shows it.
    struct ExportCommand
    {
        QString title;
        QString command;
    };
    // The commands of README's "Check your own estate" and import.md §2, in the order shown.
    static QList<ExportCommand> exportCommands();

    explicit AzureImportDialog(QWidget *parent = nullptr);
    ~AzureImportDialog() override;

    // The files to import, in the order they are read (pages of one query in page order).
    QStringList files() const;
    // Adds files not yet listed (what the file dialog and a drop do).
    void addFiles(const QStringList &paths);
    // Starts the import of files(); ignored while one runs or when there is none.
    void startImport();
    // Stops waiting for the run in progress; its result will be dropped.
    void cancelImport();
    bool isBusy() const { return m_run != nullptr; }
    // Why the last run imported nothing, one line each; empty otherwise.
    QStringList errors() const { return m_errors; }

Q_SIGNALS:
    // A design was imported from `files`; `result.design` is set.
    void imported(const importing::ImportResult &result, const QStringList &files);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void reject() override;

private:
    struct Run;
    void chooseFiles();
    void finished(const std::shared_ptr<Run> &run);
    void pollProgress();
    void showErrors(const QStringList &errors);
    void updateButtons();

    QListWidget *m_fileList;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QLabel *m_status;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
    QPushButton *m_cancelButton;
    QTimer *m_poll;
    std::shared_ptr<Run> m_run; // the run in progress; null when idle
    QStringList m_errors;
};

} // namespace hopscope::gui
