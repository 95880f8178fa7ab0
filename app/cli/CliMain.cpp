#include "cli/CliMain.h"
namespace hopscope::cli {
bool isHeadlessInvocation(const QStringList &) { return true; }
int runHeadless(int, char **) { return 0; }
}
