#pragma once

// Edits of a model::Design that the app offers: new objects with valid defaults, renames that
// carry every reference along, and deletes that take dependants with them so the design stays
// loadable. Pure functions on the model (no widgets), so they are tested without a screen.

#include "layout/LayoutMetrics.h"
#include "model/Design.h"
#include "model/ObjectId.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

namespace hopscope::edit {

using model::ObjectId;

// True when `name` is used by a VNet, route table, firewall, gateway, VM, client, on-premises
// site, NSG or ASG (the one shared namespace of format.md), or is the reserved `Internet`.
bool nameTaken(const model::Design &design, const QString &name);
// `base`, else base-2, base-3, ...
QString uniqueName(const model::Design &design, const QString &base);
// The first free of base-1, base-2, ...: a new object's default name (hub-1, vm-2), numbered
// from the start so that the first of a kind reads like the others.
QString numberedName(const model::Design &design, const QString &base);
// Why `object` cannot be renamed to `name` (for a subnet, its name within its VNet); empty
// when it can.
QString whyNotName(const model::Design &design, const ObjectId &object, const QString &name);

// The lowest 10.N.0.0/16 that overlaps no VNet's address space.
std::optional<model::Prefix> nextFreeAddressSpace(const model::Design &design);
// The lowest prefix of `length` inside `vnet`'s address space that overlaps none of its subnets.
std::optional<model::Prefix> freeSubnetPrefix(const model::Vnet &vnet, int length);

// Every range a new VNet, P2S pool or on-premises site must keep clear of: the VNets' address
// spaces, the gateways' client pools and the sites' prefixes.
std::vector<model::Prefix> takenRanges(const model::Design &design);
// Whether `prefix` overlaps any of `others`.
bool overlapsAny(const model::Prefix &prefix, const std::vector<model::Prefix> &others);
// The lowest prefix of `length` inside `ranges` (tried in order) that overlaps nothing in
// `taken`.
std::optional<model::Prefix> firstFreePrefix(const std::vector<model::Prefix> &taken, int length,
                                             const std::vector<model::Prefix> &ranges);

// The AzureFirewallSubnet an Azure Firewall needs is at least a /26 (R7.2); the GatewaySubnet
// of a VPN gateway at least a /27 (R7.1). The adders create them that size.
inline constexpr int firewallSubnetLength = 26;
inline constexpr int gatewaySubnetLength = 27;

// Each adder returns the new object's id, or a null id with `error` set. `position` is a
// layout position (format.md: a VNet's top-left corner, a point node's centre).
ObjectId addVnet(model::Design &design, model::VnetRole role, std::optional<QPointF> position,
                 QString *error);
ObjectId addSubnet(model::Design &design, const QString &vnet, QString *error);
ObjectId addFirewall(model::Design &design, const QString &vnet, QString *error);
ObjectId addGateway(model::Design &design, const QString &vnet, QString *error);
// `target` is a VNet or a subnet; the VM goes into that subnet or the VNet's first ordinary
// subnet (created when there is none).
ObjectId addVm(model::Design &design, const ObjectId &target, layout::DeviceKind kind,
               QString *error);
// `gateway` empty: the design's first VPN gateway.
ObjectId addClient(model::Design &design, const QString &gateway, std::optional<QPointF> position,
                   QString *error);
ObjectId addSite(model::Design &design, const QString &gateway, std::optional<QPointF> position,
                 QString *error);
// A new, empty route table, attached to `subnet` when it is a subnet of the design.
ObjectId addRouteTable(model::Design &design, const ObjectId &subnet = {});
// A new NSG without custom rules (its default rules are implicit, nsg.md N1.4), associated
// with `target` when it is a subnet (nsg-VNET-SUBNET) or a VM's NIC (nsg-VM); otherwise only
// added (nsg-1, nsg-2, ...). Names are lower case and unique in the shared namespace.
ObjectId addSecurityGroup(model::Design &design, const ObjectId &target = {});
// The route a user most likely adds next to `table` (its name left empty), from the subnets that
// carry it and the design's appliances: on AzureFirewallSubnet 0/0 to the Internet (L9); on a
// workload subnet 0/0 to the nearest Azure Firewall (else NVA), then the other VNets' ranges; on
// GatewaySubnet each other VNet's range to it, never 0/0 (L10). Without an appliance, 0/0 to the
// Internet.
model::Route suggestedRoute(const model::Design &design, const QString &table);
// A device a VirtualAppliance route may name as its next hop, with the address it answers on.
struct NextHopCandidate
{
    QString name;
    layout::DeviceKind kind = layout::DeviceKind::Firewall;
    model::Ipv4Address address;
};
// Azure Firewalls, NVAs and proxy VMs, in design order; a plain VM does not forward (L7), so
// it is never offered. Devices whose subnet does not exist are left out.
std::vector<NextHopCandidate> nextHopCandidates(const model::Design &design);

// The subnets a VM may be placed in, in design order: all but the special subnets that only
// Azure's own services occupy (R7.1–R7.5).
QList<ObjectId> subnetsForVms(const model::Design &design);

// Both directions with Azure's defaults (forwarded traffic not allowed).
ObjectId addPeering(model::Design &design, const QString &a, const QString &b, QString *error);

// Renames `object` (a subnet: within its VNet) and every reference to it: a VNet's subnets'
// qualified names in devices, peerings, gateways, intents and layout; a route table's
// associations.
void rename(model::Design &design, const ObjectId &object, const QString &newName);
// Deletes `ids` and whatever depends on them, so that the design stays loadable.
void remove(model::Design &design, const QList<ObjectId> &ids);

// Turns `vm`'s forward proxy on (Azure's usual port 3128, no config; a proxy it already runs
// is kept) or off. Off, every P2S client whose `useProxy` names `vm` stops using a proxy:
// format.md refuses a `useProxy` that names a VM running no proxy, so the design stays
// loadable.
void setProxy(model::Design &design, const QString &vm, bool on);

// Gives `subnet` (qualified) the first prefix `prefix`, and moves the firewalls and VMs that sat
// in its old first prefix along (issue 16): an address at offset k from the old network goes to
// offset k in the new one when that is a usable host there (R10.1), else to the new prefix's
// first free usable host; a device without an explicit address follows by itself (its default
// is the first usable host). Devices at addresses outside the old prefix (already wrong, or in
// one of the subnet's further prefixes) are left alone. `gestureStart`, when given, is the design
// before the gesture began (typing merges keystrokes into one step): devices move from where they
// sat there, so that an intermediate prefix too small for them loses nothing.
void setSubnetPrefix(model::Design &design, const ObjectId &subnet, const model::Prefix &prefix,
                     const model::Design *gestureStart = nullptr);

// Rewrites every relative `proxy.config` path (format.md: relative to the design file) written
// against directory `from` so that it names the same file from directory `to`, as Save As to
// another folder needs. Absolute paths and paths whose file does not exist under `from` are
// left alone. Returns the number of paths rewritten.
int rebaseRelativePaths(model::Design &design, const QString &from, const QString &to);

// What a trace from `from` to `to` most likely asks about (issue 16): the port and protocol of
// the design's intent between them, else the port of the proxy `to` runs, else TCP 443.
struct ServedPort
{
    int port = 443;
    model::Protocol protocol = model::Protocol::Tcp;
};
ServedPort servedPort(const model::Design &design, const QString &from, const QString &to);

// True when `id` is something a trace can start or end at: a VM (proxy, NVA), an Azure
// Firewall, a gateway, a P2S client, an on-premises site, a subnet, or the Internet.
bool isTraceEndpoint(const model::Design &design, const ObjectId &id);

// The subnets that carry route table `table`, in design order.
QList<ObjectId> subnetsUsingTable(const model::Design &design, const QString &table);

// The VNet (or gateway) that owns `id`, for selection and centring.
QString vnetOf(const model::Design &design, const ObjectId &id);

// `id` as a user reads it in undo texts and messages: its kind and name ("hub VNet hub-a",
// "P2S client remote-pc", "peering hub-a ↔ spoke-b"), never an internal id.
QString describe(const model::Design &design, const ObjectId &id);
// One direction of a peering: "peering hub-a → spoke-b".
QString describePeering(const QString &from, const QString &to);

// "Use hub-and-spoke settings" on the peering between `a` and `b` (either order), when one is
// a hub and the other a spoke: forwarded traffic allowed on both directions (R8.5: the hub
// relays spoke traffic through its firewall), and, when the hub has a gateway that offers
// transit, gateway transit on the hub's link with use-remote-gateways on the spoke's (R8.6).
// Use-remote-gateways is left off where Azure would refuse it (L14: the spoke has a gateway of
// its own, or already uses one over another peering). Only ever turns settings on; a missing
// direction is created. Returns false with `why` set when the pair is not hub and spoke;
// `summary` (optional) says in words what the settings are.
bool applyHubSpokeSettings(model::Design &design, const QString &a, const QString &b,
                           QString *why, QString *summary = nullptr);

// ---- Cut, copy, paste and duplicate (issue 16 point 9)

// What a copy of `ids` carries: `design` loads by itself (it is what the clipboard holds, as
// format.md YAML); `roots` are the ids asked for, which a paste adds. The rest is context the
// roots need to load: a VM's or firewall's VNet trimmed to its subnet, the route tables, NSGs
// and ASGs they refer to, a client's gateway, a proxy a client uses. A VNet comes whole, with
// its subnets, devices, gateway (its sites and P2S clients) and the peerings among the copied
// VNets; peerings to VNets left behind and intents are not copied.
struct CopiedObjects
{
    model::Design design;
    QList<ObjectId> roots;
};
CopiedObjects copyObjects(const model::Design &design, const QList<ObjectId> &ids);

// The clipboard's text: `copied.design` as format.md YAML, after a comment line naming the
// roots, so that it pastes into another Hopscope window and still reads as a design anywhere.
QByteArray clipboardText(const CopiedObjects &copied);
// Reads clipboardText()'s form back, or any design's YAML (everything in it is pasted then).
// Returns false with `error` set, for a person, when `text` is not a design.
bool readClipboardText(const QByteArray &text, CopiedObjects *copied, QString *error);

// Adds `copied`'s roots to `design` with fresh names and free addresses, and returns the ids of
// what was added, or an empty list with `error` set (the design left as it was).
// - A VNet gets its own address space back when it overlaps nothing, else a free space of the
//   same sizes; its subnets and devices (and a gateway's P2S pool, a site's prefixes) move with
//   it, each address at its own offset. It lands at `at` (a layout position: the copied group's
//   top-left corner), else beside where it was, never on top of another VNet.
// - A subnet, VM, firewall or gateway goes into `target` (a VNet, subnet or device there) when
//   given, else back where it came from; when neither exists, its VNet comes along whole.
//   A device keeps its address when that is free in its new subnet, else takes the first free.
// - A P2S client or site goes to its gateway, else the design's first VPN gateway.
// - Route tables, NSGs and ASGs a copy refers to stay shared when `design` has the same one
//   (same name, same content) and none of its routes points into a VNet that was renumbered:
//   a spoke duplicated beside its original keeps sending through the hub's firewall, as a
//   user expects. Otherwise the table is copied under a fresh name, its next-hop addresses
//   moved along with the VNet they pointed into (the copy routes through its own firewall).
QList<ObjectId> pasteObjects(model::Design &design, const CopiedObjects &copied,
                             const ObjectId &target, std::optional<QPointF> at, QString *error);

} // namespace hopscope::edit
