using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Speech.Vad;

/// <summary>
/// Silero VAD v5 loaded once into ONNX Runtime. The session is shared (ONNX Runtime runs are thread-safe); each
/// audio stream gets its own <see cref="SileroVadStream"/> with its recurrent state.
/// </summary>
internal sealed class SileroVadModel : IDisposable
{
    /// <summary>Samples per frame at 16 kHz (32 ms), the only frame size v5 accepts at that rate.</summary>
    public const int FrameSize = 512;

    /// <summary>Samples of the previous frame the model sees in front of each frame, as in Silero's own wrapper.</summary>
    public const int ContextSize = 64;

    /// <summary>Size of the recurrent state tensor [2, 1, 128].</summary>
    public const int StateSize = 2 * 1 * 128;

    /// <summary>The embedded model's resource name.</summary>
    public const string ResourceName = "Cockpit.Speech.Vad.silero_vad_v5.onnx";

    private static readonly string[] RequiredInputs = ["input", "state", "sr"];
    private static readonly string[] RequiredOutputs = ["output", "stateN"];

    private SileroVadModel(InferenceSession session, string source)
    {
        Session = session;
        Source = source;
        foreach (var name in RequiredInputs)
        {
            if (!session.InputMetadata.ContainsKey(name))
            {
                session.Dispose();
                throw new InvalidDataException($"{source}: not a Silero VAD v5 model: no input '{name}'");
            }
        }

        foreach (var name in RequiredOutputs)
        {
            if (!session.OutputMetadata.ContainsKey(name))
            {
                session.Dispose();
                throw new InvalidDataException($"{source}: not a Silero VAD v5 model: no output '{name}'");
            }
        }

        SampleRateShape = session.InputMetadata["sr"].Dimensions.Select(d => (long)Math.Max(d, 1)).ToArray();
    }

    /// <summary>The ONNX Runtime session.</summary>
    public InferenceSession Session { get; }

    /// <summary>Where the model came from (a path or the embedded resource).</summary>
    public string Source { get; }

    /// <summary>The shape the model declares for its <c>sr</c> input (a scalar or one element).</summary>
    public long[] SampleRateShape { get; }

    /// <summary>Loads the model from <paramref name="path"/>, or the embedded copy when null.</summary>
    public static SileroVadModel Load(string? path)
    {
        using var options = new SessionOptions
        {
            // One frame is a few hundred thousand multiply-adds: thread hand-offs would cost more than they save.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (path is not null)
        {
            return new SileroVadModel(new InferenceSession(path, options), path);
        }

        using var resource = typeof(SileroVadModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return new SileroVadModel(new InferenceSession(copy.ToArray(), options), "embedded silero_vad_v5.onnx");
    }

    /// <summary>Starts a new stream with fresh recurrent state.</summary>
    public SileroVadStream CreateStream() => new(this);

    /// <inheritdoc />
    public void Dispose() => Session.Dispose();
}
