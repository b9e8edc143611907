import Foundation

/// What a finished command left behind: its exit status and what it wrote, kept apart as cron and
/// monitoring see them (a command's stdout is its answer, stderr its complaints and progress).
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Both streams, stdout first: what a person at a terminal reads.
    public var output: String { stdout + stderr }

    /// The whole result as a failure message shows it.
    public var transcript: String {
        "exit \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}
