#!/usr/bin/env bash
# Fuzzes one Cockpit parser with AFL++ and SharpFuzz for a number of minutes; see docs/fuzzing.md.
#   fuzz/run.sh <dbc|candump|scenario|tokenizer|wav|vssdbc|screens|numerals|pathpattern> <minutes>
# Seeds: fuzz/corpus/<target>/. Findings (git-ignored): fuzz/findings/<target>/default/{queue,crashes,hangs,fuzzer_stats}.
# A second run on the same target resumes from its findings (AFL_AUTORESUME). Ends with one summary line from fuzzer_stats.
set -euo pipefail

target=${1:-}
minutes=${2:-}
case "$target" in
  dbc|candump) assemblies=(Cockpit.Can.dll) ;;
  scenario) assemblies=(Cockpit.Agent.dll) ;;
  tokenizer|numerals) assemblies=(Cockpit.Understanding.dll) ;;
  wav) assemblies=(Cockpit.Speech.dll) ;;
  vssdbc|pathpattern) assemblies=(Cockpit.Vehicle.dll) ;;
  screens) assemblies=(Cockpit.Gui.dll) ;;
  *) echo "usage: $0 <dbc|candump|scenario|tokenizer|wav|vssdbc|screens|numerals|pathpattern> <minutes>" >&2; exit 2 ;;
esac
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -eq 0 ]; then
  echo "usage: $0 $target <minutes>   (a whole number above 0)" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# 1. AFL++ (Debian package afl++).
if ! command -v afl-fuzz >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq afl++
fi

# 2. The SharpFuzz instrumenter, pinned in .config/dotnet-tools.json.
dotnet tool restore >/dev/null

# 3. Publish once, then give each target its own copy with only the assemblies under test instrumented
#    (instrumenting rewrites a DLL in place, and a DLL cannot be instrumented twice).
publish=fuzz/out/publish
dotnet publish fuzz/Cockpit.Fuzz/Cockpit.Fuzz.csproj -c Release -o "$publish" -nologo -v quiet
bin=fuzz/out/$target
rm -rf "$bin"
cp -r "$publish" "$bin"
for assembly in "${assemblies[@]}"; do
  dotnet tool run sharpfuzz "$bin/$assembly"
done

# 4. Fuzz. The environment is a container: no CPU governor, no core-dump handler, cores shared with other work, and
#    dotnet is not an AFL-compiled binary (SharpFuzz provides the coverage map).
findings=fuzz/findings/$target
mkdir -p "$findings"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 \
  AFL_AUTORESUME=1 AFL_NO_UI=1 AFL_SKIP_CRASHES=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
seconds=$((minutes * 60))
status=0
afl-fuzz -i "fuzz/corpus/$target" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$bin/Cockpit.Fuzz.dll" "$target" \
  > "$findings/afl.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tail -n 30 "$findings/afl.log" >&2
  exit "$status"
fi

# 5. Summary from fuzzer_stats.
stats=$findings/default/fuzzer_stats
stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
crashes=$(stat saved_crashes); [ -n "$crashes" ] || crashes=$(stat unique_crashes)
hangs=$(stat saved_hangs); [ -n "$hangs" ] || hangs=$(stat unique_hangs)
echo "$target: ${minutes} min, execs $(stat execs_done), execs/s $(stat execs_per_sec)," \
  "corpus $(stat corpus_count) (paths found $(stat corpus_found)), crashes $crashes, hangs $hangs, in $findings/default"
