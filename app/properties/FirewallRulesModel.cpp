#include "properties/FirewallRulesModel.h"

#include "format/ValueGrammar.h"

#include <algorithm>

namespace hopscope::gui {

using namespace model;

namespace {

// The cells hold lists as the file does, item by item in format.md's grammar (format/).
format::Parsed<std::vector<Protocol>> protocolsFrom(const QString &text)
{
    return format::parseList<Protocol>(
        text, [](QStringView item) { return format::parseEnum<Protocol>(item); });
}

format::Parsed<std::vector<AddressMatch>> addressesFrom(const QString &text)
{
    return format::parseList<AddressMatch>(text, format::parseAddressMatch);
}

format::Parsed<std::vector<PortRange>> portsFrom(const QString &text)
{
    return format::parseList<PortRange>(text, format::parsePortRange);
}

// Why a list cell cannot take `parsed`: a bad item, or no item where the format needs one.
template <typename T>
QString whyNotList(const format::Parsed<std::vector<T>> &parsed, const QString &whenEmpty)
{
    if (!parsed)
        return parsed.error();
    return parsed->empty() ? whenEmpty : QString();
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
    case ActionColumn: return format::formatEnum(r.action);
    case ProtocolsColumn: return format::formatList(r.protocols, format::formatEnum<Protocol>);
    case SourcesColumn: return format::formatList(r.sourceAddresses, format::formatAddressMatch);
    case DestinationsColumn:
        return format::formatList(r.destinationAddresses, format::formatAddressMatch);
    case PortsColumn: return format::formatList(r.destinationPorts, format::formatPortRange);
    }
    return {};
}

QStringList FirewallRulesModel::choices(int column) const
{
    if (column == ActionColumn)
        return format::spellings<RuleAction>();
    return {};
}

QString FirewallRulesModel::whyNot(int row, int column, const QString &text) const
{
    const Firewall *fw = firewallIn(design(), owner());
    if (!fw || row < 0 || row >= int(fw->rules.size()))
        return tr("No such rule.");
    switch (column) {
    case NameColumn:
        if (!isValidName(text))
            return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
        for (int i = 0; i < int(fw->rules.size()); ++i) {
            if (i != row && fw->rules[i].name == text)
                return tr("%1 already has a rule named %2.").arg(owner(), text);
        }
        return {};
    case ActionColumn: return format::parseEnum<RuleAction>(text).error();
    case ProtocolsColumn:
        return whyNotList(protocolsFrom(text),
                          tr("At least one protocol: %1.").arg(format::spellingList<Protocol>()));
    case SourcesColumn:
    case DestinationsColumn:
        return whyNotList(addressesFrom(text), tr("At least one address, prefix, or * for any."));
    case PortsColumn:
        return whyNotList(portsFrom(text), tr("At least one port, range (1024-65535) or *."));
    }
    return tr("No such column.");
}

void FirewallRulesModel::apply(Design &d, int row, int column, const QString &text) const
{
    FirewallRule &r = firewallIn(d, owner())->rules[row];
    switch (column) {
    case NameColumn: r.name = text; break;
    case ActionColumn: r.action = *format::parseEnum<RuleAction>(text); break;
    case ProtocolsColumn: r.protocols = *protocolsFrom(text); break;
    case SourcesColumn: r.sourceAddresses = *addressesFrom(text); break;
    case DestinationsColumn: r.destinationAddresses = *addressesFrom(text); break;
    case PortsColumn: r.destinationPorts = *portsFrom(text); break;
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
