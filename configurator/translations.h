#pragma once

#include <QLocale>
#include <QString>

namespace cx::configurator {

/// Installs the configurator's and Qt's own translations for locale (the system locale,
/// or --lang). Returns false when no configurator translation exists for it (English).
bool installTranslations(const QLocale &locale);

/// When no installed font can show the script of locale's language (Japanese, Chinese,
/// Korean, ...), a note for the user, in English so that it shows with any font, naming
/// the Debian package that adds one; empty when a font can.
QString missingFontNote(const QLocale &locale);

/// The locale named by --lang ("de", "fr", "ja", "zh_CN", "en"), else the system's.
QLocale chooseLocale(const QString &langOption);

} // namespace cx::configurator
