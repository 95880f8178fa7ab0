// GUI benchmark: the desktop app's scale targets of issue 4 on the generated 1,000-VNet design,
// each figure printed against its target. Not a test: timings on a shared machine vary. Runs on
// the offscreen platform, so no display is needed and no window appears.

#include "BenchReport.h"
#include "DesignGenerator.h"
#include "findings/CheckRunner.h"
#include "findings/FindingsPanel.h"
#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "path/PathWorkbench.h"
#include "path/PoolMatrixPanel.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QEventLoop>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

using namespace hopscope;

namespace {

using bench::medianMs;
using bench::report;
QTextStream &out = bench::out();

void note(const QString &what, double ms)
{
    out << QStringLiteral("  %1 %2 ms\n").arg(what.leftJustified(56)).arg(ms, 9, 'f', 1);
    out.flush();
}

double elapsedMs(QElapsedTimer &t)
{
    const double ms = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return ms;
}

// Paints what the viewport shows into `image`, through the view's own paint path
// (drawBackground, the items, drawForeground), as a repaint of the window would.
void paintViewport(gui::DesignView *view, QImage &image)
{
    image.fill(Qt::transparent);
    QPainter painter(&image);
    view->render(&painter, QRectF(image.rect()), view->viewport()->rect());
}

// A mouse event on the view's viewport, delivered as the window system would deliver it.
void sendMouse(QWidget *viewport, QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(at), QPointF(viewport->mapToGlobal(at)),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

// Runs the events a mouse move leaves behind: the scene's dirty items, then the viewport's
// repaint and flush that they post in turn.
void repaintNow()
{
    QApplication::processEvents();
    QApplication::processEvents();
}

struct DragFigures
{
    double medianMoveMs = 0;
    double slowestMoveMs = 0;
    double pressMs = 0;
    double totalMs = 0;
    double releaseMs = 0;
    int undoSteps = 0;
    bool moved = false;
};

// Drags `vnet` by its header with real mouse events on the window's own view (the select/move
// tool), `moves` moves of (4, 2) px, each followed by Qt's repaint.
DragFigures dragVnet(gui::MainWindow &window, const QString &vnet, int moves)
{
    gui::DesignView *view = window.view();
    gui::DesignScene *scene = window.scene();
    QWidget *viewport = view->viewport();
    const QRectF box = scene->sceneRectOf(vnet);
    view->centerOn(box.center() + QPointF(box.width(), 0)); // room to the right for the drag
    repaintNow();
    const QPoint start = view->mapFromScene(QPointF(box.center().x(), box.top() + 16));
    const QPointF before = scene->sceneRectOf(vnet).topLeft();
    const int steps = window.document()->undoStack()->count();

    DragFigures figures;
    QElapsedTimer total;
    total.start();
    sendMouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton);
    repaintNow();
    figures.pressMs = double(total.nsecsElapsed()) / 1e6;
    std::vector<double> times;
    QPoint at = start;
    for (int i = 1; i <= moves; ++i) {
        at += QPoint(4, 2);
        QElapsedTimer t;
        t.start();
        sendMouse(viewport, QEvent::MouseMove, at, Qt::LeftButton);
        repaintNow();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    QElapsedTimer release;
    release.start();
    sendMouse(viewport, QEvent::MouseButtonRelease, at, Qt::NoButton);
    repaintNow();
    figures.releaseMs = double(release.nsecsElapsed()) / 1e6;
    figures.totalMs = double(total.nsecsElapsed()) / 1e6;
    std::sort(times.begin(), times.end());
    figures.medianMoveMs = times[times.size() / 2];
    figures.slowestMoveMs = times.back();
    figures.undoSteps = window.document()->undoStack()->count() - steps;
    figures.moved = scene->sceneRectOf(vnet).topLeft() == before + QPointF(4 * moves, 2 * moves);
    return figures;
}

// The machine's load average, as /proc/loadavg has it.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

// Lets the window's running check (and any that an edit queued) end, for at most a minute;
// how long that took, in milliseconds.
qint64 waitForChecks(gui::MainWindow &window)
{
    QElapsedTimer waited;
    waited.start();
    while (window.checkRunner()->isRunning() && waited.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    QApplication::processEvents();
    return waited.elapsed();
}

// --capture DIR (issue 15): the window during a re-check of the whole estate, a frame about every
// half second, each after a zoom step, with what was measured written on it: that the window
// answers while the check runs. The edit is one that the incremental check cannot cover (a
// setting), so that the re-check is a full one, the longest there is.
int captureRecheck(const QString &path, const QString &directory)
{
    gui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    if (!window.openFile(path))
        return 2;
    waitForChecks(window);
    window.view()->fitToDesign();
    QApplication::processEvents();

    QDir().mkpath(directory);
    QElapsedTimer since;
    bool checked = false;
    QObject::connect(window.checkRunner(), &gui::CheckRunner::finished, &window,
                     [&] { checked = true; });
    since.start();
    window.document()->edit(QStringLiteral("Allow P2S Internet breakout"), [](model::Design &d) {
        d.settings.p2sInternetBreakout = model::P2sInternetBreakout::Allow;
    });
    const double editMs = double(since.nsecsElapsed()) / 1e6;
    int frame = 0;
    auto grab = [&](const QString &what) {
        QImage shot = window.grab().toImage().convertToFormat(QImage::Format_ARGB32);
        QImage framed(shot.width(), shot.height() + 36, QImage::Format_ARGB32);
        framed.fill(QColor(32, 36, 44));
        QPainter p(&framed);
        p.drawImage(0, 36, shot);
        QFont font = p.font();
        font.setPixelSize(17);
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(QRect(12, 0, framed.width() - 24, 36), Qt::AlignVCenter, what);
        p.end();
        framed.save(QStringLiteral("%1/recheck-%2.png").arg(directory).arg(frame++, 2, 10,
                                                                          QLatin1Char('0')));
        out << "  frame " << frame - 1 << ": " << what << '\n';
    };
    out << "capture: the edit call took " << editMs << " ms\n";
    const qint64 end = 60000;
    while (since.elapsed() < end) {
        const qreal before = window.view()->zoom();
        QElapsedTimer zoomed;
        zoomed.start();
        window.view()->zoomBy(1.15);
        QApplication::processEvents(); // the repaint with the new zoom
        const double zoomMs = double(zoomed.nsecsElapsed()) / 1e6;
        grab(QStringLiteral("%1 s after the edit · zoom %2% → %3%, on screen %4 ms later · %5")
                 .arg(double(since.elapsed()) / 1000.0, 0, 'f', 2)
                 .arg(qRound(before * 100))
                 .arg(qRound(window.view()->zoom() * 100))
                 .arg(zoomMs, 0, 'f', 0)
                 .arg(checked ? QStringLiteral("check done: the new findings are shown")
                              : QStringLiteral("re-check running")));
        if (checked)
            break;
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < 450)
            QApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return checked ? 0 : 1;
}

struct RefreshFigures
{
    double toFindingsMs = 0; // the edit until the Findings panel holds the new report
    double toPoolsMs = 0;    // the edit until the VPN Pools matrix holds the new verdicts
    double editMs = 0;       // the edit call itself (the document, the scene, the panels)
    double longestStallMs = 0;
    bool findingsChanged = false;
};

// `change` (an edit through the document and its undo stack, or an undo), then the events until
// the live check's report for it is in the Findings panel and the VPN Pools matrix shows the
// new verdicts, and the window has repainted for them. A 1 ms timer on the main thread records
// the longest gap between its ticks: how long the window could not react.
RefreshFigures timeFindingsRefresh(gui::MainWindow &window, const std::function<void()> &change)
{
    constexpr int settleMs = 100;
    const QStringList codesBefore = window.findingsPanel()->codes();
    const std::size_t findingsBefore = window.checkRunner()->report().findings.size();
    RefreshFigures figures;
    QEventLoop loop;
    QElapsedTimer since;
    qint64 lastTick = 0;
    qint64 longest = 0;
    bool findingsShown = false;
    bool poolsShown = false;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = since.nsecsElapsed();
        longest = std::max(longest, now - lastTick);
        lastTick = now;
    });
    // Connected after the main window's own connection, so this runs once the panel and the
    // canvas markers hold the new report.
    // The report's delivery repaints the window (the lists, the canvas markers) in later passes
    // of the event loop: the stall figure includes them, and the next change starts from a
    // window at rest, as a user's would.
    const auto settle = [&] { QTimer::singleShot(settleMs, &loop, &QEventLoop::quit); };
    const QMetaObject::Connection shown =
        QObject::connect(window.checkRunner(), &gui::CheckRunner::finished, &loop, [&] {
            const qint64 now = since.nsecsElapsed();
            longest = std::max(longest, now - lastTick);
            figures.toFindingsMs = double(now) / 1e6;
            findingsShown = true;
            if (poolsShown)
                settle();
        });
    const QMetaObject::Connection pools = QObject::connect(
        window.paths()->poolMatrix(), &gui::PoolMatrixPanel::updated, &loop, [&] {
            const qint64 now = since.nsecsElapsed();
            longest = std::max(longest, now - lastTick);
            figures.toPoolsMs = double(now) / 1e6;
            poolsShown = true;
            if (findingsShown)
                settle();
        });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    ticker.start();
    since.start();
    change();
    figures.editMs = double(since.nsecsElapsed()) / 1e6;
    loop.exec();
    ticker.stop();
    QObject::disconnect(shown);
    QObject::disconnect(pools);
    figures.longestStallMs = double(longest) / 1e6;
    figures.findingsChanged = window.findingsPanel()->codes() != codesBefore ||
                              window.checkRunner()->report().findings.size() != findingsBefore;
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    gui::tuneAllocatorForLiveChecking(); // as runDesktopApp does
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    out << "Hopscope GUI benchmark (medians; " << (quick ? "quick" : "full")
        << " run; offscreen platform)\n\n";

    bench::GeneratorOptions large;
    large.hubs = 25;
    large.vnets = 1000;
    large.workloadSubnets = 3000;
    const model::Design generated = bench::generateDesign(large);
    QTemporaryDir dir;
    // --write-design FILE: save the generated design there and stop, to look at it in the app.
    const int writeAt = int(app.arguments().indexOf(QStringLiteral("--write-design")));
    const QString path = writeAt > 0 && writeAt + 1 < app.arguments().size()
                             ? app.arguments().at(writeAt + 1)
                             : dir.filePath(QStringLiteral("large.hopscope.yaml"));
    QString error;
    if (!io::saveDesignFile(generated, path, &error)) {
        out << "cannot save the generated design: " << error << '\n';
        return 2;
    }
    const int captureAt = int(app.arguments().indexOf(QStringLiteral("--capture")));
    if (captureAt > 0 && captureAt + 1 < app.arguments().size())
        return captureRecheck(path, app.arguments().at(captureAt + 1));
    if (writeAt > 0) {
        out << "written to " << path << '\n';
        return 0;
    }
    out << "design: " << generated.vnets.size() << " VNets, " << generated.vms.size() << " VMs, "
        << generated.peerings.size() << " peering links, "
        << (generated.layout.empty() ? "no saved layout (opens with the automatic one)"
                                     : "saved layout")
        << ", " << QFile(path).size() / 1024 << " KiB\n";

    // (1) Opening, the way the app does: MainWindow::openFile (read + parse + validate, the
    // document reset, the scene rebuilt with the automatic layout, the view fitted), then the
    // events until the first frame is painted. The first check only starts in the background
    // (on a worker thread) and is not included.
    gui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();

    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();
    const io::LoadResult loaded = io::readDesignFile(path); // the same read openFile does
    const double readMs = elapsedMs(step);
    if (!loaded.design) {
        out << "the generated design does not load\n";
        return 2;
    }
    window.document()->resetDesign(*loaded.design, path);
    const double resetMs = elapsedMs(step);
    window.view()->fitToDesign();
    const double fitMs = elapsedMs(step);
    QApplication::processEvents();
    const double firstPaintMs = elapsedMs(step);
    const double breakdownMs = double(total.nsecsElapsed()) / 1e6;

    // The same, as one call of the app's own entry point, on a fresh window; then until its
    // first check's findings are in the panel (issue 15: open → findings shown).
    double openMs = 0;
    double openToFindingsMs = 0;
    {
        // The first window's check runs on the same thread pool: let it end first.
        waitForChecks(window);
        gui::MainWindow second;
        second.resize(1600, 1000);
        second.show();
        QApplication::processEvents();
        bool shown = false;
        QObject::connect(second.checkRunner(), &gui::CheckRunner::finished, &second,
                         [&] { shown = true; });
        QElapsedTimer t;
        t.start();
        if (!second.openFile(path)) {
            out << "MainWindow::openFile failed\n";
            return 2;
        }
        QApplication::processEvents(); // first frame
        openMs = double(t.nsecsElapsed()) / 1e6;
        while (!shown && t.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        openToFindingsMs = double(t.nsecsElapsed()) / 1e6;
    }
    out << "Open (MainWindow::openFile + first frame; the first check runs in the background "
           "and is excluded):\n";
    note(QStringLiteral("read + parse + validate"), readMs);
    note(QStringLiteral("document reset → scene rebuilt with automatic layout"), resetMs);
    note(QStringLiteral("fit the view"), fitMs);
    note(QStringLiteral("events until the first frame"), firstPaintMs);
    note(QStringLiteral("sum of the steps"), breakdownMs);
    out << "  scene items: " << window.scene()->items().size() << '\n';
    report("open the 1,000-VNet design (openFile + first frame)", openMs / 1000.0, "s", 3.0);
    report("open → findings shown (openFile, then the first check)",
           openToFindingsMs / 1000.0, "s", 2.0);

    // Let the first check finish, so that its markers are on the canvas as a user sees it.
    out << "first check finished after another " << waitForChecks(window) << " ms ("
        << window.checkRunner()->report().findings.size() << " findings)\n\n";

    // (2) Painting the whole design at the zoom that fits it, in a 1600×1000 canvas.
    gui::DesignScene *scene = window.scene();
    gui::DesignView view(scene);
    view.resize(1600, 1000);
    view.show();
    QApplication::processEvents();
    view.fitToDesign();
    QApplication::processEvents();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    out << "canvas " << view.viewport()->width() << "×" << view.viewport()->height() << " at zoom "
        << QString::number(view.zoom(), 'f', 4) << '\n';
    // Two ways to paint it: the window's own repaint (QGraphicsView::paintEvent into the
    // backing store, what a user waits for), and QGraphicsView::render() into an image, which
    // also saves and restores the painter around every item (what an export or a thumbnail
    // costs). Both have to meet the target.
    view.viewport()->repaint(); // warm-up (caches, fonts)
    paintViewport(&view, image);
    report("paint the whole design at fit zoom: window repaint (median of 11)",
           medianMs(11, [&] { view.viewport()->repaint(); }), "ms", 50);
    report("paint the whole design at fit zoom: render() to an image (median of 11)",
           medianMs(11, [&] { paintViewport(&view, image); }), "ms", 50);
    // --profile-fit-paint [--window]: render() (or repaint the window) at the fit zoom for ten
    // seconds and stop, for a profiler.
    if (app.arguments().contains(QStringLiteral("--profile-fit-paint"))) {
        QElapsedTimer t;
        t.start();
        timespec cpu0{}, cpu1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
        int frames = 0;
        const bool windowRepaint = app.arguments().contains(QStringLiteral("--window"));
        for (; t.elapsed() < 10000; ++frames) {
            if (windowRepaint)
                view.viewport()->repaint();
            else
                paintViewport(&view, image);
        }
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
        const double cpuMs = (cpu1.tv_sec - cpu0.tv_sec) * 1e3 + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e6;
        out << frames << " frames in " << t.elapsed() << " ms; " << cpuMs / frames
            << " ms of CPU a frame\n";
        return 0;
    }

    // (3) A pan step: scroll by 100 px, then let Qt do what it does on screen: QGraphicsView
    // scrolls the pixels it has and the repaint manager paints the exposed strip into the
    // window's backing store. That is the figure the target is about; painting the whole
    // viewport after each step is printed as an upper bound.
    QScrollBar *h = view.horizontalScrollBar();
    int direction = 1;
    auto panStep = [&] {
        if (h->value() + 100 * direction > h->maximum() ||
            h->value() + 100 * direction < h->minimum())
            direction = -direction;
        h->setValue(h->value() + 100 * direction);
    };
    auto panAndRepaint = [&] {
        panStep();
        QApplication::processEvents(); // the scroll, the paint event and the flush
    };
    const int runs = quick ? 21 : 61;
    // At the fit zoom the whole design is in view and there is nothing to pan; a user pans
    // when zoomed in: at 30 %, the least zoom with every label and icon drawn (the most work per
    // frame), and at 100 %.
    auto zoomTo = [&](qreal zoom) {
        view.resetZoom();
        view.zoomBy(zoom);
        view.centerOn(scene->designBounds().center());
        QApplication::processEvents();
    };
    zoomTo(0.3);
    report("pan step at 30 % zoom: scroll 100 px, Qt's repaint", medianMs(runs, panAndRepaint),
           "ms", 16);
    note(QStringLiteral("upper bound: scroll 100 px, repaint the whole viewport"),
         medianMs(runs, [&] {
             panStep();
             paintViewport(&view, image);
         }));

    // The same at 100 % zoom, where a user reads and edits.
    zoomTo(1);
    report("pan step at 100 % zoom: scroll 100 px, Qt's repaint", medianMs(runs, panAndRepaint),
           "ms", 16);
    note(QStringLiteral("paint the whole viewport at 100 % zoom"),
         medianMs(11, [&] { paintViewport(&view, image); }));
    view.setScene(nullptr); // from here on only the window's own view shows the scene

    // (4) Dragging one VNet at 100 % zoom with the select/move tool: press on its header, mouse
    // moves, release. Each move re-places the VNet and its lines and repaints; the release
    // writes the layout in one undo step. A spoke (one peering line) and a hub (its spokes' and
    // the other hubs' lines).
    window.view()->resetZoom();
    const int moves = quick ? 30 : 100;
    out << "\nDrag one VNet (" << moves
        << " mouse moves of (4, 2) px at 100 % zoom, each with Qt's repaint):\n";
    for (const QString &vnet : {QStringLiteral("hub0-spoke1"), QStringLiteral("hub0")}) {
        const DragFigures drag = dragVnet(window, vnet, moves);
        const QString what = vnet == QStringLiteral("hub0") ? QStringLiteral("a hub (") + vnet + u')'
                                                            : QStringLiteral("a spoke (") + vnet + u')';
        report(qPrintable(QStringLiteral("drag %1: one mouse move + repaint").arg(what)),
               drag.medianMoveMs, "ms", 16);
        note(QStringLiteral("drag %1: press, %2 moves, release").arg(what).arg(moves),
             drag.totalMs);
        note(QStringLiteral("drag %1: the slowest move").arg(what), drag.slowestMoveMs);
        note(QStringLiteral("drag %1: the press (selects it)").arg(what), drag.pressMs);
        note(QStringLiteral("drag %1: the release (one undo step)").arg(what), drag.releaseMs);
        out << "  undo steps pushed by the drag: " << drag.undoSteps
            << (drag.moved ? "" : "; THE VNET DID NOT FOLLOW THE MOUSE") << '\n';
    }
    // Let the check the drags started finish before timing the next one.
    waitForChecks(window);

    // (5) A change that refreshes the findings, as the route-table editor makes it: a spoke
    // table's default route sent to an address nobody owns (new findings), then undone (they
    // go). Timed from the edit to the moment the Findings panel holds the new report; the check
    // starts on a worker during the edit.
    gui::DesignDocument *document = window.document();
    const QString table = QStringLiteral("rt-hub0-spokes");
    auto breakDefaultRoute = [&] {
        document->edit(QStringLiteral("Edit route"), [&](model::Design &d) {
            for (model::RouteTable &t : d.routeTables) {
                if (t.name == table && !t.routes.empty() && t.routes.front().nextHopIpAddress)
                    t.routes.front().nextHopIpAddress =
                        model::Ipv4Address(t.routes.front().nextHopIpAddress->value() + 200);
            }
        });
    };
    auto undo = [&] { document->undoStack()->undo(); };
    const int rounds = quick ? 2 : 5;
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    // Times `rounds` of the change and its undo, and reports them under `title`.
    auto timeRefreshes = [&](const QString &title, const std::function<void()> &change) {
        std::vector<double> toFindings, toPools, edits, stalls;
        bool allChanged = true;
        for (int i = 0; i < rounds; ++i) {
            for (const std::function<void()> &changeOrUndo : {change, std::function<void()>(undo)}) {
                const RefreshFigures f = timeFindingsRefresh(window, changeOrUndo);
                toFindings.push_back(f.toFindingsMs);
                toPools.push_back(f.toPoolsMs);
                edits.push_back(f.editMs);
                stalls.push_back(f.longestStallMs);
                allChanged &= f.findingsChanged;
            }
        }
        out << "\n" << title << " (" << toFindings.size()
            << " changes, each then undone; load "
            << loadAverage() << "):\n";
        report("edit → Findings panel shows the new report (median)", median(toFindings), "ms",
               50);
        note(QStringLiteral("edit → VPN Pools matrix shows the new verdicts (median)"),
             median(toPools));
        note(QStringLiteral("edit → Findings panel (slowest)"),
             *std::max_element(toFindings.begin(), toFindings.end()));
        note(QStringLiteral("the edit call itself (document, scene, panels; median)"),
             median(edits));
        report("longest main-thread stall, edit → findings and pools shown and painted (median)",
               median(stalls), "ms", 16);
        note(QStringLiteral("longest main-thread stall in that interval (worst)"),
             *std::max_element(stalls.begin(), stalls.end()));
        out << "  findings: " << window.checkRunner()->report().findings.size()
            << (allChanged ? "; every change changed them" : "; SOME CHANGE DID NOT CHANGE THEM")
            << '\n';
    };
    timeRefreshes(QStringLiteral("A shared spoke table's next hop edited (every spoke of hub0 "
                                 "breaks)"),
                  breakDefaultRoute);

    // (6) The edit of issue 15's figure: a route in one spoke's own table (real spokes have
    // their own), here one that blackholes another spoke's range, so findings come and go.
    const QString ownTable = QStringLiteral("rt-hub0-spoke1");
    document->edit(QStringLiteral("Own route table"), [&](model::Design &d) {
        model::RouteTable own = *d.routeTable(table);
        own.name = ownTable;
        d.routeTables.push_back(std::move(own));
        for (model::Vnet &v : d.vnets)
            if (v.name == u"hub0-spoke1")
                for (model::Subnet &sub : v.subnets)
                    sub.routeTable = ownTable;
    });
    waitForChecks(window);
    const model::Vnet *target = document->design().vnet(QStringLiteral("hub1-spoke1"));
    const net::Prefix blackholed = target ? target->addressSpace.front() : net::Prefix();
    timeRefreshes(QStringLiteral("A route added to one spoke's own table (hub0-spoke1 "
                                 "blackholes hub1-spoke1)"),
                  [&] {
                      document->edit(QStringLiteral("Add route"), [&](model::Design &d) {
                          d.routeTable(ownTable)->routes.push_back(
                              {QStringLiteral("bench-blackhole"), blackholed,
                               model::NextHopType::None, {}, {}});
                      });
                  });
    return 0;
}
