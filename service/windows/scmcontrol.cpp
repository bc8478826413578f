#include "scmcontrol.h"

#include "eventlog.h"
#include "win32error.h"

#include <windows.h>

namespace cx::service::windows {

namespace {

constexpr DWORD StateWaitMs = 60000;

/// A service manager handle closed on scope exit.
class ScHandle
{
public:
    explicit ScHandle(SC_HANDLE handle = nullptr)
        : m_handle(handle)
    { }
    ~ScHandle()
    {
        if (m_handle)
            CloseServiceHandle(m_handle);
    }
    ScHandle(const ScHandle &) = delete;
    ScHandle &operator=(const ScHandle &) = delete;
    SC_HANDLE get() const { return m_handle; }
    void reset(SC_HANDLE handle)
    {
        if (m_handle)
            CloseServiceHandle(m_handle);
        m_handle = handle;
    }
    explicit operator bool() const { return m_handle != nullptr; }

private:
    SC_HANDLE m_handle;
};

ControlResult failure(const std::wstring &what, DWORD error = GetLastError())
{
    return {2, what + L": " + systemErrorText(error)};
}

std::wstring quoted(const std::wstring &text)
{
    return L"\"" + text + L"\"";
}

/// Waits until the service leaves \a pendingState; false on timeout or error.
bool waitWhilePending(SC_HANDLE service, DWORD pendingState, SERVICE_STATUS_PROCESS *status)
{
    const ULONGLONG deadline = GetTickCount64() + StateWaitMs;
    DWORD needed = 0;
    while (QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, reinterpret_cast<LPBYTE>(status),
                                sizeof(*status), &needed)) {
        if (status->dwCurrentState != pendingState)
            return true;
        if (GetTickCount64() >= deadline)
            return false;
        // A tenth of the hint, within 0.1 to 1 s (as Microsoft's service samples do).
        DWORD sleepMs = status->dwWaitHint / 10;
        sleepMs = sleepMs < 100 ? 100 : sleepMs > 1000 ? 1000 : sleepMs;
        Sleep(sleepMs);
    }
    return false;
}

ControlResult stopOpened(SC_HANDLE service, const std::wstring &name)
{
    SERVICE_STATUS_PROCESS status {};
    DWORD needed = 0;
    if (!QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, reinterpret_cast<LPBYTE>(&status),
                              sizeof(status), &needed))
        return failure(L"cannot query the service " + name);
    if (status.dwCurrentState == SERVICE_STOPPED)
        return {0, L"the service " + name + L" is not running"};
    if (status.dwCurrentState != SERVICE_STOP_PENDING) {
        SERVICE_STATUS plain {};
        if (!ControlService(service, SERVICE_CONTROL_STOP, &plain))
            return failure(L"cannot stop the service " + name);
    }
    if (!waitWhilePending(service, SERVICE_STOP_PENDING, &status)
        || status.dwCurrentState != SERVICE_STOPPED)
        return {2, L"the service " + name + L" did not stop within 60 s"};
    return {0, L"the service " + name + L" stopped"};
}

} // namespace

ControlResult installService(const ServiceDefinition &definition)
{
    ScHandle manager(
        OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE));
    if (!manager)
        return failure(L"cannot open the Service Control Manager (run as administrator)");
    const std::wstring commandLine
        = quoted(definition.executable) + L" --service --config " + quoted(definition.configFile);
    bool updated = false;
    ScHandle service(CreateServiceW(
        manager.get(), definition.name.c_str(), definition.displayName.c_str(), SERVICE_ALL_ACCESS,
        SERVICE_WIN32_OWN_PROCESS, SERVICE_AUTO_START, SERVICE_ERROR_NORMAL, commandLine.c_str(),
        nullptr, nullptr, L"Tcpip\0\0", definition.account.c_str(), nullptr));
    if (!service && GetLastError() == ERROR_SERVICE_EXISTS) {
        // An upgrade or a new config path: same service, new command line.
        service.reset(OpenServiceW(manager.get(), definition.name.c_str(), SERVICE_ALL_ACCESS));
        if (!service
            || !ChangeServiceConfigW(service.get(), SERVICE_WIN32_OWN_PROCESS, SERVICE_AUTO_START,
                                     SERVICE_ERROR_NORMAL, commandLine.c_str(), nullptr, nullptr,
                                     L"Tcpip\0\0", definition.account.c_str(), nullptr,
                                     definition.displayName.c_str()))
            return failure(L"cannot update the service " + definition.name);
        updated = true;
    }
    if (!service)
        return failure(L"cannot create the service " + definition.name);

    std::wstring description = definition.description;
    SERVICE_DESCRIPTIONW descriptionInfo {description.data()};
    SERVICE_DELAYED_AUTO_START_INFO delayed {TRUE};
    // Recovery: restart after 5 s, 10 s, then every 60 s; the failure count resets after a day.
    SC_ACTION actions[]
        = {{SC_ACTION_RESTART, 5000}, {SC_ACTION_RESTART, 10000}, {SC_ACTION_RESTART, 60000}};
    SERVICE_FAILURE_ACTIONSW failureActions {};
    failureActions.dwResetPeriod = 24 * 60 * 60;
    failureActions.cActions = DWORD(sizeof(actions) / sizeof(actions[0]));
    failureActions.lpsaActions = actions;
    // A stop with a nonzero exit code (SERVICE_STOPPED + a service-specific error) counts as
    // a failure too, not only a crash.
    SERVICE_FAILURE_ACTIONS_FLAG failureFlag {TRUE};
    if (!ChangeServiceConfig2W(service.get(), SERVICE_CONFIG_DESCRIPTION, &descriptionInfo)
        || !ChangeServiceConfig2W(service.get(), SERVICE_CONFIG_DELAYED_AUTO_START_INFO, &delayed)
        || !ChangeServiceConfig2W(service.get(), SERVICE_CONFIG_FAILURE_ACTIONS, &failureActions)
        || !ChangeServiceConfig2W(service.get(), SERVICE_CONFIG_FAILURE_ACTIONS_FLAG, &failureFlag))
        return failure(L"cannot configure the service " + definition.name);

    if (const std::wstring error = registerEventSource(definition.name); !error.empty())
        return {2, L"cannot register the Event Log source " + definition.name + L": " + error};
    return {0,
            (updated ? L"updated the service " : L"installed the service ") + definition.name
                + L": " + commandLine};
}

ControlResult uninstallService(const std::wstring &name)
{
    ScHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
    if (!manager)
        return failure(L"cannot open the Service Control Manager (run as administrator)");
    ScHandle service(
        OpenServiceW(manager.get(), name.c_str(), SERVICE_STOP | SERVICE_QUERY_STATUS | DELETE));
    if (!service) {
        if (GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST) {
            unregisterEventSource(name);
            return {0, L"the service " + name + L" is not installed"};
        }
        return failure(L"cannot open the service " + name);
    }
    if (const ControlResult stopped = stopOpened(service.get(), name); stopped.exitCode != 0)
        return stopped;
    if (!DeleteService(service.get()) && GetLastError() != ERROR_SERVICE_MARKED_FOR_DELETE)
        return failure(L"cannot delete the service " + name);
    unregisterEventSource(name);
    return {0, L"removed the service " + name};
}

ControlResult startService(const std::wstring &name)
{
    ScHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
    if (!manager)
        return failure(L"cannot open the Service Control Manager");
    ScHandle service(
        OpenServiceW(manager.get(), name.c_str(), SERVICE_START | SERVICE_QUERY_STATUS));
    if (!service)
        return failure(L"cannot open the service " + name);
    if (!StartServiceW(service.get(), 0, nullptr)) {
        if (GetLastError() == ERROR_SERVICE_ALREADY_RUNNING)
            return {0, L"the service " + name + L" is already running"};
        return failure(L"cannot start the service " + name);
    }
    SERVICE_STATUS_PROCESS status {};
    if (!waitWhilePending(service.get(), SERVICE_START_PENDING, &status))
        return {2, L"the service " + name + L" did not report running within 60 s"};
    if (status.dwCurrentState != SERVICE_RUNNING) {
        const DWORD code = status.dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR
            ? status.dwServiceSpecificExitCode
            : status.dwWin32ExitCode;
        return {2,
                L"the service " + name + L" stopped while starting (exit code "
                    + std::to_wstring(code) + L"); see the Event Log, source " + name};
    }
    return {0, L"the service " + name + L" is running"};
}

ControlResult stopService(const std::wstring &name)
{
    ScHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
    if (!manager)
        return failure(L"cannot open the Service Control Manager");
    ScHandle service(
        OpenServiceW(manager.get(), name.c_str(), SERVICE_STOP | SERVICE_QUERY_STATUS));
    if (!service)
        return failure(L"cannot open the service " + name);
    return stopOpened(service.get(), name);
}

} // namespace cx::service::windows
