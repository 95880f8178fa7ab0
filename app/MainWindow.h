#pragma once

// The main window: canvas in the middle, palette, properties and findings docks, and the file,
// edit, view and tool commands. It wires the pieces together; the pieces themselves (document,
// scene, tools, panels) know nothing of it.

#include "model/ObjectId.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointF>
#include <QFutureWatcher>
#include <QTimer>

#include <optional>

class QAction;
class QHeaderView;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QUrl;

namespace hopscope::importing {
struct ImportResult;
}

namespace hopscope::gui {

class AzureImportDialog;
class CheckRunner;
class DesignDocument;
class DesignScene;
class DesignView;
class EffectiveRoutesPanel;
class EffectiveSecurityRulesPanel;
class FindingsPanel;
class ImportReportPanel;
class PalettePanel;
class PathWorkbench;
class PropertiesPanel;
class TrafficController;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a design file; on load errors shows them (non-modal) and keeps the current design.
    // Returns false on errors, with them in `errors` when given.
    bool openFile(const QString &path, QStringList *errors = nullptr);
    // Opens a built-in example (":/examples/NAME.hopscope.yaml") as an untitled design.
    bool openExample(const QString &resourcePath, QStringList *errors = nullptr);
    // Saves to `path` (atomic). Returns false and shows the error on failure.
    bool saveTo(const QString &path);
    // Starts a new, empty design without asking.
    void newDesign();
    // File → Import from Azure… (issue 14): shows the import dialog (window-modal), or raises
    // the one shown, and returns it. What it imports opens as a new unsaved design, with the
    // report in the Import Report dock.
    AzureImportDialog *showAzureImport();

    // What Save As proposes: the current file; for an example its file name; for a design
    // named by its user fileNameFor(that name); else its first hub's (or VNet's) name +
    // ".hopscope.yaml"; in the directory last opened from or saved to.
    QString proposedSavePath() const;
    // A design's name as a file name: lower case, spaces to hyphens, characters a file system
    // or shell trips over removed, + ".hopscope.yaml"; empty when nothing usable is left.
    static QString fileNameFor(const QString &designName);
    // The directory a file was last opened from or saved to; else Documents.
    QString lastDirectory() const;

    // The recovery file of the autosave and whether one was left by a crash.
    static QString recoveryPath();
    // Offers to restore a recovery file left by a crash; returns true when restored.
    bool offerRecovery();
    // Restores the recovery file without asking, as an undoable change over the file it
    // belonged to; returns false when there is none or it does not load.
    bool restoreRecovery();
    // Writes the recovery file if the design is modified, on a worker: a large estate takes
    // a second to write, which the window must not spend frozen (issue 15). The autosave timer
    // calls this about 1.5 s after the last edit (HOPSCOPE_AUTOSAVE_MS overrides the delay).
    // Called while a write is under way, it writes once more when that one ends.
    void autosave();
    // Returns once every autosave asked for so far is on disk.
    void waitForAutosave();
    // True while an edit waits for the autosave timer.
    bool autosavePending() const { return m_autosave.isActive(); }

    // The window's geometry, dock layout and column widths as the last run left them
    // (QSettings, issue 16). Before the window is shown the docks follow once it is. Returns
    // false when nothing was saved. The desktop app calls it at start; tests call it explicitly.
    bool restoreLayout();
    // Writes them (closing the window does).
    void saveLayout() const;
    // View → Reset Layout: the docks, their sizes and the columns as a first run shows them;
    // the saved layout is forgotten.
    void resetLayout();

    // The theme chosen in View: "dark", "light", or empty to follow the desktop.
    static QString savedTheme();
    // View → Dark Mode: switches the theme now and remembers the choice (no longer following
    // the desktop).
    void setDarkMode(bool dark);
    // View → Follow Desktop Colours: the desktop's colour scheme decides again.
    void followDesktopTheme();
    // Help → Keyboard Shortcuts: every command with a key, and the canvas's mouse gestures.
    void showShortcuts();
    // Help → User Guide: where it leads.
    static QUrl userGuideUrl();

    // The canvas's context menu for `id` (null: the empty canvas at `scenePos`), with the
    // commands that apply to it (issue 16): Properties, Trace From/To Here, Effective Routes,
    // Add Route Table, Delete; on the empty canvas Add Here with every palette entry. The caller
    // owns the menu; the canvas pops it up and deletes it when it closes.
    QMenu *contextMenuFor(const model::ObjectId &id, QPointF scenePos);

    // Edit → Cut, Copy, Paste, Duplicate (issue 16 point 9). The clipboard carries the selected
    // objects as the design format's YAML (edit::clipboardText), so a paste works between two
    // windows; each command is one undo step and selects what it added. `at` (a scene position)
    // places a pasted VNet there; without it the paste goes beside where the copy came from.
    // Text that is not a design is refused in the status bar.
    void copySelection();
    void cutSelection();
    bool pasteClipboard(std::optional<QPointF> at = std::nullopt);
    void duplicateSelection();

    DesignDocument *document() const { return m_document; }
    DesignScene *scene() const { return m_scene; }
    DesignView *view() const { return m_view; }
    PalettePanel *palettePanel() const { return m_palette; }
    PropertiesPanel *propertiesPanel() const { return m_properties; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    EffectiveRoutesPanel *effectiveRoutesPanel() const { return m_effectiveRoutes; }
    EffectiveSecurityRulesPanel *effectiveSecurityRulesPanel() const
    {
        return m_effectiveSecurityRules;
    }
    ImportReportPanel *importReportPanel() const { return m_importReport; }
    CheckRunner *checkRunner() const { return m_checker; }
    PathWorkbench *paths() const { return m_paths; }
    TrafficController *traffic() const { return m_traffic; }
    QAction *action(const QString &name) const;

    // The built-in examples, as Help → Examples lists them.
    struct Example
    {
        QString resource; // ":/examples/NAME.hopscope.yaml"
        QString title;
        QString description; // one line
    };
    static QList<Example> examples();
    static QStringList exampleResources();

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    // Esc that no widget took (a field or cell editor takes it first, to cancel its edit)
    // returns to Select and Move, wherever the focus is.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createMenusAndToolBars();
    void updateTitle();
    void updateRecentMenu();
    void addRecentFile(const QString &path);
    bool maybeSave();
    bool save();
    bool saveAs();
    void open();
    void openImported(const importing::ImportResult &result, const QStringList &files);
    void deleteSelection();
    void arrange();
    void findByName();
    void selectionChanged();
    void checkFinished();
    void showObjects(const QStringList &names);
    void showRoute(const QString &table, const QString &route);
    void discardRecovery();
    void syncThemeActions();
    // The column headers whose widths are remembered, each with its settings key.
    QList<std::pair<QString, QHeaderView *>> rememberedHeaders() const;
    void applySavedDockState();

    DesignDocument *m_document;
    DesignScene *m_scene;
    DesignView *m_view;
    PalettePanel *m_palette = nullptr;
    PropertiesPanel *m_properties = nullptr;
    FindingsPanel *m_findings = nullptr;
    EffectiveRoutesPanel *m_effectiveRoutes = nullptr;
    EffectiveSecurityRulesPanel *m_effectiveSecurityRules = nullptr;
    ImportReportPanel *m_importReport = nullptr;
    AzureImportDialog *m_azureImport = nullptr; // while shown
    CheckRunner *m_checker;
    PathWorkbench *m_paths = nullptr;
    TrafficController *m_traffic = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLineEdit *m_find = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_checkLabel = nullptr;
    QTimer m_autosave;
    QFutureWatcher<void> m_autosaveWriter;
    bool m_autosaveAgain = false; // the design changed while the writer ran
    QElapsedTimer m_autosaveBurst; // since the first change the recovery file does not hold yet
    QString m_traceFrom; // chosen with "Trace From Here", waiting for "Trace To Here"
    QString m_exampleTitle; // set while an untitled example is open
    // The object a multi-object selection shows in the Properties panel (the first one a
    // finding names); empty for a plain multi-selection.
    model::ObjectId m_primaryObject;
    bool m_fileHasComments = false;
    bool m_docksSized = false;
    // Set by restoreLayout() before the first show: the saved state waits for the defaults.
    bool m_layoutRestorePending = false;
    QByteArray m_defaultState;                  // the dock layout of a first run
    QList<QByteArray> m_defaultHeaderStates;    // per rememberedHeaders(), in order
};

} // namespace hopscope::gui
