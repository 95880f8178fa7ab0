#include "layout/AutoLayout.h"

#include "layout/LayoutMetrics.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace hopscope::layout {

namespace {

constexpr double columnGap = 90;
constexpr double rowGap = 110;
constexpr double componentGap = 160;
constexpr double edgeGap = 150; // between the VNets and the edge columns
constexpr double bandGap = 260; // between bands of hub clusters
constexpr double targetAspect = 1.6;
constexpr std::size_t minSpokesPerRow = 4;

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

// A hub and the rows of spokes above and below it; rows nearest the hub come first.
struct Cluster
{
    int hub = 0;
    int component = 0;
    std::vector<Row> above, below;
    double width = 0;
    double aboveHeight() const { return stackHeight(above); }
    double belowHeight() const { return stackHeight(below); }
    static double stackHeight(const std::vector<Row> &rows)
    {
        double h = 0;
        for (const Row &row : rows)
            h += rowGap + row.height;
        return h;
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
    double top = 0;
    double right = 0;
    std::map<QString, double> vnetCentreY; // for ordering the edge columns
    std::vector<Cluster> clusters;         // components in order, each component's hubs in order

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
            hubs.push_back(
                *std::max_element(members.begin(), members.end(), [&](Vertex a, Vertex b) {
                    return boost::degree(a, graph) < boost::degree(b, graph);
                }));
        }

        std::vector<int> owner(vnetCount, -1);
        for (Vertex hub : hubs)
            owner[hub] = int(hub);
        std::vector<boost::default_color_type> colours(vnetCount, boost::white_color);
        boost::queue<Vertex> buffer;
        boost::breadth_first_search(graph, hubs.begin(), hubs.end(), buffer, OwnerRecorder(&owner),
                                    boost::make_iterator_property_map(
                                        colours.begin(), boost::get(boost::vertex_index, graph)));

        // Each hub is a cluster: its spokes alternate between rows above and rows below it,
        // wrapped so that a hub with many spokes stays about as tall as it is wide.
        for (Vertex hub : hubs) {
            Cluster cluster;
            cluster.hub = int(hub);
            cluster.component = c;
            std::vector<int> spokes;
            for (Vertex v : members) {
                if (owner[v] == int(hub) && v != hub)
                    spokes.push_back(int(v));
            }
            const std::size_t perRow = std::max<std::size_t>(
                minSpokesPerRow, std::size_t(std::ceil(std::sqrt(double(spokes.size())))));
            // A few spokes hang in one row under their hub, as hub-and-spoke diagrams are
            // drawn; more alternate above and below.
            const bool oneSide = spokes.size() <= minSpokesPerRow;
            for (std::size_t n = 0; n < spokes.size(); ++n) {
                std::vector<Row> &rows = n % 2 == 0 && !oneSide ? cluster.above : cluster.below;
                if (rows.empty() || rows.back().vnets.size() == perRow)
                    rows.emplace_back();
                rows.back().add(spokes[n], sizes[spokes[n]]);
            }
            cluster.width = sizes[hub].width();
            for (const std::vector<Row> *rows : {&cluster.above, &cluster.below}) {
                for (const Row &row : *rows)
                    cluster.width = std::max(cluster.width, row.width);
            }
            clusters.push_back(std::move(cluster));
        }
    }

    // Clusters flow left to right into bands, as many to a band as keeps the whole layout
    // about as wide as a screen is (aspect ≈ 16:10); a small design stays on one band.
    double area = 0;
    for (const Cluster &cluster : clusters)
        area += (cluster.width + columnGap) * (cluster.aboveHeight() + sizes[cluster.hub].height() +
                                               cluster.belowHeight() + bandGap);
    const double targetWidth = std::sqrt(area * targetAspect);

    auto placeRow = [&](const Row &row, double centreX, double y, bool alignBottom) {
        double x = centreX - row.width / 2;
        for (int v : row.vnets) {
            const double vy = alignBottom ? y - sizes[v].height() : y;
            points[v] = {design.vnets[v].name, x, vy};
            vnetCentreY[design.vnets[v].name] = vy + sizes[v].height() / 2;
            x += sizes[v].width() + columnGap;
            top = std::min(top, vy);
            right = std::max(right, x - columnGap);
        }
    };
    // The space before cluster i in its band: wider where a new peering component begins.
    auto gapBefore = [&](std::size_t i) {
        return clusters[i].component == clusters[i - 1].component ? columnGap : componentGap;
    };
    // Where each band starts when bands are filled up to `limit` wide (always one cluster).
    auto bandStarts = [&](double limit) {
        std::vector<std::size_t> starts;
        double width = 0;
        for (std::size_t i = 0; i < clusters.size(); ++i) {
            const double gap = i == 0 ? 0 : gapBefore(i);
            if (starts.empty() || width + gap + clusters[i].width > limit) {
                starts.push_back(i);
                width = clusters[i].width;
            } else {
                width += gap + clusters[i].width;
            }
        }
        return starts;
    };
    // As many bands as the target width needs, then as narrow as that many bands can be, so
    // that the last band is not left with a lone cluster.
    std::vector<std::size_t> starts = bandStarts(targetWidth);
    double low = 0, high = targetWidth;
    for (const Cluster &cluster : clusters)
        low = std::max(low, cluster.width);
    for (int i = 0; i < 40 && high - low > 1; ++i) {
        const double mid = (low + high) / 2;
        (bandStarts(mid).size() <= starts.size() ? high : low) = mid;
    }
    if (!clusters.empty())
        starts = bandStarts(high);
    starts.push_back(clusters.size());

    double bandBottom = 0; // the lowest edge of the bands placed so far
    for (std::size_t band = 0; band + 1 < starts.size(); ++band) {
        const std::size_t first = starts[band];
        const std::size_t last = starts[band + 1] - 1;
        double above = 0, hubHeight = 0;
        for (std::size_t i = first; i <= last; ++i) {
            above = std::max(above, clusters[i].aboveHeight());
            hubHeight = std::max(hubHeight, sizes[clusters[i].hub].height());
        }
        // The first band's hubs sit on y = 0; later bands go below the lowest VNet so far.
        const double hubY = first == 0 ? 0 : bandBottom + bandGap + above;
        double cursorX = 0;
        for (std::size_t i = first; i <= last; ++i) {
            const Cluster &cluster = clusters[i];
            if (i > first)
                cursorX += gapBefore(i);
            const double centreX = cursorX + cluster.width / 2;
            Row hubRow;
            hubRow.add(cluster.hub, sizes[cluster.hub]);
            placeRow(hubRow, centreX, hubY, false);
            double y = hubY - rowGap;
            for (const Row &row : cluster.above) {
                placeRow(row, centreX, y, true);
                y -= row.height + rowGap;
            }
            y = hubY + hubHeight + rowGap;
            for (const Row &row : cluster.below) {
                placeRow(row, centreX, y, false);
                y += row.height + rowGap;
            }
            bandBottom = std::max(bandBottom, y - rowGap);
            bandBottom = std::max(bandBottom, hubY + hubHeight);
            cursorX += cluster.width;
        }
    }

    const double left = -edgeGap - Metrics::nodeWidth / 2;

    // Edge columns, ordered by the height of the VNet they attach to, then by name.
    struct EdgeNode
    {
        QString name;
        double attachY;
        int kind; // 0 a P2S client, 1 an on-premises site
    };
    auto gatewayY = [&](const QString &gatewayName) {
        const model::Gateway *gw = design.gateway(gatewayName);
        const auto it = gw ? vnetCentreY.find(gw->vnet) : vnetCentreY.end();
        return it == vnetCentreY.end() ? 0.0 : it->second;
    };
    // One column for both, so the design stays compact: a gateway's P2S clients, then its
    // on-premises sites, level with its VNet.
    std::vector<EdgeNode> nodes;
    for (const model::Client &client : design.clients)
        nodes.push_back({client.name, gatewayY(client.gateway), 0});
    for (const model::Gateway &gw : design.gateways) {
        for (const model::LocalNetwork &site : gw.localNetworks)
            nodes.push_back({site.name, gatewayY(gw.name), 1});
    }
    std::stable_sort(nodes.begin(), nodes.end(), [](const EdgeNode &a, const EdgeNode &b) {
        return std::tie(a.attachY, a.kind, a.name) < std::tie(b.attachY, b.kind, b.name);
    });

    // The nodes of one gateway are centred on its VNet, pushed down only as far as needed to
    // clear the nodes above them.
    const double step = Metrics::nodeHeight + 40;
    double y = top + Metrics::nodeHeight / 2 - step; // the centre of the node above
    for (std::size_t first = 0; first < nodes.size();) {
        std::size_t end = first;
        while (end < nodes.size() && nodes[end].attachY == nodes[first].attachY)
            ++end;
        const double wanted = nodes[first].attachY - double(end - first - 1) * step / 2;
        y = std::max(wanted, y + step);
        for (; first < end; ++first) {
            points.push_back({nodes[first].name, left, y});
            y += step;
        }
        y -= step;
    }
    // The Internet above the right end of the VNets.
    points.push_back({model::internetName(), std::max(0.0, right - Metrics::nodeWidth / 2),
                      top - rowGap - Metrics::nodeHeight / 2});
    // Whole units, so that positions survive a save and load exactly.
    for (model::LayoutPoint &p : points) {
        p.x = std::round(p.x);
        p.y = std::round(p.y);
    }
    return points;
}

} // namespace hopscope::layout
