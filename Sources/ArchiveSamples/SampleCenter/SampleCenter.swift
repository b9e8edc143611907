import ArchiveEngine
import Foundation

/// The sample center (样例中心): a realistic snapshot of the enterprise e-archive sharing center, written
/// in exactly the shape of `spec/archive-center.md`, with a chosen number of injected problems of every
/// finding code — the demo's data, the engine's test bed and its benchmark.
///
/// `generate` writes `catalog.sqlite` and `stores/<site>/<uscc>/<seq>/…` (metadata.xml, JPEG pages,
/// volume.pdf, volume.sealed.pdf signed with a demo seal) into an empty folder and returns the manifest:
/// the seal certificate to trust and the list of findings the engine must report, no more, no fewer.
///
/// ## How each injected problem maps to findings (the reading of the contract both sides implement)
///
/// Every fault gets an enterprise of its own, with plain volumes (created at least 30 h before the
/// inspection, efile and seal done, no lock), so faults never meet. "Processing copy" below means the
/// file at the `processing` site.
///
/// - **sync.missing** (site, volume), one of: the whole volume folder absent at the enterprise's branch;
///   absent at `offsite`; `volume.sealed.pdf` absent at `dc`; `metadata.xml` absent at the branch. An
///   absent folder is *only* sync.missing: page sequence and fixity judge folders and files that exist,
///   and an absent metadata.xml cannot be misfiled.
/// - **sync.corrupt** (site, volume), always at a branch (so fixity, which re-hashes dc and offsite, is
///   not involved): a page cut to half its size; volume.pdf replaced by another valid PDF; the sealed file
///   cut short. Branch copies of PDFs are judged by hash only: efile.broken and seal.invalid look at the
///   processing copy.
/// - **sync.misplaced** (other branch, volume): a complete, correct copy of the volume at a branch that has
///   no jurisdiction. Nothing else is wrong with it (no page_sequence, no orphan: the catalog knows it).
/// - **efile.failed / efile.stuck / efile.backlog** (volume, site null): status `failed`; `generating`
///   for 5 h; `pending` for a volume created days ago. No volume.pdf exists (not due), seal `pending`
///   (seal.backlog needs efile done).
/// - **efile.broken** (processing, volume): the generator wrote a broken volume.pdf (empty, not a PDF, cut
///   before `%%EOF`, or one page short) and recorded *its* hash, so every site holds the same bytes and
///   no sync.corrupt arises. efile_updated_at is a few hours ago and seal `pending` (no seal.backlog).
/// - **seal.failed / seal.backlog** (volume, site null): efile done; seal `failed`, or `pending` since the
///   efile was made days ago. No sealed file exists (not due).
/// - **seal.invalid** (processing, volume): the sealing system produced a bad sealed file and recorded its
///   hash (so no sync.corrupt anywhere): content changed after signing, bytes appended after signing, or
///   signed by another certificate with the same name. The seal check verifies the processing copy.
/// - **disk.usage** (host, mount): latest sample at 84 % or 93 % and almost flat history (full in years).
///   **disk.forecast** (host, mount): latest sample at 62 % or 74 % growing linearly at 0.7 %/1.3 % of
///   the disk a day (full in about 54 / 20 days; history of 45 days, exactly linear, so any fit agrees).
///   Healthy mounts stay below 66 % and would take more than 300 days to fill.
/// - **notfound.*** (query): in the window (the previous calendar day) every `not_found` query is an
///   injected one; outside it, not-found queries are random and expected nowhere. invalid_code: the code
///   of a catalog enterprise with one character changed, failing the check digit, exactly one catalog
///   code one edit away. former_name: an enterprise's former name, verbatim. name_variant: a current name
///   (with full-width brackets) written with half-width brackets, or with spaces. not_synced: a code whose
///   enterprise's only volume is absent at `dc` (the serving site) — a due volume, so the manifest *also*
///   lists sync.missing (dc, volume) — or a code whose only volume was scanned inside the grace period and
///   has not reached dc (not due: no sync.missing). no_volume: an enterprise with no volume. unknown: a
///   valid Shenzhen code or a Shenzhen company name. All injected queries are served by `dc`.
/// - **anomaly.stale_lock** (volume): a lock held for 45 min – 6 h. Locks held 10 min exist in every
///   center and are not findings.
/// - **anomaly.misfiled** (branch, volume): the branch's metadata.xml names another enterprise's code;
///   pages and PDFs are right (metadata.xml has no catalog hash, so nothing else fires).
/// - **anomaly.page_sequence** (site, volume): an extra `page-(N+1).jpg` at the branch or at offsite. No
///   missing page (that would also be sync.missing); fixity only re-hashes catalog pages.
/// - **anomaly.volume_sequence** (uscc): an enterprise's volumes numbered 1, 2, 4 (folder `004`).
/// - **anomaly.invalid_uscc** (uscc): an enterprise whose catalog code fails the check digit; its folders
///   use that code, consistently.
/// - **anomaly.orphan** (site, path `<uscc>/<seq>`): a complete-looking volume folder at `dc` with a seq the
///   enterprise does not have, or a folder of an unknown (valid, Shenzhen) code at a branch. An orphan is
///   only an orphan: no sync.misplaced, page_sequence or misfiled for it.
/// - **fixity.mismatch** (dc or offsite, volume): one byte of a page changed, same size. The fixity check
///   reports fixity.mismatch in a full pass; the sync check, which re-hashes, reports sync.corrupt for
///   the same (site, volume): the manifest lists both, each with its `check`.
///
/// Not findings, present in every center on purpose: volumes inside the 24 h grace period (missing at
/// some sites, efile pending or generating, seal pending), a 30 h-old volume whose efile has been
/// generating for 1 h, a volume whose seal has been pending for 20 h, and 10-minute locks.
public enum SampleCenter {
    /// Writes a sample center into `directory` (created if needed; it must be empty) and returns its manifest.
    /// - Parameter progress: called now and then with a phase name and a done/total count.
    public static func generate(into directory: URL, options: SampleCenterOptions,
                                progress: ((String, Int, Int) -> Void)? = nil) throws -> SampleCenterManifest {
        let generator = try SampleCenterGenerator(directory: directory, options: options, progress: progress)
        return try generator.run()
    }

    /// The not-found triage window for an inspection at `at`: the previous calendar day (+08:00).
    public static func notFoundWindow(for at: Date) -> (start: Date, end: Date) {
        let end = BureauTime.startOfDay(at)
        return (end.addingTimeInterval(-86400), end)
    }
}
