#!/usr/bin/env bash
# Install the Debian packages Redline needs, when missing. `run`: what the service needs;
# `test`: also what the tests drive for real (PostgreSQL, chromium, fonts for rendered posters).
# As root this uses apt-get; otherwise it says what is missing and carries on (tests that need
# a missing program are then skipped with a message naming it).
set -euo pipefail
mode=${1:-run}
need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
pkgs=(pkg-config libicu-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-fas tesseract-ocr-ara)
if [ "$mode" = test ]; then
  pkgs+=(postgresql chromium fonts-dejavu-core fonts-noto-core)
fi
for p in "${pkgs[@]}"; do have "$p" || need+=("$p"); done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "redline: missing Debian packages: ${need[*]} (not root, so not installing them; run 'sudo apt-get install ${need[*]}')" >&2
  exit 0
fi
echo "redline: installing Debian packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
