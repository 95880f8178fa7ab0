#include "path/PathWorkbench.h"

#include "findings/CheckRunner.h"
#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "findings/FindingsPanel.h"
#include "path/HopInspector.h"
#include "path/PathAnimator.h"
#include "path/PathOverlay.h"
#include "path/PathPanel.h"
#include "path/PathSession.h"
#include "path/PathTool.h"
#include "path/PoolMatrixPanel.h"
#include "edit/DesignEdits.h"
#include "layout/LayoutMetrics.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

namespace hopscope::gui {

PathWorkbench::PathWorkbench(DesignDocument *document, DesignScene *scene, DesignView *view,
                             QObject *parent)
    : QObject(parent), m_document(document), m_view(view), m_scene(scene),
      m_tool(new PathTool(view)),
      m_session(new PathSession(document, scene, this)),
      m_animator(new PathAnimator(m_session->overlay(), this)),
      m_panel(new PathPanel(m_session, m_animator)), m_matrix(new PoolMatrixPanel(document))
{
    m_panel->setObjectName(QStringLiteral("pathPanel"));
    m_matrix->setObjectName(QStringLiteral("poolMatrixPanel"));
    view->addTool(m_tool);

    connect(m_tool, &PathTool::sourcePicked, this, [this](const QString &from) {
        m_panel->showSourcePicked(from);
        raisePanel();
    });
    connect(m_tool, &PathTool::cancelled, m_panel, &PathPanel::showPickCancelled);
    connect(m_tool, &PathTool::pathRequested, this,
            [this](const QString &from, const QString &to) { traceGesture(from, to); });
    connect(scene, &QGraphicsScene::selectionChanged, this, &PathWorkbench::selectionChanged);
    view->viewport()->installEventFilter(this);
    connect(m_matrix, &PoolMatrixPanel::traceRequested, this, &PathWorkbench::showPath);
    // A new trace (or a re-trace after an edit) starts from the static drawing.
    connect(m_session, &PathSession::traceChanged, m_animator, &PathAnimator::stop);
    connect(m_panel->inspector(), &HopInspector::hopSelected, this, [this](int walk, int stop) {
        overlay()->setHighlightedHop(walk, stop);
    });
    connect(document, &DesignDocument::namesChanged, this, &PathWorkbench::refreshEndpointNames);
    connect(document, &DesignDocument::designReset, this, &PathWorkbench::refreshEndpointNames);
    connect(document, &DesignDocument::designReset, this, [this] {
        // Another design: its names mean nothing here.
        m_animator->stop();
        m_session->clear();
    });
    refreshEndpointNames();
}

PathWorkbench::~PathWorkbench()
{
    // Panels not yet in a dock have no parent; docked ones may be gone already.
    if (m_panel && !m_panel->parent())
        delete m_panel;
    if (m_matrix && !m_matrix->parent())
        delete m_matrix;
}

PathOverlay *PathWorkbench::overlay() const { return m_session->overlay(); }

void PathWorkbench::showPath(const routing::TraceRequest &request)
{
    m_animator->stop();
    m_session->show(request);
    raisePanel();
    revealPath();
    playOnce();
}

void PathWorkbench::traceGesture(const QString &from, const QString &to)
{
    const edit::ServedPort served = edit::servedPort(m_document->design(), from, to);
    m_panel->traceBetween(from, to, std::pair(served.port, served.protocol));
    raisePanel();
    revealPath();
    playOnce();
}

void PathWorkbench::playOnce()
{
    // The packet crosses once by itself, so that a new user sees what the drawing means; the
    // controls replay it (issue 16).
    if (m_session->result()) {
        m_animator->setRepeat(false);
        m_animator->play();
    }
}

void PathWorkbench::selectionChanged()
{
    const QList<model::ObjectId> selected = m_scene->selectedIds();
    const model::Design &design = m_document->design();
    // Keep the order of choice: drop what left the selection, append what joined it.
    m_selectionOrder.removeIf([&](const model::ObjectId &id) { return !selected.contains(id); });
    QList<model::ObjectId> joined;
    for (const model::ObjectId &id : selected)
        if (!m_selectionOrder.contains(id))
            joined << id;
    // Several at once (a rubber band): who starts a connection goes first: a VPN client or an
    // on-premises site, then a VM or subnet, a firewall, the Internet last.
    auto rank = [&](const model::ObjectId &id) {
        const QString &name = id.name();
        if (design.client(name) || design.site(name))
            return 0;
        if (name == model::internetName())
            return 3;
        return design.firewall(name) ? 2 : 1;
    };
    std::stable_sort(joined.begin(), joined.end(),
                     [&](const auto &a, const auto &b) { return rank(a) < rank(b); });
    m_selectionOrder << joined;
    m_selectionChosen |= !joined.isEmpty();
}

bool PathWorkbench::eventFilter(QObject *watched, QEvent *event)
{
    // A selection made on the canvas is complete when the button comes up (a rubber band
    // grows while it is dragged); a selection made elsewhere (a finding) traces nothing.
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease)
        QTimer::singleShot(0, this, &PathWorkbench::traceSelectedPair);
    return QObject::eventFilter(watched, event);
}

void PathWorkbench::traceSelectedPair()
{
    const model::Design &design = m_document->design();
    const bool chosen = std::exchange(m_selectionChosen, false);
    // Exactly two end points, newly chosen, and not while the path tool picks its own.
    if (!chosen || m_selectionOrder.size() != 2 || m_view->currentTool() == m_tool ||
        !std::ranges::all_of(m_selectionOrder, [&](const model::ObjectId &id) {
            return edit::isTraceEndpoint(design, id);
        }))
        return;
    const QString from = m_selectionOrder[0].toString(), to = m_selectionOrder[1].toString();
    if (const auto &request = m_session->request();
        request && request->from == from && request->to == to)
        return; // on show already
    traceGesture(from, to);
}

void PathWorkbench::revealPath()
{
    const PathOverlay *drawn = overlay();
    QRectF area;
    for (int walk = 0; walk < int(drawn->walks().size()); ++walk) {
        for (int stop = 0; stop < int(drawn->walks()[walk].stops.size()); ++stop)
            area |= QRectF(drawn->stopPoint(walk, stop), QSizeF(1, 1));
    }
    if (area.isNull())
        return;
    // The stops are centres: leave room for the items drawn around them.
    const double marginX = layout::Metrics::nodeWidth / 2 + 24;
    const double marginY = layout::Metrics::nodeHeight / 2 + 24;
    m_view->reveal(area.adjusted(-marginX, -marginY, marginX, marginY));
}

void PathWorkbench::raisePanel()
{
    if (auto *dock = qobject_cast<QDockWidget *>(m_panel->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

void PathWorkbench::refreshEndpointNames()
{
    const model::Design &d = m_document->design();
    QStringList names{model::internetName()};
    for (const model::Vm &vm : d.vms)
        names << vm.name;
    for (const model::Firewall &fw : d.firewalls)
        names << fw.name;
    for (const model::Client &c : d.clients)
        names << c.name;
    for (const model::Gateway &g : d.gateways) {
        for (const model::LocalNetwork &site : g.localNetworks)
            names << site.name;
    }
    for (const model::Vnet &v : d.vnets) {
        for (const model::Subnet &s : v.subnets)
            names << model::qualifiedSubnetName(v.name, s.name);
    }
    // Most edits (a route, a flag) name nothing new: sorting thousands of names and resetting
    // two completers after each would stall a large estate's window for nothing.
    if (names == m_endpointNames)
        return;
    m_endpointNames = names;
    names.sort(Qt::CaseInsensitive);
    m_panel->setEndpointNames(names);
}

void PathWorkbench::attachFindings(FindingsPanel *findings, CheckRunner *checker)
{
    // Both show the same check: the matrix its pool verdicts, the list its findings.
    findings->attachChecker(checker);
    m_matrix->attachChecker(checker);
    QTreeWidget *list = findings->list();
    // The list shows the check's report in order, one row per finding.
    auto traceOf = [list, checker](QTreeWidgetItem *item) -> std::optional<analysis::FindingTrace> {
        const int index = item ? list->indexOfTopLevelItem(item) : -1;
        const auto &all = checker->report().findings;
        if (index < 0 || index >= int(all.size()))
            return std::nullopt;
        return all[index].trace;
    };
    auto show = [this](const analysis::FindingTrace &t) {
        routing::TraceRequest request;
        request.from = t.from;
        request.to = t.to;
        request.port = t.port;
        request.protocol = t.protocol;
        showPath(request);
    };
    auto *action = new QAction(tr("Show Path"), list);
    action->setObjectName(QStringLiteral("actionShowFindingPath"));
    action->setEnabled(false);
    list->addAction(action);
    list->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(list, &QTreeWidget::currentItemChanged, action,
            [action, traceOf](QTreeWidgetItem *item) {
                const auto trace = traceOf(item);
                action->setEnabled(trace.has_value());
                action->setText(trace ? tr("Show Path %1 → %2").arg(trace->from, trace->to)
                                      : tr("Show Path"));
            });
    connect(action, &QAction::triggered, this, [list, traceOf, show] {
        if (const auto trace = traceOf(list->currentItem()))
            show(*trace);
    });
    connect(list, &QTreeWidget::itemDoubleClicked, this,
            [traceOf, show](QTreeWidgetItem *item) {
                if (const auto trace = traceOf(item))
                    show(*trace);
            });
}

} // namespace hopscope::gui
