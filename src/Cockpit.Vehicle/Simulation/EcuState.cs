using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// What one simulated ECU knows of its own signals: the physical state its models move. The ECU reports it in
/// status frames (or, for the head unit's own signals, straight into the signal store); it never reads the store.
/// Writes are kept in order until <see cref="TakeWrites"/>, so the head unit's own ECU can forward them.
/// </summary>
internal sealed class EcuState
{
    private readonly Dictionary<VssEntry, object?> _values = [];
    private readonly List<(VssEntry Entry, object? Value, bool NotifyUnchanged)> _writes = [];

    /// <summary>The signals this ECU owns.</summary>
    public IEnumerable<VssEntry> Entries => _values.Keys;

    /// <summary>Takes ownership of a signal (with no value yet).</summary>
    public void Own(VssEntry entry) => _values.TryAdd(entry, null);

    /// <summary>Whether the ECU owns the signal.</summary>
    public bool Owns(VssEntry entry) => _values.ContainsKey(entry);

    /// <summary>The ECU's value of a signal; null when it has none or does not own it.</summary>
    public object? GetValue(VssEntry entry) => _values.GetValueOrDefault(entry);

    /// <summary>Sets a value; <paramref name="notifyUnchanged"/> asks that a repeat of the same value is reported too.</summary>
    public void Publish(VssEntry entry, object? value, bool notifyUnchanged = false)
    {
        if (!_values.ContainsKey(entry))
        {
            return; // not this ECU's signal: a model shared by all ECUs reached beyond its own
        }

        _values[entry] = value;
        _writes.Add((entry, value, notifyUnchanged));
    }

    /// <summary>Sets several values in order.</summary>
    public void Publish(IReadOnlyList<(VssEntry Entry, object? Value)> values, bool notifyUnchanged = false)
    {
        foreach (var (entry, value) in values)
        {
            Publish(entry, value, notifyUnchanged);
        }
    }

    /// <summary>The writes since the last call, in order.</summary>
    public List<(VssEntry Entry, object? Value, bool NotifyUnchanged)> TakeWrites()
    {
        var writes = _writes.ToList();
        _writes.Clear();
        return writes;
    }
}
