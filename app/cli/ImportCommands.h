#pragma once

// `hopscope import` and `hopscope routes … --compare` (issue 14, import.md §1 and §9). Each
// returns cli.md's exit status and writes to stdout/stderr itself; a QCoreApplication must exist.

#include "model/Design.h"
#include "model/Network.h"

#include <QStringList>

namespace hopscope::cli {

// hopscope import INPUT... -o OUT [--previous OLD] [--report R.json] [--json]
//                 [--subscription-id ID] [--resource-group RG]
// Exit 0 when OUT was written, whatever was skipped; 2 when no input is usable, nothing can be
// imported, or OUT cannot be written (nothing is written then); never 1.
int runImport(const QStringList &arguments);

// The comparison of `subnet`'s effective routes with Azure's in `effectiveFile` (§9). `target`
// is the subnet as the user named it (VNET/SUBNET or a VM). Exit 0 when no difference is an
// error, 1 when one is, 2 when the file is unreadable.
int runRoutesCompare(const model::Network &network, int subnet, const QString &effectiveFile,
                     bool json);

} // namespace hopscope::cli
