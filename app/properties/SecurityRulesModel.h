#pragma once

// The security rules of a network security group as an editable table (nsg.md N1.1): priority,
// name, direction, access, protocol, and each side's addresses and ports, every cell checked as
// typed through the value grammar. The NSG's custom rules come first, in file order; the six
// default rules of N1.4 follow, read-only and greyed. See RowsModel for the editing contract.

#include "properties/RowsModel.h"

namespace hopscope::gui {

class SecurityRulesModel : public RowsModel
{
    Q_OBJECT
public:
    enum Column {
        PriorityColumn, NameColumn, DirectionColumn, AccessColumn, ProtocolColumn, SourceColumn,
        SourcePortsColumn, DestinationColumn, DestinationPortsColumn, ColumnCount
    };

    using RowsModel::RowsModel;

    void setGroup(const QString &name) { setOwner(name); }
    QString group() const { return owner(); }
    // The custom rules; rows from here on are the default rules.
    int customRuleCount() const;
    bool isDefaultRow(int row) const { return row >= customRuleCount(); }

    QVariant data(const QModelIndex &index, int role) const override;
    // Compact column titles ("Prio.", "Dir.", "Dest. ports"), each in full as its tooltip.
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QString whyNot(int row, int column, const QString &text) const override;
    QStringList choices(int column) const override;

protected:
    QString rowNoun() const override { return tr("rule"); }
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    int rowsIn(const model::Design &design) const override;
    QString rowName(const model::Design &design, int row) const override;
    QString cell(const model::Design &design, int row, int column) const override;
    QString cellTip(const model::Design &design, int row, int column) const override;
    QString describeEdit(const model::Design &design, int row, int column,
                         const QString &text) const override;
    bool editable(const model::Design &design, int row, int column) const override;
    void apply(model::Design &design, int row, int column, const QString &text) const override;
    int append(model::Design &design) const override;
    void erase(model::Design &design, int row) const override;
    void swap(model::Design &design, int a, int b) const override;
};

} // namespace hopscope::gui
