#pragma once

// Which named objects differ between two states of a design, so that the document can announce
// only what changed.

#include "model/Design.h"

#include <QStringList>

#include <optional>

namespace hopscope::edit {

struct DesignDelta
{
    QStringList added;
    QStringList changed;
    QStringList removed;
    QStringList moved; // layout entries added, changed or removed
    bool peeringsChanged = false;
    bool propertiesChanged = false; // name, settings, intents
    bool isEmpty() const
    {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && moved.isEmpty() &&
               !peeringsChanged && !propertiesChanged;
    }
};

DesignDelta diffDesigns(const model::Design &before, const model::Design &after);

// What the trace end point `name` of `before` is called in `after`: `name` while it exists,
// its new name after a rename (a rename keeps an object's place in its list, and so does its
// undo), nullopt once it was deleted. VMs, firewalls, P2S clients, on-premises sites and
// "VNET/SUBNET" subnets (whose VNet may be the one renamed) are followed; the Internet, an
// address, or a name that never resolved come back unchanged.
std::optional<QString> followEndpoint(const model::Design &before, const model::Design &after,
                                      const QString &name);

} // namespace hopscope::edit
