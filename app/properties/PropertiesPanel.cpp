#include "properties/PropertiesPanel.h"

#include "document/DesignDocument.h"
#include "edit/DesignEdits.h"
#include "format/ValueGrammar.h"
#include "properties/FirewallRulesModel.h"
#include "properties/RouteTableModel.h"
#include "properties/SecurityRulesModel.h"
#include "canvas/SceneStyle.h"
#include "properties/ValidatedLineEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hopscope::gui {

using namespace model;

namespace {

// Fields hold values in format.md's grammar (format/): a validator gets the text as typed, an
// apply function the trimmed text its validator accepted.

// Why `text` is not a list of prefixes; empty when it is. `allowEmpty` for optional lists.
QString whyNotPrefixes(const QString &text, bool allowEmpty)
{
    const format::Parsed<std::vector<Prefix>> prefixes = format::parsePrefixes(text.trimmed());
    if (!prefixes)
        return prefixes.error();
    return prefixes->empty() && !allowEmpty
               ? PropertiesPanel::tr("At least one address prefix is needed.")
               : QString();
}

QString whyNotPrefix(const QString &text) { return format::parsePrefix(text.trimmed()).error(); }

// Empty means "Azure's default"; otherwise an address.
QString whyNotOptionalIp(const QString &text)
{
    return text.trimmed().isEmpty() ? QString() : format::parseAddress(text.trimmed()).error();
}

std::optional<Ipv4Address> optionalIp(const QString &text)
{
    return text.isEmpty() ? std::nullopt : format::parseAddress(text).value();
}

QString ipText(const std::optional<Ipv4Address> &ip)
{
    return ip ? format::formatAddress(*ip) : QString();
}

// A field label inside a sentence: "Address space" → "address space", but "P2S client pool",
// "IP" and "SKU" keep their capitals.
QString inSentence(const QString &label)
{
    const QString word = label.section(u' ', 0, 0);
    const bool plainWord = std::all_of(word.begin() + 1, word.end(),
                                       [](QChar c) { return c.isLower(); });
    return plainWord ? label.left(1).toLower() + label.mid(1) : label;
}

// What a field shows when it is empty: an example of a valid value.
QString example(const QString &value) { return PropertiesPanel::tr("e.g. %1").arg(value); }

// A combo box of an enum offers its spellings, so what it gives back always parses.
template <typename Enum> Enum enumFrom(const QString &text)
{
    return *format::parseEnum<Enum>(text);
}

// Sizes the columns of a rows table whenever its rows or its width change: each column but the
// last to its contents, the last (next hop IP, ports) stretched over the rest. When the panel
// is too narrow for that, the name column gives up width first (its text elides, the full
// name stays in the editor), so that addresses are never cut.
class ColumnFitter : public QObject
{
public:
    // `nameColumn` is the one that gives up width first (0: routes and firewall rules; a
    // security rule's name comes after its priority).
    explicit ColumnFitter(QTableView *view, int nameColumn = 0)
        : QObject(view), m_view(view), m_name(nameColumn)
    {
        QHeaderView *header = view->horizontalHeader();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::Interactive);
        view->setTextElideMode(Qt::ElideRight);
        view->installEventFilter(this);
        view->viewport()->installEventFilter(this);
        QAbstractItemModel *model = view->model();
        const auto later = [this] { fitLater(); };
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::dataChanged, this, later);
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::rowsRemoved, this, later);
        fit();
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        // The viewport's width settles after the scroll bars do: fit now and once more after.
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show) {
            fit();
            fitLater();
        }
        return false;
    }

private:
    void fitLater()
    {
        if (!m_queued) {
            m_queued = true;
            QTimer::singleShot(0, this, [this] {
                m_queued = false;
                fit();
            });
        }
    }

    void fit()
    {
        QHeaderView *header = m_view->horizontalHeader();
        const int columns = m_view->model()->columnCount();
        if (columns == 0)
            return;
        const int last = columns - 1;
        // sizeHintForColumn() is public on QAbstractItemView, protected on QTableView.
        const QAbstractItemView *asView = m_view;
        std::vector<int> widths(columns);
        int total = 0;
        for (int c = 0; c < last; ++c) {
            widths[c] = std::max(asView->sizeHintForColumn(c), header->sectionSizeHint(c));
            total += widths[c];
        }
        const int available = m_view->viewport()->width();
        const int lastMinimum = std::max(header->sectionSizeHint(last), asView->sizeHintForColumn(last));
        const int excess = total + lastMinimum - available;
        if (excess > 0) {
            const int shrunk = std::max(widths[m_name] - excess, header->sectionSizeHint(m_name));
            total -= widths[m_name] - shrunk;
            widths[m_name] = shrunk;
        }
        widths[last] = std::max(lastMinimum, available - total);
        for (int c = 0; c < columns; ++c)
            header->resizeSection(c, widths[c]);
    }

    QTableView *m_view;
    int m_name;
    bool m_queued = false;
};

} // namespace

PropertiesPanel::PropertiesPanel(DesignDocument *document, QWidget *parent)
    : QScrollArea(parent), m_document(document), m_routeModel(new RouteTableModel(document, this)),
      m_ruleModel(new FirewallRulesModel(document, this)),
      m_securityModel(new SecurityRulesModel(document, this))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setMinimumWidth(320);
    // Rebuild when the shown object changes under us (undo, redo, another widget); the panel's
    // own edits set m_committing so that the field being typed in survives.
    auto concerned = [this](const QString &name) {
        if (m_committing)
            return;
        const ObjectId shown = ObjectId::parse(m_id);
        const QString vnet = shown.is(ObjectId::Kind::Subnet) ? shown.vnet() : QString();
        if (name == m_id || name == vnet || m_id.isEmpty())
            scheduleRebuild();
    };
    connect(document, &DesignDocument::objectChanged, this, [this, concerned](const QString &name) {
        // Rows of a route table or of the shown firewall's rules are their table model's
        // business: rebuilding would close the cell editor in use.
        const model::Design &d = m_document->design();
        if (d.routeTable(name) || d.networkSecurityGroup(name))
            return;
        if (const model::Firewall *fw = d.firewall(name); fw && name == m_id) {
            model::Firewall withoutRules = *fw;
            withoutRules.rules.clear();
            if (withoutRules == m_shownFirewall)
                return;
        }
        concerned(name);
    });
    connect(document, &DesignDocument::objectAdded, this, concerned);
    connect(document, &DesignDocument::objectRemoved, this, concerned);
    connect(document, &DesignDocument::designPropertiesChanged, this, [this] {
        if (!m_committing && m_id.isEmpty())
            scheduleRebuild();
    });
    connect(document, &DesignDocument::peeringsChanged, this, [this] {
        if (!m_committing && ObjectId::parse(m_id).is(ObjectId::Kind::Peering))
            scheduleRebuild();
    });
    connect(document, &DesignDocument::designReset, this, [this] { showObject({}); });
    rebuild();
}

void PropertiesPanel::showObject(const ObjectId &id)
{
    if (id.toString() != m_id)
        m_document->breakMergeChain(); // typing in another object's field is another step
    m_id = id.toString();
    m_several.clear();
    rebuild();
}

QString PropertiesPanel::shownRouteTable() const
{
    return m_routeView ? m_routeModel->table() : QString();
}

ValidatedLineEdit *PropertiesPanel::textField(const QString &key) const
{
    return m_content ? m_content->findChild<ValidatedLineEdit *>(key) : nullptr;
}

void PropertiesPanel::setExample(const QString &key, const QString &text)
{
    if (ValidatedLineEdit *edit = textField(key))
        edit->setPlaceholderText(text);
}

QString PropertiesPanel::defaultIpText(const QString &subnet) const
{
    const Subnet *s = m_document->design().subnet(subnet);
    return s ? tr("default: %1").arg(s->addressPrefix.firstUsableAzureHost().toString()) : QString();
}

QString PropertiesPanel::routeReason() const
{
    return m_routeReason && m_routeReason->isVisible() ? m_routeReason->text() : QString();
}

void PropertiesPanel::scheduleRebuild()
{
    // Deferred: the signal may come from inside a widget that a rebuild would delete.
    if (m_rebuildQueued)
        return;
    m_rebuildQueued = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildQueued) // else a rebuild already ran since
            rebuild();
    });
}

void PropertiesPanel::commit(const QString &what, const std::function<void(Design &)> &change,
                             const QString &mergeKey)
{
    m_committing = true;
    m_document->edit(what, change, mergeKey);
    m_committing = false;
}

void PropertiesPanel::rebuild()
{
    m_rebuildQueued = false;
    const int scroll = verticalScrollBar() ? verticalScrollBar()->value() : 0;
    if (m_content)
        m_content->deleteLater();
    m_content = new QWidget;
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(10, 10, 10, 10);
    m_layout->setSpacing(12);
    m_routeView.clear();
    m_routeReason.clear();
    m_securityView.clear();
    m_securityModel->setGroup(QString());

    const Design &d = m_document->design();
    if (m_several.size() > 1)
        buildSeveral();
    else if (m_id.isEmpty() || m_id == internetName())
        buildDesign();
    else if (d.vnet(m_id))
        buildVnet();
    else if (ObjectId::parse(m_id).is(ObjectId::Kind::Peering))
        buildPeering();
    else if (d.subnet(m_id))
        buildSubnet();
    else if (d.firewall(m_id))
        buildFirewall();
    else if (d.gateway(m_id))
        buildGateway();
    else if (d.vm(m_id))
        buildVm();
    else if (d.client(m_id))
        buildClient();
    else if (d.site(m_id))
        buildSite();
    else {
        m_id.clear();
        buildDesign();
    }
    m_layout->addStretch(1);
    setWidget(m_content);
    verticalScrollBar()->setValue(scroll);
}

QFormLayout *PropertiesPanel::addSection(const QString &title, const QString &subtitle)
{
    auto *heading = new QLabel(title, m_content);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    heading->setFont(font);
    m_layout->addWidget(heading);
    if (!subtitle.isEmpty()) {
        auto *sub = new QLabel(subtitle, m_content);
        sub->setWordWrap(true);
        sub->setForegroundRole(QPalette::PlaceholderText);
        m_layout->addWidget(sub);
    }
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    m_layout->addLayout(form);
    return form;
}

ValidatedLineEdit *PropertiesPanel::addText(QFormLayout *form, const QString &key,
                                            const QString &label, const QString &value,
                                            Validate validate, Apply apply, bool commitOnFinish)
{
    auto *edit = new ValidatedLineEdit(m_content);
    edit->setObjectName(key);
    edit->setText(value);
    edit->setValidator(std::move(validate));
    auto *reason = new QLabel(m_content);
    reason->setWordWrap(true);
    reason->setVisible(false);
    QPalette p = reason->palette();
    p.setColor(QPalette::WindowText, SceneStyle(palette()).error);
    reason->setPalette(p);
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(edit);
    box->addWidget(reason);
    form->addRow(label, box);

    connect(edit, &ValidatedLineEdit::validated, reason, [reason](const QString &why) {
        reason->setText(why);
        reason->setVisible(!why.isEmpty());
    });
    const QString id = m_id;
    const bool isName = key == u"name" || key == u"routeTableName" ||
                        key == u"securityGroupName" || key == u"designName";
    auto run = [this, edit, apply, id, key, label, isName] {
        const QString text = edit->text().trimmed();
        const QString subject = edit::describe(m_document->design(), ObjectId::parse(id));
        const QString what = isName ? tr("Rename %1 to %2").arg(subject, text)
                                    : tr("Change %1 of %2").arg(inSentence(label), subject);
        commit(what, [&](Design &d) { apply(d, text); }, id + u':' + key);
    };
    if (commitOnFinish) {
        edit->setCommittedText(value); // Esc puts it back before anything is committed
        connect(edit, &QLineEdit::editingFinished, this, [edit, value, run] {
            if (edit->isAcceptable() && edit->text().trimmed() != value)
                run();
        });
    } else {
        connect(edit, &QLineEdit::textEdited, this, [edit, run] {
            if (edit->isAcceptable())
                run();
        });
    }
    return edit;
}

void PropertiesPanel::addCheck(QFormLayout *form, const QString &key, const QString &label,
                               bool value, std::function<void(Design &, bool)> apply,
                               const QString &subject)
{
    auto *check = new QCheckBox(label, m_content);
    check->setObjectName(key);
    check->setChecked(value);
    form->addRow(QString(), check);
    const QString id = m_id;
    connect(check, &QCheckBox::toggled, this, [this, apply, id, label, subject](bool on) {
        m_document->breakMergeChain();
        const QString what =
            subject.isEmpty() ? edit::describe(m_document->design(), ObjectId::parse(id)) : subject;
        commit((on ? tr("Turn on “%1” for %2") : tr("Turn off “%1” for %2")).arg(label, what),
               [&](Design &d) { apply(d, on); }, QString());
        scheduleRebuild();
    });
}

QComboBox *PropertiesPanel::addCombo(QFormLayout *form, const QString &key, const QString &label,
                               const QStringList &options, const QString &value, Apply apply,
                               bool rebuildAfter)
{
    auto *combo = new QComboBox(m_content);
    combo->setObjectName(key);
    combo->addItems(options);
    combo->setCurrentText(value);
    form->addRow(label, combo);
    const QString id = m_id;
    connect(combo, &QComboBox::textActivated, this,
            [this, apply, id, label, rebuildAfter](const QString &text) {
                m_document->breakMergeChain();
                const QString subject = edit::describe(m_document->design(), ObjectId::parse(id));
                // A choice that is a command ("New route table…") names itself.
                const QString what =
                    text.endsWith(u'…') ? tr("%1 for %2").arg(text.chopped(1), subject)
                                        : tr("Set %1 of %2 to %3").arg(inSentence(label), subject, text);
                commit(what, [&](Design &d) { apply(d, text); }, QString());
                if (rebuildAfter)
                    scheduleRebuild();
            });
    return combo;
}

void PropertiesPanel::addNameField(QFormLayout *form)
{
    const ObjectId id = ObjectId::parse(m_id);
    addText(
        form, QStringLiteral("name"), tr("Name"), id.name(),
        [this, id](const QString &text) {
            return edit::whyNotName(m_document->design(), id, text.trimmed());
        },
        [this, id](Design &d, const QString &text) {
            edit::rename(d, id, text);
            const ObjectId newId = id.is(ObjectId::Kind::Subnet) ? ObjectId::subnet(id.vnet(), text)
                                                                 : ObjectId::object(text);
            QTimer::singleShot(0, this, [this, newId] {
                m_id = newId.toString();
                Q_EMIT objectRenamed(newId);
            });
        },
        true);
}

void PropertiesPanel::addRouteTableEditor(const QString &table)
{
    const RouteTable *t = m_document->design().routeTable(table);
    if (!t)
        return;
    QFormLayout *form = addSection(tr("Route table %1").arg(table),
                                   tr("User-defined routes; the longest matching prefix wins."));
    const QString keep = m_id;
    m_id = table; // the fields below edit the table
    addText(
        form, QStringLiteral("routeTableName"), tr("Name"), table,
        [this, table](const QString &text) {
            return edit::whyNotName(m_document->design(), ObjectId::object(table), text.trimmed());
        },
        [this, table](Design &d, const QString &text) {
            edit::rename(d, ObjectId::object(table), text);
            if (m_designTable == table)
                m_designTable = text;
            scheduleRebuild();
        },
        true);
    addCheck(form, QStringLiteral("disableBgpRoutePropagation"),
             tr("Disable gateway route propagation"), t->disableBgpRoutePropagation,
             [table](Design &d, bool on) {
                 if (RouteTable *rt = d.routeTable(table))
                     rt->disableBgpRoutePropagation = on;
             });
    m_id = keep;

    m_routeModel->setTable(table);
    const RowsEditor editor = addRowsEditor(
        QStringLiteral("Route"), m_routeModel);
    m_routeView = editor.view;
    m_routeReason = editor.reason;
}

void PropertiesPanel::addSecurityGroupChooser(
    QFormLayout *form, const QString &current, const QString &base,
    std::function<void(Design &, const QString &)> associate)
{
    const Design &design = m_document->design();
    // As the route-table chooser: "New NSG…" second under "(none)", the NSGs after a separator.
    const QString newGroup = tr("New NSG…");
    QStringList groups{tr("(none)"), newGroup};
    for (const NetworkSecurityGroup &g : design.networkSecurityGroups)
        groups << g.name;
    QComboBox *chooser = addCombo(
        form, QStringLiteral("networkSecurityGroup"), tr("NSG"), groups,
        current.isEmpty() ? groups.front() : current,
        [associate, newGroup, base, none = groups.front()](Design &d, const QString &text) {
            if (text == newGroup) {
                NetworkSecurityGroup group;
                group.name = edit::uniqueName(d, QStringLiteral("nsg-%1").arg(base.toLower()));
                d.networkSecurityGroups.push_back(group);
                associate(d, group.name);
            } else {
                associate(d, text == none ? QString() : text);
            }
        },
        true);
    chooser->setToolTip(tr("The network security group whose rules filter traffic here."));
    if (!design.networkSecurityGroups.empty())
        chooser->insertSeparator(2);
}

void PropertiesPanel::addSecurityRulesEditor(const QString &group)
{
    if (!m_document->design().networkSecurityGroup(group))
        return;
    addSection(tr("NSG %1").arg(group),
               tr("Security rules; the lowest priority number that matches decides. The "
                  "default rules (grey) apply after them."));
    m_securityModel->setGroup(group);
    const RowsEditor editor = addRowsEditor(QStringLiteral("SecurityRule"), m_securityModel);
    editor.view->setMinimumHeight(260);
    m_securityView = editor.view;
    // Nine columns outgrow a side panel: the same editor, wide enough for all of them.
    auto *larger = new QPushButton(tr("Larger View…"), m_content);
    larger->setObjectName(QStringLiteral("securityRulesLargerView"));
    larger->setToolTip(tr("Edit the rules of %1 in a window that shows every column").arg(group));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(larger);
    m_layout->addLayout(row);
    connect(larger, &QPushButton::clicked, this, [this, group] { openSecurityRulesWindow(group); });
}

QDialog *PropertiesPanel::openSecurityRulesWindow(const QString &group)
{
    if (!m_document->design().networkSecurityGroup(group))
        return nullptr;
    auto *dialog = new QDialog(window());
    dialog->setObjectName(QStringLiteral("securityRulesWindow"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Security rules of %1").arg(group));
    auto *layout = new QVBoxLayout(dialog);
    auto *note = new QLabel(tr("The lowest priority number that matches decides. The default "
                               "rules (grey) apply after the custom ones and cannot be changed."),
                            dialog);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    // A model of its own: the panel's follows whatever the panel shows next.
    auto *model = new SecurityRulesModel(m_document, dialog);
    model->setGroup(group);
    const RowsEditor editor = addRowsEditor(QStringLiteral("SecurityRule"), model, dialog, layout);
    editor.view->setMinimumHeight(300);
    // Every column at its natural width, within reason.
    const QAbstractItemView *asView = editor.view;
    int width = 0;
    for (int c = 0; c < model->columnCount(); ++c)
        width += std::max(asView->sizeHintForColumn(c),
                          editor.view->horizontalHeader()->sectionSizeHint(c));
    width += 2 * editor.view->frameWidth() + layout->contentsMargins().left() +
             layout->contentsMargins().right() + 24;
    dialog->resize(std::min(width, 1400), 460);
    dialog->show();
    return dialog;
}

PropertiesPanel::RowsEditor PropertiesPanel::addRowsEditor(const QString &what, RowsModel *model,
                                                           QWidget *parent, QVBoxLayout *layout)
{
    if (!parent) {
        parent = m_content;
        layout = m_layout;
    }
    auto *view = new QTableView(parent);
    view->setObjectName(what.toLower() + QStringLiteral("View"));
    view->setModel(model);
    view->setItemDelegate(new RowsDelegate(model, view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->setMinimumHeight(160);
    view->setAlternatingRowColors(true);
    new ColumnFitter(view, qobject_cast<SecurityRulesModel *>(model)
                               ? int(SecurityRulesModel::NameColumn)
                               : 0);
    layout->addWidget(view);

    auto *reason = new QLabel(parent);
    reason->setObjectName(what.toLower() + QStringLiteral("Reason"));
    reason->setWordWrap(true);
    reason->setVisible(false);
    QPalette p = reason->palette();
    p.setColor(QPalette::WindowText, SceneStyle(palette()).error);
    reason->setPalette(p);
    layout->addWidget(reason);
    // Both models announce refusals with rejected(reason); an empty reason hides the label.
    connect(model, &RowsModel::rejected, reason, [reason](const QString &text) {
        reason->setText(text);
        reason->setVisible(!text.isEmpty());
    });

    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(parent);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    QToolButton *addButton = button(QStringLiteral("add") + what, tr("+ Add"),
                                    tr("Add a row after the last"));
    QToolButton *removeButton = button(QStringLiteral("remove") + what, tr("Remove"),
                                       tr("Remove the selected row"));
    QToolButton *up = button(QStringLiteral("move") + what + QStringLiteral("Up"), tr("↑"),
                             tr("Move up: earlier rows are evaluated first"));
    QToolButton *down = button(QStringLiteral("move") + what + QStringLiteral("Down"), tr("↓"),
                               tr("Move down"));
    buttons->addStretch(1);
    layout->addLayout(buttons);
    auto currentRow = [view] {
        return view->currentIndex().isValid() ? view->currentIndex().row() : -1;
    };
    connect(addButton, &QToolButton::clicked, this, [view, model] {
        const int row = model->addEntry();
        if (row >= 0) {
            view->setCurrentIndex(model->index(row, 1));
            view->edit(view->currentIndex());
        }
    });
    connect(removeButton, &QToolButton::clicked, this,
            [model, currentRow] { model->removeEntry(currentRow()); });
    connect(up, &QToolButton::clicked, this, [view, model, currentRow] {
        const int row = currentRow();
        model->moveEntry(row, -1);
        if (row > 0)
            view->setCurrentIndex(model->index(row - 1, 0));
    });
    connect(down, &QToolButton::clicked, this, [view, model, currentRow] {
        const int row = currentRow();
        model->moveEntry(row, 1);
        if (row >= 0 && row + 1 < model->rowCount())
            view->setCurrentIndex(model->index(row + 1, 0));
    });
    return {view, reason};
}

// ---- the design

void PropertiesPanel::buildDesign()
{
    const Design &d = m_document->design();
    QFormLayout *form = addSection(tr("Design"), tr("Select an object on the canvas to edit it."));
    addText(form, QStringLiteral("designName"), tr("Name"), d.name,
            [](const QString &) { return QString(); },
            [](Design &design, const QString &text) { design.name = text; });
    QFormLayout *settings = addSection(tr("Settings"), tr("Points Azure's documentation leaves open."));
    QComboBox *noneRoutes = addCombo(
        settings, QStringLiteral("noneRoutesRemovedByDefaultUdr"), tr("0/0 UDR lifts private drops"),
        format::spellings<NoneRoutesRemoval>(),
        format::formatEnum(d.settings.noneRoutesRemovedByDefaultUdr),
        [](Design &design, const QString &text) {
            design.settings.noneRoutesRemovedByDefaultUdr = enumFrom<NoneRoutesRemoval>(text);
        });
    // What the setting decides is computed by core/routing/EffectiveRoutes (removesNoneRoutes).
    const QString noneRoutesTip =
        tr("<p>Azure drops traffic to the private ranges 10.0.0.0/8, 172.16.0.0/12, "
           "192.168.0.0/16 and 100.64.0.0/10 with <i>None</i> system routes, unless a VNet or "
           "peering covers it. A user route for 0.0.0.0/0 in the subnet's route table removes "
           "those drops, so such traffic follows the 0/0 route instead.</p>"
           "<p>Azure documents this for a 0/0 route to a virtual appliance only. Choose which "
           "0/0 user routes remove them here: <b>any</b> (default), "
           "<b>virtualApplianceOnly</b>, or <b>never</b>.</p>");
    noneRoutes->setToolTip(noneRoutesTip);
    if (QWidget *label = settings->labelForField(noneRoutes))
        label->setToolTip(noneRoutesTip);
    addCombo(settings, QStringLiteral("p2sInternetBreakout"), tr("P2S Internet breakout"),
             format::spellings<P2sInternetBreakout>(),
             format::formatEnum(d.settings.p2sInternetBreakout),
             [](Design &design, const QString &text) {
                 design.settings.p2sInternetBreakout = enumFrom<P2sInternetBreakout>(text);
             });

    QFormLayout *tables = addSection(tr("Route tables"));
    QStringList names;
    for (const RouteTable &t : d.routeTables)
        names << t.name;
    if (!names.contains(m_designTable))
        m_designTable = names.isEmpty() ? QString() : names.front();
    auto *chooser = new QComboBox(m_content);
    chooser->setObjectName(QStringLiteral("routeTableChooser"));
    chooser->addItems(names);
    chooser->setCurrentText(m_designTable);
    auto *newTable = new QPushButton(tr("New Table"), m_content);
    auto *row = new QHBoxLayout;
    row->addWidget(chooser, 1);
    row->addWidget(newTable);
    tables->addRow(tr("Table"), row);
    connect(chooser, &QComboBox::textActivated, this, [this](const QString &name) {
        m_designTable = name;
        scheduleRebuild();
    });
    connect(newTable, &QPushButton::clicked, this, [this] {
        m_document->breakMergeChain();
        Design next = m_document->design();
        const QString name = edit::addRouteTable(next).name();
        commit(tr("Add route table %1").arg(name), [&](Design &design) { design = next; },
               QString());
        m_designTable = name;
        scheduleRebuild();
    });
    if (!m_designTable.isEmpty())
        addRouteTableEditor(m_designTable);
    addSecurityGroupManager();
}

void PropertiesPanel::addSecurityGroupManager()
{
    // Every NSG of the design, associated or not: choose, create, rename, delete, edit rules.
    const Design &d = m_document->design();
    QFormLayout *form = addSection(
        tr("Network security groups"),
        tr("Drop an NSG from the palette on a subnet or VM to add one there."));
    QStringList names;
    for (const NetworkSecurityGroup &g : d.networkSecurityGroups)
        names << g.name;
    if (!names.contains(m_designGroup))
        m_designGroup = names.isEmpty() ? QString() : names.front();
    auto *chooser = new QComboBox(m_content);
    chooser->setObjectName(QStringLiteral("securityGroupChooser"));
    chooser->addItems(names);
    chooser->setCurrentText(m_designGroup);
    auto *newGroup = new QPushButton(tr("New NSG"), m_content);
    newGroup->setObjectName(QStringLiteral("newSecurityGroup"));
    auto *deleteGroup = new QPushButton(tr("Delete"), m_content);
    deleteGroup->setObjectName(QStringLiteral("deleteSecurityGroup"));
    deleteGroup->setEnabled(!m_designGroup.isEmpty());
    deleteGroup->setToolTip(tr("Delete the NSG; the subnets and NICs that had it have none"));
    auto *row = new QHBoxLayout;
    row->addWidget(chooser, 1);
    row->addWidget(newGroup);
    row->addWidget(deleteGroup);
    form->addRow(tr("NSG"), row);
    connect(chooser, &QComboBox::textActivated, this, [this](const QString &name) {
        m_designGroup = name;
        scheduleRebuild();
    });
    connect(newGroup, &QPushButton::clicked, this, [this] {
        m_document->breakMergeChain();
        Design next = m_document->design();
        const QString name = edit::addSecurityGroup(next).name();
        commit(tr("Add NSG %1").arg(name), [&](Design &design) { design = next; }, QString());
        m_designGroup = name;
        scheduleRebuild();
    });
    connect(deleteGroup, &QPushButton::clicked, this, [this] {
        const QString name = m_designGroup;
        if (!m_document->design().networkSecurityGroup(name))
            return;
        m_document->breakMergeChain();
        commit(tr("Delete NSG %1").arg(name),
               [&](Design &design) { edit::remove(design, {ObjectId::object(name)}); }, QString());
        m_designGroup.clear();
        scheduleRebuild();
    });
    if (m_designGroup.isEmpty())
        return;

    const QString group = m_designGroup;
    const QString keep = m_id;
    m_id = group; // the name field below edits the NSG
    addText(
        form, QStringLiteral("securityGroupName"), tr("Name"), group,
        [this, group](const QString &text) {
            return edit::whyNotName(m_document->design(), ObjectId::object(group), text.trimmed());
        },
        [this, group](Design &design, const QString &text) {
            edit::rename(design, ObjectId::object(group), text);
            m_designGroup = text;
            scheduleRebuild();
        },
        true);
    m_id = keep;
    QStringList users;
    for (const Vnet &v : d.vnets)
        for (const Subnet &s : v.subnets)
            if (s.networkSecurityGroup == group)
                users << qualifiedSubnetName(v.name, s.name);
    for (const Vm &vm : d.vms)
        if (vm.networkSecurityGroup == group)
            users << tr("%1 (NIC)").arg(vm.name);
    auto *usedBy = new QLabel(users.isEmpty() ? tr("Not associated with any subnet or NIC.")
                                              : users.join(QStringLiteral(", ")),
                              m_content);
    usedBy->setObjectName(QStringLiteral("securityGroupUsers"));
    usedBy->setWordWrap(true);
    form->addRow(tr("Used by"), usedBy);
    addSecurityRulesEditor(group);
}

// ---- objects

void PropertiesPanel::buildVnet()
{
    const Vnet &v = *m_document->design().vnet(m_id);
    const QString id = m_id;
    QFormLayout *form = addSection(tr("Virtual network"), format::formatPrefixes(v.addressSpace));
    addNameField(form);
    addCombo(form, QStringLiteral("role"), tr("Role"), format::spellings<VnetRole>(),
             format::formatEnum(v.role),
             [id](Design &d, const QString &text) { d.vnet(id)->role = enumFrom<VnetRole>(text); });
    addText(form, QStringLiteral("region"), tr("Region"), v.region,
            [](const QString &) { return QString(); },
            [id](Design &d, const QString &text) { d.vnet(id)->region = text; });
    addText(form, QStringLiteral("addressSpace"), tr("Address space"),
            format::formatPrefixes(v.addressSpace),
            [](const QString &text) { return whyNotPrefixes(text, false); },
            [id](Design &d, const QString &text) { d.vnet(id)->addressSpace = *format::parsePrefixes(text); });
    setExample(QStringLiteral("region"), example(QStringLiteral("westeurope")));
    const std::optional<Prefix> freeSpace = edit::nextFreeAddressSpace(m_document->design());
    setExample(QStringLiteral("addressSpace"),
               example(freeSpace ? freeSpace->toString() : QStringLiteral("10.1.0.0/16")));
    auto *hint = new QLabel(tr("%n subnet(s). Drop a Subnet from the palette to add one; "
                               "Delete removes the selection.",
                               nullptr, int(v.subnets.size())),
                            m_content);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(hint);
}

void PropertiesPanel::buildSubnet()
{
    const Design &design = m_document->design();
    const Subnet &s = *design.subnet(m_id);
    const QString id = m_id;
    QFormLayout *form = addSection(tr("Subnet"), id);
    addNameField(form);
    addText(form, QStringLiteral("addressPrefix"), tr("Address prefix"),
            format::formatPrefix(s.addressPrefix),
            whyNotPrefix,
            [this, id](Design &d, const QString &text) {
                // Its devices move with it (issue 16), from where they sat when typing began,
                // in the same undo step as the prefix.
                edit::setSubnetPrefix(
                    d, ObjectId::parse(id), *format::parsePrefix(text),
                    &m_document->gestureStart(id + QStringLiteral(":addressPrefix")));
            });
    const std::optional<Prefix> freeSubnet =
        edit::freeSubnetPrefix(*design.vnet(ObjectId::parse(id).vnet()), 24);
    setExample(QStringLiteral("addressPrefix"),
               example(freeSubnet ? freeSubnet->toString() : QStringLiteral("10.1.2.0/24")));
    // "New route table…" keeps its place, second under "(none)", however many tables there
    // are (issue 16); the tables follow a separator.
    const QString newTable = tr("New route table…");
    QStringList tables{tr("(none)"), newTable};
    for (const RouteTable &t : design.routeTables)
        tables << t.name;
    QComboBox *chooser = addCombo(form, QStringLiteral("routeTable"), tr("Route table"), tables,
             s.routeTable.isEmpty() ? tables.front() : s.routeTable,
             [id, newTable, none = tables.front()](Design &d, const QString &text) {
                 if (text == newTable)
                     edit::addRouteTable(d, ObjectId::parse(id));
                 else
                     d.subnet(id)->routeTable = text == none ? QString() : text;
             },
             true);
    if (!design.routeTables.empty())
        chooser->insertSeparator(2);
    // Named as a new route table is: after its VNet and subnet (nsg-spoke-1-workload).
    addSecurityGroupChooser(form, s.networkSecurityGroup,
                            ObjectId::parse(id).vnet() + u'-' + ObjectId::parse(id).name(),
                            [id](Design &d, const QString &group) {
                                d.subnet(id)->networkSecurityGroup = group;
                            });
    if (!s.routeTable.isEmpty())
        addRouteTableEditor(s.routeTable);
    if (!s.networkSecurityGroup.isEmpty())
        addSecurityRulesEditor(s.networkSecurityGroup);
}

void PropertiesPanel::buildPeering()
{
    const auto [a, b] = ObjectId::parse(m_id).peers();
    const Design &design = m_document->design();
    Design withSettings = design;
    QString why, summary;
    if (edit::applyHubSpokeSettings(withSettings, a, b, &why, &summary)) {
        // One click for what a hub-and-spoke peering needs beyond Azure's defaults.
        addSection(tr("Hub and spoke"));
        auto *use = new QPushButton(tr("Use Hub-and-Spoke Settings"), m_content);
        use->setObjectName(QStringLiteral("useHubSpokeSettings"));
        const bool changes = !(withSettings == design);
        use->setEnabled(changes);
        auto *note = new QLabel(changes ? summary : tr("Already in use. %1").arg(summary), m_content);
        note->setObjectName(QStringLiteral("hubSpokeSummary"));
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        auto *row = new QHBoxLayout;
        row->addWidget(use);
        row->addStretch(1);
        m_layout->addLayout(row);
        m_layout->addWidget(note);
        const QString id = m_id;
        connect(use, &QPushButton::clicked, this, [this, a, b, id] {
            m_document->breakMergeChain();
            QString ignored;
            commit(tr("Use hub-and-spoke settings for %1")
                       .arg(edit::describe(m_document->design(), ObjectId::parse(id))),
                   [&](Design &d) { edit::applyHubSpokeSettings(d, a, b, &ignored); }, QString());
            scheduleRebuild();
        });
    }
    for (const auto &[from, to] : {std::pair(a, b), std::pair(b, a)}) {
        const Peering *it = design.peering(from, to);
        QFormLayout *form = addSection(tr("Peering %1 → %2").arg(from, to));
        if (!it) {
            auto *missing = new QPushButton(tr("Create this direction (Azure needs both)"), m_content);
            form->addRow(missing);
            connect(missing, &QPushButton::clicked, this, [this, from, to] {
                m_document->breakMergeChain();
                commit(tr("Add %1").arg(edit::describePeering(from, to)),
                       [&](Design &d) { d.peerings.push_back({from, to}); }, QString());
                scheduleRebuild();
            });
            continue;
        }
        auto flag = [&](const QString &key, const QString &label, bool Peering::*member) {
            addCheck(
                form, key + u'.' + from, label, (*it).*member,
                [from, to, member](Design &d, bool on) {
                    for (Peering &p : d.peerings) {
                        if (p.from == from && p.to == to)
                            p.*member = on;
                    }
                },
                edit::describePeering(from, to));
        };
        flag(QStringLiteral("allowVirtualNetworkAccess"), tr("Allow virtual network access"),
             &Peering::allowVirtualNetworkAccess);
        flag(QStringLiteral("allowForwardedTraffic"), tr("Allow forwarded traffic"),
             &Peering::allowForwardedTraffic);
        flag(QStringLiteral("allowGatewayTransit"), tr("Allow gateway transit"),
             &Peering::allowGatewayTransit);
        flag(QStringLiteral("useRemoteGateways"), tr("Use remote gateways"),
             &Peering::useRemoteGateways);
    }
}

void PropertiesPanel::buildFirewall()
{
    const Firewall &fw = *m_document->design().firewall(m_id);
    const QString id = m_id;
    m_shownFirewall = fw;
    m_shownFirewall.rules.clear();
    QFormLayout *form = addSection(tr("Azure Firewall"), fw.subnet);
    addNameField(form);
    addText(form, QStringLiteral("privateIp"), tr("Private IP"), ipText(fw.privateIp),
            whyNotOptionalIp,
            [id](Design &d, const QString &text) { d.firewall(id)->privateIp = optionalIp(text); });
    setExample(QStringLiteral("privateIp"), defaultIpText(fw.subnet));
    addCheck(form, QStringLiteral("managementNic"), tr("Management NIC (forced tunnelling)"),
             fw.managementNic,
             [id](Design &d, bool on) { d.firewall(id)->managementNic = on; });
    addCheck(form, QStringLiteral("allowAll"), tr("Allow all traffic (rules: allowAll)"), fw.allowAll,
             [id](Design &d, bool on) { d.firewall(id)->allowAll = on; });
    if (!fw.allowAll) {
        addSection(tr("Rules"), tr("The first rule that matches decides; no match denies."));
        m_ruleModel->setFirewall(id);
        addRowsEditor(QStringLiteral("Rule"), m_ruleModel);
    }
}

void PropertiesPanel::buildGateway()
{
    const Gateway &gw = *m_document->design().gateway(m_id);
    const QString id = m_id;
    QFormLayout *form = addSection(tr("Virtual network gateway"), tr("In %1").arg(layout::subnetOfGateway(gw)));
    addNameField(form);
    addCombo(form, QStringLiteral("type"), tr("Type"), format::spellings<GatewayType>(),
             format::formatEnum(gw.type),
             [id](Design &d, const QString &text) {
                 d.gateway(id)->type = enumFrom<GatewayType>(text);
             });
    addText(form, QStringLiteral("sku"), tr("SKU"), gw.sku,
            [](const QString &text) {
                return text.trimmed().isEmpty() ? tr("A SKU is needed (VpnGw1 …).") : QString();
            },
            [id](Design &d, const QString &text) { d.gateway(id)->sku = text; });
    addText(form, QStringLiteral("vpnClientAddressPool"), tr("P2S client pool"),
            format::formatPrefixes(gw.vpnClientAddressPool),
            [](const QString &text) { return whyNotPrefixes(text, true); },
            [id](Design &d, const QString &text) {
                d.gateway(id)->vpnClientAddressPool = *format::parsePrefixes(text);
            });
    addText(form, QStringLiteral("customRoutes"), tr("Custom routes"),
            format::formatPrefixes(gw.customRoutes),
            [](const QString &text) { return whyNotPrefixes(text, true); },
            [id](Design &d, const QString &text) {
                d.gateway(id)->customRoutes = *format::parsePrefixes(text);
            });
    setExample(QStringLiteral("sku"), example(QStringLiteral("VpnGw1")));
    setExample(QStringLiteral("vpnClientAddressPool"), example(QStringLiteral("172.16.16.0/24")));
    setExample(QStringLiteral("customRoutes"), example(QStringLiteral("10.0.0.0/8, 192.168.0.0/16")));
}

void PropertiesPanel::buildVm()
{
    const Design &design = m_document->design();
    const Vm &vm = *design.vm(m_id);
    const QString id = m_id;
    QFormLayout *form = addSection(vm.proxy ? tr("Proxy VM") : vm.enableIPForwarding ? tr("NVA") : tr("Virtual machine"));
    addNameField(form);
    QStringList subnets;
    for (const ObjectId &subnet : edit::subnetsForVms(design))
        subnets << subnet.qualifiedSubnet();
    addCombo(form, QStringLiteral("subnet"), tr("Subnet"), subnets, vm.subnet,
             [id](Design &d, const QString &text) { d.vm(id)->subnet = text; });
    addText(form, QStringLiteral("privateIp"), tr("Private IP"), ipText(vm.privateIp), whyNotOptionalIp,
            [id](Design &d, const QString &text) { d.vm(id)->privateIp = optionalIp(text); });
    setExample(QStringLiteral("privateIp"), defaultIpText(vm.subnet));
    addCheck(form, QStringLiteral("enableIPForwarding"), tr("IP forwarding (NVA)"), vm.enableIPForwarding,
             [id](Design &d, bool on) { d.vm(id)->enableIPForwarding = on; });
    addCheck(form, QStringLiteral("stateful"), tr("Stateful (tracks sessions)"), vm.stateful,
             [id](Design &d, bool on) { d.vm(id)->stateful = on; });
    addCombo(form, QStringLiteral("outbound"), tr("Outbound"), format::spellings<OutboundMethod>(),
             format::formatEnum(vm.outbound),
             [id](Design &d, const QString &text) { d.vm(id)->outbound = enumFrom<OutboundMethod>(text); });
    // Off also stops the clients that used this proxy from using one, in the same step.
    addCheck(form, QStringLiteral("proxy"), tr("Runs a forward proxy"), vm.proxy.has_value(),
             [id](Design &d, bool on) { edit::setProxy(d, id, on); });
    if (vm.proxy) {
        addText(form, QStringLiteral("proxyPort"), tr("Proxy port"), format::formatPort(vm.proxy->port),
                [](const QString &text) { return format::parsePort(text.trimmed()).error(); },
                [id](Design &d, const QString &text) { d.vm(id)->proxy->port = *format::parsePort(text); });
        addText(form, QStringLiteral("proxyConfig"), tr("Proxy config"), vm.proxy->config,
                [](const QString &) { return QString(); },
                [id](Design &d, const QString &text) { d.vm(id)->proxy->config = text; });
        setExample(QStringLiteral("proxyPort"), example(QStringLiteral("3128")));
        setExample(QStringLiteral("proxyConfig"), example(QStringLiteral("squid.conf")));
    }
    addSecurityGroupChooser(form, vm.networkSecurityGroup, vm.name,
                            [id](Design &d, const QString &group) {
                                d.vm(id)->networkSecurityGroup = group;
                            });
    if (!vm.networkSecurityGroup.isEmpty())
        addSecurityRulesEditor(vm.networkSecurityGroup);
}

void PropertiesPanel::buildClient()
{
    const Design &design = m_document->design();
    const Client &c = *design.client(m_id);
    const QString id = m_id;
    QFormLayout *form = addSection(tr("P2S VPN client"));
    addNameField(form);
    QStringList gateways;
    for (const Gateway &g : design.gateways)
        gateways << g.name;
    addCombo(form, QStringLiteral("gateway"), tr("Gateway"), gateways, c.gateway,
             [id](Design &d, const QString &text) { d.client(id)->gateway = text; });
    addText(form, QStringLiteral("ip"), tr("IP"), ipText(c.ip), whyNotOptionalIp,
            [id](Design &d, const QString &text) { d.client(id)->ip = optionalIp(text); });
    const QString proxy = c.useProxy ? format::formatProxySetting(*c.useProxy) : QString();
    addText(form, QStringLiteral("useProxy"), tr("Use proxy"), proxy,
            [this](const QString &text) {
                if (text.trimmed().isEmpty())
                    return QString();
                const format::Parsed<ProxySetting> setting =
                    format::parseProxySetting(text.trimmed());
                if (!setting)
                    return setting.error();
                // The reader refuses both (a reference to a missing VM or to one without a
                // proxy), so the field does too: what is typed here must load again.
                const Vm *vm = m_document->design().vm(setting->vm);
                if (!vm)
                    return tr("There is no VM named %1.").arg(setting->vm);
                if (!vm->proxy)
                    return tr("%1 runs no proxy: turn on “Runs a forward proxy” for it first.")
                        .arg(setting->vm);
                return QString();
            },
            [id](Design &d, const QString &text) {
                Client *client = d.client(id);
                if (text.isEmpty())
                    client->useProxy.reset();
                else
                    client->useProxy = *format::parseProxySetting(text);
            });
    const Gateway *gw = design.gateway(c.gateway);
    const Prefix pool = gw && !gw->vpnClientAddressPool.empty()
                            ? gw->vpnClientAddressPool.front()
                            : *Prefix::parse(u"172.16.16.0/24");
    setExample(QStringLiteral("ip"), example(Ipv4Address(pool.first().value() + 10).toString()));
    QString proxyName = QStringLiteral("proxy");
    for (const Vm &vm : design.vms) {
        if (vm.proxy) {
            proxyName = vm.name;
            break;
        }
    }
    setExample(QStringLiteral("useProxy"), example(proxyName + QStringLiteral(":3128")));
}

void PropertiesPanel::buildSite()
{
    const LocalNetwork &site = *m_document->design().site(m_id);
    const QString id = m_id;
    QFormLayout *form = addSection(tr("On-premises site"), tr("A local network of a gateway"));
    addNameField(form);
    addText(form, QStringLiteral("addressPrefixes"), tr("Address prefixes"),
            format::formatPrefixes(site.addressPrefixes),
            [](const QString &text) { return whyNotPrefixes(text, false); },
            [id](Design &d, const QString &text) { d.site(id)->addressPrefixes = *format::parsePrefixes(text); });
    setExample(QStringLiteral("addressPrefixes"), example(QStringLiteral("192.168.10.0/24")));
}

} // namespace hopscope::gui
