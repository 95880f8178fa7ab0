#pragma once

// A trace (cli.md `trace`): resolve two end points, walk the request and the reply, and judge
// the connection.

#include "routing/PacketWalk.h"

namespace hopscope::proxy {
class ProxyConfigs;
}

#include <QString>

#include <optional>
#include <vector>

namespace hopscope::routing {

class TraceMemo;

// A traffic end point of format.md, resolved.
struct Endpoint
{
    QString text;   // as the user wrote it
    int device = -1; // where packets start or are delivered; -1: an address nothing holds
    Ipv4Address ip;
};

// Resolves `text` (a VM, firewall, client or site name, VNET/SUBNET, Internet, or an IPv4
// address). On failure returns nullopt and sets `error` to a sentence that names the end point.
// `asSource`: the end point must be able to send (an address nothing holds cannot).
std::optional<Endpoint> resolveEndpoint(const model::Network &network, const QString &text,
                                        bool asSource, QString *error);

enum class ConnectionReason {
    None,
    ForwardDropped,
    ForwardLoop,
    NotTunneled,
    Asymmetric,
    ReturnDropped,
    ReturnLoop,
};
QString toString(ConnectionReason);

struct Leg
{
    Endpoint from;
    Endpoint to;
    model::Protocol protocol = model::Protocol::Tcp;
    int port = 443;
    int sourcePort = policy::defaultSourcePort; // the request's (N3.11), on both legs
    Walk forward;
    std::optional<Walk> reply; // none when the forward walk failed
    bool ok = false;
    ConnectionReason reason = ConnectionReason::None;
    QString explanation; // the reason in words, naming where and why
    text::Message explanationText; // the same, for the app to translate (issue 17)
    // Set when `reason` is Asymmetric (R10.5): the stateful devices (Network::devices()
    // indices) that only the request, or only the reply, met, each in the order met.
    std::vector<int> seenOnlyByRequest;
    std::vector<int> seenOnlyByReply;
};

struct TraceResult
{
    std::vector<Leg> legs; // one, or two through a proxy (cli.md `legs`)
    bool ok = false;       // every leg is ok
    ConnectionReason reason = ConnectionReason::None; // of the first failing leg
};

struct TraceRequest
{
    QString from;
    QString to;
    int port = 443;
    model::Protocol protocol = model::Protocol::Tcp;
    int sourcePort = policy::defaultSourcePort; // cli.md `--source-port`, N3.11
};

class Tracer
{
public:
    // `proxies`: the squid.conf of proxy VMs, to judge requests through them (may be null:
    // then a proxy admits everything).
    explicit Tracer(const EffectiveRoutes &routes, const proxy::ProxyConfigs *proxies = nullptr);

    // Resolves the end points and traces; nullopt with `error` set when one cannot be resolved.
    std::optional<TraceResult> trace(const TraceRequest &request, QString *error) const;

    // One leg between resolved end points.
    Leg traceLeg(const Endpoint &from, const Endpoint &to, model::Protocol protocol, int port,
                 int sourcePort = policy::defaultSourcePort) const;

    // The request of the leg from `from` to `to`, walked: the first half of what traceLeg does
    // (no memo is asked).
    Walk walkRequest(const Endpoint &from, const Endpoint &to, model::Protocol protocol, int port,
                     int sourcePort = policy::defaultSourcePort) const;
    // The leg whose request walkRequest walked as `forward`: its reply is walked, the
    // connection judged. A sweep that has walked a request already needs only the rest.
    Leg completeLeg(const Endpoint &from, const Endpoint &to, model::Protocol protocol, int port,
                    int sourcePort, Walk forward) const;

    const PacketWalker &walker() const { return m_walker; }
    const model::Network &network() const { return m_routes.network(); }
    const EffectiveRoutes &routes() const { return m_routes; }

    // traceLeg answers from `memo` where it holds the leg and stores what it walks there
    // (TraceMemo.h says what a leg from the memo keeps); nullptr: every leg is walked.
    void setMemo(TraceMemo *memo) { m_memo = memo; }

private:
    Leg walkLeg(const Endpoint &from, const Endpoint &to, model::Protocol protocol, int port,
                int sourcePort) const;
    // The second leg through a proxy: Squid's verdict on the request, then the walk onwards.
    Leg proxyLeg(const Leg &toProxy, const Endpoint &proxy, const Endpoint &to,
                 model::Protocol protocol, int port, int sourcePort) const;

    const EffectiveRoutes &m_routes;
    PacketWalker m_walker;
    const proxy::ProxyConfigs *m_proxies = nullptr;
    TraceMemo *m_memo = nullptr;
};

} // namespace hopscope::routing
