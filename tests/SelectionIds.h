#pragma once

// Selection ids as the GUI tests' rows spell them: model::ObjectId::toString() ("hub-1",
// "spoke-1/workload", "peering:hub-1|spoke-1"), so that a row reads as what a user selected.

#include "model/ObjectId.h"

#include <QList>
#include <QStringList>

inline QList<hopscope::model::ObjectId> idsOf(const QStringList &texts)
{
    QList<hopscope::model::ObjectId> ids;
    for (const QString &text : texts)
        ids << hopscope::model::ObjectId::parse(text);
    return ids;
}

inline QStringList textsOf(const QList<hopscope::model::ObjectId> &ids)
{
    QStringList texts;
    for (const hopscope::model::ObjectId &id : ids)
        texts << id.toString();
    return texts;
}
