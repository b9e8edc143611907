#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Each inspected site's store root, opened once per run, so that every folder listed and every file read
/// in it is opened relative to the root (`openat`): the kernel resolves `<uscc>/<seq>/<file>` instead of
/// the store's whole absolute path again for each of millions of files — as `find` does.
///
/// The root is opened the way its listing is (following a root that is a symlink to a mount); paths inside
/// it are resolved exactly as before, the last component never followed. A root that cannot be opened
/// gets no handle, and callers fall back to the absolute path (so its error reads as it always did). Shared
/// by every worker of the run; the handles are closed when the run's contexts are gone.
final class StoreRootHandles: @unchecked Sendable {
    private let lock = NSLock()
    private var handles: [String: Int32] = [:]

    /// The open root of `site`, or nil (refused, missing, not a folder, unreadable).
    func handle(_ site: CenterSite) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let fd = handles[site.id] { return fd >= 0 ? fd : nil }
        var fd: Int32 = -1
        if site.refusal == nil {
            let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
            fd = open(site.root, flags | noAccessTimeFlag)
            if fd < 0 && errno == EPERM { fd = open(site.root, flags) }
        }
        handles[site.id] = fd
        return fd >= 0 ? fd : nil
    }

    deinit {
        for fd in handles.values where fd >= 0 { close(fd) }
    }
}
