#include "Language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

namespace hopscope::gui {

namespace {

// The context of the menu's strings.
struct Language
{
    Q_DECLARE_TR_FUNCTIONS(hopscope::gui::Language)
};

constexpr char languageKey[] = "language";

struct Translators
{
    QTranslator app;
    QTranslator qt;
};

Translators &translators()
{
    static Translators installed;
    return installed;
}

} // namespace

QString savedLanguage()
{
    const QString language = QSettings().value(QLatin1String(languageKey)).toString();
    return language == u"en" || language == u"ja" ? language : QString();
}

void saveLanguage(const QString &language)
{
    if (language.isEmpty())
        QSettings().remove(QLatin1String(languageKey));
    else
        QSettings().setValue(QLatin1String(languageKey), language);
}

QString installTranslators(const QString &language)
{
    Translators &t = translators();
    QCoreApplication::removeTranslator(&t.app);
    QCoreApplication::removeTranslator(&t.qt);
    // QLocale::system() reads LANG and LC_*; its uiLanguages() the LANGUAGE list first.
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    const QString embedded = QStringLiteral(":/i18n");
    if (!t.app.load(locale, QStringLiteral("hopscope"), QStringLiteral("_"), embedded))
        (void)t.app.load(QStringLiteral("hopscope_en"), embedded); // English plurals
    if (!t.app.isEmpty())
        QCoreApplication::installTranslator(&t.app);
    if (t.qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&t.qt);
    return t.app.isEmpty() ? QString() : t.app.filePath().section(u'/', -1).section(u'.', 0, 0);
}

QMenu *createLanguageMenu(QWidget *parent, const std::function<void(const QString &)> &notify)
{
    auto *menu = new QMenu(Language::tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto *group = new QActionGroup(menu);
    const QString saved = savedLanguage();
    // Each language is named in itself, as language choosers do.
    const std::pair<QString, QString> choices[] = {
        {QString(), Language::tr("&System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
    };
    for (const auto &[code, name] : choices) {
        QAction *choice = menu->addAction(name);
        choice->setObjectName(QStringLiteral("actionLanguage_") +
                              (code.isEmpty() ? QStringLiteral("system") : code));
        choice->setCheckable(true);
        choice->setChecked(code == saved);
        choice->setActionGroup(group);
        QObject::connect(choice, &QAction::triggered, menu, [code, notify] {
            saveLanguage(code);
            notify(Language::tr("The language changes when Hopscope is started again."));
        });
    }
    menu->addSeparator();
    QAction *note = menu->addAction(Language::tr("Takes effect on restart"));
    note->setEnabled(false);
    return menu;
}

QString translated(const text::Message &message)
{
    if (message.isEmpty())
        return {};
    std::vector<QString> values;
    values.reserve(message.arguments().size());
    for (const text::Message::Argument &a : message.arguments())
        values.push_back(a.phrase() ? translated(*a.phrase()) : a.value());
    // A verbatim message has no context: its template is "%1", nothing to translate.
    const QString pattern = message.context()
                                ? QCoreApplication::translate(message.context(), message.source())
                                : QString::fromUtf8(message.source());
    return text::Message::fill(pattern, values);
}

} // namespace hopscope::gui
