// Issue 5, "click two nodes to see the path", driven through the real widgets on the offscreen
// platform: the path tool on the canvas, the Path dock (verdict and hop inspector), the overlay's
// state, the animation, the VPN-pool matrix, findings that carry a trace, and the live re-trace
// after an edit in the route-table editor.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "SelectionIds.h"
#include "TableEditing.h"
#include "TestDesigns.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "findings/CheckRunner.h"
#include "findings/FindingsPanel.h"
#include "io/DesignReader.h"
#include "path/HopInspector.h"
#include "path/PathAnimator.h"
#include "path/PathOverlay.h"
#include "path/PathPanel.h"
#include "path/PathSession.h"
#include "path/PathTool.h"
#include "path/PathWorkbench.h"
#include "path/PoolMatrixPanel.h"
#include "properties/PropertiesPanel.h"
#include "properties/RouteTableModel.h"
#include "properties/ValidatedLineEdit.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace hopscope;
using namespace hopscope::gui;

using testsupport::editCell;

namespace {

const QString seedResource = QStringLiteral(":/examples/seed-as-written.hopscope.yaml");

std::unique_ptr<MainWindow> openSeed()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    QStringList errors;
    if (!window->openExample(seedResource, &errors))
        qWarning("%s", qPrintable(errors.join(u'\n')));
    return window;
}

QPoint viewPointOf(MainWindow *window, const QString &id)
{
    const QRectF rect = window->scene()->sceneRectOf(id);
    // A subnet band by its label, clear of the devices inside it; anything else by its centre.
    const bool band = id.contains(u'/');
    return window->view()->mapFromScene(band ? rect.topLeft() + QPointF(24, 10) : rect.center());
}

// Picks two end points with the path tool, as a user would: T, click, click.
void clickPath(MainWindow *window, const QString &from, const QString &to)
{
    window->view()->setFocus();
    QTest::keyClick(window->view(), Qt::Key_T);
    QCOMPARE(window->view()->currentTool()->id(), QStringLiteral("path"));
    QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, {}, viewPointOf(window, from));
    QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, {}, viewPointOf(window, to));
}

void setPort(PathPanel *panel, int port)
{
    QSpinBox *box = panel->portBox();
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(port));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(box->value(), port);
}


int rowOfRoute(QTableView *view, const QString &name)
{
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, RouteTableModel::NameColumn).data().toString() == name)
            return r;
    }
    return -1;
}

QStringList overlayDevices(const PathOverlay *overlay, int walk)
{
    QStringList names;
    if (walk < int(overlay->walks().size())) {
        for (const PathOverlay::Stop &s : overlay->walks()[walk].stops)
            names << s.device;
    }
    return names;
}

} // namespace

class TestPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clickTwoNodes_data();
    void clickTwoNodes();
    void fixingTheUdrDeliversTheReply();
    void asymmetryNamesTheHalfSeenFirewall();
    void escapeCancels();
    void traceFollowsRenames_data();
    void traceFollowsRenames();
    void abandonedPickRestoresThePanel_data();
    void abandonedPickRestoresThePanel();
    void hopSelectionShowsRoutes_data();
    void hopSelectionShowsRoutes();
    void hopShowsItsNsgVerdicts_data();
    void hopShowsItsNsgVerdicts();
    void animationStopsWhenIdle();
    void hopTableFollowsThePacket_data();
    void hopTableFollowsThePacket();
    void poolMatrix_data();
    void poolMatrix();
    void poolMatrixFollowsRowsThatComeAndGo_data();
    void poolMatrixFollowsRowsThatComeAndGo();
    void findingDrawsItsPath();
    void overlayHeadless();
    void screenshots();
    void nsgScreenshot();

    // Issue 16: the gesture people try, and a first trace that explains itself.
    void twoSelectedEndpointsShowTheirPath_data();
    void twoSelectedEndpointsShowTheirPath();
};

void TestPath::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPath::clickTwoNodes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("forward");
    QTest::addColumn<QString>("forwardOutcome");
    QTest::addColumn<QStringList>("reply");
    QTest::addColumn<QString>("replyOutcome");
    QTest::addColumn<bool>("ok");

    const QStringList none;
    QTest::newRow("seed: remote-pc to proxy, reply blackholed at fw-hub")
        << "remote-pc" << "proxy" << 3128
        << QStringList{"remote-pc", "vpngw-a", "fw-a", "fw-hub", "proxy"} << "delivered"
        << QStringList{"proxy", "fw-hub"} << "dropped: blackhole" << false;
    // The subnet's workload stands at its first host, 10.2.0.4, which the proxy owns.
    QTest::newRow("seed: a subnet band as the source, request blackholed at fw-hub")
        << "Spoke-Vnet-b/Subnet-b" << "remote-pc" << 443 << QStringList{"proxy", "fw-hub"}
        << "dropped: blackhole" << none << QString() << false;
    QTest::newRow("seed: tokyo-office to the Internet, the reply has no way back")
        << "tokyo-office" << "Internet" << 443
        << QStringList{"tokyo-office", "vpngw-a", "fw-a", "fw-hub", "Internet"}
        << "leaves for the Internet" << QStringList{"Internet", "fw-hub"} << "dropped: route-none"
        << false;
    // §14: the gateway is one hop per pass, from the P2S tunnel into the S2S one (issue 12).
    QTest::newRow("seed: remote-pc to tokyo-office through the gateway, ok")
        << "remote-pc" << "tokyo-office" << 22
        << QStringList{"remote-pc", "vpngw-a", "tokyo-office"}
        << "leaves for on-premises"
        << QStringList{"tokyo-office", "vpngw-a", "remote-pc"} << "delivered" << true;
}

void TestPath::clickTwoNodes()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, port);
    QFETCH(QStringList, forward);
    QFETCH(QString, forwardOutcome);
    QFETCH(QStringList, reply);
    QFETCH(QString, replyOutcome);
    QFETCH(bool, ok);

    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    PathPanel *panel = paths->panel();
    setPort(panel, port);
    clickPath(window.get(), from, to);

    QTRY_VERIFY(paths->session()->result());
    QCOMPARE(panel->fromField()->text(), from);
    QCOMPARE(panel->toField()->text(), to);
    QVERIFY2(panel->isVisible(), "the Path dock comes forward");

    HopInspector *inspector = panel->inspector();
    QCOMPARE(inspector->devices(0), forward);
    QCOMPARE(inspector->walkOutcome(0), forwardOutcome);
    QCOMPARE(inspector->walkCount(), reply.isEmpty() ? 1 : 2);
    QCOMPARE(inspector->devices(1), reply);
    QCOMPARE(inspector->walkOutcome(1), replyOutcome);
    QVERIFY2(panel->verdictLabel()->text().contains(ok ? QStringLiteral("connection ok")
                                                       : QStringLiteral("connection failed")),
             qPrintable(panel->verdictLabel()->text()));

    // The overlay draws the same walks, through every device.
    PathOverlay *overlay = paths->overlay();
    QCOMPARE(overlayDevices(overlay, 0), forward);
    QCOMPARE(overlayDevices(overlay, 1), reply);
    QCOMPARE(overlay->connectionOk(), ok);
    for (int w = 0; w < int(overlay->walks().size()); ++w) {
        for (int i = 0; i < int(overlay->walks()[w].stops.size()); ++i)
            QVERIFY2(!overlay->stopPoint(w, i).isNull(),
                     qPrintable(overlay->walks()[w].stops[i].device));
    }
    if (!replyOutcome.isEmpty() && replyOutcome != QStringLiteral("delivered"))
        QVERIFY2(overlay->failureText(1).contains(QStringLiteral("dropped at fw-hub")),
                 qPrintable(overlay->failureText(1)));
    if (ok)
        QVERIFY(overlay->failureText(0).isEmpty() && overlay->failureText(1).isEmpty());
    QVERIFY(!overlay->isSelected());
    QVERIFY(!(overlay->flags() & QGraphicsItem::ItemIsSelectable));
}

void TestPath::fixingTheUdrDeliversTheReply()
{
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 3128);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    HopInspector *inspector = paths->panel()->inspector();
    QTRY_COMPARE(inspector->walkOutcome(1), QStringLiteral("dropped: blackhole"));

    // The route-table editor of the hub firewall's subnet, as a user reaches it.
    window->view()->setCurrentTool(QStringLiteral("select"));
    window->scene()->selectIds(idsOf({QStringLiteral("HUB-Vnet-A/AzureFirewallSubnet")}));
    PropertiesPanel *properties = window->propertiesPanel();
    QTRY_COMPARE(properties->shownRouteTable(), QStringLiteral("rt-hub-fw"));
    const int row = rowOfRoute(properties->routeView(), QStringLiteral("vpn-pool-via-spoke-b-fw"));
    QVERIFY(row >= 0);
    editCell(properties->routeView(), row, RouteTableModel::NextHopIpColumn,
             QStringLiteral("10.1.1.4"));

    // Re-traced live: the reply now comes back through fw-hub and fw-a.
    QTRY_COMPARE(inspector->walkOutcome(1), QStringLiteral("delivered"));
    QCOMPARE(inspector->devices(1),
             (QStringList{"proxy", "fw-hub", "fw-a", "vpngw-a", "remote-pc"}));
    const PathOverlay *overlay = paths->overlay();
    QCOMPARE(overlay->walks().size(), std::size_t(2));
    QVERIFY(overlay->walks()[1].verdict == routing::WalkVerdict::Delivered);
    QVERIFY(overlay->failureText(1).isEmpty());
    QVERIFY(overlay->connectionOk());
    QVERIFY(overlay->halfSeenDevices().isEmpty());
    QVERIFY2(paths->panel()->verdictLabel()->text().contains(QStringLiteral("connection ok")),
             qPrintable(paths->panel()->verdictLabel()->text()));

    // Undo brings the blackhole back.
    window->document()->undoStack()->undo();
    QTRY_COMPARE(inspector->walkOutcome(1), QStringLiteral("dropped: blackhole"));
    QVERIFY(!paths->overlay()->connectionOk());
}

void TestPath::asymmetryNamesTheHalfSeenFirewall()
{
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 3128);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    QTRY_VERIFY(paths->session()->result());
    QVERIFY(paths->overlay()->halfSeenDevices().isEmpty()); // a lost reply is no asymmetry

    // TC-JP5: the hub learns the pool through gateway transit and its firewall subnet has no
    // table any more, so the reply goes fw-hub → vpngw-a and skips fw-a.
    window->document()->edit(QStringLiteral("transit"), [](model::Design &d) {
        for (model::Peering &p : d.peerings) {
            if (p.from == u"HUB-Vnet-A" && p.to == u"Spoke-Vnet-a")
                p.useRemoteGateways = true;
            if (p.from == u"Spoke-Vnet-a" && p.to == u"HUB-Vnet-A")
                p.allowGatewayTransit = true;
        }
        d.vnet(QStringLiteral("HUB-Vnet-A"))->subnets[0].routeTable.clear();
    });
    HopInspector *inspector = paths->panel()->inspector();
    QTRY_COMPARE(inspector->walkOutcome(1), QStringLiteral("delivered"));
    QCOMPARE(inspector->devices(1), (QStringList{"proxy", "fw-hub", "vpngw-a", "remote-pc"}));
    const PathOverlay *overlay = paths->overlay();
    QVERIFY(!overlay->connectionOk());
    QVERIFY(overlay->connectionReason() == routing::ConnectionReason::Asymmetric);
    QCOMPARE(overlay->halfSeenDevices(), QStringList{QStringLiteral("fw-a")});
    QVERIFY2(paths->panel()->verdictLabel()->text().contains(QStringLiteral("asymmetric")),
             qPrintable(paths->panel()->verdictLabel()->text()));
}

void TestPath::escapeCancels()
{
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    DesignView *view = window->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_T);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      viewPointOf(window.get(), QStringLiteral("remote-pc")));
    QCOMPARE(paths->tool()->source(), QStringLiteral("remote-pc"));
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(paths->tool()->source().isEmpty());
    QCOMPARE(view->currentTool()->id(), QStringLiteral("path"));
    QVERIFY(!paths->session()->hasRequest());
    // A click on empty canvas is no end point.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(window->scene()->designBounds().topLeft() +
                                         QPointF(5, 5)));
    QVERIFY(paths->tool()->source().isEmpty());
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(view->currentTool()->id(), QStringLiteral("select"));
}

void TestPath::traceFollowsRenames_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("edit");    // "rename", "rename+undo" or "delete"
    QTest::addColumn<QString>("object");  // the selection id edited
    QTest::addColumn<QString>("newName"); // for a rename
    QTest::addColumn<QString>("expectFrom"); // "" with expectTo "": the trace is dropped
    QTest::addColumn<QString>("expectTo");

    QTest::newRow("renamed VM (destination)") << "remote-pc" << "proxy" << "rename" << "proxy"
                                              << "squid" << "remote-pc" << "squid";
    QTest::newRow("renamed P2S client (source)") << "remote-pc" << "proxy" << "rename"
                                                 << "remote-pc" << "laptop" << "laptop" << "proxy";
    QTest::newRow("renamed firewall") << "fw-hub" << "proxy" << "rename" << "fw-hub" << "fw-core"
                                      << "fw-core" << "proxy";
    QTest::newRow("renamed on-premises site") << "tokyo-office" << "proxy" << "rename"
                                              << "tokyo-office" << "osaka-office"
                                              << "osaka-office" << "proxy";
    QTest::newRow("renamed subnet") << "Spoke-Vnet-b/Subnet-b" << "Internet" << "rename"
                                    << "Spoke-Vnet-b/Subnet-b" << "web"
                                    << "Spoke-Vnet-b/web" << "Internet";
    QTest::newRow("renamed VNet of a subnet end point")
        << "Spoke-Vnet-b/Subnet-b" << "remote-pc" << "rename" << "Spoke-Vnet-b" << "spoke-b"
        << "spoke-b/Subnet-b" << "remote-pc";
    QTest::newRow("undone rename follows back") << "remote-pc" << "proxy" << "rename+undo"
                                                << "proxy" << "squid" << "remote-pc" << "proxy";
    QTest::newRow("deleted VM drops the trace") << "remote-pc" << "proxy" << "delete" << "proxy"
                                                << "" << "" << "";
    QTest::newRow("deleted P2S client drops the trace") << "remote-pc" << "proxy" << "delete"
                                                        << "remote-pc" << "" << "" << "";
}

void TestPath::traceFollowsRenames()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, edit);
    QFETCH(QString, object);
    QFETCH(QString, newName);
    QFETCH(QString, expectFrom);
    QFETCH(QString, expectTo);

    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    PathSession *session = paths->session();
    paths->panel()->traceBetween(from, to);
    QVERIFY2(session->result(), qPrintable(session->error()));

    window->scene()->selectIds(idsOf({object}));
    if (edit.startsWith(u"rename")) {
        ValidatedLineEdit *name = window->propertiesPanel()->textField(QStringLiteral("name"));
        QVERIFY(name);
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, newName);
        QTest::keyClick(name, Qt::Key_Return);
        if (edit.endsWith(u"undo"))
            window->action(QStringLiteral("actionUndo"))->trigger();
    } else {
        window->view()->setFocus();
        QTest::keyClick(window->view(), Qt::Key_Delete);
        QVERIFY(!window->scene()->item(object));
    }

    PathPanel *panel = paths->panel();
    if (expectFrom.isEmpty()) {
        QVERIFY(!session->hasRequest());
        QVERIFY(!session->result());
        QVERIFY2(panel->verdictLabel()->text().contains(object + QStringLiteral(" was deleted")),
                 qPrintable(panel->verdictLabel()->text()));
        QVERIFY(panel->fromField()->text().isEmpty() && panel->toField()->text().isEmpty());
        QVERIFY(paths->overlay()->walks().empty());
        return;
    }
    QVERIFY(session->hasRequest());
    QCOMPARE(session->request()->from, expectFrom);
    QCOMPARE(session->request()->to, expectTo);
    QCOMPARE(panel->fromField()->text(), expectFrom);
    QCOMPARE(panel->toField()->text(), expectTo);
    session->retraceNow();
    QVERIFY2(session->result(), qPrintable(session->error()));
    QVERIFY2(!panel->verdictLabel()->text().contains(QStringLiteral("unknown end point")),
             qPrintable(panel->verdictLabel()->text()));
}

void TestPath::abandonedPickRestoresThePanel_data()
{
    QTest::addColumn<bool>("pathOnShow");
    QTest::addColumn<QString>("how");
    QTest::newRow("Esc on the canvas, nothing traced yet") << false << "escCanvas";
    QTest::newRow("Esc from the Findings list, a path on show") << true << "escFindings";
    QTest::newRow("Select and Move chosen, a path on show") << true << "selectTool";
}

void TestPath::abandonedPickRestoresThePanel()
{
    QFETCH(bool, pathOnShow);
    QFETCH(QString, how);
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    PathPanel *panel = paths->panel();
    if (pathOnShow)
        panel->traceBetween(QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    const QString shown = panel->verdictLabel()->text();
    DesignView *view = window->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_T);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      viewPointOf(window.get(), QStringLiteral("tokyo-office")));
    QCOMPARE(paths->tool()->source(), QStringLiteral("tokyo-office"));
    QVERIFY(panel->verdictLabel()->text().contains(QStringLiteral("click where the packet goes")));

    if (how == u"escCanvas") {
        QTest::keyClick(view, Qt::Key_Escape);
    } else if (how == u"escFindings") {
        QWidget *list = window->findingsPanel()->list();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Escape);
        QCOMPARE(view->currentTool()->id(), QStringLiteral("select"));
    } else {
        window->action(QStringLiteral("toolSelect"))->trigger();
    }
    QVERIFY(paths->tool()->source().isEmpty());
    QVERIFY2(!panel->verdictLabel()->text().contains(QStringLiteral("click where the packet goes")),
             qPrintable(panel->verdictLabel()->text()));
    QCOMPARE(panel->verdictLabel()->text(), shown);
    QCOMPARE(panel->fromField()->text(), pathOnShow ? QStringLiteral("remote-pc") : QString());
}

void TestPath::hopSelectionShowsRoutes_data()
{
    QTest::addColumn<int>("walk");
    QTest::addColumn<int>("stop");
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<QString>("matchedPrefix");

    QTest::newRow("reply at fw-hub: the broken UDR") << 1 << 1 << "HUB-Vnet-A/AzureFirewallSubnet"
                                                     << "172.16.16.0/24";
    QTest::newRow("request at vpngw-a: the 0/0 UDR on GatewaySubnet")
        << 0 << 1 << "Spoke-Vnet-a/GatewaySubnet" << "0.0.0.0/0";
    QTest::newRow("request delivered at proxy: no route used") << 0 << 4 << "Spoke-Vnet-b/Subnet-b"
                                                               << QString();
}

void TestPath::hopSelectionShowsRoutes()
{
    QFETCH(int, walk);
    QFETCH(int, stop);
    QFETCH(QString, subnet);
    QFETCH(QString, matchedPrefix);

    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 3128);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    HopInspector *inspector = paths->panel()->inspector();
    QTRY_VERIFY(inspector->walkCount() == 2);

    const int row = inspector->rowOf(walk, stop);
    QVERIFY(row >= 0);
    QTableWidget *hops = inspector->hopTable();
    QTest::mouseClick(hops->viewport(), Qt::LeftButton, {},
                      hops->visualItemRect(hops->item(row, HopInspector::DeviceColumn)).center());
    QCOMPARE(hops->item(row, HopInspector::SubnetColumn)->text(), subnet);
    QCOMPARE(paths->overlay()->highlightedWalk(), walk);
    QCOMPARE(paths->overlay()->highlightedStop(), stop);
    QVERIFY2(inspector->routeCaption()->text().contains(subnet),
             qPrintable(inspector->routeCaption()->text()));
    QTableWidget *routes = inspector->routeTable();
    QVERIFY(routes->rowCount() > 0);
    if (matchedPrefix.isEmpty()) {
        QCOMPARE(inspector->matchedRouteRow(), -1);
    } else {
        const int matched = inspector->matchedRouteRow();
        QVERIFY(matched >= 0);
        QCOMPARE(routes->item(matched, 0)->text(), QStringLiteral("▶"));
        QCOMPARE(routes->item(matched, 1)->text(), matchedPrefix);
        QCOMPARE(hops->item(row, HopInspector::PrefixColumn)->text(), matchedPrefix);
    }
}

void TestPath::hopShowsItsNsgVerdicts_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("walk");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("hopNsg");   // the hop table's NSG cell
    QTest::addColumn<QStringList>("nsgRow"); // the first row of the NSG evaluations
    QTest::addColumn<QString>("callout");    // the overlay's callout title for the walk

    QTest::newRow("TC-N17 request to proxy:3128 admitted by allow-p2s-proxy")
        << 3128 << 0 << "proxy" << "in: nsg-subnet-b · allow-p2s-proxy (100) Allow"
        << QStringList{"Inbound", "nsg-subnet-b", "Spoke-Vnet-b/Subnet-b", "allow-p2s-proxy",
                       "100", "Allowed"}
        << "";
    QTest::newRow("TC-N17 reply from proxy allowed by flow state")
        << 3128 << 1 << "proxy" << "out: allowed by flow state"
        << QStringList{"Outbound", "", "proxy", "", "", "Allowed by flow state"} << "";
    QTest::newRow("request to proxy:22 denied by deny-all-inbound")
        << 22 << 0 << "proxy" << "in: nsg-subnet-b · deny-all-inbound (4096) Deny"
        << QStringList{"Inbound", "nsg-subnet-b", "Spoke-Vnet-b/Subnet-b", "deny-all-inbound",
                       "4096", "Denied"}
        << "Request denied by nsg-subnet-b";
}

void TestPath::hopShowsItsNsgVerdicts()
{
    QFETCH(int, port);
    QFETCH(int, walk);
    QFETCH(QString, device);
    QFETCH(QString, hopNsg);
    QFETCH(QStringList, nsgRow);
    QFETCH(QString, callout);

    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QStringList errors;
    QVERIFY2(window->openFile(QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/nsg/seed-nsg.hopscope.yaml"),
                              &errors),
             qPrintable(errors.join(u'\n')));
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), port);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    HopInspector *inspector = paths->panel()->inspector();
    QTRY_VERIFY(inspector->walkCount() > walk);

    const int stop = inspector->devices(walk).indexOf(device);
    QVERIFY(stop >= 0);
    const int row = inspector->rowOf(walk, stop);
    QTableWidget *hops = inspector->hopTable();
    QCOMPARE(hops->item(row, HopInspector::NsgColumn)->text(), hopNsg);
    QVERIFY(inspector->nsgTable()->isHidden());
    QTest::mouseClick(hops->viewport(), Qt::LeftButton, {},
                      hops->visualItemRect(hops->item(row, HopInspector::DeviceColumn)).center());
    QTableWidget *nsgs = inspector->nsgTable();
    QVERIFY(!nsgs->isHidden());
    QVERIFY2(inspector->nsgCaption()->text().contains(device),
             qPrintable(inspector->nsgCaption()->text()));
    QVERIFY(nsgs->rowCount() >= 1);
    QStringList first;
    for (int c = 0; c < HopInspector::NsgColumns; ++c)
        first << nsgs->item(0, c)->text();
    QCOMPARE(first, nsgRow);
    QCOMPARE(paths->overlay()->failureTitle(walk), callout);
    if (!callout.isEmpty()) // the text under the title names the rule
        QVERIFY2(paths->overlay()->failureText(walk).contains(nsgRow.value(3)),
                 qPrintable(paths->overlay()->failureText(walk)));
}

void TestPath::hopTableFollowsThePacket_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("walk");
    QTest::addColumn<QString>("device");
    QTest::newRow("request leaves remote-pc") << 1 << 0 << "remote-pc";
    QTest::newRow("request at fw-a") << 3 << 0 << "fw-a";
    QTest::newRow("request delivered, reply starts at the proxy") << 5 << 1 << "proxy";
    QTest::newRow("reply dies at fw-hub") << 6 << 1 << "fw-hub";
}

void TestPath::hopTableFollowsThePacket()
{
    QFETCH(int, steps);
    QFETCH(int, walk);
    QFETCH(QString, device);
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 3128);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    QTRY_VERIFY(paths->session()->result());
    paths->animator()->stop(); // a new trace plays by itself (issue 16); step from the start
    auto *stepForward = paths->panel()->findChild<QToolButton *>(QStringLiteral("pathStepForward"));
    for (int i = 0; i < steps; ++i)
        QTest::mouseClick(stepForward, Qt::LeftButton);
    QCOMPARE(paths->overlay()->packetWalk(), walk);
    auto *inspector = paths->panel()->findChild<HopInspector *>();
    QVERIFY(inspector);
    const int row = inspector->hopTable()->currentRow();
    QVERIFY(row >= 0);
    QCOMPARE(inspector->hopTable()->item(row, HopInspector::DeviceColumn)->text(), device);
    // The canvas rings the same hop, and its subnet's effective routes are listed.
    QCOMPARE(paths->overlay()->highlightedWalk(), walk);
    QVERIFY(inspector->routeTable()->rowCount() > 0 || device == u"remote-pc");
}

void TestPath::animationStopsWhenIdle()
{
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 3128);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    QTRY_VERIFY(paths->session()->result());
    PathOverlay *overlay = paths->overlay();
    PathAnimator *animator = paths->animator();
    QCOMPARE(overlay->segmentCount(), 4 + 1); // request 4 segments, reply 1
    // A new trace plays once by itself (issue 16), then stops at the end: nothing ticks.
    QVERIFY(animator->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!animator->isPlaying(), 10000);
    QCOMPARE(overlay->animationProgress(), double(overlay->segmentCount()));
    animator->stop();
    QCOMPARE(overlay->animationProgress(), -1.0);
    QVERIFY(!animator->isPlaying());

    // Step through: the packet stands at devices, request first, then the reply.
    auto *stepForward = paths->panel()->findChild<QToolButton *>(QStringLiteral("pathStepForward"));
    auto *stepBack = paths->panel()->findChild<QToolButton *>(QStringLiteral("pathStepBack"));
    QTest::mouseClick(stepForward, Qt::LeftButton);
    QCOMPARE(overlay->animationProgress(), 0.0);
    QCOMPARE(overlay->packetPosition(), overlay->stopPoint(0, 0));
    for (int i = 0; i < 4; ++i)
        QTest::mouseClick(stepForward, Qt::LeftButton);
    QCOMPARE(overlay->packetWalk(), 1);
    QCOMPARE(overlay->packetPosition(), overlay->stopPoint(1, 0));
    QTest::mouseClick(stepBack, Qt::LeftButton);
    QCOMPARE(overlay->animationProgress(), 3.0);
    QCOMPARE(overlay->packetWalk(), 0);

    // Play at 4×, without repeat: it moves, then stops by itself at the end.
    auto *speed = paths->panel()->findChild<QComboBox *>(QStringLiteral("pathSpeed"));
    speed->setCurrentIndex(speed->findData(4.0));
    QTest::mouseClick(paths->panel()->findChild<QToolButton *>(QStringLiteral("pathPlay")),
                      Qt::LeftButton);
    QVERIFY(animator->isPlaying());
    QTRY_VERIFY(overlay->animationProgress() > 3.0);
    QTRY_VERIFY_WITH_TIMEOUT(!animator->isPlaying(), 5000);
    QCOMPARE(overlay->animationProgress(), double(overlay->segmentCount()));
    // Nothing ticks once it stopped.
    QTest::qWait(100);
    QCOMPARE(overlay->animationProgress(), double(overlay->segmentCount()));

    // With repeat it keeps going until paused, and a pause stops every timer.
    paths->panel()->findChild<QCheckBox *>(QStringLiteral("pathRepeat"))->setChecked(true);
    animator->play();
    QTRY_VERIFY(overlay->animationProgress() > 1.0);
    QTRY_VERIFY_WITH_TIMEOUT(overlay->animationProgress() < 1.0, 6000); // wrapped round
    QVERIFY(animator->isPlaying());
    animator->pause();
    QVERIFY(!animator->isPlaying());
    const double paused = overlay->animationProgress();
    QTest::qWait(100);
    QCOMPARE(overlay->animationProgress(), paused);
    // The model never saw any of it.
    QVERIFY(!window->document()->isModified());
}

void TestPath::poolMatrix_data()
{
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<QString>("toSubnet");
    QTest::addColumn<QString>("fromSubnet");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("traceFrom");
    QTest::addColumn<QString>("traceTo");

    QTest::newRow("seed: pool to Subnet-b, reply blackholed")
        << "Spoke-Vnet-b/Subnet-b" << "✕ reply dropped: blackhole at fw-hub"
        << "✕ dropped: blackhole at fw-hub" << int(PoolMatrixPanel::ToSubnetColumn)
        << "remote-pc" << "Spoke-Vnet-b/Subnet-b";
    QTest::newRow("seed: Subnet-b to the pool, request blackholed")
        << "Spoke-Vnet-b/Subnet-b" << "✕ reply dropped: blackhole at fw-hub"
        << "✕ dropped: blackhole at fw-hub" << int(PoolMatrixPanel::FromSubnetColumn)
        << "Spoke-Vnet-b/Subnet-b" << "remote-pc";
}

void TestPath::poolMatrix()
{
    QFETCH(QString, subnet);
    QFETCH(QString, toSubnet);
    QFETCH(QString, fromSubnet);
    QFETCH(int, column);
    QFETCH(QString, traceFrom);
    QFETCH(QString, traceTo);

    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    PoolMatrixPanel *matrix = paths->poolMatrix();
    window->findChild<QDockWidget *>(QStringLiteral("poolMatrixDock"))->raise();
    QTRY_VERIFY_WITH_TIMEOUT(!matrix->isRunning() && matrix->model()->rowCount() > 0, 10000);
    QTableView *table = matrix->table();
    const QAbstractItemModel *cells = table->model();
    auto text = [cells](int r, int c) { return cells->index(r, c).data().toString(); };
    int row = -1;
    for (int r = 0; r < cells->rowCount(); ++r) {
        if (text(r, PoolMatrixPanel::SubnetColumn) == subnet)
            row = r;
    }
    QVERIFY2(row >= 0, qPrintable(subnet));
    QCOMPARE(text(row, PoolMatrixPanel::ToSubnetColumn), toSubnet);
    QCOMPARE(text(row, PoolMatrixPanel::FromSubnetColumn), fromSubnet);

    table->scrollTo(cells->index(row, column));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(cells->index(row, column)).center());
    QTRY_VERIFY(paths->session()->request().has_value());
    QCOMPARE(paths->session()->request()->from, traceFrom);
    QCOMPARE(paths->session()->request()->to, traceTo);
    QCOMPARE(paths->panel()->fromField()->text(), traceFrom);
    QVERIFY(paths->overlay()->hasTrace());
    QVERIFY(!paths->overlay()->connectionOk());
}

namespace {

// The pool rows the app's check makes of a design, and how they differ from `before`.
PoolRows poolRowsOfCheck(const model::Design &design, const PoolRows &before,
                         PoolRowsChange *change)
{
    PoolRows rows;
    analysis::CheckOptions options;
    options.sweepsObserver = [&](const model::Network &network,
                                 const analysis::SweepResults &results) {
        rows = CheckRunner::poolRowsOf(network, results, before, change);
    };
    analysis::checkDesign(design, options);
    return rows;
}

// Every cell's text and tooltip, row by row.
QStringList cellsOf(const QAbstractItemModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row << model.index(r, c).data().toString()
                << model.index(r, c).data(Qt::ToolTipRole).toString();
        out << row.join(u" | ");
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(hopscope::model::Design)

void TestPath::poolMatrixFollowsRowsThatComeAndGo_data()
{
    // The seed (fixed) has one pool; each row edits it and says whether the rows keep their
    // (gateway, subnet) keys, and how many rows the matrix announces as changed then.
    QTest::addColumn<model::Design>("after");
    QTest::addColumn<bool>("sameKeys");
    QTest::addColumn<int>("changedRows");
    using testdesigns::Builder;
    const auto edited = [](auto edit) {
        Builder b = testdesigns::seed(false);
        edit(b);
        return b.d;
    };
    QTest::newRow("nothing changed: nothing announced") << testdesigns::seed(false).d << true << 0;
    QTest::newRow("the typo back: Subnet-b's cells change in place")
        << testdesigns::seed(true).d << true << 1;
    QTest::newRow("a workload subnet added to Spoke-Vnet-b")
        << edited([](Builder &b) { b.subnet("Spoke-Vnet-b", "Subnet-c", "10.2.5.0/24"); }) << false
        << 0;
    QTest::newRow("Spoke-Vnet-b deleted") << edited([](Builder &b) {
        edit::remove(b.d, {model::ObjectId::object(QStringLiteral("Spoke-Vnet-b"))});
    }) << false << 0;
    QTest::newRow("a VNet inserted first: a row before every other") << edited([](Builder &b) {
        b.vnet("Aaa", "10.9.0.0/16").subnet("Aaa", "S", "10.9.0.0/24");
        std::rotate(b.d.vnets.begin(), b.d.vnets.end() - 1, b.d.vnets.end());
    }) << false << 0;
    QTest::newRow("a second pool: its rows after the first's") << edited([](Builder &b) {
        b.subnet("HUB-Vnet-A", "Work", "10.0.5.0/24")
            .gateway("vpngw-hub", "HUB-Vnet-A", "172.16.30.0/24");
    }) << false << 0;
}

void TestPath::poolMatrixFollowsRowsThatComeAndGo()
{
    QFETCH(model::Design, after);
    QFETCH(bool, sameKeys);
    QFETCH(int, changedRows);
    PoolRowsChange firstChange;
    const auto first = std::make_shared<const PoolRows>(
        poolRowsOfCheck(testdesigns::seed(false).d, PoolRows(), &firstChange));
    QVERIFY(!first->empty());
    PoolMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(first, &firstChange);
    QCOMPARE(model.rowCount(), int(first->size()));

    PoolRowsChange change;
    const auto second = std::make_shared<const PoolRows>(poolRowsOfCheck(after, *first, &change));
    QCOMPARE(change.sameKeys, sameKeys);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRows(second, &change);
    QCOMPARE(resets.count(), 0);
    // Rows whose verdicts were announced as changed (a merge also announces the pool column
    // alone, whose blank cells depend on the row above).
    int announced = 0;
    for (const QList<QVariant> &signal : changed)
        if (signal.at(1).toModelIndex().column() > PoolMatrixModel::SubnetColumn)
            announced += signal.at(1).toModelIndex().row() - signal.at(0).toModelIndex().row() + 1;
    // A changed row announces the next one too (its pool cell may go blank).
    if (changedRows == 0)
        QCOMPARE(announced, 0);
    else
        QVERIFY2(announced >= changedRows && announced <= changedRows + 1,
                 qPrintable(QString::number(announced)));
    // What the matrix shows is what a matrix given these rows alone shows.
    PoolMatrixModel fresh;
    fresh.setRows(second);
    QCOMPARE(cellsOf(model), cellsOf(fresh));
}

void TestPath::findingDrawsItsPath()
{
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    FindingsPanel *findings = window->findingsPanel();
    window->findChild<QDockWidget *>(QStringLiteral("findingsDock"))->raise();
    QTRY_VERIFY_WITH_TIMEOUT(findings->codes().contains(QStringLiteral("intent-violated")), 10000);
    const int index = int(findings->codes().indexOf(QStringLiteral("intent-violated")));
    QTreeWidget *list = findings->list();
    QTreeWidgetItem *item = list->topLevelItem(index);
    const QRect rect = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    auto *action = list->findChild<QAction *>(QStringLiteral("actionShowFindingPath"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(paths->session()->request().has_value());
    QCOMPARE(paths->session()->request()->from, QStringLiteral("remote-pc"));
    QCOMPARE(paths->session()->request()->to, QStringLiteral("proxy"));
    QCOMPARE(paths->session()->request()->port, 3128);
    QCOMPARE(paths->panel()->inspector()->walkOutcome(1), QStringLiteral("dropped: blackhole"));
}

void TestPath::overlayHeadless()
{
    // What the exporter does: a document, a scene, an overlay; no window, no timer.
    QFile file(seedResource);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const io::LoadResult loaded = io::readDesign(file.readAll(), seedResource);
    QVERIFY(loaded.design);
    DesignDocument document;
    document.resetDesign(*loaded.design);
    DesignScene scene(&document);
    scene.setFurnitureVisible(false);
    auto *overlay = new PathOverlay(&scene);
    {
        // The overlay keeps names, not the network: it outlives both.
        const model::Design design = document.design();
        const model::Network network(design);
        const routing::EffectiveRoutes routes(network);
        const routing::Tracer tracer(routes);
        QString error;
        const auto trace = tracer.trace({QStringLiteral("remote-pc"), QStringLiteral("proxy"),
                                         3128, model::Protocol::Tcp},
                                        &error);
        QVERIFY2(trace, qPrintable(error));
        overlay->setTrace(*trace, network);
    }
    QCOMPARE(overlay->walks().size(), std::size_t(2));
    QCOMPARE(overlay->walks()[0].stops.front().anchor, QStringLiteral("remote-pc"));
    QCOMPARE(overlay->halfSeenDevices(), QStringList());
    const QRectF bounds = overlay->sceneBoundingRect();
    QVERIFY(bounds.contains(scene.sceneRectOf(QStringLiteral("fw-hub")).center()));

    QImage image(bounds.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        scene.render(&painter, QRectF(), bounds);
    }
    // The ✕ where the reply dies is drawn in the error colour.
    const QPointF cross = overlay->stopPoint(1, 1) + QPointF(16, -16) - bounds.topLeft();
    const QColor centre = image.pixelColor(cross.toPoint() + QPoint(7, 0));
    QVERIFY2(qAbs(centre.hslHue() - scene.style().error.hslHue()) < 12 ||
                 centre.hslHue() > 350,
             qPrintable(centre.name()));
}

void TestPath::screenshots()
{
    // For the documentation: HOPSCOPE_PATH_SCREENSHOTS=DIR saves seed-path.png (the window with
    // remote-pc → proxy traced) and path-frames.png (a strip of animation frames) there.
    const QString dir = qEnvironmentVariable("HOPSCOPE_PATH_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set HOPSCOPE_PATH_SCREENSHOTS=DIR to save the documentation's screenshots");
    // HOPSCOPE_THEME=dark: the same pictures on the dark palette, named *-dark.png.
    const bool dark = qEnvironmentVariable("HOPSCOPE_THEME") == u"dark";
    if (dark)
        applyTheme(true);
    const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
    auto window = openSeed();
    window->resize(1600, 1000);
    QTest::qWait(50);
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 3128);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    QTRY_VERIFY(paths->session()->result());
    // The canvas and the Path dock get the room: the properties are not part of this story.
    window->findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->hide();
    auto *pathDock = window->findChild<QDockWidget *>(QStringLiteral("pathDock"));
    window->resizeDocks({pathDock}, {345}, Qt::Vertical);
    QTRY_VERIFY_WITH_TIMEOUT(!window->checkRunner()->isRunning(), 5000);
    // Close on the path: its drawing and the VNets it crosses.
    QRectF shown = paths->overlay()->sceneBoundingRect();
    for (const model::Vnet &v : window->document()->design().vnets)
        shown |= window->scene()->sceneRectOf(v.name);
    window->view()->fitInView(shown.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    Q_EMIT window->view()->zoomChanged(window->view()->zoom());
    // The reply's last hop chosen in the inspector: its routes show beside the hops.
    paths->panel()->inspector()->selectHop(1, 1);
    QTest::qWait(100);
    QVERIFY(window->grab().save(QDir(dir).filePath(QStringLiteral("seed-path") + suffix)));

    // Frames: the packet on its way out, at the far end, on its way back, and where it dies.
    paths->panel()->inspector()->selectHop(-1, -1);
    PathOverlay *overlay = paths->overlay();
    // The region of the window's picture: the path, its legend and callouts, the VNets.
    const QRectF area = shown.adjusted(-10, -10, 10, 10);
    const std::vector<std::pair<double, QString>> frames{
        {0.0, QStringLiteral("remote-pc sends")},      {1.5, QStringLiteral("vpngw-a → fw-a")},
        {3.0, QStringLiteral("at fw-hub")},            {4.0, QStringLiteral("delivered at proxy")},
        {4.6, QStringLiteral("reply: proxy → fw-hub")}, {5.0, QStringLiteral("reply dropped at fw-hub")}};
    const double scale = 780 / area.width();
    const QSize frameSize = (area.size() * scale).toSize();
    const int caption = 26;
    const int columns = 2, rows = 3;
    QImage strip(frameSize.width() * columns + 10 * (columns + 1),
                 (frameSize.height() + caption + 10) * rows + 10,
                 QImage::Format_ARGB32);
    strip.fill(window->scene()->style().canvas);
    QPainter painter(&strip);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < int(frames.size()); ++i) {
        overlay->setAnimationProgress(frames[i].first);
        const QPointF origin(10 + (i % columns) * (frameSize.width() + 10),
                             10 + (i / columns) * (frameSize.height() + caption + 10));
        painter.setPen(window->scene()->style().text);
        QFont font = window->scene()->style().labelFont;
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QRectF(origin, QSizeF(frameSize.width(), caption)),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1. %2").arg(i + 1).arg(frames[i].second));
        const QRectF target(origin + QPointF(0, caption), QSizeF(frameSize));
        window->scene()->setFurnitureVisible(false);
        window->scene()->render(&painter, target, area);
        window->scene()->setFurnitureVisible(true);
        painter.setPen(QPen(window->scene()->style().bandBorder, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(target);
    }
    painter.end();
    overlay->setAnimationProgress(-1);
    QVERIFY(strip.save(QDir(dir).filePath(QStringLiteral("path-frames") + suffix)));
}

void TestPath::nsgScreenshot()
{
    // For the documentation: HOPSCOPE_PATH_SCREENSHOTS=DIR saves nsg-trace.png there: remote-pc
    // to proxy on port 22, dropped by nsg-subnet-b, its callout, and the hop inspector's NSG view
    // of the hop that dropped it.
    const QString dir = qEnvironmentVariable("HOPSCOPE_PATH_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set HOPSCOPE_PATH_SCREENSHOTS=DIR to save the documentation's screenshots");
    auto window = std::make_unique<MainWindow>();
    window->resize(1600, 1000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(window->openFile(QStringLiteral(HOPSCOPE_TEST_DATA_DIR "/nsg/seed-nsg.hopscope.yaml")));
    QTest::qWait(50);
    PathWorkbench *paths = window->paths();
    setPort(paths->panel(), 22);
    clickPath(window.get(), QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    QTRY_VERIFY(paths->session()->result());
    window->findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->hide();
    auto *pathDock = window->findChild<QDockWidget *>(QStringLiteral("pathDock"));
    window->resizeDocks({pathDock}, {350}, Qt::Vertical);
    window->findChild<QDockWidget *>(QStringLiteral("paletteDock"))->hide();
    QTRY_VERIFY_WITH_TIMEOUT(!window->checkRunner()->isRunning(), 5000);
    QRectF shown = paths->overlay()->sceneBoundingRect();
    for (const model::Vnet &v : window->document()->design().vnets)
        shown |= window->scene()->sceneRectOf(v.name);
    window->view()->fitInView(shown.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    Q_EMIT window->view()->zoomChanged(window->view()->zoom());
    HopInspector *inspector = paths->panel()->inspector();
    inspector->selectHop(0, inspector->devices(0).indexOf(QStringLiteral("proxy")));
    QTest::qWait(100);
    QVERIFY(!inspector->nsgTable()->isHidden());
    // The static drawing: the drop's ✕ and callout show once no packet is in flight.
    paths->overlay()->setAnimationProgress(-1);
    QCOMPARE(paths->overlay()->failureTitle(0), QStringLiteral("Request denied by nsg-subnet-b"));
    QVERIFY(window->grab().save(QDir(dir).filePath(QStringLiteral("nsg-trace.png"))));
}

void TestPath::twoSelectedEndpointsShowTheirPath_data()
{
    QTest::addColumn<QString>("gesture"); // ctrl-click, path-tool, finding
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("chosenPort"); // typed in the Path dock first; 0: none
    QTest::addColumn<QString>("expect"); // "from → to port N", or "no trace"

    QTest::newRow("Ctrl+click the VPN client, then the proxy: traced on the proxy's port")
        << "ctrl-click" << "remote-pc" << "proxy" << 0 << "remote-pc → proxy port 3128";
    QTest::newRow("Ctrl+click the proxy, then the client: its port, no intent that way")
        << "ctrl-click" << "proxy" << "remote-pc" << 0 << "proxy → remote-pc port 443";
    QTest::newRow("Ctrl+click client then subnet: HTTPS by default")
        << "ctrl-click" << "remote-pc" << "Spoke-Vnet-b/Subnet-b" << 0
        << "remote-pc → Spoke-Vnet-b/Subnet-b port 443";
    QTest::newRow("a port the user typed stays")
        << "ctrl-click" << "remote-pc" << "proxy" << 8080 << "remote-pc → proxy port 8080";
    QTest::newRow("path tool click-click: the proxy's port, and the packet plays")
        << "path-tool" << "remote-pc" << "proxy" << 0 << "remote-pc → proxy port 3128";
    QTest::newRow("two objects selected by a finding trace nothing")
        << "finding" << "remote-pc" << "proxy" << 0 << "no trace";
}

void TestPath::twoSelectedEndpointsShowTheirPath()
{
    QFETCH(QString, gesture);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, chosenPort);
    QFETCH(QString, expect);
    auto window = openSeed();
    PathWorkbench *paths = window->paths();
    if (chosenPort)
        setPort(paths->panel(), chosenPort);
    QVERIFY(!paths->session()->hasRequest());
    if (gesture == u"path-tool") {
        clickPath(window.get(), from, to);
    } else if (gesture == u"finding") {
        window->scene()->selectIds(idsOf({from, to}));
    } else {
        QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, {}, viewPointOf(window.get(), from));
        QTest::mouseClick(window->view()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          viewPointOf(window.get(), to));
        QCOMPARE(textsOf(window->scene()->selectedIds()).size(), 2);
    }
    QCoreApplication::processEvents(); // the trace follows the button's release
    const auto &request = paths->session()->request();
    const QString got = request ? QStringLiteral("%1 → %2 port %3")
                                      .arg(request->from, request->to)
                                      .arg(request->port)
                                : QStringLiteral("no trace");
    QCOMPARE(got, expect);
    if (!request)
        return;
    QVERIFY(paths->overlay()->hasTrace());
    QCOMPARE(paths->panel()->portBox()->value(), request->port);
    // The packet crosses once by itself.
    QVERIFY2(paths->animator()->isPlaying(), "the animation starts by itself");
    QVERIFY2(!paths->animator()->repeat(), "and plays once");
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("pathDock"));
    QVERIFY(dock && dock->isVisible());
}

QTEST_MAIN(TestPath)
#include "tst_path.moc"
