#pragma once

// Driving table editors in GUI tests the way a user types: shared by the GUI test classes.

#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QTableView>
#include <QtTest>

namespace testsupport {

// Edits one cell of a table view through its delegate's editor (line edit or combo box), as
// typing would, and waits until the delegate has committed and closed it.
inline void editCell(QTableView *view, int row, int column, const QString &text)
{
    const QModelIndex index = view->model()->index(row, column);
    view->setCurrentIndex(index);
    // The cell's editor is the visible one lying over the cell (Add route opens one itself).
    auto editorOverCell = [&]() -> QWidget * {
        const QRect cell = view->visualRect(index);
        for (QWidget *w : view->viewport()->findChildren<QWidget *>()) {
            if (w->isVisible() && w->parentWidget() == view->viewport() &&
                (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)) &&
                w->geometry().intersects(cell))
                return w;
        }
        return nullptr;
    };
    QWidget *editor = editorOverCell();
    if (!editor) {
        view->edit(index);
        editor = editorOverCell();
    }
    QVERIFY2(editor, "no cell editor opened");
    const QPointer<QWidget> open(editor);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentText(text);
        QTest::keyClick(combo, Qt::Key_Return);
        // The delegate commits and closes the editor on the next turn of the event loop.
        QTRY_VERIFY(open.isNull());
    } else {
        auto *line = qobject_cast<QLineEdit *>(editor);
        QVERIFY(line);
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY(open.isNull());
    }
}

} // namespace testsupport
