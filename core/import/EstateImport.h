#pragma once

// `hopscope import` (import.md): an Azure estate exported as JSON becomes a design. Every
// supported resource is mapped (§4), names share one namespace with deterministic collision
// suffixes (§5), every object keeps its ARM id (I5.3), peering targets missing from the input
// become stub VNets (§6), and everything skipped, unresolved or synthesized is reported (§8).
// One bad resource never fails the import (I3.5). The design has no `layout`: the app lays it
// out automatically when it opens it (§7), unless `previous` holds positions.

#include "import/EstateInput.h"
#include "import/ImportReport.h"
#include "model/Design.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace hopscope::importing {

struct ImportOptions
{
    TemplateContext templates; // `--subscription-id`, `--resource-group` (I3.4)
    // `--previous` (§7): names, positions and the hand-made parts of a former import.
    const model::Design *previous = nullptr;
};

struct ImportResult
{
    std::optional<model::Design> design; // nullopt when nothing could be imported
    ImportReport report;
    // Why nothing was written (import.md §1 exit 2), one line each; empty on success.
    QStringList errors;
};

// Files larger than this are refused as unreadable before parsing.
inline constexpr qint64 maxImportFileBytes = qint64(1) << 30;

ImportResult importEstate(const std::vector<InputFile> &files, const ImportOptions &options = {});

} // namespace hopscope::importing
