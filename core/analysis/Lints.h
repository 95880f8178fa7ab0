#pragma once

// Lints: what Azure would reject or does not support, and the format's own semantic rules
// (azure-routing.md §12 L1–L20 where the format can express them; cli.md's codes).

#include "analysis/Check.h"
#include "model/Network.h"
#include "proxy/ProxyConfigs.h"

#include <vector>

namespace hopscope::analysis {

// Appends the lint findings of `network` to `findings`.
void lintDesign(const model::Network &network, std::vector<Finding> &findings);

// Proxy VMs and their squid.conf (squid.md): unreadable or partly understood configurations, an
// open proxy, a P2S pool no allow rule admits, a client port the proxy does not listen on.
void lintProxies(const model::Network &network, const proxy::ProxyConfigs &configs,
                 std::vector<Finding> &findings);

} // namespace hopscope::analysis
