#include "plugin/discovery.h"
#include "plugin/pluginloader.h"
#include "plugin/routing.h"

#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QTemporaryDir>
#include <QTest>

using namespace cx;
using namespace cx::plugin;

class tst_PluginLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readMetaData_data();
    void readMetaData();
    void readBrokenMetaData_data();
    void readBrokenMetaData();
    void incompatibility_data();
    void incompatibility();
    void loadPlugin_data();
    void loadPlugin();
    void loadFactory();
    void loadFactoryWrongInterface();
    void filesThatAreNotPluginsAreIgnored();
};

static const QString pluginDir = QStringLiteral(CX_TEST_PLUGIN_DIR);
static const QString goodPlugin = QStringLiteral(CX_TEST_PLUGIN_GOOD);

void tst_PluginLoader::readMetaData_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("compatVersion");
    QTest::addColumn<bool>("loadable");

    QTest::addRow("good") << goodPlugin << "good"
                          << "1.0.0"
                          << "1.0.0" << true;
    QTest::addRow("CompatVersion too new") << QStringLiteral(CX_TEST_PLUGIN_TOONEW) << "toonew"
                                           << "2.0.0"
                                           << "2.0.0" << false;
    QTest::addRow("Version too old") << QStringLiteral(CX_TEST_PLUGIN_TOOOLD) << "tooold"
                                     << "0.9.0"
                                     << "0.9.0" << false;
#ifdef CX_TEST_PLUGIN_UNRESOLVED
    QTest::addRow("library that cannot load")
        << QStringLiteral(CX_TEST_PLUGIN_UNRESOLVED) << "unresolved"
        << "1.0.0"
        << "1.0.0" << false;
#endif
}

void tst_PluginLoader::readMetaData()
{
    QFETCH(QString, path);
    QFETCH(QString, id);
    QFETCH(QString, version);
    QFETCH(QString, compatVersion);
    QFETCH(bool, loadable);

    const Result<PluginMetaData> meta = PluginMetaData::read(path);
    QVERIFY2(meta, qPrintable(meta ? QString() : meta.error().forLog()));
    QCOMPARE(meta->path, path);
    QCOMPARE(meta->iid, QLatin1StringView(CxRoutingFactory_iid));
    QCOMPARE(meta->id, id);
    QCOMPARE(meta->name, QStringLiteral("Test plugin ") + id);
    QCOMPARE(meta->version, version);
    QCOMPARE(meta->compatVersion, compatVersion);
    QCOMPARE(meta->description, QStringLiteral("tst_pluginloader fixture"));
    // Reading the metadata never loads the library (the others are loaded by later tests).
    if (!loadable)
        QVERIFY(!QLibrary(path).isLoaded());
}

void tst_PluginLoader::readBrokenMetaData_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const QString noId = QStringLiteral(CX_TEST_PLUGIN_NOID);
    QTest::addRow("no Id") << noId
                           << QStringLiteral("plugin %1 has no Id, Version or CompatVersion in "
                                             "its metadata")
                                  .arg(noId);
    const QString library = QStringLiteral(CX_NOT_A_PLUGIN);
    QTest::addRow("shared library without metadata")
        << library << QStringLiteral("%1 is not a cxserver plugin").arg(library);
    const QString missing = pluginDir + QStringLiteral("/libmissing.so");
    QTest::addRow("missing file") << missing
                                  << QStringLiteral("%1 is not a cxserver plugin").arg(missing);
}

void tst_PluginLoader::readBrokenMetaData()
{
    QFETCH(QString, path);
    QFETCH(QString, message);

    const Result<PluginMetaData> meta = PluginMetaData::read(path);
    QVERIFY(!meta);
    QCOMPARE(meta.error().message, message);
}

void tst_PluginLoader::incompatibility_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("iid");
    QTest::addColumn<QString>("reason");

    QTest::addRow("fits") << goodPlugin << QByteArray(CxRoutingFactory_iid) << QString();
    QTest::addRow("wrong IID") << goodPlugin << QByteArray(CxDiscoveryFactory_iid)
                               << QStringLiteral(
                                      "interface org.cxserver.RoutingFactory/1, expected "
                                      "org.cxserver.DiscoveryFactory/1");
    QTest::addRow("next major IID")
        << goodPlugin << QByteArray("org.cxserver.RoutingFactory/2")
        << QStringLiteral("interface org.cxserver.RoutingFactory/1, expected "
                          "org.cxserver.RoutingFactory/2");
    QTest::addRow("CompatVersion > 1.0.0")
        << QStringLiteral(CX_TEST_PLUGIN_TOONEW) << QByteArray(CxRoutingFactory_iid)
        << QStringLiteral("plugin API 2.0.0..2.0.0, cxserver offers 1.0.0");
    QTest::addRow("Version < 1.0.0")
        << QStringLiteral(CX_TEST_PLUGIN_TOOOLD) << QByteArray(CxRoutingFactory_iid)
        << QStringLiteral("plugin API 0.9.0..0.9.0, cxserver offers 1.0.0");
}

void tst_PluginLoader::incompatibility()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, iid);
    QFETCH(QString, reason);

    const Result<PluginMetaData> meta = PluginMetaData::read(path);
    QVERIFY(meta);
    QCOMPARE(meta->incompatibility(iid.constData()), reason);
}

void tst_PluginLoader::loadPlugin_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QByteArray>("iid");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("messageParts"); // empty: loads

    const QByteArray routing(CxRoutingFactory_iid);
    QTest::addRow("loads") << pluginDir << routing << "good" << QStringList();

    QStringList available {QStringLiteral("good"), QStringLiteral("toonew"),
                           QStringLiteral("tooold")};
#ifdef CX_TEST_PLUGIN_UNRESOLVED
    available << QStringLiteral("unresolved");
#endif
    available.sort();
    QTest::addRow("not found lists the available ids")
        << pluginDir << routing << "nonexistent"
        << QStringList {QStringLiteral("plugin \"nonexistent\" not found in ") + pluginDir
                        + QStringLiteral(" (available: ") + available.join(u", ")
                        + QStringLiteral(")")};
    const QString missingDir = pluginDir + QStringLiteral("/nonexistent");
    QTest::addRow("folder missing")
        << missingDir << routing << "good"
        << QStringList {
               QStringLiteral("plugin \"good\": folder %1 does not exist").arg(missingDir)};
    QTest::addRow("wrong IID") << pluginDir << QByteArray(CxDiscoveryFactory_iid) << "good"
                               << QStringList {QStringLiteral(
                                                   "plugin \"good\" (%1) cannot be used: interface "
                                                   "org.cxserver.RoutingFactory/1, expected "
                                                   "org.cxserver.DiscoveryFactory/1")
                                                   .arg(goodPlugin)};
    QTest::addRow("CompatVersion > 1.0.0")
        << pluginDir << routing << "toonew"
        << QStringList {QStringLiteral("plugin \"toonew\" (%1) cannot be used: plugin API "
                                       "2.0.0..2.0.0, cxserver offers 1.0.0")
                            .arg(QStringLiteral(CX_TEST_PLUGIN_TOONEW))};
    QTest::addRow("Version < 1.0.0")
        << pluginDir << routing << "tooold"
        << QStringList {QStringLiteral("plugin \"tooold\" (%1) cannot be used: plugin API "
                                       "0.9.0..0.9.0, cxserver offers 1.0.0")
                            .arg(QStringLiteral(CX_TEST_PLUGIN_TOOOLD))};
#ifdef CX_TEST_PLUGIN_UNRESOLVED
    // The reason comes from the dynamic loader; it names the symbol it could not resolve.
    QTest::addRow("library fails to load")
        << pluginDir << routing << "unresolved"
        << QStringList {QStringLiteral("plugin \"unresolved\" (%1) failed to load: ")
                            .arg(QStringLiteral(CX_TEST_PLUGIN_UNRESOLVED)),
                        QStringLiteral("cxtest_missing_symbol")};
#endif
}

void tst_PluginLoader::loadPlugin()
{
    QFETCH(QString, directory);
    QFETCH(QByteArray, iid);
    QFETCH(QString, id);
    QFETCH(QStringList, messageParts);

    const Result<QObject *> plugin = cx::plugin::loadPlugin(directory, iid.constData(), id);
    if (messageParts.isEmpty()) {
        QVERIFY2(plugin, qPrintable(plugin ? QString() : plugin.error().forLog()));
        QVERIFY(plugin.value());
        return;
    }
    QVERIFY(!plugin);
    for (const QString &part : std::as_const(messageParts))
        QVERIFY2(plugin.error().message.contains(part), qPrintable(plugin.error().message));
}

void tst_PluginLoader::loadFactory()
{
    const Result<RoutingFactory *> factory
        = cx::plugin::loadFactory<RoutingFactory>(pluginDir, QStringLiteral("good"));
    QVERIFY2(factory, qPrintable(factory ? QString() : factory.error().forLog()));
    QString error;
    QCOMPARE(factory.value()->create(PluginContext {}, nullptr, &error), nullptr);
    QCOMPARE(error, QStringLiteral("test plugin"));
}

void tst_PluginLoader::loadFactoryWrongInterface()
{
    const Result<DiscoveryFactory *> factory
        = cx::plugin::loadFactory<DiscoveryFactory>(pluginDir, QStringLiteral("good"));
    QVERIFY(!factory);
    QVERIFY2(factory.error().message.contains(goodPlugin), qPrintable(factory.error().message));
}

void tst_PluginLoader::filesThatAreNotPluginsAreIgnored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Every file but the text file is named like a library, so only the contents tell.
    const QString suffix = u'.' + QFileInfo(goodPlugin).suffix();
    QVERIFY(QFile::copy(goodPlugin, dir.filePath(QStringLiteral("libgood") + suffix)));
    QVERIFY(QFile::copy(QStringLiteral(CX_NOT_A_PLUGIN),
                        dir.filePath(QStringLiteral("libcxcore") + suffix)));
    QFile junk(dir.filePath(QStringLiteral("libjunk") + suffix));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    QVERIFY(junk.write("not an ELF, not a DLL, not a Mach-O file") > 0);
    junk.close();
    QFile text(dir.filePath(QStringLiteral("README.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.close();

    const Result<QObject *> missing
        = cx::plugin::loadPlugin(dir.path(), CxRoutingFactory_iid, QStringLiteral("nonexistent"));
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.endsWith(QStringLiteral("(available: good)")),
             qPrintable(missing.error().message));

    const Result<QObject *> good
        = cx::plugin::loadPlugin(dir.path(), CxRoutingFactory_iid, QStringLiteral("good"));
    QVERIFY2(good, qPrintable(good ? QString() : good.error().forLog()));
}

QTEST_GUILESS_MAIN(tst_PluginLoader)
#include "tst_pluginloader.moc"
