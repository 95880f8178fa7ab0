#pragma once

// The path on show: its request (end points, protocol, port), the trace of the document's
// current design, and the overlay that draws it. A trace is computed on a private copy of the
// design (model::Network refers to the Design it indexes, so the copy lives exactly as long as
// the Network, the EffectiveRoutes and the Tracer built on it). After an edit the path is traced
// again, debounced; tracing one pair is cheap, so it runs on the GUI thread. The request follows
// its end points through renames (and their undo), and is dropped when one is deleted.

#include "proxy/ProxyConfigs.h"
#include "routing/Trace.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace hopscope::gui {

class DesignDocument;
class DesignScene;
class PathOverlay;

class PathSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int debounceMilliseconds = 120;

    PathSession(DesignDocument *document, DesignScene *scene, QObject *parent = nullptr);
    ~PathSession() override;

    // Traces `request` now and shows it; returns false (with error() set) when an end point
    // does not resolve.
    bool show(const routing::TraceRequest &request);
    // Drops the request and the trace; `why` (optional) becomes error(), saying why.
    void clear(const QString &why = QString());

    bool hasRequest() const { return m_request.has_value(); }
    const std::optional<routing::TraceRequest> &request() const { return m_request; }
    // The trace on show; nullptr when none (no request, or it failed to resolve).
    const routing::TraceResult *result() const { return m_result ? &*m_result : nullptr; }
    const QString &error() const { return m_error; }
    // The network and routes the trace was computed on (nullptr when none).
    const model::Network *network() const { return m_network.get(); }
    const routing::EffectiveRoutes *routes() const { return m_routes.get(); }

    PathOverlay *overlay() const { return m_overlay; }

    // Re-traces at once, skipping the debounce (tests, "Trace" button).
    void retraceNow();

Q_SIGNALS:
    // The request, the trace or its error changed.
    void traceChanged();

private:
    void retrace();
    // After an edit: renames the request's end points as the design renamed them, or drops
    // the request when one was deleted.
    void followEdit();

    DesignDocument *m_document;
    PathOverlay *m_overlay;
    QTimer m_debounce;
    std::optional<routing::TraceRequest> m_request;
    // The document's design when the request was last brought up to date, to tell a rename
    // from a delete after the next edit.
    model::Design m_seen;
    // Declaration order is destruction order in reverse: the tracer dies before the routes,
    // the routes before the network, the network before the design it indexes.
    std::unique_ptr<model::Design> m_design;
    std::unique_ptr<model::Network> m_network;
    std::unique_ptr<routing::EffectiveRoutes> m_routes;
    proxy::ProxyConfigs m_proxies;
    std::unique_ptr<routing::Tracer> m_tracer;
    std::optional<routing::TraceResult> m_result;
    QString m_error;
};

} // namespace hopscope::gui
