#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace cx::configurator {

/// Last wizard page: the resulting file (secrets hidden), its check, and where and how to
/// save it (plain, or with the secrets encrypted under a key file or the OS keychain).
/// Replacing an existing file is asked first (unless its save dialog asked already).
class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void refresh();
    void updateKeyWidgets();
    bool confirmReplace(const QString &path);

    QPlainTextEdit *m_text = nullptr;
    QLabel *m_diagnostics = nullptr;
    QLineEdit *m_path = nullptr;
    QCheckBox *m_encrypt = nullptr;
    QRadioButton *m_keyFileRadio = nullptr;
    QRadioButton *m_keychainRadio = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLabel *m_saveResult = nullptr;
    QString m_replaceConfirmed; ///< the existing file the user agreed to replace
};

} // namespace cx::configurator
