#pragma once

#include "config/configschema.h"
#include "config/diagnostic.h"
#include "result.h"
#include "secrets/datakey.h"
#include "secrets/keysource.h"

#include <QHash>
#include <QTimer>
#include <QWidget>
#include <optional>

class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace cx::configurator {

/// The editor for an existing cxserver.conf: a form over every known key (generated from
/// the schema, grouped as the samples are, with each key's help and default) and the raw
/// text. Every change is made in place (config/configeditor.h), so comments and untouched
/// bytes stay as they were. Encrypted files keep their ENC() values; a secret changed in
/// the form is encrypted with the file's key.
class ConfigEditorWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConfigEditorWidget(QWidget *parent = nullptr);
    /// Disconnects the editors first: closing a top-level editor moves the focus out of a
    /// field, whose editingFinished must not reach a half-destroyed widget.
    ~ConfigEditorWidget() override;

    /// Where the data key of encrypted files comes from (config.md §3).
    void setKeySource(const secrets::KeySourceOptions &options);

    /// Loads path. A file with ENC() values needs its key from the key source: without it
    /// the error says so (and nothing is loaded).
    Result<void> openFile(const QString &path);
    /// Writes the current bytes to path (or the opened file).
    Result<void> save(const QString &path = {});

    QString filePath() const { return m_path; }
    QByteArray text() const { return m_text; }
    bool isModified() const { return m_modified; }
    bool isEncrypted() const { return m_encrypted; }
    const config::Diagnostics &diagnostics() const { return m_diagnostics; }

    /// Sets one key from HOCON text, as the form does (tests, the keystore import).
    Result<void> setValue(const QString &path, const QString &hoconValue);
    /// Sets a string key; a secret is encrypted when the file is.
    Result<void> setString(const QString &path, const QString &value);

    /// Opens the PKCS#12 import dialog and sets the key-store keys from it.
    void importKeyStore();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void diagnosticsChanged();

private:
    struct Field
    {
        const config::schema::KeySpec *spec = nullptr;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        QFormLayout *form = nullptr; ///< of its group's box
        QGroupBox *box = nullptr;
    };

    void buildForm(QWidget *container);
    /// Shows only the fields whose label, key path or help holds every word of text.
    void filterFields(const QString &text);
    QWidget *makeEditor(const config::schema::KeySpec &spec);
    void fieldEdited(const config::schema::KeySpec &spec);
    /// What the field holds, as `cxserver config set` takes a value (config::literalForKey).
    QString textFromEditor(const Field &field) const;
    void refreshFromText(bool updateRaw);
    void rawEdited();
    void showDiagnostics();
    void setModified(bool modified);
    QByteArray plaintextForValidation() const;

    QString m_path;
    QByteArray m_text;
    QByteArray m_savedText; ///< as opened or last saved: modified means different from it
    bool m_modified = false;
    bool m_encrypted = false;
    bool m_updating = false;
    std::optional<secrets::DataKey> m_key;
    secrets::KeySourceOptions m_keyOptions;
    config::Diagnostics m_diagnostics;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_noMatch = nullptr; ///< shown when the search hides every field
    QPlainTextEdit *m_raw = nullptr;
    QListWidget *m_diagnosticList = nullptr;
    QHash<QString, Field> m_fields;
    QTimer m_rawTimer;
};

} // namespace cx::configurator
