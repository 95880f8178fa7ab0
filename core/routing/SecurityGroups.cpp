#include "routing/SecurityGroups.h"

#include "routing/EffectiveSecurityRules.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <tuple>

namespace hopscope::routing {

using model::RuleAction;
using model::SecurityDirection;
using model::SecurityProtocol;

namespace {

constexpr std::uint32_t azurePlatformAddress = (168u << 24) | (63u << 16) | (129u << 8) | 16u;
constexpr std::uint32_t instanceMetadataAddress = (169u << 24) | (254u << 16) | (169u << 8) | 254u;

// A set of IPv4 addresses as sorted, disjoint, non-adjacent inclusive ranges.
class AddressSet
{
public:
    void add(const Prefix &p) { m_ranges.push_back({p.first().value(), p.last().value()}); }
    void add(std::uint32_t first, std::uint32_t last) { m_ranges.push_back({first, last}); }
    void finish()
    {
        std::sort(m_ranges.begin(), m_ranges.end());
        std::vector<Range> merged;
        for (const Range &r : m_ranges) {
            if (!merged.empty() && std::uint64_t(r.first) <= std::uint64_t(merged.back().last) + 1)
                merged.back().last = std::max(merged.back().last, r.last);
            else
                merged.push_back(r);
        }
        m_ranges = std::move(merged);
    }
    template <typename F>
    void forEachRange(F f) const
    {
        for (const Range &r : m_ranges)
            f(r.first, r.last);
    }
    bool holds(std::uint32_t a) const
    {
        auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), a,
                                   [](std::uint32_t v, const Range &r) { return v < r.first; });
        return it != m_ranges.begin() && a <= std::prev(it)->last;
    }

private:
    struct Range
    {
        std::uint32_t first;
        std::uint32_t last;
        auto operator<=>(const Range &) const = default;
    };
    std::vector<Range> m_ranges;
};

enum class ItemKind { Range, VirtualNetwork, Internet, AzureLoadBalancer, Never };

struct AddressItem
{
    ItemKind kind = ItemKind::Never;
    std::uint32_t first = 0;
    std::uint32_t last = 0;
};

// One side of a rule, resolved (N1.1, N1.2, N3.1).
struct Side
{
    bool anyAddress = true;
    std::vector<AddressItem> items;
    bool byAsg = false;
    std::vector<std::uint32_t> asgMembers; // sorted primary IPs of the member NICs (N1.5)
    bool anyPort = true;                   // `*`, or ranges that together make 0–65535 (N3.1)
    std::vector<model::PortRange> ports;

    bool portMatches(int port) const
    {
        return anyPort || std::any_of(ports.begin(), ports.end(),
                                      [&](const model::PortRange &r) { return r.contains(port); });
    }
};

struct Rule
{
    QString name;
    int priority = 0;
    SecurityDirection direction = SecurityDirection::Inbound;
    RuleAction access = RuleAction::Allow;
    SecurityProtocol protocol = SecurityProtocol::Any;
    Side source;
    Side destination;
    bool isDefault = false;
};

struct Group
{
    QString name;
    std::vector<Rule> inbound;  // N3.2: custom rules by priority (file order for equal), defaults
    std::vector<Rule> outbound;
};

struct Point
{
    bool evaluated = false; // an evaluation point at all (N3.5)
    int subnetGroup = -1;   // -1: none, or a subnet whose NSG is never evaluated (N3.6)
    int nicGroup = -1;
    QString subnetAppliedTo;
    QString nicAppliedTo;
    int virtualNetworkTag = -1; // index into Compiled::virtualNetworkTags
};

bool portsCoverEverything(std::vector<model::PortRange> ranges)
{
    if (ranges.empty())
        return true;
    std::sort(ranges.begin(), ranges.end(),
              [](const model::PortRange &a, const model::PortRange &b) { return a.first < b.first; });
    int next = 0; // the first port not yet covered
    for (const model::PortRange &r : ranges) {
        if (r.first > next)
            return false;
        next = std::max(next, r.last + 1);
    }
    return next > 65535;
}

// N3.6: no VM can live in these subnets; Azure refuses or disables their NSGs.
bool nsgNeverEvaluatedOn(const QString &subnetName)
{
    return subnetName == model::gatewaySubnetName() ||
           subnetName == model::firewallSubnetName() ||
           subnetName == QLatin1String("AzureFirewallManagementSubnet");
}

bool protocolMatches(SecurityProtocol rule, model::Protocol packet)
{
    switch (rule) {
    case SecurityProtocol::Any: return true;
    case SecurityProtocol::Tcp: return packet == model::Protocol::Tcp;
    case SecurityProtocol::Udp: return packet == model::Protocol::Udp;
    case SecurityProtocol::Icmp: return packet == model::Protocol::Icmp;
    case SecurityProtocol::Esp:
    case SecurityProtocol::Ah: break; // N3.1: never a Hopscope packet
    }
    return false;
}

} // namespace

struct SecurityGroups::Compiled
{
    const model::Network *network = nullptr;
    std::vector<Group> groups;
    std::vector<Point> points; // by device
    std::vector<AddressSet> virtualNetworkTags;
    AddressSet internetExcluded; // N2.2: what the `Internet` tag does not hold
    // Configurations (configurationOf): per device, and per configuration the points' NSGs,
    // tag, and the sorted starts of its address regions.
    std::vector<int> configurationOfDevice;
    struct Configuration
    {
        int subnetGroup = -1;
        int nicGroup = -1;
        int virtualNetworkTag = -1;
        std::vector<std::uint32_t> regionStarts;
    };
    std::vector<Configuration> configurations;
    std::vector<std::uint32_t> allRegionStarts; // every configuration's, sorted, once each

    // Every address boundary any rule side of the configuration's NSGs draws (N1.1, N2), and
    // the platform addresses (N3.10 (2)).
    std::vector<std::uint32_t> regionStarts(const Configuration &conf) const
    {
        std::vector<std::uint64_t> starts{0};
        const auto cut = [&](std::uint32_t first, std::uint32_t last) {
            starts.push_back(first);
            starts.push_back(std::uint64_t(last) + 1);
        };
        const AddressSet *tag = conf.virtualNetworkTag >= 0
                                    ? &virtualNetworkTags[size_t(conf.virtualNetworkTag)]
                                    : nullptr;
        const auto cutSide = [&](const Side &side) {
            if (side.anyAddress)
                return;
            if (side.byAsg) {
                for (std::uint32_t a : side.asgMembers)
                    cut(a, a);
                return;
            }
            for (const AddressItem &item : side.items) {
                switch (item.kind) {
                case ItemKind::Range: cut(item.first, item.last); break;
                case ItemKind::VirtualNetwork:
                    if (tag)
                        tag->forEachRange(cut);
                    break;
                case ItemKind::Internet: internetExcluded.forEachRange(cut); break;
                case ItemKind::AzureLoadBalancer:
                    cut(azurePlatformAddress, azurePlatformAddress);
                    break;
                case ItemKind::Never: break;
                }
            }
        };
        for (int g : {conf.subnetGroup, conf.nicGroup}) {
            if (g < 0)
                continue;
            for (const auto *rules : {&groups[size_t(g)].inbound, &groups[size_t(g)].outbound})
                for (const Rule &r : *rules) {
                    cutSide(r.source);
                    cutSide(r.destination);
                }
        }
        cut(azurePlatformAddress, azurePlatformAddress);
        cut(instanceMetadataAddress, instanceMetadataAddress);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        while (!starts.empty() && starts.back() > 0xFFFFFFFFull)
            starts.pop_back();
        return {starts.begin(), starts.end()};
    }

    Side compileSide(const model::SecuritySide &side,
                     const QHash<QString, std::vector<std::uint32_t>> &asgMembers) const
    {
        Side s;
        s.anyPort = portsCoverEverything(side.ports);
        s.ports = side.ports;
        if (!side.applicationSecurityGroups.empty()) {
            s.anyAddress = false;
            s.byAsg = true;
            for (const QString &asg : side.applicationSecurityGroups) {
                const auto members = asgMembers.value(asg);
                s.asgMembers.insert(s.asgMembers.end(), members.begin(), members.end());
            }
            std::sort(s.asgMembers.begin(), s.asgMembers.end());
            return s;
        }
        if (side.addresses.empty())
            return s;
        s.anyAddress = false;
        for (const model::SecurityAddress &a : side.addresses) {
            switch (a.kind) {
            case model::SecurityAddress::Kind::Any: s.anyAddress = true; break;
            case model::SecurityAddress::Kind::Prefix:
                s.items.push_back({ItemKind::Range, a.prefix.first().value(), a.prefix.last().value()});
                break;
            case model::SecurityAddress::Kind::Tag: {
                // N1.2: tags are matched case-insensitively; N2.4: other tags match nothing.
                const auto is = [&](const char *word) {
                    return a.tag.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
                };
                if (is("Any") || is("*"))
                    s.anyAddress = true;
                else if (is("VirtualNetwork"))
                    s.items.push_back({ItemKind::VirtualNetwork});
                else if (is("Internet"))
                    s.items.push_back({ItemKind::Internet});
                else if (is("AzureLoadBalancer"))
                    s.items.push_back({ItemKind::AzureLoadBalancer});
                else
                    s.items.push_back({ItemKind::Never});
                break;
            }
            }
        }
        return s;
    }

    bool addressMatches(const Side &side, std::uint32_t a, const AddressSet *virtualNetwork) const
    {
        if (side.anyAddress)
            return true;
        if (side.byAsg)
            return std::binary_search(side.asgMembers.begin(), side.asgMembers.end(), a);
        for (const AddressItem &item : side.items) {
            switch (item.kind) {
            case ItemKind::Range:
                if (a >= item.first && a <= item.last)
                    return true;
                break;
            case ItemKind::VirtualNetwork:
                if (virtualNetwork && virtualNetwork->holds(a))
                    return true;
                break;
            case ItemKind::Internet:
                if (!internetExcluded.holds(a))
                    return true;
                break;
            case ItemKind::AzureLoadBalancer:
                if (a == azurePlatformAddress) // N2.3
                    return true;
                break;
            case ItemKind::Never: break;
            }
        }
        return false;
    }

    // N3.1: protocol, both addresses and both ports; ICMP carries no ports, so it passes the
    // port conditions only of an Icmp rule or one whose port lists are both `*`.
    bool matches(const Rule &rule, const FlowKey &flow, const AddressSet *virtualNetwork) const
    {
        if (!protocolMatches(rule.protocol, flow.protocol))
            return false;
        if (flow.protocol == model::Protocol::Icmp) {
            if (rule.protocol != SecurityProtocol::Icmp &&
                !(rule.source.anyPort && rule.destination.anyPort))
                return false;
        } else if (!rule.source.portMatches(flow.sourcePort) ||
                   !rule.destination.portMatches(flow.destinationPort)) {
            return false;
        }
        return addressMatches(rule.source, flow.source.value(), virtualNetwork) &&
               addressMatches(rule.destination, flow.destination.value(), virtualNetwork);
    }
};

SecurityGroups::SecurityGroups(const EffectiveRoutes &routes)
{
    auto compiled = std::make_unique<Compiled>();
    Compiled &c = *compiled;
    const model::Network &network = routes.network();
    const model::Design &design = network.design();
    const auto &devices = network.devices();
    c.network = &network;
    c.points.resize(devices.size());

    // N1.5, N3.1: an ASG is the primary IPs of its member NICs.
    QHash<QString, std::vector<std::uint32_t>> asgMembers;
    for (const model::Device &d : devices)
        if (d.vm && d.ip)
            for (const QString &asg : d.vm->applicationSecurityGroups)
                asgMembers[asg].push_back(d.ip->value());

    QHash<QString, int> groupByName;
    for (const model::NetworkSecurityGroup &nsg : design.networkSecurityGroups) {
        if (groupByName.contains(nsg.name))
            continue;
        groupByName.insert(nsg.name, int(c.groups.size()));
        Group g;
        g.name = nsg.name;
        const auto compileRule = [&](const model::SecurityRule &r, bool isDefault) {
            Rule rule{.name = r.name,
                      .priority = r.priority,
                      .direction = r.direction,
                      .access = r.access,
                      .protocol = r.protocol,
                      .source = c.compileSide(r.source, asgMembers),
                      .destination = c.compileSide(r.destination, asgMembers),
                      .isDefault = isDefault};
            (r.direction == SecurityDirection::Inbound ? g.inbound : g.outbound)
                .push_back(std::move(rule));
        };
        for (const model::SecurityRule &r : nsg.securityRules)
            compileRule(r, false);
        // N3.2: ascending priority, equal priorities in file order (stable), then N1.4's rules.
        const auto byPriority = [](const Rule &a, const Rule &b) { return a.priority < b.priority; };
        std::stable_sort(g.inbound.begin(), g.inbound.end(), byPriority);
        std::stable_sort(g.outbound.begin(), g.outbound.end(), byPriority);
        for (const model::SecurityRule &r : model::defaultSecurityRules())
            compileRule(r, true);
        c.groups.push_back(std::move(g));
    }
    const auto groupOf = [&](const QString &name) {
        return name.isEmpty() ? -1 : groupByName.value(name, -1);
    };

    // N2.2: the reserved ranges and everything the design places inside Azure or on-premises.
    for (const char *reserved : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
                                 "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
                                 "224.0.0.0/4", "240.0.0.0/4"})
        c.internetExcluded.add(*Prefix::parse(QString::fromLatin1(reserved)));
    for (const model::Vnet &v : design.vnets)
        for (const Prefix &p : v.addressSpace)
            c.internetExcluded.add(p);
    for (const model::Gateway &g : design.gateways) {
        for (const Prefix &p : g.vpnClientAddressPool)
            c.internetExcluded.add(p);
        for (const model::LocalNetwork &site : g.localNetworks)
            for (const Prefix &p : site.addressPrefixes)
                c.internetExcluded.add(p);
    }
    c.internetExcluded.finish();

    // N2.1: `VirtualNetwork`(P) depends on P's VNet, its effective routes and its route table,
    // which is exactly what subnets sharing one effective route table share.
    QHash<const EffectiveRouteTable *, int> tagOfTable;
    const auto virtualNetworkTag = [&](int subnet) {
        const EffectiveRouteTable *table = &routes.forSubnet(subnet);
        if (const auto it = tagOfTable.constFind(table); it != tagOfTable.cend())
            return *it;
        // The prefixes the effective-security-rules view lists (N2.1 a–e), so both agree.
        AddressSet tag;
        for (const Prefix &p : virtualNetworkTagPrefixes(routes, subnet))
            tag.add(p);
        tag.finish();
        const int index = int(c.virtualNetworkTags.size());
        c.virtualNetworkTags.push_back(std::move(tag));
        tagOfTable.insert(table, index);
        return index;
    };

    for (int i = 0; i < int(devices.size()); ++i) {
        const model::Device &d = devices[i];
        Point &p = c.points[i];
        p.evaluated = d.subnet >= 0 && (d.kind == model::DeviceKind::Subnet ||
                                        (d.kind == model::DeviceKind::Vm && d.vm));
        if (!p.evaluated)
            continue;
        const model::SubnetIndex &s = network.subnets()[d.subnet];
        if (!nsgNeverEvaluatedOn(s.subnet->name)) {
            p.subnetGroup = groupOf(s.subnet->networkSecurityGroup);
            p.subnetAppliedTo = s.qualifiedName;
        }
        if (d.vm) {
            p.nicGroup = groupOf(d.vm->networkSecurityGroup);
            p.nicAppliedTo = d.vm->name;
        }
        if (p.subnetGroup >= 0 || p.nicGroup >= 0)
            p.virtualNetworkTag = virtualNetworkTag(d.subnet);
    }

    std::map<std::tuple<int, int, int>, int> configurationIndex;
    c.configurationOfDevice.assign(devices.size(), -1);
    for (int i = 0; i < int(devices.size()); ++i) {
        const Point &p = c.points[i];
        if (!p.evaluated || (p.subnetGroup < 0 && p.nicGroup < 0))
            continue;
        const auto key = std::make_tuple(p.subnetGroup, p.nicGroup, p.virtualNetworkTag);
        auto it = configurationIndex.find(key);
        if (it == configurationIndex.end()) {
            it = configurationIndex.emplace(key, int(c.configurations.size())).first;
            Compiled::Configuration conf{p.subnetGroup, p.nicGroup, p.virtualNetworkTag, {}};
            conf.regionStarts = c.regionStarts(conf);
            c.configurations.push_back(std::move(conf));
        }
        c.configurationOfDevice[i] = it->second;
    }
    for (const Compiled::Configuration &conf : c.configurations)
        c.allRegionStarts.insert(c.allRegionStarts.end(), conf.regionStarts.begin(),
                                 conf.regionStarts.end());
    std::ranges::sort(c.allRegionStarts);
    c.allRegionStarts.erase(std::unique(c.allRegionStarts.begin(), c.allRegionStarts.end()),
                            c.allRegionStarts.end());
    m_compiled = std::move(compiled);
}

int SecurityGroups::configurationOf(int device) const
{
    return device >= 0 && device < int(m_compiled->configurationOfDevice.size())
               ? m_compiled->configurationOfDevice[size_t(device)]
               : -1;
}

int SecurityGroups::regionOf(int configuration, Ipv4Address address) const
{
    const auto &starts = m_compiled->configurations[size_t(configuration)].regionStarts;
    return int(std::upper_bound(starts.begin(), starts.end(), address.value()) - starts.begin());
}

int SecurityGroups::addressClassOf(Ipv4Address address) const
{
    const auto &starts = m_compiled->allRegionStarts;
    return int(std::upper_bound(starts.begin(), starts.end(), address.value()) - starts.begin());
}

SecurityGroups::Batch::Batch(const SecurityGroups &groups, std::vector<PortFlow> flows)
    : m_groups(groups), m_words(std::max(1, int((flows.size() + 63) / 64)))
{
    const Compiled &c = *groups.m_compiled;
    m_ruleFlows.resize(c.groups.size());
    // Rules of many NSGs share their protocol and ports: each such combination is judged once.
    using PortKey = std::tuple<int, bool, std::vector<std::pair<int, int>>, bool,
                               std::vector<std::pair<int, int>>>;
    std::map<PortKey, std::vector<std::uint64_t>> flowsOfPorts;
    const auto ranges = [](const Side &side) {
        std::vector<std::pair<int, int>> r;
        for (const model::PortRange &p : side.ports)
            r.emplace_back(p.first, p.last);
        return r;
    };
    for (size_t g = 0; g < c.groups.size(); ++g)
        for (const SecurityDirection direction :
             {SecurityDirection::Inbound, SecurityDirection::Outbound}) {
            const std::vector<Rule> &rules = direction == SecurityDirection::Inbound
                                                 ? c.groups[g].inbound
                                                 : c.groups[g].outbound;
            auto &bits = m_ruleFlows[g][direction == SecurityDirection::Inbound ? 0 : 1];
            bits.assign(rules.size() * size_t(m_words), 0);
            for (size_t r = 0; r < rules.size(); ++r) {
                const Rule &rule = rules[r];
                PortKey portKey{int(rule.protocol), rule.source.anyPort, ranges(rule.source),
                                rule.destination.anyPort, ranges(rule.destination)};
                auto known = flowsOfPorts.find(portKey);
                if (known == flowsOfPorts.end()) {
                    // Addresses that every rule side holds: only protocol and ports decide.
                    Rule portsOnly;
                    portsOnly.protocol = rule.protocol;
                    portsOnly.source.anyPort = rule.source.anyPort;
                    portsOnly.source.ports = rule.source.ports;
                    portsOnly.destination.anyPort = rule.destination.anyPort;
                    portsOnly.destination.ports = rule.destination.ports;
                    std::vector<std::uint64_t> matched(size_t(m_words), 0);
                    for (size_t f = 0; f < flows.size(); ++f) {
                        const FlowKey key{Ipv4Address(0), Ipv4Address(0), flows[f].protocol,
                                          flows[f].sourcePort, flows[f].destinationPort};
                        if (c.matches(portsOnly, key, nullptr))
                            matched[f / 64] |= std::uint64_t(1) << (f % 64);
                    }
                    known = flowsOfPorts.emplace(std::move(portKey), std::move(matched)).first;
                }
                std::copy(known->second.begin(), known->second.end(),
                          bits.begin() + std::ptrdiff_t(r * size_t(m_words)));
            }
        }
}

void SecurityGroups::Batch::addDenied(int device, SecurityDirection direction,
                                      Ipv4Address source, Ipv4Address destination,
                                      std::uint64_t *denied) const
{
    // The steps of evaluate(), N3.10, for every flow at once.
    if (!m_groups.hasSecurityGroups(device)) // (1)
        return;
    const Compiled &c = *m_groups.m_compiled;
    const auto isPlatform = [](Ipv4Address a) {
        return a.value() == azurePlatformAddress || a.value() == instanceMetadataAddress;
    };
    if (isPlatform(source) || isPlatform(destination)) // (2)
        return;
    const Point &p = c.points[size_t(device)];
    const bool inbound = direction == SecurityDirection::Inbound;
    const std::array<int, 2> order = inbound ? std::array<int, 2>{p.subnetGroup, p.nicGroup}
                                             : std::array<int, 2>{p.nicGroup, p.subnetGroup};
    const AddressSet *virtualNetwork =
        p.virtualNetworkTag >= 0 ? &c.virtualNetworkTags[size_t(p.virtualNetworkTag)] : nullptr;
    constexpr int maxWords = 64;
    std::array<std::uint64_t, maxWords> alive; // flows not denied so far (N3.3)
    std::array<std::uint64_t, maxWords> open;  // flows no rule of this group matched yet
    const int words = std::min(m_words, maxWords);
    alive.fill(~std::uint64_t(0));
    for (const int groupIndex : order) {
        if (groupIndex < 0)
            continue;
        const std::vector<Rule> &rules =
            inbound ? c.groups[size_t(groupIndex)].inbound : c.groups[size_t(groupIndex)].outbound;
        const std::vector<std::uint64_t> &ruleFlows =
            m_ruleFlows[size_t(groupIndex)][inbound ? 0 : 1];
        std::copy_n(alive.begin(), words, open.begin());
        for (size_t r = 0; r < rules.size(); ++r) {
            const Rule &rule = rules[r];
            if (!c.addressMatches(rule.source, source.value(), virtualNetwork) ||
                !c.addressMatches(rule.destination, destination.value(), virtualNetwork))
                continue;
            // N3.2: the first matching rule decides each flow still open.
            bool anyOpen = false;
            for (int w = 0; w < words; ++w) {
                const std::uint64_t decided = open[size_t(w)] & ruleFlows[r * size_t(m_words) + size_t(w)];
                open[size_t(w)] &= ~decided;
                if (rule.access == RuleAction::Deny) {
                    denied[w] |= decided;
                    alive[size_t(w)] &= ~decided;
                }
                anyOpen = anyOpen || open[size_t(w)];
            }
            if (!anyOpen)
                break;
        }
    }
}

SecurityGroups::~SecurityGroups() = default;

bool SecurityGroups::isEvaluationPoint(int device) const
{
    return device >= 0 && device < int(m_compiled->points.size()) &&
           m_compiled->points[device].evaluated;
}

bool SecurityGroups::hasSecurityGroups(int device) const
{
    if (!isEvaluationPoint(device))
        return false;
    const Point &p = m_compiled->points[device];
    return p.subnetGroup >= 0 || p.nicGroup >= 0;
}

bool SecurityGroups::virtualNetworkTagHolds(int device, Ipv4Address address) const
{
    if (!isEvaluationPoint(device))
        return false;
    const int tag = m_compiled->points[device].virtualNetworkTag;
    return tag >= 0 && m_compiled->virtualNetworkTags[tag].holds(address.value());
}

bool SecurityGroups::internetTagHolds(Ipv4Address address) const
{
    return !m_compiled->internetExcluded.holds(address.value());
}

NsgVerdict SecurityGroups::evaluate(int device, SecurityDirection direction,
                                    const FlowKey &flow, bool flowRecorded) const
{
    NsgVerdict v;
    if (!hasSecurityGroups(device)) // N3.10 (1)
        return v;
    const Compiled &c = *m_compiled;
    const Point &p = c.points[device];
    const auto isPlatform = [](Ipv4Address a) {
        return a.value() == azurePlatformAddress || a.value() == instanceMetadataAddress;
    };
    if (isPlatform(flow.source) || isPlatform(flow.destination)) { // N3.10 (2)
        v.platformExempt = true;
        return v;
    }
    if (flowRecorded) { // N3.10 (3), N3.9
        v.byState = true;
        return v;
    }
    // N3.3: inbound subnet then NIC, outbound NIC then subnet.
    const bool inbound = direction == SecurityDirection::Inbound;
    const std::array<std::pair<int, const QString *>, 2> order =
        inbound ? std::array<std::pair<int, const QString *>, 2>{{{p.subnetGroup, &p.subnetAppliedTo},
                                                                  {p.nicGroup, &p.nicAppliedTo}}}
                : std::array<std::pair<int, const QString *>, 2>{{{p.nicGroup, &p.nicAppliedTo},
                                                                  {p.subnetGroup, &p.subnetAppliedTo}}};
    const AddressSet *virtualNetwork =
        p.virtualNetworkTag >= 0 ? &c.virtualNetworkTags[p.virtualNetworkTag] : nullptr;
    for (const auto &[groupIndex, appliedTo] : order) {
        if (groupIndex < 0)
            continue;
        const Group &group = c.groups[groupIndex];
        const std::vector<Rule> &rules = inbound ? group.inbound : group.outbound;
        // N3.2: the first rule that matches decides; DenyAll… always matches.
        const auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule &r) {
            return c.matches(r, flow, virtualNetwork);
        });
        if (rule == rules.end())
            continue;
        v.evaluated[v.evaluatedCount++] = {.networkSecurityGroup = group.name,
                                           .appliedTo = *appliedTo,
                                           .ruleName = rule->name,
                                           .action = rule->access,
                                           .priority = rule->priority,
                                           .direction = rule->direction,
                                           .isDefault = rule->isDefault};
        if (rule->access == RuleAction::Deny) { // N3.3: a deny ends the evaluation
            v.verdict = RuleAction::Deny;
            break;
        }
    }
    return v;
}

} // namespace hopscope::routing
