#pragma once

#include "cxcore_global.h"
#include "result.h"
#include "value.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <variant>

namespace cx::config {

/// The one table of every cx-server key (config.md §2): the single source for defaults,
/// validation, unknown-key suggestions, `--dump-config` defaults and the configurator form.
namespace schema {

/// The root object everything lives under.
inline constexpr QLatin1StringView RootKey("cx-server");

/// How a key's value is read (conversions.h).
enum class KeyType {
    String, ///< getString; may be null when the default is null
    Int, ///< getInt, 32-bit
    Bool, ///< getBoolean
    Size, ///< getBytes: "64k", "1m", 65536
    Duration, ///< getDuration: "30s", "500ms"; a bare number means milliseconds
    StringList, ///< getStringList
};

/// Further rules on a string's or a list's content, checked with its type.
enum class Format {
    None,
    PlatformUrls, ///< each element ws:// or wss:// with a host and a port
    ZooKeeperPath, ///< an absolute ZooKeeper path: "/services"
    ZooKeeperNodeName, ///< one path element: no "/"
    ZooKeeperHosts, ///< "host:port,host:port[/chroot]"
    ListenAddress, ///< an IPv4 or IPv6 address literal, or "localhost"
    LogRules, ///< each element CATEGORY=LEVEL (logrules.h)
    Networks, ///< each element an IP network in CIDR notation: "10.0.0.0/8", "fd00::/8"
};

/// When a key must be set (config.md §2 "Required").
enum class Requirement {
    Optional,
    Always,
    WhenZooKeeper, ///< when the effective discovery plugin is "zookeeper"
    WhenSsl, ///< when protocol.ssl.enabled is true
};

/// The sections of the sample files and of the configurator form.
enum class Group {
    Platforms,
    Discovery,
    Connections,
    Routing,
    EdgeListener,
    PlatformTls,
    Operations,
};

/// A section title, e.g. "Platform connections".
CXCORE_EXPORT QString groupTitle(Group group);

/// One key of cxserver.conf.
struct CXCORE_EXPORT KeySpec
{
    QString path = {}; ///< below cx-server, dotted: "transport.websockets.app-key"
    QString label = {}; ///< a few words for a form, e.g. "App key" (English)
    KeyType type = KeyType::String;
    Value defaultValue = {}; ///< with its HOCON type ("64k" is a string); Null when none
    /// Int: the value; Size: bytes; Duration: milliseconds. Unused for other types.
    qint64 minimum = 0;
    qint64 maximum = 0;
    /// String: the values that are accepted (closedChoices) or known (otherwise: any other
    /// value is only warned about, e.g. a third-party plugin id). Empty: any value.
    QStringList choices = {};
    bool closedChoices = false;
    Format format = Format::None;
    bool secret = false; ///< never shown: not in messages, "***" in --dump-config
    bool allowEmpty = false; ///< String: "" is a value (a keystore password may be empty)
    Requirement requirement = Requirement::Optional;
    Group group = Group::Platforms;
    QString help = {}; ///< one sentence for an operator

    /// "cx-server." + path.
    QString fullPath() const;
    /// Whether the value is the path of a file cxserver reads: the key ends in ".file" or
    /// "-file" (key-store.file, trust-store.file, sasl-jaas-file, ...).
    bool namesFile() const;
    /// What a valid value looks like: "an integer from 1 to 256", "a duration such as 30s".
    QString expectation() const;
};

/// Every key, in the order of the sample file.
CXCORE_EXPORT const QList<KeySpec> &keys();

/// The key at path, with or without the "cx-server." prefix; nullptr when unknown.
CXCORE_EXPORT const KeySpec *findKey(QStringView path);

/// True when path (below cx-server) is an object holding known keys: "transport",
/// "transport.websockets.connections".
CXCORE_EXPORT bool isKnownPrefix(QStringView path);

/// The known key closest to an unknown path (below cx-server), by edit distance over the
/// whole dotted path and over its last segment; empty when none is reasonably close.
CXCORE_EXPORT QString suggestKey(const QString &unknownPath);

/// A value read with its key's type: bool (Bool), qint64 (Int, and Size in bytes),
/// std::chrono::milliseconds (Duration), QString (String), QStringList (StringList).
using Setting = std::variant<bool, qint64, std::chrono::milliseconds, QString, QStringList>;

/// Reads value (not null) as key's type and checks its range, choices and format. The
/// error message names the key, the value (never a secret's) and what was expected:
/// `cx-server.protocol.port: 70000 is out of range; expected an integer from 0 to 65535`.
CXCORE_EXPORT Result<Setting> checkValue(const KeySpec &key, const Value &value);

/// A short description of a value for messages: 70000, "abc", ["a","b"], null; long
/// strings, lists and objects are cut after 60 characters.
CXCORE_EXPORT QString describeValue(const Value &value);

} // namespace schema
} // namespace cx::config
