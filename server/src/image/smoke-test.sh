#!/usr/bin/env bash
# Proves the portal's container image runs, without Docker or any container engine:
#
#   - reads the OCI tarball (index.json → manifest → config and layer blobs) and unpacks the
#     layers in order into a root file system under /tmp;
#   - runs the image's entrypoint and command with its environment, working directory and user,
#     chrooted into that file system in new mount and PID namespaces (the portal is PID 1, as in a
#     container), with /proc and /dev, on the host's network;
#   - points it at a new database on the machine's PostgreSQL (127.0.0.1:5432, trust login);
#   - waits for /actuator/health/readiness, runs one GraphQL query, fetches the site's home page,
#     stops it with SIGTERM (it must exit within 30 s), drops the database.
#
# Exits non-zero on any failure. Must run as root (chroot, namespaces).
# Usage: server/src/image/smoke-test.sh [image.tar]   (default server/target/jib-image.tar)
# Settings: PORTAL_IMAGE_STARTUP_SECONDS (default 300), PORTAL_IMAGE_PORT (default 18080), PORTAL_IMAGE_PG (default postgresql://postgres@127.0.0.1:5432),
#           PORTAL_IMAGE_KEEP=true keeps the unpacked file system and the log.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
image=$(readlink -f "${1:-$here/../../target/jib-image.tar}")
port=${PORTAL_IMAGE_PORT:-18080}
pg=${PORTAL_IMAGE_PG:-postgresql://postgres@127.0.0.1:5432}
database="portal_image_$$"
startup_limit=${PORTAL_IMAGE_STARTUP_SECONDS:-300}

elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", to - from }'; }
fail() {
  echo "smoke-test: FAILED: $*" >&2
  exit 1
}
for tool in jq tar curl unshare createdb dropdb; do
  command -v "$tool" >/dev/null || fail "needs $tool"
done
[[ $(id -u) == 0 ]] || fail "needs root (chroot and namespaces)"
[[ -f "$image" ]] || fail "no image at $image (build it: server/src/image/build-offline.sh)"

work=$(mktemp -d /tmp/portal-image.XXXXXX)
rootfs="$work/rootfs"
log="$work/portal.log"
outer=""
created_database=false
cleanup() {
  local status=$?
  if [[ -n "$outer" ]] && kill -0 "$outer" 2>/dev/null; then
    kill -KILL "$outer" 2>/dev/null || true # --kill-child takes the portal with it
    wait "$outer" 2>/dev/null || true
  fi
  if [[ $created_database == true ]]; then
    dropdb --if-exists --force -h 127.0.0.1 -U postgres "$database" || status=1
  fi
  if [[ $status != 0 && -f "$log" ]]; then
    echo "--- last lines of the portal's log ---" >&2
    tail -40 "$log" >&2
  fi
  if [[ ${PORTAL_IMAGE_KEEP:-false} == true ]]; then
    echo "kept: $work"
  else
    rm -rf "$work"
  fi
  exit $status
}
trap cleanup EXIT

echo "== image: $image ($(du -m "$image" | cut -f1) MB) =="
mkdir -p "$work/oci" "$rootfs"
tar -xf "$image" -C "$work/oci"
blob() { echo "$work/oci/blobs/${1/://}"; }
[[ -f "$work/oci/index.json" ]] || fail "not an OCI image layout (no index.json)"
manifest=$(blob "$(jq -r '.manifests[0].digest' "$work/oci/index.json")")
config=$(blob "$(jq -r '.config.digest' "$manifest")")
mapfile -t layers < <(jq -r '.layers[].digest' "$manifest")
echo "layers: ${#layers[@]}"
for digest in "${layers[@]}"; do
  file=$(blob "$digest")
  [[ $(sha256sum "$file" | cut -d' ' -f1) == "${digest#sha256:}" ]] || fail "layer $digest: wrong digest"
  printf '  %-80s %6s KB\n' "$digest" "$(($(stat -c %s "$file") / 1024))"
  # Whiteouts (a file deleted by a later layer); Jib's layers have none, other bases may.
  while IFS= read -r entry; do
    name=$(basename "$entry")
    dir=$(dirname "$entry")
    if [[ "$name" == .wh..wh..opq ]]; then
      find "$rootfs/$dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    elif [[ "$name" == .wh.* ]]; then
      rm -rf "${rootfs:?}/$dir/${name#.wh.}"
    fi
  done < <(tar -tzf "$file" --warning=no-unknown-keyword | grep '\.wh\.' || true)
  tar -xzf "$file" -C "$rootfs" --numeric-owner --same-owner --same-permissions \
    --warning=no-unknown-keyword \
    --exclude='.wh.*' --exclude='*/.wh.*'
done

user=$(jq -r '.config.User // "0:0"' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
mapfile -t command < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
mapfile -t environment < <(jq -r '.config.Env // [] | .[]' "$config")
[[ ${#command[@]} -gt 0 ]] || fail "the image names no entrypoint or command"
[[ "$user" =~ ^([0-9]+):([0-9]+)$ ]] || fail "user '$user' is not numeric uid:gid"
uid=${BASH_REMATCH[1]}
gid=${BASH_REMATCH[2]}
[[ $uid != 0 ]] || fail "the image runs as root"
echo "user $user, working directory $workdir"
echo "command: ${command[*]}"
echo "labels: $(jq -c '.config.Labels' "$config")"

createdb -h 127.0.0.1 -U postgres "$database"
created_database=true

mkdir -p "$rootfs/proc" "$rootfs/dev"
# Outer: new mount and PID namespaces; /proc of the new PID namespace and the host's /dev are
# mounted into the file system. Inner: the image's user and working directory, root switched;
# the portal replaces the shell, so it is PID 1.
started=$(date +%s.%N)
env -i "${environment[@]}" \
  "PORTAL_DATABASE_URL=$pg/$database" "PORT=$port" \
  "$(command -v unshare)" --mount --propagation private --pid --fork --kill-child -- \
  /bin/bash -c '
    rootfs=$1 workdir=$2 uid=$3 gid=$4
    shift 4
    /bin/mount -t proc proc "$rootfs/proc"
    /bin/mount --rbind /dev "$rootfs/dev"
    exec /usr/bin/unshare --root="$rootfs" --wd="$workdir" --setgid "$gid" --setuid "$uid" -- "$@"
  ' portal "$rootfs" "$workdir" "$uid" "$gid" "${command[@]}" >"$log" 2>&1 &
outer=$!

base="http://127.0.0.1:$port"
echo "== waiting for $base/actuator/health/readiness =="
ready=""
live=""
deadline=$((SECONDS + startup_limit))
while [[ $SECONDS -lt $deadline ]]; do
  kill -0 "$outer" 2>/dev/null || fail "the portal exited while starting"
  # Liveness answers as soon as HTTP is up; readiness only once the bundled data is imported.
  if [[ -z "$live" ]] && curl -fsS -o /dev/null "$base/actuator/health/liveness" 2>/dev/null; then
    live=$(date +%s.%N)
    echo "first answer (liveness) after $(elapsed "$started" "$live") s"
  fi
  if curl -fsS -o /dev/null "$base/actuator/health/readiness" 2>/dev/null; then
    ready=$(date +%s.%N)
    break
  fi
  sleep 0.5
done
[[ -n "$ready" ]] || fail "no answer on $base/actuator/health/readiness within $startup_limit s"
echo "ready (readiness: data imported) after $(elapsed "$started" "$ready") s"

echo "== GraphQL =="
answer=$(curl -fsS "$base/graphql" -H 'content-type: application/json' \
  -d '{"query":"{ currentRelease { number version } }"}')
echo "$answer"
version=$(jq -r '.data.currentRelease.version // empty' <<<"$answer")
[[ -n "$version" ]] || fail "no current release in the answer"

echo "== the site's home page =="
home=""
deadline=$((SECONDS + 120)) # the site is built on its own thread after the release is served
while [[ $SECONDS -lt $deadline ]]; do
  if home=$(curl -fsS "$base/" 2>/dev/null) && [[ "$home" == *"<html"* ]]; then
    break
  fi
  home=""
  sleep 1
done
[[ -n "$home" ]] || fail "the site's home page did not answer within 120 s"
site_ready=$(date +%s.%N)
echo "home page: $(wc -c <<<"$home") bytes, title: $(grep -o '<title>[^<]*' <<<"$home" | head -1 | cut -c8-)"
echo "site answered after $(elapsed "$started" "$site_ready") s"
writable=$(find "$rootfs$workdir/portal-data" -maxdepth 1 -mindepth 1 -printf '%f(%u) ' 2>/dev/null || true)
echo "written to $workdir/portal-data: $writable"

echo "== SIGTERM =="
portal=$(cat "/proc/$outer/task/$outer/children" 2>/dev/null | awk '{print $1}')
[[ -n "$portal" ]] || fail "cannot find the portal's process"
[[ $(stat -c %u "/proc/$portal") == "$uid" ]] || fail "the portal does not run as uid $uid"
stopping=$(date +%s.%N)
kill -TERM "$portal"
for _ in $(seq 1 60); do
  kill -0 "$outer" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$outer" 2>/dev/null; then
  fail "the portal did not exit within 30 s of SIGTERM"
fi
wait "$outer" && code=0 || code=$?
stopped=$(date +%s.%N)
echo "exited with $code after $(elapsed "$stopping" "$stopped") s"
# The JVM's exit status after SIGTERM is 143 (128 + 15); anything else is a crash.
[[ $code == 0 || $code == 143 ]] || fail "exit status $code after SIGTERM"
outer=""

echo "smoke-test: OK (release $version)"
