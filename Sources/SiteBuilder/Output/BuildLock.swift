import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time per `Output/`: an exclusive `flock` on a hidden file beside the folder, held from
/// reading the build cache to writing the new one. A second `archive-ops build` (cron and an operator at
/// the same moment) waits for the first instead of racing it for the staging folder and the cache. The
/// kernel drops the lock when a build dies, so a killed build never leaves the site locked.
final class BuildLock {
    private let fd: Int32

    /// Waits until no other build of `output` runs, then holds the lock until ``release()`` or deinit.
    init(for output: URL) throws {
        let url = output.deletingLastPathComponent().appendingPathComponent(".archive-ops.\(output.lastPathComponent).lock")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotWrite(url.path, String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw OutputError.cannotWrite(url.path, reason)
            }
        }
    }

    deinit { close(fd) }
}
