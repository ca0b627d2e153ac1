import Foundation
import Yams

/// The sections about what happens after a scan: thresholds, takedown verification and the webhook.
extension ScanProfileReader {
    func thresholds(_ node: Node, log: inout [ProfileError]) -> ProfileThresholds {
        guard let fields = gather(&log, { try self.fields(node, "thresholds", allowed: Self.thresholdKeys, log: &$0) })
        else { return ProfileThresholds() }
        return ProfileThresholds(
            queue: optional(fields["queue"], &log) { try positiveInteger($0, "thresholds.queue") },
            notify: optional(fields["notify"], &log) { try positiveInteger($0, "thresholds.notify") },
            reopenPriceShare: optional(fields["reopen_price_share"], &log) { node in
                let share = try number(node, "thresholds.reopen_price_share")
                guard share > 0 else {
                    throw fail(node, "thresholds.reopen_price_share must be more than 0 (0.2 means a 20% price move)")
                }
                return share
            })
    }

    func verification(_ node: Node, log: inout [ProfileError]) -> ProfileVerification {
        guard let fields = gather(&log, {
            try self.fields(node, "verification", allowed: Self.verificationKeys, log: &$0)
        }) else { return ProfileVerification() }
        return ProfileVerification(
            stillLiveAfter: optional(fields["still_live_after"], &log) { try duration($0, "verification.still_live_after") })
    }

    /// `webhook:`; an inline `secret:` is refused (secrets stay out of files analysts share and commit).
    func webhook(_ node: Node, log: inout [ProfileError]) -> ProfileWebhook? {
        if let mapping = node.mapping, let secretKey = mapping.keys.first(where: { $0.string == "secret" }) {
            log.append(fail(secretKey, "webhook secret must not be written in the profile: put it in an environment "
                + "variable and name that variable with secret_env (such as secret_env: GRAYWATCH_WEBHOOK_SECRET)"))
        }
        let allowed = Self.webhookKeys + ["secret"]
        guard let fields = gather(&log, { try self.fields(node, "webhook", allowed: allowed, log: &$0) }) else {
            return nil
        }
        guard let urlNode = fields["url"] else {
            log.append(fail(node, "webhook lacks 'url' (the http or https address to post to)"))
            return nil
        }
        guard let url = attempt(&log, {
            let url = try string(urlNode, "webhook.url")
            try httpURL(url, urlNode, "webhook.url")
            return url
        }) else { return nil }
        var webhook = ProfileWebhook(url: url, location: location(node))
        webhook.secretEnv = optional(fields["secret_env"], &log) { node in
            let name = try string(node, "webhook.secret_env")
            guard Self.isEnvironmentName(name) else {
                throw fail(node, "webhook.secret_env '\(name)' is not an environment variable name (letters, digits "
                    + "and _, not starting with a digit); give the variable's name, not the secret")
            }
            return name
        }
        if let eventsNode = fields["events"] {
            webhook.events = events(eventsNode, log: &log)
        }
        return webhook
    }

    /// `events:`, names from `ProfileWebhook.Event`, at least one, none twice.
    func events(_ node: Node, log: inout [ProfileError]) -> [ProfileWebhook.Event] {
        guard let names = attempt(&log, { try strings(node, "webhook.events") }) else { return [] }
        guard !names.isEmpty else {
            log.append(fail(node, "webhook.events is empty (remove it to get new_item, or name the events wanted)"))
            return []
        }
        var events: [ProfileWebhook.Event] = []
        for name in names {
            guard let event = ProfileWebhook.Event(rawValue: name.value) else {
                log.append(ProfileError(name.location, "unknown webhook event '\(name.value)'"
                    + Suggestion.hint(for: name.value, among: ProfileWebhook.Event.allCases.map(\.rawValue))))
                continue
            }
            if !events.contains(event) { events.append(event) }
        }
        return events
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isEnvironmentName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
