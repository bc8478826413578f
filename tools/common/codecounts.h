#pragma once

#include <QJsonObject>
#include <array>

namespace cx::tools {

/// A counter per AlwaysOn code (requests received, responses by status, ...): a plain
/// array, no allocation on the message path.
class CodeCounts
{
public:
    void add(quint8 code, quint64 count = 1) { m_counts[code] += count; }
    void merge(const CodeCounts &other);
    /// {"0x40": n, ...} with only the codes seen.
    QJsonObject toJson() const;
    /// "0x40 SUCCESS=n, 0xA0 INTERNAL_SERVER_ERROR=m" for human-readable reports; "none".
    QByteArray toText() const;

private:
    std::array<quint64, 256> m_counts = {};
};

} // namespace cx::tools
