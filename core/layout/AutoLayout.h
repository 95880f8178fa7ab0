#pragma once

// Automatic layout for designs without positions (issue 4, item 9). Deterministic: the same
// design always gives the same positions. Each hub heads a cluster of its spokes (the hub a spoke
// reaches first over the peering graph): up to four in a row under it, more in rows above and
// below, wrapped so a cluster stays about square; clusters flow into bands so a large estate keeps a screen's proportions. P2S
// clients and on-premises sites sit in columns at the left edge, level with their gateway's VNet,
// and the Internet above the top right corner. Containers never overlap, whatever their sizes.

#include "model/Design.h"

#include <vector>

namespace hopscope::layout {

// Layout points follow format.md's `layout` section: for a VNet the top-left corner of its
// container; for a client, an on-premises site or `Internet` the centre of its node.
//
// Positions for every VNet, client, on-premises site and `Internet`, in that order (VNets in
// design order). The `layout` already in `design` is ignored.
std::vector<model::LayoutPoint> autoLayout(const model::Design &design);

} // namespace hopscope::layout
