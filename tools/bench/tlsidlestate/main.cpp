// cxbench-tlsidlestate: what OpenSSL holds for one idle TLS edge, by allocation site.
//
// Opens N TLS connections to sessions of cxserver's own server context (TlsContext, with its
// policy: no tickets, no session cache, buffers released while idle) over socket pairs, the
// clients in a child process, and prints the OpenSSL heap still held per connection once
// every handshake is done and one record has been read, grouped by OpenSSL source line.
// docs/performance.md "Memory of an idle TLS edge" reads its figures.

#include "tlscontext.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslKey>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

/// Live OpenSSL allocations by source line, while counting is on (one thread only).
struct AllocationSites
{
    using Site = std::pair<const char *, int>;
    std::unordered_map<void *, std::pair<Site, size_t>> live;
    bool counting = false;

    void add(void *pointer, size_t size, const char *file, int line)
    {
        if (!counting || !pointer)
            return;
        counting = false; // the map's own allocations are not OpenSSL's
        live[pointer] = {{file, line}, size};
        counting = true;
    }
    void remove(void *pointer)
    {
        if (!counting || !pointer)
            return;
        counting = false;
        live.erase(pointer);
        counting = true;
    }
};

AllocationSites &sites()
{
    static AllocationSites *instance = new AllocationSites; // outlives OpenSSL's exit handlers
    return *instance;
}

void *trackedMalloc(size_t size, const char *file, int line)
{
    void *pointer = std::malloc(size);
    sites().add(pointer, size, file, line);
    return pointer;
}

void *trackedRealloc(void *old, size_t size, const char *file, int line)
{
    sites().remove(old);
    void *pointer = std::realloc(old, size);
    sites().add(pointer, size, file, line);
    return pointer;
}

void trackedFree(void *pointer, const char *, int)
{
    sites().remove(pointer);
    std::free(pointer);
}

/// A self-signed EC P-256 identity, as the benchmark's keystore has, in PEM.
bool makeIdentity(QByteArray *certificatePem, QByteArray *keyPem)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *certificate = X509_new();
    bool ok = key && certificate;
    if (ok) {
        ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
        X509_gmtime_adj(X509_getm_notBefore(certificate), 0);
        X509_gmtime_adj(X509_getm_notAfter(certificate), 86400);
        X509_set_pubkey(certificate, key);
        X509_NAME *name = X509_get_subject_name(certificate);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
        X509_set_issuer_name(certificate, name);
        ok = X509_sign(certificate, key, EVP_sha256()) > 0;
    }
    BIO *certificateBio = BIO_new(BIO_s_mem());
    BIO *keyBio = BIO_new(BIO_s_mem());
    ok = ok && PEM_write_bio_X509(certificateBio, certificate) == 1
        && PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    if (ok) {
        char *bytes = nullptr;
        long size = BIO_get_mem_data(certificateBio, &bytes);
        *certificatePem = QByteArray(bytes, size);
        size = BIO_get_mem_data(keyBio, &bytes);
        *keyPem = QByteArray(bytes, size);
    }
    BIO_free(certificateBio);
    BIO_free(keyBio);
    X509_free(certificate);
    EVP_PKEY_free(key);
    return ok;
}

/// The child: one client per socket, each handshakes and sends one byte, then all wait.
[[noreturn]] void runClients(const std::vector<int> &sockets, bool tls12)
{
    sites().counting = false;
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (tls12)
        SSL_CTX_set_max_proto_version(context, TLS1_2_VERSION);
    std::vector<SSL *> clients;
    for (int fd : sockets) {
        SSL *client = SSL_new(context);
        SSL_set_fd(client, fd);
        if (SSL_connect(client) != 1 || SSL_write(client, "x", 1) != 1) {
            ERR_print_errors_fp(stderr);
            _exit(2);
        }
        clients.push_back(client);
    }
    pause(); // until the parent kills it
    _exit(0);
}

} // namespace

int main(int argc, char **argv)
{
    if (CRYPTO_set_mem_functions(trackedMalloc, trackedRealloc, trackedFree) != 1) {
        std::fprintf(stderr, "OpenSSL allocated before main()\n");
        return 1;
    }
    const QCoreApplication application(argc, argv); // Qt's TLS backend (QSslKey) needs one
    int connections = 2000;
    bool tls12 = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--tls12") == 0)
            tls12 = true;
        else if (std::strcmp(argv[i], "--connections") == 0 && i + 1 < argc)
            connections = std::max(2, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: %s [--connections N] [--tls12]\n", argv[0]);
            return 1;
        }
    }
    QByteArray certificatePem, keyPem;
    if (!makeIdentity(&certificatePem, &keyPem))
        return 1;
    QSslConfiguration keystore;
    keystore.setLocalCertificate(QSslCertificate(certificatePem));
    keystore.setPrivateKey(QSslKey(keyPem, QSsl::Ec));
    QString error;
    const auto context = cx::server::TlsContext::create(keystore, {}, &error);
    if (!context) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    std::vector<int> servers, clients;
    for (int i = 0; i < connections; ++i) {
        int pair[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) {
            std::perror("socketpair");
            return 1;
        }
        servers.push_back(pair[0]);
        clients.push_back(pair[1]);
    }
    const pid_t child = fork();
    if (child == 0)
        runClients(clients, tls12);
    for (int fd : clients)
        close(fd);

    // The first connection makes OpenSSL's one-time allocations; counting starts after it.
    std::vector<SSL *> sessions;
    for (int fd : servers) {
        SSL *session = context->newSession(fd);
        char byte = 0;
        if (!session || SSL_accept(session) != 1 || SSL_read(session, &byte, 1) != 1) {
            ERR_print_errors_fp(stderr);
            kill(child, SIGKILL);
            return 1;
        }
        sessions.push_back(session);
        if (sessions.size() == 1)
            sites().counting = true;
    }
    sites().counting = false;
    const double counted = connections - 1;

    std::map<AllocationSites::Site, std::pair<size_t, size_t>> bySite; // bytes, blocks
    size_t total = 0;
    for (const auto &[pointer, allocation] : sites().live) {
        bySite[allocation.first].first += allocation.second;
        ++bySite[allocation.first].second;
        total += allocation.second;
    }
    std::vector<std::pair<size_t, AllocationSites::Site>> ordered;
    for (const auto &[site, amount] : bySite)
        ordered.emplace_back(amount.first, site);
    std::sort(ordered.rbegin(), ordered.rend());

    const SSL *sample = sessions.back();
    std::printf("idle TLS connections: %d (%s, %s), %s\n", connections, SSL_get_version(sample),
                SSL_get_cipher(sample), OpenSSL_version(OPENSSL_VERSION));
    std::printf("OpenSSL heap per idle connection: %.2f KiB in %.1f blocks (malloc adds 8-16 B "
                "per block)\n",
                total / 1024.0 / counted, sites().live.size() / counted);
    std::printf("%10s %8s  %s\n", "B/conn", "blocks", "OpenSSL allocation site");
    for (const auto &[bytes, site] : ordered) {
        if (bytes / counted < 16)
            continue;
        std::printf("%10.0f %8.1f  %s:%d\n", bytes / counted, bySite[site].second / counted,
                    site.first, site.second);
    }
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    for (SSL *session : sessions)
        SSL_free(session);
    return 0;
}
