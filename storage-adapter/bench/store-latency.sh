#!/usr/bin/env bash
# Small-blob store latency, whole process: starts a ledger server and an embedded storage network
# (StorageMain, its own ports, schema and data directory), then stores fresh 10 KB and 1 MiB files
# with the real CLI (./haulout store), alternating the variants in one run, and the demo catalog's
# 24 small samples the way DemoCatalogSeeder does. Prints median and best wall time, and the
# median CPU time (user+sys) of the CLI process.
#   storage-adapter/bench/store-latency.sh [runs=5] [shards=1000] [nodes=7]
# Variants: "publisher" (the bytes go to the network's running publisher, PUT /v1/blobs; the CLI
# checks the certified Blob on the ledger), "local" (--local: encode in the CLI, batch uploads,
# launcher defaults: scalar encode below 64 MiB, class-data sharing) and, with VARIANTS="… before",
# "before" (one request per sliver, vector module, no class-data sharing: the CLI before issue #10). Needs PostgreSQL (services/services.sh start) and a build
# (./mvnw -B -q -pl cli -am install -DskipTests).
set -euo pipefail
RUNS=${1:-5}; SHARDS=${2:-1000}; NODES=${3:-7}; VARIANTS=${VARIANTS:-publisher local}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT/storage-adapter"
CP_FILE=target/bench.classpath
../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
WORK=$(mktemp -d /var/tmp/haulout-store-latency.XXXXXX)
SCHEMA=store_latency_$(date +%s)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port); PUB_PORT=$(free_port)
java -cp "target/classes:$(cat "$CP_FILE")" dev.haulout.storage.embedded.StorageMain network --nodes="$NODES" \
  --shards="$SHARDS" --schema="$SCHEMA" --ledger-port="$PORT" --publisher-port="$PUB_PORT" --data-dir="$WORK/net" >"$WORK/net.log" 2>&1 &
NET=$!
trap 'kill $NET 2>/dev/null; wait $NET 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 600); do grep -q "^publisher " "$WORK/net.log" && break; sleep 0.2; done
grep -q "^publisher " "$WORK/net.log" || { cat "$WORK/net.log"; exit 1; }
export HAULOUT_LEDGER_URL=http://127.0.0.1:$PORT HAULOUT_WALLET=$WORK/wallet.key
"$ROOT/haulout" wallet new >/dev/null && "$ROOT/haulout" wallet faucet --amount 50 >/dev/null
# warm the nodes once (the network's own JIT) and create the launcher's class-data archive
head -c 10240 /dev/urandom >"$WORK/warm" && "$ROOT/haulout" store "$WORK/warm" --quiet >/dev/null 2>&1
head -c 10241 /dev/urandom >"$WORK/warm2" && "$ROOT/haulout" store "$WORK/warm2" --quiet >/dev/null 2>&1
# warm the publisher's JIT once, as a long-running publisher is
head -c 10242 /dev/urandom >"$WORK/warm3" && HAULOUT_PUBLISHER_URL=http://127.0.0.1:$PUB_PORT "$ROOT/haulout" store "$WORK/warm3" --quiet >/dev/null 2>&1
head -c 10243 /dev/urandom >"$WORK/warm4" && HAULOUT_PUBLISHER_URL=http://127.0.0.1:$PUB_PORT "$ROOT/haulout" store "$WORK/warm4" --quiet >/dev/null 2>&1

one() { # variant size → "wall_ms cpu_ms"
  local f=$WORK/f.$RANDOM$RANDOM
  head -c "$2" /dev/urandom >"$f"
  local t0 t1
  t0=$(date +%s%N)
  if [ "$1" = before ]; then
    HAULOUT_NO_CDS=1 HAULOUT_VECTOR=on /usr/bin/time -f "%U %S" -o "$WORK/cpu" "$ROOT/haulout" store "$f" --quiet --per-sliver-uploads >/dev/null 2>"$WORK/err" \
      || { cat "$WORK/err" >&2; exit 1; }
  elif [ "$1" = publisher ]; then
    HAULOUT_PUBLISHER_URL=http://127.0.0.1:$PUB_PORT /usr/bin/time -f "%U %S" -o "$WORK/cpu" "$ROOT/haulout" store "$f" --quiet >/dev/null 2>"$WORK/err" \
      || { cat "$WORK/err" >&2; exit 1; }
  else
    /usr/bin/time -f "%U %S" -o "$WORK/cpu" "$ROOT/haulout" store "$f" --quiet >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  fi
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/cpu")"
  rm -f "$f"
}

declare -A WALL CPU
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); CPU flags: $(grep -o 'avx512[a-z]*\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')" >&2
for r in $(seq "$RUNS"); do
  for size in 10240 1048576; do
    for v in $VARIANTS; do
      read -r w c < <(one "$v" "$size")
      WALL[$v.$size]+="$w "; CPU[$v.$size]+="$c "
      echo "run $r $v $size B: ${w} ms wall, ${c} ms CPU" >&2
    done
  done
done
med() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
best() { tr ' ' '\n' | grep . | sort -n | head -1; }
echo
echo "| file | variant | median wall | best wall | median CLI CPU (user+sys) | runs |"
echo "|---|---|---|---|---|---|"
for size in 10240 1048576; do
  for v in $VARIANTS; do
    echo "| $([ $size = 10240 ] && echo '10 KB' || echo '1 MiB') | $v | $(echo "${WALL[$v.$size]}" | med) ms | $(echo "${WALL[$v.$size]}" | best) ms | $(echo "${CPU[$v.$size]}" | med) ms | $RUNS |"
  done
done
echo
for v in ${DEMO_VARIANTS:-concurrent batch}; do
  java -cp "target/classes:$(cat "$CP_FILE")" dev.haulout.storage.bench.DemoStoreBench "$HAULOUT_LEDGER_URL" 24 2048 "$v" 2>/dev/null
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
