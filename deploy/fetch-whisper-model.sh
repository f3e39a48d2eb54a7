#!/usr/bin/env bash
# Downloads a ggml Whisper model for Cockpit's speech recognition. Run it on a build machine WITH internet access,
# never on the head unit: the head unit gets the model inside the publish tarball (deploy/publish.sh ships
# models/whisper/*.bin) and downloads nothing, at install or at run time.
#
# Usage: deploy/fetch-whisper-model.sh [MODEL]        MODEL: one of the table below (default: base-q5_1)
# Environment: WHISPER_MODEL_DIR (models/whisper), WHISPER_REVISION (the pinned Hugging Face revision below)
#
# Source: whisper.cpp's official model repository, https://huggingface.co/ggerganov/whisper.cpp, at a pinned revision.
# Each file is checked against the size and SHA-256 in the table (the Hugging Face LFS object ids) before it is kept;
# a mismatch deletes the download and fails. The model and its line in SHA256SUMS are written to WHISPER_MODEL_DIR,
# which publish.sh and install.sh check again. Point Speech:ModelPath at /opt/cockpit/models/whisper/<file>
# (deploy/appsettings.headunit.json uses ggml-base-q5_1.bin). All models are multilingual (Chinese and English);
# the *.en models are not offered because Cockpit needs both languages.
set -euo pipefail
cd "$(dirname "$0")/.."

revision=${WHISPER_REVISION:-5359861c739e955e79d9a303bcbc70fb988958b1}
dir=${WHISPER_MODEL_DIR:-models/whisper}
model=${1:-base-q5_1}

#      model        file                     bytes       SHA-256
table="tiny         ggml-tiny.bin            77691713    be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21
base         ggml-base.bin            147951465   60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe
base-q5_1    ggml-base-q5_1.bin       59707625    422f1ae452ade6f30a004d7e5c6a43195e4433bc370bf23fac9cc591f01a8898
small        ggml-small.bin           487601967   1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b
small-q5_1   ggml-small-q5_1.bin      190085487   ae85e4a935d7a567bd102fe55afc16bb595bdb618e11b2fc7591bc08120411bb
medium-q5_0  ggml-medium-q5_0.bin     539212467   19fea4b380c3a618ec4723c3eef2eb785ffba0d0538cf43f8f235e7b3b34220f"

fail() { echo "fetch-whisper-model: $*" >&2; exit 1; }
row=$(awk -v m="$model" '$1 == m' <<< "$table")
[ -n "$row" ] || fail "unknown model '$model'; one of: $(awk '{ printf "%s ", $1 }' <<< "$table")"
read -r _ file bytes sha256 <<< "$row"

url="https://huggingface.co/ggerganov/whisper.cpp/resolve/$revision/$file"
mkdir -p "$dir"
partial="$dir/$file.partial"
trap 'rm -f "$partial"' EXIT
echo "Downloading $file ($((bytes / 1048576)) MiB) from $url"
if command -v curl > /dev/null; then
  curl --fail --location --retry 3 --output "$partial" "$url"
elif command -v wget > /dev/null; then
  wget --tries=3 --output-document="$partial" "$url"
else
  fail "needs curl or wget"
fi

actual_bytes=$(stat -c %s "$partial")
[ "$actual_bytes" = "$bytes" ] || fail "$file has $actual_bytes bytes, expected $bytes"
actual_sha256=$(sha256sum "$partial" | cut -d' ' -f1)
[ "$actual_sha256" = "$sha256" ] || fail "$file has SHA-256 $actual_sha256, expected $sha256"

mv "$partial" "$dir/$file"
touch "$dir/SHA256SUMS"
{ grep -v "  $file\$" "$dir/SHA256SUMS" || true; echo "$sha256  $file"; } > "$dir/SHA256SUMS.new"
mv "$dir/SHA256SUMS.new" "$dir/SHA256SUMS"
echo "Verified $dir/$file (SHA-256 $sha256); deploy/publish.sh ships it."
