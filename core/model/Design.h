#pragma once

// The design: plain data that mirrors format.md v1 one to one. It knows nothing of positions on
// a canvas except the `layout` section, which it carries through untouched (STYLE 1). Every
// reference is by name; names are the stable ids that cross layer boundaries (STYLE 2).
// Every struct compares by value, member by member (undo and the file round trip rely on it).

#include "model/Spelling.h"
#include "net/Ipv4.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace hopscope::model {

using net::Ipv4Address;
using net::Prefix;

enum class VnetRole { Other, Hub, Spoke };
// Spellings are format.md's (its own words, or ARM's values), in format.md's order (Spelling.h).
constexpr auto spellingTable(VnetRole)
{
    return std::to_array<Spelling<VnetRole>>({
        {VnetRole::Hub, u"hub"},
        {VnetRole::Spoke, u"spoke"},
        {VnetRole::Other, u"other"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(VnetRole{})));

struct Subnet
{
    QString name;
    Prefix addressPrefix; // the first prefix: the subnet's end point is its .4
    QString routeTable;           // empty: none attached
    QString networkSecurityGroup; // empty: none (nsg.md N1.3)
    // `addressPrefixes: [first, more...]` (format.md additions): an address belongs to the
    // subnet when any of its prefixes holds it. Empty for the usual one-prefix subnet.
    std::vector<Prefix> moreAddressPrefixes;
    QString id; // ARM resource id (format.md additions, import.md I5.3); empty: none

    // Every prefix, the first one first.
    std::vector<Prefix> addressPrefixes() const;
    bool contains(Ipv4Address address) const;

    bool operator==(const Subnet &) const = default;
};

struct Vnet
{
    QString name;
    VnetRole role = VnetRole::Other;
    QString region; // empty: the design's first region, else "default"
    std::vector<Prefix> addressSpace;
    std::vector<Subnet> subnets;
    QString id; // ARM resource id; empty: none

    const Subnet *subnet(const QString &subnetName) const;
    Subnet *subnet(const QString &subnetName);

    bool operator==(const Vnet &) const = default;
};

struct Peering
{
    QString from;
    QString to;
    bool allowVirtualNetworkAccess = true;
    bool allowForwardedTraffic = false;
    bool allowGatewayTransit = false;
    bool useRemoteGateways = false;

    QString id; // ARM resource id; empty: none
    bool operator==(const Peering &) const = default;
};

enum class NextHopType { VirtualAppliance, VirtualNetworkGateway, VnetLocal, Internet, None };

// Only a VirtualAppliance route names a next-hop IP (format.md: "required for VirtualAppliance
// only"); Azure ignores or refuses one with the other types.
constexpr bool takesNextHopIp(NextHopType type) { return type == NextHopType::VirtualAppliance; }
constexpr auto spellingTable(NextHopType)
{
    return std::to_array<Spelling<NextHopType>>({
        {NextHopType::VirtualAppliance, u"VirtualAppliance"},
        {NextHopType::VirtualNetworkGateway, u"VirtualNetworkGateway"},
        {NextHopType::VnetLocal, u"VnetLocal"},
        {NextHopType::Internet, u"Internet"},
        {NextHopType::None, u"None"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(NextHopType{})));

struct Route
{
    QString name;
    Prefix addressPrefix;
    NextHopType nextHopType = NextHopType::None;
    std::optional<Ipv4Address> nextHopIpAddress;

    QString id; // ARM resource id; empty: none
    bool operator==(const Route &) const = default;
};

struct RouteTable
{
    QString name;
    bool disableBgpRoutePropagation = false;
    std::vector<Route> routes;

    QString id; // ARM resource id; empty: none
    bool operator==(const RouteTable &) const = default;
};

enum class RuleAction { Allow, Deny };
constexpr auto spellingTable(RuleAction)
{
    return std::to_array<Spelling<RuleAction>>({
        {RuleAction::Allow, u"Allow"},
        {RuleAction::Deny, u"Deny"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(RuleAction{})));

enum class Protocol { Tcp, Udp, Icmp, Any };
constexpr auto spellingTable(Protocol)
{
    return std::to_array<Spelling<Protocol>>({
        {Protocol::Tcp, u"Tcp"},
        {Protocol::Udp, u"Udp"},
        {Protocol::Icmp, u"Icmp"},
        {Protocol::Any, u"Any"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(Protocol{})));

// A port range; "*" is 0..65535.
struct PortRange
{
    int first = 0;
    int last = 65535;
    bool contains(int port) const { return port >= first && port <= last; }
    bool operator==(const PortRange &) const = default;
};

// An address condition: a prefix, or "*" (any).
struct AddressMatch
{
    std::optional<Prefix> prefix; // nullopt: "*"
    bool matches(Ipv4Address a) const { return !prefix || prefix->contains(a); }
    bool operator==(const AddressMatch &) const = default;
};

struct FirewallRule
{
    QString name;
    RuleAction action = RuleAction::Allow;
    std::vector<Protocol> protocols;
    std::vector<AddressMatch> sourceAddresses;
    std::vector<AddressMatch> destinationAddresses;
    std::vector<PortRange> destinationPorts;

    bool operator==(const FirewallRule &) const = default;
};

struct Firewall
{
    QString name;
    QString subnet; // "VNET/SUBNET"
    std::optional<Ipv4Address> privateIp; // default: the subnet's first usable host
    bool managementNic = false;
    bool allowAll = true; // `rules: allowAll`; when false, `rules` decides (empty list denies all)
    std::vector<FirewallRule> rules;

    QString id; // ARM resource id; empty: none
    bool operator==(const Firewall &) const = default;
};

enum class GatewayType { Vpn, ExpressRoute };
constexpr auto spellingTable(GatewayType)
{
    return std::to_array<Spelling<GatewayType>>({
        {GatewayType::Vpn, u"Vpn"},
        {GatewayType::ExpressRoute, u"ExpressRoute"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(GatewayType{})));

struct LocalNetwork
{
    QString name;
    std::vector<Prefix> addressPrefixes;

    QString id; // ARM resource id; empty: none
    bool operator==(const LocalNetwork &) const = default;
};

struct Gateway
{
    QString name;
    QString vnet;
    GatewayType type = GatewayType::Vpn;
    QString sku = QStringLiteral("VpnGw1");
    std::vector<Prefix> vpnClientAddressPool;
    std::vector<Prefix> customRoutes;
    std::vector<LocalNetwork> localNetworks;

    QString id; // ARM resource id; empty: none
    bool operator==(const Gateway &) const = default;
};

enum class OutboundMethod { DefaultAccess, PublicIp, NatGateway, LoadBalancer, None };
constexpr auto spellingTable(OutboundMethod)
{
    return std::to_array<Spelling<OutboundMethod>>({
        {OutboundMethod::PublicIp, u"publicIp"},
        {OutboundMethod::NatGateway, u"natGateway"},
        {OutboundMethod::LoadBalancer, u"loadBalancer"},
        {OutboundMethod::DefaultAccess, u"defaultAccess"},
        {OutboundMethod::None, u"none"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(OutboundMethod{})));

struct ProxyService
{
    int port = 3128;
    QString config; // path relative to the design file; empty: none

    bool operator==(const ProxyService &) const = default;
};

struct Vm
{
    QString name;
    QString subnet; // "VNET/SUBNET"
    std::optional<Ipv4Address> privateIp; // default: the subnet's first usable host
    bool enableIPForwarding = false;
    bool stateful = false;
    OutboundMethod outbound = OutboundMethod::DefaultAccess;
    QString networkSecurityGroup;                  // the NIC's NSG; empty: none (nsg.md N1.3)
    std::vector<QString> applicationSecurityGroups; // the NIC's ASG memberships (N1.5)
    QString id; // ARM resource id of the VM's NIC; empty: none
    std::optional<ProxyService> proxy;

    bool operator==(const Vm &) const = default;
};

// Network security groups (nsg.md §1, format.md additions).

enum class SecurityDirection { Inbound, Outbound };
constexpr auto spellingTable(SecurityDirection)
{
    return std::to_array<Spelling<SecurityDirection>>({
        {SecurityDirection::Inbound, u"Inbound"},
        {SecurityDirection::Outbound, u"Outbound"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(SecurityDirection{})));

// A security rule's protocol (N1.1); ARM's `*` is Any. Esp and Ah never match a Hopscope packet.
enum class SecurityProtocol { Tcp, Udp, Icmp, Esp, Ah, Any };
constexpr auto spellingTable(SecurityProtocol)
{
    return std::to_array<Spelling<SecurityProtocol>>({
        {SecurityProtocol::Tcp, u"Tcp"},
        {SecurityProtocol::Udp, u"Udp"},
        {SecurityProtocol::Icmp, u"Icmp"},
        {SecurityProtocol::Esp, u"Esp"},
        {SecurityProtocol::Ah, u"Ah"},
        {SecurityProtocol::Any, u"*"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(SecurityProtocol{})));

// One address item of a rule side (N1.2): `*`, an IPv4 prefix (an address is its /32), or a
// service tag word, kept as written in Azure's spelling for the three modelled tags
// (VirtualNetwork, Internet, AzureLoadBalancer) and as read for every other tag.
struct SecurityAddress
{
    enum class Kind { Any, Prefix, Tag };
    Kind kind = Kind::Any;
    Prefix prefix;   // Kind::Prefix only
    QString tag;     // Kind::Tag only

    static SecurityAddress any() { return {}; }
    static SecurityAddress of(Prefix p) { return {Kind::Prefix, p, {}}; }
    static SecurityAddress ofTag(QString t) { return {Kind::Tag, {}, std::move(t)}; }

    bool operator==(const SecurityAddress &) const = default;
};

// The source or destination side of a rule (N1.1). Addresses and ASGs are exclusive forms: at
// most one is non-empty; both empty means `*`. `ports` empty means `*`. The file's choice of
// singular or plural key is not kept: the writer uses the singular key for one item.
struct SecuritySide
{
    std::vector<SecurityAddress> addresses;
    std::vector<QString> applicationSecurityGroups;
    std::vector<PortRange> ports;

    bool operator==(const SecuritySide &) const = default;
};

struct SecurityRule
{
    QString name;
    QString id; // ARM resource id; empty: none
    QString description;
    int priority = 100;
    SecurityDirection direction = SecurityDirection::Inbound;
    RuleAction access = RuleAction::Allow;
    SecurityProtocol protocol = SecurityProtocol::Any;
    SecuritySide source;
    SecuritySide destination;

    bool operator==(const SecurityRule &) const = default;
};

struct NetworkSecurityGroup
{
    QString name;
    QString id; // ARM resource id; empty: none
    std::vector<SecurityRule> securityRules; // custom rules in file order; defaults implicit (N1.4)

    bool operator==(const NetworkSecurityGroup &) const = default;
};

struct ApplicationSecurityGroup
{
    QString name;
    QString id; // ARM resource id; empty: none

    bool operator==(const ApplicationSecurityGroup &) const = default;
};

// The six default rules every NSG has after its custom rules (N1.4), in evaluation order per
// direction: Inbound 65000, 65001, 65500, then Outbound 65000, 65001, 65500.
const std::vector<SecurityRule> &defaultSecurityRules();

struct ProxySetting
{
    QString vm;
    int port = 0;

    bool operator==(const ProxySetting &) const = default;
};

struct Client
{
    QString name;
    QString gateway;
    std::optional<Ipv4Address> ip; // default: first host of the gateway's first pool
    std::optional<ProxySetting> useProxy;

    bool operator==(const Client &) const = default;
};

enum class IntentExpectation { Ok, Blocked };
constexpr auto spellingTable(IntentExpectation)
{
    return std::to_array<Spelling<IntentExpectation>>({
        {IntentExpectation::Ok, u"ok"},
        {IntentExpectation::Blocked, u"blocked"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(IntentExpectation{})));

struct Intent
{
    QString from;
    QString to;
    int port = 443;
    Protocol protocol = Protocol::Tcp;
    IntentExpectation expect = IntentExpectation::Ok;

    bool operator==(const Intent &) const = default;
};

// The spec's [UNCLEAR] points that the format exposes (azure-routing.md §13), with its defaults.
enum class NoneRoutesRemoval { Any, VirtualApplianceOnly, Never };
constexpr auto spellingTable(NoneRoutesRemoval)
{
    return std::to_array<Spelling<NoneRoutesRemoval>>({
        {NoneRoutesRemoval::Any, u"any"},
        {NoneRoutesRemoval::VirtualApplianceOnly, u"virtualApplianceOnly"},
        {NoneRoutesRemoval::Never, u"never"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(NoneRoutesRemoval{})));

enum class P2sInternetBreakout { Drop, Allow };
constexpr auto spellingTable(P2sInternetBreakout)
{
    return std::to_array<Spelling<P2sInternetBreakout>>({
        {P2sInternetBreakout::Drop, u"drop"},
        {P2sInternetBreakout::Allow, u"allow"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(P2sInternetBreakout{})));

// Which user routes put their prefix in a subnet's `VirtualNetwork` service tag (nsg.md N2.1 d).
enum class VnetTagUdrPrefixes { Forwarding, All, None };
constexpr auto spellingTable(VnetTagUdrPrefixes)
{
    return std::to_array<Spelling<VnetTagUdrPrefixes>>({
        {VnetTagUdrPrefixes::Forwarding, u"forwarding"},
        {VnetTagUdrPrefixes::All, u"all"},
        {VnetTagUdrPrefixes::None, u"none"},
    });
}
static_assert(isCompleteSpellingTable(spellingTable(VnetTagUdrPrefixes{})));

struct Settings
{
    NoneRoutesRemoval noneRoutesRemovedByDefaultUdr = NoneRoutesRemoval::Any; // §13.1, R2.5
    P2sInternetBreakout p2sInternetBreakout = P2sInternetBreakout::Drop;       // §13.3, R9.6
    VnetTagUdrPrefixes vnetTagUdrPrefixes = VnetTagUdrPrefixes::Forwarding;   // nsg.md §8.1
    bool operator==(const Settings &) const = default;
};

struct LayoutPoint
{
    QString name;
    double x = 0;
    double y = 0;

    bool operator==(const LayoutPoint &) const = default;
};

struct Design
{
    QString name;
    std::vector<Vnet> vnets;
    std::vector<Peering> peerings;
    std::vector<RouteTable> routeTables;
    std::vector<Firewall> firewalls;
    std::vector<Gateway> gateways;
    std::vector<Vm> vms;
    std::vector<NetworkSecurityGroup> networkSecurityGroups;
    std::vector<ApplicationSecurityGroup> applicationSecurityGroups;
    std::vector<Client> clients;
    std::vector<Intent> intents;
    Settings settings;
    std::vector<LayoutPoint> layout; // file order kept

    // Lookups by name; nullptr when there is none.
    const Vnet *vnet(const QString &name) const;
    Vnet *vnet(const QString &name);
    const RouteTable *routeTable(const QString &name) const;
    RouteTable *routeTable(const QString &name);
    const Gateway *gateway(const QString &name) const;
    Gateway *gateway(const QString &name);
    const Firewall *firewall(const QString &name) const;
    Firewall *firewall(const QString &name);
    const Vm *vm(const QString &name) const;
    Vm *vm(const QString &name);
    const Client *client(const QString &name) const;
    Client *client(const QString &name);
    const NetworkSecurityGroup *networkSecurityGroup(const QString &name) const;
    NetworkSecurityGroup *networkSecurityGroup(const QString &name);
    const ApplicationSecurityGroup *applicationSecurityGroup(const QString &name) const;
    // The on-premises site `name`, whichever gateway holds it.
    const LocalNetwork *site(const QString &name) const;
    LocalNetwork *site(const QString &name);
    // The subnet named "VNET/SUBNET", or nullptr.
    const Subnet *subnet(const QString &qualifiedName) const;
    Subnet *subnet(const QString &qualifiedName);
    // The first gateway that sits in `vnet`.
    const Gateway *gatewayIn(const QString &vnet) const;
    // The peering direction `from` → `to`.
    const Peering *peering(const QString &from, const QString &to) const;
    // The layout entry of `name`.
    const LayoutPoint *layoutPoint(const QString &name) const;

    bool operator==(const Design &) const = default;
};

// Spelling of enum values, exactly as format.md and ARM write them: their spellingTable.
QString toString(VnetRole);
QString toString(NextHopType);
QString toString(RuleAction);
QString toString(Protocol);
QString toString(GatewayType);
QString toString(OutboundMethod);
QString toString(IntentExpectation);
QString toString(NoneRoutesRemoval);
QString toString(P2sInternetBreakout);
QString toString(SecurityDirection);
QString toString(SecurityProtocol);
QString toString(VnetTagUdrPrefixes);

// Names use Azure's characters: ASCII letters, digits, '.', '_', '-', 1 to 80 characters.
bool isValidName(const QString &name);
// The reserved name of the implicit Internet object.
inline const QString &internetName()
{
    static const QString name = QStringLiteral("Internet");
    return name;
}

// "VNET/SUBNET"
inline QString qualifiedSubnetName(const QString &vnet, const QString &subnet)
{
    return vnet + u'/' + subnet;
}

// Subnets that only Azure's own services may occupy (R7.1–R7.5): never sweep destinations.
bool isSpecialSubnetName(const QString &name);
inline const QString gatewaySubnetName() { return QStringLiteral("GatewaySubnet"); }
inline const QString firewallSubnetName() { return QStringLiteral("AzureFirewallSubnet"); }

} // namespace hopscope::model
