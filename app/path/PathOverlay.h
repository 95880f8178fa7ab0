#pragma once

// The drawing of one trace over the canvas (issue 5): the forward walk in one colour, the reply
// in a second one offset beside it, a ✕ and the reason in words where a packet dies, a loop drawn
// back to the device it repeats, and the firewall that sees only half of an asymmetric flow.
//
// Contract: it depends on the DesignScene and the routing types only (no window, no timer), so
// the headless exporter (`hopscope export --trace A B`) adds one to a scene and renders it. The
// trace is turned into device names at once: the overlay keeps no model::Network and no Design,
// and re-reads the centres of those names from the scene when the scene's geometry changes.
// Animation is driven from outside (PathAnimator, a view-layer object) through
// setAnimationProgress(); with no progress set the whole path is drawn, statically.

#include "routing/Trace.h"
#include "canvas/SceneItems.h"

#include <QGraphicsObject>
#include <QHash>
#include <QPainterPath>
#include <QString>
#include <QStringList>

#include <vector>

class QFontMetricsF;

namespace hopscope::gui {

class DesignScene;

class PathOverlay : public QGraphicsObject
{
    Q_OBJECT
public:
    // Adds itself to `scene` above every design item; not selectable, takes no mouse input.
    explicit PathOverlay(DesignScene *scene);

    enum class Direction { Forward, Reply };

    // One device a walk crossed, as names only (STYLE 2).
    struct Stop
    {
        QString device;  // hop `device` name of cli.md; also the scene id it is drawn at, or its
                         // subnet's / VNet's when the device has no item of its own
        model::DeviceKind kind = model::DeviceKind::Vm;
        QString subnet;  // "VNET/SUBNET" or empty
        QString anchor;  // the scene id whose centre the path passes through
    };

    // One walk of one leg, ready to draw.
    struct WalkPath
    {
        int leg = 0;
        Direction direction = Direction::Forward;
        std::vector<Stop> stops;
        routing::WalkVerdict verdict = routing::WalkVerdict::Delivered;
        routing::DropReason reason = routing::DropReason::None;
        QString explanation;
        // Reason NsgDenied: the NSG that denied ("nsg-subnet-b"); the explanation names the rule.
        QString deniedBy;
        int loopBackTo = -1; // Loop: the index in `stops` of the device the packet returns to
        bool succeeded() const;
    };

    // "delivered", "dropped: blackhole", "loops", … for panels and the legend.
    static QString verdictText(routing::WalkVerdict verdict, routing::DropReason reason);
    // The title of a failing walk's callout, one sentence: "Request dropped: blackhole",
    // "Reply denied by nsg-subnet-b".
    static QString calloutTitle(const WalkPath &walk);

    // Replaces what is drawn. `network` is the one `trace` was computed on; it is read here
    // and not kept.
    void setTrace(const routing::TraceResult &trace, const model::Network &network);
    void clearTrace();
    bool hasTrace() const { return !m_walks.empty(); }

    // What is drawn, for panels, tests and the exporter's legend.
    const std::vector<WalkPath> &walks() const { return m_walks; }
    bool connectionOk() const { return m_ok; }
    routing::ConnectionReason connectionReason() const { return m_reason; }
    // Stateful devices met by only one of the two walks of a leg (asymmetric connections).
    const QStringList &halfSeenDevices() const { return m_halfSeen; }
    // The sentence drawn beside the ✕ of walk `walk` (empty when it succeeded).
    QString failureText(int walk) const;
    // The title of that callout ("Request denied by nsg-subnet-b"); empty when none.
    QString failureTitle(int walk) const;
    // The legend's line for one of walks(): "request: delivered  (5 hops)".
    QString legendLine(const WalkPath &walk) const;

    // Animation hooks. The walks are played in order (leg 1 forward, leg 1 reply, leg 2 …);
    // progress is measured in segments: 0 is the first device of the first walk, k + 0.5 halfway
    // along the k-th segment, segmentCount() the end. A negative progress (the default) shows the
    // static drawing with no packet.
    int segmentCount() const;
    void setAnimationProgress(double segments);
    double animationProgress() const { return m_progress; }
    // Where the packet is drawn at the current progress, and which walk it belongs to (-1: none).
    QPointF packetPosition() const;
    int packetWalk() const;
    // The start of walk `walk` and of each of its stops on the progress scale.
    double progressAtStop(int walk, int stop) const;

    // Emphasises one hop (hop inspector selection); -1, -1 clears.
    void setHighlightedHop(int walk, int stop);
    int highlightedWalk() const { return m_highlightWalk; }
    int highlightedStop() const { return m_highlightStop; }

    // The scene point a stop is drawn at (its anchor's centre, with the walk's offset).
    QPointF stopPoint(int walk, int stop) const;

    // Re-reads the anchors' positions (items moved, design edited).
    void refreshGeometry();

    QRectF boundingRect() const override;
    QPainterPath shape() const override { return {}; } // never in the way of a click
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
    int type() const override { return PathOverlayItemType; }

private:
    struct Segment
    {
        int walk;
        QPointF from, to;
        QPainterPath path; // from → to, curved for the way back of a loop
        bool loop = false;
    };
    // A boxed sentence beside a marker: why a walk failed, or who sees half a connection.
    struct Callout
    {
        int walk = -1; // -1: an asymmetry note on `device`
        QString device;
        QPointF marker;
        QRectF box;
        QString title;
        QString text;
    };
    void rebuildGeometry();
    QPointF anchorPoint(const QString &anchor) const;
    void placeCallout(Callout &callout, const QFontMetricsF &metrics) const;
    QRectF legendRect() const;
    QColor walkColour(int walk) const;
    Qt::PenStyle walkPenStyle(int walk) const;
    void paintArrow(QPainter *painter, const QPainterPath &path, double at,
                    const QColor &colour) const;
    void paintCallout(QPainter *painter, const Callout &callout, const QColor &accent) const;
    void paintLegend(QPainter *painter) const;

    DesignScene *m_scene;
    std::vector<WalkPath> m_walks;
    std::vector<std::vector<QPointF>> m_points; // per walk, per stop
    std::vector<Segment> m_segments;            // in play order
    std::vector<int> m_firstSegment;            // per walk
    std::vector<Callout> m_callouts;
    bool m_ok = false;
    routing::ConnectionReason m_reason = routing::ConnectionReason::None;
    QStringList m_halfSeen;
    QHash<QString, QString> m_halfSeenText;
    QString m_title;
    QString m_connectionText;
    double m_progress = -1;
    int m_highlightWalk = -1;
    int m_highlightStop = -1;
    QRectF m_legend;
    QRectF m_bounds;
};

} // namespace hopscope::gui
