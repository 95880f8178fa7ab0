#include "palette/PaletteActions.h"

#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "layout/FreeSpot.h"
#include "canvas/DesignScene.h"
#include "canvas/SceneItems.h"
#include "canvas/SceneStyle.h"

#include <QCoreApplication>

namespace hopscope::gui {

namespace {
// The palette's strings share the context "Palette" (lupdate reads it from Palette::tr).
struct Palette
{
    Q_DECLARE_TR_FUNCTIONS(Palette)
};

// The object a drop or the selection points at: a subnet id, a VNet name, a gateway name.
struct Target
{
    QString vnet;
    model::ObjectId subnet; // or null
    QString gateway;        // for clients and sites
};

Target targetAt(DesignScene *scene, std::optional<QPointF> scenePos)
{
    Target target;
    DesignItem *hit = nullptr;
    if (scenePos) {
        hit = scene->designItemAt(*scenePos);
    } else {
        const QList<model::ObjectId> selected = scene->selectedIds();
        if (!selected.isEmpty())
            hit = scene->item(selected.front());
    }
    const model::Design &d = scene->design();
    if (hit) {
        const model::ObjectId id = model::ObjectId::parse(hit->id()); // the item's key
        target.vnet = edit::vnetOf(d, id);
        if (id.is(model::ObjectId::Kind::Subnet))
            target.subnet = id;
        else if (const model::Vm *vm = d.vm(id.name()))
            target.subnet = model::ObjectId::parse(vm->subnet);
        if (d.gateway(id.name()))
            target.gateway = id.name();
        if (const model::Client *client = d.client(id.name()))
            target.gateway = client->gateway;
    }
    if (target.gateway.isEmpty() && !target.vnet.isEmpty()) {
        if (const model::Gateway *gw = d.gatewayIn(target.vnet))
            target.gateway = gw->name;
    }
    return target;
}

// The NSG entry: a new NSG associated with the subnet or VM NIC under the drop (or selected), as
// one undo step. Returns that subnet or VM, which stays on the canvas (the NSG has no item).
model::ObjectId associateSecurityGroup(DesignScene *scene, std::optional<QPointF> scenePos,
                                       QString *error)
{
    DesignItem *hit = nullptr;
    if (scenePos) {
        hit = scene->designItemAt(*scenePos);
    } else if (const QList<model::ObjectId> selected = scene->selectedIds(); !selected.isEmpty()) {
        hit = scene->item(selected.front());
    }
    const model::Design &d = scene->design();
    const model::ObjectId target = hit ? model::ObjectId::parse(hit->id()) : model::ObjectId();
    const model::Subnet *subnet =
        target.is(model::ObjectId::Kind::Subnet) ? d.subnet(target.qualifiedSubnet()) : nullptr;
    const model::Vm *vm = target.is(model::ObjectId::Kind::Object) ? d.vm(target.name()) : nullptr;
    if (!subnet && !vm) {
        *error =
            d.firewall(target.name()) || d.gateway(target.name())
                ? Palette::tr(
                      "Azure Firewalls and gateways take no NSG: drop it on a subnet or on a "
                      "VM, NVA or proxy.")
                : Palette::tr("Drop the NSG on a subnet or on a VM, NVA or proxy: it filters their "
                              "traffic.");
        return {};
    }
    // nsg.md N3.6: Azure refuses an NSG on GatewaySubnet and disables one on the firewall
    // subnets, so a drop there would only create a finding.
    if (subnet && (subnet->name == model::gatewaySubnetName() ||
                   subnet->name == model::firewallSubnetName() ||
                   subnet->name == u"AzureFirewallManagementSubnet")) {
        *error = Palette::tr(
                     "Azure does not filter %1 with an NSG: drop it on a workload subnet or a VM.")
                     .arg(subnet->name);
        return {};
    }
    const QString current = subnet ? subnet->networkSecurityGroup : vm->networkSecurityGroup;
    if (!current.isEmpty()) {
        scene->selectIds({target});
        *error = Palette::tr("%1 already has NSG %2: its rules are in the Properties panel.")
                     .arg(edit::describe(d, target), current);
        return {};
    }
    DesignDocument *document = scene->document();
    model::Design next = document->design();
    const model::ObjectId group = edit::addSecurityGroup(next, target);
    document->breakMergeChain();
    document->edit(
        Palette::tr("Add %1 to %2").arg(edit::describe(next, group), edit::describe(next, target)),
        [&](model::Design &design) { design = next; });
    scene->selectIds({target});
    return target;
}

// The scene rectangles of every top-level object: VNets and point nodes.
std::vector<QRectF> takenRects(DesignScene *scene)
{
    std::vector<QRectF> rects;
    for (QGraphicsItem *item : scene->items()) {
        if (item->type() != VnetItemType && item->type() != NodeItemType)
            continue;
        if (auto *d = dynamic_cast<DesignItem *>(item))
            rects.push_back(scene->sceneRectOf(d->id()));
    }
    return rects;
}
} // namespace

const std::vector<PaletteEntry> &paletteEntries()
{
    static const std::vector<PaletteEntry> entries = {
        {QStringLiteral("hub"), Palette::tr("Hub VNet"),
         Palette::tr("A hub VNet with the next free /16"), IconKind::Hub},
        {QStringLiteral("spoke"), Palette::tr("Spoke VNet"),
         Palette::tr("A spoke VNet with a workload subnet"),
         IconKind::Spoke},
        {QStringLiteral("subnet"), Palette::tr("Subnet"),
         Palette::tr("Drop into a VNet: the next free /24"),
         IconKind::Subnet},
        {QStringLiteral("firewall"), Palette::tr("Azure Firewall"),
         Palette::tr("Drop into a VNet: creates %1 (/%2) if needed")
             .arg(model::firewallSubnetName())
             .arg(edit::firewallSubnetLength),
         IconKind::Firewall},
        {QStringLiteral("gateway"), Palette::tr("VPN Gateway"),
         Palette::tr("Drop into a VNet: creates %1 (/%2) if needed")
             .arg(model::gatewaySubnetName())
             .arg(edit::gatewaySubnetLength),
         IconKind::VpnGateway},
        {QStringLiteral("vm"), Palette::tr("VM"),
         Palette::tr("Drop into a subnet"), IconKind::Vm},
        {QStringLiteral("nva"), Palette::tr("NVA"),
         Palette::tr("A VM with IP forwarding; drop into a subnet"),
         IconKind::Nva},
        {QStringLiteral("proxy"), Palette::tr("Proxy VM"),
         Palette::tr("A VM running a forward proxy on 3128"),
         IconKind::Proxy},
        {QStringLiteral("client"), Palette::tr("P2S client"),
         Palette::tr("A VPN client of a gateway (drop near it)"),
         IconKind::Client},
        {QStringLiteral("onprem"), Palette::tr("On-premises site"),
         Palette::tr("A local network reached through a gateway"), IconKind::OnPrem},
        {QStringLiteral("nsg"), Palette::tr("NSG"),
         Palette::tr("A network security group: drop it on a subnet or a VM to filter its traffic"),
         IconKind::SecurityGroup},
    };
    return entries;
}

const PaletteEntry *paletteEntry(const QString &kind)
{
    for (const PaletteEntry &e : paletteEntries()) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}

model::ObjectId createFromPalette(DesignScene *scene, const QString &kind,
                                  std::optional<QPointF> scenePos, QString *error)
{
    const PaletteEntry *entry = paletteEntry(kind);
    if (!entry) {
        *error = Palette::tr("Unknown palette entry %1.").arg(kind);
        return {};
    }
    if (kind == u"nsg")
        return associateSecurityGroup(scene, scenePos, error);
    const Target target = targetAt(scene, scenePos);
    DesignDocument *document = scene->document();
    model::ObjectId id;
    const bool vnetKind = kind == u"hub" || kind == u"spoke";
    const bool nodeKind = kind == u"client" || kind == u"onprem";
    std::optional<QPointF> position;
    const bool hasVnets = !scene->design().vnets.empty();
    if (vnetKind) {
        position = scenePos ? layout::vnetCornerForDrop(*scenePos)
                            : layout::vnetCornerBeside(scene->designBounds(), hasVnets);
    } else if (nodeKind) {
        position = scenePos ? *scenePos
                            : layout::nodeCentreBeside(scene->designBounds(), hasVnets);
    }

    // The change is made on a copy first: the undo text names the new object.
    model::Design next = document->design();
    auto add = [&](model::Design &d) {
        if (kind == u"hub")
            id = edit::addVnet(d, model::VnetRole::Hub, position, error);
        else if (kind == u"spoke")
            id = edit::addVnet(d, model::VnetRole::Spoke, position, error);
        else if (kind == u"subnet")
            id = edit::addSubnet(d, target.vnet, error);
        else if (kind == u"firewall")
            id = edit::addFirewall(d, target.vnet, error);
        else if (kind == u"gateway")
            id = edit::addGateway(d, target.vnet, error);
        else if (kind == u"vm" || kind == u"nva" || kind == u"proxy") {
            const layout::DeviceKind device = kind == u"vm"    ? layout::DeviceKind::Vm
                                              : kind == u"nva" ? layout::DeviceKind::Nva
                                                               : layout::DeviceKind::Proxy;
            id = edit::addVm(d, target.subnet.isNull() ? model::ObjectId::object(target.vnet)
                                                       : target.subnet,
                             device, error);
        } else if (kind == u"client")
            id = edit::addClient(d, target.gateway, position, error);
        else if (kind == u"onprem")
            id = edit::addSite(d, target.gateway, position, error);
    };
    add(next);
    if (id.isNull())
        return {};
    if (vnetKind && scenePos) {
        // A dropped VNet never lands on another container: it moves to the nearest free spot,
        // in the same step.
        const model::Vnet *vnet = next.vnet(id.name());
        const QPointF spot = layout::nearestFreeSpot(takenRects(scene),
                                                     layout::vnetBox(next, *vnet).size, *position);
        if (spot != *position) {
            position = spot;
            next = document->design();
            add(next);
        }
    }
    document->breakMergeChain();
    document->edit(Palette::tr("Add %1").arg(edit::describe(next, id)),
                   [&](model::Design &d) { d = next; });
    scene->selectIds({id});
    return id;
}

} // namespace hopscope::gui
