#include "eventlog.h"

#include "win32error.h"

#include <windows.h>

namespace cx::service::windows {

namespace {

const std::wstring ApplicationLogKey
    = L"SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\";
const wchar_t MessageFile[]
    = L"%SystemRoot%\\Microsoft.NET\\Framework64\\v4.0.30319\\EventLogMessages.dll";

bool setValue(HKEY key, const wchar_t *name, DWORD type, const void *data, DWORD size,
              std::wstring *error)
{
    const LSTATUS status
        = RegSetValueExW(key, name, 0, type, static_cast<const BYTE *>(data), size);
    if (status != ERROR_SUCCESS)
        *error = systemErrorText(DWORD(status));
    return status == ERROR_SUCCESS;
}

} // namespace

std::wstring registerEventSource(const std::wstring &source)
{
    HKEY key = nullptr;
    const std::wstring path = ApplicationLogKey + source;
    LSTATUS status = RegCreateKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, nullptr, 0, KEY_SET_VALUE,
                                     nullptr, &key, nullptr);
    if (status != ERROR_SUCCESS)
        return systemErrorText(DWORD(status));
    std::wstring error;
    const DWORD types = EVENTLOG_ERROR_TYPE | EVENTLOG_WARNING_TYPE | EVENTLOG_INFORMATION_TYPE;
    bool ok = setValue(key, L"TypesSupported", REG_DWORD, &types, sizeof(types), &error);
    wchar_t expanded[MAX_PATH] = {};
    if (ok && ExpandEnvironmentStringsW(MessageFile, expanded, MAX_PATH) > 0
        && GetFileAttributesW(expanded) != INVALID_FILE_ATTRIBUTES)
        ok = setValue(key, L"EventMessageFile", REG_EXPAND_SZ, MessageFile, sizeof(MessageFile),
                      &error);
    RegCloseKey(key);
    return ok ? std::wstring() : error;
}

void unregisterEventSource(const std::wstring &source)
{
    const std::wstring path = ApplicationLogKey + source;
    RegDeleteKeyW(HKEY_LOCAL_MACHINE, path.c_str());
}

EventLog::EventLog(const std::wstring &source)
    : m_handle(RegisterEventSourceW(nullptr, source.c_str()))
{ }

EventLog::~EventLog()
{
    if (m_handle)
        DeregisterEventSource(static_cast<HANDLE>(m_handle));
}

void EventLog::write(Level level, const std::wstring &text)
{
    if (!m_handle)
        return;
    WORD type = EVENTLOG_INFORMATION_TYPE;
    DWORD eventId = 1;
    if (level == Level::Warning) {
        type = EVENTLOG_WARNING_TYPE;
        eventId = 2;
    } else if (level == Level::Error) {
        type = EVENTLOG_ERROR_TYPE;
        eventId = 3;
    }
    const wchar_t *strings[] = {text.c_str()};
    ReportEventW(static_cast<HANDLE>(m_handle), type, 0, eventId, nullptr, 1, 0, strings, nullptr);
}

} // namespace cx::service::windows
