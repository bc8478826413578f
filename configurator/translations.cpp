#include "translations.h"

#include <QCoreApplication>
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

QLocale chooseLocale(const QString &langOption)
{
    if (langOption.isEmpty())
        return QLocale::system();
    return QLocale(langOption);
}

} // namespace cx::configurator
