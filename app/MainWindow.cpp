#include "MainWindow.h"

#include "DesktopApp.h"
#include "Language.h"

#include "canvas/CanvasTools.h"
#include "findings/CheckRunner.h"
#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "export/ExportDialog.h"
#include "findings/FindingsPanel.h"
#include "import/AzureImportDialog.h"
#include "import/ImportReportPanel.h"
#include "palette/PaletteActions.h"
#include "palette/PalettePanel.h"
#include "path/EffectiveRoutesPanel.h"
#include "path/EffectiveSecurityRulesPanel.h"
#include "path/HopInspector.h"
#include "path/PathPanel.h"
#include "path/PathWorkbench.h"
#include "properties/PropertiesPanel.h"
#include "properties/RouteTableModel.h"
#include "canvas/SceneItems.h"
#include "canvas/SceneStyle.h"
#include "traffic/TrafficController.h"
#include "traffic/TrafficPanel.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "layout/AutoLayout.h"
#include "layout/FreeSpot.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCompleter>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStringListModel>
#include <QStyleHints>
#include <QTableWidget>
#include <QToolBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>
#include <tuple>
#include <utility>

// The resources live in the static hopscope_gui library; nothing references them by symbol, so
// they are registered explicitly (Q_INIT_RESOURCE must be used outside any namespace).
static void initHopscopeResources()
{
    Q_INIT_RESOURCE(hopscope);
}

namespace hopscope::gui {

namespace {
constexpr int maxRecentFiles = 8;
constexpr int autosaveDelayMs = 1500;
constexpr int autosaveLongestWaitMs = 5000;
const char recentFilesKey[] = "recentFiles";
const char recoveryOriginKey[] = "recovery/originalPath";
const char lastDirectoryKey[] = "lastDirectory";
const char themeKey[] = "theme";
const char layoutGeometryKey[] = "layout/geometry";
const char layoutStateKey[] = "layout/docks";
const char layoutHeadersGroup[] = "layout/columns";
// Bumped when the docks change, so that an older saved layout is ignored, not misapplied.
constexpr int layoutStateVersion = 1;

QString errorText(const std::vector<io::LoadError> &errors)
{
    QStringList lines;
    for (const io::LoadError &e : errors)
        lines << e.toString();
    return lines.join(u'\n');
}

// A hand-written file may hold YAML comments, which saving cannot keep (format.md).
bool hasComments(const QByteArray &bytes)
{
    static const QRegularExpression comment(QStringLiteral("(^|\\s)#"),
                                            QRegularExpression::MultilineOption);
    return comment.match(QString::fromUtf8(bytes)).hasMatch();
}

// A menu command as a list names it: without its mnemonic, neither "&Zoom In" nor the
// "(&I)" that Japanese menus append ("拡大(&I)"), and without the "…" of a dialog.
QString commandName(const QString &actionText)
{
    static const QRegularExpression appendedMnemonic(QStringLiteral(R"(\s*\(&[^&)\s]\))"));
    return QString(actionText)
        .remove(appendedMnemonic)
        .remove(u'&')
        .remove(QStringLiteral("…"));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new DesignDocument(this)),
      m_scene(new DesignScene(m_document, this)), m_view(new DesignView(m_scene, this)),
      m_checker(new CheckRunner(m_document, this))
{
    initHopscopeResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hopscope.svg")));
    setCentralWidget(m_view);
    setDockNestingEnabled(true);
    // Properties run the full height, for the route-table editor; the bottom panels (findings,
    // the path's hop table) take the palette's corner, which a short list of parts never needs.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    auto *select = new SelectMoveTool(m_view);
    m_view->addTool(select);
    m_view->addTool(new PeeringTool(m_view));
    m_paths = new PathWorkbench(m_document, m_scene, m_view, this); // adds the path tool

    createActions();
    createDocks();
    createMenusAndToolBars();

    m_zoomLabel = new QLabel(this);
    m_checkLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_traffic->progressWidget());
    statusBar()->addPermanentWidget(m_checkLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &DesignView::zoomChanged, this, [this](qreal zoom) {
        m_zoomLabel->setText(tr("%1 %").arg(qRound(zoom * 100)));
    });
    connect(m_view, &DesignView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_properties, &PropertiesPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_traffic, &TrafficController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    m_zoomLabel->setText(tr("100 %"));

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::selectionChanged);
    connect(m_properties, &PropertiesPanel::objectRenamed, this,
            [this](const model::ObjectId &id) { m_scene->selectIds({id}); });
    connect(m_document, &DesignDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &DesignDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &DesignDocument::designPropertiesChanged, this, &MainWindow::updateTitle);
    connect(m_view, &DesignView::paletteDropped, this, [this](const QString &kind, QPointF pos) {
        QString error;
        m_palette->clearChoice();
        if (createFromPalette(m_scene, kind, pos, &error).isNull() && !error.isEmpty())
            statusBar()->showMessage(error, 8000);
    });
    connect(m_palette, &PalettePanel::createRequested, this, [this](const QString &kind) {
        QString error;
        m_palette->clearChoice();
        const model::ObjectId id = createFromPalette(m_scene, kind, std::nullopt, &error);
        if (id.isNull() && !error.isEmpty())
            statusBar()->showMessage(error, 8000);
        else if (!id.isNull())
            m_view->centreOn({id});
    });

    connect(m_view, &DesignView::contextMenuRequested, this,
            [this](const model::ObjectId &id, QPointF scenePos, QPoint globalPos) {
                QMenu *menu = contextMenuFor(id, scenePos);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(globalPos);
            });

    connect(m_checker, &CheckRunner::started, this, [this] {
        m_checkLabel->setText(tr("Checking…"));
        m_findings->setChecking(true);
    });
    connect(m_checker, &CheckRunner::finished, this, &MainWindow::checkFinished);
    connect(m_findings, &FindingsPanel::objectsRequested, this, &MainWindow::showObjects);
    connect(m_findings, &FindingsPanel::routeRequested, this, &MainWindow::showRoute);

    // The recovery file follows the edits (issue 16): written once the user pauses for a moment
    // after a change, so that a crash loses at most the last couple of seconds; during a long
    // burst of edits it is written at least every few seconds all the same.
    bool ok = false;
    const int milliseconds = qEnvironmentVariableIntValue("HOPSCOPE_AUTOSAVE_MS", &ok);
    m_autosave.setInterval(ok && milliseconds > 0 ? milliseconds : autosaveDelayMs);
    m_autosave.setSingleShot(true);
    connect(&m_autosave, &QTimer::timeout, this, [this] {
        m_autosaveBurst.invalidate();
        autosave();
    });
    connect(&m_autosaveWriter, &QFutureWatcher<void>::finished, this, [this] {
        if (std::exchange(m_autosaveAgain, false))
            autosave();
    });
    // The stack's index moves after every push, merge, undo and redo, once the step is
    // counted (designChanged comes while a push is still under way, before it is).
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!m_document->isModified())
            return;
        if (!m_autosaveBurst.isValid())
            m_autosaveBurst.start();
        if (m_autosaveBurst.elapsed() < autosaveLongestWaitMs)
            m_autosave.start(); // restarts: the pause is counted from the last change
    });
    // Back to the saved state (undo, save) before the pause: nothing is left to write.
    connect(m_document, &DesignDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) {
            m_autosave.stop();
            m_autosaveBurst.invalidate();
        }
    });

    syncThemeActions();
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // Where Qt tells, a change of the desktop's scheme is followed at once.
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (savedTheme().isEmpty())
            followDesktopTheme();
    });
#endif

    resize(1400, 900);
    updateTitle();
    updateRecentMenu();
}

namespace {

bool clipboardHasText()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    return mime && mime->hasText() && !mime->text().trimmed().isEmpty();
}

} // namespace

QMenu *MainWindow::contextMenuFor(const model::ObjectId &id, QPointF scenePos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("canvasContextMenu"));
    const model::Design &d = m_document->design();
    auto add = [menu](const QString &name, const QString &text, auto slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(name);
        connect(a, &QAction::triggered, menu, slot);
        return a;
    };
    if (id.isNull()) {
        // The empty canvas: every palette entry, placed where the menu was asked for.
        QMenu *here = menu->addMenu(tr("Add Here"));
        here->setObjectName(QStringLiteral("ctxAddHere"));
        for (const PaletteEntry &entry : paletteEntries()) {
            QAction *a = here->addAction(entry.label);
            a->setObjectName(QStringLiteral("ctxAdd-") + entry.kind);
            a->setToolTip(entry.hint);
            connect(a, &QAction::triggered, this, [this, kind = entry.kind, scenePos] {
                QString error;
                if (createFromPalette(m_scene, kind, scenePos, &error).isNull() && !error.isEmpty())
                    statusBar()->showMessage(error, 8000);
            });
        }
        add(QStringLiteral("ctxPasteHere"), tr("Paste Here"), [this, scenePos] {
            m_scene->selectIds({});
            pasteClipboard(scenePos);
        })->setEnabled(clipboardHasText());
        menu->addSeparator();
        menu->addAction(action(QStringLiteral("actionFit")));
        menu->addAction(action(QStringLiteral("actionArrange")));
        return menu;
    }
    const QString what = edit::describe(d, id);
    add(QStringLiteral("ctxProperties"), tr("Properties"), [this, id] {
        m_scene->selectIds({id});
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("propertiesDock"))) {
            dock->show();
            dock->raise();
        }
        m_properties->setFocus();
    });
    if (edit::isTraceEndpoint(d, id)) {
        menu->addSeparator();
        add(QStringLiteral("ctxTraceFrom"), tr("Trace From Here"), [this, id] {
            m_traceFrom = id.toString();
            statusBar()->showMessage(
                tr("Tracing from %1: right-click the destination and choose Trace To Here.")
                    .arg(m_traceFrom),
                8000);
        });
        QAction *to = add(QStringLiteral("ctxTraceTo"),
                          m_traceFrom.isEmpty() ? tr("Trace To Here")
                                                : tr("Trace To Here from %1").arg(m_traceFrom),
                          [this, id] {
                              m_paths->traceGesture(std::exchange(m_traceFrom, QString()),
                                                    id.toString());
                          });
        to->setEnabled(!m_traceFrom.isEmpty() && m_traceFrom != id.toString());
    }
    const bool hasSubnet = id.is(model::ObjectId::Kind::Subnet) ||
                           (id.is(model::ObjectId::Kind::Object) &&
                            (d.vm(id.name()) || d.firewall(id.name())));
    if (hasSubnet) {
        add(QStringLiteral("ctxEffectiveRoutes"), tr("Effective Routes"), [this, id] {
            m_scene->selectIds({id});
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("effectiveRoutesDock"))) {
                dock->show();
                dock->raise();
            }
        });
    }
    if (const model::Subnet *s = id.is(model::ObjectId::Kind::Subnet) ? d.subnet(id.toString())
                                                                      : nullptr;
        s && s->routeTable.isEmpty()) {
        add(QStringLiteral("ctxAddRouteTable"), tr("Add Route Table"), [this, id] {
            m_document->breakMergeChain();
            m_document->edit(tr("Add a route table to %1")
                                 .arg(edit::describe(m_document->design(), id)),
                             [&](model::Design &design) { edit::addRouteTable(design, id); });
        });
    }
    if (id.toString() != model::internetName()) {
        menu->addSeparator();
        // Cut, Copy and Duplicate work on the selection, which a right-click made `id` (or
        // kept, when `id` was part of it); Paste goes into `id` (issue 16 point 9).
        if (!edit::copyObjects(d, {id}).roots.isEmpty()) {
            add(QStringLiteral("ctxCut"), tr("Cut"), [this, id] {
                if (!m_scene->selectedIds().contains(id))
                    m_scene->selectIds({id});
                cutSelection();
            });
            add(QStringLiteral("ctxCopy"), tr("Copy"), [this, id] {
                if (!m_scene->selectedIds().contains(id))
                    m_scene->selectIds({id});
                copySelection();
            });
            add(QStringLiteral("ctxDuplicate"), tr("Duplicate"), [this, id] {
                if (!m_scene->selectedIds().contains(id))
                    m_scene->selectIds({id});
                duplicateSelection();
            });
        }
        add(QStringLiteral("ctxPaste"), tr("Paste Into %1").arg(what), [this, id] {
            m_scene->selectIds({id});
            pasteClipboard();
        })->setEnabled(clipboardHasText());
        add(QStringLiteral("ctxDelete"), tr("Delete %1").arg(what), [this, id] {
            m_scene->selectIds({id});
            deleteSelection();
        });
    }
    return menu;
}

QString MainWindow::savedTheme()
{
    const QString theme = QSettings().value(QLatin1String(themeKey)).toString();
    return theme == u"dark" || theme == u"light" ? theme : QString();
}

void MainWindow::setDarkMode(bool dark)
{
    QSettings().setValue(QLatin1String(themeKey),
                         dark ? QStringLiteral("dark") : QStringLiteral("light"));
    if (dark != darkThemeApplied())
        applyTheme(dark);
    syncThemeActions();
}

void MainWindow::followDesktopTheme()
{
    QSettings().remove(QLatin1String(themeKey));
    const bool dark = desktopPrefersDark();
    if (dark != darkThemeApplied())
        applyTheme(dark);
    syncThemeActions();
}

void MainWindow::syncThemeActions()
{
    action(QStringLiteral("actionDarkMode"))->setChecked(darkThemeApplied());
    action(QStringLiteral("actionFollowDesktopTheme"))->setChecked(savedTheme().isEmpty());
}

QUrl MainWindow::userGuideUrl()
{
    // The README's "In the app" section is the guide (packaging/CMakeLists.txt's homepage).
    return QUrl(QStringLiteral("https://github.com/hopscope/hopscope#in-the-app"));
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *table = new QTableWidget(0, 2, dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    auto add = [table](const QString &command, const QString &keys) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(command));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    };
    // Every command of the menus that has a key, in menu order, as the menus name it.
    QSet<QAction *> seen;
    for (QAction *menuAction : menuBar()->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QList<QAction *> actions = menu->actions();
        for (int i = 0; i < actions.size(); ++i) {
            QAction *a = actions[i];
            if (a->menu())
                actions << a->menu()->actions();
            if (seen.contains(a) || a->shortcuts().isEmpty())
                continue;
            seen.insert(a);
            QStringList keys;
            for (const QKeySequence &key : a->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            add(commandName(a->text()), keys.join(tr(" or ")));
        }
    }
    // What the canvas does with keys and the mouse beyond the menus.
    add(tr("Back to Select and Move"), tr("Esc"));
    add(tr("Trace between two selected end points"), tr("Ctrl+click, or drag a rubber band"));
    add(tr("Zoom"), tr("Wheel"));
    add(tr("Draw a peering"), tr("Drag from one VNet to another with Draw Peering (P)"));
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    auto *guide = new QLabel(tr("More in the <a href=\"%1\">user guide</a>.")
                                 .arg(userGuideUrl().toString()),
                             dialog);
    guide->setOpenExternalLinks(true);
    layout->addWidget(guide);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(520, 560);
    dialog->open();
}

MainWindow::~MainWindow()
{
    m_autosaveAgain = false;
    m_autosaveWriter.waitForFinished(); // the writer holds its own copy of the design
    // Children die after this object's own parts; keep their last signals from reaching it.
    m_document->disconnect(this);
    m_scene->disconnect(this);
}

QAction *MainWindow::action(const QString &name) const { return findChild<QAction *>(name); }

QList<MainWindow::Example> MainWindow::examples()
{
    // The three seeds share one design name (they are one lab at three stages), so the titles
    // say what sets each apart.
    return {
        {QStringLiteral(":/examples/seed-as-written.hopscope.yaml"), tr("Squid Proxy Lab, As Written"),
         tr("P2S clients browse through a proxy behind two firewalls; one UDR points at an "
            "address nobody owns.")},
        {QStringLiteral(":/examples/seed-typo-fixed.hopscope.yaml"), tr("Squid Proxy Lab, Typo Fixed"),
         tr("The same lab with the hub firewall's UDR pointing at the right firewall.")},
        {QStringLiteral(":/examples/seed-supported.hopscope.yaml"),
         tr("Squid Proxy Lab, Supported Routing"),
         tr("The lab rebuilt the way Azure supports: firewalls with management NICs, no 0.0.0.0/0 "
            "UDR on the GatewaySubnet, an NSG that admits only the VPN pool on the proxy port.")},
        {QStringLiteral(":/examples/seed-nsg-blocks-pool.hopscope.yaml"),
         tr("Squid Proxy Lab, Pool Blocked by an NSG"),
         tr("The supported lab with a deny rule above the allow rule: the routes are right, "
            "the proxy subnet's NSG drops the VPN clients.")},
        {QStringLiteral(":/examples/classic-hub.hopscope.yaml"), tr("Classic Hub and Spoke"),
         tr("Three spokes and a VPN gateway; the hub firewall inspects every flow both ways.")},
    };
}

QStringList MainWindow::exampleResources()
{
    QStringList resources;
    for (const Example &e : examples())
        resources << e.resource;
    return resources;
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                       auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    auto std = [](QKeySequence::StandardKey key) { return QKeySequence(key); };
    make(QStringLiteral("actionNew"), tr("&New"), std(QKeySequence::New), [this] {
        if (maybeSave())
            newDesign();
    });
    make(QStringLiteral("actionOpen"), tr("&Open…"), std(QKeySequence::Open), [this] { open(); });
    make(QStringLiteral("actionImportAzure"), tr("Import from &Azure…"),
         QKeySequence(tr("Ctrl+Shift+I")), [this] { showAzureImport(); })
        ->setStatusTip(tr("Read an estate exported from Azure as JSON into a new design"));
    make(QStringLiteral("actionSave"), tr("&Save"), std(QKeySequence::Save), [this] { save(); });
    make(QStringLiteral("actionSaveAs"), tr("Save &As…"), std(QKeySequence::SaveAs),
         [this] { saveAs(); });
    // STYLE 9: the menu and `hopscope export` share DiagramExporter.
    for (const auto &[name, text, format] :
         {std::tuple(QStringLiteral("actionExportSvg"), tr("Export as S&VG…"),
                     ExportOptions::Format::Svg),
          std::tuple(QStringLiteral("actionExportPng"), tr("Export as P&NG…"),
                     ExportOptions::Format::Png)}) {
        make(name, text, QKeySequence(), [this, format = format] {
            const QString written =
                exportWithDialog(this, m_scene, format, m_document->filePath());
            if (!written.isEmpty())
                statusBar()->showMessage(
                    tr("Exported %1").arg(QDir::toNativeSeparators(written)), 4000);
        });
    }
    make(QStringLiteral("actionQuit"), tr("&Quit"), std(QKeySequence::Quit), [this] { close(); });

    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(std(QKeySequence::Undo));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({std(QKeySequence::Redo), QKeySequence(tr("Ctrl+Y"))});
    QAction *remove = make(QStringLiteral("actionDelete"), tr("&Delete"), std(QKeySequence::Delete),
                           [this] { deleteSelection(); });
    // Delete belongs to the canvas: in a text field the key deletes characters.
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);
    // Cut, copy, paste and duplicate belong to the canvas like Delete: in a text field the
    // keys work on the text (issue 16 point 9).
    const QList<QAction *> clipboardActions{
        make(QStringLiteral("actionCut"), tr("Cu&t"), std(QKeySequence::Cut),
             [this] { cutSelection(); }),
        make(QStringLiteral("actionCopy"), tr("&Copy"), std(QKeySequence::Copy),
             [this] { copySelection(); }),
        make(QStringLiteral("actionPaste"), tr("&Paste"), std(QKeySequence::Paste),
             [this] { pasteClipboard(); }),
        make(QStringLiteral("actionDuplicate"), tr("D&uplicate"), QKeySequence(tr("Ctrl+D")),
             [this] { duplicateSelection(); })};
    for (QAction *a : clipboardActions) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
    }
    make(QStringLiteral("actionSelectAll"), tr("Select &All"), std(QKeySequence::SelectAll),
         [this] {
             for (QGraphicsItem *i : m_scene->items()) {
                 if (i->type() == VnetItemType || i->type() == NodeItemType)
                     i->setSelected(true);
             }
         })->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(action(QStringLiteral("actionSelectAll")));
    make(QStringLiteral("actionFind"), tr("&Find by Name…"), std(QKeySequence::Find), [this] {
        m_find->setFocus();
        m_find->selectAll();
    });

    make(QStringLiteral("actionZoomIn"), tr("Zoom &In"), std(QKeySequence::ZoomIn),
         [this] { m_view->zoomIn(); });
    make(QStringLiteral("actionZoomOut"), tr("Zoom &Out"), std(QKeySequence::ZoomOut),
         [this] { m_view->zoomOut(); });
    make(QStringLiteral("actionFit"), tr("&Fit to Window"), QKeySequence(tr("Ctrl+0")),
         [this] { m_view->fitToDesign(); });
    make(QStringLiteral("actionActualSize"), tr("&Actual Size"), QKeySequence(tr("Ctrl+1")),
         [this] { m_view->resetZoom(); });
    make(QStringLiteral("actionArrange"), tr("A&rrange Automatically"), QKeySequence(tr("Ctrl+L")),
         [this] { arrange(); });
    make(QStringLiteral("actionResetLayout"), tr("Reset &Layout"), QKeySequence(),
         [this] { resetLayout(); });
    make(QStringLiteral("actionDarkMode"), tr("&Dark Mode"), QKeySequence(tr("Ctrl+Shift+D")),
         [this](bool on) { setDarkMode(on); })
        ->setCheckable(true);
    make(QStringLiteral("actionFollowDesktopTheme"), tr("Follow Desktop &Colours"), QKeySequence(),
         [this](bool on) {
             if (on)
                 followDesktopTheme();
             else
                 setDarkMode(darkThemeApplied());
         })
        ->setCheckable(true);
    make(QStringLiteral("actionShortcuts"), tr("&Keyboard Shortcuts"), QKeySequence(),
         [this] { showShortcuts(); });
    make(QStringLiteral("actionUserGuide"), tr("&User Guide"), std(QKeySequence::HelpContents),
         [] { QDesktopServices::openUrl(userGuideUrl()); });

    auto *tools = new QActionGroup(this);
    auto tool = [&](const QString &id, const QString &text, const QString &key, IconKind icon) {
        QAction *a = make(QStringLiteral("tool") + id.front().toUpper() + id.mid(1), text,
                          QKeySequence(key), [this, id] { m_view->setCurrentTool(id); });
        a->setCheckable(true);
        a->setData(id);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key));
        a->setIcon(QIcon(iconPainter().pixmap(icon, 24, devicePixelRatioF(), SceneStyle(palette()))));
        tools->addAction(a);
        return a;
    };
    tool(QStringLiteral("select"), tr("Select and Move"), QStringLiteral("V"), IconKind::Subnet)
        ->setChecked(true);
    tool(QStringLiteral("peering"), tr("Draw Peering"), QStringLiteral("P"), IconKind::Peering);
    tool(QStringLiteral("path"), tr("Trace Path"), QStringLiteral("T"), IconKind::Hopscope);
    connect(m_view, &DesignView::currentToolChanged, this, [tools](const QString &id) {
        for (QAction *a : tools->actions())
            a->setChecked(a->data().toString() == id);
    });
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &name, const QString &title, QWidget *widget,
                       Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                       QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        return d;
    };
    m_palette = new PalettePanel(this);
    dock(QStringLiteral("paletteDock"), tr("Palette"), m_palette, Qt::LeftDockWidgetArea);
    m_properties = new PropertiesPanel(m_document, this);
    m_properties->setObjectName(QStringLiteral("properties"));
    dock(QStringLiteral("propertiesDock"), tr("Properties"), m_properties, Qt::RightDockWidgetArea);
    m_findings = new FindingsPanel(this);
    m_findings->setObjectName(QStringLiteral("findings"));
    QDockWidget *findings =
        dock(QStringLiteral("findingsDock"), tr("Findings"), m_findings, Qt::BottomDockWidgetArea);
    resizeDocks({findings}, {170}, Qt::Vertical);
    // Issue 7: the proxy-log import; its panel shares the bottom with the findings.
    m_traffic = new TrafficController(this, m_document, m_scene);
    QDockWidget *traffic = dock(QStringLiteral("trafficDock"), tr("Traffic"), m_traffic->panel(),
                                Qt::BottomDockWidgetArea);
    tabifyDockWidget(findings, traffic);
    findings->raise();
    // Issue 5: the path on show and the VPN-pool matrix share the bottom as well.
    QDockWidget *path =
        dock(QStringLiteral("pathDock"), tr("Path"), m_paths->panel(), Qt::BottomDockWidgetArea);
    QDockWidget *pools = dock(QStringLiteral("poolMatrixDock"), tr("VPN Pools"),
                              m_paths->poolMatrix(), Qt::BottomDockWidgetArea);
    tabifyDockWidget(findings, path);
    tabifyDockWidget(findings, pools);
    // Issue 16: the portal's effective-routes view of the selected subnet or VM, at any time.
    m_effectiveRoutes = new EffectiveRoutesPanel(m_document, this);
    m_effectiveRoutes->setObjectName(QStringLiteral("effectiveRoutes"));
    QDockWidget *routes = dock(QStringLiteral("effectiveRoutesDock"), tr("Effective Routes"),
                               m_effectiveRoutes, Qt::BottomDockWidgetArea);
    tabifyDockWidget(findings, routes);
    // Issue 13: the portal's effective-security-rules view of the selected subnet or VM.
    m_effectiveSecurityRules = new EffectiveSecurityRulesPanel(m_document, this);
    m_effectiveSecurityRules->setObjectName(QStringLiteral("effectiveSecurityRules"));
    QDockWidget *securityRules =
        dock(QStringLiteral("effectiveSecurityRulesDock"), tr("Effective Security Rules"),
             m_effectiveSecurityRules, Qt::BottomDockWidgetArea);
    tabifyDockWidget(findings, securityRules);
    // Issue 14: the report of the last Azure import, shown once there is one.
    m_importReport = new ImportReportPanel(this);
    m_importReport->setObjectName(QStringLiteral("importReport"));
    QDockWidget *importReport = dock(QStringLiteral("importReportDock"), tr("Import Report"),
                                     m_importReport, Qt::BottomDockWidgetArea);
    tabifyDockWidget(findings, importReport);
    importReport->hide();
    findings->raise();
    m_paths->attachFindings(m_findings, m_checker);
}

void MainWindow::createMenusAndToolBars()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionNew")));
    file->addAction(action(QStringLiteral("actionOpen")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(action(QStringLiteral("actionImportAzure")));
    file->addAction(action(QStringLiteral("actionImportProxyLog")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionSaveAs")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionExportSvg")));
    file->addAction(action(QStringLiteral("actionExportPng")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("actionUndo")));
    edit->addAction(action(QStringLiteral("actionRedo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionCut")));
    edit->addAction(action(QStringLiteral("actionCopy")));
    edit->addAction(action(QStringLiteral("actionPaste")));
    edit->addAction(action(QStringLiteral("actionDuplicate")));
    edit->addAction(action(QStringLiteral("actionDelete")));
    edit->addAction(action(QStringLiteral("actionSelectAll")));
    edit->addAction(action(QStringLiteral("actionFind")));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(action(QStringLiteral("actionZoomIn")));
    m_viewMenu->addAction(action(QStringLiteral("actionZoomOut")));
    m_viewMenu->addAction(action(QStringLiteral("actionFit")));
    m_viewMenu->addAction(action(QStringLiteral("actionActualSize")));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("actionArrange")));
    m_viewMenu->addAction(action(QStringLiteral("actionShowFlows")));
    m_viewMenu->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addAction(action(QStringLiteral("actionResetLayout")));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("actionDarkMode")));
    m_viewMenu->addAction(action(QStringLiteral("actionFollowDesktopTheme")));
    m_viewMenu->addMenu(createLanguageMenu(
        this, [this](const QString &text) { statusBar()->showMessage(text, 8000); }));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(action(QStringLiteral("toolSelect")));
    tools->addAction(action(QStringLiteral("toolPeering")));
    tools->addAction(action(QStringLiteral("toolPath")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QMenu *examples = help->addMenu(tr("&Examples"));
    examples->setToolTipsVisible(true);
    for (const Example &example : MainWindow::examples()) {
        const QString name = QFileInfo(example.resource).fileName().section(u'.', 0, 0);
        QAction *a = examples->addAction(example.title);
        a->setObjectName(QStringLiteral("example-") + name);
        a->setToolTip(example.description);
        a->setStatusTip(example.description);
        connect(a, &QAction::triggered, this, [this, resource = example.resource] {
            if (maybeSave())
                openExample(resource);
        });
    }
    help->addAction(action(QStringLiteral("actionUserGuide")));
    help->addAction(action(QStringLiteral("actionShortcuts")));
    help->addSeparator();
    help->addAction(tr("&About Hopscope"), this, [this] {
        QMessageBox::about(this, tr("About Hopscope"),
                           tr("<b>Hopscope %1</b><p>Design Azure hub-and-spoke networks and see "
                              "where every packet goes.</p>")
                               .arg(QStringLiteral(HOPSCOPE_VERSION)));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const QStyle *s = style();
    action(QStringLiteral("actionNew"))->setIcon(s->standardIcon(QStyle::SP_FileIcon));
    action(QStringLiteral("actionOpen"))->setIcon(s->standardIcon(QStyle::SP_DialogOpenButton));
    action(QStringLiteral("actionSave"))->setIcon(s->standardIcon(QStyle::SP_DialogSaveButton));
    action(QStringLiteral("actionUndo"))->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    action(QStringLiteral("actionRedo"))->setIcon(s->standardIcon(QStyle::SP_ArrowForward));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(action(QStringLiteral("actionNew")));
    bar->addAction(action(QStringLiteral("actionOpen")));
    bar->addAction(action(QStringLiteral("actionSave")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionUndo")));
    bar->addAction(action(QStringLiteral("actionRedo")));
    // Undo and Redo carry the step's name ("Undo Change prefix of …"): as text beside the icon
    // the toolbar would jump at every edit and push tools into its overflow. The name stays in
    // the tooltip and the Edit menu.
    for (const char *name : {"actionUndo", "actionRedo"})
        if (auto *button = qobject_cast<QToolButton *>(
                bar->widgetForAction(action(QString::fromLatin1(name)))))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("toolSelect")));
    bar->addAction(action(QStringLiteral("toolPeering")));
    bar->addAction(action(QStringLiteral("toolPath")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionFit")));
    bar->addAction(action(QStringLiteral("actionArrange")));
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_find = new QLineEdit(bar);
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setPlaceholderText(tr("Find by name (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(260);
    auto *names = new QStringListModel(this);
    auto *completer = new QCompleter(names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_find->setCompleter(completer);
    // Refreshed when objects change, and only when that changes a name: after most edits (a
    // route, a flag) sorting thousands of names would stall a large estate's window for nothing.
    auto refreshNames = [this, names, last = std::make_shared<QStringList>()] {
        QStringList all;
        for (QGraphicsItem *i : m_scene->items()) {
            if (auto *d = dynamic_cast<DesignItem *>(i); d && d->type() != EdgeItemType)
                all << d->id();
        }
        if (all == *last)
            return;
        *last = all;
        all.sort(Qt::CaseInsensitive);
        names->setStringList(all);
    };
    auto *namesLater = new QTimer(names);
    namesLater->setSingleShot(true);
    namesLater->setInterval(0);
    connect(namesLater, &QTimer::timeout, names, refreshNames);
    for (auto signal : {&DesignDocument::namesChanged, &DesignDocument::designReset})
        connect(m_document, signal, namesLater, [namesLater] { namesLater->start(); });
    connect(m_find, &QLineEdit::returnPressed, this, &MainWindow::findByName);
    bar->addWidget(m_find);
}

void MainWindow::updateTitle()
{
    QString title;
    if (!m_document->filePath().isEmpty())
        title = QFileInfo(m_document->filePath()).fileName();
    else if (!m_exampleTitle.isEmpty())
        title = m_exampleTitle;
    else
        title = tr("Untitled");
    const QString designName = m_document->design().name;
    setWindowTitle(designName.isEmpty()
                       ? QStringLiteral("%1[*] — Hopscope").arg(title)
                       : QStringLiteral("%1[*] — %2 — Hopscope").arg(title, designName));
    setWindowModified(m_document->isModified());
}

// ---- files

void MainWindow::newDesign()
{
    m_exampleTitle.clear();
    m_fileHasComments = false;
    model::Design design;
    design.name = tr("New design");
    m_document->resetDesign(std::move(design));
    m_view->fitReadable();
    updateTitle();
}

AzureImportDialog *MainWindow::showAzureImport()
{
    if (m_azureImport && m_azureImport->isVisible()) {
        m_azureImport->raise();
        m_azureImport->activateWindow();
        return m_azureImport;
    }
    if (m_azureImport)
        m_azureImport->deleteLater(); // closed, on its way out
    auto *dialog = new AzureImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_azureImport == dialog)
            m_azureImport = nullptr;
    });
    connect(dialog, &AzureImportDialog::imported, this, &MainWindow::openImported);
    m_azureImport = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::openImported(const importing::ImportResult &result, const QStringList &files)
{
    if (!result.design || !maybeSave())
        return;
    m_exampleTitle.clear();
    m_fileHasComments = false;
    // No layout: the scene lays the design out automatically, as any design without positions.
    m_document->resetDesign(*result.design);
    // An import is unsaved work: the title shows it, and closing asks to keep it.
    m_document->undoStack()->resetClean();
    m_view->fitReadable();
    updateTitle();
    m_importReport->setReport(result.report, files);
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("importReportDock"))) {
        dock->show();
        dock->raise();
    }
}

bool MainWindow::openFile(const QString &path, QStringList *errors)
{
    const io::LoadResult result = io::readDesignFile(path);
    if (!result.design) {
        QStringList lines;
        for (const io::LoadError &e : result.errors)
            lines << e.toString();
        if (errors)
            *errors = lines;
        // Non-modal: the design on screen stays as it was, and the list can stay open beside it.
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                                    tr("The file has errors; the current design is kept."),
                                    QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("loadErrors"));
        box->setDetailedText(errorText(result.errors));
        box->setInformativeText(lines.mid(0, 8).join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    QFile file(path);
    m_fileHasComments = file.open(QIODevice::ReadOnly) && hasComments(file.readAll());
    m_exampleTitle.clear();
    m_document->resetDesign(*result.design, QFileInfo(path).absoluteFilePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    m_view->fitReadable();
    updateTitle();
    return true;
}

bool MainWindow::openExample(const QString &resourcePath, QStringList *errors)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors = {tr("%1: built-in example missing").arg(resourcePath)};
        return false;
    }
    const io::LoadResult result = io::readDesign(file.readAll(), resourcePath);
    if (!result.design) {
        if (errors) {
            errors->clear();
            for (const io::LoadError &e : result.errors)
                *errors << e.toString();
        }
        statusBar()->showMessage(tr("The example %1 does not load: %2")
                                     .arg(resourcePath, errorText(result.errors).section(u'\n', 0, 0)));
        return false;
    }
    m_fileHasComments = false;
    m_exampleTitle = QFileInfo(resourcePath).fileName();
    m_document->resetDesign(*result.design, QString(), QFileInfo(resourcePath).path());
    m_view->fitReadable();
    updateTitle();
    return true;
}

bool MainWindow::saveTo(const QString &path)
{
    // Relative paths (a proxy's squid.conf) are relative to the design file (format.md): saved
    // into another folder they must still name the same file, or the design saved would be worse
    // than the one on screen (issue 16). Paths into a built-in example's resources cannot be
    // named from a folder on disk: the files are copied beside the design instead.
    const QString from = m_document->baseDirectory();
    const QString to = QFileInfo(path).absolutePath();
    QHash<QString, QString> copiedAs; // config path as written → the copy's path
    if (from.startsWith(u':')) {
        for (const model::Vm &vm : m_document->design().vms) {
            if (!vm.proxy || vm.proxy->config.isEmpty() || copiedAs.contains(vm.proxy->config))
                continue;
            const QString source = QDir(from).filePath(vm.proxy->config);
            QFile in(source);
            if (QDir::isAbsolutePath(vm.proxy->config) || !in.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = in.readAll();
            // Never overwrite a different file of the same name: the copy gets a free one.
            QString relative = vm.proxy->config;
            const QFileInfo wanted(QDir(to).filePath(relative));
            for (int n = 2; QFileInfo::exists(QDir(to).filePath(relative)); ++n) {
                QFile existing(QDir(to).filePath(relative));
                if (existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes)
                    break;
                relative = QDir(to).relativeFilePath(
                    wanted.dir().filePath(QStringLiteral("%1-%2.%3")
                                              .arg(wanted.completeBaseName())
                                              .arg(n)
                                              .arg(wanted.suffix())));
            }
            const QString target = QDir(to).filePath(relative);
            if (!QFileInfo::exists(target)) {
                QDir().mkpath(QFileInfo(target).absolutePath());
                QSaveFile out(target);
                if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() ||
                    !out.commit()) {
                    QMessageBox::critical(this, tr("Cannot save"),
                                          tr("Copying %1 beside the design failed: %2")
                                              .arg(vm.proxy->config, out.errorString()));
                    return false;
                }
            }
            copiedAs.insert(vm.proxy->config, relative);
        }
    }
    const auto relocate = [&](model::Design &d) {
        edit::rebaseRelativePaths(d, from.startsWith(u':') ? QString() : from, to);
        for (model::Vm &vm : d.vms) {
            if (vm.proxy && copiedAs.contains(vm.proxy->config))
                vm.proxy->config = copiedAs.value(vm.proxy->config);
        }
    };
    model::Design saved = m_document->design();
    relocate(saved);

    QString error;
    if (!io::saveDesignFile(saved, path, &error)) {
        QMessageBox::critical(this, tr("Cannot save"), tr("Saving %1 failed: %2").arg(path, error));
        return false;
    }
    m_fileHasComments = false;
    m_exampleTitle.clear();
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
    // The design on screen (and every state undo returns to) now reads its files from there too.
    if (saved != m_document->design())
        m_document->rewriteEverywhere(relocate);
    addRecentFile(QFileInfo(path).absoluteFilePath());
    discardRecovery();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    updateTitle();
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    if (m_fileHasComments) {
        const auto answer = QMessageBox::question(
            this, tr("Comments will be lost"),
            tr("%1 has comments, which saving cannot keep. Save anyway, or save a copy?")
                .arg(QFileInfo(m_document->filePath()).fileName()),
            QMessageBox::Save | QMessageBox::SaveAll | QMessageBox::Cancel, QMessageBox::SaveAll);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::SaveAll) // labelled "Save As…" below
            return saveAs();
    }
    return saveTo(m_document->filePath());
}

QString MainWindow::lastDirectory() const
{
    const QString last = QSettings().value(QLatin1String(lastDirectoryKey)).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString MainWindow::fileNameFor(const QString &designName)
{
    // Lower case, words joined by hyphens, nothing a file system or a shell trips over.
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QRegularExpression unsafe(QStringLiteral("[^\\w.-]+"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression hyphens(QStringLiteral("-{2,}"));
    QString base = designName.trimmed().toLower();
    base.replace(space, QStringLiteral("-")).remove(unsafe).replace(hyphens, QStringLiteral("-"));
    while (base.startsWith(u'-') || base.startsWith(u'.'))
        base.remove(0, 1);
    while (base.endsWith(u'-') || base.endsWith(u'.'))
        base.chop(1);
    return base.isEmpty() ? QString() : base + QStringLiteral(".hopscope.yaml");
}

QString MainWindow::proposedSavePath() const
{
    if (!m_document->filePath().isEmpty())
        return m_document->filePath();
    QString name = m_exampleTitle; // an example keeps its own file name
    const model::Design &d = m_document->design();
    if (name.isEmpty() && d.name.trimmed() != tr("New design"))
        name = fileNameFor(d.name);
    if (name.isEmpty()) {
        // An unnamed design is named after its first hub, else its first VNet.
        QString base;
        for (const model::Vnet &v : d.vnets) {
            if (base.isEmpty() && v.role == model::VnetRole::Hub)
                base = v.name;
        }
        if (base.isEmpty() && !d.vnets.empty())
            base = d.vnets.front().name;
        if (base.isEmpty())
            base = QStringLiteral("design");
        static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|]+"));
        name = base.replace(unsafe, QStringLiteral("-")) + QStringLiteral(".hopscope.yaml");
    }
    return QDir(lastDirectory()).filePath(name);
}

bool MainWindow::saveAs()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Design As"), proposedSavePath(),
                                     tr("Hopscope designs (*.hopscope.yaml *.yaml)"));
    return !path.isEmpty() && saveTo(path);
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Design"),
        m_document->filePath().isEmpty() ? lastDirectory()
                                         : QFileInfo(m_document->filePath()).absolutePath(),
        tr("Hopscope designs (*.hopscope.yaml *.yaml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("The design has unsaved changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_docksSized)
        return;
    // Set when first shown, once the window has its final size: the Properties dock needs
    // 430 px for a route table's four columns; the bottom docks room for the path's request,
    // verdict and controls and a seed-sized trace (about ten rows) under the hop table's column
    // headers, without scrolling (issue 16).
    m_docksSized = true;
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("paletteDock")),
                 findChild<QDockWidget *>(QStringLiteral("propertiesDock"))},
                {175, 430}, Qt::Horizontal);
    const int row = fontMetrics().height() + 8;
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("findingsDock"))},
                {std::min(16 * row + 40, height() * 9 / 20)}, Qt::Vertical);
    m_defaultState = saveState(layoutStateVersion);
    m_defaultHeaderStates.clear();
    for (const auto &[key, header] : rememberedHeaders())
        m_defaultHeaderStates << header->saveState();
    if (m_layoutRestorePending)
        applySavedDockState();
}

QList<std::pair<QString, QHeaderView *>> MainWindow::rememberedHeaders() const
{
    return {{QStringLiteral("findings"), m_findings->list()->header()},
            {QStringLiteral("hops"), m_paths->panel()->inspector()->hopTable()->horizontalHeader()},
            {QStringLiteral("hopRoutes"),
             m_paths->panel()->inspector()->routeTable()->horizontalHeader()},
            {QStringLiteral("effectiveRoutes"), m_effectiveRoutes->table()->horizontalHeader()}};
}

bool MainWindow::restoreLayout()
{
    QSettings settings;
    if (!settings.contains(QLatin1String(layoutStateKey)))
        return false;
    restoreGeometry(settings.value(QLatin1String(layoutGeometryKey)).toByteArray());
    if (m_docksSized)
        applySavedDockState();
    else
        m_layoutRestorePending = true; // after showEvent() has set the defaults
    return true;
}

void MainWindow::applySavedDockState()
{
    m_layoutRestorePending = false;
    QSettings settings;
    restoreState(settings.value(QLatin1String(layoutStateKey)).toByteArray(), layoutStateVersion);
    for (const auto &[key, header] : rememberedHeaders()) {
        const QByteArray state =
            settings.value(QLatin1String(layoutHeadersGroup) + u'/' + key).toByteArray();
        if (!state.isEmpty())
            header->restoreState(state);
    }
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QLatin1String(layoutGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(layoutStateKey), saveState(layoutStateVersion));
    for (const auto &[key, header] : rememberedHeaders())
        settings.setValue(QLatin1String(layoutHeadersGroup) + u'/' + key, header->saveState());
}

void MainWindow::resetLayout()
{
    QSettings settings;
    settings.remove(QLatin1String(layoutGeometryKey));
    settings.remove(QLatin1String(layoutStateKey));
    settings.remove(QLatin1String(layoutHeadersGroup));
    if (!m_docksSized)
        return; // the first show sets the defaults
    restoreState(m_defaultState, layoutStateVersion);
    const auto headers = rememberedHeaders();
    for (int i = 0; i < headers.size() && i < m_defaultHeaderStates.size(); ++i)
        headers[i].second->restoreState(m_defaultHeaderStates[i]);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    // Reached only when the focused widget and its parents let Esc pass: an open cell editor
    // or a completer popup takes it first, to cancel what is being typed.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier &&
        m_view->currentTool() && m_view->currentTool()->id() != u"select") {
        m_view->setCurrentTool(QStringLiteral("select"));
        event->accept();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    discardRecovery(); // a clean exit leaves nothing to restore
    saveLayout();
    event->accept();
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    settings.setValue(QLatin1String(lastDirectoryKey), QFileInfo(path).absolutePath());
    QStringList files = settings.value(QLatin1String(recentFilesKey)).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    settings.setValue(QLatin1String(recentFilesKey), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QLatin1String(recentFilesKey)).toStringList();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

QString MainWindow::recoveryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery.hopscope.yaml"));
}

void MainWindow::autosave()
{
    if (!m_document->isModified())
        return;
    if (m_autosaveWriter.isRunning()) {
        m_autosaveAgain = true;
        return;
    }
    // Which file the recovery belongs to, said before the write: a crash during it leaves the
    // former recovery file of the same design, still right for that file.
    QSettings().setValue(QLatin1String(recoveryOriginKey), m_document->filePath());
    m_autosaveWriter.setFuture(
        QtConcurrent::run([design = m_document->design(), path = recoveryPath()] {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QSaveFile file(path); // the former recovery file stays whole until this one is
            if (file.open(QIODevice::WriteOnly) && file.write(io::writeDesign(design)) >= 0)
                (void)file.commit();
        }));
}

void MainWindow::waitForAutosave()
{
    while (m_autosaveWriter.isRunning()) {
        m_autosaveWriter.waitForFinished();
        if (std::exchange(m_autosaveAgain, false))
            autosave();
    }
}

void MainWindow::discardRecovery()
{
    // A write under way would bring the file back after its removal.
    m_autosaveAgain = false;
    m_autosaveWriter.waitForFinished();
    QFile::remove(recoveryPath());
    QSettings().remove(QLatin1String(recoveryOriginKey));
}

bool MainWindow::offerRecovery()
{
    if (!QFile::exists(recoveryPath()))
        return false;
    const QString origin = QSettings().value(QLatin1String(recoveryOriginKey)).toString();
    const auto answer = QMessageBox::question(
        this, tr("Restore unsaved work?"),
        origin.isEmpty()
            ? tr("Hopscope did not close properly. Restore the unsaved changes?")
            : tr("Hopscope did not close properly. Restore the unsaved changes to %1?")
                  .arg(QFileInfo(origin).fileName()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        discardRecovery();
        return false;
    }
    return restoreRecovery();
}

bool MainWindow::restoreRecovery()
{
    const io::LoadResult result = io::readDesignFile(recoveryPath());
    if (!result.design)
        return false;
    // Restored work is unsaved work: load the file it belonged to, then record the recovered
    // state as one undoable change over it, so that the title shows it modified and Save
    // writes it where it came from.
    const QString origin = QSettings().value(QLatin1String(recoveryOriginKey)).toString();
    model::Design original;
    if (!origin.isEmpty()) {
        const io::LoadResult saved = io::readDesignFile(origin);
        if (saved.design)
            original = *saved.design;
    }
    m_exampleTitle.clear();
    m_document->resetDesign(original, origin);
    const model::Design restored = *result.design;
    m_document->edit(tr("Restore unsaved changes"), [&](model::Design &d) { d = restored; });
    m_view->fitToDesign();
    updateTitle();
    return true;
}

// ---- editing

void MainWindow::deleteSelection()
{
    QList<model::ObjectId> ids = m_scene->selectedIds();
    ids.removeAll(model::ObjectId::object(model::internetName())); // always there
    if (ids.isEmpty())
        return;
    m_document->breakMergeChain();
    m_document->edit(ids.size() == 1 ? tr("Delete %1").arg(edit::describe(m_document->design(), ids.front()))
                                     : tr("Delete %n objects", nullptr, int(ids.size())),
                     [&](model::Design &d) { edit::remove(d, ids); });
}

namespace {

// What Cut, Copy and Duplicate work on: the selection less the Internet, which is always there.
QList<model::ObjectId> copyableSelection(const DesignScene *scene)
{
    QList<model::ObjectId> ids = scene->selectedIds();
    ids.removeAll(model::ObjectId::object(model::internetName()));
    return ids;
}

QString describeAll(const model::Design &d, const QList<model::ObjectId> &ids)
{
    return ids.size() == 1 ? edit::describe(d, ids.front())
                           : MainWindow::tr("%n objects", nullptr, int(ids.size()));
}

} // namespace

void MainWindow::copySelection()
{
    const QList<model::ObjectId> ids = copyableSelection(m_scene);
    const edit::CopiedObjects copied = edit::copyObjects(m_document->design(), ids);
    if (copied.roots.isEmpty()) {
        statusBar()->showMessage(tr("Select a VNet, subnet, device, client or site to copy."), 6000);
        return;
    }
    auto *mime = new QMimeData;
    mime->setText(QString::fromUtf8(edit::clipboardText(copied)));
    QGuiApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("Copied %1.").arg(describeAll(m_document->design(), copied.roots)), 6000);
}

void MainWindow::cutSelection()
{
    const QList<model::ObjectId> ids = copyableSelection(m_scene);
    const edit::CopiedObjects copied = edit::copyObjects(m_document->design(), ids);
    if (copied.roots.isEmpty()) {
        statusBar()->showMessage(tr("Select a VNet, subnet, device, client or site to cut."), 6000);
        return;
    }
    copySelection();
    m_document->breakMergeChain();
    m_document->edit(tr("Cut %1").arg(describeAll(m_document->design(), copied.roots)),
                     [&](model::Design &d) { edit::remove(d, copied.roots); });
}

namespace {

// One undo step that pastes `copied`; selects and reports what it added.
QList<model::ObjectId> pasteAsOneStep(DesignDocument *document, const edit::CopiedObjects &copied,
                                      const QString &verb, std::optional<QPointF> at,
                                      const model::ObjectId &target, QString *error)
{
    QList<model::ObjectId> added;
    document->breakMergeChain();
    const QString what = copied.roots.isEmpty() ? MainWindow::tr("a design")
                                                : describeAll(copied.design, copied.roots);
    document->edit(verb.arg(what),
                   [&](model::Design &d) { added = edit::pasteObjects(d, copied, target, at, error); });
    return added;
}

} // namespace

bool MainWindow::pasteClipboard(std::optional<QPointF> at)
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    const QByteArray text = mime && mime->hasText() ? mime->text().toUtf8() : QByteArray();
    edit::CopiedObjects copied;
    QString error;
    if (!edit::readClipboardText(text, &copied, &error)) {
        statusBar()->showMessage(tr("Nothing pasted: %1").arg(error), 8000);
        return false;
    }
    const QList<model::ObjectId> selected = copyableSelection(m_scene);
    const model::ObjectId target = selected.size() == 1 ? selected.front() : model::ObjectId();
    const std::optional<QPointF> corner =
        at ? std::optional<QPointF>(layout::vnetCornerForDrop(*at)) : std::nullopt;
    const QList<model::ObjectId> added =
        pasteAsOneStep(m_document, copied, tr("Paste %1"), corner, target, &error);
    if (added.isEmpty()) {
        statusBar()->showMessage(tr("Nothing pasted: %1").arg(error), 8000);
        return false;
    }
    m_scene->selectIds(added);
    statusBar()->showMessage(tr("Pasted %1.").arg(describeAll(m_document->design(), added)), 6000);
    return true;
}

void MainWindow::duplicateSelection()
{
    const edit::CopiedObjects copied =
        edit::copyObjects(m_document->design(), copyableSelection(m_scene));
    if (copied.roots.isEmpty()) {
        statusBar()->showMessage(tr("Select a VNet, subnet, device, client or site to duplicate."), 6000);
        return;
    }
    QString error;
    const QList<model::ObjectId> added =
        pasteAsOneStep(m_document, copied, tr("Duplicate %1"), std::nullopt, {}, &error);
    if (added.isEmpty()) {
        statusBar()->showMessage(tr("Not duplicated: %1").arg(error), 8000);
        return;
    }
    m_scene->selectIds(added);
    statusBar()->showMessage(tr("Duplicated as %1.").arg(describeAll(m_document->design(), added)), 6000);
}

void MainWindow::arrange()
{
    m_document->breakMergeChain();
    // The step carries the action's own name: "Undo Arrange Automatically".
    m_document->edit(action(QStringLiteral("actionArrange"))->text().remove(u'&'),
                     [](model::Design &d) { d.layout = layout::autoLayout(d); });
    m_view->fitToDesign();
}

void MainWindow::findByName()
{
    const QString text = m_find->text().trimmed();
    if (text.isEmpty())
        return;
    model::ObjectId found;
    if (m_scene->item(text)) {
        found = model::ObjectId::parse(text);
    } else {
        QStringList all;
        for (QGraphicsItem *i : m_scene->items()) {
            if (auto *d = dynamic_cast<DesignItem *>(i);
                d && d->type() != EdgeItemType && d->id().contains(text, Qt::CaseInsensitive))
                all << d->id();
        }
        all.sort();
        found = model::ObjectId::parse(all.value(0));
    }
    if (found.isNull()) {
        statusBar()->showMessage(tr("Nothing is called %1.").arg(text), 4000);
        return;
    }
    m_scene->selectIds({found});
    m_view->centreOn({found});
    m_view->setFocus();
}

void MainWindow::selectionChanged()
{
    const QList<model::ObjectId> ids = m_scene->selectedIds();
    if (!ids.contains(m_primaryObject))
        m_primaryObject = {};
    // Several objects chosen through a finding: the first one it names, never the Design page
    // (which reads as "nothing selected").
    // Several objects chosen on the canvas: the fields they share, edited together.
    if (ids.size() > 1 && m_primaryObject.isNull())
        m_properties->showObjects(ids);
    else
        m_properties->showObject(ids.size() == 1 ? ids.front() : m_primaryObject);
    m_effectiveRoutes->showObject(ids.size() == 1 ? ids.front() : m_primaryObject);
    m_effectiveSecurityRules->showObject(ids.size() == 1 ? ids.front() : m_primaryObject);
    if (ids.size() > 1)
        statusBar()->showMessage(
            m_primaryObject.isNull()
                ? tr("%n objects selected", nullptr, int(ids.size()))
                : tr("%n objects selected; Properties shows %1", nullptr, int(ids.size()))
                      .arg(edit::describe(m_document->design(), m_primaryObject)),
            m_primaryObject.isNull() ? 3000 : 6000);
}

void MainWindow::showObjects(const QStringList &names)
{
    // A finding may name a route table, which is drawn as the badge of the subnets using it.
    // Findings name objects as the design refers to them: a name, or VNET/SUBNET.
    QList<model::ObjectId> ids;
    const model::Design &d = m_document->design();
    for (const QString &name : names) {
        if (const model::ObjectId id = model::ObjectId::parse(name); m_scene->item(id))
            ids << id;
        else if (d.routeTable(name))
            ids << edit::subnetsUsingTable(d, name);
    }
    if (ids.isEmpty())
        return;
    m_primaryObject = ids.front();
    m_scene->selectIds(ids);
    m_view->centreOn(ids);
}

void MainWindow::showRoute(const QString &table, const QString &route)
{
    // The table is drawn as the badge of the subnets carrying it: the first of them is shown in
    // Properties with the route's row current in the route-table editor.
    const QList<model::ObjectId> subnets = edit::subnetsUsingTable(m_document->design(), table);
    if (subnets.isEmpty())
        return;
    m_primaryObject = subnets.front();
    m_scene->selectIds(subnets);
    m_view->centreOn(subnets);
    m_properties->showObject(subnets.front());
    QTableView *routes = m_properties->routeView();
    if (!routes || m_properties->shownRouteTable() != table)
        return;
    const QAbstractItemModel *model = routes->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, RouteTableModel::NameColumn).data().toString() == route) {
            routes->selectRow(row);
            routes->setCurrentIndex(model->index(row, RouteTableModel::NameColumn));
            routes->scrollTo(routes->currentIndex());
            break;
        }
    }
}

void MainWindow::checkFinished()
{
    const analysis::CheckReport &report = m_checker->report();
    m_findings->setReport(report);
    QHash<QString, analysis::Severity> markers;
    const model::Design &d = m_document->design();
    for (const analysis::Finding &f : report.findings) {
        for (const QString &name : f.objects) {
            QStringList targets{name};
            if (d.routeTable(name)) { // mark the subnets that carry the table
                for (const model::ObjectId &subnet : edit::subnetsUsingTable(d, name))
                    targets << subnet.toString();
            }
            for (const QString &target : targets) {
                const auto it = markers.constFind(target);
                if (it == markers.cend() || int(f.severity) < int(*it))
                    markers.insert(target, f.severity);
            }
        }
    }
    m_scene->setFindingMarkers(markers);
    m_checkLabel->setText(report.findings.empty()
                              ? tr("✓ No findings")
                              : FindingsPanel::countsText(report, FindingsPanel::Counts::StatusBar));
}

} // namespace hopscope::gui
