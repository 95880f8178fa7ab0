#pragma once

// Lints of network security groups (nsg.md §6, L21–L24 and L26–L31): what ARM refuses, what the
// platform ignores, and rules that never decide. L25 (a pool blocked by an NSG) comes from the
// sweeps, not from here.

#include "analysis/Check.h"
#include "model/Network.h"

#include <vector>

namespace hopscope::analysis {

// Appends the NSG and ASG findings of `network` to `findings`.
void lintSecurityGroups(const model::Network &network, std::vector<Finding> &findings);

// nsg.md L23's cover test: every packet `covered` matches, `covering` matches too. Tags are not
// expanded, so the answer holds at every point the NSG is applied to.
bool securityRuleCovers(const model::SecurityRule &covering, const model::SecurityRule &covered);

} // namespace hopscope::analysis
