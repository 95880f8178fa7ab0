// File → Import from Azure… (issue 14, the app side), driven through the real MainWindow on
// the offscreen platform: the dialog's export commands, files added by the file list and by a
// drop, the import on a worker into a new unsaved design, the Import Report dock, garbage input
// and Cancel. The import itself is core's (tst_import); here only what the app makes of it.

#include "MainWindow.h"
#include "document/DesignDocument.h"
#include "import/AzureImportDialog.h"
#include "import/EstateImport.h"
#include "import/ImportReportPanel.h"
#include "path/EffectiveRoutesPanel.h"
#include "io/DesignReader.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include <memory>

using namespace hopscope;
using namespace hopscope::gui;

namespace {

const QString dataDir = QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/import/");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

model::Design loadDesign(const QString &path)
{
    const io::LoadResult loaded = io::readDesignFile(path);
    if (!loaded.design)
        qFatal("%s does not load", qPrintable(path));
    return *loaded.design;
}

// The report core makes of `paths`: what the panel must list.
importing::ImportReport expectedReport(const QStringList &paths)
{
    std::vector<importing::InputFile> files;
    for (const QString &p : paths)
        files.push_back({p, readFile(p)});
    return importing::importEstate(files).report;
}

// "Kind|name|what|why" of every row of the panel.
QStringList panelRows(const ImportReportPanel *panel)
{
    QStringList rows;
    const QTableWidget *table = panel->table();
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ImportReportPanel::ColumnCount; ++c)
            cells << table->item(r, c)->text();
        rows << cells.join(u'|');
    }
    return rows;
}

} // namespace

class TestImportGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void menuAndShortcut();
    void exportCommandsCopy_data();
    void exportCommandsCopy();
    void filesByDrop();
    void importFixture_data();
    void importFixture();
    void garbageShowsError_data();
    void garbageShowsError();
    void cancelDropsResult();
    void compareWithAzure_data();
    void compareWithAzure();
    void screenshots();

private:
    AzureImportDialog *openDialog();
    void runImport(AzureImportDialog *dialog, const QStringList &files);

    std::unique_ptr<MainWindow> m_window;
};

void TestImportGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HopscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_import_gui"));
}

void TestImportGui::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->newDesign();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestImportGui::cleanup() { m_window.reset(); }

AzureImportDialog *TestImportGui::openDialog()
{
    m_window->action(QStringLiteral("actionImportAzure"))->trigger();
    return m_window->findChild<AzureImportDialog *>();
}

void TestImportGui::runImport(AzureImportDialog *dialog, const QStringList &files)
{
    dialog->addFiles(files);
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startImport"));
    QVERIFY(start);
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
}

void TestImportGui::menuAndShortcut()
{
    QAction *action = m_window->action(QStringLiteral("actionImportAzure"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    // No other command of the window answers the same key.
    for (QAction *other : m_window->findChildren<QAction *>())
        if (other != action)
            QVERIFY2(!other->shortcuts().contains(action->shortcut()),
                     qPrintable(other->objectName()));
    QVERIFY(openDialog());
    QVERIFY(m_window->findChild<AzureImportDialog *>()->isVisible());
}

void TestImportGui::exportCommandsCopy_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("documented");
    // The commands as README's "Check your own estate" and import.md §2 give them.
    const QString readme = QString::fromUtf8(readFile(QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/../../README.md")));
    QString graph;
    for (const QString &line : readme.split(u'\n'))
        if (line.startsWith(QStringLiteral("az graph query")))
            graph = line;
    QTest::newRow("Resource Graph query is README's") << 0 << graph;
    QTest::newRow("az lists of one resource group")
        << 1
        << QStringLiteral("RG=rg-hopscope-lab; for c in vnet route-table nsg asg nic firewall "
                          "vnet-gateway local-gateway vpn-connection public-ip; do az network $c "
                          "list -g \"$RG\" -o json; done > estate.az.json");
}

void TestImportGui::exportCommandsCopy()
{
    QFETCH(int, index);
    QFETCH(QString, documented);
    QVERIFY(!documented.isEmpty());
    AzureImportDialog *dialog = openDialog();
    auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("exportCommand%1").arg(index));
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("copyCommand%1").arg(index));
    QVERIFY(text);
    QVERIFY(copy);
    QCOMPARE(text->toPlainText(), documented);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), documented);
}

void TestImportGui::filesByDrop()
{
    AzureImportDialog *dialog = openDialog();
    const QStringList paths = {dataDir + QStringLiteral("seed-lab.arg.json"),
                               dataDir + QStringLiteral("seed-lab.az.json")};
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(paths[0]), QUrl::fromLocalFile(paths[1])});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(dialog, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(dialog, &drop);
    QStringList expected;
    for (const QString &p : paths)
        expected << QFileInfo(p).absoluteFilePath();
    QCOMPARE(dialog->files(), expected);
    // Dropped again: listed once.
    QCoreApplication::sendEvent(dialog, &drop);
    QCOMPARE(dialog->files(), expected);
}

void TestImportGui::importFixture_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("summary");
    // The counts in words, none of what the lab has none of (no application security group).
    const QString counts =
        QLocale().createSeparatedList(
            {QStringLiteral("3 VNet(s)"), QStringLiteral("5 subnet(s)"),
             QStringLiteral("4 peering(s)"), QStringLiteral("4 route table(s)"),
             QStringLiteral("1 network security group(s)"), QStringLiteral("2 firewall(s)"),
             QStringLiteral("1 gateway(s)"), QStringLiteral("1 on-premises site(s)"),
             QStringLiteral("1 VM(s)")})
        + u'.';
    QTest::newRow("TC-I1 seed lab as Resource Graph output")
        << QStringList{dataDir + QStringLiteral("seed-lab.arg.json")}
        << QStringLiteral("Imported seed-lab.arg.json: ") + counts;
    QTest::newRow("TC-I2 seed lab as az lists")
        << QStringList{dataDir + QStringLiteral("seed-lab.az.json")}
        << QStringLiteral("Imported seed-lab.az.json: ") + counts;
}

void TestImportGui::importFixture()
{
    QFETCH(QStringList, files);
    QFETCH(QString, summary);
    AzureImportDialog *dialog = openDialog();
    QPointer<AzureImportDialog> guard(dialog);
    runImport(dialog, files);
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 20000);
    const QString shown = m_window->importReportPanel()->summary();
    QVERIFY2(shown.startsWith(summary), qPrintable(shown));

    // A new design equal to the expected one, compared as loaded designs; unsaved.
    const model::Design expected =
        loadDesign(dataDir + QStringLiteral("seed-lab.expected.hopscope.yaml"));
    QVERIFY(m_window->document()->design() == expected);
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->isWindowModified());
    // Undo cannot bring back the design that was open before.
    QVERIFY(!m_window->document()->undoStack()->canUndo());

    // The report dock is shown and lists every entry of the report, in its order.
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("importReportDock"));
    QVERIFY(dock);
    QVERIFY(dock->isVisible());
    const importing::ImportReport report = expectedReport(files);
    const QStringList rows = panelRows(m_window->importReportPanel());
    const qsizetype entries = qsizetype(report.skipped.size() + report.unresolved.size() +
                                        report.synthesized.size() + report.renamed.size() +
                                        report.notes.size());
    QVERIFY(entries > 0);
    QCOMPARE(rows.size(), entries);
    int row = 0;
    for (const importing::SkippedResource &s : report.skipped) {
        QVERIFY2(rows[row].contains(QStringLiteral("|Skipped|") + s.reason), qPrintable(rows[row]));
        ++row;
    }
    for (const importing::UnresolvedReference &u : report.unresolved) {
        QVERIFY2(rows[row].contains(u.target), qPrintable(rows[row]));
        ++row;
    }
    for (const importing::SynthesizedObject &s : report.synthesized) {
        QVERIFY2(rows[row].startsWith(s.kind + u'|' + s.name + u'|'), qPrintable(rows[row]));
        ++row;
    }
    for (const importing::RenamedObject &r : report.renamed) {
        QVERIFY2(rows[row].contains(r.name), qPrintable(rows[row]));
        ++row;
    }
    for (const importing::ImportNote &n : report.notes) {
        QVERIFY2(rows[row].contains(QStringLiteral("|Note: ") + n.code + u'|' + n.message),
                 qPrintable(rows[row]));
        ++row;
    }
    // The full id of a resource is in its name's tooltip.
    const QTableWidget *table = m_window->importReportPanel()->table();
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString tip = table->item(r, ImportReportPanel::NameColumn)->toolTip();
        QVERIFY(!tip.isEmpty());
    }
}

void TestImportGui::garbageShowsError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON at all") << QByteArray("this is not JSON { at all")
                                     << QStringLiteral("garbage.json");
    QByteArray truncated = readFile(dataDir + QStringLiteral("seed-lab.arg.json"));
    truncated.truncate(truncated.size() / 2);
    QTest::newRow("truncated JSON") << truncated << QStringLiteral("garbage.json");
    QTest::newRow("a file that does not exist") << QByteArray() << QStringLiteral("missing.json");
}

void TestImportGui::garbageShowsError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, says);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("missing.json"));
    if (!bytes.isEmpty()) {
        path = dir.filePath(QStringLiteral("garbage.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const model::Design before = m_window->document()->design();
    AzureImportDialog *dialog = openDialog();
    runImport(dialog, {path});
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->errors().isEmpty());
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("importStatus"));
    QVERIFY(status->text().contains(QStringLiteral("Nothing was imported")));
    QVERIFY2(status->text().contains(says), qPrintable(status->text()));
    // No document: the design on screen is as it was, and no report is shown.
    QVERIFY(m_window->document()->design() == before);
    QVERIFY(!m_window->document()->isModified());
    QCOMPARE(m_window->importReportPanel()->table()->rowCount(), 0);
    QVERIFY(!m_window->findChild<QDockWidget *>(QStringLiteral("importReportDock"))->isVisible());
}

void TestImportGui::cancelDropsResult()
{
    const model::Design before = m_window->document()->design();
    AzureImportDialog *dialog = openDialog();
    runImport(dialog, {dataDir + QStringLiteral("seed-lab.arg.json")});
    QVERIFY(dialog->isBusy());
    auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelImport"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!dialog->isBusy());
    QVERIFY(dialog->isVisible()); // Cancel while busy stops the run, not the dialog
    // The worker ends on its own; whatever it made is never shown.
    QTest::qWait(1500);
    QVERIFY(dialog->isVisible());
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("importStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
    QVERIFY(m_window->document()->design() == before);
    QCOMPARE(m_window->importReportPanel()->table()->rowCount(), 0);
    // Cancel when idle closes the dialog.
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<AzureImportDialog *>() ||
                !m_window->findChild<AzureImportDialog *>()->isVisible());
}

void TestImportGui::compareWithAzure_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("kind");
    // import.md §9 on the fixture: the proxy's subnet agrees with Azure's table of its NIC; one
    // edited route is named and marked.
    QTest::newRow("proxy NIC: no difference") << QByteArray() << QByteArray() << QString();
    QTest::newRow("proxy NIC: the firewall's address edited")
        << QByteArray("\"10.0.1.4\"") << QByteArray("\"10.0.1.5\"")
        << QStringLiteral("next-hop-ip-differs");
}

void TestImportGui::compareWithAzure()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, kind);
    AzureImportDialog *dialog = openDialog();
    QPointer<AzureImportDialog> guard(dialog);
    runImport(dialog, {dataDir + QStringLiteral("seed-lab.arg.json")});
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 20000);
    EffectiveRoutesPanel *panel = m_window->effectiveRoutesPanel();
    m_window->findChild<QDockWidget *>(QStringLiteral("effectiveRoutesDock"))->raise();
    panel->showObject(model::ObjectId::object(QStringLiteral("proxy")));
    QTRY_VERIFY(!panel->shownSubnet().isEmpty());
    QByteArray bytes = readFile(dataDir + QStringLiteral("proxy-nic.effective-routes.json"));
    if (!from.isEmpty()) {
        QVERIFY(bytes.contains(from));
        bytes.replace(bytes.indexOf(from), from.size(), to);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("NIC.routes.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QString error;
    QVERIFY2(panel->compareWithAzure(path, &error), qPrintable(error));
    QStringList kinds, marked;
    for (const importing::RouteDifference &d : panel->comparison().differences)
        if (d.severity == importing::DifferenceSeverity::Error)
            kinds << d.kind;
    const QTableWidget *table = panel->table();
    for (int r = 0; r < table->rowCount(); ++r)
        if (const QString k = table->item(r, 0)->data(Qt::UserRole).toString(); !k.isEmpty())
            marked << k;
    if (kind.isEmpty()) {
        QVERIFY2(kinds.isEmpty(), qPrintable(kinds.join(u',')));
        QVERIFY(panel->caption()->text().contains(QStringLiteral("no difference")));
    } else {
        QCOMPARE(kinds, QStringList{kind});
        QVERIFY2(marked.contains(kind), qPrintable(marked.join(u',')));
        QVERIFY(panel->caption()->text().contains(QStringLiteral("1 error(s)")));
    }
    // Not a table: the panel says so and marks nothing.
    QVERIFY(!panel->compareWithAzure(dataDir + QStringLiteral("seed-lab.arg.json"), &error));
    QVERIFY(!panel->isComparing());
    QVERIFY(panel->caption()->text().contains(QStringLiteral("Not compared")));
}

void TestImportGui::screenshots()
{
    const QString dir = qEnvironmentVariable("HOPSCOPE_IMPORT_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set HOPSCOPE_IMPORT_SCREENSHOTS=DIR to save the documentation's screenshots");
    AzureImportDialog *dialog = openDialog();
    dialog->addFiles({dataDir + QStringLiteral("seed-lab.arg.json")});
    QTest::qWait(100);
    QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("import-dialog.png"))));
    QPointer<AzureImportDialog> guard(dialog);
    runImport(dialog, {});
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 20000);
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("importReportDock"));
    m_window->resizeDocks({dock}, {300}, Qt::Vertical);
    QTest::qWait(200);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("import-report.png"))));
}

QTEST_MAIN(TestImportGui)
#include "tst_import_gui.moc"
