import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// A site build as a short list of steps (in the manner of Publish): each step turns the store and the
/// content into pages; the pages are then published atomically into `Output/`.
public struct SiteBuild {
    public let store: OperationsStore
    public internal(set) var renderer: PageRenderer
    public let output: OutputWriter
    /// The contract's service levels the reports judge tickets against (from archive-ops.yaml).
    public var serviceLevels = ServiceLevels()
    /// The 08:30 deadline of the daily inspection and its working days (from archive-ops.yaml).
    public var inspectionDeadline = InspectionDeadline()
    /// The day the site is built as of (`build --as-of`, default today in Asia/Shanghai): the "today" of
    /// the dashboard's deadline tile and the last day the monthly on-time rates count. Nil means the day
    /// of the latest inspection run, so a build from the library alone depends on the data only.
    public var asOf: CalendarDay?
    /// The days the report pages cover; nil for the whole database (the site). Acceptance bundles set it.
    /// Setting it gives this copy of the build its own report and capacity caches, cut to the scope.
    public var scope: ReportScope? {
        didSet {
            reportCache = BuildDataCache()
            capacityCache = BuildDataCache()
        }
    }
    var reportCache = BuildDataCache<ReportData>()
    /// The disk thresholds and the hardware inventory the capacity pages use (from archive-ops.yaml).
    public var thresholds = Thresholds()
    public var hardware = HardwareInventory()
    var capacityCache = BuildDataCache<CapacityData>()

    /// A step adds pages to the site. Steps are pure: they read the store and templates, never the disk.
    /// (In ``run(_:)`` the renderer writes each page it renders into the build's staging folder at once,
    /// ``PageStaging``; nothing reaches `Output/` before the publish.)
    public typealias Step = (SiteBuild) throws -> [SitePage]

    /// What the training manual is built from (workspace Content/, generated chapters, check definitions).
    public var manual = ManualInputs()

    public init(store: OperationsStore, outputURL: URL, templateOverrides: URL? = nil, site: SiteContext = SiteContext()) throws {
        self.store = store
        let templates = try TemplateLibrary(overrides: templateOverrides)
        self.renderer = PageRenderer(templates: templates, site: site)
        self.output = OutputWriter(outputURL: outputURL)
    }

    /// The steps of a full build, in order.
    public static let defaultSteps: [Step] = [
        HomePage.step,
        InspectionReportPages.step,
        ServiceReportPages.step,
        MonthlySummaryPages.step,
        QueryStatisticsPages.step,
        SizingPages.step,
        ComparisonPages.step,
        EnterprisePages.step,
        ReportIndexPages.step,
        AcceptanceRegisterPage.step,
        StaticAssets.step,
        ManualSite.step,
        SearchPage.step,
    ]

    /// Renders only the pages whose inputs changed since the last build of this `Output/` (``PageReuse``,
    /// ``SiteBuildCache``); false renders every page. Either way the published bytes are the same.
    public var incremental = true

    /// Runs `steps` and publishes the result; nothing is written if any step fails.
    @discardableResult
    public func run(_ steps: [Step] = SiteBuild.defaultSteps) throws -> OutputWriter.Summary {
        let lock = try BuildLock(for: output.outputURL)
        defer { withExtendedLifetime(lock) {} }
        output.removeLeftoversOfKilledBuilds()
        let cacheURL = SiteBuildCache.url(for: output.outputURL)
        let searchURL = SearchIndexCache.url(for: output.outputURL)
        let previous = incremental && scope == nil ? SiteBuildCache.read(from: cacheURL) : nil
        let search = (incremental && scope == nil ? SearchIndexCache.read(from: searchURL) : nil) ?? SearchIndexCache()
        let manualURL = ManualOutlineCache.url(for: output.outputURL)
        let outlines = (incremental && scope == nil ? ManualOutlineCache.read(from: manualURL) : nil) ?? ManualOutlineCache()
        let reuse = PageReuse(outputURL: output.outputURL, previous: previous, templates: renderer.templates, site: renderer.site,
                              search: search, manualOutlines: outlines)
        let staging = try PageStaging(output: output)
        reuse.staging = staging
        var build = self
        build.renderer.reuse = reuse
        var pages: [SitePage] = []
        // A step that fails leaves `Output/` as it was; the standby tree it was staging into stays half
        // made, which the next build corrects (``PageStaging``).
        for step in steps { pages += try step(build) }
        pages = try SiteSearch.index(pages, cache: search, reuse: reuse)
        // The search and outline caches depend on this build's documents and texts alone: they are made on
        // one core while the other publishes (mostly the file system's work), and written only once the
        // site is published, so a failed publish leaves the old caches as they were.
        let (published, (sealedSearch, sealedOutlines)) = try ParallelMap.both(
            { [pages] in try output.publish(pages, staged: staging) },
            { (search.sealed(), outlines.sealed()) })
        var summary = published
        summary.reused = reuse.reusedCount
        let cache = reuse.cacheAfterPublish(pages: pages)
        pages = []  // published: their bytes go before the caches are made (a large site's pages are most of its memory)
        // The caches only speed up the next build: if one cannot be written, the next build renders all.
        // The search cache goes first: a build cache naming search entries that are not there is useless.
        if (try? SealedCacheFile.write(sealedSearch, to: searchURL)) == nil || (try? cache.write(to: cacheURL)) == nil {
            try? FileManager.default.removeItem(at: cacheURL)
        }
        // Outlines depend on the pages' texts alone, never on Output/: a stale or missing file costs a parse.
        if (try? SealedCacheFile.write(sealedOutlines, to: manualURL)) == nil { try? FileManager.default.removeItem(at: manualURL) }
        return summary
    }
}

/// Copies the theme's static files (stylesheet) to `Output/assets/`.
enum StaticAssets {
    static let step: SiteBuild.Step = { build in
        build.renderer.templates.staticFiles.keys.sorted().map { name in
            SitePage(path: "assets/\(name)", contents: build.renderer.templates.staticFiles[name]!)
        }
    }
}
