#pragma once

// A route table of the open design as an editable table: name, prefix, next hop type (a combo
// box of ARM's values), next hop IP. See RowsModel for the editing contract.

#include "properties/RowsModel.h"

namespace hopscope::gui {

class RouteTableModel : public RowsModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PrefixColumn, NextHopTypeColumn, NextHopIpColumn, ColumnCount };

    using RowsModel::RowsModel;

    void setTable(const QString &name) { setOwner(name); }
    QString table() const { return owner(); }

    QString whyNot(int row, int column, const QString &text) const override;
    QStringList choices(int column) const override;
    // The next hop IP of a VirtualAppliance route: the private IPs of the design's Azure
    // Firewalls, NVAs and proxy VMs.
    QList<Suggestion> suggestions(int row, int column) const override;

protected:
    QString rowNoun() const override { return tr("route"); }
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    int rowsIn(const model::Design &design) const override;
    QString rowName(const model::Design &design, int row) const override;
    QString cell(const model::Design &design, int row, int column) const override;
    QString cellTip(const model::Design &design, int row, int column) const override;
    // "Change next hop of route r1 to VirtualAppliance 10.0.0.4 in rt-a": the next hop reads as
    // one thing, type and address.
    QString describeEdit(const model::Design &design, int row, int column,
                         const QString &text) const override;
    bool editable(const model::Design &design, int row, int column) const override;
    void apply(model::Design &design, int row, int column, const QString &text) const override;
    int append(model::Design &design) const override;
    void erase(model::Design &design, int row) const override;
    void swap(model::Design &design, int a, int b) const override;
};

} // namespace hopscope::gui
