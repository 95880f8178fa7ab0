// libFuzzer target: the squid.conf reader and the http_access evaluator. The input is a config;
// a few fixed requests and one taken from the input's last line ("METHOD TARGET CLIENT") are
// evaluated against it. Includes and value files resolve against a folder that does not exist,
// so only absolute paths in the input reach the file system.

#include "proxy/SquidConfig.h"

#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hopscope::proxy;

namespace {

void evaluate(const SquidConfig &config, const char *client, const QString &method,
              const QString &target)
{
    const std::optional<SquidAddress> address = SquidAddress::parse(QByteArrayView(client));
    if (!address)
        return;
    const std::optional<ProxyRequest> request = ProxyRequest::make(*address, method, target);
    if (!request)
        return;
    const Decision decision = config.evaluate(*request);
    // An undecidable verdict names what it depends on; a decided one points at its rule or is
    // implicit.
    if (decision.verdict == Decision::Verdict::Undecidable && decision.dependsOn.isEmpty())
        std::abort();
    (void)request->url();
}

} // namespace

// Paths with a NUL in them make Qt warn on every run; the warnings say nothing the fuzzer needs.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
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

    evaluate(config, "172.16.16.2", QStringLiteral("CONNECT"), QStringLiteral("example.com:443"));
    evaluate(config, "10.2.0.4", QStringLiteral("GET"),
             QStringLiteral("http://example.com:8080/a/b?c=d"));
    evaluate(config, "2001:db8::1", QStringLiteral("POST"), QStringLiteral("ftp://[2001:db8::2]/x"));

    const QList<QByteArray> lines = text.split('\n');
    const QList<QByteArray> words = lines.last().simplified().split(' ');
    if (words.size() == 3)
        evaluate(config, words[2].constData(), QString::fromUtf8(words[0]),
                 QString::fromUtf8(words[1]));
    return 0;
}
