// Addresses, prefixes and the longest-prefix-match table.

#include "net/Ipv4.h"
#include "net/PrefixTable.h"

#include <QtTest>

using namespace hopscope::net;

class TestIpv4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAddress_data();
    void parseAddress();
    void parsePrefix_data();
    void parsePrefix();
    void privateRanges_data();
    void privateRanges();
    void longestMatch_data();
    void longestMatch();
    void lengthOfMask_data();
    void lengthOfMask();
};

void TestIpv4::parseAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("dotted quad") << "10.2.0.4" << true;
    QTest::newRow("all ones") << "255.255.255.255" << true;
    QTest::newRow("octet over 255") << "10.256.0.1" << false;
    QTest::newRow("three octets") << "10.0.1" << false;
    QTest::newRow("five octets") << "10.0.0.1.5" << false;
    QTest::newRow("trailing dot") << "10.0.0.1." << false;
    QTest::newRow("leading space") << " 10.0.0.1" << false;
    QTest::newRow("four-digit octet") << "10.0001.0.1" << false;
    QTest::newRow("letters") << "ten.0.0.1" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("non-ASCII digit") << QString::fromUtf8("１0.0.0.1") << false;
}

void TestIpv4::parseAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto a = Ipv4Address::parse(text);
    QCOMPARE(a.has_value(), valid);
    if (a)
        QCOMPARE(a->toString(), text);
}

void TestIpv4::parsePrefix_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("why");
    QTest::newRow("a /16") << "10.1.0.0/16" << true << "";
    QTest::newRow("the default route") << "0.0.0.0/0" << true << "";
    QTest::newRow("a host route") << "10.2.0.4/32" << true << "";
    QTest::newRow("host bits set") << "10.1.0.1/16" << false << "did you mean 10.1.0.0/16";
    QTest::newRow("length over 32") << "10.0.0.0/33" << false << "0 to 32";
    QTest::newRow("no length") << "10.0.0.0" << false << "needs a length";
    QTest::newRow("negative length") << "10.0.0.0/-1" << false << "0 to 32";
    QTest::newRow("bad address") << "10.0.0/8" << false << "not an IPv4 address";
}

void TestIpv4::parsePrefix()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, why);
    QString whyNot;
    const auto p = Prefix::parse(text, &whyNot);
    QCOMPARE(p.has_value(), valid);
    if (p)
        QCOMPARE(p->toString(), text);
    else
        QVERIFY2(whyNot.contains(why), qPrintable(whyNot));
}

void TestIpv4::privateRanges_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("isPrivate");
    QTest::newRow("RFC 1918 10/8") << "10.9.9.9" << true;
    QTest::newRow("RFC 1918 172.16/12 start") << "172.16.0.1" << true;
    QTest::newRow("just past 172.16/12") << "172.32.0.1" << false;
    QTest::newRow("RFC 1918 192.168/16") << "192.168.10.5" << true;
    QTest::newRow("RFC 6598 100.64/10") << "100.64.0.1" << true;
    QTest::newRow("public") << "8.8.8.8" << false;
    QTest::newRow("documentation range is public here") << "203.0.113.10" << false;
}

void TestIpv4::privateRanges()
{
    QFETCH(QString, address);
    QFETCH(bool, isPrivate);
    QCOMPARE(Ipv4Address::parse(address)->isPrivate(), isPrivate);
}

void TestIpv4::longestMatch_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected"); // empty: no match
    QTest::newRow("the /24 inside the /16") << "10.0.0.5" << "10.0.0.0/24";
    QTest::newRow("the /16 outside the /24") << "10.0.1.5" << "10.0.0.0/16";
    QTest::newRow("a /32 host route") << "10.0.0.7" << "10.0.0.7/32";
    QTest::newRow("the /8") << "10.200.0.1" << "10.0.0.0/8";
    QTest::newRow("no match without a default") << "8.8.8.8" << "";
}

void TestIpv4::longestMatch()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    PrefixTable<QString> table;
    for (const char *p : {"10.0.0.0/8", "10.0.0.0/16", "10.0.0.0/24", "10.0.0.7/32"})
        table.insert(*Prefix::parse(QString::fromLatin1(p)), QString::fromLatin1(p));
    const QString *match = table.longestMatch(*Ipv4Address::parse(address));
    QCOMPARE(match ? *match : QString(), expected);
}

void TestIpv4::lengthOfMask_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<int>("length"); // -1: not a contiguous mask
    QTest::newRow("255.0.0.0 is /8") << "255.0.0.0" << 8;
    QTest::newRow("255.255.240.0 is /20") << "255.255.240.0" << 20;
    QTest::newRow("all ones is /32") << "255.255.255.255" << 32;
    QTest::newRow("all zeros is /0") << "0.0.0.0" << 0;
    QTest::newRow("a hole after the leading ones") << "255.0.255.0" << -1;
    QTest::newRow("ones that do not lead") << "0.255.255.255" << -1;
}

void TestIpv4::lengthOfMask()
{
    QFETCH(QString, mask);
    QFETCH(int, length);
    QCOMPARE(Prefix::lengthOfMask(Ipv4Address::parse(mask)->value()), length);
}

QTEST_GUILESS_MAIN(TestIpv4)
#include "tst_ipv4.moc"
