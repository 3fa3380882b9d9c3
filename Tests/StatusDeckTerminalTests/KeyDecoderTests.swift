import CNcursesw
import StatusDeckUI
import Testing

@testable import StatusDeckTerminal

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(10), Key.enter), (13, .enter), (27, .escape), (8, .backspace), (127, .backspace), (9, .tab),
        (3, .ctrl("c")), (21, .ctrl("u")), (UInt32(("q" as Unicode.Scalar).value), .char("q")),
        (0x4E2D, .char("中")), (0x20, .char(" ")),
    ])
    func plainCodes(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(isFunctionKey: false, code: code) == key)
    }

    @Test func controlCodesWithoutAMeaningAreDropped() {
        // NUL and the codes between Ctrl-Z and space (28-31) are not keys the quiz knows.
        for code: UInt32 in [0, 28, 29, 30, 31] {
            #expect(KeyDecoder.decode(isFunctionKey: false, code: code) == nil)
        }
        // A surrogate is not a scalar: no crash, no key.
        #expect(KeyDecoder.decode(isFunctionKey: false, code: 0xD800) == nil)
    }

    @Test func functionKeys() {
        func decode(_ code: Int32) -> Key? { KeyDecoder.decode(isFunctionKey: true, code: UInt32(bitPattern: code)) }
        #expect(decode(KEY_UP) == .up)
        #expect(decode(KEY_DOWN) == .down)
        #expect(decode(KEY_BACKSPACE) == .backspace)
        #expect(decode(KEY_BTAB) == .tab)
        #expect(decode(KEY_NPAGE) == .pageDown)
        #expect(decode(sd_key_f0() + 1) == .function(1))
        #expect(decode(sd_key_f0() + 12) == .function(12))
        #expect(decode(sd_key_f0() + 13) == nil)
        #expect(decode(KEY_MOUSE) == nil)
    }
}
