#include <QtTest>
class Placeholder : public QObject { Q_OBJECT private Q_SLOTS: void pending() { QVERIFY(true); } };
QTEST_GUILESS_MAIN(Placeholder)
#include "tst_designio.moc"
