#include "path/PoolMatrixPanel.h"

#include "document/DesignDocument.h"
#include "canvas/SceneStyle.h"
#include "format/ValueGrammar.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hopscope::gui {

namespace {
using routing::ConnectionReason;

enum class Kind { Ok, Dropped, Loop, Asymmetric, NotTunneled };

Kind kindOf(const analysis::ConnectionSummary &s)
{
    if (s.ok)
        return Kind::Ok;
    switch (s.reason) {
    case ConnectionReason::NotTunneled: return Kind::NotTunneled;
    case ConnectionReason::ForwardLoop:
    case ConnectionReason::ReturnLoop: return Kind::Loop;
    case ConnectionReason::Asymmetric: return Kind::Asymmetric;
    default: return Kind::Dropped;
    }
}

QColor colourOf(Kind kind, const SceneStyle &style)
{
    const bool dark = style.isDark();
    switch (kind) {
    case Kind::Ok: return dark ? QColor::fromHsl(150, 170, 135) : QColor::fromHsl(152, 190, 78);
    case Kind::Dropped: return style.error;
    case Kind::Loop: return style.warning;
    case Kind::Asymmetric: return dark ? QColor::fromHsl(285, 150, 170) : QColor::fromHsl(285, 120, 110);
    case Kind::NotTunneled: return style.mutedText;
    }
    return style.text;
}

std::vector<PoolMatrixPanel::Row> sweepPools(const model::Design &design)
{
    const model::Network network(design);
    const routing::EffectiveRoutes routes(network);
    const routing::Tracer tracer(routes);
    const analysis::SweepResults results = analysis::runSweeps(tracer);
    const auto &devices = network.devices();
    std::vector<PoolMatrixPanel::Row> rows;
    rows.reserve(results.pools.size());
    for (const analysis::PoolSweepRow &p : results.pools) {
        PoolMatrixPanel::Row row;
        const model::Device &gw = devices[p.gateway];
        row.gateway = gw.name;
        if (gw.gatewayObject)
            row.pool = format::formatPrefixes(gw.gatewayObject->vpnClientAddressPool);
        row.poolEndpoint = p.poolEndpoint;
        row.subnet = network.subnets()[p.subnet].qualifiedName;
        row.toSubnet = p.toSubnet;
        row.fromSubnet = p.fromSubnet;
        // Names, not indices, leave the worker: the network dies with it.
        if (p.toSubnet.failedAt >= 0)
            row.toSubnetWhere = devices[p.toSubnet.failedAt].name;
        if (p.fromSubnet.failedAt >= 0)
            row.fromSubnetWhere = devices[p.fromSubnet.failedAt].name;
        rows.push_back(std::move(row));
    }
    return rows;
}
} // namespace

QString PoolMatrixPanel::verdictText(const analysis::ConnectionSummary &s)
{
    switch (kindOf(s)) {
    case Kind::Ok: return tr("ok");
    case Kind::NotTunneled: return tr("not tunneled");
    case Kind::Loop:
        return s.reason == ConnectionReason::ReturnLoop ? tr("loop (reply)") : tr("loop");
    case Kind::Asymmetric: return tr("asymmetric");
    case Kind::Dropped:
        if (s.reason == ConnectionReason::ReturnDropped)
            return tr("reply dropped: %1").arg(routing::toString(s.replyReason));
        if (s.reason == ConnectionReason::ForwardDropped)
            return tr("dropped: %1").arg(routing::toString(s.forwardReason));
        return tr("failed: %1").arg(routing::toString(s.reason));
    }
    return {};
}

PoolMatrixPanel::PoolMatrixPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_summary = new QLabel(tr("No P2S pools yet."), this);
    m_summary->setObjectName(QStringLiteral("poolMatrixSummary"));
    m_summary->setContentsMargins(8, 4, 8, 4);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("poolMatrix"));
    m_table->setHorizontalHeaderLabels(
        {tr("P2S pool"), tr("Workload subnet"), tr("Pool → subnet"), tr("Subnet → pool")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);

    auto request = [this](int row, int column) {
        if (row < 0 || row >= int(m_rows.size()) ||
            (column != ToSubnetColumn && column != FromSubnetColumn))
            return;
        const Row &r = m_rows[row];
        routing::TraceRequest t; // the sweep's own request: TCP 443
        t.from = column == ToSubnetColumn ? r.poolEndpoint : r.subnet;
        t.to = column == ToSubnetColumn ? r.subnet : r.poolEndpoint;
        Q_EMIT traceRequested(t);
    };
    connect(m_table, &QTableWidget::cellClicked, this, request);
    connect(m_table, &QTableWidget::cellActivated, this, request);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, &PoolMatrixPanel::launch);
    auto changed = [this] {
        ++m_generation;
        m_debounce.start();
    };
    connect(document, &DesignDocument::designChanged, this, changed);
    connect(document, &DesignDocument::designReset, this, changed);
    connect(&m_watcher, &QFutureWatcher<std::vector<Row>>::finished, this, [this] {
        const quint64 generation = m_runningGeneration;
        std::vector<Row> rows = m_watcher.result();
        if (m_pending) {
            m_pending = false;
            launch();
        }
        if (generation != m_generation)
            return; // stale: the design changed while this ran
        m_rows = std::move(rows);
        fill();
        Q_EMIT updated();
    });
}

PoolMatrixPanel::~PoolMatrixPanel() { m_watcher.waitForFinished(); }

void PoolMatrixPanel::refreshNow()
{
    m_debounce.stop();
    launch();
}

void PoolMatrixPanel::launch()
{
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_runningGeneration = m_generation;
    m_watcher.setFuture(
        QtConcurrent::run([design = m_document->design()] { return sweepPools(design); }));
}

void PoolMatrixPanel::fill()
{
    const SceneStyle style(palette());
    m_table->setRowCount(0);
    int failing = 0;
    QString previousPool;
    for (const Row &r : m_rows) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString pool = QStringLiteral("%1  %2").arg(r.gateway, r.pool);
        auto *poolItem = new QTableWidgetItem(pool == previousPool ? QString() : pool);
        poolItem->setToolTip(tr("%1 stands for a client of this pool").arg(r.poolEndpoint));
        previousPool = pool;
        m_table->setItem(row, PoolColumn, poolItem);
        m_table->setItem(row, SubnetColumn, new QTableWidgetItem(r.subnet));
        auto verdict = [&](int column, const analysis::ConnectionSummary &s, const QString &where) {
            const Kind kind = kindOf(s);
            const QColor colour = colourOf(kind, style);
            QString text = (kind == Kind::Ok ? QStringLiteral("✓ ") : QStringLiteral("✕ ")) +
                           verdictText(s);
            if (!where.isEmpty() && kind != Kind::Ok)
                text += tr(" at %1").arg(where);
            auto *item = new QTableWidgetItem(text);
            item->setForeground(kind == Kind::NotTunneled ? style.text : colour);
            item->setBackground(SceneStyle::mix(style.nodeFill, colour, style.isDark() ? 0.22 : 0.12));
            item->setToolTip(s.explanation.isEmpty() ? tr("Click to draw this path.")
                                                     : s.explanation + tr("\nClick to draw this path."));
            item->setData(Qt::UserRole, int(kind));
            m_table->setItem(row, column, item);
            if (kind != Kind::Ok)
                ++failing;
        };
        verdict(ToSubnetColumn, r.toSubnet, r.toSubnetWhere);
        verdict(FromSubnetColumn, r.fromSubnet, r.fromSubnetWhere);
    }
    m_table->resizeColumnsToContents();
    if (m_rows.empty())
        m_summary->setText(tr("No P2S pools in this design."));
    else
        m_summary->setText(tr("%n pool–subnet pair(s), ", nullptr, int(m_rows.size())) +
                           tr("%n failing direction(s). Click a verdict to draw its path.",
                              nullptr, failing));
}

} // namespace hopscope::gui
