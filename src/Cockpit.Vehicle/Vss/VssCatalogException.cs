namespace Cockpit.Vehicle.Vss;

/// <summary>A VSS catalog file that cannot be read; the message names the file, the path and the reason.</summary>
public sealed class VssCatalogException(string source, string path, string reason)
    : Exception($"{source}: {path}: {reason}")
{
    /// <summary>The catalog file or resource.</summary>
    public string CatalogSource { get; } = source;

    /// <summary>The VSS path of the offending node.</summary>
    public string Path { get; } = path;
}
