#include "palette/PalettePanel.h"

#include "canvas/DesignView.h"
#include "palette/PaletteActions.h"
#include "canvas/SceneStyle.h"

#include <QEvent>
#include <QMimeData>

namespace hopscope::gui {

namespace {
constexpr int kindRole = Qt::UserRole + 1;
} // namespace

PalettePanel::PalettePanel(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(28, 28));
    setSpacing(1);
    setFrameShape(QFrame::NoFrame);
    for (const PaletteEntry &entry : paletteEntries()) {
        auto *item = new QListWidgetItem(entry.label, this);
        item->setData(kindRole, entry.kind);
        item->setToolTip(entry.hint);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    refreshIcons();
    // Wide enough for the longest label ("On-premises site") with its icon: the panel is
    // useless when it cuts them off.
    setMinimumWidth(sizeHintForColumn(0) + 2 * frameWidth() + 2 * spacing() + 16);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT createRequested(item->data(kindRole).toString());
    });
}

int PalettePanel::rowOf(const QString &kind) const
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(kindRole).toString() == kind)
            return i;
    }
    return -1;
}

void PalettePanel::clearChoice()
{
    clearSelection();
    setCurrentItem(nullptr);
}

void PalettePanel::startDrag(Qt::DropActions supportedActions)
{
    QListWidget::startDrag(supportedActions); // returns once the drag ends, dropped or not
    clearChoice();
}

QStringList PalettePanel::mimeTypes() const { return {DesignView::paletteMimeType()}; }

QMimeData *PalettePanel::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(DesignView::paletteMimeType(), items.front()->data(kindRole).toString().toUtf8());
    return data;
}

void PalettePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refreshIcons();
    QListWidget::changeEvent(event);
}

void PalettePanel::refreshIcons()
{
    const SceneStyle style(palette());
    const qreal ratio = devicePixelRatioF();
    for (int i = 0; i < count(); ++i) {
        const PaletteEntry *entry = paletteEntry(item(i)->data(kindRole).toString());
        if (entry)
            item(i)->setIcon(QIcon(iconPainter().pixmap(entry->icon, 28, ratio, style)));
    }
}

} // namespace hopscope::gui
