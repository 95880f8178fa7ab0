#pragma once

// The hop inspector: one row per hop of every walk of the trace on show (device, subnet, the
// route that matched, the firewall or proxy rule, the outcome), grouped under a header row per
// walk. Choosing a hop asks for it to be highlighted on the canvas and lists its subnet's
// effective routes (Active and Invalid), the one that matched marked, and the network security
// groups evaluated there (inbound and outbound, the rule that decided each, or "allowed by flow
// state"), as Network Watcher's NSG diagnostics lists them.

#include <QWidget>

class QLabel;
class QTableWidget;

namespace hopscope::gui {

class PathSession;

class HopInspector : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn, DeviceColumn, SubnetColumn, PrefixColumn, SourceColumn, NextHopTypeColumn,
        NextHopIpColumn, RouteTableColumn, RouteNameColumn, RuleColumn, NsgColumn, OutcomeColumn,
        ColumnCount
    };

    explicit HopInspector(const PathSession *session, QWidget *parent = nullptr);

    // Re-reads the session's trace.
    void refresh();

    QTableWidget *hopTable() const { return m_hops; }
    QTableWidget *routeTable() const { return m_routes; }
    QLabel *routeCaption() const { return m_routesCaption; }
    // The chosen hop's NSG evaluations: one row per NSG evaluated, per direction.
    enum NsgColumnIndex {
        NsgDirection, NsgName, NsgAppliedTo, NsgRule, NsgPriority, NsgVerdictColumn, NsgColumns
    };
    QTableWidget *nsgTable() const { return m_nsgs; }
    QLabel *nsgCaption() const { return m_nsgCaption; }

    // Read back from the table's cells (tests, the status bar): per walk, in the overlay's order.
    int walkCount() const;
    QStringList devices(int walk) const;
    QString walkOutcome(int walk) const;
    // The table row of hop `stop` of walk `walk`, or -1.
    int rowOf(int walk, int stop) const;
    // Selects that row (as a click would).
    void selectHop(int walk, int stop);
    // The effective-routes row marked as the one that matched, or -1.
    int matchedRouteRow() const;

Q_SIGNALS:
    // A hop was chosen; -1, -1 when none is.
    void hopSelected(int walk, int stop);

private:
    void showRoutesOf(int walk, int stop);
    void showSecurityGroupsOf(int walk, int stop);

    const PathSession *m_session;
    QTableWidget *m_hops;
    QLabel *m_routesCaption;
    QTableWidget *m_routes;
    QLabel *m_nsgCaption;
    QTableWidget *m_nsgs;
    int m_matchedRoute = -1;
};

} // namespace hopscope::gui
