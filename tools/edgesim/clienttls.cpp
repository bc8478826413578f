#include "clienttls.h"

#include "net/clienttlscontext.h"
#include "options.h"
#include "tls/tlsfiles.h"

#include <QCommandLineParser>
#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

std::shared_ptr<const net::ClientTlsContext>
readClientTls(const QUrl &url, const QCommandLineParser &parser, tools::OptionReader &options)
{
    if (url.scheme() != u"wss"_s)
        return nullptr;
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    if (parser.isSet(u"insecure"_s)) {
        trust.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        // cxserver's own reading of a trust store: PEM or PKCS#12; no --ca: the system's CAs.
        const Result<QSslConfiguration> store
            = tls::platformTlsConfiguration(parser.value(u"ca"_s), {});
        if (!store) {
            options.fail(u"--ca: "_s + store.error().message);
            return nullptr;
        }
        trust = store.value();
    }
    QString error;
    std::shared_ptr<const net::ClientTlsContext> context
        = net::ClientTlsContext::create(trust, &error);
    if (!context)
        options.fail(u"TLS: "_s + error);
    return context;
}

} // namespace cx::edgesim
