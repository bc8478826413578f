#include "clienttls.h"

#include "net/clienttlscontext.h"
#include "options.h"

#include <QCommandLineParser>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

ClientTls readClientTls(const QUrl &url, const QCommandLineParser &parser,
                        tools::OptionReader &options)
{
    ClientTls tls;
    if (url.scheme() != u"wss"_s)
        return tls;
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    if (parser.isSet(u"insecure"_s)) {
        trust.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.validateHostName = false;
    } else if (parser.isSet(u"ca"_s)) {
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(parser.value(u"ca"_s));
        if (ca.isEmpty()) {
            options.fail(u"--ca: no PEM certificate in "_s + parser.value(u"ca"_s));
            return tls;
        }
        trust.setCaCertificates(ca);
    }
    QString error;
    tls.context = net::ClientTlsContext::create(trust, &error);
    if (!tls.context)
        options.fail(u"TLS: "_s + error);
    return tls;
}

} // namespace cx::edgesim
