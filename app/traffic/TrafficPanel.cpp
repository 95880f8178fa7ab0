#include "traffic/TrafficPanel.h"

#include "document/DesignDocument.h"
#include "format/ValueGrammar.h"
#include "traffic/TrafficChart.h"
#include "proxy/LogDesignMapping.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hopscope::gui {

namespace {

constexpr int sortRole = Qt::UserRole + 1;
constexpr int filterDebounceMilliseconds = 250;
const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

// Sorts by the number behind a cell, not by its formatted text.
class TableItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, sortRole), b = other.data(column, sortRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        return text(column).localeAwareCompare(other.text(column)) < 0;
    }
};

QTreeWidget *makeTable(const QString &objectName, const QStringList &headers,
                       const QList<int> &numericColumns)
{
    auto *t = new QTreeWidget;
    t->setObjectName(objectName);
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->setSortingEnabled(true);
    t->setSelectionMode(QAbstractItemView::ExtendedSelection);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(QHeaderView::Interactive);
    for (int c : numericColumns)
        t->headerItem()->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    t->setProperty("numericColumns", QVariant::fromValue(numericColumns));
    return t;
}

QString number(quint64 n) { return QLocale().toString(qulonglong(n)); }

QString dataSize(quint64 n)
{
    return QLocale().formattedDataSize(qint64(n), 1, QLocale::DataSizeTraditionalFormat);
}

// One row: text cells, with the numbers' sort keys and right alignment.
TableItem *addRow(QTreeWidget *table, const QStringList &texts, const QList<double> &numbers = {})
{
    auto *item = new TableItem(table, texts);
    const QList<int> numeric = table->property("numericColumns").value<QList<int>>();
    for (int i = 0; i < numeric.size() && i < numbers.size(); ++i) {
        item->setData(numeric[i], sortRole, numbers[i]);
        item->setTextAlignment(numeric[i], Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

void finishTable(QTreeWidget *table, int sortColumn, Qt::SortOrder order)
{
    table->sortByColumn(sortColumn, order);
    for (int c = 0; c < table->columnCount(); ++c)
        table->resizeColumnToContents(c);
}

QString statusName(int status)
{
    switch (status) {
    case 0: return TrafficPanel::tr("000 (no reply)");
    case 200: return QStringLiteral("200 OK");
    case 206: return QStringLiteral("206 Partial Content");
    case 301: return QStringLiteral("301 Moved Permanently");
    case 302: return QStringLiteral("302 Found");
    case 304: return QStringLiteral("304 Not Modified");
    case 400: return QStringLiteral("400 Bad Request");
    case 403: return QStringLiteral("403 Forbidden");
    case 404: return QStringLiteral("404 Not Found");
    case 407: return QStringLiteral("407 Proxy Authentication Required");
    case 500: return QStringLiteral("500 Internal Server Error");
    case 502: return QStringLiteral("502 Bad Gateway");
    case 503: return QStringLiteral("503 Service Unavailable");
    case 504: return QStringLiteral("504 Gateway Timeout");
    default: return QString::number(status);
    }
}

QDateTime utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

} // namespace

TrafficPanel::TrafficPanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_headline(new QLabel(this)),
      m_note(new QLabel(this)), m_clientFilter(new QComboBox(this)),
      m_resultFilter(new QComboBox(this)), m_from(new QDateTimeEdit(this)),
      m_to(new QDateTimeEdit(this)), m_resetFilters(new QToolButton(this)),
      m_filterDebounce(new QTimer(this)), m_chart(new TrafficChart(this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("traffic"));
    m_headline->setObjectName(QStringLiteral("trafficHeadline"));
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setObjectName(QStringLiteral("trafficNote"));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setWordWrap(true);

    m_clientFilter->setObjectName(QStringLiteral("clientFilter"));
    m_resultFilter->setObjectName(QStringLiteral("resultFilter"));
    // Long choices ("TCP_TUNNEL_ABORTED/200 (2)") must not widen the dock over the canvas.
    for (QComboBox *c : {m_clientFilter, m_resultFilter}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(14);
    }
    m_from->setObjectName(QStringLiteral("fromFilter"));
    m_to->setObjectName(QStringLiteral("toFilter"));
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(timeFormat);
        e->setCalendarPopup(true);
    }
    m_resetFilters->setObjectName(QStringLiteral("resetFilters"));
    m_resetFilters->setText(tr("Reset"));
    m_resetFilters->setToolTip(tr("Show every record of the log"));

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    filters->addWidget(label(tr("&Client:"), m_clientFilter));
    filters->addWidget(m_clientFilter);
    filters->addSpacing(8);
    filters->addWidget(label(tr("&Result:"), m_resultFilter));
    filters->addWidget(m_resultFilter);
    filters->addStretch(1);
    // The period on a row of its own: on one row the filters would keep the panel wider than
    // the canvas beside the Properties dock.
    auto *period = new QHBoxLayout;
    period->setContentsMargins(0, 0, 0, 0);
    period->addWidget(label(tr("F&rom:"), m_from));
    period->addWidget(m_from);
    period->addWidget(label(tr("&to:"), m_to));
    period->addWidget(m_to);
    period->addWidget(new QLabel(QStringLiteral("UTC"), this));
    period->addSpacing(4);
    period->addWidget(m_resetFilters);
    period->addStretch(1);

    m_byBytes = makeTable(QStringLiteral("destinationsByBytes"),
                          {tr("Destination"), tr("Network"), tr("Bytes"), tr("Requests")}, {2, 3});
    m_byRequests = makeTable(QStringLiteral("destinationsByRequests"),
                             {tr("Destination"), tr("Network"), tr("Bytes"), tr("Requests")}, {2, 3});
    m_clients = makeTable(QStringLiteral("clients"),
                          {tr("Client"), tr("Design object"), tr("Records"), tr("Bytes"), tr("Denied")},
                          {2, 3, 4});
    m_results = makeTable(QStringLiteral("resultCodes"), {tr("Result"), tr("Records")}, {1});
    m_statuses = makeTable(QStringLiteral("httpStatus"), {tr("HTTP status"), tr("Records")}, {1});
    m_errors = makeTable(QStringLiteral("errors"),
                         {tr("Outcome"), tr("Result"), tr("Destination"), tr("Records"), tr("Bytes")},
                         {3, 4});

    auto *results = new QSplitter(Qt::Horizontal);
    results->addWidget(m_results);
    results->addWidget(m_statuses);
    m_tabs->setObjectName(QStringLiteral("trafficTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_byBytes, tr("Destinations by bytes"));
    m_tabs->addTab(m_byRequests, tr("By requests"));
    m_tabs->addTab(m_clients, tr("Clients"));
    m_tabs->addTab(results, tr("Results"));
    m_tabs->addTab(m_errors, tr("Errors"));

    m_chart->setObjectName(QStringLiteral("trafficChart"));
    m_chart->setPlaceholderText(tr("File → Import Proxy Log… reads a Squid access.log; its top "
                                   "destinations by bytes appear here."));
    auto *chartBox = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(2);
    auto *chartTitle = new QLabel(tr("<b>Top destinations by bytes</b>"), chartBox);
    chartLayout->addWidget(chartTitle);
    chartLayout->addWidget(m_chart, 1);

    auto *body = new QSplitter(Qt::Horizontal);
    body->setObjectName(QStringLiteral("trafficSplitter"));
    body->setChildrenCollapsible(false);
    body->addWidget(chartBox);
    body->addWidget(m_tabs);
    body->setStretchFactor(0, 2);
    body->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_headline);
    top->addStretch(1);
    top->addWidget(m_note);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addLayout(period);
    layout->addWidget(body, 1);

    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(filterDebounceMilliseconds);
    connect(m_filterDebounce, &QTimer::timeout, this,
            [this] { Q_EMIT filterChanged(filter()); });
    auto changed = [this] {
        if (!m_fillingFilters)
            m_filterDebounce->start();
    };
    connect(m_clientFilter, &QComboBox::currentIndexChanged, this, changed);
    connect(m_resultFilter, &QComboBox::currentIndexChanged, this, changed);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_resetFilters, &QToolButton::clicked, this, [this] {
        m_fillingFilters = true;
        m_clientFilter->setCurrentIndex(0);
        m_resultFilter->setCurrentIndex(0);
        m_from->setDateTime(m_from->minimumDateTime());
        m_to->setDateTime(m_to->maximumDateTime());
        m_fillingFilters = false;
        m_filterDebounce->start();
    });
    // The design objects a log maps to follow the design: a rename or a new pool re-maps.
    connect(document, &DesignDocument::designChanged, this, &TrafficPanel::renderPlaces);

    clear();
}

void TrafficPanel::clear()
{
    m_summary.reset();
    m_path.clear();
    m_unfilteredRecords = 0;
    m_fillingFilters = true;
    m_clientFilter->clear();
    m_clientFilter->addItem(tr("All clients"));
    m_resultFilter->clear();
    m_resultFilter->addItem(tr("All results"));
    m_fillingFilters = false;
    setFiltersEnabled(false);
    render();
}

void TrafficPanel::setFiltersEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_clientFilter, m_resultFilter, m_from,
                                                       m_to, m_resetFilters})
        w->setEnabled(enabled);
}

void TrafficPanel::showLog(const QString &path, const proxy::AccessLogSummary &summary)
{
    m_filterDebounce->stop();
    m_path = path;
    m_summary = summary;
    m_unfilteredRecords = summary.records;
    fillFilterChoices(summary);
    setFiltersEnabled(true);
    render();
}

void TrafficPanel::showFiltered(const proxy::AccessLogSummary &summary)
{
    m_summary = summary;
    render();
}

void TrafficPanel::setNote(const QString &text) { m_note->setText(text); }

void TrafficPanel::fillFilterChoices(const proxy::AccessLogSummary &s)
{
    m_fillingFilters = true;
    m_clientFilter->clear();
    m_clientFilter->addItem(tr("All clients"));
    // The busiest clients only: a combo of a hundred thousand addresses helps nobody.
    for (int i = 0; i < int(s.clients.size()) && i < maxRows; ++i)
        m_clientFilter->addItem(s.clients[i].ip, s.clients[i].ip);
    m_resultFilter->clear();
    m_resultFilter->addItem(tr("All results"));
    std::vector<std::pair<QString, qint64>> codes(s.resultCodes.begin(), s.resultCodes.end());
    std::stable_sort(codes.begin(), codes.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[code, n] : codes)
        m_resultFilter->addItem(QStringLiteral("%1 (%2)").arg(code, number(quint64(n))), code);
    // The time filter spans every record: from the earliest start (which no record's own time
    // precedes) to the latest time, in whole seconds.
    if (s.earliestStartMs && s.latestTimestampMs) {
        const QDateTime from = utc(*s.earliestStartMs / 1000 * 1000);
        const QDateTime to = utc((*s.latestTimestampMs + 999) / 1000 * 1000);
        for (QDateTimeEdit *e : {m_from, m_to})
            e->setDateTimeRange(from, to);
        m_from->setDateTime(from);
        m_to->setDateTime(to);
    }
    m_fillingFilters = false;
}

proxy::AccessLogFilter TrafficPanel::filter() const
{
    proxy::AccessLogFilter f;
    f.client = m_clientFilter->currentData().toString();
    f.result = m_resultFilter->currentData().toString();
    if (m_from->isEnabled() && m_from->dateTime() > m_from->minimumDateTime())
        f.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_to->isEnabled() && m_to->dateTime() < m_to->maximumDateTime())
        f.toMs = m_to->dateTime().toMSecsSinceEpoch() + 999; // the whole second shown
    return f;
}

void TrafficPanel::render()
{
    for (QTreeWidget *t : {m_byBytes, m_byRequests, m_clients, m_results, m_statuses, m_errors}) {
        t->setSortingEnabled(false);
        t->clear();
    }
    if (!m_summary) {
        m_headline->setText(tr("<b>No proxy log imported.</b> File → Import Proxy Log… reads a "
                               "Squid access.log on a worker thread."));
        m_note->clear();
        m_chart->setBars({});
        return;
    }
    const proxy::AccessLogSummary &s = *m_summary;
    const bool filtered = !filter().isEmpty();

    QString range;
    if (s.firstTimestampMs && s.latestTimestampMs) {
        const QDateTime first = utc(*s.firstTimestampMs), last = utc(*s.latestTimestampMs);
        range = first.date() == last.date()
                    ? QStringLiteral("%1 %2 – %3 UTC")
                          .arg(first.toString(QStringLiteral("yyyy-MM-dd")),
                               first.toString(QStringLiteral("HH:mm:ss")),
                               last.toString(QStringLiteral("HH:mm:ss")))
                    : QStringLiteral("%1 – %2 UTC").arg(first.toString(timeFormat),
                                                        last.toString(timeFormat));
    }
    QStringList parts;
    parts << (filtered ? tr("%1 of %2 records match").arg(number(quint64(s.records)),
                                                          number(quint64(m_unfilteredRecords)))
                       : tr("%1 records").arg(number(quint64(s.records))));
    parts << tr("%1 skipped lines").arg(number(quint64(s.skipped)));
    if (!range.isEmpty())
        parts << range;
    m_headline->setText(QStringLiteral("<b>%1</b> — %2")
                            .arg(QFileInfo(m_path).fileName().toHtmlEscaped(),
                                 parts.join(QStringLiteral(" · ")).toHtmlEscaped()));
    m_headline->setToolTip(m_path);

    std::vector<TrafficChart::Bar> bars;
    for (const proxy::DestinationVolume &d : s.topDestinationsByBytes) {
        if (int(bars.size()) >= chartBars)
            break;
        bars.push_back({d.host, double(d.bytes), dataSize(d.bytes),
                        tr("%1\n%2 bytes in %n request(s)", nullptr, int(d.records))
                            .arg(d.host, number(d.bytes))});
    }
    m_chart->setPlaceholderText(tr("No upstream traffic in these records."));
    m_chart->setBars(std::move(bars));

    auto destinations = [&](QTreeWidget *table, const std::vector<proxy::DestinationVolume> &list) {
        for (int i = 0; i < int(list.size()) && i < maxRows; ++i) {
            const proxy::DestinationVolume &d = list[i];
            QTreeWidgetItem *row = addRow(table, {d.host, QString(), number(d.bytes),
                                                  number(quint64(d.records))},
                                          {double(d.bytes), double(d.records)});
            row->setData(DestinationHost, Qt::UserRole, d.peers);
            row->setToolTip(DestinationHost, d.peers.isEmpty()
                                                 ? tr("No next-hop address logged")
                                                 : tr("Next hops: %1").arg(format::joinList(d.peers)));
            row->setToolTip(DestinationBytes, dataSize(d.bytes));
        }
    };
    destinations(m_byBytes, s.topDestinationsByBytes);
    destinations(m_byRequests, s.topDestinationsByRequests);

    for (int i = 0; i < int(s.clients.size()) && i < maxRows; ++i) {
        const proxy::ClientVolume &c = s.clients[i];
        QTreeWidgetItem *row = addRow(m_clients, {c.ip, QString(), number(quint64(c.records)),
                                                  number(c.bytes), number(quint64(c.denied))},
                                      {double(c.records), double(c.bytes), double(c.denied)});
        row->setToolTip(ClientBytes, dataSize(c.bytes));
    }

    for (const auto &[code, n] : s.resultCodes)
        addRow(m_results, {code, number(quint64(n))}, {double(n)});
    for (const auto &[status, n] : s.byStatus)
        addRow(m_statuses, {statusName(status), number(quint64(n))}, {double(n)})
            ->setData(0, sortRole, status);

    for (int i = 0; i < int(s.errors.size()) && i < maxRows; ++i) {
        const proxy::ErrorGroup &e = s.errors[i];
        addRow(m_errors, {proxy::outcomeCategoryName(e.category), e.result,
                          e.host.isEmpty() ? tr("(no destination)") : e.host,
                          number(quint64(e.records)), number(e.bytes)},
               {double(e.records), double(e.bytes)});
    }
    m_tabs->setTabText(m_tabs->indexOf(m_errors),
                       s.errors.empty() ? tr("Errors") : tr("Errors (%1)").arg(s.errors.size()));

    renderPlaces();
    finishTable(m_byBytes, DestinationBytes, Qt::DescendingOrder);
    finishTable(m_byRequests, DestinationRequests, Qt::DescendingOrder);
    finishTable(m_clients, ClientBytes, Qt::DescendingOrder);
    finishTable(m_results, 1, Qt::DescendingOrder);
    finishTable(m_statuses, 0, Qt::AscendingOrder);
    finishTable(m_errors, 3, Qt::DescendingOrder);
    for (QTreeWidget *t : {m_byBytes, m_byRequests, m_clients, m_results, m_statuses, m_errors})
        t->setSortingEnabled(true);
}

void TrafficPanel::renderPlaces()
{
    const model::Design &design = m_document->design();
    for (QTreeWidget *t : {m_byBytes, m_byRequests}) {
        for (int i = 0; i < t->topLevelItemCount(); ++i) {
            QTreeWidgetItem *row = t->topLevelItem(i);
            row->setText(DestinationNetwork,
                         proxy::placeOfDestination(design, row->text(DestinationHost),
                                                   row->data(DestinationHost, Qt::UserRole)
                                                       .toStringList())
                             .text);
        }
    }
    for (int i = 0; i < m_clients->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = m_clients->topLevelItem(i);
        row->setText(ClientDesignObject,
                     proxy::placeOfClient(design, row->text(ClientAddress)).text);
    }
}

} // namespace hopscope::gui
