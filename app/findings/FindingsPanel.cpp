#include "findings/FindingsPanel.h"

#include "Language.h"
#include "findings/CheckRunner.h"
#include "findings/OutdatedDelegate.h"
#include "findings/RecheckingNote.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hopscope::gui {

namespace {
constexpr int objectsRole = Qt::UserRole + 1;
constexpr int codeRole = Qt::UserRole + 2;
constexpr int identityRole = Qt::UserRole + 3;
constexpr int englishMessageRole = Qt::UserRole + 4; // the message as the CLI prints it

// What makes a finding the same finding from one check to the next: its code, its objects and
// the path it names. Its message may change (a count in it) and is updated in place.
QString identityOf(const analysis::Finding &f)
{
    QString key = f.code + u'\x1f' + f.objects.join(u'\x1e');
    if (f.trace)
        key += u'\x1f' + f.trace->from + u'\x1e' + f.trace->to + u'\x1e' +
               QString::number(f.trace->port);
    return key;
}

// Sets a cell only when it differs, so that an unchanged row emits nothing.
void setCell(QTreeWidgetItem *item, int column, int role, const QVariant &value)
{
    if (item->data(column, role) != value)
        item->setData(column, role, value);
}
} // namespace

FindingsPanel::FindingsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 4, 8, 4);
    m_summary = new QLabel(tr("Not checked yet"), this);
    m_rechecking = new RecheckingNote(tr("re-checking…"), this);
    m_rechecking->setObjectName(QStringLiteral("findingsRechecking"));
    header->addWidget(m_summary, 1);
    header->addWidget(m_rechecking);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Finding"), tr("Code"), tr("Objects")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setWordWrap(false); // rows are one line, elided: wrapping only cost paint time
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_delegate = new OutdatedDelegate(m_list);
    m_list->setItemDelegate(m_delegate);
    layout->addLayout(header);
    layout->addWidget(m_list);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        const QStringList objects = item->data(0, objectsRole).toStringList();
        Q_EMIT objectsRequested(objects);
        // The checks name a route as "route 'NAME' in TABLE" (cli.md's messages), in English
        // whatever the language shown.
        static const QRegularExpression routeIn(QStringLiteral("route '([^']+)' in ([A-Za-z0-9._-]+)"));
        const QRegularExpressionMatch m =
            routeIn.match(item->data(0, englishMessageRole).toString());
        if (m.hasMatch() && objects.contains(m.captured(2)))
            Q_EMIT routeRequested(m.captured(2), m.captured(1));
    });
}

void FindingsPanel::attachChecker(CheckRunner *checker)
{
    connect(checker, &CheckRunner::started, this, [this] { setChecking(true); });
    connect(checker, &CheckRunner::discarded, this, &FindingsPanel::clearForNewDesign);
}

bool FindingsPanel::isOutdated() const { return m_delegate->isOutdated(); }

void FindingsPanel::setChecking(bool checking)
{
    if (checking && m_list->topLevelItemCount() == 0)
        m_summary->setText(tr("Checking…"));
    const bool outdated = checking && m_list->topLevelItemCount() > 0;
    m_rechecking->setShown(outdated);
    if (m_delegate->isOutdated() != outdated) {
        m_delegate->setOutdated(outdated);
        m_list->viewport()->update();
    }
}

void FindingsPanel::clearForNewDesign()
{
    {
        const QSignalBlocker blocker(m_list); // no row chosen: nothing to select
        m_list->clear();
    }
    m_summary->setText(tr("Checking…"));
    setChecking(false);
}

void FindingsPanel::setReport(const analysis::CheckReport &report)
{
    // No currentItemChanged while rows move: the user did not choose anything.
    const QSignalBlocker blocker(m_list);
    const auto &findings = report.findings;

    // Rows of findings that are gone leave first (duplicates of one identity count).
    QHash<QString, int> wanted;
    for (const analysis::Finding &f : findings)
        ++wanted[identityOf(f)];
    QHash<QString, int> kept;
    for (int i = m_list->topLevelItemCount() - 1; i >= 0; --i) {
        const QString key = m_list->topLevelItem(i)->data(0, identityRole).toString();
        if (kept.value(key) < wanted.value(key))
            ++kept[key];
        else
            delete m_list->takeTopLevelItem(i);
    }
    // Then, in the report's order: a row in place stays and is updated, a new finding gets a new
    // row, and a kept row met out of order leaves (it comes back where it now belongs).
    QStyle *s = style();
    for (int i = 0; i < int(findings.size());) {
        const analysis::Finding &f = findings[size_t(i)];
        const QString key = identityOf(f);
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item && item->data(0, identityRole).toString() != key) {
            if (kept.value(key) > 0) {
                const QString itemKey = item->data(0, identityRole).toString();
                --kept[itemKey];
                delete m_list->takeTopLevelItem(i);
                continue;
            }
            item = nullptr;
        }
        if (!item) {
            item = new QTreeWidgetItem;
            item->setData(0, identityRole, key);
            m_list->insertTopLevelItem(i, item);
        } else {
            --kept[key];
        }
        const QStyle::StandardPixmap icon =
            f.severity == analysis::Severity::Error     ? QStyle::SP_MessageBoxCritical
            : f.severity == analysis::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation;
        if (item->data(0, Qt::UserRole).toInt() != int(icon) + 1) {
            item->setIcon(0, s->standardIcon(icon));
            item->setData(0, Qt::UserRole, int(icon) + 1);
        }
        // A finding made without a template (none should be) shows its English message.
        const QString message = f.text.isEmpty() ? f.message : translated(f.text);
        setCell(item, 0, Qt::DisplayRole, message);
        setCell(item, 0, Qt::ToolTipRole, message);
        setCell(item, 0, englishMessageRole, f.message);
        setCell(item, 1, Qt::DisplayRole, f.code);
        setCell(item, 2, Qt::DisplayRole, f.objects.join(QStringLiteral(", ")));
        setCell(item, 0, objectsRole, f.objects);
        setCell(item, 0, codeRole, f.code);
        ++i;
    }
    while (m_list->topLevelItemCount() > int(findings.size())) // cannot happen; kept as a guard
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);

    if (findings.empty())
        m_summary->setText(tr("No findings: the design passes every check."));
    else
        m_summary->setText(countsText(report));
    setChecking(false);
}

QString FindingsPanel::countsText(const analysis::CheckReport &report, Counts counts)
{
    // One %n per count: a sentence holds one plural, so the counts are phrases of their own,
    // and the sentence that orders and joins them is translated whole.
    const QString errors = tr("%n error(s)", nullptr, report.errors);
    const QString warnings = tr("%n warning(s)", nullptr, report.warnings);
    if (counts == Counts::StatusBar)
        return tr("%1 · %2", "status bar: errors · warnings").arg(errors, warnings);
    return tr("%1, %2, %3", "Findings summary: errors, warnings, notes")
        .arg(errors, warnings, tr("%n note(s)", nullptr, report.infos));
}

QStringList FindingsPanel::codes() const
{
    QStringList codes;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        codes << m_list->topLevelItem(i)->data(0, codeRole).toString();
    return codes;
}

} // namespace hopscope::gui
