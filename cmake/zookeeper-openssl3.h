/* Forced into the ZooKeeper C client's sources by cmake/ZooKeeperClient.cmake: ZooKeeper
 * 3.8.0 only logs whether OpenSSL runs in FIPS mode, with FIPS_mode(), which OpenSSL 3 no
 * longer has; OpenSSL 3 answers the same question with the default properties. */
#include <openssl/evp.h>
#define FIPS_mode() EVP_default_properties_is_fips_enabled(NULL)
