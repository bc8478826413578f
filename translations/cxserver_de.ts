<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>cxserver</name>
    <message>
        <source>Try &apos;cxserver --help&apos; for more.</source>
        <translation>Mehr dazu: &apos;cxserver --help&apos;.</translation>
    </message>
    <message>
        <source>Read the data key of encrypted secrets from KEY (base64 text, readable by its owner only).</source>
        <translation>Den Datenschlüssel verschlüsselter Geheimnisse aus KEY lesen (Base64-Text, nur für den Eigentümer lesbar).</translation>
    </message>
    <message>
        <source>Read the data key from the OS keychain (service cxserver, entry: the config file&apos;s absolute path).</source>
        <translation>Den Datenschlüssel aus dem Schlüsselbund des Systems lesen (Dienst cxserver, Eintrag: absoluter Pfad der Konfigurationsdatei).</translation>
    </message>
    <message>
        <source>rotate-key: the new key.</source>
        <translation>rotate-key: der neue Schlüssel.</translation>
    </message>
    <message>
        <source>usage: config new-key --key-file KEY, or config new-key --keychain FILE</source>
        <translation>Aufruf: config new-key --key-file KEY oder config new-key --keychain FILE</translation>
    </message>
    <message>
        <source>usage: config %1 FILE [--key-file KEY | --keychain]</source>
        <translation>Aufruf: config %1 FILE [--key-file KEY | --keychain]</translation>
    </message>
    <message>
        <source>config rotate-key needs --new-key-file NEW</source>
        <translation>config rotate-key braucht --new-key-file NEW</translation>
    </message>
    <message>
        <source>Connection Server for active-active IoT platform clusters.

  cxserver --config FILE                  run the service in the foreground
  cxserver --config FILE --check-config   validate FILE: findings on stderr
  cxserver --config FILE --dump-config    print FILE and every default as JSON
  cxserver config set FILE KEY VALUE      change one value in FILE, in place
  cxserver config encrypt|decrypt FILE    encrypt or decrypt FILE&apos;s secrets in place
  cxserver config rotate-key FILE --new-key-file NEW
                                          re-encrypt FILE&apos;s secrets under NEW
  cxserver config new-key --key-file KEY  write a fresh data key (mode 0400)
  cxserver config new-key --keychain FILE store a fresh data key for FILE in the OS
                                          keychain

The data key of encrypted secrets comes from the first of: --key-file KEY;
--keychain; the file named by CXSERVER_KEY_FILE; the systemd credential
$CREDENTIALS_DIRECTORY/cxserver.key. Commands take these options after FILE.

Without --config, the file named by the environment variable CXSERVER_CONFIG is
used. Exit codes: 0 success, 1 bad configuration or usage, 2 a needed resource
(the configuration file, a port, a keystore) could not be had.</source>
        <translation>Connection Server für Aktiv-Aktiv-Cluster von IoT-Plattformen.

  cxserver --config FILE                  den Dienst im Vordergrund ausführen
  cxserver --config FILE --check-config   FILE prüfen: Befunde auf stderr
  cxserver --config FILE --dump-config    FILE mit allen Standardwerten als JSON
  cxserver config set FILE KEY VALUE      einen Wert in FILE direkt ändern
  cxserver config encrypt|decrypt FILE    Geheimnisse in FILE ver- oder entschlüsseln
  cxserver config rotate-key FILE --new-key-file NEW
                                          Geheimnisse in FILE mit NEW neu verschlüsseln
  cxserver config new-key --key-file KEY  neuen Datenschlüssel schreiben (Modus 0400)
  cxserver config new-key --keychain FILE neuen Datenschlüssel für FILE im
                                          Schlüsselbund des Systems ablegen

Der Datenschlüssel verschlüsselter Geheimnisse stammt aus der ersten Quelle von:
--key-file KEY; --keychain; der Datei in CXSERVER_KEY_FILE; dem systemd-Credential
$CREDENTIALS_DIRECTORY/cxserver.key. Befehle nehmen diese Optionen nach FILE.

Ohne --config wird die Datei aus der Umgebungsvariablen CXSERVER_CONFIG verwendet.
Exit-Codes: 0 Erfolg, 1 fehlerhafte Konfiguration oder Aufruf, 2 eine benötigte
Ressource (Konfigurationsdatei, Port, Keystore) war nicht verfügbar.</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>Die Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Validate the configuration and exit.</source>
        <translation>Die Konfiguration prüfen und beenden.</translation>
    </message>
    <message>
        <source>Print the configuration with every default as JSON and exit.</source>
        <translation>Die Konfiguration mit allen Standardwerten als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <source>--config, --check-config and --dump-config do not go with a command</source>
        <translation>--config, --check-config und --dump-config passen nicht zu einem Befehl</translation>
    </message>
    <message>
        <source>--key-file and --keychain go after the command: config COMMAND FILE --key-file KEY</source>
        <translation>--key-file und --keychain stehen nach dem Befehl: config COMMAND FILE --key-file KEY</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>no configuration file: use --config FILE or set CXSERVER_CONFIG</source>
        <translation>keine Konfigurationsdatei: --config FILE angeben oder CXSERVER_CONFIG setzen</translation>
    </message>
    <message>
        <source>--check-config and --dump-config exclude each other</source>
        <translation>--check-config und --dump-config schließen einander aus</translation>
    </message>
    <message>
        <source>%1: configuration OK</source>
        <translation>%1: Konfiguration in Ordnung</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warning)</source>
        <translation>%1: Konfiguration in Ordnung (%2 Warnung)</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warnings)</source>
        <translation>%1: Konfiguration in Ordnung (%2 Warnungen)</translation>
    </message>
    <message>
        <source>secrets: %1 encrypted, key from %2</source>
        <translation>Geheimnisse: %1 verschlüsselt, Schlüssel aus %2</translation>
    </message>
    <message>
        <source>unknown key %1</source>
        <translation>unbekannter Schlüssel %1</translation>
    </message>
    <message>
        <source>unknown key %1; did you mean %2?</source>
        <translation>unbekannter Schlüssel %1; meinten Sie %2?</translation>
    </message>
    <message>
        <source>cannot change %1 in %2: %3</source>
        <translation>%1 in %2 kann nicht geändert werden: %3</translation>
    </message>
    <message>
        <source>%1: %2 secret encrypted (key from %3)</source>
        <translation>%1: %2 Geheimnis verschlüsselt (Schlüssel aus %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets encrypted (key from %3)</source>
        <translation>%1: %2 Geheimnisse verschlüsselt (Schlüssel aus %3)</translation>
    </message>
    <message>
        <source>%1: %2 secret decrypted (key from %3)</source>
        <translation>%1: %2 Geheimnis entschlüsselt (Schlüssel aus %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets decrypted (key from %3)</source>
        <translation>%1: %2 Geheimnisse entschlüsselt (Schlüssel aus %3)</translation>
    </message>
    <message>
        <source>%1: %2 secret re-encrypted (key from %3)</source>
        <translation>%1: %2 Geheimnis neu verschlüsselt (Schlüssel aus %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets re-encrypted (key from %3)</source>
        <translation>%1: %2 Geheimnisse neu verschlüsselt (Schlüssel aus %3)</translation>
    </message>
</context>
</TS>
