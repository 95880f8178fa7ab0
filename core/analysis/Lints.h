#pragma once

// Lints: what Azure would reject or does not support, and the format's own semantic rules
// (azure-routing.md §12 L1–L20 where the format can express them; cli.md's codes).

#include "analysis/Check.h"
#include "model/Network.h"

#include <vector>

namespace hopscope::analysis {

// Appends the lint findings of `network` to `findings`.
void lintDesign(const model::Network &network, std::vector<Finding> &findings);

} // namespace hopscope::analysis
