#!/usr/bin/env bash
# Installs, starts, checks and stops the real services Haulout runs against:
# PostgreSQL (private cluster), Kafka (single-node KRaft broker from the Maven jars) and
# Keycloak (keycloak-quarkus-dist, start-dev, realm imported from services/keycloak).
#
#   services/services.sh install            fetch/installs what is missing (apt, Maven)
#   services/services.sh start [SERVICE..]  starts pg, kafka, keycloak (default: all); idempotent
#   services/services.sh stop  [SERVICE..]  stops them; leaves nothing running
#   services/services.sh status             one line per service
#   services/services.sh env                prints the addresses as shell exports
#   services/services.sh sync-realm         creates/updates the committed realm's clients in a running
#                                           Keycloak through its admin REST API (no restart), and
#                                           creates its users (with password and roles) that are missing
#
# Configuration (environment): HAULOUT_STATE (default /var/tmp/haulout), HAULOUT_PG_PORT (5433),
# HAULOUT_KAFKA_PORT (9092), HAULOUT_KAFKA_CONTROLLER_PORT (9093), HAULOUT_KEYCLOAK_PORT (8180),
# HAULOUT_KC_ADMIN / HAULOUT_KC_ADMIN_PASSWORD (the dev-only master admin Keycloak is started with;
# default admin/admin, reachable on 127.0.0.1 only).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${HAULOUT_STATE:-/var/tmp/haulout}
PG_PORT=${HAULOUT_PG_PORT:-5433}
KAFKA_PORT=${HAULOUT_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${HAULOUT_KAFKA_CONTROLLER_PORT:-9093}
KC_PORT=${HAULOUT_KEYCLOAK_PORT:-8180}
KAFKA_VERSION=4.4.0
KC_VERSION=26.5.6
KC_HOME=$STATE/keycloak-$KC_VERSION
KC_ADMIN=${HAULOUT_KC_ADMIN:-admin}
KC_ADMIN_PASSWORD=${HAULOUT_KC_ADMIN_PASSWORD:-admin}
MVN="$ROOT/mvnw -B -q"

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # description timeout-seconds command...
  local what=$1 timeout=$2; shift 2
  local start=$SECONDS
  until "$@"; do
    (( SECONDS - start >= timeout )) && return 1
    sleep 0.5
  done
  log "$what ready after $(( SECONDS - start )) s"
}

# ---------------------------------------------------------------- install
install_pg() {
  if [ -z "$(pg_bin)" ]; then
    log "installing postgresql (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}
install_kafka() {
  if [ ! -f "$STATE/kafka/libs/.complete-$KAFKA_VERSION" ]; then
    log "fetching Kafka $KAFKA_VERSION jars (Maven)"
    rm -rf "$STATE/kafka/libs"; mkdir -p "$STATE/kafka/libs"
    $MVN -f "$ROOT/services/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$STATE/kafka/libs"
    touch "$STATE/kafka/libs/.complete-$KAFKA_VERSION"
  fi
}
install_keycloak() {
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    log "fetching Keycloak $KC_VERSION (Maven)"
    mkdir -p "$STATE"
    # -f: run outside the reactor so a module under edit cannot break the fetch
    $MVN -f "$ROOT/services/kafka/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$STATE"
    (cd "$STATE" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KC_VERSION.zip")
  fi
}
install_all() { mkdir -p "$STATE"; install_pg; install_kafka; install_keycloak; }

# ---------------------------------------------------------------- PostgreSQL
PGDIR=$STATE/pg
pg() { runuser -u postgres -- "$(pg_bin)/$1" "${@:2}"; }
psql_su() { runuser -u postgres -- psql -q -h "$PGDIR" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
pg_running() { [ -n "$(pg_bin)" ] && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }
start_pg() {
  install_pg
  if pg_running; then log "postgresql already running on $PG_PORT"; return; fi
  install -d -o postgres -g postgres "$PGDIR"
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    pg initdb -D "$PGDIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null
  fi
  pg pg_ctl -D "$PGDIR/data" -l "$PGDIR/pg.log" -w -t 60 \
    -o "-p $PG_PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  # roles and databases: haulout (the product) and haulout_test (the test suite); idempotent
  psql_su -tc "SELECT 1 FROM pg_roles WHERE rolname='haulout'" | grep -q 1 \
    || psql_su -c "CREATE ROLE haulout LOGIN PASSWORD 'haulout'"
  for db in haulout haulout_test; do
    psql_su -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || psql_su -c "CREATE DATABASE $db OWNER haulout"
  done
  log "postgresql ready on 127.0.0.1:$PG_PORT"
}
stop_pg() {
  if [ -f "$PGDIR/data/postmaster.pid" ]; then
    pg pg_ctl -D "$PGDIR/data" -m fast -w stop >/dev/null || true
    log "postgresql stopped"
  fi
}

# ---------------------------------------------------------------- Kafka
KDIR=$STATE/kafka
kafka_running() { pid_alive "$KDIR/kafka.pid" && port_open "$KAFKA_PORT"; }
start_kafka() {
  install_kafka
  if kafka_running; then log "kafka already running on $KAFKA_PORT"; return; fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process"
  mkdir -p "$KDIR/data"
  cat > "$KDIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KDIR/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$KDIR/data/meta.properties" ]; then
    java -cp "$KDIR/libs/*" kafka.tools.StorageTool format -t "$(java -cp "$KDIR/libs/*" kafka.tools.StorageTool random-uuid)" \
      -c "$KDIR/server.properties" >/dev/null
  fi
  nohup setsid java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$ROOT/services/kafka/log4j2.properties" \
    -cp "$KDIR/libs/*" kafka.Kafka "$KDIR/server.properties" > "$KDIR/kafka.log" 2>&1 < /dev/null &
  echo $! > "$KDIR/kafka.pid"
  wait_for "kafka" 60 port_open "$KAFKA_PORT" || { tail -20 "$KDIR/kafka.log" >&2; die "kafka did not start"; }
}
stop_kafka() { stop_pidfile "$KDIR/kafka.pid" kafka; }

# ---------------------------------------------------------------- Keycloak
KC_REALM_FILE=$ROOT/services/keycloak/haulout-realm.json
kc_url() { echo "http://127.0.0.1:$KC_PORT/realms/haulout"; }
kc_ready() { curl -sf -o /dev/null "$(kc_url)/.well-known/openid-configuration"; }
start_keycloak() {
  install_keycloak
  if pid_alive "$STATE/keycloak.pid" && kc_ready; then
    log "keycloak already running on $KC_PORT"
    sync_realm_clients || log "warning: the realm's clients were not synced (see above)"
    return
  fi
  port_open "$KC_PORT" && die "port $KC_PORT is taken by another process"
  # Re-import when the committed realm changed: the dev database keeps the old realm otherwise.
  local sum; sum=$(sha256sum "$KC_REALM_FILE" | cut -c1-64)
  if [ "$(cat "$KC_HOME/data/realm.sha256" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
    mkdir -p "$KC_HOME/data/import"
    cp "$KC_REALM_FILE" "$KC_HOME/data/import/"
    echo "$sum" > "$KC_HOME/data/realm.sha256"
  fi
  KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
  nohup setsid "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --import-realm \
    --health-enabled=false > "$STATE/keycloak.log" 2>&1 < /dev/null &
  echo $! > "$STATE/keycloak.pid"
  wait_for "keycloak" 180 kc_ready || { tail -30 "$STATE/keycloak.log" >&2; die "keycloak did not start"; }
}
stop_keycloak() { stop_pidfile "$STATE/keycloak.pid" keycloak; }

# A running Keycloak keeps the realm it imported (--import-realm skips an existing realm): clients
# added to or changed in the committed realm file are created or updated through the admin REST API,
# so a new client (e.g. haulout-cli) reaches a shared instance without a restart.
sync_realm_clients() {
  command -v jq >/dev/null || { log "sync-realm needs jq (apt-get install jq)"; return 1; }
  kc_ready || { log "keycloak is not running on $KC_PORT"; return 1; }
  local base="http://127.0.0.1:$KC_PORT" token
  token=$(curl -sf -X POST "$base/realms/master/protocol/openid-connect/token" \
      --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
      --data-urlencode "username=$KC_ADMIN" --data-urlencode "password=$KC_ADMIN_PASSWORD" | jq -r .access_token) \
    || { log "no admin token from the master realm (Keycloak started without HAULOUT_KC_ADMIN?);" \
           "the realm is re-imported when services.sh next starts Keycloak"; return 1; }
  local n i client id code
  n=$(jq '.clients | length' "$KC_REALM_FILE")
  for ((i = 0; i < n; i++)); do
    client=$(jq -c ".clients[$i]" "$KC_REALM_FILE")
    id=$(curl -sf -H "Authorization: Bearer $token" \
        "$base/admin/realms/haulout/clients?clientId=$(jq -r .clientId <<<"$client")" | jq -r '.[0].id // empty')
    if [ -z "$id" ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
          -H 'Content-Type: application/json' --data "$client" "$base/admin/realms/haulout/clients")
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
          -H 'Content-Type: application/json' --data "$(jq --arg id "$id" '. + {id: $id}' <<<"$client")" \
          "$base/admin/realms/haulout/clients/$id")
    fi
    case $code in 2??) ;; *) log "client $(jq -r .clientId <<<"$client"): HTTP $code"; return 1 ;; esac
  done
  log "keycloak: $n clients of the realm file synced"
  sync_realm_users "$base" "$token"
}

# Users of the realm file (not service accounts) that the running realm lacks are created with
# their password and realm roles; existing users are left as they are (a password changed since
# stays changed), so running this again changes nothing.
sync_realm_users() { # base-url admin-token
  local base=$1 token=$2 n i user name id code created=0 roles
  n=$(jq '[.users[] | select(.serviceAccountClientId == null)] | length' "$KC_REALM_FILE")
  for ((i = 0; i < n; i++)); do
    user=$(jq -c "[.users[] | select(.serviceAccountClientId == null)][$i]" "$KC_REALM_FILE")
    name=$(jq -r .username <<<"$user")
    id=$(curl -sf -H "Authorization: Bearer $token" \
        "$base/admin/realms/haulout/users?exact=true&username=$name" | jq -r '.[0].id // empty')
    [ -n "$id" ] && continue
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' --data "$(jq 'del(.realmRoles)' <<<"$user")" "$base/admin/realms/haulout/users")
    case $code in 2??) ;; *) log "user $name: HTTP $code"; return 1 ;; esac
    id=$(curl -sf -H "Authorization: Bearer $token" \
        "$base/admin/realms/haulout/users?exact=true&username=$name" | jq -r '.[0].id // empty')
    [ -n "$id" ] || { log "user $name: created but not found"; return 1; }
    roles=$(for r in $(jq -r '.realmRoles[]?' <<<"$user"); do
        curl -sf -H "Authorization: Bearer $token" "$base/admin/realms/haulout/roles/$r"; done | jq -s -c .)
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' --data "$roles" "$base/admin/realms/haulout/users/$id/role-mappings/realm")
    case $code in 2??) ;; *) log "user $name roles: HTTP $code"; return 1 ;; esac
    created=$((created + 1))
  done
  log "keycloak: $n users of the realm file present ($created created)"
}

stop_pidfile() { # pidfile name
  local f=$1
  if [ -f "$f" ]; then
    local pid; pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL -- "-$pid" 2>/dev/null || true
      log "$2 stopped"
    fi
    rm -f "$f"
  fi
}

status() {
  pg_running && echo "postgresql  up    127.0.0.1:$PG_PORT" || echo "postgresql  down"
  kafka_running && echo "kafka       up    127.0.0.1:$KAFKA_PORT" || echo "kafka       down"
  kc_ready && echo "keycloak    up    $(kc_url)" || echo "keycloak    down"
}

print_env() {
  cat <<ENV
export HAULOUT_PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/haulout
export HAULOUT_PG_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/haulout
export HAULOUT_PG_USER=haulout HAULOUT_PG_PASSWORD=haulout
export HAULOUT_KAFKA=127.0.0.1:$KAFKA_PORT
export HAULOUT_OIDC_URL=$(kc_url)
ENV
}

services() { if [ $# -eq 0 ]; then echo pg kafka keycloak; else echo "$@"; fi; }

cmd=${1:-status}; shift || true
case "$cmd" in
  install) install_all ;;
  start)
    mkdir -p "$STATE"
    for s in $(services "$@"); do
      case $s in pg|postgres|postgresql) start_pg ;; kafka) start_kafka ;; keycloak) start_keycloak ;; *) die "unknown service $s";; esac
    done ;;
  stop)
    for s in $(services "$@"); do
      case $s in pg|postgres|postgresql) stop_pg ;; kafka) stop_kafka ;; keycloak) stop_keycloak ;; *) die "unknown service $s";; esac
    done ;;
  status) status ;;
  env) print_env ;;
  sync-realm) sync_realm_clients ;;
  *) die "usage: $0 install|start|stop|status|env|sync-realm [pg|kafka|keycloak]" ;;
esac
