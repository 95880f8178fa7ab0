#pragma once

// A route table of the open design as a table model: name, prefix, next hop type, next hop IP.
// Edits are validated before they reach the document (a bad prefix is refused with the reason,
// through rejected()); each accepted edit is one undo step, and typing in one cell merges.

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace hopscope::gui {

class DesignDocument;

class RouteTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PrefixColumn, NextHopTypeColumn, NextHopIpColumn, ColumnCount };

    explicit RouteTableModel(DesignDocument *document, QObject *parent = nullptr);

    void setTable(const QString &name);
    QString table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    // Why `text` cannot go into `column` of `row`; empty when it can.
    QString whyNot(int row, int column, const QString &text) const;

    // Each is one undo step. addRoute returns the new row.
    int addRoute();
    void removeRoute(int row);
    void moveRoute(int row, int delta);

Q_SIGNALS:
    void rejected(const QString &reason);

private:
    void tableChanged(const QString &name);

    DesignDocument *m_document;
    QString m_table;
    int m_rows = 0;
};

// Editors for the route cells: a combo box of ARM's next hop types, and line edits that show
// why a value is refused while it is typed.
class RouteDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RouteDelegate(RouteTableModel *model, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    RouteTableModel *m_model;
};

} // namespace hopscope::gui
