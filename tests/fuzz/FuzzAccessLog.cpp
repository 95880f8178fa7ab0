// libFuzzer target: the access.log reader, both the record parser and the (threaded) summary
// with and without a filter. Every line must be a record, blank/comment or skipped.

#include "proxy/AccessLog.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hopscope::proxy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const AccessLogParse parsed = parseAccessLogText(text);
    for (const AccessLogRecord &record : parsed.records)
        (void)outcomeCategoryName(record.category);

    AccessLogOptions options;
    options.threads = 1;
    const AccessLogSummary summary = summarizeAccessLog(text, options);
    // The parser and the summary read the same lines the same way.
    if (summary.records != qint64(parsed.records.size()) || summary.skipped != parsed.skipped
        || summary.blankOrCommentLines != parsed.blankOrCommentLines)
        std::abort();
    (void)toJson(summary);

    if (!parsed.records.empty()) {
        options.filter.client = parsed.records.front().client;
        options.filter.fromMs = parsed.records.front().timestampMs;
        (void)toJson(summarizeAccessLog(text, options));
    }
    return 0;
}
