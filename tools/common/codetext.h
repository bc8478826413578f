#pragma once

#include <QByteArray>
#include <QStringView>
#include <optional>

namespace cx::tools {

/// An AlwaysOn code given on a command line or a control line: a protocol name
/// ("GET", "keep_alive", "SUCCESS", case-insensitive), or a number ("0x01", "20").
std::optional<quint8> parseCode(QStringView text);

/// The JSON key of a code in every report: "0x" and two upper-case hex digits ("0x40").
QByteArray codeKey(quint8 code);

} // namespace cx::tools
