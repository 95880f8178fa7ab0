#pragma once

// Plays a PathOverlay: the packet moves hop by hop along the request, then the reply, pausing a
// moment at each device. It belongs to the view layer (STYLE 8): it only sets the overlay's
// progress, writes nothing to the model, and its one QVariantAnimation runs only while the
// packet moves; at the end (without repeat), on pause and on stop nothing ticks.

#include <QObject>
#include <QVariantAnimation>

namespace hopscope::gui {

class PathOverlay;

class PathAnimator : public QObject
{
    Q_OBJECT
public:
    // At 1×: how long the packet rests at a device, and travels one segment.
    static constexpr int dwellMilliseconds = 320;
    static constexpr int travelMilliseconds = 620;

    explicit PathAnimator(PathOverlay *overlay, QObject *parent = nullptr);

    bool isPlaying() const { return m_animation.state() == QAbstractAnimation::Running; }
    // The overlay's progress, in segments (-1: the static drawing).
    double progress() const;

    void play();
    void pause();
    void togglePlay();
    // Pause, then move the packet to the next / previous device.
    void stepForward();
    void stepBack();
    // Back to the static drawing.
    void stop();

    double speed() const { return m_speed; }
    void setSpeed(double factor);
    bool repeat() const { return m_repeat; }
    void setRepeat(bool repeat);

    // progress ↔ animation time, with the dwell at each device.
    static double progressAt(int milliseconds, int segments);
    static int timeAt(double progress);

Q_SIGNALS:
    void playingChanged(bool playing);
    void progressChanged(double progress);

private:
    int totalMilliseconds() const;
    void setProgress(double progress);

    PathOverlay *m_overlay;
    QVariantAnimation m_animation;
    double m_speed = 1.0;
    bool m_repeat = false;
};

} // namespace hopscope::gui
