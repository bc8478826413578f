<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cx::configurator::AppKeyPage</name>
    <message>
        <source>Application key</source>
        <translation>应用密钥</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>App key:</source>
        <translation>应用密钥：</translation>
    </message>
    <message>
        <source>How cxserver authenticates to the platform.</source>
        <translation>cxserver 如何向平台进行身份验证。</translation>
    </message>
    <message>
        <source>cxserver authenticates its connections to the platform with an application key created in ThingWorx Composer. The key is a secret: choose &quot;Encrypt secrets&quot; on the last page to store it encrypted.</source>
        <translation>cxserver 使用在 ThingWorx Composer 中创建的应用密钥对其到平台的连接进行身份验证。该密钥属于机密：在最后一页选择“加密机密信息”即可加密保存。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigEditorWidget</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Import keystore…</source>
        <translation>导入密钥库…</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>默认值：%1。</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>This file stores its secrets encrypted; its key is needed to change %1.</source>
        <translation>此文件以加密方式存储机密信息；修改 %1 需要其密钥。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: %2</source>
        <translation>无法解密 %1：%2</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>请选择配置的保存位置。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets and their key cannot be read: %2</source>
        <translation>%1 包含加密的机密信息，但无法读取其密钥：%2</translation>
    </message>
    <message>
        <source>%1 stores encrypted secrets, and no key file or keychain holding their key was chosen.</source>
        <translation>%1 包含加密的机密信息，但尚未选择保存其密钥的密钥文件或钥匙串。</translation>
    </message>
    <message>
        <source>Search the settings: a name, a key or words of its help</source>
        <translation>搜索设置：名称、键或其帮助中的词语</translation>
    </message>
    <message>
        <source>No setting matches the search.</source>
        <translation>没有与搜索匹配的设置。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigSaver</name>
    <message>
        <source>Choose a key file.</source>
        <translation>请选择密钥文件。</translation>
    </message>
    <message>
        <source>The OS keychain cannot be used (%1). Choose a key file instead, or run the configurator in a desktop session with a keyring such as GNOME Keyring.</source>
        <translation>无法使用系统钥匙串（%1）。请改为选择密钥文件，或在带有钥匙串（如 GNOME Keyring）的桌面会话中运行配置工具。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ConfigWizard</name>
    <message>
        <source>New cxserver configuration</source>
        <translation>新建 cxserver 配置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose where to save the configuration.</source>
        <translation>请选择配置的保存位置。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::EdgeTlsPage</name>
    <message>
        <source>Edge listener TLS</source>
        <translation>边缘监听器 TLS</translation>
    </message>
    <message>
        <source>Use TLS for edge connections (recommended)</source>
        <translation>对边缘连接使用 TLS（推荐）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Keystore:</source>
        <translation>密钥库：</translation>
    </message>
    <message>
        <source>Keystore password:</source>
        <translation>密钥库密码：</translation>
    </message>
    <message>
        <source>Certificate for %1, valid until %2.</source>
        <translation>%1 的证书，有效期至 %2。</translation>
    </message>
    <message>
        <source>Edge devices connect with wss:// when TLS is on.</source>
        <translation>启用 TLS 时，边缘设备通过 wss:// 连接。</translation>
    </message>
    <message>
        <source>The listener&apos;s certificate and private key come from a PKCS#12 keystore. It is copied next to the saved configuration, readable by its owner and the service&apos;s group (cxserver) only.</source>
        <translation>监听器的证书和私钥来自 PKCS#12 密钥库。它会被复制到保存的配置旁边，只有其所有者和服务的组（cxserver）可以读取。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::MainWindow</name>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Live status</source>
        <translation>实时状态</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New configuration…</source>
        <translation>新建配置(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Key file for encrypted secrets…</source>
        <translation>加密机密信息的密钥文件(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Import edge keystore…</source>
        <translation>导入边缘密钥库(&amp;I)…</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>%1[*] — cxserver configurator</source>
        <translation>%1[*] — cxserver 配置工具</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>cxserver 配置 (*.conf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Encrypted configuration</source>
        <translation>加密的配置</translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation>无法打开配置</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Save with errors?</source>
        <translation>带错误保存？</translation>
    </message>
    <message>
        <source>cxserver will not start with this configuration: it has errors. Save anyway?</source>
        <translation>此配置有错误，cxserver 将无法启动。仍要保存吗？</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>密钥文件 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>先保存对 %1 的更改吗？</translation>
    </message>
    <message>
        <source>&amp;Use the OS keychain for encrypted secrets</source>
        <translation>对加密机密信息使用系统钥匙串(&amp;U)</translation>
    </message>
    <message>
        <source>%1

Choose the key file they were encrypted with. If they were encrypted with the OS keychain, cancel and turn on File ▸ Use the OS keychain.</source>
        <translation>%1

请选择加密时使用的密钥文件。如果是用系统钥匙串加密的，请取消并打开“文件 ▸ 使用系统钥匙串”。</translation>
    </message>
    <message>
        <source>S&amp;tart page</source>
        <translation>起始页(&amp;T)</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ModePage</name>
    <message>
        <source>Platform deployment</source>
        <translation>平台部署</translation>
    </message>
    <message>
        <source>A single platform, or a fixed list of platform instances</source>
        <translation>单个平台，或固定的平台实例列表</translation>
    </message>
    <message>
        <source>A high-availability cluster whose instances register in ZooKeeper</source>
        <translation>实例在 ZooKeeper 中注册的高可用集群</translation>
    </message>
    <message>
        <source>cxserver connects to the URLs you list and uses them in turn.</source>
        <translation>cxserver 连接到您列出的 URL 并轮流使用。</translation>
    </message>
    <message>
        <source>cxserver discovers the instances of an active-active cluster in ZooKeeper and follows them as they come and go.</source>
        <translation>cxserver 在 ZooKeeper 中发现双活集群的实例，并跟踪其增减。</translation>
    </message>
    <message>
        <source>How is the ThingWorx platform deployed?</source>
        <translation>ThingWorx 平台如何部署？</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12ImportDialog</name>
    <message>
        <source>Import PKCS#12 keystore</source>
        <translation>导入 PKCS#12 密钥库</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Keystore file:</source>
        <translation>密钥库文件：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 keystore</source>
        <translation>选择 PKCS#12 密钥库</translation>
    </message>
    <message>
        <source>PKCS#12 keystores (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 密钥库 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>DNS names</source>
        <translation>DNS 名称</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1，%2 位</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>证书链</translation>
    </message>
    <message>
        <source>no further certificates</source>
        <translation>无其他证书</translation>
    </message>
</context>
<context>
    <name>cx::configurator::Pkcs12Inspector</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 keystore.</source>
        <translation>%1 不是 PKCS#12 密钥库。</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>%1 的密码错误。</translation>
    </message>
    <message>
        <source>Cannot decrypt %1: it uses an algorithm this system does not support.</source>
        <translation>无法解密 %1：它使用了本系统不支持的算法。</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>证书已于 %1 过期。</translation>
    </message>
    <message>
        <source>The certificate is not valid yet: it becomes valid on %1.</source>
        <translation>证书尚未生效：将于 %1 生效。</translation>
    </message>
    <message>
        <source>The certificate has no subject alternative names: clients that check host names will refuse it.</source>
        <translation>证书没有使用者可选名称（SAN）：校验主机名的客户端会拒绝它。</translation>
    </message>
    <message>
        <source>The keystore holds no certificate.</source>
        <translation>密钥库中没有证书。</translation>
    </message>
    <message>
        <source>The keystore holds no private key: the edge listener cannot use it.</source>
        <translation>密钥库中没有私钥：边缘监听器无法使用它。</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits; use at least 2048.</source>
        <translation>RSA 密钥只有 %1 位；请至少使用 2048 位。</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformTlsPage</name>
    <message>
        <source>Platform TLS</source>
        <translation>平台 TLS</translation>
    </message>
    <message>
        <source>Connect to discovered instances with TLS (wss:// on their SSL port)</source>
        <translation>使用 TLS 连接发现的实例（其 SSL 端口上的 wss://）</translation>
    </message>
    <message>
        <source>Check that each certificate names the address connected to (host name validation)</source>
        <translation>检查每个证书是否包含所连接的地址（主机名验证）</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>留空：使用系统的证书颁发机构</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>only for a PKCS#12 trust store</source>
        <translation>仅用于 PKCS#12 信任库</translation>
    </message>
    <message>
        <source>Trust store:</source>
        <translation>信任库：</translation>
    </message>
    <message>
        <source>Trust store password:</source>
        <translation>信任库密码：</translation>
    </message>
    <message>
        <source>Choose a trust store</source>
        <translation>选择信任库</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>证书 (*.p12 *.pfx *.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Without host name validation any certificate from a trusted authority is accepted for any instance. Turn it off for tests only; cxserver logs a warning at every start.</source>
        <translation>不进行主机名验证时，任何受信任机构颁发的证书都会被任意实例接受。请仅在测试时关闭；cxserver 每次启动都会记录一条警告。</translation>
    </message>
    <message>
        <source>Discovered instances are reached by the IP address they register in ZooKeeper: each platform certificate needs that IP address in its Subject Alternative Name (IP SAN), or the connection is refused.</source>
        <translation>通过实例在 ZooKeeper 中注册的 IP 地址连接发现的实例：每个平台证书的使用者可选名称中必须包含该 IP 地址（IP SAN），否则连接会被拒绝。</translation>
    </message>
    <message>
        <source>How cxserver checks the platform&apos;s certificates.</source>
        <translation>cxserver 如何检查平台的证书。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PlatformsPage</name>
    <message>
        <source>Platform instances</source>
        <translation>平台实例</translation>
    </message>
    <message>
        <source>One WebSocket URL per line: ws://host:port/Thingworx/WS, or wss:// for TLS. Several instances are used in turn.</source>
        <translation>每行一个 WebSocket URL：ws://host:port/Thingworx/WS，TLS 使用 wss://。多个实例会轮流使用。</translation>
    </message>
    <message>
        <source>Test reachability</source>
        <translation>测试可达性</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// URL with a host and a port: %1</source>
        <translation>不是包含主机和端口的 ws:// 或 wss:// URL：%1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>The platform instances cxserver connects to.</source>
        <translation>cxserver 要连接的平台实例。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::PortsPage</name>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Edge port:</source>
        <translation>边缘端口：</translation>
    </message>
    <message>
        <source>Edge listen address:</source>
        <translation>边缘监听地址：</translation>
    </message>
    <message>
        <source>Health and metrics port:</source>
        <translation>健康检查和指标端口：</translation>
    </message>
    <message>
        <source>Status socket:</source>
        <translation>状态套接字：</translation>
    </message>
    <message>
        <source>Listen address 0.0.0.0 accepts every IPv4 address, :: every address. A status socket name without / is placed by the system; the Linux package uses /run/cxserver/cxserver.sock.</source>
        <translation>监听地址 0.0.0.0 接受所有 IPv4 地址，:: 接受所有地址。不含 / 的状态套接字名称由系统决定位置；Linux 软件包使用 /run/cxserver/cxserver.sock。</translation>
    </message>
    <message>
        <source>The listen address must be an IP address or &quot;localhost&quot;.</source>
        <translation>监听地址必须是 IP 地址或“localhost”。</translation>
    </message>
    <message>
        <source>The edge port and the health port must differ.</source>
        <translation>边缘端口与健康检查端口必须不同。</translation>
    </message>
    <message>
        <source>Where cxserver listens.</source>
        <translation>cxserver 的监听位置。</translation>
    </message>
    <message>
        <source>Enter the status socket&apos;s name or path.</source>
        <translation>请输入状态套接字的名称或路径。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReachabilityProbe</name>
    <message>
        <source>no answer (timed out)</source>
        <translation>无应答（超时）</translation>
    </message>
    <message>
        <source>not a ws:// or wss:// URL</source>
        <translation>不是 ws:// 或 wss:// URL</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <source>Enter at least one platform URL.</source>
        <translation>请至少输入一个平台 URL。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>检查并保存</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Encrypt secrets (app key, passwords)</source>
        <translation>加密机密信息（应用密钥、密码）</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>密钥文件：</translation>
    </message>
    <message>
        <source>created when missing, e.g. /etc/cxserver/cxserver.key</source>
        <translation>不存在时自动创建，例如 /etc/cxserver/cxserver.key</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>另存为：</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>cxserver configuration (*.conf);;All files (*)</source>
        <translation>cxserver 配置 (*.conf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>配置有效。</translation>
    </message>
    <message>
        <source>The file that will be written; secret values are hidden here.</source>
        <translation>将要写入的文件；此处隐藏了机密值。</translation>
    </message>
    <message>
        <source>Replace the configuration?</source>
        <translation>替换配置？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this configuration? Its owner, group and permissions are kept.</source>
        <translation>%1 已存在。要用此配置替换它吗？其所有者、组和权限将保持不变。</translation>
    </message>
    <message>
        <source>where to save it, e.g. /etc/cxserver/cxserver.conf</source>
        <translation>保存位置，例如 /etc/cxserver/cxserver.conf</translation>
    </message>
</context>
<context>
    <name>cx::configurator::SchemaTexts</name>
    <message>
        <source>Platform connection</source>
        <translation>平台连接</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Platform pipes and requests</source>
        <translation>平台管道与请求</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Edge listener</source>
        <translation>边缘监听器</translation>
    </message>
    <message>
        <source>Platform TLS</source>
        <translation>平台 TLS</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运维</translation>
    </message>
    <message>
        <source>&quot;websockets_active_active&quot; for an HA cluster, else &quot;websockets&quot;; it only chooses the default discovery plugin.</source>
        <translation>HA 集群为“websockets_active_active”，否则为“websockets”；仅用于选择默认的发现插件。</translation>
    </message>
    <message>
        <source>The app key cxserver authenticates its platform pipes with (a secret).</source>
        <translation>cxserver 用于验证其平台管道的应用密钥（机密）。</translation>
    </message>
    <message>
        <source>Static platform instances, each ws://host:port/Thingworx/WS or wss://...; several are used round-robin.</source>
        <translation>静态平台实例，每个为 ws://host:port/Thingworx/WS 或 wss://...；多个实例轮流使用。</translation>
    </message>
    <message>
        <source>Discover platform instances in ZooKeeper instead of using the static platforms list.</source>
        <translation>在 ZooKeeper 中发现平台实例，而不使用静态列表。</translation>
    </message>
    <message>
        <source>Service name the platform instances register under; &quot;thingworx-https&quot; is usual with TLS.</source>
        <translation>平台实例注册所用的服务名称；使用 TLS 时通常为“thingworx-https”。</translation>
    </message>
    <message>
        <source>Discovery plugin id; null: &quot;zookeeper&quot; when service discovery is enabled (or, when that is not set, for platform.transport &quot;websockets_active_active&quot;), else &quot;static&quot;.</source>
        <translation>发现插件 ID；null 表示：启用服务发现时（未设置时则在 platform.transport 为“websockets_active_active”时）为“zookeeper”，否则为“static”。</translation>
    </message>
    <message>
        <source>The ZooKeeper ensemble, such as &quot;zk1:2181,zk2:2181,zk3:2181&quot;.</source>
        <translation>ZooKeeper 集群，例如“zk1:2181,zk2:2181,zk3:2181”。</translation>
    </message>
    <message>
        <source>ZooKeeper path the services are registered under; must match the cluster&apos;s namespace.</source>
        <translation>服务注册所在的 ZooKeeper 路径；必须与集群的命名空间一致。</translation>
    </message>
    <message>
        <source>ZooKeeper session timeout.</source>
        <translation>ZooKeeper 会话超时。</translation>
    </message>
    <message>
        <source>ZooKeeper authentication scheme, such as &quot;digest&quot;; null: none.</source>
        <translation>ZooKeeper 身份验证方案，例如“digest”；null：无。</translation>
    </message>
    <message>
        <source>Credentials for that scheme, such as &quot;user:password&quot; for digest (a secret).</source>
        <translation>该方案的凭据，例如 digest 的“user:password”（机密）。</translation>
    </message>
    <message>
        <source>Kerberos configuration file (krb5.conf) for SASL.</source>
        <translation>用于 SASL 的 Kerberos 配置文件（krb5.conf）。</translation>
    </message>
    <message>
        <source>Milliseconds an edge has to send AUTH after it connects.</source>
        <translation>边缘设备连接后发送 AUTH 的时限（毫秒）。</translation>
    </message>
    <message>
        <source>Milliseconds a request waits for the platform&apos;s response before the edge gets 0xA4 (gateway timeout).</source>
        <translation>请求等待平台响应的时长（毫秒），超时后边缘设备收到 0xA4（网关超时）。</translation>
    </message>
    <message>
        <source>WebSockets cxserver opens to each platform instance.</source>
        <translation>cxserver 为每个平台实例打开的 WebSocket 数。</translation>
    </message>
    <message>
        <source>Milliseconds one platform pipe may take to connect.</source>
        <translation>单个平台管道建立连接的时限（毫秒）。</translation>
    </message>
    <message>
        <source>How often cxserver pings each platform pipe.</source>
        <translation>cxserver 对每个平台管道发送 ping 的间隔。</translation>
    </message>
    <message>
        <source>A platform pipe or an edge that sends nothing for this long is closed.</source>
        <translation>在此时长内没有发送任何数据的平台管道或边缘设备将被关闭。</translation>
    </message>
    <message>
        <source>A pipe holding more unsent bytes than this takes no new requests.</source>
        <translation>未发送字节超过此值的管道不再接收新请求。</translation>
    </message>
    <message>
        <source>Such a pipe takes requests again once its unsent bytes are down to this.</source>
        <translation>此类管道的未发送字节降到此值后重新接收请求。</translation>
    </message>
    <message>
        <source>Largest message accepted from an edge; a larger one closes its WebSocket (1009).</source>
        <translation>从边缘设备接受的最大消息；更大的消息会关闭其 WebSocket（1009）。</translation>
    </message>
    <message>
        <source>Routing plugin id: which connected instance gets the next request.</source>
        <translation>路由插件 ID：决定由哪个已连接实例处理下一个请求。</translation>
    </message>
    <message>
        <source>TCP port edges connect to; 0 takes any free port (for tests).</source>
        <translation>边缘设备连接的 TCP 端口；0 表示任选空闲端口（用于测试）。</translation>
    </message>
    <message>
        <source>IP address the edge listener binds to, or &quot;localhost&quot;; &quot;0.0.0.0&quot; is every IPv4 address, &quot;::&quot; every address.</source>
        <translation>边缘监听器绑定的 IP 地址或“localhost”；“0.0.0.0”表示所有 IPv4 地址，“::”表示所有地址。</translation>
    </message>
    <message>
        <source>TLS on the edge listener: edges connect with wss://.</source>
        <translation>边缘监听器启用 TLS：边缘设备通过 wss:// 连接。</translation>
    </message>
    <message>
        <source>PKCS#12 keystore holding the edge listener&apos;s certificate and key.</source>
        <translation>包含边缘监听器证书和私钥的 PKCS#12 密钥库。</translation>
    </message>
    <message>
        <source>Password of that keystore; null when it has none (a secret).</source>
        <translation>该密钥库的密码；没有密码时为 null（机密）。</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort.</source>
        <translation>通过其 sslPort 上的 wss:// 连接发现的实例。</translation>
    </message>
    <message>
        <source>Check that a platform&apos;s certificate names the address connected to; turn off for tests only.</source>
        <translation>检查平台证书是否包含所连接的地址；仅在测试时关闭。</translation>
    </message>
    <message>
        <source>Certificates (PKCS#12 or PEM) that platform certificates are verified against; null: the system CAs.</source>
        <translation>用于验证平台证书的证书（PKCS#12 或 PEM）；null：系统 CA。</translation>
    </message>
    <message>
        <source>Password of a PKCS#12 trust store (a secret).</source>
        <translation>PKCS#12 信任库的密码（机密）。</translation>
    </message>
    <message>
        <source>HTTP port of /health and /metrics; 0 turns them off.</source>
        <translation>/health 和 /metrics 的 HTTP 端口；0 表示关闭。</translation>
    </message>
    <message>
        <source>Status socket: a bare name is placed by the system (temp dir on Unix, \\.\pipe\NAME on Windows), a value with / is a socket path.</source>
        <translation>状态套接字：简单名称由系统决定位置（Unix 上为临时目录，Windows 上为 \\.\pipe\NAME），含 / 的值为套接字路径。</translation>
    </message>
    <message>
        <source>Event-loop threads that own edge connections; 0: one per CPU core.</source>
        <translation>承载边缘连接的事件循环线程数；0：每个 CPU 核心一个。</translation>
    </message>
    <message>
        <source>Folder the discovery and routing plugins are loaded from; null: the folder of the cxserver executable.</source>
        <translation>加载发现和路由插件的文件夹；null：cxserver 可执行文件所在文件夹。</translation>
    </message>
    <message>
        <source>On SIGTERM, how long requests in flight may take to finish before they fail and cxserver exits (/health reports 503 meanwhile).</source>
        <translation>收到 SIGTERM 后，处理中的请求在失败且 cxserver 退出前可用的时长（在此期间 /health 返回 503）。</translation>
    </message>
    <message>
        <source>Least severe messages logged: debug, info, warning, critical or off. Changes with a reload.</source>
        <translation>记录的最低严重级别：debug、info、warning、critical 或 off。重新加载即可更改。</translation>
    </message>
    <message>
        <source>Per-category levels that override logging.level, such as [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]. Changes with a reload.</source>
        <translation>覆盖 logging.level 的按类别级别，例如 [&quot;cx.worker=debug&quot;, &quot;cx.discovery.*=warning&quot;]。重新加载即可更改。</translation>
    </message>
    <message>
        <source>Platform transport</source>
        <translation>平台传输方式</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>应用密钥</translation>
    </message>
    <message>
        <source>Static platform instances</source>
        <translation>静态平台实例</translation>
    </message>
    <message>
        <source>Discover instances in ZooKeeper</source>
        <translation>在 ZooKeeper 中发现实例</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>允许的网络</translation>
    </message>
    <message>
        <source>Most instances</source>
        <translation>最多实例数</translation>
    </message>
    <message>
        <source>Discovery plugin</source>
        <translation>发现插件</translation>
    </message>
    <message>
        <source>ZooKeeper servers</source>
        <translation>ZooKeeper 服务器</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>基础路径</translation>
    </message>
    <message>
        <source>Session timeout</source>
        <translation>会话超时</translation>
    </message>
    <message>
        <source>Authentication scheme</source>
        <translation>认证方案</translation>
    </message>
    <message>
        <source>Authentication credentials</source>
        <translation>认证凭据</translation>
    </message>
    <message>
        <source>SASL authentication</source>
        <translation>SASL 认证</translation>
    </message>
    <message>
        <source>Kerberos configuration file</source>
        <translation>Kerberos 配置文件</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>JAAS 文件</translation>
    </message>
    <message>
        <source>Edge authentication timeout</source>
        <translation>边缘设备认证超时</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source>Pipes per instance</source>
        <translation>每个实例的管道数</translation>
    </message>
    <message>
        <source>Pipe connect timeout</source>
        <translation>管道连接超时</translation>
    </message>
    <message>
        <source>Ping interval</source>
        <translation>Ping 间隔</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation>高水位线</translation>
    </message>
    <message>
        <source>Low watermark</source>
        <translation>低水位线</translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation>最大消息</translation>
    </message>
    <message>
        <source>Most edge connections</source>
        <translation>最多边缘连接数</translation>
    </message>
    <message>
        <source>Most handshakes at once</source>
        <translation>同时握手的最多数量</translation>
    </message>
    <message>
        <source>Most requests per edge</source>
        <translation>每个边缘设备的最多请求数</translation>
    </message>
    <message>
        <source>Edge send buffer</source>
        <translation>边缘发送缓冲区</translation>
    </message>
    <message>
        <source>Most tunnels</source>
        <translation>最多隧道数</translation>
    </message>
    <message>
        <source>Tunnel idle timeout</source>
        <translation>隧道空闲超时</translation>
    </message>
    <message>
        <source>Routing plugin</source>
        <translation>路由插件</translation>
    </message>
    <message>
        <source>Edge port</source>
        <translation>边缘端口</translation>
    </message>
    <message>
        <source>Edge address</source>
        <translation>边缘地址</translation>
    </message>
    <message>
        <source>Edge TLS</source>
        <translation>边缘 TLS</translation>
    </message>
    <message>
        <source>Edge keystore</source>
        <translation>边缘密钥库</translation>
    </message>
    <message>
        <source>Edge keystore password</source>
        <translation>边缘密钥库密码</translation>
    </message>
    <message>
        <source>Lowest TLS version</source>
        <translation>最低 TLS 版本</translation>
    </message>
    <message>
        <source>TLS 1.2 ciphers</source>
        <translation>TLS 1.2 加密算法</translation>
    </message>
    <message>
        <source>TLS 1.3 cipher suites</source>
        <translation>TLS 1.3 密码套件</translation>
    </message>
    <message>
        <source>TLS to discovered instances</source>
        <translation>到已发现实例的 TLS</translation>
    </message>
    <message>
        <source>Host name validation</source>
        <translation>主机名验证</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>信任库</translation>
    </message>
    <message>
        <source>Trust store password</source>
        <translation>信任库密码</translation>
    </message>
    <message>
        <source>Health port</source>
        <translation>健康检查端口</translation>
    </message>
    <message>
        <source>Health address</source>
        <translation>健康检查地址</translation>
    </message>
    <message>
        <source>Status socket</source>
        <translation>状态套接字</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>插件文件夹</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>排空超时</translation>
    </message>
    <message>
        <source>Health grace period</source>
        <translation>健康检查宽限期</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日志级别</translation>
    </message>
    <message>
        <source>Log rules</source>
        <translation>日志规则</translation>
    </message>
    <message>
        <source>Networks (CIDR, such as &quot;10.0.0.0/8&quot;) a discovered instance&apos;s address must be in to be dialled; empty: any address but link-local, multicast and unspecified ones.</source>
        <translation>已发现实例的地址必须位于其中才会被连接的网络（CIDR，例如“10.0.0.0/8”）；为空：除链路本地、组播和未指定地址以外的任何地址。</translation>
    </message>
    <message>
        <source>Most discovered instances dialled at once; further ones are skipped with a warning.</source>
        <translation>同时连接的已发现实例的最多数量；超出的实例会被跳过并给出警告。</translation>
    </message>
    <message>
        <source>Edge connections one cxserver holds at most; a connection beyond it is closed at once and counted.</source>
        <translation>一个 cxserver 最多保持的边缘连接数；超出的连接会立即关闭并计数。</translation>
    </message>
    <message>
        <source>Edge connections still in their TLS or WebSocket handshake at most; a connection beyond it is closed at once and counted.</source>
        <translation>仍处于 TLS 或 WebSocket 握手中的边缘连接的最多数量；超出的连接会立即关闭并计数。</translation>
    </message>
    <message>
        <source>Requests one edge may have in flight; a request beyond it is answered 0xA0 (too many requests in flight).</source>
        <translation>一个边缘设备可同时进行中的请求数；超出的请求会收到 0xA0 应答（进行中的请求过多）。</translation>
    </message>
    <message>
        <source>Bytes queued toward one edge (responses, platform requests, pongs, close frames) beyond which an edge that does not read is dropped; at least one largest message plus highWaterMark is always allowed.</source>
        <translation>排队发往一个边缘设备的字节数（响应、平台请求、pong、关闭帧），超过后不读取的边缘设备会被断开；始终允许至少一个最大消息加上 highWaterMark。</translation>
    </message>
    <message>
        <source>Remote-access tunnels one cxserver relays at once; a tunnel beyond it is refused with 503.</source>
        <translation>一个 cxserver 同时中继的远程访问隧道数；超出的隧道会以 503 拒绝。</translation>
    </message>
    <message>
        <source>A tunnel with no frame from either side (pings count) for this long is closed (1001).</source>
        <translation>在此时长内两侧都没有帧（ping 也算）的隧道会被关闭（1001）。</translation>
    </message>
    <message>
        <source>Oldest TLS version an edge may use: &quot;TLSv1.2&quot; or &quot;TLSv1.3&quot;.</source>
        <translation>边缘设备可使用的最旧 TLS 版本：“TLSv1.2”或“TLSv1.3”。</translation>
    </message>
    <message>
        <source>OpenSSL cipher list for TLS 1.2 edges; the default allows ECDHE key exchange with AEAD ciphers only (forward secrecy).</source>
        <translation>用于 TLS 1.2 边缘设备的 OpenSSL 加密算法列表；默认只允许使用 AEAD 加密的 ECDHE 密钥交换（前向保密）。</translation>
    </message>
    <message>
        <source>OpenSSL cipher suites for TLS 1.3 edges; null: OpenSSL&apos;s default.</source>
        <translation>用于 TLS 1.3 边缘设备的 OpenSSL 密码套件；null：OpenSSL 的默认值。</translation>
    </message>
    <message>
        <source>Connect to discovered instances with wss:// on their sslPort; false sends the app key in clear text (a warning unless the instances are on loopback).</source>
        <translation>通过 sslPort 以 wss:// 连接已发现的实例；false 会以明文发送应用密钥（除非实例位于回环地址，否则给出警告）。</translation>
    </message>
    <message>
        <source>IP address the health and metrics listener binds to (its own, not the edges&apos;); a load balancer on another host needs it set.</source>
        <translation>健康检查和指标监听器绑定的 IP 地址（它自己的，不是边缘设备的）；位于其他主机上的负载均衡器需要设置它。</translation>
    </message>
    <message>
        <source>Status socket: a value with / is a socket path; a bare name goes to $XDG_RUNTIME_DIR/NAME, else to &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME (a private folder created 0700), or \\.\pipe\NAME on Windows.</source>
        <translation>状态套接字：含 / 的值是套接字路径；单独的名称放在 $XDG_RUNTIME_DIR/NAME，否则放在 &lt;tempdir&gt;/cxserver-&lt;uid&gt;/NAME（以 0700 创建的私有文件夹），在 Windows 上为 \\.\pipe\NAME。</translation>
    </message>
    <message>
        <source>On SIGTERM, how long /health answers 503 while edges are still served and accepted, so that the load balancer moves new edges away before the listener closes and the drain begins; 0: no grace.</source>
        <translation>收到 SIGTERM 时，/health 返回 503 而边缘设备仍被服务和接受的时长，以便负载均衡器在监听器关闭、开始排空之前把新的边缘设备转走；0：无宽限期。</translation>
    </message>
    <message>
        <source>Authenticate to ZooKeeper with SASL (Kerberos or DIGEST-MD5); the login comes from the JAAS file&apos;s Client section.</source>
        <translation>使用 SASL（Kerberos 或 DIGEST-MD5）向 ZooKeeper 认证；登录信息来自 JAAS 文件的 Client 部分。</translation>
    </message>
    <message>
        <source>&quot;GSSAPI&quot; (Kerberos, a keytab) or &quot;DIGEST-MD5&quot; (a username and password).</source>
        <translation>&quot;GSSAPI&quot;（Kerberos，使用 keytab）或 &quot;DIGEST-MD5&quot;（用户名和密码）。</translation>
    </message>
    <message>
        <source>The service part of ZooKeeper&apos;s Kerberos principal (zookeeper/HOST@REALM).</source>
        <translation>ZooKeeper Kerberos 主体的服务部分（zookeeper/HOST@REALM）。</translation>
    </message>
    <message>
        <source>JAAS file whose Client section gives the SASL login, as for ZooKeeper&apos;s Java client: Krb5LoginModule with principal and keyTab, or DigestLoginModule with username and password.</source>
        <translation>JAAS 文件，其 Client 部分给出 SASL 登录信息，与 ZooKeeper 的 Java 客户端相同：带 principal 和 keyTab 的 Krb5LoginModule，或带 username 和 password 的 DigestLoginModule。</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL 机制</translation>
    </message>
    <message>
        <source>SASL service name</source>
        <translation>SASL 服务名</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper</source>
        <translation>到 ZooKeeper 的 TLS</translation>
    </message>
    <message>
        <source>ZooKeeper trust store</source>
        <translation>ZooKeeper 信任库</translation>
    </message>
    <message>
        <source>ZooKeeper client key store</source>
        <translation>ZooKeeper 客户端密钥库</translation>
    </message>
    <message>
        <source>ZooKeeper key store password</source>
        <translation>ZooKeeper 密钥库密码</translation>
    </message>
    <message>
        <source>Connect to ZooKeeper&apos;s secureClientPort with TLS; the server&apos;s name is validated.</source>
        <translation>使用 TLS 连接 ZooKeeper 的 secureClientPort；会校验服务器名称。</translation>
    </message>
    <message>
        <source>PEM file of the CA certificates ZooKeeper&apos;s certificate is verified against; null: the system CAs.</source>
        <translation>用于校验 ZooKeeper 证书的 CA 证书 PEM 文件；null：系统 CA。</translation>
    </message>
    <message>
        <source>PKCS#12 key store of the client certificate ZooKeeper asks for by default; null: none.</source>
        <translation>ZooKeeper 默认要求的客户端证书的 PKCS#12 密钥库；null：无。</translation>
    </message>
    <message>
        <source>Password of that key store (a secret).</source>
        <translation>该密钥库的密码（机密）。</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ServiceAccess</name>
    <message>
        <source>The service cannot read it</source>
        <translation>服务无法读取</translation>
    </message>
    <message>
        <source>Saved, but cxserver runs as %1 and could not read:

%2

Give its group read access, e.g.: sudo chgrp %1 FILE &amp;&amp; sudo chmod g+r FILE</source>
        <translation>已保存，但 cxserver 以 %1 身份运行，无法读取：

%2

请为其组授予读取权限，例如：sudo chgrp %1 FILE &amp;&amp; sudo chmod g+r FILE</translation>
    </message>
</context>
<context>
    <name>cx::configurator::StartPage</name>
    <message>
        <source>cxserver configurator</source>
        <translation>cxserver 配置工具</translation>
    </message>
    <message>
        <source>Write the configuration of a cxserver, change it safely, and watch the cxservers of a cluster while they run.</source>
        <translation>编写 cxserver 的配置，安全地修改它，并在运行时监视集群中的 cxserver。</translation>
    </message>
    <message>
        <source>New configuration</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>A wizard asks for the platform instances, the app key and TLS, and writes a complete, checked cxserver.conf.</source>
        <translation>向导会询问平台实例、应用密钥和 TLS，并写出一个完整且经过检查的 cxserver.conf。</translation>
    </message>
    <message>
        <source>Open a configuration…</source>
        <translation>打开配置…</translation>
    </message>
    <message>
        <source>Edit an existing cxserver.conf; its comments are kept.</source>
        <translation>编辑现有的 cxserver.conf；其注释会被保留。</translation>
    </message>
    <message>
        <source>Open the service&apos;s configuration</source>
        <translation>打开服务的配置</translation>
    </message>
    <message>
        <source>Watch a running cluster</source>
        <translation>监视运行中的集群</translation>
    </message>
    <message>
        <source>Live status of one or more cxservers through their status sockets.</source>
        <translation>通过状态套接字查看一个或多个 cxserver 的实时状态。</translation>
    </message>
    <message>
        <source>No recent files yet.</source>
        <translation>暂无最近使用的文件。</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>最近使用的文件：</translation>
    </message>
    <message>
        <source>%1 does not exist: the cxserver package is not installed here.</source>
        <translation>%1 不存在：此处未安装 cxserver 软件包。</translation>
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
        <translation>连接</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <source>Pipes</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>已路由</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The service is not running (no status socket %1). Retrying…</source>
        <translation>服务未运行（没有状态套接字 %1）。正在重试…</translation>
    </message>
    <message>
        <source>Access to the status socket %1 is denied: run the configurator as a member of the service&apos;s group. Retrying…</source>
        <translation>访问状态套接字 %1 被拒绝：请以服务所属组的成员身份运行配置工具。正在重试…</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2. Retrying…</source>
        <translation>无法连接 %1：%2。正在重试…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>static list</source>
        <translation>静态列表</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 connected, %2 authenticated</source>
        <translation>已连接 %1，已认证 %2</translation>
    </message>
    <message>
        <source>down</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 天 %2</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>down since %1 (removed)</source>
        <translation>自 %1 起停止（已移除）</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>自 %2 起%1</translation>
    </message>
    <message>
        <source>The status socket (admin.socket) of each cxserver to watch, separated by commas.</source>
        <translation>要监视的每个 cxserver 的状态套接字（admin.socket），以逗号分隔。</translation>
    </message>
    <message>
        <source>Status sockets:</source>
        <translation>状态套接字：</translation>
    </message>
    <message>
        <source>cxserver</source>
        <translation>cxserver</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Edge devices</source>
        <translation>边缘设备</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Events (newest first):</source>
        <translation>事件（最新在前）：</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>访问被拒绝</translation>
    </message>
    <message>
        <source>Cluster: %1 edge devices connected, %2 authenticated · routed %3 (%4/s) · errors %5 (%6/s)</source>
        <translation>集群：%1 个边缘设备已连接，%2 个已认证 · 已路由 %3 (%4/s) · 错误 %5 (%6/s)</translation>
    </message>
    <message>
        <source>Not connected. Enter the status socket (admin.socket) of each cxserver and press Connect.</source>
        <translation>未连接。请输入每个 cxserver 的状态套接字（admin.socket），然后点击“连接”。</translation>
    </message>
    <message>
        <source>Connected to %1 of %2 cxservers.</source>
        <translation>已连接 %2 个 cxserver 中的 %1 个。</translation>
    </message>
    <message>
        <source>up</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>down since %1: %2</source>
        <translation>自 %1 起停止：%2</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperPage</name>
    <message>
        <source>ZooKeeper discovery</source>
        <translation>ZooKeeper 发现</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>连接字符串：</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>基础路径：</translation>
    </message>
    <message>
        <source>Service name:</source>
        <translation>服务名称：</translation>
    </message>
    <message>
        <source>Base path and service name must match what the platform registers: &quot;thingworx-https&quot; is usual when the platform serves TLS.</source>
        <translation>基础路径和服务名称必须与平台的注册一致：平台提供 TLS 时通常为“thingworx-https”。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Where the platform instances register.</source>
        <translation>平台实例的注册位置。</translation>
    </message>
    <message>
        <source>Registered instances (press Test to list them):</source>
        <translation>已注册的实例（点击“测试”列出）：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos (GSSAPI)</translation>
    </message>
    <message>
        <source>Username and password (DIGEST-MD5)</source>
        <translation>用户名和密码 (DIGEST-MD5)</translation>
    </message>
    <message>
        <source>Kerberos&apos; default (/etc/krb5.conf)</source>
        <translation>Kerberos 默认值 (/etc/krb5.conf)</translation>
    </message>
    <message>
        <source>TLS to ZooKeeper&apos;s secureClientPort</source>
        <translation>到 ZooKeeper secureClientPort 的 TLS</translation>
    </message>
    <message>
        <source>The system CAs</source>
        <translation>系统 CA</translation>
    </message>
    <message>
        <source>SASL login:</source>
        <translation>SASL 登录：</translation>
    </message>
    <message>
        <source>JAAS file (Client section):</source>
        <translation>JAAS 文件（Client 部分）：</translation>
    </message>
    <message>
        <source>JAAS file</source>
        <translation>JAAS 文件</translation>
    </message>
    <message>
        <source>Kerberos configuration:</source>
        <translation>Kerberos 配置：</translation>
    </message>
    <message>
        <source>krb5.conf</source>
        <translation>krb5.conf</translation>
    </message>
    <message>
        <source>Trust store (PEM):</source>
        <translation>信任库 (PEM)：</translation>
    </message>
    <message>
        <source>Trust store</source>
        <translation>信任库</translation>
    </message>
    <message>
        <source>Client key store (PKCS#12):</source>
        <translation>客户端密钥库 (PKCS#12)：</translation>
    </message>
    <message>
        <source>Key store</source>
        <translation>密钥库</translation>
    </message>
    <message>
        <source>Key store password:</source>
        <translation>密钥库密码：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>cx::configurator::ZooKeeperProbe</name>
    <message>
        <source>No answer from ZooKeeper: check the connection string, the network and the firewall.</source>
        <translation>ZooKeeper 无应答：请检查连接字符串、网络和防火墙。</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; no platform instance is registered under this path and service name.</source>
        <translation>已连接到 ZooKeeper；此路径和服务名称下没有注册任何平台实例。</translation>
    </message>
    <message>
        <source>Enter the ZooKeeper connection string first.</source>
        <translation>请先输入 ZooKeeper 连接字符串。</translation>
    </message>
    <message>
        <source>Cannot load the ZooKeeper discovery plugin: %1</source>
        <translation>无法加载 ZooKeeper 发现插件：%1</translation>
    </message>
    <message>
        <source>Connected to ZooKeeper; platform instances found: %1.</source>
        <translation>已连接到 ZooKeeper；找到的平台实例：%1。</translation>
    </message>
</context>
</TS>
