# The project wrapper for cxserver plugins (architecture.md "Plugins").
#
#   cx_add_plugin(<target> KIND <discovery|routing> CLASS_NAME <class> SOURCES <files...>
#                 [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds a shared Qt plugin linked to cxcore with the project's compile defaults. cxserver
# looks for plugins in <plugin-path>/<kind>/ and plugin-path defaults to the plugins folder
# beside the executable, so the plugin lands in ${CMAKE_BINARY_DIR}/bin/plugins/<kind>/ and
# installs into ${CMAKE_INSTALL_LIBDIR}/cxserver/plugins/<kind>/. Test-only plugins pass
# OUTPUT_DIRECTORY (never bin/plugins) and NO_INSTALL.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(cx_add_plugin target)
    cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_INSTALL" "KIND;CLASS_NAME;OUTPUT_DIRECTORY" "SOURCES")
    if(NOT ARG_KIND OR NOT ARG_CLASS_NAME OR NOT ARG_SOURCES)
        message(FATAL_ERROR "cx_add_plugin(${target}): KIND, CLASS_NAME and SOURCES are required")
    endif()
    if(NOT ARG_OUTPUT_DIRECTORY)
        set(ARG_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin/plugins/${ARG_KIND})
    endif()

    qt_add_plugin(${target} SHARED CLASS_NAME ${ARG_CLASS_NAME})
    target_sources(${target} PRIVATE ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE cxcore)
    cx_target_defaults(${target})
    # Only the plugin entry points (Q_PLUGIN_METADATA) are exported: a plugin's classes never
    # clash with a copy of the same sources compiled into a test.
    set_target_properties(${target} PROPERTIES
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    # A plugin is a MODULE library everywhere (a .dll on Windows too), so LIBRARY_* suffices.
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})

    if(NOT ARG_NO_INSTALL)
        install(TARGETS ${target}
            LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/cxserver/plugins/${ARG_KIND})
    endif()
endfunction()
