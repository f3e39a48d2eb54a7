#!/usr/bin/env python3
"""Writes src/Cockpit.Vehicle/Vss/cockpit-vss.json: the simulated car's VSS catalog.

It is the subset of the COVESA VSS 6.0 release (vss-tools JSON, instances expanded) that the
occupant can ask for (shared/eval/SIGNALS.md) plus the sensors the simulation needs, with the
simulated car's own limits layered on top (e.g. cabin set points 16-32 degC).

usage: tools/make-vss-subset.py ../shared/vss/vss_release_6.0.json
"""
import json, pathlib, re, sys

PATTERNS = [
    "Vehicle.Speed", "Vehicle.Powertrain.Transmission.SelectedGear",
    "Vehicle.Exterior.AirTemperature", "Vehicle.Cabin.HVAC.AmbientAirTemperature",
    "Vehicle.Cabin.HVAC.Station.Row[12].*.Temperature", "Vehicle.Cabin.HVAC.Station.Row[12].*.FanSpeed",
    "Vehicle.Cabin.HVAC.Station.Row[12].*.AirDistribution",
    "Vehicle.Cabin.HVAC.IsAirConditioningActive", "Vehicle.Cabin.HVAC.IsRecirculationActive",
    "Vehicle.Cabin.HVAC.IsFrontDefrosterActive", "Vehicle.Cabin.HVAC.IsRearDefrosterActive",
    "Vehicle.Cabin.Seat.Row[12].DriverSide.HeatingCooling", "Vehicle.Cabin.Seat.Row[12].PassengerSide.HeatingCooling",
    "Vehicle.Cabin.Seat.Row1.*Side.Massage.Level",
    "Vehicle.Cabin.Door.Row[12].*.Window.Position", "Vehicle.Cabin.Door.Row[12].*.IsOpen",
    "Vehicle.Cabin.Door.Row[12].*.IsLocked",
    "Vehicle.Cabin.Sunroof.Switch", "Vehicle.Cabin.Sunroof.Position", "Vehicle.Cabin.Sunroof.Shade.Position",
    "Vehicle.Cabin.RearShade.Position",
    "Vehicle.Body.Trunk.Rear.IsOpen", "Vehicle.Body.Trunk.Rear.IsLocked",
    "Vehicle.Body.Lights.Beam.Low.IsOn", "Vehicle.Body.Lights.Beam.High.IsOn",
    "Vehicle.Body.Lights.Fog.Front.IsOn", "Vehicle.Body.Lights.Fog.Rear.IsOn", "Vehicle.Body.Lights.Hazard.IsSignaling",
    "Vehicle.Cabin.Light.Spotlight.Row[12].*.IsLightOn", "Vehicle.Cabin.Light.IsDomeOn",
    "Vehicle.Cabin.Light.AmbientLight.Row[12].*.IsLightOn", "Vehicle.Cabin.Light.AmbientLight.Row[12].*.Color",
    "Vehicle.Cabin.Light.AmbientLight.Row[12].*.Intensity",
    "Vehicle.Body.Windshield.Front.Wiping.Mode", "Vehicle.Body.Windshield.Rear.Wiping.Mode",
    "Vehicle.Body.Mirrors.*.IsFolded", "Vehicle.Body.Mirrors.*.IsHeatingOn",
    "Vehicle.Cabin.Infotainment.Media.Action", "Vehicle.Cabin.Infotainment.Media.Volume", "Vehicle.Cabin.Infotainment.Media.SelectedURI",
    "Vehicle.Cabin.Infotainment.Media.Played.Source", "Vehicle.Cabin.Infotainment.Media.Played.Track",
    "Vehicle.Cabin.Infotainment.Media.Played.Artist", "Vehicle.Cabin.Infotainment.Media.Played.Album",
    "Vehicle.Cabin.Infotainment.HMI.Brightness", "Vehicle.Cabin.Infotainment.HMI.DayNightMode",
    "Vehicle.Cabin.Infotainment.HMI.TemperatureUnit",
    "Vehicle.Cabin.Infotainment.Navigation.Volume", "Vehicle.Cabin.Infotainment.Navigation.Mute",
    "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude",
    "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude",
]

# The simulated car's own limits, stricter than the standard where the product needs them.
OVERRIDES = {
    "Vehicle.Cabin.HVAC.Station.Row*.*.Temperature": {"min": 16.0, "max": 32.0},
    "Vehicle.Cabin.Light.AmbientLight.Row*.*.Intensity": {"min": 1, "max": 100},
    "Vehicle.Cabin.Light.AmbientLight.Row*.*.Color": {
        "allowed": ["RED", "GREEN", "BLUE", "WHITE", "YELLOW", "ORANGE", "PURPLE", "PINK", "CYAN"]},
    "Vehicle.Cabin.Seat.Row*.*.HeatingCooling": {"allowed": None, "min": -100, "max": 100},
}


def matches(path, pattern):
    """Glob match where '*' stays within one path level and [12] is a character class."""
    regex = re.escape(pattern).replace(r"\*", "[^.]*").replace(r"\[12\]", "[12]")
    return re.fullmatch(regex, path) is not None


def leaves(node, path):
    if node.get("type") == "branch":
        for name, child in node.get("children", {}).items():
            yield from leaves(child, f"{path}.{name}")
    else:
        yield path, node


def insert(tree, path, leaf):
    parts = path.split(".")
    node = tree.setdefault(parts[0], {"type": "branch", "description": "High-level vehicle data.", "children": {}})
    for part in parts[1:-1]:
        node = node["children"].setdefault(part, {"type": "branch", "description": part, "children": {}})
    node["children"][parts[-1]] = leaf


def main(source):
    full = json.load(open(source, encoding="utf-8"))
    out, found = {}, set()
    for path, leaf in leaves(full["Vehicle"], "Vehicle"):
        if any(matches(path, p) for p in PATTERNS):
            leaf = {k: v for k, v in leaf.items() if k in ("type", "datatype", "description", "comment", "unit", "min", "max", "allowed", "default", "deprecation")}
            for pattern, extra in OVERRIDES.items():
                if matches(path, pattern):
                    for k, v in extra.items():
                        if v is None:
                            leaf.pop(k, None)
                        else:
                            leaf[k] = v
            insert(out, path, leaf)
            found.add(path)
    missing = [p for p in PATTERNS if not any(matches(f, p) for f in found)]
    if missing:
        sys.exit(f"not in the source catalog: {missing}")
    target = pathlib.Path(__file__).resolve().parent.parent / "src/Cockpit.Vehicle/Vss/cockpit-vss.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(found)} signals -> {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/vss/vss_release_6.0.json")
