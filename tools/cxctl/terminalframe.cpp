#include "terminalframe.h"

#include <QStringList>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <sys/ioctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace cx::ctl {

bool stdoutIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(1);
#else
    return isatty(STDOUT_FILENO);
#endif
}

std::optional<TerminalSize> terminalSize()
{
#ifdef Q_OS_WIN
    return std::nullopt;
#else
    winsize size {};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0)
        return std::nullopt;
    return TerminalSize {size.ws_row, size.ws_col};
#endif
}

QString terminalFrame(const QString &text, const std::optional<TerminalSize> &size)
{
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (size && lines.size() > size->rows) {
        const qsizetype cut = lines.size() - size->rows + 1;
        lines.resize(size->rows - 1);
        lines.append(u"… %1 more line(s): enlarge the terminal"_s.arg(cut));
    }
    if (size) {
        for (QString &line : lines) {
            if (line.size() > size->columns)
                line.truncate(size->columns);
        }
    }
    // ESC[H: cursor home; ESC[K: clear to the end of the line; ESC[J: clear below.
    return u"\x1b[H"_s + lines.join(u"\x1b[K\n"_s) + u"\x1b[K\x1b[J"_s;
}

} // namespace cx::ctl
