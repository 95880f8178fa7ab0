#pragma once

// A horizontal bar chart of a few labelled values (the top destinations of a proxy log): label
// on the left, a bar in the palette's highlight, the value at the bar's end. Drawn with QPainter
// from the widget's palette, so it follows light and dark themes; Qt Charts is not needed.

#include <QString>
#include <QWidget>

#include <vector>

namespace hopscope::gui {

class TrafficChart : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QString label;
        double value = 0;
        QString valueText; // drawn after the bar
        QString toolTip;
    };

    explicit TrafficChart(QWidget *parent = nullptr);

    void setBars(std::vector<Bar> bars);
    const std::vector<Bar> &bars() const { return m_bars; }
    // Shown instead of bars when there are none.
    void setPlaceholderText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int preferredRowHeight() const;
    int rowHeight() const;
    int barIndexAt(QPoint pos) const;

    std::vector<Bar> m_bars;
    QString m_placeholder;
};

} // namespace hopscope::gui
