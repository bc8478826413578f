#pragma once

// The Qt side of the Windows service (compiled on Windows only); the SCM itself is handled
// by the Qt-free ScmService, scmcontrol and EventLog beside this file.

#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace cx::service::windows {

class EventLog;
class ScmService;

/// `cxserver install [--config FILE] | uninstall | start | stop`: runs the command named by
/// \a arguments (QCoreApplication::arguments()) and returns its exit code (0, or 2 with a
/// message on stderr); std::nullopt when the command line is not one of these. install
/// registers the service with `--service --config FILE`, FILE defaulting to
/// %ProgramData%\cxserver\cxserver.conf.
std::optional<int> runServiceCommand(const QStringList &arguments);

/// The service as the SCM runs it (`cxserver --service --config FILE`): connects to the SCM
/// (start pending), sends every log line to the Event Log (source cxserver), reports running
/// once the Qt event loop runs (the server started), turns a stop or shutdown control into
/// stopRequested() on the main thread, and reports stopped with the exit code.
class ServiceSession : public QObject
{
    Q_OBJECT
public:
    explicit ServiceSession(QObject *parent = nullptr);
    ~ServiceSession() override;

    /// Connects to the SCM; false (with a message on stderr) when that fails.
    bool begin();
    /// Reports SERVICE_STOPPED with \a exitCode (nonzero: the recovery actions restart the
    /// service) and returns it.
    int finish(int exitCode);

    /// The session of this process while begin() succeeded and finish() was not called.
    static ServiceSession *current();

Q_SIGNALS:
    /// The SCM asked the service to stop: drain and quit, as SIGTERM does on Linux.
    void stopRequested();

private:
    std::unique_ptr<ScmService> m_scm;
    std::unique_ptr<EventLog> m_eventLog;
};

} // namespace cx::service::windows
