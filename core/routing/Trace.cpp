#include "routing/Trace.h"

#include "proxy/ProxyConfigs.h"
#include "routing/RoutingPolicy.h"
#include "routing/TraceMemo.h"

#include <QFileInfo>

#include <algorithm>

namespace hopscope::routing {

using model::DeviceKind;

QString toString(ConnectionReason reason)
{
    switch (reason) {
    case ConnectionReason::None: return {};
    case ConnectionReason::ForwardDropped: return QStringLiteral("forward-dropped");
    case ConnectionReason::ForwardLoop: return QStringLiteral("forward-loop");
    case ConnectionReason::NotTunneled: return QStringLiteral("not-tunneled");
    case ConnectionReason::Asymmetric: return QStringLiteral("asymmetric");
    case ConnectionReason::ReturnDropped: return QStringLiteral("return-dropped");
    case ConnectionReason::ReturnLoop: return QStringLiteral("return-loop");
    }
    return {};
}

namespace {

// The devices of `met` that `other` does not hold, once each, in the order met.
std::vector<int> metOnlyBy(const std::vector<int> &met, const std::vector<int> &other)
{
    std::vector<int> only;
    for (int d : met)
        if (std::find(other.begin(), other.end(), d) == other.end() &&
            std::find(only.begin(), only.end(), d) == only.end())
            only.push_back(d);
    return only;
}

// R10.5: a stateful device met by one walk of the leg only sees half of the connection.
void noteHalfSeen(Leg &leg)
{
    leg.seenOnlyByRequest = metOnlyBy(leg.forward.statefulDevices, leg.reply->statefulDevices);
    leg.seenOnlyByReply = metOnlyBy(leg.reply->statefulDevices, leg.forward.statefulDevices);
}

} // namespace

std::optional<Endpoint> resolveEndpoint(const model::Network &network, const QString &text,
                                        bool asSource, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<Endpoint> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto &devices = network.devices();

    if (text == model::internetName())
        return Endpoint{text, network.internetDevice(), Ipv4Address(policy::internetHostAddress)};

    if (const auto address = Ipv4Address::parse(text)) {
        if (const int owner = network.ownerOf(*address); owner >= 0)
            return Endpoint{text, owner, *address};
        if (const int subnet = network.subnetContaining(*address); subnet >= 0)
            return Endpoint{text, network.subnets()[subnet].workloadDevice, *address};
        if (const int site = network.siteContaining(*address); site >= 0)
            return Endpoint{text, site, *address};
        if (const int pool = network.poolContaining(*address); pool >= 0)
            return Endpoint{text, pool, *address};
        if (!address->isPrivate())
            return Endpoint{text, network.internetDevice(), *address};
        if (asSource) {
            const int vnet = network.vnetContaining(*address);
            return fail(vnet >= 0
                            ? QStringLiteral("end point '%1' is in %2's address space but in none "
                                             "of its subnets: nothing can send from it")
                                  .arg(text, network.vnets()[vnet].vnet->name)
                            : QStringLiteral("end point '%1' is a private address that no VNet, "
                                             "P2S pool or on-premises site of the design holds")
                                  .arg(text));
        }
        return Endpoint{text, -1, *address}; // the walk decides: no-such-host or a route drops it
    }

    if (text.contains(u'/')) {
        const int subnet = network.subnetIndex(text);
        if (subnet < 0)
            return fail(QStringLiteral("unknown end point '%1': no subnet has this VNET/SUBNET "
                                       "name")
                            .arg(text));
        const auto &s = network.subnets()[subnet];
        const Ipv4Address host = model::Network::workloadAddress(*s.subnet);
        const int owner = network.ownerOf(host);
        if (owner >= 0 && devices[owner].subnet == subnet)
            return Endpoint{text, owner, host};
        return Endpoint{text, s.workloadDevice, host};
    }

    const int device = network.deviceIndex(text);
    if (device < 0)
        return fail(QStringLiteral("unknown end point '%1': no VM, firewall, P2S client, "
                                   "on-premises site or VNET/SUBNET has this name")
                        .arg(text));
    const model::Device &d = devices[device];
    switch (d.kind) {
    case DeviceKind::Gateway:
        return fail(QStringLiteral("end point '%1' is a gateway; trace from or to one of its P2S "
                                   "clients or on-premises sites instead")
                        .arg(text));
    case DeviceKind::Vm:
    case DeviceKind::Firewall:
    case DeviceKind::Client:
    case DeviceKind::OnPrem:
    case DeviceKind::Subnet:
    case DeviceKind::Internet:
        break;
    }
    if (!d.ip)
        return fail(QStringLiteral("end point '%1' has no address: give its gateway a P2S pool or "
                                   "the client an ip")
                        .arg(text));
    return Endpoint{text, device, *d.ip};
}

Tracer::Tracer(const EffectiveRoutes &routes, const proxy::ProxyConfigs *proxies)
    : m_routes(routes), m_walker(routes), m_proxies(proxies)
{
}

Leg Tracer::proxyLeg(const Leg &toProxy, const Endpoint &proxyEndpoint, const Endpoint &to,
                     model::Protocol protocol, int port, int sourcePort) const
{
    const proxy::SquidConfig *config =
        m_proxies ? m_proxies->forVm(network().devices()[proxyEndpoint.device].name) : nullptr;
    if (!config)
        return traceLeg(proxyEndpoint, to, protocol, port, sourcePort);

    // squid.md: the client as the proxy sees it (after any SNAT on the way), CONNECT for 443,
    // GET otherwise, on the port the client used.
    const Ipv4Address client = toProxy.forward.sourceSeenAtEnd;
    const bool connect = port == 443;
    const QString target = connect ? QStringLiteral("%1:%2").arg(to.ip.toString()).arg(port)
                                   : QStringLiteral("http://%1:%2/").arg(to.ip.toString()).arg(port);
    auto request = proxy::ProxyRequest::make(proxy::SquidAddress::fromIpv4(client.value()),
                                             connect ? QStringLiteral("CONNECT")
                                                     : QStringLiteral("GET"),
                                             target);
    if (!request)
        return traceLeg(proxyEndpoint, to, protocol, port, sourcePort);
    request->localPort = toProxy.port;
    const proxy::Decision decision = config->evaluate(*request);

    RuleDecision rule;
    if (decision.rule) {
        rule.name = decision.rule->location.text;
        rule.file = decision.rule->location.file;
        rule.line = decision.rule->location.line;
    } else if (decision.verdict == proxy::Decision::Verdict::Undecidable) {
        rule.name = QStringLiteral("undecidable: depends on %1")
                        .arg(decision.dependsOn.join(QStringLiteral(", ")));
    } else {
        rule.name = QStringLiteral("implicit last rule");
    }
    rule.action = decision.verdict == proxy::Decision::Verdict::Deny ? model::RuleAction::Deny
                                                                       : model::RuleAction::Allow;
    if (decision.verdict != proxy::Decision::Verdict::Deny) {
        // Undecidable is reported in the rule, never turned into a guessed denial.
        Leg leg = traceLeg(proxyEndpoint, to, protocol, port, sourcePort);
        if (!leg.forward.hops.empty())
            leg.forward.hops.front().rule = rule;
        return leg;
    }
    Leg leg{.from = proxyEndpoint, .to = to, .protocol = protocol, .port = port,
            .sourcePort = sourcePort};
    // The proxy refuses before it sends anything: a VM hop whose NSGs saw nothing (cli.md).
    Hop &refused = leg.forward.hops.emplace_back();
    refused.device = proxyEndpoint.device;
    refused.source = client;
    refused.destination = to.ip;
    refused.rule = rule;
    refused.nsg.emplace();
    leg.forward.verdict = WalkVerdict::Dropped;
    leg.forward.reason = DropReason::ProxyDenied;
    leg.forward.sourceSeenAtEnd = client;
    const QString where = rule.file.isEmpty()
                              ? rule.name
                              : QStringLiteral("%1:%2 '%3'")
                                    .arg(QFileInfo(rule.file).fileName())
                                    .arg(rule.line)
                                    .arg(rule.name);
    leg.forward.explanationText = text::walkText(
        QT_TRANSLATE_NOOP("Walk", "dropped at %1: the proxy denies %2 %3 from %4 (%5)"),
        {network().devices()[proxyEndpoint.device].name, request->method, request->url(),
         client.toString(), where});
    leg.forward.explanation = leg.forward.explanationText.english();
    leg.reason = ConnectionReason::ForwardDropped;
    leg.explanation = leg.forward.explanation;
    leg.explanationText = leg.forward.explanationText;
    return leg;
}

Leg Tracer::traceLeg(const Endpoint &from, const Endpoint &to, model::Protocol protocol,
                     int port, int sourcePort) const
{
    if (!m_memo)
        return walkLeg(from, to, protocol, port, sourcePort);
    const TraceMemo::Key key = TraceMemo::keyOf(from, to, protocol, port, sourcePort);
    if (std::optional<Leg> known = m_memo->find(key, from, to))
        return std::move(*known);
    Leg leg = walkLeg(from, to, protocol, port, sourcePort);
    m_memo->store(key, leg, network());
    return leg;
}

Leg Tracer::walkLeg(const Endpoint &from, const Endpoint &to, model::Protocol protocol,
                    int port, int sourcePort) const
{
    return completeLeg(from, to, protocol, port, sourcePort,
                       walkRequest(from, to, protocol, port, sourcePort));
}

namespace {

// The packet of a leg's request.
Packet requestPacket(const Endpoint &from, const Endpoint &to, model::Protocol protocol, int port,
                     int sourcePort)
{
    return {.source = from.ip,
            .destination = to.ip,
            .protocol = protocol,
            .port = port,
            .sourcePort = sourcePort};
}

} // namespace

Walk Tracer::walkRequest(const Endpoint &from, const Endpoint &to, model::Protocol protocol,
                         int port, int sourcePort) const
{
    return m_walker.forward(from.device, requestPacket(from, to, protocol, port, sourcePort));
}

Leg Tracer::completeLeg(const Endpoint &from, const Endpoint &to, model::Protocol protocol,
                        int port, int sourcePort, Walk forward) const
{
    Leg leg{.from = from, .to = to, .protocol = protocol, .port = port, .sourcePort = sourcePort};
    const Packet packet = requestPacket(from, to, protocol, port, sourcePort);
    leg.forward = std::move(forward);
    const auto &devices = network().devices();

    // cli.md: the connection reason, decided in this order.
    // The leg's explanation, in English and as a message to translate.
    auto explain = [&leg](text::Message why) {
        leg.explanation = why.english();
        leg.explanationText = std::move(why);
    };
    auto request = [&] {
        return text::walkText(QT_TRANSLATE_NOOP("Walk", "request from %1 to %2 %3"),
                              {from.text, to.ip.toString(), leg.forward.explanationText});
    };
    switch (leg.forward.verdict) {
    case WalkVerdict::Dropped:
        leg.reason = ConnectionReason::ForwardDropped;
        explain(request());
        return leg;
    case WalkVerdict::Loop:
        leg.reason = ConnectionReason::ForwardLoop;
        explain(request());
        return leg;
    case WalkVerdict::NotTunneled:
        leg.reason = ConnectionReason::NotTunneled;
        leg.explanation = leg.forward.explanation;
        leg.explanationText = leg.forward.explanationText;
        return leg;
    case WalkVerdict::Delivered:
    case WalkVerdict::EgressInternet:
    case WalkVerdict::EgressOnPrem:
        break;
    }

    leg.reply = m_walker.reply(leg.forward, packet);
    const Walk &reply = *leg.reply;
    // "reply from fw-hub to 10.0.0.4 " followed by what happened to it.
    auto replied = [&](const text::Message &what) {
        return text::walkText(QT_TRANSLATE_NOOP("Walk", "reply from %1 to %2 %3"),
                              {devices[leg.forward.hops.back().device].name,
                               reply.hops.front().destination.toString(), what});
    };
    if (reply.verdict == WalkVerdict::Dropped && reply.reason == DropReason::NoSession) {
        leg.reason = ConnectionReason::Asymmetric;
        noteHalfSeen(leg);
        explain(replied(reply.explanationText));
        return leg;
    }
    if (reply.verdict == WalkVerdict::Loop) {
        leg.reason = ConnectionReason::ReturnLoop;
        explain(replied(reply.explanationText));
        return leg;
    }
    if (!reply.succeeded()) {
        leg.reason = ConnectionReason::ReturnDropped;
        explain(replied(reply.explanationText.isEmpty()
                            ? text::walkText(QT_TRANSLATE_NOOP("Walk", "is not tunneled back"))
                            : reply.explanationText));
        return leg;
    }
    // cli.md `return`: a reply that ends anywhere but at the request's source (it leaves for
    // on-premises or the Internet, or is delivered elsewhere) keeps the verdict it walked, and
    // the connection is return-dropped.
    const int requester = leg.forward.hops.front().device;
    if (const int end = reply.hops.back().device; end != requester) {
        leg.reason = ConnectionReason::ReturnDropped;
        text::Message where =
            text::walkText(QT_TRANSLATE_NOOP("Walk", "is delivered to %1"), {devices[end].name});
        if (reply.verdict == WalkVerdict::EgressInternet)
            where = text::walkText(QT_TRANSLATE_NOOP("Walk", "leaves for the Internet"));
        else if (reply.verdict == WalkVerdict::EgressOnPrem)
            where = text::walkText(QT_TRANSLATE_NOOP("Walk", "leaves for on-premises at %1"),
                                   {devices[end].name});
        explain(replied(
            text::walkText(QT_TRANSLATE_NOOP("Walk", "%1, not back to %2, which sent the request"),
                           {where, devices[requester].name})));
        return leg;
    }
    // Stateful devices compared as sets: the reply meets them in reverse order.
    noteHalfSeen(leg);
    if (!leg.seenOnlyByRequest.empty() || !leg.seenOnlyByReply.empty()) {
        std::vector<int> halfSeen = leg.seenOnlyByRequest;
        halfSeen.insert(halfSeen.end(), leg.seenOnlyByReply.begin(), leg.seenOnlyByReply.end());
        std::sort(halfSeen.begin(), halfSeen.end());
        QStringList names;
        for (int d : halfSeen)
            names << devices[d].name;
        leg.reason = ConnectionReason::Asymmetric;
        explain(text::walkText(QT_TRANSLATE_NOOP("Walk", "asymmetric: %1 sees only one direction "
                                                         "of the connection and drops it (R10.5)"),
                               {names.join(QStringLiteral(", "))}));
        return leg;
    }
    leg.ok = true;
    return leg;
}

std::optional<TraceResult> Tracer::trace(const TraceRequest &request, QString *error) const
{
    const auto from = resolveEndpoint(network(), request.from, true, error);
    if (!from)
        return std::nullopt;
    const auto to = resolveEndpoint(network(), request.to, false, error);
    if (!to)
        return std::nullopt;

    TraceResult result;
    const auto &devices = network().devices();
    const model::Device &source = devices[from->device];
    // cli.md `legs`: a client with useProxy sends TCP traffic for Internet addresses through it.
    const bool viaProxy = source.client && source.client->useProxy &&
                          request.protocol == model::Protocol::Tcp && !to->ip.isPrivate() &&
                          (to->device < 0 || devices[to->device].kind == DeviceKind::Internet);
    const int proxy = viaProxy ? network().deviceIndex(source.client->useProxy->vm) : -1;
    if (proxy >= 0 && devices[proxy].ip) {
        const Endpoint proxyEndpoint{devices[proxy].name, proxy, *devices[proxy].ip};
        // P5: each leg is its own connection with its own flow records (N3.9); both use the
        // request's source port (cli.md additions).
        result.legs.push_back(traceLeg(*from, proxyEndpoint, request.protocol,
                                       source.client->useProxy->port, request.sourcePort));
        if (result.legs.back().ok)
            result.legs.push_back(proxyLeg(result.legs.back(), proxyEndpoint, *to,
                                           request.protocol, request.port, request.sourcePort));
    } else {
        result.legs.push_back(
            traceLeg(*from, *to, request.protocol, request.port, request.sourcePort));
    }
    result.ok = std::all_of(result.legs.begin(), result.legs.end(),
                            [](const Leg &l) { return l.ok; });
    for (const Leg &l : result.legs)
        if (!l.ok) {
            result.reason = l.reason;
            break;
        }
    return result;
}

} // namespace hopscope::routing
