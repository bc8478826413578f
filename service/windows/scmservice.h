#pragma once

// Pure Win32, no Qt: compiled on Linux CI with x86_64-w64-mingw32-g++ (tests/packaging).

#include <functional>
#include <memory>
#include <string>

namespace cx::service::windows {

/// The Service Control Manager's side of the running service, in the QtService manner:
/// the SCM dispatcher runs on a thread of its own while the Qt event loop keeps the main
/// thread. connect() returns once ServiceMain runs and SERVICE_START_PENDING is reported;
/// the caller starts the service and reports running; a stop or shutdown control reports
/// SERVICE_STOP_PENDING at once and calls the stop handler (which posts into the Qt loop and
/// waits until the loop takes it); the caller reports stopped with the exit code last.
class ScmService
{
public:
    /// Called on the dispatcher's thread for SERVICE_CONTROL_STOP and _SHUTDOWN, once.
    using StopHandler = std::function<void()>;

    explicit ScmService(std::wstring name);
    ~ScmService(); ///< reports stopped (exit code 1) if the caller did not
    ScmService(const ScmService &) = delete;
    ScmService &operator=(const ScmService &) = delete;

    /// Connects to the SCM and reports SERVICE_START_PENDING with \a startWaitHintMs. False
    /// when the process was not started by the SCM or registration failed: errorText().
    bool connect(StopHandler onStop, unsigned long startWaitHintMs = 30000);
    /// SERVICE_RUNNING: accepts stop and shutdown from now on.
    void reportRunning();
    /// SERVICE_STOP_PENDING with a wait hint, also when the service stops on its own.
    void reportStopPending(unsigned long waitHintMs);
    /// SERVICE_STOPPED, the last call: 0 is NO_ERROR, any other \a exitCode is reported as a
    /// service-specific error, which makes the SCM's recovery actions restart the service.
    /// Waits (bounded) for the dispatcher thread to end.
    void reportStopped(int exitCode);

    bool isConnected() const;
    std::wstring errorText() const;

    struct Private; ///< the state the SCM's callbacks share (scmservice.cpp)

private:
    std::unique_ptr<Private> d;
};

} // namespace cx::service::windows
