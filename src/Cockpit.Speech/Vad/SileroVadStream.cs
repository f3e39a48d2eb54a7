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

    private readonly SileroVadModel _model;
    private readonly float[] _input = new float[SileroVadModel.ContextSize + SileroVadModel.FrameSize];
    private readonly float[][] _states = [new float[SileroVadModel.StateSize], new float[SileroVadModel.StateSize]];
    private readonly float[] _probability = new float[1];
    private readonly long[] _sampleRate = [16_000];
    private readonly OrtValue _inputValue;
    private readonly OrtValue[] _stateValues;
    private readonly OrtValue _outputValue;
    private readonly OrtValue _sampleRateValue;
    private readonly RunOptions _runOptions = new();
    private int _current;

    internal SileroVadStream(SileroVadModel model)
    {
        _model = model;
        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length]);
        _stateValues =
        [
            OrtValue.CreateTensorValueFromMemory(_states[0], [2, 1, 128]),
            OrtValue.CreateTensorValueFromMemory(_states[1], [2, 1, 128]),
        ];
        _outputValue = OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]);
        _sampleRateValue = OrtValue.CreateTensorValueFromMemory(_sampleRate, model.SampleRateShape);
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

        frame.CopyTo(_input.AsSpan(SileroVadModel.ContextSize));

        // The state is ping-ponged between two bound buffers: this frame's output state is the next frame's input.
        var next = 1 - _current;
        _model.Session.Run(
            _runOptions,
            InputNames,
            [_inputValue, _stateValues[_current], _sampleRateValue],
            OutputNames,
            [_outputValue, _stateValues[next]]);
        _current = next;
        _input.AsSpan(SileroVadModel.FrameSize, SileroVadModel.ContextSize).CopyTo(_input);
        Frames++;
        return _probability[0];
    }

    /// <summary>Forgets the recurrent state and the context (a new utterance on the same stream).</summary>
    public void Reset()
    {
        Array.Clear(_states[0]);
        Array.Clear(_states[1]);
        Array.Clear(_input);
        _current = 0;
        Frames = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inputValue.Dispose();
        _stateValues[0].Dispose();
        _stateValues[1].Dispose();
        _outputValue.Dispose();
        _sampleRateValue.Dispose();
        _runOptions.Dispose();
    }
}
