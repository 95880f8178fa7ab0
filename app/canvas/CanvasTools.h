#pragma once

// Canvas tools (STYLE 5): each interaction mode is a small object the view delegates its input
// to, instead of a switch in mousePressEvent. A handler returns true when it consumed the event;
// otherwise the view's default behaviour (selection, rubber band) runs.

#include <QCursor>
#include <QObject>
#include <QPointF>
#include <QString>

#include <vector>

class QKeyEvent;
class QMouseEvent;

namespace hopscope::gui {

class DesignView;
class DesignItem;

class CanvasTool : public QObject
{
    Q_OBJECT
public:
    explicit CanvasTool(DesignView *view);
    // A stable id ("select", "peering", later "path") for actions and tests.
    virtual QString id() const = 0;
    virtual QCursor cursor() const { return Qt::ArrowCursor; }
    virtual void activate() {}
    // Leaves no half-made gesture behind.
    virtual void deactivate() {}
    virtual bool mousePress(QMouseEvent *) { return false; }
    virtual bool mouseMove(QMouseEvent *) { return false; }
    virtual bool mouseRelease(QMouseEvent *) { return false; }
    virtual bool keyPress(QKeyEvent *) { return false; }

Q_SIGNALS:
    // The tool is done; the view returns to its default tool.
    void finished();
    // A line for the status bar.
    void message(const QString &text);

protected:
    DesignView *view() const { return m_view; }

private:
    DesignView *m_view;
};

// Click to select, rubber band, drag to move. A VNet carries its subnets and devices; the whole
// drag becomes one undo step on release.
class SelectMoveTool : public CanvasTool
{
    Q_OBJECT
public:
    using CanvasTool::CanvasTool;
    QString id() const override { return QStringLiteral("select"); }
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;

private:
    struct Dragged
    {
        DesignItem *item;
        QPointF origin;
    };
    std::vector<Dragged> m_dragged;
    QPointF m_pressScenePos;
    bool m_moved = false;
};

// Drag from one VNet to another to peer them (both directions, Azure's defaults).
class PeeringTool : public CanvasTool
{
    Q_OBJECT
public:
    using CanvasTool::CanvasTool;
    QString id() const override { return QStringLiteral("peering"); }
    QCursor cursor() const override { return Qt::CrossCursor; }
    void activate() override;
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;

private:
    QString m_from;
};

} // namespace hopscope::gui
