<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>cxserver</name>
    <message>
        <source>Try &apos;cxserver --help&apos; for more.</source>
        <translation>Voir &apos;cxserver --help&apos; pour plus d&apos;informations.</translation>
    </message>
    <message>
        <source>Read the data key of encrypted secrets from KEY (base64 text, readable by its owner only).</source>
        <translation>Lire la clé des secrets chiffrés dans KEY (texte base64, lisible par son seul propriétaire).</translation>
    </message>
    <message>
        <source>Read the data key from the OS keychain (service cxserver, entry: the config file&apos;s absolute path).</source>
        <translation>Lire la clé dans le trousseau du système (service cxserver, entrée : chemin absolu du fichier de configuration).</translation>
    </message>
    <message>
        <source>rotate-key: the new key.</source>
        <translation>rotate-key : la nouvelle clé.</translation>
    </message>
    <message>
        <source>usage: config new-key --key-file KEY, or config new-key --keychain FILE</source>
        <translation>usage : config new-key --key-file KEY, ou config new-key --keychain FILE</translation>
    </message>
    <message>
        <source>usage: config %1 FILE [--key-file KEY | --keychain]</source>
        <translation>usage : config %1 FILE [--key-file KEY | --keychain]</translation>
    </message>
    <message>
        <source>config rotate-key needs --new-key-file NEW</source>
        <translation>config rotate-key nécessite --new-key-file NEW</translation>
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
        <translation>Connection Server pour clusters actif-actif de plateformes IoT.

  cxserver --config FILE                  exécuter le service au premier plan
  cxserver --config FILE --check-config   valider FILE : constats sur stderr
  cxserver --config FILE --dump-config    afficher FILE et tous les défauts en JSON
  cxserver config set FILE KEY VALUE      modifier une valeur de FILE sur place
  cxserver config encrypt|decrypt FILE    chiffrer ou déchiffrer les secrets de FILE
  cxserver config rotate-key FILE --new-key-file NEW
                                          rechiffrer les secrets de FILE avec NEW
  cxserver config new-key --key-file KEY  écrire une nouvelle clé (mode 0400)
  cxserver config new-key --keychain FILE ranger une nouvelle clé pour FILE dans le
                                          trousseau du système

La clé des secrets chiffrés provient de la première source parmi : --key-file KEY ;
--keychain ; le fichier nommé par CXSERVER_KEY_FILE ; l&apos;identifiant systemd
$CREDENTIALS_DIRECTORY/cxserver.key. Les commandes prennent ces options après FILE.

Sans --config, le fichier nommé par la variable d&apos;environnement CXSERVER_CONFIG est
utilisé. Codes de sortie : 0 succès, 1 configuration ou usage incorrect, 2 une
ressource nécessaire (fichier de configuration, port, keystore) est indisponible.</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>Le fichier de configuration.</translation>
    </message>
    <message>
        <source>Validate the configuration and exit.</source>
        <translation>Valider la configuration et quitter.</translation>
    </message>
    <message>
        <source>Print the configuration with every default as JSON and exit.</source>
        <translation>Afficher la configuration avec tous les défauts en JSON et quitter.</translation>
    </message>
    <message>
        <source>--config, --check-config and --dump-config do not go with a command</source>
        <translation>--config, --check-config et --dump-config ne vont pas avec une commande</translation>
    </message>
    <message>
        <source>--key-file and --keychain go after the command: config COMMAND FILE --key-file KEY</source>
        <translation>--key-file et --keychain se placent après la commande : config COMMAND FILE --key-file KEY</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>commande inconnue : %1</translation>
    </message>
    <message>
        <source>no configuration file: use --config FILE or set CXSERVER_CONFIG</source>
        <translation>aucun fichier de configuration : utilisez --config FILE ou définissez CXSERVER_CONFIG</translation>
    </message>
    <message>
        <source>--check-config and --dump-config exclude each other</source>
        <translation>--check-config et --dump-config s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>%1: configuration OK</source>
        <translation>%1 : configuration correcte</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warning)</source>
        <translation>%1 : configuration correcte (%2 avertissement)</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warnings)</source>
        <translation>%1 : configuration correcte (%2 avertissements)</translation>
    </message>
    <message>
        <source>secrets: %1 encrypted, key from %2</source>
        <translation>secrets : %1 chiffrés, clé provenant de %2</translation>
    </message>
    <message>
        <source>unknown key %1</source>
        <translation>clé inconnue %1</translation>
    </message>
    <message>
        <source>unknown key %1; did you mean %2?</source>
        <translation>clé inconnue %1 ; vouliez-vous dire %2 ?</translation>
    </message>
    <message>
        <source>cannot change %1 in %2: %3</source>
        <translation>impossible de modifier %1 dans %2 : %3</translation>
    </message>
    <message>
        <source>%1: %2 secret encrypted (key from %3)</source>
        <translation>%1 : %2 secret chiffré (clé provenant de %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets encrypted (key from %3)</source>
        <translation>%1 : %2 secrets chiffrés (clé provenant de %3)</translation>
    </message>
    <message>
        <source>%1: %2 secret decrypted (key from %3)</source>
        <translation>%1 : %2 secret déchiffré (clé provenant de %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets decrypted (key from %3)</source>
        <translation>%1 : %2 secrets déchiffrés (clé provenant de %3)</translation>
    </message>
    <message>
        <source>%1: %2 secret re-encrypted (key from %3)</source>
        <translation>%1 : %2 secret rechiffré (clé provenant de %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets re-encrypted (key from %3)</source>
        <translation>%1 : %2 secrets rechiffrés (clé provenant de %3)</translation>
    </message>
</context>
</TS>
