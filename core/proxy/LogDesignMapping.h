#pragma once

// Where the addresses of a Squid access.log sit in a design (issue 7): a client address is a P2S
// client, an address in a gateway's P2S pool, a VM, a firewall or a subnet; a destination is the
// Internet, an on-premises site, a VNet or a P2S pool. `hopscope proxy-log --design` prints
// these places and the desktop app draws the observed flows between them, from one mapping.

#include "model/Design.h"
#include "proxy/AccessLog.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace hopscope::proxy {

struct ClientPlace
{
    enum class Kind { Client, P2sPool, Vm, Firewall, Subnet, None };
    Kind kind = Kind::None;
    // The design object: client, gateway (P2sPool), VM, firewall or "VNET/SUBNET"; empty: None.
    QString object;
    QString gateway; // Client and P2sPool: the gateway whose pool holds the address
    // For people: "client remote-pc (P2S pool of vpngw-a)", "P2S pool of vpngw-a", "VM proxy",
    // "firewall fw-a", "subnet Spoke-Vnet-b/Subnet-b", or "not in the design".
    QString text;
};

// The first of, in this order: a client whose address (written, else the first host of its
// gateway's first pool) is `ip`; a P2S pool containing it; a VM or firewall owning it (written,
// else the first usable Azure host of its subnet, R10.1); a subnet containing it.
ClientPlace placeOfClient(const model::Design &design, const QString &ip);

struct DestinationPlace
{
    enum class Kind { Internet, OnPremises, Vnet, P2sPool, PrivateElsewhere, Unknown };
    Kind kind = Kind::Unknown;
    QString object; // "Internet", the site, the VNet or the gateway; empty otherwise
    // "Internet", "on-prem <site>", "VNet <name>", "P2S pool of <gateway>",
    // "private, not in the design", or "unknown (no IPv4 address)".
    QString text;
};

// Uses `host` if it is an IPv4 literal, else the first IPv4 among the peers the proxy connected
// to; VNets win over on-premises sites, sites over P2S pools, and a public address is Internet.
DestinationPlace placeOfDestination(const model::Design &design, const QString &host,
                                    const QStringList &peers);

// The VM whose proxy wrote the log: the proxy a mapped P2S client is set to use
// (clients[].useProxy), else the first VM with a proxy service; empty when the design has none.
QString proxyVmOf(const model::Design &design, const AccessLogSummary &summary);

// One observed leg between two design objects (their names, as the canvas ids them).
struct ObservedFlow
{
    QString from;
    QString to;
    quint64 bytes = 0;  // sent to the client, as logged (download)
    qint64 records = 0;
};

// The flows the log shows through the design's proxy VM: each client place → proxy (a P2S
// client is drawn as itself, an address of a pool as its gateway), then proxy → each destination
// network, summing summary.topDestinationsByBytes (ask for enough of them). A destination with
// no IPv4 address is taken to be on the Internet: the proxy resolved it by public DNS. Places
// outside the design, and private addresses outside it, draw nothing. Empty when the design has
// no proxy VM. Client legs first, then upstream legs, each most bytes first.
std::vector<ObservedFlow> observedFlows(const model::Design &design,
                                        const AccessLogSummary &summary);

} // namespace hopscope::proxy
