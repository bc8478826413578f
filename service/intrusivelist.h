#pragma once

#include <QtGlobal>

namespace cx::server {

/// The links an object needs to sit in one IntrusiveList.
template<typename T> struct ListHook
{
    T *prev = nullptr;
    T *next = nullptr;
    bool linked = false;
};

/// A doubly linked list threaded through a ListHook member of its items: O(1) append,
/// removal and move-to-back with no allocation. Used for the per-worker deadline FIFOs
/// (a constant timeout keeps them sorted by deadline) and the per-pipe outstanding lists.
/// The list never owns its items. An item has one hook per list it can be in, and is only
/// ever removed from the list that holds it (the hook does not say which list that is).
template<typename T, ListHook<T> T::*Hook> class IntrusiveList
{
public:
    bool isEmpty() const { return m_head == nullptr; }
    qsizetype size() const { return m_size; }
    T *front() const { return m_head; }
    static bool contains(const T *item) { return (item->*Hook).linked; }
    static T *next(const T *item) { return (item->*Hook).next; }

    void append(T *item)
    {
        ListHook<T> &hook = item->*Hook;
        Q_ASSERT(!hook.linked);
        hook.prev = m_tail;
        hook.next = nullptr;
        hook.linked = true;
        if (m_tail)
            (m_tail->*Hook).next = item;
        else
            m_head = item;
        m_tail = item;
        ++m_size;
    }

    void remove(T *item)
    {
        ListHook<T> &hook = item->*Hook;
        if (!hook.linked)
            return;
        if (hook.prev)
            (hook.prev->*Hook).next = hook.next;
        else
            m_head = hook.next;
        if (hook.next)
            (hook.next->*Hook).prev = hook.prev;
        else
            m_tail = hook.prev;
        hook = {};
        --m_size;
    }

    void moveToBack(T *item)
    {
        remove(item);
        append(item);
    }

    /// Removes and returns the first item, or nullptr.
    T *takeFirst()
    {
        T *item = m_head;
        if (item)
            remove(item);
        return item;
    }

private:
    T *m_head = nullptr;
    T *m_tail = nullptr;
    qsizetype m_size = 0;
};

} // namespace cx::server
