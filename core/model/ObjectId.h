#pragma once

// What can be selected or referenced across layers (the canvas, the Properties panel, findings,
// trace end points, the edits' results), as a value: a kind and the names it needs (STYLE 2).
// Names in the design file stay as they are; toString() is only for where a string is truly
// required (a command-line argument, a saved end point, a message), and parse() reads it back.

#include <QString>

#include <cstddef>
#include <functional>
#include <utility>

namespace hopscope::model {

class ObjectId
{
public:
    enum class Kind {
        None,     // nothing: the design itself
        Object,   // a top-level named object: VNet, route table, firewall, gateway, VM, P2S
                  // client, on-premises site, or the Internet (they share one namespace)
        Subnet,   // a subnet, named within its VNet
        Peering,  // the pair of peering directions between two VNets, in either order
        Tunnel,   // the P2S tunnel of a client to its gateway
        SiteLink, // the link of an on-premises site to its gateway
    };

    ObjectId() = default;
    static ObjectId object(const QString &name);
    static ObjectId subnet(const QString &vnet, const QString &subnet);
    // The two VNets in either order: peering(a, b) == peering(b, a).
    static ObjectId peering(const QString &a, const QString &b);
    static ObjectId tunnel(const QString &client);
    static ObjectId siteLink(const QString &site);

    // Reads toString()'s form back: "NAME", "VNET/SUBNET", "peering:A|B", "tunnel:CLIENT",
    // "link:SITE"; an empty string is the null id. A malformed peering reads as the null id.
    static ObjectId parse(const QString &text);
    QString toString() const;

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::None; }
    bool is(Kind kind) const { return m_kind == kind; }

    // Object: its name. Subnet: its name within its VNet. Tunnel: the client. SiteLink: the
    // site. Peering: the first VNet in name order.
    const QString &name() const { return m_name; }
    // Subnet: its VNet. Peering: the second VNet in name order. Else empty.
    const QString &vnet() const { return m_other; }
    // Peering: both VNets, in name order.
    std::pair<QString, QString> peers() const { return {m_name, m_other}; }
    // Subnet: "VNET/SUBNET", the form the design's references use. Else empty.
    QString qualifiedSubnet() const;

    bool operator==(const ObjectId &) const = default;

private:
    ObjectId(Kind kind, QString name, QString other)
        : m_kind(kind), m_name(std::move(name)), m_other(std::move(other))
    {}

    Kind m_kind = Kind::None;
    QString m_name;
    QString m_other;
};

size_t qHash(const ObjectId &id, size_t seed = 0) noexcept;

} // namespace hopscope::model

template <> struct std::hash<hopscope::model::ObjectId>
{
    size_t operator()(const hopscope::model::ObjectId &id) const noexcept
    {
        return hopscope::model::qHash(id);
    }
};
