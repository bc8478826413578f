#include "hoconparser.h"

#include "hocondocumentparser.h"
#include "hoconlimits.h"
#include "hoconresolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cx::config {

namespace {

/// Reads a document and, recursively, the files it includes.
class HoconLoader
{
public:
    /// canonicalPath identifies the document for the include cycle check (may be empty);
    /// depth is the nesting the document starts at (HoconIncludeRequest::depth).
    HoconNodePtr load(const QByteArray &text, const QString &fileName, const QString &canonicalPath,
                      int depth, Diagnostic *error)
    {
        m_reading.append({canonicalPath, fileName});
        HoconDocumentParser parser(
            text, fileName,
            [this, fileName](const HoconIncludeRequest &request, Diagnostic *includeError) {
                return include(request, fileName, includeError);
            },
            depth);
        HoconNodePtr root = parser.parse();
        m_reading.removeLast();
        if (!root)
            *error = parser.error();
        return root;
    }

    /// Counts bytes read against maxHoconInputBytes; false once over.
    bool spend(qint64 bytes)
    {
        m_inputBytes += bytes;
        return m_inputBytes <= maxHoconInputBytes;
    }

    /// Reads the rest of file into *text, a chunk at a time (a pipe or a device can be
    /// endless); false once over maxHoconInputBytes.
    bool read(QFile &file, QByteArray *text)
    {
        for (;;) {
            const QByteArray chunk = file.read(64 * 1024);
            if (chunk.isEmpty())
                return true;
            if (!spend(chunk.size()))
                return false;
            *text += chunk;
        }
    }

    static QString tooMuchInput()
    {
        return QStringLiteral("the configuration and the files it includes are larger than "
                              "%1 bytes in all")
            .arg(maxHoconInputBytes);
    }

private:
    struct Reading
    {
        QString canonicalPath;
        QString fileName;
    };

    static HoconNodePtr failed(const HoconIncludeRequest &request, const QString &message,
                               Diagnostic *error)
    {
        *error = Diagnostic {Diagnostic::Severity::Error, request.origin, message};
        return nullptr;
    }

    /// `include "x"` and `include file("x")` are both relative to the including file. As in
    /// Typesafe Config, a name without a .conf, .json or .properties extension reads NAME.conf
    /// over NAME.json, and a missing file is an empty object unless required(). .properties
    /// files and url() and classpath() includes are not supported.
    HoconNodePtr include(const HoconIncludeRequest &request, const QString &includingFile,
                         Diagnostic *error)
    {
        if (request.kind == HoconIncludeRequest::Kind::Url
            || request.kind == HoconIncludeRequest::Kind::Classpath) {
            return failed(request,
                          QStringLiteral("url() and classpath() includes are not supported; use "
                                         "a file name"),
                          error);
        }
        const QString directory
            = includingFile.isEmpty() ? QString() : QFileInfo(includingFile).path();
        const QString path = QDir::isAbsolutePath(request.name) || directory.isEmpty()
            ? QDir::cleanPath(request.name)
            : QDir::cleanPath(directory + u'/' + request.name);
        const bool hasExtension
            = path.endsWith(u".conf") || path.endsWith(u".json") || path.endsWith(u".properties");
        const QStringList candidates = hasExtension
            ? QStringList {path}
            : QStringList {path + QStringLiteral(".conf"), path + QStringLiteral(".json")};

        HoconNodePtr merged;
        for (const QString &candidate : candidates) {
            if (!QFileInfo(candidate).isFile())
                continue;
            if (candidate.endsWith(u".properties")) {
                return failed(
                    request, QStringLiteral("including .properties files is not supported"), error);
            }
            HoconNodePtr root = loadIncluded(request, candidate, error);
            if (!root)
                return nullptr;
            merged = merged ? mergeHoconNodes(merged, root) : root;
        }
        if (merged)
            return merged;
        if (request.required) {
            return failed(request,
                          QStringLiteral("included file not found: %1")
                              .arg(candidates.join(QStringLiteral(" or "))),
                          error);
        }
        return makeHoconNode(HoconNode::Kind::Object, request.origin);
    }

    HoconNodePtr loadIncluded(const HoconIncludeRequest &request, const QString &fileName,
                              Diagnostic *error)
    {
        const QString canonicalPath = QFileInfo(fileName).canonicalFilePath();
        for (const Reading &reading : std::as_const(m_reading)) {
            if (!reading.canonicalPath.isEmpty() && reading.canonicalPath == canonicalPath) {
                QStringList chain;
                for (const Reading &r : std::as_const(m_reading))
                    chain.append(r.fileName);
                chain.append(fileName);
                return failed(request, QStringLiteral("include cycle: %1").arg(chain.join(u" -> ")),
                              error);
            }
        }
        if (m_reading.size() >= maxHoconIncludeDepth) {
            return failed(request,
                          QStringLiteral("includes are nested more than %1 levels deep")
                              .arg(maxHoconIncludeDepth),
                          error);
        }
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            return failed(request,
                          QStringLiteral("cannot read included file %1: %2")
                              .arg(fileName, file.errorString()),
                          error);
        }
        QByteArray text;
        if (!read(file, &text))
            return failed(request, tooMuchInput(), error);
        return load(text, fileName, canonicalPath, request.depth, error);
    }

    QList<Reading> m_reading; ///< the documents being read, outermost first
    qint64 m_inputBytes = 0;
};

/// The result of a document that could not be read.
ParseResult unread(const QString &fileName, const QString &message)
{
    ParseResult result;
    result.diagnostics.append(
        Diagnostic {Diagnostic::Severity::Error, Origin {fileName, 0, 0}, message});
    return result;
}

/// Reads text, the document of fileName (already counted by loader), and resolves it.
ParseResult parseAndResolve(HoconLoader &loader, const QByteArray &text, const QString &fileName)
{
    const QString canonicalPath
        = fileName.isEmpty() ? QString() : QFileInfo(fileName).canonicalFilePath();
    ParseResult result;
    Diagnostic error;
    const HoconNodePtr root = loader.load(text, fileName, canonicalPath, 0, &error);
    if (root)
        result.root = resolveHocon(root, &error);
    if (!result.root)
        result.diagnostics.append(error);
    return result;
}

} // namespace

ParseResult parseHoconFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unread(path, QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    HoconLoader loader;
    QByteArray text;
    if (!loader.read(file, &text))
        return unread(path, HoconLoader::tooMuchInput());
    return parseAndResolve(loader, text, path);
}

ParseResult parseHoconText(const QByteArray &text, const QString &fileName)
{
    HoconLoader loader;
    if (!loader.spend(text.size()))
        return unread(fileName, HoconLoader::tooMuchInput());
    return parseAndResolve(loader, text, fileName);
}

} // namespace cx::config
