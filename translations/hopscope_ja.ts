<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DesktopApp</name>
    <message>
        <source>Design Azure hub-and-spoke networks.</source>
        <translation>Azure のハブ アンド スポーク ネットワークを設計します。</translation>
    </message>
    <message>
        <source>A design to open.</source>
        <translation>開く設計ファイル。</translation>
    </message>
    <message>
        <source>dark or light.</source>
        <translation>dark または light。</translation>
    </message>
    <message>
        <source>Save the window to PNG and exit.</source>
        <translation>ウィンドウを PNG に保存して終了します。</translation>
    </message>
    <message>
        <source>Window size WxH.</source>
        <translation>ウィンドウ サイズ (幅x高さ)。</translation>
    </message>
    <message>
        <source>Select an object by name.</source>
        <translation>名前でオブジェクトを選択します。</translation>
    </message>
    <message>
        <source>Bring a dock forward.</source>
        <translation>ドックを前面に表示します。</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>intent %1 → %2 %3 port %4 (expect %5)</source>
        <translation>インテント %1 → %2 %3 ポート %4 (期待値 %5)</translation>
    </message>
    <message>
        <source>%1 cannot be traced: %2</source>
        <translation>%1 をトレースできません: %2</translation>
    </message>
    <message>
        <source>the connection works</source>
        <translation>接続は成功します</translation>
    </message>
    <message>
        <source>%1 does not hold: %2</source>
        <translation>%1 が満たされていません: %2</translation>
    </message>
    <message>
        <source>subnet %1/%2 (%3) lies outside %1&apos;s address space (%4): Azure refuses such a subnet. Move the subnet into the address space or add a range that holds it.</source>
        <translation>サブネット %1/%2 (%3) が %1 のアドレス空間 (%4) の外にあります。Azure はこのようなサブネットを拒否します。サブネットをアドレス空間内に移すか、サブネットを含む範囲をアドレス空間に追加してください。</translation>
    </message>
    <message>
        <source>subnets %1/%2 (%3) and %1/%4 (%5) overlap: Azure refuses overlapping subnets in one VNet. Give one of them a free range.</source>
        <translation>サブネット %1/%2 (%3) と %1/%4 (%5) が重複しています。Azure は 1 つの VNet 内で重複するサブネットを拒否します。どちらかに空いている範囲を割り当ててください。</translation>
    </message>
    <message>
        <source>%1&apos;s address %2 is outside its subnet %3 (%4): a NIC takes its address from its subnet. Pick an address inside it.</source>
        <translation>%1 のアドレス %2 がサブネット %3 (%4) の外にあります。NIC のアドレスはそのサブネットから割り当てられます。サブネット内のアドレスを選択してください。</translation>
    </message>
    <message>
        <source>%1&apos;s address %2 is one Azure reserves in %3 (the first four and the last, R10.1); the first usable host is %4.</source>
        <translation>%1 のアドレス %2 は、Azure が %3 で予約しているアドレスです (先頭の 4 つと最後の 1 つ、R10.1)。使用できる最初のホストは %4 です。</translation>
    </message>
    <message>
        <source>%1 and %2 both use %3: an address belongs to one NIC. Give one of them another address.</source>
        <translation>%1 と %2 が同じアドレス %3 を使用しています。1 つのアドレスは 1 つの NIC にしか割り当てられません。どちらかに別のアドレスを指定してください。</translation>
    </message>
    <message>
        <source>%1 is peered with itself: Azure peers two different VNets. Remove this peering.</source>
        <translation>%1 がそれ自身とピアリングされています。Azure でピアリングできるのは異なる 2 つの VNet です。このピアリングを削除してください。</translation>
    </message>
    <message>
        <source>the peering %1 → %2 is defined twice: Azure keeps one link per direction. Remove the duplicate.</source>
        <translation>ピアリング %1 → %2 が 2 回定義されています。Azure が保持するリンクは方向ごとに 1 つです。重複を削除してください。</translation>
    </message>
    <message>
        <source>the peering %1 → %2 has no %2 → %1 direction, so it stays Initiated and carries nothing (R8.3). Add the other direction.</source>
        <translation>ピアリング %1 → %2 には %2 → %1 の方向がないため、状態が [開始済み] のままで何も転送しません (R8.3)。逆方向のピアリングを追加してください。</translation>
    </message>
    <message>
        <source>peered VNets %1 (%2) and %3 (%4) overlap: Azure refuses to peer overlapping address spaces (R8.2, L15). Re-address one of them.</source>
        <translation>ピアリングされた VNet %1 (%2) と %3 (%4) のアドレス空間が重複しています。Azure は重複するアドレス空間のピアリングを拒否します (R8.2、L15)。どちらかのアドレスを付け直してください。</translation>
    </message>
    <message>
        <source>%1 has a gateway of its own</source>
        <translation>%1 には独自のゲートウェイがあります</translation>
    </message>
    <message>
        <source>%1 has no gateway</source>
        <translation>%1 にはゲートウェイがありません</translation>
    </message>
    <message>
        <source>the %1 → %2 link does not allow gateway transit</source>
        <translation>%1 → %2 のリンクでゲートウェイ転送が許可されていません</translation>
    </message>
    <message>
        <source>%1&apos;s gateway is Basic SKU, which has no transit</source>
        <translation>%1 のゲートウェイは Basic SKU で、ゲートウェイ転送に対応していません</translation>
    </message>
    <message>
        <source>the peering %1 → %2 sets useRemoteGateways, but %3: Azure rejects it (R8.6, L14).</source>
        <translation>ピアリング %1 → %2 で useRemoteGateways が設定されていますが、%3。Azure はこの設定を拒否します (R8.6、L14)。</translation>
    </message>
    <message>
        <source>%1 sets useRemoteGateways on %2 peerings; Azure allows one (R8.6, L14).</source>
        <translation>%1 は %2 個のピアリングで useRemoteGateways を設定しています。Azure で許可されるのは 1 つだけです (R8.6、L14)。</translation>
    </message>
    <message>
        <source>%1&apos;s P2S pool %2 overlaps %3 (%4): clients would get addresses Azure routes into the VNet (R9.1, L15). Pick a pool outside every VNet and site.</source>
        <translation>%1 の P2S プール %2 が %3 (%4) と重複しています。クライアントに、Azure が VNet 内へルーティングするアドレスが割り当てられてしまいます (R9.1、L15)。どの VNet ともサイトとも重ならないプールを選択してください。</translation>
    </message>
    <message>
        <source>%1&apos;s P2S pool %2 overlaps on-premises site %3 (%4) (R9.1, L15). Pick another pool.</source>
        <translation>%1 の P2S プール %2 がオンプレミス サイト %3 (%4) と重複しています (R9.1、L15)。別のプールを選択してください。</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; in %2</source>
        <translation>%2 のルート &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 repeats the prefix %2 of route &apos;%3&apos;: a table holds each prefix once (R6.2). Merge or remove one.</source>
        <translation>%1 のプレフィックス %2 がルート &apos;%3&apos; と重複しています。ルート テーブルに同じプレフィックスは 1 回しか指定できません (R6.2)。統合するか、どちらかを削除してください。</translation>
    </message>
    <message>
        <source>%1 has next hop type %2 and a next hop IP %3: only VirtualAppliance routes take one. Remove the address or change the type.</source>
        <translation>%1 のネクスト ホップの種類は %2 ですが、ネクスト ホップ IP アドレス %3 が指定されています。ネクスト ホップ IP アドレスを指定できるのは VirtualAppliance ルートだけです。アドレスを削除するか、種類を変更してください。</translation>
    </message>
    <message>
        <source> Did you mean %1 (%2)?</source>
        <translation>%1 (%2) の間違いではありませんか?</translation>
    </message>
    <message>
        <source>%1 sends %2 to %3, which no VM, NVA or firewall owns: every packet that takes it is dropped (blackhole, L11).%4</source>
        <translation>%1 は %2 を %3 に送りますが、このアドレスを持つ VM、NVA、ファイアウォールはありません。このルートを通るパケットはすべて破棄されます (ブラックホール、L11)。%4</translation>
    </message>
    <message>
        <source>%1 sends %2 to %3 (%4 in %5), but the peering between %6&apos;s VNet and %5 is defined in one direction only, so it is not connected and every packet that takes the route is dropped (R8.3). Define the peering in both directions.</source>
        <translation>%1 は %2 を %3 (%5 の %4) に送りますが、%6 の VNet と %5 の間のピアリングが一方向にしか定義されていないため接続されておらず、このルートを通るパケットはすべて破棄されます (R8.3)。ピアリングを双方向に定義してください。</translation>
    </message>
    <message>
        <source>%1 sends %2 to %3 (%4 in %5), but %6 is neither in that VNet nor directly peered with it: Azure cannot hand the packet over (R4.3b, L11). Peer the VNets or use an appliance in reach.</source>
        <translation>%1 は %2 を %3 (%5 の %4) に送りますが、%6 はその VNet 内になく、その VNet と直接ピアリングもされていないため、Azure はパケットを引き渡せません (R4.3b、L11)。VNet をピアリングするか、到達できるアプライアンスを使用してください。</translation>
    </message>
    <message>
        <source>%1 sends %2 to %3 (%4), whose NIC has IP forwarding off: Azure drops every packet not addressed to it (R4.3a, L7). Turn on enableIPForwarding (and forwarding in the OS).</source>
        <translation>%1 は %2 を %3 (%4) に送りますが、その NIC の IP 転送がオフです。Azure は、その NIC 宛てでないパケットをすべて破棄します (R4.3a、L7)。enableIPForwarding をオンにしてください (OS 側の転送も必要です)。</translation>
    </message>
    <message>
        <source>%1 sends %2 to %3, which sits in %4 itself: the appliance&apos;s own traffic takes the same route back to it, a loop (R4.3c, L8). Put the appliance in a subnet of its own.</source>
        <translation>%1 は %2 を %3 に送りますが、%3 は %4 自体の中にあります。アプライアンス自身のトラフィックも同じルートで自分に戻り、ループになります (R4.3c、L8)。アプライアンスを専用のサブネットに配置してください。</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; in %2 sends %3 to VirtualNetworkGateway, but %4&apos;s VNet has %5: Azure allows this next hop only towards a VPN gateway, alone (R4.4, L17).</source>
        <translation>%2 のルート &apos;%1&apos; は %3 を VirtualNetworkGateway に送りますが、%4 の VNet には %5。Azure でこのネクスト ホップを使用できるのは、VPN ゲートウェイだけがある場合に限られます (R4.4、L17)。</translation>
    </message>
    <message>
        <source>an ExpressRoute gateway</source>
        <translation>ExpressRoute ゲートウェイがあります</translation>
    </message>
    <message>
        <source>no VPN gateway</source>
        <translation>VPN ゲートウェイがありません</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; in %2 sends 0.0.0.0/0 from %3: a default route on GatewaySubnet is not supported, and a gateway cannot be created while it is attached (R7.1, L10). Send specific prefixes (each spoke) to the firewall instead.</source>
        <translation>%2 のルート &apos;%1&apos; は %3 から 0.0.0.0/0 を送ります。GatewaySubnet の既定ルートはサポートされておらず、関連付けている間はゲートウェイを作成できません (R7.1、L10)。代わりに、特定のプレフィックス (各スポーク) をファイアウォールに送ってください。</translation>
    </message>
    <message>
        <source>%1 disables gateway route propagation on %2: the gateway stops working (R7.1, L10). Keep propagation on.</source>
        <translation>%1 は %2 でゲートウェイ ルートの伝達を無効にしています。ゲートウェイが機能しなくなります (R7.1、L10)。伝達は有効のままにしてください。</translation>
    </message>
    <message>
        <source>%1 on %2 has no 0.0.0.0/0 → Internet route and %3 no management NIC: ARM rejects the association (AzureFirewallSubnetRouteTableMustHaveDefaultRouteToInternet, R7.2, L9). Add 0.0.0.0/0 → Internet, or create the firewall with a management NIC (forced-tunnel mode).</source>
        <translation>%2 の %1 には 0.0.0.0/0 → Internet のルートがなく、%3管理 NIC もありません。ARM はこの関連付けを拒否します (AzureFirewallSubnetRouteTableMustHaveDefaultRouteToInternet、R7.2、L9)。0.0.0.0/0 → Internet を追加するか、管理 NIC 付き (強制トンネリング モード) でファイアウォールを作成してください。</translation>
    </message>
    <message>
        <source>no firewall there has</source>
        <translation>そこにはファイアウォールがなく、</translation>
    </message>
    <message>
        <source>%1 has</source>
        <translation>%1 には</translation>
    </message>
    <message>
        <source>%1 is attached to %2: AzureBastionSubnet does not support route tables (R7.4). Detach it.</source>
        <translation>%1 が %2 に関連付けられています。AzureBastionSubnet はルート テーブルをサポートしていません (R7.4)。関連付けを解除してください。</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; in %2 sends %3 from %4 to %5, but the peering route %6 to %7 is more specific and wins: traffic from tunnels to %7 bypasses the appliance (R5.3, L2). Add a route for %6 itself.</source>
        <translation>%2 のルート &apos;%1&apos; は %4 から %3 を %5 に送りますが、%7 へのピアリング ルート %6 の方が具体的なため優先されます。トンネルから %7 へのトラフィックはアプライアンスを経由しません (R5.3、L2)。%6 そのもののルートを追加してください。</translation>
    </message>
    <message>
        <source>on-premises prefixes and P2S client pool</source>
        <translation>オンプレミスのプレフィックスと P2S クライアント アドレス プール</translation>
    </message>
    <message>
        <source>on-premises prefixes</source>
        <translation>オンプレミスのプレフィックス</translation>
    </message>
    <message>
        <source>P2S client pool</source>
        <translation>P2S クライアント アドレス プール</translation>
    </message>
    <message>
        <source>on-premises and to P2S clients</source>
        <translation>オンプレミスと P2S クライアント</translation>
    </message>
    <message>
        <source>on-premises</source>
        <translation>オンプレミス</translation>
    </message>
    <message>
        <source>P2S clients</source>
        <translation>P2S クライアント</translation>
    </message>
    <message>
        <source>%1 sends 0.0.0.0/0 to an appliance but keeps gateway route propagation on, so %2 learns %3&apos;s %4, which are more specific: traffic to %5 bypasses the appliance (R5.3, R9.2, L3). Set disableBgpRoutePropagation on %1, and route the spokes through the appliance on the GatewaySubnet.</source>
        <translation>%1 は 0.0.0.0/0 をアプライアンスに送りますが、ゲートウェイ ルートの伝達が有効なままなので、%2 は %3 の %4 (より具体的なルート) を学習します。%5 へのトラフィックはアプライアンスを経由しません (R5.3、R9.2、L3)。%1 で disableBgpRoutePropagation を設定し、GatewaySubnet でスポーク宛てのトラフィックをアプライアンス経由にしてください。</translation>
    </message>
    <message>
        <source>%1 sends traffic to %2 in %3, which relays traffic from other networks back into %1, but the peering %1 → %3 does not allow forwarded traffic: those packets are dropped at the peering (R8.5, L20). Set allowForwardedTraffic on it.</source>
        <translation>%1 はトラフィックを %3 の %2 に送り、%2 は他のネットワークからのトラフィックを %1 に中継しますが、ピアリング %1 → %3 は転送されたトラフィックを許可していないため、それらのパケットはピアリングで破棄されます (R8.5、L20)。このピアリングで allowForwardedTraffic を設定してください。</translation>
    </message>
    <message>
        <source>%1 pushes routes that send its P2S clients&apos; Internet traffic into the tunnel, but a VPN gateway drops Internet-bound client traffic (R9.6, L19, unclear in Azure&apos;s docs): only traffic to a proxy or another private address gets through.</source>
        <translation>%1 は P2S クライアントのインターネット トラフィックをトンネルに送るルートをプッシュしますが、VPN ゲートウェイはクライアントからのインターネット宛てトラフィックを破棄します (R9.6、L19、Azure のドキュメントでは明確でない)。通過するのは、プロキシなどのプライベート アドレス宛てのトラフィックだけです。</translation>
    </message>
    <message>
        <source>%1 pushes custom routes to its P2S clients: Windows clients get them (and any peering change) only after downloading the VPN profile again (R9.4, L18).</source>
        <translation>%1 は P2S クライアントにカスタム ルートをプッシュします。Windows クライアントにそのルート (とピアリングの変更) が反映されるのは、VPN プロファイルを再ダウンロードした後だけです (R9.4、L18)。</translation>
    </message>
    <message>
        <source>%1 sends its web traffic to %2 port %3, but the proxy listens on %4: every request is refused. Set the client&apos;s useProxy port to the proxy&apos;s http_port.</source>
        <translation>%1 は Web トラフィックを %2 のポート %3 に送りますが、プロキシは %4 で待ち受けているため、すべての要求が拒否されます。クライアントの useProxy のポートをプロキシの http_port に合わせてください。</translation>
    </message>
    <message>
        <source>other ports</source>
        <translation>別のポート</translation>
    </message>
    <message>
        <source>%1&apos;s configuration %2 cannot be used: %3</source>
        <translation>%1 の構成 %2 を使用できません: %3</translation>
    </message>
    <message>
        <source>%1&apos;s %2 has lines Hopscope does not evaluate, so verdicts that depend on them are reported as undecidable, never guessed: %3</source>
        <translation>%1 の %2 には Hopscope が評価しない行があるため、それに依存する判定は推測せず、判定不能として報告します: %3</translation>
    </message>
    <message>
        <source>%1 admits clients from anywhere (%2): anyone who reaches it can use it to browse as your network. Restrict http_access to your clients&apos; ranges (e.g. the P2S pool) and end with &apos;http_access deny all&apos;.</source>
        <translation>%1 はどこからのクライアントも受け付けます (%2)。到達できる人なら誰でも、このネットワークとして Web を閲覧できてしまいます。http_access をクライアントの範囲 (P2S プールなど) に制限し、最後に &apos;http_access deny all&apos; を置いてください。</translation>
    </message>
    <message>
        <source>the implicit last rule</source>
        <translation>暗黙の最後の規則</translation>
    </message>
    <message>
        <source>%1 denies HTTPS from %2&apos;s P2S pool %3 (%4), yet clients of that pool are set to use it. Add an allow rule for the pool.</source>
        <translation>%1 は %2 の P2S プール %3 からの HTTPS を拒否します (%4) が、そのプールのクライアントはこのプロキシを使う設定になっています。プールを許可する規則を追加してください。</translation>
    </message>
    <message>
        <source>%1 rule %2 (%3 %4)</source>
        <translation>%1 の規則 %2 (%3 %4)</translation>
    </message>
    <message>
        <source>%1 is associated with %2: Azure refuses an NSG on GatewaySubnet while a gateway is there, and Microsoft calls it unsupported (the gateway may stop working). Hopscope does not evaluate it. Remove the association.</source>
        <translation>%1 が %2 に関連付けられています。ゲートウェイがある GatewaySubnet への NSG の関連付けは Azure に拒否され、Microsoft もサポート対象外としています (ゲートウェイが機能しなくなる可能性があります)。Hopscope はこの NSG を評価しません。関連付けを解除してください。</translation>
    </message>
    <message>
        <source>%1 is associated with %2: Azure disables subnet NSGs on the firewall&apos;s subnets, so it filters nothing (the firewall&apos;s own rules do). Hopscope does not evaluate it. Remove the association.</source>
        <translation>%1 が %2 に関連付けられています。Azure はファイアウォールのサブネットではサブネットの NSG を無効にするため、この NSG は何もフィルター処理しません (フィルター処理はファイアウォール自身の規則が行います)。Hopscope はこの NSG を評価しません。関連付けを解除してください。</translation>
    </message>
    <message>
        <source>%1 never decides: %2 comes first and matches every packet it matches, with the opposite access (%3). The %4 it seems to intend never happens. Give it a lower priority number than %5, or narrow %5.</source>
        <translation>%1 で判定されることはありません。%2 が先に評価され、この規則が一致するすべてのパケットに逆のアクセス (%3) で一致します。意図していると思われる %4 は発生しません。この規則に %5 より小さい優先度の数値を指定するか、%5 の範囲を狭めてください。</translation>
    </message>
    <message>
        <source>%1 never decides: %2 comes first and matches every packet it matches, with the same access. It can be removed.</source>
        <translation>%1 で判定されることはありません。%2 が先に評価され、この規則が一致するすべてのパケットに同じアクセスで一致します。この規則は削除できます。</translation>
    </message>
    <message>
        <source>%1 admits TCP port %2 from the whole Internet: SSH and RDP exposed this way are scanned and brute-forced within hours (Azure Policy and Defender flag it). Allow only your admin addresses, or use Bastion or just-in-time access.</source>
        <translation>%1 はインターネット全体から TCP ポート %2 を許可しています。このように公開された SSH や RDP は数時間のうちにスキャンされ、ブルート フォース攻撃を受けます (Azure Policy と Defender も警告します)。管理者のアドレスだけを許可するか、Bastion または Just-In-Time アクセスを使用してください。</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 と %2</translation>
    </message>
    <message>
        <source>%1: rules %2 share priority %3 %4. Azure refuses the second (SecurityRuleConflict); Hopscope tries them in file order. Give each rule its own priority.</source>
        <translation>%1: 規則 %2 の優先度 %3 (%4) が同じです。Azure は 2 つ目の規則を拒否します (SecurityRuleConflict)。Hopscope はファイル内の順に評価します。規則ごとに異なる優先度を指定してください。</translation>
    </message>
    <message>
        <source>priority %1 is outside 100–4096</source>
        <translation>優先度 %1 が 100～4096 の範囲外です</translation>
    </message>
    <message>
        <source>source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>its %1 names %2 service tags</source>
        <translation>%1 に %2 個のサービス タグが指定されています</translation>
    </message>
    <message>
        <source>its %1 mixes a service tag with prefixes</source>
        <translation>%1 にサービス タグとプレフィックスが混在しています</translation>
    </message>
    <message>
        <source>its %1 names %2 application security groups</source>
        <translation>%1 に %2 個のアプリケーション セキュリティ グループが指定されています</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1: %2. Azure refuses such a rule; Hopscope evaluates it as written.</source>
        <translation>%1: %2。Azure はこのような規則を拒否します。Hopscope は記述どおりに評価します。</translation>
    </message>
    <message>
        <source>%1 uses the service tag %2, whose addresses Hopscope does not hold: in traces and checks it matches no address.</source>
        <translation>%1 はサービス タグ %2 を使用していますが、Hopscope はそのアドレスを保持していないため、トレースとチェックではどのアドレスにも一致しません。</translation>
    </message>
    <message>
        <source>%1 is filtered twice: by %2 on its subnet %3 and by %4 on its NIC. Both must allow every flow; Microsoft recommends one or the other, which keeps the rules in one place.</source>
        <translation>%1 は 2 回フィルター処理されます。サブネット %3 の %2 と、NIC の %4 です。すべてのフローを両方で許可する必要があります。Microsoft はどちらか一方だけを使うことを推奨しており、そうすれば規則を 1 か所にまとめられます。</translation>
    </message>
    <message>
        <source>application security group %1 has members in %2 VNets (%3): Azure requires every member NIC in one VNet.</source>
        <translation>アプリケーション セキュリティ グループ %1 のメンバーが %2 個の VNet (%3) にあります。Azure では、すべてのメンバー NIC が 1 つの VNet 内にある必要があります。</translation>
    </message>
    <message>
        <source>%1 joins application security groups of different VNets (source in %2, destination in %3): Azure requires the source and destination groups of a rule in one VNet.</source>
        <translation>%1 は異なる VNet のアプリケーション セキュリティ グループを組み合わせています (送信元は %2、宛先は %3)。Azure では、規則の送信元と宛先のグループが同じ VNet 内にある必要があります。</translation>
    </message>
    <message>
        <source>the routes of %1 on %2 cover every IPv4 address, and Azure adds user-route prefixes to the subnet&apos;s VirtualNetwork service tag: there the tag means any address, so AllowVnetInBound of %3 admits any source%4. Add explicit deny rules below 65000 for what must not come in.</source>
        <translation>%2 の %1 のルートはすべての IPv4 アドレスをカバーしており、Azure はユーザー ルートのプレフィックスをサブネットの VirtualNetwork サービス タグに追加します。そのため、ここではこのタグが任意のアドレスを意味し、%3 の AllowVnetInBound は任意の送信元を許可します%4。受信させてはならないトラフィックには、65000 より小さい優先度で明示的な拒否規則を追加してください。</translation>
    </message>
    <message>
        <source>, the Internet included for its VMs with a public IP</source>
        <translation> (パブリック IP を持つ VM ではインターネットも含みます)</translation>
    </message>
    <message>
        <source> (and %1 more of its %2 workload subnets)</source>
        <translation> (ほかに、%2 個のワークロード サブネットのうち %1 個も同様)</translation>
    </message>
    <message>
        <source>P2S clients of %1 (%2) cannot reach %3</source>
        <translation>%1 の P2S クライアント (%2) から %3 に到達できません</translation>
    </message>
    <message>
        <source>%1 cannot reach P2S clients of %2 (%3)</source>
        <translation>%1 から %2 の P2S クライアント (%3) に到達できません</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2: %3</translation>
    </message>
    <message>
        <source>%1 VNet pairs (%2 subnet pairs) fail the same way (%3)</source>
        <translation>%1 組の VNet (%2 組のサブネット) が同じ理由で失敗します (%3)</translation>
    </message>
    <message>
        <source>%1 → %2: %3 subnet pair(s) fail (%4)</source>
        <translation>%1 → %2: %3 組のサブネットが失敗します (%4)</translation>
    </message>
    <message>
        <source>%1; for example %2 → %3: %4</source>
        <translation>%1。例: %2 → %3: %4</translation>
    </message>
    <message>
        <source>the peering %1 → %2 does not allow forwarded traffic, so traffic relayed from %2 into %1 is dropped there (R8.5, L20); for example %3 → %4: %5. Set allowForwardedTraffic on it.</source>
        <translation>ピアリング %1 → %2 は転送されたトラフィックを許可していないため、%2 から %1 に中継されたトラフィックはそこで破棄されます (R8.5、L20)。例: %3 → %4: %5。このピアリングで allowForwardedTraffic を設定してください。</translation>
    </message>
    <message>
        <source>traffic for %1 (for example %2 from %3) loops between %4: each sends it on to the next and it never arrives (§14, L8). Give one of them a route that leads out of the loop.</source>
        <translation>%1 宛てのトラフィック (例: %3 からの %2) が %4 の間でループします。互いに次へ送り続け、宛先に届きません (§14、L8)。どれか 1 つに、ループから抜け出すルートを設定してください。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Azure Firewalls and gateways take no NSG: drop it on a subnet or on a VM, NVA or proxy.</source>
        <translation>Azure Firewall とゲートウェイには NSG を関連付けられません。サブネット、または VM、NVA、プロキシにドロップしてください。</translation>
    </message>
    <message>
        <source>Drop the NSG on a subnet or on a VM, NVA or proxy: it filters their traffic.</source>
        <translation>NSG はサブネット、または VM、NVA、プロキシにドロップしてください。そのトラフィックをフィルター処理します。</translation>
    </message>
    <message>
        <source>Azure does not filter %1 with an NSG: drop it on a workload subnet or a VM.</source>
        <translation>Azure は %1 を NSG でフィルター処理しません。ワークロード サブネットまたは VM にドロップしてください。</translation>
    </message>
    <message>
        <source>%1 already has NSG %2: its rules are in the Properties panel.</source>
        <translation>%1 には既に NSG %2 があります。その規則は [プロパティ] パネルにあります。</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 を %2 に追加</translation>
    </message>
    <message>
        <source>Hub VNet</source>
        <translation>ハブ VNet</translation>
    </message>
    <message>
        <source>A hub VNet with the next free /16</source>
        <translation>次の空いている /16 を持つハブ VNet</translation>
    </message>
    <message>
        <source>Spoke VNet</source>
        <translation>スポーク VNet</translation>
    </message>
    <message>
        <source>A spoke VNet with a workload subnet</source>
        <translation>ワークロード サブネットを持つスポーク VNet</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>サブネット</translation>
    </message>
    <message>
        <source>Drop into a VNet: the next free /24</source>
        <translation>VNet にドロップ: 次の空いている /24</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Drop into a VNet: creates %1 (/%2) if needed</source>
        <translation>VNet にドロップ: 必要なら %1 (/%2) を作成します</translation>
    </message>
    <message>
        <source>VPN Gateway</source>
        <translation>VPN ゲートウェイ</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Drop into a subnet</source>
        <translation>サブネットにドロップ</translation>
    </message>
    <message>
        <source>NVA</source>
        <translation>NVA</translation>
    </message>
    <message>
        <source>A VM with IP forwarding; drop into a subnet</source>
        <translation>IP 転送が有効な VM。サブネットにドロップ</translation>
    </message>
    <message>
        <source>Proxy VM</source>
        <translation>プロキシ VM</translation>
    </message>
    <message>
        <source>A VM running a forward proxy on 3128</source>
        <translation>3128 でフォワード プロキシを実行する VM</translation>
    </message>
    <message>
        <source>P2S client</source>
        <translation>P2S クライアント</translation>
    </message>
    <message>
        <source>A VPN client of a gateway (drop near it)</source>
        <translation>ゲートウェイの VPN クライアント (その近くにドロップ)</translation>
    </message>
    <message>
        <source>On-premises site</source>
        <translation>オンプレミス サイト</translation>
    </message>
    <message>
        <source>A local network reached through a gateway</source>
        <translation>ゲートウェイ経由で到達するローカル ネットワーク</translation>
    </message>
    <message>
        <source>NSG</source>
        <translation>NSG</translation>
    </message>
    <message>
        <source>A network security group: drop it on a subnet or a VM to filter its traffic</source>
        <translation>ネットワーク セキュリティ グループ: サブネットまたは VM にドロップすると、そのトラフィックをフィルター処理します</translation>
    </message>
    <message>
        <source>Unknown palette entry %1.</source>
        <translation>不明なパレット項目 %1 です。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 を追加</translation>
    </message>
</context>
<context>
    <name>Walk</name>
    <message>
        <source>a virtual appliance</source>
        <translation>仮想アプライアンス</translation>
    </message>
    <message>
        <source>the virtual network gateway</source>
        <translation>仮想ネットワーク ゲートウェイ</translation>
    </message>
    <message>
        <source>%1 over the peering</source>
        <translation>ピアリング経由で %1</translation>
    </message>
    <message>
        <source>the peering</source>
        <translation>ピアリング</translation>
    </message>
    <message>
        <source>the local VNet</source>
        <translation>ローカル VNet</translation>
    </message>
    <message>
        <source>the Internet</source>
        <translation>インターネット</translation>
    </message>
    <message>
        <source>nowhere (None: drop)</source>
        <translation>ネクスト ホップなし (None: 破棄)</translation>
    </message>
    <message>
        <source>route &apos;%1&apos; in %2 sends %3 to %4</source>
        <translation>%2 のルート &apos;%1&apos; は %3 を %4 に送ります</translation>
    </message>
    <message>
        <source>gateway route</source>
        <translation>ゲートウェイ ルート</translation>
    </message>
    <message>
        <source>system route</source>
        <translation>システム ルート</translation>
    </message>
    <message>
        <source>the %1 %2 sends it to %3</source>
        <translation>%1 %2 はパケットを %3 に送ります</translation>
    </message>
    <message>
        <source>denied by %1 rule %2 (priority %3) on %4 %5: %6</source>
        <translation>%4 (%5) で %1 の規則 %2 (優先度 %3) により拒否: %6</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>dropped at %1: %2</source>
        <translation>%1 で破棄: %2</translation>
    </message>
    <message>
        <source>loops: the packet for %1 comes back to %2</source>
        <translation>ループ: %1 宛てのパケットが %2 に戻ってきます</translation>
    </message>
    <message>
        <source>%1 has no public IP that the Internet can reach</source>
        <translation>%1 にはインターネットから到達できるパブリック IP がありません</translation>
    </message>
    <message>
        <source>%1 is not among the routes %2 pushes to its P2S clients, so %3 sends it outside the tunnel</source>
        <translation>%1 は %2 が P2S クライアントにプッシュするルートに含まれないため、%3 はパケットをトンネルの外に送ります</translation>
    </message>
    <message>
        <source>%1 has no P2S pool or site containing %2 (R4.4)</source>
        <translation>%1 には %2 を含む P2S プールもサイトもありません (R4.4)</translation>
    </message>
    <message>
        <source>%1 receives a packet for %2 but IP forwarding is off on its NIC (R4.3a)</source>
        <translation>%1 は %2 宛てのパケットを受け取りますが、NIC の IP 転送がオフです (R4.3a)</translation>
    </message>
    <message>
        <source>%1 has no GatewaySubnet to route from</source>
        <translation>%1 にはルーティングに使う GatewaySubnet がありません</translation>
    </message>
    <message>
        <source>no route contains %1</source>
        <translation>%1 を含むルートがありません</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos; denies %2 → %3 port %4</source>
        <translation>規則 &apos;%1&apos; が %2 → %3 のポート %4 を拒否します</translation>
    </message>
    <message>
        <source>%1 never saw this connection start, so it drops the reply (asymmetric path, R10.5)</source>
        <translation>%1 はこの接続の開始を見ていないため、応答を破棄します (非対称パス、R10.5)</translation>
    </message>
    <message>
        <source>%1, but %2 is a private address the Internet cannot carry</source>
        <translation>%1が、%2 はインターネットでは運べないプライベート アドレスです</translation>
    </message>
    <message>
        <source>%1, but a VPN gateway does not send traffic from on-premises to the Internet</source>
        <translation>%1が、VPN ゲートウェイはオンプレミスからのトラフィックをインターネットに送りません</translation>
    </message>
    <message>
        <source>%1, but a VPN gateway drops Internet-bound traffic from P2S clients (R9.6; send it to a proxy or firewall instead)</source>
        <translation>%1が、VPN ゲートウェイは P2S クライアントからのインターネット宛てトラフィックを破棄します (R9.6。代わりにプロキシまたはファイアウォールに送ってください)</translation>
    </message>
    <message>
        <source>%1, but %2 has no public IP, NAT gateway, load-balancer rule or default outbound access (R2.7)</source>
        <translation>%1が、%2 にはパブリック IP、NAT ゲートウェイ、ロード バランサー規則、既定の送信アクセスのいずれもありません (R2.7)</translation>
    </message>
    <message>
        <source>%1, but no subnet of %2 contains %3</source>
        <translation>%1が、%2 のどのサブネットにも %3 は含まれません</translation>
    </message>
    <message>
        <source>%1, which no device owns</source>
        <translation>%1が、このアドレスを持つデバイスはありません</translation>
    </message>
    <message>
        <source>%1, which is %2 in %3, but the peering between %4 and %3 is defined in one direction only: not connected (R8.3)</source>
        <translation>%1。これは %3 の %2 ですが、%4 と %3 の間のピアリングが一方向にしか定義されていないため、接続されていません (R8.3)</translation>
    </message>
    <message>
        <source>%1, which is %2 in %3: not this VNet nor a directly peered one (R4.3b)</source>
        <translation>%1。これは %3 の %2 で、この VNet でも直接ピアリングされた VNet でもありません (R4.3b)</translation>
    </message>
    <message>
        <source>%1, but %2 has no VPN gateway (R4.4)</source>
        <translation>%1が、%2 には VPN ゲートウェイがありません (R4.4)</translation>
    </message>
    <message>
        <source>%1, but %2 is served by an ExpressRoute gateway, where Azure takes no user route to VirtualNetworkGateway (R4.4, L17)</source>
        <translation>%1が、%2 は ExpressRoute ゲートウェイを使用しており、その場合 Azure は VirtualNetworkGateway へのユーザー ルートを使用しません (R4.4、L17)</translation>
    </message>
    <message>
        <source>the peering %1 → %2 is not connected (the %3 direction is not defined, R8.3)</source>
        <translation>ピアリング %1 → %2 は接続されていません (%3 の方向が定義されていません、R8.3)</translation>
    </message>
    <message>
        <source>the peering %1 → %2 has allowVirtualNetworkAccess off (R8.4)</source>
        <translation>ピアリング %1 → %2 の allowVirtualNetworkAccess がオフです (R8.4)</translation>
    </message>
    <message>
        <source>source %1 is not in %2, so the packet is forwarded traffic, and the peering %3 → %2 does not allow forwarded traffic (R8.5)</source>
        <translation>送信元 %1 は %2 内にないため、パケットは転送されたトラフィックですが、ピアリング %3 → %2 は転送されたトラフィックを許可していません (R8.5)</translation>
    </message>
    <message>
        <source>dropped at %1: the proxy denies %2 %3 from %4 (%5)</source>
        <translation>%1 で破棄: プロキシが %4 からの %2 %3 を拒否します (%5)</translation>
    </message>
    <message>
        <source>request from %1 to %2 %3</source>
        <translation>%1 から %2 への要求: %3</translation>
    </message>
    <message>
        <source>reply from %1 to %2 %3</source>
        <translation>%1 から %2 への応答: %3</translation>
    </message>
    <message>
        <source>is not tunneled back</source>
        <translation>トンネルで戻されません</translation>
    </message>
    <message>
        <source>is delivered to %1</source>
        <translation>%1 に配信されます</translation>
    </message>
    <message>
        <source>leaves for the Internet</source>
        <translation>インターネットに出ます</translation>
    </message>
    <message>
        <source>leaves for on-premises at %1</source>
        <translation>%1 でオンプレミスに出ます</translation>
    </message>
    <message>
        <source>%1, not back to %2, which sent the request</source>
        <translation>%1。要求を送った %2 には戻りません</translation>
    </message>
    <message>
        <source>asymmetric: %1 sees only one direction of the connection and drops it (R10.5)</source>
        <translation>非対称: %1 は接続の一方向しか見ないため、破棄します (R10.5)</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::AzureImportDialog</name>
    <message>
        <source>Resource Graph: every VNet, route table, firewall, gateway, NSG and NIC of all your subscriptions (recommended)</source>
        <translation>Resource Graph: すべてのサブスクリプションのすべての VNet、ルート テーブル、ファイアウォール、ゲートウェイ、NSG、NIC (推奨)</translation>
    </message>
    <message>
        <source>az CLI lists of one resource group (bash)</source>
        <translation>1 つのリソース グループの az CLI 一覧 (bash)</translation>
    </message>
    <message>
        <source>A resource group&apos;s template</source>
        <translation>リソース グループのテンプレート</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>ファイルの追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Import from Azure</source>
        <translation>Azure からインポート</translation>
    </message>
    <message>
        <source>1. Export your estate with one of these commands</source>
        <translation>1. 次のいずれかのコマンドで環境をエクスポートします</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>コマンドをクリップボードにコピー</translation>
    </message>
    <message>
        <source>Command copied to the clipboard.</source>
        <translation>コマンドをクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>When the query&apos;s &lt;code&gt;skip_token&lt;/code&gt; is not null, run it again with &lt;code&gt;--skip-token TOKEN &amp;gt; estate.2.json&lt;/code&gt; and add every page.</source>
        <translation>クエリの &lt;code&gt;skip_token&lt;/code&gt; が null でない場合は、&lt;code&gt;--skip-token TOKEN &amp;gt; estate.2.json&lt;/code&gt; を付けて再実行し、すべてのページを追加してください。</translation>
    </message>
    <message>
        <source>2. Choose the JSON files (or drop them here)</source>
        <translation>2. JSON ファイルを選択します (またはここにドロップ)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>Choose exported Azure JSON</source>
        <translation>エクスポートした Azure の JSON を選択</translation>
    </message>
    <message>
        <source>Azure exports (*.json);;All files (*)</source>
        <translation>Azure のエクスポート (*.json);;すべてのファイル (*)</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n 個のファイルを読み込んでいます…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB: not read</source>
        <translation>%1: %2 MiB を超えているため読み込みません</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n 個のファイルをインポートしています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>インポートを取り消しました。何もインポートされていません。</translation>
    </message>
    <message>
        <source>Nothing in these files could be imported.</source>
        <translation>これらのファイルからインポートできるものはありませんでした。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;何もインポートされませんでした。&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignDocument</name>
    <message>
        <source>Move %1</source>
        <translation>%1 を移動</translation>
    </message>
    <message numerus="yes">
        <source>Move %n objects</source>
        <translation>
            <numerusform>%n 個のオブジェクトを移動</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignScene</name>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Address space</source>
        <translation>アドレス空間</translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation>サブネット</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>プレフィックス</translation>
    </message>
    <message>
        <source>Route table</source>
        <translation>ルート テーブル</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>NSG</source>
        <translation>NSG</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Private IP</source>
        <translation>プライベート IP アドレス</translation>
    </message>
    <message>
        <source>default (.4)</source>
        <translation>既定 (.4)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>allow all</source>
        <translation>すべて許可</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 個の規則</numerusform>
        </translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>ゲートウェイ</translation>
    </message>
    <message>
        <source>P2S pool</source>
        <translation>P2S プール</translation>
    </message>
    <message>
        <source>Custom routes</source>
        <translation>カスタム ルート</translation>
    </message>
    <message>
        <source>Proxy VM (port %1)</source>
        <translation>プロキシ VM (ポート %1)</translation>
    </message>
    <message>
        <source>NVA (IP forwarding)</source>
        <translation>NVA (IP 転送)</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>サブネット</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>送信方法</translation>
    </message>
    <message>
        <source>NIC NSG</source>
        <translation>NIC の NSG</translation>
    </message>
    <message>
        <source>P2S client of</source>
        <translation>P2S クライアントの接続先</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>forwarded traffic allowed</source>
        <translation>転送されたトラフィックを許可</translation>
    </message>
    <message>
        <source>forwarded traffic blocked</source>
        <translation>転送されたトラフィックをブロック</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>only one direction exists; Azure needs both</source>
        <translation>一方向しかありません。Azure では双方向が必要です</translation>
    </message>
    <message>
        <source>Peering</source>
        <translation>ピアリング</translation>
    </message>
    <message>
        <source>Stands for</source>
        <translation>表すもの</translation>
    </message>
    <message>
        <source>every public address</source>
        <translation>すべてのパブリック アドレス</translation>
    </message>
    <message>
        <source>On-premises via</source>
        <translation>オンプレミスへの経路</translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation>プレフィックス</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::DesignView</name>
    <message>
        <source>Start with a Hub VNet</source>
        <translation>まずハブ VNet を追加しましょう</translation>
    </message>
    <message>
        <source>Drag it from the palette, or select it there and press Enter.
Open an example from Help → Examples.</source>
        <translation>パレットからドラッグするか、パレットで選択して Enter キーを押します。
[ヘルプ] → [例] から例を開くこともできます。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::EffectiveRoutesPanel</name>
    <message>
        <source>Compare with Azure…</source>
        <translation>Azure と比較…</translation>
    </message>
    <message>
        <source>Mark where these routes differ from Azure&apos;s effective routes of a NIC in this subnet (az network nic show-effective-route-table -g RG -n NIC -o json &gt; NIC.routes.json)</source>
        <translation>このサブネット内の NIC について、Azure の有効なルートと異なる箇所をマークします (az network nic show-effective-route-table -g RG -n NIC -o json &gt; NIC.routes.json)</translation>
    </message>
    <message>
        <source>Azure&apos;s effective routes of a NIC</source>
        <translation>NIC の Azure の有効なルート</translation>
    </message>
    <message>
        <source>Effective route tables (*.json);;All files (*)</source>
        <translation>有効なルート テーブル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Address prefix</source>
        <translation>アドレス プレフィックス</translation>
    </message>
    <message>
        <source>Next hop type</source>
        <translation>ネクスト ホップの種類</translation>
    </message>
    <message>
        <source>Next hop IP</source>
        <translation>ネクスト ホップ IP アドレス</translation>
    </message>
    <message>
        <source>Route table</source>
        <translation>ルート テーブル</translation>
    </message>
    <message>
        <source>Route name</source>
        <translation>ルート名</translation>
    </message>
    <message>
        <source>Select a subnet, VM or firewall to see its effective routes, as Azure&apos;s effective-routes view lists them.</source>
        <translation>サブネット、VM、またはファイアウォールを選択すると、Azure の [有効なルート] ビューと同じ形式で有効なルートを表示します。</translation>
    </message>
    <message>
        <source>no route table</source>
        <translation>ルート テーブルなし</translation>
    </message>
    <message>
        <source>route table %1</source>
        <translation>ルート テーブル %1</translation>
    </message>
    <message>
        <source>Effective routes of &lt;b&gt;%1&lt;/b&gt; (%2).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; の有効なルート (%2)。</translation>
    </message>
    <message>
        <source>Effective routes of &lt;b&gt;%1&lt;/b&gt;, the NIC&apos;s subnet &lt;b&gt;%2&lt;/b&gt; (%3).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; の有効なルート。NIC のサブネットは &lt;b&gt;%2&lt;/b&gt; (%3)。</translation>
    </message>
    <message>
        <source>no subnet is shown</source>
        <translation>サブネットが表示されていません</translation>
    </message>
    <message>
        <source>too large for an effective route table</source>
        <translation>有効なルート テーブルとしては大きすぎます</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not compared:&lt;/b&gt; %1: %2</source>
        <translation>&lt;b&gt;比較していません:&lt;/b&gt; %1: %2</translation>
    </message>
    <message>
        <source>Compared with %1 (%2 Azure rows): no difference.</source>
        <translation>%1 (Azure の %2 行) と比較しました: 違いはありません。</translation>
    </message>
    <message>
        <source>Compared with %1 (%2 Azure rows): %3 error(s), %4 warning(s), %5 info(s), marked below.</source>
        <translation>%1 (Azure の %2 行) と比較しました: エラー %3 件、警告 %4 件、情報 %5 件 (下にマークしています)。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::EffectiveSecurityRulesPanel</name>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>Source ports</source>
        <translation>送信元ポート</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Destination ports</source>
        <translation>宛先ポート</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>アクセス</translation>
    </message>
    <message>
        <source>Select a subnet or a VM to see its effective security rules, as Azure&apos;s effective-security-rules view lists them. Azure Firewalls, gateways and VPN clients are not filtered by NSGs.</source>
        <translation>サブネットまたは VM を選択すると、Azure の [有効なセキュリティ規則] ビューと同じ形式で有効なセキュリティ規則を表示します。Azure Firewall、ゲートウェイ、VPN クライアントは NSG でフィルター処理されません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&apos;s NIC in &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; 内の &lt;b&gt;%1&lt;/b&gt; の NIC</translation>
    </message>
    <message>
        <source>No NSG is associated with %1: Azure filters none of its traffic. Drop an NSG from the palette on it to add one.</source>
        <translation>%1 には NSG が関連付けられていません。Azure はそのトラフィックを一切フィルター処理しません。追加するには、パレットから NSG をドロップしてください。</translation>
    </message>
    <message>
        <source>every public address outside the design&apos;s VNets, VPN pools and on-premises ranges</source>
        <translation>設計内の VNet、VPN プール、オンプレミスの範囲以外のすべてのパブリック アドレス</translation>
    </message>
    <message>
        <source>Effective security rules of %1. Inbound traffic meets the subnet&apos;s NSG first, then the NIC&apos;s; outbound the NIC&apos;s first. In each NSG the first rule that matches decides; a packet passes only if every NSG allows it.</source>
        <translation>%1 の有効なセキュリティ規則。受信トラフィックはサブネットの NSG、次に NIC の NSG の順に、送信トラフィックは NIC の NSG から先に評価されます。各 NSG では最初に一致した規則で決まり、すべての NSG が許可した場合にのみパケットが通過します。</translation>
    </message>
    <message>
        <source>Effective security rules of %1. The first rule that matches decides; the default rules (grey) apply after the custom ones.</source>
        <translation>%1 の有効なセキュリティ規則。最初に一致した規則で決まります。既定の規則 (灰色) はカスタム規則の後に適用されます。</translation>
    </message>
    <message>
        <source>VirtualNetwork: %1</source>
        <translation>VirtualNetwork: %1</translation>
    </message>
    <message>
        <source>AzureLoadBalancer: %1</source>
        <translation>AzureLoadBalancer: %1</translation>
    </message>
    <message>
        <source>Internet: %1</source>
        <translation>Internet: %1</translation>
    </message>
    <message>
        <source>%1: not modelled, matches no address in Hopscope</source>
        <translation>%1: モデル化されていないため、Hopscope ではどのアドレスにも一致しません</translation>
    </message>
    <message>
        <source>%1, on subnet %2</source>
        <translation>%1 (サブネット %2)</translation>
    </message>
    <message>
        <source>%1, on the NIC of %2</source>
        <translation>%1 (%2 の NIC)</translation>
    </message>
    <message>
        <source> (not evaluated: Azure does not filter %1 with an NSG)</source>
        <translation> (評価対象外: Azure は %1 を NSG でフィルター処理しません)</translation>
    </message>
    <message>
        <source>Inbound rules</source>
        <translation>受信セキュリティ規則</translation>
    </message>
    <message>
        <source>Outbound rules</source>
        <translation>送信セキュリティ規則</translation>
    </message>
    <message>
        <source>Service tags at %1: &lt;b&gt;VirtualNetwork&lt;/b&gt; = %2; &lt;b&gt;AzureLoadBalancer&lt;/b&gt; = %3; &lt;b&gt;Internet&lt;/b&gt; = %4.</source>
        <translation>%1 でのサービス タグ: &lt;b&gt;VirtualNetwork&lt;/b&gt; = %2、&lt;b&gt;AzureLoadBalancer&lt;/b&gt; = %3、&lt;b&gt;Internet&lt;/b&gt; = %4。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::ExportDialog</name>
    <message>
        <source>Export as SVG</source>
        <translation>SVG としてエクスポート</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>PNG としてエクスポート</translation>
    </message>
    <message>
        <source>&amp;Whole diagram</source>
        <translation>図全体(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Selection only</source>
        <translation>選択範囲のみ(&amp;S)</translation>
    </message>
    <message>
        <source>Draw:</source>
        <translation>描画:</translation>
    </message>
    <message>
        <source>Include the &amp;path overlay</source>
        <translation>パスのオーバーレイを含める(&amp;P)</translation>
    </message>
    <message>
        <source>1x</source>
        <translation>1x</translation>
    </message>
    <message>
        <source>2x (high density screens, print)</source>
        <translation>2x (高密度ディスプレイ、印刷用)</translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation>倍率(&amp;C):</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>透明</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>背景(&amp;B):</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FindingsPanel</name>
    <message>
        <source>Not checked yet</source>
        <translation>未チェック</translation>
    </message>
    <message>
        <source>re-checking…</source>
        <translation>再チェック中…</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>チェック中…</translation>
    </message>
    <message>
        <source>No findings: the design passes every check.</source>
        <translation>検出結果はありません。設計はすべてのチェックに合格しています。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>status bar: errors · warnings</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <comment>Findings summary: errors, warnings, notes</comment>
        <translation>%1、%2、%3</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>情報 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FirewallRulesModel</name>
    <message>
        <source>rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>No such rule.</source>
        <translation>そのような規則はありません。</translation>
    </message>
    <message>
        <source>Names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, 1 to 80 characters.</source>
        <translation>名前には英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; を使用し、1 ～ 80 文字にしてください。</translation>
    </message>
    <message>
        <source>%1 already has a rule named %2.</source>
        <translation>%1 には既に %2 という名前の規則があります。</translation>
    </message>
    <message>
        <source>At least one protocol: %1.</source>
        <translation>少なくとも 1 つのプロトコルが必要です: %1。</translation>
    </message>
    <message>
        <source>At least one address, prefix, or * for any.</source>
        <translation>少なくとも 1 つのアドレス、プレフィックス、またはすべてを表す * が必要です。</translation>
    </message>
    <message>
        <source>At least one port, range (1024-65535) or *.</source>
        <translation>少なくとも 1 つのポート、範囲 (1024-65535)、または * が必要です。</translation>
    </message>
    <message>
        <source>No such column.</source>
        <translation>そのような列はありません。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::FlowOverlay</name>
    <message numerus="yes">
        <source>%1 · %Ln request(s)</source>
        <translation>
            <numerusform>%1 · %Ln 件の要求</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::HopInspector</name>
    <message>
        <source>in</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>out</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>%1: allowed by flow state</source>
        <translation>%1: フローの状態により許可</translation>
    </message>
    <message>
        <source>%1: platform address, exempt</source>
        <translation>%1: プラットフォームのアドレスのため対象外</translation>
    </message>
    <message>
        <source>%1: %2 · %3 (%4) %5</source>
        <translation>%1: %2 · %3 (%4) %5</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>サブネット</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>プレフィックス</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Next hop type</source>
        <translation>ネクスト ホップの種類</translation>
    </message>
    <message>
        <source>Next hop IP</source>
        <translation>ネクスト ホップ IP アドレス</translation>
    </message>
    <message>
        <source>Route table</source>
        <translation>ルート テーブル</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>ルート</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>NSG</source>
        <translation>NSG</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Choose a hop to see its subnet&apos;s effective routes.</source>
        <translation>ホップを選択すると、そのサブネットの有効なルートを表示します。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Applied to</source>
        <translation>適用先</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>応答</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>sends</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>forwards</source>
        <translation>転送</translation>
    </message>
    <message>
        <source>%1 is a P2S client: it sends into the tunnel only what %2 pushes to it: %3.</source>
        <translation>%1 は P2S クライアントです。トンネルに送信するのは、%2 がプッシュするルートの宛先だけです: %3。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 is outside Azure: it has no effective routes.</source>
        <translation>%1 は Azure の外部にあるため、有効なルートはありません。</translation>
    </message>
    <message>
        <source>Effective routes of %1; %2 used the marked one.</source>
        <translation>%1 の有効なルート。%2 はマークされたルートを使用しました。</translation>
    </message>
    <message>
        <source>Effective routes of %1; the packet was delivered here.</source>
        <translation>%1 の有効なルート。パケットはここに配信されました。</translation>
    </message>
    <message>
        <source>Allowed by flow state</source>
        <translation>フローの状態により許可</translation>
    </message>
    <message>
        <source>Allowed: platform address</source>
        <translation>許可: プラットフォームのアドレス</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Allowed: no NSG applies</source>
        <translation>許可: 適用される NSG なし</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (既定)</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>Network security groups evaluated at %1:</source>
        <translation>%1 で評価されたネットワーク セキュリティ グループ:</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::ImportReportPanel</name>
    <message numerus="yes">
        <source>%n VNet(s)</source>
        <translation>
            <numerusform>VNet %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s)</source>
        <translation>
            <numerusform>サブネット %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peering(s)</source>
        <translation>
            <numerusform>ピアリング %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route table(s)</source>
        <translation>
            <numerusform>ルート テーブル %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n network security group(s)</source>
        <translation>
            <numerusform>ネットワーク セキュリティ グループ %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application security group(s)</source>
        <translation>
            <numerusform>アプリケーション セキュリティ グループ %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firewall(s)</source>
        <translation>
            <numerusform>ファイアウォール %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s)</source>
        <translation>
            <numerusform>ゲートウェイ %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on-premises site(s)</source>
        <translation>
            <numerusform>オンプレミス サイト %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation>
            <numerusform>VM %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Name or id</source>
        <translation>名前または ID</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>処理内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>No import yet: File → Import from Azure… reads an exported estate.</source>
        <translation>まだインポートしていません。[ファイル] → [Azure からインポート…] で、エクスポートした環境を読み込みます。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>参照 %1</translation>
    </message>
    <message>
        <source>%1 names %2, which is not in the input</source>
        <translation>%1 は %2 を参照していますが、入力にありません</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Renamed to %1</source>
        <translation>%1 に名前を変更</translation>
    </message>
    <message>
        <source>input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注記: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %2. %n entries below.</source>
        <translation>
            <numerusform>%1 をインポートしました: %2。以下に %n 件の項目があります。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hopscope::gui::Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>システム(&amp;S)</translation>
    </message>
    <message>
        <source>The language changes when Hopscope is started again.</source>
        <translation>言語は Hopscope を再起動すると切り替わります。</translation>
    </message>
    <message>
        <source>Takes effect on restart</source>
        <translation>再起動後に有効になります</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::MainWindow</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>チェック中…</translation>
    </message>
    <message>
        <source>Add Here</source>
        <translation>ここに追加</translation>
    </message>
    <message>
        <source>Paste Here</source>
        <translation>ここに貼り付け</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <source>Trace From Here</source>
        <translation>ここからトレース</translation>
    </message>
    <message>
        <source>Tracing from %1: right-click the destination and choose Trace To Here.</source>
        <translation>%1 からトレースしています。宛先を右クリックして [ここまでトレース] を選択してください。</translation>
    </message>
    <message>
        <source>Trace To Here</source>
        <translation>ここまでトレース</translation>
    </message>
    <message>
        <source>Trace To Here from %1</source>
        <translation>%1 からここまでトレース</translation>
    </message>
    <message>
        <source>Effective Routes</source>
        <translation>有効なルート</translation>
    </message>
    <message>
        <source>Effective Security Rules</source>
        <translation>有効なセキュリティ規則</translation>
    </message>
    <message>
        <source>Add Route Table</source>
        <translation>ルート テーブルの追加</translation>
    </message>
    <message>
        <source>Add a route table to %1</source>
        <translation>%1 にルート テーブルを追加</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Paste Into %1</source>
        <translation>%1 に貼り付け</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボード ショートカット</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>Back to Select and Move</source>
        <translation>[選択と移動] に戻る</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Trace between two selected end points</source>
        <translation>選択した 2 つのエンドポイント間をトレース</translation>
    </message>
    <message>
        <source>Ctrl+click, or drag a rubber band</source>
        <translation>Ctrl キーを押しながらクリック、または範囲をドラッグ</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>ズーム</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>ホイール</translation>
    </message>
    <message>
        <source>Draw a peering</source>
        <translation>ピアリングを描画</translation>
    </message>
    <message>
        <source>Drag from one VNet to another with Draw Peering (P)</source>
        <translation>[ピアリングの描画] (P) で VNet から別の VNet へドラッグ</translation>
    </message>
    <message>
        <source>More in the &lt;a href=&quot;%1&quot;&gt;user guide&lt;/a&gt;.</source>
        <translation>詳しくは&lt;a href=&quot;%1&quot;&gt;ユーザー ガイド&lt;/a&gt;を参照してください。</translation>
    </message>
    <message>
        <source>Squid Proxy Lab, As Written</source>
        <translation>Squid プロキシ ラボ (記述どおり)</translation>
    </message>
    <message>
        <source>P2S clients browse through a proxy behind two firewalls; one UDR points at an address nobody owns.</source>
        <translation>P2S クライアントが 2 台のファイアウォールの背後にあるプロキシ経由で閲覧します。UDR の 1 つが、どのデバイスも所有していないアドレスを指しています。</translation>
    </message>
    <message>
        <source>Squid Proxy Lab, Typo Fixed</source>
        <translation>Squid プロキシ ラボ (誤記修正済み)</translation>
    </message>
    <message>
        <source>The same lab with the hub firewall&apos;s UDR pointing at the right firewall.</source>
        <translation>同じラボで、ハブ ファイアウォールの UDR が正しいファイアウォールを指しています。</translation>
    </message>
    <message>
        <source>Squid Proxy Lab, Supported Routing</source>
        <translation>Squid プロキシ ラボ (サポートされるルーティング)</translation>
    </message>
    <message>
        <source>The lab rebuilt the way Azure supports: firewalls with management NICs, no 0.0.0.0/0 UDR on the GatewaySubnet, an NSG that admits only the VPN pool on the proxy port.</source>
        <translation>Azure がサポートする方法で再構築したラボ: 管理 NIC 付きのファイアウォール、GatewaySubnet に 0.0.0.0/0 の UDR なし、プロキシ ポートで VPN プールのみを許可する NSG。</translation>
    </message>
    <message>
        <source>Squid Proxy Lab, Pool Blocked by an NSG</source>
        <translation>Squid プロキシ ラボ (NSG がプールをブロック)</translation>
    </message>
    <message>
        <source>The supported lab with a deny rule above the allow rule: the routes are right, the proxy subnet&apos;s NSG drops the VPN clients.</source>
        <translation>サポートされるラボで、許可規則より上に拒否規則があります。ルートは正しいものの、プロキシ サブネットの NSG が VPN クライアントを破棄します。</translation>
    </message>
    <message>
        <source>Classic Hub and Spoke</source>
        <translation>標準的なハブ アンド スポーク</translation>
    </message>
    <message>
        <source>Three spokes and a VPN gateway; the hub firewall inspects every flow both ways.</source>
        <translation>3 つのスポークと VPN ゲートウェイ。ハブ ファイアウォールがすべてのフローを双方向で検査します。</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Import from &amp;Azure…</source>
        <translation>Azure からインポート(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Read an estate exported from Azure as JSON into a new design</source>
        <translation>Azure から JSON としてエクスポートした環境を新しい設計に読み込みます</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Export as S&amp;VG…</source>
        <translation>SVG としてエクスポート(&amp;V)…</translation>
    </message>
    <message>
        <source>Export as P&amp;NG…</source>
        <translation>PNG としてエクスポート(&amp;N)…</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find by Name…</source>
        <translation>名前で検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>A&amp;rrange Automatically</source>
        <translation>自動で配置(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>レイアウトのリセット(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark Mode</source>
        <translation>ダーク モード(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Follow Desktop &amp;Colours</source>
        <translation>デスクトップの配色に従う(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボード ショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>ユーザー ガイド(&amp;U)</translation>
    </message>
    <message>
        <source>Select and Move</source>
        <translation>選択と移動</translation>
    </message>
    <message>
        <source>Draw Peering</source>
        <translation>ピアリングの描画</translation>
    </message>
    <message>
        <source>Trace Path</source>
        <translation>パスのトレース</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>パレット</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>トラフィック</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>VPN Pools</source>
        <translation>VPN プール</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>インポート レポート</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;About Hopscope</source>
        <translation>Hopscope について(&amp;A)</translation>
    </message>
    <message>
        <source>About Hopscope</source>
        <translation>Hopscope について</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hopscope %1&lt;/b&gt;&lt;p&gt;Design Azure hub-and-spoke networks and see where every packet goes.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hopscope %1&lt;/b&gt;&lt;p&gt;Azure のハブ アンド スポーク ネットワークを設計し、すべてのパケットの行き先を確認できます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Find by name (Ctrl+F)</source>
        <translation>名前で検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>New design</source>
        <translation>新しい設計</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <source>The file has errors; the current design is kept.</source>
        <translation>ファイルにエラーがあります。現在の設計はそのままです。</translation>
    </message>
    <message>
        <source>%1: built-in example missing</source>
        <translation>%1: 組み込みの例が見つかりません</translation>
    </message>
    <message>
        <source>The example %1 does not load: %2</source>
        <translation>例 %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>Copying %1 beside the design failed: %2</source>
        <translation>%1 を設計ファイルの隣にコピーできませんでした: %2</translation>
    </message>
    <message>
        <source>Saving %1 failed: %2</source>
        <translation>%1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Comments will be lost</source>
        <translation>コメントは失われます</translation>
    </message>
    <message>
        <source>%1 has comments, which saving cannot keep. Save anyway, or save a copy?</source>
        <translation>%1 にはコメントがありますが、保存すると失われます。このまま保存しますか、それともコピーを保存しますか?</translation>
    </message>
    <message>
        <source>Save Design As</source>
        <translation>名前を付けて設計を保存</translation>
    </message>
    <message>
        <source>Hopscope designs (*.hopscope.yaml *.yaml)</source>
        <translation>Hopscope の設計 (*.hopscope.yaml *.yaml)</translation>
    </message>
    <message>
        <source>Open Design</source>
        <translation>設計を開く</translation>
    </message>
    <message>
        <source>Hopscope designs (*.hopscope.yaml *.yaml);;All files (*)</source>
        <translation>Hopscope の設計 (*.hopscope.yaml *.yaml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>The design has unsaved changes. Save them?</source>
        <translation>設計に未保存の変更があります。保存しますか?</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>未保存の作業を復元しますか?</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>未保存の変更を復元</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n objects</source>
        <translation>
            <numerusform>%n 個のオブジェクトを削除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation>
            <numerusform>%n 個のオブジェクト</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a VNet, subnet, device, client or site to copy.</source>
        <translation>コピーする VNet、サブネット、デバイス、クライアント、またはサイトを選択してください。</translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation>%1 をコピーしました。</translation>
    </message>
    <message>
        <source>Select a VNet, subnet, device, client or site to cut.</source>
        <translation>切り取る VNet、サブネット、デバイス、クライアント、またはサイトを選択してください。</translation>
    </message>
    <message>
        <source>Cut %1</source>
        <translation>%1 を切り取り</translation>
    </message>
    <message>
        <source>a design</source>
        <translation>設計</translation>
    </message>
    <message>
        <source>Nothing pasted: %1</source>
        <translation>貼り付けませんでした: %1</translation>
    </message>
    <message>
        <source>Paste %1</source>
        <translation>%1 を貼り付け</translation>
    </message>
    <message>
        <source>Pasted %1.</source>
        <translation>%1 を貼り付けました。</translation>
    </message>
    <message>
        <source>Select a VNet, subnet, device, client or site to duplicate.</source>
        <translation>複製する VNet、サブネット、デバイス、クライアント、またはサイトを選択してください。</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>%1 を複製</translation>
    </message>
    <message>
        <source>Not duplicated: %1</source>
        <translation>複製しませんでした: %1</translation>
    </message>
    <message>
        <source>Duplicated as %1.</source>
        <translation>%1 として複製しました。</translation>
    </message>
    <message>
        <source>Nothing is called %1.</source>
        <translation>%1 という名前のものはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected</source>
        <translation>
            <numerusform>%n 個のオブジェクトを選択中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected; Properties shows %1</source>
        <translation>
            <numerusform>%n 個のオブジェクトを選択中。[プロパティ] には %1 を表示しています</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ No findings</source>
        <translation>✓ 検出結果なし</translation>
    </message>
    <message>
        <source>Hopscope did not close properly. Restore the unsaved changes?</source>
        <translation>Hopscope は正常に終了しませんでした。未保存の変更を復元しますか?</translation>
    </message>
    <message>
        <source>Hopscope did not close properly. Restore the unsaved changes to %1?</source>
        <translation>Hopscope は正常に終了しませんでした。%1 の未保存の変更を復元しますか?</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::NodeItem</name>
    <message>
        <source>public addresses</source>
        <translation>パブリック アドレス</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathOverlay</name>
    <message>
        <source>delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>leaves for the Internet</source>
        <translation>インターネットへ出る</translation>
    </message>
    <message>
        <source>leaves for on-premises</source>
        <translation>オンプレミスへ出る</translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation>破棄: %1</translation>
    </message>
    <message>
        <source>loops</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>not tunneled</source>
        <translation>トンネルに入らない</translation>
    </message>
    <message>
        <source>%1 sees only the request</source>
        <translation>%1 は要求だけを通過させる</translation>
    </message>
    <message>
        <source>%1 sees only the reply</source>
        <translation>%1 は応答だけを通過させる</translation>
    </message>
    <message>
        <source>%1 → %2  ·  %3 %4</source>
        <translation>%1 → %2  ·  %3 %4</translation>
    </message>
    <message>
        <source>connection ok</source>
        <translation>接続 OK</translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation>接続失敗: %1</translation>
    </message>
    <message>
        <source>Asymmetric: %1</source>
        <translation>非対称: %1</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>ループ</translation>
    </message>
    <message numerus="yes">
        <source>request: %1  (%n hop(s))</source>
        <translation>
            <numerusform>要求: %1  (%n ホップ)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reply: %1  (%n hop(s))</source>
        <translation>
            <numerusform>応答: %1  (%n ホップ)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>leg %1 request: %2  (%n hop(s))</source>
        <translation>
            <numerusform>区間 %1 の要求: %2  (%n ホップ)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>leg %1 reply: %2  (%n hop(s))</source>
        <translation>
            <numerusform>区間 %1 の応答: %2  (%n ホップ)</numerusform>
        </translation>
    </message>
    <message>
        <source>Request denied by %1</source>
        <translation>要求が %1 により拒否されました</translation>
    </message>
    <message>
        <source>Reply denied by %1</source>
        <translation>応答が %1 により拒否されました</translation>
    </message>
    <message>
        <source>Request dropped: %1</source>
        <translation>要求が破棄されました: %1</translation>
    </message>
    <message>
        <source>Reply dropped: %1</source>
        <translation>応答が破棄されました: %1</translation>
    </message>
    <message>
        <source>Request loops</source>
        <translation>要求がループしています</translation>
    </message>
    <message>
        <source>Reply loops</source>
        <translation>応答がループしています</translation>
    </message>
    <message>
        <source>Request not tunneled</source>
        <translation>要求がトンネルに入りません</translation>
    </message>
    <message>
        <source>Reply not tunneled</source>
        <translation>応答がトンネルに入りません</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathPanel</name>
    <message>
        <source>source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Swap source and destination</source>
        <translation>送信元と宛先を入れ替え</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>宛先ポート</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>トレース</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>to</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Back one hop</source>
        <translation>1 ホップ戻る</translation>
    </message>
    <message>
        <source>Play the packet</source>
        <translation>パケットを再生</translation>
    </message>
    <message>
        <source>Forward one hop</source>
        <translation>1 ホップ進む</translation>
    </message>
    <message>
        <source>Animation speed</source>
        <translation>アニメーションの速度</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>繰り返し</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>From &lt;b&gt;%1&lt;/b&gt;: click where the packet goes (Esc cancels).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; から: パケットの宛先をクリックしてください (Esc でキャンセル)。</translation>
    </message>
    <message>
        <source>Name a source and a destination, or click them with the path tool (T).</source>
        <translation>送信元と宛先の名前を入力するか、パス ツール (T) でクリックしてください。</translation>
    </message>
    <message>
        <source>Press T (or Tools → Trace Path), then click where a packet starts and where it goes.</source>
        <translation>T キー (または [ツール] → [パスのトレース]) を押してから、パケットの送信元と宛先をクリックしてください。</translation>
    </message>
    <message>
        <source>connection ok</source>
        <translation>接続 OK</translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation>接続失敗: %1</translation>
    </message>
    <message>
        <source>leg %1 request: %2</source>
        <translation>区間 %1 の要求: %2</translation>
    </message>
    <message>
        <source>leg %1 reply: %2</source>
        <translation>区間 %1 の応答: %2</translation>
    </message>
    <message>
        <source>request: %1</source>
        <translation>要求: %1</translation>
    </message>
    <message>
        <source>reply: %1</source>
        <translation>応答: %1</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathSession</name>
    <message>
        <source>%1 was deleted, so the path is no longer shown.</source>
        <translation>%1 が削除されたため、パスは表示されなくなりました。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathTool</name>
    <message>
        <source>Trace a path: click where the packet starts.</source>
        <translation>パスのトレース: パケットの送信元をクリックしてください。</translation>
    </message>
    <message>
        <source>Click a VM, firewall, gateway, client, site, subnet or the Internet.</source>
        <translation>VM、ファイアウォール、ゲートウェイ、クライアント、サイト、サブネット、またはインターネットをクリックしてください。</translation>
    </message>
    <message>
        <source>From %1: now click where it goes (Esc cancels).</source>
        <translation>%1 から: 次に宛先をクリックしてください (Esc でキャンセル)。</translation>
    </message>
    <message>
        <source>Pick a destination other than %1.</source>
        <translation>%1 以外の宛先を選択してください。</translation>
    </message>
    <message>
        <source>Path %1 → %2. Click another source, or Esc to stop.</source>
        <translation>パス %1 → %2。別の送信元をクリックするか、Esc で終了します。</translation>
    </message>
    <message>
        <source>Path cancelled: click where the packet starts.</source>
        <translation>パスを取り消しました。パケットの送信元をクリックしてください。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PathWorkbench</name>
    <message>
        <source>Show Path</source>
        <translation>パスを表示</translation>
    </message>
    <message>
        <source>Show Path %1 → %2</source>
        <translation>パス %1 → %2 を表示</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PeeringTool</name>
    <message>
        <source>Drag from one VNet to another to peer them. Esc leaves the tool.</source>
        <translation>VNet から別の VNet へドラッグしてピアリングします。Esc でツールを終了します。</translation>
    </message>
    <message>
        <source>Start the peering on a VNet.</source>
        <translation>ピアリングは VNet から始めてください。</translation>
    </message>
    <message>
        <source>Add peering %1 ↔ %2</source>
        <translation>ピアリング %1 ↔ %2 を追加</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PoolMatrixPanel</name>
    <message>
        <source>P2S pool</source>
        <translation>P2S プール</translation>
    </message>
    <message>
        <source>Workload subnet</source>
        <translation>ワークロード サブネット</translation>
    </message>
    <message>
        <source>Pool → subnet</source>
        <translation>プール → サブネット</translation>
    </message>
    <message>
        <source>Subnet → pool</source>
        <translation>サブネット → プール</translation>
    </message>
    <message>
        <source>%1 stands for a client of this pool</source>
        <translation>%1 はこのプールのクライアントを表します</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Click to draw this path.</source>
        <translation>クリックするとこのパスを描画します。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>not tunneled</source>
        <translation>トンネルに入らない</translation>
    </message>
    <message>
        <source>loop (reply)</source>
        <translation>ループ (応答)</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>非対称</translation>
    </message>
    <message>
        <source>reply dropped: %1</source>
        <translation>応答を破棄: %1</translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation>破棄: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>No P2S pools yet.</source>
        <translation>P2S プールはまだありません。</translation>
    </message>
    <message>
        <source>re-checking…</source>
        <translation>再チェック中…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>チェック中…</translation>
    </message>
    <message>
        <source>No P2S pools in this design.</source>
        <translation>この設計には P2S プールがありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n pool–subnet pair(s), </source>
        <translation>
            <numerusform>プールとサブネットの組 %n 個、</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing direction(s). Click a verdict to draw its path.</source>
        <translation>
            <numerusform>失敗している方向 %n 個。判定をクリックするとそのパスを描画します。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Click to draw this path.</source>
        <translation>%1
クリックするとこのパスを描画します。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::PropertiesPanel</name>
    <message>
        <source>default: %1</source>
        <translation>既定: %1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 の名前を %2 に変更</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>%2 の %1 を変更</translation>
    </message>
    <message>
        <source>Turn on “%1” for %2</source>
        <translation>%2 の「%1」をオン</translation>
    </message>
    <message>
        <source>Turn off “%1” for %2</source>
        <translation>%2 の「%1」をオフ</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <source>Set %1 of %2 to %3</source>
        <translation>%2 の %1 を %3 に設定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Route table %1</source>
        <translation>ルート テーブル %1</translation>
    </message>
    <message>
        <source>User-defined routes; the longest matching prefix wins.</source>
        <translation>ユーザー定義ルート。一致するプレフィックスが最も長いルートが優先されます。</translation>
    </message>
    <message>
        <source>Disable gateway route propagation</source>
        <translation>ゲートウェイ ルートの伝達を無効にする</translation>
    </message>
    <message>
        <source>New NSG…</source>
        <translation>新しい NSG…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>NSG</source>
        <translation>NSG</translation>
    </message>
    <message>
        <source>The network security group whose rules filter traffic here.</source>
        <translation>ここでトラフィックをフィルター処理する規則を持つネットワーク セキュリティ グループ。</translation>
    </message>
    <message>
        <source>NSG %1</source>
        <translation>NSG %1</translation>
    </message>
    <message>
        <source>Security rules; the lowest priority number that matches decides. The default rules (grey) apply after them.</source>
        <translation>セキュリティ規則。一致する規則のうち優先度の数値が最も小さいもので決まります。既定の規則 (灰色) はその後に適用されます。</translation>
    </message>
    <message>
        <source>Larger View…</source>
        <translation>拡大表示…</translation>
    </message>
    <message>
        <source>Edit the rules of %1 in a window that shows every column</source>
        <translation>すべての列を表示するウィンドウで %1 の規則を編集します</translation>
    </message>
    <message>
        <source>Security rules of %1</source>
        <translation>%1 のセキュリティ規則</translation>
    </message>
    <message>
        <source>The lowest priority number that matches decides. The default rules (grey) apply after the custom ones and cannot be changed.</source>
        <translation>一致する規則のうち優先度の数値が最も小さいもので決まります。既定の規則 (灰色) はカスタム規則の後に適用され、変更できません。</translation>
    </message>
    <message>
        <source>+ Add</source>
        <translation>+ 追加</translation>
    </message>
    <message>
        <source>Add a row after the last</source>
        <translation>最後の行の後に行を追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <source>↑</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>Move up: earlier rows are evaluated first</source>
        <translation>上へ移動: 上の行から順に評価されます</translation>
    </message>
    <message>
        <source>↓</source>
        <translation>↓</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>設計</translation>
    </message>
    <message>
        <source>Select an object on the canvas to edit it.</source>
        <translation>キャンバス上のオブジェクトを選択すると編集できます。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Points Azure&apos;s documentation leaves open.</source>
        <translation>Azure のドキュメントで明記されていない点。</translation>
    </message>
    <message>
        <source>0/0 UDR lifts private drops</source>
        <translation>0/0 の UDR でプライベート範囲の破棄を解除</translation>
    </message>
    <message>
        <source>&lt;p&gt;Azure drops traffic to the private ranges 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 with &lt;i&gt;None&lt;/i&gt; system routes, unless a VNet or peering covers it. A user route for 0.0.0.0/0 in the subnet&apos;s route table removes those drops, so such traffic follows the 0/0 route instead.&lt;/p&gt;&lt;p&gt;Azure documents this for a 0/0 route to a virtual appliance only. Choose which 0/0 user routes remove them here: &lt;b&gt;any&lt;/b&gt; (default), &lt;b&gt;virtualApplianceOnly&lt;/b&gt;, or &lt;b&gt;never&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Azure は、VNet やピアリングに含まれない限り、プライベート範囲 10.0.0.0/8、172.16.0.0/12、192.168.0.0/16、100.64.0.0/10 へのトラフィックを、ネクスト ホップの種類が &lt;i&gt;None&lt;/i&gt; のシステム ルートで破棄します。サブネットのルート テーブルに 0.0.0.0/0 のユーザー定義ルートがあるとこの破棄は解除され、そのトラフィックは 0/0 のルートに従います。&lt;/p&gt;&lt;p&gt;Azure のドキュメントでは、仮想アプライアンスへの 0/0 ルートについてのみ記載されています。どの 0/0 ユーザー定義ルートで解除するかをここで選択します: &lt;b&gt;any&lt;/b&gt; (既定)、&lt;b&gt;virtualApplianceOnly&lt;/b&gt;、または &lt;b&gt;never&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>P2S Internet breakout</source>
        <translation>P2S のインターネット ブレークアウト</translation>
    </message>
    <message>
        <source>Route tables</source>
        <translation>ルート テーブル</translation>
    </message>
    <message>
        <source>New Table</source>
        <translation>新しいテーブル</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Add route table %1</source>
        <translation>ルート テーブル %1 を追加</translation>
    </message>
    <message>
        <source>Network security groups</source>
        <translation>ネットワーク セキュリティ グループ</translation>
    </message>
    <message>
        <source>Drop an NSG from the palette on a subnet or VM to add one there.</source>
        <translation>パレットから NSG をサブネットまたは VM にドロップすると、そこに追加されます。</translation>
    </message>
    <message>
        <source>New NSG</source>
        <translation>新しい NSG</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the NSG; the subnets and NICs that had it have none</source>
        <translation>NSG を削除します。関連付けられていたサブネットと NIC の NSG はなしになります</translation>
    </message>
    <message>
        <source>Add NSG %1</source>
        <translation>NSG %1 を追加</translation>
    </message>
    <message>
        <source>Delete NSG %1</source>
        <translation>NSG %1 を削除</translation>
    </message>
    <message>
        <source>%1 (NIC)</source>
        <translation>%1 (NIC)</translation>
    </message>
    <message>
        <source>Not associated with any subnet or NIC.</source>
        <translation>どのサブネットにも NIC にも関連付けられていません。</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用元</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>仮想ネットワーク</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Address space</source>
        <translation>アドレス空間</translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s). Drop a Subnet from the palette to add one; Delete removes the selection.</source>
        <translation>
            <numerusform>サブネット %n 個。追加するにはパレットから [サブネット] をドロップします。Delete キーで選択したものを削除します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>サブネット</translation>
    </message>
    <message>
        <source>Address prefix</source>
        <translation>アドレス プレフィックス</translation>
    </message>
    <message>
        <source>New route table…</source>
        <translation>新しいルート テーブル…</translation>
    </message>
    <message>
        <source>Route table</source>
        <translation>ルート テーブル</translation>
    </message>
    <message>
        <source>Hub and spoke</source>
        <translation>ハブ アンド スポーク</translation>
    </message>
    <message>
        <source>Use Hub-and-Spoke Settings</source>
        <translation>ハブ アンド スポークの設定を使用</translation>
    </message>
    <message>
        <source>Already in use. %1</source>
        <translation>既に使用されています。%1</translation>
    </message>
    <message>
        <source>Use hub-and-spoke settings for %1</source>
        <translation>%1 にハブ アンド スポークの設定を使用</translation>
    </message>
    <message>
        <source>Peering %1 → %2</source>
        <translation>ピアリング %1 → %2</translation>
    </message>
    <message>
        <source>Create this direction (Azure needs both)</source>
        <translation>この方向を作成 (Azure では双方向が必要)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>Allow virtual network access</source>
        <translation>仮想ネットワークへのアクセスを許可する</translation>
    </message>
    <message>
        <source>Allow forwarded traffic</source>
        <translation>転送されたトラフィックを許可する</translation>
    </message>
    <message>
        <source>Allow gateway transit</source>
        <translation>ゲートウェイ転送を許可する</translation>
    </message>
    <message>
        <source>Use remote gateways</source>
        <translation>リモート ゲートウェイを使用する</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Private IP</source>
        <translation>プライベート IP アドレス</translation>
    </message>
    <message>
        <source>Management NIC (forced tunnelling)</source>
        <translation>管理 NIC (強制トンネリング)</translation>
    </message>
    <message>
        <source>Allow all traffic (rules: allowAll)</source>
        <translation>すべてのトラフィックを許可 (規則: allowAll)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>The first rule that matches decides; no match denies.</source>
        <translation>最初に一致した規則で決まります。一致しなければ拒否されます。</translation>
    </message>
    <message>
        <source>Virtual network gateway</source>
        <translation>仮想ネットワーク ゲートウェイ</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>%1 内</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>P2S client pool</source>
        <translation>P2S クライアント アドレス プール</translation>
    </message>
    <message>
        <source>Custom routes</source>
        <translation>カスタム ルート</translation>
    </message>
    <message>
        <source>Proxy VM</source>
        <translation>プロキシ VM</translation>
    </message>
    <message>
        <source>NVA</source>
        <translation>NVA</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>仮想マシン</translation>
    </message>
    <message>
        <source>IP forwarding (NVA)</source>
        <translation>IP 転送 (NVA)</translation>
    </message>
    <message>
        <source>Stateful (tracks sessions)</source>
        <translation>ステートフル (セッションを追跡)</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>送信方法</translation>
    </message>
    <message>
        <source>Runs a forward proxy</source>
        <translation>フォワード プロキシを実行</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>プロキシ ポート</translation>
    </message>
    <message>
        <source>Proxy config</source>
        <translation>プロキシの構成</translation>
    </message>
    <message>
        <source>P2S VPN client</source>
        <translation>P2S VPN クライアント</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>ゲートウェイ</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>Use proxy</source>
        <translation>使用するプロキシ</translation>
    </message>
    <message>
        <source>There is no VM named %1.</source>
        <translation>%1 という名前の VM はありません。</translation>
    </message>
    <message>
        <source>%1 runs no proxy: turn on “Runs a forward proxy” for it first.</source>
        <translation>%1 ではプロキシが実行されていません。先に「フォワード プロキシを実行」をオンにしてください。</translation>
    </message>
    <message>
        <source>On-premises site</source>
        <translation>オンプレミス サイト</translation>
    </message>
    <message>
        <source>A local network of a gateway</source>
        <translation>ゲートウェイのローカル ネットワーク</translation>
    </message>
    <message>
        <source>Address prefixes</source>
        <translation>アドレス プレフィックス</translation>
    </message>
    <message numerus="yes">
        <source>%n objects selected</source>
        <translation>
            <numerusform>%n 個のオブジェクトを選択中</numerusform>
        </translation>
    </message>
    <message>
        <source>Select VNets only, subnets only or VMs only to edit a field of all of them at once.</source>
        <translation>VNet だけ、サブネットだけ、または VM だけを選択すると、すべての項目を一度に編集できます。</translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation>(混在)</translation>
    </message>
    <message numerus="yes">
        <source>%n VNets</source>
        <translation>
            <numerusform>VNet %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>A change applies to all of them, as one undo step.</source>
        <translation>変更はそのすべてに適用され、1 回の操作で元に戻せます。</translation>
    </message>
    <message>
        <source>e.g. japaneast</source>
        <translation>例: japaneast</translation>
    </message>
    <message>
        <source>Set region of %1 to %2</source>
        <translation>%1 のリージョンを %2 に設定</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>既定</translation>
    </message>
    <message numerus="yes">
        <source>%n subnets</source>
        <translation>
            <numerusform>サブネット %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VMs</source>
        <translation>
            <numerusform>VM %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>IP forwarding</source>
        <translation>IP 転送</translation>
    </message>
    <message>
        <source>Turn on “IP forwarding” for %1</source>
        <translation>%1 の「IP 転送」をオン</translation>
    </message>
    <message>
        <source>Turn off “IP forwarding” for %1</source>
        <translation>%1 の「IP 転送」をオフ</translation>
    </message>
    <message>
        <source>At least one address prefix is needed.</source>
        <translation>少なくとも 1 つのアドレス プレフィックスが必要です。</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例: %1</translation>
    </message>
    <message>
        <source>A SKU is needed (VpnGw1 …).</source>
        <translation>SKU が必要です (VpnGw1 など)。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::RouteTableModel</name>
    <message>
        <source>route</source>
        <translation>ルート</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Address prefix</source>
        <translation>プレフィックス</translation>
    </message>
    <message>
        <source>Next hop type</source>
        <translation>ネクスト ホップ</translation>
    </message>
    <message>
        <source>Next hop IP</source>
        <translation>ネクスト ホップ IP</translation>
    </message>
    <message>
        <source>A VirtualAppliance route needs a next hop IP.</source>
        <translation>VirtualAppliance ルートにはネクスト ホップ IP アドレスが必要です。</translation>
    </message>
    <message>
        <source>Change prefix of route %1 to %2 in %3</source>
        <translation>%3 のルート %1 のプレフィックスを %2 に変更</translation>
    </message>
    <message>
        <source>Change next hop of route %1 to %2 %3 in %4</source>
        <translation>%4 のルート %1 のネクスト ホップを %2 %3 に変更</translation>
    </message>
    <message>
        <source>Change next hop of route %1 to %2 in %3</source>
        <translation>%3 のルート %1 のネクスト ホップを %2 に変更</translation>
    </message>
    <message>
        <source>Clear next hop IP of route %1 in %2</source>
        <translation>%2 のルート %1 のネクスト ホップ IP アドレスをクリア</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>NVA</source>
        <translation>NVA</translation>
    </message>
    <message>
        <source>proxy VM</source>
        <translation>プロキシ VM</translation>
    </message>
    <message>
        <source>No such route.</source>
        <translation>そのようなルートはありません。</translation>
    </message>
    <message>
        <source>Names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, 1 to 80 characters.</source>
        <translation>名前には英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; を使用し、1 ～ 80 文字にしてください。</translation>
    </message>
    <message>
        <source>%1 already has a route named %2.</source>
        <translation>%1 には既に %2 という名前のルートがあります。</translation>
    </message>
    <message>
        <source>A VirtualAppliance route needs a next hop IP address: add a firewall, NVA or proxy VM first.</source>
        <translation>VirtualAppliance ルートにはネクスト ホップ IP アドレスが必要です。先にファイアウォール、NVA、またはプロキシ VM を追加してください。</translation>
    </message>
    <message>
        <source>A VirtualAppliance route needs a next hop IP address: type another one, or choose another next hop type.</source>
        <translation>VirtualAppliance ルートにはネクスト ホップ IP アドレスが必要です。別のアドレスを入力するか、別のネクスト ホップの種類を選択してください。</translation>
    </message>
    <message>
        <source>Only VirtualAppliance routes take a next hop IP.</source>
        <translation>ネクスト ホップ IP アドレスを指定できるのは VirtualAppliance ルートだけです。</translation>
    </message>
    <message>
        <source>No such column.</source>
        <translation>そのような列はありません。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::RowsModel</name>
    <message>
        <source>Rename %1 %2 to %3 in %4</source>
        <translation>%4 の %1 %2 の名前を %3 に変更</translation>
    </message>
    <message>
        <source>Clear %1 of %2 %3 in %4</source>
        <translation>%4 の %2 %3 の %1 をクリア</translation>
    </message>
    <message>
        <source>Change %1 of %2 %3 to %4 in %5</source>
        <translation>%5 の %2 %3 の %1 を %4 に変更</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 を %2 に追加</translation>
    </message>
    <message>
        <source>Remove %1 %2 from %3</source>
        <translation>%3 から %1 %2 を削除</translation>
    </message>
    <message>
        <source>Move %1 %2 up in %3</source>
        <translation>%3 で %1 %2 を上へ移動</translation>
    </message>
    <message>
        <source>Move %1 %2 down in %3</source>
        <translation>%3 で %1 %2 を下へ移動</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::SecurityRulesModel</name>
    <message>
        <source>rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>A side holds addresses or application security groups, not both.</source>
        <translation>一方の側に指定できるのはアドレスかアプリケーション セキュリティ グループのどちらかで、両方は指定できません。</translation>
    </message>
    <message>
        <source>“*” already means every address: list it alone.</source>
        <translation>「*」は既にすべてのアドレスを意味します。単独で指定してください。</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>アクセス</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>Source ports</source>
        <translation>送信元ポート</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Destination ports</source>
        <translation>宛先ポート</translation>
    </message>
    <message>
        <source>Prio.</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Proto.</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Src ports</source>
        <translation>送信元ポート</translation>
    </message>
    <message>
        <source>Dest.</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Dest. ports</source>
        <translation>宛先ポート</translation>
    </message>
    <message>
        <source>Priority: 100–4096, unique per direction; the lowest number that matches decides</source>
        <translation>優先度: 100 ～ 4096、方向ごとに一意。一致する規則のうち数値が最も小さいもので決まります</translation>
    </message>
    <message>
        <source>Direction: Inbound or Outbound</source>
        <translation>方向: Inbound (受信) または Outbound (送信)</translation>
    </message>
    <message>
        <source>Protocol: Tcp, Udp, Icmp, Esp, Ah or * (any)</source>
        <translation>プロトコル: Tcp、Udp、Icmp、Esp、Ah、または * (任意)</translation>
    </message>
    <message>
        <source>%1: *, addresses, prefixes, service tags or application security groups</source>
        <translation>%1: *、アドレス、プレフィックス、サービス タグ、またはアプリケーション セキュリティ グループ</translation>
    </message>
    <message>
        <source>%1: *, ports or ranges such as 80, 443, 8000-8080</source>
        <translation>%1: *、ポート、または 80、443、8000-8080 のような範囲</translation>
    </message>
    <message>
        <source>A default rule of every NSG (nsg.md N1.4): it cannot be changed, only overridden by a custom rule of lower priority number.</source>
        <translation>すべての NSG にある既定の規則 (nsg.md N1.4)。変更はできず、優先度の数値がより小さいカスタム規則で上書きすることだけができます。</translation>
    </message>
    <message>
        <source>*, addresses, prefixes, service tags (VirtualNetwork, Internet, AzureLoadBalancer) or application security groups, separated by commas.</source>
        <translation>*、アドレス、プレフィックス、サービス タグ (VirtualNetwork、Internet、AzureLoadBalancer)、またはアプリケーション セキュリティ グループをコンマ区切りで指定します。</translation>
    </message>
    <message>
        <source>*, ports or ranges such as 80, 443, 8000-8080.</source>
        <translation>*、ポート、または 80、443、8000-8080 のような範囲。</translation>
    </message>
    <message>
        <source>Rename rule %1 to %2 in %3</source>
        <translation>%3 の規則 %1 の名前を %2 に変更</translation>
    </message>
    <message>
        <source>Change %1 of rule %2 to %3 in %4</source>
        <translation>%4 の規則 %2 の %1 を %3 に変更</translation>
    </message>
    <message>
        <source>No such rule.</source>
        <translation>そのような規則はありません。</translation>
    </message>
    <message>
        <source>Default rules cannot be changed; add a rule with a lower priority number.</source>
        <translation>既定の規則は変更できません。優先度の数値がより小さい規則を追加してください。</translation>
    </message>
    <message>
        <source>%1 already has an %2 rule with priority %3: %4.</source>
        <translation>%1 には既に優先度 %3 の %2 規則があります: %4。</translation>
    </message>
    <message>
        <source>Names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, 1 to 80 characters.</source>
        <translation>名前には英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; を使用し、1 ～ 80 文字にしてください。</translation>
    </message>
    <message>
        <source>%1 already has a rule named %2.</source>
        <translation>%1 には既に %2 という名前の規則があります。</translation>
    </message>
    <message>
        <source>No such column.</source>
        <translation>そのような列はありません。</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::TrafficController</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop reading the log; nothing of it is shown</source>
        <translation>ログの読み込みを中止します。ログの内容は何も表示されません</translation>
    </message>
    <message>
        <source>Import &amp;Proxy Log…</source>
        <translation>プロキシ ログのインポート(&amp;P)…</translation>
    </message>
    <message>
        <source>Summarise a Squid access.log and draw its flows on the design</source>
        <translation>Squid の access.log を集計し、そのフローを設計上に描画します</translation>
    </message>
    <message>
        <source>Import Squid access.log</source>
        <translation>Squid の access.log をインポート</translation>
    </message>
    <message>
        <source>Squid access logs (access.log* *.log);;All files (*)</source>
        <translation>Squid のアクセス ログ (access.log* *.log);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Show Observed &amp;Traffic</source>
        <translation>観測されたトラフィックを表示(&amp;T)</translation>
    </message>
    <message>
        <source>Draw the flows of the imported proxy log over the canvas</source>
        <translation>インポートしたプロキシ ログのフローをキャンバス上に描画します</translation>
    </message>
    <message>
        <source>A new design is open: import the log again to draw its flows.</source>
        <translation>新しい設計が開かれています。フローを描画するには、ログをもう一度インポートしてください。</translation>
    </message>
    <message>
        <source>Reading %1… %p%</source>
        <translation>%1 を読み込んでいます… %p%</translation>
    </message>
    <message>
        <source>Filtering… %p%</source>
        <translation>フィルター処理中… %p%</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing of that log is shown.</source>
        <translation>インポートを取り消しました。そのログの内容は何も表示されません。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Imported %1: %2 records</source>
        <translation>%1 をインポートしました: %2 レコード</translation>
    </message>
    <message>
        <source>The design has no proxy VM: no flows are drawn.</source>
        <translation>設計にプロキシ VM がないため、フローは描画されません。</translation>
    </message>
    <message>
        <source>No client of this log is in the design.</source>
        <translation>このログのクライアントは設計内にありません。</translation>
    </message>
    <message>
        <source>On the canvas: %1 flows through %2 (View → Show Observed Traffic)</source>
        <translation>キャンバス上: %2 を通る %1 個のフロー ([表示] → [観測されたトラフィックを表示])</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::TrafficPanel</name>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Show every record of the log</source>
        <translation>ログのすべてのレコードを表示</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>クライアント(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>結果(&amp;R):</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>開始(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>終了(&amp;T):</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>バイト数</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>要求数</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>Design object</source>
        <translation>設計内のオブジェクト</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード数</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状態</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Destinations by bytes</source>
        <translation>バイト数別の宛先</translation>
    </message>
    <message>
        <source>By requests</source>
        <translation>要求数別</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>File → Import Proxy Log… reads a Squid access.log; its top destinations by bytes appear here.</source>
        <translation>[ファイル] → [プロキシ ログのインポート…] で Squid の access.log を読み込むと、バイト数の多い宛先がここに表示されます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top destinations by bytes&lt;/b&gt;</source>
        <translation>&lt;b&gt;バイト数の多い宛先&lt;/b&gt;</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>すべてのクライアント</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>&lt;b&gt;No proxy log imported.&lt;/b&gt; File → Import Proxy Log… reads a Squid access.log on a worker thread.</source>
        <translation>&lt;b&gt;プロキシ ログはインポートされていません。&lt;/b&gt;[ファイル] → [プロキシ ログのインポート…] で、Squid の access.log をワーカー スレッドで読み込みます。</translation>
    </message>
    <message>
        <source>%1 of %2 records match</source>
        <translation>%2 レコード中 %1 レコードが一致</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 レコード</translation>
    </message>
    <message>
        <source>%1 skipped lines</source>
        <translation>スキップした行: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 bytes in %n request(s)</source>
        <translation>
            <numerusform>%1
%n 件の要求で %2 バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>No upstream traffic in these records.</source>
        <translation>これらのレコードにアップストリームへのトラフィックはありません。</translation>
    </message>
    <message>
        <source>No next-hop address logged</source>
        <translation>ネクスト ホップのアドレスは記録されていません</translation>
    </message>
    <message>
        <source>Next hops: %1</source>
        <translation>ネクスト ホップ: %1</translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation>(宛先なし)</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>エラー (%1)</translation>
    </message>
    <message>
        <source>000 (no reply)</source>
        <translation>000 (応答なし)</translation>
    </message>
</context>
<context>
    <name>hopscope::gui::VnetItem</name>
    <message>
        <source>No subnets yet</source>
        <translation>サブネットはまだありません</translation>
    </message>
    <message>
        <source>Subnet missing</source>
        <translation>サブネットが見つかりません</translation>
    </message>
</context>
</TS>
