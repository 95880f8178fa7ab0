#include "path/PathSession.h"

#include "edit/DesignDiff.h"
#include "document/DesignDocument.h"
#include "canvas/DesignScene.h"
#include "path/PathOverlay.h"

namespace hopscope::gui {

PathSession::PathSession(DesignDocument *document, DesignScene *scene, QObject *parent)
    : QObject(parent), m_document(document), m_overlay(new PathOverlay(scene))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, &PathSession::retrace);
    connect(document, &DesignDocument::designChanged, this, &PathSession::followEdit);
}

PathSession::~PathSession() = default;

bool PathSession::show(const routing::TraceRequest &request)
{
    m_request = request;
    m_seen = m_document->design();
    m_debounce.stop();
    retrace();
    return m_result.has_value();
}

void PathSession::clear(const QString &why)
{
    m_debounce.stop();
    m_request.reset();
    m_result.reset();
    m_error = why;
    m_overlay->clearTrace();
    Q_EMIT traceChanged();
}

void PathSession::followEdit()
{
    if (!m_request)
        return;
    const model::Design &now = m_document->design();
    const std::optional<QString> from = edit::followEndpoint(m_seen, now, m_request->from);
    const std::optional<QString> to = edit::followEndpoint(m_seen, now, m_request->to);
    if (!from || !to) {
        clear(tr("%1 was deleted, so the path is no longer shown.")
                  .arg(from ? m_request->to : m_request->from));
        return;
    }
    m_seen = now;
    if (*from != m_request->from || *to != m_request->to) {
        // The fields show the new names at once; the trace itself follows, debounced.
        m_request->from = *from;
        m_request->to = *to;
        Q_EMIT traceChanged();
    }
    m_debounce.start();
}

void PathSession::retraceNow()
{
    m_debounce.stop();
    retrace();
}

void PathSession::retrace()
{
    if (!m_request)
        return;
    // Built afresh from the current design: cheap next to a repaint, and never stale.
    m_result.reset();
    m_tracer.reset();
    m_routes.reset();
    m_network.reset();
    m_design = std::make_unique<model::Design>(m_document->design());
    m_network = std::make_unique<model::Network>(*m_design);
    m_routes = std::make_unique<routing::EffectiveRoutes>(*m_network);
    // Squid's rules decide the proxy legs, as in `hopscope trace`.
    const QString base = m_document->baseDirectory();
    m_proxies = base.isEmpty() ? proxy::ProxyConfigs()
                               : proxy::ProxyConfigs::load(*m_design, base);
    m_tracer = std::make_unique<routing::Tracer>(*m_routes, &m_proxies);
    m_error.clear();
    m_result = m_tracer->trace(*m_request, &m_error);
    if (m_result)
        m_overlay->setTrace(*m_result, *m_network);
    else
        m_overlay->clearTrace();
    Q_EMIT traceChanged();
}

} // namespace hopscope::gui
