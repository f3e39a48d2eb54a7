namespace Cockpit.Understanding.Tests;

/// <summary>Locates files in the repository from the test output directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string VssCatalog => Path.Combine(Root, "src", "Cockpit.Vehicle", "Vss", "cockpit-vss.json");

    public static string ShippedModel => Path.Combine(Root, "models", "understanding");

    public static string Probes => Path.Combine(Root, "models", "probes");

    public static string Cache => Path.Combine(Root, "models", "cache");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Repository root (Directory.Build.props) not found.");
    }
}
