// The shared test support (the built CLI, subprocesses, scratch folders, fixtures, command assertions)
// for every file of this target, so no file finds the binary or makes a temporary folder its own way.
@_exported import ArchiveOpsTestSupport
