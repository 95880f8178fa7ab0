#pragma once

// Which named objects differ between two states of a design, so that the document can announce
// only what changed.

#include "model/Design.h"

#include <QStringList>

namespace hopscope::gui {

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

} // namespace hopscope::gui
