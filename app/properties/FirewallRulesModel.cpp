#include "properties/FirewallRulesModel.h"

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

const Firewall *firewallIn(const Design &d, const QString &name) { return d.firewall(name); }
Firewall *firewallIn(Design &d, const QString &name)
{
    auto it = std::find_if(d.firewalls.begin(), d.firewalls.end(),
                           [&](const Firewall &f) { return f.name == name; });
    return it == d.firewalls.end() ? nullptr : &*it;
}

} // namespace

QString FirewallRulesModel::header(int column) const
{
    switch (column) {
    case NameColumn: return tr("Name");
    case ActionColumn: return tr("Action");
    case ProtocolsColumn: return tr("Protocols");
    case SourcesColumn: return tr("Sources");
    case DestinationsColumn: return tr("Destinations");
    case PortsColumn: return tr("Ports");
    }
    return {};
}

int FirewallRulesModel::rowsIn(const Design &d) const
{
    const Firewall *fw = firewallIn(d, owner());
    return fw ? int(fw->rules.size()) : 0;
}

QString FirewallRulesModel::rowName(const Design &d, int row) const
{
    return firewallIn(d, owner())->rules[row].name;
}

QString FirewallRulesModel::cell(const Design &d, int row, int column) const
{
    const FirewallRule &r = firewallIn(d, owner())->rules[row];
    switch (column) {
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

QStringList FirewallRulesModel::choices(int column) const
{
    if (column == ActionColumn)
        return {toString(RuleAction::Allow), toString(RuleAction::Deny)};
    return {};
}

QString FirewallRulesModel::whyNot(int row, int column, const QString &text) const
{
    const Firewall *fw = firewallIn(design(), owner());
    if (!fw || row < 0 || row >= int(fw->rules.size()))
        return tr("No such rule.");
    const QStringList parts = items(text);
    switch (column) {
    case NameColumn:
        if (!isValidName(text))
            return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
        for (int i = 0; i < int(fw->rules.size()); ++i) {
            if (i != row && fw->rules[i].name == text)
                return tr("%1 already has a rule named %2.").arg(owner(), text);
        }
        return {};
    case ActionColumn:
        return choices(ActionColumn).contains(text) ? QString() : tr("Allow or Deny.");
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

void FirewallRulesModel::apply(Design &d, int row, int column, const QString &text) const
{
    FirewallRule &r = firewallIn(d, owner())->rules[row];
    const QStringList parts = items(text);
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
}

int FirewallRulesModel::append(Design &d) const
{
    Firewall *fw = firewallIn(d, owner());
    if (!fw)
        return -1;
    FirewallRule rule;
    rule.name = freeRowName(d, QStringLiteral("rule"));
    rule.protocols = {Protocol::Tcp};
    rule.sourceAddresses = {AddressMatch{}};
    rule.destinationAddresses = {AddressMatch{}};
    rule.destinationPorts = {PortRange{443, 443}};
    fw->rules.push_back(rule);
    return int(fw->rules.size()) - 1;
}

void FirewallRulesModel::erase(Design &d, int row) const
{
    Firewall *fw = firewallIn(d, owner());
    fw->rules.erase(fw->rules.begin() + row);
}

void FirewallRulesModel::swap(Design &d, int a, int b) const
{
    Firewall *fw = firewallIn(d, owner());
    std::swap(fw->rules[a], fw->rules[b]);
}

} // namespace hopscope::gui
