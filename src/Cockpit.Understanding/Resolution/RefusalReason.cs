namespace Cockpit.Understanding.Resolution;

/// <summary>Why a call cannot be carried out.</summary>
public enum RefusalReason
{
    /// <summary>The value is outside the function's range; the message says the range.</summary>
    OutOfRange,

    /// <summary>The call names a function the catalog does not have.</summary>
    UnknownFunction,

    /// <summary>The function does not accept the operation.</summary>
    UnsupportedOperation,

    /// <summary>The function does not exist for the named seat (e.g. massage in the rear).</summary>
    UnsupportedZone,

    /// <summary>The call needs a value that was not said.</summary>
    MissingValue,

    /// <summary>A follow-up ("a bit higher") without a previous turn to refer to; ask back (outcome <c>clarify</c>).</summary>
    NeedsContext,
}
