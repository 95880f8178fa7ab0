#pragma once

// The Traffic dock (issue 7): what an imported Squid access.log shows — a headline (records,
// skipped lines, time range), filters by client, result and time, a bar chart of the top
// destinations by bytes, and tables of destinations (by bytes, by requests), clients with the
// design object each maps to, result codes and HTTP statuses, and errors. It only displays
// summaries it is given; TrafficController runs the imports and the filtered re-reads.

#include "proxy/AccessLog.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace hopscope::gui {

class DesignDocument;
class TrafficChart;

class TrafficPanel : public QWidget
{
    Q_OBJECT
public:
    // Rows shown per table; the summary may hold more (the flows use them all).
    static constexpr int maxRows = 200;
    static constexpr int chartBars = 10;

    explicit TrafficPanel(DesignDocument *document, QWidget *parent = nullptr);

    // A newly imported log: the filters are reset and offer its clients, results and time range.
    void showLog(const QString &path, const proxy::AccessLogSummary &summary);
    // The same log read again under filter(): replaces the tables, keeps the filter choices.
    void showFiltered(const proxy::AccessLogSummary &summary);
    // Nothing imported.
    void clear();

    bool hasLog() const { return m_summary.has_value(); }
    const proxy::AccessLogSummary *summary() const { return m_summary ? &*m_summary : nullptr; }
    QString logPath() const { return m_path; }
    proxy::AccessLogFilter filter() const;
    // A line under the headline, e.g. which flows are drawn on the canvas.
    void setNote(const QString &text);

    QLabel *headline() const { return m_headline; }
    TrafficChart *chart() const { return m_chart; }
    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *destinationsByBytesView() const { return m_byBytes; }
    QTreeWidget *destinationsByRequestsView() const { return m_byRequests; }
    QTreeWidget *clientsView() const { return m_clients; }
    QTreeWidget *resultCodesView() const { return m_results; }
    QTreeWidget *statusView() const { return m_statuses; }
    QTreeWidget *errorsView() const { return m_errors; }
    QComboBox *clientFilter() const { return m_clientFilter; }
    QComboBox *resultFilter() const { return m_resultFilter; }
    QDateTimeEdit *fromFilter() const { return m_from; }
    QDateTimeEdit *toFilter() const { return m_to; }

    // Column of the clients view that names the design object.
    enum ClientColumn { ClientAddress, ClientDesignObject, ClientRecords, ClientBytes, ClientDenied };
    enum DestinationColumn { DestinationHost, DestinationNetwork, DestinationBytes, DestinationRequests };

Q_SIGNALS:
    // The user changed a filter (debounced); the controller reads the log again under it.
    void filterChanged(const proxy::AccessLogFilter &filter);

private:
    void render();
    void renderPlaces();
    void fillFilterChoices(const proxy::AccessLogSummary &summary);
    void setFiltersEnabled(bool enabled);

    DesignDocument *m_document;
    std::optional<proxy::AccessLogSummary> m_summary;
    QString m_path;
    qint64 m_unfilteredRecords = 0;
    bool m_fillingFilters = false;

    QLabel *m_headline;
    QLabel *m_note;
    QComboBox *m_clientFilter;
    QComboBox *m_resultFilter;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QToolButton *m_resetFilters;
    QTimer *m_filterDebounce;
    TrafficChart *m_chart;
    QTabWidget *m_tabs;
    QTreeWidget *m_byBytes;
    QTreeWidget *m_byRequests;
    QTreeWidget *m_clients;
    QTreeWidget *m_results;
    QTreeWidget *m_statuses;
    QTreeWidget *m_errors;
};

} // namespace hopscope::gui
