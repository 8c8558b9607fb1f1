#!/usr/bin/env bash
# Side-by-side benchmark: Java (JMH, bench/target/benchmarks.jar) vs the official Walrus wasm
# (@mysten/walrus-wasm via erasure/interop/walrus-bench.mjs), on this machine, in one run.
# Prerequisites (from the repo root):
#   ./mvnw -B -o -q -pl erasure install -DskipTests && ./mvnw -B -o -q -pl bench package -DskipTests
# Usage: erasure/bench.sh [quick]     (quick: blob-ID rows only)
#        JAVA=/path/to/bin/java erasure/bench.sh quick   (the JMH host and forks on another JDK)
#        erasure/bench.sh duel [rounds]   (64 MiB blob ID, one thread: wasm and Java interleaved,
#                                           a ratio per round; default 5 rounds, ~40 s each)
#        erasure/bench.sh process [runs] [file]   (whole process: `./haulout blob-id FILE` against
#                                           `node erasure/interop/blob-id.mjs FILE` (the official wasm),
#                                           alternating, wall time, best of runs (default 3); FILE
#                                           default: 64 MiB random)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/target/benchmarks.jar
JAVA=${JAVA:-java}
OUT=${BENCH_OUT:-erasure/target/bench}
mkdir -p "$OUT"
if [ "${1:-}" = process ]; then
  runs=${2:-3}
  file=${3:-$OUT/blob-64m.bin}
  [ -f "$file" ] || head -c 67108864 /dev/urandom > "$file"
  [ -f cli/target/haulout-cli.jar ] || { echo "build the CLI first: ./mvnw -B -o -q -pl cli -am package -DskipTests" >&2; exit 2; }
  [ -d erasure/interop/node_modules/@mysten/walrus-wasm ] || (cd erasure/interop && npm ci --no-audit --no-fund)
  # wall ms and CPU ms (user + sys, all threads: JIT and GC included) of one run
  ms() { /usr/bin/time -f '%e %U %S' -o "$OUT/process.time" "$@" > "$OUT/process.out" 2>/dev/null
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$OUT/process.time"; }
  echo "JDK: $(java -version 2>&1 | head -1); node $(node --version); $(date -u +%FT%TZ); $(wc -c < "$file") bytes"
  echo '| run | haulout blob-id wall ms (CPU ms) | node blob-id.mjs wall ms (CPU ms) | ratio wall (CPU) |'
  echo '|---|---|---|---|'
  bj=0; bn=0
  for r in $(seq 1 "$runs"); do
    set -- $(ms ./haulout blob-id "$file"); j=$1; cj=$2
    idj=$(cut -d' ' -f1 "$OUT/process.out")
    set -- $(ms node erasure/interop/blob-id.mjs "$file"); n=$1; cn=$2
    idn=$(cut -d' ' -f1 "$OUT/process.out")
    [ "$idj" = "$idn" ] || { echo "blob IDs differ: $idj vs $idn" >&2; exit 1; }
    echo "| $r | $j ($cj) | $n ($cn) | $(node -e "console.log(($n / $j).toFixed(2) + 'x (' + ($cn / $cj).toFixed(2) + 'x)')") |"
    if [ $bj = 0 ] || [ "$j" -lt $bj ]; then bj=$j; fi
    if [ $bn = 0 ] || [ "$n" -lt $bn ]; then bn=$n; fi
  done
  echo "best of $runs: haulout $bj ms, node $bn ms, ratio $(node -e "console.log(($bn / $bj).toFixed(2))")x (blob IDs equal)"
  exit 0
fi

[ -f "$JAR" ] || { echo "missing $JAR: build the bench module first" >&2; exit 2; }
[ -d erasure/interop/node_modules/@mysten/walrus-wasm ] || (cd erasure/interop && npm ci --no-audit --no-fund)

if [ "${1:-}" = duel ]; then
  # The load of this shared machine drifts over minutes, so a wasm run at the start and a Java
  # run five minutes later can see different machines. Here each round runs the wasm (best of 2)
  # and then a short JMH fork (8 x 2 s warm-up, 3 x 2 s measured) back to back, and reports
  # that round's ratio; the median round is the figure to quote.
  rounds=${2:-5}
  echo "JDK: $("$JAVA" -version 2>&1 | head -1); node $(node --version); $(date -u +%FT%TZ)"
  echo '| round | wasm ms (best of 2) | Java ms/op (mean of 3 x 2 s) | Java best iteration | ratio (means) | ratio (bests) |'
  echo '|---|---|---|---|---|---|'
  ratios=()
  for r in $(seq 1 "$rounds"); do
    w=$(node --max-old-space-size=8192 erasure/interop/walrus-bench.mjs --shards 1000 --bytes 67108864 --runs 2 \
      | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s.trim().split("\n").pop()).bestMs))')
    "$JAVA" -jar "$JAR" 'erasure.BlobIdBenchmark.blobId' -p shards=1000 -p bytes=67108864 -p threads=1 \
      -wi 8 -w 2 -i 3 -r 2 -rf json -rff "$OUT/duel-$r.json" >&2
    row=$(node -e '
      const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].primaryMetric;
      const w = Number(process.argv[2]);
      const best = Math.min(...m.rawData[0]);
      console.log([m.score.toFixed(1), best.toFixed(1), (w / m.score).toFixed(2), (w / best).toFixed(2)].join(" "));
    ' "$OUT/duel-$r.json" "$w")
    set -- $row
    ratios+=("$3")
    echo "| $r | $w | $1 | $2 | ${3}x | ${4}x |"
  done
  node -e 'const a=process.argv.slice(1).map(Number).sort((x,y)=>x-y);console.log(`ratio of means: median ${a[Math.floor(a.length/2)].toFixed(2)}x, min ${a[0].toFixed(2)}x, max ${a[a.length-1].toFixed(2)}x over ${a.length} rounds`)' "${ratios[@]}"
  exit 0
fi

echo "== wasm" >&2
node --max-old-space-size=8192 erasure/interop/walrus-bench.mjs --shards 1000 --bytes 1,67108864 --runs 3 > "$OUT/wasm.jsonl"
if [ "${1:-}" != quick ]; then
  node --max-old-space-size=8192 erasure/interop/walrus-bench.mjs --shards 1000,100 --bytes 67108864 --runs 2 --encode | grep encode >> "$OUT/wasm.jsonl"
fi

echo "== java" >&2
"$JAVA" -jar "$JAR" 'erasure.BlobIdBenchmark' -p shards=1000 -p bytes=1,67108864 -p threads=1,2 -rf json -rff "$OUT/blobid.json" >&2
# the same on the scalar paths (BLAKE2b one message at a time, bit-sliced RS on longs)
"$JAVA" -jar "$JAR" 'erasure.BlobIdBenchmark' -p shards=1000 -p bytes=1,67108864 -p threads=1 \
  -jvmArgsAppend -Dhaulout.erasure.vector=false -rf json -rff "$OUT/blobid-scalar.json" >&2
if [ "${1:-}" != quick ]; then
  "$JAVA" -jar "$JAR" 'erasure.EncodeBenchmark' -p shards=1000,100 -p bytes=67108864 -p threads=1 -rf json -rff "$OUT/encode.json" >&2
  "$JAVA" -jar "$JAR" 'erasure.DecodeBenchmark' -p shards=1000 -p bytes=67108864 -p threads=1 -rf json -rff "$OUT/decode.json" >&2
  "$JAVA" -jar "$JAR" 'erasure.RecoveryBenchmark' -p shards=1000 -p bytes=67108864 -rf json -rff "$OUT/recovery.json" >&2
fi

echo "JDK: $("$JAVA" -version 2>&1 | head -1); node $(node --version); $(date -u +%FT%TZ)"
node - "$OUT" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const wasm = fs.readFileSync(`${dir}/wasm.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
const rows = [];
for (const f of ['blobid', 'blobid-scalar', 'encode', 'decode', 'recovery']) {
  const p = `${dir}/${f}.json`;
  if (!fs.existsSync(p)) continue;
  for (const r of JSON.parse(fs.readFileSync(p, 'utf8'))) {
    const prm = r.params || {};
    const op = r.benchmark.replace(/^.*\.(\w+Benchmark)\.(\w+)$/, '$1.$2').replace('Benchmark', '');
    if (f.endsWith('-scalar')) prm.path = 'scalar';
    const ms = r.primaryMetric.score;
    const bytes = Number(prm.bytes || 0);
    const wasmOp = op === 'BlobId.blobId' ? 'blobId' : op === 'Encode.encode' ? 'encode' : null;
    const w = wasm.find((x) => x.op === wasmOp && x.shards === Number(prm.shards) && x.bytes === bytes);
    const extra = ['threads', 'slivers', 'path'].filter((k) => prm[k]).map((k) => `${k}=${prm[k]}`).join(' ');
    rows.push(`| ${op} | ${prm.shards} | ${bytes} | ${extra} | ${ms.toFixed(1)} ± ${r.primaryMetric.scoreError.toFixed(1)} | ${bytes > 1 ? (bytes / 1048576 / (ms / 1000)).toFixed(1) : '-'} | ${w ? w.bestMs : '-'} | ${w ? (w.bestMs / ms).toFixed(2) + 'x' : '-'} |`);
  }
}
console.log('| operation | n | bytes | params | Java ms/op | Java MiB/s | wasm ms (best) | speed-up vs wasm |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
JS
