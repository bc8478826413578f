#pragma once

#include "cxcore_global.h"
#include "diagnostic.h"
#include "result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace cx::config {

/// A JAAS login configuration file, the format of Java's `java.security.auth.login.config`
/// that ZooKeeper's Java client reads (discovery.sasl-jaas-file, config.md §2):
///
///     Client {
///       org.apache.zookeeper.server.auth.DigestLoginModule required
///       username="cxserver" password="secret";
///     };
///
/// Named sections of login modules; each module has a class, a control flag and options
/// (`name=value`, the value a word or a double-quoted string with `\` escapes). `//` and
/// `/* */` are comments. Hostile input is bounded: the file size, the number of sections,
/// modules and options, and the length of a token; an error names FILE:LINE:COL.
struct CXCORE_EXPORT JaasFile
{
    static constexpr qint64 MaxBytes = 64 * 1024;
    static constexpr int MaxSections = 64;
    static constexpr int MaxModulesPerSection = 16;
    static constexpr int MaxOptionsPerModule = 64;

    struct Option
    {
        QString name;
        QString value;
        Origin origin; ///< where its value starts
        qsizetype offset = 0; ///< the value as written (quotes included): its first byte
        qsizetype length = 0; ///< and its length in bytes, to rewrite it in place
    };
    struct Module
    {
        QString className;
        QString flag; ///< required, requisite, sufficient or optional
        QList<Option> options;
        Origin origin;

        /// The option called \a name (the last one when it is repeated), or nullptr.
        const Option *option(const QString &name) const;
    };
    struct Section
    {
        QString name;
        QList<Module> modules;
        Origin origin;
    };

    QList<Section> sections;

    /// The section named \a name, or nullptr.
    const Section *section(const QString &name) const;

    /// Parses \a text; \a fileName only names the file in errors ("FILE:LINE:COL: ...").
    static Result<JaasFile> parse(QByteArrayView text, const QString &fileName);
    /// The text of \a path: at most MaxBytes, refused before reading when larger; never a
    /// FIFO or a device. The one read of a JAAS file (cxserver, config encrypt, the wizard).
    static Result<QByteArray> readText(const QString &path);
    /// Reads (readText()) and parses \a path.
    static Result<JaasFile> read(const QString &path);
};

} // namespace cx::config
