#include "DesktopApp.h"

#include "Language.h"
#include "findings/CheckRunner.h"
#include "canvas/DesignScene.h"
#include "canvas/DesignView.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QStyleHints>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

#include <optional>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace hopscope::gui {

namespace {
// The palette the platform gave the application, taken before applyTheme() replaces it.
std::optional<QPalette> &desktopPalette()
{
    static std::optional<QPalette> palette;
    return palette;
}
void rememberDesktopPalette()
{
    if (!desktopPalette() && qApp)
        desktopPalette() = QGuiApplication::palette();
}
} // namespace

bool desktopPrefersDark()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const Qt::ColorScheme scheme = QGuiApplication::styleHints()->colorScheme();
    if (scheme != Qt::ColorScheme::Unknown)
        return scheme == Qt::ColorScheme::Dark;
#endif
    // Debian 12's Qt 6.4 has no colour-scheme hint: a desktop in dark mode hands the
    // application a palette whose windows are darker than their text.
    rememberDesktopPalette();
    const QPalette p = desktopPalette().value_or(QPalette());
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

bool darkThemeApplied()
{
    const QPalette p = QGuiApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

void applyTheme(bool dark)
{
    rememberDesktopPalette();
    if (!dark) {
        // Back to the platform's own palette where it gave one, else the style's.
        QApplication::setPalette(desktopPalette() && !desktopPrefersDark()
                                     ? *desktopPalette()
                                     : QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(0x23, 0x26, 0x2b), base(0x1b, 0x1d, 0x21), text(0xe6, 0xe8, 0xeb);
    const QColor button(0x2d, 0x31, 0x37), highlight(0x3d, 0x8e, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2a));
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x99));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(120));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x46));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled(0x6c, 0x72, 0x7a);
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    QApplication::setPalette(p);
}

void tuneAllocatorForLiveChecking()
{
#ifdef __GLIBC__
    // Blocks up to 32 MiB (glibc's largest threshold) come from the heap, and up to 256 MiB of
    // free memory stays with the process rather than going back to the system at once.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

int runDesktopApp(int argc, char **argv)
{
    tuneAllocatorForLiveChecking();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hopscope"));
    QApplication::setApplicationName(QStringLiteral("Hopscope"));
    QApplication::setApplicationVersion(QStringLiteral(HOPSCOPE_VERSION));
    // Before any string is translated: the language chosen in View, else the system's.
    installTranslators(savedLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("DesktopApp", "Design Azure hub-and-spoke networks."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("DesktopApp", "A design to open."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QApplication::translate("DesktopApp", "dark or light."),
                                   QStringLiteral("theme"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("DesktopApp",
                                                                "Save the window to PNG and exit."),
                                        QStringLiteral("png"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QApplication::translate("DesktopApp", "Window size WxH."),
                                  QStringLiteral("WxH"));
    QCommandLineOption hiddenScreenshot = screenshot;
    hiddenScreenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption hiddenSize = size;
    hiddenSize.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption select(QStringLiteral("select"),
                              QApplication::translate("DesktopApp", "Select an object by name."),
                              QStringLiteral("name"));
    select.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(select);
    QCommandLineOption raise(QStringLiteral("raise"),
                             QApplication::translate("DesktopApp", "Bring a dock forward."),
                             QStringLiteral("dock"));
    raise.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(raise);
    parser.addOption(theme);
    parser.addOption(hiddenScreenshot);
    parser.addOption(hiddenSize);
    parser.process(app);

    // The flag or the variable decides; else (not for screenshots, which must not depend on
    // the machine) the choice made in the View menu, else the desktop's colour scheme.
    rememberDesktopPalette();
    QString themeName = parser.isSet(theme) ? parser.value(theme)
                                            : qEnvironmentVariable("HOPSCOPE_THEME");
    if (themeName.isEmpty() && !parser.isSet(hiddenScreenshot))
        themeName = MainWindow::savedTheme();
    if (themeName == u"dark" ||
        (themeName != u"light" && !parser.isSet(hiddenScreenshot) && desktopPrefersDark()))
        applyTheme(true);

    MainWindow window; // registers the resources the icon comes from
    if (!parser.isSet(hiddenScreenshot))
        window.restoreLayout(); // geometry, docks and columns as the last run left them
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hopscope.svg")));
    const QStringList sizeParts = parser.value(hiddenSize).split(u'x');
    if (sizeParts.size() == 2)
        window.resize(sizeParts[0].toInt(), sizeParts[1].toInt());

    const QStringList files = parser.positionalArguments();
    bool opened = false;
    if (!files.isEmpty())
        opened = window.openFile(files.front());
    if (!opened)
        window.openExample(MainWindow::exampleResources().front());
    window.show();
    // Once shown, the view has its real size: fit again as the open did.
    QTimer::singleShot(0, &window, [&window] { window.view()->fitReadable(); });

    if (parser.isSet(hiddenScreenshot)) {
        // Wait for the first check so that findings and markers are on the picture.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 3000 &&
               (window.checkRunner()->isRunning() || waited.elapsed() < 600))
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        window.view()->fitReadable();
        if (parser.isSet(select))
            window.scene()->selectIds({model::ObjectId::parse(parser.value(select))});
        if (auto *dock = window.findChild<QDockWidget *>(parser.value(raise) + u"Dock");
            dock && parser.isSet(raise)) {
            dock->show();
            dock->raise();
        }
        QApplication::processEvents();
        const bool saved = window.grab().save(parser.value(hiddenScreenshot));
        return saved ? 0 : 1;
    }
    if (files.isEmpty())
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return app.exec();
}

} // namespace hopscope::gui
