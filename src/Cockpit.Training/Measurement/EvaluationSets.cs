using System.Text.Json.Nodes;
using Cockpit.Training.Labels;

namespace Cockpit.Training.Measurement;

/// <summary>
/// The texts the model is measured on, none of them trained on: the generator's held-out draw (held-out templates and
/// values), the human-written set's dev and test splits (writers who never saw the generator or the phrasebooks;
/// <c>data/eval/human</c>), and MASSIVE's dev partition (intent level).
/// </summary>
internal sealed record EvaluationSets(
    IReadOnlyList<LabeledUtterance> HeldOut,
    IReadOnlyList<LabeledUtterance> HumanDev,
    IReadOnlyList<LabeledUtterance> HumanTest,
    IReadOnlyList<MassiveCorpus.Request> MassiveDev)
{
    /// <summary>
    /// The human test texts that no phrasebook holds. Independent writers sometimes write the same short request
    /// ("lock the doors"); this subset is measured on text that earlier models may not have trained on either.
    /// </summary>
    public IReadOnlyList<LabeledUtterance> HumanTestUnseen { get; init; } = HumanTest;

    /// <summary>The languages measured.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh", "en"];

    private static readonly string[] s_humanSplits = ["dev", "test"];

    /// <summary>The human-written set's folder.</summary>
    public const string HumanDirectory = "data/eval/human";

    /// <summary>Loads the human and MASSIVE sets (those present) beside the given held-out draw.</summary>
    /// <param name="heldOut">The generator's held-out utterances.</param>
    /// <param name="humanDirectory">The folder of <c>dev.{zh,en}.tsv</c> and <c>test.{zh,en}.tsv</c>.</param>
    /// <param name="massiveDirectory">MASSIVE's folder (<c>dev.{zh,en}.jsonl</c>), or null.</param>
    /// <param name="massive">The mapping, to keep only scored requests.</param>
    /// <param name="phrasebookDirectory">The phrasebooks, whose texts <see cref="HumanTestUnseen"/> leaves out.</param>
    public static EvaluationSets Load(IReadOnlyList<LabeledUtterance> heldOut, string humanDirectory, string? massiveDirectory, MassiveCorpus? massive, string phrasebookDirectory)
    {
        List<LabeledUtterance> Human(string split) =>
            [.. Languages.Select(lang => Path.Combine(humanDirectory, $"{split}.{lang}.tsv")).Where(File.Exists)
                .SelectMany(path => PhrasebookReader.ReadForEvaluation(path, "human"))];
        var massiveDev = massiveDirectory is null || massive is null
            ? []
            : Languages.Select(lang => Path.Combine(massiveDirectory, $"dev.{lang}.jsonl")).Where(File.Exists)
                .SelectMany(MassiveCorpus.Read).Where(massive.IsScored).ToList();
        var written = Directory.Exists(phrasebookDirectory)
            ? Directory.GetFiles(phrasebookDirectory, "*.tsv").SelectMany(File.ReadLines).Where(line => line.Length > 0 && line[0] != '#').Select(line => TextKey(line.Split('\t')[0])).ToHashSet()
            : [];
        var test = Human("test");
        return new EvaluationSets(heldOut, Human("dev"), test, massiveDev) { HumanTestUnseen = [.. test.Where(u => !written.Contains(TextKey(u.Text)))] };
    }

    /// <summary>
    /// A text's identity for telling training data from evaluation data: letters and digits only, lower case, so that
    /// punctuation, spacing and the phrasebook's <c>|</c> markers do not hide a copy.
    /// </summary>
    public static string TextKey(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>The keys (<see cref="TextKey"/>) of the human-written dev and test texts, which training must not see.</summary>
    /// <param name="humanDirectory">The folder of the human-written set.</param>
    public static HashSet<string> HumanTextKeys(string humanDirectory) =>
        [.. s_humanSplits.SelectMany(split => Languages.Select(lang => Path.Combine(humanDirectory, $"{split}.{lang}.tsv")))
            .Where(File.Exists).SelectMany(path => PhrasebookReader.ReadForEvaluation(path, "human")).Select(u => TextKey(u.Text))];

    /// <summary>Reads a held-out file written by <see cref="WriteHeldOut"/>.</summary>
    /// <param name="path">The JSONL file.</param>
    public static List<LabeledUtterance> ReadHeldOut(string path) =>
        [.. File.ReadLines(path).Where(line => line.Length > 0).Select(line =>
        {
            var o = JsonNode.Parse(line)!.AsObject();
            return new LabeledUtterance(o["text"]!.GetValue<string>(), o["lang"]!.GetValue<string>(), "generator", o["template"]!.GetValue<string>(),
                GoldCall.ParseAlternatives(o["calls"]!.GetValue<string>()), [], []);
        })];

    /// <summary>Writes held-out utterances with the calls the generator meant, in the notation of data/authoring/REQUESTS.md.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="utterances">The utterances.</param>
    public static void WriteHeldOut(string path, IEnumerable<LabeledUtterance> utterances)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        foreach (var u in utterances)
        {
            var o = new JsonObject
            {
                ["text"] = u.Text,
                ["lang"] = u.Lang,
                ["template"] = u.Group,
                ["calls"] = u.IsNothing ? "-" : string.Join(" ; ", u.Gold),
            };
            writer.WriteLine(o.ToJsonString(Understanding.Model.ModelManifest.JsonOptions).Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal));
        }
    }
}
