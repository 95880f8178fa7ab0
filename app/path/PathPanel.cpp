#include "path/PathPanel.h"

#include "Language.h"
#include "canvas/SceneStyle.h"
#include "path/HopInspector.h"
#include "path/PathAnimator.h"
#include "path/PathOverlay.h"
#include "path/PathSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace hopscope::gui {

namespace {
const model::Protocol protocols[] = {model::Protocol::Tcp, model::Protocol::Udp,
                                     model::Protocol::Icmp};
} // namespace

PathPanel::PathPanel(PathSession *session, PathAnimator *animator, QWidget *parent)
    : QWidget(parent), m_session(session), m_animator(animator)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);

    // The request on one row; the animation controls share the verdict's row, so that the
    // tables keep the height and the panel stays narrow enough for the Properties dock beside
    // the canvas.
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    m_from = new QLineEdit(this);
    m_from->setObjectName(QStringLiteral("pathFrom"));
    m_from->setPlaceholderText(tr("source"));
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("pathTo"));
    m_to->setPlaceholderText(tr("destination"));
    for (QLineEdit *field : {m_from, m_to}) {
        field->setMinimumWidth(120);
        field->setClearButtonEnabled(true);
        auto *completer = new QCompleter(new QStringListModel(field), field);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        field->setCompleter(completer);
        connect(field, &QLineEdit::returnPressed, this, &PathPanel::traceFields);
    }
    auto *swap = new QToolButton(this);
    swap->setObjectName(QStringLiteral("pathSwap"));
    swap->setText(QStringLiteral("⇄"));
    swap->setToolTip(tr("Swap source and destination"));
    connect(swap, &QToolButton::clicked, this, [this] {
        const QString from = m_from->text();
        m_from->setText(m_to->text());
        m_to->setText(from);
        traceFields();
    });
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("pathProtocol"));
    for (model::Protocol p : protocols)
        m_protocol->addItem(model::toString(p).toUpper(), int(p));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("pathPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(443);
    m_port->setToolTip(tr("Destination port"));
    connect(m_protocol, &QComboBox::activated, this, &PathPanel::traceFields);
    connect(m_port, &QSpinBox::editingFinished, this, [this] {
        if (m_port->value() != m_servedPort)
            m_portChosen = true; // the user's port wins over the destination's from now on
        if (m_session->request() && m_session->request()->port != m_port->value())
            traceFields();
    });
    auto *traceButton = new QPushButton(tr("Trace"), this);
    traceButton->setObjectName(QStringLiteral("pathTrace"));
    connect(traceButton, &QPushButton::clicked, this, &PathPanel::traceFields);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("pathClear"));
    connect(clearButton, &QPushButton::clicked, this, [this] {
        m_portChosen = false;
        m_animator->stop();
        m_session->clear();
    });

    row->addWidget(new QLabel(tr("From"), this));
    row->addWidget(m_from, 2);
    row->addWidget(swap);
    row->addWidget(new QLabel(tr("to"), this));
    row->addWidget(m_to, 2);
    row->addWidget(m_protocol);
    row->addWidget(new QLabel(tr("port"), this));
    row->addWidget(m_port);
    row->addWidget(traceButton);
    row->addWidget(clearButton);
    layout->addLayout(row);
    auto *playback = new QHBoxLayout;
    playback->setSpacing(6);

    // Glyphs, not the style's media icons: text follows the palette, so dark themes show them.
    auto button = [&](const QString &name, const QString &glyph, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(glyph);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        b->setMinimumWidth(30);
        playback->addWidget(b);
        return b;
    };
    m_stepBack = button(QStringLiteral("pathStepBack"), QStringLiteral("|◀"), tr("Back one hop"));
    m_play = button(QStringLiteral("pathPlay"), QStringLiteral("▶"), tr("Play the packet"));
    m_stepForward = button(QStringLiteral("pathStepForward"), QStringLiteral("▶|"),
                           tr("Forward one hop"));
    connect(m_stepBack, &QToolButton::clicked, animator, &PathAnimator::stepBack);
    connect(m_play, &QToolButton::clicked, animator, &PathAnimator::togglePlay);
    connect(m_stepForward, &QToolButton::clicked, animator, &PathAnimator::stepForward);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("pathSpeed"));
    for (double f : {0.5, 1.0, 2.0, 4.0})
        m_speed->addItem(QStringLiteral("%1×").arg(f), f);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Animation speed"));
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_animator->setSpeed(m_speed->itemData(i).toDouble()); });
    playback->addWidget(m_speed);
    m_repeat = new QCheckBox(tr("Repeat"), this);
    m_repeat->setObjectName(QStringLiteral("pathRepeat"));
    connect(m_repeat, &QCheckBox::toggled, animator, &PathAnimator::setRepeat);
    playback->addWidget(m_repeat);
    playback->addSpacing(12);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("pathVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setContentsMargins(2, 2, 2, 2);
    playback->addWidget(m_verdict, 1);
    layout->addLayout(playback);

    m_inspector = new HopInspector(session, this);
    layout->addWidget(m_inspector, 1);

    connect(animator, &PathAnimator::playingChanged, this, &PathPanel::syncPlayButton);
    connect(animator, &PathAnimator::progressChanged, this, &PathPanel::followPacket);
    connect(session, &PathSession::traceChanged, this, &PathPanel::sessionChanged);
    sessionChanged();
}

void PathPanel::followPacket(double progress)
{
    // The hop table follows the packet: the row of the last device it reached is selected, so
    // its route and its subnet's effective routes are on show while it moves.
    const PathOverlay *overlay = m_session->overlay();
    const int walk = overlay->packetWalk();
    if (progress < 0 || walk < 0)
        return;
    const int stops = int(overlay->walks()[walk].stops.size());
    int stop = 0;
    while (stop + 1 < stops && overlay->progressAtStop(walk, stop + 1) <= progress + 1e-9)
        ++stop;
    if (m_inspector->hopTable()->currentRow() != m_inspector->rowOf(walk, stop))
        m_inspector->selectHop(walk, stop);
}

void PathPanel::syncPlayButton(bool playing)
{
    m_play->setText(playing ? QStringLiteral("▮▮") : QStringLiteral("▶"));
    m_play->setToolTip(playing ? tr("Pause") : tr("Play the packet"));
}

void PathPanel::setEndpointNames(const QStringList &names)
{
    for (QLineEdit *field : {m_from, m_to}) {
        if (auto *model = qobject_cast<QStringListModel *>(field->completer()->model()))
            model->setStringList(names);
    }
}

void PathPanel::traceBetween(const QString &from, const QString &to,
                             std::optional<std::pair<int, model::Protocol>> served)
{
    m_from->setText(from);
    m_to->setText(to);
    if (served && !m_portChosen) {
        m_servedPort = served->first;
        m_port->setValue(served->first);
        m_protocol->setCurrentIndex(std::max(0, m_protocol->findData(int(served->second))));
    }
    traceFields();
}

void PathPanel::showSourcePicked(const QString &from)
{
    m_from->setText(from);
    m_to->clear();
    m_verdict->setText(tr("From <b>%1</b>: click where the packet goes (Esc cancels).")
                           .arg(from.toHtmlEscaped()));
}

void PathPanel::showPickCancelled()
{
    if (!m_session->request())
        m_from->clear(); // the picked source was never traced
    sessionChanged();
}

void PathPanel::traceFields()
{
    const QString from = m_from->text().trimmed(), to = m_to->text().trimmed();
    if (from.isEmpty() || to.isEmpty()) {
        m_verdict->setText(tr("Name a source and a destination, or click them with the path "
                              "tool (T)."));
        return;
    }
    routing::TraceRequest request;
    request.from = from;
    request.to = to;
    request.port = m_port->value();
    request.protocol = model::Protocol(m_protocol->currentData().toInt());
    m_animator->stop();
    m_session->show(request);
}

void PathPanel::sessionChanged()
{
    const SceneStyle style(palette());
    if (const auto &request = m_session->request()) {
        // A request set elsewhere (a finding, the matrix) shows in the fields.
        const QSignalBlocker b1(m_from), b2(m_to), b3(m_port), b4(m_protocol);
        m_from->setText(request->from);
        m_to->setText(request->to);
        m_port->setValue(request->port);
        m_protocol->setCurrentIndex(std::max(0, m_protocol->findData(int(request->protocol))));
    }
    const routing::TraceResult *trace = m_session->result();
    const bool has = trace != nullptr;
    m_play->setEnabled(has);
    m_stepBack->setEnabled(has);
    m_stepForward->setEnabled(has);
    if (!m_session->request() && !m_session->error().isEmpty()) {
        // Dropped (an end point was deleted): its names would only fail again.
        m_from->clear();
        m_to->clear();
        m_verdict->setText(m_session->error().toHtmlEscaped());
    } else if (!m_session->request()) {
        m_verdict->setText(tr("Press T (or Tools → Trace Path), then click where a packet starts "
                              "and where it goes."));
    } else if (!trace) {
        m_verdict->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                               .arg(style.error.name(), m_session->error().toHtmlEscaped()));
    } else {
        const PathOverlay *overlay = m_session->overlay();
        QStringList parts;
        for (const PathOverlay::WalkPath &w : overlay->walks()) {
            const QString colour = w.succeeded() ? style.text.name() : style.error.name();
            const QString verdict =
                QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                    .arg(colour, PathOverlay::verdictText(w.verdict, w.reason).toHtmlEscaped());
            // Whole sentences, so that a translation may order the leg, the direction and the
            // verdict.
            const bool forward = w.direction == PathOverlay::Direction::Forward;
            if (overlay->walks().back().leg > 0)
                parts << (forward ? tr("leg %1 request: %2") : tr("leg %1 reply: %2"))
                             .arg(QString::number(w.leg + 1), verdict);
            else
                parts << (forward ? tr("request: %1") : tr("reply: %1")).arg(verdict);
        }
        QString text = parts.join(QStringLiteral(" &nbsp;·&nbsp; "));
        text += QStringLiteral(" &nbsp;—&nbsp; ");
        if (trace->ok) {
            text += QStringLiteral("<b>%1</b>").arg(tr("connection ok"));
        } else {
            text += QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                        .arg(style.error.name(),
                             tr("connection failed: %1").arg(routing::toString(trace->reason)));
            for (const routing::Leg &leg : trace->legs) {
                if (!leg.ok) {
                    text +=
                        QStringLiteral("<br>") + translated(leg.explanationText).toHtmlEscaped();
                    break;
                }
            }
        }
        m_verdict->setText(text);
    }
    m_inspector->refresh();
}

} // namespace hopscope::gui
