import CNcursesw
import StatusDeckUI

/// Turns what `wget_wch` returned into a `Key`.
enum KeyDecoder {
    /// `isFunctionKey` is true when `wget_wch` returned KEY_CODE_YES.
    static func decode(isFunctionKey: Bool, code: UInt32) -> Key? {
        if isFunctionKey {
            switch Int32(bitPattern: code) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_BTAB: return .tab
            case let c where c > sd_key_f0() && c <= sd_key_f0() + 12: return .function(Int(c - sd_key_f0()))
            default: return nil
            }
        }
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .ctrl(Character(scalar))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
