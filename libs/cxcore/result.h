#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace cx {

/// An error that crossed a module boundary: what to tell the user, and (optionally) more
/// detail for the log. Never carries a secret.
struct Error
{
    Error(QString userMessage, QString detail = {})
        : message(std::move(userMessage))
        , logDetail(std::move(detail))
    { }

    QString message; ///< one sentence for the user, e.g. "cannot read keystore /etc/x.p12"
    QString logDetail; ///< extra context for the log; empty when message says it all

    QString forLog() const { return logDetail.isEmpty() ? message : message + u": " + logDetail; }
};

/// Expected-style result: either a value or an Error. No exceptions cross module or
/// plugin boundaries (architecture.md).
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &std::get<T>(m_state); }
    T *operator->() { return &std::get<T>(m_state); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation with no value.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace cx
