import Prometheus

extension GraywatchMetrics {
    /// The metric names and help texts, in one place so that every registration of a name uses the same help.
    enum Descriptor {
        case pagesFetched, findings, errors, webhookDeliveries
        case queueItems, scanDuration, lastSuccess, scanRunning, scanRunSeconds

        var descriptor: MetricNameDescriptor {
            switch self {
            case .pagesFetched:
                return make("pages_fetched", "total", "Pages fetched, by scan profile and HTTP status class (error: no response).")
            case .findings:
                return make("findings", "total", "Rule findings recorded, by scan profile and threat category.")
            case .errors:
                return make("errors", "total", "Failures, by scan profile and pipeline stage.")
            case .webhookDeliveries:
                return make("webhook_deliveries", "total", "Webhook delivery attempts, by result (delivered, retry, dead).")
            case .queueItems:
                return make("queue_items", "", "Review items, by status.")
            case .scanDuration:
                return make("scan_duration", "seconds", "Length of the last scan run of a profile.")
            case .lastSuccess:
                return make("last_success_timestamp", "seconds", "Unix time of the last successful scan run of a profile.")
            case .scanRunning:
                return make("scan_running", "", "1 while a scan run of the profile is going, else 0.")
            case .scanRunSeconds:
                return make("scan_run", "seconds", "Distribution of scan run lengths, by profile.")
            }
        }

        private func make(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "graywatch", metricName: name, unitName: unit, helpText: help)
        }
    }
}
