#pragma once

#include <QObject>

class QWidget;

namespace cx::configurator {

/// Keeps the mouse wheel from changing a value the operator is not editing: over a combo box
/// or spin box without focus, the wheel scrolls the form instead (a scroll over the form
/// once changed discovery.plugin, and the change was saved). Such widgets take focus by
/// click or Tab only.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    /// Guards \a widget (a QComboBox or QAbstractSpinBox) with the one guard of the app.
    static void guard(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace cx::configurator
