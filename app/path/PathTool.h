#pragma once

// The path tool (STYLE 5): the first click picks where a trace starts, the second where it
// ends. Anything a packet can stand at is an end point: a VM, firewall or gateway, a P2S client,
// an on-premises site, the Internet, or a subnet band ("VNET/SUBNET"). Esc drops a half-made
// pick; a second Esc returns to the default tool. The tool only names end points; tracing is
// the PathSession's job.

#include "canvas/CanvasTools.h"

namespace hopscope::gui {

class DesignScene;

class PathTool : public CanvasTool
{
    Q_OBJECT
public:
    using CanvasTool::CanvasTool;
    QString id() const override { return QStringLiteral("path"); }
    QCursor cursor() const override { return Qt::CrossCursor; }
    void activate() override;
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;

    // The picked source while waiting for the destination; empty otherwise.
    const QString &source() const { return m_from; }

    // The end point name drawn at `scenePos`, or empty when there is none.
    static QString endpointAt(const DesignScene *scene, QPointF scenePos);

Q_SIGNALS:
    void sourcePicked(const QString &from);
    void pathRequested(const QString &from, const QString &to);
    // The pick was abandoned (Esc, or the tool was left with a source picked).
    void cancelled();

private:
    QString m_from;
};

} // namespace hopscope::gui
