namespace Cockpit.Understanding.Catalog;

/// <summary>The kind of value a catalog function takes.</summary>
public enum CatalogValueType
{
    /// <summary>No value (a screen action such as "go back").</summary>
    None,

    /// <summary>A boolean actuator.</summary>
    Bool,

    /// <summary>A number with a range, a step and a relative step.</summary>
    Number,

    /// <summary>A level 0..n mapped to VSS values through <see cref="CatalogValue.Levels"/> and <see cref="CatalogValue.Sign"/>.</summary>
    Level,

    /// <summary>One of <see cref="CatalogValue.Values"/>.</summary>
    Enum,

    /// <summary>A command actuator: the value comes from the operation (<c>open</c> → <c>OPEN</c>).</summary>
    Command,

    /// <summary>A free-text span of the utterance (a track, a place, a contact).</summary>
    Text,
}
