#pragma once

// Pure Win32, no Qt: compiled on Linux CI with x86_64-w64-mingw32-g++ (tests/packaging).

#include <string>

namespace cx::service::windows {

/// Registers \a source in the Application log (the registry key
/// HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Application\<source> of that name). Windows has
/// no message table of ours, so the source uses .NET's EventLogMessages.dll when it is there (every
/// event id formats as "%1", the text we write); without it the Event Viewer shows the text after a
/// note that the description is missing. Returns an empty string on success, else the error.
std::wstring registerEventSource(const std::wstring &source);
/// Removes the registration; nothing when there is none.
void unregisterEventSource(const std::wstring &source);

/// Writes events of one source to the Event Log (thread-safe: ReportEventW is).
class EventLog
{
public:
    enum class Level { Information, Warning, Error };

    explicit EventLog(const std::wstring &source);
    ~EventLog();
    EventLog(const EventLog &) = delete;
    EventLog &operator=(const EventLog &) = delete;

    bool isOpen() const { return m_handle != nullptr; }
    /// One event with \a text as its only string; event id 1 (information), 2 (warning) or
    /// 3 (error).
    void write(Level level, const std::wstring &text);

private:
    void *m_handle = nullptr;
};

} // namespace cx::service::windows
