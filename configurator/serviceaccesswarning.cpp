#include "serviceaccesswarning.h"

#include "config/serviceaccess.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QStringList>
#include <QWidget>

namespace cx::configurator {

void warnIfServiceCannotRead(QWidget *parent, const QString &configPath, const QByteArray &text,
                             const QString &group)
{
    QStringList problems;
    const QStringList files = config::filesReadByService(configPath, text);
    for (const QString &file : files) {
        const QString why = config::serviceCannotRead(file, group);
        if (!why.isEmpty())
            problems.append(why);
    }
    if (problems.isEmpty())
        return;
    QMessageBox::warning(
        parent,
        QCoreApplication::translate("cx::configurator::ServiceAccess",
                                    "The service cannot read it"),
        QCoreApplication::translate(
            "cx::configurator::ServiceAccess",
            "Saved, but cxserver runs as %1 and could not read:\n\n%2\n\nGive its group "
            "read access, e.g.: sudo chgrp %1 FILE && sudo chmod g+r FILE")
            .arg(group, problems.join(u'\n')));
}

} // namespace cx::configurator
