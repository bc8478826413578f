#pragma once

// Pure Win32, no Qt.

#include <string>

namespace cx::service::windows {

/// FormatMessageW's text for a Win32 error code, without the trailing line break, followed
/// by the code: "Access is denied. (5)".
std::wstring systemErrorText(unsigned long error);

} // namespace cx::service::windows
