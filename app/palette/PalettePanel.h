#pragma once

// The palette dock: the objects a designer can create. Drag an entry onto the canvas (or into
// a VNet or subnet), or activate it (double-click, Enter) to add it to the selected container.

#include <QListWidget>

namespace hopscope::gui {

class PalettePanel : public QListWidget
{
    Q_OBJECT
public:
    explicit PalettePanel(QWidget *parent = nullptr);
    // The row of a palette kind ("hub", "spoke", ...), or -1.
    int rowOf(const QString &kind) const;
    // Forgets the entry last used: once its object is placed, nothing stays highlighted as if
    // a choice were still pending.
    void clearChoice();

Q_SIGNALS:
    void createRequested(const QString &kind);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
    void changeEvent(QEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    void refreshIcons();
};

} // namespace hopscope::gui
