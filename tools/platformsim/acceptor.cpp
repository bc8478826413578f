#include "acceptor.h"

namespace cx::platformsim {

void Acceptor::incomingConnection(qintptr descriptor)
{
    Q_EMIT accepted(descriptor);
}

} // namespace cx::platformsim
