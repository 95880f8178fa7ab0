#include "findings/FindingsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hopscope::gui {

namespace {
constexpr int objectsRole = Qt::UserRole + 1;
constexpr int codeRole = Qt::UserRole + 2;
} // namespace

FindingsPanel::FindingsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_summary = new QLabel(tr("Not checked yet"), this);
    m_summary->setContentsMargins(8, 4, 8, 4);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Finding"), tr("Code"), tr("Objects")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT objectsRequested(item->data(0, objectsRole).toStringList());
    });
}

void FindingsPanel::setChecking(bool checking)
{
    if (checking && m_list->topLevelItemCount() == 0)
        m_summary->setText(tr("Checking…"));
}

void FindingsPanel::setReport(const analysis::CheckReport &report)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QStyle *s = style();
    for (const analysis::Finding &f : report.findings) {
        auto *item = new QTreeWidgetItem(m_list);
        const QStyle::StandardPixmap icon =
            f.severity == analysis::Severity::Error     ? QStyle::SP_MessageBoxCritical
            : f.severity == analysis::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, s->standardIcon(icon));
        item->setText(0, f.message);
        item->setToolTip(0, f.message);
        item->setText(1, f.code);
        item->setText(2, f.objects.join(QStringLiteral(", ")));
        item->setData(0, objectsRole, f.objects);
        item->setData(0, codeRole, f.code);
    }
    if (report.findings.empty())
        m_summary->setText(tr("No findings: the design passes every check."));
    else
        m_summary->setText(countsText(report, QStringLiteral(", ")));
}

QString FindingsPanel::countsText(const analysis::CheckReport &report, const QString &separator,
                                  bool withNotes)
{
    QStringList parts{report.errors == 1 ? tr("1 error") : tr("%1 errors").arg(report.errors),
                      report.warnings == 1 ? tr("1 warning")
                                           : tr("%1 warnings").arg(report.warnings)};
    if (withNotes)
        parts << (report.infos == 1 ? tr("1 note") : tr("%1 notes").arg(report.infos));
    return parts.join(separator);
}

QStringList FindingsPanel::codes() const
{
    QStringList codes;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        codes << m_list->topLevelItem(i)->data(0, codeRole).toString();
    return codes;
}

} // namespace hopscope::gui
