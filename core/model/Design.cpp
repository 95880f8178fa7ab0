#include "model/Design.h"

#include <algorithm>

namespace hopscope::model {

namespace {
// Every named list is looked up the same way: by the `name` member.
template <typename T> T *findByName(std::vector<T> &items, const QString &name)
{
    const auto it = std::ranges::find(items, name, &T::name);
    return it == items.end() ? nullptr : &*it;
}
template <typename T> const T *findByName(const std::vector<T> &items, const QString &name)
{
    const auto it = std::ranges::find(items, name, &T::name);
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const Subnet *Vnet::subnet(const QString &subnetName) const
{
    return findByName(subnets, subnetName);
}
Subnet *Vnet::subnet(const QString &subnetName) { return findByName(subnets, subnetName); }

std::vector<Prefix> Subnet::addressPrefixes() const
{
    std::vector<Prefix> all{addressPrefix};
    all.insert(all.end(), moreAddressPrefixes.begin(), moreAddressPrefixes.end());
    return all;
}

bool Subnet::contains(Ipv4Address address) const
{
    return addressPrefix.contains(address) ||
           std::ranges::any_of(moreAddressPrefixes,
                               [&](const Prefix &p) { return p.contains(address); });
}

const NetworkSecurityGroup *Design::networkSecurityGroup(const QString &name) const
{
    return findByName(networkSecurityGroups, name);
}
NetworkSecurityGroup *Design::networkSecurityGroup(const QString &name)
{
    return findByName(networkSecurityGroups, name);
}
const ApplicationSecurityGroup *Design::applicationSecurityGroup(const QString &name) const
{
    return findByName(applicationSecurityGroups, name);
}

const std::vector<SecurityRule> &defaultSecurityRules()
{
    // nsg.md N1.4: API names, protocol and ports `*`.
    static const std::vector<SecurityRule> rules = [] {
        const auto tag = [](const char16_t *t) {
            return SecuritySide{{SecurityAddress::ofTag(QString::fromUtf16(t))}, {}, {}};
        };
        const SecuritySide any;
        const auto rule = [](const char16_t *name, int priority, SecurityDirection direction,
                             RuleAction access, SecuritySide source, SecuritySide destination) {
            SecurityRule r;
            r.name = QString::fromUtf16(name);
            r.priority = priority;
            r.direction = direction;
            r.access = access;
            r.source = std::move(source);
            r.destination = std::move(destination);
            return r;
        };
        using D = SecurityDirection;
        using A = RuleAction;
        return std::vector<SecurityRule>{
            rule(u"AllowVnetInBound", 65000, D::Inbound, A::Allow, tag(u"VirtualNetwork"),
                 tag(u"VirtualNetwork")),
            rule(u"AllowAzureLoadBalancerInBound", 65001, D::Inbound, A::Allow,
                 tag(u"AzureLoadBalancer"), any),
            rule(u"DenyAllInBound", 65500, D::Inbound, A::Deny, any, any),
            rule(u"AllowVnetOutBound", 65000, D::Outbound, A::Allow, tag(u"VirtualNetwork"),
                 tag(u"VirtualNetwork")),
            rule(u"AllowInternetOutBound", 65001, D::Outbound, A::Allow, any, tag(u"Internet")),
            rule(u"DenyAllOutBound", 65500, D::Outbound, A::Deny, any, any),
        };
    }();
    return rules;
}

const Vnet *Design::vnet(const QString &name) const { return findByName(vnets, name); }
Vnet *Design::vnet(const QString &name) { return findByName(vnets, name); }
const RouteTable *Design::routeTable(const QString &name) const
{
    return findByName(routeTables, name);
}
RouteTable *Design::routeTable(const QString &name) { return findByName(routeTables, name); }
const Gateway *Design::gateway(const QString &name) const { return findByName(gateways, name); }
Gateway *Design::gateway(const QString &name) { return findByName(gateways, name); }
const Firewall *Design::firewall(const QString &name) const { return findByName(firewalls, name); }
Firewall *Design::firewall(const QString &name) { return findByName(firewalls, name); }
const Vm *Design::vm(const QString &name) const { return findByName(vms, name); }
Vm *Design::vm(const QString &name) { return findByName(vms, name); }
const Client *Design::client(const QString &name) const { return findByName(clients, name); }
Client *Design::client(const QString &name) { return findByName(clients, name); }

const LocalNetwork *Design::site(const QString &name) const
{
    return const_cast<Design *>(this)->site(name);
}

LocalNetwork *Design::site(const QString &name)
{
    for (Gateway &g : gateways) {
        if (LocalNetwork *s = findByName(g.localNetworks, name))
            return s;
    }
    return nullptr;
}

const Subnet *Design::subnet(const QString &qualifiedName) const
{
    return const_cast<Design *>(this)->subnet(qualifiedName);
}

Subnet *Design::subnet(const QString &qualifiedName)
{
    const qsizetype slash = qualifiedName.indexOf(u'/');
    if (slash < 0)
        return nullptr;
    Vnet *v = vnet(qualifiedName.left(slash));
    return v ? v->subnet(qualifiedName.mid(slash + 1)) : nullptr;
}

const Gateway *Design::gatewayIn(const QString &vnetName) const
{
    const auto it = std::ranges::find(gateways, vnetName, &Gateway::vnet);
    return it == gateways.end() ? nullptr : &*it;
}

const Peering *Design::peering(const QString &from, const QString &to) const
{
    const auto it = std::ranges::find_if(
        peerings, [&](const Peering &p) { return p.from == from && p.to == to; });
    return it == peerings.end() ? nullptr : &*it;
}

const LayoutPoint *Design::layoutPoint(const QString &name) const
{
    return findByName(layout, name);
}

QString toString(VnetRole value) { return spellingOf(value); }
QString toString(NextHopType value) { return spellingOf(value); }
QString toString(RuleAction value) { return spellingOf(value); }
QString toString(Protocol value) { return spellingOf(value); }
QString toString(GatewayType value) { return spellingOf(value); }
QString toString(OutboundMethod value) { return spellingOf(value); }
QString toString(IntentExpectation value) { return spellingOf(value); }
QString toString(NoneRoutesRemoval value) { return spellingOf(value); }
QString toString(P2sInternetBreakout value) { return spellingOf(value); }
QString toString(SecurityDirection value) { return spellingOf(value); }
QString toString(SecurityProtocol value) { return spellingOf(value); }
QString toString(VnetTagUdrPrefixes value) { return spellingOf(value); }

bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 80)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
               u == '.' || u == '_' || u == '-';
    });
}

bool isSpecialSubnetName(const QString &name)
{
    static const QString special[] = {
        QStringLiteral("GatewaySubnet"), QStringLiteral("AzureFirewallSubnet"),
        QStringLiteral("AzureFirewallManagementSubnet"), QStringLiteral("AzureBastionSubnet"),
        QStringLiteral("RouteServerSubnet")};
    return std::find(std::begin(special), std::end(special), name) != std::end(special);
}

} // namespace hopscope::model
