namespace Cockpit.Understanding;

/// <summary>What kind of value an utterance said.</summary>
public enum ActionValueKind
{
    /// <summary>A plain number in the function's unit ("22 degrees", "fifty percent").</summary>
    Number,

    /// <summary>A level ("level two", "三档").</summary>
    Level,

    /// <summary>An enumerated value of the function, in its catalog spelling (<c>BLUE</c>, <c>FAST</c>).</summary>
    Enum,
}
