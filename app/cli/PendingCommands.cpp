#include "cli/Commands.h"

#include <QTextStream>

namespace hopscope::cli {

namespace {
int notYet(const char *what)
{
    QTextStream(stderr) << "hopscope: '" << what << "' is not available in this build yet\n";
    return 2;
}
} // namespace

int runExport(int, char **, const QStringList &) { return notYet("export"); }

} // namespace hopscope::cli
