#pragma once

// The Properties dock: every field of format.md for the selected object, validated as it is
// typed (a refused value shows why and never reaches the design), each change one undo step
// (typing in one field merges). With nothing selected it shows the design itself and its
// route tables.

#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QTableView>

#include <functional>

class QComboBox;
class QDialog;
class QFormLayout;
class QVBoxLayout;

#include "model/Design.h"
#include "model/ObjectId.h"

namespace hopscope::gui {

class DesignDocument;
class FirewallRulesModel;
class RouteTableModel;
class RowsModel;
class SecurityRulesModel;
class ValidatedLineEdit;

class PropertiesPanel : public QScrollArea
{
    Q_OBJECT
public:
    explicit PropertiesPanel(DesignDocument *document, QWidget *parent = nullptr);

    // Shows `id`; the null id: the design.
    void showObject(const model::ObjectId &id);
    // Shows the fields that several selected objects of one kind share (issue 16 point 9): a
    // VNet's role and region, a subnet's route table, a VM's IP forwarding. A change applies to
    // every one of them as one undo step. One id: showObject().
    void showObjects(const QList<model::ObjectId> &ids);
    model::ObjectId shownObject() const { return model::ObjectId::parse(m_id); }

    RouteTableModel *routeModel() const { return m_routeModel; }
    QTableView *routeView() const { return m_routeView; }
    // The route table the editor shows ("" when none).
    QString shownRouteTable() const;
    // Fields are named after their format key ("addressPrefix", "name", ...).
    ValidatedLineEdit *textField(const QString &key) const;
    QString routeReason() const;
    // The security-rule editor of the NSG associated with the shown subnet or VM.
    SecurityRulesModel *securityRulesModel() const { return m_securityModel; }
    QTableView *securityRulesView() const { return m_securityView; }
    // "Larger View…": the rule editor of `group` in a window of its own, wide enough for every
    // column (the side panel scrolls sideways). Edits are the same undo steps. Deletes itself
    // when closed; nullptr when there is no such NSG.
    QDialog *openSecurityRulesWindow(const QString &group);

Q_SIGNALS:
    // A rename moved the shown object to a new id.
    void objectRenamed(const model::ObjectId &newId);
    void message(const QString &text);

private:
    using Apply = std::function<void(model::Design &, const QString &)>;
    using Validate = std::function<QString(const QString &)>;

    void scheduleRebuild();
    void rebuild();
    void commit(const QString &what, const std::function<void(model::Design &)> &change,
                const QString &mergeKey);

    QFormLayout *addSection(const QString &title, const QString &subtitle = QString());
    ValidatedLineEdit *addText(QFormLayout *form, const QString &key, const QString &label,
                               const QString &value, Validate validate, Apply apply,
                               bool commitOnFinish = false);
    // `subject` names what the check belongs to in the undo text; empty: the shown object.
    void addCheck(QFormLayout *form, const QString &key, const QString &label, bool value,
                  std::function<void(model::Design &, bool)> apply,
                  const QString &subject = QString());
    QComboBox *addCombo(QFormLayout *form, const QString &key, const QString &label,
                  const QStringList &options, const QString &value, Apply apply,
                  bool rebuildAfter = false);
    void addNameField(QFormLayout *form);
    // Shows `text` in the empty field `key`: an example of a valid value, or the default.
    void setExample(const QString &key, const QString &text);
    // "default: 10.1.1.4", the address a device in `subnet` gets when none is set.
    QString defaultIpText(const QString &subnet) const;
    void addRouteTableEditor(const QString &table);
    // "NSG": (none), "New NSG…" (creates one named after `base` and associates it), the NSGs.
    void addSecurityGroupChooser(QFormLayout *form, const QString &current, const QString &base,
                                 std::function<void(model::Design &, const QString &)> associate);
    void addSecurityRulesEditor(const QString &group);
    // With nothing selected: every NSG of the design, to choose, create, rename or delete, and
    // the chosen one's rule editor, each change one undo step.
    void addSecurityGroupManager();
    // A table of rows (routes, firewall rules) with add, remove and reorder buttons named
    // add<What>, remove<What>, move<What>Up/Down, and a label for refused edits.
    struct RowsEditor
    {
        QTableView *view;
        QLabel *reason;
    };
    // Into `layout` of `parent` (a window of its own), else into the panel.
    RowsEditor addRowsEditor(const QString &what, RowsModel *model, QWidget *parent = nullptr,
                             QVBoxLayout *layout = nullptr);

    void buildDesign();
    void buildVnet();
    void buildSubnet();
    void buildPeering();
    void buildFirewall();
    void buildGateway();
    void buildVm();
    void buildClient();
    void buildSite();
    void buildSeveral(); // MultiEdit.cpp

    DesignDocument *m_document;
    QString m_id; // the shown object, as model::ObjectId::toString(); empty: the design
    QList<model::ObjectId> m_several; // two or more objects edited together; m_id is empty then
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
    RouteTableModel *m_routeModel;
    FirewallRulesModel *m_ruleModel;
    SecurityRulesModel *m_securityModel;
    QPointer<QTableView> m_securityView;
    QPointer<QTableView> m_routeView;
    QPointer<QLabel> m_routeReason;
    QString m_designTable; // the table chosen in the design view
    QString m_designGroup; // the NSG chosen in the design view
    model::Firewall m_shownFirewall; // as built, without its rules
    bool m_committing = false;
    bool m_rebuildQueued = false;
};

} // namespace hopscope::gui
