#include "translations.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QTranslator>

namespace cx::configurator {

bool installTranslations(const QLocale &locale)
{
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, QStringLiteral("cxconfigurator"), QStringLiteral("_"),
                          QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(translator);
    return true;
}

namespace {
/// The writing system a locale's texts need beyond Latin; Latin when none.
QFontDatabase::WritingSystem writingSystem(const QLocale &locale)
{
    switch (locale.language()) {
    case QLocale::Japanese:
        return QFontDatabase::Japanese;
    case QLocale::Chinese:
        return locale.script() == QLocale::TraditionalHanScript ? QFontDatabase::TraditionalChinese
                                                                : QFontDatabase::SimplifiedChinese;
    case QLocale::Korean:
        return QFontDatabase::Korean;
    default:
        return QFontDatabase::Latin;
    }
}
} // namespace

QString missingFontNote(const QLocale &locale)
{
    const QFontDatabase::WritingSystem system = writingSystem(locale);
    if (system == QFontDatabase::Latin || !QFontDatabase::families(system).isEmpty())
        return {};
    return QStringLiteral("No installed font can show %1: its texts appear as boxes. Install "
                          "one (Debian: sudo apt install fonts-noto-cjk) or start with --lang "
                          "en.")
        .arg(QLocale::languageToString(locale.language()));
}

QLocale chooseLocale(const QString &langOption)
{
    if (langOption.isEmpty())
        return QLocale::system();
    return QLocale(langOption);
}

} // namespace cx::configurator
