#!/usr/bin/env bash
# Key-server benchmark (loopback only, bounded in time and request count).
# Usage: seal-service/bench/keyserver-bench.sh [seconds-per-phase=3] [http-workers=4] [max-http-requests=20000]
# Needs the module built once: ./mvnw -B -o -q -pl seal-service install -DskipTests (compiles test classes too).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q -pl seal-service test-compile
./mvnw -B -o -q -pl seal-service dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="seal-service/target/classes:seal-service/target/test-classes:$(cat seal-service/target/bench.classpath)"
exec java -Xms256m -Xmx512m -cp "$CP" dev.haulout.seal.server.bench.KeyServerBench "$@"
