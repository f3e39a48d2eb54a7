using Cockpit.Speech.Recognition.Ggml;

namespace Cockpit.Speech.Tests.TestSupport;

/// <summary>
/// A tiny Whisper model with random weights written in ggml format once per test run (d = 64, 2 + 2 layers, 6 s
/// window, f16, the full 51865-token id space with a 256-byte + domain-word vocabulary), so the real loader and
/// decoder run in CI. Its text is meaningless.
/// </summary>
internal static class TinyWhisperModel
{
    // The model and its malformed variants (about 7 MB each) live in one folder per test run, removed at exit.
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("cockpit-speech-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return directory;
    });

    private static readonly Lazy<string> Written = new(() =>
    {
        var path = Path.Combine(Folder.Value, "ggml-tiny-random.bin");
        GgmlWhisperModelWriter.WriteRandom(path, GgmlWhisperModelWriter.TinyHyperParameters(), Vocabulary(), seed: 7);
        return path;
    });

    /// <summary>The model file's path.</summary>
    public static string FilePath => Written.Value;

    public static List<byte[]> Vocabulary() => GgmlWhisperModelWriter.ByteVocabulary("打开", "天窗", "除雾", "主驾", " open", " sunroof", " defroster");

    /// <summary>A scratch path for a variant of the model.</summary>
    public static string ScratchPath(string name) => Path.Combine(Folder.Value, name);
}
