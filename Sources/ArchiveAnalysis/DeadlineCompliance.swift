import ArchiveEngine
import Foundation

/// Whether the daily inspection (巡检) was done before the contract's deadline (每天 8:30 前): per day on
/// time, late by so many minutes, or missing; per month the on-time rate and the late and missing days.
///
/// A day's inspection is the first run that finished on that day (bureau time). A day is judged from the
/// first day the store holds a run — before that the system was not in use and nothing can be said — up
/// to the build's as-of day. The as-of day itself is judged as the data stands at build time: with no run
/// yet it shows as missing, which is what the duty engineer opening the dashboard needs to see.
public struct DeadlineCompliance: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
        case onTime = "on_time"
        case late
        case missing
        /// Not a working day and no run: nothing was due.
        case notDue = "not_due"
    }

    /// One day's verdict.
    public struct Day: Codable, Hashable, Sendable {
        public var day: String
        public var status: Status
        public var isWorkingDay: Bool
        /// The run judged: the first to finish that day.
        public var runID: String?
        public var finishedAt: Date?
        /// Whole minutes after the deadline, rounded up (a run finishing at 08:30:20 is 1 minute late).
        public var minutesLate: Int?
        /// Minutes before the deadline, rounded down, for an on-time run.
        public var minutesEarly: Int?
    }

    /// One month: every due day judged, with the on-time rate.
    public struct Month: Codable, Hashable, Sendable {
        public var month: String
        /// Working days of the month judged (from the first run in the store to the as-of day).
        public var judged: [Day]
        public var onTime: Int
        public var late: [Day]
        public var missing: [Day]
        /// Runs on days off (they count for nothing but are not hidden).
        public var daysOffWithRuns: Int
        /// The first day judged and the last (nil when no day of the month could be judged).
        public var from: String?
        public var through: String?

        /// On-time days ÷ judged days, in percent with one decimal; nil when nothing was judged.
        public var percent: Double? {
            judged.isEmpty ? nil : (Double(onTime) * 1000 / Double(judged.count)).rounded() / 10
        }
    }

    /// The verdict for `day`.
    public static func day(_ day: CalendarDay, runs: [InspectionRun], deadline: InspectionDeadline) -> Day {
        verdict(day, first: firstRuns(runs)[day], deadline: deadline)
    }

    /// The first run to finish on each day, found in one pass (a month of 30 days over years of runs
    /// must not scan every run for every day).
    static func firstRuns(_ runs: [InspectionRun]) -> [CalendarDay: InspectionRun] {
        var first: [CalendarDay: InspectionRun] = [:]
        for run in runs {
            let day = CalendarDay(run.finishedAt)
            if let known = first[day], (known.finishedAt, known.id) <= (run.finishedAt, run.id) { continue }
            first[day] = run
        }
        return first
    }

    static func verdict(_ day: CalendarDay, first: InspectionRun?, deadline: InspectionDeadline) -> Day {
        let working = deadline.isWorkingDay(day)
        guard let run = first else {
            return Day(day: day.description, status: working ? .missing : .notDue, isWorkingDay: working)
        }
        let seconds = run.finishedAt.timeIntervalSince(deadline.instant(on: day))
        if seconds <= 0 {
            return Day(day: day.description, status: .onTime, isWorkingDay: working, runID: run.id,
                       finishedAt: run.finishedAt, minutesEarly: Int((-seconds / 60).rounded(.down)))
        }
        return Day(day: day.description, status: working ? .late : .notDue, isWorkingDay: working, runID: run.id,
                   finishedAt: run.finishedAt, minutesLate: Int((seconds / 60).rounded(.up)))
    }

    /// The month `month` (`2023-06`) judged up to `asOf`.
    public static func month(_ month: String, runs: [InspectionRun], deadline: InspectionDeadline, asOf: CalendarDay) -> Month {
        self.month(month, runsFinishingIn: runs, firstRunDay: runs.map { CalendarDay($0.finishedAt) }.min(), deadline: deadline, asOf: asOf)
    }

    /// The same from at least the runs that finished on a day of `month` (a caller holding the runs by month
    /// passes the month's, not every run) and the first day any run finished, where judging starts.
    public static func month(_ month: String, runsFinishingIn runs: [InspectionRun], firstRunDay: CalendarDay?,
                             deadline: InspectionDeadline, asOf: CalendarDay) -> Month {
        var result = Month(month: month, judged: [], onTime: 0, late: [], missing: [], daysOffWithRuns: 0)
        let first = firstRuns(runs)
        guard let bounds = CalendarDay.month(month), let firstRun = firstRunDay else { return result }
        let from = max(bounds.first, firstRun), through = min(bounds.last, asOf)
        for d in CalendarDay.days(from: from, through: through) {
            let verdict = verdict(d, first: first[d], deadline: deadline)
            guard verdict.isWorkingDay else {
                if verdict.runID != nil { result.daysOffWithRuns += 1 }
                continue
            }
            result.judged.append(verdict)
            switch verdict.status {
            case .onTime: result.onTime += 1
            case .late: result.late.append(verdict)
            case .missing: result.missing.append(verdict)
            case .notDue: break
            }
        }
        if !result.judged.isEmpty {
            result.from = result.judged.first?.day
            result.through = result.judged.last?.day
        }
        return result
    }
}
