#include "cli/CliMain.h"
#include "gui/DesktopApp.h"

#include <QStringList>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (hopscope::cli::isHeadlessInvocation(arguments))
        return hopscope::cli::runHeadless(argc, argv);
    return hopscope::gui::runDesktopApp(argc, argv);
}
