#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace cx::configurator;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cxconfigurator"));
    QApplication::setApplicationVersion(QStringLiteral(CX_VERSION));
    QApplication::setOrganizationName(QStringLiteral("cxserver"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("User interface language: en, de, fr, ja, "
                                                 "zh_CN (default: the system locale)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Open the live status view on the "
                                                   "cxservers whose status sockets are "
                                                   "SOCKETS (separated by commas)."),
                                    QStringLiteral("SOCKETS"));
    const QCommandLineOption wizard(QStringLiteral("new"),
                                    QStringLiteral("Start with the new-configuration wizard."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QStringLiteral("Write PNG screenshots of every wizard "
                                                        "page and the status view to DIR, then "
                                                        "quit (documentation)."),
                                         QStringLiteral("DIR"));
    parser.addOptions({lang, status, wizard, screenshots});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A cxserver.conf to open in the editor."));
    parser.process(app);

    const QLocale locale = chooseLocale(parser.value(lang));
    installTranslations(locale);

    if (parser.isSet(screenshots))
        return MainWindow::takeScreenshots(parser.value(screenshots)) ? 0 : 1;

    MainWindow window;
    window.showFontNote(missingFontNote(locale));
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    else if (parser.isSet(status))
        window.showStatus(parser.value(status));
    else if (parser.isSet(wizard))
        window.newConfiguration();
    return QApplication::exec();
}
