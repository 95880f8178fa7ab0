#include "path/PathAnimator.h"

#include "path/PathOverlay.h"

#include <algorithm>
#include <cmath>

namespace hopscope::gui {

namespace {
constexpr int period = PathAnimator::dwellMilliseconds + PathAnimator::travelMilliseconds;
} // namespace

PathAnimator::PathAnimator(PathOverlay *overlay, QObject *parent)
    : QObject(parent), m_overlay(overlay)
{
    // The animation's value is unscaled time in milliseconds; the speed scales its duration.
    m_animation.setEasingCurve(QEasingCurve::Linear);
    m_animation.setStartValue(0.0);
    connect(&m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        setProgress(progressAt(int(value.toDouble()), m_overlay->segmentCount()));
    });
    connect(&m_animation, &QAbstractAnimation::stateChanged, this,
            [this](QAbstractAnimation::State state, QAbstractAnimation::State old) {
                if ((state == QAbstractAnimation::Running) != (old == QAbstractAnimation::Running))
                    Q_EMIT playingChanged(state == QAbstractAnimation::Running);
            });
    connect(&m_animation, &QAbstractAnimation::finished, this,
            [this] { setProgress(m_overlay->segmentCount()); });
}

double PathAnimator::progressAt(int milliseconds, int segments)
{
    if (milliseconds <= 0)
        return 0;
    const int k = milliseconds / period;
    if (k >= segments)
        return segments;
    const int within = milliseconds - k * period;
    if (within < dwellMilliseconds)
        return k;
    return k + double(within - dwellMilliseconds) / travelMilliseconds;
}

int PathAnimator::timeAt(double progress)
{
    if (progress <= 0)
        return 0;
    const int k = int(std::floor(progress));
    const double fraction = progress - k;
    return k * period + (fraction > 0 ? dwellMilliseconds + int(fraction * travelMilliseconds) : 0);
}

int PathAnimator::totalMilliseconds() const
{
    // A last dwell at the end, so that the final device (or ✕) is seen before a repeat.
    return m_overlay->segmentCount() * period + dwellMilliseconds;
}

double PathAnimator::progress() const { return m_overlay->animationProgress(); }

void PathAnimator::setProgress(double progress)
{
    if (progress == m_overlay->animationProgress())
        return;
    m_overlay->setAnimationProgress(progress);
    Q_EMIT progressChanged(m_overlay->animationProgress());
}

void PathAnimator::play()
{
    if (!m_overlay->hasTrace() || isPlaying())
        return;
    double from = progress();
    if (from < 0 || from >= m_overlay->segmentCount())
        from = 0; // from the start again
    m_animation.setEndValue(double(totalMilliseconds()));
    m_animation.setDuration(std::max(1, int(totalMilliseconds() / m_speed)));
    m_animation.setLoopCount(m_repeat ? -1 : 1);
    m_animation.start();
    m_animation.setCurrentTime(int(timeAt(from) / m_speed));
    setProgress(from);
}

void PathAnimator::pause()
{
    // Stopped, not paused: the overlay keeps the progress, and play() resumes from it.
    m_animation.stop();
}

void PathAnimator::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PathAnimator::stepForward()
{
    pause();
    if (!m_overlay->hasTrace())
        return;
    const double p = progress();
    setProgress(p < 0 ? 0 : std::min<double>(std::floor(p) + 1, m_overlay->segmentCount()));
}

void PathAnimator::stepBack()
{
    pause();
    if (!m_overlay->hasTrace())
        return;
    const double p = progress();
    setProgress(p <= 0 ? 0 : std::ceil(p) - 1);
}

void PathAnimator::stop()
{
    m_animation.stop();
    setProgress(-1);
}

void PathAnimator::setSpeed(double factor)
{
    factor = std::clamp(factor, 0.1, 10.0);
    if (factor == m_speed)
        return;
    const bool playing = isPlaying();
    const double at = progress();
    m_speed = factor;
    if (playing) {
        m_animation.stop();
        setProgress(at);
        play();
    }
}

void PathAnimator::setRepeat(bool repeat)
{
    m_repeat = repeat;
    if (isPlaying())
        m_animation.setLoopCount(repeat ? -1 : 1);
}

} // namespace hopscope::gui
