#include "routing/EffectiveSecurityRules.h"

#include <algorithm>

namespace hopscope::routing {

using model::SecurityDirection;

namespace {

// N3.6: no VM can live in these subnets; Azure refuses or disables their NSGs.
bool nsgNeverEvaluatedOn(const QString &qualifiedSubnet)
{
    const QString name = qualifiedSubnet.section(u'/', 1);
    return name == model::gatewaySubnetName() || name == model::firewallSubnetName() ||
           name == QLatin1String("AzureFirewallManagementSubnet");
}

EffectiveSecurityGroup listed(const model::NetworkSecurityGroup &nsg, const QString &appliedTo,
                              bool subnetAssociation)
{
    EffectiveSecurityGroup group;
    group.networkSecurityGroup = nsg.name;
    group.appliedTo = appliedTo;
    group.subnetAssociation = subnetAssociation;
    group.evaluated = !subnetAssociation || !nsgNeverEvaluatedOn(appliedTo);
    for (const model::SecurityRule &r : nsg.securityRules)
        (r.direction == SecurityDirection::Inbound ? group.inbound : group.outbound)
            .push_back({r, false});
    // N3.2: ascending priority, equal priorities in file order, as the walk tries them.
    const auto byPriority = [](const EffectiveSecurityRule &a, const EffectiveSecurityRule &b) {
        return a.rule.priority < b.rule.priority;
    };
    std::stable_sort(group.inbound.begin(), group.inbound.end(), byPriority);
    std::stable_sort(group.outbound.begin(), group.outbound.end(), byPriority);
    for (const model::SecurityRule &r : model::defaultSecurityRules()) // N1.4, after every custom rule
        (r.direction == SecurityDirection::Inbound ? group.inbound : group.outbound)
            .push_back({r, true});
    return group;
}

} // namespace

std::vector<EffectiveSecurityGroup> effectiveSecurityGroups(const model::Design &design,
                                                           const QString &subnet,
                                                           const QString &vm)
{
    std::vector<EffectiveSecurityGroup> groups;
    const model::Subnet *s = design.subnet(subnet);
    if (!s)
        return groups;
    if (const model::NetworkSecurityGroup *nsg = design.networkSecurityGroup(s->networkSecurityGroup))
        groups.push_back(listed(*nsg, subnet, true));
    if (const model::Vm *nic = vm.isEmpty() ? nullptr : design.vm(vm)) {
        if (const model::NetworkSecurityGroup *nsg =
                design.networkSecurityGroup(nic->networkSecurityGroup))
            groups.push_back(listed(*nsg, nic->name, false));
    }
    return groups;
}

bool routeWidensVirtualNetworkTag(model::NextHopType type, model::VnetTagUdrPrefixes rule)
{
    using model::NextHopType;
    switch (rule) {
    case model::VnetTagUdrPrefixes::None: return false;
    case model::VnetTagUdrPrefixes::All: return true;
    case model::VnetTagUdrPrefixes::Forwarding: break;
    }
    return type == NextHopType::VirtualAppliance || type == NextHopType::VirtualNetworkGateway ||
           type == NextHopType::VnetLocal;
}

Prefix azurePlatformPrefix()
{
    return Prefix(Ipv4Address((168u << 24) | (63u << 16) | (129u << 8) | 16u), 32);
}

std::vector<Prefix> virtualNetworkTagPrefixes(const EffectiveRoutes &routes, int subnet)
{
    const model::Network &network = routes.network();
    const model::SubnetIndex &s = network.subnets()[subnet];
    std::vector<Prefix> tag;
    const auto add = [&](const Prefix &p) {
        if (std::find(tag.begin(), tag.end(), p) == tag.end())
            tag.push_back(p);
    };
    for (const Prefix &p : network.vnets()[s.vnet].vnet->addressSpace) // (a)
        add(p);
    for (const model::PeeringLink &link : network.links()) // (b)
        if (link.from == s.vnet && link.connected && link.peering->allowVirtualNetworkAccess)
            for (const Prefix &p : network.vnets()[link.to].vnet->addressSpace)
                add(p);
    for (const EffectiveRoute &r : routes.forSubnet(subnet).routes()) // (c), Active or Invalid
        if (r.source == RouteSource::VirtualNetworkGateway)
            add(r.addressPrefix);
    if (s.routeTable) // (d)
        for (const model::Route &r : s.routeTable->routes)
            if (routeWidensVirtualNetworkTag(r.nextHopType, network.settings().vnetTagUdrPrefixes))
                add(r.addressPrefix);
    add(azurePlatformPrefix()); // (e)
    return tag;
}

} // namespace hopscope::routing
