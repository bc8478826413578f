#include "console.h"

#include <cstdio>

namespace cx::tools {

void printLine(const QByteArray &line)
{
    std::fwrite(line.data(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace cx::tools
