#ifndef C_ATOMIC_SWAP_H
#define C_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 with
/// errno set otherwise (for example on a file system that does not support the flag).
int archiveops_exchange_paths(const char *a, const char *b);

#endif
