#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Glue between libFuzzer (or a list of files) and a property check.
public enum FuzzHarness {
    public typealias Check = ([UInt8]) -> PropertyViolation?

    /// The body of `LLVMFuzzerTestOneInput`: a broken property aborts, so libFuzzer saves the input.
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, _ check: Check) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        if let violation = check(bytes) {
            report("property broken: \(violation)\n")
            abort()
        }
        return 0
    }

    /// Without libFuzzer: runs the check over each file named (folders are walked one level),
    /// so a saved input can be replayed in a normal build. Returns the process exit status.
    public static func replay(_ paths: [String], _ check: Check) -> Int32 {
        var failures = 0
        var count = 0
        for path in paths.flatMap(files(at:)) {
            guard let bytes = readFile(path) else {
                report("\(path): could not be read\n")
                failures += 1
                continue
            }
            count += 1
            if let violation = check(bytes) {
                report("\(path): \(violation)\n")
                failures += 1
            }
        }
        report("replayed \(count) inputs, \(failures) failed\n")
        return failures == 0 ? 0 : 1
    }

    public static func replayAndExit(_ paths: [String], _ check: Check) -> Never {
        exit(replay(paths, check))
    }

    static func files(at path: String) -> [String] {
        guard let dir = opendir(path) else { return [path] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(path + "/" + name) }
        }
        return names.sorted()
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    static func report(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = write(2, base + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
