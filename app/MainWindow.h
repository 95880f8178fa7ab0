#pragma once

// The main window: canvas in the middle, palette, properties and findings docks, and the file,
// edit, view and tool commands. It wires the pieces together; the pieces themselves (document,
// scene, tools, panels) know nothing of it.

#include "model/ObjectId.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;

namespace hopscope::gui {

class CheckRunner;
class DesignDocument;
class DesignScene;
class DesignView;
class FindingsPanel;
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
    // Writes the recovery file now if the design is modified (the autosave timer calls this).
    void autosave();

    DesignDocument *document() const { return m_document; }
    DesignScene *scene() const { return m_scene; }
    DesignView *view() const { return m_view; }
    PalettePanel *palettePanel() const { return m_palette; }
    PropertiesPanel *propertiesPanel() const { return m_properties; }
    FindingsPanel *findingsPanel() const { return m_findings; }
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
    void deleteSelection();
    void arrange();
    void findByName();
    void selectionChanged();
    void checkFinished();
    void showObjects(const QStringList &names);
    void discardRecovery();

    DesignDocument *m_document;
    DesignScene *m_scene;
    DesignView *m_view;
    PalettePanel *m_palette = nullptr;
    PropertiesPanel *m_properties = nullptr;
    FindingsPanel *m_findings = nullptr;
    CheckRunner *m_checker;
    PathWorkbench *m_paths = nullptr;
    TrafficController *m_traffic = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLineEdit *m_find = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_checkLabel = nullptr;
    QTimer m_autosave;
    QString m_exampleTitle; // set while an untitled example is open
    // The object a multi-object selection shows in the Properties panel (the first one a
    // finding names); empty for a plain multi-selection.
    model::ObjectId m_primaryObject;
    bool m_fileHasComments = false;
    bool m_docksSized = false;
};

} // namespace hopscope::gui
