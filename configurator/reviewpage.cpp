#include "reviewpage.h"

#include "config/configdocument.h"
#include "config/configfilewriter.h"
#include "configbuilder.h"
#include "configsaver.h"
#include "configwizard.h"
#include "serviceaccesswarning.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cx::configurator {

namespace {
/// What the wizard wrote to path (empty when it cannot be read back).
QByteArray readSaved(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(config::MaxCopiedFileBytes) : QByteArray();
}
} // namespace

ReviewPage::ReviewPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Review and save"));
    setSubTitle(tr("The file that will be written; secret values are hidden here."));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("reviewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diagnostics = new QLabel(this);
    m_diagnostics->setObjectName(QStringLiteral("reviewDiagnosticsLabel"));
    m_diagnostics->setWordWrap(true);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("savePathEdit"));
    m_path->setPlaceholderText(tr("where to save it, e.g. /etc/cxserver/cxserver.conf"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_encrypt = new QCheckBox(tr("Encrypt secrets (app key, passwords)"), this);
    m_encrypt->setObjectName(QStringLiteral("encryptCheck"));
    m_keyFileRadio = new QRadioButton(tr("Key file:"), this);
    m_keyFileRadio->setObjectName(QStringLiteral("keyFileRadio"));
    m_keyFileRadio->setChecked(true);
    m_keyFile = new QLineEdit(this);
    m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
    m_keyFile->setPlaceholderText(tr("created when missing, e.g. /etc/cxserver/cxserver.key"));
    m_keychainRadio = new QRadioButton(tr("OS keychain"), this);
    m_keychainRadio->setObjectName(QStringLiteral("keychainRadio"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFileRadio);
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_keychainRadio);

    m_saveResult = new QLabel(this);
    m_saveResult->setObjectName(QStringLiteral("saveResultLabel"));
    m_saveResult->setWordWrap(true);
    m_saveResult->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *form = new QFormLayout;
    form->addRow(tr("Save as:"), pathRow);
    form->addRow(QString(), m_encrypt);
    form->addRow(QString(), keyRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_diagnostics);
    layout->addLayout(form);
    layout->addWidget(m_saveResult);

    connect(m_path, &QLineEdit::textChanged, this, &ReviewPage::refresh);
    connect(m_path, &QLineEdit::textChanged, this, &ReviewPage::completeChanged);
    connect(m_encrypt, &QCheckBox::toggled, this, &ReviewPage::updateKeyWidgets);
    connect(m_keyFileRadio, &QRadioButton::toggled, this, &ReviewPage::updateKeyWidgets);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save configuration"), m_path->text(),
                                           tr("cxserver configuration (*.conf);;All files (*)"));
        if (!path.isEmpty()) {
            m_replaceConfirmed = path; // the save dialog asked before replacing a file
            m_path->setText(path);
        }
    });
    updateKeyWidgets();
}

void ReviewPage::updateKeyWidgets()
{
    const bool encrypt = m_encrypt->isChecked();
    m_keyFileRadio->setEnabled(encrypt);
    m_keychainRadio->setEnabled(encrypt);
    m_keyFile->setEnabled(encrypt && m_keyFileRadio->isChecked());
    if (encrypt && m_keyFile->text().isEmpty() && !m_path->text().isEmpty()) {
        const QFileInfo info(m_path->text());
        m_keyFile->setText(info.dir().filePath(info.completeBaseName() + QStringLiteral(".key")));
    }
}

void ReviewPage::initializePage()
{
    refresh();
}

bool ReviewPage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

void ReviewPage::refresh()
{
    auto *configWizard = qobject_cast<ConfigWizard *>(wizard());
    if (!configWizard)
        return;
    const QString path = m_path->text().trimmed();
    WizardSettings settings = configWizard->settings();
    if (settings.edgeTls && !path.isEmpty())
        settings.keyStoreFile
            = QFileInfo(path).absoluteDir().filePath(QFileInfo(settings.keyStoreFile).fileName());
    Result<QByteArray> real = buildConfigText(settings);
    const QString hidden = QStringLiteral("********");
    settings.appKey = hidden;
    if (!settings.keyStorePassword.isEmpty())
        settings.keyStorePassword = hidden;
    if (!settings.trustStorePassword.isEmpty())
        settings.trustStorePassword = hidden;
    Result<QByteArray> shown = buildConfigText(settings);
    if (!real || !shown) {
        m_text->setPlainText(real ? shown.error().message : real.error().message);
        return;
    }
    m_text->setPlainText(QString::fromUtf8(shown.value()));
    const QString fileName = path.isEmpty() ? QStringLiteral("cxserver.conf") : path;
    const config::Diagnostics diagnostics
        = config::ConfigDocument(fileName, real.value()).diagnostics();
    if (diagnostics.isEmpty()) {
        m_diagnostics->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_diagnostics->setText(tr("The configuration is valid."));
        return;
    }
    QStringList lines;
    for (const config::Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.format());
    m_diagnostics->setStyleSheet(config::hasErrors(diagnostics)
                                     ? QStringLiteral("color: #b00020;")
                                     : QStringLiteral("color: #a05a00;"));
    m_diagnostics->setText(lines.join(u'\n'));
}

bool ReviewPage::confirmReplace(const QString &path)
{
    if (!QFileInfo::exists(path) || path == m_replaceConfirmed)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Replace the configuration?"),
        tr("%1 already exists. Replace it with this configuration? Its owner, group and "
           "permissions are kept.")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_replaceConfirmed = path;
    return true;
}

bool ReviewPage::validatePage()
{
    auto *configWizard = qobject_cast<ConfigWizard *>(wizard());
    if (!confirmReplace(m_path->text().trimmed()))
        return false;
    KeyChoice key;
    key.kind = m_keyFileRadio->isChecked() ? KeyChoice::Kind::KeyFile : KeyChoice::Kind::Keychain;
    key.keyFile = m_keyFile->text().trimmed();
    Result<void> saved = configWizard->save(m_path->text().trimmed(), m_encrypt->isChecked(), key);
    if (!saved) {
        m_saveResult->setText(saved.error().message);
        return false;
    }
    m_saveResult->clear();
    warnIfServiceCannotRead(this, configWizard->savedPath(), readSaved(configWizard->savedPath()),
                            QString::fromLatin1(config::ServiceGroup));
    return true;
}

} // namespace cx::configurator
