#pragma once

// The rules of an Azure Firewall (when not allowAll) as an editable table: name, action,
// protocols, sources, destinations, ports; lists are written comma-separated as in the file
// ("*" for any). See RowsModel for the editing contract.

#include "properties/RowsModel.h"

namespace hopscope::gui {

class FirewallRulesModel : public RowsModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn, ActionColumn, ProtocolsColumn, SourcesColumn, DestinationsColumn, PortsColumn,
        ColumnCount
    };

    using RowsModel::RowsModel;

    void setFirewall(const QString &name) { setOwner(name); }
    QString firewall() const { return owner(); }

    QString whyNot(int row, int column, const QString &text) const override;
    QStringList choices(int column) const override;

protected:
    QString rowNoun() const override { return tr("rule"); }
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    int rowsIn(const model::Design &design) const override;
    QString rowName(const model::Design &design, int row) const override;
    QString cell(const model::Design &design, int row, int column) const override;
    void apply(model::Design &design, int row, int column, const QString &text) const override;
    int append(model::Design &design) const override;
    void erase(model::Design &design, int row) const override;
    void swap(model::Design &design, int a, int b) const override;
};

} // namespace hopscope::gui
