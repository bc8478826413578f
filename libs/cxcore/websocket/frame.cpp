#include "frame.h"

#include <QtEndian>
#include <cstring>

namespace cx::websocket {

bool parseFrameHead(QByteArrayView bytes, FrameHead *head)
{
    if (bytes.size() < 2)
        return false;
    const auto *in = reinterpret_cast<const uchar *>(bytes.data());
    head->fin = in[0] & 0x80;
    head->rsv = (in[0] >> 4) & 0x07;
    head->opcode = in[0] & 0x0F;
    head->masked = in[1] & 0x80;
    head->length = in[1] & 0x7F;
    int size = 2;
    if (head->length == 126) {
        if (bytes.size() < 4)
            return false;
        head->length = qFromBigEndian<quint16>(in + 2);
        size = 4;
    } else if (head->length == 127) {
        if (bytes.size() < 10)
            return false;
        head->length = qFromBigEndian<quint64>(in + 2);
        size = 10;
    }
    if (head->masked) {
        if (bytes.size() < size + 4)
            return false;
        std::memcpy(head->key, in + size, 4);
        size += 4;
    }
    head->size = size;
    return true;
}

int writeFrameHead(uchar *out, quint8 opcode, quint64 length, const uchar *key)
{
    const uchar maskBit = key ? 0x80 : 0;
    out[0] = 0x80 | opcode;
    int size = 2;
    if (length < 126) {
        out[1] = maskBit | uchar(length);
    } else if (length <= 0xFFFF) {
        out[1] = maskBit | 126;
        qToBigEndian(quint16(length), out + 2);
        size = 4;
    } else {
        out[1] = maskBit | 127;
        qToBigEndian(length, out + 2);
        size = 10;
    }
    if (key) {
        std::memcpy(out + size, key, 4);
        size += 4;
    }
    return size;
}

void applyMask(const char *in, char *out, qsizetype size, const uchar key[4])
{
    quint64 wide = 0;
    for (int i = 0; i < 8; ++i)
        wide |= quint64(key[i & 3]) << (8 * i);
    wide = qFromLittleEndian(wide); // byte i of memory holds key[i % 4]
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, in + i, 8);
        word ^= wide;
        std::memcpy(out + i, &word, 8);
    }
    for (; i < size; ++i)
        out[i] = char(in[i] ^ key[i & 3]);
}

bool isValidCloseCode(quint16 code)
{
    if (code >= 3000 && code <= 4999)
        return true;
    switch (code) {
    case 1000:
    case 1001:
    case 1002:
    case 1003:
    case 1007:
    case 1008:
    case 1009:
    case 1010:
    case 1011:
    case 1012:
    case 1013:
    case 1014:
        return true;
    default:
        return false;
    }
}

} // namespace cx::websocket
