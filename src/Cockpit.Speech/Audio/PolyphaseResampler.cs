using System.Buffers;
using System.Numerics;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Streaming band-limited sample-rate converter: a Kaiser-windowed sinc low-pass evaluated as a polyphase filter bank
/// for the exact rational ratio (interpolating between neighbouring phases when the ratio needs more than
/// <see cref="MaxPhases"/>). The cut-off sits at <see cref="PassbandFraction"/> of the lower Nyquist frequency so the
/// whole transition band lies below it: nothing above the output's Nyquist folds back into the speech band.
/// </summary>
/// <remarks>
/// Written here rather than taken from a package: the ratios are arbitrary (44.1 kHz, 22.05 kHz, 11.025 kHz, 48 kHz,
/// 8 kHz), it must stream chunk by chunk with exact positions, and the few lines are covered by tests that measure
/// pass-band error and stop-band leakage.
/// </remarks>
internal sealed class PolyphaseResampler
{
    /// <summary>Zero crossings of the sinc on each side; more means a steeper transition band.</summary>
    public const int ZeroCrossings = 32;

    /// <summary>Cut-off as a fraction of the lower Nyquist frequency (0.9 × 8 kHz = 7.2 kHz for 16 kHz output).</summary>
    public const double PassbandFraction = 0.90;

    /// <summary>The most filter phases kept in the table.</summary>
    public const int MaxPhases = 1024;

    private const double KaiserBeta = 9.0;

    private readonly bool _passThrough;
    private readonly long _up;
    private readonly long _down;
    private readonly int _halfLength;
    private readonly int _taps;
    private readonly int _phases;
    private readonly float[] _table;
    private float[] _buffer;
    private int _bufferCount;
    private long _bufferStart;
    private long _inputCount;
    private long _outputIndex;
    private bool _flushed;

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> Hz.</summary>
    public PolyphaseResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        _passThrough = inputRate == outputRate;
        var gcd = (long)BigInteger.GreatestCommonDivisor(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        var cutoff = 0.5 * Math.Min(1.0, (double)outputRate / inputRate) * PassbandFraction;
        _halfLength = (int)Math.Ceiling(ZeroCrossings / (2 * cutoff));
        _taps = 2 * _halfLength;
        _phases = (int)Math.Min(_up, MaxPhases);
        _table = _passThrough ? [] : BuildTable(cutoff);
        _buffer = new float[Math.Max(4096, _taps * 2)];
        _bufferCount = _halfLength;
        _bufferStart = -_halfLength;
    }

    /// <summary>The input sample rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>The output sample rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Filter taps applied per output sample (0 when the rates are equal).</summary>
    public int TapsPerOutput => _passThrough ? 0 : _taps;

    /// <summary>Converts the next input block and appends the output samples that are now complete.</summary>
    public void Process(ReadOnlySpan<float> input, IBufferWriter<float> output)
    {
        if (_flushed)
        {
            throw new InvalidOperationException("The resampler was flushed.");
        }

        if (_passThrough)
        {
            input.CopyTo(output.GetSpan(input.Length));
            output.Advance(input.Length);
            return;
        }

        Append(input);
        _inputCount += input.Length;
        Drain(output, long.MaxValue);
    }

    /// <summary>Ends the stream: emits the remaining outputs, treating the audio after the end as silence.</summary>
    public void Flush(IBufferWriter<float> output)
    {
        if (_flushed || _passThrough)
        {
            _flushed = true;
            return;
        }

        _flushed = true;
        var total = ((_inputCount * _up) + _down - 1) / _down;
        Span<float> zeros = stackalloc float[256];
        zeros.Clear();
        for (var added = 0; added < _halfLength + 1; added += zeros.Length)
        {
            Append(zeros);
        }

        Drain(output, total);
    }

    private void Drain(IBufferWriter<float> output, long limit)
    {
        var available = _bufferStart + _bufferCount;
        while (_outputIndex < limit)
        {
            var position = _outputIndex * _down;
            var center = position / _up;
            if (center + _halfLength > available - 1)
            {
                break;
            }

            var first = (int)(center - _halfLength + 1 - _bufferStart);
            var window = _buffer.AsSpan(first, _taps);
            var phasePosition = (double)(position % _up) * _phases / _up;
            var phase = (int)phasePosition;
            var weight = (float)(phasePosition - phase);
            var value = Dot(window, _table.AsSpan(phase * _taps, _taps));
            if (weight > 0f)
            {
                value += weight * (Dot(window, _table.AsSpan((phase + 1) * _taps, _taps)) - value);
            }

            output.GetSpan(1)[0] = value;
            output.Advance(1);
            _outputIndex++;
        }

        var keepFrom = (_outputIndex * _down / _up) - _halfLength + 1;
        var drop = (int)Math.Clamp(keepFrom - _bufferStart, 0, _bufferCount);
        if (drop > 0)
        {
            _buffer.AsSpan(drop, _bufferCount - drop).CopyTo(_buffer);
            _bufferCount -= drop;
            _bufferStart += drop;
        }
    }

    private void Append(ReadOnlySpan<float> input)
    {
        if (_bufferCount + input.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _bufferCount + input.Length));
        }

        input.CopyTo(_buffer.AsSpan(_bufferCount));
        _bufferCount += input.Length;
    }

    private float[] BuildTable(double cutoff)
    {
        // Row p holds the taps for a fractional position p / phases; the extra last row (fraction 1) lets every
        // row interpolate with its successor.
        var result = new float[(_phases + 1) * _taps];
        var norm = BesselI0(KaiserBeta);
        for (var p = 0; p <= _phases; p++)
        {
            var fraction = (double)p / _phases;
            var row = result.AsSpan(p * _taps, _taps);
            var sum = 0.0;
            for (var k = 0; k < _taps; k++)
            {
                var t = fraction + _halfLength - 1 - k;
                var u = t / _halfLength;
                var window = Math.Abs(u) >= 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (u * u))) / norm;
                var x = 2 * cutoff * t;
                var sinc = Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
                var h = 2 * cutoff * sinc * window;
                row[k] = (float)h;
                sum += h;
            }

            // Unit gain at DC in every phase, so a constant stays constant whatever the fractional position.
            for (var k = 0; k < _taps; k++)
            {
                row[k] = (float)(row[k] / sum);
            }
        }

        return result;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var half = x / 2;
        for (var k = 1; k < 64; k++)
        {
            term *= half / k;
            var squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
