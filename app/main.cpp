#include "cli/CliMain.h"
#include "DesktopApp.h"

#include <QStringList>
#include <QTextStream>

namespace {

// Qt aborts when it finds no display; say what to do instead.
bool displayAvailable()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (hopscope::cli::isHeadlessInvocation(arguments))
        return hopscope::cli::runHeadless(argc, argv);
    if (!displayAvailable()) {
        QTextStream(stderr) << "hopscope: no display to open the app on (DISPLAY is not set).\n"
                               "Headless commands (check, routes, trace, export, ...) need none: "
                               "see 'hopscope --help'.\n";
        return 2;
    }
    return hopscope::gui::runDesktopApp(argc, argv);
}
