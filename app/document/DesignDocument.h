#pragma once

// The open design: owns the model::Design and its QUndoStack, and announces every change with
// small signals carrying names (STYLE 3). Widgets never touch the Design directly and never
// construct undo commands: they call edit(), moveObjects() and friends, which push exactly one
// command per gesture (STYLE 6).

#include "model/Design.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <optional>
#include <vector>

namespace hopscope::gui {

class DesignDocument : public QObject
{
    Q_OBJECT
public:
    explicit DesignDocument(QObject *parent = nullptr);
    ~DesignDocument() override;

    const model::Design &design() const { return m_design; }
    QUndoStack *undoStack() { return &m_undoStack; }

    // Replaces the design without undo (a file load, New): the stack is cleared and the
    // document is clean. Emits designReset().
    // `baseDirectory` resolves the design's relative paths (a proxy's squid.conf) while it has no
    // file of its own: a built-in example's resource folder.
    void resetDesign(model::Design design, const QString &filePath = QString(),
                     const QString &baseDirectory = QString());

    QString filePath() const { return m_filePath; }
    // Where the design's relative paths resolve: its file's folder, else the base directory it
    // was loaded with; empty for a new design.
    QString baseDirectory() const;
    void setFilePath(const QString &path);
    bool isModified() const { return !m_undoStack.isClean(); }
    void markSaved(const QString &path);

    // One undoable step named `text`: `change` edits a copy of the design. A `mergeKey` makes
    // consecutive edits with the same key one step (typing in a field); an empty key never
    // merges. Returns false (and pushes nothing) when the change leaves the design as it was.
    bool edit(const QString &text, const std::function<void(model::Design &)> &change,
              const QString &mergeKey = QString());

    // The design before the step that an edit() with `mergeKey` would merge into, i.e. as it was
    // when the gesture began (the first keystroke of a typed value); the current design when that
    // edit() would start a new step. Edits that depend on where the gesture started (a subnet's
    // devices following its prefix) read it, so that the whole gesture stays one consistent step.
    const model::Design &gestureStart(const QString &mergeKey) const;

    // Applies `rewrite` to the current design and to every state the undo history holds, without
    // adding a step and without changing whether the document is modified: for changes that
    // keep meaning the same design, such as relative paths rebased when the file moves folder
    // (issue 16). Announces the differences of the current design like an edit.
    void rewriteEverywhere(const std::function<void(model::Design &)> &rewrite);

    // Stops the next edit() from merging with the previous one, e.g. when the selection moves.
    void breakMergeChain() { ++m_mergeEpoch; }

    struct Move
    {
        QString name;
        QPointF to;
    };
    // One step that writes the positions of a drag into the layout section.
    bool moveObjects(const std::vector<Move> &moves);

    // The saved position of `name`, if the layout has one.
    std::optional<QPointF> layoutPosition(const QString &name) const;

    // Applies `next` as the current design and announces the differences. Used by the undo
    // commands only.
    void applyState(const model::Design &next);

Q_SIGNALS:
    // The whole design was replaced (load, New): rebuild everything.
    void designReset();
    // Top-level named objects: VNets, route tables, firewalls, gateways, VMs, clients and
    // on-premises sites. A VNet changes when its subnets do; a gateway when its sites do.
    void objectAdded(const QString &name);
    void objectChanged(const QString &name);
    void objectRemoved(const QString &name);
    void peeringsChanged();
    void positionChanged(const QString &name);
    // The design's name, settings or intents.
    void designPropertiesChanged();
    // An edit may have changed the names of the objects on the canvas: an object was added or
    // removed, or one changed that is not a route table or NSG (a VNet's subnets, a gateway's
    // sites). Not after most edits (a route, a rule, a flag), whose lists of names stay.
    void namesChanged();
    // After any change at all, once its finer signals went out.
    void designChanged();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    model::Design m_design;
    QUndoStack m_undoStack;
    QString m_filePath;
    QString m_baseDirectory;
    int m_mergeEpoch = 0;
};

} // namespace hopscope::gui
