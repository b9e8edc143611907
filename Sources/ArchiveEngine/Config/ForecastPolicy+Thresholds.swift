import Forecasting

extension Thresholds {
    /// The forecast policy every consumer uses: the disk check, the dashboard, the monthly summary and the
    /// sizing page draw the warning and critical lines from the same thresholds.
    public var forecastPolicy: ForecastPolicy {
        ForecastPolicy(warningPercent: diskWarningPercent, criticalPercent: diskCriticalPercent)
    }
}
