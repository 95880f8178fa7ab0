#pragma once

// The VPN-pool matrix: for every P2S pool, one row per workload subnet with the verdict of both
// directions (pool → subnet, subnet → pool), coloured by kind: ok, dropped, loop, asymmetric,
// not tunneled. The rows are the live check's own sweep results (CheckRunner::poolRows()): the
// matrix never sweeps by itself. While a re-check runs they are shown faded with "re-checking…";
// a new result updates the rows in place (only rows that changed), keeping the selection and
// the scroll position; opening another design empties the matrix at once. Choosing a verdict
// cell asks for that path to be drawn.

#include "findings/CheckRunner.h"

#include <QAbstractTableModel>
#include <QPalette>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

class QLabel;
class QTableView;

namespace hopscope::gui {

class DesignDocument;
class OutdatedDelegate;
class RecheckingNote;

// The matrix's rows as a table model (a large estate has tens of thousands of them).
class PoolMatrixModel : public QAbstractTableModel
{
public:
    enum Column { PoolColumn, SubnetColumn, ToSubnetColumn, FromSubnetColumn, ColumnCount };
    static constexpr int kindRole = Qt::UserRole; // int(verdict kind) of a verdict cell

    explicit PoolMatrixModel(QObject *parent = nullptr);

    // Rows that kept their (gateway, subnet) change in place (dataChanged); others are removed
    // or inserted: never a reset, so a view keeps its selection and scroll position. The rows
    // are shared with the check that made them, not copied.
    // `known`: how `rows` differs from the rows shown, when the caller knows it.
    void setRows(std::shared_ptr<const PoolRows> rows, const PoolRowsChange *known = nullptr);
    void clear();
    const PoolRows &rows() const { return *m_rows; }
    void setPalette(const QPalette &palette);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // Lets the previous rows go on a worker thread: freeing tens of thousands of rows is
    // milliseconds the window need not wait for.
    void release(std::shared_ptr<const PoolRows> rows);
    // Row `i` as the views see it now.
    PoolVerdictRow rowAt(int i) const;

    QPalette m_palette;
    std::shared_ptr<const PoolRows> m_rows = std::make_shared<const PoolRows>();
    // While setRows moves rows in and out one step at a time (m_isMerging): the rows shown,
    // each as the rows it comes from (the old or the new) and its index there.
    std::vector<std::pair<const PoolRows *, std::uint32_t>> m_merging;
    bool m_isMerging = false;
};

class PoolMatrixPanel : public QWidget
{
    Q_OBJECT
public:
    using Row = PoolVerdictRow;
    enum Column {
        PoolColumn = PoolMatrixModel::PoolColumn,
        SubnetColumn = PoolMatrixModel::SubnetColumn,
        ToSubnetColumn = PoolMatrixModel::ToSubnetColumn,
        FromSubnetColumn = PoolMatrixModel::FromSubnetColumn,
        ColumnCount = PoolMatrixModel::ColumnCount
    };

    explicit PoolMatrixPanel(DesignDocument *document, QWidget *parent = nullptr);

    // Shows `checker`'s pool verdicts from now on (called once, by the path workbench).
    void attachChecker(CheckRunner *checker);

    const PoolRows &rows() const { return m_model->rows(); }
    QTableView *table() const { return m_table; }
    PoolMatrixModel *model() const { return m_model; }
    // True while the rows shown are not those of the current design yet.
    bool isRunning() const { return m_checker && m_checker->isRunning(); }
    bool isOutdated() const;

    // "ok", "dropped: blackhole (reply)", "loop", "asymmetric", "not tunneled".
    static QString verdictText(const analysis::ConnectionSummary &summary);

Q_SIGNALS:
    void traceRequested(const routing::TraceRequest &request);
    void updated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setOutdated(bool outdated);
    void showRows();
    void updateSummary();

    DesignDocument *m_document;
    CheckRunner *m_checker = nullptr;
    QLabel *m_summary;
    RecheckingNote *m_rechecking;
    QTableView *m_table;
    PoolMatrixModel *m_model;
    OutdatedDelegate *m_delegate;
    bool m_sized = false; // columns fitted to the first rows shown
};

} // namespace hopscope::gui
