#include "properties/RowsModel.h"

#include "document/DesignDocument.h"
#include "properties/ValidatedLineEdit.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QPointer>
#include <QStyle>

#include <algorithm>
#include <functional>

namespace hopscope::gui {

namespace {

// Enter in a completer's list with no entry chosen: QCompleter only closes the list then.
class EnterInList : public QObject
{
public:
    EnterInList(QObject *parent, std::function<void()> onEnter)
        : QObject(parent), m_onEnter(std::move(onEnter))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            const auto *list = qobject_cast<QAbstractItemView *>(watched);
            if ((key == Qt::Key_Return || key == Qt::Key_Enter) && list
                && !list->currentIndex().isValid())
                m_onEnter();
        }
        return false; // QCompleter still closes its list
    }

private:
    std::function<void()> m_onEnter;
};

} // namespace

RowsModel::RowsModel(DesignDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &DesignDocument::objectChanged, this, &RowsModel::ownerChanged);
    connect(document, &DesignDocument::objectAdded, this, &RowsModel::ownerChanged);
    connect(document, &DesignDocument::objectRemoved, this, &RowsModel::ownerChanged);
    connect(document, &DesignDocument::designReset, this, [this] { ownerChanged(m_owner); });
}

const model::Design &RowsModel::design() const { return m_document->design(); }

void RowsModel::setOwner(const QString &name)
{
    beginResetModel();
    m_owner = name;
    m_rows = rowsIn(design());
    endResetModel();
}

void RowsModel::ownerChanged(const QString &name)
{
    if (name != m_owner)
        return;
    const int rows = rowsIn(design());
    if (rows != m_rows) {
        // Rows came or went: a reset is simplest and keeps no stale index.
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, columns() - 1));
    }
}

int RowsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }

int RowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columns();
}

QVariant RowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowsIn(design()))
        return {};
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return cell(design(), index.row(), index.column());
    if (role == Qt::ToolTipRole) {
        const QString tip = cellTip(design(), index.row(), index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    return {};
}

QVariant RowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    return orientation == Qt::Horizontal ? QVariant(header(section)) : QVariant(section + 1);
}

Qt::ItemFlags RowsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.row() < rowsIn(design()) &&
        editable(design(), index.row(), index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

QString RowsModel::describeEdit(const model::Design &d, int row, int column,
                               const QString &text) const
{
    if (column == 0)
        return tr("Rename %1 %2 to %3 in %4").arg(rowNoun(), rowName(d, row), text, m_owner);
    return text.isEmpty()
               ? tr("Clear %1 of %2 %3 in %4")
                     .arg(header(column).toLower(), rowNoun(), rowName(d, row), m_owner)
               : tr("Change %1 of %2 %3 to %4 in %5")
                     .arg(header(column).toLower(), rowNoun(), rowName(d, row), text, m_owner);
}

QStringList RowsModel::choices(int) const { return {}; }

QList<RowsModel::Suggestion> RowsModel::suggestions(int, int) const { return {}; }

bool RowsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const QString text = value.toString().trimmed();
    const QString why = whyNot(index.row(), index.column(), text);
    if (!why.isEmpty()) {
        Q_EMIT rejected(why);
        return false;
    }
    const int row = index.row(), column = index.column();
    m_document->edit(describeEdit(design(), row, column, text),
                     [&](model::Design &d) { apply(d, row, column, text); },
                     // A second rename of a row is a step of its own, so that each
                     // says which name it replaced.
                     QStringLiteral("%1:%2:%3:%4:%5")
                         .arg(rowNoun(), m_owner)
                         .arg(row)
                         .arg(column)
                         .arg(column == 0 ? rowName(design(), row) : QString()));
    Q_EMIT rejected(QString());
    return true;
}

int RowsModel::addEntry()
{
    int row = -1;
    m_document->breakMergeChain();
    m_document->edit(tr("Add %1 to %2").arg(rowNoun(), m_owner),
                     [&](model::Design &d) { row = append(d); });
    m_document->breakMergeChain();
    return row;
}

void RowsModel::removeEntry(int row)
{
    if (row < 0 || row >= m_rows)
        return;
    m_document->breakMergeChain();
    m_document->edit(tr("Remove %1 %2 from %3").arg(rowNoun(), rowName(design(), row), m_owner),
                     [&](model::Design &d) { erase(d, row); });
}

void RowsModel::moveEntry(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || row >= m_rows || target < 0 || target >= m_rows)
        return;
    m_document->breakMergeChain();
    m_document->edit((delta < 0 ? tr("Move %1 %2 up in %3") : tr("Move %1 %2 down in %3"))
                         .arg(rowNoun(), rowName(design(), row), m_owner),
                     [&](model::Design &d) { swap(d, row, target); });
}

QString RowsModel::freeRowName(const model::Design &d, const QString &base) const
{
    const int rows = rowsIn(d);
    for (int n = 1;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        bool taken = false;
        for (int r = 0; r < rows && !taken; ++r)
            taken = rowName(d, r) == candidate;
        if (!taken)
            return candidate;
    }
}

// ---- RowsDelegate

RowsDelegate::RowsDelegate(RowsModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

QWidget *RowsDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    const QStringList options = m_model->choices(index.column());
    if (!options.isEmpty()) {
        auto *combo = new QComboBox(parent);
        combo->addItems(options);
        return combo;
    }
    auto *edit = new ValidatedLineEdit(parent);
    const int row = index.row(), column = index.column();
    const RowsModel *model = m_model;
    edit->setValidator([model, row, column](const QString &text) {
        return model->whyNot(row, column, text.trimmed());
    });
    const QList<RowsModel::Suggestion> offered = m_model->suggestions(row, column);
    if (offered.isEmpty())
        return edit;
    // The list shows "10.1.1.4 — fw-a (Azure Firewall)"; choosing one (from the list or the
    // completer, which matches on the value) puts only the value in the field.
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("suggestingEditor"));
    combo->setEditable(true);
    combo->setLineEdit(edit);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const RowsModel::Suggestion &s : offered)
        combo->addItem(s.value + QStringLiteral(" — ") + s.label, s.value);
    combo->setCurrentIndex(-1);
    // The cell is narrow; the list is as wide as its longest entry, so that none is elided.
    const QFontMetrics metrics(combo->view()->font());
    int widest = 0;
    for (int i = 0; i < combo->count(); ++i)
        widest = std::max(widest, metrics.horizontalAdvance(combo->itemText(i)));
    const QStyle *style = combo->view()->style();
    const int margins = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) +
                        2 * combo->view()->frameWidth() +
                        style->pixelMetric(QStyle::PM_ScrollBarExtent) + 8;
    combo->view()->setMinimumWidth(widest + margins);
    auto *completer = new QCompleter(combo->model(), combo);
    completer->setCompletionRole(Qt::UserRole);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    combo->setCompleter(completer);
    auto valueOnly = [combo, edit](int i) {
        if (i >= 0)
            edit->setText(combo->itemData(i).toString());
    };
    connect(combo, &QComboBox::currentIndexChanged, edit, valueOnly);
    connect(combo, &QComboBox::activated, edit, valueOnly);
    // Enter ends the edit as in every other cell, also while the completer's list is open,
    // which takes the key: chosen from the list, the value; else the text as typed. (The list
    // used to swallow the first Enter: issue 16's second trial.)
    auto *self = const_cast<RowsDelegate *>(this);
    auto finish = [self, combo = QPointer<QComboBox>(combo)] {
        if (!combo)
            return;
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo, QAbstractItemDelegate::NoHint);
    };
    connect(completer, qOverload<const QString &>(&QCompleter::activated), combo,
            [combo, finish] { QMetaObject::invokeMethod(combo, finish, Qt::QueuedConnection); });
    completer->popup()->installEventFilter(new EnterInList(completer->popup(), [combo, finish] {
        QMetaObject::invokeMethod(combo, finish, Qt::QueuedConnection);
    }));
    return combo;
}

void RowsDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(index.data(Qt::EditRole).toString());
    else if (auto *edit = qobject_cast<ValidatedLineEdit *>(editor))
        edit->setText(index.data(Qt::EditRole).toString());
}

void RowsDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentText(), Qt::EditRole);
    else if (auto *edit = qobject_cast<ValidatedLineEdit *>(editor))
        model->setData(index, edit->text(), Qt::EditRole);
}

} // namespace hopscope::gui
