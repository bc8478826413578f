#include "recordwriter.h"

#include "codetext.h"

#include <charconv>

namespace cx::edgesim {

namespace {

constexpr qsizetype FlushSize = 64 * 1024;

void appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

} // namespace

RecordWriter::RecordWriter(const QString &path)
{
    if (path.isEmpty())
        return;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        qWarning("cannot append to %s: %s", qPrintable(path), qPrintable(m_file.errorString()));
    m_buffer.reserve(FlushSize + 128);
}

RecordWriter::~RecordWriter()
{
    flush();
}

void RecordWriter::write(int edge, quint32 requestId, qint64 sendUs, int code, qint64 latencyUs)
{
    if (!m_file.isOpen())
        return;
    appendNumber(m_buffer, edge);
    m_buffer.append('\t');
    appendNumber(m_buffer, requestId);
    m_buffer.append('\t');
    appendNumber(m_buffer, sendUs);
    m_buffer.append('\t');
    if (code == Closed)
        m_buffer.append("closed");
    else if (code < 0)
        m_buffer.append("none");
    else
        m_buffer.append(tools::codeKey(quint8(code)));
    m_buffer.append('\t');
    appendNumber(m_buffer, latencyUs);
    m_buffer.append('\n');
    if (m_buffer.size() >= FlushSize)
        flush();
}

void RecordWriter::flush()
{
    if (m_file.isOpen() && !m_buffer.isEmpty())
        m_file.write(m_buffer);
    m_buffer.resize(0); // keeps the capacity
}

} // namespace cx::edgesim
