using System.Collections.Frozen;

namespace Cockpit.Vehicle.Vss;

/// <summary>
/// The flat map from VSS path to entry that every part of the vehicle service uses.
/// Built once from a vss-tools JSON file by <see cref="VssCatalogReader"/>.
/// </summary>
public sealed class VssCatalog
{
    private readonly VssEntry[] _byId;
    private readonly FrozenDictionary<string, VssEntry> _byPath;

    /// <summary>Creates a catalog from entries whose ids are 1..N in order.</summary>
    public VssCatalog(IReadOnlyList<VssEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var index = 0; index < entries.Count; index++)
        {
            if (entries[index].Id != index + 1)
            {
                throw new ArgumentException($"entry {entries[index].Path} has id {entries[index].Id}, expected {index + 1}", nameof(entries));
            }
        }

        _byId = [.. entries];
        _byPath = entries.ToFrozenDictionary(entry => entry.Path, StringComparer.Ordinal);
    }

    /// <summary>All entries, ordered by id.</summary>
    public IReadOnlyList<VssEntry> Entries => _byId;

    /// <summary>Number of signals.</summary>
    public int Count => _byId.Length;

    /// <summary>Finds an entry by path.</summary>
    public bool TryGet(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VssEntry? entry) =>
        _byPath.TryGetValue(path, out entry);

    /// <summary>Finds an entry by id.</summary>
    public bool TryGet(int id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VssEntry? entry)
    {
        entry = id >= 1 && id <= _byId.Length ? _byId[id - 1] : null;
        return entry is not null;
    }

    /// <summary>The entry at a path; throws <see cref="Signals.SignalNotFoundException"/> when unknown.</summary>
    public VssEntry Get(string path) =>
        TryGet(path, out var entry) ? entry : throw new Signals.SignalNotFoundException(path);

    /// <summary>
    /// Entries matching a branch, a leaf path, or a pattern where <c>*</c> stands for one level and
    /// <c>**</c> for any number of levels (e.g. <c>Vehicle.Cabin.Door.*.*.IsOpen</c>).
    /// </summary>
    public IEnumerable<VssEntry> Match(string pattern)
    {
        var matcher = VssPathPattern.Parse(pattern);
        return _byId.Where(entry => matcher.Matches(entry.Path));
    }
}
