#pragma once

#include <QSize>

class QWidget;

namespace cx::configurator {

/// preferred, or less where it would not fit the available geometry of window's screen
/// with room for a window frame: a window sized with it fits a 960×540 screen (1920×1080
/// at 2×) as well as a large one.
QSize sizeOnScreen(const QWidget *window, QSize preferred);

} // namespace cx::configurator
