#!/bin/sh
# Instruction-level profile of the engine on the CPU-bound loops (BENCHMARKS.md, "Profile").
# callgrind counts instructions, so the figures repeat run to run even on a busy machine.
# Sizes are cut down (callgrind runs ~50x slower); the shape of the profile does not change.
#
#   swift build -c release --product grader-bench
#   sh Benchmarks/profile.sh [OUTDIR]        # default /tmp/grader-profile
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release/grader-bench"
out=${1:-/tmp/grader-profile}
mkdir -p "$out"
[ -x "$bin" ] || { echo "build first: swift build -c release --product grader-bench" >&2; exit 1; }
# valgrind 3.19 gives up on the DWARF 5 forms clang emits for the C targets (Yams' libyaml):
# profile a copy without debug info (function names come from the symbol table).
objcopy --strip-debug "$bin" "$out/grader-bench"
bin="$out/grader-bench"
for f in "$root"/Benchmarks/cpu/*.py "$root"/Benchmarks/primitives/pool_map_10k.py "$root"/Benchmarks/primitives/queue_roundtrips.py; do
    name=$(basename "$f" .py)
    sed -e 's/fib(25)/fib(20)/' -e 's/200_000/20_000/g' -e 's/100_000/10_000/g' -e 's/50_000/5_000/g' \
        -e 's/range(50)/range(5)/' "$f" > "$out/$name.py"
    # %p: forked children (pool workers, Process targets) write their own files; the profile
    # kept is the main process's (the first pid valgrind logs).
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.callgrind.%p" "$bin" run "$out/$name.py" > /dev/null 2> "$out/$name.log"
    pid=$(grep -m1 -o '^==[0-9]*==' "$out/$name.log" | tr -d =)
    mv "$out/$name.callgrind.$pid" "$out/$name.callgrind"
    callgrind_annotate --inclusive=no "$out/$name.callgrind" 2>/dev/null | swift demangle --simplified > "$out/$name.self.txt"
    callgrind_annotate --inclusive=yes "$out/$name.callgrind" 2>/dev/null | swift demangle --simplified > "$out/$name.inclusive.txt"
    echo "$name: $(grep -m1 'PROGRAM TOTALS' "$out/$name.self.txt")"
done
