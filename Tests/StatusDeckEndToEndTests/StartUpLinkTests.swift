import Foundation
import Testing

/// Issue 17: what every start pays for. libzip (and the libcrypto it brings), SQLite and libzstd
/// are opened by export and import only, so they must not be among the libraries the loader maps
/// at every start.
@Suite struct StartUpLinkTests {
    /// The shared libraries the binary names (ELF NEEDED), read with binutils' readelf.
    static func neededLibraries(_ binary: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        process.arguments = ["-d", binary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { $0.contains("(NEEDED)") }
            .compactMap { line in line.split(separator: "[").last.map { String($0.dropLast()) } }
    }

    /// corelibs Foundation, FoundationInternationalization and ICU (about 50 MB and 36,000
    /// relocations in the static binary) are not linked: the product imports FoundationEssentials.
    @Test func onlyFoundationEssentialsIsLinked() throws {
        let needed = try Self.neededLibraries(StatusDeckProcess.executableURL)
        #expect(needed.contains { $0.hasPrefix("libc.so") })
        let heavy = needed.filter {
            $0.hasPrefix("libFoundation.so") || $0.hasPrefix("libFoundationInternationalization") || $0.hasPrefix("lib_FoundationICU")
        }
        #expect(heavy.isEmpty, "\(needed)")
    }

    @Test func ankiPackageLibrariesAreNotLoadedAtStart() throws {
        let needed = try Self.neededLibraries(StatusDeckProcess.executableURL)
        // The check itself must see the libraries, or an empty list would pass it.
        #expect(needed.contains { $0.hasPrefix("libc.so") })
        for library in ["libzip", "libsqlite3", "libzstd"] {
            #expect(!needed.contains { $0.hasPrefix(library) }, "\(library) in \(needed)")
        }
    }
}
