// libFuzzer target: load → save → load. Whatever the reader accepts, the writer must write in a
// form the reader accepts again, and the design read back must equal the first one; otherwise
// saving would lose the user's work. Aborts (a crash for libFuzzer) when that fails.

#include "io/DesignReader.h"
#include "io/DesignWriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace hopscope::io;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const LoadResult first = readDesign(text, QStringLiteral("fuzz"));
    if (!first.design)
        return 0;
    const QByteArray saved = writeDesign(*first.design);
    const LoadResult second = readDesign(saved, QStringLiteral("saved"));
    if (!second.design) {
        std::fprintf(stderr, "the saved design does not load: %s\n--- saved:\n%s\n",
                     qPrintable(second.errors.front().toString()), saved.constData());
        std::abort();
    }
    if (!(*second.design == *first.design)) {
        std::fprintf(stderr, "the saved design loads differently\n--- saved:\n%s\n",
                     saved.constData());
        std::abort();
    }
    // The canonical form is a fixed point (DesignWriter.h).
    if (writeDesign(*second.design) != saved) {
        std::fprintf(stderr, "saving twice gives different files\n");
        std::abort();
    }
    return 0;
}
