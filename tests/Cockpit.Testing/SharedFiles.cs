namespace Cockpit.Testing;

/// <summary>
/// Finds the project's shared test material: the <c>shared/</c> folder that sits beside the repository
/// (or inside it), located by walking up from the test binaries.
/// </summary>
public static class SharedFiles
{
    /// <summary>The full path of a file under shared/, or null when shared/ or the file is absent.</summary>
    public static string? TryFind(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The full path of a file under shared/; throws with a clear message when it is absent.</summary>
    public static string Find(string relativePath) =>
        TryFind(relativePath) ?? throw new FileNotFoundException(
            $"shared/{relativePath} was not found above {AppContext.BaseDirectory}; the repository expects shared/ beside it", relativePath);
}
