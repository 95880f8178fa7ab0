#pragma once

// The Path dock: the request (from, to, protocol, port), the verdict of the trace on show in
// words, the animation controls, and the hop inspector. Editing the request re-traces; the
// canvas's path tool fills in the end points.

#include "model/Design.h"

#include <QWidget>

#include <optional>
#include <utility>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace hopscope::gui {

class HopInspector;
class PathAnimator;
class PathSession;

class PathPanel : public QWidget
{
    Q_OBJECT
public:
    PathPanel(PathSession *session, PathAnimator *animator, QWidget *parent = nullptr);

    HopInspector *inspector() const { return m_inspector; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLineEdit *fromField() const { return m_from; }
    QLineEdit *toField() const { return m_to; }
    QComboBox *protocolBox() const { return m_protocol; }
    QSpinBox *portBox() const { return m_port; }

    // Sets the end points and traces. The port and protocol become `served` (what the
    // destination serves, issue 16) unless the user has chosen a port in the field, which
    // then stays until Clear.
    void traceBetween(const QString &from, const QString &to,
                      std::optional<std::pair<int, model::Protocol>> served = std::nullopt);
    // Whether the port in the field is one the user chose.
    bool portChosen() const { return m_portChosen; }
    // Traces what the fields say.
    void traceFields();
    // Shows that a source is picked and a destination is awaited.
    void showSourcePicked(const QString &from);
    // The pick was abandoned: back to the path on show (or the hint), without "click where
    // the packet goes".
    void showPickCancelled();
    // The names of the end points that can be typed (for the fields' completers).
    void setEndpointNames(const QStringList &names);

private:
    void sessionChanged();
    void followPacket(double progress);
    void syncPlayButton(bool playing);

    PathSession *m_session;
    PathAnimator *m_animator;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QComboBox *m_protocol;
    QSpinBox *m_port;
    bool m_portChosen = false;
    int m_servedPort = 443; // the last port filled in for the user
    QLabel *m_verdict;
    QToolButton *m_play;
    QToolButton *m_stepBack;
    QToolButton *m_stepForward;
    QComboBox *m_speed;
    QCheckBox *m_repeat;
    HopInspector *m_inspector;
};

} // namespace hopscope::gui
