#include "layout/AutoLayout.h"

#include "layout/LayoutMetrics.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>

namespace hopscope::layout {

namespace {

constexpr double columnGap = 90;
constexpr double rowGap = 110;
constexpr double componentGap = 160;
constexpr double edgeGap = 150; // between the VNets and the edge columns

using PeeringGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Vertex = PeeringGraph::vertex_descriptor;

// Records, for every VNet reached, the hub whose breadth-first tree reached it first.
class OwnerRecorder : public boost::default_bfs_visitor
{
public:
    explicit OwnerRecorder(std::vector<int> *owner) : m_owner(owner) {}
    template <typename Edge, typename Graph> void tree_edge(Edge e, const Graph &g) const
    {
        (*m_owner)[boost::target(e, g)] = (*m_owner)[boost::source(e, g)];
    }

private:
    std::vector<int> *m_owner;
};

struct Row
{
    std::vector<int> vnets;
    double width = 0;
    double height = 0;
    void add(int vnet, QSizeF size)
    {
        width += (vnets.empty() ? 0 : columnGap) + size.width();
        height = std::max(height, size.height());
        vnets.push_back(vnet);
    }
};

} // namespace

std::vector<model::LayoutPoint> autoLayout(const model::Design &design)
{
    const int vnetCount = int(design.vnets.size());
    QHash<QString, int> indexOf;
    std::vector<QSizeF> sizes;
    for (int i = 0; i < vnetCount; ++i) {
        indexOf.insert(design.vnets[i].name, i);
        sizes.push_back(vnetBox(design, design.vnets[i]).size);
    }

    // Boost descriptors stay in here (STYLE 2): vertex i is design.vnets[i].
    PeeringGraph graph(vnetCount);
    for (const model::Peering &p : design.peerings) {
        const auto from = indexOf.constFind(p.from);
        const auto to = indexOf.constFind(p.to);
        if (from != indexOf.cend() && to != indexOf.cend() && *from != *to &&
            !boost::edge(*from, *to, graph).second)
            boost::add_edge(*from, *to, graph);
    }
    std::vector<int> component(vnetCount);
    const int componentCount =
        vnetCount == 0 ? 0 : boost::connected_components(graph, component.data());

    std::vector<model::LayoutPoint> points(vnetCount);
    double cursorX = 0;
    double top = 0;
    std::map<QString, double> vnetCentreY; // for ordering the edge columns

    for (int c = 0; c < componentCount; ++c) {
        std::vector<Vertex> members;
        for (int i = 0; i < vnetCount; ++i) {
            if (component[i] == c)
                members.push_back(Vertex(i));
        }
        // Hubs by role; a component without one is centred on its best-connected VNet.
        std::vector<Vertex> hubs;
        for (Vertex v : members) {
            if (design.vnets[v].role == model::VnetRole::Hub)
                hubs.push_back(v);
        }
        if (hubs.empty()) {
            hubs.push_back(*std::max_element(members.begin(), members.end(),
                                             [&](Vertex a, Vertex b) {
                                                 return boost::degree(a, graph) <
                                                        boost::degree(b, graph);
                                             }));
        }

        std::vector<int> owner(vnetCount, -1);
        for (Vertex hub : hubs)
            owner[hub] = int(hub);
        std::vector<boost::default_color_type> colours(vnetCount, boost::white_color);
        boost::queue<Vertex> buffer;
        boost::breadth_first_search(
            graph, hubs.begin(), hubs.end(), buffer, OwnerRecorder(&owner),
            boost::make_iterator_property_map(colours.begin(),
                                              boost::get(boost::vertex_index, graph)));

        // Each hub is a column: its spokes alternate between a row above and a row below.
        struct Column
        {
            int hub;
            Row above, below;
            double width;
        };
        std::vector<Column> columns;
        double hubRowHeight = 0;
        for (Vertex hub : hubs) {
            Column column{int(hub), {}, {}, 0};
            int n = 0;
            for (Vertex v : members) {
                if (owner[v] == int(hub) && v != hub)
                    ((n++ % 2 == 0) ? column.above : column.below).add(int(v), sizes[v]);
            }
            column.width = std::max({sizes[hub].width(), column.above.width, column.below.width});
            hubRowHeight = std::max(hubRowHeight, sizes[hub].height());
            columns.push_back(std::move(column));
        }

        auto placeRow = [&](const Row &row, double centreX, double y, bool alignBottom) {
            double x = centreX - row.width / 2;
            for (int v : row.vnets) {
                const double vy = alignBottom ? y - sizes[v].height() : y;
                points[v] = {design.vnets[v].name, x, vy};
                vnetCentreY[design.vnets[v].name] = vy + sizes[v].height() / 2;
                x += sizes[v].width() + columnGap;
                top = std::min(top, vy);
            }
        };
        for (const Column &column : columns) {
            const double centreX = cursorX + column.width / 2;
            Row hubRow;
            hubRow.add(column.hub, sizes[column.hub]);
            placeRow(hubRow, centreX, 0, false);
            placeRow(column.above, centreX, -rowGap, true);
            placeRow(column.below, centreX, hubRowHeight + rowGap, false);
            cursorX += column.width + columnGap;
        }
        cursorX += componentGap - columnGap;
    }

    const double left = -edgeGap - Metrics::nodeWidth / 2;
    const double right = std::max(0.0, cursorX - componentGap);

    // Edge columns, ordered by the height of the VNet they attach to, then by name.
    struct EdgeNode
    {
        QString name;
        double attachY;
    };
    auto gatewayY = [&](const QString &gatewayName) {
        const model::Gateway *gw = design.gateway(gatewayName);
        const auto it = gw ? vnetCentreY.find(gw->vnet) : vnetCentreY.end();
        return it == vnetCentreY.end() ? 0.0 : it->second;
    };
    std::vector<EdgeNode> clients, sites;
    for (const model::Client &client : design.clients)
        clients.push_back({client.name, gatewayY(client.gateway)});
    for (const model::Gateway &gw : design.gateways) {
        for (const model::LocalNetwork &site : gw.localNetworks)
            sites.push_back({site.name, gatewayY(gw.name)});
    }
    auto byAttach = [](const EdgeNode &a, const EdgeNode &b) {
        return a.attachY != b.attachY ? a.attachY < b.attachY : a.name < b.name;
    };
    std::stable_sort(clients.begin(), clients.end(), byAttach);
    std::stable_sort(sites.begin(), sites.end(), byAttach);

    const double step = Metrics::nodeHeight + 40;
    double y = top + Metrics::nodeHeight / 2;
    for (const EdgeNode &client : clients) {
        points.push_back({client.name, left, y});
        y += step;
    }
    const double siteX = clients.empty() ? left : left - Metrics::nodeWidth - 70;
    y = top + Metrics::nodeHeight / 2;
    for (const EdgeNode &site : sites) {
        points.push_back({site.name, siteX, y});
        y += step;
    }
    points.push_back({model::internetName(), right + edgeGap * 0.3,
                      top - rowGap * 0.6 - Metrics::nodeHeight / 2});
    // Whole units, so that positions survive a save and load exactly.
    for (model::LayoutPoint &p : points) {
        p.x = std::round(p.x);
        p.y = std::round(p.y);
    }
    return points;
}

} // namespace hopscope::layout
