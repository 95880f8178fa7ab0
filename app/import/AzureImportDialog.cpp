#include "import/AzureImportDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace hopscope::gui {

namespace {

constexpr char lastDirectoryKey[] = "import/lastAzureDirectory";
constexpr int progressPollMilliseconds = 50;

} // namespace

// Everything the worker touches; shared with the dialog, which may be gone when it ends.
struct AzureImportDialog::Run
{
    QStringList paths;
    std::atomic<int> filesRead{0};
    std::atomic<bool> cancelled{false};
    importing::ImportResult result;
    QStringList problems; // files that could not be read at all
    bool imported = false; // importEstate() ran
    QFutureWatcher<void> *watcher = nullptr;
};

QList<AzureImportDialog::ExportCommand> AzureImportDialog::exportCommands()
{
    // The exact text of README "Check your own estate" and import.md §2 A–C: what a user pastes
    // into a shell must be what the documentation promises.
    return {
        {tr("Resource Graph: every VNet, route table, firewall, gateway, NSG and NIC of all your "
            "subscriptions (recommended)"),
         QStringLiteral(
             "az graph query --first 1000 -o json -q \"resources | where type in~ "
             "('microsoft.network/virtualnetworks','microsoft.network/routetables',"
             "'microsoft.network/networksecuritygroups',"
             "'microsoft.network/applicationsecuritygroups','microsoft.network/networkinterfaces',"
             "'microsoft.network/azurefirewalls','microsoft.network/virtualnetworkgateways',"
             "'microsoft.network/localnetworkgateways','microsoft.network/connections',"
             "'microsoft.network/publicipaddresses') | project id, name, type, location, "
             "resourceGroup, subscriptionId, properties | order by id asc\" > estate.json")},
        {tr("az CLI lists of one resource group (bash)"),
         QStringLiteral("RG=rg-hopscope-lab; for c in vnet route-table nsg asg nic firewall "
                        "vnet-gateway local-gateway vpn-connection public-ip; do az network $c "
                        "list -g \"$RG\" -o json; done > estate.az.json")},
        {tr("A resource group's template"),
         QStringLiteral("az group export -n RG --skip-resource-name-params "
                        "--include-parameter-default-value > rg.json")},
    };
}

AzureImportDialog::AzureImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_fileList(new QListWidget(this))
    , m_addButton(new QPushButton(tr("&Add Files…"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("azureImportDialog"));
    setWindowTitle(tr("Import from Azure"));
    setAcceptDrops(true);

    auto *commands = new QGroupBox(tr("1. Export your estate with one of these commands"), this);
    auto *commandLayout = new QGridLayout(commands);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QList<ExportCommand> list = exportCommands();
    for (int i = 0; i < list.size(); ++i) {
        auto *title = new QLabel(list[i].title, commands);
        title->setWordWrap(true);
        auto *text = new QPlainTextEdit(list[i].command, commands);
        text->setObjectName(QStringLiteral("exportCommand%1").arg(i));
        text->setReadOnly(true);
        text->setFont(fixed);
        text->setWordWrapMode(QTextOption::WrapAnywhere);
        // Tall enough to show each whole command at the dialog's width: it is read before copied.
        const int lines = i == 0 ? 7 : i == 1 ? 3 : 2;
        text->setFixedHeight(QFontMetrics(fixed).lineSpacing() * lines +
                             2 * (text->frameWidth() + int(text->document()->documentMargin())));
        auto *copy = new QPushButton(tr("Copy"), commands);
        copy->setObjectName(QStringLiteral("copyCommand%1").arg(i));
        copy->setToolTip(tr("Copy the command to the clipboard"));
        connect(copy, &QPushButton::clicked, this, [this, command = list[i].command] {
            QApplication::clipboard()->setText(command);
            m_status->setText(tr("Command copied to the clipboard."));
        });
        commandLayout->addWidget(title, 2 * i, 0, 1, 2);
        commandLayout->addWidget(text, 2 * i + 1, 0);
        commandLayout->addWidget(copy, 2 * i + 1, 1, Qt::AlignTop);
    }
    auto *pages = new QLabel(tr("When the query's <code>skip_token</code> is not null, run it again "
                                "with <code>--skip-token TOKEN &gt; estate.2.json</code> and add "
                                "every page."),
                             commands);
    pages->setWordWrap(true);
    commandLayout->addWidget(pages, 2 * int(list.size()), 0, 1, 2);

    auto *filesBox = new QGroupBox(tr("2. Choose the JSON files (or drop them here)"), this);
    auto *filesLayout = new QHBoxLayout(filesBox);
    m_fileList->setObjectName(QStringLiteral("importFiles"));
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setMinimumHeight(QFontMetrics(font()).lineSpacing() * 4);
    auto *fileButtons = new QVBoxLayout;
    m_addButton->setObjectName(QStringLiteral("addImportFiles"));
    m_removeButton->setObjectName(QStringLiteral("removeImportFiles"));
    fileButtons->addWidget(m_addButton);
    fileButtons->addWidget(m_removeButton);
    fileButtons->addStretch();
    filesLayout->addWidget(m_fileList, 1);
    filesLayout->addLayout(fileButtons);
    connect(m_addButton, &QPushButton::clicked, this, &AzureImportDialog::chooseFiles);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_fileList->selectedItems());
        updateButtons();
    });
    connect(m_fileList, &QListWidget::itemSelectionChanged, this, &AzureImportDialog::updateButtons);

    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->hide();

    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("startImport"));
    m_importButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelImport"));
    connect(m_importButton, &QPushButton::clicked, this, &AzureImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &AzureImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(commands);
    layout->addWidget(filesBox, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    m_poll->setInterval(progressPollMilliseconds);
    connect(m_poll, &QTimer::timeout, this, &AzureImportDialog::pollProgress);
    resize(880, 680);
    updateButtons();
}

AzureImportDialog::~AzureImportDialog()
{
    // The worker owns its run; it only learns that nobody waits for it any more.
    if (m_run)
        m_run->cancelled = true;
}

QStringList AzureImportDialog::files() const
{
    QStringList paths;
    for (int i = 0; i < m_fileList->count(); ++i)
        paths << m_fileList->item(i)->data(Qt::UserRole).toString();
    return paths;
}

void AzureImportDialog::addFiles(const QStringList &paths)
{
    const QStringList listed = files();
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (listed.contains(absolute))
            continue;
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(absolute), m_fileList);
        item->setData(Qt::UserRole, absolute);
    }
    m_errors.clear();
    m_status->clear();
    updateButtons();
}

void AzureImportDialog::chooseFiles()
{
    QSettings settings;
    const QString start =
        settings.value(QLatin1String(lastDirectoryKey), QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Choose exported Azure JSON"), start,
        tr("Azure exports (*.json);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QLatin1String(lastDirectoryKey), QFileInfo(paths.front()).absolutePath());
    addFiles(paths);
}

void AzureImportDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isBusy() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void AzureImportDialog::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    addFiles(paths);
    event->acceptProposedAction();
}

void AzureImportDialog::startImport()
{
    if (isBusy() || m_fileList->count() == 0)
        return;
    auto run = std::make_shared<Run>();
    run->paths = files();
    m_run = run;
    m_errors.clear();
    m_status->setText(tr("Reading %n file(s)…", nullptr, int(run->paths.size())));
    m_progress->setRange(0, int(run->paths.size()) + 1);
    m_progress->setValue(0);
    m_progress->show();
    updateButtons();

    run->watcher = new QFutureWatcher<void>(this);
    connect(run->watcher, &QFutureWatcher<void>::finished, this, [this, run] {
        run->watcher->deleteLater();
        finished(run);
    });
    // The worker reads the files as `hopscope import` does and calls the same importEstate().
    run->watcher->setFuture(QtConcurrent::run([run] {
        std::vector<importing::InputFile> inputs;
        for (const QString &path : run->paths) {
            if (run->cancelled)
                return;
            QFile file(path);
            if (QFileInfo(path).size() > importing::maxImportFileBytes)
                run->problems << tr("%1: larger than %2 MiB: not read")
                                     .arg(QDir::toNativeSeparators(path))
                                     .arg(importing::maxImportFileBytes >> 20);
            else if (!file.open(QIODevice::ReadOnly))
                run->problems << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path),
                                                             file.errorString());
            else
                inputs.push_back({path, file.readAll()});
            ++run->filesRead;
        }
        if (inputs.empty() || run->cancelled)
            return;
        run->result = importing::importEstate(inputs);
        run->imported = true;
    }));
    m_poll->start();
}

void AzureImportDialog::pollProgress()
{
    if (!m_run)
        return;
    const int read = m_run->filesRead;
    if (read < m_run->paths.size()) {
        m_progress->setValue(read);
        return;
    }
    // importEstate() reports no progress of its own: a busy bar while it maps.
    m_progress->setRange(0, 0);
    m_status->setText(tr("Importing %n file(s)…", nullptr, int(m_run->paths.size())));
}

void AzureImportDialog::cancelImport()
{
    if (!m_run)
        return;
    m_run->cancelled = true;
    m_run.reset();
    m_poll->stop();
    m_progress->hide();
    m_status->setText(tr("Import cancelled: nothing was imported."));
    updateButtons();
}

void AzureImportDialog::reject()
{
    if (isBusy())
        cancelImport();
    else
        QDialog::reject();
}

void AzureImportDialog::finished(const std::shared_ptr<Run> &run)
{
    if (run != m_run || run->cancelled)
        return; // cancelled, or superseded: never shown
    m_run.reset();
    m_poll->stop();
    m_progress->hide();
    QStringList errors = run->problems;
    if (run->imported) {
        errors << run->result.errors;
        if (!run->result.design || !run->result.errors.isEmpty()) {
            // As `hopscope import` says it: each unreadable file with the parser's reason.
            for (const importing::SkippedResource &s : run->result.report.skipped)
                if (s.reason == u"unreadable")
                    errors << QStringLiteral("%1: %2").arg(s.path, s.detail);
        }
    }
    if (!run->imported || !run->result.design || !run->result.errors.isEmpty()) {
        if (errors.isEmpty())
            errors << tr("Nothing in these files could be imported.");
        showErrors(errors);
        return;
    }
    m_status->clear();
    updateButtons();
    Q_EMIT imported(run->result, run->paths);
    accept();
}

void AzureImportDialog::showErrors(const QStringList &errors)
{
    m_errors = errors;
    m_status->setText(tr("<b>Nothing was imported.</b><br>%1")
                          .arg(errors.join(QStringLiteral("\n")).toHtmlEscaped().replace(
                              u'\n', QStringLiteral("<br>"))));
    updateButtons();
}

void AzureImportDialog::updateButtons()
{
    const bool busy = isBusy();
    m_importButton->setEnabled(!busy && m_fileList->count() > 0);
    m_addButton->setEnabled(!busy);
    m_removeButton->setEnabled(!busy && !m_fileList->selectedItems().isEmpty());
    m_fileList->setEnabled(!busy);
}

} // namespace hopscope::gui
