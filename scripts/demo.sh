#!/usr/bin/env bash
# `npm run demo`: prepare the machine like the tests do (packages, dockerd, the local registry
# image built from the Debian binary), then run the demo pipeline (scripts/demo.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_NAME=demo
# shellcheck source=scripts/lib/machine.sh
source scripts/lib/machine.sh

phase packages install_packages
phase npm-ci install_node_modules
write_containers_conf
phase dockerd start_dockerd
phase images build_images
[ -f dist/cli/index.js ] || phase build npm run build
export IMAGEGATE_DEMO_REGISTRY_IMAGE=$IMAGEGATE_TEST_REGISTRY_IMAGE
phase demo node scripts/demo.mjs
