#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace cx::edgesim {

/// --record: one tab-separated line per request, `edge requestId sendUs code latencyUs`,
/// sendUs counted from the start of the load (loadStartEpochMs in the JSON report), code
/// "none" and latencyUs -1 for a request that got no response in time, code "closed" and
/// latencyUs = the time from its send to the close for a request still outstanding when
/// its socket closed (it can never be answered). Each worker thread appends whole buffered blocks
/// of lines to the same file (opened in append mode), so lines never interleave.
class RecordWriter
{
public:
    /// The header line the runner writes once, before the workers start.
    static constexpr char Header[] = "# edge\trequestId\tsendUs\tcode\tlatencyUs";

    /// Appends to \a path; does nothing when \a path is empty.
    explicit RecordWriter(const QString &path);
    ~RecordWriter();

    /// \a code NoResponse or Closed: see above.
    static constexpr int NoResponse = -1;
    static constexpr int Closed = -2;
    void write(int edge, quint32 requestId, qint64 sendUs, int code, qint64 latencyUs);
    void flush();

private:
    QFile m_file;
    QByteArray m_buffer;
};

} // namespace cx::edgesim
