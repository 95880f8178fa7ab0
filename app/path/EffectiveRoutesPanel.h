#pragma once

// The Effective Routes dock (issue 16): the routes Azure's portal shows on a NIC's or subnet's
// effective-routes blade (source, state, address prefix, next hop type and IP, route table and
// route) for the subnet selected on the canvas, or the subnet of the selected VM or firewall.
// It is available whether or not a path is traced. The routes come from core's
// routing::EffectiveRoutes, computed on a copy of the document's design when the selection or
// the design changes, and only while the dock can be seen.

#include "model/ObjectId.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace hopscope::gui {

class DesignDocument;

class EffectiveRoutesPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        SourceColumn, StateColumn, PrefixColumn, NextHopTypeColumn, NextHopIpColumn,
        RouteTableColumn, RouteNameColumn, ColumnCount
    };

    explicit EffectiveRoutesPanel(DesignDocument *document, QWidget *parent = nullptr);

    // Shows the effective routes of `id` (a subnet, or a VM or firewall: its subnet); for
    // anything else says why there are none.
    void showObject(const model::ObjectId &id);

    // The subnet whose routes are shown ("VNET/SUBNET"); empty when none.
    QString shownSubnet() const { return m_subnet; }
    QTableWidget *table() const { return m_table; }
    QLabel *caption() const { return m_caption; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    DesignDocument *m_document;
    model::ObjectId m_id;
    QString m_subnet;
    QLabel *m_caption;
    QTableWidget *m_table;
    QTimer m_refresh; // coalesces a burst of edits into one computation
};

} // namespace hopscope::gui
