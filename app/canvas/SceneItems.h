#pragma once

// The canvas items. Items are thin (STYLE 4): each holds its id, reads its geometry and state
// from the DesignScene (which reads the model) and paints. Item types and z-order live here
// together so that they never collide.

#include "layout/LayoutMetrics.h"

#include <QFont>
#include <QGraphicsItem>
#include <QLineF>
#include <QString>

namespace hopscope::gui {

class DesignScene;

enum ItemType {
    VnetItemType = QGraphicsItem::UserType + 1,
    SubnetItemType,
    DeviceItemType,
    NodeItemType,
    EdgeItemType,
    // Overlays over the design: view data, not DesignItems.
    FlowOverlayItemType,  // traffic from a proxy log (traffic/FlowOverlay)
    PathOverlayItemType,  // the traced path (path/PathOverlay)
};

namespace z {
constexpr qreal peering = -1;
constexpr qreal vnet = 0;
constexpr qreal edgeOverVnet = 5;
constexpr qreal node = 10;
constexpr qreal draft = 100;
constexpr qreal flowOverlay = 150; // above nodes and the draft line, under the trace overlay
constexpr qreal overlay = 200;     // the trace overlay (path tool): readable over everything
} // namespace z

// Below this scale text is a few pixels high and icons a smudge: items draw their shapes only,
// without text, icons or shadows, so that a 1,000-VNet estate paints within a frame at the
// zoom that fits it (issue 4); the view writes the VNets' names over them instead (issue 16).
// Exports paint at scale 1 or more and always get every detail.
inline constexpr qreal detailLevel = 0.3;

// A label fitted to `width` (issue 16 point 10): the text in `font`, else in that font shrunk by
// up to 15 %, and only then cut with an ellipsis (the item's tooltip holds the whole text).
struct FittedText
{
    QString text;
    QFont font;
};
FittedText fitText(const QFont &font, const QString &text, qreal width);

// Where the icon of a device's or a node's card sits (the card as DesignScene::sceneRectOf gives
// it); its name and address are drawn under it. The path overlay runs its lines through the
// icon and keeps the text under it readable.
QRectF cardIconRect(const QRectF &card, int itemType);

// Base of every item with a design id.
class DesignItem : public QGraphicsItem
{
public:
    DesignItem(const QString &id, QGraphicsItem *parent = nullptr);
    const QString &id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    DesignScene *designScene() const;
    // Selection outline, drawn only when the scene shows UI furniture.
    void paintSelection(QPainter *painter, const QRectF &rect, qreal radius) const;
    void paintMarker(QPainter *painter, QPointF centre) const;

private:
    QString m_id;
    bool m_hovered = false;
};

// A VNet container: header with role, name and address space; subnets and devices are children.
class VnetItem : public DesignItem
{
public:
    explicit VnetItem(const QString &name);
    int type() const override { return VnetItemType; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
    // The VNet's box changed: re-read it.
    void refreshGeometry();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QSizeF m_size;
    model::VnetRole m_role = model::VnetRole::Other;
};

// A subnet band inside its VNet; id "VNET/SUBNET".
class SubnetItem : public DesignItem
{
public:
    explicit SubnetItem(const QString &qualifiedName, QGraphicsItem *parent);
    int type() const override { return SubnetItemType; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
    void setRect(const QRectF &rect);
    // The route-table badge, in item coordinates (empty when none is attached).
    QRectF badgeRect() const;
    // The NSG chip (a shield and the NSG's name) left of the route-table badge, in item
    // coordinates (empty when the subnet has no NSG).
    QRectF nsgChipRect() const;
    // The name and prefix as the band shows them: the name gets the room first; the prefix is
    // left out (it is in the tooltip) before the name would be cut.
    struct Label
    {
        FittedText name;
        QString prefix; // empty: left out
        qreal nameWidth = 0;
    };
    Label label() const;

private:
    QRectF m_rect;
};

// A firewall, VPN gateway or VM inside its subnet band.
class DeviceItem : public DesignItem
{
public:
    DeviceItem(const QString &name, layout::DeviceKind kind, QGraphicsItem *parent);
    int type() const override { return DeviceItemType; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
    void setSlot(const QRectF &rect, layout::DeviceKind kind);
    layout::DeviceKind kind() const { return m_kind; }
    // The shield chip of a VM whose NIC carries an NSG, in item coordinates (empty otherwise).
    QRectF nsgChipRect() const;

private:
    QRectF m_rect;
    layout::DeviceKind m_kind;
};

// A point node outside the VNets: a P2S client, an on-premises site or the Internet.
class NodeItem : public DesignItem
{
public:
    enum Kind { Client, Site, Internet };
    NodeItem(const QString &name, Kind kind);
    int type() const override { return NodeItemType; }
    Kind kind() const { return m_kind; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    Kind m_kind;
};

// A line between two named objects: a peered pair of VNets, a P2S tunnel (client to gateway)
// or an on-premises site's link to its gateway.
class EdgeItem : public DesignItem
{
public:
    enum Kind { Peering, Tunnel, SiteLink };
    EdgeItem(const QString &id, Kind kind, const QString &from, const QString &to);
    int type() const override { return EdgeItemType; }
    Kind kind() const { return m_kind; }
    const QString &from() const { return m_from; }
    const QString &to() const { return m_to; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
    // Re-reads the end points' positions.
    void adjust();

private:
    Kind m_kind;
    QString m_from, m_to;
    QLineF m_line;
};

} // namespace hopscope::gui
