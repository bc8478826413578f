#include "bodyreader.h"

namespace cx::alwayson {

const char *reason(BodyError error)
{
    switch (error) {
    case BodyError::None:
        return "no error";
    case BodyError::TruncatedBody:
        return "body ends inside a field";
    case BodyError::StringPastEnd:
        return "string runs past the end of the body";
    case BodyError::AuthCountNotOne:
        return "AUTH body count is not 1";
    case BodyError::BadGatewayFlag:
        return "gateway flag is neither 0 nor 1";
    case BodyError::BadReasonMarker:
        return "reason marker is neither 0 nor 1";
    }
    return "unknown error";
}

QByteArrayView BodyReader::string()
{
    if (!ok())
        return {};
    const qsizetype left = m_data.size() - m_pos;
    if (left < 1) {
        m_error = BodyError::TruncatedBody;
        return {};
    }
    const char *at = m_data.data() + m_pos;
    qsizetype prefix = 1;
    qsizetype length = quint8(*at);
    if (length > MaxShortStringLength) {
        prefix = 4;
        if (left < prefix) {
            m_error = BodyError::TruncatedBody;
            return {};
        }
        length = qFromBigEndian<quint32>(at) & ~LongStringFlag;
    }
    if (length > left - prefix) {
        m_error = BodyError::StringPastEnd;
        return {};
    }
    m_pos += prefix + length;
    return QByteArrayView(at + prefix, length);
}

} // namespace cx::alwayson
