#include "import/ImportReportPanel.h"

#include <QFileInfo>
#include <QLocale>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hopscope::gui {

namespace {

// ".../providers/Microsoft.Network/virtualNetworks/hub/subnets/x" → "subnets"; the type of the
// innermost resource an ARM id names.
QString typeOfId(const QString &id)
{
    const QStringList parts = id.split(u'/', Qt::SkipEmptyParts);
    const qsizetype providers = parts.lastIndexOf(QStringLiteral("providers"), -1);
    if (providers < 0 || parts.size() < providers + 4)
        return {};
    return parts.at(parts.size() - 2);
}

QString nameOfId(const QString &id)
{
    return id.section(u'/', -1, -1, QString::SectionSkipEmpty);
}

// "microsoft.network/virtualhubs" → "virtualhubs": the provider namespace says nothing here.
QString shortType(const QString &type)
{
    return type.section(u'/', -1, -1, QString::SectionSkipEmpty);
}

// "3 VNets, 5 subnets, 4 route tables, ...": the report's counts (import.md §8, keyed by the
// format's collection names) in words, leaving out what the import found none of.
QString countsInWords(const std::vector<std::pair<QString, int>> &counts)
{
    QStringList words;
    for (const auto &[key, n] : counts) {
        if (n == 0)
            continue;
        if (key == u"vnets")
            words << ImportReportPanel::tr("%n VNet(s)", nullptr, n);
        else if (key == u"subnets")
            words << ImportReportPanel::tr("%n subnet(s)", nullptr, n);
        else if (key == u"peerings")
            words << ImportReportPanel::tr("%n peering(s)", nullptr, n);
        else if (key == u"routeTables")
            words << ImportReportPanel::tr("%n route table(s)", nullptr, n);
        else if (key == u"networkSecurityGroups")
            words << ImportReportPanel::tr("%n network security group(s)", nullptr, n);
        else if (key == u"applicationSecurityGroups")
            words << ImportReportPanel::tr("%n application security group(s)", nullptr, n);
        else if (key == u"firewalls")
            words << ImportReportPanel::tr("%n firewall(s)", nullptr, n);
        else if (key == u"gateways")
            words << ImportReportPanel::tr("%n gateway(s)", nullptr, n);
        else if (key == u"localNetworks")
            words << ImportReportPanel::tr("%n on-premises site(s)", nullptr, n);
        else if (key == u"vms")
            words << ImportReportPanel::tr("%n VM(s)", nullptr, n);
        else // a count a later import adds: its key, rather than nothing
            words << QStringLiteral("%1 %2").arg(n).arg(key);
    }
    return words.isEmpty() ? ImportReportPanel::tr("nothing") : QLocale().createSeparatedList(words);
}

} // namespace

ImportReportPanel::ImportReportPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("importReportTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Kind"), tr("Name or id"), tr("What happened"), tr("Why")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true); // the reasons are sentences: wrapped, never cut
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(KindColumn, 150);
    m_table->setColumnWidth(NameColumn, 220);
    m_table->setColumnWidth(WhatColumn, 190);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    clear();
}

void ImportReportPanel::clear()
{
    m_table->setRowCount(0);
    m_summary->setText(tr("No import yet: File → Import from Azure… reads an exported estate."));
}

QString ImportReportPanel::summary() const { return m_summary->text(); }

void ImportReportPanel::addRow(const QString &kind, const QString &name, const QString &id,
                               const QString &what, const QString &why)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QString texts[ColumnCount] = {kind, name.isEmpty() ? id : name, what, why};
    for (int c = 0; c < ColumnCount; ++c) {
        auto *item = new QTableWidgetItem(texts[c]);
        item->setToolTip(c == NameColumn && !id.isEmpty() ? id : texts[c]);
        m_table->setItem(row, c, item);
    }
}

void ImportReportPanel::setReport(const importing::ImportReport &report, const QStringList &files)
{
    m_table->setRowCount(0);
    // The order of the report (§8): skipped, unresolved, synthesized, renamed, notes.
    for (const importing::SkippedResource &s : report.skipped) {
        const QString why =
            s.detail.isEmpty() ? s.reason : QStringLiteral("%1: %2").arg(s.reason, s.detail);
        if (s.id.isEmpty())
            addRow(tr("file"), s.path, QString(), tr("Skipped"), why);
        else
            addRow(shortType(s.type), nameOfId(s.id), s.id, tr("Skipped"), why);
    }
    for (const importing::UnresolvedReference &u : report.unresolved)
        addRow(typeOfId(u.id), nameOfId(u.id), u.id, tr("Reference %1").arg(u.action),
               tr("%1 names %2, which is not in the input").arg(u.field, u.target));
    for (const importing::SynthesizedObject &s : report.synthesized)
        addRow(s.kind, s.name, s.id, tr("Added"), s.reason);
    for (const importing::RenamedObject &r : report.renamed)
        addRow(typeOfId(r.id), r.armName, r.id, tr("Renamed to %1").arg(r.name), r.why);
    for (const importing::ImportNote &n : report.notes)
        addRow(n.id.isEmpty() ? tr("input") : typeOfId(n.id), nameOfId(n.id), n.id,
               tr("Note: %1").arg(n.code), n.message);

    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    m_summary->setText(tr("Imported %1: %2. %n entries below.", nullptr, m_table->rowCount())
                           .arg(QLocale().createSeparatedList(names), countsInWords(report.counts)));
    for (int c = KindColumn; c < WhyColumn; ++c)
        m_table->resizeColumnToContents(c);
    // Rows follow the width of Why as the dock is resized; past a few hundred rows that costs
    // too much on every resize, and the full text stays in each cell's tooltip.
    constexpr int rowsThatWrap = 500;
    m_table->verticalHeader()->setSectionResizeMode(m_table->rowCount() <= rowsThatWrap
                                                        ? QHeaderView::ResizeToContents
                                                        : QHeaderView::Interactive);
}

} // namespace hopscope::gui
