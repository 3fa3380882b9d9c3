import Testing

@testable import StatusDeckStore

@Suite struct DataDirectoryTests {
    @Test func explicitWins() {
        let d = DataDirectory.resolve(explicit: "/x", environment: ["STATUSDECK_HOME": "/y"])
        #expect(d?.path == "/x")
    }
    @Test func fallsBackInOrder() {
        #expect(DataDirectory.resolve(explicit: nil, environment: ["STATUSDECK_HOME": "/y", "XDG_DATA_HOME": "/z"])?.path == "/y")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/z", "HOME": "/h"])?.path == "/z/statusdeck")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/h"])?.path == "/h/.local/share/statusdeck")
        #expect(DataDirectory.resolve(explicit: nil, environment: [:]) == nil)
    }
}
