#pragma once

#include "text/Message.h"

#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace hopscope::gui {

// The app's language (issue 17). The strings of the desktop app are English in the source and
// translated by the .qm files embedded under :/i18n; Qt's own strings (standard dialogs and
// buttons) by the qtbase_*.qm files in Qt's translations folder.

// The language chosen in View → Language: "en", "ja", or empty to follow the system.
QString savedLanguage();
void saveLanguage(const QString &language);

// Installs translators on the application for `language` ("en", "ja"), or when it is empty for
// the system's locale (LANG, LANGUAGE). A language the app does not speak falls back to English,
// whose file holds the plural forms only. Replaces the translators a previous call installed.
// Returns the name of the app's translation loaded ("hopscope_ja"), empty when none was.
QString installTranslators(const QString &language);

// The text of a message from core/ (a finding, a walk's explanation) in the app's language:
// its template translated under its context, each argument filled in, nested phrases translated
// in turn. With no translation loaded it is message.english().
QString translated(const text::Message &message);

// View → Language: System, English, 日本語, checked as saved. Choosing one saves it and calls
// `notify` with a message saying it takes effect when the app restarts.
QMenu *createLanguageMenu(QWidget *parent, const std::function<void(const QString &)> &notify);

} // namespace hopscope::gui
