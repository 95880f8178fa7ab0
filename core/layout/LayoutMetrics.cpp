#include "layout/LayoutMetrics.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace hopscope::layout {

DeviceKind deviceKind(const model::Vm &vm)
{
    if (vm.proxy)
        return DeviceKind::Proxy;
    if (vm.enableIPForwarding)
        return DeviceKind::Nva;
    return DeviceKind::Vm;
}

bool splitQualifiedName(const QString &qualified, QString *vnet, QString *subnet)
{
    const qsizetype slash = qualified.indexOf(u'/');
    if (slash < 0)
        return false;
    *vnet = qualified.left(slash);
    *subnet = qualified.mid(slash + 1);
    return true;
}

QString subnetOfFirewall(const model::Firewall &firewall) { return firewall.subnet; }

QString subnetOfGateway(const model::Gateway &gateway)
{
    return model::qualifiedSubnetName(gateway.vnet, model::gatewaySubnetName());
}

QRectF nodeRect(QPointF centre)
{
    return {centre.x() - Metrics::nodeWidth / 2, centre.y() - Metrics::nodeHeight / 2,
            Metrics::nodeWidth, Metrics::nodeHeight};
}

namespace {

struct PendingDevice
{
    QString subnet; // name within the VNet
    DeviceSlot slot;
};

// Devices of the design that live in `vnet`, in a stable order: firewalls, gateways, VMs, each
// in design order.
std::vector<PendingDevice> devicesIn(const model::Design &design, const model::Vnet &vnet)
{
    std::vector<PendingDevice> devices;
    // "VNET/SUBNET" in `vnet`, compared in place: this runs once per VNet over every device of
    // the design, and allocating two strings per device made a 1,000-VNet scene slow to build.
    const qsizetype length = vnet.name.size();
    auto subnetIn = [&](const QString &qualified) -> std::optional<QString> {
        if (qualified.size() > length && qualified[length] == u'/' &&
            QStringView(qualified).first(length) == vnet.name)
            return qualified.mid(length + 1);
        return std::nullopt;
    };
    for (const model::Firewall &fw : design.firewalls) {
        if (const std::optional<QString> subnet = subnetIn(fw.subnet))
            devices.push_back({*subnet, {fw.name, DeviceKind::Firewall, {}}});
    }
    for (const model::Gateway &gw : design.gateways) {
        if (gw.vnet == vnet.name)
            devices.push_back({model::gatewaySubnetName(), {gw.name, DeviceKind::VpnGateway, {}}});
    }
    for (const model::Vm &vm : design.vms) {
        if (const std::optional<QString> subnet = subnetIn(vm.subnet))
            devices.push_back({*subnet, {vm.name, deviceKind(vm), {}}});
    }
    return devices;
}

} // namespace

VnetBox vnetBox(const model::Design &design, const model::Vnet &vnet)
{
    VnetBox box;
    std::vector<PendingDevice> devices = devicesIn(design, vnet);

    box.bands.reserve(vnet.subnets.size());
    for (const model::Subnet &subnet : vnet.subnets)
        box.bands.push_back({subnet.name, {}, {}});
    SubnetBand unplaced{QString(), {}, {}};
    for (PendingDevice &device : devices) {
        auto band = std::find_if(box.bands.begin(), box.bands.end(),
                                 [&](const SubnetBand &b) { return b.name == device.subnet; });
        (band == box.bands.end() ? unplaced : *band).devices.push_back(device.slot);
    }

    std::size_t widest = 0;
    for (const SubnetBand &band : box.bands)
        widest = std::max(widest, band.devices.size());
    widest = std::max(widest, unplaced.devices.size());
    const int columns = std::clamp(int(widest), Metrics::minColumns, Metrics::maxColumns);
    const double width = 2 * Metrics::padding + columns * Metrics::slotWidth;
    const double bandWidth = width - 2 * Metrics::padding;

    box.header = QRectF(0, 0, width, Metrics::headerHeight);
    double y = Metrics::headerHeight;
    auto placeBand = [&](SubnetBand &band) {
        const int rows = int(std::ceil(double(band.devices.size()) / columns));
        const double height = Metrics::bandLabelHeight + rows * Metrics::slotHeight +
                              (rows > 0 ? Metrics::bandGap : 0);
        band.rect = QRectF(Metrics::padding, y, bandWidth, height);
        for (std::size_t i = 0; i < band.devices.size(); ++i) {
            const int row = int(i) / columns;
            const int column = int(i) % columns;
            band.devices[i].rect =
                QRectF(Metrics::padding + column * Metrics::slotWidth,
                       y + Metrics::bandLabelHeight + row * Metrics::slotHeight,
                       Metrics::slotWidth, Metrics::slotHeight);
        }
        y += height + Metrics::bandGap;
    };
    for (SubnetBand &band : box.bands)
        placeBand(band);
    if (!unplaced.devices.empty()) {
        placeBand(unplaced);
        box.unplaced = std::move(unplaced);
    }
    box.size = QSizeF(width, std::max(y, Metrics::headerHeight + Metrics::bandLabelHeight) +
                                 Metrics::padding - Metrics::bandGap);
    return box;
}

} // namespace hopscope::layout
