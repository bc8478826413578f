#pragma once

#include <QUrl>
#include <memory>

class QCommandLineParser;

namespace cx::net {
class ClientTlsContext;
}
namespace cx::tools {
class OptionReader;
}

namespace cx::edgesim {

/// The TLS of cxedgesim's wss connections (edges and tunnel ends): for a wss \a url, one
/// OpenSSL client context for every socket of the process, from --insecure (no verification,
/// host names included) or --ca (the certificates of that trust store only; else the
/// system's); for ws, nullptr. A usage error goes to \a options.
std::shared_ptr<const net::ClientTlsContext>
readClientTls(const QUrl &url, const QCommandLineParser &parser, tools::OptionReader &options);

} // namespace cx::edgesim
