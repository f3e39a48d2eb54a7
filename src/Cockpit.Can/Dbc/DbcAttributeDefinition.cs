namespace Cockpit.Can.Dbc;

/// <summary>An attribute definition (<c>BA_DEF_</c>) with its default (<c>BA_DEF_DEF_</c>).</summary>
public sealed class DbcAttributeDefinition
{
    internal DbcAttributeDefinition(string name, DbcObjectType objectType, DbcAttributeKind kind)
    {
        Name = name;
        ObjectType = objectType;
        Kind = kind;
    }

    /// <summary>The attribute name, e.g. <c>GenMsgCycleTime</c>.</summary>
    public string Name { get; }

    /// <summary>The kind of object the attribute applies to.</summary>
    public DbcObjectType ObjectType { get; }

    /// <summary>The value type.</summary>
    public DbcAttributeKind Kind { get; }

    /// <summary>The smallest allowed value for numeric kinds; <see langword="null"/> otherwise.</summary>
    public double? Minimum { get; internal set; }

    /// <summary>The largest allowed value for numeric kinds; <see langword="null"/> otherwise.</summary>
    public double? Maximum { get; internal set; }

    /// <summary>The names of an <see cref="DbcAttributeKind.Enumeration"/>, in index order; empty otherwise.</summary>
    public IReadOnlyList<string> EnumValues { get; internal set; } = [];

    /// <summary>The default value (<see cref="long"/>, <see cref="double"/> or <see cref="string"/>), or <see langword="null"/> when none is given.</summary>
    public object? DefaultValue { get; internal set; }
}
