#pragma once

// The Effective Routes dock (issue 16): the routes Azure's portal shows on a NIC's or subnet's
// effective-routes blade (source, state, address prefix, next hop type and IP, route table and
// route) for the subnet selected on the canvas, or the subnet of the selected VM or firewall.
// It is available whether or not a path is traced. The routes come from core's
// routing::EffectiveRoutes, computed on a copy of the document's design when the selection or
// the design changes, and only while the dock can be seen.

#include "import/RouteComparison.h"
#include "model/ObjectId.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
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

    // Ground truth (issue 14, import.md §9): compares the shown subnet's routes with Azure's
    // table of one of its NICs, read from `path` (`az network nic show-effective-route-table -o
    // json`), and marks every difference core's compareEffectiveRoutes() names: a Hopscope row
    // that differs gets the difference's colour and message; a row only Azure has is added in
    // italics. The comparison follows edits and ends when another subnet is shown. Returns
    // false (with the reason in the caption and in `error`) when the file is not such a table.
    bool compareWithAzure(const QString &path, QString *error = nullptr);
    // The differences marked now; empty when nothing is compared.
    const importing::RouteComparison &comparison() const { return m_comparison; }
    bool isComparing() const { return m_azure.has_value(); }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    DesignDocument *m_document;
    model::ObjectId m_id;
    QString m_subnet;
    void markDifferences(const std::vector<routing::EffectiveRoute> &routes);

    QLabel *m_caption;
    QPushButton *m_compare;
    QTableWidget *m_table;
    // Azure's rows being compared, for m_compareSubnet, from m_compareFile.
    std::optional<std::vector<importing::AzureRoute>> m_azure;
    QString m_compareSubnet;
    QString m_compareFile;
    QStringList m_compareNotes;
    importing::RouteComparison m_comparison;
    QTimer m_refresh; // coalesces a burst of edits into one computation
};

} // namespace hopscope::gui
