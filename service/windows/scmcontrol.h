#pragma once

// Pure Win32, no Qt: compiled on Linux CI with x86_64-w64-mingw32-g++ (tests/packaging).

#include <string>

namespace cx::service::windows {

/// What `cxserver install` registers with the Service Control Manager.
struct ServiceDefinition
{
    std::wstring name = L"cxserver";
    std::wstring displayName = L"cxserver Connection Server";
    std::wstring description = L"Multiplexes the WebSockets of edge devices over a few pipes "
                               L"to every platform instance of an IoT platform cluster.";
    std::wstring executable; ///< absolute path of cxserver.exe
    std::wstring configFile; ///< absolute path of cxserver.conf
    /// The account the service runs as; the default virtual account has the rights of the
    /// service only (its own SID, no password), so files it reads must grant it access.
    std::wstring account = L"NT SERVICE\\cxserver";
};

/// The result of one SCM command: 0 on success, else 2 with a message for the console.
struct ControlResult
{
    int exitCode = 0;
    std::wstring message;
};

/// Registers (or, when it exists, updates) the service: automatic start (delayed), the
/// command line `"<executable>" --service --config "<configFile>"`, the description,
/// recovery actions (restart after 5 s, 10 s, then 60 s; the count resets after a day; also
/// when the service stops with a nonzero exit code) and the Event Log source.
ControlResult installService(const ServiceDefinition &service);
/// Stops the service when it runs, deletes it and its Event Log source.
ControlResult uninstallService(const std::wstring &name);
/// Starts the service and waits (bounded) until it runs.
ControlResult startService(const std::wstring &name);
/// Asks the service to stop and waits (bounded) until it has.
ControlResult stopService(const std::wstring &name);

} // namespace cx::service::windows
