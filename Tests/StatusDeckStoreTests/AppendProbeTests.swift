import Foundation
import StatusDeckStore
import Testing

/// The O_APPEND probe, against the real filesystem and against a fake one that, like some
/// network and FUSE filesystems, accepts O_APPEND and ignores it.
@Suite struct AppendProbeTests {
    /// An in-memory filesystem: one file per path, each descriptor with its own offset.
    final class FakeFileSystem: AppendProbe.FileOperations, @unchecked Sendable {
        let honoursAppend: Bool
        private let lock = NSLock()
        private var files: [String: [UInt8]] = [:]
        private var open: [Int32: (path: String, offset: Int)] = [:]
        private var next: Int32 = 10
        private(set) var creates = 0

        init(honoursAppend: Bool) { self.honoursAppend = honoursAppend }

        var paths: [String] { lock.withLock { Array(files.keys) } }

        func createForAppending(_ path: String) -> Result<Int32, AppendProbe.SystemCallError> {
            lock.withLock {
                creates += 1
                if files[path] != nil { return .failure(.init(EEXIST)) }
                files[path] = []
                next += 1
                open[next] = (path, 0)
                return .success(next)
            }
        }

        func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
            lock.withLock {
                guard let (path, offset) = open[fd], var file = files[path] else { return EBADF }
                let at = honoursAppend ? file.count : offset
                for (i, b) in bytes.enumerated() {
                    if at + i < file.count { file[at + i] = b } else { file.append(b) }
                }
                files[path] = file
                open[fd] = (path, at + bytes.count)
                return nil
            }
        }

        func seekToStart(_ fd: Int32) -> Int32? {
            lock.withLock {
                guard let (path, _) = open[fd] else { return EBADF }
                open[fd] = (path, 0)
                return nil
            }
        }

        func readAll(_ fd: Int32) -> Result<[UInt8], AppendProbe.SystemCallError> {
            lock.withLock {
                guard let (path, offset) = open[fd], let file = files[path] else { return .failure(.init(EBADF)) }
                open[fd] = (path, file.count)
                return .success(Array(file[min(offset, file.count)...]))
            }
        }

        func close(_ fd: Int32) { lock.withLock { _ = open.removeValue(forKey: fd) } }

        func remove(_ path: String) { lock.withLock { _ = files.removeValue(forKey: path) } }
    }

    @Test func aFilesystemThatIgnoresOAppendIsRefusedWithOneClearLine() {
        let fake = FakeFileSystem(honoursAppend: false)
        #expect(AppendProbe(operations: fake).run("/data") == .ignored)
        #expect {
            try AppendProbe.checkOnce("/data-" + UUID().uuidString, probe: AppendProbe(operations: fake))
        } throws: { error in
            let text = (error as? StoreError)?.description ?? ""
            return text.contains(": cannot append to files here (this filesystem ignores O_APPEND")
                && text.hasSuffix(": Operation not supported") && !text.contains("\n")
                && (error as? StoreError)?.exitCode == 1
        }
        #expect(fake.paths.isEmpty, "the probe file is removed even when the check fails")
    }

    @Test func aFilesystemThatHonoursOAppendPasses() {
        let fake = FakeFileSystem(honoursAppend: true)
        #expect(AppendProbe(operations: fake).run("/data") == .honoured)
        #expect(fake.paths.isEmpty)
    }

    @Test func theRealFilesystemHonoursItAndKeepsNoProbeFile() throws {
        let dir = NSTemporaryDirectory() + "statusdeck-probe-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(AppendProbe().run(dir) == .honoured)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func aDirectoryThatCannotBeWrittenIsLeftToTheRealOpenToReport() throws {
        #expect(AppendProbe().run("/proc/statusdeck") == .unknown(errno: ENOENT))
        try AppendProbe.checkOnce("/proc/statusdeck")
    }

    @Test func eachDirectoryIsProbedOncePerProcess() throws {
        let fake = FakeFileSystem(honoursAppend: true)
        let dir = "/fake-" + UUID().uuidString
        try AppendProbe.checkOnce(dir, probe: AppendProbe(operations: fake))
        try AppendProbe.checkOnce(dir, probe: AppendProbe(operations: fake))
        #expect(fake.creates == 1)
    }

    @Test func aRefusedDirectoryIsProbedAgainNextTime() {
        let fake = FakeFileSystem(honoursAppend: false)
        let dir = "/fake-" + UUID().uuidString
        for _ in 0..<2 {
            #expect(throws: StoreError.self) { try AppendProbe.checkOnce(dir, probe: AppendProbe(operations: fake)) }
        }
        #expect(fake.creates == 2)
    }
}
