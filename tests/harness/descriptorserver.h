#pragma once

#include <QList>
#include <QTcpServer>

namespace cx::test {

/// A listener that hands accepted descriptors over instead of making QTcpSockets of them:
/// for tests that wrap them in cxserver's own connection classes (EdgeConnection).
class DescriptorServer : public QTcpServer
{
public:
    QList<qintptr> descriptors; ///< accepted, not taken yet

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(descriptor); }
};

} // namespace cx::test
