#include "edgepath.h"

namespace cx::server {

namespace {

constexpr qsizetype MaxTunnelId = 128;

bool isTunnelIdChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
        || c == '_' || c == '~' || c == '-';
}

bool isTunnelId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > MaxTunnelId || id == "." || id == "..")
        return false;
    for (const char c : id) {
        if (!isTunnelIdChar(c))
            return false;
    }
    return true;
}

} // namespace

EdgePath classifyEdgePath(QByteArrayView rawPath)
{
    EdgePath result;
    if (rawPath == "/Thingworx/WS") {
        result.kind = EdgePath::Kind::AlwaysOn;
    } else if (rawPath == "/Thingworx/VWS") {
        result.kind = EdgePath::Kind::RemoteAccessChannel;
    } else {
        for (const auto &[prefix, kind] : {std::pair {QByteArrayView("/Thingworx/WSTunnelServer/"),
                                                      EdgePath::Kind::TunnelServer},
                                           std::pair {QByteArrayView("/Thingworx/WSTunnelClient/"),
                                                      EdgePath::Kind::TunnelClient}}) {
            if (rawPath.startsWith(prefix) && isTunnelId(rawPath.sliced(prefix.size()))) {
                result.kind = kind;
                result.tunnelId = rawPath.sliced(prefix.size()).toByteArray();
            }
        }
    }
    return result;
}

} // namespace cx::server
