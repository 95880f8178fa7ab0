#include "proxy/ProxyConfigs.h"

#include <QDir>

namespace hopscope::proxy {

ProxyConfigs ProxyConfigs::load(const model::Design &design, const QString &designDirectory)
{
    ProxyConfigs configs;
    for (const model::Vm &vm : design.vms) {
        if (!vm.proxy || vm.proxy->config.isEmpty())
            continue;
        const QString path = QDir(designDirectory).filePath(vm.proxy->config);
        configs.m_configs.insert(vm.name, std::make_shared<const SquidConfig>(SquidConfig::load(path)));
        configs.m_paths.insert(vm.name, vm.proxy->config);
    }
    return configs;
}

const SquidConfig *ProxyConfigs::forVm(const QString &vm) const
{
    const auto it = m_configs.constFind(vm);
    return it == m_configs.cend() ? nullptr : it->get();
}

} // namespace hopscope::proxy
