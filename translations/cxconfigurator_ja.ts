<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>cx::configurator::AppKeyPage</name>
    <message>
        <source>Application key</source>
        <translation>アプリケーションキー</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>キーを表示</translation>
    </message>
    <message>
        <source>App key:</source>
        <translation>アプリキー:</translation>
    </message>
    <message>
        <source>How cxserver authenticates to the platform.</source>
        <translation>cxserver がプラットフォームに認証する方法。</translation>
    </message>
    <message>
        <source>cxserver authenticates its connections to the platform with an application key created in ThingWorx Composer. The key is a secret: choose &quot;Encrypt secrets&quot; on the last page to store it encrypted.</source>
        <translation>cxserver は ThingWorx Composer で作成したアプリケーションキーでプラットフォームへの接続を認証します。キーは機密情報です。暗号化して保存するには、最後のページで「機密情報を暗号化」を選択してください。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigEditorWidget</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Import keystore…</source>
        <translation>キーストアをインポート…</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>既定値: %1。</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>既定値: %1</translation>
    </message>
    <message>
        <source>This file stores its secrets encrypted; its key is needed to change %1.</source>
        <translation>このファイルは機密情報を暗号化して保存しています。%1 を変更するにはそのキーが必要です。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: %2</source>
        <translation>%1 を復号できません: %2</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>構成の保存先を選択してください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets and their key cannot be read: %2</source>
        <translation>%1 には暗号化された機密情報が含まれていますが、その鍵を読み取れません: %2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets, and no key file or keychain holding their key was chosen.</source>
        <translation>%1 には暗号化された機密情報が含まれていますが、その鍵を持つ鍵ファイルもキーチェーンも選択されていません。</translation>
    </message>
    <message>
        <source>Search the settings: a name, a key or words of its help</source>
        <translation>設定を検索: 名前、キー、またはヘルプ内の語句</translation>
    </message>
    <message>
        <source>No setting matches the search.</source>
        <translation>検索に一致する設定はありません。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigSaver</name>
    <message>
        <source>Choose a key file.</source>
        <translation>キーファイルを選択してください。</translation>
    </message>
    <message>
        <source>The OS keychain cannot be used (%1). Choose a key file instead, or run the configurator in a desktop session with a keyring such as GNOME Keyring.</source>
        <translation>OS のキーチェーンを使用できません (%1)。代わりに鍵ファイルを選択するか、GNOME Keyring などのキーリングがあるデスクトップセッションで構成ツールを実行してください。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigWizard</name>
    <message>
        <source>New cxserver configuration</source>
        <translation>新しい cxserver 構成</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>構成の保存先を選択してください。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::EdgeTlsPage</name>
    <message>
        <source>Edge listener TLS</source>
        <translation>エッジ接続の TLS</translation>
    </message>
    <message>
        <source>Use TLS for edge connections (recommended)</source>
        <translation>エッジ接続に TLS を使用する (推奨)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <source>Keystore:</source>
        <translation>キーストア:</translation>
    </message>
    <message>
        <source>Keystore password:</source>
        <translation>キーストアのパスワード:</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.</source>
        <translation>%1 の証明書、有効期限 %2。</translation>
    </message>
    <message>
        <source>Edge devices connect with wss:// when TLS is on.</source>
        <translation>TLS が有効な場合、エッジデバイスは wss:// で接続します。</translation>
    </message>
    <message>
        <source>The listener&apos;s certificate and private key come from a PKCS#12 keystore. It is copied next to the saved configuration, readable by its owner and the service&apos;s group (cxserver) only.</source>
        <translation>リスナーの証明書と秘密鍵は PKCS#12 キーストアから読み込まれます。キーストアは保存した構成の隣にコピーされ、所有者とサービスのグループ (cxserver) だけが読み取れます。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::MainWindow</name>
    <message>
        <source>Configuration</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>Live status</source>
        <translation>ライブステータス</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New configuration…</source>
        <translation>新しい構成(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Key file for encrypted secrets…</source>
        <translation>暗号化された機密情報のキーファイル(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Import edge keystore…</source>
        <translation>エッジのキーストアをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>ファイルなし</translation>
    </message>
    <message>
        <source>%1[*] — cxserver configurator</source>
        <translation>%1[*] — cxserver 構成ツール</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>構成を開く</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>cxserver 構成 (*.conf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Encrypted configuration</source>
        <translation>暗号化された構成</translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation>構成を開けません</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>構成を保存</translation>
    </message>
    <message>
        <source>Save with errors?</source>
        <translation>エラーのまま保存しますか?</translation>
    </message>
    <message>
        <source>cxserver will not start with this configuration: it has errors. Save anyway?</source>
        <translation>この構成にはエラーがあるため cxserver は起動しません。それでも保存しますか?</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>キーファイル</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>キーファイル (*.key);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>先に %1 への変更を保存しますか?</translation>
    </message>
    <message>
        <source>&amp;Use the OS keychain for encrypted secrets</source>
        <translation>暗号化された機密情報に OS のキーチェーンを使用(&amp;U)</translation>
    </message>
    <message>
        <source>%1

Choose the key file they were encrypted with. If they were encrypted with the OS keychain, cancel and turn on File ▸ Use the OS keychain.</source>
        <translation>%1

暗号化に使用した鍵ファイルを選択してください。OS のキーチェーンで暗号化した場合は、キャンセルして「ファイル ▸ OS のキーチェーンを使用」をオンにしてください。</translation>
    </message>
    <message>
        <source>S&amp;tart page</source>
        <translation>スタートページ(&amp;T)</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ModePage</name>
    <message>
        <source>Platform deployment</source>
        <translation>プラットフォームの構成</translation>
    </message>
    <message>
        <source>A single platform, or a fixed list of platform instances</source>
        <translation>単一のプラットフォーム、または固定のインスタンス一覧</translation>
    </message>
    <message>
        <source>A high-availability cluster whose instances register in ZooKeeper</source>
        <translation>インスタンスが ZooKeeper に登録される高可用性クラスター</translation>
    </message>
    <message>
        <source>cxserver connects to the URLs you list and uses them in turn.</source>
        <translation>cxserver は指定した URL に接続し、順番に使用します。</translation>
    </message>
    <message>
        <source>cxserver discovers the instances of an active-active cluster in ZooKeeper and follows them as they come and go.</source>
        <translation>cxserver はアクティブ/アクティブ クラスターのインスタンスを ZooKeeper で検出し、増減に追従します。</translation>
    </message>
    <message>
        <source>How is the ThingWorx platform deployed?</source>
        <translation>ThingWorx プラットフォームの構成は?</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12ImportDialog</name>
    <message>
        <source>Import PKCS#12 keystore</source>
        <translation>PKCS#12 キーストアのインポート</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Keystore file:</source>
        <translation>キーストアファイル:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 keystore</source>
        <translation>PKCS#12 キーストアを選択</translation>
    </message>
    <message>
        <source>PKCS#12 keystores (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 キーストア (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>サブジェクト</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>DNS names</source>
        <translation>DNS 名</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有効期間の開始</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>秘密鍵</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1、%2 ビット</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>チェーン</translation>
    </message>
    <message>
        <source>no further certificates</source>
        <translation>他の証明書なし</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12Inspector</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 keystore.</source>
        <translation>%1 は PKCS#12 キーストアではありません。</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>%1 のパスワードが違います。</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: it uses an algorithm this system does not support.</source>
        <translation>%1 を復号できません: このシステムがサポートしていないアルゴリズムが使われています。</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>証明書は %1 に期限切れになりました。</translation>
    </message>
    <message>
        <source>The certificate is not valid yet: it becomes valid on %1.</source>
        <translation>証明書はまだ有効ではありません: %1 から有効になります。</translation>
    </message>
    <message>
        <source>The certificate has no subject alternative names: clients that check host names will refuse it.</source>
        <translation>証明書にサブジェクト代替名 (SAN) がありません。ホスト名を検証するクライアントは拒否します。</translation>
    </message>
    <message>
        <source>The keystore holds no certificate.</source>
        <translation>キーストアに証明書がありません。</translation>
    </message>
    <message>
        <source>The keystore holds no private key: the edge listener cannot use it.</source>
        <translation>キーストアに秘密鍵がありません。エッジリスナーでは使用できません。</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits; use at least 2048.</source>
        <translation>RSA 鍵が %1 ビットしかありません。2048 ビット以上を使用してください。</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1 を %2 にコピーできません。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformTlsPage</name>
    <message>
        <source>Platform TLS</source>
        <translation>プラットフォームの TLS</translation>
    </message>
    <message>
        <source>Connect to discovered instances with TLS (wss:// on their SSL port)</source>
        <translation>検出したインスタンスに TLS で接続する (SSL ポートへの wss://)</translation>
    </message>
    <message>
        <source>Check that each certificate names the address connected to (host name validation)</source>
        <translation>各証明書に接続先のアドレスが記載されていることを確認する (ホスト名検証)</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>空欄: システムの認証局</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>only for a PKCS#12 trust store</source>
        <translation>PKCS#12 トラストストアの場合のみ</translation>
    </message>
    <message>
        <source>Trust store:</source>
        <translation>トラストストア:</translation>
    </message>
    <message>
        <source>Trust store password:</source>
        <translation>トラストストアのパスワード:</translation>
    </message>
    <message>
        <source>Choose a trust store</source>
        <translation>トラストストアを選択</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>証明書 (*.p12 *.pfx *.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Without host name validation any certificate from a trusted authority is accepted for any instance. Turn it off for tests only; cxserver logs a warning at every start.</source>
        <translation>ホスト名検証を行わないと、信頼された認証局の証明書であればどのインスタンスでも受け入れられます。無効にするのはテスト時だけにしてください。cxserver は起動のたびに警告をログに記録します。</translation>
    </message>
    <message>
        <source>Discovered instances are reached by the IP address they register in ZooKeeper: each platform certificate needs that IP address in its Subject Alternative Name (IP SAN), or the connection is refused.</source>
        <translation>検出されたインスタンスには ZooKeeper に登録された IP アドレスで接続します。各プラットフォーム証明書のサブジェクト代替名にその IP アドレス (IP SAN) がないと、接続は拒否されます。</translation>
    </message>
    <message>
        <source>How cxserver checks the platform&apos;s certificates.</source>
        <translation>cxserver がプラットフォームの証明書を検証する方法。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformsPage</name>
    <message>
        <source>Platform instances</source>
        <translation>プラットフォームのインスタンス</translation>
    </message>
    <message>
        <source>One WebSocket URL per line: ws://host:port/Thingworx/WS, or wss:// for TLS. Several instances are used in turn.</source>
        <translation>1 行に 1 つの WebSocket URL: ws://host:port/Thingworx/WS、TLS の場合は wss://。複数のインスタンスは順番に使用されます。</translation>
    </message>
    <message>
        <source>Test reachability</source>
        <translation>到達性をテスト</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// URL with a host and a port: %1</source>
        <translation>ホストとポートを含む ws:// または wss:// の URL ではありません: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>The platform instances cxserver connects to.</source>
        <translation>cxserver が接続するプラットフォームのインスタンス。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PortsPage</name>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Edge port:</source>
        <translation>エッジポート:</translation>
    </message>
    <message>
        <source>Edge listen address:</source>
        <translation>エッジの待ち受けアドレス:</translation>
    </message>
    <message>
        <source>Health and metrics port:</source>
        <translation>ヘルス/メトリクスのポート:</translation>
    </message>
    <message>
        <source>Status socket:</source>
        <translation>ステータスソケット:</translation>
    </message>
    <message>
        <source>Listen address 0.0.0.0 accepts every IPv4 address, :: every address. A status socket name without / is placed by the system; the Linux package uses /run/cxserver/cxserver.sock.</source>
        <translation>待ち受けアドレス 0.0.0.0 はすべての IPv4 アドレス、:: はすべてのアドレスで受け付けます。/ を含まないステータスソケット名はシステムが配置します。Linux パッケージは /run/cxserver/cxserver.sock を使用します。</translation>
    </message>
    <message>
        <source>The listen address must be an IP address or &quot;localhost&quot;.</source>
        <translation>待ち受けアドレスは IP アドレスまたは &quot;localhost&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>The edge port and the health port must differ.</source>
        <translation>エッジポートとヘルスポートは別の番号にしてください。</translation>
    </message>
    <message>
        <source>Where cxserver listens.</source>
        <translation>cxserver が待ち受ける場所。</translation>
    </message>
    <message>
        <source>Enter the status socket&apos;s name or path.</source>
        <translation>ステータスソケットの名前またはパスを入力してください。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReachabilityProbe</name>
    <message>
        <source>no answer (timed out)</source>
        <translation>応答なし (タイムアウト)</translation>
    </message>
    <message>
        <source>not a ws:// or wss:// URL</source>
        <translation>ws:// または wss:// の URL ではありません</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>Enter at least one platform URL.</source>
        <translation>プラットフォームの URL を 1 つ以上入力してください。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>確認して保存</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Encrypt secrets (app key, passwords)</source>
        <translation>機密情報を暗号化 (アプリキー、パスワード)</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>キーファイル:</translation>
    </message>
    <message>
        <source>created when missing, e.g. /etc/cxserver/cxserver.key</source>
        <translation>存在しない場合は作成 (例: /etc/cxserver/cxserver.key)</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>OS のキーチェーン</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存先:</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>構成を保存</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>cxserver 構成 (*.conf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>構成は有効です。</translation>
    </message>
    <message>
        <source>The file that will be written; secret values are hidden here.</source>
        <translation>書き込まれるファイルです。機密の値はここでは伏せてあります。</translation>
    </message>
    <message>
        <source>Replace the configuration?</source>
        <translation>構成を置き換えますか?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this configuration? Its owner, group and permissions are kept.</source>
        <translation>%1 は既に存在します。この構成で置き換えますか? 所有者、グループ、アクセス権は保持されます。</translation>
    </message>
    <message>
        <source>where to save it, e.g. /etc/cxserver/cxserver.conf</source>
        <translation>保存先 (例: /etc/cxserver/cxserver.conf)</translation>
    </message>
</context>
<context>
    <name>cx::configurator::SchemaTexts</name>
    <message>
        <source>Platform connection</source>
        <translation>プラットフォーム接続</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>検出</translation>
    </message>
    <message>
        <source>Platform pipes and requests</source>
        <translation>プラットフォームのパイプとリクエスト</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>ルーティング</translation>
    </message>
    <message>
        <source>Edge listener</source>
        <translation>エッジリスナー</translation>
    </message>
    <message>
        <source>Platform TLS</source>
        <translation>プラットフォームの TLS</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>運用</translation>
    </message>
    <message>
        <source>&quot;websockets_active_active&quot; for an HA cluster, else &quot;websockets&quot;; it only chooses the default discovery plugin.</source>
        <translation>HA クラスターでは &quot;websockets_active_active&quot;、それ以外は &quot;websockets&quot;。既定の検出プラグインを選ぶだけです。</translation>
    </message>
    <message>
        <source>The app key cxserver authenticates its platform pipes with (a secret).</source>
        <translation>cxserver がプラットフォームへのパイプの認証に使うアプリキー (機密情報)。</translation>
    </message>
    <message>
        <source>Static platform instances, each ws://host:port/Thingworx/WS or wss://...; several are used round-robin.</source>
        <translation>固定のプラットフォームインスタンス。各 ws://host:port/Thingworx/WS または wss://...。複数ある場合はラウンドロビンで使用します。</translation>
    </message>
    <message>
        <source>Discover platform instances in ZooKeeper instead of using the static platforms list.</source>
        <translation>固定リストの代わりに ZooKeeper でプラットフォームインスタンスを検出します。</translation>
    </message>
    <message>
        <source>Service name the platform instances register under; &quot;thingworx-https&quot; is usual with TLS.</source>
        <translation>プラットフォームインスタンスが登録されるサービス名。TLS では &quot;thingworx-https&quot; が一般的です。</translation>
    </message>
    <message>
        <source>Discovery plugin id; null: &quot;zookeeper&quot; when service discovery is enabled (or, when that is not set, for platform.transport &quot;websockets_active_active&quot;), else &quot;static&quot;.</source>
        <translation>検出プラグインの ID。null の場合、サービス検出が有効なら (未設定なら platform.transport が &quot;websockets_active_active&quot; のとき) &quot;zookeeper&quot;、それ以外は &quot;static&quot;。</translation>
    </message>
    <message>
        <source>The ZooKeeper ensemble, such as &quot;zk1:2181,zk2:2181,zk3:2181&quot;.</source>
        <translation>ZooKeeper アンサンブル。例: &quot;zk1:2181,zk2:2181,zk3:2181&quot;。</translation>
    </message>
    <message>
        <source>ZooKeeper path the services are registered under; must match the cluster&apos;s namespace.</source>
        <translation>サービスが登録される ZooKeeper のパス。クラスターの名前空間と一致させる必要があります。</translation>
    </message>
    <message>
        <source>ZooKeeper session timeout.</source>
        <translation>ZooKeeper のセッションタイムアウト。</translation>
    </message>
    <message>
        <source>ZooKeeper authentication scheme, such as &quot;digest&quot;; null: none.</source>
        <translation>ZooKeeper の認証方式 (例: &quot;digest&quot;)。null: なし。</translation>
    </message>
    <message>
        <source>Credentials for that scheme, such as &quot;user:password&quot; for digest (a secret).</source>
        <translation>その方式の資格情報 (digest なら &quot;user:password&quot; など、機密情報)。</translation>
    </message>
    <message>
        <source>Kerberos configuration file (krb5.conf) for SASL.</source>
        <translation>SASL 用の Kerberos 設定ファイル (krb5.conf)。</translation>
    </message>
    <message>
        <source>Milliseconds an edge has to send AUTH after it connects.</source>
        <translation>エッジが接続後に AUTH を送るまでの猶予 (ミリ秒)。</translation>
    </message>
    <message>
        <source>Milliseconds a request waits for the platform&apos;s response before the edge gets 0xA4 (gateway timeout).</source>
        <translation>エッジに 0xA4 (ゲートウェイタイムアウト) を返すまで、リクエストがプラットフォームの応答を待つ時間 (ミリ秒)。</translation>
    </message>
    <message>
        <source>WebSockets cxserver opens to each platform instance.</source>
        <translation>cxserver が各プラットフォームインスタンスに開く WebSocket の数。</translation>
    </message>
    <message>
        <source>Milliseconds one platform pipe may take to connect.</source>
        <translation>プラットフォームへのパイプ 1 本の接続に許される時間 (ミリ秒)。</translation>
    </message>
    <message>
        <source>How often cxserver pings each platform pipe.</source>
        <translation>cxserver が各パイプに ping を送る間隔。</translation>
    </message>
    <message>
        <source>A platform pipe or an edge that sends nothing for this long is closed.</source>
        <translation>この時間何も送らないパイプやエッジは切断されます。</translation>
    </message>
    <message>
        <source>A pipe holding more unsent bytes than this takes no new requests.</source>
        <translation>未送信バイトがこれを超えたパイプは新しいリクエストを受け付けません。</translation>
    </message>
    <message>
        <source>Such a pipe takes requests again once its unsent bytes are down to this.</source>
        <translation>そのようなパイプは、未送信バイトがこの値まで減るとリクエストを再び受け付けます。</translation>
    </message>
    <message>
        <source>Largest message accepted from an edge; a larger one closes its WebSocket (1009).</source>
        <translation>エッジから受け付ける最大メッセージ。これより大きいと WebSocket を閉じます (1009)。</translation>
    </message>
    <message>
        <source>Routing plugin id: which connected instance gets the next request.</source>
        <translation>ルーティングプラグインの ID: 次のリクエストをどの接続済みインスタンスに送るか。</translation>
    </message>
    <message>
        <source>TCP port edges connect to; 0 takes any free port (for tests).</source>
        <translation>エッジが接続する TCP ポート。0 は空いているポートを使用 (テスト用)。</translation>
    </message>
    <message>
        <source>IP address the edge listener binds to, or &quot;localhost&quot;; &quot;0.0.0.0&quot; is every IPv4 address, &quot;::&quot; every address.</source>
        <translation>エッジリスナーがバインドする IP アドレスまたは &quot;localhost&quot;。&quot;0.0.0.0&quot; はすべての IPv4 アドレス、&quot;::&quot; はすべてのアドレス。</translation>
    </message>
    <message>
        <source>TLS on the edge listener: edges connect with wss://.</source>
        <translation>エッジリスナーの TLS: エッジは wss:// で接続します。</translation>
    </message>
    <message>
        <source>PKCS#12 keystore holding the edge listener&apos;s certificate and key.</source>
        <translation>エッジリスナーの証明書と鍵を含む PKCS#12 キーストア。</translation>
    </message>
    <message>
        <source>Password of that keystore; null when it has none (a secret).</source>
        <translation>そのキーストアのパスワード。ない場合は null (機密情報)。</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort.</source>
        <translation>検出したインスタンスに sslPort への wss:// で接続します。</translation>
    </message>
    <message>
        <source>Check that a platform&apos;s certificate names the address connected to; turn off for tests only.</source>
        <translation>プラットフォームの証明書に接続先アドレスが記載されていることを確認します。無効にするのはテスト時だけにしてください。</translation>
    </message>
    <message>
        <source>Certificates (PKCS#12 or PEM) that platform certificates are verified against; null: the system CAs.</source>
        <translation>プラットフォームの証明書を検証する証明書 (PKCS#12 または PEM)。null: システムの認証局。</translation>
    </message>
    <message>
        <source>Password of a PKCS#12 trust store (a secret).</source>
        <translation>PKCS#12 トラストストアのパスワード (機密情報)。</translation>
    </message>
    <message>
        <source>HTTP port of /health and /metrics; 0 turns them off.</source>
        <translation>/health と /metrics の HTTP ポート。0 で無効。</translation>
    </message>
    <message>
        <source>Status socket: a bare name is placed by the system (temp dir on Unix, \\.\pipe\NAME on Windows), a value with / is a socket path.</source>
        <translation>ステータスソケット: 単純な名前はシステムが配置し (Unix では一時ディレクトリ、Windows では \\.\pipe\NAME)、/ を含む値はソケットのパスです。</translation>
    </message>
    <message>
        <source>Event-loop threads that own edge connections; 0: one per CPU core.</source>
        <translation>エッジ接続を受け持つイベントループのスレッド数。0: CPU コアごとに 1 つ。</translation>
    </message>
    <message>
        <source>Folder the discovery and routing plugins are loaded from; null: the folder of the cxserver executable.</source>
        <translation>検出プラグインとルーティングプラグインを読み込むフォルダー。null: cxserver 実行ファイルのフォルダー。</translation>
    </message>
    <message>
        <source>On SIGTERM, how long requests in flight may take to finish before they fail and cxserver exits (/health reports 503 meanwhile).</source>
        <translation>SIGTERM 受信後、処理中のリクエストが失敗扱いになり cxserver が終了するまでの猶予 (その間 /health は 503 を返します)。</translation>
    </message>
    <message>
        <source>Least severe messages logged: debug, info, warning, critical or off. Changes with a reload.</source>
        <translation>ログに記録する最低の重要度: debug、info、warning、critical、off。リロードで変更できます。</translation>
    </message>
    <message>
        <source>Per-category levels that override logging.level, such as [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]. Changes with a reload.</source>
        <translation>logging.level を上書きするカテゴリごとのレベル (例: [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;])。リロードで変更できます。</translation>
    </message>
    <message>
        <source>Platform transport</source>
        <translation>プラットフォームトランスポート</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>アプリキー</translation>
    </message>
    <message>
        <source>Static platform instances</source>
        <translation>静的プラットフォームインスタンス</translation>
    </message>
    <message>
        <source>Discover instances in ZooKeeper</source>
        <translation>ZooKeeper でインスタンスを検出</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>サービス名</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>許可するネットワーク</translation>
    </message>
    <message>
        <source>Most instances</source>
        <translation>最大インスタンス数</translation>
    </message>
    <message>
        <source>Discovery plugin</source>
        <translation>ディスカバリプラグイン</translation>
    </message>
    <message>
        <source>ZooKeeper servers</source>
        <translation>ZooKeeper サーバー</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>ベースパス</translation>
    </message>
    <message>
        <source>Session timeout</source>
        <translation>セッションタイムアウト</translation>
    </message>
    <message>
        <source>Authentication scheme</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <source>Authentication credentials</source>
        <translation>認証情報</translation>
    </message>
    <message>
        <source>SASL authentication</source>
        <translation>SASL 認証</translation>
    </message>
    <message>
        <source>Kerberos configuration file</source>
        <translation>Kerberos 設定ファイル</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>JAAS ファイル</translation>
    </message>
    <message>
        <source>Edge authentication timeout</source>
        <translation>エッジ認証タイムアウト</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>リクエストタイムアウト</translation>
    </message>
    <message>
        <source>Pipes per instance</source>
        <translation>インスタンスあたりのパイプ数</translation>
    </message>
    <message>
        <source>Pipe connect timeout</source>
        <translation>パイプ接続タイムアウト</translation>
    </message>
    <message>
        <source>Ping interval</source>
        <translation>ping 間隔</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>アイドルタイムアウト</translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation>上限ウォーターマーク</translation>
    </message>
    <message>
        <source>Low watermark</source>
        <translation>下限ウォーターマーク</translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation>最大メッセージサイズ</translation>
    </message>
    <message>
        <source>Most edge connections</source>
        <translation>最大エッジ接続数</translation>
    </message>
    <message>
        <source>Most handshakes at once</source>
        <translation>同時ハンドシェイクの最大数</translation>
    </message>
    <message>
        <source>Most requests per edge</source>
        <translation>エッジあたりの最大リクエスト数</translation>
    </message>
    <message>
        <source>Edge send buffer</source>
        <translation>エッジ送信バッファ</translation>
    </message>
    <message>
        <source>Most tunnels</source>
        <translation>最大トンネル数</translation>
    </message>
    <message>
        <source>Tunnel idle timeout</source>
        <translation>トンネルのアイドルタイムアウト</translation>
    </message>
    <message>
        <source>Routing plugin</source>
        <translation>ルーティングプラグイン</translation>
    </message>
    <message>
        <source>Edge port</source>
        <translation>エッジポート</translation>
    </message>
    <message>
        <source>Edge address</source>
        <translation>エッジアドレス</translation>
    </message>
    <message>
        <source>Edge TLS</source>
        <translation>エッジ TLS</translation>
    </message>
    <message>
        <source>Edge keystore</source>
        <translation>エッジキーストア</translation>
    </message>
    <message>
        <source>Edge keystore password</source>
        <translation>エッジキーストアのパスワード</translation>
    </message>
    <message>
        <source>Lowest TLS version</source>
        <translation>最低 TLS バージョン</translation>
    </message>
    <message>
        <source>TLS 1.2 ciphers</source>
        <translation>TLS 1.2 暗号</translation>
    </message>
    <message>
        <source>TLS 1.3 cipher suites</source>
        <translation>TLS 1.3 暗号スイート</translation>
    </message>
    <message>
        <source>TLS to discovered instances</source>
        <translation>検出されたインスタンスへの TLS</translation>
    </message>
    <message>
        <source>Host name validation</source>
        <translation>ホスト名の検証</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>トラストストア</translation>
    </message>
    <message>
        <source>Trust store password</source>
        <translation>トラストストアのパスワード</translation>
    </message>
    <message>
        <source>Health port</source>
        <translation>ヘルスポート</translation>
    </message>
    <message>
        <source>Health address</source>
        <translation>ヘルスアドレス</translation>
    </message>
    <message>
        <source>Status socket</source>
        <translation>ステータスソケット</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>ワーカースレッド</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>プラグインフォルダー</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>ドレインタイムアウト</translation>
    </message>
    <message>
        <source>Health grace period</source>
        <translation>ヘルス猶予期間</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>ログレベル</translation>
    </message>
    <message>
        <source>Log rules</source>
        <translation>ログルール</translation>
    </message>
    <message>
        <source>Networks (CIDR, such as &quot;10.0.0.0/8&quot;) a discovered instance&apos;s address must be in to be dialled; empty: any address but link-local, multicast and unspecified ones.</source>
        <translation>検出されたインスタンスに接続するためにそのアドレスが属すべきネットワーク (CIDR、例:「10.0.0.0/8」)。空: リンクローカル、マルチキャスト、未指定アドレス以外のすべて。</translation>
    </message>
    <message>
        <source>Most discovered instances dialled at once; further ones are skipped with a warning.</source>
        <translation>同時に接続する検出済みインスタンスの最大数。それを超えるものは警告付きでスキップされます。</translation>
    </message>
    <message>
        <source>Edge connections one cxserver holds at most; a connection beyond it is closed at once and counted.</source>
        <translation>1 台の cxserver が保持するエッジ接続の最大数。それを超える接続は直ちに閉じられ、カウントされます。</translation>
    </message>
    <message>
        <source>Edge connections still in their TLS or WebSocket handshake at most; a connection beyond it is closed at once and counted.</source>
        <translation>TLS または WebSocket のハンドシェイク中のエッジ接続の最大数。それを超える接続は直ちに閉じられ、カウントされます。</translation>
    </message>
    <message>
        <source>Requests one edge may have in flight; a request beyond it is answered 0xA0 (too many requests in flight).</source>
        <translation>1 台のエッジが同時に処理中にできるリクエスト数。それを超えるリクエストには 0xA0 (処理中のリクエストが多すぎる) が返されます。</translation>
    </message>
    <message>
        <source>Bytes queued toward one edge (responses, platform requests, pongs, close frames) beyond which an edge that does not read is dropped; at least one largest message plus highWaterMark is always allowed.</source>
        <translation>1 台のエッジ宛てにキューされたバイト数 (応答、プラットフォームのリクエスト、pong、クローズフレーム)。これを超えると読み取らないエッジは切断されます。最大メッセージ 1 つと highWaterMark の合計は常に許可されます。</translation>
    </message>
    <message>
        <source>Remote-access tunnels one cxserver relays at once; a tunnel beyond it is refused with 503.</source>
        <translation>1 台の cxserver が同時に中継するリモートアクセストンネルの数。それを超えるトンネルは 503 で拒否されます。</translation>
    </message>
    <message>
        <source>A tunnel with no frame from either side (pings count) for this long is closed (1001).</source>
        <translation>この時間どちら側からもフレームがない (ping も数える) トンネルは閉じられます (1001)。</translation>
    </message>
    <message>
        <source>Oldest TLS version an edge may use: &quot;TLSv1.2&quot; or &quot;TLSv1.3&quot;.</source>
        <translation>エッジが使用できる最も古い TLS バージョン:「TLSv1.2」または「TLSv1.3」。</translation>
    </message>
    <message>
        <source>OpenSSL cipher list for TLS 1.2 edges; the default allows ECDHE key exchange with AEAD ciphers only (forward secrecy).</source>
        <translation>TLS 1.2 のエッジ向け OpenSSL 暗号リスト。既定では AEAD 暗号による ECDHE 鍵交換のみを許可します (前方秘匿性)。</translation>
    </message>
    <message>
        <source>OpenSSL cipher suites for TLS 1.3 edges; null: OpenSSL&apos;s default.</source>
        <translation>TLS 1.3 のエッジ向け OpenSSL 暗号スイート。null: OpenSSL の既定値。</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort; false sends the app key in clear text (a warning unless the instances are on loopback).</source>
        <translation>検出されたインスタンスに sslPort で wss:// 接続します。false ではアプリキーが平文で送られます (インスタンスがループバック上にない限り警告)。</translation>
    </message>
    <message>
        <source>IP address the health and metrics listener binds to (its own, not the edges&apos;); a load balancer on another host needs it set.</source>
        <translation>ヘルスおよびメトリクスのリスナーがバインドする IP アドレス (エッジ用とは別)。別のホスト上のロードバランサーにはこの設定が必要です。</translation>
    </message>
    <message>
        <source>Status socket: a value with / is a socket path; a bare name goes to $XDG_RUNTIME_DIR/NAME, else to &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (a private folder created 0700), or \\.\pipe\NAME on Windows.</source>
        <translation>ステータスソケット: / を含む値はソケットのパスです。名前だけの場合は $XDG_RUNTIME_DIR/NAME、なければ &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (0700 で作成される専用フォルダー)、Windows では \\.\pipe\NAME になります。</translation>
    </message>
    <message>
        <source>On SIGTERM, how long /health answers 503 while edges are still served and accepted, so that the load balancer moves new edges away before the listener closes and the drain begins; 0: no grace.</source>
        <translation>SIGTERM 時に、エッジへのサービスと受け入れを続けたまま /health が 503 を返す時間。リスナーが閉じてドレインが始まる前に、ロードバランサーが新しいエッジを他へ振り向けられるようにします。0: 猶予なし。</translation>
    </message>
    <message>
        <source>Authenticate to ZooKeeper with SASL (Kerberos or DIGEST-MD5); the login comes from the JAAS file&apos;s Client section.</source>
        <translation>SASL（Kerberos または DIGEST-MD5）で ZooKeeper に認証します。ログイン情報は JAAS ファイルの Client セクションから読み取ります。</translation>
    </message>
    <message>
        <source>&quot;GSSAPI&quot; (Kerberos, a keytab) or &quot;DIGEST-MD5&quot; (a username and password).</source>
        <translation>&quot;GSSAPI&quot;（Kerberos、keytab）または &quot;DIGEST-MD5&quot;（ユーザー名とパスワード）。</translation>
    </message>
    <message>
        <source>The service part of ZooKeeper&apos;s Kerberos principal (zookeeper/HOST@REALM).</source>
        <translation>ZooKeeper の Kerberos プリンシパルのサービス部分（zookeeper/HOST@REALM）。</translation>
    </message>
    <message>
        <source>JAAS file whose Client section gives the SASL login, as for ZooKeeper&apos;s Java client: Krb5LoginModule with principal and keyTab, or DigestLoginModule with username and password.</source>
        <translation>Client セクションに SASL ログインを記述した JAAS ファイル（ZooKeeper の Java クライアントと同じ形式）：principal と keyTab を指定した Krb5LoginModule、または username と password を指定した DigestLoginModule。</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL メカニズム</translation>
    </message>
    <message>
        <source>SASL service name</source>
        <translation>SASL サービス名</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper</source>
        <translation>ZooKeeper への TLS</translation>
    </message>
    <message>
        <source>ZooKeeper trust store</source>
        <translation>ZooKeeper のトラストストア</translation>
    </message>
    <message>
        <source>ZooKeeper client key store</source>
        <translation>ZooKeeper のクライアントキーストア</translation>
    </message>
    <message>
        <source>ZooKeeper key store password</source>
        <translation>ZooKeeper キーストアのパスワード</translation>
    </message>
    <message>
        <source>Connect to ZooKeeper&apos;s secureClientPort with TLS; the server&apos;s name is validated.</source>
        <translation>TLS で ZooKeeper の secureClientPort に接続します。サーバー名を検証します。</translation>
    </message>
    <message>
        <source>PEM file of the CA certificates ZooKeeper&apos;s certificate is verified against; null: the system CAs.</source>
        <translation>ZooKeeper の証明書を検証する CA 証明書の PEM ファイル。null: システムの CA。</translation>
    </message>
    <message>
        <source>PKCS#12 key store of the client certificate ZooKeeper asks for by default; null: none.</source>
        <translation>ZooKeeper が既定で要求するクライアント証明書の PKCS#12 キーストア。null: なし。</translation>
    </message>
    <message>
        <source>Password of that key store (a secret).</source>
        <translation>そのキーストアのパスワード（機密情報）。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ServiceAccess</name>
    <message>
        <source>The service cannot read it</source>
        <translation>サービスが読み取れません</translation>
    </message>
    <message>
        <source>Saved, but cxserver runs as %1 and could not read:

%2

Give its group read access, e.g.: sudo chgrp %1 FILE &amp;&amp; sudo chmod g+r FILE</source>
        <translation>保存しましたが、cxserver は %1 として動作するため、次を読み取れません:

%2

そのグループに読み取り権限を与えてください。例: sudo chgrp %1 FILE &amp;&amp; sudo chmod g+r FILE</translation>
    </message>
</context>
<context>
    <name>cx::configurator::StartPage</name>
    <message>
        <source>cxserver configurator</source>
        <translation>cxserver 構成ツール</translation>
    </message>
    <message>
        <source>Write the configuration of a cxserver, change it safely, and watch the cxservers of a cluster while they run.</source>
        <translation>cxserver の構成を作成し、安全に変更し、クラスタの cxserver を稼働中に監視します。</translation>
    </message>
    <message>
        <source>New configuration</source>
        <translation>新しい構成</translation>
    </message>
    <message>
        <source>A wizard asks for the platform instances, the app key and TLS, and writes a complete, checked cxserver.conf.</source>
        <translation>ウィザードがプラットフォームインスタンス、アプリキー、TLS を尋ね、検証済みの完全な cxserver.conf を書き出します。</translation>
    </message>
    <message>
        <source>Open a configuration…</source>
        <translation>構成を開く…</translation>
    </message>
    <message>
        <source>Edit an existing cxserver.conf; its comments are kept.</source>
        <translation>既存の cxserver.conf を編集します。コメントは保持されます。</translation>
    </message>
    <message>
        <source>Open the service&apos;s configuration</source>
        <translation>サービスの構成を開く</translation>
    </message>
    <message>
        <source>Watch a running cluster</source>
        <translation>稼働中のクラスタを監視</translation>
    </message>
    <message>
        <source>Live status of one or more cxservers through their status sockets.</source>
        <translation>ステータスソケットを通じた 1 台以上の cxserver のライブステータス。</translation>
    </message>
    <message>
        <source>No recent files yet.</source>
        <translation>最近使ったファイルはまだありません。</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>最近使ったファイル:</translation>
    </message>
    <message>
        <source>%1 does not exist: the cxserver package is not installed here.</source>
        <translation>%1 は存在しません: このマシンには cxserver パッケージがインストールされていません。</translation>
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
        <translation>接続</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Writable</source>
        <translation>書き込み可</translation>
    </message>
    <message>
        <source>Pipes</source>
        <translation>パイプ</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>ルーティング済み</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>リクエスト/秒</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>The service is not running (no status socket %1). Retrying…</source>
        <translation>サービスが実行されていません (ステータスソケット %1 がありません)。再試行しています…</translation>
    </message>
    <message>
        <source>Access to the status socket %1 is denied: run the configurator as a member of the service&apos;s group. Retrying…</source>
        <translation>ステータスソケット %1 へのアクセスが拒否されました。サービスのグループのメンバーとして構成ツールを実行してください。再試行しています…</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2. Retrying…</source>
        <translation>%1 に接続できません: %2。再試行しています…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>切断</translation>
    </message>
    <message>
        <source>static list</source>
        <translation>固定リスト</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 connected, %2 authenticated</source>
        <translation>接続 %1、認証済み %2</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 日 %2</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>%1 に接続しました。</translation>
    </message>
    <message>
        <source>down since %1 (removed)</source>
        <translation>%1 から停止（削除済み）</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%2 から %1</translation>
    </message>
    <message>
        <source>The status socket (admin.socket) of each cxserver to watch, separated by commas.</source>
        <translation>監視する各 cxserver のステータスソケット（admin.socket）、カンマ区切り。</translation>
    </message>
    <message>
        <source>Status sockets:</source>
        <translation>ステータスソケット:</translation>
    </message>
    <message>
        <source>cxserver</source>
        <translation>cxserver</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>ディスカバリ</translation>
    </message>
    <message>
        <source>Edge devices</source>
        <translation>エッジデバイス</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最後のエラー</translation>
    </message>
    <message>
        <source>Events (newest first):</source>
        <translation>イベント（新しい順）:</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>アクセス拒否</translation>
    </message>
    <message>
        <source>Cluster: %1 edge devices connected, %2 authenticated · routed %3 (%4/s) · errors %5 (%6/s)</source>
        <translation>クラスタ: エッジデバイス %1 台接続、%2 台認証済み · ルーティング %3 (%4/s) · エラー %5 (%6/s)</translation>
    </message>
    <message>
        <source>Not connected. Enter the status socket (admin.socket) of each cxserver and press Connect.</source>
        <translation>未接続です。各 cxserver のステータスソケット（admin.socket）を入力して「接続」を押してください。</translation>
    </message>
    <message>
        <source>Connected to %1 of %2 cxservers.</source>
        <translation>%2 台中 %1 台の cxserver に接続中。</translation>
    </message>
    <message>
        <source>up</source>
        <translation>稼働中</translation>
    </message>
    <message>
        <source>down since %1: %2</source>
        <translation>%1 から停止: %2</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperPage</name>
    <message>
        <source>ZooKeeper discovery</source>
        <translation>ZooKeeper による検出</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>接続文字列:</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>ベースパス:</translation>
    </message>
    <message>
        <source>Service name:</source>
        <translation>サービス名:</translation>
    </message>
    <message>
        <source>Base path and service name must match what the platform registers: &quot;thingworx-https&quot; is usual when the platform serves TLS.</source>
        <translation>ベースパスとサービス名はプラットフォームの登録内容と一致させてください。プラットフォームが TLS を使う場合は &quot;thingworx-https&quot; が一般的です。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Where the platform instances register.</source>
        <translation>プラットフォームのインスタンスが登録される場所。</translation>
    </message>
    <message>
        <source>Registered instances (press Test to list them):</source>
        <translation>登録済みのインスタンス (「テスト」で一覧表示):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos (GSSAPI)</translation>
    </message>
    <message>
        <source>Username and password (DIGEST-MD5)</source>
        <translation>ユーザー名とパスワード (DIGEST-MD5)</translation>
    </message>
    <message>
        <source>Kerberos&apos; default (/etc/krb5.conf)</source>
        <translation>Kerberos の既定値 (/etc/krb5.conf)</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper&apos;s secureClientPort</source>
        <translation>ZooKeeper の secureClientPort への TLS</translation>
    </message>
    <message>
        <source>The system CAs</source>
        <translation>システムの CA</translation>
    </message>
    <message>
        <source>SASL login:</source>
        <translation>SASL ログイン:</translation>
    </message>
    <message>
        <source>JAAS file (Client section):</source>
        <translation>JAAS ファイル（Client セクション）:</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>JAAS ファイル</translation>
    </message>
    <message>
        <source>Kerberos configuration:</source>
        <translation>Kerberos の設定:</translation>
    </message>
    <message>
        <source>krb5.conf</source>
        <translation>krb5.conf</translation>
    </message>
    <message>
        <source>Trust store (PEM):</source>
        <translation>トラストストア (PEM):</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>トラストストア</translation>
    </message>
    <message>
        <source>Client key store (PKCS#12):</source>
        <translation>クライアントキーストア (PKCS#12):</translation>
    </message>
    <message>
        <source>Key store</source>
        <translation>キーストア</translation>
    </message>
    <message>
        <source>Key store password:</source>
        <translation>キーストアのパスワード:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperProbe</name>
    <message>
        <source>No answer from ZooKeeper: check the connection string, the network and the firewall.</source>
        <translation>ZooKeeper から応答がありません。接続文字列、ネットワーク、ファイアウォールを確認してください。</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; no platform instance is registered under this path and service name.</source>
        <translation>ZooKeeper に接続しました。このパスとサービス名で登録されたインスタンスはありません。</translation>
    </message>
    <message>
        <source>Enter the ZooKeeper connection string first.</source>
        <translation>先に ZooKeeper の接続文字列を入力してください。</translation>
    </message>
    <message>
        <source>Cannot load the ZooKeeper discovery plugin: %1</source>
        <translation>ZooKeeper 検出プラグインを読み込めません: %1</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; platform instances found: %1.</source>
        <translation>ZooKeeper に接続しました。見つかったインスタンス: %1。</translation>
    </message>
</context>
</TS>
