namespace Cockpit.Can.Dbc;

/// <summary>A node (ECU) listed in <c>BU_</c>.</summary>
public sealed class DbcNode
{
    internal DbcNode(string name) => Name = ShortName = name;

    /// <summary>
    /// The node name: the <c>SystemNodeLongSymbol</c> attribute when the file gives one, otherwise the name in
    /// <c>BU_</c>. Message senders, transmitters and signal receivers use the same name.
    /// </summary>
    public string Name { get; internal set; }

    /// <summary>The name in <c>BU_</c>, cut to 32 characters by some tools (see <see cref="Name"/>).</summary>
    public string ShortName { get; }

    /// <summary>The comment from <c>CM_ BU_</c>, or <see langword="null"/>.</summary>
    public string? Comment { get; internal set; }

    /// <summary>Attribute values (<c>BA_ … BU_</c>, defaults filled in): <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</summary>
    public IReadOnlyDictionary<string, object> Attributes => AttributeValues;

    internal Dictionary<string, object> AttributeValues { get; } = new(StringComparer.Ordinal);

    internal int Line { get; set; }
}
