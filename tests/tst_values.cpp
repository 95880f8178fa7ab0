// One grammar for every value of the format (issue 11): whatever the reader accepts, the
// editors accept and show as the writer writes it, and the reverse. Each row is one value as a
// person would write it in a file or type it in an editor; it goes through the reader (and then
// the writer) and through the real editor of that field (a table model's setData/data, or a
// Properties panel field or combo box), and both must agree on whether it is a value, on the
// value, and on its canonical text.

#include "document/DesignDocument.h"
#include "io/DesignReader.h"
#include "io/DesignWriter.h"
#include "model/ObjectId.h"
#include "properties/FirewallRulesModel.h"
#include "properties/PropertiesPanel.h"
#include "properties/RouteTableModel.h"
#include "properties/ValidatedLineEdit.h"

#include <QComboBox>
#include <QtTest>

using namespace hopscope;
using namespace hopscope::gui;

namespace {

// A design with one of every field the rows exercise; @NAME@ marks a value a row replaces.
const char *const designTemplate = R"(hopscope: 1
vnets:
  - name: hub
    role: @ROLE@
    addressSpace: [10.0.0.0/16]
    subnets:
      - {name: AzureFirewallSubnet, addressPrefix: 10.0.1.0/26}
      - {name: GatewaySubnet, addressPrefix: 10.0.2.0/24}
      - {name: workload, addressPrefix: 10.0.3.0/24, routeTable: rt}
routeTables:
  - name: rt
    routes:
      - {name: r, addressPrefix: @PREFIX@, nextHopType: @NEXTHOPTYPE@, nextHopIpAddress: @ADDRESS@}
firewalls:
  - name: fw
    subnet: hub/AzureFirewallSubnet
    rules:
      - {name: r, action: @ACTION@, protocols: [@PROTOCOLS@], sourceAddresses: [@ADDRESSES@], destinationAddresses: ['*'], destinationPorts: [@PORTS@]}
gateways:
  - {name: gw, vnet: hub, type: @GATEWAYTYPE@, vpnClientAddressPool: [172.16.16.0/24]}
vms:
  - {name: proxy, subnet: hub/workload, outbound: @OUTBOUND@, proxy: {port: @PORT@}}
  - {name: web, subnet: hub/workload, privateIp: 10.0.3.5}
clients:
  - {name: pc, gateway: gw, useProxy: @USEPROXY@}
intents:
  - {from: pc, to: proxy, port: 3128, expect: @EXPECT@}
settings:
  noneRoutesRemovedByDefaultUdr: @NONEROUTES@
  p2sInternetBreakout: @BREAKOUT@
)";

// The value kinds: the template's marker, its value when a row is about another kind, whether
// the file holds a list (the row's text then holds its items separated by ", "), and whether
// the reader wants a plain scalar (numbers) rather than the quoted text used for the others.
struct Kind
{
    const char *marker;
    const char *standard;
    bool list;
    bool plain;
};

const QHash<QString, Kind> &kinds()
{
    static const QHash<QString, Kind> all = {
        {QStringLiteral("port"), {"@PORT@", "3128", false, true}},
        {QStringLiteral("portRange"), {"@PORTS@", "'443'", true, false}},
        {QStringLiteral("addressMatch"), {"@ADDRESSES@", "'*'", true, false}},
        {QStringLiteral("protocol"), {"@PROTOCOLS@", "Tcp", true, false}},
        {QStringLiteral("ruleAction"), {"@ACTION@", "Allow", false, false}},
        {QStringLiteral("prefix"), {"@PREFIX@", "0.0.0.0/0", false, false}},
        {QStringLiteral("address"), {"@ADDRESS@", "10.0.1.4", false, false}},
        {QStringLiteral("nextHopType"), {"@NEXTHOPTYPE@", "VirtualAppliance", false, false}},
        {QStringLiteral("proxySetting"), {"@USEPROXY@", "proxy:3128", false, false}},
        {QStringLiteral("vnetRole"), {"@ROLE@", "hub", false, false}},
        {QStringLiteral("gatewayType"), {"@GATEWAYTYPE@", "Vpn", false, false}},
        {QStringLiteral("outbound"), {"@OUTBOUND@", "defaultAccess", false, false}},
        {QStringLiteral("expect"), {"@EXPECT@", "ok", false, false}},
        {QStringLiteral("noneRoutes"), {"@NONEROUTES@", "any", false, false}},
        {QStringLiteral("breakout"), {"@BREAKOUT@", "drop", false, false}},
    };
    return all;
}

QByteArray yamlScalar(const QString &text, bool plain)
{
    if (plain)
        return text.toUtf8();
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("''"));
    return "'" + escaped.toUtf8() + "'";
}

// The design file with `text` in the field of `kind`, every other field at its standard value.
QByteArray designWith(const QString &kind, const QString &text)
{
    QByteArray yaml(designTemplate);
    for (auto it = kinds().cbegin(); it != kinds().cend(); ++it) {
        const Kind &k = it.value();
        QByteArray value = k.standard;
        if (it.key() == kind) {
            QByteArrayList items;
            for (const QString &item :
                 k.list ? text.split(QStringLiteral(", ")) : QStringList{text})
                items << yamlScalar(item, k.plain);
            value = items.join(", ");
        }
        yaml.replace(k.marker, value);
    }
    return yaml;
}

model::Design baseDesign()
{
    const io::LoadResult loaded = io::readDesign(designWith(QString(), QString()), "base.yaml");
    if (!loaded.design)
        qFatal("the base design does not load: %s",
               qPrintable(loaded.errors.front().toString()));
    return *loaded.design;
}

// Whether two designs hold the same value in the field of `kind`.
bool sameField(const QString &kind, const model::Design &a, const model::Design &b)
{
    const model::FirewallRule &ruleA = a.firewalls.front().rules.front();
    const model::FirewallRule &ruleB = b.firewalls.front().rules.front();
    const model::Route &routeA = a.routeTables.front().routes.front();
    const model::Route &routeB = b.routeTables.front().routes.front();
    if (kind == u"port")
        return a.vm(QStringLiteral("proxy"))->proxy == b.vm(QStringLiteral("proxy"))->proxy;
    if (kind == u"portRange")
        return ruleA.destinationPorts == ruleB.destinationPorts;
    if (kind == u"addressMatch")
        return ruleA.sourceAddresses == ruleB.sourceAddresses;
    if (kind == u"protocol")
        return ruleA.protocols == ruleB.protocols;
    if (kind == u"ruleAction")
        return ruleA.action == ruleB.action;
    if (kind == u"prefix")
        return routeA.addressPrefix == routeB.addressPrefix;
    if (kind == u"address")
        return routeA.nextHopIpAddress == routeB.nextHopIpAddress;
    if (kind == u"nextHopType")
        return routeA.nextHopType == routeB.nextHopType;
    if (kind == u"proxySetting")
        return a.clients.front().useProxy == b.clients.front().useProxy;
    if (kind == u"vnetRole")
        return a.vnets.front().role == b.vnets.front().role;
    if (kind == u"gatewayType")
        return a.gateways.front().type == b.gateways.front().type;
    if (kind == u"outbound")
        return a.vm(QStringLiteral("proxy"))->outbound == b.vm(QStringLiteral("proxy"))->outbound;
    if (kind == u"expect")
        return a.intents.front().expect == b.intents.front().expect;
    if (kind == u"noneRoutes")
        return a.settings.noneRoutesRemovedByDefaultUdr == b.settings.noneRoutesRemovedByDefaultUdr;
    if (kind == u"breakout")
        return a.settings.p2sInternetBreakout == b.settings.p2sInternetBreakout;
    qFatal("unknown kind");
}

// What the writer must write for `canonical` in the field of `kind`: the line fragment, or
// nothing when the value is the default that format.md leaves out.
QByteArray written(const QString &kind, const QString &canonical)
{
    const QByteArray c = canonical.toUtf8();
    QByteArrayList items;
    for (const QString &item : canonical.split(QStringLiteral(", ")))
        items << item.toUtf8();
    auto quotedItems = [&] {
        QByteArrayList quoted;
        for (const QByteArray &item : items)
            quoted << '"' + item + '"';
        return quoted.join(", ");
    };
    auto addresses = [&] {
        QByteArrayList out;
        for (const QByteArray &item : items)
            out << (item == "*" ? QByteArray("\"*\"") : item);
        return out.join(", ");
    };
    if (kind == u"port") return "proxy: {port: " + c + "}";
    if (kind == u"portRange") return "destinationPorts: [" + quotedItems() + "]";
    if (kind == u"addressMatch") return "sourceAddresses: [" + addresses() + "]";
    if (kind == u"protocol") return "protocols: [" + items.join(", ") + "]";
    if (kind == u"ruleAction") return "action: " + c;
    if (kind == u"prefix") return "{name: r, addressPrefix: " + c + ",";
    if (kind == u"address") return "nextHopIpAddress: " + c + "}";
    if (kind == u"nextHopType") return "nextHopType: " + c + ",";
    if (kind == u"proxySetting") return "useProxy: " + c + "}";
    if (kind == u"vnetRole") return c == "other" ? QByteArray() : "role: " + c + "\n";
    if (kind == u"gatewayType") return c == "Vpn" ? QByteArray() : "  type: " + c + "\n";
    if (kind == u"outbound") return c == "defaultAccess" ? QByteArray() : "outbound: " + c;
    if (kind == u"expect") return "expect: " + c + "}";
    if (kind == u"noneRoutes") return c == "any" ? QByteArray() : "noneRoutesRemovedByDefaultUdr: " + c;
    if (kind == u"breakout") return c == "drop" ? QByteArray() : "p2sInternetBreakout: " + c;
    qFatal("unknown kind");
}

// The key the writer leaves out when the value is the default.
QByteArray writtenKey(const QString &kind)
{
    if (kind == u"vnetRole") return "role:";
    if (kind == u"gatewayType") return "  type:";
    if (kind == u"outbound") return "outbound:";
    if (kind == u"noneRoutes") return "noneRoutesRemovedByDefaultUdr:";
    if (kind == u"breakout") return "p2sInternetBreakout:";
    return {};
}

// What an editor did with a row's text.
struct Edited
{
    bool accepted = false;
    QString shown;       // what the editor shows afterwards (its text for the value)
    model::Design design; // the design afterwards
    QString reason;      // why it refused
    bool explains = true; // whether the editor says why it refuses (a combo box has no reason)
};

// A table model cell: setData as the cell's delegate calls it, then data() for the display.
template <typename Model>
Edited editCell(DesignDocument &document, Model &model, int column, const QString &text)
{
    const QModelIndex index = model.index(0, column);
    Edited result;
    const QObject listening;
    QObject::connect(&model, &RowsModel::rejected, &listening,
                     [&result](const QString &reason) { result.reason = reason; });
    result.accepted = model.setData(index, text, Qt::EditRole);
    result.shown = model.data(index, Qt::DisplayRole).toString();
    result.design = document.design();
    return result;
}

// A Properties panel text field, typed into as a person would; shown is the field once the
// panel shows the object again.
Edited typeInField(DesignDocument &document, const QString &object, const QString &key,
                   const QString &text)
{
    PropertiesPanel panel(&document);
    panel.show();
    panel.showObject(model::ObjectId::parse(object));
    ValidatedLineEdit *edit = panel.textField(key);
    if (!edit)
        qFatal("no field %s", qPrintable(key));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    Edited result;
    result.accepted = edit->isAcceptable();
    result.reason = edit->reason();
    result.design = document.design();
    panel.showObject(model::ObjectId::parse(object));
    result.shown = panel.textField(key)->text();
    return result;
}

// A Properties panel combo box: the text is accepted when it is one of the choices, and
// choosing it is what activating it in the list does.
Edited chooseInCombo(DesignDocument &document, const QString &object, const QString &key,
                     const QString &text)
{
    PropertiesPanel panel(&document);
    panel.show();
    panel.showObject(model::ObjectId::parse(object));
    auto *combo = panel.findChild<QComboBox *>(key);
    if (!combo)
        qFatal("no combo box %s", qPrintable(key));
    Edited result;
    result.explains = false;
    const int item = combo->findText(text, Qt::MatchExactly | Qt::MatchCaseSensitive);
    result.accepted = item >= 0;
    if (result.accepted) {
        combo->setCurrentIndex(item);
        Q_EMIT combo->textActivated(text);
    }
    result.design = document.design();
    panel.showObject(model::ObjectId::parse(object));
    result.shown = panel.findChild<QComboBox *>(key)->currentText();
    return result;
}

// The editor of `kind`'s field, given `text`; nullopt when the format has no editor for it.
std::optional<Edited> editField(const QString &kind, const QString &text)
{
    DesignDocument document;
    document.resetDesign(baseDesign());
    FirewallRulesModel rules(&document);
    rules.setFirewall(QStringLiteral("fw"));
    RouteTableModel routes(&document);
    routes.setTable(QStringLiteral("rt"));
    if (kind == u"portRange")
        return editCell(document, rules, FirewallRulesModel::PortsColumn, text);
    if (kind == u"addressMatch") {
        // Destinations take what sources take; the row compares sources.
        const Edited destinations =
            editCell(document, rules, FirewallRulesModel::DestinationsColumn, text);
        Edited sources = editCell(document, rules, FirewallRulesModel::SourcesColumn, text);
        if (destinations.accepted != sources.accepted || destinations.shown != sources.shown)
            sources.reason = QStringLiteral("sources and destinations disagree");
        return sources;
    }
    if (kind == u"protocol")
        return editCell(document, rules, FirewallRulesModel::ProtocolsColumn, text);
    if (kind == u"ruleAction")
        return editCell(document, rules, FirewallRulesModel::ActionColumn, text);
    if (kind == u"prefix")
        return editCell(document, routes, RouteTableModel::PrefixColumn, text);
    if (kind == u"address")
        return editCell(document, routes, RouteTableModel::NextHopIpColumn, text);
    if (kind == u"nextHopType")
        return editCell(document, routes, RouteTableModel::NextHopTypeColumn, text);
    if (kind == u"port")
        return typeInField(document, QStringLiteral("proxy"), QStringLiteral("proxyPort"), text);
    if (kind == u"proxySetting")
        return typeInField(document, QStringLiteral("pc"), QStringLiteral("useProxy"), text);
    if (kind == u"vnetRole")
        return chooseInCombo(document, QStringLiteral("hub"), QStringLiteral("role"), text);
    if (kind == u"gatewayType")
        return chooseInCombo(document, QStringLiteral("gw"), QStringLiteral("type"), text);
    if (kind == u"outbound")
        return chooseInCombo(document, QStringLiteral("proxy"), QStringLiteral("outbound"), text);
    if (kind == u"noneRoutes")
        return chooseInCombo(document, QString(), QStringLiteral("noneRoutesRemovedByDefaultUdr"),
                             text);
    if (kind == u"breakout")
        return chooseInCombo(document, QString(), QStringLiteral("p2sInternetBreakout"), text);
    return std::nullopt; // intents have no editor yet
}

QString errorsOf(const io::LoadResult &result)
{
    QStringList lines;
    for (const io::LoadError &error : result.errors)
        lines << error.toString();
    return lines.join(u'\n');
}

} // namespace

class TestValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerAndEditorsAgree_data();
    void readerAndEditorsAgree();
    void choiceListsAreTheFormatsSpellings_data();
    void choiceListsAreTheFormatsSpellings();
};

void TestValues::readerAndEditorsAgree_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");      // as written in the file or typed in the editor
    QTest::addColumn<QString>("canonical"); // as saved and shown; empty: refused by both

    auto row = [](const char *name, const char *kind, const QString &text, const QString &canonical) {
        QTest::newRow(name) << QString::fromLatin1(kind) << text << canonical;
    };
    auto same = [&](const char *name, const char *kind, const QString &text) {
        row(name, kind, text, text);
    };
    auto refused = [&](const char *name, const char *kind, const QString &text) {
        row(name, kind, text, QString());
    };

    // Ports: 0 to 65535 everywhere (a proxy's port, useProxy, firewall rules, intents).
    same("port: 0", "port", "0");
    same("port: 3128", "port", "3128");
    same("port: 65535", "port", "65535");
    refused("port: 65536", "port", "65536");
    refused("port: negative", "port", "-1");
    refused("port: signed", "port", "+80");
    refused("port: hexadecimal", "port", "0x50");
    refused("port: a word", "port", "http");
    row("port: leading zero", "port", "080", "80");

    same("port range: one port", "portRange", "443");
    same("port range: port 0", "portRange", "0");
    same("port range: port 65535", "portRange", "65535");
    refused("port range: port 65536", "portRange", "65536");
    same("port range: 80-443", "portRange", "80-443");
    row("port range: a range of one port", "portRange", "80-80", "80");
    row("port range: 0-65535 is *", "portRange", "0-65535", "*");
    same("port range: *", "portRange", "*");
    refused("port range: reversed", "portRange", "443-80");
    refused("port range: open end", "portRange", "1024-");
    refused("port range: open start", "portRange", "-1024");
    refused("port range: two dashes", "portRange", "1-2-3");
    refused("port range: end 65536", "portRange", "1024-65536");
    refused("port range: a word", "portRange", "https");
    same("port range: a list", "portRange", "3128, 8000-8080, *");

    // Firewall addresses: "*", a prefix, or a bare address meaning that address alone.
    same("address condition: *", "addressMatch", "*");
    row("address condition: bare IP", "addressMatch", "10.2.0.4", "10.2.0.4/32");
    same("address condition: prefix", "addressMatch", "10.2.0.0/16");
    same("address condition: /32", "addressMatch", "10.2.0.4/32");
    same("address condition: 0.0.0.0/0", "addressMatch", "0.0.0.0/0");
    refused("address condition: prefix with host bits", "addressMatch", "10.2.0.4/24");
    refused("address condition: length 33", "addressMatch", "10.2.0.0/33");
    refused("address condition: octet 256", "addressMatch", "10.2.0.256");
    refused("address condition: any", "addressMatch", "any");
    refused("address condition: Any", "addressMatch", "Any");
    row("address condition: a list", "addressMatch", "10.2.0.4, 172.16.16.0/24, *",
        "10.2.0.4/32, 172.16.16.0/24, *");

    // Prefixes: a length is required and host bits must be zero (format.md, load errors).
    same("prefix: /16", "prefix", "10.0.0.0/16");
    same("prefix: /0", "prefix", "0.0.0.0/0");
    same("prefix: /32", "prefix", "10.0.0.4/32");
    refused("prefix: bare IP", "prefix", "10.0.0.4");
    refused("prefix: host bits", "prefix", "10.0.0.1/8");
    refused("prefix: length 33", "prefix", "10.0.0.0/33");
    refused("prefix: octet 256", "prefix", "300.0.0.0/8");

    same("address: 10.0.1.4", "address", "10.0.1.4");
    same("address: 0.0.0.0", "address", "0.0.0.0");
    same("address: 255.255.255.255", "address", "255.255.255.255");
    refused("address: a prefix", "address", "10.0.1.4/32");
    refused("address: octet 256", "address", "10.0.1.256");
    refused("address: three octets", "address", "10.0.1");

    // VM:PORT.
    same("VM:PORT: proxy:3128", "proxySetting", "proxy:3128");
    same("VM:PORT: port 0", "proxySetting", "proxy:0");
    same("VM:PORT: port 65535", "proxySetting", "proxy:65535");
    refused("VM:PORT: port 65536", "proxySetting", "proxy:65536");
    refused("VM:PORT: no port", "proxySetting", "proxy");
    refused("VM:PORT: no VM", "proxySetting", ":3128");
    refused("VM:PORT: two colons", "proxySetting", "proxy:3128:1");
    refused("VM:PORT: an unknown VM", "proxySetting", "squid:3128");
    refused("VM:PORT: a VM that runs no proxy", "proxySetting", "web:3128");

    // Enums: ARM's spellings, case-sensitive (format.md).
    for (const char *type : {"VirtualAppliance", "VirtualNetworkGateway", "VnetLocal", "Internet", "None"})
        same(qPrintable(QStringLiteral("next hop type: %1").arg(QLatin1String(type))), "nextHopType",
             QString::fromLatin1(type));
    refused("next hop type: lower case", "nextHopType", "virtualappliance");
    refused("next hop type: plural", "nextHopType", "VirtualAppliances");
    same("action: Allow", "ruleAction", "Allow");
    same("action: Deny", "ruleAction", "Deny");
    refused("action: lower case", "ruleAction", "allow");
    for (const char *protocol : {"Tcp", "Udp", "Icmp", "Any"})
        same(qPrintable(QStringLiteral("protocol: %1").arg(QLatin1String(protocol))), "protocol",
             QString::fromLatin1(protocol));
    refused("protocol: lower case", "protocol", "tcp");
    refused("protocol: upper case", "protocol", "TCP");
    refused("protocol: Http", "protocol", "Http");
    same("protocol: a list", "protocol", "Tcp, Udp");
    for (const char *role : {"hub", "spoke", "other"})
        same(qPrintable(QStringLiteral("role: %1").arg(QLatin1String(role))), "vnetRole",
             QString::fromLatin1(role));
    refused("role: capitalised", "vnetRole", "Hub");
    same("gateway type: Vpn", "gatewayType", "Vpn");
    same("gateway type: ExpressRoute", "gatewayType", "ExpressRoute");
    refused("gateway type: lower case", "gatewayType", "vpn");
    for (const char *method : {"publicIp", "natGateway", "loadBalancer", "defaultAccess", "none"})
        same(qPrintable(QStringLiteral("outbound: %1").arg(QLatin1String(method))), "outbound",
             QString::fromLatin1(method));
    refused("outbound: capitalised", "outbound", "PublicIp");
    same("expect: ok", "expect", "ok");
    same("expect: blocked", "expect", "blocked");
    refused("expect: upper case", "expect", "OK");
    for (const char *removal : {"any", "virtualApplianceOnly", "never"})
        same(qPrintable(QStringLiteral("noneRoutesRemovedByDefaultUdr: %1").arg(QLatin1String(removal))),
             "noneRoutes", QString::fromLatin1(removal));
    refused("noneRoutesRemovedByDefaultUdr: capitalised", "noneRoutes", "Any");
    same("p2sInternetBreakout: drop", "breakout", "drop");
    same("p2sInternetBreakout: allow", "breakout", "allow");
    refused("p2sInternetBreakout: capitalised", "breakout", "Allow");
}

void TestValues::readerAndEditorsAgree()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const bool isValue = !canonical.isEmpty();

    // The reader, then the writer.
    const io::LoadResult loaded = io::readDesign(designWith(kind, text), "values.yaml");
    QVERIFY2(loaded.errors.empty() == isValue,
             qPrintable(isValue ? QStringLiteral("the reader refuses it:\n") + errorsOf(loaded)
                                : QStringLiteral("the reader accepts it")));
    if (isValue) {
        const QByteArray saved = io::writeDesign(*loaded.design);
        const QByteArray fragment = written(kind, canonical);
        if (fragment.isEmpty())
            QVERIFY2(!saved.contains(writtenKey(kind)), saved.constData());
        else
            QVERIFY2(saved.contains(fragment),
                     qPrintable(QStringLiteral("expected %1 in:\n%2")
                                    .arg(QString::fromUtf8(fragment), QString::fromUtf8(saved))));
    }

    // The editor of the field.
    const std::optional<Edited> edited = editField(kind, text);
    if (!edited)
        return;
    QVERIFY2(edited->accepted == isValue,
             qPrintable(isValue ? QStringLiteral("the editor refuses it: ") + edited->reason
                                : QStringLiteral("the editor accepts it")));
    if (!isValue) {
        QVERIFY2(!edited->reason.isEmpty() || !edited->explains, "a refusal says why");
        return;
    }
    QVERIFY2(edited->reason.isEmpty(), qPrintable(edited->reason));
    QCOMPARE(edited->shown, canonical);
    QVERIFY2(sameField(kind, edited->design, *loaded.design),
             "the editor and the reader read different values");
    // The reverse: what the editor made saves and loads back as it is.
    const io::LoadResult again = io::readDesign(io::writeDesign(edited->design), "edited.yaml");
    QVERIFY2(again.errors.empty(), qPrintable(errorsOf(again)));
    QVERIFY(*again.design == edited->design);
}

void TestValues::choiceListsAreTheFormatsSpellings_data()
{
    QTest::addColumn<QString>("object"); // shown in the Properties panel ("": the design)
    QTest::addColumn<QString>("combo");
    QTest::addColumn<QStringList>("choices"); // format.md's values, in its order

    QTest::newRow("vnet role") << "hub" << "role" << QStringList{"hub", "spoke", "other"};
    QTest::newRow("gateway type") << "gw" << "type" << QStringList{"Vpn", "ExpressRoute"};
    QTest::newRow("vm outbound")
        << "proxy" << "outbound"
        << QStringList{"publicIp", "natGateway", "loadBalancer", "defaultAccess", "none"};
    QTest::newRow("setting noneRoutesRemovedByDefaultUdr")
        << "" << "noneRoutesRemovedByDefaultUdr"
        << QStringList{"any", "virtualApplianceOnly", "never"};
    QTest::newRow("setting p2sInternetBreakout")
        << "" << "p2sInternetBreakout" << QStringList{"drop", "allow"};
}

void TestValues::choiceListsAreTheFormatsSpellings()
{
    QFETCH(QString, object);
    QFETCH(QString, combo);
    QFETCH(QStringList, choices);

    DesignDocument document;
    document.resetDesign(baseDesign());
    PropertiesPanel panel(&document);
    panel.showObject(model::ObjectId::parse(object));
    auto *box = panel.findChild<QComboBox *>(combo);
    QVERIFY(box);
    QStringList offered;
    for (int i = 0; i < box->count(); ++i)
        offered << box->itemText(i);
    QCOMPARE(offered, choices);
}

QTEST_MAIN(TestValues)
#include "tst_values.moc"
