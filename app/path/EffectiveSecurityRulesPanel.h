#pragma once

// The Effective Security Rules dock (issue 13): what Azure's portal shows on a NIC's or subnet's
// "effective security rules" view, for the subnet or VM selected on the canvas. Per associated
// NSG (the subnet's, then the NIC's), its inbound then its outbound rules as they are evaluated:
// custom rules by priority, then the six default rules (greyed). Service tags are expanded for
// the point as a walk expands them (nsg.md N2): a tag cell's tooltip and the line under the
// table list the prefixes of `VirtualNetwork` there. Read-only; computed by core's
// routing::effectiveSecurityGroups() on a copy of the design, only while the dock can be seen.

#include "model/ObjectId.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace hopscope::gui {

class DesignDocument;

class EffectiveSecurityRulesPanel : public QWidget
{
    Q_OBJECT
public:
    // The portal's columns, priority first as the rules are ordered by it.
    enum Column {
        PriorityColumn, NameColumn, SourceColumn, SourcePortsColumn, DestinationColumn,
        DestinationPortsColumn, ProtocolColumn, AccessColumn, ColumnCount
    };
    // Set on every row (one level, in this order per NSG: GroupRow, DirectionRow "Inbound
    // rules", its rules, DirectionRow "Outbound rules", its rules): what the row is.
    enum Role { RowKindRole = Qt::UserRole + 1, ExpandedRole };
    enum RowKind { GroupRow, DirectionRow, RuleRow, DefaultRuleRow };

    explicit EffectiveSecurityRulesPanel(DesignDocument *document, QWidget *parent = nullptr);

    // Shows the rules of `id` (a subnet, or a VM: its subnet's NSG and its NIC's); for anything
    // else says why there are none.
    void showObject(const model::ObjectId &id);

    QTreeWidget *tree() const { return m_tree; }
    QLabel *caption() const { return m_caption; }
    // "Service tags at …": the prefixes of VirtualNetwork (and AzureLoadBalancer) there.
    QLabel *serviceTags() const { return m_tags; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    DesignDocument *m_document;
    model::ObjectId m_id;
    QLabel *m_caption;
    QTreeWidget *m_tree;
    QLabel *m_tags;
    QTimer m_refresh; // coalesces a burst of edits into one computation
};

} // namespace hopscope::gui
