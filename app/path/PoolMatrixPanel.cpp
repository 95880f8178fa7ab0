#include "path/PoolMatrixPanel.h"

#include "canvas/SceneStyle.h"
#include "document/DesignDocument.h"
#include "findings/OutdatedDelegate.h"
#include "findings/RecheckingNote.h"
#include "Language.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

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

QString keyOf(const PoolRows &rows, size_t i)
{
    return rows.gateway(i) + u'\n' + rows.subnet(i);
}

QString poolText(const PoolVerdictRow &r) { return QStringLiteral("%1  %2").arg(r.gateway, r.pool); }
} // namespace

PoolMatrixModel::PoolMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void PoolMatrixModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_rows->empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PoolMatrixModel::release(std::shared_ptr<const PoolRows> rows)
{
    if (rows && rows.use_count() == 1 && rows->size() > 1000)
        QThreadPool::globalInstance()->start([rows]() mutable { rows.reset(); });
}

PoolVerdictRow PoolMatrixModel::rowAt(int i) const
{
    if (!m_isMerging)
        return (*m_rows)[size_t(i)];
    const auto &[rows, at] = m_merging[size_t(i)];
    return (*rows)[at];
}

void PoolMatrixModel::clear()
{
    if (m_rows->empty())
        return;
    beginRemoveRows({}, 0, rowCount() - 1);
    auto old = std::exchange(m_rows, std::make_shared<const PoolRows>());
    endRemoveRows();
    release(std::move(old));
}

void PoolMatrixModel::setRows(std::shared_ptr<const PoolRows> shared, const PoolRowsChange *known)
{
    const PoolRows &rows = *shared;
    // The checking thread compared them already, the usual case after an edit; else they are
    // compared here.
    const PoolRowsChange change = known ? *known : PoolRowsChange::between(*m_rows, rows);
    const auto announce = [this](const PoolRowsChange &c) {
        if (c.first >= 0)
            Q_EMIT dataChanged(index(c.first, 0), index(c.last, ColumnCount - 1));
    };
    if (change.sameKeys) {
        auto old = std::exchange(m_rows, std::move(shared));
        release(std::move(old));
        announce(change);
        return;
    }
    // Rows come and go (a pool, a subnet added or deleted): the rows shown change one step at a
    // time, each announced; meanwhile the views see m_merging, which holds rows of both.
    std::shared_ptr<const PoolRows> old = m_rows;
    std::vector<std::pair<const PoolRows *, std::uint32_t>> &shown = m_merging;
    shown.reserve(std::max(old->size(), rows.size()));
    for (size_t i = 0; i < old->size(); ++i)
        shown.emplace_back(old.get(), std::uint32_t(i));
    // A pool cell is blank under a row of the same pool: meanwhile each shows its pool, so that
    // no row changes when a neighbour comes or goes.
    const auto announcePools = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, PoolColumn), index(rowCount() - 1, PoolColumn));
    };
    m_isMerging = true;
    announcePools();
    const auto shownKey = [&](size_t i) { return keyOf(*shown[i].first, shown[i].second); };
    // Rows whose (gateway, subnet) is gone leave first, in runs.
    QSet<QString> wanted;
    wanted.reserve(qsizetype(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i)
        wanted.insert(keyOf(rows, i));
    for (int end = int(shown.size()); end > 0;) {
        if (wanted.contains(shownKey(size_t(end) - 1))) {
            --end;
            continue;
        }
        int begin = end - 1;
        while (begin > 0 && !wanted.contains(shownKey(size_t(begin) - 1)))
            --begin;
        beginRemoveRows({}, begin, end - 1);
        shown.erase(shown.begin() + begin, shown.begin() + end);
        endRemoveRows();
        end = begin;
    }
    // Then, in the new order: a row in place stays, a new row is inserted, and a kept row
    // met out of order leaves (it is inserted again where it now belongs).
    QSet<QString> present;
    for (size_t i = 0; i < shown.size(); ++i)
        present.insert(shownKey(i));
    for (int i = 0; i < int(rows.size());) {
        const QString key = keyOf(rows, size_t(i));
        if (i < int(shown.size()) && shownKey(size_t(i)) == key) {
            ++i;
            continue;
        }
        if (present.contains(key)) {
            present.remove(shownKey(size_t(i)));
            beginRemoveRows({}, i, i);
            shown.erase(shown.begin() + i);
            endRemoveRows();
            continue;
        }
        int end = i + 1;
        while (end < int(rows.size()) && !present.contains(keyOf(rows, size_t(end))))
            ++end;
        beginInsertRows({}, i, end - 1);
        std::vector<std::pair<const PoolRows *, std::uint32_t>> inserted;
        for (int r = i; r < end; ++r)
            inserted.emplace_back(shared.get(), std::uint32_t(r));
        shown.insert(shown.begin() + i, inserted.begin(), inserted.end());
        endInsertRows();
        i = end;
    }
    if (shown.size() > rows.size()) { // cannot happen: every kept row has its place
        beginRemoveRows({}, int(rows.size()), int(shown.size()) - 1);
        shown.resize(rows.size());
        endRemoveRows();
    }
    // The rows shown now have the new keys: what else changes is announced as after an edit.
    PoolRowsChange cells;
    cells.sameKeys = true;
    for (size_t i = 0; i < shown.size(); ++i)
        if (shown[i].first != shared.get())
            cells.compareRow(rowAt(int(i)), rows[i], i, rows.size());
    m_isMerging = false;
    shown.clear();
    shown.shrink_to_fit();
    m_rows = std::move(shared);
    release(std::move(old));
    announcePools();
    announce(cells);
}

int PoolMatrixModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_isMerging ? m_merging.size() : m_rows->size());
}

int PoolMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoolMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PoolColumn: return PoolMatrixPanel::tr("P2S pool");
    case SubnetColumn: return PoolMatrixPanel::tr("Workload subnet");
    case ToSubnetColumn: return PoolMatrixPanel::tr("Pool → subnet");
    case FromSubnetColumn: return PoolMatrixPanel::tr("Subnet → pool");
    default: return {};
    }
}

QVariant PoolMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PoolVerdictRow r = rowAt(index.row());
    const int column = index.column();
    if (column == PoolColumn) {
        const QString pool = poolText(r);
        if (role == Qt::DisplayRole)
            return !m_isMerging && index.row() > 0 && poolText(rowAt(index.row() - 1)) == pool
                       ? QString()
                       : pool;
        if (role == Qt::ToolTipRole)
            return PoolMatrixPanel::tr("%1 stands for a client of this pool").arg(r.poolEndpoint);
        return {};
    }
    if (column == SubnetColumn)
        return role == Qt::DisplayRole ? QVariant(r.subnet) : QVariant();
    const bool to = column == ToSubnetColumn;
    const analysis::ConnectionSummary &s = to ? r.toSubnet : r.fromSubnet;
    const QString &where = to ? r.toSubnetWhere : r.fromSubnetWhere;
    const Kind kind = kindOf(s);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = (kind == Kind::Ok ? QStringLiteral("✓ ") : QStringLiteral("✕ ")) +
                       PoolMatrixPanel::verdictText(s);
        if (!where.isEmpty() && kind != Kind::Ok)
            text += PoolMatrixPanel::tr(" at %1").arg(where);
        return text;
    }
    case Qt::ForegroundRole: {
        const SceneStyle style(m_palette);
        return kind == Kind::NotTunneled ? style.text : colourOf(kind, style);
    }
    case Qt::BackgroundRole: {
        const SceneStyle style(m_palette);
        return SceneStyle::mix(style.nodeFill, colourOf(kind, style), style.isDark() ? 0.22 : 0.12);
    }
    case Qt::ToolTipRole:
        if (s.explanation.isEmpty())
            return PoolMatrixPanel::tr("Click to draw this path.");
        return PoolMatrixPanel::tr("%1\nClick to draw this path.")
            .arg(s.explanationText.isEmpty() ? s.explanation : translated(s.explanationText));
    case kindRole: return int(kind);
    default: return {};
    }
}

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
    : QWidget(parent), m_document(document), m_model(new PoolMatrixModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 4, 8, 4);
    m_summary = new QLabel(tr("No P2S pools yet."), this);
    m_summary->setObjectName(QStringLiteral("poolMatrixSummary"));
    m_rechecking = new RecheckingNote(tr("re-checking…"), this);
    m_rechecking->setObjectName(QStringLiteral("poolMatrixRechecking"));
    header->addWidget(m_summary, 1);
    header->addWidget(m_rechecking);
    m_model->setPalette(palette());
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("poolMatrix"));
    m_table->setModel(m_model);
    m_delegate = new OutdatedDelegate(m_table);
    m_table->setItemDelegate(m_delegate);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    layout->addLayout(header);
    layout->addWidget(m_table);

    auto request = [this](const QModelIndex &index) {
        const int row = index.row();
        const int column = index.column();
        if (row < 0 || row >= int(rows().size()) ||
            (column != ToSubnetColumn && column != FromSubnetColumn))
            return;
        const Row r = rows()[size_t(row)];
        routing::TraceRequest t; // the sweep's own request: TCP 443
        t.from = column == ToSubnetColumn ? r.poolEndpoint : r.subnet;
        t.to = column == ToSubnetColumn ? r.subnet : r.poolEndpoint;
        Q_EMIT traceRequested(t);
    };
    connect(m_table, &QTableView::clicked, this, request);
    connect(m_table, &QTableView::activated, this, request);
}

void PoolMatrixPanel::attachChecker(CheckRunner *checker)
{
    m_checker = checker;
    connect(checker, &CheckRunner::started, this, [this] { setOutdated(true); });
    connect(checker, &CheckRunner::finished, this, &PoolMatrixPanel::showRows);
    connect(checker, &CheckRunner::discarded, this, [this] {
        // Another design: nothing of the previous one stays on screen.
        m_model->clear();
        m_sized = false;
        m_summary->setText(tr("Checking…"));
        setOutdated(true);
    });
    if (checker->isRunning())
        setOutdated(true);
    else
        showRows();
}

bool PoolMatrixPanel::isOutdated() const { return m_delegate->isOutdated(); }

void PoolMatrixPanel::setOutdated(bool outdated)
{
    if (m_delegate->isOutdated() == outdated)
        return;
    m_delegate->setOutdated(outdated);
    m_rechecking->setShown(outdated);
    m_table->viewport()->update();
}

void PoolMatrixPanel::showRows()
{
    m_model->setRows(m_checker->sharedPoolRows(), m_checker->poolRowsChangeFrom(&rows()));
    if (!m_sized && !rows().empty()) {
        // Fitted once to the first rows (a sample of them: a large estate has tens of
        // thousands), not after every check, so that a user's column widths stay.
        m_table->horizontalHeader()->setResizeContentsPrecision(200);
        m_table->resizeColumnsToContents();
        m_sized = true;
    }
    updateSummary();
    setOutdated(false);
    Q_EMIT updated();
}

void PoolMatrixPanel::updateSummary()
{
    int failing = 0;
    for (const analysis::PoolSweepRow &r : *rows().sweepRows())
        failing += int(!r.toSubnetOk) + int(!r.fromSubnetOk);
    if (rows().empty())
        m_summary->setText(tr("No P2S pools in this design."));
    else
        m_summary->setText(tr("%n pool–subnet pair(s), ", nullptr, int(rows().size())) +
                           tr("%n failing direction(s). Click a verdict to draw its path.",
                              nullptr, failing));
}

void PoolMatrixPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_model->setPalette(palette());
    QWidget::changeEvent(event);
}

} // namespace hopscope::gui
