#pragma once

// Network: an index over a Design that the routing engine reads. It resolves every name and
// default (device addresses, which gateway serves a VNet, which peerings are connected) once,
// so a packet walk never searches the design. Integer indices stay inside core/; names cross
// layer boundaries (STYLE 2). The Design must outlive the Network; any edit means a new Network.

#include "model/Design.h"
#include "net/PrefixTable.h"

#include <QHash>

#include <optional>
#include <vector>

namespace hopscope::model {

enum class DeviceKind { Client, Gateway, Firewall, Vm, Internet, OnPrem, Subnet };
QString toString(DeviceKind); // cli.md's hop `kind` vocabulary

// Anything a packet can stand at: the objects of the design plus the implicit ones (the Internet,
// each on-premises site, a workload standing for a subnet, a P2S client standing for a pool).
struct Device
{
    DeviceKind kind = DeviceKind::Vm;
    QString name;                  // hop `device` name of cli.md
    std::optional<Ipv4Address> ip; // the address it owns or stands for
    int vnet = -1;                 // Network::vnets() index; -1 outside Azure
    int subnet = -1;               // Network::subnets() index; -1 outside a subnet
    int gateway = -1;              // for clients, pools and sites: their gateway's device index
    const Vm *vm = nullptr;
    const Firewall *firewall = nullptr;
    const Gateway *gatewayObject = nullptr;
    const Client *client = nullptr;
    const LocalNetwork *site = nullptr;

    // A device that tracks sessions: Azure Firewall (R10.2) or an NVA flagged `stateful`.
    bool isStateful() const { return firewall || (vm && vm->stateful); }
};

struct SubnetIndex
{
    const Subnet *subnet = nullptr;
    int vnet = -1;
    QString qualifiedName;
    const RouteTable *routeTable = nullptr; // nullptr: none attached
    int workloadDevice = -1;                // the Subnet device standing for a workload here
};

struct VnetIndex
{
    const Vnet *vnet = nullptr;
    QString region;
    std::vector<int> subnets;
    std::vector<int> ownGateways; // gateway devices that sit in this VNet
    // The gateways whose routes this VNet learns (R5.9 `Gs`): its own (a VPN and an
    // ExpressRoute gateway may coexist), else those of a VNet it reaches over a peering with
    // gateway transit (R3.2, R8.6). Empty: none.
    std::vector<int> servingGateways;
    // Of those, the VPN one (else the first): the one a UDR to VirtualNetworkGateway is meant
    // for (R4.4). -1: none.
    int servingGateway = -1;
};

// One direction of a peering, as Azure stores it.
struct PeeringLink
{
    const Peering *peering = nullptr;
    int from = -1;
    int to = -1;
    bool connected = false; // the other direction exists too (R8.3)
};

// Whether two pointers name equal objects: the same one, or both set and equal. A network
// compared with an earlier one's (issue 15) asks this of what its indices point at.
template <typename T> bool samePointee(const T *a, const T *b)
{
    return a == b || (a && b && *a == *b);
}

class Network
{
public:
    explicit Network(const Design &design);

    const Design &design() const { return m_design; }
    const Settings &settings() const { return m_design.settings; }

    const std::vector<VnetIndex> &vnets() const { return m_vnets; }
    const std::vector<SubnetIndex> &subnets() const { return m_subnets; }
    const std::vector<Device> &devices() const { return m_devices; }
    const std::vector<PeeringLink> &links() const { return m_links; }

    int vnetIndex(const QString &name) const { return m_vnetByName.value(name, -1); }
    int subnetIndex(const QString &qualifiedName) const
    {
        return m_subnetByName.value(qualifiedName, -1);
    }
    int deviceIndex(const QString &name) const { return m_deviceByName.value(name, -1); }
    int internetDevice() const { return m_internet; }

    // The device (VM, firewall or client) that owns `address`, or -1.
    int ownerOf(Ipv4Address address) const { return m_ownerByIp.value(address.value(), -1); }
    // The subnet (any of its prefixes) / VNet whose prefix contains `address`, or -1.
    int subnetContaining(Ipv4Address address) const;
    int vnetContaining(Ipv4Address address) const;
    // The on-premises site or P2S pool device whose prefix contains `address`, or -1.
    int siteContaining(Ipv4Address address) const;
    int poolContaining(Ipv4Address address) const;

    // The link from VNet `from` to VNet `to`, or nullptr when none is defined.
    const PeeringLink *link(int from, int to) const;
    // Indices into links() of the links from VNet `from`, ascending.
    std::vector<int> linksFrom(int from) const;
    // Both directions exist (R8.3).
    bool peered(int a, int b) const;

    // The routes a P2S client of this gateway device receives (R9.3, R9.5), as a table of the
    // pushed prefixes.
    const net::PrefixTable<Prefix> *clientRoutes(int gatewayDevice) const;
    std::vector<Prefix> clientRouteList(int gatewayDevice) const;

    // A subnet's workload stands at its first usable host (format.md, end points): that of its
    // first prefix when it has several.
    static Ipv4Address workloadAddress(const Subnet &subnet)
    {
        return subnet.addressPrefix.firstUsableAzureHost();
    }

private:
    int addDevice(Device device);

    const Design &m_design;
    std::vector<VnetIndex> m_vnets;
    std::vector<SubnetIndex> m_subnets;
    std::vector<Device> m_devices;
    std::vector<PeeringLink> m_links;
    QHash<QString, int> m_vnetByName;
    QHash<QString, int> m_subnetByName;
    QHash<QString, int> m_deviceByName;
    QHash<std::uint32_t, int> m_ownerByIp;
    // Per VNet, its outgoing links as (remote VNet, link index), sorted for binary search.
    std::vector<std::vector<std::pair<int, int>>> m_linksFrom;
    net::PrefixTable<int> m_subnetByPrefix;
    net::PrefixTable<int> m_vnetByPrefix;
    net::PrefixTable<int> m_siteByPrefix;
    net::PrefixTable<int> m_poolByPrefix;
    QHash<int, net::PrefixTable<Prefix>> m_clientRoutes;
    QHash<int, std::vector<Prefix>> m_clientRouteLists;
    int m_internet = -1;
};

} // namespace hopscope::model
