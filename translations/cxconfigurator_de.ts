<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>cx::configurator::AppKeyPage</name>
    <message>
        <source>Application key</source>
        <translation>Anwendungsschlüssel</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>App key:</source>
        <translation>App-Key:</translation>
    </message>
    <message>
        <source>How cxserver authenticates to the platform.</source>
        <translation>Wie sich cxserver bei der Plattform anmeldet.</translation>
    </message>
    <message>
        <source>cxserver authenticates its connections to the platform with an application key created in ThingWorx Composer. The key is a secret: choose &quot;Encrypt secrets&quot; on the last page to store it encrypted.</source>
        <translation>cxserver meldet seine Verbindungen zur Plattform mit einem in ThingWorx Composer erstellten Anwendungsschlüssel an. Der Schlüssel ist geheim: Wählen Sie auf der letzten Seite „Geheimnisse verschlüsseln“, um ihn verschlüsselt zu speichern.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigEditorWidget</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Import keystore…</source>
        <translation>Keystore importieren…</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>Standard: %1.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>This file stores its secrets encrypted; its key is needed to change %1.</source>
        <translation>Diese Datei speichert ihre Geheimnisse verschlüsselt; um %1 zu ändern, wird ihr Schlüssel benötigt.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: %2</source>
        <translation>%1 kann nicht entschlüsselt werden: %2</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>Wählen Sie, wo die Konfiguration gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets and their key cannot be read: %2</source>
        <translation>%1 enthält verschlüsselte Geheimnisse, und ihr Schlüssel kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets, and no key file or keychain holding their key was chosen.</source>
        <translation>%1 enthält verschlüsselte Geheimnisse, und es wurde weder eine Schlüsseldatei noch ein Schlüsselbund mit ihrem Schlüssel gewählt.</translation>
    </message>
    <message>
        <source>Search the settings: a name, a key or words of its help</source>
        <translation>Einstellungen durchsuchen: ein Name, ein Schlüssel oder Wörter seiner Hilfe</translation>
    </message>
    <message>
        <source>No setting matches the search.</source>
        <translation>Keine Einstellung passt zur Suche.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigSaver</name>
    <message>
        <source>Choose a key file.</source>
        <translation>Wählen Sie eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The OS keychain cannot be used (%1). Choose a key file instead, or run the configurator in a desktop session with a keyring such as GNOME Keyring.</source>
        <translation>Der Schlüsselbund des Systems kann nicht verwendet werden (%1). Wählen Sie stattdessen eine Schlüsseldatei, oder starten Sie den Konfigurator in einer Desktop-Sitzung mit einem Schlüsselbund wie GNOME Keyring.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigWizard</name>
    <message>
        <source>New cxserver configuration</source>
        <translation>Neue cxserver-Konfiguration</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>Wählen Sie, wo die Konfiguration gespeichert werden soll.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::EdgeTlsPage</name>
    <message>
        <source>Edge listener TLS</source>
        <translation>TLS für Edge-Verbindungen</translation>
    </message>
    <message>
        <source>Use TLS for edge connections (recommended)</source>
        <translation>TLS für Edge-Verbindungen verwenden (empfohlen)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Keystore:</source>
        <translation>Keystore:</translation>
    </message>
    <message>
        <source>Keystore password:</source>
        <translation>Keystore-Passwort:</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.</source>
        <translation>Zertifikat für %1, gültig bis %2.</translation>
    </message>
    <message>
        <source>Edge devices connect with wss:// when TLS is on.</source>
        <translation>Mit TLS verbinden sich Edge-Geräte über wss://.</translation>
    </message>
    <message>
        <source>The listener&apos;s certificate and private key come from a PKCS#12 keystore. It is copied next to the saved configuration, readable by its owner and the service&apos;s group (cxserver) only.</source>
        <translation>Zertifikat und privater Schlüssel des Listeners stammen aus einem PKCS#12-Keystore. Er wird neben die gespeicherte Konfiguration kopiert und ist nur für seinen Eigentümer und die Gruppe des Dienstes (cxserver) lesbar.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::MainWindow</name>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Live status</source>
        <translation>Live-Status</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New configuration…</source>
        <translation>&amp;Neue Konfiguration…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Key file for encrypted secrets…</source>
        <translation>Schlüssel&amp;datei für verschlüsselte Geheimnisse…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Import edge keystore…</source>
        <translation>Edge-Keystore &amp;importieren…</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>%1[*] — cxserver configurator</source>
        <translation>%1[*] — cxserver-Konfigurator</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>cxserver-Konfiguration (*.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Encrypted configuration</source>
        <translation>Verschlüsselte Konfiguration</translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation>Die Konfiguration kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>Save with errors?</source>
        <translation>Mit Fehlern speichern?</translation>
    </message>
    <message>
        <source>cxserver will not start with this configuration: it has errors. Save anyway?</source>
        <translation>Mit dieser Konfiguration startet cxserver nicht, denn sie enthält Fehler. Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>Schlüsseldateien (*.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>Änderungen an %1 zuerst speichern?</translation>
    </message>
    <message>
        <source>&amp;Use the OS keychain for encrypted secrets</source>
        <translation>Schlüsselbund des Systems für verschlüsselte Geheimnisse &amp;verwenden</translation>
    </message>
    <message>
        <source>%1

Choose the key file they were encrypted with. If they were encrypted with the OS keychain, cancel and turn on File ▸ Use the OS keychain.</source>
        <translation>%1

Wählen Sie die Schlüsseldatei, mit der sie verschlüsselt wurden. Wurden sie mit dem Schlüsselbund des Systems verschlüsselt, brechen Sie ab und aktivieren Sie Datei ▸ Schlüsselbund des Systems verwenden.</translation>
    </message>
    <message>
        <source>S&amp;tart page</source>
        <translation>S&amp;tartseite</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ModePage</name>
    <message>
        <source>Platform deployment</source>
        <translation>Plattform-Bereitstellung</translation>
    </message>
    <message>
        <source>A single platform, or a fixed list of platform instances</source>
        <translation>Eine einzelne Plattform oder eine feste Liste von Plattforminstanzen</translation>
    </message>
    <message>
        <source>A high-availability cluster whose instances register in ZooKeeper</source>
        <translation>Ein Hochverfügbarkeits-Cluster, dessen Instanzen sich in ZooKeeper registrieren</translation>
    </message>
    <message>
        <source>cxserver connects to the URLs you list and uses them in turn.</source>
        <translation>cxserver verbindet sich mit den angegebenen URLs und verwendet sie abwechselnd.</translation>
    </message>
    <message>
        <source>cxserver discovers the instances of an active-active cluster in ZooKeeper and follows them as they come and go.</source>
        <translation>cxserver findet die Instanzen eines Aktiv-Aktiv-Clusters in ZooKeeper und folgt ihnen, wenn sie hinzukommen oder wegfallen.</translation>
    </message>
    <message>
        <source>How is the ThingWorx platform deployed?</source>
        <translation>Wie ist die ThingWorx-Plattform bereitgestellt?</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12ImportDialog</name>
    <message>
        <source>Import PKCS#12 keystore</source>
        <translation>PKCS#12-Keystore importieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Keystore file:</source>
        <translation>Keystore-Datei:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 keystore</source>
        <translation>PKCS#12-Keystore wählen</translation>
    </message>
    <message>
        <source>PKCS#12 keystores (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-Keystores (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>DNS names</source>
        <translation>DNS-Namen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP-Adressen</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>no further certificates</source>
        <translation>keine weiteren Zertifikate</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12Inspector</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 keystore.</source>
        <translation>%1 ist kein PKCS#12-Keystore.</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>Falsches Passwort für %1.</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: it uses an algorithm this system does not support.</source>
        <translation>%1 kann nicht entschlüsselt werden: Die Datei verwendet einen Algorithmus, den dieses System nicht unterstützt.</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>Das Zertifikat ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet: it becomes valid on %1.</source>
        <translation>Das Zertifikat ist noch nicht gültig: Es wird am %1 gültig.</translation>
    </message>
    <message>
        <source>The certificate has no subject alternative names: clients that check host names will refuse it.</source>
        <translation>Das Zertifikat hat keine alternativen Inhabernamen (SAN): Clients, die Hostnamen prüfen, lehnen es ab.</translation>
    </message>
    <message>
        <source>The keystore holds no certificate.</source>
        <translation>Der Keystore enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The keystore holds no private key: the edge listener cannot use it.</source>
        <translation>Der Keystore enthält keinen privaten Schlüssel: Der Edge-Listener kann ihn nicht verwenden.</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits; use at least 2048.</source>
        <translation>Der RSA-Schlüssel hat nur %1 Bit; verwenden Sie mindestens 2048.</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1 kann nicht nach %2 kopiert werden.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformTlsPage</name>
    <message>
        <source>Platform TLS</source>
        <translation>Plattform-TLS</translation>
    </message>
    <message>
        <source>Connect to discovered instances with TLS (wss:// on their SSL port)</source>
        <translation>Mit gefundenen Instanzen über TLS verbinden (wss:// auf ihrem SSL-Port)</translation>
    </message>
    <message>
        <source>Check that each certificate names the address connected to (host name validation)</source>
        <translation>Prüfen, dass jedes Zertifikat die verbundene Adresse nennt (Hostnamen-Prüfung)</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>leer: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>only for a PKCS#12 trust store</source>
        <translation>nur für einen PKCS#12-Truststore</translation>
    </message>
    <message>
        <source>Trust store:</source>
        <translation>Truststore:</translation>
    </message>
    <message>
        <source>Trust store password:</source>
        <translation>Truststore-Passwort:</translation>
    </message>
    <message>
        <source>Choose a trust store</source>
        <translation>Truststore wählen</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.p12 *.pfx *.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Without host name validation any certificate from a trusted authority is accepted for any instance. Turn it off for tests only; cxserver logs a warning at every start.</source>
        <translation>Ohne Hostnamen-Prüfung wird jedes Zertifikat einer vertrauenswürdigen Stelle für jede Instanz akzeptiert. Schalten Sie sie nur für Tests ab; cxserver protokolliert bei jedem Start eine Warnung.</translation>
    </message>
    <message>
        <source>Discovered instances are reached by the IP address they register in ZooKeeper: each platform certificate needs that IP address in its Subject Alternative Name (IP SAN), or the connection is refused.</source>
        <translation>Gefundene Instanzen werden über die IP-Adresse erreicht, die sie in ZooKeeper registrieren: Jedes Plattformzertifikat braucht diese IP-Adresse in seinem alternativen Inhabernamen (IP SAN), sonst wird die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>How cxserver checks the platform&apos;s certificates.</source>
        <translation>Wie cxserver die Zertifikate der Plattform prüft.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformsPage</name>
    <message>
        <source>Platform instances</source>
        <translation>Plattforminstanzen</translation>
    </message>
    <message>
        <source>One WebSocket URL per line: ws://host:port/Thingworx/WS, or wss:// for TLS. Several instances are used in turn.</source>
        <translation>Eine WebSocket-URL pro Zeile: ws://host:port/Thingworx/WS, oder wss:// für TLS. Mehrere Instanzen werden abwechselnd verwendet.</translation>
    </message>
    <message>
        <source>Test reachability</source>
        <translation>Erreichbarkeit testen</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// URL with a host and a port: %1</source>
        <translation>Keine ws://- oder wss://-URL mit Host und Port: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>The platform instances cxserver connects to.</source>
        <translation>Die Plattforminstanzen, mit denen sich cxserver verbindet.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PortsPage</name>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Edge port:</source>
        <translation>Edge-Port:</translation>
    </message>
    <message>
        <source>Edge listen address:</source>
        <translation>Edge-Adresse:</translation>
    </message>
    <message>
        <source>Health and metrics port:</source>
        <translation>Port für Health und Metriken:</translation>
    </message>
    <message>
        <source>Status socket:</source>
        <translation>Status-Socket:</translation>
    </message>
    <message>
        <source>Listen address 0.0.0.0 accepts every IPv4 address, :: every address. A status socket name without / is placed by the system; the Linux package uses /run/cxserver/cxserver.sock.</source>
        <translation>Die Adresse 0.0.0.0 nimmt Verbindungen an jeder IPv4-Adresse an, :: an jeder Adresse. Einen Status-Socket-Namen ohne / legt das System ab; das Linux-Paket verwendet /run/cxserver/cxserver.sock.</translation>
    </message>
    <message>
        <source>The listen address must be an IP address or &quot;localhost&quot;.</source>
        <translation>Die Adresse muss eine IP-Adresse oder „localhost“ sein.</translation>
    </message>
    <message>
        <source>The edge port and the health port must differ.</source>
        <translation>Edge-Port und Health-Port müssen verschieden sein.</translation>
    </message>
    <message>
        <source>Where cxserver listens.</source>
        <translation>Wo cxserver Verbindungen annimmt.</translation>
    </message>
    <message>
        <source>Enter the status socket&apos;s name or path.</source>
        <translation>Geben Sie Namen oder Pfad des Status-Sockets ein.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReachabilityProbe</name>
    <message>
        <source>no answer (timed out)</source>
        <translation>keine Antwort (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>not a ws:// or wss:// URL</source>
        <translation>keine ws://- oder wss://-URL</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>Enter at least one platform URL.</source>
        <translation>Geben Sie mindestens eine Plattform-URL ein.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>Prüfen und speichern</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Encrypt secrets (app key, passwords)</source>
        <translation>Geheimnisse verschlüsseln (App-Key, Passwörter)</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>created when missing, e.g. /etc/cxserver/cxserver.key</source>
        <translation>wird bei Bedarf angelegt, z. B. /etc/cxserver/cxserver.key</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>cxserver-Konfiguration (*.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
    <message>
        <source>The file that will be written; secret values are hidden here.</source>
        <translation>Die Datei, die geschrieben wird; geheime Werte sind hier verborgen.</translation>
    </message>
    <message>
        <source>Replace the configuration?</source>
        <translation>Konfiguration ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this configuration? Its owner, group and permissions are kept.</source>
        <translation>%1 existiert bereits. Durch diese Konfiguration ersetzen? Eigentümer, Gruppe und Berechtigungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>where to save it, e.g. /etc/cxserver/cxserver.conf</source>
        <translation>wohin speichern, z. B. /etc/cxserver/cxserver.conf</translation>
    </message>
</context>
<context>
    <name>cx::configurator::SchemaTexts</name>
    <message>
        <source>Platform connection</source>
        <translation>Plattformverbindung</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <source>Platform pipes and requests</source>
        <translation>Plattform-Pipes und Anfragen</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Edge listener</source>
        <translation>Edge-Listener</translation>
    </message>
    <message>
        <source>Platform TLS</source>
        <translation>Plattform-TLS</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>&quot;websockets_active_active&quot; for an HA cluster, else &quot;websockets&quot;; it only chooses the default discovery plugin.</source>
        <translation>„websockets_active_active“ für einen HA-Cluster, sonst „websockets“; bestimmt nur das Standard-Discovery-Plugin.</translation>
    </message>
    <message>
        <source>The app key cxserver authenticates its platform pipes with (a secret).</source>
        <translation>Der App-Key, mit dem cxserver seine Plattform-Pipes anmeldet (geheim).</translation>
    </message>
    <message>
        <source>Static platform instances, each ws://host:port/Thingworx/WS or wss://...; several are used round-robin.</source>
        <translation>Feste Plattforminstanzen, jeweils ws://host:port/Thingworx/WS oder wss://...; mehrere werden reihum verwendet.</translation>
    </message>
    <message>
        <source>Discover platform instances in ZooKeeper instead of using the static platforms list.</source>
        <translation>Plattforminstanzen in ZooKeeper finden, statt die feste Liste zu verwenden.</translation>
    </message>
    <message>
        <source>Service name the platform instances register under; &quot;thingworx-https&quot; is usual with TLS.</source>
        <translation>Dienstname, unter dem sich die Plattforminstanzen registrieren; mit TLS ist „thingworx-https“ üblich.</translation>
    </message>
    <message>
        <source>Discovery plugin id; null: &quot;zookeeper&quot; when service discovery is enabled (or, when that is not set, for platform.transport &quot;websockets_active_active&quot;), else &quot;static&quot;.</source>
        <translation>ID des Discovery-Plugins; null: „zookeeper“, wenn Service-Discovery aktiviert ist (oder, falls nicht gesetzt, bei platform.transport „websockets_active_active“), sonst „static“.</translation>
    </message>
    <message>
        <source>The ZooKeeper ensemble, such as &quot;zk1:2181,zk2:2181,zk3:2181&quot;.</source>
        <translation>Das ZooKeeper-Ensemble, etwa „zk1:2181,zk2:2181,zk3:2181“.</translation>
    </message>
    <message>
        <source>ZooKeeper path the services are registered under; must match the cluster&apos;s namespace.</source>
        <translation>ZooKeeper-Pfad, unter dem die Dienste registriert sind; muss zum Namensraum des Clusters passen.</translation>
    </message>
    <message>
        <source>ZooKeeper session timeout.</source>
        <translation>Sitzungs-Timeout für ZooKeeper.</translation>
    </message>
    <message>
        <source>ZooKeeper authentication scheme, such as &quot;digest&quot;; null: none.</source>
        <translation>ZooKeeper-Authentifizierungsschema, etwa „digest“; null: keines.</translation>
    </message>
    <message>
        <source>Credentials for that scheme, such as &quot;user:password&quot; for digest (a secret).</source>
        <translation>Zugangsdaten für dieses Schema, etwa „user:password“ bei digest (geheim).</translation>
    </message>
    <message>
        <source>Kerberos configuration file (krb5.conf) for SASL.</source>
        <translation>Kerberos-Konfigurationsdatei (krb5.conf) für SASL.</translation>
    </message>
    <message>
        <source>Milliseconds an edge has to send AUTH after it connects.</source>
        <translation>Millisekunden, die ein Edge nach dem Verbinden für AUTH hat.</translation>
    </message>
    <message>
        <source>Milliseconds a request waits for the platform&apos;s response before the edge gets 0xA4 (gateway timeout).</source>
        <translation>Millisekunden, die eine Anfrage auf die Antwort der Plattform wartet, bevor der Edge 0xA4 (Gateway-Timeout) erhält.</translation>
    </message>
    <message>
        <source>WebSockets cxserver opens to each platform instance.</source>
        <translation>WebSockets, die cxserver zu jeder Plattforminstanz öffnet.</translation>
    </message>
    <message>
        <source>Milliseconds one platform pipe may take to connect.</source>
        <translation>Millisekunden, die eine Plattform-Pipe zum Verbinden brauchen darf.</translation>
    </message>
    <message>
        <source>How often cxserver pings each platform pipe.</source>
        <translation>Wie oft cxserver jede Plattform-Pipe anpingt.</translation>
    </message>
    <message>
        <source>A platform pipe or an edge that sends nothing for this long is closed.</source>
        <translation>Eine Plattform-Pipe oder ein Edge, der so lange nichts sendet, wird geschlossen.</translation>
    </message>
    <message>
        <source>A pipe holding more unsent bytes than this takes no new requests.</source>
        <translation>Eine Pipe mit mehr ungesendeten Bytes als diesen nimmt keine neuen Anfragen an.</translation>
    </message>
    <message>
        <source>Such a pipe takes requests again once its unsent bytes are down to this.</source>
        <translation>Eine solche Pipe nimmt wieder Anfragen an, sobald ihre ungesendeten Bytes auf diesen Wert gesunken sind.</translation>
    </message>
    <message>
        <source>Largest message accepted from an edge; a larger one closes its WebSocket (1009).</source>
        <translation>Größte von einem Edge angenommene Nachricht; eine größere schließt seinen WebSocket (1009).</translation>
    </message>
    <message>
        <source>Routing plugin id: which connected instance gets the next request.</source>
        <translation>ID des Routing-Plugins: welche verbundene Instanz die nächste Anfrage erhält.</translation>
    </message>
    <message>
        <source>TCP port edges connect to; 0 takes any free port (for tests).</source>
        <translation>TCP-Port, mit dem sich Edges verbinden; 0 nimmt einen freien Port (für Tests).</translation>
    </message>
    <message>
        <source>IP address the edge listener binds to, or &quot;localhost&quot;; &quot;0.0.0.0&quot; is every IPv4 address, &quot;::&quot; every address.</source>
        <translation>IP-Adresse, an die der Edge-Listener bindet, oder „localhost“; „0.0.0.0“ ist jede IPv4-Adresse, „::“ jede Adresse.</translation>
    </message>
    <message>
        <source>TLS on the edge listener: edges connect with wss://.</source>
        <translation>TLS am Edge-Listener: Edges verbinden sich über wss://.</translation>
    </message>
    <message>
        <source>PKCS#12 keystore holding the edge listener&apos;s certificate and key.</source>
        <translation>PKCS#12-Keystore mit Zertifikat und Schlüssel des Edge-Listeners.</translation>
    </message>
    <message>
        <source>Password of that keystore; null when it has none (a secret).</source>
        <translation>Passwort dieses Keystores; null, wenn er keines hat (geheim).</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort.</source>
        <translation>Mit gefundenen Instanzen über wss:// auf ihrem sslPort verbinden.</translation>
    </message>
    <message>
        <source>Check that a platform&apos;s certificate names the address connected to; turn off for tests only.</source>
        <translation>Prüfen, dass das Zertifikat einer Plattform die verbundene Adresse nennt; nur für Tests abschalten.</translation>
    </message>
    <message>
        <source>Certificates (PKCS#12 or PEM) that platform certificates are verified against; null: the system CAs.</source>
        <translation>Zertifikate (PKCS#12 oder PEM), gegen die Plattformzertifikate geprüft werden; null: die Zertifizierungsstellen des Systems.</translation>
    </message>
    <message>
        <source>Password of a PKCS#12 trust store (a secret).</source>
        <translation>Passwort eines PKCS#12-Truststores (geheim).</translation>
    </message>
    <message>
        <source>HTTP port of /health and /metrics; 0 turns them off.</source>
        <translation>HTTP-Port von /health und /metrics; 0 schaltet sie ab.</translation>
    </message>
    <message>
        <source>Status socket: a bare name is placed by the system (temp dir on Unix, \\.\pipe\NAME on Windows), a value with / is a socket path.</source>
        <translation>Status-Socket: Einen einfachen Namen legt das System ab (Temp-Verzeichnis unter Unix, \\.\pipe\NAME unter Windows), ein Wert mit / ist ein Socket-Pfad.</translation>
    </message>
    <message>
        <source>Event-loop threads that own edge connections; 0: one per CPU core.</source>
        <translation>Event-Loop-Threads, die die Edge-Verbindungen halten; 0: einer pro CPU-Kern.</translation>
    </message>
    <message>
        <source>Folder the discovery and routing plugins are loaded from; null: the folder of the cxserver executable.</source>
        <translation>Ordner, aus dem Discovery- und Routing-Plugins geladen werden; null: der Ordner der cxserver-Programmdatei.</translation>
    </message>
    <message>
        <source>On SIGTERM, how long requests in flight may take to finish before they fail and cxserver exits (/health reports 503 meanwhile).</source>
        <translation>Wie lange laufende Anfragen nach SIGTERM noch dauern dürfen, bevor sie fehlschlagen und cxserver endet (/health meldet währenddessen 503).</translation>
    </message>
    <message>
        <source>Least severe messages logged: debug, info, warning, critical or off. Changes with a reload.</source>
        <translation>Geringste protokollierte Schwere: debug, info, warning, critical oder off. Änderbar per Reload.</translation>
    </message>
    <message>
        <source>Per-category levels that override logging.level, such as [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]. Changes with a reload.</source>
        <translation>Stufen je Kategorie, die logging.level überschreiben, etwa [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]. Änderbar per Reload.</translation>
    </message>
    <message>
        <source>Platform transport</source>
        <translation>Plattform-Transport</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>App-Key</translation>
    </message>
    <message>
        <source>Static platform instances</source>
        <translation>Statische Plattforminstanzen</translation>
    </message>
    <message>
        <source>Discover instances in ZooKeeper</source>
        <translation>Instanzen in ZooKeeper finden</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Dienstname</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>Erlaubte Netze</translation>
    </message>
    <message>
        <source>Most instances</source>
        <translation>Höchstzahl Instanzen</translation>
    </message>
    <message>
        <source>Discovery plugin</source>
        <translation>Discovery-Plugin</translation>
    </message>
    <message>
        <source>ZooKeeper servers</source>
        <translation>ZooKeeper-Server</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>Basispfad</translation>
    </message>
    <message>
        <source>Session timeout</source>
        <translation>Sitzungs-Timeout</translation>
    </message>
    <message>
        <source>Authentication scheme</source>
        <translation>Authentifizierungsschema</translation>
    </message>
    <message>
        <source>Authentication credentials</source>
        <translation>Anmeldedaten</translation>
    </message>
    <message>
        <source>SASL authentication</source>
        <translation>SASL-Authentifizierung</translation>
    </message>
    <message>
        <source>Kerberos configuration file</source>
        <translation>Kerberos-Konfigurationsdatei</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>JAAS-Datei</translation>
    </message>
    <message>
        <source>Edge authentication timeout</source>
        <translation>Timeout der Edge-Authentifizierung</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Anfrage-Timeout</translation>
    </message>
    <message>
        <source>Pipes per instance</source>
        <translation>Pipes pro Instanz</translation>
    </message>
    <message>
        <source>Pipe connect timeout</source>
        <translation>Verbindungs-Timeout der Pipes</translation>
    </message>
    <message>
        <source>Ping interval</source>
        <translation>Ping-Intervall</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Leerlauf-Timeout</translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation>Obere Füllmarke</translation>
    </message>
    <message>
        <source>Low watermark</source>
        <translation>Untere Füllmarke</translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation>Größte Nachricht</translation>
    </message>
    <message>
        <source>Most edge connections</source>
        <translation>Höchstzahl Edge-Verbindungen</translation>
    </message>
    <message>
        <source>Most handshakes at once</source>
        <translation>Höchstzahl gleichzeitiger Handshakes</translation>
    </message>
    <message>
        <source>Most requests per edge</source>
        <translation>Höchstzahl Anfragen pro Edge</translation>
    </message>
    <message>
        <source>Edge send buffer</source>
        <translation>Sendepuffer pro Edge</translation>
    </message>
    <message>
        <source>Most tunnels</source>
        <translation>Höchstzahl Tunnel</translation>
    </message>
    <message>
        <source>Tunnel idle timeout</source>
        <translation>Leerlauf-Timeout der Tunnel</translation>
    </message>
    <message>
        <source>Routing plugin</source>
        <translation>Routing-Plugin</translation>
    </message>
    <message>
        <source>Edge port</source>
        <translation>Edge-Port</translation>
    </message>
    <message>
        <source>Edge address</source>
        <translation>Edge-Adresse</translation>
    </message>
    <message>
        <source>Edge TLS</source>
        <translation>Edge-TLS</translation>
    </message>
    <message>
        <source>Edge keystore</source>
        <translation>Edge-Keystore</translation>
    </message>
    <message>
        <source>Edge keystore password</source>
        <translation>Passwort des Edge-Keystores</translation>
    </message>
    <message>
        <source>Lowest TLS version</source>
        <translation>Niedrigste TLS-Version</translation>
    </message>
    <message>
        <source>TLS 1.2 ciphers</source>
        <translation>TLS-1.2-Cipher</translation>
    </message>
    <message>
        <source>TLS 1.3 cipher suites</source>
        <translation>TLS-1.3-Cipher-Suites</translation>
    </message>
    <message>
        <source>TLS to discovered instances</source>
        <translation>TLS zu gefundenen Instanzen</translation>
    </message>
    <message>
        <source>Host name validation</source>
        <translation>Prüfung des Hostnamens</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>Truststore</translation>
    </message>
    <message>
        <source>Trust store password</source>
        <translation>Truststore-Passwort</translation>
    </message>
    <message>
        <source>Health port</source>
        <translation>Health-Port</translation>
    </message>
    <message>
        <source>Health address</source>
        <translation>Health-Adresse</translation>
    </message>
    <message>
        <source>Status socket</source>
        <translation>Status-Socket</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Worker-Threads</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>Plugin-Ordner</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>Drain-Timeout</translation>
    </message>
    <message>
        <source>Health grace period</source>
        <translation>Health-Karenzzeit</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Log-Level</translation>
    </message>
    <message>
        <source>Log rules</source>
        <translation>Log-Regeln</translation>
    </message>
    <message>
        <source>Networks (CIDR, such as &quot;10.0.0.0/8&quot;) a discovered instance&apos;s address must be in to be dialled; empty: any address but link-local, multicast and unspecified ones.</source>
        <translation>Netze (CIDR, etwa „10.0.0.0/8“), in denen die Adresse einer gefundenen Instanz liegen muss, damit sie angewählt wird; leer: jede Adresse außer Link-Local, Multicast und unspezifizierten.</translation>
    </message>
    <message>
        <source>Most discovered instances dialled at once; further ones are skipped with a warning.</source>
        <translation>Höchstzahl gleichzeitig angewählter gefundener Instanzen; weitere werden mit einer Warnung übersprungen.</translation>
    </message>
    <message>
        <source>Edge connections one cxserver holds at most; a connection beyond it is closed at once and counted.</source>
        <translation>Höchstzahl der Edge-Verbindungen, die ein cxserver hält; eine Verbindung darüber hinaus wird sofort geschlossen und gezählt.</translation>
    </message>
    <message>
        <source>Edge connections still in their TLS or WebSocket handshake at most; a connection beyond it is closed at once and counted.</source>
        <translation>Höchstzahl der Edge-Verbindungen, die sich noch im TLS- oder WebSocket-Handshake befinden; eine Verbindung darüber hinaus wird sofort geschlossen und gezählt.</translation>
    </message>
    <message>
        <source>Requests one edge may have in flight; a request beyond it is answered 0xA0 (too many requests in flight).</source>
        <translation>Anfragen, die ein Edge gleichzeitig offen haben darf; eine Anfrage darüber hinaus wird mit 0xA0 beantwortet (zu viele offene Anfragen).</translation>
    </message>
    <message>
        <source>Bytes queued toward one edge (responses, platform requests, pongs, close frames) beyond which an edge that does not read is dropped; at least one largest message plus highWaterMark is always allowed.</source>
        <translation>Bytes in der Warteschlange zu einem Edge (Antworten, Plattformanfragen, Pongs, Close-Frames), ab denen ein Edge, das nicht liest, getrennt wird; mindestens eine größte Nachricht plus highWaterMark ist immer erlaubt.</translation>
    </message>
    <message>
        <source>Remote-access tunnels one cxserver relays at once; a tunnel beyond it is refused with 503.</source>
        <translation>Fernzugriffstunnel, die ein cxserver gleichzeitig weiterleitet; ein Tunnel darüber hinaus wird mit 503 abgelehnt.</translation>
    </message>
    <message>
        <source>A tunnel with no frame from either side (pings count) for this long is closed (1001).</source>
        <translation>Ein Tunnel, über den so lange von keiner Seite ein Frame kommt (Pings zählen), wird geschlossen (1001).</translation>
    </message>
    <message>
        <source>Oldest TLS version an edge may use: &quot;TLSv1.2&quot; or &quot;TLSv1.3&quot;.</source>
        <translation>Älteste TLS-Version, die ein Edge verwenden darf: „TLSv1.2“ oder „TLSv1.3“.</translation>
    </message>
    <message>
        <source>OpenSSL cipher list for TLS 1.2 edges; the default allows ECDHE key exchange with AEAD ciphers only (forward secrecy).</source>
        <translation>OpenSSL-Cipher-Liste für TLS-1.2-Edges; der Standard erlaubt nur ECDHE-Schlüsselaustausch mit AEAD-Ciphern (Forward Secrecy).</translation>
    </message>
    <message>
        <source>OpenSSL cipher suites for TLS 1.3 edges; null: OpenSSL&apos;s default.</source>
        <translation>OpenSSL-Cipher-Suites für TLS-1.3-Edges; null: der Standard von OpenSSL.</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort; false sends the app key in clear text (a warning unless the instances are on loopback).</source>
        <translation>Mit gefundenen Instanzen per wss:// über ihren sslPort verbinden; false sendet den App-Key im Klartext (eine Warnung, außer die Instanzen liegen auf Loopback).</translation>
    </message>
    <message>
        <source>IP address the health and metrics listener binds to (its own, not the edges&apos;); a load balancer on another host needs it set.</source>
        <translation>IP-Adresse, an die der Health- und Metrik-Listener bindet (seine eigene, nicht die der Edges); ein Load Balancer auf einem anderen Host braucht sie gesetzt.</translation>
    </message>
    <message>
        <source>Status socket: a value with / is a socket path; a bare name goes to $XDG_RUNTIME_DIR/NAME, else to &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (a private folder created 0700), or \\.\pipe\NAME on Windows.</source>
        <translation>Status-Socket: Ein Wert mit / ist ein Socket-Pfad; ein bloßer Name kommt nach $XDG_RUNTIME_DIR/NAME, sonst nach &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (ein privater Ordner, mit 0700 angelegt), oder \\.\pipe\NAME unter Windows.</translation>
    </message>
    <message>
        <source>On SIGTERM, how long /health answers 503 while edges are still served and accepted, so that the load balancer moves new edges away before the listener closes and the drain begins; 0: no grace.</source>
        <translation>Bei SIGTERM, wie lange /health mit 503 antwortet, während Edges noch bedient und angenommen werden, damit der Load Balancer neue Edges umleitet, bevor der Listener schließt und das Drain beginnt; 0: keine Karenzzeit.</translation>
    </message>
    <message>
        <source>Authenticate to ZooKeeper with SASL (Kerberos or DIGEST-MD5); the login comes from the JAAS file&apos;s Client section.</source>
        <translation>Bei ZooKeeper mit SASL anmelden (Kerberos oder DIGEST-MD5); die Anmeldedaten stehen im Client-Abschnitt der JAAS-Datei.</translation>
    </message>
    <message>
        <source>&quot;GSSAPI&quot; (Kerberos, a keytab) or &quot;DIGEST-MD5&quot; (a username and password).</source>
        <translation>&quot;GSSAPI&quot; (Kerberos, eine Keytab) oder &quot;DIGEST-MD5&quot; (Benutzername und Passwort).</translation>
    </message>
    <message>
        <source>The service part of ZooKeeper&apos;s Kerberos principal (zookeeper/HOST@REALM).</source>
        <translation>Der Dienstteil des Kerberos-Prinzipals von ZooKeeper (zookeeper/HOST@REALM).</translation>
    </message>
    <message>
        <source>JAAS file whose Client section gives the SASL login, as for ZooKeeper&apos;s Java client: Krb5LoginModule with principal and keyTab, or DigestLoginModule with username and password.</source>
        <translation>JAAS-Datei, deren Client-Abschnitt die SASL-Anmeldung enthält, wie beim Java-Client von ZooKeeper: Krb5LoginModule mit principal und keyTab oder DigestLoginModule mit username und password.</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL-Mechanismus</translation>
    </message>
    <message>
        <source>SASL service name</source>
        <translation>SASL-Dienstname</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper</source>
        <translation>TLS zu ZooKeeper</translation>
    </message>
    <message>
        <source>ZooKeeper trust store</source>
        <translation>ZooKeeper-Truststore</translation>
    </message>
    <message>
        <source>ZooKeeper client key store</source>
        <translation>ZooKeeper-Client-Keystore</translation>
    </message>
    <message>
        <source>ZooKeeper key store password</source>
        <translation>Passwort des ZooKeeper-Keystores</translation>
    </message>
    <message>
        <source>Connect to ZooKeeper&apos;s secureClientPort with TLS; the server&apos;s name is validated.</source>
        <translation>Mit TLS zum secureClientPort von ZooKeeper verbinden; der Name des Servers wird geprüft.</translation>
    </message>
    <message>
        <source>PEM file of the CA certificates ZooKeeper&apos;s certificate is verified against; null: the system CAs.</source>
        <translation>PEM-Datei der CA-Zertifikate, gegen die das Zertifikat von ZooKeeper geprüft wird; null: die System-CAs.</translation>
    </message>
    <message>
        <source>PKCS#12 key store of the client certificate ZooKeeper asks for by default; null: none.</source>
        <translation>PKCS#12-Keystore des Client-Zertifikats, das ZooKeeper standardmäßig verlangt; null: keines.</translation>
    </message>
    <message>
        <source>Password of that key store (a secret).</source>
        <translation>Passwort dieses Keystores (ein Geheimnis).</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ServiceAccess</name>
    <message>
        <source>The service cannot read it</source>
        <translation>Der Dienst kann sie nicht lesen</translation>
    </message>
    <message>
        <source>Saved, but cxserver runs as %1 and could not read:

%2

Give its group read access, e.g.: sudo chgrp %1 FILE &amp;&amp; sudo chmod g+r FILE</source>
        <translation>Gespeichert, aber cxserver läuft als %1 und könnte nicht lesen:

%2

Geben Sie seiner Gruppe Lesezugriff, z. B.: sudo chgrp %1 DATEI &amp;&amp; sudo chmod g+r DATEI</translation>
    </message>
</context>
<context>
    <name>cx::configurator::StartPage</name>
    <message>
        <source>cxserver configurator</source>
        <translation>cxserver-Konfigurator</translation>
    </message>
    <message>
        <source>Write the configuration of a cxserver, change it safely, and watch the cxservers of a cluster while they run.</source>
        <translation>Die Konfiguration eines cxserver schreiben, sicher ändern und die cxserver eines Clusters im Betrieb beobachten.</translation>
    </message>
    <message>
        <source>New configuration</source>
        <translation>Neue Konfiguration</translation>
    </message>
    <message>
        <source>A wizard asks for the platform instances, the app key and TLS, and writes a complete, checked cxserver.conf.</source>
        <translation>Ein Assistent fragt nach den Plattforminstanzen, dem App-Key und TLS und schreibt eine vollständige, geprüfte cxserver.conf.</translation>
    </message>
    <message>
        <source>Open a configuration…</source>
        <translation>Konfiguration öffnen…</translation>
    </message>
    <message>
        <source>Edit an existing cxserver.conf; its comments are kept.</source>
        <translation>Eine vorhandene cxserver.conf bearbeiten; ihre Kommentare bleiben erhalten.</translation>
    </message>
    <message>
        <source>Open the service&apos;s configuration</source>
        <translation>Konfiguration des Dienstes öffnen</translation>
    </message>
    <message>
        <source>Watch a running cluster</source>
        <translation>Laufenden Cluster beobachten</translation>
    </message>
    <message>
        <source>Live status of one or more cxservers through their status sockets.</source>
        <translation>Live-Status eines oder mehrerer cxserver über ihre Status-Sockets.</translation>
    </message>
    <message>
        <source>No recent files yet.</source>
        <translation>Noch keine zuletzt verwendeten Dateien.</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>Zuletzt verwendete Dateien:</translation>
    </message>
    <message>
        <source>%1 does not exist: the cxserver package is not installed here.</source>
        <translation>%1 existiert nicht: Das cxserver-Paket ist hier nicht installiert.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cx::configurator::StatusPage</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Writable</source>
        <translation>Schreibbar</translation>
    </message>
    <message>
        <source>Pipes</source>
        <translation>Pipes</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>The service is not running (no status socket %1). Retrying…</source>
        <translation>Der Dienst läuft nicht (kein Status-Socket %1). Neuer Versuch folgt…</translation>
    </message>
    <message>
        <source>Access to the status socket %1 is denied: run the configurator as a member of the service&apos;s group. Retrying…</source>
        <translation>Zugriff auf den Status-Socket %1 verweigert: Starten Sie den Konfigurator als Mitglied der Gruppe des Dienstes. Neuer Versuch folgt…</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2. Retrying…</source>
        <translation>Verbindung mit %1 nicht möglich: %2. Neuer Versuch folgt…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>static list</source>
        <translation>feste Liste</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 connected, %2 authenticated</source>
        <translation>%1 verbunden, %2 angemeldet</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 T. %2</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>down since %1 (removed)</source>
        <translation>ausgefallen seit %1 (entfernt)</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>The status socket (admin.socket) of each cxserver to watch, separated by commas.</source>
        <translation>Der Status-Socket (admin.socket) jedes zu beobachtenden cxserver, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Status sockets:</source>
        <translation>Status-Sockets:</translation>
    </message>
    <message>
        <source>cxserver</source>
        <translation>cxserver</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <source>Edge devices</source>
        <translation>Edge-Geräte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Events (newest first):</source>
        <translation>Ereignisse (neueste zuerst):</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Cluster: %1 edge devices connected, %2 authenticated · routed %3 (%4/s) · errors %5 (%6/s)</source>
        <translation>Cluster: %1 Edge-Geräte verbunden, %2 authentifiziert · weitergeleitet %3 (%4/s) · Fehler %5 (%6/s)</translation>
    </message>
    <message>
        <source>Not connected. Enter the status socket (admin.socket) of each cxserver and press Connect.</source>
        <translation>Nicht verbunden. Geben Sie den Status-Socket (admin.socket) jedes cxserver ein und klicken Sie auf Verbinden.</translation>
    </message>
    <message>
        <source>Connected to %1 of %2 cxservers.</source>
        <translation>Mit %1 von %2 cxservern verbunden.</translation>
    </message>
    <message>
        <source>up</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>down since %1: %2</source>
        <translation>ausgefallen seit %1: %2</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperPage</name>
    <message>
        <source>ZooKeeper discovery</source>
        <translation>ZooKeeper-Discovery</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Verbindungszeichenfolge:</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>Basispfad:</translation>
    </message>
    <message>
        <source>Service name:</source>
        <translation>Dienstname:</translation>
    </message>
    <message>
        <source>Base path and service name must match what the platform registers: &quot;thingworx-https&quot; is usual when the platform serves TLS.</source>
        <translation>Basispfad und Dienstname müssen zur Registrierung der Plattform passen: „thingworx-https“ ist üblich, wenn die Plattform TLS anbietet.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Where the platform instances register.</source>
        <translation>Wo sich die Plattforminstanzen registrieren.</translation>
    </message>
    <message>
        <source>Registered instances (press Test to list them):</source>
        <translation>Registrierte Instanzen („Testen“ listet sie auf):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos (GSSAPI)</translation>
    </message>
    <message>
        <source>Username and password (DIGEST-MD5)</source>
        <translation>Benutzername und Passwort (DIGEST-MD5)</translation>
    </message>
    <message>
        <source>Kerberos&apos; default (/etc/krb5.conf)</source>
        <translation>Standard von Kerberos (/etc/krb5.conf)</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper&apos;s secureClientPort</source>
        <translation>TLS zum secureClientPort von ZooKeeper</translation>
    </message>
    <message>
        <source>The system CAs</source>
        <translation>Die System-CAs</translation>
    </message>
    <message>
        <source>SASL login:</source>
        <translation>SASL-Anmeldung:</translation>
    </message>
    <message>
        <source>JAAS file (Client section):</source>
        <translation>JAAS-Datei (Client-Abschnitt):</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>JAAS-Datei</translation>
    </message>
    <message>
        <source>Kerberos configuration:</source>
        <translation>Kerberos-Konfiguration:</translation>
    </message>
    <message>
        <source>krb5.conf</source>
        <translation>krb5.conf</translation>
    </message>
    <message>
        <source>Trust store (PEM):</source>
        <translation>Truststore (PEM):</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>Truststore</translation>
    </message>
    <message>
        <source>Client key store (PKCS#12):</source>
        <translation>Client-Keystore (PKCS#12):</translation>
    </message>
    <message>
        <source>Key store</source>
        <translation>Keystore</translation>
    </message>
    <message>
        <source>Key store password:</source>
        <translation>Keystore-Passwort:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperProbe</name>
    <message>
        <source>No answer from ZooKeeper: check the connection string, the network and the firewall.</source>
        <translation>Keine Antwort von ZooKeeper: Prüfen Sie Verbindungszeichenfolge, Netzwerk und Firewall.</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; no platform instance is registered under this path and service name.</source>
        <translation>Mit ZooKeeper verbunden; unter diesem Pfad und Dienstnamen ist keine Plattforminstanz registriert.</translation>
    </message>
    <message>
        <source>Enter the ZooKeeper connection string first.</source>
        <translation>Geben Sie zuerst die ZooKeeper-Verbindungszeichenfolge ein.</translation>
    </message>
    <message>
        <source>Cannot load the ZooKeeper discovery plugin: %1</source>
        <translation>Das ZooKeeper-Discovery-Plugin kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; platform instances found: %1.</source>
        <translation>Mit ZooKeeper verbunden; gefundene Plattforminstanzen: %1.</translation>
    </message>
</context>
</TS>
