// ServiceStats::prometheusText(): /metrics in the Prometheus text format (config.md §6).

#include "servicestats.h"

#include <cmath>

namespace cx::server {

namespace {

/// Appends the exposition of one metric family, sample by sample.
class Exposition
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_text += "# HELP ";
        m_text += name;
        m_text += ' ';
        m_text += help;
        m_text += "\n# TYPE ";
        m_text += name;
        m_text += ' ';
        m_text += type;
        m_text += '\n';
    }
    void sample(const char *name, const QByteArray &labels, double value)
    {
        m_text += name;
        if (!labels.isEmpty()) {
            m_text += '{';
            m_text += labels;
            m_text += '}';
        }
        m_text += ' ';
        const bool integral = value == std::floor(value) && std::fabs(value) < 1e15;
        m_text += integral ? QByteArray::number(qint64(value)) : QByteArray::number(value, 'g', 15);
        m_text += '\n';
    }
    void single(const char *name, const char *type, const char *help, double value)
    {
        family(name, type, help);
        sample(name, QByteArray(), value);
    }
    QByteArray take() { return std::move(m_text); }

private:
    QByteArray m_text;
};

/// A label value escaped as the format wants (backslash, double quote, newline).
QByteArray labelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray instanceLabels(const InstanceStats &i)
{
    return "instance=\"" + labelValue(i.instance.id) + "\",address=\""
        + labelValue(i.instance.address) + "\",port=\"" + QByteArray::number(i.instance.port) + '"';
}

QByteArray codeLabel(size_t code)
{
    return "code=\"0x" + QByteArray::number(qulonglong(code), 16).toUpper().rightJustified(2, '0')
        + '"';
}

} // namespace

QByteArray ServiceStats::prometheusText() const
{
    const TrafficCounters &t = total.traffic;
    Exposition e;
    e.single("cxserver_up", "gauge", "1 while cxserver runs, 0 once it drains to stop.",
             running ? 1 : 0);
    e.single("cxserver_uptime_seconds", "gauge", "Seconds since cxserver started.",
             double(uptimeSeconds));

    e.family("cxserver_edge_connections", "gauge", "Edge WebSockets on /Thingworx/WS, by state.");
    e.sample("cxserver_edge_connections", "state=\"connected\"", double(total.edgesConnected));
    e.sample("cxserver_edge_connections", "state=\"authenticated\"",
             double(total.edgesAuthenticated));

    e.family("cxserver_messages_total", "counter",
             "AlwaysOn messages, by direction: from_edge, to_edge, from_platform, to_platform.");
    e.sample("cxserver_messages_total", "direction=\"from_edge\"", double(t.edgeMessagesIn));
    e.sample("cxserver_messages_total", "direction=\"to_edge\"", double(t.edgeMessagesOut));
    e.sample("cxserver_messages_total", "direction=\"from_platform\"",
             double(t.platformMessagesIn));
    e.sample("cxserver_messages_total", "direction=\"to_platform\"", double(t.platformMessagesOut));

    e.family("cxserver_error_responses_total", "counter",
             "Error responses cxserver generated itself, by code and by whom they went to.");
    for (size_t code = 0; code < t.errorsToEdges.size(); ++code) {
        if (t.errorsToEdges[code] > 0)
            e.sample("cxserver_error_responses_total", QByteArray(codeLabel(code) + ",to=\"edge\""),
                     double(t.errorsToEdges[code]));
        if (t.errorsToPlatforms[code] > 0)
            e.sample("cxserver_error_responses_total",
                     QByteArray(codeLabel(code) + ",to=\"platform\""),
                     double(t.errorsToPlatforms[code]));
    }
    e.single("cxserver_request_timeouts_total", "counter",
             "Edge requests that got no platform response in time (answered 0xA4).",
             double(t.timeouts));

    e.family("cxserver_connections_refused_total", "counter",
             "Connections refused at once by a cap (limits.*), by the cap.");
    e.sample("cxserver_connections_refused_total", "limit=\"max-edges\"",
             double(t.refusedByEdgeCap));
    e.sample("cxserver_connections_refused_total", "limit=\"max-handshakes\"",
             double(t.refusedByHandshakeCap));
    e.sample("cxserver_connections_refused_total", "limit=\"max-tunnels\"",
             double(t.refusedByTunnelCap));
    e.single("cxserver_edges_over_send_limit_total", "counter",
             "Edges dropped because more than limits.edge-send-buffer was queued toward them.",
             double(t.edgesOverSendLimit));

    e.family("cxserver_responses_dropped_total", "counter",
             "Responses cxserver dropped, by whom they came from and why: late (the request was "
             "answered 0xA4 already), unknown (no such request), wrong_instance.");
    e.sample("cxserver_responses_dropped_total", "from=\"platform\",reason=\"late\"",
             double(t.droppedLate));
    e.sample("cxserver_responses_dropped_total", "from=\"platform\",reason=\"unknown\"",
             double(t.droppedUnknown));
    e.sample("cxserver_responses_dropped_total", "from=\"platform\",reason=\"wrong_instance\"",
             double(t.droppedWrongInstance));
    e.sample("cxserver_responses_dropped_total", "from=\"edge\",reason=\"unknown\"",
             double(t.droppedUnknownFromEdges));
    e.single("cxserver_tunnels_open", "gauge",
             "Remote-access tunnels and RAC channels relayed now (protocol.md §8).",
             double(total.tunnelsOpen));
    e.single("cxserver_tunnels_opened_total", "counter", "Tunnels accepted since start.",
             double(t.tunnelsOpened));
    e.family("cxserver_tunnel_bytes_total", "counter",
             "Tunnel payload bytes relayed, by direction: to_platform, to_edge.");
    e.sample("cxserver_tunnel_bytes_total", "direction=\"to_platform\"",
             double(t.tunnelBytesToPlatforms));
    e.sample("cxserver_tunnel_bytes_total", "direction=\"to_edge\"", double(t.tunnelBytesToEdges));

    const auto perInstance = [&](const char *name, const char *type, const char *help, auto value) {
        e.family(name, type, help);
        for (const InstanceStats &i : total.instances)
            e.sample(name, instanceLabels(i), double(value(i)));
    };
    perInstance("cxserver_instance_routed_total", "counter",
                "Requests routed to each platform instance.",
                [](const InstanceStats &i) { return i.routed; });
    perInstance("cxserver_instance_errors_total", "counter",
                "Requests routed to each instance that cxserver failed (0xA0 or 0xA4).",
                [](const InstanceStats &i) { return i.errors; });
    perInstance("cxserver_instance_pending_bytes", "gauge",
                "Bytes queued on each instance's pipes, not yet written.",
                [](const InstanceStats &i) { return i.pendingBytes; });
    perInstance("cxserver_instance_in_flight", "gauge",
                "Requests awaiting a response from each instance.",
                [](const InstanceStats &i) { return i.inFlight; });
    perInstance("cxserver_instance_pipes_connected", "gauge",
                "Connected pipes to each instance (all workers).",
                [](const InstanceStats &i) { return i.pipesConnected; });

    e.single("cxserver_discovery_events_total", "counter",
             "Membership changes discovery published to the workers.", double(discoveryEvents));
    e.family("cxserver_discovery_connected", "gauge",
             "1 when discovery is connected (or static), else 0.");
    e.sample("cxserver_discovery_connected",
             QByteArray("plugin=\"" + labelValue(discoveryPlugin) + "\",state=\""
                        + labelValue(discoveryState) + '"'),
             discoveryState == u"connected" || discoveryState == u"static" ? 1 : 0);
    e.family("cxserver_reloads_total", "counter", "Configuration reloads, by result.");
    e.sample("cxserver_reloads_total", "result=\"applied\"", double(reloads));
    e.sample("cxserver_reloads_total", "result=\"rejected\"", double(reloadFailures));

    e.family("cxserver_request_duration_seconds", "histogram",
             "Time from an edge request to the end of its platform response, in cxserver.");
    quint64 cumulative = 0;
    for (size_t b = 0; b < LatencyHistogram::BoundsUs.size(); ++b) {
        cumulative += t.latency.counts[b];
        e.sample(
            "cxserver_request_duration_seconds_bucket",
            QByteArray("le=\""
                       + QByteArray::number(double(LatencyHistogram::BoundsUs[b]) / 1e6, 'g', 6)
                       + '"'),
            double(cumulative));
    }
    cumulative += t.latency.counts.back();
    e.sample("cxserver_request_duration_seconds_bucket", "le=\"+Inf\"", double(cumulative));
    e.sample("cxserver_request_duration_seconds_sum", QByteArray(), double(t.latency.sumUs) / 1e6);
    e.sample("cxserver_request_duration_seconds_count", QByteArray(), double(cumulative));
    return e.take();
}

} // namespace cx::server
