#pragma once

#include <QByteArray>
#include <QString>

class QWidget;

namespace cx::configurator {

/// After a save: when the service account (group \a group) could not read the saved
/// configuration or a file it points at (config::serviceCannotRead), says which and why in
/// a warning over \a parent, with the command that gives it access. Says nothing otherwise.
void warnIfServiceCannotRead(QWidget *parent, const QString &configPath, const QByteArray &text,
                             const QString &group);

} // namespace cx::configurator
