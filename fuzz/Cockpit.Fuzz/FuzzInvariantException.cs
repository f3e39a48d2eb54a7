namespace Cockpit.Fuzz;

/// <summary>A target's own check failed: the parser returned normally, but with a result that must not be (a finding).</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzInvariantException()
    {
    }

    /// <summary>Creates the exception with what was wrong.</summary>
    /// <param name="message">What was wrong.</param>
    public FuzzInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what was wrong and its cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FuzzInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
