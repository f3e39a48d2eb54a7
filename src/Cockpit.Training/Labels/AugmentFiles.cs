namespace Cockpit.Training.Labels;

/// <summary>The word lists of <c>data/augment</c>: <c>{name}.{lang}.txt</c>, one entry a line, <c>#</c> comments.</summary>
internal static class AugmentFiles
{
    /// <summary>The entries of one list; empty when the file is absent.</summary>
    /// <param name="directory">The augmentation folder.</param>
    /// <param name="name">The list's name (<c>cancel-tails</c>, <c>connectors</c>, <c>out-of-catalog</c>).</param>
    /// <param name="lang"><c>zh</c> or <c>en</c>.</param>
    public static IReadOnlyList<string> Read(string directory, string name, string lang)
    {
        var path = Path.Combine(directory, $"{name}.{lang}.txt");
        return File.Exists(path) ? [.. File.ReadLines(path).Where(line => line.Length > 0 && !line.StartsWith('#'))] : [];
    }
}
