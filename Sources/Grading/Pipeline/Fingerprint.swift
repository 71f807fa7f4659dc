import Foundation

/// The key that decides whether a rerun may skip a sheet: a digest of the sheet's bytes, the
/// rubric's bytes and the grader's version (which covers the engine and the checks), so a change
/// to any of them regrades the sheet.
///
/// Two independent 64-bit FNV-1a lanes (128 bits): enough to make an accidental collision
/// negligible. It is not a cryptographic digest; it guards against stale results, not against an
/// adversary (a student cannot choose what an earlier run stored).
public enum Fingerprint {
    public static func of(sheet: Data, rubric: Data, graderVersion: String) -> String {
        Prefix(rubric: rubric, graderVersion: graderVersion).of(sheet: sheet)
    }

    /// The digest's state after the grader version and the rubric, which every sheet of a batch
    /// shares: hashed once per batch rather than once per sheet (the rubric is tens of
    /// kilobytes, the sheets a few).
    public struct Prefix: Sendable {
        var a = Lane(seed: 0xcbf2_9ce4_8422_2325)
        var b = Lane(seed: 0x6c62_272e_07bb_0142)

        public init(rubric: Data, graderVersion: String) {
            add(Data(graderVersion.utf8))
            add(rubric)
        }

        public func of(sheet: Data) -> String {
            var full = self
            full.add(sheet)
            return "fnv128:" + full.a.hex + full.b.hex
        }

        /// One part: its length first (so moving bytes between parts changes the digest), then
        /// its bytes, forward into lane a and backward into lane b.
        mutating func add(_ part: Data) {
            var length = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &length) { bytes in
                a.add(bytes)
                b.add(reversed: bytes)
            }
            part.withUnsafeBytes { bytes in
                a.add(bytes)
                b.add(reversed: bytes)
            }
        }
    }

    /// FNV-1a over bytes; also the stable hash used to cut a batch into shards.
    struct Lane {
        var hash: UInt64

        init(seed: UInt64) {
            hash = seed
        }

        mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var h = hash
            for byte in bytes {
                h ^= UInt64(byte)
                h &*= 0x0000_0100_0000_01B3
            }
            hash = h
        }

        mutating func add(reversed bytes: UnsafeRawBufferPointer) {
            var h = hash
            var index = bytes.count
            while index > 0 {
                index -= 1
                h ^= UInt64(bytes[index])
                h &*= 0x0000_0100_0000_01B3
            }
            hash = h
        }

        var hex: String {
            let text = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
    }
}

/// One part of a batch cut into `count` shards (`--shard 3/8` is `Shard(index: 3, count: 8)`).
///
/// A sheet's shard is decided by a stable hash of its path as given, not by its position in a
/// listing: every machine of a CI matrix decides the same way, adding a sheet does not move the
/// others to different shards, and together the shards hold every sheet exactly once.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (1...count).contains(index) else { throw ShardError(text: "\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)), let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw ShardError(text: text)
        }
        try self.init(index: k, count: n)
    }

    /// The whole batch.
    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        index = uncheckedIndex
        self.count = count
    }

    public func contains(_ file: String) -> Bool {
        var lane = Fingerprint.Lane(seed: 0xcbf2_9ce4_8422_2325)
        lane.add(Array(file.utf8))
        return Int(lane.hash % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

public struct ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var description: String { "invalid shard \"\(text)\": write K/N with 1 ≤ K ≤ N, e.g. --shard 2/4" }
}
