#include "bodies.h"

namespace cx::alwayson {

BodyParse<AuthBody> parseAuthBody(QByteArrayView body)
{
    BodyParse<AuthBody> parse;
    BodyReader reader(body);
    const quint8 count = reader.u8();
    if (reader.ok() && count != 1) {
        parse.error = BodyError::AuthCountNotOne;
        return parse;
    }
    parse.body.name = reader.string();
    parse.body.value = reader.string();
    parse.error = reader.error();
    return parse;
}

BodyParse<BindBody> parseBindBody(QByteArrayView body)
{
    BodyParse<BindBody> parse;
    BodyReader reader(body);
    const quint8 gatewayFlag = reader.u8();
    if (reader.ok() && gatewayFlag > 1) {
        parse.error = BodyError::BadGatewayFlag;
        return parse;
    }
    if (gatewayFlag == 1) {
        Gateway gateway;
        gateway.name = reader.string();
        gateway.type = reader.string();
        parse.body.gateway = gateway;
    }
    const quint16 count = reader.u16();
    // Every string takes at least its length byte: never reserve more than the body holds.
    parse.body.names.reserve(qMin<qsizetype>(count, reader.rest().size()));
    for (quint16 i = 0; i < count && reader.ok(); ++i)
        parse.body.names.append(reader.string());
    parse.error = reader.error();
    return parse;
}

BodyParse<ResponseBody> parseResponseBody(QByteArrayView body)
{
    BodyParse<ResponseBody> parse;
    BodyReader reader(body);
    const quint8 reasonMarker = reader.u8();
    if (reader.ok() && reasonMarker > 1) {
        parse.error = BodyError::BadReasonMarker;
        return parse;
    }
    if (reasonMarker == 1)
        parse.body.reason = reader.string();
    parse.body.baseType = reader.u8();
    if (reader.ok())
        parse.body.content = reader.rest();
    parse.error = reader.error();
    return parse;
}

void writeAuthBody(BodyWriter &out, QByteArrayView name, QByteArrayView value)
{
    out.u8(1);
    out.string(name);
    out.string(value);
}

void writeBindBody(BodyWriter &out, const std::optional<Gateway> &gateway,
                   std::span<const QByteArray> names)
{
    Q_ASSERT(qsizetype(names.size()) <= MaxBindNames);
    out.u8(gateway ? 1 : 0);
    if (gateway) {
        out.string(gateway->name);
        out.string(gateway->type);
    }
    out.u16(quint16(names.size()));
    for (const QByteArray &name : names)
        out.string(name);
}

void writeResponseBody(BodyWriter &out, const ResponseBody &body)
{
    out.u8(body.reason ? 1 : 0);
    if (body.reason)
        out.string(*body.reason);
    out.u8(body.baseType);
    out.raw(body.content);
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *at = reinterpret_cast<const uchar *>(bytes.data());
    const auto *end = at + bytes.size();
    while (at < end) {
        const uchar lead = *at;
        if (lead < 0x80) {
            ++at;
            continue;
        }
        // Continuation bytes are 0x80..0xBF; the second byte's range is narrower after
        // some leads, which rules out overlong forms, surrogates and code points > U+10FFFF.
        qsizetype continuations = 0;
        uchar secondMin = 0x80;
        uchar secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            if (lead == 0xE0)
                secondMin = 0xA0;
            else if (lead == 0xED)
                secondMax = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            if (lead == 0xF0)
                secondMin = 0x90;
            else if (lead == 0xF4)
                secondMax = 0x8F;
        } else {
            return false;
        }
        if (end - at <= continuations)
            return false;
        if (at[1] < secondMin || at[1] > secondMax)
            return false;
        for (qsizetype i = 2; i <= continuations; ++i) {
            if ((at[i] & 0xC0) != 0x80)
                return false;
        }
        at += continuations + 1;
    }
    return true;
}

} // namespace cx::alwayson
