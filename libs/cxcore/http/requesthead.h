#pragma once

#include "cxcore_global.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace cx::http {

/// The size of a request head up to and including the blank line that ends it
/// ("\r\n\r\n"), or 0 while that line has not arrived.
CXCORE_EXPORT qsizetype headLength(QByteArrayView bytes);

/// An HTTP/1.x request head (RFC 9112 §2–§5) as a server reads it, strictly: views into the
/// bytes parsed, valid while they are.
struct CXCORE_EXPORT RequestHead
{
    QByteArrayView method; ///< "GET"
    QByteArrayView target; ///< as sent: origin-form "/a?b" or absolute-form "http://h/a?b"
    QByteArrayView path; ///< the target's path, raw (never percent-decoded); "/" at least
    QByteArrayView query; ///< after '?', raw; empty when none
    int versionMajor = 0;
    int versionMinor = 0;
    QByteArrayView fields; ///< the header field lines, without the request line

    /// The value of field \a name (any case), without surrounding white space; a null view
    /// when absent.
    QByteArrayView field(QByteArrayView name) const;
    /// How many lines carry field \a name.
    int fieldCount(QByteArrayView name) const;
    /// The values of every line that carries field \a name, in order.
    QList<QByteArrayView> fieldValues(QByteArrayView name) const;
    /// HTTP/1.1 or later.
    bool atLeast11() const { return versionMajor > 1 || (versionMajor == 1 && versionMinor >= 1); }
};

/// What parseRequestHead found: a head, or the status line to refuse it with.
struct CXCORE_EXPORT RequestParse
{
    RequestHead head;
    /// Empty when the head is well-formed; else "400 Bad Request" or
    /// "505 HTTP Version Not Supported".
    QByteArray refusal;

    bool ok() const { return refusal.isEmpty(); }
};

/// Parses \a head (everything before the blank line, as headLength() delimits it, without
/// the final "\r\n\r\n"). Refused with 400: a request line that is not exactly
/// `token SP target SP HTTP/d.d`, a target neither in origin-form nor an absolute http(s)
/// or ws(s) URI, a field line without a token name and a colon, white space before the
/// colon, a folded line, a control character in a value, and an HTTP/1.1 request without
/// exactly one Host field. An HTTP major version other than 1 gets 505. Work is linear in
/// the size of \a head; the caller bounds that size.
CXCORE_EXPORT RequestParse parseRequestHead(QByteArrayView head);

} // namespace cx::http
