#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed".
# Installs the Debian packages the tests need when they are missing (the tests never skip for them).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
need_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || missing+=("$1"); }
# The HMI and console tests render their pages in headless Chromium (Chinese needs a CJK font); the speech tests synthesise audio with
# espeak-ng; the build compiles the understanding model's fused kernel with g++ (its tests check that it is used).
for package in ${COCKPIT_TEST_PACKAGES:-chromium fonts-noto-cjk espeak-ng g++}; do need_package "$package"; done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Cockpit.sln --logger "trx" --results-directory "$results" "$@" || status=$?

counters=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' || true)
if [ -z "$counters" ]; then
  echo "no test results were written" >&2
  exit 1
fi
sum() { grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]*' | awk '{ total += $1 } END { print total + 0 }'; }
passed=$(sum passed)
failed=$(sum failed)
echo "$passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
