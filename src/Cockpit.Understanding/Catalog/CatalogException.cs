namespace Cockpit.Understanding.Catalog;

/// <summary>The action catalog is malformed or inconsistent.</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the function or zone.</param>
    public CatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause.</param>
    public CatalogException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
