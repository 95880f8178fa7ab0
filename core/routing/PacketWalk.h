#pragma once

// Packet walks (azure-routing.md §14): where one packet goes, hop by hop, under Azure's rules.

#include "routing/EffectiveRoutes.h"
#include "routing/RoutingPolicy.h"
#include "routing/SecurityGroups.h"
#include "text/Message.h"

#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace hopscope::routing {

enum class WalkVerdict { Delivered, EgressInternet, EgressOnPrem, Dropped, Loop, NotTunneled };

// cli.md's walk reasons; the names of toString() are a contract with scripts.
enum class DropReason {
    None,
    RouteNone,
    Blackhole,
    NextHopUnreachable,
    NoSuchHost,
    IpForwardingDisabled,
    ForwardedTrafficNotAllowed,
    PeeringNotConnected,
    VirtualNetworkAccessDisabled,
    FirewallDenied,
    PrivateToInternet,
    NoOutboundMethod,
    P2sNoInternetBreakout,
    GatewayNoRoute,
    NoSession,
    ProxyDenied,
    NoInboundPath,
    NsgDenied, // an NSG denied the packet entering or leaving a VM or subnet hop (nsg.md §4)
};

QString toString(WalkVerdict);
QString toString(DropReason);

struct Packet
{
    Ipv4Address source;
    Ipv4Address destination;
    model::Protocol protocol = model::Protocol::Tcp;
    int port = 443;                              // the destination port
    int sourcePort = policy::defaultSourcePort; // N3.11
};

// The rule of a firewall or proxy that decided.
struct RuleDecision
{
    QString name;
    model::RuleAction action = model::RuleAction::Allow;
    QString file; // squid.conf rules only
    int line = 0;
};

struct Hop
{
    // User-provided, so that a hop (600 bytes) is not zero-filled before it is constructed: a
    // sweep records millions of hops.
    Hop() {}

    int device = -1; // Network::devices() index
    Ipv4Address source;      // the packet's addresses as this device saw them (after any NAT)
    Ipv4Address destination;
    std::optional<EffectiveRoute> route; // the route this device used; none where delivered
    std::optional<RuleDecision> rule;
    // cli.md `nsg`: set for evaluation points (VMs, subnet stand-ins, N3.5) only.
    std::optional<HopNsg> nsg;
};

// A source NAT a device applied on the forward walk (R10.4); the reply undoes it there.
struct SourceNat
{
    int device = -1;
    Ipv4Address original;
    Ipv4Address translated;
    bool toPublicIp = false; // to the Internet: the reply comes back from the Internet to it
};

struct Walk
{
    WalkVerdict verdict = WalkVerdict::Dropped;
    DropReason reason = DropReason::None;
    std::vector<Hop> hops;
    std::vector<int> statefulDevices; // in the order met
    std::vector<SourceNat> nats;
    Ipv4Address sourceSeenAtEnd;  // the source address where the walk ended
    int internetEgressDevice = -1; // who handed the packet to the Internet
    // Reason ForwardedTrafficNotAllowed: the peering link (VNet indices, from → to) whose
    // allowForwardedTraffic is off, i.e. the receiving VNet's link back to the sender (R8.5).
    int refusingPeeringFrom = -1;
    int refusingPeeringTo = -1;
    QString explanation;           // "dropped at fw-hub: route '…' in rt-hub-fw sends …"
    text::Message explanationText; // the same, for the app to translate (issue 17)

    bool succeeded() const
    {
        return verdict == WalkVerdict::Delivered || verdict == WalkVerdict::EgressInternet ||
               verdict == WalkVerdict::EgressOnPrem;
    }
    // N3.9: the walk passed `device` with an NSG Allow in either direction, so the point keeps
    // a flow record that lets the reply through.
    bool nsgAllowedAt(int device) const;

    Walk() = default;
    Walk(const Walk &) = default;
    Walk(Walk &&) noexcept = default;
    Walk &operator=(const Walk &) = default;
    Walk &operator=(Walk &&) noexcept = default;
    // Hands the storage of `hops` to the next walk of this thread: a sweep walks millions of
    // times, and a hop is large (its NSG verdicts hold their names inline).
    ~Walk();
};

class PacketWalker
{
public:
    explicit PacketWalker(const EffectiveRoutes &routes);

    // Walks `packet` from the device `source` (§14).
    Walk forward(int source, const Packet &packet) const;

    // Walks the reply to `forwardWalk` (which must have succeeded) back to where it came from,
    // undoing its source NATs; stateful devices the forward walk did not cross drop it (R10.2).
    // Points the request passed with an NSG Allow let the reply through by state (N3.9).
    Walk reply(const Walk &forwardWalk, const Packet &forwardPacket) const;

    // The design's NSGs, compiled on first use (nsg.md).
    const SecurityGroups &securityGroups() const;

    // "route 'name' in table sends PREFIX to NEXT HOP" or "the system route PREFIX → TYPE".
    text::Message describe(const EffectiveRoute &route) const;

private:
    enum class Mode { Forward, Reply };
    class Run; // one walk in progress, hop by hop (PacketWalk.cpp)

    const EffectiveRoutes &m_routes;
    const model::Network &m_network;
    // Built on the first walk, not for a walker that only describes routes; walks may run on
    // several threads at once.
    mutable std::once_flag m_securityOnce;
    mutable std::unique_ptr<const SecurityGroups> m_security;
};

} // namespace hopscope::routing
