extension HashTable {
    /// The order CPython would iterate a set holding these entries. CPython's set is an
    /// unordered open-addressing table (8 slots to start, linear probes of 9, then perturbed
    /// probing, resized to 4x when 60% full), and programs print sets in that slot order, so
    /// the engine replays the insertions into the same table shape to print `{9, 2, 3, 4}`
    /// exactly as CPython does. (Deletion history is not replayed.)
    func cpythonSetOrder() -> [Int] {
        let live = liveIndices
        var mask = 7
        var table = [Int](repeating: -1, count: 8)
        var fill = 0
        func insertClean(_ table: inout [Int], _ mask: Int, _ entry: Int) {
            let h = hashes[entry]
            var perturb = UInt(bitPattern: h)
            var i = h & mask
            while true {
                if table[i] < 0 { table[i] = entry; return }
                if i + 9 <= mask {
                    for j in 1...9 where table[i + j] < 0 {
                        table[i + j] = entry
                        return
                    }
                }
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
        for entry in live {
            insertClean(&table, mask, entry)
            fill += 1
            if fill * 5 >= mask * 3 {
                let minused = fill > 50000 ? fill * 2 : fill * 4
                var newSize = 8
                while newSize <= minused { newSize <<= 1 }
                let old = table
                mask = newSize - 1
                table = [Int](repeating: -1, count: newSize)
                for e in old where e >= 0 { insertClean(&table, mask, e) }
            }
        }
        return table.filter { $0 >= 0 }
    }
}
