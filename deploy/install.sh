#!/usr/bin/env bash
# Installs Cockpit on a head unit, from an unpacked publish tarball (deploy/publish.sh): run as root from anywhere,
#   tar xzf cockpit-linux-arm64.tar.gz -C /tmp/cockpit && sudo /tmp/cockpit/deploy/install.sh [--start]
# It downloads nothing. What it does, in order (each step is safe to repeat):
#   1. the system user "cockpit" (sysusers.d, or useradd where systemd-sysusers is missing), in group "audio"
#   2. stops cockpit.target when it runs, then replaces /opt/cockpit with ../app (the previous one is kept as
#      /opt/cockpit.previous until the next install) and copies deploy/ to /opt/cockpit/deploy
#   3. /etc/cockpit (root:cockpit, 0750) with appsettings.headunit.json and cockpit.env, never overwriting local edits
#      (a newer default is written beside them as *.dist); /opt/cockpit/appsettings.headunit.json links to it
#   4. checks the Whisper models shipped in app/models/whisper against their SHA256SUMS
#   5. the units in /etc/systemd/system, daemon-reload, enables cockpit.target; with --start, starts it
# Options: --start (start cockpit.target at the end), --root DIR (install under DIR instead of /, for staging an
# image; skips user creation and systemctl).
set -euo pipefail

root=""
start=false
while [ $# -gt 0 ]; do
  case "$1" in
    --start) start=true ;;
    --root) root=${2:?--root needs a directory}; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "install: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

bundle=$(cd "$(dirname "$0")/.." && pwd)
app="$bundle/app"
deploy="$bundle/deploy"
fail() { echo "install: $*" >&2; exit 1; }
[ -x "$app/Cockpit.Agent" ] || fail "$app/Cockpit.Agent not found: run this from an unpacked deploy/publish.sh tarball"
if [ -z "$root" ]; then
  [ "$(id -u)" -eq 0 ] || fail "run as root"
fi

# The bundle must match this CPU (ELF e_machine of the agent: 62 x86-64, 183 AArch64).
machine=$(od -An -t u2 -j 18 -N 2 "$app/Cockpit.Agent" | tr -d ' \n')
case "$(uname -m):$machine" in
  x86_64:62|aarch64:183) ;;
  *) [ -n "$root" ] || fail "this bundle (ELF machine $machine) was built for another CPU than $(uname -m)" ;;
esac

echo "1. user cockpit"
install -D -m 0644 "$deploy/systemd/cockpit.sysusers.conf" "$root/usr/lib/sysusers.d/cockpit.conf"
if [ -z "$root" ]; then
  if command -v systemd-sysusers > /dev/null; then
    systemd-sysusers /usr/lib/sysusers.d/cockpit.conf
  elif ! id cockpit > /dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/cockpit --no-create-home --shell /usr/sbin/nologin cockpit
    if getent group audio > /dev/null; then usermod --append --groups audio cockpit; fi
  fi
fi

echo "2. /opt/cockpit"
if [ -z "$root" ] && systemctl is-active --quiet cockpit.target; then
  systemctl stop cockpit.target
fi
mkdir -p "$root/opt"
rm -rf "$root/opt/cockpit.new"
cp -a "$app" "$root/opt/cockpit.new"
mkdir -p "$root/opt/cockpit.new/deploy"
cp -a "$deploy/." "$root/opt/cockpit.new/deploy/"
chown -R 0:0 "$root/opt/cockpit.new"
chmod -R u=rwX,go=rX "$root/opt/cockpit.new"
ln -sfn /etc/cockpit/appsettings.headunit.json "$root/opt/cockpit.new/appsettings.headunit.json"
if [ -d "$root/opt/cockpit" ]; then
  rm -rf "$root/opt/cockpit.previous"
  mv "$root/opt/cockpit" "$root/opt/cockpit.previous"
fi
mv "$root/opt/cockpit.new" "$root/opt/cockpit"

echo "3. /etc/cockpit"
install -d -m 0750 "$root/etc/cockpit" "$root/etc/cockpit/tokens"
if [ -z "$root" ]; then chgrp cockpit "$root/etc/cockpit" "$root/etc/cockpit/tokens"; fi
install_config() { # SOURCE TARGET
  if [ ! -e "$2" ]; then
    install -m 0640 "$1" "$2"
  elif ! cmp -s "$1" "$2"; then
    install -m 0640 "$1" "$2.dist"
    echo "   kept $2 (local edits); the shipped default is $2.dist"
  fi
  if [ -z "$root" ]; then chgrp cockpit "$2"; fi
}
install_config "$deploy/appsettings.headunit.json" "$root/etc/cockpit/appsettings.headunit.json"
env_example=$(mktemp)
cat > "$env_example" <<'ENV'
# Local overrides for all Cockpit services, one VARIABLE=value a line (configuration keys with __ for :), e.g.
#   Vehicle__Can__Transport=SocketCan
#   Vehicle__Can__SimulateEcus=false
#   Speech__ModelPath=/opt/cockpit/models/whisper/ggml-small-q5_1.bin
ENV
install_config "$env_example" "$root/etc/cockpit/cockpit.env"
rm -f "$env_example"

echo "4. models"
if [ -f "$root/opt/cockpit/models/whisper/SHA256SUMS" ]; then
  (cd "$root/opt/cockpit/models/whisper" && sha256sum --check --quiet SHA256SUMS) || fail "a Whisper model does not match its SHA-256"
else
  echo "   no Whisper model shipped: speech stays unavailable until one is (deploy/fetch-whisper-model.sh); text works"
fi

echo "5. units"
for unit in cockpit-vehicle.service cockpit-hmi.service cockpit-agent.service cockpit.target; do
  install -D -m 0644 "$deploy/systemd/$unit" "$root/etc/systemd/system/$unit"
done
if [ -z "$root" ]; then
  systemctl daemon-reload
  systemctl enable cockpit.target
  if $start; then systemctl start cockpit.target; fi
fi

if [ ! -e "$root/etc/cockpit/cockpit-public.pem" ]; then
  cat <<'NEXT'

Next: the vehicle service, the HMI and the agent refuse to start without the public key their tokens are checked with.
  /opt/cockpit/Cockpit.Agent token --help              (keygen, issue; see /opt/cockpit/deploy/README.md)
put the public key at /etc/cockpit/cockpit-public.pem, the tokens (hmi.jwt, agent.jwt, agent-hmi.jwt) in /etc/cockpit/tokens/
(root:cockpit, 0640), keep the private key off the head unit, then: systemctl start cockpit.target
NEXT
fi
