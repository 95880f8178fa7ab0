#include "canvas/SceneStyle.h"

#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSvgRenderer>

namespace hopscope::gui {

QString iconFileName(IconKind kind)
{
    switch (kind) {
    case IconKind::Firewall: return QStringLiteral("firewall");
    case IconKind::VpnGateway: return QStringLiteral("vpn-gateway");
    case IconKind::Vm: return QStringLiteral("vm");
    case IconKind::Nva: return QStringLiteral("nva");
    case IconKind::Proxy: return QStringLiteral("proxy");
    case IconKind::Client: return QStringLiteral("client");
    case IconKind::OnPrem: return QStringLiteral("onprem");
    case IconKind::Internet: return QStringLiteral("internet");
    case IconKind::Hub: return QStringLiteral("hub");
    case IconKind::Spoke: return QStringLiteral("spoke");
    case IconKind::Subnet: return QStringLiteral("subnet");
    case IconKind::RouteTable: return QStringLiteral("route-table");
    case IconKind::Peering: return QStringLiteral("peering");
    case IconKind::SecurityGroup: return QStringLiteral("network-security-group");
    case IconKind::Hopscope: break;
    }
    return QStringLiteral("hopscope");
}

QColor SceneStyle::mix(const QColor &a, const QColor &b, double t)
{
    const QColor ra = a.toRgb(), rb = b.toRgb();
    return QColor::fromRgbF(float(ra.redF() * (1 - t) + rb.redF() * t),
                            float(ra.greenF() * (1 - t) + rb.greenF() * t),
                            float(ra.blueF() * (1 - t) + rb.blueF() * t),
                            float(ra.alphaF() * (1 - t) + rb.alphaF() * t));
}

namespace {
// A hue taken from the palette's highlight, turned by `degrees`, at the highlight's strength.
QColor turned(const QColor &base, int degrees, bool dark)
{
    QColor hsl = base.toHsl();
    const int hue = ((hsl.hslHue() < 0 ? 210 : hsl.hslHue()) + degrees + 360) % 360;
    return QColor::fromHsl(hue, std::max(hsl.hslSaturation(), 140), dark ? 150 : 105);
}
} // namespace

SceneStyle::SceneStyle(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    text = palette.color(QPalette::Text);
    m_dark = base.lightnessF() < 0.5;
    const QColor highlight = palette.color(QPalette::Highlight);

    canvas = mix(window, base, 0.6);
    grid = mix(canvas, text, m_dark ? 0.10 : 0.07);
    mutedText = mix(text, canvas, 0.42);
    line = mix(text, canvas, 0.55);
    shadow = QColor(0, 0, 0, m_dark ? 110 : 38);

    hubAccent = turned(highlight, 0, m_dark);
    spokeAccent = turned(highlight, -40, m_dark); // teal beside the highlight's blue
    hubFill = mix(base, hubAccent, m_dark ? 0.13 : 0.06);
    hubBorder = mix(hubAccent, base, 0.15);
    spokeFill = mix(base, spokeAccent, m_dark ? 0.10 : 0.05);
    spokeBorder = mix(spokeAccent, base, 0.25);
    otherFill = mix(base, text, 0.03);
    otherBorder = mix(text, base, 0.55);

    bandFill = mix(base, text, m_dark ? 0.06 : 0.035);
    bandBorder = mix(base, text, m_dark ? 0.16 : 0.12);
    specialBandFill = mix(bandFill, hubAccent, 0.06);
    badgeFill = turned(highlight, -165, m_dark); // warm amber opposite the blue, for route tables
    badgeFill = mix(base, badgeFill, m_dark ? 0.35 : 0.22);
    badgeText = text;
    nodeFill = base;
    nodeBorder = mix(base, text, 0.25);
    selection = highlight;

    peering = mix(hubAccent, text, 0.15);
    error = m_dark ? QColor::fromHsl(2, 200, 150) : QColor::fromHsl(2, 190, 110);
    warning = m_dark ? QColor::fromHsl(38, 210, 140) : QColor::fromHsl(34, 220, 100);
    info = hubAccent;
    peeringBroken = error;
    tunnel = turned(highlight, 80, m_dark);
    siteLink = mix(text, canvas, 0.35);

    const QFont font; // the application font
    titleFont = font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(font.pointSizeF() * 1.08);
    labelFont = font;
    labelFont.setPointSizeF(font.pointSizeF() * 0.95);
    smallFont = font;
    smallFont.setPointSizeF(font.pointSizeF() * 0.82);
    monoFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    monoFont.setPointSizeF(font.pointSizeF() * 0.82);
}

IconPainter::IconPainter() = default;
IconPainter::~IconPainter() = default;

QSvgRenderer *IconPainter::renderer(IconKind kind)
{
    auto it = m_renderers.find(int(kind));
    if (it == m_renderers.end()) {
        const QString path = QStringLiteral(":/icons/") + iconFileName(kind) + u".svg";
        std::shared_ptr<QSvgRenderer> renderer;
        if (QFile::exists(path)) {
            renderer = std::make_shared<QSvgRenderer>(path);
            if (!renderer->isValid())
                renderer.reset();
        }
        it = m_renderers.insert(int(kind), renderer);
    }
    return it->get();
}

void IconPainter::paint(QPainter *painter, IconKind kind, const QRectF &rect,
                        const SceneStyle &style)
{
    if (QSvgRenderer *svg = renderer(kind)) {
        // Keep the icon's aspect ratio inside `rect`.
        QSizeF size = svg->defaultSize();
        size.scale(rect.size(), Qt::KeepAspectRatio);
        QRectF target(QPointF(), size);
        target.moveCenter(rect.center());
        svg->render(painter, target);
        return;
    }
    // Placeholder until resources/icons arrive: a tile with the kind's initials.
    static const char *const initials[] = {"FW", "GW", "VM", "NVA", "PX", "PC", "DC",
                                           "WWW", "HUB", "SP", "SN", "RT", "PR", "NSG", "H"};
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor accent = kind == IconKind::Firewall     ? style.error
                          : kind == IconKind::VpnGateway ? style.tunnel
                          : kind == IconKind::Proxy      ? style.warning
                          : kind == IconKind::Nva        ? style.spokeAccent
                                                         : style.hubAccent;
    painter->setPen(QPen(accent, 1.2));
    painter->setBrush(SceneStyle::mix(style.nodeFill, accent, 0.18));
    painter->drawRoundedRect(rect.adjusted(1, 1, -1, -1), rect.width() * 0.22,
                             rect.height() * 0.22);
    QFont font = style.smallFont;
    font.setBold(true);
    font.setPixelSize(std::max(6, int(rect.height() * 0.3)));
    painter->setFont(font);
    painter->setPen(accent);
    painter->drawText(rect, Qt::AlignCenter, QString::fromLatin1(initials[int(kind)]));
    painter->restore();
}

QPixmap IconPainter::pixmap(IconKind kind, int size, qreal devicePixelRatio,
                            const SceneStyle &style)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, kind, QRectF(0, 0, size, size), style);
    return pixmap;
}

IconPainter &iconPainter()
{
    static IconPainter painter;
    return painter;
}

} // namespace hopscope::gui
