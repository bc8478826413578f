// Links the Qt-free Windows service code (service/windows) into an executable with MinGW, so
// that CI on Linux proves it compiles and every Win32 symbol it uses resolves
// (tests/packaging/packaging.sh mingw). Never run: Linux CI has no Windows to run it on.

#include "eventlog.h"
#include "scmcontrol.h"
#include "scmservice.h"
#include "win32error.h"

#include <cstdio>

int wmain(int argc, wchar_t **)
{
    using namespace cx::service::windows;
    if (argc < 0) { // never true: only references the functions, so that the linker must find them
        ServiceDefinition definition;
        installService(definition);
        uninstallService(definition.name);
        startService(definition.name);
        stopService(definition.name);
        EventLog log(definition.name);
        log.write(EventLog::Level::Warning, systemErrorText(5));
        ScmService service(definition.name);
        if (service.connect([] {}))
            service.reportRunning();
        service.reportStopPending(1000);
        service.reportStopped(0);
    }
    std::puts("win32smoke");
    return 0;
}
