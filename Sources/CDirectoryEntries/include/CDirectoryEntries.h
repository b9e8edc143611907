#ifndef C_DIRECTORY_ENTRIES_H
#define C_DIRECTORY_ENTRIES_H

/// Reads the next entries of the open folder `fd` into `buffer` as Linux `struct linux_dirent64` records
/// (the getdents64 system call). Returns the bytes written, 0 at the end of the folder, or -1 with errno set.
long archiveops_getdents64(int fd, void *buffer, unsigned long size);

#endif
