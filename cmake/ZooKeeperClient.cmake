# The ZooKeeper C client (multi-threaded flavour; Debian: libzookeeper-mt-dev), as the
# imported target ZooKeeper::zookeeper_mt. Included by the zookeeper discovery plugin, the
# platform simulator and the ZooKeeper integration test.
include_guard(GLOBAL)

find_path(ZOOKEEPER_INCLUDE_DIR zookeeper/zookeeper.h)
find_library(ZOOKEEPER_LIBRARY zookeeper_mt)
if(NOT ZOOKEEPER_INCLUDE_DIR OR NOT ZOOKEEPER_LIBRARY)
    message(FATAL_ERROR "The ZooKeeper C client (zookeeper/zookeeper.h and libzookeeper_mt) "
                        "was not found; on Debian install libzookeeper-mt-dev.")
endif()

add_library(ZooKeeper::zookeeper_mt UNKNOWN IMPORTED GLOBAL)
set_target_properties(ZooKeeper::zookeeper_mt PROPERTIES
    IMPORTED_LOCATION ${ZOOKEEPER_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${ZOOKEEPER_INCLUDE_DIR})
