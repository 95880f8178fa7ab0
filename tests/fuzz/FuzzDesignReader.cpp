// libFuzzer target: the design reader (format.md v1) on arbitrary bytes. It must never crash,
// hang, leak or trip a sanitizer, and it must either build a design or say why not.

#include "io/DesignReader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const hopscope::io::LoadResult result = hopscope::io::readDesign(text, QStringLiteral("fuzz"));
    // The contract of LoadResult: a design exactly when there is no error.
    if (result.design.has_value() == !result.errors.empty())
        std::abort();
    return 0;
}
