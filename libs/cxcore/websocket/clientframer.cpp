#include "websocket/clientframer.h"

#include "websocket/frame.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <cstring>

namespace cx::websocket {

ClientFramer::ClientFramer()
    : m_state(QRandomGenerator::global()->generate64() | 1) // xorshift needs non-zero
{ }

QByteArrayView ClientFramer::frame(quint8 opcode, QByteArrayView payload)
{
    thread_local QByteArray buffer;
    const qsizetype needed = MaxFrameHeadSize + payload.size();
    if (buffer.size() < needed)
        buffer.resize(needed);
    m_state ^= m_state >> 12;
    m_state ^= m_state << 25;
    m_state ^= m_state >> 27;
    const quint32 random = quint32((m_state * 0x2545F4914F6CDD1DULL) >> 32);
    uchar key[4];
    std::memcpy(key, &random, sizeof key);
    const int headSize = writeFrameHead(reinterpret_cast<uchar *>(buffer.data()), opcode,
                                        quint64(payload.size()), key);
    applyMask(payload.data(), buffer.data() + headSize, payload.size(), key);
    return QByteArrayView(buffer.constData(), headSize + payload.size());
}

} // namespace cx::websocket
