#pragma once

#include <QLocale>
#include <QString>

namespace cx::configurator {

/// Installs the configurator's and Qt's own translations for locale (the system locale,
/// or --lang). Returns false when no configurator translation exists for it (English).
bool installTranslations(const QLocale &locale);

/// The locale named by --lang ("de", "fr", "ja", "zh_CN", "en"), else the system's.
QLocale chooseLocale(const QString &langOption);

} // namespace cx::configurator
