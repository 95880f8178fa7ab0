// The desktop app driven through its real widgets on the offscreen platform: the palette, the
// canvas tools, the properties panel and its route-table editor, undo/redo, files and the live
// check.

#include "TableEditing.h"
#include "gui/CanvasTools.h"
#include "gui/CheckRunner.h"
#include "gui/DesignDocument.h"
#include "gui/DesignEdits.h"
#include "gui/DesignScene.h"
#include "gui/DesignView.h"
#include "gui/FirewallRulesModel.h"
#include "gui/FindingsPanel.h"
#include "gui/MainWindow.h"
#include "gui/PalettePanel.h"
#include "gui/PropertiesPanel.h"
#include "gui/RouteTableModel.h"
#include "gui/SceneItems.h"
#include "gui/ValidatedLineEdit.h"
#include "io/DesignReader.h"
#include "layout/AutoLayout.h"
#include "layout/LayoutMetrics.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace hopscope;
using namespace hopscope::gui;

using testsupport::editCell;

namespace {

// A fresh main window on an empty design, shown so that the view has a real size.
std::unique_ptr<MainWindow> makeWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->newDesign();
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

// Activates a palette entry from the keyboard, as a user would with Enter.
void activatePalette(MainWindow *window, const QString &kind)
{
    PalettePanel *palette = window->palettePanel();
    const int row = palette->rowOf(kind);
    QVERIFY2(row >= 0, qPrintable(kind));
    palette->setCurrentRow(row);
    palette->setFocus();
    QTest::keyClick(palette->viewport(), Qt::Key_Return);
    // Some styles activate on the list itself rather than its viewport.
    if (window->document()->undoStack()->count() == 0)
        QTest::keyClick(palette, Qt::Key_Return);
}

QPoint viewPointOf(MainWindow *window, const QString &id)
{
    const QRectF rect = window->scene()->sceneRectOf(id);
    // Into the header of a VNet (not one of its subnets), or the centre of anything else.
    const QPointF target = window->document()->design().vnet(id)
                               ? QPointF(rect.center().x(), rect.top() + 16)
                               : rect.center();
    return window->view()->mapFromScene(target);
}


const model::Route *routeAt(const model::Design &d, const QString &table, int row)
{
    const model::RouteTable *t = d.routeTable(table);
    return t && row < int(t->routes.size()) ? &t->routes[row] : nullptr;
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void paletteCreatesValidDefaults_data();
    void paletteCreatesValidDefaults();

    void dropLandsInTheContainerUnderIt_data();
    void dropLandsInTheContainerUnderIt();
    void buildPeerRouteUndoRedoSaveReload();

    void subnetNameEditable();
    void badValueRefused_data();
    void badValueRefused();
    void badRouteCellRefused_data();
    void badRouteCellRefused();

    void dragIsOneUndoStep();
    void deleteTakesDependants();

    void brokenFileKeepsDesign();
    void autosaveAndRecovery();
    void typingInAFieldIsOneStep();
    void firewallRulesEditor();
    void examplesOpen_data();
    void examplesOpen();

    void autoLayoutDeterministicWithoutOverlaps_data();
    void autoLayoutDeterministicWithoutOverlaps();

    void sceneRendersHeadlessWithoutFurniture();

    void findingAppearsAndGoes();
    void choosingAFindingSelectsItsObjects();
};

void TestGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HopscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui"));
}

// ---- palette

void TestGui::paletteCreatesValidDefaults_data()
{
    QTest::addColumn<QStringList>("kinds");    // activated in order, selection in between
    QTest::addColumn<QStringList>("selectBefore"); // id to select before each activation ("" = none)
    QTest::addColumn<QString>("expectId");
    QTest::addColumn<QString>("expectSubnet"); // qualified subnet that must exist, with prefix
    QTest::addColumn<QString>("expectPrefix");

    QTest::newRow("hub VNet: first free /16")
        << QStringList{"hub"} << QStringList{""} << "hub-vnet" << "" << "";
    QTest::newRow("second VNet: next free /16")
        << QStringList{"hub", "spoke"} << QStringList{"", ""} << "spoke-vnet"
        << "spoke-vnet/workload" << "10.1.0.0/24";
    QTest::newRow("firewall creates AzureFirewallSubnet /26")
        << QStringList{"hub", "firewall"} << QStringList{"", "hub-vnet"} << "fw-hub-vnet"
        << "hub-vnet/AzureFirewallSubnet" << "10.0.0.0/26";
    QTest::newRow("gateway creates GatewaySubnet /27")
        << QStringList{"hub", "gateway"} << QStringList{"", "hub-vnet"} << "vpngw-hub-vnet"
        << "hub-vnet/GatewaySubnet" << "10.0.0.0/27";
    QTest::newRow("VM goes into the spoke's workload subnet")
        << QStringList{"spoke", "vm"} << QStringList{"", "spoke-vnet"} << "vm"
        << "spoke-vnet/workload" << "10.0.0.0/24";
    QTest::newRow("P2S client gets a pool on its gateway")
        << QStringList{"hub", "gateway", "client"} << QStringList{"", "hub-vnet", "vpngw-hub-vnet"}
        << "client" << "hub-vnet/GatewaySubnet" << "10.0.0.0/27";
}

void TestGui::paletteCreatesValidDefaults()
{
    QFETCH(QStringList, kinds);
    QFETCH(QStringList, selectBefore);
    QFETCH(QString, expectId);
    QFETCH(QString, expectSubnet);
    QFETCH(QString, expectPrefix);

    auto window = makeWindow();
    for (int i = 0; i < kinds.size(); ++i) {
        window->scene()->selectIds(selectBefore[i].isEmpty() ? QStringList() : QStringList{selectBefore[i]});
        const int before = window->document()->undoStack()->count();
        activatePalette(window.get(), kinds[i]);
        QCOMPARE(window->document()->undoStack()->count(), before + 1); // one step per object
    }
    QVERIFY2(window->scene()->item(expectId), qPrintable(expectId + " not drawn"));
    QCOMPARE(window->scene()->selectedIds(), QStringList{expectId});
    const model::Design &d = window->document()->design();
    if (!expectSubnet.isEmpty()) {
        const model::Subnet *subnet = d.subnet(expectSubnet);
        QVERIFY2(subnet, qPrintable(expectSubnet));
        QCOMPARE(subnet->addressPrefix.toString(), expectPrefix);
    }
    if (expectId == u"spoke-vnet")
        QCOMPARE(d.vnet(expectId)->addressSpace.front().toString(), QStringLiteral("10.1.0.0/16"));
    if (const model::Client *client = d.client(expectId)) {
        QVERIFY(!d.gateway(client->gateway)->vpnClientAddressPool.empty());
        QVERIFY(client->ip.has_value());
    }
}

void TestGui::dropLandsInTheContainerUnderIt_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("dropOn"); // id whose centre receives the drop; "" = empty canvas
    QTest::addColumn<QString>("expectId");
    QTest::addColumn<QString>("expectParent"); // subnet of a VM/firewall, VNet of a gateway

    QTest::newRow("VM dropped on a subnet band") << "vm" << "spoke-vnet/workload" << "vm"
                                                << "spoke-vnet/workload";
    QTest::newRow("NVA dropped on the second subnet") << "nva" << "spoke-vnet/subnet-1" << "nva"
                                                     << "spoke-vnet/subnet-1";
    QTest::newRow("firewall dropped on a VNet") << "firewall" << "spoke-vnet" << "fw-spoke-vnet"
                                               << "spoke-vnet/AzureFirewallSubnet";
    QTest::newRow("gateway dropped on a VNet") << "gateway" << "spoke-vnet" << "vpngw-spoke-vnet"
                                              << "spoke-vnet";
    QTest::newRow("hub dropped on empty canvas") << "hub" << "" << "hub-vnet" << "";
}

void TestGui::dropLandsInTheContainerUnderIt()
{
    QFETCH(QString, kind);
    QFETCH(QString, dropOn);
    QFETCH(QString, expectId);
    QFETCH(QString, expectParent);

    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("spoke"));
    window->scene()->selectIds({QStringLiteral("spoke-vnet")});
    activatePalette(window.get(), QStringLiteral("subnet"));
    const QPointF at = dropOn.isEmpty() ? QPointF(-2000, 1500)
                                        : window->scene()->sceneRectOf(dropOn).center();
    // What DesignView::dropEvent announces for a palette drag released at `at`.
    Q_EMIT window->view()->paletteDropped(kind, at);
    const model::Design &d = window->document()->design();
    QVERIFY2(window->scene()->item(expectId), qPrintable(expectId));
    if (const model::Vm *vm = d.vm(expectId))
        QCOMPARE(vm->subnet, expectParent);
    else if (const model::Firewall *fw = d.firewall(expectId))
        QCOMPARE(fw->subnet, expectParent);
    else if (const model::Gateway *gw = d.gateway(expectId))
        QCOMPARE(gw->vnet, expectParent);
    else
        QVERIFY2(window->scene()->sceneRectOf(expectId).contains(at), "the new VNet is under the drop");
}

// ---- the whole gesture chain of issue 4's done-when

void TestGui::buildPeerRouteUndoRedoSaveReload()
{
    auto window = makeWindow();
    DesignDocument *doc = window->document();
    QUndoStack *stack = doc->undoStack();
    std::vector<model::Design> states{doc->design()}; // states[i] = after step i

    // 1. A hub and a spoke from the palette.
    activatePalette(window.get(), QStringLiteral("hub"));
    QVERIFY(doc->design().vnet(QStringLiteral("hub-vnet")));
    QVERIFY(doc->design().vnet(QStringLiteral("hub-vnet"))->role == model::VnetRole::Hub);
    states.push_back(doc->design());
    window->scene()->selectIds({});
    activatePalette(window.get(), QStringLiteral("spoke"));
    QVERIFY(doc->design().vnet(QStringLiteral("spoke-vnet")));
    states.push_back(doc->design());
    QCOMPARE(stack->count(), 2);

    // 2. Peer them with the peering tool: press on the hub, release on the spoke.
    QTest::keyClick(window->view(), Qt::Key_P);
    if (window->view()->currentTool()->id() != u"peering")
        window->action(QStringLiteral("toolPeering"))->trigger();
    QCOMPARE(window->view()->currentTool()->id(), QStringLiteral("peering"));
    const QPoint hub = viewPointOf(window.get(), QStringLiteral("hub-vnet"));
    const QPoint spoke = viewPointOf(window.get(), QStringLiteral("spoke-vnet"));
    QTest::mousePress(window->view()->viewport(), Qt::LeftButton, {}, hub);
    QTest::mouseMove(window->view()->viewport(), (hub + spoke) / 2);
    QTest::mouseRelease(window->view()->viewport(), Qt::LeftButton, {}, spoke);
    QCOMPARE(doc->design().peerings.size(), std::size_t(2));
    for (const model::Peering &p : doc->design().peerings) {
        QVERIFY(p.allowVirtualNetworkAccess); // Azure's defaults
        QVERIFY(!p.allowForwardedTraffic);
    }
    QVERIFY(window->scene()->item(edits::peeringId(QStringLiteral("hub-vnet"), QStringLiteral("spoke-vnet"))));
    states.push_back(doc->design());
    QCOMPARE(stack->count(), 3);
    QTest::keyClick(window->view(), Qt::Key_Escape);
    QCOMPARE(window->view()->currentTool()->id(), QStringLiteral("select"));

    // 3. A route table for the spoke's subnet, from the properties panel.
    const QString subnet = QStringLiteral("spoke-vnet/workload");
    window->scene()->selectIds({subnet});
    PropertiesPanel *panel = window->propertiesPanel();
    QCOMPARE(panel->shownObject(), subnet);
    auto *tableCombo = panel->findChild<QComboBox *>(QStringLiteral("routeTable"));
    QVERIFY(tableCombo);
    tableCombo->setFocus();
    QTest::keyClick(tableCombo, Qt::Key_End); // "New route table…"
    QTRY_VERIFY(!doc->design().subnet(subnet)->routeTable.isEmpty());
    const QString table = doc->design().subnet(subnet)->routeTable;
    states.push_back(doc->design());
    QCOMPARE(stack->count(), 4);
    QTRY_COMPARE(panel->shownRouteTable(), table);

    // 4. A UDR: add a row (one step), then type its cells (each cell one step).
    auto *add = panel->findChild<QToolButton *>(QStringLiteral("addRoute"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(doc->design().routeTable(table)->routes.size(), std::size_t(1));
    states.push_back(doc->design());
    QTableView *view = panel->routeView();
    QVERIFY(view);
    editCell(view, 0, RouteTableModel::PrefixColumn, QStringLiteral("10.0.0.0/16"));
    QCOMPARE(routeAt(doc->design(), table, 0)->addressPrefix.toString(), QStringLiteral("10.0.0.0/16"));
    states.push_back(doc->design());
    editCell(view, 0, RouteTableModel::NextHopTypeColumn, QStringLiteral("VirtualAppliance"));
    QVERIFY(routeAt(doc->design(), table, 0)->nextHopType == model::NextHopType::VirtualAppliance);
    states.push_back(doc->design());
    editCell(view, 0, RouteTableModel::NextHopIpColumn, QStringLiteral("10.0.1.4"));
    QCOMPARE(routeAt(doc->design(), table, 0)->nextHopIpAddress->toString(), QStringLiteral("10.0.1.4"));
    states.push_back(doc->design());
    QCOMPARE(stack->count(), int(states.size()) - 1);

    // 5. Undo every step back to the empty design, then redo them all.
    QAction *undo = window->action(QStringLiteral("actionUndo"));
    QAction *redo = window->action(QStringLiteral("actionRedo"));
    for (int step = stack->count(); step > 0; --step) {
        const QString name = stack->undoText();
        undo->trigger();
        QVERIFY2(doc->design() == states[step - 1], qPrintable(QStringLiteral("undo of '%1'").arg(name)));
    }
    QVERIFY(!window->scene()->item(QStringLiteral("hub-vnet")));
    for (std::size_t step = 1; step < states.size(); ++step) {
        redo->trigger();
        QVERIFY2(doc->design() == states[step],
                 qPrintable(QStringLiteral("redo of '%1'").arg(stack->undoText())));
    }
    QVERIFY(window->scene()->item(QStringLiteral("spoke-vnet/workload")));
    QVERIFY(window->isWindowModified());

    // 6. Save, reload into a second window, compare.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("built.hopscope.yaml"));
    QVERIFY(window->saveTo(path));
    QVERIFY(!doc->isModified());
    QVERIFY(!window->isWindowModified());
    auto reloaded = makeWindow();
    QStringList errors;
    QVERIFY2(reloaded->openFile(path, &errors), qPrintable(errors.join(u'\n')));
    QVERIFY(reloaded->document()->design() == doc->design());
    QCOMPARE(reloaded->document()->undoStack()->count(), 0); // loading is not undoable
}

// ---- validation

void TestGui::subnetNameEditable()
{
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("spoke"));
    window->scene()->selectIds({QStringLiteral("spoke-vnet/workload")});
    ValidatedLineEdit *name = window->propertiesPanel()->textField(QStringLiteral("name"));
    QVERIFY(name);
    QVERIFY2(name->reason().isEmpty(), qPrintable(name->reason())); // its own name is fine
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("app"));
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(window->document()->design().subnet(QStringLiteral("spoke-vnet/app")));
    QTRY_COMPARE(window->scene()->selectedIds(), QStringList{QStringLiteral("spoke-vnet/app")});
}

void TestGui::badValueRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("address space with host bits") << "addressSpace" << "10.0.0.1/16" << "";
    QTest::newRow("address space length 33") << "addressSpace" << "10.0.0.0/33" << "";
    QTest::newRow("address space not an address") << "addressSpace" << "banana" << "banana";
    QTest::newRow("empty address space") << "addressSpace" << "" << "";
    QTest::newRow("name with a space") << "name" << "hub vnet" << "";
    QTest::newRow("reserved name Internet") << "name" << "Internet" << "reserved";
}

void TestGui::badValueRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);

    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("hub"));
    const model::Design before = window->document()->design();
    const int steps = window->document()->undoStack()->count();
    window->scene()->selectIds({QStringLiteral("hub-vnet")});
    ValidatedLineEdit *edit = window->propertiesPanel()->textField(field);
    QVERIFY2(edit, qPrintable(field));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY2(!edit->reason().isEmpty(), "a bad value must say why");
    if (!reasonContains.isEmpty())
        QVERIFY2(edit->reason().contains(reasonContains, Qt::CaseInsensitive), qPrintable(edit->reason()));
    QVERIFY2(window->document()->design() == before, "a refused value must not reach the design");
    QCOMPARE(window->document()->undoStack()->count(), steps);
}

void TestGui::badRouteCellRefused_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    QTest::newRow("prefix with host bits") << int(RouteTableModel::PrefixColumn) << "10.0.0.1/8";
    QTest::newRow("prefix not an address") << int(RouteTableModel::PrefixColumn) << "300.0.0.0/8";
    QTest::newRow("route name with a slash") << int(RouteTableModel::NameColumn) << "a/b";
}

void TestGui::badRouteCellRefused()
{
    QFETCH(int, column);
    QFETCH(QString, text);

    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("spoke"));
    DesignDocument *doc = window->document();
    doc->edit(QStringLiteral("table"), [](model::Design &d) {
        edits::addRouteTable(d, QStringLiteral("spoke-vnet/workload"));
    });
    const QString table = doc->design().subnet(QStringLiteral("spoke-vnet/workload"))->routeTable;
    window->scene()->selectIds({QStringLiteral("spoke-vnet/workload")});
    PropertiesPanel *panel = window->propertiesPanel();
    QTRY_COMPARE(panel->shownRouteTable(), table);
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("addRoute")), Qt::LeftButton);
    const model::Design before = doc->design();
    editCell(panel->routeView(), 0, column, text);
    QVERIFY2(doc->design() == before, "a refused cell must not reach the design");
    QVERIFY2(!panel->routeReason().isEmpty(), "the reason must be shown");
}

// ---- canvas gestures

void TestGui::dragIsOneUndoStep()
{
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("hub"));
    window->scene()->selectIds({QStringLiteral("hub-vnet")});
    activatePalette(window.get(), QStringLiteral("firewall"));
    DesignDocument *doc = window->document();
    const int steps = doc->undoStack()->count();
    const QPointF before = window->scene()->item(QStringLiteral("hub-vnet"))->pos();
    const QPointF deviceBefore = window->scene()->sceneRectOf(QStringLiteral("fw-hub-vnet")).topLeft();

    const QPoint start = viewPointOf(window.get(), QStringLiteral("hub-vnet"));
    QWidget *viewport = window->view()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(viewport, start + QPoint(12 * i, 6 * i));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, start + QPoint(120, 60));

    QCOMPARE(doc->undoStack()->count(), steps + 1);
    const QPointF after = window->scene()->item(QStringLiteral("hub-vnet"))->pos();
    QVERIFY(after != before);
    QCOMPARE(doc->layoutPosition(QStringLiteral("hub-vnet")).value(), after);
    // The VNet carried its firewall along.
    QCOMPARE(window->scene()->sceneRectOf(QStringLiteral("fw-hub-vnet")).topLeft() - deviceBefore,
             after - before);
    doc->undoStack()->undo();
    QCOMPARE(window->scene()->item(QStringLiteral("hub-vnet"))->pos(), before);
}

void TestGui::deleteTakesDependants()
{
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("hub"));
    window->scene()->selectIds({QStringLiteral("hub-vnet")});
    activatePalette(window.get(), QStringLiteral("gateway"));
    window->scene()->selectIds({QStringLiteral("vpngw-hub-vnet")});
    activatePalette(window.get(), QStringLiteral("client"));
    const model::Design before = window->document()->design();
    QVERIFY(before.client(QStringLiteral("client")));

    window->scene()->selectIds({QStringLiteral("hub-vnet")});
    window->view()->setFocus();
    QTest::keyClick(window->view(), Qt::Key_Delete);
    const model::Design &after = window->document()->design();
    QVERIFY(after.vnets.empty());
    QVERIFY(after.gateways.empty());
    QVERIFY2(after.clients.empty(), "a client of a deleted gateway goes with it");
    QVERIFY(!window->scene()->item(QStringLiteral("client")));
    window->action(QStringLiteral("actionUndo"))->trigger();
    QVERIFY(window->document()->design() == before); // remembered as the model structs
    QVERIFY(window->scene()->item(QStringLiteral("client")));
}

// ---- files

void TestGui::brokenFileKeepsDesign()
{
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("hub"));
    const model::Design before = window->document()->design();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.hopscope.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hopscope: 1\nname: broken\nvnets:\n  - name: a\n    addressSpace: [10.0.0.1/16]\n");
    file.close();
    QStringList errors;
    QVERIFY(!window->openFile(path, &errors));
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.front().startsWith(path + u':'), qPrintable(errors.front())); // file:line:column
    QVERIFY(window->document()->design() == before);
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("loadErrors"));
    QVERIFY2(box && box->isVisible(), "the errors are shown");
    box->close();
}

void TestGui::autosaveAndRecovery()
{
    QFile::remove(MainWindow::recoveryPath());
    model::Design crashed;
    {
        auto window = makeWindow();
        window->autosave();
        QVERIFY2(!QFile::exists(MainWindow::recoveryPath()), "nothing to recover while clean");
        activatePalette(window.get(), QStringLiteral("hub"));
        window->autosave();
        QVERIFY(QFile::exists(MainWindow::recoveryPath()));
        crashed = window->document()->design();
        // A crash: the window goes without closeEvent, leaving the recovery file behind.
        window->document()->undoStack()->setClean();
    }
    QVERIFY(QFile::exists(MainWindow::recoveryPath()));
    auto next = makeWindow();
    QVERIFY(next->restoreRecovery());
    QVERIFY(next->document()->design().vnets == crashed.vnets);
    QVERIFY2(next->document()->isModified(), "restored work is unsaved work");
    next->document()->undoStack()->setClean(); // so that closing asks nothing
    QVERIFY(next->close());
    QVERIFY2(!QFile::exists(MainWindow::recoveryPath()), "a clean exit leaves nothing to restore");
}

void TestGui::typingInAFieldIsOneStep()
{
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("hub"));
    window->scene()->selectIds({QStringLiteral("hub-vnet")});
    const int steps = window->document()->undoStack()->count();
    ValidatedLineEdit *space = window->propertiesPanel()->textField(QStringLiteral("addressSpace"));
    QVERIFY(space);
    space->setFocus();
    QTest::keyClick(space, Qt::Key_End);
    QTest::keyClicks(space, QStringLiteral(", 10.200.0.0/16"));
    // Every keystroke that left a valid list was committed, all into one step.
    QCOMPARE(window->document()->design().vnet(QStringLiteral("hub-vnet"))->addressSpace.size(),
             std::size_t(2));
    QCOMPARE(window->document()->undoStack()->count(), steps + 1);
    window->document()->undoStack()->undo();
    QCOMPARE(window->document()->design().vnet(QStringLiteral("hub-vnet"))->addressSpace.size(),
             std::size_t(1));
}

void TestGui::firewallRulesEditor()
{
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("hub"));
    window->scene()->selectIds({QStringLiteral("hub-vnet")});
    activatePalette(window.get(), QStringLiteral("firewall"));
    const QString fw = QStringLiteral("fw-hub-vnet");
    window->scene()->selectIds({fw});
    PropertiesPanel *panel = window->propertiesPanel();
    auto *allowAll = panel->findChild<QCheckBox *>(QStringLiteral("allowAll"));
    QVERIFY(allowAll);
    QTest::mouseClick(allowAll, Qt::LeftButton);
    QVERIFY(!window->document()->design().firewall(fw)->allowAll);
    QTableView *rules = nullptr;
    QTRY_VERIFY((rules = panel->findChild<QTableView *>(QStringLiteral("ruleView"))));
    const int steps = window->document()->undoStack()->count();
    QToolButton *add = nullptr;
    for (QToolButton *b : panel->findChildren<QToolButton *>(QStringLiteral("addRule"))) {
        if (b->isVisible())
            add = b;
    }
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(window->document()->undoStack()->count(), steps + 1);
    QCOMPARE(window->document()->design().firewall(fw)->rules.size(), std::size_t(1));
    editCell(rules, 0, FirewallRulesModel::PortsColumn, QStringLiteral("3128, 8000-8080"));
    const model::FirewallRule &rule = window->document()->design().firewall(fw)->rules.front();
    QCOMPARE(rule.destinationPorts.size(), std::size_t(2));
    QCOMPARE(rule.destinationPorts[1].last, 8080);
    const model::Design before = window->document()->design();
    editCell(rules, 0, FirewallRulesModel::PortsColumn, QStringLiteral("70000"));
    QVERIFY2(window->document()->design() == before, "port 70000 is refused");
    editCell(rules, 0, FirewallRulesModel::SourcesColumn, QStringLiteral("10.0.0.1/8"));
    QVERIFY2(window->document()->design() == before, "a prefix with host bits is refused");
}

void TestGui::examplesOpen_data()
{
    QTest::addColumn<QString>("resource");
    for (const QString &resource : MainWindow::exampleResources())
        QTest::newRow(qPrintable(resource)) << resource;
}

void TestGui::examplesOpen()
{
    QFETCH(QString, resource);
    auto window = makeWindow();
    QStringList errors;
    QVERIFY2(window->openExample(resource, &errors), qPrintable(errors.join(u'\n')));
    const model::Design &d = window->document()->design();
    QVERIFY(!d.vnets.empty());
    for (const model::Vnet &v : d.vnets)
        QVERIFY2(window->scene()->item(v.name), qPrintable(v.name));
    for (const model::Client &c : d.clients)
        QVERIFY2(window->scene()->item(QStringLiteral("tunnel:") + c.name), qPrintable(c.name));
    QVERIFY(!window->document()->isModified());
}

// ---- layout

void TestGui::autoLayoutDeterministicWithoutOverlaps_data()
{
    QTest::addColumn<QString>("resource");
    for (const QString &resource : MainWindow::exampleResources())
        QTest::newRow(qPrintable(resource)) << resource;
}

void TestGui::autoLayoutDeterministicWithoutOverlaps()
{
    QFETCH(QString, resource);
    QFile file(resource);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const io::LoadResult loaded = io::readDesign(file.readAll(), resource);
    QVERIFY(loaded.design);
    const model::Design &d = *loaded.design;
    const std::vector<model::LayoutPoint> first = layout::autoLayout(d);
    QVERIFY(first == layout::autoLayout(d));
    std::vector<std::pair<QString, QRectF>> rects;
    for (const model::LayoutPoint &p : first) {
        const model::Vnet *v = d.vnet(p.name);
        rects.emplace_back(p.name, v ? QRectF(QPointF(p.x, p.y), layout::vnetBox(d, *v).size)
                                     : layout::nodeRect(QPointF(p.x, p.y)));
    }
    for (std::size_t i = 0; i < rects.size(); ++i) {
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].second.intersects(rects[j].second),
                     qPrintable(rects[i].first + u" overlaps " + rects[j].first));
    }
    // Hubs sit in the central row: no spoke is in it.
    for (const model::Vnet &v : d.vnets) {
        if (v.role == model::VnetRole::Hub) {
            const auto it = std::find_if(first.begin(), first.end(),
                                         [&](const model::LayoutPoint &p) { return p.name == v.name; });
            QCOMPARE(it->y, 0.0);
        }
    }
}

// ---- export readiness

void TestGui::sceneRendersHeadlessWithoutFurniture()
{
    QFile file(MainWindow::exampleResources().front());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const io::LoadResult loaded = io::readDesign(file.readAll(), file.fileName());
    QVERIFY(loaded.design);
    DesignDocument document; // no MainWindow anywhere
    document.resetDesign(*loaded.design);
    DesignScene scene(&document);
    scene.selectIds({loaded.design->vnets.front().name});
    scene.setFurnitureVisible(false);
    const QRectF bounds = scene.designBounds();
    QVERIFY(!bounds.isEmpty());
    QImage image(bounds.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(), bounds);
    painter.end();
    // Something was drawn, in more than one colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 10);
    for (const model::Vnet &v : loaded.design->vnets)
        QVERIFY(scene.item(v.name));
}

// ---- live check

void TestGui::findingAppearsAndGoes()
{
    auto window = makeWindow();
    DesignDocument *doc = window->document();
    activatePalette(window.get(), QStringLiteral("spoke"));
    doc->edit(QStringLiteral("table"), [](model::Design &d) {
        edits::addRouteTable(d, QStringLiteral("spoke-vnet/workload"));
    });
    const QString table = doc->design().subnet(QStringLiteral("spoke-vnet/workload"))->routeTable;
    window->scene()->selectIds({QStringLiteral("spoke-vnet/workload")});
    PropertiesPanel *panel = window->propertiesPanel();
    QTRY_COMPARE(panel->shownRouteTable(), table);
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("addRoute")), Qt::LeftButton);
    editCell(panel->routeView(), 0, RouteTableModel::PrefixColumn, QStringLiteral("192.168.50.0/24"));
    editCell(panel->routeView(), 0, RouteTableModel::NextHopTypeColumn, QStringLiteral("VirtualAppliance"));
    // Break it: nobody owns 10.0.0.99.
    editCell(panel->routeView(), 0, RouteTableModel::NextHopIpColumn, QStringLiteral("10.0.0.99"));
    FindingsPanel *findings = window->findingsPanel();
    QTRY_VERIFY2_WITH_TIMEOUT(findings->codes().contains(QStringLiteral("next-hop-unowned")),
                              qPrintable(QStringLiteral("findings: ") + findings->codes().join(u',')),
                              5000);
    QTRY_VERIFY(window->scene()->marker(QStringLiteral("spoke-vnet/workload")).has_value());

    // Fix it: route to the Internet instead.
    editCell(panel->routeView(), 0, RouteTableModel::NextHopTypeColumn, QStringLiteral("Internet"));
    QTRY_VERIFY_WITH_TIMEOUT(!findings->codes().contains(QStringLiteral("next-hop-unowned")), 5000);
}

void TestGui::choosingAFindingSelectsItsObjects()
{
    auto window = makeWindow();
    QStringList errors;
    QVERIFY2(window->openExample(MainWindow::exampleResources().front(), &errors),
             qPrintable(errors.join(u'\n')));
    FindingsPanel *findings = window->findingsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(findings->list()->topLevelItemCount() > 0, 5000);
    const int row = int(findings->codes().indexOf(QStringLiteral("next-hop-unowned")));
    QVERIFY2(row >= 0, qPrintable(findings->codes().join(u',')));
    findings->list()->setCurrentItem(findings->list()->topLevelItem(row));
    // The finding names route table rt-hub-fw: the subnets carrying it get selected.
    const QStringList selected = window->scene()->selectedIds();
    QVERIFY2(selected.contains(QStringLiteral("HUB-Vnet-A/AzureFirewallSubnet")),
             qPrintable(selected.join(u',')));
    const QRectF visible =
        window->view()->mapToScene(window->view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(
        window->scene()->sceneRectOf(QStringLiteral("HUB-Vnet-A/AzureFirewallSubnet")).center()));
    QVERIFY2(window->scene()->marker(QStringLiteral("HUB-Vnet-A/AzureFirewallSubnet")).has_value(),
             "objects with errors carry a marker");
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
