#pragma once

// Ground truth (import.md §9): Azure's effective routes of a NIC, as `az network nic
// show-effective-route-table` or the REST API give them, compared row by row with the effective
// routes Hopscope computes for the NIC's subnet.

#include "routing/EffectiveRoutes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hopscope::importing {

// One row of Azure's table, normalised (I9.1, I9.2): one prefix per row.
struct AzureRoute
{
    QString source;      // Default, User, VirtualNetworkGateway, else as given
    QString state;       // Active, Invalid, else as given
    net::Prefix addressPrefix;
    QString nextHopType; // I9.2's spelling, else as given
    std::optional<net::Ipv4Address> nextHopIpAddress;
    QString name; // User routes
};

// Reads the file's bytes (encodings of I1): `{"value": [...]}` or a bare array. nullopt and
// `error` when it is not such a table; IPv6 rows are dropped and named in `notes`.
std::optional<std::vector<AzureRoute>> readEffectiveRoutes(const QByteArray &bytes, QString *error,
                                                           QStringList *notes);

enum class DifferenceSeverity { Error, Warning, Info };
QString toString(DifferenceSeverity);

struct RouteDifference
{
    QString kind; // I9.4: state-differs, next-hop-ip-differs, peering-kind-differs, …
    DifferenceSeverity severity = DifferenceSeverity::Error;
    net::Prefix addressPrefix;
    QString source;
    QString nextHopType;
    std::optional<AzureRoute> azure;
    std::optional<routing::EffectiveRoute> hopscope;
    QString message;
};

struct RouteComparison
{
    int azureRows = 0;
    int hopscopeRows = 0;
    std::vector<RouteDifference> differences; // Azure's order, then Hopscope's unpaired rows
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

// I9.3, I9.4.
RouteComparison compareEffectiveRoutes(const std::vector<AzureRoute> &azure,
                                       const std::vector<routing::EffectiveRoute> &hopscope);

} // namespace hopscope::importing
