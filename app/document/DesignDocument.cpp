#include "document/DesignDocument.h"

#include "edit/DesignDiff.h"

#include <QFileInfo>
#include <QUndoCommand>

#include <algorithm>
#include <cmath>

namespace hopscope::gui {

namespace {

// The one command behind every edit: the states before and after, as the same model structs
// the file format uses (STYLE 6, 9), so a deleted object is remembered exactly as it was saved.
// redo() and undo() only assign a state, so both are idempotent.
class EditDesignCommand : public QUndoCommand
{
public:
    static constexpr int mergeableId = 0x4853; // "HS"

    EditDesignCommand(DesignDocument *document, const QString &text, model::Design before,
                      model::Design after, const QString &mergeKey)
        : QUndoCommand(text), m_document(document), m_before(std::move(before)),
          m_after(std::move(after)), m_mergeKey(mergeKey)
    {
    }

    void redo() override { m_document->applyState(m_after); }
    void undo() override { m_document->applyState(m_before); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : mergeableId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const EditDesignCommand *>(other);
        if (next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        // The step is named after its final value ("Rename design to Team lab", not "… to T").
        setText(next->text());
        // Typing a value back to what it was leaves nothing to undo.
        setObsolete(m_before == m_after);
        return true;
    }

    const QString &mergeKey() const { return m_mergeKey; }
    const model::Design &before() const { return m_before; }
    void rewrite(const std::function<void(model::Design &)> &change)
    {
        change(m_before);
        change(m_after);
    }

private:
    DesignDocument *m_document;
    model::Design m_before;
    model::Design m_after;
    QString m_mergeKey;
};

} // namespace

DesignDocument::DesignDocument(QObject *parent) : QObject(parent)
{
    m_undoStack.setUndoLimit(500);
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

DesignDocument::~DesignDocument()
{
    // The stack announces a last clean change while it dies; nobody should hear it.
    m_undoStack.disconnect(this);
}

void DesignDocument::resetDesign(model::Design design, const QString &filePath,
                                 const QString &baseDirectory)
{
    // Loading is not undoable (STYLE 7): the state is replaced outside the stack, then the
    // history that referred to the old design is dropped.
    m_design = std::move(design);
    m_undoStack.clear();
    m_undoStack.setClean();
    m_baseDirectory = baseDirectory;
    setFilePath(filePath);
    Q_EMIT designReset();
    Q_EMIT designChanged();
    Q_EMIT modifiedChanged(false);
}

void DesignDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

QString DesignDocument::baseDirectory() const
{
    return m_filePath.isEmpty() ? m_baseDirectory : QFileInfo(m_filePath).absolutePath();
}

void DesignDocument::markSaved(const QString &path)
{
    setFilePath(path);
    m_undoStack.setClean();
}

bool DesignDocument::edit(const QString &text, const std::function<void(model::Design &)> &change,
                          const QString &mergeKey)
{
    model::Design next = m_design;
    change(next);
    if (next == m_design)
        return false;
    const QString key =
        mergeKey.isEmpty() ? QString() : QString::number(m_mergeEpoch) + u':' + mergeKey;
    m_undoStack.push(new EditDesignCommand(this, text, m_design, std::move(next), key));
    return true;
}

const model::Design &DesignDocument::gestureStart(const QString &mergeKey) const
{
    if (mergeKey.isEmpty())
        return m_design;
    // QUndoStack::push merges into the command below the current index, unless that index is
    // the clean one (a save ends the gesture).
    const int index = m_undoStack.index();
    if (index == 0 || index == m_undoStack.cleanIndex())
        return m_design;
    const auto *top = dynamic_cast<const EditDesignCommand *>(m_undoStack.command(index - 1));
    const QString key = QString::number(m_mergeEpoch) + u':' + mergeKey;
    return top && top->mergeKey() == key ? top->before() : m_design;
}

void DesignDocument::rewriteEverywhere(const std::function<void(model::Design &)> &rewrite)
{
    for (int i = 0; i < m_undoStack.count(); ++i) {
        // const_cast: QUndoStack hands out its commands read-only, but they are ours.
        if (auto *command = dynamic_cast<EditDesignCommand *>(
                const_cast<QUndoCommand *>(m_undoStack.command(i))))
            command->rewrite(rewrite);
    }
    model::Design next = m_design;
    rewrite(next);
    applyState(next);
}

bool DesignDocument::moveObjects(const std::vector<Move> &moves)
{
    const QString text = moves.size() == 1 ? tr("Move %1").arg(moves.front().name)
                                           : tr("Move %n objects", nullptr, int(moves.size()));
    breakMergeChain();
    return edit(text, [&](model::Design &d) {
        for (const Move &m : moves) {
            // Whole units keep saved files tidy and positions exact through a save and load.
            const Move move{m.name, QPointF(std::round(m.to.x()), std::round(m.to.y()))};
            auto it = std::find_if(d.layout.begin(), d.layout.end(),
                                   [&](const model::LayoutPoint &p) { return p.name == move.name; });
            if (it == d.layout.end())
                d.layout.push_back({move.name, move.to.x(), move.to.y()});
            else
                *it = {move.name, move.to.x(), move.to.y()};
        }
    });
}

std::optional<QPointF> DesignDocument::layoutPosition(const QString &name) const
{
    for (const model::LayoutPoint &p : m_design.layout) {
        if (p.name == name)
            return QPointF(p.x, p.y);
    }
    return std::nullopt;
}

void DesignDocument::applyState(const model::Design &next)
{
    const edit::DesignDelta delta = edit::diffDesigns(m_design, next);
    m_design = next;
    // Removals first, so that a rename (remove + add) never sees two items for one object.
    for (const QString &name : delta.removed)
        Q_EMIT objectRemoved(name);
    for (const QString &name : delta.added)
        Q_EMIT objectAdded(name);
    for (const QString &name : delta.changed)
        Q_EMIT objectChanged(name);
    if (delta.peeringsChanged)
        Q_EMIT peeringsChanged();
    for (const QString &name : delta.moved)
        Q_EMIT positionChanged(name);
    if (delta.propertiesChanged)
        Q_EMIT designPropertiesChanged();
    // Route tables and NSGs name nothing on the canvas (STYLE 3: one place says so).
    const auto names = [this](const QString &name) {
        return !m_design.routeTable(name) && !m_design.networkSecurityGroup(name);
    };
    if (!delta.added.isEmpty() || !delta.removed.isEmpty() ||
        std::ranges::any_of(delta.changed, names))
        Q_EMIT namesChanged();
    Q_EMIT designChanged();
}

} // namespace hopscope::gui
