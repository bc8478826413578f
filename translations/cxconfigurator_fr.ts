<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>cx::configurator::AppKeyPage</name>
    <message>
        <source>Application key</source>
        <translation>Clé d&apos;application</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Afficher la clé</translation>
    </message>
    <message>
        <source>App key:</source>
        <translation>Clé d&apos;application :</translation>
    </message>
    <message>
        <source>How cxserver authenticates to the platform.</source>
        <translation>Comment cxserver s&apos;authentifie auprès de la plateforme.</translation>
    </message>
    <message>
        <source>cxserver authenticates its connections to the platform with an application key created in ThingWorx Composer. The key is a secret: choose &quot;Encrypt secrets&quot; on the last page to store it encrypted.</source>
        <translation>cxserver authentifie ses connexions à la plateforme avec une clé d&apos;application créée dans ThingWorx Composer. Cette clé est secrète : choisissez « Chiffrer les secrets » à la dernière page pour l&apos;enregistrer chiffrée.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigEditorWidget</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Import keystore…</source>
        <translation>Importer un keystore…</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>Par défaut : %1.</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut : %1</translation>
    </message>
    <message>
        <source>This file stores its secrets encrypted; its key is needed to change %1.</source>
        <translation>Ce fichier stocke ses secrets chiffrés ; sa clé est nécessaire pour modifier %1.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: %2</source>
        <translation>Impossible de déchiffrer %1 : %2</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>Choisissez où enregistrer la configuration.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets and their key cannot be read: %2</source>
        <translation>%1 contient des secrets chiffrés et leur clé ne peut pas être lue : %2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets, and no key file or keychain holding their key was chosen.</source>
        <translation>%1 contient des secrets chiffrés, et aucun fichier de clé ni trousseau contenant leur clé n&apos;a été choisi.</translation>
    </message>
    <message>
        <source>Search the settings: a name, a key or words of its help</source>
        <translation>Rechercher dans les réglages : un nom, une clé ou des mots de son aide</translation>
    </message>
    <message>
        <source>No setting matches the search.</source>
        <translation>Aucun réglage ne correspond à la recherche.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigSaver</name>
    <message>
        <source>Choose a key file.</source>
        <translation>Choisissez un fichier de clé.</translation>
    </message>
    <message>
        <source>The OS keychain cannot be used (%1). Choose a key file instead, or run the configurator in a desktop session with a keyring such as GNOME Keyring.</source>
        <translation>Le trousseau du système ne peut pas être utilisé (%1). Choisissez plutôt un fichier de clé, ou lancez le configurateur dans une session de bureau disposant d&apos;un trousseau comme GNOME Keyring.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigWizard</name>
    <message>
        <source>New cxserver configuration</source>
        <translation>Nouvelle configuration cxserver</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>Choisissez où enregistrer la configuration.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::EdgeTlsPage</name>
    <message>
        <source>Edge listener TLS</source>
        <translation>TLS des connexions Edge</translation>
    </message>
    <message>
        <source>Use TLS for edge connections (recommended)</source>
        <translation>Utiliser TLS pour les connexions Edge (recommandé)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Keystore:</source>
        <translation>Keystore :</translation>
    </message>
    <message>
        <source>Keystore password:</source>
        <translation>Mot de passe du keystore :</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.</source>
        <translation>Certificat pour %1, valide jusqu&apos;au %2.</translation>
    </message>
    <message>
        <source>Edge devices connect with wss:// when TLS is on.</source>
        <translation>Avec TLS, les appareils Edge se connectent en wss://.</translation>
    </message>
    <message>
        <source>The listener&apos;s certificate and private key come from a PKCS#12 keystore. It is copied next to the saved configuration, readable by its owner and the service&apos;s group (cxserver) only.</source>
        <translation>Le certificat et la clé privée de l&apos;écoute proviennent d&apos;un magasin de clés PKCS#12. Il est copié à côté de la configuration enregistrée, lisible uniquement par son propriétaire et le groupe du service (cxserver).</translation>
    </message>
</context>
<context>
    <name>cx::configurator::MainWindow</name>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Live status</source>
        <translation>État en direct</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New configuration…</source>
        <translation>&amp;Nouvelle configuration…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Key file for encrypted secrets…</source>
        <translation>Fichier de &amp;clé des secrets chiffrés…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Import edge keystore…</source>
        <translation>&amp;Importer le keystore Edge…</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
    <message>
        <source>%1[*] — cxserver configurator</source>
        <translation>%1[*] — configurateur cxserver</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Ouvrir une configuration</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>Configuration cxserver (*.conf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Encrypted configuration</source>
        <translation>Configuration chiffrée</translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation>Impossible d&apos;ouvrir la configuration</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Enregistrer la configuration</translation>
    </message>
    <message>
        <source>Save with errors?</source>
        <translation>Enregistrer malgré les erreurs ?</translation>
    </message>
    <message>
        <source>cxserver will not start with this configuration: it has errors. Save anyway?</source>
        <translation>cxserver ne démarrera pas avec cette configuration : elle contient des erreurs. Enregistrer quand même ?</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Fichier de clé</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>Fichiers de clé (*.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>Enregistrer d&apos;abord les modifications de %1 ?</translation>
    </message>
    <message>
        <source>&amp;Use the OS keychain for encrypted secrets</source>
        <translation>&amp;Utiliser le trousseau du système pour les secrets chiffrés</translation>
    </message>
    <message>
        <source>%1

Choose the key file they were encrypted with. If they were encrypted with the OS keychain, cancel and turn on File ▸ Use the OS keychain.</source>
        <translation>%1

Choisissez le fichier de clé avec lequel ils ont été chiffrés. S&apos;ils ont été chiffrés avec le trousseau du système, annulez et activez Fichier ▸ Utiliser le trousseau du système.</translation>
    </message>
    <message>
        <source>S&amp;tart page</source>
        <translation>Page d&apos;&amp;accueil</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ModePage</name>
    <message>
        <source>Platform deployment</source>
        <translation>Déploiement de la plateforme</translation>
    </message>
    <message>
        <source>A single platform, or a fixed list of platform instances</source>
        <translation>Une seule plateforme, ou une liste fixe d&apos;instances</translation>
    </message>
    <message>
        <source>A high-availability cluster whose instances register in ZooKeeper</source>
        <translation>Un cluster haute disponibilité dont les instances s&apos;enregistrent dans ZooKeeper</translation>
    </message>
    <message>
        <source>cxserver connects to the URLs you list and uses them in turn.</source>
        <translation>cxserver se connecte aux URL indiquées et les utilise à tour de rôle.</translation>
    </message>
    <message>
        <source>cxserver discovers the instances of an active-active cluster in ZooKeeper and follows them as they come and go.</source>
        <translation>cxserver découvre les instances d&apos;un cluster actif-actif dans ZooKeeper et suit leurs arrivées et départs.</translation>
    </message>
    <message>
        <source>How is the ThingWorx platform deployed?</source>
        <translation>Comment la plateforme ThingWorx est-elle déployée ?</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12ImportDialog</name>
    <message>
        <source>Import PKCS#12 keystore</source>
        <translation>Importer un keystore PKCS#12</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Keystore file:</source>
        <translation>Fichier keystore :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 keystore</source>
        <translation>Choisir un keystore PKCS#12</translation>
    </message>
    <message>
        <source>PKCS#12 keystores (*.p12 *.pfx);;All files (*)</source>
        <translation>Keystores PKCS#12 (*.p12 *.pfx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>DNS names</source>
        <translation>Noms DNS</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>Adresses IP</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valide à partir du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 bits</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>no further certificates</source>
        <translation>aucun autre certificat</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12Inspector</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 keystore.</source>
        <translation>%1 n&apos;est pas un keystore PKCS#12.</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>Mot de passe incorrect pour %1.</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: it uses an algorithm this system does not support.</source>
        <translation>Impossible de déchiffrer %1 : il utilise un algorithme que ce système ne prend pas en charge.</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>Le certificat a expiré le %1.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet: it becomes valid on %1.</source>
        <translation>Le certificat n&apos;est pas encore valide : il le deviendra le %1.</translation>
    </message>
    <message>
        <source>The certificate has no subject alternative names: clients that check host names will refuse it.</source>
        <translation>Le certificat n&apos;a pas de noms alternatifs (SAN) : les clients qui vérifient le nom d&apos;hôte le refuseront.</translation>
    </message>
    <message>
        <source>The keystore holds no certificate.</source>
        <translation>Le keystore ne contient aucun certificat.</translation>
    </message>
    <message>
        <source>The keystore holds no private key: the edge listener cannot use it.</source>
        <translation>Le keystore ne contient pas de clé privée : l&apos;écouteur Edge ne peut pas l&apos;utiliser.</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits; use at least 2048.</source>
        <translation>La clé RSA ne fait que %1 bits ; utilisez-en au moins 2048.</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>Impossible de copier %1 vers %2.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformTlsPage</name>
    <message>
        <source>Platform TLS</source>
        <translation>TLS de la plateforme</translation>
    </message>
    <message>
        <source>Connect to discovered instances with TLS (wss:// on their SSL port)</source>
        <translation>Se connecter aux instances découvertes avec TLS (wss:// sur leur port SSL)</translation>
    </message>
    <message>
        <source>Check that each certificate names the address connected to (host name validation)</source>
        <translation>Vérifier que chaque certificat nomme l&apos;adresse contactée (validation du nom d&apos;hôte)</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>vide : les autorités de certification du système</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>only for a PKCS#12 trust store</source>
        <translation>uniquement pour un truststore PKCS#12</translation>
    </message>
    <message>
        <source>Trust store:</source>
        <translation>Truststore :</translation>
    </message>
    <message>
        <source>Trust store password:</source>
        <translation>Mot de passe du truststore :</translation>
    </message>
    <message>
        <source>Choose a trust store</source>
        <translation>Choisir un truststore</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.p12 *.pfx *.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Without host name validation any certificate from a trusted authority is accepted for any instance. Turn it off for tests only; cxserver logs a warning at every start.</source>
        <translation>Sans validation du nom d&apos;hôte, tout certificat d&apos;une autorité de confiance est accepté pour n&apos;importe quelle instance. Ne la désactivez que pour des tests ; cxserver journalise un avertissement à chaque démarrage.</translation>
    </message>
    <message>
        <source>Discovered instances are reached by the IP address they register in ZooKeeper: each platform certificate needs that IP address in its Subject Alternative Name (IP SAN), or the connection is refused.</source>
        <translation>Les instances découvertes sont jointes par l&apos;adresse IP qu&apos;elles enregistrent dans ZooKeeper : chaque certificat de plateforme doit contenir cette adresse IP dans son nom alternatif (IP SAN), sinon la connexion est refusée.</translation>
    </message>
    <message>
        <source>How cxserver checks the platform&apos;s certificates.</source>
        <translation>Comment cxserver vérifie les certificats de la plateforme.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformsPage</name>
    <message>
        <source>Platform instances</source>
        <translation>Instances de la plateforme</translation>
    </message>
    <message>
        <source>One WebSocket URL per line: ws://host:port/Thingworx/WS, or wss:// for TLS. Several instances are used in turn.</source>
        <translation>Une URL WebSocket par ligne : ws://hôte:port/Thingworx/WS, ou wss:// pour TLS. Plusieurs instances sont utilisées à tour de rôle.</translation>
    </message>
    <message>
        <source>Test reachability</source>
        <translation>Tester l&apos;accessibilité</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// URL with a host and a port: %1</source>
        <translation>Pas une URL ws:// ou wss:// avec un hôte et un port : %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>The platform instances cxserver connects to.</source>
        <translation>Les instances de plateforme auxquelles cxserver se connecte.</translation>
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
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Edge port:</source>
        <translation>Port Edge :</translation>
    </message>
    <message>
        <source>Edge listen address:</source>
        <translation>Adresse d&apos;écoute Edge :</translation>
    </message>
    <message>
        <source>Health and metrics port:</source>
        <translation>Port de santé et de métriques :</translation>
    </message>
    <message>
        <source>Status socket:</source>
        <translation>Socket d&apos;état :</translation>
    </message>
    <message>
        <source>Listen address 0.0.0.0 accepts every IPv4 address, :: every address. A status socket name without / is placed by the system; the Linux package uses /run/cxserver/cxserver.sock.</source>
        <translation>L&apos;adresse 0.0.0.0 écoute sur toutes les adresses IPv4, :: sur toutes les adresses. Un nom de socket d&apos;état sans / est placé par le système ; le paquet Linux utilise /run/cxserver/cxserver.sock.</translation>
    </message>
    <message>
        <source>The listen address must be an IP address or &quot;localhost&quot;.</source>
        <translation>L&apos;adresse d&apos;écoute doit être une adresse IP ou « localhost ».</translation>
    </message>
    <message>
        <source>The edge port and the health port must differ.</source>
        <translation>Le port Edge et le port de santé doivent être différents.</translation>
    </message>
    <message>
        <source>Where cxserver listens.</source>
        <translation>Où cxserver écoute.</translation>
    </message>
    <message>
        <source>Enter the status socket&apos;s name or path.</source>
        <translation>Saisissez le nom ou le chemin du socket d&apos;état.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReachabilityProbe</name>
    <message>
        <source>no answer (timed out)</source>
        <translation>pas de réponse (délai dépassé)</translation>
    </message>
    <message>
        <source>not a ws:// or wss:// URL</source>
        <translation>pas une URL ws:// ou wss://</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>accessible</translation>
    </message>
    <message>
        <source>Enter at least one platform URL.</source>
        <translation>Saisissez au moins une URL de plateforme.</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>Vérifier et enregistrer</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Encrypt secrets (app key, passwords)</source>
        <translation>Chiffrer les secrets (clé d&apos;application, mots de passe)</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Fichier de clé :</translation>
    </message>
    <message>
        <source>created when missing, e.g. /etc/cxserver/cxserver.key</source>
        <translation>créé s&apos;il n&apos;existe pas, p. ex. /etc/cxserver/cxserver.key</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Trousseau du système</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Enregistrer sous :</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Enregistrer la configuration</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>Configuration cxserver (*.conf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>La configuration est valide.</translation>
    </message>
    <message>
        <source>The file that will be written; secret values are hidden here.</source>
        <translation>Le fichier qui sera écrit ; les valeurs secrètes sont masquées ici.</translation>
    </message>
    <message>
        <source>Replace the configuration?</source>
        <translation>Remplacer la configuration ?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this configuration? Its owner, group and permissions are kept.</source>
        <translation>%1 existe déjà. Le remplacer par cette configuration ? Son propriétaire, son groupe et ses permissions sont conservés.</translation>
    </message>
    <message>
        <source>where to save it, e.g. /etc/cxserver/cxserver.conf</source>
        <translation>où l&apos;enregistrer, p. ex. /etc/cxserver/cxserver.conf</translation>
    </message>
</context>
<context>
    <name>cx::configurator::SchemaTexts</name>
    <message>
        <source>Platform connection</source>
        <translation>Connexion à la plateforme</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <source>Platform pipes and requests</source>
        <translation>Canaux et requêtes vers la plateforme</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routage</translation>
    </message>
    <message>
        <source>Edge listener</source>
        <translation>Écouteur Edge</translation>
    </message>
    <message>
        <source>Platform TLS</source>
        <translation>TLS de la plateforme</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Exploitation</translation>
    </message>
    <message>
        <source>&quot;websockets_active_active&quot; for an HA cluster, else &quot;websockets&quot;; it only chooses the default discovery plugin.</source>
        <translation>« websockets_active_active » pour un cluster HA, sinon « websockets » ; ne choisit que le plugin de découverte par défaut.</translation>
    </message>
    <message>
        <source>The app key cxserver authenticates its platform pipes with (a secret).</source>
        <translation>La clé d&apos;application avec laquelle cxserver authentifie ses canaux vers la plateforme (secret).</translation>
    </message>
    <message>
        <source>Static platform instances, each ws://host:port/Thingworx/WS or wss://...; several are used round-robin.</source>
        <translation>Instances fixes, chacune ws://hôte:port/Thingworx/WS ou wss://... ; plusieurs sont utilisées à tour de rôle.</translation>
    </message>
    <message>
        <source>Discover platform instances in ZooKeeper instead of using the static platforms list.</source>
        <translation>Découvrir les instances dans ZooKeeper au lieu de la liste fixe.</translation>
    </message>
    <message>
        <source>Service name the platform instances register under; &quot;thingworx-https&quot; is usual with TLS.</source>
        <translation>Nom de service sous lequel les instances s&apos;enregistrent ; « thingworx-https » est habituel avec TLS.</translation>
    </message>
    <message>
        <source>Discovery plugin id; null: &quot;zookeeper&quot; when service discovery is enabled (or, when that is not set, for platform.transport &quot;websockets_active_active&quot;), else &quot;static&quot;.</source>
        <translation>Identifiant du plugin de découverte ; null : « zookeeper » si la découverte de services est activée (ou, si elle n&apos;est pas définie, pour platform.transport « websockets_active_active »), sinon « static ».</translation>
    </message>
    <message>
        <source>The ZooKeeper ensemble, such as &quot;zk1:2181,zk2:2181,zk3:2181&quot;.</source>
        <translation>L&apos;ensemble ZooKeeper, par exemple « zk1:2181,zk2:2181,zk3:2181 ».</translation>
    </message>
    <message>
        <source>ZooKeeper path the services are registered under; must match the cluster&apos;s namespace.</source>
        <translation>Chemin ZooKeeper sous lequel les services sont enregistrés ; doit correspondre à l&apos;espace de noms du cluster.</translation>
    </message>
    <message>
        <source>ZooKeeper session timeout.</source>
        <translation>Délai d&apos;expiration de la session ZooKeeper.</translation>
    </message>
    <message>
        <source>ZooKeeper authentication scheme, such as &quot;digest&quot;; null: none.</source>
        <translation>Schéma d&apos;authentification ZooKeeper, par exemple « digest » ; null : aucun.</translation>
    </message>
    <message>
        <source>Credentials for that scheme, such as &quot;user:password&quot; for digest (a secret).</source>
        <translation>Identifiants pour ce schéma, par exemple « user:password » pour digest (secret).</translation>
    </message>
    <message>
        <source>Kerberos configuration file (krb5.conf) for SASL.</source>
        <translation>Fichier de configuration Kerberos (krb5.conf) pour SASL.</translation>
    </message>
    <message>
        <source>Milliseconds an edge has to send AUTH after it connects.</source>
        <translation>Millisecondes dont dispose un appareil Edge pour envoyer AUTH après sa connexion.</translation>
    </message>
    <message>
        <source>Milliseconds a request waits for the platform&apos;s response before the edge gets 0xA4 (gateway timeout).</source>
        <translation>Millisecondes qu&apos;une requête attend la réponse de la plateforme avant que l&apos;appareil Edge reçoive 0xA4 (délai de passerelle dépassé).</translation>
    </message>
    <message>
        <source>WebSockets cxserver opens to each platform instance.</source>
        <translation>WebSockets que cxserver ouvre vers chaque instance.</translation>
    </message>
    <message>
        <source>Milliseconds one platform pipe may take to connect.</source>
        <translation>Millisecondes accordées à un canal vers la plateforme pour se connecter.</translation>
    </message>
    <message>
        <source>How often cxserver pings each platform pipe.</source>
        <translation>Fréquence à laquelle cxserver envoie un ping à chaque canal.</translation>
    </message>
    <message>
        <source>A platform pipe or an edge that sends nothing for this long is closed.</source>
        <translation>Un canal ou un appareil Edge qui n&apos;envoie rien pendant cette durée est fermé.</translation>
    </message>
    <message>
        <source>A pipe holding more unsent bytes than this takes no new requests.</source>
        <translation>Un canal qui retient plus d&apos;octets non envoyés que cela ne prend plus de nouvelles requêtes.</translation>
    </message>
    <message>
        <source>Such a pipe takes requests again once its unsent bytes are down to this.</source>
        <translation>Un tel canal reprend des requêtes dès que ses octets non envoyés sont redescendus à cette valeur.</translation>
    </message>
    <message>
        <source>Largest message accepted from an edge; a larger one closes its WebSocket (1009).</source>
        <translation>Plus grand message accepté d&apos;un appareil Edge ; un message plus grand ferme son WebSocket (1009).</translation>
    </message>
    <message>
        <source>Routing plugin id: which connected instance gets the next request.</source>
        <translation>Identifiant du plugin de routage : quelle instance connectée reçoit la prochaine requête.</translation>
    </message>
    <message>
        <source>TCP port edges connect to; 0 takes any free port (for tests).</source>
        <translation>Port TCP auquel se connectent les appareils Edge ; 0 prend un port libre (pour les tests).</translation>
    </message>
    <message>
        <source>IP address the edge listener binds to, or &quot;localhost&quot;; &quot;0.0.0.0&quot; is every IPv4 address, &quot;::&quot; every address.</source>
        <translation>Adresse IP à laquelle se lie l&apos;écouteur Edge, ou « localhost » ; « 0.0.0.0 » désigne toutes les adresses IPv4, « :: » toutes les adresses.</translation>
    </message>
    <message>
        <source>TLS on the edge listener: edges connect with wss://.</source>
        <translation>TLS sur l&apos;écouteur Edge : les appareils se connectent en wss://.</translation>
    </message>
    <message>
        <source>PKCS#12 keystore holding the edge listener&apos;s certificate and key.</source>
        <translation>Keystore PKCS#12 contenant le certificat et la clé de l&apos;écouteur Edge.</translation>
    </message>
    <message>
        <source>Password of that keystore; null when it has none (a secret).</source>
        <translation>Mot de passe de ce keystore ; null s&apos;il n&apos;en a pas (secret).</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort.</source>
        <translation>Se connecter aux instances découvertes en wss:// sur leur sslPort.</translation>
    </message>
    <message>
        <source>Check that a platform&apos;s certificate names the address connected to; turn off for tests only.</source>
        <translation>Vérifier que le certificat de la plateforme nomme l&apos;adresse contactée ; ne désactiver que pour des tests.</translation>
    </message>
    <message>
        <source>Certificates (PKCS#12 or PEM) that platform certificates are verified against; null: the system CAs.</source>
        <translation>Certificats (PKCS#12 ou PEM) par rapport auxquels les certificats de la plateforme sont vérifiés ; null : les autorités du système.</translation>
    </message>
    <message>
        <source>Password of a PKCS#12 trust store (a secret).</source>
        <translation>Mot de passe d&apos;un truststore PKCS#12 (secret).</translation>
    </message>
    <message>
        <source>HTTP port of /health and /metrics; 0 turns them off.</source>
        <translation>Port HTTP de /health et /metrics ; 0 les désactive.</translation>
    </message>
    <message>
        <source>Status socket: a bare name is placed by the system (temp dir on Unix, \\.\pipe\NAME on Windows), a value with / is a socket path.</source>
        <translation>Socket d&apos;état : un nom simple est placé par le système (répertoire temporaire sous Unix, \\.\pipe\NAME sous Windows), une valeur avec / est un chemin de socket.</translation>
    </message>
    <message>
        <source>Event-loop threads that own edge connections; 0: one per CPU core.</source>
        <translation>Threads de boucle d&apos;événements qui portent les connexions Edge ; 0 : un par cœur.</translation>
    </message>
    <message>
        <source>Folder the discovery and routing plugins are loaded from; null: the folder of the cxserver executable.</source>
        <translation>Dossier d&apos;où sont chargés les plugins de découverte et de routage ; null : le dossier de l&apos;exécutable cxserver.</translation>
    </message>
    <message>
        <source>On SIGTERM, how long requests in flight may take to finish before they fail and cxserver exits (/health reports 503 meanwhile).</source>
        <translation>Après SIGTERM, durée accordée aux requêtes en cours avant qu&apos;elles échouent et que cxserver s&apos;arrête (/health répond 503 entre-temps).</translation>
    </message>
    <message>
        <source>Least severe messages logged: debug, info, warning, critical or off. Changes with a reload.</source>
        <translation>Gravité minimale des messages journalisés : debug, info, warning, critical ou off. Modifiable par rechargement.</translation>
    </message>
    <message>
        <source>Per-category levels that override logging.level, such as [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]. Changes with a reload.</source>
        <translation>Niveaux par catégorie qui remplacent logging.level, par exemple [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]. Modifiable par rechargement.</translation>
    </message>
    <message>
        <source>Platform transport</source>
        <translation>Transport vers la plateforme</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>Clé d&apos;application</translation>
    </message>
    <message>
        <source>Static platform instances</source>
        <translation>Instances de plateforme statiques</translation>
    </message>
    <message>
        <source>Discover instances in ZooKeeper</source>
        <translation>Découvrir les instances dans ZooKeeper</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Nom du service</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>Réseaux autorisés</translation>
    </message>
    <message>
        <source>Most instances</source>
        <translation>Nombre maximal d&apos;instances</translation>
    </message>
    <message>
        <source>Discovery plugin</source>
        <translation>Plugin de découverte</translation>
    </message>
    <message>
        <source>ZooKeeper servers</source>
        <translation>Serveurs ZooKeeper</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>Chemin de base</translation>
    </message>
    <message>
        <source>Session timeout</source>
        <translation>Délai d&apos;expiration de session</translation>
    </message>
    <message>
        <source>Authentication scheme</source>
        <translation>Schéma d&apos;authentification</translation>
    </message>
    <message>
        <source>Authentication credentials</source>
        <translation>Identifiants d&apos;authentification</translation>
    </message>
    <message>
        <source>SASL authentication</source>
        <translation>Authentification SASL</translation>
    </message>
    <message>
        <source>Kerberos configuration file</source>
        <translation>Fichier de configuration Kerberos</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>Fichier JAAS</translation>
    </message>
    <message>
        <source>Edge authentication timeout</source>
        <translation>Délai d&apos;authentification des appareils edge</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Délai d&apos;expiration des requêtes</translation>
    </message>
    <message>
        <source>Pipes per instance</source>
        <translation>Canaux par instance</translation>
    </message>
    <message>
        <source>Pipe connect timeout</source>
        <translation>Délai de connexion des canaux</translation>
    </message>
    <message>
        <source>Ping interval</source>
        <translation>Intervalle de ping</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Délai d&apos;inactivité</translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation>Seuil haut</translation>
    </message>
    <message>
        <source>Low watermark</source>
        <translation>Seuil bas</translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation>Message le plus grand</translation>
    </message>
    <message>
        <source>Most edge connections</source>
        <translation>Nombre maximal de connexions edge</translation>
    </message>
    <message>
        <source>Most handshakes at once</source>
        <translation>Nombre maximal de handshakes simultanés</translation>
    </message>
    <message>
        <source>Most requests per edge</source>
        <translation>Nombre maximal de requêtes par appareil edge</translation>
    </message>
    <message>
        <source>Edge send buffer</source>
        <translation>Tampon d&apos;envoi par appareil edge</translation>
    </message>
    <message>
        <source>Most tunnels</source>
        <translation>Nombre maximal de tunnels</translation>
    </message>
    <message>
        <source>Tunnel idle timeout</source>
        <translation>Délai d&apos;inactivité des tunnels</translation>
    </message>
    <message>
        <source>Routing plugin</source>
        <translation>Plugin de routage</translation>
    </message>
    <message>
        <source>Edge port</source>
        <translation>Port edge</translation>
    </message>
    <message>
        <source>Edge address</source>
        <translation>Adresse edge</translation>
    </message>
    <message>
        <source>Edge TLS</source>
        <translation>TLS edge</translation>
    </message>
    <message>
        <source>Edge keystore</source>
        <translation>Magasin de clés edge</translation>
    </message>
    <message>
        <source>Edge keystore password</source>
        <translation>Mot de passe du magasin de clés edge</translation>
    </message>
    <message>
        <source>Lowest TLS version</source>
        <translation>Version TLS minimale</translation>
    </message>
    <message>
        <source>TLS 1.2 ciphers</source>
        <translation>Chiffrements TLS 1.2</translation>
    </message>
    <message>
        <source>TLS 1.3 cipher suites</source>
        <translation>Suites de chiffrement TLS 1.3</translation>
    </message>
    <message>
        <source>TLS to discovered instances</source>
        <translation>TLS vers les instances découvertes</translation>
    </message>
    <message>
        <source>Host name validation</source>
        <translation>Validation du nom d&apos;hôte</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>Magasin de confiance</translation>
    </message>
    <message>
        <source>Trust store password</source>
        <translation>Mot de passe du magasin de confiance</translation>
    </message>
    <message>
        <source>Health port</source>
        <translation>Port de santé</translation>
    </message>
    <message>
        <source>Health address</source>
        <translation>Adresse de santé</translation>
    </message>
    <message>
        <source>Status socket</source>
        <translation>Socket d&apos;état</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Threads de travail</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>Dossier des plugins</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>Délai de vidage</translation>
    </message>
    <message>
        <source>Health grace period</source>
        <translation>Délai de grâce de santé</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journalisation</translation>
    </message>
    <message>
        <source>Log rules</source>
        <translation>Règles de journalisation</translation>
    </message>
    <message>
        <source>Networks (CIDR, such as &quot;10.0.0.0/8&quot;) a discovered instance&apos;s address must be in to be dialled; empty: any address but link-local, multicast and unspecified ones.</source>
        <translation>Réseaux (CIDR, tels que « 10.0.0.0/8 ») dans lesquels l&apos;adresse d&apos;une instance découverte doit se trouver pour être contactée ; vide : toute adresse sauf link-local, multicast et non spécifiée.</translation>
    </message>
    <message>
        <source>Most discovered instances dialled at once; further ones are skipped with a warning.</source>
        <translation>Nombre maximal d&apos;instances découvertes contactées à la fois ; les suivantes sont ignorées avec un avertissement.</translation>
    </message>
    <message>
        <source>Edge connections one cxserver holds at most; a connection beyond it is closed at once and counted.</source>
        <translation>Nombre maximal de connexions edge qu&apos;un cxserver maintient ; une connexion au-delà est fermée aussitôt et comptée.</translation>
    </message>
    <message>
        <source>Edge connections still in their TLS or WebSocket handshake at most; a connection beyond it is closed at once and counted.</source>
        <translation>Nombre maximal de connexions edge encore en cours de handshake TLS ou WebSocket ; une connexion au-delà est fermée aussitôt et comptée.</translation>
    </message>
    <message>
        <source>Requests one edge may have in flight; a request beyond it is answered 0xA0 (too many requests in flight).</source>
        <translation>Requêtes qu&apos;un appareil edge peut avoir en cours ; une requête au-delà reçoit la réponse 0xA0 (trop de requêtes en cours).</translation>
    </message>
    <message>
        <source>Bytes queued toward one edge (responses, platform requests, pongs, close frames) beyond which an edge that does not read is dropped; at least one largest message plus highWaterMark is always allowed.</source>
        <translation>Octets en attente vers un appareil edge (réponses, requêtes de la plateforme, pongs, trames de fermeture) au-delà desquels un appareil edge qui ne lit pas est déconnecté ; au moins un message maximal plus highWaterMark est toujours permis.</translation>
    </message>
    <message>
        <source>Remote-access tunnels one cxserver relays at once; a tunnel beyond it is refused with 503.</source>
        <translation>Tunnels d&apos;accès à distance qu&apos;un cxserver relaie à la fois ; un tunnel au-delà est refusé avec 503.</translation>
    </message>
    <message>
        <source>A tunnel with no frame from either side (pings count) for this long is closed (1001).</source>
        <translation>Un tunnel sans trame d&apos;aucun côté (les pings comptent) pendant cette durée est fermé (1001).</translation>
    </message>
    <message>
        <source>Oldest TLS version an edge may use: &quot;TLSv1.2&quot; or &quot;TLSv1.3&quot;.</source>
        <translation>Version TLS la plus ancienne qu&apos;un appareil edge peut utiliser : « TLSv1.2 » ou « TLSv1.3 ».</translation>
    </message>
    <message>
        <source>OpenSSL cipher list for TLS 1.2 edges; the default allows ECDHE key exchange with AEAD ciphers only (forward secrecy).</source>
        <translation>Liste de chiffrements OpenSSL pour les appareils edge en TLS 1.2 ; par défaut, seul l&apos;échange de clés ECDHE avec des chiffrements AEAD est permis (confidentialité persistante).</translation>
    </message>
    <message>
        <source>OpenSSL cipher suites for TLS 1.3 edges; null: OpenSSL&apos;s default.</source>
        <translation>Suites de chiffrement OpenSSL pour les appareils edge en TLS 1.3 ; null : la valeur par défaut d&apos;OpenSSL.</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort; false sends the app key in clear text (a warning unless the instances are on loopback).</source>
        <translation>Se connecter aux instances découvertes en wss:// sur leur sslPort ; false envoie la clé d&apos;application en clair (un avertissement, sauf si les instances sont en loopback).</translation>
    </message>
    <message>
        <source>IP address the health and metrics listener binds to (its own, not the edges&apos;); a load balancer on another host needs it set.</source>
        <translation>Adresse IP sur laquelle écoute le service de santé et de métriques (la sienne, pas celle des appareils edge) ; un répartiteur de charge sur un autre hôte a besoin qu&apos;elle soit définie.</translation>
    </message>
    <message>
        <source>Status socket: a value with / is a socket path; a bare name goes to $XDG_RUNTIME_DIR/NAME, else to &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (a private folder created 0700), or \\.\pipe\NAME on Windows.</source>
        <translation>Socket d&apos;état : une valeur contenant / est un chemin de socket ; un nom seul va dans $XDG_RUNTIME_DIR/NAME, sinon dans &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (un dossier privé créé en 0700), ou \\.\pipe\NAME sous Windows.</translation>
    </message>
    <message>
        <source>On SIGTERM, how long /health answers 503 while edges are still served and accepted, so that the load balancer moves new edges away before the listener closes and the drain begins; 0: no grace.</source>
        <translation>Sur SIGTERM, durée pendant laquelle /health répond 503 alors que les appareils edge sont encore servis et acceptés, afin que le répartiteur de charge dirige les nouveaux appareils ailleurs avant que l&apos;écoute ne se ferme et que le vidage ne commence ; 0 : pas de délai de grâce.</translation>
    </message>
    <message>
        <source>Authenticate to ZooKeeper with SASL (Kerberos or DIGEST-MD5); the login comes from the JAAS file&apos;s Client section.</source>
        <translation>S&apos;authentifier auprès de ZooKeeper avec SASL (Kerberos ou DIGEST-MD5) ; l&apos;identifiant vient de la section Client du fichier JAAS.</translation>
    </message>
    <message>
        <source>&quot;GSSAPI&quot; (Kerberos, a keytab) or &quot;DIGEST-MD5&quot; (a username and password).</source>
        <translation>&quot;GSSAPI&quot; (Kerberos, un keytab) ou &quot;DIGEST-MD5&quot; (un nom d&apos;utilisateur et un mot de passe).</translation>
    </message>
    <message>
        <source>The service part of ZooKeeper&apos;s Kerberos principal (zookeeper/HOST@REALM).</source>
        <translation>La partie service du principal Kerberos de ZooKeeper (zookeeper/HOST@REALM).</translation>
    </message>
    <message>
        <source>JAAS file whose Client section gives the SASL login, as for ZooKeeper&apos;s Java client: Krb5LoginModule with principal and keyTab, or DigestLoginModule with username and password.</source>
        <translation>Fichier JAAS dont la section Client donne l&apos;identifiant SASL, comme pour le client Java de ZooKeeper : Krb5LoginModule avec principal et keyTab, ou DigestLoginModule avec username et password.</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>Mécanisme SASL</translation>
    </message>
    <message>
        <source>SASL service name</source>
        <translation>Nom de service SASL</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper</source>
        <translation>TLS vers ZooKeeper</translation>
    </message>
    <message>
        <source>ZooKeeper trust store</source>
        <translation>Magasin de confiance ZooKeeper</translation>
    </message>
    <message>
        <source>ZooKeeper client key store</source>
        <translation>Magasin de clés client ZooKeeper</translation>
    </message>
    <message>
        <source>ZooKeeper key store password</source>
        <translation>Mot de passe du magasin de clés ZooKeeper</translation>
    </message>
    <message>
        <source>Connect to ZooKeeper&apos;s secureClientPort with TLS; the server&apos;s name is validated.</source>
        <translation>Se connecter au secureClientPort de ZooKeeper en TLS ; le nom du serveur est vérifié.</translation>
    </message>
    <message>
        <source>PEM file of the CA certificates ZooKeeper&apos;s certificate is verified against; null: the system CAs.</source>
        <translation>Fichier PEM des certificats d&apos;AC qui vérifient le certificat de ZooKeeper ; null : les AC du système.</translation>
    </message>
    <message>
        <source>PKCS#12 key store of the client certificate ZooKeeper asks for by default; null: none.</source>
        <translation>Magasin de clés PKCS#12 du certificat client que ZooKeeper demande par défaut ; null : aucun.</translation>
    </message>
    <message>
        <source>Password of that key store (a secret).</source>
        <translation>Mot de passe de ce magasin de clés (un secret).</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ServiceAccess</name>
    <message>
        <source>The service cannot read it</source>
        <translation>Le service ne peut pas le lire</translation>
    </message>
    <message>
        <source>Saved, but cxserver runs as %1 and could not read:

%2

Give its group read access, e.g.: sudo chgrp %1 FILE &amp;&amp; sudo chmod g+r FILE</source>
        <translation>Enregistré, mais cxserver s&apos;exécute en tant que %1 et ne pourrait pas lire :

%2

Donnez l&apos;accès en lecture à son groupe, p. ex. : sudo chgrp %1 FICHIER &amp;&amp; sudo chmod g+r FICHIER</translation>
    </message>
</context>
<context>
    <name>cx::configurator::StartPage</name>
    <message>
        <source>cxserver configurator</source>
        <translation>Configurateur cxserver</translation>
    </message>
    <message>
        <source>Write the configuration of a cxserver, change it safely, and watch the cxservers of a cluster while they run.</source>
        <translation>Écrire la configuration d&apos;un cxserver, la modifier sans risque, et suivre les cxserver d&apos;un cluster pendant leur fonctionnement.</translation>
    </message>
    <message>
        <source>New configuration</source>
        <translation>Nouvelle configuration</translation>
    </message>
    <message>
        <source>A wizard asks for the platform instances, the app key and TLS, and writes a complete, checked cxserver.conf.</source>
        <translation>Un assistant demande les instances de plateforme, la clé d&apos;application et TLS, et écrit un cxserver.conf complet et vérifié.</translation>
    </message>
    <message>
        <source>Open a configuration…</source>
        <translation>Ouvrir une configuration…</translation>
    </message>
    <message>
        <source>Edit an existing cxserver.conf; its comments are kept.</source>
        <translation>Modifier un cxserver.conf existant ; ses commentaires sont conservés.</translation>
    </message>
    <message>
        <source>Open the service&apos;s configuration</source>
        <translation>Ouvrir la configuration du service</translation>
    </message>
    <message>
        <source>Watch a running cluster</source>
        <translation>Suivre un cluster en fonctionnement</translation>
    </message>
    <message>
        <source>Live status of one or more cxservers through their status sockets.</source>
        <translation>État en direct d&apos;un ou plusieurs cxserver via leurs sockets d&apos;état.</translation>
    </message>
    <message>
        <source>No recent files yet.</source>
        <translation>Aucun fichier récent pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>Fichiers récents :</translation>
    </message>
    <message>
        <source>%1 does not exist: the cxserver package is not installed here.</source>
        <translation>%1 n&apos;existe pas : le paquet cxserver n&apos;est pas installé ici.</translation>
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
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Writable</source>
        <translation>Inscriptible</translation>
    </message>
    <message>
        <source>Pipes</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Routées</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requêtes/s</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>The service is not running (no status socket %1). Retrying…</source>
        <translation>Le service n&apos;est pas en cours d&apos;exécution (pas de socket d&apos;état %1). Nouvelle tentative…</translation>
    </message>
    <message>
        <source>Access to the status socket %1 is denied: run the configurator as a member of the service&apos;s group. Retrying…</source>
        <translation>Accès au socket d&apos;état %1 refusé : lancez le configurateur en tant que membre du groupe du service. Nouvelle tentative…</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2. Retrying…</source>
        <translation>Impossible de se connecter à %1 : %2. Nouvelle tentative…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>static list</source>
        <translation>liste fixe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 connected, %2 authenticated</source>
        <translation>%1 connectés, %2 authentifiés</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 j %2</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>down since %1 (removed)</source>
        <translation>hors service depuis %1 (retirée)</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>The status socket (admin.socket) of each cxserver to watch, separated by commas.</source>
        <translation>Le socket d&apos;état (admin.socket) de chaque cxserver à surveiller, séparés par des virgules.</translation>
    </message>
    <message>
        <source>Status sockets:</source>
        <translation>Sockets d&apos;état :</translation>
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
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <source>Edge devices</source>
        <translation>Appareils edge</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Events (newest first):</source>
        <translation>Événements (les plus récents d&apos;abord) :</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>Cluster: %1 edge devices connected, %2 authenticated · routed %3 (%4/s) · errors %5 (%6/s)</source>
        <translation>Cluster : %1 appareils edge connectés, %2 authentifiés · routées %3 (%4/s) · erreurs %5 (%6/s)</translation>
    </message>
    <message>
        <source>Not connected. Enter the status socket (admin.socket) of each cxserver and press Connect.</source>
        <translation>Non connecté. Saisissez le socket d&apos;état (admin.socket) de chaque cxserver et cliquez sur Connecter.</translation>
    </message>
    <message>
        <source>Connected to %1 of %2 cxservers.</source>
        <translation>Connecté à %1 cxserver(s) sur %2.</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>down since %1: %2</source>
        <translation>hors service depuis %1 : %2</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperPage</name>
    <message>
        <source>ZooKeeper discovery</source>
        <translation>Découverte ZooKeeper</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Chaîne de connexion :</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>Chemin de base :</translation>
    </message>
    <message>
        <source>Service name:</source>
        <translation>Nom du service :</translation>
    </message>
    <message>
        <source>Base path and service name must match what the platform registers: &quot;thingworx-https&quot; is usual when the platform serves TLS.</source>
        <translation>Le chemin de base et le nom du service doivent correspondre à l&apos;enregistrement de la plateforme : « thingworx-https » est habituel quand la plateforme sert en TLS.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Where the platform instances register.</source>
        <translation>Où les instances de la plateforme s&apos;enregistrent.</translation>
    </message>
    <message>
        <source>Registered instances (press Test to list them):</source>
        <translation>Instances enregistrées (cliquez sur « Tester » pour les lister) :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos (GSSAPI)</translation>
    </message>
    <message>
        <source>Username and password (DIGEST-MD5)</source>
        <translation>Nom d&apos;utilisateur et mot de passe (DIGEST-MD5)</translation>
    </message>
    <message>
        <source>Kerberos&apos; default (/etc/krb5.conf)</source>
        <translation>Valeur par défaut de Kerberos (/etc/krb5.conf)</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper&apos;s secureClientPort</source>
        <translation>TLS vers le secureClientPort de ZooKeeper</translation>
    </message>
    <message>
        <source>The system CAs</source>
        <translation>Les AC du système</translation>
    </message>
    <message>
        <source>SASL login:</source>
        <translation>Connexion SASL :</translation>
    </message>
    <message>
        <source>JAAS file (Client section):</source>
        <translation>Fichier JAAS (section Client) :</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>Fichier JAAS</translation>
    </message>
    <message>
        <source>Kerberos configuration:</source>
        <translation>Configuration Kerberos :</translation>
    </message>
    <message>
        <source>krb5.conf</source>
        <translation>krb5.conf</translation>
    </message>
    <message>
        <source>Trust store (PEM):</source>
        <translation>Magasin de confiance (PEM) :</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>Magasin de confiance</translation>
    </message>
    <message>
        <source>Client key store (PKCS#12):</source>
        <translation>Magasin de clés client (PKCS#12) :</translation>
    </message>
    <message>
        <source>Key store</source>
        <translation>Magasin de clés</translation>
    </message>
    <message>
        <source>Key store password:</source>
        <translation>Mot de passe du magasin de clés :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperProbe</name>
    <message>
        <source>No answer from ZooKeeper: check the connection string, the network and the firewall.</source>
        <translation>Pas de réponse de ZooKeeper : vérifiez la chaîne de connexion, le réseau et le pare-feu.</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; no platform instance is registered under this path and service name.</source>
        <translation>Connecté à ZooKeeper ; aucune instance n&apos;est enregistrée sous ce chemin et ce nom de service.</translation>
    </message>
    <message>
        <source>Enter the ZooKeeper connection string first.</source>
        <translation>Saisissez d&apos;abord la chaîne de connexion ZooKeeper.</translation>
    </message>
    <message>
        <source>Cannot load the ZooKeeper discovery plugin: %1</source>
        <translation>Impossible de charger le plugin de découverte ZooKeeper : %1</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; platform instances found: %1.</source>
        <translation>Connecté à ZooKeeper ; instances trouvées : %1.</translation>
    </message>
</context>
</TS>
