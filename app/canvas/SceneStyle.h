#pragma once

// Colours, fonts and icons of the canvas. Every colour derives from a QPalette, so a dark
// palette stays readable; icons are SVG drawn through QSvgRenderer straight into the painter,
// so they are crisp at any zoom, device pixel ratio or in an SVG export.

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPalette>
#include <QRectF>
#include <QString>

#include <memory>

class QPainter;
class QSvgRenderer;

namespace hopscope::gui {

// Icon names are the file names under resources/icons/ (":/icons/NAME.svg").
enum class IconKind {
    Firewall, VpnGateway, Vm, Nva, Proxy, Client, OnPrem, Internet, Hub, Spoke, Subnet,
    RouteTable, Peering, SecurityGroup, Hopscope
};
QString iconFileName(IconKind kind);

class SceneStyle
{
public:
    explicit SceneStyle(const QPalette &palette = QPalette());

    bool isDark() const { return m_dark; }

    QColor canvas, grid, text, mutedText, line, shadow;
    QColor hubFill, hubBorder, hubAccent;
    QColor spokeFill, spokeBorder, spokeAccent;
    QColor otherFill, otherBorder;
    QColor bandFill, bandBorder, specialBandFill;
    QColor badgeFill, badgeText;
    QColor nodeFill, nodeBorder;
    QColor selection;
    QColor peering, peeringBroken, tunnel, siteLink;
    QColor error, warning, info;
    QFont titleFont, labelFont, smallFont, monoFont;

    // a*(1-t) + b*t, alpha included.
    static QColor mix(const QColor &a, const QColor &b, double t);

private:
    bool m_dark = false;
};

// Draws SVG icons from the resources; a missing icon is drawn as a labelled tile so that the
// canvas is usable before the icon set lands.
class IconPainter
{
public:
    IconPainter();
    ~IconPainter();
    void paint(QPainter *painter, IconKind kind, const QRectF &rect, const SceneStyle &style);
    // A pixmap for widgets (palette dock, findings), at `devicePixelRatio`.
    QPixmap pixmap(IconKind kind, int size, qreal devicePixelRatio, const SceneStyle &style);

private:
    QSvgRenderer *renderer(IconKind kind);
    QHash<int, std::shared_ptr<QSvgRenderer>> m_renderers;
};

// The application-wide icon painter (resources are process-wide too).
IconPainter &iconPainter();

} // namespace hopscope::gui
