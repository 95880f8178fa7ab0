#pragma once

// The options of File → Export as SVG/PNG: what to draw (the whole diagram or the selection,
// with or without the path overlay) and, for PNG, the scale and the background. It only
// collects choices; DiagramExporter does the work.

#include "export/DiagramExporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QRadioButton;

namespace hopscope::gui {

class DesignScene;

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `hasSelection` and `hasTrace` enable the matching choices.
    ExportDialog(ExportOptions::Format format, bool hasSelection, bool hasTrace,
                 QWidget *parent = nullptr);

    ExportOptions options() const;

private:
    ExportOptions::Format m_format;
    QRadioButton *m_whole;
    QRadioButton *m_selection;
    QCheckBox *m_trace;
    QComboBox *m_scale = nullptr;
    QComboBox *m_background = nullptr;
};

// File → Export as …: asks for the options and the file name (next to `designPath`, named after
// it), exports, and shows an error box on failure. Returns the path written, or an empty string
// when the user cancelled or the export failed.
QString exportWithDialog(QWidget *parent, DesignScene *scene, ExportOptions::Format format,
                         const QString &designPath);

} // namespace hopscope::gui
