using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Speech.Vad;

/// <summary>
/// One audio stream through Silero VAD: feeds 512-sample frames with 64 samples of context and carries the
/// recurrent state from frame to frame. Tensors are bound to pinned arrays once, so a frame allocates nothing.
/// Not thread-safe: one stream per utterance reader.
/// </summary>
internal sealed class SileroVadStream : IDisposable
{
    private static readonly string[] InputNames = ["input", "state", "sr"];
    private static readonly string[] OutputNames = ["output", "stateN"];

    private readonly SileroVadModel model;
    private readonly float[] input = new float[SileroVadModel.ContextSize + SileroVadModel.FrameSize];
    private readonly float[][] states = [new float[SileroVadModel.StateSize], new float[SileroVadModel.StateSize]];
    private readonly float[] probability = new float[1];
    private readonly long[] sampleRate = [16_000];
    private readonly OrtValue inputValue;
    private readonly OrtValue[] stateValues;
    private readonly OrtValue outputValue;
    private readonly OrtValue sampleRateValue;
    private readonly RunOptions runOptions = new();
    private int current;

    internal SileroVadStream(SileroVadModel model)
    {
        this.model = model;
        inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, input.Length]);
        stateValues =
        [
            OrtValue.CreateTensorValueFromMemory(states[0], [2, 1, 128]),
            OrtValue.CreateTensorValueFromMemory(states[1], [2, 1, 128]),
        ];
        outputValue = OrtValue.CreateTensorValueFromMemory(probability, [1, 1]);
        sampleRateValue = OrtValue.CreateTensorValueFromMemory(sampleRate, model.SampleRateShape);
    }

    /// <summary>Frames processed since creation or the last <see cref="Reset"/>.</summary>
    public long Frames { get; private set; }

    /// <summary>Returns the speech probability of the next 512-sample frame.</summary>
    public float Process(ReadOnlySpan<float> frame)
    {
        if (frame.Length != SileroVadModel.FrameSize)
        {
            throw new ArgumentException($"a VAD frame is {SileroVadModel.FrameSize} samples, not {frame.Length}", nameof(frame));
        }

        frame.CopyTo(input.AsSpan(SileroVadModel.ContextSize));

        // The state is ping-ponged between two bound buffers: this frame's output state is the next frame's input.
        var next = 1 - current;
        model.Session.Run(
            runOptions,
            InputNames,
            [inputValue, stateValues[current], sampleRateValue],
            OutputNames,
            [outputValue, stateValues[next]]);
        current = next;
        input.AsSpan(SileroVadModel.FrameSize, SileroVadModel.ContextSize).CopyTo(input);
        Frames++;
        return probability[0];
    }

    /// <summary>Forgets the recurrent state and the context (a new utterance on the same stream).</summary>
    public void Reset()
    {
        Array.Clear(states[0]);
        Array.Clear(states[1]);
        Array.Clear(input);
        current = 0;
        Frames = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        inputValue.Dispose();
        stateValues[0].Dispose();
        stateValues[1].Dispose();
        outputValue.Dispose();
        sampleRateValue.Dispose();
        runOptions.Dispose();
    }
}
