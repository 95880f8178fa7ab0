#pragma once

// What Azure's portal shows on a NIC's or subnet's "effective security rules" view (nsg.md §1–§3):
// for each NSG associated with the point (the subnet's, then the NIC's), its inbound and its
// outbound rules in the order they are evaluated, custom rules by priority then the six default
// rules, with the service tags the point expands (N2). Read-only: it decides nothing a walk does
// not decide in SecurityGroups; it lists what the walk evaluates.

#include "routing/EffectiveRoutes.h"

#include <QString>

#include <vector>

namespace hopscope::routing {

// One rule as listed, in its NSG and direction.
struct EffectiveSecurityRule
{
    model::SecurityRule rule;
    bool isDefault = false; // one of the six rules of N1.4
};

// One NSG associated with the point.
struct EffectiveSecurityGroup
{
    QString networkSecurityGroup;
    QString appliedTo;              // "VNET/SUBNET" for a subnet association, else the VM's name
    bool subnetAssociation = false;
    bool evaluated = true;          // false on GatewaySubnet and the firewall subnets (N3.6)
    // N3.2: custom rules in ascending priority (file order for equal ones), then the defaults.
    std::vector<EffectiveSecurityRule> inbound;
    std::vector<EffectiveSecurityRule> outbound;
};

// The NSGs of a point: the subnet `subnet` ("VNET/SUBNET") alone (its stand-in host), or the NIC
// of VM `vm` in it too. Subnet first, then NIC: the inbound order of N3.3 (outbound evaluates
// the NIC's first). An association naming no NSG of the design is left out.
std::vector<EffectiveSecurityGroup> effectiveSecurityGroups(const model::Design &design,
                                                           const QString &subnet,
                                                           const QString &vm = QString());

// N2.1: the prefixes of `VirtualNetwork` at a point in subnet `subnet` (index into the
// network's subnets), in the order of N2.1's parts, each prefix once: (a) the VNet's address
// space, (b) the address space of each VNet it reaches over a connected peering that allows
// virtual network access, (c) its gateway routes, Active or Invalid, (d) its user routes the
// switch `vnetTagUdrPrefixes` selects, (e) 168.63.129.16/32.
std::vector<Prefix> virtualNetworkTagPrefixes(const EffectiveRoutes &routes, int subnet);

// N2.1 d and its switch: whether a user route to `type` puts its prefix in the tag.
bool routeWidensVirtualNetworkTag(model::NextHopType type, model::VnetTagUdrPrefixes rule);

// N2.3: `AzureLoadBalancer` is 168.63.129.16/32, which N2.1 e also puts in `VirtualNetwork`.
Prefix azurePlatformPrefix();

} // namespace hopscope::routing
