// The app in Japanese (issue 17): under the ja translation, every string a user sees in the
// main window, its docks and its dialogs is translated. The test walks the widget tree of each
// area with the seed example open and fails on a visible string that is still English source
// text. Names from the design, Azure's own tokens (VirtualAppliance, Tcp, service tags) and
// product names stay as they are and are allowed. Findings and walk explanations from core/ are
// translated (findingMessagesAreJapanese, pathExplanationsAreJapanese), but a sweep's finding
// still quotes the sweep's explanation in English, so the Findings list's cells are not read
// here (its headers and labels are).

#include "Language.h"
#include "MainWindow.h"
#include "SelectionIds.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "document/DesignDocument.h"
#include "export/DiagramExporter.h"
#include "export/ExportDialog.h"
#include "findings/CheckRunner.h"
#include "findings/FindingsPanel.h"
#include "import/AzureImportDialog.h"
#include "path/HopInspector.h"
#include "path/PathOverlay.h"
#include "path/PathPanel.h"
#include "path/PathSession.h"
#include "path/PathWorkbench.h"
#include "properties/PropertiesPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QTreeWidget>

#include <memory>

using namespace hopscope;
using namespace hopscope::gui;

namespace {

// Words that are the same in the Japanese Azure portal: product and protocol names, Azure's
// tokens (next hop types, service tags, route sources and states), key names, file types.
const QStringList keptWords =
    QStringLiteral("Hopscope Azure Firewall Firewalls VPN NSG VNet NVA VM P2S IP SKU NIC UDR "
                   "Squid JSON json SVG PNG HTTP OK Ctrl Shift Alt Del Esc Tab Enter Tcp Udp Icmp "
                   "Esp Ah Any Inbound Outbound Allow Deny VirtualNetwork Internet "
                   "AzureLoadBalancer VirtualAppliance VirtualNetworkGateway VnetLocal "
                   "VNetPeering None Default User Active Invalid Resource Graph az CLI bash MiB "
                   "GatewaySubnet AzureFirewallSubnet AzureFirewallManagementSubnet allowAll any "
                   "virtualApplianceOnly never VpnGw1 japaneast English access log conf yaml "
                   "hopscope nsg md UTC")
        .split(u' ');

// The names a design gives its objects, and the design's own name: shown as written.
QStringList namesIn(const QString &yaml)
{
    QStringList names;
    static const QRegularExpression name(QStringLiteral(R"(name:\s*([^,}\n]+))"));
    for (auto match = name.globalMatch(yaml); match.hasNext();)
        names << match.next().captured(1).trimmed();
    return names;
}

bool hasJapanese(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x3040 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff) ||
               (u >= 0xff00 && u <= 0xffef);
    });
}

struct Shown
{
    QString where;
    QString text;
};

class Collector
{
public:
    QList<Shown> shown;

    void add(const QString &where, QString text)
    {
        if (text.contains(u'<'))
            text = QTextDocumentFragment::fromHtml(text).toPlainText();
        text.remove(u'&');
        if (!text.trimmed().isEmpty())
            shown.push_back({where, text});
    }

    void action(const QAction *a, const QString &where)
    {
        if (a->isSeparator())
            return;
        const QString name = where + u" › " + a->text();
        add(name, a->text());
        if (a->toolTip() != QString(a->text()).remove(u'&'))
            add(name + u" (tool tip)", a->toolTip());
        add(name + u" (status tip)", a->statusTip());
        if (a->menu())
            menu(a->menu(), name);
    }

    void menu(const QMenu *m, const QString &where)
    {
        add(where, m->title());
        for (const QAction *a : m->actions())
            action(a, where);
    }

    // Every string a widget and its children show: titles, labels, buttons, placeholders,
    // tool tips, tabs, column headers and actions. `cellsOf` names the item views whose cells
    // are the app's own text (not names or core's messages).
    void widgetTree(QWidget *root, const QStringList &cellsOf = {})
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : widgets) {
            const QString where = QString::fromLatin1(w->metaObject()->className()) + u' ' +
                                  w->objectName();
            if (w->isWindow() || qobject_cast<QDockWidget *>(w))
                add(where + u" (title)", w->windowTitle());
            add(where + u" (tool tip)", w->toolTip());
            if (auto *label = qobject_cast<QLabel *>(w))
                add(where, label->text());
            if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(where, button->text());
            if (auto *group = qobject_cast<QGroupBox *>(w))
                add(where, group->title());
            if (auto *edit = qobject_cast<QLineEdit *>(w))
                add(where + u" (placeholder)", edit->placeholderText());
            if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(where + u" (tab)", tabs->tabText(i));
            }
            if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
                const QAbstractItemModel *model = view->model();
                for (int c = 0; c < model->columnCount(); ++c)
                    add(where + u" (header)", model->headerData(c, Qt::Horizontal).toString());
                if (cellsOf.contains(w->objectName())) {
                    for (int r = 0; r < model->rowCount(); ++r) {
                        for (int c = 0; c < model->columnCount(); ++c)
                            add(where + u" (cell)", model->index(r, c).data().toString());
                    }
                }
            }
            if (auto *m = qobject_cast<QMenu *>(w))
                menu(m, where);
            for (const QAction *a : w->actions())
                action(a, where);
        }
    }
};

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyVisibleStringIsJapanese_data();
    void everyVisibleStringIsJapanese();
    void englishPluralsComeFromTheEnglishFile();
    void findingCountsAreOneSentence_data();
    void findingCountsAreOneSentence();
    void pathLegendLinesAreOneSentence_data();
    void pathLegendLinesAreOneSentence();
    void findingMessagesAreJapanese_data();
    void findingMessagesAreJapanese();
    void pathExplanationsAreJapanese_data();
    void pathExplanationsAreJapanese();
    void pathSummaryAndCalloutTitlesAreOneSentence_data();
    void pathSummaryAndCalloutTitlesAreOneSentence();
    void shortcutsNameCommandsWithoutMnemonics_data();
    void shortcutsNameCommandsWithoutMnemonics();
    void exportedSvgNamesJapaneseFaces_data();
    void exportedSvgNamesJapaneseFaces();
    void screenshots();

private:
    // What a row opens, and the widgets it reads.
    QList<QWidget *> prepare(const QString &area, QStringList *cellsOf);
    // The strings of `shown` that are still English.
    QStringList untranslated(const QList<Shown> &shown) const;
    // Opens the example resource named `example` unless it is the one open, and waits for its
    // check; false if it cannot be opened or checked.
    bool openExampleOnce(const QString &example);

    std::unique_ptr<MainWindow> m_window;
    QStringList m_names;
    QString m_example; // the one open
    QList<QWidget *> m_opened; // dialogs a row opened, closed by the next
};

void TestI18n::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HopscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_i18n"));
    // Before the window exists: widgets translate their strings when they are made.
    QCOMPARE(installTranslators(QStringLiteral("ja")), QStringLiteral("hopscope_ja"));

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QString seed = MainWindow::exampleResources().front();
    QStringList errors;
    QVERIFY2(m_window->openExample(seed, &errors), qPrintable(errors.join(u'\n')));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->checkRunner()->isRunning() &&
                                 m_window->findingsPanel()->list()->topLevelItemCount() > 0,
                             5000);
    for (const QString &example : MainWindow::exampleResources()) {
        QFile file(example);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_names << namesIn(QString::fromUtf8(file.readAll())) << QFileInfo(example).fileName();
    }
    std::sort(m_names.begin(), m_names.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_example = seed;
}

void TestI18n::cleanupTestCase()
{
    qDeleteAll(m_opened);
    m_window.reset();
}

void TestI18n::everyVisibleStringIsJapanese_data()
{
    QTest::addColumn<QString>("area");
    QTest::addColumn<QString>("example"); // its file name: the seed, or the seed with NSGs
    const char *areas[] = {
        "menus, tool bars and their actions",
        "dock titles",
        "status bar",
        "palette",
        "Properties: nothing selected (design, route tables, NSGs)",
        "Properties: hub VNet HUB-Vnet-A",
        "Properties: subnet Spoke-Vnet-b/Subnet-b with its route table",
        "Properties: subnet Spoke-Vnet-b/Subnet-b with its route table and NSG",
        "Properties: Azure Firewall fw-hub",
        "Properties: VPN gateway vpngw-a",
        "Properties: proxy VM proxy",
        "Properties: P2S client remote-pc",
        "Properties: peering HUB-Vnet-A ↔ Spoke-Vnet-b",
        "Properties: two VNets selected",
        "Findings",
        "Path: remote-pc → proxy traced",
        "VPN Pools",
        "Effective Routes of Spoke-Vnet-b/Subnet-b",
        "Effective Security Rules of Spoke-Vnet-b/Subnet-b",
        "Traffic, no log imported",
        "Import Report, nothing imported",
        "context menu of fw-hub",
        "dialog: Export as SVG",
        "dialog: Export as PNG",
        "dialog: Import from Azure",
        "dialog: Keyboard Shortcuts",
        "dialog: security rules, larger view",
    };
    for (const char *area : areas) {
        const bool nsg = QByteArray(area).toLower().contains("security") ||
                         QByteArray(area).contains("NSG");
        QTest::newRow(area) << QString::fromUtf8(area)
                            << (nsg ? QStringLiteral("seed-supported.hopscope.yaml")
                                    : QStringLiteral("seed-as-written.hopscope.yaml"));
    }
}

QList<QWidget *> TestI18n::prepare(const QString &area, QStringList *cellsOf)
{
    MainWindow *w = m_window.get();
    auto dock = [w](const char *name) {
        auto *d = w->findChild<QDockWidget *>(QString::fromLatin1(name));
        d->show();
        d->raise();
        return d;
    };
    auto select = [w](const QStringList &ids) {
        w->scene()->selectIds(idsOf(ids));
        QCoreApplication::processEvents();
    };
    if (area.startsWith(u"menus")) {
        QList<QWidget *> roots{w->menuBar()};
        for (QAction *a : w->menuBar()->actions())
            roots << a->menu();
        for (QToolBar *bar : w->findChildren<QToolBar *>())
            roots << bar; // their actions
        return roots;
    }
    if (area == u"dock titles") {
        QList<QWidget *> titles;
        for (QDockWidget *d : w->findChildren<QDockWidget *>())
            titles << d;
        // Only the titles: the contents have rows of their own.
        return titles;
    }
    if (area == u"status bar")
        return {w->statusBar()};
    if (area == u"palette")
        return {dock("paletteDock")};
    if (area.startsWith(u"Properties")) {
        if (area.contains(u"nothing"))
            select({});
        else if (area.contains(u"hub VNet"))
            select({QStringLiteral("HUB-Vnet-A")});
        else if (area.contains(u"subnet"))
            select({QStringLiteral("Spoke-Vnet-b/Subnet-b")});
        else if (area.contains(u"Firewall"))
            select({QStringLiteral("fw-hub")});
        else if (area.contains(u"gateway"))
            select({QStringLiteral("vpngw-a")});
        else if (area.contains(u"proxy VM"))
            select({QStringLiteral("proxy")});
        else if (area.contains(u"client"))
            select({QStringLiteral("remote-pc")});
        else if (area.contains(u"peering"))
            select({QStringLiteral("peering:HUB-Vnet-A|Spoke-Vnet-b")});
        else if (area.contains(u"two VNets"))
            select({QStringLiteral("HUB-Vnet-A"), QStringLiteral("Spoke-Vnet-b")});
        return {dock("propertiesDock")};
    }
    if (area == u"Findings")
        return {dock("findingsDock")};
    if (area.startsWith(u"Path")) {
        w->paths()->panel()->traceBetween(QStringLiteral("remote-pc"), QStringLiteral("proxy"));
        QCoreApplication::processEvents();
        return {dock("pathDock")};
    }
    if (area == u"VPN Pools")
        return {dock("poolMatrixDock")};
    if (area.startsWith(u"Effective Routes")) {
        select({QStringLiteral("Spoke-Vnet-b/Subnet-b")});
        return {dock("effectiveRoutesDock")};
    }
    if (area.startsWith(u"Effective Security Rules")) {
        select({QStringLiteral("Spoke-Vnet-b/Subnet-b")});
        return {dock("effectiveSecurityRulesDock")};
    }
    if (area.startsWith(u"Traffic"))
        return {dock("trafficDock")};
    if (area.startsWith(u"Import Report"))
        return {dock("importReportDock")};
    if (area.startsWith(u"context menu")) {
        QMenu *menu = w->contextMenuFor(model::ObjectId::parse(QStringLiteral("fw-hub")), {});
        m_opened << menu;
        return {menu};
    }
    if (area.startsWith(u"dialog: Export")) {
        auto *dialog = new ExportDialog(area.endsWith(u"SVG") ? ExportOptions::Format::Svg
                                                              : ExportOptions::Format::Png,
                                        true, true, w);
        m_opened << dialog;
        return {dialog};
    }
    if (area == u"dialog: Import from Azure") {
        QDialog *dialog = w->showAzureImport();
        return {dialog};
    }
    if (area == u"dialog: Keyboard Shortcuts") {
        w->showShortcuts();
        *cellsOf << QStringLiteral("shortcutsTable");
        return {w->findChild<QDialog *>(QStringLiteral("shortcutsDialog"))};
    }
    if (area.contains(u"larger view")) {
        QDialog *dialog =
            w->propertiesPanel()->openSecurityRulesWindow(QStringLiteral("nsg-subnet-b"));
        m_opened << dialog;
        return {dialog};
    }
    return {};
}

QStringList TestI18n::untranslated(const QList<Shown> &shown) const
{
    static const QRegularExpression word(QStringLiteral(R"([A-Za-z][A-Za-z']+)"));
    QStringList english;
    for (const Shown &s : shown) {
        if (hasJapanese(s.text))
            continue;
        QString rest = s.text;
        for (const QString &name : m_names)
            rest.replace(name, QStringLiteral(" "));
        bool foreign = false;
        for (auto match = word.globalMatch(rest); match.hasNext() && !foreign;)
            foreign = !keptWords.contains(match.next().captured());
        if (foreign)
            english << s.where + u": \"" + s.text + u'"';
    }
    english.removeDuplicates();
    return english;
}

bool TestI18n::openExampleOnce(const QString &example)
{
    if (m_example.endsWith(u'/' + example))
        return true;
    m_example = MainWindow::exampleResources().filter(u'/' + example).value(0);
    return m_window->openExample(m_example) &&
           QTest::qWaitFor([&] { return !m_window->checkRunner()->isRunning(); }, 5000);
}

void TestI18n::everyVisibleStringIsJapanese()
{
    QFETCH(QString, area);
    QFETCH(QString, example);
    qDeleteAll(m_opened);
    m_opened.clear();
    QVERIFY(openExampleOnce(example));
    QStringList cellsOf;
    const QList<QWidget *> roots = prepare(area, &cellsOf);
    QVERIFY2(!roots.isEmpty() && !roots.contains(nullptr), "the area did not open");
    Collector collector;
    for (QWidget *root : roots) {
        if (area == u"dock titles")
            collector.add(root->objectName(), root->windowTitle());
        else
            collector.widgetTree(root, cellsOf);
    }
    QVERIFY2(!collector.shown.isEmpty(), "no text found: the walk reads nothing");
    const QStringList english = untranslated(collector.shown);
    QVERIFY2(english.isEmpty(),
             qPrintable(QStringLiteral("Still English:\n  ") + english.join(u"\n  ")));
}

// English reads "1 subnet" / "3 subnets": the plural forms come from hopscope_en.ts.
void TestI18n::englishPluralsComeFromTheEnglishFile()
{
    QCOMPARE(installTranslators(QStringLiteral("en")), QStringLiteral("hopscope_en"));
    const auto subnets = [](int n) {
        return QCoreApplication::translate("hopscope::gui::ImportReportPanel", "%n subnet(s)",
                                           nullptr, n);
    };
    QCOMPARE(subnets(1), QStringLiteral("1 subnet"));
    QCOMPARE(subnets(3), QStringLiteral("3 subnets"));
    QCOMPARE(installTranslators(QStringLiteral("ja")), QStringLiteral("hopscope_ja"));
    QCOMPARE(subnets(3), QStringLiteral("サブネット 3 個"));
}

// The counts of a check are one sentence to translate, which joins them as Japanese does.
void TestI18n::findingCountsAreOneSentence_data()
{
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<int>("notes");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("statusBar");
    QTest::newRow("6 errors, 2 warnings, 3 notes: joined by 、")
        << 6 << 2 << 3 << "エラー 6 件、警告 2 件、情報 3 件" << "エラー 6 件 · 警告 2 件";
    QTest::newRow("1 error, 0 warnings, 1 note: one plural form")
        << 1 << 0 << 1 << "エラー 1 件、警告 0 件、情報 1 件" << "エラー 1 件 · 警告 0 件";
}

void TestI18n::findingCountsAreOneSentence()
{
    QFETCH(int, errors);
    QFETCH(int, warnings);
    QFETCH(int, notes);
    QFETCH(QString, panel);
    QFETCH(QString, statusBar);
    analysis::CheckReport report;
    report.errors = errors;
    report.warnings = warnings;
    report.infos = notes;
    QCOMPARE(FindingsPanel::countsText(report), panel);
    QCOMPARE(FindingsPanel::countsText(report, FindingsPanel::Counts::StatusBar), statusBar);
}

// A legend line is one sentence: the leg, the direction and the verdict in Japanese order.
void TestI18n::pathLegendLinesAreOneSentence_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("lines"); // one per walk, in order
    QTest::newRow("remote-pc → Internet through the proxy: 区間 1 の要求 … 区間 2 の応答")
        << "seed-supported.hopscope.yaml" << "remote-pc" << "Internet"
        << QStringList{"区間 1 の要求: 配信済み  (5 ホップ)", "区間 1 の応答: 配信済み  (5 ホップ)",
                       "区間 2 の要求: インターネットへ出る  (2 ホップ)",
                       "区間 2 の応答: 配信済み  (2 ホップ)"};
}

void TestI18n::pathLegendLinesAreOneSentence()
{
    QFETCH(QString, example);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, lines);
    QVERIFY(openExampleOnce(example));
    PathWorkbench *paths = m_window->paths();
    paths->panel()->traceBetween(from, to);
    QTRY_VERIFY(paths->session()->result());
    const PathOverlay *overlay = paths->overlay();
    QStringList shown;
    for (const PathOverlay::WalkPath &walk : overlay->walks())
        shown << overlay->legendLine(walk);
    QCOMPARE(shown, lines);
}

// Findings come from core/ as English templates with arguments (text::Message); the Findings
// panel shows them translated, nested phrases (a walk's explanation in an intent) included.
void TestI18n::findingMessagesAreJapanese_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("code"); // the first finding of this code
    QTest::addColumn<QString>("message");
    const QString seed = QStringLiteral("seed-as-written.hopscope.yaml");
    QTest::newRow("seed: next-hop-unowned, with its suggestion")
        << seed << "next-hop-unowned"
        << "rt-hub-fw のルート 'vpn-pool-via-spoke-b-fw' は 172.16.16.0/24 を 10.2.1.4 に送りますが、"
           "このアドレスを持つ VM、NVA、ファイアウォールはありません。このルートを通るパケットはすべて"
           "破棄されます (ブラックホール、L11)。10.1.1.4 (fw-a) の間違いではありませんか?";
    QTest::newRow("seed: firewall-subnet-default-route, naming the firewall")
        << seed << "firewall-subnet-default-route"
        << "HUB-Vnet-A/AzureFirewallSubnet の rt-hub-fw には 0.0.0.0/0 → Internet のルートがなく、"
           "fw-hub には管理 NIC もありません。ARM はこの関連付けを拒否します "
           "(AzureFirewallSubnetRouteTableMustHaveDefaultRouteToInternet、R7.2、L9)。"
           "0.0.0.0/0 → Internet を追加するか、管理 NIC 付き (強制トンネリング モード) で"
           "ファイアウォールを作成してください。";
    QTest::newRow("seed: intent-violated, the failing leg's explanation nested")
        << seed << "intent-violated"
        << "インテント remote-pc → proxy Tcp ポート 3128 (期待値 ok) が満たされていません: "
           "proxy から 172.16.16.2 への応答: fw-hub で破棄: rt-hub-fw のルート "
           "'vpn-pool-via-spoke-b-fw' は 172.16.16.0/24 を 10.2.1.4 に送りますが、"
           "このアドレスを持つデバイスはありません";
    QTest::newRow("seed: gateway-subnet-default-route")
        << seed << "gateway-subnet-default-route"
        << "rt-a-gw のルート 'default-to-a-fw' は Spoke-Vnet-a/GatewaySubnet から 0.0.0.0/0 を"
           "送ります。GatewaySubnet の既定ルートはサポートされておらず、関連付けている間はゲートウェイを"
           "作成できません (R7.1、L10)。代わりに、特定のプレフィックス (各スポーク) をファイアウォールに"
           "送ってください。";
    QTest::newRow("seed: open-proxy, the squid.conf rule as written")
        << seed << "open-proxy"
        << "proxy はどこからのクライアントも受け付けます (squid.conf:51 'http_access allow all')。"
           "到達できる人なら誰でも、このネットワークとして Web を閲覧できてしまいます。http_access を"
           "クライアントの範囲 (P2S プールなど) に制限し、最後に 'http_access deny all' を置いてください。";
    QTest::newRow("seed: p2s-profile-refresh (info)")
        << seed << "p2s-profile-refresh"
        << "vpngw-a は P2S クライアントにカスタム ルートをプッシュします。Windows クライアントにその"
           "ルート (とピアリングの変更) が反映されるのは、VPN プロファイルを再ダウンロードした後だけです "
           "(R9.4、L18)。";
    QTest::newRow("seed: vpn-pool-unreachable, the sweep's explanation nested")
        << seed << "vpn-pool-unreachable"
        << "Spoke-Vnet-b/Subnet-b から vpngw-a の P2S クライアント (remote-pc) に到達できません: "
           "Spoke-Vnet-b/Subnet-b から 172.16.16.2 への要求: fw-hub で破棄: rt-hub-fw のルート "
           "'vpn-pool-via-spoke-b-fw' は 172.16.16.0/24 を 10.2.1.4 に送りますが、"
           "このアドレスを持つデバイスはありません";
    QTest::newRow("seed with NSGs: nsg-rule-shadowed, rules described in Japanese")
        << "seed-nsg-blocks-pool.hopscope.yaml" << "nsg-rule-shadowed"
        << "nsg-subnet-b の規則 allow-p2s-proxy (Inbound 200) で判定されることはありません。"
           "nsg-subnet-b の規則 deny-p2s (Inbound 100) が先に評価され、この規則が一致するすべての"
           "パケットに逆のアクセス (Deny) で一致します。意図していると思われる Allow は発生しません。"
           "この規則に deny-p2s より小さい優先度の数値を指定するか、deny-p2s の範囲を狭めてください。";
}

void TestI18n::findingMessagesAreJapanese()
{
    QFETCH(QString, example);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QVERIFY(openExampleOnce(example));
    QTreeWidget *list = m_window->findingsPanel()->list();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->checkRunner()->isRunning() &&
                                 list->topLevelItemCount() > 0,
                             5000);
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < list->topLevelItemCount() && !item; ++i)
        if (list->topLevelItem(i)->text(1) == code)
            item = list->topLevelItem(i);
    QVERIFY2(item, qPrintable(u"no finding " + code));
    QCOMPARE(item->text(0), message);
    QCOMPARE(item->toolTip(0), message);
}

// A walk's explanation comes from core/ too: the Path panel's verdict line and the callout of
// the failing walk show it translated.
void TestI18n::pathExplanationsAreJapanese_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("leg");  // the failing leg's explanation, in the Path panel
    QTest::addColumn<QString>("walk"); // the failing walk's, in its callout
    const QString unowned = QStringLiteral(
        "fw-hub で破棄: rt-hub-fw のルート 'vpn-pool-via-spoke-b-fw' は 172.16.16.0/24 を "
        "10.2.1.4 に送りますが、このアドレスを持つデバイスはありません");
    QTest::newRow("seed: the reply is blackholed at fw-hub")
        << "seed-as-written.hopscope.yaml" << "remote-pc" << "proxy"
        << QStringLiteral("proxy から 172.16.16.2 への応答: ") + unowned << unowned;
    const QString denied = QStringLiteral(
        "proxy で破棄: Spoke-Vnet-b/Subnet-b (受信) で nsg-subnet-b の規則 deny-p2s (優先度 100) "
        "により拒否: 172.16.16.2:50000 → 10.2.0.4:443 Tcp");
    QTest::newRow("seed with NSGs: the request is denied by the proxy subnet's NSG")
        << "seed-nsg-blocks-pool.hopscope.yaml" << "remote-pc" << "proxy"
        << QStringLiteral("remote-pc から 10.2.0.4 への要求: ") + denied << denied;
}

void TestI18n::pathExplanationsAreJapanese()
{
    QFETCH(QString, example);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, leg);
    QFETCH(QString, walk);
    QVERIFY(openExampleOnce(example));
    PathWorkbench *paths = m_window->paths();
    paths->panel()->traceBetween(from, to);
    QTRY_VERIFY(paths->session()->result());
    const QString verdict =
        QTextDocumentFragment::fromHtml(paths->panel()->verdictLabel()->text()).toPlainText();
    QVERIFY2(verdict.contains(leg), qPrintable(verdict));
    QStringList failures;
    for (int w = 0; w < int(paths->overlay()->walks().size()); ++w)
        if (!paths->overlay()->failureText(w).isEmpty())
            failures << paths->overlay()->failureText(w);
    QCOMPARE(failures, QStringList{walk});
}

// The Path panel's summary and a failing walk's callout title are whole sentences, in Japanese
// order ("区間 1 の要求: …", "応答が破棄されました: …").
void TestI18n::pathSummaryAndCalloutTitlesAreOneSentence_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("summary"); // the Path panel's first line, spaces as spaces
    QTest::addColumn<QStringList>("titles"); // of the callouts, one per failing walk
    QTest::newRow("seed: the reply is dropped")
        << "seed-as-written.hopscope.yaml" << "remote-pc" << "proxy"
        << "要求: 配信済み  ·  応答: 破棄: blackhole  —  接続失敗: return-dropped"
        << QStringList{"応答が破棄されました: blackhole"};
    QTest::newRow("seed with NSGs: the request is denied by an NSG")
        << "seed-nsg-blocks-pool.hopscope.yaml" << "remote-pc" << "proxy"
        << "要求: 破棄: nsg-denied  —  接続失敗: forward-dropped"
        << QStringList{"要求が nsg-subnet-b により拒否されました"};
    QTest::newRow("supported seed, two legs through the proxy: 区間 1 の要求 …")
        << "seed-supported.hopscope.yaml" << "remote-pc" << "Internet"
        << "区間 1 の要求: 配信済み  ·  区間 1 の応答: 配信済み  ·  区間 2 の要求: インターネットへ出る  "
           "·  区間 2 の応答: 配信済み  —  接続 OK"
        << QStringList{};
}

void TestI18n::pathSummaryAndCalloutTitlesAreOneSentence()
{
    QFETCH(QString, example);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, summary);
    QFETCH(QStringList, titles);
    QVERIFY(openExampleOnce(example));
    PathWorkbench *paths = m_window->paths();
    paths->panel()->traceBetween(from, to);
    QTRY_VERIFY(paths->session()->result());
    const QString shown = QTextDocumentFragment::fromHtml(paths->panel()->verdictLabel()->text())
                              .toPlainText()
                              .replace(QChar(0xa0), u' ');
    QCOMPARE(shown.section(u'\n', 0, 0), summary);
    QStringList failing;
    for (int w = 0; w < int(paths->overlay()->walks().size()); ++w)
        if (!paths->overlay()->failureTitle(w).isEmpty())
            failing << paths->overlay()->failureTitle(w);
    QCOMPARE(failing, titles);
}

// Japanese menus write the mnemonic after the command, "拡大(&I)"; the Keyboard Shortcuts
// dialog names commands as words, without it (and without "…").
void TestI18n::shortcutsNameCommandsWithoutMnemonics_data()
{
    QTest::addColumn<QString>("action"); // its object name
    QTest::addColumn<QString>("listed");
    QTest::newRow("Zoom In, 拡大(&I) in the menu: 拡大") << "actionZoomIn" << "拡大";
    QTest::newRow("Zoom Out, 縮小(&O) in the menu: 縮小") << "actionZoomOut" << "縮小";
    QTest::newRow("Open…, 開く(&O)… in the menu: 開く") << "actionOpen" << "開く";
}

void TestI18n::shortcutsNameCommandsWithoutMnemonics()
{
    QFETCH(QString, action);
    QFETCH(QString, listed);
    const QAction *a = m_window->findChild<QAction *>(action);
    QVERIFY(a);
    QVERIFY2(a->text().contains(u"(&"), qPrintable(a->text())); // the menu has the mnemonic
    m_window->showShortcuts();
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog);
    const auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
    QVERIFY(table);
    const QString keys = a->shortcut().toString(QKeySequence::NativeText);
    QStringList commands; // the commands listed with the action's keys
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 1)->text().split(u' ').contains(keys))
            commands << table->item(r, 0)->text();
    }
    delete dialog;
    QCOMPARE(commands, QStringList{listed});
}

// An exported SVG is read where Hopscope's fonts may not be: its font-family lists faces with
// Japanese glyphs after the face the picture was drawn with, so that librsvg and browsers draw
// Japanese labels and legends, not boxes.
void TestI18n::exportedSvgNamesJapaneseFaces_data()
{
    QTest::addColumn<QString>("family"); // as QSvgGenerator writes it
    QTest::addColumn<QString>("generic");
    QTest::addColumn<QStringList>("japanese"); // in this order, after the face drawn with
    QTest::newRow("labels: Debian's, macOS's and Windows's Japanese faces before sans-serif")
        << "Sans Serif" << "sans-serif"
        << QStringList{"Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic",
                       "Hiragino Sans", "Yu Gothic", "Meiryo"};
    QTest::newRow("addresses: Japanese faces before monospace")
        << "Monospace" << "monospace"
        << QStringList{"Noto Sans Mono CJK JP", "IPAGothic", "Hiragino Sans", "MS Gothic"};
}

void TestI18n::exportedSvgNamesJapaneseFaces()
{
    QFETCH(QString, family);
    QFETCH(QString, generic);
    QFETCH(QStringList, japanese);
    const QString css = svg::cssFontFamily(family);
    QStringList faces = css.split(QStringLiteral(", "));
    QCOMPARE(faces.takeLast(), generic);
    for (QString &face : faces) {
        QVERIFY2(face.startsWith(u'\'') && face.endsWith(u'\''), qPrintable(css));
        face = face.mid(1, face.size() - 2);
    }
    // First the face Qt drew with, as fontconfig resolved it.
    QCOMPARE(faces.front(), QFontInfo(QFont(family)).family());
    qsizetype previous = 0;
    for (const QString &face : japanese) {
        const qsizetype at = faces.indexOf(face);
        QVERIFY2(at >= previous, qPrintable(face + u" missing or out of order: " + css));
        previous = at;
    }
    QCOMPARE(faces.removeDuplicates(), 0);
}

void TestI18n::screenshots()
{
    // For the documentation: HOPSCOPE_I18N_SCREENSHOTS=DIR saves there, under ja,
    // ja-path.png (the window with remote-pc → proxy traced, its legend and callout) and
    // ja-export.svg (the seed with that path, as File → Export as SVG writes it).
    const QString dir = qEnvironmentVariable("HOPSCOPE_I18N_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set HOPSCOPE_I18N_SCREENSHOTS=DIR to save the documentation's screenshots");
    qDeleteAll(m_opened);
    m_opened.clear();
    MainWindow *w = m_window.get();
    m_example = MainWindow::exampleResources().front();
    QVERIFY(w->openExample(m_example));
    QTRY_VERIFY_WITH_TIMEOUT(!w->checkRunner()->isRunning(), 5000);
    w->resize(1600, 1000);
    QTest::qWait(50);
    PathWorkbench *paths = w->paths();
    // The proxy's port, as the English seed-path.png has it.
    QSpinBox *port = paths->panel()->portBox();
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("3128"));
    QTest::keyClick(port, Qt::Key_Return);
    paths->panel()->traceBetween(QStringLiteral("remote-pc"), QStringLiteral("proxy"));
    QTRY_VERIFY(paths->session()->result());
    QCOMPARE(port->value(), 3128);
    w->view()->setFocus(); // no caret and selection in the port field
    w->findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->hide();
    auto *pathDock = w->findChild<QDockWidget *>(QStringLiteral("pathDock"));
    pathDock->show();
    pathDock->raise();
    w->resizeDocks({pathDock}, {345}, Qt::Vertical);
    QRectF shown = paths->overlay()->sceneBoundingRect();
    for (const model::Vnet &v : w->document()->design().vnets)
        shown |= w->scene()->sceneRectOf(v.name);
    w->view()->fitInView(shown.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    Q_EMIT w->view()->zoomChanged(w->view()->zoom());
    paths->panel()->inspector()->selectHop(1, 1);
    paths->overlay()->setAnimationProgress(-1); // the static drawing: ✕ and callout
    QTest::qWait(100);
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("ja-path.png"))));

    QString error;
    QVERIFY2(exportDiagram(w->scene(), QDir(dir).filePath(QStringLiteral("ja-export.svg")),
                           ExportOptions{}, &error),
             qPrintable(error));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
