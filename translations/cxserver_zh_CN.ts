<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cxserver</name>
    <message>
        <source>Try &apos;cxserver --help&apos; for more.</source>
        <translation>更多信息请运行 &apos;cxserver --help&apos;。</translation>
    </message>
    <message>
        <source>Read the data key of encrypted secrets from KEY (base64 text, readable by its owner only).</source>
        <translation>从 KEY 读取加密机密信息的数据密钥（base64 文本，仅所有者可读）。</translation>
    </message>
    <message>
        <source>Read the data key from the OS keychain (service cxserver, entry: the config file&apos;s absolute path).</source>
        <translation>从系统钥匙串读取数据密钥（服务 cxserver，条目：配置文件的绝对路径）。</translation>
    </message>
    <message>
        <source>rotate-key: the new key.</source>
        <translation>rotate-key：新密钥。</translation>
    </message>
    <message>
        <source>usage: config new-key --key-file KEY, or config new-key --keychain FILE</source>
        <translation>用法：config new-key --key-file KEY，或 config new-key --keychain FILE</translation>
    </message>
    <message>
        <source>usage: config %1 FILE [--key-file KEY | --keychain]</source>
        <translation>用法：config %1 FILE [--key-file KEY | --keychain]</translation>
    </message>
    <message>
        <source>config rotate-key needs --new-key-file NEW</source>
        <translation>config rotate-key 需要 --new-key-file NEW</translation>
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
        <translation>面向双活 IoT 平台集群的 Connection Server。

  cxserver --config FILE                  在前台运行服务
  cxserver --config FILE --check-config   校验 FILE：结果输出到 stderr
  cxserver --config FILE --dump-config    以 JSON 输出 FILE 及所有默认值
  cxserver config set FILE KEY VALUE      就地修改 FILE 中的一个值
  cxserver config encrypt|decrypt FILE    就地加密或解密 FILE 中的机密信息
  cxserver config rotate-key FILE --new-key-file NEW
                                          用 NEW 重新加密 FILE 中的机密信息
  cxserver config new-key --key-file KEY  写入新的数据密钥（权限 0400）
  cxserver config new-key --keychain FILE 为 FILE 生成新的数据密钥并存入系统钥匙串

加密机密信息的数据密钥取自以下第一个可用来源：--key-file KEY；--keychain；
CXSERVER_KEY_FILE 指定的文件；systemd 凭据 $CREDENTIALS_DIRECTORY/cxserver.key。
各命令在 FILE 之后接受这些选项。

未指定 --config 时，使用环境变量 CXSERVER_CONFIG 指定的文件。退出码：0 成功，
1 配置或用法错误，2 无法获得所需资源（配置文件、端口、密钥库）。</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>配置文件。</translation>
    </message>
    <message>
        <source>Validate the configuration and exit.</source>
        <translation>校验配置后退出。</translation>
    </message>
    <message>
        <source>Print the configuration with every default as JSON and exit.</source>
        <translation>以 JSON 输出含所有默认值的配置后退出。</translation>
    </message>
    <message>
        <source>--config, --check-config and --dump-config do not go with a command</source>
        <translation>--config、--check-config 和 --dump-config 不能与命令一起使用</translation>
    </message>
    <message>
        <source>--key-file and --keychain go after the command: config COMMAND FILE --key-file KEY</source>
        <translation>--key-file 和 --keychain 应放在命令之后：config COMMAND FILE --key-file KEY</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>no configuration file: use --config FILE or set CXSERVER_CONFIG</source>
        <translation>没有配置文件：请使用 --config FILE 或设置 CXSERVER_CONFIG</translation>
    </message>
    <message>
        <source>--check-config and --dump-config exclude each other</source>
        <translation>--check-config 与 --dump-config 互斥</translation>
    </message>
    <message>
        <source>%1: configuration OK</source>
        <translation>%1：配置正确</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warning)</source>
        <translation>%1：配置正确（%2 条警告）</translation>
    </message>
    <message>
        <source>%1: configuration OK (%2 warnings)</source>
        <translation>%1：配置正确（%2 条警告）</translation>
    </message>
    <message>
        <source>secrets: %1 encrypted, key from %2</source>
        <translation>机密信息：%1 项已加密，密钥来自 %2</translation>
    </message>
    <message>
        <source>unknown key %1</source>
        <translation>未知键 %1</translation>
    </message>
    <message>
        <source>unknown key %1; did you mean %2?</source>
        <translation>未知键 %1；您是指 %2 吗？</translation>
    </message>
    <message>
        <source>cannot change %1 in %2: %3</source>
        <translation>无法修改 %2 中的 %1：%3</translation>
    </message>
    <message>
        <source>%1: %2 secret encrypted (key from %3)</source>
        <translation>%1：已加密 %2 项机密信息（密钥来自 %3）</translation>
    </message>
    <message>
        <source>%1: %2 secrets encrypted (key from %3)</source>
        <translation>%1：已加密 %2 项机密信息（密钥来自 %3）</translation>
    </message>
    <message>
        <source>%1: %2 secret decrypted (key from %3)</source>
        <translation>%1：已解密 %2 项机密信息（密钥来自 %3）</translation>
    </message>
    <message>
        <source>%1: %2 secrets decrypted (key from %3)</source>
        <translation>%1：已解密 %2 项机密信息（密钥来自 %3）</translation>
    </message>
    <message>
        <source>%1: %2 secret re-encrypted (key from %3)</source>
        <translation>%1：已重新加密 %2 项机密信息（密钥来自 %3）</translation>
    </message>
    <message>
        <source>%1: %2 secrets re-encrypted (key from %3)</source>
        <translation>%1：已重新加密 %2 项机密信息（密钥来自 %3）</translation>
    </message>
</context>
</TS>
