#!/usr/bin/env bash
# Builds the portal's container image without a registry and without a Docker daemon:
#
#   1. a base image made from this machine's own JDK 17: a jlink runtime (the modules in
#      modules.txt) plus the shared libraries it links against, copied from the host into a
#      minimal root file system with /etc/passwd (uid 1000 "portal"), /tmp and CA certificates,
#      written as a docker-save tarball (the only local tar format Jib reads as a base);
#   2. the image itself, by Jib on top of that base (the -Pimage profile of server/pom.xml):
#      server/target/jib-image.tar, OCI format.
#
# Usage: server/src/image/build-offline.sh [--base-only] [extra Maven arguments, e.g. -o]
# Needs: a JDK 17 with jmods (JAVA_HOME, default the one `javac` belongs to), tar, sha256sum, ldd.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
target="$repo/server/target"
work="$target/image-base"
base_tar="$work/base.tar"

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
if [[ ! -d "$java_home/jmods" ]]; then
  echo "build-offline: $java_home has no jmods/ (install a full JDK, e.g. openjdk-17-jdk-headless)" >&2
  exit 1
fi
java_version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.version = //p')
if [[ "$java_version" != 17* ]]; then
  echo "build-offline: $java_home is Java $java_version; the image runs on Java 17" >&2
  exit 1
fi

base_only=false
if [[ "${1:-}" == --base-only ]]; then
  base_only=true
  shift
fi

started=$(date +%s)
rm -rf "$work"
mkdir -p "$work"
rootfs="$work/rootfs"
mkdir -p "$rootfs"

echo "== jlink: a Java $java_version runtime from $java_home =="
modules=$(grep -v '^#' "$here/modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --output "$rootfs/opt/java/openjdk"
runtime="$rootfs/opt/java/openjdk"
# Headless: the X11, sound and splash-screen libraries are never loaded; leave out what they
# link against.
rm -f "$runtime"/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so
# Debian's JDK keeps the CA certificates outside the JDK (a symlink); copy the file itself.
if [[ -f /etc/ssl/certs/java/cacerts ]]; then
  cp -L /etc/ssl/certs/java/cacerts "$runtime/lib/security/cacerts"
fi

echo "== shared libraries the runtime links against, from the host =="
# Debian's layout: /lib, /lib64 and /bin are links into /usr.
mkdir -p "$rootfs"/usr/{lib,lib64,bin} "$rootfs"/{etc,tmp,proc,sys,dev,var/lib/portal}
ln -s usr/lib "$rootfs/lib"
ln -s usr/lib64 "$rootfs/lib64"
ln -s usr/bin "$rootfs/bin"
copy_library() { # copies a host library (and the file its symlink names) under /usr
  local path=$1 real dest
  real=$(readlink -f "$path")
  dest="$rootfs/usr${path#/usr}"
  mkdir -p "$(dirname "$dest")"
  [[ -e "$dest" ]] || cp "$real" "$dest"
}
missing=0
while IFS= read -r elf; do
  while read -r line; do
    if [[ "$line" == *"not found"* ]]; then
      echo "build-offline: $elf: $line" >&2
      missing=1
    elif [[ "$line" =~ =\>\ (/[^ ]+) ]]; then
      lib=${BASH_REMATCH[1]}
      [[ "$lib" == "$runtime"* || "$lib" == "$java_home"* ]] || copy_library "$lib"
    elif [[ "$line" =~ ^(/[^ ]+ld-linux[^ ]*) ]]; then
      copy_library "${BASH_REMATCH[1]}"
    fi
  done < <(LD_LIBRARY_PATH="$runtime/lib:$runtime/lib/server" ldd "$elf" 2>/dev/null || true)
done < <(find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \))
[[ $missing == 0 ]] || exit 1
# The dynamic loader, at the path every x86-64 executable names.
loader=$(ls "$rootfs"/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 2>/dev/null || true)
if [[ -n "$loader" ]]; then
  ln -sf ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$rootfs/usr/lib64/ld-linux-x86-64.so.2"
fi

echo "== a minimal /etc, /tmp and the data folder =="
cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
portal:x:1000:1000:Qingtian portal:/var/lib/portal:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
portal:x:1000:
nogroup:x:65534:
EOF
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
: >"$rootfs/etc/resolv.conf"
if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
  mkdir -p "$rootfs/etc/ssl/certs"
  cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
fi
# LANG=C.UTF-8 needs glibc's compiled C.UTF-8 locale, or Java's file-name encoding is ASCII.
if [[ -d /usr/lib/locale/C.utf8 ]]; then
  mkdir -p "$rootfs/usr/lib/locale"
  cp -r /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
fi
chmod 1777 "$rootfs/tmp"
chmod 755 "$rootfs/var/lib/portal"

echo "== the base image as a docker-save tarball =="
# Reproducible: sorted names, owner root, one fixed time; the data folder, added last, belongs to
# uid 1000 (tar gives one owner per run).
epoch=946684800 # 2000-01-01T00:00:00Z
layer="$work/layer.tar"
(cd "$rootfs" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort | grep -vx 'var/lib/portal') \
  >"$work/files"
tar_options=(--directory "$rootfs" --no-recursion --numeric-owner --mtime=@$epoch --format=gnu)
tar --create --file "$layer" "${tar_options[@]}" --owner=0 --group=0 --files-from "$work/files"
tar --append --file "$layer" "${tar_options[@]}" --owner=1000 --group=1000 var/lib/portal
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)
created=$(date -u -d @$epoch +%Y-%m-%dT%H:%M:%SZ)
cat >"$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"User":"1000:1000","WorkingDir":"/var/lib/portal",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         "JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"server/src/image/build-offline.sh: jlink $java_version, host libraries"}]}
EOF
cat >"$work/manifest.json" <<'EOF'
[{"Config":"config.json","RepoTags":["qingtian-portal-base:offline"],"Layers":["layer.tar"]}]
EOF
tar --create --file "$base_tar" --directory "$work" --owner=0 --group=0 --numeric-owner \
  --mtime=@$epoch manifest.json config.json layer.tar
echo "base: $base_tar ($(du -m "$base_tar" | cut -f1) MB, runtime $(du -sm "$runtime" | cut -f1) MB)"
base_done=$(date +%s)
[[ $base_only == false ]] || exit 0

echo "== Jib: the portal image on that base =="
cd "$repo"
./mvnw -B -pl server -am package -DskipTests -Pimage "-Djib.from.image=tar://$base_tar" "$@"
done_at=$(date +%s)
image="$target/jib-image.tar"
echo "image: $image ($(du -m "$image" | cut -f1) MB); base $((base_done - started)) s, build $((done_at - base_done)) s"
