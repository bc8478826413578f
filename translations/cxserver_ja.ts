<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>cxserver</name>
    <message>
        <source>Try &apos;cxserver --help&apos; for more.</source>
        <translation>詳しくは &apos;cxserver --help&apos; を実行してください。</translation>
    </message>
    <message>
        <source>Read the data key of encrypted secrets from KEY (base64 text, readable by its owner only).</source>
        <translation>暗号化された機密情報のデータキーを KEY から読み込む (base64 テキスト、所有者のみ読み取り可)。</translation>
    </message>
    <message>
        <source>Read the data key from the OS keychain (service cxserver, entry: the config file&apos;s absolute path).</source>
        <translation>OS のキーチェーンからデータキーを読み込む (サービス cxserver、エントリ: 構成ファイルの絶対パス)。</translation>
    </message>
    <message>
        <source>rotate-key: the new key.</source>
        <translation>rotate-key: 新しいキー。</translation>
    </message>
    <message>
        <source>usage: config new-key --key-file KEY, or config new-key --keychain FILE</source>
        <translation>使い方: config new-key --key-file KEY または config new-key --keychain FILE</translation>
    </message>
    <message>
        <source>usage: config %1 FILE [--key-file KEY | --keychain]</source>
        <translation>使い方: config %1 FILE [--key-file KEY | --keychain]</translation>
    </message>
    <message>
        <source>config rotate-key needs --new-key-file NEW</source>
        <translation>config rotate-key には --new-key-file NEW が必要です</translation>
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
        <translation>アクティブ/アクティブ構成の IoT プラットフォーム クラスター向け Connection Server。

  cxserver --config FILE                  サービスをフォアグラウンドで実行
  cxserver --config FILE --check-config   FILE を検証 (結果は stderr)
  cxserver --config FILE --dump-config    FILE とすべての既定値を JSON で出力
  cxserver config set FILE KEY VALUE      FILE の値を 1 つその場で変更
  cxserver config encrypt|decrypt FILE    FILE の機密情報をその場で暗号化/復号
  cxserver config rotate-key FILE --new-key-file NEW
                                          FILE の機密情報を NEW で再暗号化
  cxserver config new-key --key-file KEY  新しいデータキーを書き出す (モード 0400)
  cxserver config new-key --keychain FILE FILE 用の新しいデータキーを OS の
                                          キーチェーンに保存

暗号化された機密情報のデータキーは、次のうち最初に該当するものから取得します:
--key-file KEY、--keychain、CXSERVER_KEY_FILE が示すファイル、systemd の資格情報
$CREDENTIALS_DIRECTORY/cxserver.key。コマンドではこれらのオプションを FILE の後に指定します。

--config がない場合は環境変数 CXSERVER_CONFIG が示すファイルを使用します。
終了コード: 0 成功、1 構成または使い方の誤り、2 必要なリソース
(構成ファイル、ポート、キーストア) を取得できなかった。</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>構成ファイル。</translation>
    </message>
    <message>
        <source>Validate the configuration and exit.</source>
        <translation>構成を検証して終了する。</translation>
    </message>
    <message>
        <source>Print the configuration with every default as JSON and exit.</source>
        <translation>すべての既定値を含む構成を JSON で出力して終了する。</translation>
    </message>
    <message>
        <source>--config, --check-config and --dump-config do not go with a command</source>
        <translation>--config、--check-config、--dump-config はコマンドと一緒に使えません</translation>
    </message>
    <message>
        <source>--key-file and --keychain go after the command: config COMMAND FILE --key-file KEY</source>
        <translation>--key-file と --keychain はコマンドの後に指定します: config COMMAND FILE --key-file KEY</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>不明なコマンド: %1</translation>
    </message>
    <message>
        <source>no configuration file: use --config FILE or set CXSERVER_CONFIG</source>
        <translation>構成ファイルがありません: --config FILE を指定するか CXSERVER_CONFIG を設定してください</translation>
    </message>
    <message>
        <source>--check-config and --dump-config exclude each other</source>
        <translation>--check-config と --dump-config は同時に指定できません</translation>
    </message>
    <message>
        <source>%1: configuration OK</source>
        <translation>%1: 構成は正常です</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warning)</source>
        <translation>%1: 構成は正常です (警告 %2 件)</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warnings)</source>
        <translation>%1: 構成は正常です (警告 %2 件)</translation>
    </message>
    <message>
        <source>secrets: %1 encrypted, key from %2</source>
        <translation>機密情報: %1 件が暗号化、キーの取得元 %2</translation>
    </message>
    <message>
        <source>unknown key %1</source>
        <translation>不明なキー %1</translation>
    </message>
    <message>
        <source>unknown key %1; did you mean %2?</source>
        <translation>不明なキー %1。%2 のことですか?</translation>
    </message>
    <message>
        <source>cannot change %1 in %2: %3</source>
        <translation>%2 の %1 を変更できません: %3</translation>
    </message>
    <message>
        <source>%1: %2 secret encrypted (key from %3)</source>
        <translation>%1: 機密情報 %2 件を暗号化しました (キーの取得元 %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets encrypted (key from %3)</source>
        <translation>%1: 機密情報 %2 件を暗号化しました (キーの取得元 %3)</translation>
    </message>
    <message>
        <source>%1: %2 secret decrypted (key from %3)</source>
        <translation>%1: 機密情報 %2 件を復号しました (キーの取得元 %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets decrypted (key from %3)</source>
        <translation>%1: 機密情報 %2 件を復号しました (キーの取得元 %3)</translation>
    </message>
    <message>
        <source>%1: %2 secret re-encrypted (key from %3)</source>
        <translation>%1: 機密情報 %2 件を再暗号化しました (キーの取得元 %3)</translation>
    </message>
    <message>
        <source>%1: %2 secrets re-encrypted (key from %3)</source>
        <translation>%1: 機密情報 %2 件を再暗号化しました (キーの取得元 %3)</translation>
    </message>
</context>
</TS>
