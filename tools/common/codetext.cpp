#include "codetext.h"

#include <QString>
#include <alwayson/codes.h>

namespace cx::tools {

std::optional<quint8> parseCode(QStringView text)
{
    const QString upper = text.trimmed().toString().toUpper();
    for (int code = 0; code <= 0xFF; ++code) {
        const char *name = alwayson::codeName(quint8(code));
        if (qstrcmp(name, "UNKNOWN") != 0 && upper == QLatin1StringView(name))
            return quint8(code);
    }
    bool ok = false;
    const uint value = upper.startsWith(u"0X") ? QStringView(upper).mid(2).toUInt(&ok, 16)
                                               : upper.toUInt(&ok, 10);
    if (!ok || value > 0xFF)
        return std::nullopt;
    return quint8(value);
}

QByteArray codeKey(quint8 code)
{
    static constexpr char Digits[] = "0123456789ABCDEF";
    const char key[] = {'0', 'x', Digits[code >> 4], Digits[code & 0xF]};
    return QByteArray(key, sizeof key);
}

} // namespace cx::tools
