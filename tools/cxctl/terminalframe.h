#pragma once

#include <QString>
#include <optional>

namespace cx::ctl {

/// Rows and columns of a terminal.
struct TerminalSize
{
    int rows = 0;
    int columns = 0;
};

/// Whether stdout is a terminal.
bool stdoutIsTerminal();
/// The size of the terminal on stdout; nullopt when it is not one or does not say.
std::optional<TerminalSize> terminalSize();

/// Text that redraws the screen in place without flicker or scrolling: cursor home, each
/// line cut to the width and cleared to its end, then the rest of the screen cleared. With a
/// size, at most size.rows lines (the last one then says how many were cut) and no newline
/// after the last, so that the screen never scrolls.
QString terminalFrame(const QString &text, const std::optional<TerminalSize> &size);

} // namespace cx::ctl
