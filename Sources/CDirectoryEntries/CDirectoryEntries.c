// Glibc declares getdents64 only under _GNU_SOURCE, which Swift's Glibc module does not define; this
// one-function shim lets a store folder be listed straight into a reusable buffer (no DIR stream: no
// fcntl, fstat and 32 KiB allocation per folder, and the folder stays open for reading its files).
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "CDirectoryEntries.h"

long archiveops_getdents64(int fd, void *buffer, unsigned long size) {
#if defined(__linux__) && defined(SYS_getdents64)
    return syscall(SYS_getdents64, fd, buffer, size);
#else
    (void)fd; (void)buffer; (void)size;
    errno = ENOSYS;
    return -1;
#endif
}
