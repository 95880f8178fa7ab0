#pragma once

#include <QStringList>

namespace hopscope::cli {

// True when `arguments` (without argv[0]) name a headless subcommand or --help/--version.
bool isHeadlessInvocation(const QStringList &arguments);

// Runs a headless subcommand; returns the process exit status of cli.md.
int runHeadless(int argc, char **argv);

} // namespace hopscope::cli
