import ArchiveAnalysis
import ArchiveEngine
import Foundation
import XCTest

/// The 08:30 deadline as the duty engineer and the manager count it.
final class DeadlineComplianceTests: XCTestCase {
    static func run(_ day: String, finished: String) -> InspectionRun {
        let end = BureauTime.parse("\(day) \(finished)")!
        return InspectionRun(startedAt: end.addingTimeInterval(-300), finishedAt: end, host: "h", center: "/c")
    }

    /// June 2023 from the 26th (Monday): on time, 12 minutes late, missing, on time twice (the first run counts).
    static let runs = [
        run("2023-06-26", finished: "08:10"),
        run("2023-06-27", finished: "08:41:30"),
        run("2023-06-29", finished: "08:30:00"),
        run("2023-06-29", finished: "09:30"),
        run("2023-06-30", finished: "07:30"),
    ]

    func testADayIsOnTimeLateByWholeMinutesOrMissing() {
        let deadline = InspectionDeadline()
        let d = { DeadlineCompliance.day(CalendarDay($0)!, runs: Self.runs, deadline: deadline) }
        XCTAssertEqual(d("2023-06-26").status, .onTime)
        XCTAssertEqual(d("2023-06-26").minutesEarly, 20)
        XCTAssertEqual(d("2023-06-27").status, .late)
        XCTAssertEqual(d("2023-06-27").minutesLate, 12, "08:41:30 is 11.5 minutes late, counted as 12")
        XCTAssertEqual(d("2023-06-28").status, .missing)
        XCTAssertEqual(d("2023-06-29").status, .onTime, "08:30:00 exactly is on time; the later run does not matter")
    }

    func testTheMonthGivesTheOnTimeRateFromTheFirstRunToTheAsOfDay() {
        let m = DeadlineCompliance.month("2023-06", runs: Self.runs, deadline: InspectionDeadline(),
                                         asOf: CalendarDay("2023-06-30")!)
        XCTAssertEqual(m.from, "2023-06-26")
        XCTAssertEqual(m.through, "2023-06-30")
        XCTAssertEqual(m.judged.count, 5)
        XCTAssertEqual(m.onTime, 3)
        XCTAssertEqual(m.late.map(\.day), ["2023-06-27"])
        XCTAssertEqual(m.missing.map(\.day), ["2023-06-28"])
        XCTAssertEqual(m.percent, 60.0)
        // Built on the 28th, the month so far is the 26th to the 28th.
        let early = DeadlineCompliance.month("2023-06", runs: Self.runs, deadline: InspectionDeadline(),
                                             asOf: CalendarDay("2023-06-28")!)
        XCTAssertEqual(early.judged.count, 3)
        XCTAssertEqual(early.missing.map(\.day), ["2023-06-28"])
    }

    func testDaysOffAndHolidaysAreNotDueAndWorkedWeekendsAre() throws {
        var deadline = InspectionDeadline()
        deadline.weekdays = [1, 2, 3, 4, 5]
        deadline.holidays = [CalendarDay("2023-06-28")!]
        deadline.extraWorkingDays = [CalendarDay("2023-06-25")!]  // a Sunday worked (调休)
        let runs = Self.runs + [Self.run("2023-06-24", finished: "10:00")]
        XCTAssertEqual(DeadlineCompliance.day(CalendarDay("2023-06-28")!, runs: runs, deadline: deadline).status, .notDue)
        XCTAssertEqual(DeadlineCompliance.day(CalendarDay("2023-06-25")!, runs: runs, deadline: deadline).status, .missing)
        let m = DeadlineCompliance.month("2023-06", runs: runs, deadline: deadline, asOf: CalendarDay("2023-06-30")!)
        XCTAssertEqual(m.missing.map(\.day), ["2023-06-25"])
        XCTAssertEqual(m.judged.count, 5, "25th (worked Sunday), 26, 27, 29, 30")
        XCTAssertEqual(m.daysOffWithRuns, 1)
    }

    func testTheDeadlineAndWorkingDaysAreReadFromTheConfigurationFile() throws {
        let yaml = """
        inspection_deadline:
          time: "09:00"
          weekdays: [1, 2, 3, 4, 5]
          holidays: [2023-06-22, 2023-06-23]
          extra_working_days: [2023-06-25]
        """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deadline-\(UUID().uuidString).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let c = try WorkspaceConfiguration.load(from: url).inspectionDeadline
        XCTAssertEqual(c.minutes, 540)
        XCTAssertEqual(c.weekdays, [1, 2, 3, 4, 5])
        XCTAssertFalse(c.isWorkingDay(CalendarDay("2023-06-22")!))
        XCTAssertTrue(c.isWorkingDay(CalendarDay("2023-06-25")!))
        XCTAssertFalse(c.isWorkingDay(CalendarDay("2023-06-24")!), "a Saturday")
        try "inspection_deadline:\n  time: \"8h30\"\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try WorkspaceConfiguration.load(from: url)) { error in
            XCTAssertTrue("\(error)".contains("inspection_deadline.time"), "\(error)")
            XCTAssertTrue("\(error)".contains(url.path), "\(error)")
        }
        XCTAssertEqual(InspectionDeadline().timeText, "08:30")
    }

    func testCalendarDaysStepAcrossMonthsAndKnowTheirWeekday() {
        XCTAssertEqual(CalendarDay("2023-06-30")!.adding(days: 1).description, "2023-07-01")
        XCTAssertEqual(CalendarDay("2024-02-28")!.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(CalendarDay("2023-06-25")!.isoWeekday, 7)
        XCTAssertEqual(CalendarDay("2023-06-26")!.isoWeekday, 1)
        XCTAssertNil(CalendarDay("2023-02-29"))
        XCTAssertEqual(CalendarDay(BureauTime.parse("2023-06-30 23:59")!).description, "2023-06-30")
        XCTAssertEqual(BureauTime.iso(CalendarDay("2023-06-30")!.start), "2023-06-30T00:00:00+08:00")
    }
}
