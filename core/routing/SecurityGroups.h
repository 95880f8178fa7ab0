#pragma once

// Network security groups at the evaluation points of a walk (nsg.md §2–§4): which NSGs apply
// at a VM NIC or subnet stand-in, service tags expanded for that point, first match by priority,
// and the verdict a hop reports (nsg.md §5). Everything that does not depend on the packet is
// resolved once per design, so that one evaluation allocates nothing.

#include "routing/EffectiveRoutes.h"

#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace hopscope::routing {

// What a packet carries that an NSG looks at (N3.1): addresses, protocol and both ports.
struct FlowKey
{
    Ipv4Address source;
    Ipv4Address destination;
    model::Protocol protocol = model::Protocol::Tcp;
    int sourcePort = 0;
    int destinationPort = 0;
};

// One NSG evaluated at a point, and the rule of it that decided (nsg.md §5, N-S9's
// evaluatedNetworkSecurityGroups entry).
struct EvaluatedSecurityGroup
{
    QString networkSecurityGroup;
    QString appliedTo; // "VNET/SUBNET" for a subnet association, the VM's name for its NIC
    QString ruleName;
    model::RuleAction action = model::RuleAction::Allow;
    int priority = 0;
    model::SecurityDirection direction = model::SecurityDirection::Inbound;
    bool isDefault = false; // one of the six rules of N1.4
};

// The verdict of one evaluation at one point in one direction (N3.10).
struct NsgVerdict
{
    model::RuleAction verdict = model::RuleAction::Allow;
    bool byState = false;        // a reply at a point that allowed the request (N3.9)
    bool platformExempt = false; // 168.63.129.16 or 169.254.169.254 (N3.10)
    // At most two NSGs apply at a point (subnet and NIC, N3.3): kept inline, no allocation.
    std::array<EvaluatedSecurityGroup, 2> evaluated;
    int evaluatedCount = 0;

    // In evaluation order, stopping at a deny; empty when no NSG applies, byState or exempt.
    std::span<const EvaluatedSecurityGroup> evaluatedGroups() const
    {
        return {evaluated.data(), std::size_t(evaluatedCount)};
    }
    // The NSG entry that denied (the last one evaluated), or nullptr when allowed.
    const EvaluatedSecurityGroup *denyingGroup() const
    {
        return verdict == model::RuleAction::Deny && evaluatedCount > 0
                   ? &evaluated[evaluatedCount - 1]
                   : nullptr;
    }
};

// A hop's `nsg` of cli.md: what the point decided as the packet entered and left it; each is
// empty when the packet did not enter (leave) the point in this walk.
struct HopNsg
{
    // User-provided, so that a hop's NSGs are not zero-filled (400 bytes) before they are
    // constructed: a sweep records millions of hops.
    HopNsg() {}

    std::optional<NsgVerdict> inbound;
    std::optional<NsgVerdict> outbound;
};

// A flow of a batch (nsg.md §7): what differs between the flows a sweep judges at one point for
// one pair of addresses, the protocol and both ports.
struct PortFlow
{
    model::Protocol protocol = model::Protocol::Tcp;
    int sourcePort = 0;
    int destinationPort = 0;
};

class SecurityGroups
{
public:
    // Flows judged together, one bit each (bit i of word i / 64 for flows[i]), so that a sweep
    // judges every port class of a pair with one pass over the rules.
    class Batch
    {
    public:
        Batch(const SecurityGroups &groups, std::vector<PortFlow> flows);
        int words() const { return m_words; }
        // ORs into `denied` (words() words) the flows that evaluate(device, direction, flow,
        // false) denies, for `source` → `destination` with each flow's protocol and ports.
        // Allocates nothing.
        void addDenied(int device, model::SecurityDirection direction, Ipv4Address source,
                       Ipv4Address destination, std::uint64_t *denied) const;

    private:
        const SecurityGroups &m_groups;
        int m_words = 1;
        // [group][direction] → per rule, words() words: the flows whose protocol and ports
        // the rule matches (N3.1)
        std::vector<std::array<std::vector<std::uint64_t>, 2>> m_ruleFlows;
    };

    // Evaluation points whose NSGs and VirtualNetwork tag are the same decide every packet
    // alike: they share a configuration. -1 where no NSG applies (N3.10 (1)).
    int configurationOf(int device) const;
    // The region of `address` at a configuration: addresses of one region match the same
    // address conditions of every rule there and are platform addresses alike (N3.10 (2)).
    int regionOf(int configuration, Ipv4Address address) const;
    // The class of `address` among every configuration's regions: addresses of one class lie
    // in one region of every configuration, so no NSG of the design tells them apart.
    int addressClassOf(Ipv4Address address) const;

    explicit SecurityGroups(const EffectiveRoutes &routes);
    ~SecurityGroups();
    SecurityGroups(const SecurityGroups &) = delete;
    SecurityGroups &operator=(const SecurityGroups &) = delete;

    // N3.5: VM NICs (plain VMs, NVAs, proxies) and subnet stand-in hosts are evaluation points;
    // firewalls, gateways, clients, sites and the Internet never are.
    bool isEvaluationPoint(int device) const;

    // nsg_eval of nsg.md §4 at `device` (an evaluation point), the first that applies deciding
    // (N3.10): (1) no NSG applies → Allow, nothing evaluated; (2) a platform address → Allow,
    // exempt; (3) `flowRecorded`, a reply at a point that allowed its request (N3.9) → Allow by
    // state; (4) the rules, inbound subnet then NIC, outbound NIC then subnet, a Deny ending it
    // (N3.3). Allocates nothing.
    NsgVerdict evaluate(int device, model::SecurityDirection direction, const FlowKey &flow,
                        bool flowRecorded = false) const;

    // Some NSG is evaluated at `device` (N3.3, N3.6): step (1) of N3.10 does not apply.
    bool hasSecurityGroups(int device) const;

    // N2.1: `VirtualNetwork`(P) of the point's subnet holds `address`.
    bool virtualNetworkTagHolds(int device, Ipv4Address address) const;
    // N2.2: the `Internet` tag holds `address` (the same at every point).
    bool internetTagHolds(Ipv4Address address) const;

private:
    struct Compiled;
    std::unique_ptr<const Compiled> m_compiled;
};

} // namespace hopscope::routing
