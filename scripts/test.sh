#!/usr/bin/env bash
# `npm test` (and .ci/run): the whole check, from a fresh Debian 12 machine (root) to green.
#   1. system packages (apt-get, only what is missing), node_modules (npm ci, only if missing)
#   2. dockerd (started here only if not running; stopped at exit only if started here), the two
#      local base images (built from Debian binaries); podman, DOCKER_CONFIG and the auth files
#      get a per-run home in jest's global setup (__tests__/support/global-setup.ts)
#   3. tsc, prettier, eslint, dist/ freshness, jest (extra arguments go to jest)
# The machine set-up and the facts behind it: scripts/lib/machine.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib/machine.sh
source scripts/lib/machine.sh

# Images the tests built in dockerd carry the per-run registry address (127.0.0.1:<port>/…) or
# a localhost/it-… name; the two base images stay, so the next run need not rebuild them.
# podman needs nothing here: the tests use a store of their own, removed with the run directory.
remove_test_images() {
  local refs
  refs=$(docker images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null |
    grep -E '^(127\.0\.0\.1:[0-9]+|localhost/it-)' || true)
  if [ -n "$refs" ]; then
    # shellcheck disable=SC2086 # one reference per word
    docker rmi -f $refs >/dev/null 2>&1 || true
  fi
}

# Called by the EXIT trap (scripts/lib/machine.sh), after success and failure alike.
on_exit() {
  docker_ok && remove_test_images
}

check_dist() {
  if [ ! -f scripts/build-dist.mjs ]; then
    log "skipping the dist/ check: scripts/build-dist.mjs does not exist yet"
    return 0
  fi
  npm run build
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    log "skipping the dist/ comparison: not a git checkout"
    return 0
  fi
  if [ -z "$(git ls-files -- dist/)" ]; then
    log "skipping the dist/ comparison: no dist/ file is committed yet"
    return 0
  fi
  local untracked
  untracked=$(git ls-files --others --exclude-standard -- dist/)
  if ! git diff --exit-code --stat -- dist/ || [ -n "$untracked" ]; then
    [ -z "$untracked" ] || printf 'untracked:\n%s\n' "$untracked"
    log "dist/ is stale: run npm run build and commit dist/"
    return 1
  fi
  log "dist/ is up to date"
}

phase packages install_packages
phase npm-ci install_node_modules
phase dockerd start_dockerd
phase images build_images
# What an earlier (perhaps interrupted) run left must not help this one.
phase stale-images remove_test_images
phase tsc npx tsc --noEmit -p tsconfig.test.json
phase prettier npx prettier --check .
phase eslint npx eslint --max-warnings=0 .
phase dist check_dist
# Tests that edit the real /etc/docker and restart dockerd run alone, after the rest: a restart
# stops every container, which would break concurrent docker tests.
SERIAL_TESTS='__tests__/integration/buildset/real-dockerd.test.ts'
if [ $# -eq 0 ]; then
  phase jest npm run test:jest -- --testPathIgnorePatterns real-dockerd
  phase jest-serial npm run test:jest -- --runInBand "$SERIAL_TESTS"
else
  phase jest npm run test:jest -- "$@"
fi
log "all checks passed"
