#!/usr/bin/env bash
# Instructions per update_user call on the client thread, declared vs hand-written, counted by
# valgrind's callgrind: the same count on every run of the same binary, whatever else the machine
# is doing, so small differences that wall-clock rounds cannot resolve show up here.
#
# Run from the repository root:  bash benches/callgrind.sh   (needs valgrind; about 15 seconds
# once the bench is built). With CACHE_SIM=1, callgrind also simulates the caches and the table
# gains first-level data cache misses per call (reads, writes); about twice as long.
#
# Each variant makes 300 warm-up calls, then 1000 calls inside `instructions_batch_counted`;
# `--toggle-collect` counts only what runs inside that function on the calling thread (the
# request, the connection task, the decoding), not the server thread answering it.
# Variants: declared (access token), api-token (declared, exchanged token), hand (reqwest by
# hand), no-deadline (declared with `call_timeout(None)`: what the call deadline costs).
# Keeps the callgrind.out files in $OUT (default target/callgrind) for callgrind_annotate.
set -euo pipefail

cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
out="${OUT:-$target/callgrind}"
mkdir -p "$out"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }

bin=$(cargo bench -p upsun-benches --bench call --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "call" and m.get("executable"):
        print(m["executable"])')
[ -x "$bin" ] || { echo "could not build the call bench" >&2; exit 1; }

calls=1000
cache=()
[ "${CACHE_SIM:-0}" = 1 ] && cache=(--cache-sim=yes)
declare -A ir events
for variant in declared api-token hand no-deadline; do
    file="$out/callgrind.out.$variant"
    UPSUN_BENCH_INSTRUCTIONS=$variant valgrind --tool=callgrind "${cache[@]}" \
        --toggle-collect='*instructions_batch_counted*' \
        --callgrind-out-file="$file" "$bin" >/dev/null 2>"$out/valgrind.$variant.log"
    # Ir first; with the cache simulation: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw.
    events[$variant]=$(sed -n 's/^summary: *//p' "$file" | head -n1)
    ir[$variant]=${events[$variant]%% *}
done

# hand/variant reads like the throughput ratio: 1 is a tie, below 1 the variant does more work.
if [ ${#cache[@]} -gt 0 ]; then
    echo "| variant | instructions per call | hand / variant | D1 read misses per call | D1 write misses per call |"
    echo "|---|---:|---:|---:|---:|"
else
    echo "| variant | instructions per call | hand / variant |"
    echo "|---|---:|---:|"
fi
for variant in declared api-token no-deadline hand; do
    python3 -c "import sys; v, h, c, ev = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [int(x) for x in sys.argv[4].split()]
n = ev[0]
misses = f' {ev[4] / c:,.0f} | {ev[5] / c:,.0f} |' if len(ev) >= 6 else ''
print(f'| {v} | {n / c:,.0f} | {h / n:.4f} |{misses}')" "$variant" "${ir[hand]}" "$calls" "${events[$variant]}"
done
echo
echo "callgrind files: $out (callgrind_annotate --inclusive=yes FILE)"
