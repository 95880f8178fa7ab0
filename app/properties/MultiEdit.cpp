// The Properties panel for several selected objects (issue 16 point 9): the fields that make
// sense for all of them at once, each change one undo step over every object.

#include "properties/PropertiesPanel.h"

#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace hopscope::gui {

using namespace model;

void PropertiesPanel::showObjects(const QList<ObjectId> &ids)
{
    if (ids.size() < 2) {
        showObject(ids.isEmpty() ? ObjectId() : ids.front());
        return;
    }
    m_document->breakMergeChain();
    m_id.clear();
    m_several = ids;
    rebuild();
}

void PropertiesPanel::buildSeveral()
{
    const Design &d = m_document->design();
    QStringList vnets, subnets, vms;
    int others = 0;
    for (const ObjectId &id : std::as_const(m_several)) {
        if (id.is(ObjectId::Kind::Subnet) && d.subnet(id.qualifiedSubnet()))
            subnets << id.qualifiedSubnet();
        else if (id.is(ObjectId::Kind::Object) && d.vnet(id.name()))
            vnets << id.name();
        else if (id.is(ObjectId::Kind::Object) && d.vm(id.name()))
            vms << id.name();
        else
            ++others;
    }
    const int kinds = int(!vnets.isEmpty()) + int(!subnets.isEmpty()) + int(!vms.isEmpty());
    if (kinds != 1 || others > 0) {
        addSection(tr("%n objects selected", nullptr, int(m_several.size())),
                   tr("Select VNets only, subnets only or VMs only to edit a field of all of "
                      "them at once."));
        return;
    }
    const QString mixed = tr("(mixed)");
    // A combo of `options` showing the value all share, else "(mixed)"; choosing applies
    // `apply` to every object as one step named `what`.
    auto addSharedCombo = [&](QFormLayout *form, const QString &key, const QString &label,
                              const QStringList &options, const QStringList &values,
                              std::function<void(Design &, const QString &)> apply,
                              const QString &subject) {
        auto *combo = new QComboBox(m_content);
        combo->setObjectName(key);
        combo->addItems(options);
        const bool same = values.count(values.front()) == values.size();
        if (same) {
            combo->setCurrentText(values.front());
        } else {
            combo->insertItem(0, mixed);
            combo->setCurrentIndex(0);
        }
        form->addRow(label, combo);
        connect(combo, &QComboBox::textActivated, this,
                [this, apply, label, subject, mixed](const QString &text) {
                    if (text == mixed)
                        return;
                    m_document->breakMergeChain();
                    commit(tr("Set %1 of %2 to %3").arg(label.toLower(), subject, text),
                           [&](Design &design) { apply(design, text); }, QString());
                    scheduleRebuild();
                });
        return combo;
    };

    if (!vnets.isEmpty()) {
        const QString subject = tr("%n VNets", nullptr, int(vnets.size()));
        QFormLayout *form = addSection(subject, tr("A change applies to all of them, as one undo step."));
        QStringList roles, regions;
        for (const QString &n : std::as_const(vnets)) {
            roles << toString(d.vnet(n)->role);
            regions << d.vnet(n)->region;
        }
        addSharedCombo(form, QStringLiteral("role"), tr("Role"),
                       {toString(VnetRole::Hub), toString(VnetRole::Spoke), toString(VnetRole::Other)},
                       roles,
                       [vnets](Design &design, const QString &text) {
                           for (const QString &n : vnets)
                               if (Vnet *v = design.vnet(n))
                                   v->role = text == toString(VnetRole::Hub)     ? VnetRole::Hub
                                             : text == toString(VnetRole::Spoke) ? VnetRole::Spoke
                                                                                 : VnetRole::Other;
                       },
                       subject);
        auto *region = new QLineEdit(m_content);
        region->setObjectName(QStringLiteral("region"));
        const bool sameRegion = regions.count(regions.front()) == regions.size();
        region->setText(sameRegion ? regions.front() : QString());
        region->setPlaceholderText(sameRegion ? tr("e.g. japaneast") : mixed);
        form->addRow(tr("Region"), region);
        connect(region, &QLineEdit::editingFinished, this, [this, region, vnets, subject] {
            const QString text = region->text().trimmed();
            if (text.isEmpty() && region->placeholderText() != tr("e.g. japaneast"))
                return; // left mixed
            m_document->breakMergeChain();
            commit(tr("Set region of %1 to %2").arg(subject, text.isEmpty() ? tr("the default") : text),
                   [&](Design &design) {
                       for (const QString &n : vnets)
                           if (Vnet *v = design.vnet(n))
                               v->region = text;
                   },
                   QString());
            scheduleRebuild();
        });
    } else if (!subnets.isEmpty()) {
        const QString subject = tr("%n subnets", nullptr, int(subnets.size()));
        QFormLayout *form = addSection(subject, tr("A change applies to all of them, as one undo step."));
        const QString none = tr("(none)");
        QStringList options{none}, values;
        for (const RouteTable &t : d.routeTables)
            options << t.name;
        for (const QString &q : std::as_const(subnets)) {
            const QString table = d.subnet(q)->routeTable;
            values << (table.isEmpty() ? none : table);
        }
        addSharedCombo(form, QStringLiteral("routeTable"), tr("Route table"), options, values,
                       [subnets, none](Design &design, const QString &text) {
                           for (const QString &q : subnets)
                               if (Subnet *s = design.subnet(q))
                                   s->routeTable = text == none ? QString() : text;
                       },
                       subject);
    } else {
        const QString subject = tr("%n VMs", nullptr, int(vms.size()));
        QFormLayout *form = addSection(subject, tr("A change applies to all of them, as one undo step."));
        int forwarding = 0;
        for (const QString &n : std::as_const(vms))
            forwarding += d.vm(n)->enableIPForwarding ? 1 : 0;
        auto *check = new QCheckBox(tr("IP forwarding"), m_content);
        check->setObjectName(QStringLiteral("enableIPForwarding"));
        check->setTristate(forwarding > 0 && forwarding < vms.size());
        check->setCheckState(forwarding == 0             ? Qt::Unchecked
                             : forwarding == vms.size() ? Qt::Checked
                                                         : Qt::PartiallyChecked);
        form->addRow(QString(), check);
        connect(check, &QCheckBox::clicked, this, [this, check, vms, subject] {
            // A click on a mixed box turns forwarding on for all, the next one off.
            const bool on = check->checkState() != Qt::Unchecked;
            m_document->breakMergeChain();
            commit((on ? tr("Turn on “IP forwarding” for %1") : tr("Turn off “IP forwarding” for %1")).arg(subject),
                   [&](Design &design) {
                       for (const QString &n : vms)
                           if (Vm *vm = design.vm(n))
                               vm->enableIPForwarding = on;
                   },
                   QString());
            scheduleRebuild();
        });
    }
}

} // namespace hopscope::gui
