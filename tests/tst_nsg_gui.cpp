// Network security groups in the desktop app (issue 13, point 5), driven through the real
// widgets on the offscreen platform: the palette's NSG dropped on the canvas, the NSG manager of
// the Properties panel (nothing selected), the rule editor's larger view, and the Effective
// Security Rules dock.

#include "SelectionIds.h"
#include "TableEditing.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "document/DesignDocument.h"
#include "palette/PalettePanel.h"
#include "path/EffectiveSecurityRulesPanel.h"
#include "properties/PropertiesPanel.h"
#include "properties/SecurityRulesModel.h"
#include "properties/ValidatedLineEdit.h"

#include <QDialog>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using namespace hopscope;
using namespace hopscope::gui;

namespace {

const QString supportedExample = QStringLiteral(":/examples/seed-supported.hopscope.yaml");

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

std::unique_ptr<MainWindow> openSupported()
{
    auto window = makeWindow();
    QStringList errors;
    if (!window->openExample(supportedExample, &errors))
        qWarning("%s", qPrintable(errors.join(u'\n')));
    return window;
}

void activatePalette(MainWindow *window, const QString &kind)
{
    PalettePanel *palette = window->palettePanel();
    const int row = palette->rowOf(kind);
    QVERIFY2(row >= 0, qPrintable(kind));
    const int steps = window->document()->undoStack()->count();
    palette->setCurrentRow(row);
    palette->setFocus();
    QTest::keyClick(palette->viewport(), Qt::Key_Return);
    if (window->document()->undoStack()->count() == steps)
        QTest::keyClick(palette, Qt::Key_Return);
}

QString nsgOf(const model::Design &d, const QString &object)
{
    if (const model::Subnet *s = d.subnet(object))
        return s->networkSecurityGroup;
    if (const model::Vm *vm = d.vm(object))
        return vm->networkSecurityGroup;
    return QStringLiteral("(no such object)");
}

QStringList groupNames(const model::Design &d)
{
    QStringList names;
    for (const model::NetworkSecurityGroup &g : d.networkSecurityGroups)
        names << g.name;
    return names;
}

template <typename T> T *panelChild(MainWindow *window, const QString &name)
{
    return window->propertiesPanel()->findChild<T *>(name);
}

int kindOf(const QTreeWidgetItem *item)
{
    return item->data(0, EffectiveSecurityRulesPanel::RowKindRole).toInt();
}

// The headings of `kind` (NSG or direction rows), in order.
QStringList headings(const QTreeWidget *tree, int kind)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (kindOf(tree->topLevelItem(i)) == kind)
            texts << tree->topLevelItem(i)->text(0);
    return texts;
}

// The rules under the `n`th direction heading, each as "priority|name|source|source ports|
// destination|destination ports|protocol|access".
QStringList rulesUnder(const QTreeWidget *tree, int n)
{
    QStringList rows;
    int direction = -1;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = tree->topLevelItem(i);
        if (kindOf(row) == EffectiveSecurityRulesPanel::DirectionRow) {
            ++direction;
            continue;
        }
        if (direction != n || kindOf(row) == EffectiveSecurityRulesPanel::GroupRow)
            continue;
        QStringList cells;
        for (int c = 0; c < EffectiveSecurityRulesPanel::ColumnCount; ++c)
            cells << row->text(c);
        rows << cells.join(u'|');
    }
    return rows;
}

// The first row whose name cell is `name`.
const QTreeWidgetItem *ruleNamed(const QTreeWidget *tree, const QString &name)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(EffectiveSecurityRulesPanel::NameColumn) == name)
            return tree->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestNsgGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paletteDropAssociates_data();
    void paletteDropAssociates();
    void securityGroupManager_data();
    void securityGroupManager();
    void ruleEditorFits_data();
    void ruleEditorFits();
    void effectiveSecurityRules_data();
    void effectiveSecurityRules();
    void screenshots();
};

void TestNsgGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HopscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_nsg_gui"));
}

// ---- the palette's NSG, dropped on the canvas

void TestNsgGui::paletteDropAssociates_data()
{
    QTest::addColumn<QString>("dropOn");   // the object under the drop; "" = empty canvas
    QTest::addColumn<bool>("onHeader");    // its title row rather than its centre (a card)
    QTest::addColumn<QString>("target");   // the subnet or VM whose NSG is checked
    QTest::addColumn<QString>("expectNsg"); // its NSG afterwards
    QTest::addColumn<int>("groupsAdded");
    QTest::addColumn<QString>("message"); // part of the status bar's reason; "" = none

    QTest::newRow("subnet: a new NSG named after it")
        << "spoke-1/workload" << true << "spoke-1/workload" << "nsg-spoke-1-workload" << 1 << "";
    QTest::newRow("VM: a new NSG on its NIC")
        << "vm-1" << false << "vm-1" << "nsg-vm-1" << 1 << "";
    QTest::newRow("miss: the empty canvas changes nothing and says why")
        << "" << false << "spoke-1/workload" << "" << 0 << "Drop the NSG on a subnet";
    QTest::newRow("miss: a VNet's header changes nothing and says why")
        << "spoke-1" << true << "spoke-1/workload" << "" << 0 << "Drop the NSG on a subnet";
    QTest::newRow("miss: GatewaySubnet is refused")
        << "spoke-1/GatewaySubnet" << true << "spoke-1/GatewaySubnet" << "" << 0
        << "Azure does not filter GatewaySubnet";
    QTest::newRow("miss: a firewall takes no NSG")
        << "fw-spoke-1" << false << "spoke-1/workload" << "" << 0 << "take no NSG";
}

void TestNsgGui::paletteDropAssociates()
{
    QFETCH(QString, dropOn);
    QFETCH(bool, onHeader);
    QFETCH(QString, target);
    QFETCH(QString, expectNsg);
    QFETCH(int, groupsAdded);
    QFETCH(QString, message);

    // A spoke with its workload subnet, a VM in it, a gateway and a firewall.
    auto window = makeWindow();
    activatePalette(window.get(), QStringLiteral("spoke"));
    window->scene()->selectIds(idsOf({QStringLiteral("spoke-1")}));
    activatePalette(window.get(), QStringLiteral("gateway"));
    window->scene()->selectIds(idsOf({QStringLiteral("spoke-1")}));
    activatePalette(window.get(), QStringLiteral("firewall"));
    window->scene()->selectIds(idsOf({QStringLiteral("spoke-1/workload")}));
    activatePalette(window.get(), QStringLiteral("vm"));
    window->scene()->selectIds({});
    DesignDocument *doc = window->document();
    QVERIFY(doc->design().vm(QStringLiteral("vm-1")));
    QVERIFY(doc->design().firewall(QStringLiteral("fw-spoke-1")));
    QVERIFY(doc->design().subnet(QStringLiteral("spoke-1/GatewaySubnet")));
    QVERIFY2(window->palettePanel()->rowOf(QStringLiteral("nsg")) >= 0, "no NSG in the palette");

    const model::Design before = doc->design();
    const int steps = doc->undoStack()->count();
    window->statusBar()->clearMessage();
    QPointF at(-3000, 2500);
    if (!dropOn.isEmpty()) {
        const QRectF rect = window->scene()->sceneRectOf(dropOn);
        at = onHeader ? QPointF(rect.left() + 30, rect.top() + 6) : rect.center();
    }
    // What DesignView::dropEvent announces for a palette drag released at `at`.
    Q_EMIT window->view()->paletteDropped(QStringLiteral("nsg"), at);

    QCOMPARE(nsgOf(doc->design(), target), expectNsg);
    QCOMPARE(doc->design().networkSecurityGroups.size(),
             before.networkSecurityGroups.size() + groupsAdded);
    if (message.isEmpty()) {
        QCOMPARE(doc->undoStack()->count(), steps + 1); // one step
        QVERIFY(doc->design().networkSecurityGroup(expectNsg)->securityRules.empty());
        // The target is selected: its Properties offer the new NSG and its rule editor.
        QCOMPARE(textsOf(window->scene()->selectedIds()), QStringList{target});
        QTRY_VERIFY(window->propertiesPanel()->securityRulesView());
        QCOMPARE(window->propertiesPanel()->securityRulesModel()->group(), expectNsg);
        QCOMPARE(window->propertiesPanel()->securityRulesModel()->rowCount(), 6); // defaults
        doc->undoStack()->undo();
        QVERIFY(doc->design() == before);
    } else {
        QCOMPARE(doc->undoStack()->count(), steps); // nothing harmful
        QVERIFY(doc->design() == before);
        QVERIFY2(window->statusBar()->currentMessage().contains(message),
                 qPrintable(window->statusBar()->currentMessage()));
    }
    doc->undoStack()->setClean();
}

// ---- the NSG manager: the Properties panel with nothing selected

void TestNsgGui::securityGroupManager_data()
{
    QTest::addColumn<QString>("action"); // new, rename, delete, add-rule
    QTest::addColumn<QStringList>("expectGroups");
    QTest::addColumn<QString>("expectSubnetNsg"); // Subnet-b's NSG afterwards
    QTest::addColumn<int>("expectRows");          // rows of the manager's rule editor
    QTest::addColumn<QString>("undoText");

    QTest::newRow("New NSG: nsg-1, chosen, with the default rules")
        << "new" << QStringList{"nsg-subnet-b", "nsg-1"} << "nsg-subnet-b" << 6
        << "Add NSG nsg-1";
    QTest::newRow("rename: the subnet's association follows")
        << "rename" << QStringList{"nsg-spoke-b"} << "nsg-spoke-b" << 2 + 6
        << "Rename NSG nsg-subnet-b to nsg-spoke-b";
    QTest::newRow("delete: the subnet keeps no dangling NSG")
        << "delete" << QStringList{} << "" << -1 << "Delete NSG nsg-subnet-b";
    QTest::newRow("add a rule from the manager")
        << "add-rule" << QStringList{"nsg-subnet-b"} << "nsg-subnet-b" << 3 + 6
        << "Add rule to nsg-subnet-b";
}

void TestNsgGui::securityGroupManager()
{
    QFETCH(QString, action);
    QFETCH(QStringList, expectGroups);
    QFETCH(QString, expectSubnetNsg);
    QFETCH(int, expectRows);
    QFETCH(QString, undoText);

    auto window = openSupported();
    DesignDocument *doc = window->document();
    const QString subnetB = QStringLiteral("Spoke-Vnet-b/Subnet-b");
    window->scene()->selectIds({});
    PropertiesPanel *panel = window->propertiesPanel();
    // Reachable with nothing selected: the design's NSGs and the chosen one's rules.
    QTRY_VERIFY(panelChild<QComboBox>(window.get(), QStringLiteral("securityGroupChooser")));
    QCOMPARE(panelChild<QComboBox>(window.get(), QStringLiteral("securityGroupChooser"))->currentText(),
             QStringLiteral("nsg-subnet-b"));
    QCOMPARE(panel->securityRulesModel()->group(), QStringLiteral("nsg-subnet-b"));
    QVERIFY(panelChild<QLabel>(window.get(), QStringLiteral("securityGroupUsers"))
                ->text()
                .contains(subnetB));

    const model::Design before = doc->design();
    const int steps = doc->undoStack()->count();
    if (action == u"new") {
        QTest::mouseClick(panelChild<QPushButton>(window.get(), QStringLiteral("newSecurityGroup")),
                          Qt::LeftButton);
    } else if (action == u"delete") {
        QTest::mouseClick(
            panelChild<QPushButton>(window.get(), QStringLiteral("deleteSecurityGroup")),
            Qt::LeftButton);
    } else if (action == u"rename") {
        ValidatedLineEdit *name = panel->textField(QStringLiteral("securityGroupName"));
        QVERIFY(name);
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("nsg-spoke-b"));
        QTest::keyClick(name, Qt::Key_Return);
    } else {
        QTest::mouseClick(panelChild<QToolButton>(window.get(), QStringLiteral("addSecurityRule")),
                          Qt::LeftButton);
    }
    QTRY_COMPARE(groupNames(doc->design()), expectGroups);
    QCOMPARE(doc->design().subnet(subnetB)->networkSecurityGroup, expectSubnetNsg);
    QCOMPARE(doc->undoStack()->count(), steps + 1); // one step
    QCOMPARE(doc->undoStack()->undoText(), undoText);
    // The manager shows the NSG the action leaves chosen, or none.
    if (expectRows < 0) {
        QTRY_VERIFY(!panel->securityRulesView());
        QVERIFY(!panelChild<QPushButton>(window.get(), QStringLiteral("deleteSecurityGroup"))
                     ->isEnabled());
    } else {
        QTRY_COMPARE(panel->securityRulesModel()->rowCount(), expectRows);
        QVERIFY(panel->securityRulesView());
    }

    doc->undoStack()->undo();
    QVERIFY(doc->design() == before);
    QTRY_COMPARE(panelChild<QComboBox>(window.get(), QStringLiteral("securityGroupChooser"))->count(),
                 1);
    doc->undoStack()->setClean();
}

// ---- the rule editor within the side panel, and its larger view

void TestNsgGui::ruleEditorFits_data()
{
    QTest::addColumn<QString>("object"); // whose Properties show nsg-subnet-b's rules
    QTest::newRow("Subnet-b's NSG") << "Spoke-Vnet-b/Subnet-b";
    QTest::newRow("proxy's subnet NSG, from the design view") << "";
}

void TestNsgGui::ruleEditorFits()
{
    QFETCH(QString, object);
    auto window = openSupported();
    DesignDocument *doc = window->document();
    window->scene()->selectIds(object.isEmpty() ? QList<model::ObjectId>() : idsOf({object}));
    PropertiesPanel *panel = window->propertiesPanel();
    QTRY_VERIFY(panel->securityRulesView());
    QCOMPARE(panel->securityRulesModel()->group(), QStringLiteral("nsg-subnet-b"));
    // Compact titles, each said in full by its tooltip.
    const QAbstractItemModel *model = panel->securityRulesView()->model();
    const int dports = SecurityRulesModel::DestinationPortsColumn;
    QCOMPARE(model->headerData(dports, Qt::Horizontal).toString(), QStringLiteral("Dest. ports"));
    QVERIFY(model->headerData(dports, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Destination ports")));
    QCOMPARE(model->headerData(SecurityRulesModel::PriorityColumn, Qt::Horizontal).toString(),
             QStringLiteral("Prio."));
    // In the narrow panel the name gives up width first: priorities are never cut.
    const QAbstractItemView *side = panel->securityRulesView();
    QTRY_VERIFY2(panel->securityRulesView()->columnWidth(SecurityRulesModel::PriorityColumn) >=
                     side->sizeHintForColumn(SecurityRulesModel::PriorityColumn),
                 qPrintable(QString::number(
                     panel->securityRulesView()->columnWidth(SecurityRulesModel::PriorityColumn))));

    // The larger view shows every column without scrolling sideways.
    auto *larger = panelChild<QPushButton>(window.get(), QStringLiteral("securityRulesLargerView"));
    QVERIFY(larger);
    QTest::mouseClick(larger, Qt::LeftButton);
    QDialog *dialog = window->findChild<QDialog *>(QStringLiteral("securityRulesWindow"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *view = dialog->findChild<QTableView *>(QStringLiteral("securityruleView"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 2 + 6);
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    for (int c = 0; c < SecurityRulesModel::ColumnCount; ++c) {
        const QAbstractItemView *asView = view;
        QVERIFY2(view->columnWidth(c) >= asView->sizeHintForColumn(c),
                 qPrintable(QString::number(c)));
    }
    // An edit there is one undo step, and the side panel shows it too.
    const int steps = doc->undoStack()->count();
    testsupport::editCell(view, 0, SecurityRulesModel::DestinationPortsColumn,
                          QStringLiteral("3128, 8080"));
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QCOMPARE(panel->securityRulesModel()
                 ->index(0, SecurityRulesModel::DestinationPortsColumn)
                 .data()
                 .toString(),
             QStringLiteral("3128, 8080"));
    doc->undoStack()->undo();
    QCOMPARE(view->model()->index(0, dports).data().toString(), QStringLiteral("3128"));
    dialog->close();
    doc->undoStack()->setClean();
}

// ---- the effective security rules of the selection

void TestNsgGui::effectiveSecurityRules_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QStringList>("groups"); // the top-level rows
    QTest::addColumn<QStringList>("inbound"); // of the first group
    QTest::addColumn<QStringList>("outbound");
    QTest::addColumn<QString>("tags");    // part of the service-tag line; "" = hidden
    QTest::addColumn<QString>("caption"); // part of the caption

    const QStringList subnetBInbound{
        "100|allow-p2s-proxy|172.16.16.0/24|*|10.2.0.4|3128|Tcp|Allow",
        "4096|deny-all-inbound|*|*|*|*|*|Deny",
        "65000|AllowVnetInBound|VirtualNetwork|*|VirtualNetwork|*|*|Allow",
        "65001|AllowAzureLoadBalancerInBound|AzureLoadBalancer|*|*|*|*|Allow",
        "65500|DenyAllInBound|*|*|*|*|*|Deny"};
    const QStringList defaultOutbound{
        "65000|AllowVnetOutBound|VirtualNetwork|*|VirtualNetwork|*|*|Allow",
        "65001|AllowInternetOutBound|*|*|Internet|*|*|Allow",
        "65500|DenyAllOutBound|*|*|*|*|*|Deny"};
    // N2.1 at Subnet-b: its VNet, the peered hub, rt-b's appliance route (forwarding), and
    // 168.63.129.16; rt-b's 0.0.0.0/0 to the Internet is not in it.
    const QString subnetBTag =
        "VirtualNetwork</b> = 10.2.0.0/16, 10.0.0.0/16, 172.16.16.0/24, 168.63.129.16/32;";

    QTest::newRow("Subnet-b: custom rules by priority, then the defaults")
        << "Spoke-Vnet-b/Subnet-b"
        << QStringList{"nsg-subnet-b, on subnet Spoke-Vnet-b/Subnet-b"} << subnetBInbound
        << defaultOutbound << subnetBTag << "Spoke-Vnet-b/Subnet-b";
    QTest::newRow("proxy VM: its subnet's NSG (the NIC has none)")
        << "proxy" << QStringList{"nsg-subnet-b, on subnet Spoke-Vnet-b/Subnet-b"}
        << subnetBInbound << defaultOutbound << subnetBTag << "proxy</b>'s NIC";
    QTest::newRow("GatewaySubnet without an NSG: nothing filtered")
        << "Spoke-Vnet-a/GatewaySubnet" << QStringList{} << QStringList{} << QStringList{} << ""
        << "No NSG is associated";
    QTest::newRow("firewall: not filtered by NSGs")
        << "fw-hub" << QStringList{} << QStringList{} << QStringList{} << ""
        << "Azure Firewalls, gateways and VPN clients are not filtered";
}

void TestNsgGui::effectiveSecurityRules()
{
    QFETCH(QString, object);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, inbound);
    QFETCH(QStringList, outbound);
    QFETCH(QString, tags);
    QFETCH(QString, caption);

    auto window = openSupported();
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("effectiveSecurityRulesDock"));
    QVERIFY(dock);
    dock->show();
    dock->raise();
    EffectiveSecurityRulesPanel *panel = window->effectiveSecurityRulesPanel();
    QTRY_VERIFY(panel->isVisible());
    window->scene()->selectIds(idsOf({object}));
    QTRY_VERIFY2(panel->caption()->text().contains(caption), qPrintable(panel->caption()->text()));
    QTreeWidget *tree = panel->tree();
    QCOMPARE(headings(tree, EffectiveSecurityRulesPanel::GroupRow), groups);
    if (!groups.isEmpty()) {
        QCOMPARE(headings(tree, EffectiveSecurityRulesPanel::DirectionRow),
                 (QStringList{"Inbound rules", "Outbound rules"}));
        QCOMPARE(rulesUnder(tree, 0), inbound);
        QCOMPARE(rulesUnder(tree, 1), outbound);
        // Default rules are marked as such; a tag cell carries its expansion.
        const QTreeWidgetItem *vnetRule = ruleNamed(tree, QStringLiteral("AllowVnetInBound"));
        QVERIFY(vnetRule);
        QCOMPARE(kindOf(vnetRule), int(EffectiveSecurityRulesPanel::DefaultRuleRow));
        QCOMPARE(kindOf(ruleNamed(tree, QStringLiteral("allow-p2s-proxy"))),
                 int(EffectiveSecurityRulesPanel::RuleRow));
        QVERIFY(vnetRule->data(EffectiveSecurityRulesPanel::SourceColumn,
                               EffectiveSecurityRulesPanel::ExpandedRole)
                    .toString()
                    .contains(QStringLiteral("172.16.16.0/24")));
    }
    QCOMPARE(!panel->serviceTags()->isHidden(), !tags.isEmpty());
    if (!tags.isEmpty())
        QVERIFY2(panel->serviceTags()->text().contains(tags),
                 qPrintable(panel->serviceTags()->text()));

    // Read-only, and it follows edits: a rule added to the NSG appears in its place.
    if (!groups.isEmpty()) {
        window->document()->edit(QStringLiteral("Add rule"), [](model::Design &d) {
            model::SecurityRule rule;
            rule.name = QStringLiteral("allow-ssh");
            rule.priority = 200;
            d.networkSecurityGroup(QStringLiteral("nsg-subnet-b"))->securityRules.push_back(rule);
        });
        QTRY_COMPARE(rulesUnder(tree, 0).value(1), QStringLiteral("200|allow-ssh|*|*|*|*|*|Allow"));
        window->document()->undoStack()->undo();
        window->document()->undoStack()->setClean();
    }
}

// For the documentation: HOPSCOPE_NSG_SCREENSHOTS=DIR saves nsg-rule-editor.png (Subnet-b's
// rules in the Properties panel, with the larger view open over the canvas) and
// nsg-effective-rules.png (the Effective Security Rules dock for Subnet-b).
void TestNsgGui::screenshots()
{
    const QString dir = qEnvironmentVariable("HOPSCOPE_NSG_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set HOPSCOPE_NSG_SCREENSHOTS=DIR to save the documentation's screenshots");
    auto window = openSupported();
    window->resize(1600, 1000);
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("effectiveSecurityRulesDock"));
    QVERIFY(dock);
    dock->show();
    dock->raise();
    window->resizeDocks({dock}, {400}, Qt::Vertical);
    QTest::qWait(100);
    window->view()->fitToDesign();
    window->scene()->selectIds(idsOf({QStringLiteral("Spoke-Vnet-b/Subnet-b")}));
    PropertiesPanel *panel = window->propertiesPanel();
    QTRY_VERIFY(panel->securityRulesView());
    QTRY_VERIFY(window->effectiveSecurityRulesPanel()->tree()->topLevelItemCount() > 1);
    QTest::qWait(300);
    QVERIFY(window->grab().save(QDir(dir).filePath(QStringLiteral("nsg-effective-rules.png"))));

    // The rule editor: the panel scrolled to it, and its larger view as it floats over the canvas.
    window->findChild<QDockWidget *>(QStringLiteral("findingsDock"))->raise();
    panel->ensureWidgetVisible(panel->findChild<QPushButton *>(
        QStringLiteral("securityRulesLargerView")));
    QDialog *dialog = panel->openSecurityRulesWindow(QStringLiteral("nsg-subnet-b"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::qWait(300);
    QImage shot = window->grab().toImage();
    const QImage floating = dialog->grab().toImage();
    {
        QPainter painter(&shot);
        // Offscreen windows have no frame: a title bar is drawn above the grabbed dialog.
        const QSize size = floating.size() / floating.devicePixelRatio();
        const int title = 26;
        const QPoint at(window->view()->mapTo(
            window.get(), QPoint(30, window->view()->height() - size.height() / 3)));
        const QRect frame(at - QPoint(0, title), QSize(size.width(), size.height() + title));
        painter.fillRect(frame.translated(5, 5), QColor(0, 0, 0, 50));
        painter.fillRect(QRect(frame.topLeft(), QSize(frame.width(), title)),
                         dialog->palette().color(QPalette::Mid));
        painter.setPen(dialog->palette().color(QPalette::WindowText));
        painter.drawText(QRect(frame.topLeft(), QSize(frame.width(), title)), Qt::AlignCenter,
                         dialog->windowTitle());
        painter.drawImage(QRect(at, size), floating);
        painter.setPen(QColor(110, 110, 110));
        painter.drawRect(frame.adjusted(0, 0, -1, -1));
    }
    QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("nsg-rule-editor.png"))));
    dialog->close();
}

QTEST_MAIN(TestNsgGui)
#include "tst_nsg_gui.moc"
