// Import benchmark (issue 14): a generated estate of 1,000 VNets / 3,000 subnets / 3,000 NICs in
// Resource Graph shape, imported as `hopscope import` does it (parse, map, name, write). Target
// ≤ 2 s. Peak memory: run it under `/usr/bin/time -v`.

#include "BenchReport.h"
#include "import/EstateImport.h"
#include "io/DesignWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hopscope;

namespace {

const QString base = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/"
                                    "resourceGroups/rg-bench/providers/Microsoft.Network/");

// Concatenations as QString (QStringBuilder does not fit an initializer list).
QString str(const QString &s)
{
    return s;
}

QJsonObject row(const QString &type, const QString &name, const QJsonObject &properties)
{
    return {{"id", str(base + type + u'/' + name)},
            {"name", name},
            {"type", QString(QStringLiteral("microsoft.network/") + type.toLower())},
            {"location", "westeurope"},
            {"resourceGroup", "rg-bench"},
            {"subscriptionId", "00000000-0000-0000-0000-000000000000"},
            {"properties", properties}};
}

QString vnetPrefix(int i, int third)
{
    return QStringLiteral("10.%1.%2.0").arg(i >> 4).arg(((i & 15) << 4) + third);
}

// 20 hubs, each with 49 spokes; every VNet has 3 subnets with one NIC each and a route table
// per spoke sending 0/0 to its hub's NVA.
QByteArray generatedEstate(int vnets)
{
    const int hubs = 20;
    QJsonArray rows;
    for (int i = 0; i < vnets; ++i) {
        const bool hub = i < hubs;
        const int myHub = hub ? i : i % hubs;
        const QString name = QStringLiteral("vnet-%1").arg(i);
        QJsonArray subnets;
        for (int s = 0; s < 3; ++s) {
            QJsonObject p{{"addressPrefix", str(vnetPrefix(i, s) + QStringLiteral("/24"))}};
            if (!hub)
                p.insert("routeTable", QJsonObject{{"id", str(base + QStringLiteral("routeTables/rt-%1").arg(i))}});
            subnets.append(QJsonObject{{"id", str(base + QStringLiteral("virtualNetworks/%1/subnets/sn-%2").arg(name).arg(s))},
                                       {"name", QStringLiteral("sn-%1").arg(s)},
                                       {"properties", p}});
            QJsonObject configuration{
                {"id", str(base + QStringLiteral("networkInterfaces/nic-%1-%2/ipConfigurations/ip1").arg(i).arg(s))},
                {"name", "ip1"},
                {"properties", QJsonObject{{"primary", true},
                                           {"privateIPAddress", str(vnetPrefix(i, s).chopped(1) + u'4')},
                                           {"subnet", QJsonObject{{"id", str(base + QStringLiteral("virtualNetworks/%1/subnets/sn-%2").arg(name).arg(s))}}}}}};
            rows.append(row(QStringLiteral("networkInterfaces"), QStringLiteral("nic-%1-%2").arg(i).arg(s),
                            {{"enableIPForwarding", hub && s == 0},
                             {"ipConfigurations", QJsonArray{configuration}},
                             {"virtualMachine", QJsonObject{{"id", QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench/providers/Microsoft.Compute/virtualMachines/vm-%1-%2").arg(i).arg(s)}}}}));
        }
        QJsonArray peerings;
        const auto peering = [&](int to) {
            return QJsonObject{{"id", str(base + QStringLiteral("virtualNetworks/%1/virtualNetworkPeerings/to-%2").arg(name).arg(to))},
                               {"name", QStringLiteral("to-%1").arg(to)},
                               {"properties", QJsonObject{{"allowForwardedTraffic", true},
                                                          {"allowVirtualNetworkAccess", true},
                                                          {"peeringState", "Connected"},
                                                          {"remoteVirtualNetwork", QJsonObject{{"id", str(base + QStringLiteral("virtualNetworks/vnet-%1").arg(to))}}}}}};
        };
        if (hub) {
            for (int s = i + hubs; s < vnets; s += hubs)
                peerings.append(peering(s));
        } else {
            peerings.append(peering(myHub));
            rows.append(row(QStringLiteral("routeTables"), QStringLiteral("rt-%1").arg(i),
                            {{"routes", QJsonArray{QJsonObject{
                                  {"id", str(base + QStringLiteral("routeTables/rt-%1/routes/default").arg(i))},
                                  {"name", "default"},
                                  {"properties", QJsonObject{{"addressPrefix", "0.0.0.0/0"},
                                                             {"nextHopType", "VirtualAppliance"},
                                                             {"nextHopIpAddress", str(vnetPrefix(myHub, 0).chopped(1) + u'4')}}}}}}}));
        }
        rows.append(row(QStringLiteral("virtualNetworks"), name,
                        {{"addressSpace", QJsonObject{{"addressPrefixes", QJsonArray{str(vnetPrefix(i, 0) + QStringLiteral("/20"))}}}},
                         {"subnets", subnets},
                         {"virtualNetworkPeerings", peerings}}));
    }
    return QJsonDocument(QJsonObject{{"count", rows.size()}, {"data", rows},
                                     {"skip_token", QJsonValue()}, {"total_records", rows.size()}})
        .toJson(QJsonDocument::Indented);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // `hopscope_bench_import [FOLDER]`: also leaves the estate and its design there, so that a
    // change to the importer or the writer can be compared byte for byte.
    const QString keep = app.arguments().value(1);
    const QByteArray estate = generatedEstate(1000);
    bench::out() << "Generated estate: " << estate.size() / (1024 * 1024) << " MiB of Resource "
                 << "Graph JSON\n";
    int vnets = 0, subnets = 0, vms = 0;
    std::optional<model::Design> design;
    const double importMs = bench::medianMs(3, [&] {
        importing::ImportResult result = importing::importEstate({{"estate.json", estate}});
        design = std::move(result.design);
    });
    QByteArray written;
    const double writeMs = bench::medianMs(3, [&] { written = io::writeDesign(*design); });
    if (!keep.isEmpty()) {
        QFile estateFile(keep + QStringLiteral("/estate.json"));
        QFile designFile(keep + QStringLiteral("/estate.hopscope.yaml"));
        if (!estateFile.open(QIODevice::WriteOnly) || !designFile.open(QIODevice::WriteOnly)) {
            qWarning("cannot write into %s", qPrintable(keep));
            return 1;
        }
        estateFile.write(estate);
        designFile.write(written);
    }
    vnets = int(design->vnets.size());
    vms = int(design->vms.size());
    for (const auto &v : design->vnets)
        subnets += int(v.subnets.size());
    bench::out() << "Imported " << vnets << " VNets, " << subnets << " subnets, " << vms
                 << " VMs; design " << written.size() / 1024 << " KiB\n";
    // `hopscope import` = both: read and map, then write the design file.
    bench::report("import: read and map 1,000 VNets / 3,000 subnets / 3,000 NICs (ms)", importMs,
                  "ms", 2000);
    bench::report("import: write the design (core/io writer) (ms)", writeMs, "ms", 2000);
    bench::report("import: total, as hopscope import (ms)", importMs + writeMs, "ms", 2000);
    return 0;
}
