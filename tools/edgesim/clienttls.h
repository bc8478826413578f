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

/// The TLS of cxedgesim's wss connections (edges and tunnel ends): one OpenSSL client
/// context for every socket of the process.
struct ClientTls
{
    std::shared_ptr<const net::ClientTlsContext> context; ///< nullptr: ws, no TLS
    bool validateHostName = true; ///< off with --insecure
};

/// For a wss \a url, the context of --insecure (no verification) or --ca (these CA
/// certificates only; else the system's); for ws, none. A usage error (a --ca file without
/// a certificate, certificates OpenSSL refuses) goes to \a options.
ClientTls readClientTls(const QUrl &url, const QCommandLineParser &parser,
                        tools::OptionReader &options);

} // namespace cx::edgesim
