namespace Cockpit.Gui.Hmi;

/// <summary>Why an action was refused; each maps to one gRPC status code.</summary>
internal enum HmiErrorKind
{
    /// <summary>No such element on the current screen, or no such track, place or contact.</summary>
    NotFound,

    /// <summary>The element is disabled or off screen, or the vehicle refused or could not take the write.</summary>
    FailedPrecondition,

    /// <summary>The action does not fit the element or its arguments are wrong.</summary>
    InvalidArgument,
}
