#pragma once

// The VPN-pool matrix: for every P2S pool, one row per workload subnet with the verdict of both
// directions (pool → subnet, subnet → pool), coloured by kind: ok, dropped, loop, asymmetric,
// not tunneled. It comes from analysis::runSweeps, on a worker thread over a copy of the design,
// debounced after edits; a result that arrives after a newer edit is dropped (as CheckRunner
// does). Choosing a verdict cell asks for that path to be drawn.

#include "analysis/Sweeps.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace hopscope::gui {

class DesignDocument;

class PoolMatrixPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int debounceMilliseconds = 300;
    enum Column { PoolColumn, SubnetColumn, ToSubnetColumn, FromSubnetColumn, ColumnCount };

    struct Row
    {
        QString gateway;
        QString pool;         // the pool's prefixes, for people
        QString poolEndpoint; // what a trace names as the pool's end
        QString subnet;       // "VNET/SUBNET"
        analysis::ConnectionSummary toSubnet;
        analysis::ConnectionSummary fromSubnet;
        QString toSubnetWhere;   // the device where the failing walk ended
        QString fromSubnetWhere;
    };

    explicit PoolMatrixPanel(DesignDocument *document, QWidget *parent = nullptr);
    ~PoolMatrixPanel() override;

    const std::vector<Row> &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }
    bool isRunning() const { return m_watcher.isRunning() || m_debounce.isActive(); }

    // Sweeps now (no debounce); the table fills when it ends.
    void refreshNow();

    // "ok", "dropped: blackhole (reply)", "loop", "asymmetric", "not tunneled".
    static QString verdictText(const analysis::ConnectionSummary &summary);

Q_SIGNALS:
    void traceRequested(const routing::TraceRequest &request);
    void updated();

private:
    void launch();
    void fill();

    DesignDocument *m_document;
    QLabel *m_summary;
    QTableWidget *m_table;
    QTimer m_debounce;
    QFutureWatcher<std::vector<Row>> m_watcher;
    quint64 m_generation = 0;
    quint64 m_runningGeneration = 0;
    bool m_pending = false;
    std::vector<Row> m_rows;
};

} // namespace hopscope::gui
