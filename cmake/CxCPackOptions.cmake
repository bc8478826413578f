# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE, cmake/CxPackaging.cmake).
if(CPACK_GENERATOR STREQUAL "DEB")
    # Each Debian package's description starts with its own synopsis line. CPackDeb puts
    # CPACK_PACKAGE_DESCRIPTION_SUMMARY before every description unless it is CPack's
    # default, so here it is the default.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
if(CPACK_GENERATOR STREQUAL "NSIS")
    # One installer without a components page.
    set(CPACK_MONOLITHIC_INSTALL ON)
endif()
