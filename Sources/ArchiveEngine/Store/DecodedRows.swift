import GRDB

extension OperationsStore {
    /// Every row of `sql`, each decoded by `decode` while the statement is still open; rows `decode` turns
    /// into nil (values the importers never write) are skipped.
    ///
    /// Why through a cursor: the rows of a cursor find a column by name in the statement's index, while rows
    /// copied by `fetchAll` lowercase every column name at each lookup — a fiftieth of a site rebuild when
    /// every ticket, run, finding and query figure was read that way. Every whole-table read that decodes
    /// by column name goes through here.
    static func decodedRows<Value>(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                                   _ decode: (Row) throws -> Value?) throws -> [Value] {
        var values: [Value] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            if let value = try decode(row) { values.append(value) }
        }
        return values
    }
}
