#pragma once

// Where new and unplaced objects go on the drawing, decided without a screen (STYLE 1): the
// nearest free spot for a dropped container, the spot beside everything drawn, and positions
// for objects that a partly laid-out design has none for. Positions follow format.md's
// `layout` section: a VNet's top-left corner, a point node's centre.

#include "model/Design.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace hopscope::layout {

// The position nearest to `wanted` (a top-left corner) for a box of `size` that keeps `gap`
// clear of every rectangle in `taken`. Searched on a 10-unit grid within `reach` of `wanted`;
// beyond that, to the right of everything.
QPointF nearestFreeSpot(const std::vector<QRectF> &taken, QSizeF size, QPointF wanted,
                        double gap = 30, double reach = 4000);

// The top-left corner of a VNet container dropped at `cursor`: its header sits under the cursor.
QPointF vnetCornerForDrop(QPointF cursor);

// Where a new top-level object goes without a drop position: the top-left corner of a VNet
// beside `drawn` (the union of everything drawn, margin included), never on top of anything;
// the origin for a design without VNets.
QPointF vnetCornerBeside(QRectF drawn, bool designHasVnets);
// The same spot for a point node (P2S client, on-premises site): its centre.
QPointF nodeCentreBeside(QRectF drawn, bool designHasVnets);

// Where each object of `automatic` (layout::autoLayout's, in its order) is drawn. Without any
// layout entry in `design` the automatic layout is kept whole; otherwise saved positions win
// and the unplaced objects go beside them, rather than where the automatic layout would have
// put them among objects that are elsewhere now: VNets in a column to the right, point nodes
// in a column to the left, the Internet above the top right corner.
QHash<QString, QPointF> positionsBesideSaved(const model::Design &design,
                                             const std::vector<model::LayoutPoint> &automatic);

} // namespace hopscope::layout
