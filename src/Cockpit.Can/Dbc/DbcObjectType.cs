namespace Cockpit.Can.Dbc;

/// <summary>The kind of object an attribute definition (<c>BA_DEF_</c>) applies to.</summary>
public enum DbcObjectType
{
    /// <summary>The whole database (no object keyword).</summary>
    Network,

    /// <summary>A node (<c>BU_</c>).</summary>
    Node,

    /// <summary>A message (<c>BO_</c>).</summary>
    Message,

    /// <summary>A signal (<c>SG_</c>).</summary>
    Signal,

    /// <summary>An environment variable (<c>EV_</c>).</summary>
    EnvironmentVariable,
}
