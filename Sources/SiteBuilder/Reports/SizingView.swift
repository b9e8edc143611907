import Foundation

/// What `layouts/sizing` reads: 硬件选型建议 — each mount's forecast with its chart and threshold table,
/// the storage plan per site and horizon, server figures, client minimums and the peripheral checklist.
/// Every figure arrives with its formula, assumptions and what the inventory lacks, already formatted.
struct SizingView: ReportView {
    static let template = "layouts/sizing"

    struct Mount: Codable {
        var anchor: String
        var host: String
        var mount: String
        var usage: String
        var method: String
        var error: String
        var growth: String
        var reason: String?
        var chart: String
        var hasCrossings: Bool
        var crossings: [Crossing]
        var events: [Event]
        var notes: String
    }

    struct Crossing: Codable {
        var line: String
        var days: String
        var date: String
        var range: String
    }

    struct Event: Codable {
        var date: String
        var text: String
    }

    struct Site: Codable {
        var anchor: String
        var name: String
        var id: String
        var archive: String
        var volumes: String
        var pages: String
        var method: String
        var error: String
        var reason: String?
        var chart: String
        var storages: [Storage]
        var horizons: [Horizon]
        var hasAssumptions: Bool
        var assumptions: [Text]
        var missing: [Text]
    }

    struct Storage: Codable {
        var place: String
        var copies: String
        var raid: String
        var overhead: String
        var used: String
        var capacity: String
    }

    struct Horizon: Codable {
        var years: String
        var growth: Figure
        var need: Figure
        var buyUsable: Figure
        var buyRaw: Figure
    }

    struct Figure: Codable {
        var label: String
        var value: String
        var range: String
        var formula: String
        var assumptions: [Text]
        var missing: [Text]
    }

    struct Text: Codable {
        var text: String
    }

    struct Server: Codable {
        var name: String
        var role: String
        var model: String
        var cores: String
        var coresMark: String
        var coresClass: String
        var memory: String
        var memoryMark: String
        var memoryClass: String
    }

    struct Requirement: Codable {
        var kind: String
        var cores: String
        var memory: String
        var disk: String
        var interfaces: String
        var reasons: String
    }

    struct Group: Codable {
        var kind: String
        var name: String
        var count: String
        var model: String
        var os: String
        var values: [TextSpan]
        var marks: [Mark]
    }

    struct Mark: Codable {
        var text: String
        var css: String
    }

    struct Peripheral: Codable {
        var kind: String
        var model: String
        var count: String
        var attachedTo: String
        var interface: Mark
        var driver: Mark
        var speed: Mark?
        var notes: [TextSpan]
    }

    var asOf: String
    var intervalPercent: String
    var hasMounts: Bool
    var mounts: [Mount]
    var hasSites: Bool
    var sites: [Site]
    var serverFigures: [Figure]
    var hasServers: Bool
    var servers: [Server]
    var requirements: [Requirement]
    var hasGroups: Bool
    var groups: [Group]
    var hasPeripherals: Bool
    var peripherals: [Peripheral]
    var hasGaps: Bool
    var gaps: [Text]
    var inventoryEmpty: Bool
    var assumptions: [Text]
    var manualHref: String
    var hasData: Bool
}

