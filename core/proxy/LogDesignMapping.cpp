#include "proxy/LogDesignMapping.h"

#include "net/Ipv4.h"


#include <algorithm>
#include <optional>

namespace hopscope::proxy {

namespace {

using net::Ipv4Address;

// A device's address: as written, else the first usable host of its subnet (R10.1).
std::optional<Ipv4Address> ownIp(const model::Design &design,
                                 const std::optional<Ipv4Address> &ip, const QString &subnet)
{
    if (ip)
        return ip;
    if (const model::Subnet *s = design.subnet(subnet))
        return s->addressPrefix.firstUsableAzureHost();
    return std::nullopt;
}

ClientPlace place(ClientPlace::Kind kind, const QString &object, const QString &gateway,
                  const QString &text)
{
    return ClientPlace{kind, object, gateway, text};
}

} // namespace

ClientPlace placeOfClient(const model::Design &design, const QString &ip)
{
    using Kind = ClientPlace::Kind;
    const auto a = Ipv4Address::parse(ip);
    if (!a)
        return place(Kind::None, {}, {}, QStringLiteral("not in the design"));
    for (const model::Client &c : design.clients) {
        const model::Gateway *gw = design.gateway(c.gateway);
        std::optional<Ipv4Address> cip = c.ip;
        if (!cip && gw && !gw->vpnClientAddressPool.empty())
            cip = gw->vpnClientAddressPool.front().firstHost();
        if (cip && *cip == *a)
            return place(Kind::Client, c.name, c.gateway,
                         QStringLiteral("client %1 (P2S pool of %2)").arg(c.name, c.gateway));
    }
    for (const model::Gateway &gw : design.gateways)
        for (const net::Prefix &pool : gw.vpnClientAddressPool)
            if (pool.contains(*a))
                return place(Kind::P2sPool, gw.name, gw.name,
                             QStringLiteral("P2S pool of %1").arg(gw.name));
    for (const model::Vm &vm : design.vms)
        if (ownIp(design, vm.privateIp, vm.subnet) == a)
            return place(Kind::Vm, vm.name, {}, QStringLiteral("VM %1").arg(vm.name));
    for (const model::Firewall &fw : design.firewalls)
        if (ownIp(design, fw.privateIp, fw.subnet) == a)
            return place(Kind::Firewall, fw.name, {}, QStringLiteral("firewall %1").arg(fw.name));
    for (const model::Vnet &v : design.vnets)
        for (const model::Subnet &s : v.subnets)
            if (s.addressPrefix.contains(*a)) {
                const QString name = model::qualifiedSubnetName(v.name, s.name);
                return place(Kind::Subnet, name, {}, QStringLiteral("subnet %1").arg(name));
            }
    return place(Kind::None, {}, {}, QStringLiteral("not in the design"));
}

DestinationPlace placeOfDestination(const model::Design &design, const QString &host,
                                    const QStringList &peers)
{
    using Kind = DestinationPlace::Kind;
    std::optional<Ipv4Address> a = Ipv4Address::parse(host);
    for (qsizetype i = 0; !a && i < peers.size(); ++i)
        a = Ipv4Address::parse(peers[i]);
    if (!a)
        return {Kind::Unknown, {}, QStringLiteral("unknown (no IPv4 address)")};
    for (const model::Vnet &v : design.vnets)
        for (const net::Prefix &p : v.addressSpace)
            if (p.contains(*a))
                return {Kind::Vnet, v.name, QStringLiteral("VNet %1").arg(v.name)};
    for (const model::Gateway &gw : design.gateways)
        for (const model::LocalNetwork &site : gw.localNetworks)
            for (const net::Prefix &p : site.addressPrefixes)
                if (p.contains(*a))
                    return {Kind::OnPremises, site.name, QStringLiteral("on-prem %1").arg(site.name)};
    for (const model::Gateway &gw : design.gateways)
        for (const net::Prefix &pool : gw.vpnClientAddressPool)
            if (pool.contains(*a))
                return {Kind::P2sPool, gw.name, QStringLiteral("P2S pool of %1").arg(gw.name)};
    if (a->isPrivate())
        return {Kind::PrivateElsewhere, {}, QStringLiteral("private, not in the design")};
    return {Kind::Internet, model::internetName(), model::internetName()};
}

QString proxyVmOf(const model::Design &design, const AccessLogSummary &summary)
{
    for (const ClientVolume &c : summary.clients) {
        const ClientPlace p = placeOfClient(design, c.ip);
        if (p.kind != ClientPlace::Kind::Client)
            continue;
        const model::Client *client = design.client(p.object);
        if (client && client->useProxy) {
            const model::Vm *vm = design.vm(client->useProxy->vm);
            if (vm && vm->proxy)
                return vm->name;
        }
    }
    for (const model::Vm &vm : design.vms)
        if (vm.proxy)
            return vm.name;
    return {};
}

std::vector<ObservedFlow> observedFlows(const model::Design &design,
                                        const AccessLogSummary &summary)
{
    const QString proxy = proxyVmOf(design, summary);
    if (proxy.isEmpty())
        return {};

    // Legs keyed by their far end, in first-seen order, then sorted by bytes.
    auto addTo = [](std::vector<ObservedFlow> &legs, const QString &from, const QString &to,
                    quint64 bytes, qint64 records) {
        auto it = std::find_if(legs.begin(), legs.end(), [&](const ObservedFlow &f) {
            return f.from == from && f.to == to;
        });
        if (it == legs.end())
            legs.push_back({from, to, bytes, records});
        else {
            it->bytes += bytes;
            it->records += records;
        }
    };
    auto byBytes = [](const ObservedFlow &a, const ObservedFlow &b) { return a.bytes > b.bytes; };

    std::vector<ObservedFlow> clientLegs;
    for (const ClientVolume &c : summary.clients) {
        const ClientPlace p = placeOfClient(design, c.ip);
        // The proxy's own requests (cache peers, health checks) are no flow towards it.
        if (p.kind == ClientPlace::Kind::None || p.object == proxy)
            continue;
        addTo(clientLegs, p.object, proxy, c.bytes, c.records);
    }
    std::vector<ObservedFlow> upstreamLegs;
    for (const DestinationVolume &d : summary.topDestinationsByBytes) {
        const DestinationPlace p = placeOfDestination(design, d.host, d.peers);
        QString to = p.object;
        if (p.kind == DestinationPlace::Kind::Unknown)
            to = model::internetName();
        if (to.isEmpty())
            continue;
        addTo(upstreamLegs, proxy, to, d.bytes, d.records);
    }
    std::stable_sort(clientLegs.begin(), clientLegs.end(), byBytes);
    std::stable_sort(upstreamLegs.begin(), upstreamLegs.end(), byBytes);
    clientLegs.insert(clientLegs.end(), upstreamLegs.begin(), upstreamLegs.end());
    return clientLegs;
}

} // namespace hopscope::proxy
