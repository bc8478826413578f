#include "scmservice.h"

#include "win32error.h"

#include <windows.h>

namespace cx::service::windows {

namespace {
constexpr DWORD StopWaitHintMs = 20000; ///< the drain takes 3 s, closing at most 0.5 s more
constexpr DWORD ThreadJoinMs = 5000;
} // namespace

struct ScmService::Private
{
    std::wstring name;
    StopHandler onStop;
    DWORD startWaitHintMs = 30000;
    SERVICE_STATUS_HANDLE statusHandle = nullptr;
    SERVICE_STATUS status {};
    CRITICAL_SECTION lock {};
    HANDLE serviceMainEntered = nullptr; ///< manual reset: ServiceMain runs, or it never will
    HANDLE serviceStopped = nullptr; ///< manual reset: SERVICE_STOPPED is reported
    HANDLE dispatcherThread = nullptr;
    DWORD error = 0; ///< why connect() failed
    bool stopRequested = false;
    bool stoppedReported = false;

    void setStatus(DWORD state, DWORD waitHintMs, DWORD win32ExitCode = NO_ERROR,
                   DWORD specificExitCode = 0)
    {
        EnterCriticalSection(&lock);
        status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
        status.dwCurrentState = state;
        status.dwControlsAccepted
            = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
        status.dwWin32ExitCode = win32ExitCode;
        status.dwServiceSpecificExitCode = specificExitCode;
        status.dwWaitHint = waitHintMs;
        const bool pending = state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING;
        status.dwCheckPoint = pending ? status.dwCheckPoint + 1 : 0;
        if (statusHandle)
            SetServiceStatus(statusHandle, &status);
        LeaveCriticalSection(&lock);
    }
};

namespace {

/// The one service of this process: ServiceMain takes no context argument.
ScmService::Private *g_service = nullptr;

DWORD WINAPI controlHandler(DWORD control, DWORD, LPVOID, LPVOID context)
{
    auto *d = static_cast<ScmService::Private *>(context);
    switch (control) {
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR; // the SCM keeps the last reported status
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN: {
        EnterCriticalSection(&d->lock);
        const bool first = !d->stopRequested;
        d->stopRequested = true;
        LeaveCriticalSection(&d->lock);
        if (first) {
            d->setStatus(SERVICE_STOP_PENDING, StopWaitHintMs);
            if (d->onStop)
                d->onStop();
        }
        return NO_ERROR;
    }
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

void WINAPI serviceMain(DWORD, LPWSTR *)
{
    ScmService::Private *d = g_service;
    d->statusHandle = RegisterServiceCtrlHandlerExW(d->name.c_str(), controlHandler, d);
    if (!d->statusHandle) {
        d->error = GetLastError();
        SetEvent(d->serviceMainEntered);
        return;
    }
    d->setStatus(SERVICE_START_PENDING, d->startWaitHintMs);
    SetEvent(d->serviceMainEntered);
    // The main thread runs the service; ServiceMain returns once SERVICE_STOPPED is reported.
    WaitForSingleObject(d->serviceStopped, INFINITE);
}

DWORD WINAPI dispatcherThread(LPVOID context)
{
    auto *d = static_cast<ScmService::Private *>(context);
    SERVICE_TABLE_ENTRYW table[]
        = {{const_cast<LPWSTR>(d->name.c_str()), serviceMain}, {nullptr, nullptr}};
    if (!StartServiceCtrlDispatcherW(table)) {
        d->error = GetLastError(); // ERROR_FAILED_SERVICE_CONTROLLER_CONNECT: not a service
        SetEvent(d->serviceMainEntered);
    }
    return 0;
}

} // namespace

ScmService::ScmService(std::wstring name)
    : d(std::make_unique<Private>())
{
    d->name = std::move(name);
    InitializeCriticalSection(&d->lock);
    d->serviceMainEntered = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    d->serviceStopped = CreateEventW(nullptr, TRUE, FALSE, nullptr);
}

ScmService::~ScmService()
{
    if (isConnected() && !d->stoppedReported)
        reportStopped(1);
    if (d->dispatcherThread)
        CloseHandle(d->dispatcherThread);
    CloseHandle(d->serviceMainEntered);
    CloseHandle(d->serviceStopped);
    DeleteCriticalSection(&d->lock);
    if (g_service == d.get())
        g_service = nullptr;
}

bool ScmService::connect(StopHandler onStop, unsigned long startWaitHintMs)
{
    if (g_service) {
        d->error = ERROR_SERVICE_ALREADY_RUNNING;
        return false;
    }
    g_service = d.get();
    d->onStop = std::move(onStop);
    d->startWaitHintMs = startWaitHintMs;
    d->dispatcherThread = CreateThread(nullptr, 0, dispatcherThread, d.get(), 0, nullptr);
    if (!d->dispatcherThread) {
        d->error = GetLastError();
        return false;
    }
    WaitForSingleObject(d->serviceMainEntered, INFINITE);
    return isConnected();
}

void ScmService::reportRunning()
{
    if (isConnected())
        d->setStatus(SERVICE_RUNNING, 0);
}

void ScmService::reportStopPending(unsigned long waitHintMs)
{
    if (isConnected())
        d->setStatus(SERVICE_STOP_PENDING, waitHintMs);
}

void ScmService::reportStopped(int exitCode)
{
    if (!isConnected() || d->stoppedReported)
        return;
    d->stoppedReported = true;
    if (exitCode == 0)
        d->setStatus(SERVICE_STOPPED, 0);
    else
        d->setStatus(SERVICE_STOPPED, 0, ERROR_SERVICE_SPECIFIC_ERROR, DWORD(exitCode));
    SetEvent(d->serviceStopped);
    WaitForSingleObject(d->dispatcherThread, ThreadJoinMs);
}

bool ScmService::isConnected() const
{
    return d->statusHandle != nullptr;
}

std::wstring ScmService::errorText() const
{
    if (d->error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT)
        return L"not started by the Service Control Manager (use: cxserver start)";
    return systemErrorText(d->error);
}

} // namespace cx::service::windows
