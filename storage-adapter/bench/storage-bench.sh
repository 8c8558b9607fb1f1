#!/usr/bin/env bash
# Storage benchmark: store/read throughput on the embedded network against raw erasure
# encode/decode of the same blob, bytes to rebuild a sliver pair vs the O(blob/n) bound, and a
# small-heap reader. Needs PostgreSQL (services/services.sh start) and an installed build
# (./mvnw -B -o -q -pl storage-adapter install -DskipTests).
#   storage-adapter/bench/storage-bench.sh [MiB=256] [shards=1000] [readHeapMiB=64] [nodes... = 7 10]
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE=target/bench.classpath
../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
exec java -Xmx${BENCH_HEAP:-4g} -cp "target/classes:$(cat "$CP_FILE")" dev.haulout.storage.bench.StorageBench "$@"
