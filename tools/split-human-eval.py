#!/usr/bin/env python3
"""Splits the human-written evaluation set once into dev (iterate on it) and test (run only to report).

Inputs: data/eval/human/raw/<writer>.<lang>.tsv (text, calls, register) and the earlier probes in models/probes
(requests-<lang>.tsv: text, calls; out-of-domain-<lang>.txt: one sentence a line, nothing to do). Every line goes to
dev or test by a hash of its text, half each, so the split does not depend on file order and never moves a line.
Writes data/eval/human/{dev,test}.<lang>.tsv with a fourth column naming the writer.
"""
import hashlib, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
human = root / "data/eval/human"
probes = root / "models/probes"

def side(text):
    return "dev" if hashlib.sha256(("cockpit-human-eval:" + text).encode("utf-8")).digest()[0] % 2 == 0 else "test"

for lang in ("zh", "en"):
    rows = []
    for raw in sorted((human / "raw").glob(f"*.{lang}.tsv")):
        writer = raw.name.split(".")[0]
        for line in raw.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                text, calls, register = line.split("\t")
                rows.append((text, calls, register, writer))
    for line in (probes / f"requests-{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, calls = line.split("\t")[:2]
            rows.append((text, calls, "probe", "probe"))
    for line in (probes / f"out-of-domain-{lang}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append((line.strip(), "-", "ood", "probe"))
    seen = set()
    out = {"dev": [], "test": []}
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        out[side(row[0])].append("\t".join(row))
    for name, lines in out.items():
        (human / f"{name}.{lang}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}.{lang}.tsv: {len(lines)} lines")
