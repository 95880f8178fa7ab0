#include "export/ExportDialog.h"

#include "canvas/DesignScene.h"
#include "path/PathOverlay.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QFormLayout>
#include <QGraphicsItem>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hopscope::gui {

ExportDialog::ExportDialog(ExportOptions::Format format, bool hasSelection, bool hasTrace,
                           QWidget *parent)
    : QDialog(parent), m_format(format)
{
    setWindowTitle(format == ExportOptions::Format::Svg ? tr("Export as SVG")
                                                        : tr("Export as PNG"));
    auto *form = new QFormLayout;
    m_whole = new QRadioButton(tr("&Whole diagram"));
    m_whole->setObjectName(QStringLiteral("exportWhole"));
    m_selection = new QRadioButton(tr("&Selection only"));
    m_selection->setObjectName(QStringLiteral("exportSelection"));
    m_selection->setEnabled(hasSelection);
    m_whole->setChecked(true);
    auto *what = new QVBoxLayout;
    what->addWidget(m_whole);
    what->addWidget(m_selection);
    form->addRow(tr("Draw:"), what);
    m_trace = new QCheckBox(tr("Include the &path overlay"));
    m_trace->setObjectName(QStringLiteral("exportTrace"));
    m_trace->setEnabled(hasTrace);
    m_trace->setChecked(hasTrace);
    form->addRow(QString(), m_trace);
    if (format == ExportOptions::Format::Png) {
        m_scale = new QComboBox;
        m_scale->setObjectName(QStringLiteral("exportScale"));
        m_scale->addItem(tr("1x"), 1.0);
        m_scale->addItem(tr("2x (high density screens, print)"), 2.0);
        form->addRow(tr("S&cale:"), m_scale);
        m_background = new QComboBox;
        m_background->setObjectName(QStringLiteral("exportBackground"));
        m_background->addItem(tr("White"), false);
        m_background->addItem(tr("Transparent"), true);
        form->addRow(tr("&Background:"), m_background);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format = m_format;
    options.selectionOnly = m_selection->isChecked();
    options.includeTrace = m_trace->isEnabled() && m_trace->isChecked();
    if (m_scale)
        options.scale = m_scale->currentData().toDouble();
    if (m_background)
        options.transparent = m_background->currentData().toBool();
    return options;
}

QString exportWithDialog(QWidget *parent, DesignScene *scene, ExportOptions::Format format,
                         const QString &designPath)
{
    bool hasTrace = false;
    for (QGraphicsItem *item : scene->items()) {
        const auto *overlay = dynamic_cast<PathOverlay *>(item);
        hasTrace = hasTrace || (overlay && overlay->hasTrace() && overlay->isVisible());
    }
    ExportDialog dialog(format, !scene->selectedItems().isEmpty(), hasTrace, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const bool svg = format == ExportOptions::Format::Svg;
    const QString suffix = svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    const QFileInfo design(designPath);
    QString base = design.completeBaseName();
    base.remove(QStringLiteral(".hopscope"));
    const QString suggested =
        (designPath.isEmpty() ? QDir::homePath() : design.absolutePath()) + u'/' +
        (base.isEmpty() ? QStringLiteral("diagram") : base) + suffix;
    QString path = QFileDialog::getSaveFileName(
        parent, dialog.windowTitle(), suggested,
        svg ? ExportDialog::tr("SVG images (*.svg)") : ExportDialog::tr("PNG images (*.png)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    QString error;
    if (!exportDiagram(scene, path, dialog.options(), &error)) {
        QMessageBox::critical(parent, ExportDialog::tr("Export failed"), error);
        return {};
    }
    return path;
}

} // namespace hopscope::gui
