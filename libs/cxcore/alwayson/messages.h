#pragma once

#include "bodies.h"
#include "codes.h"
#include "cxcore_global.h"
#include "header.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>
#include <span>

namespace cx::alwayson {

// Builders of whole messages. Each message is one allocation of its exact size.

inline constexpr quint32 PipeEndpointId = 0; ///< endpointId of a platform pipe's AUTH
inline constexpr quint32 AuthSessionId = 0xFFFFFFFF; ///< sessionId of every AUTH

/// A message made of \a header (multi-part header included when header.multipart) and
/// \a body as is: requests, responses or chunks of any code.
CXCORE_EXPORT QByteArray buildMessage(const Header &header, QByteArrayView body);

/// An AUTH request carrying `appKey` = \a appKey, sessionId AuthSessionId. A platform pipe
/// sends it with endpointId PipeEndpointId; an edge with its own endpointId.
CXCORE_EXPORT QByteArray buildAuthRequest(quint32 requestId, QByteArrayView appKey,
                                          quint32 endpointId = PipeEndpointId);

/// A BIND or UNBIND request (\a code) for \a names, at most MaxBindNames of them.
CXCORE_EXPORT QByteArray buildBindRequest(Code code, quint32 requestId, quint32 endpointId,
                                          quint32 sessionId, const std::optional<Gateway> &gateway,
                                          std::span<const QByteArray> names);

/// The UNBIND requests (gatewayFlag 0) cxserver sends for a closed edge's bound \a names:
/// one per MaxBindNames names, in order, none when \a names is empty. Message i carries
/// requestId \a firstRequestId + i (modulo 2^32).
CXCORE_EXPORT QList<QByteArray> buildUnbindRequests(quint32 firstRequestId, quint32 endpointId,
                                                    quint32 sessionId,
                                                    std::span<const QByteArray> names);

/// The error response cxserver generates for \a request (protocol.md §2): status \a code,
/// the request's requestId and sessionId, \a endpointId (the id the receiver knows),
/// multipart 0, body `0x01, string reason, 0xFF`.
CXCORE_EXPORT QByteArray buildErrorResponse(const Header &request, quint32 endpointId, Code code,
                                            QByteArrayView reason);

/// A SUCCESS response to \a request with body `0x00, 0xFF`; ids as buildErrorResponse().
CXCORE_EXPORT QByteArray buildSuccessResponse(const Header &request, quint32 endpointId);

/// Splits \a body into multi-part chunks of at most \a chunkSize body bytes each, all with
/// the code and ids of \a header, chunkSize = \a chunkSize. A body that fits in one chunk
/// gives one plain (multipart 0) message. Empty when \a chunkSize is 0 or the body would
/// need more than 65535 chunks. For simulators and tests.
CXCORE_EXPORT QList<QByteArray> buildChunks(const Header &header, QByteArrayView body,
                                            quint16 chunkSize);

} // namespace cx::alwayson
