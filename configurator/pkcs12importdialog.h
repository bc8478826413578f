#pragma once

#include "pkcs12inspector.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace cx::configurator {

/// Chooses and inspects a PKCS#12 keystore: asks for its password, shows subject, issuer,
/// SANs, validity, key and chain, warns about what would hurt, and on accept copies it next
/// to the config with owner-only permissions (when a destination folder is set).
class Pkcs12ImportDialog : public QDialog
{
    Q_OBJECT
public:
    /// destinationDirectory: where accept() copies the file; empty: no copy.
    explicit Pkcs12ImportDialog(const QString &destinationDirectory, QWidget *parent = nullptr);

    void setFile(const QString &path);
    void setPassword(const QString &password);
    QString file() const;
    QString password() const;

    /// Reads the file with the password and shows the result; true when it can serve as
    /// the edge keystore (warnings allowed).
    bool inspect();
    const Pkcs12Report &report() const { return m_report; }

    /// After accept(): the keystore's path (the copy when a destination was set).
    QString importedPath() const { return m_importedPath; }

    void accept() override;

private:
    void browse();
    void showReport();

    QString m_destination;
    Pkcs12Report m_report;
    bool m_inspected = false;
    QString m_importedPath;
    QLineEdit *m_fileEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_inspectButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cx::configurator
