import Foundation

/// The review's thresholds, changed only by an admin.
extension CaseStore {
    // MARK: Review settings

    var settingsURL: URL { root.appendingPathComponent("settings.plist") }

    /// The review thresholds; the standard ones until an admin changes them.
    public func loadSettings() -> ReviewSettings {
        read(ReviewSettings.self, from: settingsURL) ?? .standard
    }

    public func saveSettings(_ settings: ReviewSettings) throws {
        try write(settings, to: settingsURL)
    }
}
