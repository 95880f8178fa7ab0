<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DesktopApp</name>
    <message>
        <source>Design Azure hub-and-spoke networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A design to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark or light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window to PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size WxH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring a dock forward.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No subnets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one address prefix is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SKU is needed (VpnGw1 …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>000 (no reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui</name>
    <message>
        <source>Hub VNet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hub VNet with the next free /16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoke VNet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spoke VNet with a workload subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop into a VNet: the next free /24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop into a VNet: creates %1 (/%2) if needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop into a subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VM with IP forwarding; drop into a subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VM running a forward proxy on 3128</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VPN client of a gateway (drop near it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-premises site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local network reached through a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network security group: drop it on a subnet or a VM to filter its traffic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::AzureImportDialog</name>
    <message>
        <source>Resource Graph: every VNet, route table, firewall, gateway, NSG and NIC of all your subscriptions (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>az CLI lists of one resource group (bash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resource group&apos;s template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Export your estate with one of these commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the query&apos;s &lt;code&gt;skip_token&lt;/code&gt; is not null, run it again with &lt;code&gt;--skip-token TOKEN &amp;gt; estate.2.json&lt;/code&gt; and add every page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Choose the JSON files (or drop them here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose exported Azure JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure exports (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB: not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in these files could be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignDocument</name>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n objects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignScene</name>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow all</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy VM (port %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVA (IP forwarding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIC NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S client of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded traffic allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded traffic blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one direction exists; Azure needs both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stands for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every public address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-premises via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignView</name>
    <message>
        <source>Start with a Hub VNet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag it from the palette, or select it there and press Enter.
Open an example from Help → Examples.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::EffectiveRoutesPanel</name>
    <message>
        <source>Compare with Azure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark where these routes differ from Azure&apos;s effective routes of a NIC in this subnet (az network nic show-effective-route-table -g RG -n NIC -o json &gt; NIC.routes.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure&apos;s effective routes of a NIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective route tables (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a subnet, VM or firewall to see its effective routes, as Azure&apos;s effective-routes view lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no route table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective routes of &lt;b&gt;%1&lt;/b&gt; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective routes of &lt;b&gt;%1&lt;/b&gt;, the NIC&apos;s subnet &lt;b&gt;%2&lt;/b&gt; (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no subnet is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large for an effective route table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not compared:&lt;/b&gt; %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with %1 (%2 Azure rows): no difference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with %1 (%2 Azure rows): %3 error(s), %4 warning(s), %5 info(s), marked below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::EffectiveSecurityRulesPanel</name>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a subnet or a VM to see its effective security rules, as Azure&apos;s effective-security-rules view lists them. Azure Firewalls, gateways and VPN clients are not filtered by NSGs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&apos;s NIC in &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NSG is associated with %1: Azure filters none of its traffic. Drop an NSG from the palette on it to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every public address outside the design&apos;s VNets, VPN pools and on-premises ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective security rules of %1. Inbound traffic meets the subnet&apos;s NSG first, then the NIC&apos;s; outbound the NIC&apos;s first. In each NSG the first rule that matches decides; a packet passes only if every NSG allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective security rules of %1. The first rule that matches decides; the default rules (grey) apply after the custom ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualNetwork: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AzureLoadBalancer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not modelled, matches no address in Hopscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, on subnet %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, on the NIC of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not evaluated: Azure does not filter %1 with an NSG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service tags at %1: &lt;b&gt;VirtualNetwork&lt;/b&gt; = %2; &lt;b&gt;AzureLoadBalancer&lt;/b&gt; = %3; &lt;b&gt;Internet&lt;/b&gt; = %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::ExportDialog</name>
    <message>
        <source>Export as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selection only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the &amp;path overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2x (high density screens, print)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FindingsPanel</name>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings: the design passes every check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FirewallRulesModel</name>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, 1 to 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a rule named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one protocol: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one address, prefix, or * for any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one port, range (1024-65535) or *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::HopInspector</name>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: allowed by flow state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: platform address, exempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 · %3 (%4) %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a hop to see its subnet&apos;s effective routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a P2S client: it sends into the tunnel only what %2 pushes to it: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside Azure: it has no effective routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective routes of %1; %2 used the marked one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective routes of %1; the packet was delivered here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed by flow state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: no NSG applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network security groups evaluated at %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::ImportReportPanel</name>
    <message numerus="yes">
        <source>%n VNet(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peering(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route table(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n network security group(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application security group(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firewall(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on-premises site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No import yet: File → Import from Azure… reads an exported estate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names %2, which is not in the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %2. %n entries below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::MainWindow</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace From Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracing from %1: right-click the destination and choose Trace To Here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace To Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace To Here from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective Security Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Route Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a route table to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste Into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Select and Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace between two selected end points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click, or drag a rubber band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a peering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag from one VNet to another with Draw Peering (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More in the &lt;a href=&quot;%1&quot;&gt;user guide&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squid Proxy Lab, As Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S clients browse through a proxy behind two firewalls; one UDR points at an address nobody owns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squid Proxy Lab, Typo Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same lab with the hub firewall&apos;s UDR pointing at the right firewall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squid Proxy Lab, Supported Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab rebuilt the way Azure supports: firewalls with management NICs, no 0.0.0.0/0 UDR on the GatewaySubnet, an NSG that admits only the VPN pool on the proxy port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squid Proxy Lab, Pool Blocked by an NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supported lab with a deny rule above the allow rule: the routes are right, the proxy subnet&apos;s NSG drops the VPN clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classic Hub and Spoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three spokes and a VPN gateway; the hub firewall inspects every flow both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from &amp;Azure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read an estate exported from Azure as JSON into a new design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as S&amp;VG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as P&amp;NG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find by Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rrange Automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow Desktop &amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select and Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw Peering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPN Pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Hopscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Hopscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Hopscope %1&lt;/b&gt;&lt;p&gt;Design Azure hub-and-spoke networks and see where every packet goes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has errors; the current design is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: built-in example missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The example %1 does not load: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 beside the design failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments will be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has comments, which saving cannot keep. Save anyway, or save a copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Design As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hopscope designs (*.hopscope.yaml *.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hopscope designs (*.hopscope.yaml *.yaml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hopscope did not close properly. Restore the unsaved changes%1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n objects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a VNet, subnet, device, client or site to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a VNet, subnet, device, client or site to cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a VNet, subnet, device, client or site to duplicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not duplicated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicated as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected; Properties shows %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>✓ No findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathOverlay</name>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leaves for the Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leaves for on-premises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tunneled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sees only the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sees only the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2  ·  %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asymmetric: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leg %1 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathPanel</name>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap source and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back one hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward one hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From &lt;b&gt;%1&lt;/b&gt;: click where the packet goes (Esc cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a source and a destination, or click them with the path tool (T).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press T (or Tools → Trace Path), then click where a packet starts and where it goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leg %1 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathSession</name>
    <message>
        <source>%1 was deleted, so the path is no longer shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathTool</name>
    <message>
        <source>Trace a path: click where the packet starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a VM, firewall, gateway, client, site, subnet or the Internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1: now click where it goes (Esc cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a destination other than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path %1 → %2. Click another source, or Esc to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path cancelled: click where the packet starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathWorkbench</name>
    <message>
        <source>Show Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Path %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PeeringTool</name>
    <message>
        <source>Drag from one VNet to another to peer them. Esc leaves the tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the peering on a VNet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add peering %1 ↔ %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PoolMatrixPanel</name>
    <message>
        <source>P2S pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool → subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet → pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stands for a client of this pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to draw this path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Click to draw this path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tunneled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop (reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No P2S pools yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No P2S pools in this design.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pool–subnet pair(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing direction(s). Click a verdict to draw its path.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PropertiesPanel</name>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on “%1” for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off “%1” for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User-defined routes; the longest matching prefix wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable gateway route propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New NSG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network security group whose rules filter traffic here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NSG %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security rules; the lowest priority number that matches decides. The default rules (grey) apply after them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the rules of %1 in a window that shows every column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security rules of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lowest priority number that matches decides. The default rules (grey) apply after the custom ones and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row after the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up: earlier rows are evaluated first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object on the canvas to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points Azure&apos;s documentation leaves open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0/0 UDR lifts private drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Azure drops traffic to the private ranges 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 with &lt;i&gt;None&lt;/i&gt; system routes, unless a VNet or peering covers it. A user route for 0.0.0.0/0 in the subnet&apos;s route table removes those drops, so such traffic follows the 0/0 route instead.&lt;/p&gt;&lt;p&gt;Azure documents this for a 0/0 route to a virtual appliance only. Choose which 0/0 user routes remove them here: &lt;b&gt;any&lt;/b&gt; (default), &lt;b&gt;virtualApplianceOnly&lt;/b&gt;, or &lt;b&gt;never&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S Internet breakout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add route table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network security groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop an NSG from the palette on a subnet or VM to add one there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New NSG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the NSG; the subnets and NICs that had it have none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add NSG %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete NSG %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (NIC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not associated with any subnet or NIC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address space</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s). Drop a Subnet from the palette to add one; Delete removes the selection.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New route table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub and spoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Hub-and-Spoke Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in use. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use hub-and-spoke settings for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peering %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create this direction (Azure needs both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow virtual network access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow forwarded traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow gateway transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use remote gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management NIC (forced tunnelling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow all traffic (rules: allowAll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rule that matches decides; no match denies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual network gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S client pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP forwarding (NVA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stateful (tracks sessions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a forward proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2S VPN client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no VM named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs no proxy: turn on “Runs a forward proxy” for it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-premises site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local network of a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address prefixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select VNets only, subnets only or VMs only to edit a field of all of them at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n VNets</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A change applies to all of them, as one undo step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. japaneast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set region of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n subnets</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VMs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>IP forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on “IP forwarding” for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off “IP forwarding” for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::RouteTableModel</name>
    <message>
        <source>route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VirtualAppliance route needs a next hop IP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change prefix of route %1 to %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change next hop of route %1 to %2 %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change next hop of route %1 to %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear next hop IP of route %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, 1 to 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a route named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VirtualAppliance route needs a next hop IP address: add a firewall, NVA or proxy VM first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VirtualAppliance route needs a next hop IP address: type another one, or choose another next hop type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only VirtualAppliance routes take a next hop IP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::RowsModel</name>
    <message>
        <source>Rename %1 %2 to %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1 of %2 %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of %2 %3 to %4 in %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 %2 up in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 %2 down in %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::SecurityRulesModel</name>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A side holds addresses or application security groups, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“*” already means every address: list it alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Src ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dest. ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: 100–4096, unique per direction; the lowest number that matches decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: Inbound or Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol: Tcp, Udp, Icmp, Esp, Ah or * (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: *, addresses, prefixes, service tags or application security groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: *, ports or ranges such as 80, 443, 8000-8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A default rule of every NSG (nsg.md N1.4): it cannot be changed, only overridden by a custom rule of lower priority number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*, addresses, prefixes, service tags (VirtualNetwork, Internet, AzureLoadBalancer) or application security groups, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*, ports or ranges such as 80, 443, 8000-8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename rule %1 to %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of rule %2 to %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default rules cannot be changed; add a rule with a lower priority number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an %2 rule with priority %3: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, 1 to 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a rule named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::TrafficController</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the log; nothing of it is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Proxy Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise a Squid access.log and draw its flows on the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Squid access.log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squid access logs (access.log* *.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Observed &amp;Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the flows of the imported proxy log over the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new design is open: import the log again to draw its flows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing of that log is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1: %2 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design has no proxy VM: no flows are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client of this log is in the design.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the canvas: %1 flows through %2 (View → Show Observed Traffic)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hopscope::gui::TrafficPanel</name>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every record of the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations by bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File → Import Proxy Log… reads a Squid access.log; its top destinations by bytes appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Top destinations by bytes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No proxy log imported.&lt;/b&gt; File → Import Proxy Log… reads a Squid access.log on a worker thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 records match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 bytes in %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No upstream traffic in these records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No next-hop address logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hops: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>Azure Firewalls and gateways take no NSG: drop it on a subnet or on a VM, NVA or proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the NSG on a subnet or on a VM, NVA or proxy: it filters their traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure does not filter %1 with an NSG: drop it on a workload subnet or a VM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has NSG %2: its rules are in the Properties panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown palette entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
