import Dispatch

/// Runs async library code (swift-certificates' CMS verification is async because certificate policies
/// may be) from the synchronous inspection code, without borrowing a thread of Swift's cooperative pool.
///
/// The task runs on its own serial dispatch queue through a task-executor preference, and the caller
/// waits on a semaphore. Blocking a cooperative thread while the task needed one could deadlock when
/// checks run in parallel on a 2-core server; a dispatch queue gets a fresh thread instead.
package enum SynchronousTask {
    private final class QueueExecutor: TaskExecutor, @unchecked Sendable {
        let queue = DispatchQueue(label: "archive-ops.synchronous-task")
        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }
    }

    private final class Box<T>: @unchecked Sendable { var value: T?; init() {} }

    package static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        // One queue per call, so that verifications started from parallel threads run in parallel too.
        let executor = QueueExecutor()
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: executor) {
            box.value = await operation()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
