namespace Cockpit.Can.Tests.Infrastructure;

/// <summary>
/// Finds the real DBC files in <c>shared/dbc</c>, which CI clones beside the repository. The search walks up from
/// the test binaries, so it works from any build output folder.
/// </summary>
internal static class SharedDbcFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Directory => Root.Value;

    public static IEnumerable<string> All =>
        System.IO.Directory.EnumerateFiles(Directory, "*.dbc", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>xunit member data: one row per file, as a path relative to <c>shared/dbc</c>.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in All)
            {
                data.Add(Path.GetRelativePath(Directory, path).Replace('\\', '/'));
            }

            return data;
        }
    }

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "dbc");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/dbc' folder above {AppContext.BaseDirectory}. The CAN tests need the shared DBC files: " +
            "clone the shared folder beside the repository (<repo>/../shared/dbc).");
    }
}
