#pragma once

// The rules of an Azure Firewall (when not allowAll) as a table model: name, action,
// protocols, sources, destinations, ports; lists are written comma-separated as in the file
// ("*" for any). Same contract as RouteTableModel: refused edits say why through rejected(),
// accepted ones are one undo step each, typing in one cell merges.

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace hopscope::gui {

class DesignDocument;

class FirewallRulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn, ActionColumn, ProtocolsColumn, SourcesColumn, DestinationsColumn, PortsColumn,
        ColumnCount
    };

    explicit FirewallRulesModel(DesignDocument *document, QObject *parent = nullptr);

    void setFirewall(const QString &name);
    QString firewall() const { return m_firewall; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    QString whyNot(int row, int column, const QString &text) const;

    int addRule();
    void removeRule(int row);
    void moveRule(int row, int delta);

Q_SIGNALS:
    void rejected(const QString &reason);

private:
    void objectChanged(const QString &name);

    DesignDocument *m_document;
    QString m_firewall;
    int m_rows = 0;
};

// Allow/Deny as a combo box; everything else a line edit that shows why while typing.
class FirewallRuleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit FirewallRuleDelegate(FirewallRulesModel *model, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    FirewallRulesModel *m_model;
};

} // namespace hopscope::gui
