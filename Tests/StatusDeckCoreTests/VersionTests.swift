import Testing

@testable import StatusDeckCore

@Suite struct VersionTests {
    @Test func versionIsSemantic() {
        let parts = StatusDeckVersion.current.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
    }
}
