#!/usr/bin/env python3
"""Checks request files written to REQUESTS.md: python3 check.py FILE [--phrasebook]. Prints each bad line."""
import re, sys, pathlib

here = pathlib.Path(__file__).parent
spec = (here / "REQUESTS.md").read_text(encoding="utf-8")
ops = {}
for m in re.finditer(r"^\| `([a-z_.]+)` \|[^|]*\| `([a-z ]+)` \|", spec, re.M):
    ops[m.group(1)] = set(m.group(2).split())
screen = {"screen.open_app": {"open"}, "screen.bluetooth": {"on", "off"}, "screen.wifi": {"on", "off"},
          "screen.play": {"run"}, "screen.navigate": {"run"}, "screen.call": {"run"}, "screen.tap": {"run"}, "screen.back": {"run"}}
ops.update(screen)
sensors = {"sensor.cabin_temperature", "sensor.outside_temperature", "sensor.speed", "media.now_playing"}
zones = {"driver", "passenger", "rear_left", "rear_right", "front", "rear", "all", "mine"}
registers = set("terse polite chatty implicit colloquial slip multi question smalltalk ood cancel number freetext".split())
call_re = re.compile(r'^([a-z_]+(?:\.[a-z_]+)*)\.([a-z_]+)\((.*)\)$')
arg_re = re.compile(r'\s*([a-z]+)=("(?:[^"]*)"|[^,]*)\s*(?:,|$)')

def check_call(call, text):
    m = call_re.match(call.strip())
    if not m:
        return f"not a call: {call!r}"
    fn, op, args = m.groups()
    if op == "query":
        if fn not in ops and fn not in sensors or fn.startswith("screen."):
            return f"unknown function to query: {fn}"
    elif fn not in ops:
        return f"unknown function: {fn}"
    elif op not in ops[fn]:
        return f"{fn} has no op {op} (ops: {' '.join(sorted(ops[fn]))})"
    pos = 0
    while pos < len(args):
        a = arg_re.match(args, pos)
        if not a or a.end() == pos:
            return f"bad arguments: {args!r}"
        name, value = a.groups()
        pos = a.end()
        if name == "zones":
            if not all(z in zones for z in value.split("+")):
                return f"bad zones: {value}"
        elif name in ("query", "place", "contact", "target"):
            if not (value.startswith('"') and value.endswith('"')):
                return f"free text must be quoted: {value}"
            if value[1:-1] not in text:
                return f"free text {value} is not copied exactly from the text"
        elif name == "value":
            if not re.fullmatch(r"-?\d+(\.\d+)?|L[1-5]|[A-Z_]+|home|climate|media|navigation|phone|settings|vehicle", value):
                return f"bad value: {value}"
        elif name == "delta":
            if not re.fullmatch(r"\d+(\.\d+)?", value):
                return f"bad delta: {value}"
        else:
            return f"unknown argument: {name}"
    return None

def main():
    path = sys.argv[1]
    phrasebook = "--phrasebook" in sys.argv
    bad = 0
    seen = set()
    for n, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            print(f"{n}: needs 3 tab-separated fields, has {len(parts)}"); bad += 1; continue
        text, calls, register = parts
        if register not in registers:
            print(f"{n}: unknown register {register!r}"); bad += 1
        if text in seen:
            print(f"{n}: duplicate text"); bad += 1
        seen.add(text)
        plain = text.replace("|", "")
        for alternative in calls.split("||"):
            alternative = alternative.strip()
            if alternative == "-":
                continue
            parts_of_text = [p for p in text.split("|")] if phrasebook else None
            call_list = [c for c in alternative.split(" ; ")]
            if phrasebook and "|" in text and len(parts_of_text) != len(call_list):
                print(f"{n}: {len(parts_of_text)} text parts but {len(call_list)} calls"); bad += 1
            for c in call_list:
                why = check_call(c, plain)
                if why:
                    print(f"{n}: {why}"); bad += 1
    print(f"{bad} problems")
    sys.exit(1 if bad else 0)

main()
