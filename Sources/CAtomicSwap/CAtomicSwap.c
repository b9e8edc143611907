// Glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not define;
// this one-function shim makes the atomic directory exchange of the site publisher reachable from Swift.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "CAtomicSwap.h"

int archiveops_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}
