#pragma once

// Subcommands that live outside CliMain.cpp (the proxy ones: ProxyCommands.h). Each takes the words after its name and
// returns cli.md's exit status.

#include <QStringList>

namespace hopscope::cli {

// `export`: creates its own QApplication on the offscreen platform (the scene needs one).
int runExport(int argc, char **argv, const QStringList &arguments);

} // namespace hopscope::cli
