#pragma once

// The squid.conf of every proxy VM of a design that names one (format.md `proxy.config`),
// read once, relative to the design file, for traces and `check`.

#include "model/Design.h"
#include "proxy/SquidConfig.h"

#include <QHash>
#include <QString>

#include <memory>

namespace hopscope::proxy {

class ProxyConfigs
{
public:
    ProxyConfigs() = default;

    // Reads each `proxy.config` of `design`, relative paths against `designDirectory`. A file
    // that cannot be read is kept too: its diagnostics say why.
    static ProxyConfigs load(const model::Design &design, const QString &designDirectory);

    // The configuration of proxy VM `vm`, or nullptr when it names none.
    const SquidConfig *forVm(const QString &vm) const;
    // The path as the design wrote it, for messages.
    QString pathFor(const QString &vm) const { return m_paths.value(vm); }

private:
    QHash<QString, std::shared_ptr<const SquidConfig>> m_configs;
    QHash<QString, QString> m_paths;
};

} // namespace hopscope::proxy
