import Testing
@testable import StatusDeckUI
import StatusDeckCore

@Suite struct ModuleTests {
    @Test func coreVersionVisibleFromUI() {
        #expect(!StatusDeckVersion.current.isEmpty)
    }
}
