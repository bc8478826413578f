#include "socketlist.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace cx::status {

Result<QStringList> readSocketsFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error(u"cannot read the sockets file %1: %2"_s.arg(path, file.errorString()));
    QStringList sockets;
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        QString line = raw.trimmed();
        if (line.startsWith(u'#'))
            continue;
        if (const qsizetype comment = line.indexOf(u" #"_s); comment >= 0)
            line = line.first(comment).trimmed();
        if (!line.isEmpty())
            sockets.append(line);
    }
    if (sockets.isEmpty())
        return Error(u"the sockets file %1 names no socket"_s.arg(path));
    return sockets;
}

QStringList uniqueSockets(const QStringList &sockets)
{
    QStringList unique;
    for (const QString &socket : sockets) {
        if (!unique.contains(socket))
            unique.append(socket);
    }
    return unique;
}

} // namespace cx::status
