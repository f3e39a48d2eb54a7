using Kuksa.Val.V2;

namespace Cockpit.Testing;

/// <summary>Short-hands for kuksa.val.v2 values and signal ids in tests.</summary>
public static class Wire
{
    public static SignalID Path(string path) => new() { Path = path };

    public static Value Bool(bool value) => new() { Bool = value };

    public static Value Float(float value) => new() { Float = value };

    public static Value Double(double value) => new() { Double = value };

    public static Value Uint(uint value) => new() { Uint32 = value };

    public static Value Int(int value) => new() { Int32 = value };

    public static Value String(string value) => new() { String = value };

    public static ActuateRequest Actuate(string path, Value value) => new() { SignalId = Path(path), Value = value };
}
