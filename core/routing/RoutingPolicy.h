#pragma once

// The choices this engine makes where azure-routing.md marks a point [UNCLEAR] and format.md
// exposes no switch. They live here, in one place, each with the section that asks for it.
// (The two exposed switches, R2.5 and R9.6, are model::Settings.)

namespace hopscope::routing::policy {

// §13.2: 172.16.0.0/12 is one of the reserved ranges that get a `None` system route.
inline constexpr bool includeRfc1918_172_16 = true;

// §13.4 / R9.3: P2S clients receive the address spaces of directly peered VNets only when those
// VNets use the gateway through transit (useRemoteGateways on their link, allowGatewayTransit on
// the gateway VNet's link).
inline constexpr bool clientsLearnOnlyTransitPeers = true;

// §13.5: gateway transit works over global peering.
inline constexpr bool gatewayTransitOverGlobalPeering = true;

// §13.7 / R5.4: a gateway route that a VnetLocal or peering system route covers is shown
// `Invalid`; it is therefore never chosen, which is R5.4's selection rule.
inline constexpr bool bgpRouteCoveredBySystemRouteIsInvalid = true;

// §13.8 / R8.5: a packet crossing a peering from VNet X into VNet Y is "forwarded" when its
// source address lies outside X's address space and it was not sent by X's VPN gateway; then
// Y's link towards X must have allowForwardedTraffic.
// §13.9 / R8.4: allowVirtualNetworkAccess = false on X's link towards Y stops traffic from X
// into Y; the peering routes stay.

// R2.8: the extra `None` routes seen in practice are off.
inline constexpr bool extraObservedNoneRoutes = false;

// §14: a walk that makes more forwarding decisions than this is a loop even when no state
// repeats (it cannot happen with the (device, source, destination) check, but bounds the work).
inline constexpr int maxHops = 64;

// nsg.md N3.11: a request's source port when the trace does not give one; sweeps use it too.
inline constexpr int defaultSourcePort = 50000;

// format.md: the end point `Internet` is a public host at this address.
inline constexpr unsigned internetHostAddress = (203u << 24) | (0u << 16) | (113u << 8) | 10u;

} // namespace hopscope::routing::policy
