#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QDeadlineTimer>
#include <QMessageBox>
#include <QStringList>
#include <QTimer>

namespace cx::test {

/// Answers the next QMessageBox that opens (a modal one, e.g. from QMessageBox::question)
/// with one of its buttons, as a user would click it, and keeps its text. Looks every 10 ms
/// for at most timeoutMs; answered() says whether a box came.
class MessageBoxAnswer
{
public:
    explicit MessageBoxAnswer(QMessageBox::StandardButton button, int timeoutMs = 5000)
        : m_button(button)
        , m_deadline(timeoutMs)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { poll(); });
        m_timer.start();
    }

    bool answered() const { return m_answered; }
    QString text() const { return m_text; }

private:
    void poll()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (m_deadline.hasExpired())
                m_timer.stop();
            return;
        }
        m_timer.stop();
        m_text = box->text();
        if (QAbstractButton *answer = box->button(m_button)) {
            m_answered = true;
            answer->click();
        }
    }

    QMessageBox::StandardButton m_button;
    QDeadlineTimer m_deadline;
    QTimer m_timer;
    bool m_answered = false;
    QString m_text;
};

/// Closes every modal dialog that opens while it lives (a message box, a file dialog) and
/// counts them: for code that must not ask the user anything.
class ModalWatch
{
public:
    ModalWatch()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                m_titles.append(modal->windowTitle());
                modal->close();
            }
        });
        m_timer.start();
    }

    /// The window titles of the dialogs closed so far.
    const QStringList &titles() const { return m_titles; }

private:
    QTimer m_timer;
    QStringList m_titles;
};

} // namespace cx::test
