#pragma once

// Generates multi-hub designs for benchmarks and tests: per hub an Azure Firewall, a VPN
// gateway with a P2S pool and a client, spokes whose subnets send 0/0 to the hub firewall,
// GatewaySubnet UDRs per spoke, and routes between hubs through their firewalls (P12.2).
// A correct design has no error; each injected fault produces its own finding.

#include "model/Design.h"

namespace hopscope::bench {

struct GeneratorOptions
{
    int hubs = 4;
    int vnets = 40;            // hubs included
    int workloadSubnets = 100; // spread over the spokes
    // Faults, each injected once when set.
    bool unownedNextHop = false;   // one spoke's 0/0 points at an address nobody owns
    bool missingReturnRoute = false; // one hub firewall lacks the route to another hub's spokes
    bool forwardingLoop = false;   // two hub firewalls send a range to each other
    // > 0: every spoke gets an NSG of this many rules on its workload subnets and another on its
    // VMs' NICs (issue 13's benchmark), with allows and denies on several ports and sources, so
    // that some pairs work on some ports only and some spokes refuse others on every port.
    int nsgRules = 0;
};

model::Design generateDesign(const GeneratorOptions &options);

} // namespace hopscope::bench
