import Foundation

extension SiteBuild {
    /// Renders `count` pages on every core and returns them in index order. Rendering is pure — it reads
    /// the report data and the templates only — which is what makes this safe.
    func renderPages(count: Int, _ make: (Int) throws -> SitePage) throws -> [SitePage] {
        try ParallelMap.run(count: count, make)
    }
}
