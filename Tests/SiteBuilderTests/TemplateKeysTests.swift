import Foundation
@testable import SiteBuilder
import SiteTheme
import XCTest

/// Every `{{key}}` of the theme's templates names a value its page view has: a key misspelt in a
/// template (or a view property renamed in Swift) fails here instead of rendering blank.
final class TemplateKeysTests: XCTestCase {
    /// The body templates' views; each names its template.
    static let reportViews: [any ReportView.Type] = [
        DashboardView.self, InspectionReportView.self, TicketPageView.self, MonthlySummaryView.self,
        QueryStatisticsView.self, MonthIndexView.self, InspectionsIndexView.self, TicketsIndexView.self,
        TicketListView.self, MonthlyIndexView.self, AcceptanceRegisterView.self, SizingView.self,
        ComparisonView.self, ComparisonsIndexView.self, EnterpriseView.self,
        EnterpriseIndexView.self,
    ]
    /// The layouts' `page.*` frames; each names its layout.
    static let frames: [any PageFrame.Type] = [ReportFrame.self, ManualPageFrame.self, SearchPageFrame.self]

    func testEveryKeyATemplateReadsExistsInItsView() throws {
        let checker = try TemplateKeyChecker()
        var problems: [String] = []
        for view in Self.reportViews {
            problems += try checker.problems(template: view.template, view: view)
        }
        for frame in Self.frames {
            problems += try checker.problems(layout: frame)
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testEveryLayoutTemplateHasAView() throws {
        let checker = try TemplateKeyChecker()
        let covered = Set(Self.reportViews.map { $0.template } + Self.frames.map { $0.layout })
        let layouts = Set(checker.templates.keys.filter { $0.hasPrefix("layouts/") })
        XCTAssertEqual(layouts.subtracting(covered).sorted(), [], "a layout without a view: add it to the lists above")
        XCTAssertEqual(covered.subtracting(layouts).sorted(), [], "a view whose template is missing")
    }

    func testAMisspeltKeyIsCaught() throws {
        let checker = try TemplateKeyChecker()
        let problems = try checker.problems(
            text: "{{#checks}}<h2>{{nmae}}</h2>{{#groups}}{{#findings}}{{code}}{{detial}}{{root}}{{/findings}}{{/groups}}{{/checks}}{{l.no_such_label}}",
            template: "test", view: InspectionReportView.self)
        XCTAssertEqual(problems.count, 3, problems.joined(separator: "\n"))
        XCTAssertTrue(problems.contains { $0.contains("{{nmae}}") && $0.contains("InspectionReportView") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("{{detial}}") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("{{l.no_such_label}}") }, "\(problems)")
    }
}

/// Walks a template's tags with a stack of schemas, as swift-mustache walks its context stack: a key is
/// looked up from the innermost section outwards; a dotted key's first part is looked up that way and the
/// rest inside what it found; partials are followed.
struct TemplateKeyChecker {
    let templates: [String: String]
    let labels: TemplateSchema

    init() throws {
        guard let root = SiteTheme.resourceRoot else { throw XCTSkip("theme resources missing") }
        var templates: [String: String] = [:]
        for folder in ["layouts", "partials"] {
            for file in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            where file.hasSuffix(".mustache") {
                templates["\(folder)/\(file.dropLast(".mustache".count))"] =
                    try String(contentsOf: root.appendingPathComponent("\(folder)/\(file)"), encoding: .utf8)
            }
        }
        self.templates = templates
        let zh = try TemplateLibrary().labels(for: .zh)
        labels = TemplateSchema(keys: zh.mapValues { _ in TemplateSchema() })
    }

    func problems<View: ReportView>(template: String, view: View.Type) throws -> [String] {
        try problems(text: XCTUnwrap(templates[template], template), template: template, view: view)
    }

    func problems<View: ReportView>(text: String, template: String, view: View.Type) throws -> [String] {
        let schema = try TemplateSchema.of(view)
        // What the renderer adds beside the view's own keys.
        schema.keys?["root"] = TemplateSchema()
        schema.keys?["siteRoot"] = TemplateSchema()
        schema.keys?["l"] = labels
        return walk(text, template: template, viewName: "\(view)", stack: [schema], depth: 0)
    }

    func problems<Frame: PageFrame>(layout frame: Frame.Type) throws -> [String] {
        let schema = try TemplateSchema.of(LayoutView<Frame>.self)
        schema.keys?["l"] = labels
        let text = try XCTUnwrap(templates[frame.layout], frame.layout)
        return walk(text, template: frame.layout, viewName: "\(frame)", stack: [schema], depth: 0)
    }

    /// `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}`, `{{>partial}}`, `{{!…}}`.
    private static let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)\s*([#^/>!&]?)\s*(.*?)\s*\}?\}\}"#, options: [.dotMatchesLineSeparators])

    private func walk(_ text: String, template: String, viewName: String, stack initial: [TemplateSchema], depth: Int) -> [String] {
        var problems: [String] = []
        var stack = initial
        // Per open section: whether it pushed a context.
        var open: [(name: String, pushed: Bool)] = []
        let ns = text as NSString
        for match in Self.tag.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let kind = ns.substring(with: match.range(at: 2))
            let name = ns.substring(with: match.range(at: 3))
            let written = ns.substring(with: match.range)
            func report() {
                let inside = open.isEmpty ? "" : "（在 " + open.map { "#\($0.name)" }.joined(separator: " ") + " 内）"
                problems.append("\(template): \(written)\(inside) — \(viewName) 没有这个键 (the view has no such key)")
            }
            switch kind {
            case "!":
                continue
            case ">":
                guard depth < 8, let partial = templates[name] else {
                    problems.append("\(template): \(written) — 找不到局部模板 (missing partial)")
                    continue
                }
                problems += walk(partial, template: "\(template) > \(name)", viewName: viewName, stack: stack, depth: depth + 1)
            case "#":
                guard let found = resolve(name, in: stack) else {
                    report()
                    open.append((name, false))
                    continue
                }
                if let context = found.sectionContext {
                    stack.append(context)
                    open.append((name, true))
                } else {
                    open.append((name, false))
                }
            case "^":
                if resolve(name, in: stack) == nil { report() }
                open.append((name, false))
            case "/":
                guard let last = open.popLast(), last.name == name else {
                    problems.append("\(template): \(written) — 节未正确闭合 (unbalanced section)")
                    continue
                }
                if last.pushed { stack.removeLast() }
            default:
                if resolve(name, in: stack) == nil { report() }
            }
        }
        return problems
    }

    private func resolve(_ name: String, in stack: [TemplateSchema]) -> TemplateSchema? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for schema in stack.reversed() {
            guard var found = schema.keys?[first] else { continue }
            for part in parts.dropFirst() {
                guard let next = found.keys?[part] else { return nil }
                found = next
            }
            return found
        }
        return nil
    }
}
