#!/usr/bin/env bash
# bench/graphql-bench/run.sh — the portal's GraphQL API against PostGraphile 4.14.1, on the same
# PostgreSQL with the same data, under the same load tool (autocannon).
#
#   bench/graphql-bench/run.sh                                  # full run, about 12 minutes
#   RUNS=1 DURATION=5 WARMUP=3 bench/graphql-bench/run.sh       # a quick check, about 2 minutes
#   SMOKE=1 bench/graphql-bench/run.sh                          # the smoke mode (bench/smoke)
#
# What it does:
#   1. builds the portal jar if it is missing (REBUILD=1 rebuilds it) and installs PostGraphile and
#      autocannon from package-lock.json (npm ci) if node_modules is missing;
#   2. starts the portal as a user would (embedded PostgreSQL, the bundled plan and demo packages,
#      data under a temporary folder) with its response cache on, waits until it answers
#      { currentRelease { number } }, then starts a second portal with the response cache off against
#      the same PostgreSQL (as an external database: same data, no second import); both with the
#      per-client rate limit off, site publishing and eager download files off (start-up only);
#   3. creates the schema postgraphile_bench (postgraphile-schema.sql: views over the portal's own
#      tables, progress computed in SQL as the portal computes it) and starts PostGraphile on it, logged
#      in as the portal's read-only API role;
#   4. checks that both servers answer queries 1 and 2 with the same data (bench.js check);
#   5. sends each query (queries/*.graphql, POST /graphql with JSON) to each server with autocannon
#      (bench.js load): a warm-up, then RUNS runs of DURATION seconds each, the servers interleaved
#      run by run, CONNECTIONS connections; counts only correct answers (no "errors", the expected
#      length) in req/s; samples the RSS of the server under load every 0.5 s;
#   6. writes results/runs.csv (every run), results/results.json and results/results.md (medians,
#      portal/PostGraphile ratios, the targets), results/server-logs.txt (the error lines the
#      servers logged, counted) and stops everything it started.
# Needs: a JDK 17+, Node 20 with npm, curl, taskset (util-linux); no psql, no Docker.
# Pinning: the portals, PostGraphile and PostgreSQL (a child of the first portal) run on CPU
# SERVER_CPU, autocannon and the RSS sampler on LOAD_CPU (taskset).
#
# Settings (environment): RUNS=3 DURATION=20 WARMUP=10 CONNECTIONS=10 SERVER_CPU=0 LOAD_CPU=1
# PORT=18410 (uses PORT..PORT+2) JAVA_OPTS (extra JVM options for both portals, default none)
# REBUILD=0 KEEP=0 (1 keeps the temporary folder with the logs) PORTAL_JAR (a jar to use instead of
# server/target's) PORTAL_LABEL (what results call that jar) RESULTS (default results/ here).
# SMOKE=1: checks the path, measures nothing: RUNS=1 DURATION=2 WARMUP=1 unless set, the results
# in a temporary folder (printed, then removed), and a non-zero exit when a run counted no correct
# answer or any wrong one or any HTTP error status.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
SMOKE=${SMOKE:-0}
if [ "$SMOKE" = 1 ]; then
  : "${RUNS:=1}" "${DURATION:=2}" "${WARMUP:=1}"
  SMOKE_RESULTS=$(mktemp -d --suffix=-graphql-bench-smoke)
  : "${RESULTS:=$SMOKE_RESULTS}"
fi
RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-10}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PORT=${PORT:-18410}
JAVA_OPTS=${JAVA_OPTS:-}
PORT_ON=$PORT PORT_OFF=$((PORT + 1)) PORT_PG=$((PORT + 2))
RESULTS=${RESULTS:-$BENCH/results}
QUERIES=$BENCH/queries

log() { echo "[$(date +%H:%M:%S)] $*"; }

# ---- 1. tools
cd "$ROOT"
if [ -z "${PORTAL_JAR:-}" ] && { [ "${REBUILD:-0}" = 1 ] || ! ls server/target/portal-server-*.jar >/dev/null 2>&1; }; then
  log "building the portal jar"
  ./mvnw -B -q -pl server -am package -DskipTests
fi
if [ -n "${PORTAL_JAR:-}" ]; then
  JAR=$(realpath "$PORTAL_JAR")
  COMMIT=${PORTAL_LABEL:-"given jar $(basename "$JAR")"}
else
  JAR=$(realpath "$(ls server/target/portal-server-*.jar | grep -vE -- '-(classes|tests)\.jar$' | head -1)")
  COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
  [ -z "$(git -C "$ROOT" status --porcelain -- server site pom.xml 2>/dev/null)" ] \
    || COMMIT="$COMMIT with uncommitted changes"
fi
if [ ! -x "$BENCH/node_modules/.bin/postgraphile" ] || [ ! -x "$BENCH/node_modules/.bin/autocannon" ]; then
  log "installing PostGraphile and autocannon (npm ci)"
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error)
fi
POSTGRAPHILE="$BENCH/node_modules/postgraphile/cli.js"
for port in $PORT_ON $PORT_OFF $PORT_PG; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; set PORT" >&2
    exit 1
  fi
done

WORK=$(mktemp -d --suffix=-graphql-bench)
# A copy: a build running meanwhile must not replace the jar under a running portal.
cp "$JAR" "$WORK/portal.jar"
JAR_SHA=$(sha256sum "$JAR" | cut -c1-12)
JAR="$WORK/portal.jar"
PIDS=()
cleanup() {
  local status=$?
  # Stop in reverse order: PostGraphile, the second portal, then the first (and its PostgreSQL).
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "${PIDS[i]}" 2>/dev/null || break; sleep 0.5; done
    kill -9 "${PIDS[i]}" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ] || [ $status -ne 0 ]; then
    log "logs kept in $WORK"
    rm -rf "$WORK/pg" "$WORK/portal.jar"
  else
    rm -rf "$WORK"
  fi
  [ -z "${SMOKE_RESULTS:-}" ] || rm -rf "$SMOKE_RESULTS"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 2. the portals
ready() { # URL PID LOG: wait until { currentRelease { number } } answers a release
  local start=$SECONDS
  until curl -sf -m 5 -H 'content-type: application/json' \
      -d '{"query":"{ currentRelease { number } }"}' "$1" 2>/dev/null | grep -q '"number":[1-9]'; do
    if ! kill -0 "$2" 2>/dev/null || [ $((SECONDS - start)) -gt 300 ]; then
      tail -30 "$3" >&2
      echo "the portal at $1 did not start" >&2
      exit 1
    fi
    sleep 1
  done
  log "  answering after $((SECONDS - start)) s"
}
start_portal() { # NAME PORT CACHE [DATABASE_URL]
  mkdir -p "$WORK/$1"
  (
    cd "$WORK/$1"
    export PORTAL_API_RATE_LIMIT_ENABLED=false PORTAL_API_RESPONSE_CACHE_ENABLED=$3
    export PORTAL_SITE_PUBLISH_ON_RELEASE=false PORTAL_DOWNLOADS_WRITE_ON_RELEASE=false
    export PORTAL_DATABASE_EMBEDDED_DATA_DIRECTORY="$WORK/pg"
    if [ -n "${4:-}" ]; then export PORTAL_DATABASE_URL=$4 PORTAL_DATABASE_API_PASSWORD=$5; fi
    # shellcheck disable=SC2086
    exec taskset -c "$SERVER_CPU" java $JAVA_OPTS -jar "$JAR" serve --server.port="$2" \
      > "$WORK/$1.log" 2>&1
  ) &
  PIDS+=($!)
}
log "starting the portal (embedded PostgreSQL, response cache on) on port $PORT_ON"
start_portal portal-on "$PORT_ON" true
PORTAL_ON_PID=${PIDS[-1]}
ready "http://127.0.0.1:$PORT_ON/graphql" "$PORTAL_ON_PID" "$WORK/portal-on.log"
PGPORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
# The embedded server asks every login for the password the portal keeps beside its data directory.
PGPASS=$(cat "$WORK/pg.password")
DB="postgres://postgres:$PGPASS@127.0.0.1:$PGPORT/postgres"
log "  its PostgreSQL: port $PGPORT (pid $(head -1 "$WORK/pg/postmaster.pid"), CPU $(taskset -pc "$(head -1 "$WORK/pg/postmaster.pid")" | sed 's/.*: //'))"
log "starting the second portal (response cache off) on port $PORT_OFF, same PostgreSQL"
start_portal portal-off "$PORT_OFF" false "postgresql://postgres:$PGPASS@127.0.0.1:$PGPORT/postgres" "$PGPASS"
PORTAL_OFF_PID=${PIDS[-1]}
ready "http://127.0.0.1:$PORT_OFF/graphql" "$PORTAL_OFF_PID" "$WORK/portal-off.log"

# ---- 3. PostGraphile
log "creating the views (postgraphile-schema.sql) and starting PostGraphile on port $PORT_PG"
node "$BENCH/bench.js" sql "$DB" "$BENCH/postgraphile-schema.sql"
node "$BENCH/bench.js" sql "$DB" -c 'analyze'
(
  export NODE_ENV=production
  exec taskset -c "$SERVER_CPU" node "$POSTGRAPHILE" \
    --connection "postgres://portal_api:$PGPASS@127.0.0.1:$PGPORT/postgres" --schema postgraphile_bench \
    --host 127.0.0.1 --port "$PORT_PG" --disable-default-mutations --disable-query-log \
    > "$WORK/postgraphile.log" 2>&1
) &
PIDS+=($!)
PG_PID=${PIDS[-1]}
for _ in $(seq 1 60); do
  curl -sf -m 5 -H 'content-type: application/json' -d '{"query":"{ __typename }"}' \
    "http://127.0.0.1:$PORT_PG/graphql" > /dev/null 2>&1 && break
  kill -0 "$PG_PID" 2>/dev/null || { cat "$WORK/postgraphile.log" >&2; exit 1; }
  sleep 1
done

# ---- 4. the same data?
mkdir -p "$RESULTS"
log "checking that both answer with the same data"
for side in on off; do
  port=$PORT_ON; [ $side = off ] && port=$PORT_OFF
  node "$BENCH/bench.js" check "http://127.0.0.1:$port/graphql" "http://127.0.0.1:$PORT_PG/graphql" \
    "$QUERIES" "$WORK/check-$side.json"
done
SEARCH_OK=1
for side in on off; do
  node -e 'const c = require(process.argv[1]); process.exit(c.search && c.search.ok ? 0 : 1)' \
    "$WORK/check-$side.json" || SEARCH_OK=0
done

# ---- 5. load
# case: query server url query-file pid
CASES=(
  "indicators portal-cache-on http://127.0.0.1:$PORT_ON/graphql portal-indicators $PORTAL_ON_PID"
  "indicators portal-cache-off http://127.0.0.1:$PORT_OFF/graphql portal-indicators $PORTAL_OFF_PID"
  "indicators postgraphile-view http://127.0.0.1:$PORT_PG/graphql postgraphile-indicators $PG_PID"
  "indicators postgraphile-snapshot http://127.0.0.1:$PORT_PG/graphql postgraphile-indicators-snapshot $PG_PID"
  "nested portal-cache-on http://127.0.0.1:$PORT_ON/graphql portal-nested $PORTAL_ON_PID"
  "nested portal-cache-off http://127.0.0.1:$PORT_OFF/graphql portal-nested $PORTAL_OFF_PID"
  "nested postgraphile http://127.0.0.1:$PORT_PG/graphql postgraphile-nested $PG_PID"
)
if [ $SEARCH_OK = 1 ]; then
  CASES+=(
    "search portal-cache-on http://127.0.0.1:$PORT_ON/graphql portal-search $PORTAL_ON_PID"
    "search portal-cache-off http://127.0.0.1:$PORT_OFF/graphql portal-search $PORTAL_OFF_PID"
  )
else
  log "the search query did not answer: no search runs"
fi

sample_rss() { # PID OUT: the largest VmRSS seen, in kB, until OUT.stop exists
  local max=0 v
  while [ ! -e "$2.stop" ]; do
    v=$(awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$max" ] && max=$v && echo "$max" > "$2"
    sleep 0.5
  done
}
load() { # DURATION URL QUERY-FILE OUT
  taskset -c "$LOAD_CPU" node "$BENCH/bench.js" load "$2" "$3" "$1" "$CONNECTIONS" "$4" 2> "$4.err"
}
log "load: ${#CASES[@]} cases, $WARMUP s warm-up each, then $RUNS runs × $DURATION s, $CONNECTIONS connections"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for c in "${CASES[@]}"; do
  read -r query server url file pid <<< "$c"
  load "$WARMUP" "$url" "$QUERIES/$file.graphql" "$WORK/warmup-$query-$server.json"
done
echo "run,query,server,case,rps,p50_ms,p99_ms,p90_ms,max_ms,requests,correct,wrong,non2xx,errors,timeouts,bytes_per_s,peak_rss_kb" \
  > "$RESULTS/runs.csv"
for run in $(seq 1 "$RUNS"); do
  for c in "${CASES[@]}"; do
    read -r query server url file pid <<< "$c"
    out="$WORK/run$run-$query-$server"
    rm -f "$out.rss" "$out.rss.stop"
    taskset -c "$LOAD_CPU" bash -c "$(declare -f sample_rss); sample_rss $pid $out.rss" &
    sampler=$!
    load "$DURATION" "$url" "$QUERIES/$file.graphql" "$out.json"
    touch "$out.rss.stop"
    wait $sampler
    node -e '
      const [f, run, query, server, rss] = process.argv.slice(1);
      const r = require(f);
      console.log([run, query, server, query + "/" + server, r.correctPerSecond, r.latency.p50,
        r.latency.p99, r.latency.p90, r.latency.max, r.requests.total, r.correct, r.mismatches,
        r.non2xx, r.errors, r.timeouts, Math.round(r.throughput.average), rss].join(","));' \
      "$out.json" "$run" "$query" "$server" "$(cat "$out.rss" 2>/dev/null || echo 0)" \
      | tee -a "$RESULTS/runs.csv"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 6. results
summarize_logs() { # what went wrong, per server log: distinct error and warning lines, counted
  for f in "$WORK"/portal-on.log "$WORK"/portal-off.log "$WORK"/postgraphile.log; do
    [ -f "$f" ] || continue
    echo "== $(basename "$f") ($(wc -l < "$f") lines)"
    grep -E ' (ERROR|WARN) |Exception|Error:' "$f" | grep -vE '^\s+at |^\s+\.\.\. ' \
      | sed -E 's/^[0-9T:.+-]+Z? +//; s/executionId [^ ]+/executionId …/; s/[0-9a-f]{8}-[0-9a-f]{4,}[-0-9a-f]*/…/g; s/ +[0-9]+ --- / --- /' \
      | cut -c1-300 | sort | uniq -c | sort -rn | head -15 || true
  done
}
summarize_logs > "$RESULTS/server-logs.txt"
hwm() { awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
cat > "$WORK/meta.json" <<EOF
{
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "portal_commit": "$COMMIT",
  "portal_jar_sha256": "$JAR_SHA",
  "postgraphile_version": "$(node -p "require('$BENCH/node_modules/postgraphile/package.json').version")",
  "autocannon_version": "$(node -p "require('$BENCH/node_modules/autocannon/package.json').version")",
  "java": "$(java -version 2>&1 | head -1 | sed 's/"//g')",
  "node": "$(node --version)",
  "postgresql": "$(node "$BENCH/bench.js" sql "$DB" -c 'show server_version')",
  "runs": $RUNS, "duration_s": $DURATION, "warmup_s": $WARMUP, "connections": $CONNECTIONS,
  "server_cpu": "$SERVER_CPU", "load_cpu": "$LOAD_CPU", "java_opts": "$JAVA_OPTS",
  "loadavg_before": "$LOAD_BEFORE", "loadavg_after": "$LOAD_AFTER",
  "portal_hwm_mb": {"cache-on": $(hwm "$PORTAL_ON_PID"), "cache-off": $(hwm "$PORTAL_OFF_PID")},
  "postgraphile_hwm_mb": $(hwm "$PG_PID")
}
EOF
node "$BENCH/bench.js" summarize "$RESULTS/runs.csv" "$WORK/check-on.json" "$WORK/meta.json" "$RESULTS"
log "written: $RESULTS/runs.csv, results.json, results.md"
if [ "$SMOKE" = 1 ]; then
  cat "$RESULTS/results.md"
  # columns 11-13 of runs.csv: correct, wrong, non2xx
  awk -F, 'NR > 1 && ($11 == 0 || $12 > 0 || $13 > 0) {
    print "smoke: " $4 " counted " $11 " correct, " $12 " wrong, " $13 " non-2xx" > "/dev/stderr"; bad = 1
  } END { exit bad }' "$RESULTS/runs.csv"
fi
