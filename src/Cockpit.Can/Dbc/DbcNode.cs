namespace Cockpit.Can.Dbc;

/// <summary>A node (ECU) listed in <c>BU_</c>.</summary>
public sealed class DbcNode
{
    internal DbcNode(string name) => Name = name;

    /// <summary>The node name.</summary>
    public string Name { get; }

    /// <summary>The comment from <c>CM_ BU_</c>, or <see langword="null"/>.</summary>
    public string? Comment { get; internal set; }

    /// <summary>Attribute values (<c>BA_ … BU_</c>, defaults filled in): <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</summary>
    public IReadOnlyDictionary<string, object> Attributes => AttributeValues;

    internal Dictionary<string, object> AttributeValues { get; } = new(StringComparer.Ordinal);
}
