#pragma once

// The geometry of a drawn design, decided without a screen (STYLE 1): how big a VNet container
// is and where its subnet bands and devices sit inside it. The desktop canvas and any exporter
// read these numbers, so a design draws the same everywhere and the auto-layout can avoid
// overlaps without asking the GUI.

#include "model/Design.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

namespace hopscope::layout {

enum class DeviceKind { Firewall, VpnGateway, Vm, Nva, Proxy };

// What a VM is drawn as: a proxy VM wins over an NVA, an NVA (IP forwarding) over a plain VM.
DeviceKind deviceKind(const model::Vm &vm);

struct DeviceSlot
{
    QString name; // the device's design name (stable id)
    DeviceKind kind = DeviceKind::Vm;
    QRectF rect;  // in VNet-local coordinates (VNet top-left is 0,0)
};

struct SubnetBand
{
    QString name; // subnet name within its VNet
    QRectF rect;  // VNet-local
    std::vector<DeviceSlot> devices;
};

struct VnetBox
{
    QSizeF size;
    QRectF header; // VNet-local
    std::vector<SubnetBand> bands; // in the VNet's subnet order
    // Devices whose subnet does not exist in this VNet (a gateway in a VNet without a
    // GatewaySubnet): drawn in a band of their own at the bottom.
    std::optional<SubnetBand> unplaced;
};

// Metrics shared by the canvas and the layout.
struct Metrics
{
    static constexpr double headerHeight = 52;
    static constexpr double padding = 12;
    static constexpr double bandLabelHeight = 30;
    static constexpr double bandGap = 6;
    static constexpr double slotWidth = 112;
    static constexpr double slotHeight = 78;
    static constexpr int minColumns = 3;
    static constexpr int maxColumns = 5;
    // Point nodes (P2S clients, on-premises sites, the Internet) are this big, centred on
    // their layout position.
    static constexpr double nodeWidth = 104;
    static constexpr double nodeHeight = 84;
};

// The subnet a device lives in, as "VNET/SUBNET": firewalls and VMs name it, a gateway sits in
// its VNet's GatewaySubnet.
QString subnetOfFirewall(const model::Firewall &firewall);
QString subnetOfGateway(const model::Gateway &gateway);

// Splits "VNET/SUBNET"; returns false when there is no '/'.
bool splitQualifiedName(const QString &qualified, QString *vnet, QString *subnet);

// The box of `vnet` with every device of `design` that lives in it.
VnetBox vnetBox(const model::Design &design, const model::Vnet &vnet);

// A point node's rectangle, centred on `centre`.
QRectF nodeRect(QPointF centre);

} // namespace hopscope::layout
