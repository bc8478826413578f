#pragma once

namespace cx::config {
struct ServerConfig;
}

namespace cx::plugin {

/// What a plugin's factory is given to create its backend. The config outlives the backend
/// only until the next reload: a backend copies what it needs.
struct PluginContext
{
    const config::ServerConfig *config = nullptr;
    int workerIndex = -1; ///< routing backends: the worker that owns it; -1 on the main thread
};

} // namespace cx::plugin
