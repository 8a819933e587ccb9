# Shared by scripts/test.sh (npm test) and scripts/demo.sh (npm run demo): bring a fresh Debian 12
# machine (root) to the state imagegate's tests and demo need, and undo what was started here.
#   install_packages, install_node_modules, write_containers_conf, start_dockerd, build_images,
#   phase <name> <command...> (timed), and an EXIT trap that stops a dockerd started here.
# Facts behind the choices (measured on these machines): Debian packages bring every tool
# (install_packages), the two base images are built from Debian binaries (no Docker Hub), and
# podman needs the settings of write_containers_conf.

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export DEBIAN_FRONTEND=noninteractive

export IMAGEGATE_TEST_BUSYBOX_IMAGE=localhost/imagegate-test/busybox:1
export IMAGEGATE_TEST_REGISTRY_IMAGE=localhost/imagegate-test/registry:2

WORK=$(mktemp -d "${TMPDIR:-/tmp}/imagegate-test.XXXXXX")
# docker never reads or writes the user's ~/.docker from here.
mkdir -p "$WORK/docker"
export DOCKER_CONFIG="$WORK/docker"
DOCKERD_PID=""   # set only when this script started dockerd
CURRENT_PHASE=""
PHASE_T0=0
TIMINGS=()

log() { printf '[%s] %s\n' "${LOG_NAME:-test.sh}" "$*"; }

# Records the running phase's wall-clock time (also from the EXIT trap when it failed).
end_phase() {
  local ms=$((($(date +%s%N) - PHASE_T0) / 1000000)) note=${1:-}
  TIMINGS+=("$(printf '  %-12s %4d.%03d s%s' "$CURRENT_PHASE" $((ms / 1000)) $((ms % 1000)) "${note:+ $note}")")
  log "<== $CURRENT_PHASE: $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s${note:+ $note}"
}

# Runs "$@" as a named phase.
phase() {
  CURRENT_PHASE=$1
  shift
  log "==> $CURRENT_PHASE"
  PHASE_T0=$(date +%s%N)
  "$@"
  end_phase
  CURRENT_PHASE=""
}

stop_dockerd() {
  local pid=$DOCKERD_PID i
  # A test that restarts dockerd (the buildset registry's restart-docker) leaves a new pid.
  if ! kill -0 "$pid" 2>/dev/null && [ -s /var/run/docker.pid ]; then pid=$(cat /var/run/docker.pid); fi
  DOCKERD_PID=""
  log "stopping the dockerd this script started (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 200); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "dockerd did not stop in 20 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  if [ -n "$CURRENT_PHASE" ]; then end_phase "(failed)"; fi
  # A script's own clean-up (test.sh: the images its tests built), also after a failure.
  if declare -F on_exit >/dev/null; then on_exit; fi
  if [ -n "$DOCKERD_PID" ]; then stop_dockerd; fi
  if [ ${#TIMINGS[@]} -gt 0 ]; then
    log "timings:"
    printf '%s\n' "${TIMINGS[@]}"
  fi
  if [ "$rc" -ne 0 ]; then log "FAILED (exit $rc)${CURRENT_PHASE:+ in phase: $CURRENT_PHASE}"; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
# Make signals go through the EXIT trap, so a dockerd we started never outlives us.
trap 'exit 130' INT
trap 'exit 143' TERM

have() { command -v "$1" >/dev/null 2>&1; }

install_packages() {
  local need=()
  have dockerd || need+=(docker.io)
  have docker-registry || need+=(docker-registry)
  have skopeo || need+=(skopeo)
  # The images need the static busybox (the `busybox` package's binary is dynamic).
  if [ ! -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then need+=(busybox-static); fi
  have htpasswd || need+=(apache2-utils)
  have buildah || need+=(buildah)
  have podman || need+=(podman)
  have openssl || need+=(openssl)
  # A real forward proxy for the tests of self-hosted runners behind one.
  have tinyproxy || need+=(tinyproxy)
  # GitHub-hosted runners run steps as a non-root user with passwordless sudo; a test does too.
  have sudo || need+=(sudo)
  if [ ${#need[@]} -eq 0 ]; then
    log "system packages present"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  log "installing: ${need[*]}"
  "${sudo[@]}" apt-get update -q >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
}

install_node_modules() {
  if [ -d node_modules ]; then
    log "node_modules present"
    return 0
  fi
  # Must not use --ignore-scripts: the `node` devDependency (Node 24 for npm scripts)
  # is fetched by its preinstall, approved in package.json allowScripts.
  npm ci --no-audit --no-fund
  if ! node_modules/.bin/node --version >/dev/null 2>&1; then
    log "node_modules/.bin/node does not run: did npm skip the 'node' package's preinstall?"
    return 1
  fi
}

# podman works here only with runc, cgroupfs and lowered ulimits: crun fails on the hybrid
# cgroup setup and `podman run` may not raise NOFILE/NPROC (no CAP_SYS_RESOURCE).
write_containers_conf() {
  cat >"$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
EOF
  export CONTAINERS_CONF="$WORK/containers.conf"
  log "CONTAINERS_CONF=$CONTAINERS_CONF"
}

docker_ok() { docker info >/dev/null 2>&1; }

start_dockerd() {
  if docker_ok; then
    log "dockerd already running; leaving it alone"
    return 0
  fi
  setsid dockerd >"$WORK/dockerd.log" 2>&1 </dev/null &
  local launcher=$! i
  DOCKERD_PID=$launcher # the EXIT trap stops it even if it never answers
  for i in $(seq 150); do
    docker_ok && break
    if ! kill -0 "$launcher" 2>/dev/null && ! pgrep -x dockerd >/dev/null; then break; fi
    sleep 0.2
  done
  if ! docker_ok; then
    log "dockerd did not come up; its log:"
    tail -n 40 "$WORK/dockerd.log" || true
    return 1
  fi
  # Ours only if our daemon logged that it serves: a concurrent run may have won the race
  # (ours then exits on the pidfile lock) and its dockerd is not ours to stop.
  if grep -q 'API listen on' "$WORK/dockerd.log"; then
    DOCKERD_PID=$(cat /var/run/docker.pid 2>/dev/null || echo "$launcher")
    log "started dockerd (pid $DOCKERD_PID, log $WORK/dockerd.log)"
  else
    DOCKERD_PID=""
    log "another dockerd came up meanwhile; leaving it alone"
  fi
}

# The 20.10 client from docker.io; the machine image's 28.x client also works with
# DOCKER_BUILDKIT=0 (legacy builder), just noisier.
DOCKER_BUILD_CLI=docker
if [ -x /usr/bin/docker ]; then DOCKER_BUILD_CLI=/usr/bin/docker; fi

docker_build() {
  local tag=$1 dir=$2
  if ! DOCKER_BUILDKIT=0 "$DOCKER_BUILD_CLI" build -q -t "$tag" "$dir" >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log"
    return 1
  fi
  log "built $tag"
}

# No Docker Hub here: both images are assembled from Debian binaries.
build_images() {
  local bb=$WORK/img-busybox reg=$WORK/img-registry l
  if docker image inspect "$IMAGEGATE_TEST_BUSYBOX_IMAGE" >/dev/null 2>&1; then
    log "$IMAGEGATE_TEST_BUSYBOX_IMAGE present"
  else
    mkdir -p "$bb"
    cp /bin/busybox "$bb/busybox"
    printf '%s\n' 'FROM scratch' 'COPY busybox /bin/busybox' \
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]' 'CMD ["/bin/sh"]' >"$bb/Dockerfile"
    docker_build "$IMAGEGATE_TEST_BUSYBOX_IMAGE" "$bb"
  fi
  if docker image inspect "$IMAGEGATE_TEST_REGISTRY_IMAGE" >/dev/null 2>&1; then
    log "$IMAGEGATE_TEST_REGISTRY_IMAGE present"
  else
    mkdir -p "$reg/rootfs/bin" "$reg/rootfs/etc/docker/registry" "$reg/rootfs/var/lib/registry"
    cp "$(command -v docker-registry)" "$reg/rootfs/bin/registry"
    # Dynamically linked, but only against libc and the loader (ldd lists both).
    for l in $(ldd "$(command -v docker-registry)" | grep -o '/[^ ]*'); do
      mkdir -p "$reg/rootfs$(dirname "$l")"
      cp -L "$l" "$reg/rootfs$l"
    done
    # busybox + sh only for debugging (docker exec) and health checks (wget).
    cp /bin/busybox "$reg/rootfs/bin/busybox"
    ln -s busybox "$reg/rootfs/bin/sh"
    ln -s busybox "$reg/rootfs/bin/wget"
    printf '%s\n' 'version: 0.1' 'log:' '  level: info' 'storage:' '  filesystem:' \
      '    rootdirectory: /var/lib/registry' '  delete:' '    enabled: true' 'http:' \
      '  addr: :5000' >"$reg/rootfs/etc/docker/registry/config.yml"
    printf '%s\n' 'FROM scratch' 'COPY rootfs/ /' 'EXPOSE 5000' 'ENTRYPOINT ["/bin/registry"]' \
      'CMD ["serve", "/etc/docker/registry/config.yml"]' >"$reg/Dockerfile"
    docker_build "$IMAGEGATE_TEST_REGISTRY_IMAGE" "$reg"
  fi
}

