#include "configeditorwidget.h"

#include "config/configdocument.h"
#include "config/configeditor.h"
#include "config/configfilewriter.h"
#include "config/hoconparser.h"
#include "configbuilder.h"
#include "configsaver.h"
#include "pkcs12importdialog.h"
#include "schematexts.h"
#include "secrets/configsecrets.h"
#include "secrets/valuecipher.h"
#include "wheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>
#include <algorithm>

namespace cx::configurator {

using config::schema::KeySpec;
using config::schema::KeyType;

namespace {

QString defaultText(const KeySpec &spec)
{
    const config::Value &value = spec.defaultValue;
    if (value.isNull())
        return QStringLiteral("null");
    if (value.type() == config::Value::Type::List) {
        QStringList items;
        for (const config::Value &item : value.items())
            items.append(item.text());
        return u'[' + items.join(QStringLiteral(", ")) + u']';
    }
    return value.text();
}

} // namespace

ConfigEditorWidget::ConfigEditorWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("configEditor"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));

    auto *settings = new QWidget(m_tabs);
    auto *search = new QLineEdit(settings);
    search->setObjectName(QStringLiteral("editorSearchEdit"));
    search->setPlaceholderText(tr("Search the settings: a name, a key or words of its help"));
    search->setClearButtonEnabled(true);
    auto *scroll = new QScrollArea(settings);
    scroll->setWidgetResizable(true);
    auto *form = new QWidget(scroll);
    buildForm(form);
    scroll->setWidget(form);
    m_noMatch = new QLabel(tr("No setting matches the search."), settings);
    m_noMatch->setObjectName(QStringLiteral("editorNoMatchLabel"));
    m_noMatch->hide();
    auto *settingsLayout = new QVBoxLayout(settings);
    settingsLayout->addWidget(search);
    settingsLayout->addWidget(m_noMatch);
    settingsLayout->addWidget(scroll, 1);
    m_tabs->addTab(settings, tr("Settings"));
    connect(search, &QLineEdit::textChanged, this, &ConfigEditorWidget::filterFields);

    m_raw = new QPlainTextEdit(m_tabs);
    m_raw->setObjectName(QStringLiteral("rawText"));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setTabChangesFocus(true); // Tab leaves the text; HOCON needs no tab characters
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_raw, tr("Text"));

    m_diagnosticList = new QListWidget(this);
    m_diagnosticList->setObjectName(QStringLiteral("diagnosticList"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_diagnosticList);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_rawTimer.setSingleShot(true);
    m_rawTimer.setInterval(400);
    connect(&m_rawTimer, &QTimer::timeout, this, &ConfigEditorWidget::rawEdited);
    connect(m_raw, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_rawTimer.start();
    });
    connect(m_diagnosticList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(Qt::UserRole).toInt();
        if (line <= 0)
            return;
        m_tabs->setCurrentWidget(m_raw);
        QTextCursor cursor(m_raw->document()->findBlockByNumber(line - 1));
        m_raw->setTextCursor(cursor);
        m_raw->setFocus();
    });
    setEnabled(false);
}

void ConfigEditorWidget::setKeySource(const secrets::KeySourceOptions &options)
{
    m_keyOptions = options;
}

void ConfigEditorWidget::buildForm(QWidget *container)
{
    auto *layout = new QVBoxLayout(container);
    QGroupBox *box = nullptr;
    QFormLayout *form = nullptr;
    bool first = true;
    config::schema::Group group {};
    for (const KeySpec &spec : config::schema::keys()) {
        if (first || spec.group != group) {
            first = false;
            group = spec.group;
            box = new QGroupBox(SchemaTexts::groupTitle(group), container);
            form = new QFormLayout(box);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            layout->addWidget(box);
            if (group == config::schema::Group::EdgeListener) {
                auto *import = new QPushButton(tr("Import keystore…"), box);
                import->setObjectName(QStringLiteral("editorImportKeyStoreButton"));
                connect(import, &QPushButton::clicked, this, &ConfigEditorWidget::importKeyStore);
                form->addRow(QString(), import);
            }
        }
        Field field;
        field.spec = &spec;
        field.form = form;
        field.box = box;
        field.editor = makeEditor(spec);
        field.editor->setParent(box);
        field.editor->setObjectName(QStringLiteral("field:") + spec.path);
        auto *column = new QWidget(box);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->setSpacing(2);
        columnLayout->addWidget(field.editor);
        auto *help = new QLabel(
            SchemaTexts::help(spec) + u' ' + tr("Default: %1.").arg(defaultText(spec)), column);
        help->setWordWrap(true);
        help->setForegroundRole(QPalette::PlaceholderText);
        columnLayout->addWidget(help);
        field.error = new QLabel(column);
        field.error->setObjectName(QStringLiteral("error:") + spec.path);
        field.error->setWordWrap(true);
        field.error->setStyleSheet(QStringLiteral("color: #b00020;"));
        field.error->hide();
        columnLayout->addWidget(field.error);
        // The name first, the key path it is written under as secondary text.
        auto *label = new QLabel(
            QStringLiteral("<b>%1</b><br><small>%2</small>")
                .arg(SchemaTexts::label(spec).toHtmlEscaped(), spec.path.toHtmlEscaped()),
            box);
        label->setObjectName(QStringLiteral("label:") + spec.path);
        label->setTextFormat(Qt::RichText);
        label->setToolTip(spec.fullPath());
        label->setBuddy(field.editor);
        form->addRow(label, column);
        m_fields.insert(spec.path, field);
    }
    layout->addStretch(1);
}

void ConfigEditorWidget::filterFields(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QHash<QGroupBox *, bool> boxShown;
    bool any = false;
    for (const Field &field : std::as_const(m_fields)) {
        const KeySpec &spec = *field.spec;
        const QString haystack
            = QStringList {SchemaTexts::label(spec), spec.label, spec.path, SchemaTexts::help(spec)}
                  .join(u'\n');
        const bool shown = std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
            return haystack.contains(word, Qt::CaseInsensitive);
        });
        field.form->setRowVisible(field.editor->parentWidget(), shown);
        boxShown[field.box] = boxShown.value(field.box) || shown;
        any = any || shown;
    }
    for (auto it = boxShown.cbegin(); it != boxShown.cend(); ++it)
        it.key()->setVisible(it.value());
    m_noMatch->setVisible(!any);
}

ConfigEditorWidget::~ConfigEditorWidget()
{
    for (const Field &field : std::as_const(m_fields)) {
        field.editor->disconnect(this);
        if (auto *combo = qobject_cast<QComboBox *>(field.editor); combo && combo->lineEdit())
            combo->lineEdit()->disconnect(this);
    }
}

QWidget *ConfigEditorWidget::makeEditor(const KeySpec &spec)
{
    if (spec.type == KeyType::Bool) {
        auto *check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, [this, &spec] { fieldEdited(spec); });
        return check;
    }
    if (!spec.choices.isEmpty()) {
        auto *combo = new QComboBox;
        WheelGuard::guard(combo);
        combo->setEditable(!spec.closedChoices);
        combo->addItem(QString());
        combo->addItems(spec.choices);
        connect(combo, &QComboBox::activated, this, [this, &spec] { fieldEdited(spec); });
        if (combo->lineEdit())
            connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
                    [this, &spec] { fieldEdited(spec); });
        return combo;
    }
    auto *edit = new QLineEdit;
    if (spec.secret)
        edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(tr("default: %1").arg(defaultText(spec)));
    connect(edit, &QLineEdit::editingFinished, this, [this, &spec, edit] {
        if (edit->isModified()) {
            edit->setModified(false);
            fieldEdited(spec);
        }
    });
    return edit;
}

QString ConfigEditorWidget::textFromEditor(const Field &field) const
{
    const KeySpec &spec = *field.spec;
    if (auto *check = qobject_cast<QCheckBox *>(field.editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    QString text;
    if (auto *combo = qobject_cast<QComboBox *>(field.editor))
        text = combo->currentText().trimmed();
    else if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        text = spec.secret ? edit->text() : edit->text().trimmed();
    if (text.isEmpty())
        return spec.type == KeyType::StringList ? QStringLiteral("[]") : QStringLiteral("null");
    if (spec.type != KeyType::StringList)
        return text;
    // The form shows a list as "a, b": back to one HOCON list.
    QStringList items;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            items.append(part.trimmed());
    }
    return hoconStringList(items);
}

void ConfigEditorWidget::fieldEdited(const KeySpec &spec)
{
    if (m_updating)
        return;
    const Field field = m_fields.value(spec.path);
    const QString text = textFromEditor(field);
    if (spec.secret && text != u"null") {
        auto *edit = qobject_cast<QLineEdit *>(field.editor);
        Result<void> set = setString(spec.path, edit ? edit->text() : QString());
        if (!set) {
            field.error->setText(set.error().message);
            field.error->show();
        }
        return;
    }
    // Checked as `cxserver config set` checks it; a wrong value is said at the field and
    // not written.
    const Result<QString> literal = config::literalForKey(spec, text);
    Result<void> set = literal ? setValue(spec.path, *literal) : Result<void>(literal.error());
    if (!set) {
        field.error->setText(set.error().message);
        field.error->show();
    }
}

Result<void> ConfigEditorWidget::setValue(const QString &path, const QString &hoconValue)
{
    Result<QByteArray> edited = config::editor::setValue(
        m_text, QString(config::schema::RootKey) + u'.' + path, hoconValue);
    if (!edited)
        return edited.error();
    if (edited.value() != m_text) {
        m_text = std::move(edited).value();
        setModified(m_text != m_savedText);
    }
    refreshFromText(true);
    return {};
}

Result<void> ConfigEditorWidget::setString(const QString &path, const QString &value)
{
    const KeySpec *spec = config::schema::findKey(path);
    if (spec && spec->secret && m_encrypted) {
        if (!m_key)
            return Error(tr("This file stores its secrets encrypted; its key is needed to "
                            "change %1.")
                             .arg(path));
        Result<QString> encrypted = secrets::valuecipher::encrypt(
            *m_key, QString(config::schema::RootKey) + u'.' + path, value);
        if (!encrypted)
            return encrypted.error();
        return setValue(path, hoconString(encrypted.value()));
    }
    return setValue(path, hoconString(value));
}

QByteArray ConfigEditorWidget::plaintextForValidation() const
{
    if (!m_encrypted || !m_key)
        return m_text;
    Result<secrets::configsecrets::Rewrite> decrypted
        = secrets::configsecrets::decryptText(m_text, m_path, *m_key);
    return decrypted ? decrypted->text : m_text;
}

void ConfigEditorWidget::refreshFromText(bool updateRaw)
{
    m_updating = true;
    if (updateRaw) {
        const int position = m_raw->textCursor().position();
        m_raw->setPlainText(QString::fromUtf8(m_text));
        QTextCursor cursor = m_raw->textCursor();
        cursor.setPosition(qMin(position, m_raw->document()->characterCount() - 1));
        m_raw->setTextCursor(cursor);
    }
    const QByteArray plain = plaintextForValidation();
    const QString fileName = m_path.isEmpty() ? QStringLiteral("cxserver.conf") : m_path;
    config::ParseResult parsed = config::parseHoconText(plain, fileName);
    m_diagnostics = config::ConfigDocument(fileName, plain).diagnostics();
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const KeySpec &spec = *it->spec;
        const config::Value *value = nullptr;
        if (parsed.root) {
            QStringList keyPath = config::splitPath(spec.path);
            keyPath.prepend(QString(config::schema::RootKey));
            value = parsed.root->find(keyPath);
        }
        const bool isSet = value && !value->isNull();
        if (auto *check = qobject_cast<QCheckBox *>(it->editor)) {
            const config::Value &shown = isSet ? *value : spec.defaultValue;
            check->setChecked(shown.type() == config::Value::Type::Boolean
                                  ? shown.toBool()
                                  : shown.text() == u"true");
        } else {
            QString text;
            if (isSet && value->type() == config::Value::Type::List) {
                QStringList items;
                for (const config::Value &item : value->items())
                    items.append(item.text());
                text = items.join(QStringLiteral(", "));
            } else if (isSet) {
                text = value->text();
                if (spec.secret && secrets::valuecipher::isEncrypted(text))
                    text.clear(); // not decryptable here: shown empty, never as ENC()
            }
            if (auto *combo = qobject_cast<QComboBox *>(it->editor)) {
                if (combo->isEditable())
                    combo->setEditText(text);
                else
                    combo->setCurrentIndex(qMax(0, combo->findText(text)));
            } else if (auto *edit = qobject_cast<QLineEdit *>(it->editor)) {
                if (edit->text() != text)
                    edit->setText(text);
            }
        }
        it->error->hide();
        it->editor->setStyleSheet(QString());
    }
    m_updating = false;
    showDiagnostics();
}

void ConfigEditorWidget::rawEdited()
{
    const QByteArray edited = m_raw->toPlainText().toUtf8();
    if (edited == m_text)
        return;
    m_text = edited;
    setModified(m_text != m_savedText); // an undo back to the file is no change
    refreshFromText(false);
}

void ConfigEditorWidget::showDiagnostics()
{
    m_diagnosticList->clear();
    QList<QTextEdit::ExtraSelection> selections;
    for (const config::Diagnostic &diagnostic : std::as_const(m_diagnostics)) {
        const bool error = diagnostic.severity == config::Diagnostic::Severity::Error;
        auto *item = new QListWidgetItem(diagnostic.format(), m_diagnosticList);
        item->setData(Qt::UserRole, diagnostic.origin.line);
        item->setForeground(error ? QColor(0xb0, 0x00, 0x20) : QColor(0xa0, 0x5a, 0x00));
        // At the field: the message starts with the key's full path.
        for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
            const QString prefix = it->spec->fullPath() + u':';
            if (diagnostic.message.startsWith(prefix)) {
                it->error->setText(diagnostic.message.mid(prefix.size()).trimmed());
                it->error->show();
                it->editor->setStyleSheet(QStringLiteral("border: 1px solid #b00020;"));
            }
        }
        // At the line of the text view.
        if (diagnostic.origin.line > 0
            && (diagnostic.origin.file.isEmpty() || diagnostic.origin.file == m_path
                || m_path.isEmpty())) {
            QTextEdit::ExtraSelection selection;
            selection.format.setBackground(error ? QColor(0xff, 0xe0, 0xe0)
                                                 : QColor(0xff, 0xf3, 0xd0));
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor
                = QTextCursor(m_raw->document()->findBlockByNumber(diagnostic.origin.line - 1));
            selection.format.setToolTip(diagnostic.message);
            selections.append(selection);
        }
    }
    if (m_diagnostics.isEmpty())
        new QListWidgetItem(tr("No problems found."), m_diagnosticList);
    m_raw->setExtraSelections(selections);
    Q_EMIT diagnosticsChanged();
}

Result<void> ConfigEditorWidget::openFile(const QString &path)
{
    const Result<config::ConfigDocument> opened = config::ConfigDocument::open(path);
    if (!opened)
        return Error(tr("Cannot read %1: %2").arg(path, opened.error().message));
    const QByteArray text = opened->text();
    std::optional<secrets::DataKey> key;
    // The key is needed when the file has ENC() values (decryptText with a null key would
    // fail on the first one); find out by trying to parse for such values.
    const bool encrypted = text.contains("ENC(");
    if (encrypted) {
        secrets::KeySourceOptions options = m_keyOptions;
        options.configPath = QFileInfo(path).absoluteFilePath();
        Result<secrets::LoadedKey> loaded = secrets::loadKey(options);
        if (!loaded) {
            // Without a chosen source the reason names command-line options: not shown.
            const bool chosen = m_keyOptions.keychain || !m_keyOptions.keyFile.isEmpty();
            return Error(chosen ? tr("%1 stores encrypted secrets and their key cannot be "
                                     "read: %2")
                                      .arg(path, loaded.error().message)
                                : tr("%1 stores encrypted secrets, and no key file or keychain "
                                     "holding their key was chosen.")
                                      .arg(path));
        }
        Result<secrets::configsecrets::Rewrite> check
            = secrets::configsecrets::decryptText(text, path, loaded->key);
        if (!check)
            return Error(tr("Cannot decrypt %1: %2").arg(path, check.error().message));
        key = std::move(loaded.value().key);
    }
    m_path = path;
    m_text = text;
    m_savedText = text;
    m_encrypted = encrypted;
    m_key = std::move(key);
    setEnabled(true);
    refreshFromText(true);
    setModified(false);
    return {};
}

Result<void> ConfigEditorWidget::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_path : path;
    if (target.isEmpty())
        return Error(tr("Choose where to save the configuration."));
    // Keeps an existing file's owner, group and mode; a new one as the package lays it out.
    if (const Result<void> written = config::writeConfigFile(target, m_text); !written)
        return Error(tr("Cannot write %1: %2").arg(target, written.error().message));
    m_path = target;
    m_savedText = m_text;
    setModified(false);
    return {};
}

void ConfigEditorWidget::importKeyStore()
{
    Pkcs12ImportDialog dialog(QFileInfo(m_path).absolutePath(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Result<void> set = setString(QStringLiteral("protocol.http-server.ssl.key-store.file"),
                                 dialog.importedPath());
    if (set)
        set = setString(QStringLiteral("protocol.http-server.ssl.key-store.password"),
                        dialog.password());
    if (set)
        set = setValue(QStringLiteral("protocol.ssl.enabled"), QStringLiteral("true"));
    if (!set) {
        auto *item = new QListWidgetItem(set.error().message);
        m_diagnosticList->insertItem(0, item);
    }
}

void ConfigEditorWidget::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

} // namespace cx::configurator
