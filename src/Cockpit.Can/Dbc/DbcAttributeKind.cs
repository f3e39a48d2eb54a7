namespace Cockpit.Can.Dbc;

/// <summary>The value type of an attribute definition (<c>BA_DEF_ … INT|HEX|FLOAT|STRING|ENUM</c>).</summary>
public enum DbcAttributeKind
{
    /// <summary><c>INT</c>: values are <see cref="long"/>.</summary>
    Integer,

    /// <summary><c>HEX</c>: values are <see cref="long"/>.</summary>
    Hex,

    /// <summary><c>FLOAT</c>: values are <see cref="double"/>.</summary>
    Float,

    /// <summary><c>STRING</c>: values are <see cref="string"/>.</summary>
    String,

    /// <summary><c>ENUM</c>: values are the <see cref="string"/> names; the file stores their index.</summary>
    Enumeration,
}
