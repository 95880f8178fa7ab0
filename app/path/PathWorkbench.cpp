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
#include "layout/LayoutMetrics.h"

#include <QAction>
#include <QDockWidget>
#include <QTreeWidget>

namespace hopscope::gui {

PathWorkbench::PathWorkbench(DesignDocument *document, DesignScene *scene, DesignView *view,
                             QObject *parent)
    : QObject(parent), m_document(document), m_view(view), m_tool(new PathTool(view)),
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
            [this](const QString &from, const QString &to) {
                m_panel->traceBetween(from, to);
                raisePanel();
                revealPath();
            });
    connect(m_matrix, &PoolMatrixPanel::traceRequested, this, &PathWorkbench::showPath);
    // A new trace (or a re-trace after an edit) starts from the static drawing.
    connect(m_session, &PathSession::traceChanged, m_animator, &PathAnimator::stop);
    connect(m_panel->inspector(), &HopInspector::hopSelected, this, [this](int walk, int stop) {
        overlay()->setHighlightedHop(walk, stop);
    });
    connect(document, &DesignDocument::designChanged, this, &PathWorkbench::refreshEndpointNames);
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
    // Panels not yet in a dock have no parent.
    if (!m_panel->parent())
        delete m_panel;
    if (!m_matrix->parent())
        delete m_matrix;
}

PathOverlay *PathWorkbench::overlay() const { return m_session->overlay(); }

void PathWorkbench::showPath(const routing::TraceRequest &request)
{
    m_animator->stop();
    m_session->show(request);
    raisePanel();
    revealPath();
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
    names.sort(Qt::CaseInsensitive);
    m_panel->setEndpointNames(names);
}

void PathWorkbench::attachFindings(FindingsPanel *findings, CheckRunner *checker)
{
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
