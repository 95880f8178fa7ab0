#include "traffic/TrafficChart.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace hopscope::gui {

namespace {
constexpr int margin = 10;
constexpr int gap = 8;
} // namespace

TrafficChart::TrafficChart(QWidget *parent) : QWidget(parent)
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TrafficChart::setBars(std::vector<Bar> bars)
{
    m_bars = std::move(bars);
    updateGeometry();
    update();
}

void TrafficChart::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

int TrafficChart::preferredRowHeight() const { return fontMetrics().height() + 9; }

int TrafficChart::rowHeight() const
{
    // Rows tighten (down to the text's own height) before any bar is cut off.
    if (m_bars.empty())
        return preferredRowHeight();
    const int fitting = (height() - 2 * margin) / int(m_bars.size());
    return std::clamp(fitting, fontMetrics().height() + 2, preferredRowHeight());
}

QSize TrafficChart::sizeHint() const
{
    return {420, 2 * margin + preferredRowHeight() * int(std::max<std::size_t>(m_bars.size(), 5))};
}

QSize TrafficChart::minimumSizeHint() const
{
    return {220, 2 * margin + (fontMetrics().height() + 2) * 3};
}

int TrafficChart::barIndexAt(QPoint pos) const
{
    const int row = (pos.y() - margin) / rowHeight();
    return pos.y() >= margin && row < int(m_bars.size()) ? row : -1;
}

bool TrafficChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = barIndexAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), m_bars[i].toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TrafficChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    if (m_bars.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
        return;
    }
    double maxValue = 0;
    int labelWidth = 0, valueWidth = 0;
    for (const Bar &b : m_bars) {
        maxValue = std::max(maxValue, b.value);
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
        valueWidth = std::max(valueWidth, fm.horizontalAdvance(b.valueText));
    }
    labelWidth = std::min(labelWidth, width() * 2 / 5);
    const int barLeft = margin + labelWidth + gap;
    const int barSpace = std::max(10, width() - barLeft - gap - valueWidth - margin);
    const int h = rowHeight();

    const QColor bar = pal.color(QPalette::Highlight);
    QColor track = pal.color(QPalette::Text);
    track.setAlphaF(0.06f);
    for (int i = 0; i < int(m_bars.size()); ++i) {
        const Bar &b = m_bars[i];
        const int top = margin + i * h;
        const QRect labelRect(margin, top, labelWidth, h);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(b.label, Qt::ElideMiddle, labelWidth));
        const int inset = std::min(3, (h - fm.height()) / 2 + 1);
        const QRectF trackRect(barLeft, top + inset, barSpace, h - 2 * inset);
        p.setPen(Qt::NoPen);
        p.setBrush(track);
        p.drawRoundedRect(trackRect, 3, 3);
        const qreal length = maxValue > 0 ? std::max(2.0, barSpace * b.value / maxValue) : 2.0;
        QColor fill = bar;
        // The leader in full colour, the rest a little lighter: the eye finds the top first.
        if (i > 0)
            fill.setAlphaF(0.72f);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(barLeft, top + inset, length, h - 2 * inset), 3, 3);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(int(barLeft + length) + gap, top, valueWidth + barSpace, h),
                   Qt::AlignLeft | Qt::AlignVCenter, b.valueText);
    }
}

} // namespace hopscope::gui
