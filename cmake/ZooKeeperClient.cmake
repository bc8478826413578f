# The ZooKeeper C client (multi-threaded flavour) with SASL (Cyrus SASL) and TLS (OpenSSL), as
# the target ZooKeeper::zookeeper_mt. Debian's libzookeeper-mt2 is built without either, so
# this builds the same upstream version from Debian's own source package
# (docs/zookeeper-client.md): `apt-get source` of the version of the installed
# libzookeeper-mt-dev (a deb-src entry is needed; tools/dev/install-deps.sh adds one), with
# Debian's patches, and the C sources that ZooKeeper's jute compiler generates, made with the
# compiler in Debian's zookeeper-jute.jar. Nothing of it is committed: the source package is
# kept in CX_ZOOKEEPER_SOURCE_CACHE, unpacked once per build folder, and built by its own
# upstream CMakeLists as a static library (incremental builds do not redo it).
#
# Included by the zookeeper discovery plugin, the platform simulator and the ZooKeeper tests.
include_guard(GLOBAL)

set(CX_ZOOKEEPER_SOURCE_CACHE "$ENV{HOME}/.cache/cxserver/zookeeper-source" CACHE PATH
    "Where Debian's zookeeper source package is downloaded to (kept across build folders)")

execute_process(COMMAND dpkg-query -W -f=\${source:Version} libzookeeper-mt-dev
    OUTPUT_VARIABLE cx_zk_version RESULT_VARIABLE cx_zk_result ERROR_QUIET)
if(NOT cx_zk_result EQUAL 0 OR cx_zk_version STREQUAL "")
    message(FATAL_ERROR "libzookeeper-mt-dev is not installed: it names the ZooKeeper version "
                        "to build (tools/dev/install-deps.sh installs it).")
endif()
string(REGEX REPLACE "^[0-9]+:" "" cx_zk_file_version "${cx_zk_version}") # no epoch in names
set(cx_zk_dsc ${CX_ZOOKEEPER_SOURCE_CACHE}/zookeeper_${cx_zk_file_version}.dsc)
set(cx_zk_source ${CMAKE_BINARY_DIR}/_deps/zookeeper-${cx_zk_file_version})
set(cx_zk_client ${cx_zk_source}/zookeeper-client/zookeeper-client-c)

if(NOT EXISTS ${cx_zk_dsc})
    message(STATUS "Downloading Debian's zookeeper ${cx_zk_version} source package")
    file(MAKE_DIRECTORY ${CX_ZOOKEEPER_SOURCE_CACHE})
    execute_process(COMMAND apt-get source --download-only zookeeper=${cx_zk_version}
        WORKING_DIRECTORY ${CX_ZOOKEEPER_SOURCE_CACHE}
        RESULT_VARIABLE cx_zk_result OUTPUT_QUIET ERROR_VARIABLE cx_zk_error)
    if(NOT cx_zk_result EQUAL 0 OR NOT EXISTS ${cx_zk_dsc})
        message(FATAL_ERROR "apt-get source zookeeper=${cx_zk_version} failed: ${cx_zk_error}\n"
                            "It needs a deb-src entry for Debian 12 (tools/dev/install-deps.sh "
                            "adds /etc/apt/sources.list.d/cxserver-src.sources).")
    endif()
endif()

if(NOT EXISTS ${cx_zk_client}/generated/zookeeper.jute.c)
    file(REMOVE_RECURSE ${cx_zk_source})
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/_deps) # dpkg-source copies the tarballs there
    execute_process(COMMAND dpkg-source --no-check -x ${cx_zk_dsc} ${cx_zk_source}
        RESULT_VARIABLE cx_zk_result OUTPUT_QUIET ERROR_VARIABLE cx_zk_error)
    if(NOT cx_zk_result EQUAL 0)
        message(FATAL_ERROR "dpkg-source -x ${cx_zk_dsc} failed: ${cx_zk_error}")
    endif()
    find_program(CX_ZK_JAVA java REQUIRED)
    find_file(CX_ZK_JUTE_JAR zookeeper-jute.jar PATHS /usr/share/java REQUIRED NO_DEFAULT_PATH)
    file(MAKE_DIRECTORY ${cx_zk_client}/generated)
    execute_process(COMMAND ${CX_ZK_JAVA} -cp ${CX_ZK_JUTE_JAR}
            org.apache.jute.compiler.generated.Rcc -l c
            ${cx_zk_source}/zookeeper-jute/src/main/resources/zookeeper.jute
        WORKING_DIRECTORY ${cx_zk_client}/generated
        RESULT_VARIABLE cx_zk_result OUTPUT_QUIET ERROR_VARIABLE cx_zk_error)
    if(NOT cx_zk_result EQUAL 0 OR NOT EXISTS ${cx_zk_client}/generated/zookeeper.jute.c)
        message(FATAL_ERROR "the jute compiler of ${CX_ZK_JUTE_JAR} failed: ${cx_zk_error}")
    endif()
endif()

# Upstream's own build, reduced to the library: SASL and OpenSSL required, no tests.
set(WANT_CPPUNIT OFF CACHE BOOL "ZooKeeper C client: no CppUnit tests" FORCE)
set(WANT_SYNCAPI ON CACHE BOOL "ZooKeeper C client: the multi-threaded library" FORCE)
set(WITH_CYRUS_SASL ON CACHE STRING "ZooKeeper C client: SASL" FORCE)
set(WITH_OPENSSL ON CACHE STRING "ZooKeeper C client: TLS" FORCE)
list(APPEND CMAKE_MODULE_PATH ${cx_zk_source}/tools/cmake/Modules) # its FindCyrusSASL
add_subdirectory(${cx_zk_client} ${CMAKE_BINARY_DIR}/_deps/zookeeper-build EXCLUDE_FROM_ALL)
get_target_property(cx_zk_definitions zookeeper INTERFACE_COMPILE_DEFINITIONS)
if(NOT "HAVE_CYRUS_SASL_H" IN_LIST cx_zk_definitions OR NOT "HAVE_OPENSSL_H" IN_LIST cx_zk_definitions)
    message(FATAL_ERROR "the ZooKeeper C client needs Cyrus SASL (libsasl2-dev) and OpenSSL "
                        "(libssl-dev); found: ${cx_zk_definitions}")
endif()
set_target_properties(zookeeper hashtable PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(zookeeper PRIVATE "SHELL:-include ${CMAKE_CURRENT_LIST_DIR}/zookeeper-openssl3.h")

# Debian's header layout, <zookeeper/zookeeper.h>, which the code includes.
set(cx_zk_include ${CMAKE_BINARY_DIR}/_deps/zookeeper-include)
file(GLOB cx_zk_headers ${cx_zk_client}/include/*.h ${cx_zk_client}/generated/*.h)
foreach(cx_zk_header IN LISTS cx_zk_headers)
    get_filename_component(cx_zk_name ${cx_zk_header} NAME)
    configure_file(${cx_zk_header} ${cx_zk_include}/zookeeper/${cx_zk_name} COPYONLY)
endforeach()

add_library(cx_zookeeper_mt INTERFACE)
target_link_libraries(cx_zookeeper_mt INTERFACE zookeeper)
target_include_directories(cx_zookeeper_mt SYSTEM INTERFACE ${cx_zk_include})
target_compile_definitions(cx_zookeeper_mt INTERFACE THREADED)
add_library(ZooKeeper::zookeeper_mt ALIAS cx_zookeeper_mt)
