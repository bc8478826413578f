#include "workerthread.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QThread>
#include <future>
#ifdef Q_OS_LINUX
#include "epolleventdispatcher.h"

#include <pthread.h>
#endif

namespace cx::eventloop {

WorkerThread::~WorkerThread()
{
    stop();
}

QThread *WorkerThread::start(const QString &name, Dispatcher dispatcher)
{
    std::promise<std::pair<QThread *, QEventLoop *>> ready;
    auto started = ready.get_future();
    m_thread = std::thread([&ready, name, dispatcher] {
        QThread *self = QThread::currentThread(); // adopts this thread
        self->setObjectName(name);
#ifdef Q_OS_LINUX
        pthread_setname_np(pthread_self(), name.left(15).toUtf8().constData()); // for top -H
        if (dispatcher == Dispatcher::Epoll)
            EpollEventDispatcher::install(self);
#else
        Q_UNUSED(dispatcher);
#endif
        QEventLoop loop; // creates the thread's event dispatcher (unless installed)
        ready.set_value({self, &loop});
        loop.exec();
    });
    const auto [thread, loop] = started.get();
    m_loop = loop;
    return thread;
}

void WorkerThread::stop()
{
    if (!m_thread.joinable())
        return;
    QMetaObject::invokeMethod(m_loop, &QEventLoop::quit, Qt::QueuedConnection);
    m_thread.join();
    m_loop = nullptr;
}

void deleteInItsThread(QObject *object)
{
    QMetaObject::invokeMethod(
        object, [object] { delete object; }, Qt::BlockingQueuedConnection);
}

} // namespace cx::eventloop
