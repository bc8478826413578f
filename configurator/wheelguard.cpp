#include "wheelguard.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace cx::configurator {

void WheelGuard::guard(QWidget *widget)
{
    static WheelGuard *const instance = new WheelGuard(QCoreApplication::instance());
    widget->setFocusPolicy(Qt::StrongFocus); // not Qt::WheelFocus: the wheel gives no focus
    widget->installEventFilter(instance);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = qobject_cast<QWidget *>(watched);
    if (event->type() != QEvent::Wheel || !widget || widget->hasFocus())
        return false;
    // Not for this widget: its parents (the form's scroll area) get the wheel instead.
    if (QWidget *parent = widget->parentWidget())
        QCoreApplication::sendEvent(parent, event);
    return true;
}

} // namespace cx::configurator
