#!/usr/bin/env bash
# The commerce benchmark of issue 12 ("Proof"), one run, side by side, on the embedded default
# (1000 shards, 7 nodes, 2-of-3 key servers) of the packaged marketplace-api (start_app of ./dev):
#   - publish: tus upload (one curl PATCH) + the publication until LISTED, as bob, against
#     raw `haulout store` of the same bytes through the app's own Walrus publisher;
#   - download: the gateway (GET /api/v1/listings/{id}/content, decrypting) as alice after a
#     purchase, against raw `haulout read` of the same (envelope) blob through the aggregator;
#   - time to first byte of ranged gateway reads (64 KiB at random offsets, goal < 200 ms);
#   - the peak heap of marketplace-api while it serves a HEAP_MIB download, the app restarted
#     with -Xmx$DOWNLOAD_HEAP over the same state (goal <= 256 MiB), by jstat -gc polling.
#
#   bench/commerce.sh
# Knobs (environment): SIZES (MiB, "256 1024"), HEAP_MIB (4096; published too when not in SIZES),
# PUBLISH_HEAP (-Xmx while publishing: the encoder holds about 3x the blob, default 4x the largest
# size + 512 MiB), DOWNLOAD_HEAP (256m), BENCH_DB (haulout_bench, emptied first), BENCH_PORT (18580;
# the embedded ledger, key servers, nodes and publisher use the next 50 ports), HAULOUT_STATE (the
# run's state goes to $HAULOUT_STATE/bench-commerce and is removed at the end unless KEEP=1).
# Needs the services (services/services.sh start) and a build (./dev build). Prints the table last.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../dev
source "$BENCH_ROOT/dev"   # start_app, stop_app, wait_ready, fresh_db, build_if_stale
SIZES=${SIZES:-256 1024}
HEAP_MIB=${HEAP_MIB:-4096}
DOWNLOAD_HEAP=${DOWNLOAD_HEAP:-256m}
PORT=${BENCH_PORT:-18580}
DB=${BENCH_DB:-haulout_bench}
WORK=$STATE/bench-commerce
APP=http://127.0.0.1:$PORT
PUB=http://127.0.0.1:$((PORT + 40))
OIDC=${HAULOUT_OIDC_URL:-http://127.0.0.1:8180/realms/haulout}
largest=$HEAP_MIB; for s in $SIZES; do (( s > largest )) && largest=$s; done
PUBLISH_HEAP=${PUBLISH_HEAP:-$(( largest * 4 + 512 ))m}
FLAGS=$(grep -o 'avx512[a-z]*\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')

say() { printf '[bench] %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
mibps() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.1f", b / 1048576 / (ms / 1000) }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d %%\n", 100 * a / b }'; }

echo "commerce benchmark $(date -u +%FT%TZ); CPU flags: $FLAGS; $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $(java -version 2>&1 | head -1); sizes: $SIZES MiB; heap watched on a $HEAP_MIB MiB download at -Xmx$DOWNLOAD_HEAP; publishing at -Xmx$PUBLISH_HEAP"

build_if_stale
fresh_db "$DB"
rm -rf "$WORK"; mkdir -p "$WORK"
DONE=
trap 'stop_app "$WORK/app.pid"; if [ -n "$DONE" ] && [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else say "kept $WORK (logs)"; fi' EXIT
trap 'say "failed at line $LINENO: $BASH_COMMAND"' ERR
APP_ENV=(HAULOUT_EMBEDDED=true HAULOUT_SEED_DEMO=false HAULOUT_STATE="$WORK/state"
  HAULOUT_LEDGER_PORT=$((PORT + 1)) HAULOUT_KEY_SERVER_BASE_PORT=$((PORT + 10))
  HAULOUT_STORAGE_BASE_PORT=$((PORT + 20)) HAULOUT_PUBLISHER_PORT=$((PORT + 40))
  HAULOUT_PG_URL="jdbc:postgresql://127.0.0.1:${HAULOUT_PG_PORT:-5433}/$DB"
  HAULOUT_PG_REACTIVE_URL="postgresql://127.0.0.1:${HAULOUT_PG_PORT:-5433}/$DB"
  HAULOUT_EVENTS_TOPIC="haulout.chain.events.bench-$(date +%s)")
app() { # heap log
  HAULOUT_JAVA_OPTS="-Xmx$1" start_app "$PORT" "$WORK/app.pid" "$WORK/$2" "${APP_ENV[@]}"
}

token() { # user password (a fresh token per call: a 1 GiB step outlasts one)
  curl -sf -X POST "$OIDC/protocol/openid-connect/token" -d grant_type=password -d client_id=haulout-marketplace \
    -d client_secret=marketplace-secret -d username="$1" -d password="$2" | jq -r .access_token
}
gql() { # token query [variables-json] -> data JSON; fails on an error
  local out
  out=$(curl -s -X POST "$APP/graphql" -H 'content-type: application/json' -H "authorization: Bearer $1" \
    -d "$(jq -nc --arg q "$2" --argjson v "${3:-{\}}" '{query: $q, variables: $v}')")
  if ! jq -e '.data and (.errors | length) == 0' <<<"$out" >/dev/null 2>&1; then say "GraphQL: $2 -> $out"; return 1; fi
  jq -c .data <<<"$out"
}
b64() { printf %s "$1" | base64 -w0; }

publish() { # file title -> "ms listingId blobId"; tus create + one PATCH, then poll until LISTED
  local file=$1 size tok loc t0 id pub
  size=$(stat -c %s "$file"); tok=$(token bob bob-pw)
  t0=$(now_ms)
  loc=$(curl -sf -D - -o /dev/null -X POST "$APP/api/v1/uploads" -H "authorization: Bearer $tok" -H 'tus-resumable: 1.0.0' \
    -H "upload-length: $size" -H "upload-metadata: filename $(b64 "$(basename "$file")"),filetype $(b64 application/octet-stream),title $(b64 "$2"),buyPrice $(b64 1)" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [ -n "$loc" ] || { say "tus creation failed"; return 1; }
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -T "$file" "$APP$loc" -H "authorization: Bearer $tok" -H 'Expect:' \
    -H 'tus-resumable: 1.0.0' -H 'content-type: application/offset+octet-stream' -H 'upload-offset: 0')
  [ "$code" = 204 ] || { say "PATCH answered $code"; return 1; }
  id=${loc##*/}
  say "uploaded $size bytes in $(( $(now_ms) - t0 )) ms; publication $id"
  local stage='' seen=''
  while :; do
    pub=$(gql "$(token bob bob-pw)" 'query($id: String!) { publication(id: $id) { stage state listingId blobId errorCode errorMessage } }' \
      "$(jq -nc --arg id "$id" '{id: $id}')" | jq -c .publication)
    stage=$(jq -r .stage <<<"$pub")
    [ "$stage" = "$seen" ] || { say "  stage $stage at $(( $(now_ms) - t0 )) ms"; seen=$stage; }
    case "$(jq -r .state <<<"$pub")" in
      DONE) break ;;
      FAILED) say "publication failed: $pub"; return 1 ;;
    esac
    if ! kill -0 "$(cat "$WORK/app.pid")" 2>/dev/null; then say "the app died; see $WORK/app-publish.log"; return 1; fi
    sleep 0.5
  done
  echo "$(( $(now_ms) - t0 )) $(jq -r .listingId <<<"$pub") $(jq -r .blobId <<<"$pub")"
}

buy() { # listingId: alice buys it
  local tok q
  tok=$(token alice alice-pw)
  q=$(gql "$tok" "{ quote(listingId: \"$1\", kind: BUY, periods: 1) { token } }" | jq -r .quote.token)
  gql "$tok" 'mutation($q: String!, $k: String!) { purchase(quote: $q, idempotencyKey: $k) { txDigest } }' \
    "$(jq -nc --arg q "$q" --arg k "bench-$1" '{q: $q, k: $k}')" >/dev/null
}

gateway() { # listingId [range] -> "http_code bytes total_ms ttfb_ms"
  curl -s -o /dev/null ${2:+-r "$2"} -w '%{http_code} %{size_download} %{time_total} %{time_starttransfer}' \
    -H "authorization: Bearer $(token alice alice-pw)" "$APP/api/v1/listings/$1/content" \
    | awk '{ printf "%s %s %d %d\n", $1, $2, $3 * 1000, $4 * 1000 }'
}

export HAULOUT_LEDGER_URL=http://127.0.0.1:$((PORT + 1)) HAULOUT_WALLET=$WORK/wallet.key HAULOUT_PUBLISHER_URL=$PUB
say "phase 1: the app at -Xmx$PUBLISH_HEAP"
app "$PUBLISH_HEAP" app-publish.log
"$BENCH_ROOT/haulout" wallet new >/dev/null && "$BENCH_ROOT/haulout" wallet faucet --amount 1000 >/dev/null
declare -A PUB_MS RAW_MS GW_MS READ_MS TTFB LISTING
list=$SIZES; [[ " $SIZES " == *" $HEAP_MIB "* ]] || list="$SIZES $HEAP_MIB"
for s in $list; do
  f=$WORK/data-$s.bin
  head -c $(( s << 20 )) /dev/urandom > "$f"
  read -r ms listing blob < <(publish "$f" "Bench $s MiB $(date +%s)")
  [ -n "${blob:-}" ] || { say "$s MiB: the publication did not finish"; exit 1; }
  PUB_MS[$s]=$ms; LISTING[$s]=$listing
  say "$s MiB: published in $ms ms as $listing (blob $blob)"
  [[ " $SIZES " == *" $s "* ]] || { rm -f "$f"; continue; }
  t0=$(now_ms); "$BENCH_ROOT/haulout" store "$f" --quiet >/dev/null; RAW_MS[$s]=$(( $(now_ms) - t0 ))
  say "$s MiB: haulout store in ${RAW_MS[$s]} ms"
  rm -f "$f"
  buy "$listing"
  read -r code bytes ms _ < <(gateway "$listing")
  [ "$code" = 200 ] && [ "$bytes" = $(( s << 20 )) ] || { say "gateway answered $code with $bytes bytes"; exit 1; }
  GW_MS[$s]=$ms
  t0=$(now_ms); "$BENCH_ROOT/haulout" read "$blob" --aggregator "$PUB" --quiet -o "$WORK/raw.bin"; READ_MS[$s]=$(( $(now_ms) - t0 ))
  READ_BYTES=$(stat -c %s "$WORK/raw.bin"); rm -f "$WORK/raw.bin"
  say "$s MiB: gateway ${GW_MS[$s]} ms, haulout read ${READ_MS[$s]} ms ($READ_BYTES envelope bytes)"
  ttfbs=()
  for _ in 1 2 3 4 5; do
    a=$(( (RANDOM * 32768 + RANDOM) % ((s << 20) - 65536) ))
    read -r code bytes _ t < <(gateway "$listing" "$a-$(( a + 65535 ))")
    [ "$code" = 206 ] && [ "$bytes" = 65536 ] || { say "range answered $code with $bytes bytes"; exit 1; }
    ttfbs+=("$t")
  done
  TTFB[$s]=$(printf '%s\n' "${ttfbs[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d ms median, %d ms max", a[3], a[5]}')
  say "$s MiB: ranged TTFB ${TTFB[$s]}"
done
stop_app "$WORK/app.pid"

say "phase 2: the app at -Xmx$DOWNLOAD_HEAP, a $HEAP_MIB MiB download watched by jstat"
app "$DOWNLOAD_HEAP -Xlog:gc:file=$WORK/gc.log" app-download.log
[[ " $SIZES " == *" $HEAP_MIB "* ]] || buy "${LISTING[$HEAP_MIB]}"
pid=$(cat "$WORK/app.pid")
DL_START_S=$(ps -o etimes= -p "$pid" | tr -d ' ')   # JVM uptime in s, the time base of -Xlog:gc
jstat -gc "$pid" 200 > "$WORK/jstat.txt" &
JSTAT=$!
read -r code bytes heap_ms _ < <(gateway "${LISTING[$HEAP_MIB]}")
sleep 0.5; kill "$JSTAT"; wait "$JSTAT" 2>/dev/null || true
[ "$code" = 200 ] && [ "$bytes" = $(( HEAP_MIB << 20 )) ] || { say "gateway answered $code with $bytes bytes"; exit 1; }
# jstat -gc: S0C S1C S0U S1U EC EU OC OU …; used = S0U+S1U+EU+OU, committed = S0C+S1C+EC+OC (KiB)
read -r PEAK_USED PEAK_COMMITTED SAMPLES < <(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; c = $1 + $2 + $5 + $7;
  if (u > mu) mu = u; if (c > mc) mc = c; n++ } END { printf "%.0f %.0f %d\n", mu / 1024, mc / 1024, n }' "$WORK/jstat.txt")
# -Xlog:gc "[12.3s]… Pause Young … 120M->30M(256M)": what young/mixed collections left while the
# download ran (after the last one before it started) — the occupancy the download needs, garbage aside
read -r IDLE_GC AFTER_GC < <(sed -n 's/^\[\([0-9.]*\)s\].*Pause Young.*M->\([0-9]*\)M(.*/\1 \2/p' "$WORK/gc.log" \
  | awk -v t="$DL_START_S" '$1 < t { idle = $2 } $1 >= t && $2 > m { m = $2 } END { printf "%d %d\n", idle, m }')
MAX_HEAP=$(jcmd "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*total \([0-9]*\)K.*/\1/p' | head -1)
say "heap: peak used $PEAK_USED MiB, peak committed $PEAK_COMMITTED MiB over $SAMPLES samples"
stop_app "$WORK/app.pid"

label() { (( $1 >= 1024 )) && echo "$(( $1 / 1024 )) GiB" || echo "$1 MiB"; }
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| measure |'; for s in $SIZES; do printf ' %s |' "$(label "$s")"; done; echo ' goal |'
printf '|---|'; for _ in $SIZES; do printf -- '---|'; done; echo '---|'
row() { printf '| %s |' "$1"; shift; for v in "$@"; do printf ' %s |' "$v"; done; echo; }
cells() { local fn=$1; shift; for s in $SIZES; do "$fn" "$s"; done; }
c_pub() { echo "$(mibps $(( $1 << 20 )) "${PUB_MS[$1]}") MiB/s ($(( PUB_MS[$1] / 1000 )) s)"; }
c_raw() { echo "$(mibps $(( $1 << 20 )) "${RAW_MS[$1]}") MiB/s ($(( RAW_MS[$1] / 1000 )) s)"; }
c_pr() { pct "${RAW_MS[$1]}" "${PUB_MS[$1]}"; }
c_gw() { echo "$(mibps $(( $1 << 20 )) "${GW_MS[$1]}") MiB/s"; }
c_rd() { echo "$(mibps $(( $1 << 20 )) "${READ_MS[$1]}") MiB/s"; }
c_dr() { pct "${READ_MS[$1]}" "${GW_MS[$1]}"; }
c_tt() { echo "${TTFB[$1]}"; }
mapfile -t v < <(cells c_pub); row 'publish through the API (tus + until LISTED)' "${v[@]}" ''
mapfile -t v < <(cells c_raw); row 'raw `haulout store` (publisher)' "${v[@]}" ''
mapfile -t v < <(cells c_pr); row '**publish / raw**' "${v[@]}" '≥ 50 %'
mapfile -t v < <(cells c_gw); row 'gateway download (decrypting)' "${v[@]}" ''
mapfile -t v < <(cells c_rd); row 'raw `haulout read` (aggregator)' "${v[@]}" ''
mapfile -t v < <(cells c_dr); row '**gateway / raw**' "${v[@]}" '≥ 70 %'
mapfile -t v < <(cells c_tt); row 'TTFB, 64 KiB range at a random offset (5 reads)' "${v[@]}" '< 200 ms'
echo
echo "Peak heap of marketplace-api during a $(label "$HEAP_MIB") gateway download at -Xmx$DOWNLOAD_HEAP" \
  "(jstat -gc every 200 ms, $SAMPLES samples): used $PEAK_USED MiB, committed $PEAK_COMMITTED MiB" \
  "(heap total at the end ${MAX_HEAP:-?} KiB); after young collections at most ${AFTER_GC:-?} MiB during the download, ${IDLE_GC:-?} MiB before it (-Xlog:gc); download $(mibps $(( HEAP_MIB << 20 )) "$heap_ms") MiB/s. Goal ≤ 256 MiB."
DONE=1
