#include "MainWindow.h"

#include "canvas/CanvasTools.h"
#include "findings/CheckRunner.h"
#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "export/ExportDialog.h"
#include "findings/FindingsPanel.h"
#include "palette/PaletteActions.h"
#include "palette/PalettePanel.h"
#include "path/PathWorkbench.h"
#include "properties/PropertiesPanel.h"
#include "canvas/SceneItems.h"
#include "canvas/SceneStyle.h"
#include "traffic/TrafficController.h"
#include "traffic/TrafficPanel.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "layout/AutoLayout.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStringListModel>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <tuple>

// The resources live in the static hopscope_gui library; nothing references them by symbol, so
// they are registered explicitly (Q_INIT_RESOURCE must be used outside any namespace).
static void initHopscopeResources()
{
    Q_INIT_RESOURCE(hopscope);
}

namespace hopscope::gui {

namespace {
constexpr int maxRecentFiles = 8;
constexpr int defaultAutosaveSeconds = 30;
const char recentFilesKey[] = "recentFiles";
const char recoveryOriginKey[] = "recovery/originalPath";
const char lastDirectoryKey[] = "lastDirectory";

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

    connect(m_checker, &CheckRunner::started, this, [this] {
        m_checkLabel->setText(tr("Checking…"));
        m_findings->setChecking(true);
    });
    connect(m_checker, &CheckRunner::finished, this, &MainWindow::checkFinished);
    connect(m_findings, &FindingsPanel::objectsRequested, this, &MainWindow::showObjects);

    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("HOPSCOPE_AUTOSAVE_SECONDS", &ok);
    m_autosave.setInterval((ok && seconds > 0 ? seconds : defaultAutosaveSeconds) * 1000);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosave.start();

    resize(1400, 900);
    updateTitle();
    updateRecentMenu();
}

MainWindow::~MainWindow()
{
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
            "UDR on the GatewaySubnet.")},
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
    findings->raise();
    m_paths->attachFindings(m_findings, m_checker);
}

void MainWindow::createMenusAndToolBars()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionNew")));
    file->addAction(action(QStringLiteral("actionOpen")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
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
    connect(m_document, &DesignDocument::designChanged, names, [this, names] {
        QStringList all;
        for (QGraphicsItem *i : m_scene->items()) {
            if (auto *d = dynamic_cast<DesignItem *>(i); d && d->type() != EdgeItemType)
                all << d->id();
        }
        all.sort(Qt::CaseInsensitive);
        names->setStringList(all);
    });
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
    updateTitle();
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
    m_view->fitToDesign();
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
    m_view->fitToDesign();
    updateTitle();
    return true;
}

bool MainWindow::saveTo(const QString &path)
{
    QString error;
    if (!io::saveDesignFile(m_document->design(), path, &error)) {
        QMessageBox::critical(this, tr("Cannot save"), tr("Saving %1 failed: %2").arg(path, error));
        return false;
    }
    m_fileHasComments = false;
    m_exampleTitle.clear();
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
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
    // 430 px for a route table's four columns.
    m_docksSized = true;
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("paletteDock")),
                 findChild<QDockWidget *>(QStringLiteral("propertiesDock"))},
                {175, 430}, Qt::Horizontal);
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
    QDir().mkpath(QFileInfo(recoveryPath()).absolutePath());
    QSaveFile file(recoveryPath());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(io::writeDesign(m_document->design()));
        if (file.commit())
            QSettings().setValue(QLatin1String(recoveryOriginKey), m_document->filePath());
    }
}

void MainWindow::discardRecovery()
{
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
        tr("Hopscope did not close properly. Restore the unsaved changes%1?")
            .arg(origin.isEmpty() ? QString() : tr(" to %1").arg(QFileInfo(origin).fileName())),
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
    m_properties->showObject(ids.size() == 1 ? ids.front() : m_primaryObject);
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
                              : FindingsPanel::countsText(report, QStringLiteral(" · "), false));
}

} // namespace hopscope::gui
