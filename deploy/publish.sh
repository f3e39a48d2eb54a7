#!/usr/bin/env bash
# Publishes Cockpit for head units: per runtime identifier one self-contained folder and one tarball,
#   artifacts/publish/<rid>/app/      the head-unit agent (Cockpit.Agent.HeadUnit, the service; no simulator in its
#                                     dependencies), the simulated HMI (Cockpit.Gui) and vehicle service (Cockpit.Vehicle),
#                                     the Cockpit command (Cockpit.Agent: token, say, eval), one .NET runtime for all, the
#                                     native libraries (ONNX Runtime, Whisper.net, SQLite, the fused MoLE kernel when a
#                                     C++ compiler for the RID is there) and models/
#   artifacts/publish/<rid>/deploy/   units, settings, install.sh, README.md
#   artifacts/publish/cockpit-<rid>.tar.gz
# and fails when a binary or native library is missing or built for another CPU. Copy the tarball to the head unit,
# unpack it, run deploy/install.sh as root (deploy/README.md). Nothing is downloaded except NuGet packages.
#
# Usage: deploy/publish.sh [RID ...]            RIDs: linux-x64, linux-arm64 (default: both)
# Environment: CONFIGURATION (Release), OUT (artifacts/publish), WHISPER_MODEL_DIR (models/whisper: *.bin and
# SHA256SUMS written by deploy/fetch-whisper-model.sh are shipped in app/models/whisper/ when present).
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=${CONFIGURATION:-Release}
out=${OUT:-artifacts/publish}
whisper_dir=${WHISPER_MODEL_DIR:-models/whisper}
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64)

fail() { echo "publish: $*" >&2; exit 1; }

# ELF e_machine (bytes 18-19, little-endian): 62 = x86-64, 183 = AArch64.
elf_machine() { od -An -t u2 -j 18 -N 2 "$1" | tr -d ' \n'; }

require_elf() { # FILE MACHINE
  [ -f "$1" ] || fail "$1 is missing"
  [ "$(head -c 4 "$1" | od -An -t x1 | tr -d ' \n')" = "7f454c46" ] || fail "$1 is not an ELF file"
  local machine; machine=$(elf_machine "$1")
  [ "$machine" = "$2" ] || fail "$1 is built for ELF machine $machine, not $2"
}

for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64) machine=62 ;;
    linux-arm64) machine=183 ;;
    *) fail "unsupported runtime identifier '$rid' (linux-x64 or linux-arm64)" ;;
  esac

  stage="$out/$rid"
  app="$stage/app"
  rm -rf "$stage" "$out/cockpit-$rid.tar.gz"
  mkdir -p "$stage"
  echo "== $rid: dotnet publish"
  dotnet publish src/Cockpit.Agent/Cockpit.Agent.csproj -c "$configuration" -r "$rid" --self-contained true \
    -p:SatelliteResourceLanguages=en -o "$app" --nologo -v quiet

  # Whisper.net.Runtime copies every platform's native libraries into runtimes/; the head unit needs its own.
  find "$app/runtimes" -mindepth 1 -maxdepth 1 ! -name "$rid" -exec rm -rf {} +

  if compgen -G "$whisper_dir/*.bin" > /dev/null; then
    [ -f "$whisper_dir/SHA256SUMS" ] || fail "$whisper_dir has models but no SHA256SUMS (use deploy/fetch-whisper-model.sh)"
    (cd "$whisper_dir" && sha256sum --check --quiet SHA256SUMS) || fail "a Whisper model in $whisper_dir does not match its SHA-256"
    mkdir -p "$app/models/whisper"
    cp "$whisper_dir"/*.bin "$whisper_dir/SHA256SUMS" "$app/models/whisper/"
  else
    echo "   no Whisper model in $whisper_dir: speech stays unavailable (text works); see deploy/fetch-whisper-model.sh"
  fi

  echo "== $rid: checking the output"
  for binary in Cockpit.Agent Cockpit.Agent.HeadUnit Cockpit.Vehicle Cockpit.Gui; do
    require_elf "$app/$binary" "$machine"
    [ -x "$app/$binary" ] || fail "$app/$binary is not executable"
    grep -q '"includedFrameworks"' "$app/$binary.runtimeconfig.json" || fail "$binary is not self-contained"
  done
  # The head-unit agent runs against a real car's and HMI's services too: nothing of the simulators may be in its closure.
  for simulator in Cockpit.Vehicle Cockpit.Gui Cockpit.Console; do
    ! grep -q "\"$simulator/" "$app/Cockpit.Agent.HeadUnit.deps.json" || fail "Cockpit.Agent.HeadUnit depends on the simulator $simulator"
  done
  for library in libcoreclr.so libhostfxr.so libclrjit.so libSystem.Native.so libonnxruntime.so libe_sqlite3.so \
    "runtimes/$rid/libwhisper.so" "runtimes/$rid/libggml-whisper.so" "runtimes/$rid/libggml-base-whisper.so" "runtimes/$rid/libggml-cpu-whisper.so"; do
    require_elf "$app/$library" "$machine"
  done
  if [ -f "$app/libcockpit_mole.so" ]; then
    require_elf "$app/libcockpit_mole.so" "$machine"
  else
    echo "   no fused MoLE kernel for $rid (no C++ compiler for it, see src/Cockpit.Understanding/build/MoleKernel.targets):" \
      "the understanding model runs its stock graph, about 0.1 ms slower per utterance"
  fi
  for file in appsettings.json models/understanding/manifest.json models/understanding/encoder.onnx models/understanding/experts.onnx models/understanding/vocab.txt; do
    [ -f "$app/$file" ] || fail "$app/$file is missing"
  done
  grep -q '"Agent"' "$app/appsettings.json" || fail "$app/appsettings.json is not the agent's"

  mkdir -p "$stage/deploy"
  cp -r deploy/systemd deploy/can deploy/appsettings.headunit.json deploy/install.sh deploy/README.md "$stage/deploy/"
  tar -C "$stage" -czf "$out/cockpit-$rid.tar.gz" app deploy
  echo "== $rid: $(du -sh "$app" | cut -f1) in app/, $(du -h "$out/cockpit-$rid.tar.gz" | cut -f1) as $out/cockpit-$rid.tar.gz"
done
