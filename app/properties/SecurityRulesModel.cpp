#include "properties/SecurityRulesModel.h"

#include "format/ValueGrammar.h"

#include <QColor>
#include <QPalette>

#include <algorithm>

namespace hopscope::gui {

using namespace model;

namespace {
const std::vector<SecurityRule> *customRules(const Design &d, const QString &group)
{
    const NetworkSecurityGroup *nsg = d.networkSecurityGroup(group);
    return nsg ? &nsg->securityRules : nullptr;
}

bool isSideColumn(int column)
{
    return column == SecurityRulesModel::SourceColumn ||
           column == SecurityRulesModel::DestinationColumn;
}

bool isPortsColumn(int column)
{
    return column == SecurityRulesModel::SourcePortsColumn ||
           column == SecurityRulesModel::DestinationPortsColumn;
}

// A side's addresses or application security groups (N1.1: exclusive forms), "*" for neither.
QString sideText(const SecuritySide &side)
{
    if (!side.applicationSecurityGroups.empty()) {
        QStringList names;
        for (const QString &asg : side.applicationSecurityGroups)
            names << asg;
        return format::joinList(names);
    }
    if (side.addresses.empty())
        return QStringLiteral("*");
    return format::formatList(side.addresses, format::formatSecurityAddress);
}

QString portsText(const std::vector<PortRange> &ports)
{
    return ports.empty() ? QStringLiteral("*") : format::formatList(ports, format::formatPortRange);
}

// A typed side: every item names an ASG of the design (the ASG form), or every item is an
// address item of the value grammar (N1.2). "*" or nothing is any address.
struct ParsedSide
{
    std::vector<SecurityAddress> addresses;
    std::vector<QString> applicationSecurityGroups;
    QString error;
};

ParsedSide parseSide(const Design &d, const QString &text)
{
    ParsedSide side;
    const QStringList items = format::splitList(text);
    int asgs = 0;
    for (const QString &item : items) {
        for (const ApplicationSecurityGroup &asg : d.applicationSecurityGroups)
            asgs += asg.name == item;
    }
    if (asgs > 0 && asgs == items.size()) {
        for (const QString &item : items)
            side.applicationSecurityGroups.push_back(item);
        return side;
    }
    if (asgs > 0) {
        side.error = SecurityRulesModel::tr("A side holds addresses or application security "
                                            "groups, not both.");
        return side;
    }
    auto parsed = format::parseList<SecurityAddress>(text, format::parseSecurityAddress);
    if (!parsed) {
        side.error = parsed.error();
        return side;
    }
    // "*" alone is the empty list, as the file writes it.
    for (const SecurityAddress &a : *parsed) {
        if (a.kind != SecurityAddress::Kind::Any)
            side.addresses.push_back(a);
    }
    if (side.addresses.size() != parsed->size() && !side.addresses.empty())
        side.error = SecurityRulesModel::tr("“*” already means every address: list it alone.");
    return side;
}

// Ports: "*" or nothing is every port (the empty list).
format::Parsed<std::vector<PortRange>> parsePorts(const QString &text)
{
    auto parsed = format::parseList<PortRange>(text, format::parsePortRange);
    if (!parsed)
        return parsed;
    std::vector<PortRange> ranges;
    for (const PortRange &r : *parsed) {
        if (!(r == PortRange{}))
            ranges.push_back(r);
    }
    return ranges;
}
} // namespace

int SecurityRulesModel::customRuleCount() const
{
    const std::vector<SecurityRule> *rules = customRules(design(), owner());
    return rules ? int(rules->size()) : 0;
}

QString SecurityRulesModel::header(int column) const
{
    switch (column) {
    case PriorityColumn: return tr("Priority");
    case NameColumn: return tr("Name");
    case DirectionColumn: return tr("Direction");
    case AccessColumn: return tr("Access");
    case ProtocolColumn: return tr("Protocol");
    case SourceColumn: return tr("Source");
    case SourcePortsColumn: return tr("Source ports");
    case DestinationColumn: return tr("Destination");
    case DestinationPortsColumn: return tr("Destination ports");
    }
    return {};
}

QVariant SecurityRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return RowsModel::headerData(section, orientation, role);
    // Short titles keep nine columns within a side panel; the tooltip says each in full.
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PriorityColumn: return tr("Prio.");
        case DirectionColumn: return tr("Dir.");
        case ProtocolColumn: return tr("Proto.");
        case SourcePortsColumn: return tr("Src ports");
        case DestinationColumn: return tr("Dest.");
        case DestinationPortsColumn: return tr("Dest. ports");
        default: return header(section);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PriorityColumn:
            return tr("Priority: 100–4096, unique per direction; the lowest number that matches "
                      "decides");
        case DirectionColumn: return tr("Direction: Inbound or Outbound");
        case ProtocolColumn: return tr("Protocol: Tcp, Udp, Icmp, Esp, Ah or * (any)");
        case SourceColumn:
        case DestinationColumn:
            return tr("%1: *, addresses, prefixes, service tags or application security groups")
                .arg(header(section));
        case SourcePortsColumn:
        case DestinationPortsColumn:
            return tr("%1: *, ports or ranges such as 80, 443, 8000-8080").arg(header(section));
        default: return header(section);
        }
    }
    return RowsModel::headerData(section, orientation, role);
}

int SecurityRulesModel::rowsIn(const Design &d) const
{
    const std::vector<SecurityRule> *rules = customRules(d, owner());
    return rules ? int(rules->size() + defaultSecurityRules().size()) : 0;
}

static const SecurityRule &ruleAt(const Design &d, const QString &group, int row)
{
    const std::vector<SecurityRule> &custom = *customRules(d, group);
    return row < int(custom.size()) ? custom[row] : defaultSecurityRules()[row - custom.size()];
}

QString SecurityRulesModel::rowName(const Design &d, int row) const
{
    return ruleAt(d, owner(), row).name;
}

QString SecurityRulesModel::cell(const Design &d, int row, int column) const
{
    const SecurityRule &r = ruleAt(d, owner(), row);
    switch (column) {
    case PriorityColumn: return QString::number(r.priority);
    case NameColumn: return r.name;
    case DirectionColumn: return format::formatEnum(r.direction);
    case AccessColumn: return format::formatEnum(r.access);
    case ProtocolColumn: return format::formatEnum(r.protocol);
    case SourceColumn: return sideText(r.source);
    case SourcePortsColumn: return portsText(r.source.ports);
    case DestinationColumn: return sideText(r.destination);
    case DestinationPortsColumn: return portsText(r.destination.ports);
    }
    return {};
}

QString SecurityRulesModel::cellTip(const Design &d, int row, int column) const
{
    const int custom = int(customRules(d, owner())->size());
    if (row >= custom)
        return tr("A default rule of every NSG (nsg.md N1.4): it cannot be changed, only "
                  "overridden by a custom rule of lower priority number.");
    if (isSideColumn(column))
        return tr("*, addresses, prefixes, service tags (VirtualNetwork, Internet, "
                  "AzureLoadBalancer) or application security groups, separated by commas.");
    if (isPortsColumn(column))
        return tr("*, ports or ranges such as 80, 443, 8000-8080.");
    return {};
}

QVariant SecurityRulesModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole && index.isValid() && isDefaultRow(index.row()))
        return QPalette().color(QPalette::Disabled, QPalette::Text);
    return RowsModel::data(index, role);
}

QString SecurityRulesModel::describeEdit(const Design &d, int row, int column,
                                         const QString &text) const
{
    const SecurityRule &r = ruleAt(d, owner(), row);
    if (column == NameColumn)
        return tr("Rename rule %1 to %2 in %3").arg(r.name, text, owner());
    return tr("Change %1 of rule %2 to %3 in %4")
        .arg(header(column).toLower(), r.name, text.isEmpty() ? QStringLiteral("*") : text,
             owner());
}

bool SecurityRulesModel::editable(const Design &d, int row, int) const
{
    const std::vector<SecurityRule> *rules = customRules(d, owner());
    return rules && row < int(rules->size());
}

QStringList SecurityRulesModel::choices(int column) const
{
    switch (column) {
    case DirectionColumn: return format::spellings<SecurityDirection>();
    case AccessColumn: return format::spellings<RuleAction>();
    case ProtocolColumn: return format::spellings<SecurityProtocol>();
    }
    return {};
}

QString SecurityRulesModel::whyNot(int row, int column, const QString &text) const
{
    const std::vector<SecurityRule> *rules = customRules(design(), owner());
    if (!rules || row < 0 || row >= int(rules->size() + defaultSecurityRules().size()))
        return tr("No such rule.");
    if (row >= int(rules->size()))
        return tr("Default rules cannot be changed; add a rule with a lower priority number.");
    const SecurityRule &rule = (*rules)[row];
    switch (column) {
    case PriorityColumn: {
        const auto priority = format::parseSecurityPriority(text);
        if (!priority)
            return priority.error();
        // Azure keeps priorities unique per direction within an NSG.
        for (int i = 0; i < int(rules->size()); ++i) {
            if (i != row && (*rules)[i].priority == *priority &&
                (*rules)[i].direction == rule.direction)
                return tr("%1 already has an %2 rule with priority %3: %4.")
                    .arg(owner(), format::formatEnum(rule.direction).toLower())
                    .arg(*priority)
                    .arg((*rules)[i].name);
        }
        return {};
    }
    case NameColumn:
        if (!isValidName(text))
            return tr("Names use letters, digits, '.', '_' and '-', 1 to 80 characters.");
        for (int i = 0; i < int(rules->size()); ++i) {
            if (i != row && (*rules)[i].name == text)
                return tr("%1 already has a rule named %2.").arg(owner(), text);
        }
        return {};
    case DirectionColumn: {
        const auto direction = format::parseEnum<SecurityDirection>(text);
        if (!direction)
            return direction.error();
        for (int i = 0; i < int(rules->size()); ++i) {
            if (i != row && (*rules)[i].priority == rule.priority &&
                (*rules)[i].direction == *direction)
                return tr("%1 already has an %2 rule with priority %3: %4.")
                    .arg(owner(), text.toLower())
                    .arg(rule.priority)
                    .arg((*rules)[i].name);
        }
        return {};
    }
    case AccessColumn: return format::parseEnum<RuleAction>(text).error();
    case ProtocolColumn: return format::parseEnum<SecurityProtocol>(text).error();
    case SourceColumn:
    case DestinationColumn: return parseSide(design(), text).error;
    case SourcePortsColumn:
    case DestinationPortsColumn: return parsePorts(text).error();
    }
    return tr("No such column.");
}

void SecurityRulesModel::apply(Design &d, int row, int column, const QString &text) const
{
    SecurityRule &r = d.networkSecurityGroup(owner())->securityRules[row];
    switch (column) {
    case PriorityColumn: r.priority = *format::parseSecurityPriority(text); break;
    case NameColumn: r.name = text; break;
    case DirectionColumn: r.direction = *format::parseEnum<SecurityDirection>(text); break;
    case AccessColumn: r.access = *format::parseEnum<RuleAction>(text); break;
    case ProtocolColumn: r.protocol = *format::parseEnum<SecurityProtocol>(text); break;
    case SourceColumn:
    case DestinationColumn: {
        ParsedSide parsed = parseSide(d, text);
        SecuritySide &side = column == SourceColumn ? r.source : r.destination;
        side.addresses = std::move(parsed.addresses);
        side.applicationSecurityGroups = std::move(parsed.applicationSecurityGroups);
        break;
    }
    case SourcePortsColumn: r.source.ports = *parsePorts(text); break;
    case DestinationPortsColumn: r.destination.ports = *parsePorts(text); break;
    }
}

int SecurityRulesModel::append(Design &d) const
{
    NetworkSecurityGroup *nsg = d.networkSecurityGroup(owner());
    if (!nsg)
        return -1;
    // An inbound allow of nothing in particular, at the next free hundred (Azure's habit),
    // so that it loads back and collides with no other inbound rule.
    SecurityRule rule;
    rule.name = freeRowName(d, QStringLiteral("rule"));
    int priority = 100;
    for (const SecurityRule &r : nsg->securityRules) {
        if (r.direction == SecurityDirection::Inbound && r.priority < 4096)
            priority = std::max(priority, (r.priority / 100 + 1) * 100);
    }
    rule.priority = std::min(priority, 4096);
    rule.protocol = SecurityProtocol::Tcp;
    nsg->securityRules.push_back(rule);
    return int(nsg->securityRules.size()) - 1;
}

void SecurityRulesModel::erase(Design &d, int row) const
{
    NetworkSecurityGroup *nsg = d.networkSecurityGroup(owner());
    if (nsg && row < int(nsg->securityRules.size())) // default rules stay
        nsg->securityRules.erase(nsg->securityRules.begin() + row);
}

void SecurityRulesModel::swap(Design &d, int a, int b) const
{
    NetworkSecurityGroup *nsg = d.networkSecurityGroup(owner());
    const int custom = nsg ? int(nsg->securityRules.size()) : 0;
    if (a < custom && b < custom) // the default rules keep their place after the custom ones
        std::swap(nsg->securityRules[a], nsg->securityRules[b]);
}

} // namespace hopscope::gui
