#!/usr/bin/env bash
# Builds an OCI image per service without a Docker engine: a jlink'ed Java 25 runtime on a few Debian
# libraries (the base, built once and cached), the Quarkus fast-jar on top in four layers.
#
#   deploy/image/build.sh [service...]        all four services when none is named
#
# Output in deploy/image/target/ (IMAGE_OUT): <service>.oci.tar (podman load / skopeo copy / ctr import),
# <service>.cdx.json (CycloneDX SBOM of the Maven build), <service>.packages.txt (Debian packages and runtime
# of the base), <service>.digest (manifest digest). Environment:
#   IMAGE_REGISTRY        push there after the build with skopeo (e.g. registry.example.com:5000); none: no push
#   IMAGE_GROUP           repository prefix (success-workshop)  ->  [REGISTRY/]GROUP/<service>:TAG
#   IMAGE_TAG             default: project version + short commit, e.g. 1.0.0-SNAPSHOT-d5ed3b7 (+ -dirty)
#   IMAGE_TLS_VERIFY      false for a plain-HTTP registry (skopeo --dest-tls-verify); default true
#   IMAGE_JDK             JDK 25 whose jlink makes the runtime (default: $JAVA_HOME when it is 25, else Temurin 25)
#   IMAGE_CACHE           where the base is kept (default ~/.cache/success-workshop/image)
#   IMAGE_BASE_REFRESH=1  rebuild the base (new Debian updates) even when a cached one matches
#   IMAGE_SBOM=0          skip the CycloneDX SBOM (saves a Maven run)
#   IMAGE_PACKAGE=1       run 'mvn package' first even when target/quarkus-app exists (it runs when missing)
#   IMAGE_AOT=include     add target/quarkus-app/*.aot or app-cds.jsa as a fourth layer (see build_service)
#   DEBIAN_SUITE          suite of the base's libraries (trixie); DEBIAN_MIRROR: a mirror URL for mmdebstrap
set -euo pipefail

IMAGE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$IMAGE_DIR/../.." && pwd)"
ALL_SERVICES=(engagement-service ssat-service task-service resource-catalog-service)
declare -A PORT=([engagement-service]=8081 [ssat-service]=8082 [task-service]=8083 [resource-catalog-service]=8084)

OUT="${IMAGE_OUT:-$IMAGE_DIR/target}"
CACHE="${IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/success-workshop/image}"
GROUP="${IMAGE_GROUP:-success-workshop}"
REGISTRY="${IMAGE_REGISTRY:-}"
SUITE="${DEBIAN_SUITE:-trixie}"
CYCLONEDX="org.cyclonedx:cyclonedx-maven-plugin:2.9.3"

# The base: glibc and friends for the JVM, CA certificates and time zones; base-files for /etc/os-release, so
# that scanners recognise the Debian packages (listed in /var/lib/dpkg/status).
DEBIAN_PACKAGES=(base-files libc6 libgcc-s1 libstdc++6 zlib1g ca-certificates tzdata)
# jdeps over the four services' jars (checked at every service build), plus what is loaded by name only:
# jdk.crypto.ec (TLS to Kafka/PostgreSQL), jdk.charsets, jdk.net and jdk.zipfs, jdk.naming.dns, and jdk.jcmd
# for thread dumps and JFR in a running pod. Not jdk.localedata: the services format nothing per locale.
JRE_MODULES="java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.net,jdk.zipfs,jdk.naming.dns,jdk.jcmd,jdk.management.jfr"
# jdeps lists these, yet nothing loads them at run time: javac, for vertx-codegen's annotation processor.
JRE_MODULES_UNUSED="jdk.compiler"
# Chosen by measurement (deploy/k8s/README.md, "Images"): heap as a share of the container's memory limit,
# serial GC below 2 CPUs as the JVM would pick anyway, small thread stacks and code cache, freed native memory given
# back each second (the JIT's arenas; -15 to -22 MB at rest, deploy/bench/README.md), C2 only for what stays hot (Tier4
# thresholds 4x: half the CPU per engagement, deploy/service-jvm.options). Override per pod.
JAVA_OPTS_DEFAULT="-XX:MaxRAMPercentage=50 -XX:InitialRAMPercentage=10 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -XX:TrimNativeHeapInterval=1000 -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=160000 -XX:+ExitOnOutOfMemoryError"
APP_UID=185
# The project's own jars in lib/main (group com.successworkshop): they change with the code, so they go with app/.
OWN_JARS="com.successworkshop.*.jar"

log() { printf '[image] %s\n' "$*" >&2; }
TEMP_DIRS=()
trap 'rm -rf "${TEMP_DIRS[@]}"' EXIT
tempdir() { local d; d=$(mktemp -d "${TMPDIR:-/tmp}/image-$1.XXXXXX"); TEMP_DIRS+=("$d"); echo "$d"; }
die() { printf '[image] ERROR: %s\n' "$*" >&2; exit 1; }
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

need_tools() { # need_tools COMMAND... ; installs the Debian packages that carry them when root
  local missing=()
  for c in "$@"; do command -v "$c" >/dev/null || missing+=("$c"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local -A pkg=([mmdebstrap]=mmdebstrap [umoci]=umoci [skopeo]=skopeo [jq]=jq [zip]=zip [podman]=podman
                [runc]=runc [docker-registry]=docker-registry [strip-nondeterminism]=strip-nondeterminism [dpkg-deb]=dpkg [curl]=curl [openssl]=openssl)
  local pkgs=(); for c in "${missing[@]}"; do pkgs+=("${pkg[$c]:-$c}"); done
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing ${pkgs[*]} (Debian)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null) \
      || die "could not install ${pkgs[*]}: apt-get install --no-install-recommends ${pkgs[*]}"
  else
    die "missing ${missing[*]}: install them, e.g. sudo apt-get install --no-install-recommends ${pkgs[*]}"
  fi
}

find_jdk() {
  local j
  for j in "${IMAGE_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [[ -n "$j" && -x "$j/bin/jlink" ]] || continue
    grep -q '^JAVA_VERSION="25' "$j/release" 2>/dev/null && { echo "$j"; return; }
  done
  die "no JDK 25 with jlink found: set IMAGE_JDK (or JAVA_HOME) to one"
}

# One tar per layer: sorted, fixed times and owners, GNU format (no pax headers with pids or atimes).
tar_layer() { # tar_layer OUT.tar EPOCH DIR [tar args: names or --transform ...]
  local out=$1 epoch=$2 dir=$3; shift 3
  tar -C "$dir" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=gnu -cf "$out" "$@"
}

# ---------------------------------------------------------------------------------------------------- base
base_rootfs() { # base_rootfs WORKDIR JDK -> WORKDIR/rootfs, WORKDIR/packages.txt
  local w=$1 jdk=$2 root=$1/rootfs
  mkdir -p "$w/debs" "$root"
  log "downloading ${DEBIAN_PACKAGES[*]} from Debian $SUITE (mmdebstrap)"
  # extract variant: apt resolves and verifies the packages; only the ones named are unpacked below, their
  # dependencies (debconf, openssl, ...) are not needed by a JVM.
  mmdebstrap --quiet --mode=root --variant=extract --format=null --include="$(IFS=,; echo "${DEBIAN_PACKAGES[*]}")" \
    --extract-hook="sync-out /var/cache/apt/archives $w/debs" "$SUITE" /dev/null ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"} >&2
  mkdir -p "$root/var/lib/dpkg"
  local p deb status="$root/var/lib/dpkg/status"
  : > "$status"
  for p in $(printf '%s\n' "${DEBIAN_PACKAGES[@]}" | LC_ALL=C sort); do
    deb=$(ls "$w/debs/${p}_"*.deb 2>/dev/null | head -1)
    [[ -n "$deb" ]] || die "package $p was not downloaded"
    dpkg-deb -x "$deb" "$root"
    # A dpkg status entry, so that 'dpkg-query --admindir' and image scanners see what is installed.
    dpkg-deb -f "$deb" | awk 'NR==1{print; print "Status: install ok installed"; next} {print}' >> "$status"
    echo >> "$status"
  done
  # merged /usr, as in Debian since bookworm: the JVM's ELF interpreter is /lib64/ld-linux-x86-64.so.2.
  for d in bin sbin lib lib64; do [[ -e "$root/usr/$d" ]] || mkdir -p "$root/usr/$d"; ln -sfn "usr/$d" "$root/$d"; done
  rm -rf "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/lintian" "$root/usr/share/locale" \
         "$root/usr/share/bug" "$root/usr/share/bash-completion" "$root/usr/share/perl5"
  find "$root/usr/share/doc" -type f ! -name copyright -delete
  # What update-ca-certificates would write: the Mozilla bundle as one PEM file (curl, OpenSSL-based tools).
  mkdir -p "$root/etc/ssl/certs"
  find "$root/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$root/etc/ssl/certs/ca-certificates.crt"
  ln -sfn /usr/share/zoneinfo/Etc/UTC "$root/etc/localtime"
  echo Etc/UTC > "$root/etc/timezone"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:%s:%s:Quarkus service:/deployments:/usr/sbin/nologin\n' $APP_UID $APP_UID > "$root/etc/passwd"
  printf 'root:x:0:\napp:x:%s:\n' $APP_UID > "$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
  mkdir -p "$root/tmp" "$root/deployments" "$root/root" "$root/opt"
  log "linking a Java runtime with jlink from $jdk"
  "$jdk/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$root/opt/java"
  # The CDS archive for heaps above 32 GB (no compressed oops): never used by these services, 15 MB.
  rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"
  # Permissions independent of the umask of whoever builds; /tmp as on any Linux.
  chmod -R u+rwX,go+rX,go-w "$root"; chmod 1777 "$root/tmp"; chmod 700 "$root/root"
  { dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Package}\t${Version}\t${Architecture}\n'
    printf 'java-runtime\t%s\tamd64\t(jlink of %s; modules %s)\n' "$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")" \
      "$(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p' "$jdk/release")" "$JRE_MODULES"
  } > "$w/packages.txt"
}

base_image() { # base_image -> BASE: the cached base directory (layout/ with tag "base", packages.txt)
  local jdk; jdk=$(find_jdk)
  # The cache key: everything that goes into the base, including this recipe's own code.
  local key; key=$( { echo "$SUITE ${DEBIAN_PACKAGES[*]} $JRE_MODULES $APP_UID"; cat "$jdk/release"; "$jdk/bin/java" -version 2>&1
                      declare -f base_rootfs base_image tar_layer; } | sha256sum | cut -c1-16)
  local dir="$CACHE/base-$key"
  BASE=$dir
  if [[ -f "$dir/.complete" && "${IMAGE_BASE_REFRESH:-0}" != 1 ]]; then log "base image from the cache: $dir"; return; fi
  need_tools mmdebstrap umoci dpkg-deb
  local t0=$SECONDS w; w=$(tempdir base); TEMP_DIRS+=("$w")
  base_rootfs "$w" "$jdk"
  # Files' times: the JDK's release date, so that the base does not change with every commit.
  local epoch; epoch=$(date -u -d "$(sed -n 's/^JAVA_VERSION_DATE="\(.*\)"/\1/p' "$jdk/release")" +%s)
  if [[ $(id -u) -eq 0 ]]; then chroot "$w/rootfs" /lib64/ld-linux-x86-64.so.2 --library-path /opt/java/lib /opt/java/bin/java -Xshare:on -version >&2 || die "the base runtime does not start"; fi
  tar_layer "$w/os.tar" "$epoch" "$w/rootfs" --exclude=./opt/java .
  tar_layer "$w/jre.tar" "$epoch" "$w/rootfs" ./opt/java
  local created; created=$(iso "$epoch")
  umoci init --layout "$w/layout"
  umoci new --image "$w/layout:base"
  umoci raw add-layer --image "$w/layout:base" --history.created="$created" \
    --history.created_by="Debian $SUITE: ${DEBIAN_PACKAGES[*]}; user $APP_UID" "$w/os.tar"
  umoci raw add-layer --image "$w/layout:base" --history.created="$created" \
    --history.created_by="jlink $(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p' "$jdk/release") --add-modules $JRE_MODULES" "$w/jre.tar"
  umoci config --image "$w/layout:base" --no-history --created="$created" --architecture=amd64 --os=linux \
    --config.user=$APP_UID --config.workingdir=/deployments \
    --config.env="PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env="JAVA_HOME=/opt/java" --config.env="LANG=C.UTF-8"
  umoci gc --layout "$w/layout"
  rm -rf "$dir"; mkdir -p "$dir"
  mv "$w/layout" "$w/packages.txt" "$dir/"
  rm -rf "$w"
  touch "$dir/.complete"
  log "base image built in $((SECONDS - t0)) s: $dir"
}

# ---------------------------------------------------------------------------------------------------- services
project_version() {
  sed -n '/<artifactId>success-workshop-platform<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT_DIR/pom.xml" | head -1
}

maven() {
  local mvn="$ROOT_DIR/mvnw"; [[ -x "$mvn" ]] || mvn=mvn
  local jdk; jdk=$(find_jdk)
  local log; log=$(mktemp)
  (cd "$ROOT_DIR" && JAVA_HOME="${MAVEN_JAVA_HOME:-$jdk}" "$mvn" -B -ntp -q "$@") >"$log" 2>&1 || { grep -v "^WARNING: " "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}

# jdeps over a service's jars: a module the runtime lacks fails the build here rather than at run time.
check_modules() { # check_modules QUARKUS_APP
  local q=$1 t; t=$(tempdir jdeps); TEMP_DIRS+=("$t")
  cp "$q"/lib/main/*.jar "$q"/lib/boot/*.jar "$q"/quarkus-run.jar "$q"/app/*.jar "$q"/quarkus/*.jar "$t/"
  # Jars that are modules would make jdeps want their module dependencies; as plain jars it reads classes only.
  (cd "$t" && for j in *.jar; do zip -q -d "$j" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true; done)
  local need; need=$("$(find_jdk)/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps "$t"/*.jar)
  rm -rf "$t"
  local m missing=()
  for m in ${need//,/ }; do [[ ",$JRE_MODULES,$JRE_MODULES_UNUSED," == *",$m,"* ]] || missing+=("$m"); done
  [[ ${#missing[@]} -eq 0 ]] || die "$q needs Java modules the base lacks: ${missing[*]} (add them to JRE_MODULES in $0)"
}

build_service() { # build_service NAME BASE_DIR TAG EPOCH
  local svc=$1 base=$2 tag=$3 epoch=$4 q="$ROOT_DIR/$1/target/quarkus-app" t0=$SECONDS
  [[ -f "$q/quarkus-run.jar" ]] || die "$q/quarkus-run.jar missing: build with ./mvnw -DskipTests package -pl $svc"
  check_modules "$q"
  local w; w=$(tempdir "$svc"); TEMP_DIRS+=("$w")
  cp -a "$base/layout" "$w/layout"
  local created; created=$(iso "$epoch")
  local revision; revision=$(git -C "$ROOT_DIR" rev-parse HEAD 2>/dev/null || echo unknown)
  local version; version=$(project_version)
  local name="$GROUP/$svc:$tag" full="${REGISTRY:-localhost}/$GROUP/$svc:$tag"
  local into=(--transform 's,^,deployments/,')

  # The jars this build made (the runner, Quarkus' generated code, the app, and the project's own libraries such
  # as the shared kit in lib/main) carry the build's time in every entry: dated at the commit instead, in a copy.
  mkdir -p "$w/q/lib/main"; cp -a "$q/quarkus-run.jar" "$q/quarkus" "$q/app" "$w/q/"
  local own; own=$(cd "$q/lib/main" && ls $OWN_JARS 2>/dev/null || true)
  [[ -z "$own" ]] || (cd "$q/lib/main" && cp -a $own "$w/q/lib/main/")
  chmod 755 "$w/q/lib" "$w/q/lib/main"
  strip-nondeterminism --type jar --timestamp "$epoch" "$w/q/quarkus-run.jar" "$w/q"/quarkus/*.jar "$w/q"/app/*.jar ${own:+"$w/q"/lib/main/*.jar}
  # Quarkus' order, least to most often changed: third-party dependencies, the runner and generated code, then the
  # project's own classes (app/ and its own jars from lib/main, at their place in lib/main) with the SBOM.
  # Third-party jars are dated at the JDK's release date like the base, not at the commit: the layer then stays the
  # same blob from commit to commit (and across the four services) until a dependency changes.
  local lib_epoch; lib_epoch=$(date -u -d "$(sed -n 's/^JAVA_VERSION_DATE="\(.*\)"/\1/p' "$(find_jdk)/release")" +%s)
  tar_layer "$w/1-lib.tar" "$lib_epoch" "$q" "${into[@]}" --exclude="lib/main/$OWN_JARS" lib
  tar_layer "$w/2-runner.tar" "$epoch" "$w/q" "${into[@]}" quarkus-run.jar quarkus
  local app=(app); [[ -z "$own" ]] || app+=(lib)
  if [[ -f "$OUT/$svc.cdx.json" ]]; then
    mkdir -p "$w/q/sbom"; cp "$OUT/$svc.cdx.json" "$w/q/sbom/$svc.cdx.json"; cp "$base/packages.txt" "$w/q/sbom/packages.txt"
    chmod 755 "$w/q/sbom"; chmod 644 "$w/q/sbom"/*; app+=(sbom)
  fi
  tar_layer "$w/3-app.tar" "$epoch" "$w/q" "${into[@]}" "${app[@]}"
  local L="$w/layout:base" step
  for step in 1-lib 2-runner 3-app; do
    umoci raw add-layer --image "$L" --history.created="$created" --history.created_by="deploy/image/build.sh: $step" "$w/$step.tar"
  done
  # The JDK's AOT cache (quarkus.package.jar.aot.enabled) or AppCDS archive, when the build made one. Measured:
  # the JVM in the image rejects a cache trained on the build machine's JDK ("/opt/java/lib/modules ... size has
  # changed": the jlink'ed runtime is not the full JDK) and starts without it, so it is left out unless
  # IMAGE_AOT=include (e.g. for a cache trained in this image: -XX:AOTCacheOutput in JDK_JAVA_OPTIONS).
  local entry=(--config.entrypoint=/opt/java/bin/java) f
  for f in "$q"/*.aot "$q"/app-cds.jsa; do
    [[ -f "$f" ]] || continue
    if [[ "${IMAGE_AOT:-skip}" != include ]]; then
      log "$svc: leaving out $(basename "$f") (trained outside the image's runtime, the JVM would reject it; IMAGE_AOT=include adds it)"
      break
    fi
    tar_layer "$w/4-aot.tar" "$epoch" "$q" "${into[@]}" "$(basename "$f")"
    umoci raw add-layer --image "$L" --history.created="$created" --history.created_by="deploy/image/build.sh: 4-aot" "$w/4-aot.tar"
    case $f in
      *.aot) entry+=(--config.entrypoint="-XX:AOTCache=/deployments/$(basename "$f")") ;;
      *) entry+=(--config.entrypoint="-XX:SharedArchiveFile=/deployments/$(basename "$f")" --config.entrypoint=-Xshare:auto) ;;
    esac
    break
  done
  entry+=(--config.entrypoint=-jar --config.entrypoint=/deployments/quarkus-run.jar)
  local labels=()
  local k v
  while IFS='=' read -r k v; do
    labels+=(--config.label="$k=$v" --manifest.annotation="$k=$v")
  done <<EOF
org.opencontainers.image.title=$svc
org.opencontainers.image.description=Success Workshop platform: $svc (Quarkus, Java 25)
org.opencontainers.image.source=${IMAGE_SOURCE:-$(git -C "$ROOT_DIR" config --get remote.origin.url 2>/dev/null || echo unknown)}
org.opencontainers.image.revision=$revision
org.opencontainers.image.version=$version
org.opencontainers.image.created=$created
org.opencontainers.image.ref.name=$tag
org.opencontainers.image.base.name=debian-$SUITE-jlink-java25
EOF
  umoci config --image "$L" --no-history --created="$created" "${entry[@]}" --clear=config.cmd \
    --config.env="JDK_JAVA_OPTIONS=$JAVA_OPTS_DEFAULT" --config.exposedports="${PORT[$svc]}/tcp" \
    --config.stopsignal=SIGTERM "${labels[@]}"
  umoci tag --image "$L" "$tag"
  umoci rm --image "$L"
  umoci gc --layout "$w/layout"
  # Name it for podman load (ref.name) and containerd's ctr import (io.containerd.image.name).
  jq --arg full "$full" -S '.manifests[0].annotations = {"org.opencontainers.image.ref.name": $full, "io.containerd.image.name": $full}' \
    "$w/layout/index.json" > "$w/index.json" && mv "$w/index.json" "$w/layout/index.json"
  mkdir -p "$OUT"
  tar -C "$w/layout" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=gnu -cf "$OUT/$svc.oci.tar.part" oci-layout index.json blobs
  mv "$OUT/$svc.oci.tar.part" "$OUT/$svc.oci.tar"
  cp "$base/packages.txt" "$OUT/$svc.packages.txt"
  local digest; digest=$(jq -r '.manifests[0].digest' "$w/layout/index.json")
  echo "$digest" > "$OUT/$svc.digest"
  echo "$full" > "$OUT/$svc.name"
  log "$full  $digest  $(du -m "$OUT/$svc.oci.tar" | cut -f1) MB  ($((SECONDS - t0)) s)"
  rm -rf "$w"
}

push() { # push NAME TAG
  local svc=$1 tag=$2 dest="docker://$REGISTRY/$GROUP/$1:$2"
  need_tools skopeo
  skopeo copy --quiet --retry-times 2 --dest-tls-verify="${IMAGE_TLS_VERIFY:-true}" \
    --digestfile "$OUT/$svc.pushed-digest" "oci-archive:$OUT/$svc.oci.tar" "$dest" >&2
  log "pushed $dest ($(cat "$OUT/$svc.pushed-digest"))"
}

main() {
  local services=("$@"); [[ ${#services[@]} -gt 0 ]] || services=("${ALL_SERVICES[@]}")
  local s; for s in "${services[@]}"; do [[ -n "${PORT[$s]:-}" ]] || die "unknown service $s (one of ${ALL_SERVICES[*]})"; done
  need_tools umoci jq zip strip-nondeterminism
  local t0=$SECONDS
  # Reproducible: every time in the image is the commit's time, unless SOURCE_DATE_EPOCH says otherwise.
  local epoch="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT_DIR" log -1 --format=%ct 2>/dev/null || echo 0)}"
  local missing=0; for s in "${services[@]}"; do [[ -f "$ROOT_DIR/$s/target/quarkus-app/quarkus-run.jar" ]] || missing=1; done
  if [[ $missing -eq 1 || "${IMAGE_PACKAGE:-0}" == 1 ]]; then
    log "building ${services[*]} (mvn -DskipTests package)"
    local tm=$SECONDS
    maven -DskipTests package -pl "$(IFS=,; echo "${services[*]}")" -am || die "the Maven build failed"
    log "Maven package: $((SECONDS - tm)) s"
  fi
  local tag="${IMAGE_TAG:-}"
  if [[ -z "$tag" ]]; then
    tag="$(project_version)-$(git -C "$ROOT_DIR" rev-parse --short=7 HEAD 2>/dev/null || echo nogit)"
    git -C "$ROOT_DIR" diff --quiet HEAD 2>/dev/null || tag+="-dirty"
  fi
  mkdir -p "$OUT"
  if [[ "${IMAGE_SBOM:-1}" != 0 ]]; then
    log "CycloneDX SBOM of ${services[*]} ($CYCLONEDX)"
    local ts=$SECONDS
    maven "$CYCLONEDX:makeBom" -pl "$(IFS=,; echo "${services[*]}")" -DoutputFormat=json -DoutputName=bom \
      -Dcyclonedx.skipAttach=true -Dproject.build.outputTimestamp="$(iso "$epoch")" || die "the CycloneDX SBOM failed"
    for s in "${services[@]}"; do cp "$ROOT_DIR/$s/target/bom.json" "$OUT/$s.cdx.json"; done
    log "SBOM: $((SECONDS - ts)) s"
  else
    for s in "${services[@]}"; do rm -f "$OUT/$s.cdx.json"; done
  fi
  base_image >&2
  # The base alone, for Dockerfile.jvm (--build-arg BASE_IMAGE=oci-archive:deploy/image/target/base.oci.tar).
  if [[ ! -f "$OUT/base.oci.tar" || "$OUT/base.oci.tar" -ot "$BASE/.complete" ]]; then
    local b; b=$(tempdir base-archive); TEMP_DIRS+=("$b")
    cp -a "$BASE/layout/." "$b/"
    jq --arg full "localhost/$GROUP/java25-base:${BASE##*/base-}" -S \
      '.manifests[0].annotations = {"org.opencontainers.image.ref.name": $full, "io.containerd.image.name": $full}' \
      "$BASE/layout/index.json" > "$b/index.json"
    tar -C "$b" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf "$OUT/base.oci.tar" oci-layout index.json blobs
    cp "$BASE/packages.txt" "$OUT/base.packages.txt"
  fi
  for s in "${services[@]}"; do build_service "$s" "$BASE" "$tag" "$epoch" >&2; done
  if [[ -n "$REGISTRY" ]]; then for s in "${services[@]}"; do push "$s" "$tag"; done; fi
  log "done in $((SECONDS - t0)) s: $(for s in "${services[@]}"; do printf '%s ' "$OUT/$s.oci.tar"; done)"
}

main "$@"
