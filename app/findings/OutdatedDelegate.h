#pragma once

// Paints a view's cells faded while its results are outdated (a re-check is running), so that
// they stay readable and selectable but plainly not current.
//
// It also paints one-line text from a cache of laid-out text (QStaticText): the style's own
// painting lays each cell's text out twice per paint (to size it, then to draw it), and the
// Findings list and the VPN Pools matrix repaint on every edit of a large estate (issue 15).

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace hopscope::gui {

class OutdatedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setOutdated(bool outdated) { m_outdated = outdated; }
    bool isOutdated() const { return m_outdated; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    // Paints the cell as the style does, its text from the cache; false when the cell is not
    // one line of text elided on the right (then the style paints it all).
    bool paintCached(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index) const;

    struct TextKey
    {
        QString text;
        int width = 0;
        QFont font;
        bool operator==(const TextKey &) const = default;
    };
    friend size_t qHash(const TextKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.text, key.width, key.font);
    }

    bool m_outdated = false;
    mutable QHash<TextKey, QStaticText> m_texts; // the elided text of a cell, laid out
};

} // namespace hopscope::gui
