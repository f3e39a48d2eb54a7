using System.Text;

namespace Cockpit.Speech.Training;

/// <summary>
/// The domain token table. File ids 0 … n−1 are text units (id 0 is the one-byte <c>" "</c> whisper.cpp's blank
/// suppression needs); the special tokens keep whisper.cpp's fixed multilingual ids. The model trains on a compact
/// table: the text units, then <see cref="Specials"/>; every other row of the exported 51865-row embedding is zero.
/// </summary>
internal sealed class SpeechVocabulary
{
    public const int FullVocabulary = 51865;
    public const int EndOfText = 50257;
    public const int StartOfTranscript = 50258;
    public const int English = 50259;
    public const int Mandarin = 50260;
    public const int Transcribe = 50359;
    public const int NoTimestamps = 50363;

    /// <summary>Special ids in compact order after the text units.</summary>
    public static readonly int[] Specials = [EndOfText, StartOfTranscript, English, Mandarin, Transcribe, NoTimestamps];

    private readonly Dictionary<string, int> _ids;

    public SpeechVocabulary(IEnumerable<string> units)
    {
        Units = [" ", .. units.Where(u => u != " ").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _ids = Units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The text units by file id.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Rows of the compact embedding: text units then specials.</summary>
    public int CompactSize => Units.Count + Specials.Length;

    /// <summary>The compact row of end-of-text, the last target of every transcript.</summary>
    public int CompactEndOfText => Units.Count;

    /// <summary>Full-table id of a compact row.</summary>
    public int FullId(int compact) => compact < Units.Count ? compact : Specials[compact - Units.Count];

    /// <summary>Compact rows of the decoder prefix whisper.cpp feeds a 2-layer (no-timestamps) model.</summary>
    public int[] Prefix(string lang) => [Compact(StartOfTranscript), Compact(lang == "zh" ? Mandarin : English), Compact(Transcribe), Compact(NoTimestamps)];

    /// <summary>Compact rows of a transcript's units, or null when a unit is not in the table.</summary>
    public int[]? Encode(string transcript)
    {
        var units = SpokenText.Units(transcript);
        var result = new int[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            if (!_ids.TryGetValue(units[i], out result[i]))
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>The vocabulary section of the model file.</summary>
    public List<byte[]> FileVocabulary() => [.. Units.Select(Encoding.UTF8.GetBytes)];

    public void Save(string path) => File.WriteAllLines(path, Units.Skip(1), new UTF8Encoding(false));

    public static SpeechVocabulary Load(string path) => new(File.ReadAllLines(path, Encoding.UTF8));

    private int Compact(int fullId) => Units.Count + Array.IndexOf(Specials, fullId);
}
