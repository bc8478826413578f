#include "screenfit.h"

#include <QScreen>
#include <QWidget>

namespace cx::configurator {

namespace {
/// Room left for the window manager's frame and title bar.
constexpr QSize FrameAllowance(16, 48);
} // namespace

QSize sizeOnScreen(const QWidget *window, QSize preferred)
{
    const QScreen *screen = window->screen();
    if (!screen)
        return preferred;
    return preferred.boundedTo(screen->availableGeometry().size() - FrameAllowance);
}

} // namespace cx::configurator
