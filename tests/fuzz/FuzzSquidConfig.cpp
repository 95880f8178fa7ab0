// libFuzzer target: the squid.conf reader and the http_access evaluator. The input is a config;
// a few fixed requests and one taken from the input's last line ("METHOD TARGET CLIENT") are
// evaluated against it. Includes and value files resolve against a folder that does not exist,
// so only absolute paths in the input reach the file system.

#include "proxy/SquidConfig.h"

#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <vector>

using namespace hopscope::proxy;

namespace {

void check(const SquidConfig &config, const ProxyRequest &request)
{
    const Decision decision = config.evaluate(request);
    // An undecidable verdict names what it depends on; a decided one points at its rule or is
    // implicit.
    if (decision.verdict == Decision::Verdict::Undecidable && decision.dependsOn.isEmpty())
        std::abort();
    (void)request.url();
}

void evaluate(const SquidConfig &config, QByteArrayView client, const QString &method,
              const QString &target)
{
    const std::optional<SquidAddress> address = SquidAddress::parse(client);
    if (!address)
        return;
    const std::optional<ProxyRequest> request = ProxyRequest::make(*address, method, target);
    if (request)
        check(config, *request);
}

// The fixed requests every config is asked about, built once: they do not depend on the input.
const std::vector<ProxyRequest> &fixedRequests()
{
    static const std::vector<ProxyRequest> requests = [] {
        std::vector<ProxyRequest> out;
        const auto add = [&out](const char *client, const QString &method, const QString &target) {
            const std::optional<SquidAddress> address = SquidAddress::parse(QByteArrayView(client));
            const std::optional<ProxyRequest> request =
                address ? ProxyRequest::make(*address, method, target) : std::nullopt;
            if (!request)
                std::abort(); // the harness would silently check less
            out.push_back(*request);
        };
        add("172.16.16.2", QStringLiteral("CONNECT"), QStringLiteral("example.com:443"));
        add("10.2.0.4", QStringLiteral("GET"), QStringLiteral("http://example.com:8080/a/b?c=d"));
        add("2001:db8::1", QStringLiteral("POST"), QStringLiteral("ftp://[2001:db8::2]/x"));
        return out;
    }();
    return requests;
}

} // namespace

// Paths with a NUL in them make Qt warn on every run; the warnings say nothing the fuzzer needs.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    (void)fixedRequests();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const SquidConfig config = SquidConfig::parse(text, QStringLiteral("squid.conf"),
                                                  QStringLiteral("/nonexistent-hopscope-fuzz"));
    for (const ConfigDiagnostic &d : config.diagnostics())
        (void)d.toString();
    (void)config.hasErrors();
    (void)config.listensOn(3128);
    Decision how;
    (void)config.admitsFromAnywhere(&how);

    for (const ProxyRequest &request : fixedRequests())
        check(config, request);

    // Only the last line is wanted: find it rather than split the whole input into lines.
    const QByteArrayView last = QByteArrayView(text).sliced(text.lastIndexOf('\n') + 1);
    const QList<QByteArray> words = last.toByteArray().simplified().split(' ');
    if (words.size() == 3)
        evaluate(config, words[2], QString::fromUtf8(words[0]), QString::fromUtf8(words[1]));
    return 0;
}
