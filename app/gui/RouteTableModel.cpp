#include "gui/RouteTableModel.h"

#include "gui/DesignDocument.h"
#include "gui/DesignEdits.h"
#include "gui/ValidatedLineEdit.h"

#include <QComboBox>

#include <algorithm>

namespace hopscope::gui {

namespace {
const model::NextHopType allTypes[] = {
    model::NextHopType::VirtualAppliance, model::NextHopType::VirtualNetworkGateway,
    model::NextHopType::VnetLocal, model::NextHopType::Internet, model::NextHopType::None};

std::optional<model::NextHopType> nextHopType(const QString &text)
{
    for (model::NextHopType type : allTypes) {
        if (model::toString(type) == text)
            return type;
    }
    return std::nullopt;
}

model::RouteTable *tableIn(model::Design &d, const QString &name)
{
    auto it = std::find_if(d.routeTables.begin(), d.routeTables.end(),
                           [&](const model::RouteTable &t) { return t.name == name; });
    return it == d.routeTables.end() ? nullptr : &*it;
}
} // namespace

RouteTableModel::RouteTableModel(DesignDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &DesignDocument::objectChanged, this, &RouteTableModel::tableChanged);
    connect(document, &DesignDocument::objectAdded, this, &RouteTableModel::tableChanged);
    connect(document, &DesignDocument::objectRemoved, this, &RouteTableModel::tableChanged);
    connect(document, &DesignDocument::designReset, this, [this] { tableChanged(m_table); });
}

void RouteTableModel::setTable(const QString &name)
{
    beginResetModel();
    m_table = name;
    const model::RouteTable *t = m_document->design().routeTable(name);
    m_rows = t ? int(t->routes.size()) : 0;
    endResetModel();
}

void RouteTableModel::tableChanged(const QString &name)
{
    if (name != m_table)
        return;
    const model::RouteTable *t = m_document->design().routeTable(name);
    const int rows = t ? int(t->routes.size()) : 0;
    if (rows != m_rows) {
        // Rows came or went: a reset is simplest and keeps no stale index.
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
}

int RouteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RouteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouteTableModel::data(const QModelIndex &index, int role) const
{
    const model::RouteTable *t = m_document->design().routeTable(m_table);
    if (!t || index.row() >= int(t->routes.size()))
        return {};
    const model::Route &r = t->routes[index.row()];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn: return r.name;
        case PrefixColumn: return r.addressPrefix.toString();
        case NextHopTypeColumn: return model::toString(r.nextHopType);
        case NextHopIpColumn:
            return r.nextHopIpAddress ? r.nextHopIpAddress->toString() : QString();
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NextHopIpColumn &&
        r.nextHopType == model::NextHopType::VirtualAppliance && !r.nextHopIpAddress)
        return tr("A VirtualAppliance route needs a next hop IP.");
    return {};
}

QVariant RouteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case NameColumn: return tr("Name");
    case PrefixColumn: return tr("Address prefix");
    case NextHopTypeColumn: return tr("Next hop type");
    case NextHopIpColumn: return tr("Next hop IP");
    }
    return {};
}

Qt::ItemFlags RouteTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
    const model::RouteTable *t = m_document->design().routeTable(m_table);
    if (index.column() == NextHopIpColumn && t && index.row() < int(t->routes.size()) &&
        t->routes[index.row()].nextHopType != model::NextHopType::VirtualAppliance &&
        !t->routes[index.row()].nextHopIpAddress)
        f &= ~Qt::ItemIsEditable; // only VirtualAppliance routes take an IP
    return f;
}

QString RouteTableModel::whyNot(int row, int column, const QString &text) const
{
    const model::RouteTable *t = m_document->design().routeTable(m_table);
    if (!t || row < 0 || row >= int(t->routes.size()))
        return tr("No such route.");
    QString why;
    switch (column) {
    case NameColumn:
        if (!model::isValidName(text))
            return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
        for (int i = 0; i < int(t->routes.size()); ++i) {
            if (i != row && t->routes[i].name == text)
                return tr("%1 already has a route named %2.").arg(m_table, text);
        }
        return {};
    case PrefixColumn:
        if (!model::Prefix::parse(text.trimmed(), &why))
            return why.isEmpty() ? tr("Not an address prefix.") : why;
        return {};
    case NextHopTypeColumn:
        return nextHopType(text) ? QString() : tr("Unknown next hop type %1.").arg(text);
    case NextHopIpColumn:
        if (text.trimmed().isEmpty())
            return {};
        if (t->routes[row].nextHopType != model::NextHopType::VirtualAppliance)
            return tr("Only VirtualAppliance routes take a next hop IP.");
        return model::Ipv4Address::parse(text.trimmed()) ? QString()
                                                          : tr("Not an IPv4 address: %1").arg(text);
    }
    return tr("No such column.");
}

bool RouteTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const QString text = value.toString().trimmed();
    const QString why = whyNot(index.row(), index.column(), text);
    if (!why.isEmpty()) {
        Q_EMIT rejected(why);
        return false;
    }
    const int row = index.row();
    const int column = index.column();
    const QString routeName = data(this->index(row, NameColumn), Qt::DisplayRole).toString();
    m_document->edit(
        tr("Edit route %1 in %2").arg(routeName, m_table),
        [&](model::Design &d) {
            model::RouteTable *t = tableIn(d, m_table);
            model::Route &r = t->routes[row];
            switch (column) {
            case NameColumn: r.name = text; break;
            case PrefixColumn: r.addressPrefix = *model::Prefix::parse(text); break;
            case NextHopTypeColumn:
                r.nextHopType = *nextHopType(text);
                if (r.nextHopType != model::NextHopType::VirtualAppliance)
                    r.nextHopIpAddress.reset(); // Azure refuses an IP for the other types
                break;
            case NextHopIpColumn:
                r.nextHopIpAddress = text.isEmpty() ? std::nullopt : model::Ipv4Address::parse(text);
                break;
            }
        },
        QStringLiteral("route:%1:%2:%3").arg(m_table).arg(row).arg(column));
    Q_EMIT rejected(QString());
    return true;
}

int RouteTableModel::addRoute()
{
    int row = -1;
    m_document->breakMergeChain();
    m_document->edit(tr("Add route to %1").arg(m_table), [&](model::Design &d) {
        model::RouteTable *t = tableIn(d, m_table);
        if (!t)
            return;
        QString name = QStringLiteral("route-1");
        for (int n = 2; std::any_of(t->routes.begin(), t->routes.end(),
                                    [&](const model::Route &r) { return r.name == name; });
             ++n)
            name = QStringLiteral("route-") + QString::number(n);
        model::Route route;
        route.name = name;
        route.addressPrefix = *model::Prefix::parse(u"0.0.0.0/0");
        route.nextHopType = model::NextHopType::Internet;
        t->routes.push_back(route);
        row = int(t->routes.size()) - 1;
    });
    m_document->breakMergeChain();
    return row;
}

void RouteTableModel::removeRoute(int row)
{
    if (row < 0 || row >= m_rows)
        return;
    const QString routeName = data(index(row, NameColumn), Qt::DisplayRole).toString();
    m_document->breakMergeChain();
    m_document->edit(tr("Remove route %1 from %2").arg(routeName, m_table), [&](model::Design &d) {
        model::RouteTable *t = tableIn(d, m_table);
        t->routes.erase(t->routes.begin() + row);
    });
}

void RouteTableModel::moveRoute(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || row >= m_rows || target < 0 || target >= m_rows)
        return;
    const QString routeName = data(index(row, NameColumn), Qt::DisplayRole).toString();
    m_document->breakMergeChain();
    m_document->edit(tr("Move route %1").arg(routeName), [&](model::Design &d) {
        model::RouteTable *t = tableIn(d, m_table);
        std::swap(t->routes[row], t->routes[target]);
    });
}

// ---- RouteDelegate

RouteDelegate::RouteDelegate(RouteTableModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

QWidget *RouteDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                     const QModelIndex &index) const
{
    if (index.column() == RouteTableModel::NextHopTypeColumn) {
        auto *combo = new QComboBox(parent);
        for (model::NextHopType type : allTypes)
            combo->addItem(model::toString(type));
        return combo;
    }
    auto *edit = new ValidatedLineEdit(parent);
    const int row = index.row(), column = index.column();
    const RouteTableModel *model = m_model;
    edit->setValidator([model, row, column](const QString &text) {
        return model->whyNot(row, column, text);
    });
    return edit;
}

void RouteDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(index.data(Qt::EditRole).toString());
    else if (auto *edit = qobject_cast<ValidatedLineEdit *>(editor))
        edit->setText(index.data(Qt::EditRole).toString());
}

void RouteDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentText(), Qt::EditRole);
    else if (auto *edit = qobject_cast<ValidatedLineEdit *>(editor))
        model->setData(index, edit->text(), Qt::EditRole);
}

} // namespace hopscope::gui
