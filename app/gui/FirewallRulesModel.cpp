#include "gui/FirewallRulesModel.h"

#include "gui/DesignDocument.h"
#include "gui/ValidatedLineEdit.h"

#include <QComboBox>
#include <QRegularExpression>

#include <algorithm>

namespace hopscope::gui {

using namespace model;

namespace {

QStringList items(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

const Protocol protocols[] = {Protocol::Tcp, Protocol::Udp, Protocol::Icmp, Protocol::Any};

std::optional<Protocol> protocolFrom(const QString &text)
{
    for (Protocol p : protocols) {
        if (toString(p).compare(text, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

std::optional<AddressMatch> addressFrom(const QString &text, QString *why)
{
    if (text == u"*")
        return AddressMatch{};
    if (const std::optional<Prefix> prefix = Prefix::parse(text, why))
        return AddressMatch{*prefix};
    return std::nullopt;
}

std::optional<PortRange> portsFrom(const QString &text)
{
    if (text == u"*")
        return PortRange{};
    const QStringList ends = text.split(u'-');
    bool okFirst = false, okLast = false;
    const int first = ends.value(0).toInt(&okFirst);
    const int last = ends.size() == 2 ? ends[1].toInt(&okLast) : first;
    if (ends.size() == 1)
        okLast = okFirst;
    if (ends.size() > 2 || !okFirst || !okLast || first < 0 || last > 65535 || first > last)
        return std::nullopt;
    return PortRange{first, last};
}

QString addressText(const std::vector<AddressMatch> &list)
{
    QStringList parts;
    for (const AddressMatch &a : list)
        parts << (a.prefix ? a.prefix->toString() : QStringLiteral("*"));
    return parts.join(QStringLiteral(", "));
}

QString portsText(const std::vector<PortRange> &list)
{
    QStringList parts;
    for (const PortRange &p : list) {
        if (p.first == 0 && p.last == 65535)
            parts << QStringLiteral("*");
        else if (p.first == p.last)
            parts << QString::number(p.first);
        else
            parts << QStringLiteral("%1-%2").arg(p.first).arg(p.last);
    }
    return parts.join(QStringLiteral(", "));
}

Firewall *firewallIn(Design &d, const QString &name)
{
    auto it = std::find_if(d.firewalls.begin(), d.firewalls.end(),
                           [&](const Firewall &f) { return f.name == name; });
    return it == d.firewalls.end() ? nullptr : &*it;
}

} // namespace

FirewallRulesModel::FirewallRulesModel(DesignDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &DesignDocument::objectChanged, this, &FirewallRulesModel::objectChanged);
    connect(document, &DesignDocument::objectRemoved, this, &FirewallRulesModel::objectChanged);
    connect(document, &DesignDocument::designReset, this, [this] { objectChanged(m_firewall); });
}

void FirewallRulesModel::setFirewall(const QString &name)
{
    beginResetModel();
    m_firewall = name;
    const Firewall *fw = m_document->design().firewall(name);
    m_rows = fw ? int(fw->rules.size()) : 0;
    endResetModel();
}

void FirewallRulesModel::objectChanged(const QString &name)
{
    if (name != m_firewall)
        return;
    const Firewall *fw = m_document->design().firewall(name);
    const int rows = fw ? int(fw->rules.size()) : 0;
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
}

int FirewallRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int FirewallRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FirewallRulesModel::data(const QModelIndex &index, int role) const
{
    const Firewall *fw = m_document->design().firewall(m_firewall);
    if (!fw || index.row() >= int(fw->rules.size()) ||
        (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const FirewallRule &r = fw->rules[index.row()];
    switch (index.column()) {
    case NameColumn: return r.name;
    case ActionColumn: return toString(r.action);
    case ProtocolsColumn: {
        QStringList parts;
        for (Protocol p : r.protocols)
            parts << toString(p);
        return parts.join(QStringLiteral(", "));
    }
    case SourcesColumn: return addressText(r.sourceAddresses);
    case DestinationsColumn: return addressText(r.destinationAddresses);
    case PortsColumn: return portsText(r.destinationPorts);
    }
    return {};
}

QVariant FirewallRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ActionColumn: return tr("Action");
    case ProtocolsColumn: return tr("Protocols");
    case SourcesColumn: return tr("Sources");
    case DestinationsColumn: return tr("Destinations");
    case PortsColumn: return tr("Ports");
    }
    return {};
}

Qt::ItemFlags FirewallRulesModel::flags(const QModelIndex &index) const
{
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QString FirewallRulesModel::whyNot(int row, int column, const QString &text) const
{
    const Firewall *fw = m_document->design().firewall(m_firewall);
    if (!fw || row < 0 || row >= int(fw->rules.size()))
        return tr("No such rule.");
    const QStringList parts = items(text);
    switch (column) {
    case NameColumn:
        if (!isValidName(text))
            return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
        for (int i = 0; i < int(fw->rules.size()); ++i) {
            if (i != row && fw->rules[i].name == text)
                return tr("%1 already has a rule named %2.").arg(m_firewall, text);
        }
        return {};
    case ActionColumn:
        return text == u"Allow" || text == u"Deny" ? QString() : tr("Allow or Deny.");
    case ProtocolsColumn:
        if (parts.isEmpty())
            return tr("At least one protocol: Tcp, Udp, Icmp or Any.");
        for (const QString &p : parts) {
            if (!protocolFrom(p))
                return tr("%1: not Tcp, Udp, Icmp or Any.").arg(p);
        }
        return {};
    case SourcesColumn:
    case DestinationsColumn:
        if (parts.isEmpty())
            return tr("At least one prefix, or * for any.");
        for (const QString &p : parts) {
            QString why;
            if (!addressFrom(p, &why))
                return QStringLiteral("%1: %2").arg(p, why.isEmpty() ? tr("not a prefix or *") : why);
        }
        return {};
    case PortsColumn:
        if (parts.isEmpty())
            return tr("At least one port, range (1024-65535) or *.");
        for (const QString &p : parts) {
            if (!portsFrom(p))
                return tr("%1: not a port, a range or *.").arg(p);
        }
        return {};
    }
    return tr("No such column.");
}

bool FirewallRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
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
    const QString ruleName = data(this->index(row, NameColumn), Qt::DisplayRole).toString();
    const QStringList parts = items(text);
    m_document->edit(
        tr("Edit rule %1 of %2").arg(ruleName, m_firewall),
        [&](Design &d) {
            FirewallRule &r = firewallIn(d, m_firewall)->rules[row];
            switch (column) {
            case NameColumn: r.name = text; break;
            case ActionColumn: r.action = text == u"Allow" ? RuleAction::Allow : RuleAction::Deny; break;
            case ProtocolsColumn:
                r.protocols.clear();
                for (const QString &p : parts)
                    r.protocols.push_back(*protocolFrom(p));
                break;
            case SourcesColumn:
            case DestinationsColumn: {
                auto &list = column == SourcesColumn ? r.sourceAddresses : r.destinationAddresses;
                list.clear();
                for (const QString &p : parts)
                    list.push_back(*addressFrom(p, nullptr));
                break;
            }
            case PortsColumn:
                r.destinationPorts.clear();
                for (const QString &p : parts)
                    r.destinationPorts.push_back(*portsFrom(p));
                break;
            }
        },
        QStringLiteral("rule:%1:%2:%3").arg(m_firewall).arg(row).arg(column));
    Q_EMIT rejected(QString());
    return true;
}

int FirewallRulesModel::addRule()
{
    int row = -1;
    m_document->breakMergeChain();
    m_document->edit(tr("Add rule to %1").arg(m_firewall), [&](Design &d) {
        Firewall *fw = firewallIn(d, m_firewall);
        if (!fw)
            return;
        QString name = QStringLiteral("rule-1");
        for (int n = 2; std::any_of(fw->rules.begin(), fw->rules.end(),
                                    [&](const FirewallRule &r) { return r.name == name; });
             ++n)
            name = QStringLiteral("rule-") + QString::number(n);
        FirewallRule rule;
        rule.name = name;
        rule.protocols = {Protocol::Tcp};
        rule.sourceAddresses = {AddressMatch{}};
        rule.destinationAddresses = {AddressMatch{}};
        rule.destinationPorts = {PortRange{443, 443}};
        fw->rules.push_back(rule);
        row = int(fw->rules.size()) - 1;
    });
    m_document->breakMergeChain();
    return row;
}

void FirewallRulesModel::removeRule(int row)
{
    if (row < 0 || row >= m_rows)
        return;
    const QString ruleName = data(index(row, NameColumn), Qt::DisplayRole).toString();
    m_document->breakMergeChain();
    m_document->edit(tr("Remove rule %1 from %2").arg(ruleName, m_firewall), [&](Design &d) {
        Firewall *fw = firewallIn(d, m_firewall);
        fw->rules.erase(fw->rules.begin() + row);
    });
}

void FirewallRulesModel::moveRule(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || row >= m_rows || target < 0 || target >= m_rows)
        return;
    const QString ruleName = data(index(row, NameColumn), Qt::DisplayRole).toString();
    m_document->breakMergeChain();
    m_document->edit(tr("Move rule %1").arg(ruleName), [&](Design &d) {
        Firewall *fw = firewallIn(d, m_firewall);
        std::swap(fw->rules[row], fw->rules[target]);
    });
}

FirewallRuleDelegate::FirewallRuleDelegate(FirewallRulesModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

QWidget *FirewallRuleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    if (index.column() == FirewallRulesModel::ActionColumn) {
        auto *combo = new QComboBox(parent);
        combo->addItems({QStringLiteral("Allow"), QStringLiteral("Deny")});
        return combo;
    }
    auto *edit = new ValidatedLineEdit(parent);
    const int row = index.row(), column = index.column();
    const FirewallRulesModel *model = m_model;
    edit->setValidator([model, row, column](const QString &text) {
        return model->whyNot(row, column, text.trimmed());
    });
    return edit;
}

void FirewallRuleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(index.data(Qt::EditRole).toString());
    else if (auto *edit = qobject_cast<ValidatedLineEdit *>(editor))
        edit->setText(index.data(Qt::EditRole).toString());
}

void FirewallRuleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                        const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentText(), Qt::EditRole);
    else if (auto *edit = qobject_cast<ValidatedLineEdit *>(editor))
        model->setData(index, edit->text(), Qt::EditRole);
}

} // namespace hopscope::gui
