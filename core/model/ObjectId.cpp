#include "model/ObjectId.h"

#include <QHashFunctions>
#include <QStringList>

#include <algorithm>

namespace hopscope::model {

namespace {
const QLatin1StringView peeringPrefix("peering:");
const QLatin1StringView tunnelPrefix("tunnel:");
const QLatin1StringView linkPrefix("link:");
} // namespace

ObjectId ObjectId::object(const QString &name) { return {Kind::Object, name, {}}; }

ObjectId ObjectId::subnet(const QString &vnet, const QString &subnet)
{
    return {Kind::Subnet, subnet, vnet};
}

ObjectId ObjectId::peering(const QString &a, const QString &b)
{
    return {Kind::Peering, std::min(a, b), std::max(a, b)};
}

ObjectId ObjectId::tunnel(const QString &client) { return {Kind::Tunnel, client, {}}; }

ObjectId ObjectId::siteLink(const QString &site) { return {Kind::SiteLink, site, {}}; }

ObjectId ObjectId::parse(const QString &text)
{
    if (text.isEmpty())
        return {};
    // The prefixed forms first: a peering's text may hold a '/' of no meaning of its own.
    if (text.startsWith(peeringPrefix)) {
        const QStringList ends = text.mid(peeringPrefix.size()).split(u'|');
        return ends.size() == 2 ? peering(ends[0], ends[1]) : ObjectId();
    }
    if (text.startsWith(tunnelPrefix))
        return tunnel(text.mid(tunnelPrefix.size()));
    if (text.startsWith(linkPrefix))
        return siteLink(text.mid(linkPrefix.size()));
    if (const qsizetype slash = text.indexOf(u'/'); slash >= 0)
        return subnet(text.left(slash), text.mid(slash + 1));
    return object(text);
}

QString ObjectId::toString() const
{
    switch (m_kind) {
    case Kind::None: break;
    case Kind::Object: return m_name;
    case Kind::Subnet: return qualifiedSubnet();
    case Kind::Peering: return peeringPrefix + m_name + u'|' + m_other;
    case Kind::Tunnel: return tunnelPrefix + m_name;
    case Kind::SiteLink: return linkPrefix + m_name;
    }
    return {};
}

QString ObjectId::qualifiedSubnet() const
{
    return m_kind == Kind::Subnet ? m_other + u'/' + m_name : QString();
}

size_t qHash(const ObjectId &id, size_t seed) noexcept
{
    return qHashMulti(seed, int(id.kind()), id.name(), id.vnet());
}

} // namespace hopscope::model
