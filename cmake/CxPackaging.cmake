# Installation and packaging (docs/packaging.md): install() rules for everything cxserver
# ships, and the CPack settings of the Debian package (Linux) and the NSIS installer
# (Windows). Included once, at the end of the top-level CMakeLists.txt, when every target
# exists.
#
#   cpack -G DEB   --config <build>/CPackConfig.cmake   # cxserver_<version>-1_<arch>.deb and
#                                                       # cxserver-configurator_<version>-1_<arch>.deb
#   cpack -G NSIS  --config <build>/CPackConfig.cmake   # cxserver-<version>-win64.exe
#
# Two install components: `service` (everything not named otherwise: the headless service,
# cxctl, libcxcore, plugins) and, on Linux, `configurator` (the Qt Widgets configurator, its
# desktop entry and icon), so that the service package stays free of Qt Widgets.
#
# Installed layout, relative to the prefix (/usr for the .deb):
#   bin/cxserver, bin/cxctl                      RPATH $ORIGIN/../lib/cxserver
#   lib/cxserver/libcxcore.so                    private library
#   lib/cxserver/plugins/<kind>/                 discovery and routing plugins (cxplugin.cmake)
#   share/cxserver/*.conf, haproxy.cfg           samples; the .deb's postinst copies one to
#                                                /etc/cxserver/cxserver.conf when absent
#   share/cxserver/monitoring/                   Prometheus rules, Grafana dashboard
#   lib/systemd/system/cxserver.service          Linux
#   share/doc/cxserver/                          packaging.md, copyright, changelog (Linux)
#   share/man/man1/cxserver.1.gz, cxctl.1.gz     manual pages (Linux)
#   bin/cxconfigurator, share/applications/cxconfigurator.desktop,
#   share/icons/hicolor/scalable/apps/cxconfigurator.svg, man1/cxconfigurator.1.gz
#                                                the configurator package (Linux)
# The simulators and the tests are not installed.
include_guard(GLOBAL)
include(GNUInstallDirs)

set(CX_INSTALL_PKGLIBDIR ${CMAKE_INSTALL_LIBDIR}/cxserver)
# cx_add_plugin() installs into ${CMAKE_INSTALL_LIBDIR}/cxserver/plugins/<kind>.
set(CX_INSTALL_PLUGINDIR ${CX_INSTALL_PKGLIBDIR}/plugins)
set(CX_INSTALL_SAMPLEDIR ${CMAKE_INSTALL_DATADIR}/cxserver)

# With plugin-path unset, cxserver loads plugins from <its folder>/plugins (the build tree)
# and, when that folder does not exist, from this path relative to its folder: the
# installed layout, wherever the prefix is (/usr, /usr/local, a dpkg -x scratch root).
file(RELATIVE_PATH cx_plugins_from_bin "/${CMAKE_INSTALL_BINDIR}" "/${CX_INSTALL_PLUGINDIR}")
target_compile_definitions(cxservice PRIVATE CX_INSTALLED_PLUGIN_DIR="${cx_plugins_from_bin}")

# ---- install() rules ------------------------------------------------------------------

set(cx_shipped_executables cxserver)
if(TARGET cxctl)
    list(APPEND cx_shipped_executables cxctl)
endif()
if(UNIX AND NOT APPLE)
    file(RELATIVE_PATH cx_pkglib_from_bin "/${CMAKE_INSTALL_BINDIR}" "/${CX_INSTALL_PKGLIBDIR}")
    set_target_properties(${cx_shipped_executables} PROPERTIES
        INSTALL_RPATH "$ORIGIN/${cx_pkglib_from_bin}")
endif()
install(TARGETS ${cx_shipped_executables} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# A private library: no symlinks, no headers, not on the linker's path. On Windows the DLL
# goes beside the executables.
install(TARGETS cxcore
    LIBRARY DESTINATION ${CX_INSTALL_PKGLIBDIR} NAMELINK_SKIP
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(FILES
    ${PROJECT_SOURCE_DIR}/installer/conf/cxserver-sample.conf
    ${PROJECT_SOURCE_DIR}/installer/conf/cxserver-ha-sample.conf
    ${PROJECT_SOURCE_DIR}/installer/haproxy/haproxy.cfg
    DESTINATION ${CX_INSTALL_SAMPLEDIR})
# Prometheus alert rules, their unit tests, an example scrape configuration and a Grafana
# dashboard (docs/monitoring.md).
install(FILES
    ${PROJECT_SOURCE_DIR}/installer/monitoring/cxserver-alerts.yml
    ${PROJECT_SOURCE_DIR}/installer/monitoring/cxserver-alerts.test.yml
    ${PROJECT_SOURCE_DIR}/installer/monitoring/prometheus-cxserver.yml
    ${PROJECT_SOURCE_DIR}/installer/monitoring/cxserver-dashboard.json
    DESTINATION ${CX_INSTALL_SAMPLEDIR}/monitoring)

set(CX_DEBIAN_RELEASE 1)
set(CX_DEBIAN_VERSION "${PROJECT_VERSION}-${CX_DEBIAN_RELEASE}")
set(CX_PACKAGE_CONTACT "cxserver maintainers <cxserver@example.org>")

if(UNIX AND NOT APPLE)
    # Relative to the prefix: /usr/lib/systemd/system in the package.
    install(FILES ${PROJECT_SOURCE_DIR}/installer/systemd/cxserver.service
        DESTINATION lib/systemd/system)
    # Run by postinst on a first install: a self-signed edge keystore.
    install(PROGRAMS ${PROJECT_SOURCE_DIR}/installer/debian/make-edge-keystore
        DESTINATION ${CX_INSTALL_PKGLIBDIR})
    # Debian wants a copyright file and a compressed changelog in the doc folder.
    set(CPACK_PACKAGE_CONTACT "${CX_PACKAGE_CONTACT}")
    set(cx_changelog ${CMAKE_BINARY_DIR}/packaging/changelog.Debian)
    configure_file(${PROJECT_SOURCE_DIR}/installer/debian/changelog.in ${cx_changelog} @ONLY)
    execute_process(COMMAND gzip -9 -n -f ${cx_changelog} RESULT_VARIABLE cx_gzip_result)
    if(NOT cx_gzip_result EQUAL 0)
        message(FATAL_ERROR "gzip ${cx_changelog} failed: ${cx_gzip_result}")
    endif()
    install(FILES
        ${cx_changelog}.gz
        ${PROJECT_SOURCE_DIR}/installer/debian/copyright
        ${PROJECT_SOURCE_DIR}/docs/packaging.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
    # Manual pages, compressed as Debian wants them, each in its program's package.
    foreach(cx_page IN LISTS cx_shipped_executables ITEMS cxconfigurator)
        set(cx_page_source ${PROJECT_SOURCE_DIR}/installer/debian/man/${cx_page}.1)
        if(EXISTS ${cx_page_source})
            set(cx_page_gz ${CMAKE_BINARY_DIR}/packaging/${cx_page}.1.gz)
            configure_file(${cx_page_source} ${CMAKE_BINARY_DIR}/packaging/${cx_page}.1 COPYONLY)
            execute_process(COMMAND gzip -9 -n -f ${CMAKE_BINARY_DIR}/packaging/${cx_page}.1
                RESULT_VARIABLE cx_gzip_result)
            if(NOT cx_gzip_result EQUAL 0)
                message(FATAL_ERROR "gzip ${cx_page}.1 failed: ${cx_gzip_result}")
            endif()
            set(cx_page_component service)
            if(cx_page STREQUAL cxconfigurator)
                set(cx_page_component configurator)
            endif()
            install(FILES ${cx_page_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
                COMPONENT ${cx_page_component})
        endif()
    endforeach()

    # The configurator package: its program, desktop entry, icon and Debian's doc files.
    set_target_properties(cxconfigurator PROPERTIES INSTALL_RPATH "$ORIGIN/${cx_pkglib_from_bin}")
    install(TARGETS cxconfigurator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT configurator)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/desktop/cxconfigurator.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT configurator)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/desktop/cxconfigurator.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT configurator)
    install(FILES ${cx_changelog}.gz ${PROJECT_SOURCE_DIR}/installer/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cxserver-configurator COMPONENT configurator)
endif()

if(WIN32)
    # Qt's DLLs and plugins (TLS backend included) beside cxserver.exe, through windeployqt.
    qt_generate_deploy_app_script(TARGET cxserver
        FILENAME_VARIABLE cx_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${cx_deploy_script})
endif()

# ---- CPack ----------------------------------------------------------------------------

set(CPACK_PACKAGE_NAME cxserver)
set(CPACK_PACKAGE_VENDOR cxserver)
set(CPACK_PACKAGE_CONTACT "${CX_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY cxserver)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
# The values below hold quotes and backslashes meant for NSIS: keep them as written.
set(CPACK_VERBATIM_VARIABLES ON)
if(WIN32)
    set(CPACK_GENERATOR NSIS)
else()
    set(CPACK_GENERATOR DEB)
endif()

# Debian packages: one per component. CPack would put one summary before both descriptions,
# so each description starts with its own synopsis line.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CxCPackOptions.cmake)
set(CPACK_COMPONENTS_ALL service)
if(UNIX AND NOT APPLE)
    list(APPEND CPACK_COMPONENTS_ALL configurator)
endif()
set(CPACK_DEBIAN_SERVICE_PACKAGE_NAME cxserver)
set(CPACK_DEBIAN_CONFIGURATOR_PACKAGE_NAME cxserver-configurator)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CX_DEBIAN_RELEASE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_SERVICE_DESCRIPTION
    "${PROJECT_DESCRIPTION}\n"
    "Edge devices keep long-lived WebSockets to cxserver, which multiplexes their\n"
    "AlwaysOn messages over a few WebSockets to every platform instance,\n"
    "discovers the instances in ZooKeeper, balances requests across them and fails\n"
    "over when one dies. This package runs it as the systemd service cxserver.")
string(REPLACE ";" "" CPACK_DEBIAN_SERVICE_DESCRIPTION "${CPACK_DEBIAN_SERVICE_DESCRIPTION}")
set(CPACK_DEBIAN_CONFIGURATOR_DESCRIPTION
    "Desktop configurator for the cxserver Connection Server\n"
    "A wizard and an editor for cxserver.conf that keep its comments, check it as\n"
    "cxserver does, encrypt its secrets and import PKCS#12 keystores, and a live\n"
    "view of the cxservers of a cluster over their status sockets.")
string(REPLACE ";" "" CPACK_DEBIAN_CONFIGURATOR_DESCRIPTION
    "${CPACK_DEBIAN_CONFIGURATOR_DESCRIPTION}")
# Library dependencies come from dpkg-shlibdeps; libcxcore is the package's own.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_LIBRARY_OUTPUT_DIRECTORY})
# deb-systemd-helper comes from init-system-helpers, an essential package.
# openssl: postinst makes a self-signed edge certificate on a first install.
set(CPACK_DEBIAN_SERVICE_PACKAGE_DEPENDS "adduser, openssl")
# ZooKeeper SASL (discovery.sasl-enabled): Cyrus SASL loads its mechanisms as modules.
set(CPACK_DEBIAN_SERVICE_PACKAGE_RECOMMENDS "libsasl2-modules, libsasl2-modules-gssapi-mit")
set(CPACK_DEBIAN_SERVICE_PACKAGE_SUGGESTS "cxserver-configurator, haproxy, zookeeper")
# The configurator loads libcxcore from the service package: the same build only.
set(CPACK_DEBIAN_CONFIGURATOR_PACKAGE_DEPENDS "cxserver (= ${CX_DEBIAN_VERSION})")
set(CPACK_DEBIAN_CONFIGURATOR_PACKAGE_SECTION admin)
# Qt's own strings in the user's language; Japanese and Chinese need a CJK font.
set(CPACK_DEBIAN_CONFIGURATOR_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_CONFIGURATOR_PACKAGE_SUGGESTS "fonts-noto-cjk")
set(CPACK_DEBIAN_SERVICE_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/installer/debian/postinst
    ${PROJECT_SOURCE_DIR}/installer/debian/prerm
    ${PROJECT_SOURCE_DIR}/installer/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# NSIS installer: installs into Program Files\cxserver, registers and starts the service,
# keeps %ProgramData%\cxserver\cxserver.conf on upgrade, removes the service on uninstall
# (installer/windows/cxserver-service.nsh). Set on every platform so that Linux CI can
# compile the script with makensis (tests/packaging).
set(CPACK_NSIS_PACKAGE_NAME "cxserver ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME cxserver)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_CONTACT "${CX_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL OFF)
set(CPACK_NSIS_DEFINES "!include \"${PROJECT_SOURCE_DIR}/installer/windows/cxserver-service.nsh\"")
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS "!insertmacro CxServiceBeforeInstall")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "!insertmacro CxServiceAfterInstall")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "!insertmacro CxServiceBeforeUninstall")

include(CPack)
