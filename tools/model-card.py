#!/usr/bin/env python3
"""Writes the figures block of models/README.md from models/understanding/manifest.json, so the numbers there are the
manifest's (measured by `Cockpit.Training measure --update true`) and cannot drift. Run from the repository root."""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
manifest = json.loads((root / "models/understanding/manifest.json").read_text(encoding="utf-8"))
metrics = manifest["metrics"]
understanding = metrics["understanding"]

def pct(board, lang, key, total, part):
    figures = board.get(lang, {})
    value = figures.get(key)
    return "–" if value is None else f"{100 * value:.1f} % ({figures[part]}/{figures[total]})"

rows = ["| set | zh exact | zh nothing left alone | en exact | en nothing left alone |", "|---|---|---|---|---|"]
for name, board in understanding.items():
    rows.append(f"| {name} | {pct(board, 'zh', 'exactMatch', 'requests', 'exact')} | {pct(board, 'zh', 'rejection', 'nothing', 'leftAlone')} "
                f"| {pct(board, 'en', 'exactMatch', 'requests', 'exact')} | {pct(board, 'en', 'rejection', 'nothing', 'leftAlone')} |")
latency = metrics["latency"]
training = manifest["training"]
rows += [
    "",
    "| figure | value |",
    "|---|---|",
    f"| batch-1 latency p50 / p99 (`measure`) | {latency['batch1P50Ms']} / {latency['batch1P99Ms']} ms |",
    f"| batch-32 latency p50 / p99 | {latency['batch32P50Ms']} / {latency['batch32P99Ms']} ms |",
    f"| process RSS, model loaded, batch 1 | {latency['rssBatch1MiB']} MiB |",
    f"| intent-logit difference, TorchSharp vs ONNX + fp16 table | {metrics.get('maxIntentLogitDifference', '–')} |",
    f"| parameters (training) | {training['parameters']:,} total, {training['expertParameters']:,} in lookup experts |",
    f"| training | {training['steps']} steps × batch {training['batch']}, {training['secondsPerStep']} s/step, seed {training['seed']}, data `{training['dataSha256'][:16]}…` |",
    f"| training data | {training['generatorSamples']} generated, {training['phrasebookLines']} phrasebook lines × {training['phrasebookRepeat']}, "
    f"{training['massiveRequests']} MASSIVE requests × {training['massiveRepeat']}, {training.get('cancelledRequests', 0)} cancelled requests × 2, "
    f"{training.get('joinedRequests', 0)} joined pairs, {training.get('outOfCatalogRequests', 0)} out-of-catalog requests × {training['phrasebookRepeat']} |",
    f"| measured on | {metrics['measuredOn']} |",
    "",
    "| file | bytes | SHA-256 |",
    "|---|---|---|",
]
rows += [f"| `{name}` | {f['bytes']:,} | `{f['sha256']}` |" for name, f in sorted(manifest["files"].items())]

readme = root / "models/README.md"
text = readme.read_text(encoding="utf-8")
start, end = "<!-- figures: tools/model-card.py -->", "<!-- end of figures -->"
before, rest = text.split(start, 1)
_, after = rest.split(end, 1)
readme.write_text(before + start + "\n" + "\n".join(rows) + "\n" + end + after, encoding="utf-8")
print("models/README.md: figures written")
