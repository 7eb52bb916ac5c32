#!/usr/bin/env bash
# bench/soak/run.sh [MINUTES] — the soak and the release under load, against an external PostgreSQL.
#
#   bench/soak/run.sh        # 10 minutes at 80% of the measured maximum (about 13 minutes in all)
#   bench/soak/run.sh 2      # a short check
#   SMOKE=1 bench/soak/run.sh  # the smoke mode (bench/smoke): the same path in about a minute
#
# What it does:
#   1. builds the portal jar and the bench jar (./mvnw -pl bench -am package -DskipTests) unless
#      REBUILD=0 and they are there; copies both aside so a build meanwhile cannot replace them;
#   2. creates a fresh database soak_<pid> on the machine's PostgreSQL (PGHOST/PGPORT/PGUSER, default
#      127.0.0.1:5432 postgres, trust authentication) and starts the portal on it as `serve`
#      (bundled plan + demo packages from datasets/, the site published, downloads written, the
#      response cache on as by default, the per-client rate limit off: all load comes from one
#      address), on loopback port PORT;
#   3. runs the load generator (cn.qingtian.portal.soak.SoakLoad, from the bench module's jar,
#      bench/target/portal-bench-*.jar): discovers the workload (site pages from sitemap.xml, downloads, the site's GraphQL
#      documents, the newsroom queries, searches), checks every request once, measures the maximum
#      throughput with a closed loop (CLIENTS clients, MAX_SECONDS s), then sends FRACTION of it as an
#      open loop over CONNECTIONS connections (as wrk2: a late answer delays the requests behind it,
#      whose latency counts from when they were due) for MINUTES minutes; at half time it runs
#      `nice -n $IMPORT_NICE java -jar portal.jar import` in a separate process with a copy of the
#      packages in which one observation is one higher and the version is bumped; three times a
#      minute it takes the server's heap after a full GC (jcmd);
#   4. writes bench/soak/results/<UTC time>.md and prints it, ending with the VERDICT line; the
#      exit code is 0 for PASS, 1 for FAIL;
#   5. stops the portal and drops the database.
# Needs: a JDK 17+ (java, jcmd), curl, createdb/dropdb (postgresql-client), a PostgreSQL server.
# Settings (environment): PORT=18520 CLIENTS=24 MAX_SECONDS=20 FRACTION=0.8 CONNECTIONS=64
# IMPORT_NICE=19 (0: the import at a fair share of the CPU) JAVA_OPTS (portal JVM)
# REBUILD=1 KEEP=0 (1 keeps the temporary folder with the portal's log).
# SMOKE=1: checks the path, measures nothing: 20 s of open loop after a 5 s + 5 s maximum with 4
# clients, 8 connections, no release imported (too short for one: the CI step that runs
# ReleaseUnderLoadTest covers it), REBUILD=0 by default, the report in the temporary folder, not
# in results/; the exit code is the verdict's as above.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
SMOKE=${SMOKE:-0}
MINUTES=${1:-10}
if [ "$SMOKE" = 1 ]; then
  : "${CLIENTS:=4}" "${MAX_SECONDS:=5}" "${CONNECTIONS:=8}" "${REBUILD:=0}"
elif ! [ "$MINUTES" -ge 2 ] 2>/dev/null; then
  echo "MINUTES must be a whole number of at least 2: the release imported half-way needs 20-45 s" \
    "to commit and a few more to be served" >&2
  exit 2
fi
PORT=${PORT:-18520}
CLIENTS=${CLIENTS:-24}
MAX_SECONDS=${MAX_SECONDS:-20}
FRACTION=${FRACTION:-0.8}
IMPORT_NICE=${IMPORT_NICE:-19}
CONNECTIONS=${CONNECTIONS:-64}
JAVA_OPTS=${JAVA_OPTS:-}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DATABASE=soak_$$
DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DATABASE"

log() { echo "[$(date -u +%H:%M:%S)] $*"; }

cd "$ROOT"
# What the report names: the commit and the changes not committed, as they are when the jar is built.
SOURCE="commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
CHANGED=$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l) || CHANGED="?"
[ "$CHANGED" = 0 ] || SOURCE="$SOURCE with $CHANGED files changed and not committed"
if [ "${REBUILD:-1}" = 1 ] || ! ls server/target/portal-server-*.jar >/dev/null 2>&1 \
    || ! ls bench/target/portal-bench-*.jar >/dev/null 2>&1; then
  log "building the portal jar and the bench jar"
  ./mvnw -B -q -pl bench -am package -DskipTests
else
  SOURCE="jars built earlier (REBUILD=0; now $SOURCE)"
fi
JAR=$(ls server/target/portal-server-*.jar | grep -vE -- '-(classes|tests)\.jar$' | head -1)
BENCH_JAR=$(ls bench/target/portal-bench-*.jar | head -1)
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "port $PORT is in use; set PORT" >&2
  exit 1
fi

WORK=$(mktemp -d --suffix=-soak)
cp "$JAR" "$WORK/portal.jar"
cp "$BENCH_JAR" "$WORK/bench.jar"
PORTAL_PID=
cleanup() {
  local status=$?
  if [ -n "$PORTAL_PID" ]; then
    kill "$PORTAL_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$PORTAL_PID" 2>/dev/null || true
  fi
  dropdb --if-exists --force "$DATABASE" 2>/dev/null || log "could not drop database $DATABASE"
  if [ "${KEEP:-0}" = 1 ] || [ $status -gt 1 ]; then
    log "logs kept in $WORK"
    rm -rf "$WORK/portal.jar" "$WORK/bench.jar"
  else
    rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "creating database $DATABASE on $PGHOST:$PGPORT"
createdb "$DATABASE"
log "starting the portal on 127.0.0.1:$PORT"
mkdir -p "$WORK/run"
(
  cd "$WORK/run"
  export PORTAL_DATABASE_URL=$DATABASE_URL PORTAL_API_RATE_LIMIT_ENABLED=false
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS -jar "$WORK/portal.jar" serve --server.address=127.0.0.1 \
    --server.port="$PORT" --portal.datasets.directory="$ROOT/datasets" > "$WORK/portal.log" 2>&1
) &
PORTAL_PID=$!
start=$SECONDS
# Ready when the site is published: the load asks for its pages from the start.
until curl -sf -m 5 "http://127.0.0.1:$PORT/sitemap.xml" -o /dev/null 2>/dev/null; do
  # A site build that fails at start-up is not retried before the next release.
  if ! kill -0 "$PORTAL_PID" 2>/dev/null || [ $((SECONDS - start)) -gt 600 ] \
      || grep -q 'Site of release #[0-9]* not published' "$WORK/portal.log"; then
    tail -30 "$WORK/portal.log" >&2
    echo "the portal did not start" >&2
    exit 2
  fi
  sleep 2
done
log "portal answering after $((SECONDS - start)) s (pid $PORTAL_PID)"

if [ "$SMOKE" = 1 ]; then
  OUT="$WORK/smoke.md"
  LENGTH=(--seconds 20)
else
  mkdir -p "$BENCH/results"
  OUT="$BENCH/results/$(date -u +%Y%m%d-%H%M).md"
  LENGTH=(--minutes "$MINUTES" --import-nice "$IMPORT_NICE" --import-jar "$WORK/portal.jar"
    --database-url "$DATABASE_URL")
fi
set +e
java -Xmx1g -Dloader.main=cn.qingtian.portal.soak.SoakLoad -jar "$WORK/bench.jar" \
  --url "http://127.0.0.1:$PORT" --pid "$PORTAL_PID" "${LENGTH[@]}" \
  --clients "$CLIENTS" --max-seconds "$MAX_SECONDS" --fraction "$FRACTION" \
  --connections "$CONNECTIONS" --datasets "$ROOT/datasets" --out "$OUT"
STATUS=$?
set -e
{
  echo
  echo "Built from $SOURCE; $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Server log lines at WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' "$WORK/portal.log" || true)."
} >> "$OUT" 2>/dev/null || true
grep -E ' (WARN|ERROR) ' "$WORK/portal.log" | head -20 || true
exit $STATUS
