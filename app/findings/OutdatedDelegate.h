#pragma once

// Paints a view's cells faded while its results are outdated (a re-check is running), so that
// they stay readable and selectable but plainly not current.

#include <QPainter>
#include <QStyledItemDelegate>

namespace hopscope::gui {

class OutdatedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setOutdated(bool outdated) { m_outdated = outdated; }
    bool isOutdated() const { return m_outdated; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        if (!m_outdated) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        painter->save();
        painter->setOpacity(0.45);
        QStyledItemDelegate::paint(painter, option, index);
        painter->restore();
    }

private:
    bool m_outdated = false;
};

} // namespace hopscope::gui
