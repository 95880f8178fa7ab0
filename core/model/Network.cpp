#include "model/Network.h"

#include <algorithm>

namespace hopscope::model {

QString toString(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Client: return QStringLiteral("client");
    case DeviceKind::Gateway: return QStringLiteral("gateway");
    case DeviceKind::Firewall: return QStringLiteral("firewall");
    case DeviceKind::Vm: return QStringLiteral("vm");
    case DeviceKind::Internet: return QStringLiteral("internet");
    case DeviceKind::OnPrem: return QStringLiteral("onprem");
    case DeviceKind::Subnet: break;
    }
    return QStringLiteral("subnet");
}

int Network::addDevice(Device device)
{
    const int index = int(m_devices.size());
    m_deviceByName.insert(device.name, index);
    m_devices.push_back(std::move(device));
    return index;
}

Network::Network(const Design &design) : m_design(design)
{
    // The design's first region stands for VNets that name none (format.md).
    QString defaultRegion = QStringLiteral("default");
    for (const Vnet &v : design.vnets)
        if (!v.region.isEmpty()) {
            defaultRegion = v.region;
            break;
        }

    m_vnets.reserve(design.vnets.size());
    for (const Vnet &v : design.vnets) {
        const int vi = int(m_vnets.size());
        VnetIndex index;
        index.vnet = &v;
        index.region = v.region.isEmpty() ? defaultRegion : v.region;
        m_vnetByName.insert(v.name, vi);
        for (const Prefix &p : v.addressSpace)
            m_vnetByPrefix.insert(p, vi);
        for (const Subnet &s : v.subnets) {
            const int si = int(m_subnets.size());
            SubnetIndex sub;
            sub.subnet = &s;
            sub.vnet = vi;
            sub.qualifiedName = qualifiedSubnetName(v.name, s.name);
            sub.routeTable = s.routeTable.isEmpty() ? nullptr : design.routeTable(s.routeTable);
            m_subnetByName.insert(sub.qualifiedName, si);
            // format.md additions: an address belongs to the subnet if any prefix holds it.
            for (const Prefix &p : s.addressPrefixes())
                m_subnetByPrefix.insert(p, si);
            index.subnets.push_back(si);
            m_subnets.push_back(std::move(sub));
        }
        m_vnets.push_back(std::move(index));
    }

    m_internet = addDevice({.kind = DeviceKind::Internet, .name = internetName()});

    for (const Firewall &f : design.firewalls) {
        const int si = subnetIndex(f.subnet);
        if (si < 0)
            continue;
        const Ipv4Address ip = f.privateIp.value_or(workloadAddress(*m_subnets[si].subnet));
        const int d = addDevice({.kind = DeviceKind::Firewall, .name = f.name, .ip = ip,
                                 .vnet = m_subnets[si].vnet, .subnet = si, .firewall = &f});
        m_ownerByIp.insert(ip.value(), d);
    }
    for (const Vm &vm : design.vms) {
        const int si = subnetIndex(vm.subnet);
        if (si < 0)
            continue;
        const Ipv4Address ip = vm.privateIp.value_or(workloadAddress(*m_subnets[si].subnet));
        const int d = addDevice({.kind = DeviceKind::Vm, .name = vm.name, .ip = ip,
                                 .vnet = m_subnets[si].vnet, .subnet = si, .vm = &vm});
        m_ownerByIp.insert(ip.value(), d);
    }
    for (const Gateway &g : design.gateways) {
        const int vi = vnetIndex(g.vnet);
        if (vi < 0)
            continue;
        const int gs = subnetIndex(qualifiedSubnetName(g.vnet, gatewaySubnetName()));
        const int d = addDevice({.kind = DeviceKind::Gateway, .name = g.name, .vnet = vi,
                                 .subnet = gs, .gatewayObject = &g});
        m_vnets[vi].ownGateways.push_back(d);
        if (!g.vpnClientAddressPool.empty()) {
            // Stands for "a P2S client of this gateway" where no client object owns the address.
            const int pool = addDevice({.kind = DeviceKind::Client,
                                        .name = g.name + QStringLiteral(":p2s"),
                                        .ip = g.vpnClientAddressPool.front().firstHost(),
                                        .gateway = d, .gatewayObject = &g});
            for (const Prefix &p : g.vpnClientAddressPool)
                m_poolByPrefix.insert(p, pool);
        }
        for (const LocalNetwork &site : g.localNetworks) {
            const int s = addDevice({.kind = DeviceKind::OnPrem, .name = site.name,
                                     .ip = site.addressPrefixes.empty()
                                               ? std::optional<Ipv4Address>()
                                               : site.addressPrefixes.front().firstHost(),
                                     .gateway = d, .gatewayObject = &g, .site = &site});
            for (const Prefix &p : site.addressPrefixes)
                m_siteByPrefix.insert(p, s);
        }
    }
    for (const Client &c : design.clients) {
        const int g = deviceIndex(c.gateway);
        if (g < 0 || !m_devices[g].gatewayObject)
            continue;
        const Gateway &gw = *m_devices[g].gatewayObject;
        std::optional<Ipv4Address> ip = c.ip;
        if (!ip && !gw.vpnClientAddressPool.empty())
            ip = gw.vpnClientAddressPool.front().firstHost();
        const int d = addDevice({.kind = DeviceKind::Client, .name = c.name, .ip = ip,
                                 .gateway = g, .gatewayObject = &gw, .client = &c});
        if (ip)
            m_ownerByIp.insert(ip->value(), d);
    }
    // Workloads standing for subnets come last, so that objects keep their names first.
    for (int si = 0; si < int(m_subnets.size()); ++si) {
        SubnetIndex &sub = m_subnets[si];
        sub.workloadDevice = addDevice({.kind = DeviceKind::Subnet, .name = sub.qualifiedName,
                                        .ip = workloadAddress(*sub.subnet), .vnet = sub.vnet,
                                        .subnet = si});
    }

    m_linksFrom.resize(m_vnets.size());
    for (const Peering &p : design.peerings) {
        const int from = vnetIndex(p.from);
        const int to = vnetIndex(p.to);
        if (from < 0 || to < 0 || link(from, to))
            continue; // a duplicate is a finding (peering-invalid); the first one counts
        auto &outgoing = m_linksFrom[from];
        const std::pair<int, int> entry{to, int(m_links.size())};
        outgoing.insert(std::lower_bound(outgoing.begin(), outgoing.end(), entry), entry);
        m_links.push_back({.peering = &p, .from = from, .to = to});
    }
    for (PeeringLink &l : m_links)
        l.connected = l.from != l.to && link(l.to, l.from) != nullptr;

    // R3.2, R8.6: a VNet learns the routes of its own gateway (VPN first: it is the one a UDR
    // to VirtualNetworkGateway reaches, R4.4), else of a remote one over gateway transit.
    auto isVpn = [this](int gateway) {
        return m_devices[gateway].gatewayObject->type == GatewayType::Vpn;
    };
    for (VnetIndex &v : m_vnets) {
        v.servingGateways = v.ownGateways;
        for (int g : v.ownGateways)
            if (v.servingGateway < 0 || (isVpn(g) && !isVpn(v.servingGateway)))
                v.servingGateway = g;
    }
    for (const PeeringLink &l : m_links) {
        VnetIndex &v = m_vnets[l.from];
        if (!l.connected || !l.peering->useRemoteGateways || !v.ownGateways.empty() ||
            v.servingGateway >= 0)
            continue;
        const PeeringLink *back = link(l.to, l.from);
        const VnetIndex &remote = m_vnets[l.to];
        if (back->peering->allowGatewayTransit && !remote.ownGateways.empty()) {
            v.servingGateway = remote.servingGateway;
            v.servingGateways = remote.ownGateways;
        }
    }

    // R9.3 (default of §13.4), R9.5: what P2S clients of each gateway receive.
    for (int d = 0; d < int(m_devices.size()); ++d) {
        const Device &g = m_devices[d];
        if (g.kind != DeviceKind::Gateway || g.gatewayObject->vpnClientAddressPool.empty())
            continue;
        std::vector<Prefix> pushed = m_vnets[g.vnet].vnet->addressSpace;
        for (const PeeringLink &l : m_links) {
            if (l.to != g.vnet || !l.connected || !l.peering->useRemoteGateways)
                continue;
            if (!link(l.to, l.from)->peering->allowGatewayTransit)
                continue;
            const auto &space = m_vnets[l.from].vnet->addressSpace;
            pushed.insert(pushed.end(), space.begin(), space.end());
        }
        const auto &pools = g.gatewayObject->vpnClientAddressPool;
        const auto &custom = g.gatewayObject->customRoutes;
        pushed.insert(pushed.end(), pools.begin(), pools.end());
        pushed.insert(pushed.end(), custom.begin(), custom.end());
        net::PrefixTable<Prefix> table;
        for (const Prefix &p : pushed)
            if (!table.exact(p))
                table.insert(p, p);
        m_clientRoutes.insert(d, std::move(table));
        m_clientRouteLists.insert(d, std::move(pushed));
    }
}

int Network::subnetContaining(Ipv4Address address) const
{
    const int *s = m_subnetByPrefix.longestMatch(address);
    return s ? *s : -1;
}

int Network::vnetContaining(Ipv4Address address) const
{
    const int *v = m_vnetByPrefix.longestMatch(address);
    return v ? *v : -1;
}

int Network::siteContaining(Ipv4Address address) const
{
    const int *s = m_siteByPrefix.longestMatch(address);
    return s ? *s : -1;
}

int Network::poolContaining(Ipv4Address address) const
{
    const int *p = m_poolByPrefix.longestMatch(address);
    return p ? *p : -1;
}

const PeeringLink *Network::link(int from, int to) const
{
    if (from < 0 || from >= int(m_linksFrom.size()))
        return nullptr;
    const auto &outgoing = m_linksFrom[from];
    const auto it = std::lower_bound(outgoing.begin(), outgoing.end(), std::pair<int, int>{to, -1});
    return it != outgoing.end() && it->first == to ? &m_links[it->second] : nullptr;
}

std::vector<int> Network::linksFrom(int from) const
{
    std::vector<int> indices;
    if (from >= 0 && from < int(m_linksFrom.size()))
        for (const auto &[to, index] : m_linksFrom[size_t(from)])
            indices.push_back(index);
    std::ranges::sort(indices);
    return indices;
}

bool Network::peered(int a, int b) const
{
    const PeeringLink *l = link(a, b);
    return l && l->connected;
}

const net::PrefixTable<Prefix> *Network::clientRoutes(int gatewayDevice) const
{
    const auto it = m_clientRoutes.constFind(gatewayDevice);
    return it == m_clientRoutes.cend() ? nullptr : &*it;
}

std::vector<Prefix> Network::clientRouteList(int gatewayDevice) const
{
    return m_clientRouteLists.value(gatewayDevice);
}

} // namespace hopscope::model
