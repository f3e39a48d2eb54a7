using System.Text;
using Cockpit.Agent.Evaluation;
using Cockpit.Can.Dbc;
using Cockpit.Can.Logging;
using Cockpit.Gui.Screens;
using Cockpit.Speech.Audio;
using Cockpit.Understanding.Text;
using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Fuzz;

/// <summary>
/// One fuzz target per parser that reads a file or text a stranger can hand the car. Each target feeds the input to the
/// parser and swallows only that parser's documented error (<see cref="DbcParseException"/>, <see cref="CandumpFormatException"/>,
/// ScenarioFileException, <see cref="AudioInputException"/>, <see cref="VssDbcMappingException"/>, ScreenFileException,
/// <see cref="ArgumentException"/> from <see cref="VssPathPattern.Parse"/>, <see cref="FormatException"/> from the scope path
/// pattern); anything else escapes, and is a finding, as is a broken invariant (<see cref="FuzzInvariantException"/>).
/// fuzz/run.sh calls this under AFL; tests/Cockpit.Fuzz.Tests replays the committed corpus (fuzz/corpus/&lt;target&gt;/)
/// through it in process.
/// </summary>
public static class FuzzTargets
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Lazy<Tokenizer> ShippedTokenizer = new(() =>
        Tokenizer.FromFile(Path.Combine(AppContext.BaseDirectory, "models", "understanding", "vocab.txt")));

    private static readonly Dictionary<string, Action<Stream>> Targets = new(StringComparer.Ordinal)
    {
        ["dbc"] = Dbc,
        ["candump"] = Candump,
        ["scenario"] = ScenarioFile,
        ["tokenizer"] = TokenizerAndNumerals,
        ["wav"] = Wav,
        ["vssdbc"] = VssDbc,
        ["screens"] = Screens,
        ["numerals"] = NumeralsAndSpans,
        ["pathpattern"] = PathPatterns,
    };

    /// <summary>Gets the target names, as given on the command line and used as corpus folder names.</summary>
    public static IReadOnlyCollection<string> Names => Targets.Keys;

    /// <summary>Runs one input through one target; returns normally when the parser accepted or rejected it as documented.</summary>
    /// <param name="target">A name from <see cref="Names"/>.</param>
    /// <param name="input">The input, read to its end.</param>
    public static void Run(string target, Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Targets.TryGetValue(target, out var run))
        {
            throw new ArgumentException($"unknown fuzz target '{target}'; expected one of {string.Join(", ", Names)}", nameof(target));
        }

        run(input);
    }

    private static byte[] ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Dbc(Stream input)
    {
        try
        {
            var database = DbcParser.Parse(ReadAll(input), "fuzz.dbc");
            _ = database.Messages.Count;
        }
        catch (DbcParseException)
        {
        }
    }

    private static void Candump(Stream input)
    {
        try
        {
            using var reader = new StreamReader(input, Utf8);
            foreach (var record in new CandumpReader(reader, "fuzz.log").ReadAll())
            {
                _ = record.Frame.Data.Length;
            }
        }
        catch (CandumpFormatException)
        {
        }
    }

    private static void ScenarioFile(Stream input)
    {
        // The reader takes a path (audio paths resolve against its folder), so the input goes to a per-process file.
        var path = Path.Combine(Path.GetTempPath(), $"cockpit-fuzz-{Environment.ProcessId}.jsonl");
        File.WriteAllBytes(path, ReadAll(input));
        try
        {
            _ = ScenarioFileReader.Read(path).Count;
        }
        catch (ScenarioFileException)
        {
        }
    }

    private static void TokenizerAndNumerals(Stream input)
    {
        var text = Utf8.GetString(ReadAll(input));
        var tokenizer = ShippedTokenizer.Value;
        foreach (var token in tokenizer.Encode(text))
        {
            _ = tokenizer.TokenText(token.Id);
        }

        foreach (var (word, _, _) in Tokenizer.PreTokenize(text))
        {
            _ = Numerals.TryParse(word, out _);
        }

        _ = Numerals.TryParse(text, out _);
    }

    /// <summary>
    /// Every text must parse or not, to a finite value (never ∞ or NaN: those pass range checks), and a number span widened
    /// around any word must stay inside the text and contain the word. Spans are widened in the first 256 characters and
    /// for at most 32 words (widening is quadratic in a run of numerals; an utterance is at most 500 characters).
    /// </summary>
    private static void NumeralsAndSpans(Stream input)
    {
        var text = Utf8.GetString(ReadAll(input));
        CheckFinite(text);
        foreach (var line in text.Split('\n'))
        {
            CheckFinite(line);
        }

        var head = text.Length > 256 ? text[..256] : text;
        foreach (var (word, start, _) in Tokenizer.PreTokenize(head).Take(32))
        {
            var end = Math.Min(start + word.Length, head.Length);
            CheckFinite(word);
            var (s, e) = NumeralSpans.Widen(head, start, end);
            if (s < 0 || s > start || e < end || e > head.Length)
            {
                throw new FuzzInvariantException($"Widen({start}, {end}) gave ({s}, {e}) in a text of {head.Length} characters");
            }

            CheckFinite(head[s..e]);
            _ = NumeralSpans.IsPercent(head, s, e);
        }

        static void CheckFinite(string text)
        {
            if (Numerals.TryParse(text, out var value) && !double.IsFinite(value))
            {
                throw new FuzzInvariantException($"Numerals.TryParse read {value}");
            }
        }
    }

    /// <summary>
    /// The input up to its first line break is a pattern, the rest a path; both pattern kinds parse it (or reject it with
    /// their documented error) and match the path, and a parsed pattern must match its own text.
    /// </summary>
    private static void PathPatterns(Stream input)
    {
        var text = Utf8.GetString(ReadAll(input));
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var (pattern, path) = newline < 0 ? (text, "") : (text[..newline], text[(newline + 1)..]);
        VssPathPattern? vss = null;
        try
        {
            vss = VssPathPattern.Parse(pattern);
        }
        catch (ArgumentException error) when (error.GetType() == typeof(ArgumentException))
        {
            // The documented rejection; a subclass (ArgumentOutOfRangeException, …) escapes as a finding.
        }

        if (vss is not null)
        {
            _ = vss.Matches(path);
            if (!vss.Matches(pattern))
            {
                throw new FuzzInvariantException("a VSS path pattern does not match its own text");
            }
        }

        ScopePathPattern? scope = null;
        try
        {
            scope = ScopePathPattern.Parse(pattern);
        }
        catch (FormatException error) when (error.GetType() == typeof(FormatException))
        {
        }

        if (scope is not null)
        {
            _ = scope.Matches(path);
            if (!scope.Matches(pattern))
            {
                throw new FuzzInvariantException("a scope path pattern does not match its own text");
            }
        }
    }

    private static void Wav(Stream input)
    {
        try
        {
            var source = WavAudioSource.OpenAsync(input, TimeSpan.FromSeconds(30), leaveOpen: true).GetAwaiter().GetResult();
            var samples = new float[4096];
            while (source.ReadAsync(samples, CancellationToken.None).AsTask().GetAwaiter().GetResult() > 0)
            {
            }
        }
        catch (AudioInputException)
        {
        }
    }

    private static void VssDbc(Stream input)
    {
        try
        {
            _ = VssDbcMappingReader.Read(input, "fuzz.vss_dbc.json");
        }
        catch (VssDbcMappingException)
        {
        }
    }

    private static void Screens(Stream input)
    {
        // The screen file is fuzzed against the shipped content file.
        using var content = typeof(ScreenFileReader).Assembly.GetManifestResourceStream("Cockpit.Gui.Screens.content.json")
            ?? throw new InvalidOperationException("content.json is not embedded in Cockpit.Gui");
        try
        {
            _ = ScreenFileReader.Read(input, content);
        }
        catch (ScreenFileException)
        {
        }
    }
}
