<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>hopscope::gui::AzureImportDialog</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignDocument</name>
    <message numerus="yes">
        <source>Move %n objects</source>
        <translation>
            <numerusform>Move %n object</numerusform>
            <numerusform>Move %n objects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignScene</name>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FindingsPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FlowOverlay</name>
    <message numerus="yes">
        <source>%1 · %Ln request(s)</source>
        <translation>
            <numerusform>%1 · %Ln request</numerusform>
            <numerusform>%1 · %Ln requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::ImportReportPanel</name>
    <message numerus="yes">
        <source>%n VNet(s)</source>
        <translation>
            <numerusform>%n VNet</numerusform>
            <numerusform>%n VNets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s)</source>
        <translation>
            <numerusform>%n subnet</numerusform>
            <numerusform>%n subnets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peering(s)</source>
        <translation>
            <numerusform>%n peering</numerusform>
            <numerusform>%n peerings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route table(s)</source>
        <translation>
            <numerusform>%n route table</numerusform>
            <numerusform>%n route tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n network security group(s)</source>
        <translation>
            <numerusform>%n network security group</numerusform>
            <numerusform>%n network security groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application security group(s)</source>
        <translation>
            <numerusform>%n application security group</numerusform>
            <numerusform>%n application security groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firewall(s)</source>
        <translation>
            <numerusform>%n firewall</numerusform>
            <numerusform>%n firewalls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s)</source>
        <translation>
            <numerusform>%n gateway</numerusform>
            <numerusform>%n gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on-premises site(s)</source>
        <translation>
            <numerusform>%n on-premises site</numerusform>
            <numerusform>%n on-premises sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %2. %n entries below.</source>
        <translation>
            <numerusform>Imported %1: %2. %n entry below.</numerusform>
            <numerusform>Imported %1: %2. %n entries below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::MainWindow</name>
    <message numerus="yes">
        <source>Delete %n objects</source>
        <translation>
            <numerusform>Delete %n object</numerusform>
            <numerusform>Delete %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected</source>
        <translation>
            <numerusform>%n object selected</numerusform>
            <numerusform>%n objects selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected; Properties shows %1</source>
        <translation>
            <numerusform>%n object selected; Properties shows %1</numerusform>
            <numerusform>%n objects selected; Properties shows %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathOverlay</name>
    <message numerus="yes">
        <source>request: %1  (%n hop(s))</source>
        <translation>
            <numerusform>request: %1  (%n hop)</numerusform>
            <numerusform>request: %1  (%n hops)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reply: %1  (%n hop(s))</source>
        <translation>
            <numerusform>reply: %1  (%n hop)</numerusform>
            <numerusform>reply: %1  (%n hops)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>leg %1 request: %2  (%n hop(s))</source>
        <translation>
            <numerusform>leg %1 request: %2  (%n hop)</numerusform>
            <numerusform>leg %1 request: %2  (%n hops)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>leg %1 reply: %2  (%n hop(s))</source>
        <translation>
            <numerusform>leg %1 reply: %2  (%n hop)</numerusform>
            <numerusform>leg %1 reply: %2  (%n hops)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PoolMatrixPanel</name>
    <message numerus="yes">
        <source>%n pool–subnet pair(s), </source>
        <translation>
            <numerusform>%n pool–subnet pair, </numerusform>
            <numerusform>%n pool–subnet pairs, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing direction(s). Click a verdict to draw its path.</source>
        <translation>
            <numerusform>%n failing direction. Click a verdict to draw its path.</numerusform>
            <numerusform>%n failing directions. Click a verdict to draw its path.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PropertiesPanel</name>
    <message numerus="yes">
        <source>%n subnet(s). Drop a Subnet from the palette to add one; Delete removes the selection.</source>
        <translation>
            <numerusform>%n subnet. Drop a Subnet from the palette to add one; Delete removes the selection.</numerusform>
            <numerusform>%n subnets. Drop a Subnet from the palette to add one; Delete removes the selection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected</source>
        <translation>
            <numerusform>%n object selected</numerusform>
            <numerusform>%n objects selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VNets</source>
        <translation>
            <numerusform>%n VNet</numerusform>
            <numerusform>%n VNets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subnets</source>
        <translation>
            <numerusform>%n subnet</numerusform>
            <numerusform>%n subnets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VMs</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::TrafficPanel</name>
    <message numerus="yes">
        <source>%1
%2 bytes in %n request(s)</source>
        <translation>
            <numerusform>%1
%2 bytes in %n request</numerusform>
            <numerusform>%1
%2 bytes in %n requests</numerusform>
        </translation>
    </message>
</context>
</TS>
