#pragma once

// An ordered list of rows owned by one design object — the routes of a route table, the rules
// of a firewall — as an editable table. The base does what every such list shares: mirroring
// the document, refusing bad cells with the reason (rejected()), one undo step per accepted edit
// (typing in one cell merges), and adding, removing and reordering rows as single steps.
// Subclasses say what a row is.

#include "model/Design.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace hopscope::gui {

class DesignDocument;

class RowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RowsModel(DesignDocument *document, QObject *parent = nullptr);

    // The object whose rows are shown ("" for none).
    void setOwner(const QString &name);
    QString owner() const { return m_owner; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    // Why `text` cannot go into `column` of `row`; empty when it can.
    virtual QString whyNot(int row, int column, const QString &text) const = 0;
    // The values a column is chosen from (a combo box); empty for free text.
    virtual QStringList choices(int column) const;
    // Values worth offering for a free-text cell, each with what it is ("10.1.1.4", "fw-a");
    // the cell still takes any text whyNot() accepts.
    struct Suggestion
    {
        QString value;
        QString label;
    };
    virtual QList<Suggestion> suggestions(int row, int column) const;

    // Each is one undo step. addEntry returns the new row, or -1.
    int addEntry();
    void removeEntry(int row);
    void moveEntry(int row, int delta);

Q_SIGNALS:
    void rejected(const QString &reason);

protected:
    const model::Design &design() const;
    // What a row is called in undo texts ("route", "rule").
    virtual QString rowNoun() const = 0;
    virtual int columns() const = 0;
    virtual QString header(int column) const = 0;
    virtual int rowsIn(const model::Design &design) const = 0;
    virtual QString rowName(const model::Design &design, int row) const = 0;
    virtual QString cell(const model::Design &design, int row, int column) const = 0;
    virtual QString cellTip(const model::Design &, int, int) const { return {}; }
    virtual bool editable(const model::Design &, int, int) const { return true; }
    // The undo text for writing `text` into `column` of `row` ("Change prefix of route r1 to
    // 10.2.0.0/16 in rt-a"), read in `design` before the change. Column 0 is the row's name
    // ("Rename route r1 to to-firewall in rt-a").
    virtual QString describeEdit(const model::Design &design, int row, int column,
                                 const QString &text) const;
    // Writes an accepted `text` into the owner's row; `text` passed whyNot().
    virtual void apply(model::Design &design, int row, int column, const QString &text) const = 0;
    // Appends a row with valid defaults; returns its index, or -1 when the owner is gone.
    virtual int append(model::Design &design) const = 0;
    virtual void erase(model::Design &design, int row) const = 0;
    virtual void swap(model::Design &design, int a, int b) const = 0;

    // A name not yet used by a row: base-1, base-2, ...
    QString freeRowName(const model::Design &design, const QString &base) const;

private:
    void ownerChanged(const QString &name);

    DesignDocument *m_document;
    QString m_owner;
    int m_rows = 0;
};

// Combo boxes for columns with choices(), line edits that show why while typing elsewhere, and
// for cells with suggestions() an editable combo box whose list offers them.
class RowsDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RowsDelegate(RowsModel *model, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    RowsModel *m_model;
};

} // namespace hopscope::gui
