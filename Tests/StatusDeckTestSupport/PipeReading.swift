import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension FileHandle {
    /// Reads until end of file, retrying reads a signal interrupted.
    ///
    /// Foundation's `readDataToEndOfFile` traps on EINTR, which a child's SIGCHLD can cause when
    /// several processes run at once; a test must fail on what it checks, never on that.
    public func readAllRetryingInterrupts() -> Data {
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                result.append(contentsOf: buffer[0..<n])
            } else if n == 0 || errno != EINTR {
                return result
            }
        }
    }
}
