#include "findings/OutdatedDelegate.h"

#include <QApplication>
#include <QPainter>

namespace hopscope::gui {

void OutdatedDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    if (m_outdated)
        painter->setOpacity(0.45);
    if (!paintCached(painter, option, index))
        QStyledItemDelegate::paint(painter, option, index);
    painter->restore();
}

bool OutdatedDelegate::paintCached(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool oneLine = !(opt.features & QStyleOptionViewItem::WrapText) &&
                         opt.textElideMode == Qt::ElideRight &&
                         (opt.displayAlignment & Qt::AlignVCenter) &&
                         !opt.text.contains(QChar::LineSeparator) && !opt.text.contains(u'\n');
    if (!oneLine)
        return false;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = std::exchange(opt.text, QString());
    // Background, selection, icon and focus as the style paints them, without the text.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return true;

    // As QCommonStyle places and colours an item's text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                           .adjusted(margin, 0, -margin, 0);
    if (rect.width() <= 0)
        return true;
    // A view that shows ever new texts (names typed, findings of other designs) must not keep
    // them all.
    if (m_texts.size() > 4096)
        m_texts.clear();
    const TextKey key{text, rect.width(), opt.font};
    auto laidOut = m_texts.constFind(key);
    if (laidOut == m_texts.cend()) {
        QStaticText staticText(
            QFontMetrics(opt.font).elidedText(text, Qt::ElideRight, rect.width()));
        staticText.setTextFormat(Qt::PlainText);
        staticText.prepare(QTransform(), opt.font);
        laidOut = m_texts.insert(key, staticText);
    }
    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal
                                                                   : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->setPen(opt.palette.color(
        group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    const QSize size = laidOut->size().toSize();
    const QRect placed = QStyle::alignedRect(opt.direction, opt.displayAlignment, size, rect);
    painter->drawStaticText(placed.topLeft(), *laidOut);
    return true;
}

} // namespace hopscope::gui
