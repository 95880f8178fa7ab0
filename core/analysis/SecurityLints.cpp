#include "analysis/SecurityLints.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace hopscope::analysis {

using model::NetworkSecurityGroup;
using model::SecurityAddress;
using model::SecurityDirection;
using model::SecurityRule;
using model::SecuritySide;

namespace {

bool isTag(const SecurityAddress &a, QStringView tag)
{
    return a.kind == SecurityAddress::Kind::Tag && a.tag.compare(tag, Qt::CaseInsensitive) == 0;
}

// N1.2: `*`, `Any` and 0.0.0.0/0 are every address.
bool isAnyAddress(const SecurityAddress &a)
{
    return a.kind == SecurityAddress::Kind::Any ||
           (a.kind == SecurityAddress::Kind::Prefix && a.prefix.length() == 0);
}

bool sideIsAnyAddress(const SecuritySide &side)
{
    return (side.addresses.empty() && side.applicationSecurityGroups.empty()) ||
           std::ranges::any_of(side.addresses, isAnyAddress);
}

// The three tags Hopscope expands (N2.1–N2.3); every other tag matches nothing (N2.4).
bool isModelledTag(const QString &tag)
{
    for (const QStringView known : {u"VirtualNetwork", u"Internet", u"AzureLoadBalancer"})
        if (tag.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// Ports as sorted, merged [first, last] intervals; an empty list is every port.
std::vector<model::PortRange> mergedPorts(const std::vector<model::PortRange> &ports)
{
    if (ports.empty())
        return {model::PortRange{}};
    std::vector<model::PortRange> sorted = ports;
    std::ranges::sort(sorted, {}, &model::PortRange::first);
    std::vector<model::PortRange> merged;
    for (const model::PortRange &r : sorted) {
        if (!merged.empty() && r.first <= merged.back().last + 1)
            merged.back().last = std::max(merged.back().last, r.last);
        else
            merged.push_back(r);
    }
    return merged;
}

bool portsCover(const std::vector<model::PortRange> &covering,
                const std::vector<model::PortRange> &covered)
{
    const std::vector<model::PortRange> outer = mergedPorts(covering);
    return std::ranges::all_of(mergedPorts(covered), [&](const model::PortRange &inner) {
        return std::ranges::any_of(outer, [&](const model::PortRange &o) {
            return o.first <= inner.first && inner.last <= o.last;
        });
    });
}

bool portsHold(const std::vector<model::PortRange> &ports, int port)
{
    return ports.empty() ||
           std::ranges::any_of(ports, [&](const model::PortRange &r) { return r.contains(port); });
}

bool addressCovers(const SecurityAddress &a, const SecurityAddress &b)
{
    if (isAnyAddress(a))
        return true;
    if (isAnyAddress(b))
        return false;
    if (a.kind == SecurityAddress::Kind::Prefix)
        return b.kind == SecurityAddress::Kind::Prefix && a.prefix.contains(b.prefix);
    return b.kind == SecurityAddress::Kind::Tag && isTag(b, a.tag);
}

// L23 on one side: addresses and ASGs, then ports.
bool sideCovers(const SecuritySide &a, const SecuritySide &b)
{
    if (!portsCover(a.ports, b.ports))
        return false;
    if (sideIsAnyAddress(a))
        return true;
    if (!b.applicationSecurityGroups.empty()) {
        return std::ranges::all_of(b.applicationSecurityGroups, [&](const QString &asg) {
            return std::ranges::find(a.applicationSecurityGroups, asg) !=
                   a.applicationSecurityGroups.end();
        });
    }
    if (b.addresses.empty()) // b is `*`, a is not
        return false;
    return std::ranges::all_of(b.addresses, [&](const SecurityAddress &item) {
        return std::ranges::any_of(a.addresses,
                                   [&](const SecurityAddress &o) { return addressCovers(o, item); });
    });
}

text::Message describe(const NetworkSecurityGroup &nsg, const SecurityRule &rule)
{
    return text::findingText(
        QT_TRANSLATE_NOOP("Finding", "%1 rule %2 (%3 %4)"),
        {nsg.name, rule.name, model::toString(rule.direction), QString::number(rule.priority)});
}

// The custom rules of one direction in evaluation order: ascending priority, file order among
// equals (N3.2).
std::vector<const SecurityRule *> inEvaluationOrder(const NetworkSecurityGroup &nsg,
                                                    SecurityDirection direction)
{
    std::vector<const SecurityRule *> rules;
    for (const SecurityRule &r : nsg.securityRules)
        if (r.direction == direction)
            rules.push_back(&r);
    std::ranges::stable_sort(rules, {}, &SecurityRule::priority);
    return rules;
}

// Whether `prefixes` together hold every IPv4 address.
bool coverEveryAddress(std::vector<net::Prefix> prefixes)
{
    std::ranges::sort(prefixes);
    std::uint64_t next = 0; // the first address not yet covered
    for (const net::Prefix &p : prefixes) {
        if (p.first().value() > next)
            return false;
        next = std::max<std::uint64_t>(next, std::uint64_t(p.last().value()) + 1);
    }
    return next > 0xFFFFFFFFull;
}

struct SecurityLinter
{
    const model::Network &network;
    const model::Design &design;
    std::vector<Finding> &findings;

    void add(const char *code, Severity severity, text::Message message, QStringList objects)
    {
        findings.push_back(makeFinding(code, severity, std::move(message), std::move(objects)));
    }

    // NSGs that serve some subnet or NIC.
    QSet<QString> associated() const
    {
        QSet<QString> names;
        for (const model::Vnet &v : design.vnets)
            for (const model::Subnet &s : v.subnets)
                if (!s.networkSecurityGroup.isEmpty())
                    names.insert(s.networkSecurityGroup);
        for (const model::Vm &vm : design.vms)
            if (!vm.networkSecurityGroup.isEmpty())
                names.insert(vm.networkSecurityGroup);
        return names;
    }

    // L21, L22 (N3.6): associations the platform refuses or ignores.
    void specialSubnets()
    {
        for (const model::Vnet &v : design.vnets) {
            for (const model::Subnet &s : v.subnets) {
                if (s.networkSecurityGroup.isEmpty())
                    continue;
                const QString where = model::qualifiedSubnetName(v.name, s.name);
                if (s.name == model::gatewaySubnetName()) {
                    add("nsg-on-gateway-subnet", Severity::Error,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "%1 is associated with %2: Azure refuses an NSG on "
                                "GatewaySubnet while a gateway is there, and Microsoft "
                                "calls it unsupported (the gateway may stop working). "
                                "Hopscope does not evaluate it. Remove the association."),
                            {s.networkSecurityGroup, where}),
                        {where, s.networkSecurityGroup});
                } else if (s.name == model::firewallSubnetName() ||
                           s.name == QLatin1String("AzureFirewallManagementSubnet")) {
                    add("nsg-on-firewall-subnet", Severity::Error,
                        text::findingText(
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "%1 is associated with %2: Azure disables subnet NSGs on "
                                "the firewall's subnets, so it filters nothing (the "
                                "firewall's own rules do). Hopscope does not evaluate "
                                "it. Remove the association."),
                            {s.networkSecurityGroup, where}),
                        {where, s.networkSecurityGroup});
                }
            }
        }
    }

    // L23: a custom rule that an earlier rule of the same NSG and direction covers.
    void shadowedRules(const NetworkSecurityGroup &nsg)
    {
        for (const SecurityDirection direction :
             {SecurityDirection::Inbound, SecurityDirection::Outbound}) {
            const std::vector<const SecurityRule *> rules = inEvaluationOrder(nsg, direction);
            for (size_t j = 1; j < rules.size(); ++j) {
                const SecurityRule &b = *rules[j];
                for (size_t i = 0; i < j; ++i) {
                    const SecurityRule &a = *rules[i];
                    if (!securityRuleCovers(a, b))
                        continue;
                    const bool contradicts = a.access != b.access;
                    add("nsg-rule-shadowed", contradicts ? Severity::Warning : Severity::Info,
                        contradicts
                            ? text::findingText(
                                  QT_TRANSLATE_NOOP("Finding",
                                                    "%1 never decides: %2 comes first and matches "
                                                    "every packet it matches, with the opposite "
                                                    "access (%3). The %4 it seems to intend never "
                                                    "happens. Give it a lower priority number than "
                                                    "%5, or narrow %5."),
                                  {describe(nsg, b), describe(nsg, a), model::toString(a.access),
                                   model::toString(b.access), a.name})
                            : text::findingText(
                                  QT_TRANSLATE_NOOP(
                                      "Finding", "%1 never decides: %2 comes first and matches "
                                                 "every packet it matches, with the same access. "
                                                 "It can be removed."),
                                  {describe(nsg, b), describe(nsg, a)}),
                        {nsg.name});
                    break;
                }
            }
        }
    }

    // L24: management ports open to the Internet.
    void openManagementPorts(const NetworkSecurityGroup &nsg)
    {
        for (const SecurityRule &r : nsg.securityRules) {
            if (r.direction != SecurityDirection::Inbound || r.access != model::RuleAction::Allow)
                continue;
            if (r.protocol != model::SecurityProtocol::Tcp &&
                r.protocol != model::SecurityProtocol::Any)
                continue;
            const bool fromAnywhere =
                (r.source.addresses.empty() && r.source.applicationSecurityGroups.empty()) ||
                std::ranges::any_of(r.source.addresses, [](const SecurityAddress &a) {
                    return isAnyAddress(a) || isTag(a, u"Internet");
                });
            if (!fromAnywhere)
                continue;
            QStringList ports;
            for (const int port : {22, 3389})
                if (portsHold(r.destination.ports, port))
                    ports << QString::number(port);
            if (ports.isEmpty())
                continue;
            add("nsg-open-management-port", Severity::Warning,
                text::findingText(
                    QT_TRANSLATE_NOOP("Finding",
                                      "%1 admits TCP port %2 from the whole Internet: SSH and RDP "
                                      "exposed this way are scanned and brute-forced within hours "
                                      "(Azure Policy and Defender flag it). Allow only your admin "
                                      "addresses, or use Bastion or just-in-time access."),
                    {describe(nsg, r),
                     ports.size() > 1 ? text::findingText(QT_TRANSLATE_NOOP("Finding", "%1 and %2"),
                                                          {ports.at(0), ports.at(1)})
                                      : text::Message::verbatim(ports.at(0))}),
                {nsg.name});
        }
    }

    // L26: two custom rules with one priority and direction.
    void duplicatePriorities(const NetworkSecurityGroup &nsg)
    {
        for (const SecurityDirection direction :
             {SecurityDirection::Inbound, SecurityDirection::Outbound}) {
            QHash<int, QStringList> byPriority;
            QList<int> order;
            for (const SecurityRule &r : nsg.securityRules) {
                if (r.direction != direction)
                    continue;
                if (!byPriority.contains(r.priority))
                    order << r.priority;
                byPriority[r.priority] << r.name;
            }
            for (const int priority : order) {
                const QStringList &names = byPriority[priority];
                if (names.size() < 2)
                    continue;
                add("nsg-duplicate-priority", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1: rules %2 share priority %3 %4. Azure refuses the "
                                       "second (SecurityRuleConflict); Hopscope tries them in file "
                                       "order. Give each rule its own priority."),
                        {nsg.name, names.join(QStringLiteral(", ")), QString::number(priority),
                         model::toString(direction)}),
                    {nsg.name});
            }
        }
    }

    // L27 and L29: what ARM refuses in a rule, and tags Hopscope cannot expand.
    void ruleShapes(const NetworkSecurityGroup &nsg)
    {
        for (const SecurityRule &r : nsg.securityRules) {
            std::vector<text::Message> problems;
            if (r.priority < 100 || r.priority > 4096)
                problems.push_back(text::findingText(
                    QT_TRANSLATE_NOOP("Finding", "priority %1 is outside 100–4096"),
                    {QString::number(r.priority)}));
            QStringList unmodelled;
            for (const auto &[label, side] :
                 {std::pair{text::findingText(QT_TRANSLATE_NOOP("Finding", "source")), &r.source},
                  std::pair{text::findingText(QT_TRANSLATE_NOOP("Finding", "destination")),
                            &r.destination}}) {
                qsizetype tags = 0;
                qsizetype prefixes = 0;
                for (const SecurityAddress &a : side->addresses) {
                    if (a.kind == SecurityAddress::Kind::Tag) {
                        ++tags;
                        if (!isModelledTag(a.tag) && !unmodelled.contains(a.tag))
                            unmodelled << a.tag;
                    } else if (a.kind == SecurityAddress::Kind::Prefix) {
                        ++prefixes;
                    }
                }
                if (tags > 1)
                    problems.push_back(text::findingText(
                        QT_TRANSLATE_NOOP("Finding", "its %1 names %2 service tags"),
                        {label, QString::number(tags)}));
                if (tags > 0 && prefixes > 0)
                    problems.push_back(text::findingText(
                        QT_TRANSLATE_NOOP("Finding", "its %1 mixes a service tag with prefixes"),
                        {label}));
                if (side->applicationSecurityGroups.size() > 1)
                    problems.push_back(text::findingText(
                        QT_TRANSLATE_NOOP("Finding", "its %1 names %2 application security groups"),
                        {label, QString::number(side->applicationSecurityGroups.size())}));
            }
            if (!problems.empty()) {
                // "a; b; c", each part translated.
                text::Message all = problems.front();
                for (size_t i = 1; i < problems.size(); ++i)
                    all = text::findingText(QT_TRANSLATE_NOOP("Finding", "%1; %2"),
                                            {all, problems[i]});
                add("nsg-rule-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "%1: %2. Azure refuses such a rule; Hopscope evaluates it as "
                            "written."),
                        {describe(nsg, r), all}),
                    {nsg.name});
            }
            if (!unmodelled.isEmpty())
                add("nsg-service-tag-not-modelled", Severity::Info,
                    text::findingText(
                        QT_TRANSLATE_NOOP(
                            "Finding", "%1 uses the service tag %2, whose addresses Hopscope does "
                                       "not hold: in traces and checks it matches no address."),
                        {describe(nsg, r), unmodelled.join(QStringLiteral(", "))}),
                    {nsg.name});
        }
    }

    // L30: both a subnet NSG and a NIC NSG on one VM.
    void subnetAndNic()
    {
        for (const model::Vm &vm : design.vms) {
            if (vm.networkSecurityGroup.isEmpty())
                continue;
            const model::Subnet *s = design.subnet(vm.subnet);
            if (!s || s->networkSecurityGroup.isEmpty())
                continue;
            add("nsg-on-subnet-and-nic", Severity::Info,
                text::findingText(
                    QT_TRANSLATE_NOOP(
                        "Finding", "%1 is filtered twice: by %2 on its subnet %3 and by %4 on its "
                                   "NIC. Both must allow every flow; Microsoft recommends one or "
                                   "the other, which keeps the rules in one place."),
                    {vm.name, s->networkSecurityGroup, vm.subnet, vm.networkSecurityGroup}),
                {vm.name, s->networkSecurityGroup, vm.networkSecurityGroup});
        }
    }

    // L31: an ASG spanning VNets, or a rule whose two ASG sides live in different VNets.
    void applicationSecurityGroups()
    {
        QHash<QString, QStringList> vnetsOf; // ASG → VNets of its members, first seen first
        for (const model::Vm &vm : design.vms) {
            if (vm.applicationSecurityGroups.empty())
                continue;
            const QString vnet = vm.subnet.section(u'/', 0, 0);
            for (const QString &asg : vm.applicationSecurityGroups)
                if (!vnetsOf[asg].contains(vnet))
                    vnetsOf[asg] << vnet;
        }
        for (const model::ApplicationSecurityGroup &asg : design.applicationSecurityGroups) {
            const QStringList vnets = vnetsOf.value(asg.name);
            if (vnets.size() > 1)
                add("asg-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP("Finding",
                                          "application security group %1 has members in %2 VNets "
                                          "(%3): Azure requires every member NIC in one VNet."),
                        {asg.name, QString::number(vnets.size()),
                         vnets.join(QStringLiteral(", "))}),
                    {asg.name});
        }
        for (const NetworkSecurityGroup &nsg : design.networkSecurityGroups) {
            for (const SecurityRule &r : nsg.securityRules) {
                QStringList sourceVnets;
                QStringList destinationVnets;
                for (const QString &asg : r.source.applicationSecurityGroups)
                    sourceVnets << vnetsOf.value(asg);
                for (const QString &asg : r.destination.applicationSecurityGroups)
                    destinationVnets << vnetsOf.value(asg);
                sourceVnets.removeDuplicates();
                destinationVnets.removeDuplicates();
                if (sourceVnets.size() != 1 || destinationVnets.size() != 1 ||
                    sourceVnets == destinationVnets)
                    continue;
                add("asg-invalid", Severity::Error,
                    text::findingText(
                        QT_TRANSLATE_NOOP("Finding",
                                          "%1 joins application security groups of different VNets "
                                          "(source in %2, destination in %3): Azure requires the "
                                          "source and destination groups of a rule in one VNet."),
                        {describe(nsg, r), sourceVnets.first(), destinationVnets.first()}),
                    {nsg.name});
            }
        }
    }

    // L28: the user routes that enter a subnet's VirtualNetwork tag (N2.1 d) cover every address,
    // so AllowVnetInBound admits any source at the points there that have an NSG.
    void widenedVnetTag()
    {
        using model::NextHopType;
        const model::VnetTagUdrPrefixes mode = design.settings.vnetTagUdrPrefixes;
        if (mode == model::VnetTagUdrPrefixes::None)
            return;
        const auto selected = [&](NextHopType type) {
            switch (type) {
            case NextHopType::VirtualAppliance:
            case NextHopType::VirtualNetworkGateway:
            case NextHopType::VnetLocal: return true;
            case NextHopType::Internet:
            case NextHopType::None: return mode == model::VnetTagUdrPrefixes::All;
            }
            return false;
        };
        // Without an NSG on any subnet or NIC, no subnet below has one to widen: a design with
        // none is re-checked after every edit, and this saves the pass over its VMs.
        const auto hasNsg = [](const auto &o) { return !o.networkSecurityGroup.isEmpty(); };
        if (std::ranges::none_of(design.vms, hasNsg) &&
            std::ranges::none_of(design.vnets, [&](const model::Vnet &v) {
                return std::ranges::any_of(v.subnets, hasNsg);
            }))
            return;
        QHash<QString, std::vector<const model::Vm *>> vmsIn; // by subnet, in design order
        for (const model::Vm &vm : design.vms)
            vmsIn[vm.subnet].push_back(&vm);
        for (const model::SubnetIndex &s : network.subnets()) {
            if (!s.routeTable || model::isSpecialSubnetName(s.subnet->name))
                continue;
            QStringList nsgs;
            if (!s.subnet->networkSecurityGroup.isEmpty())
                nsgs << s.subnet->networkSecurityGroup;
            bool exposedVm = false;
            for (const model::Vm *in : vmsIn.value(s.qualifiedName)) {
                const model::Vm &vm = *in;
                if (!vm.networkSecurityGroup.isEmpty())
                    nsgs << vm.networkSecurityGroup;
                const bool filtered = !vm.networkSecurityGroup.isEmpty() ||
                                      !s.subnet->networkSecurityGroup.isEmpty();
                exposedVm = exposedVm ||
                            (filtered && vm.outbound == model::OutboundMethod::PublicIp);
            }
            if (nsgs.isEmpty())
                continue;
            std::vector<net::Prefix> prefixes;
            for (const model::Route &r : s.routeTable->routes)
                if (selected(r.nextHopType))
                    prefixes.push_back(r.addressPrefix);
            if (!coverEveryAddress(prefixes))
                continue;
            nsgs.removeDuplicates();
            add("nsg-vnet-tag-widened", exposedVm ? Severity::Warning : Severity::Info,
                text::findingText(
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "the routes of %1 on %2 cover every IPv4 address, and Azure adds "
                        "user-route prefixes to the subnet's VirtualNetwork service tag: "
                        "there the tag means any address, so AllowVnetInBound of %3 "
                        "admits any source%4. Add explicit deny rules below 65000 for "
                        "what must not come in."),
                    {s.routeTable->name, s.qualifiedName, nsgs.join(QStringLiteral(", ")),
                     exposedVm ? text::findingText(QT_TRANSLATE_NOOP(
                                     "Finding", ", the Internet included for its VMs with "
                                                "a public IP"))
                               : text::Message()}),
                QStringList{s.qualifiedName, s.routeTable->name} + nsgs);
        }
    }
};

} // namespace

bool securityRuleCovers(const SecurityRule &covering, const SecurityRule &covered)
{
    if (covering.protocol != model::SecurityProtocol::Any && covering.protocol != covered.protocol)
        return false;
    return sideCovers(covering.source, covered.source) &&
           sideCovers(covering.destination, covered.destination);
}

void lintSecurityGroups(const model::Network &network, std::vector<Finding> &findings)
{
    SecurityLinter linter{network, network.design(), findings};
    linter.specialSubnets();
    const QSet<QString> associated = linter.associated();
    for (const NetworkSecurityGroup &nsg : network.design().networkSecurityGroups) {
        linter.duplicatePriorities(nsg);
        linter.ruleShapes(nsg);
        linter.shadowedRules(nsg);
        if (associated.contains(nsg.name))
            linter.openManagementPorts(nsg);
    }
    linter.widenedVnetTag();
    linter.subnetAndNic();
    linter.applicationSecurityGroups();
}

} // namespace hopscope::analysis
