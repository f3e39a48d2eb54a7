using System.Buffers;
using Cockpit.Speech.Audio;
using Cockpit.Speech.Tests.TestSupport;
using Xunit.Abstractions;

namespace Cockpit.Speech.Tests.Audio;

public sealed class PolyphaseResamplerTests(ITestOutputHelper log)
{
    private static float[] Resample(float[] input, int from, int to, int chunk = 997)
    {
        var resampler = new PolyphaseResampler(from, to);
        var output = new ArrayBufferWriter<float>();
        for (var offset = 0; offset < input.Length; offset += chunk)
        {
            resampler.Process(input.AsSpan(offset, Math.Min(chunk, input.Length - offset)), output);
        }

        resampler.Flush(output);
        return output.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData(48_000)]
    [InlineData(44_100)]
    [InlineData(22_050)]
    [InlineData(11_025)]
    [InlineData(8_000)]
    [InlineData(44_101)]
    public void Process_SineSweepBelowPassband_MatchesIdealSweepWithin50Db(int inputRate)
    {
        // A sweep up to 6 kHz (or 0.36 of a lower input rate) must come out as the same sweep sampled at 16 kHz.
        var top = Math.Min(6_000, inputRate * 0.36);
        var (input, _) = Signals.Sweep(50, top, 2.0, inputRate);

        var output = Resample(input, inputRate, 16_000);

        Assert.InRange(output.Length, 31_999, 32_001);
        var error = 0.0;
        var reference = 0.0;
        for (var i = 1_600; i < output.Length - 1_600; i++)
        {
            var ideal = Signals.SweepAt(50, top, 2.0, i / 16_000.0);
            error += (output[i] - ideal) * (output[i] - ideal);
            reference += ideal * ideal;
        }

        var errorDb = 10 * Math.Log10(error / reference);
        log.WriteLine($"{inputRate} Hz -> 16 kHz: pass-band error {errorDb:0.0} dB");
        Assert.True(errorDb < -50, $"pass-band error {errorDb:0.0} dB");
    }

    [Theory]
    [InlineData(48_000)]
    [InlineData(44_100)]
    [InlineData(32_000)]
    public void Process_SweepAboveOutputNyquist_IsRemovedNotFoldedBack(int inputRate)
    {
        // The whole sweep lies between 8.2 kHz and the input Nyquist: anything left in the output is aliasing.
        var (input, _) = Signals.Sweep(8_200, (inputRate / 2) - 200, 2.0, inputRate);

        var output = Resample(input, inputRate, 16_000);

        var leftDb = Signals.Decibels(Signals.Rms(output.AsSpan(800, output.Length - 1_600)) / Signals.Rms(input));
        log.WriteLine($"{inputRate} Hz -> 16 kHz: stop-band leakage {leftDb:0.0} dB");
        Assert.True(leftDb < -70, $"stop-band leakage {leftDb:0.0} dB");
    }

    [Fact]
    public void Process_FullSweepAt48k_KeepsSpeechBandAndDropsTheRest()
    {
        var (input, frequency) = Signals.Sweep(50, 23_900, 4.0, 48_000);

        var output = Resample(input, 48_000, 16_000);

        // Measure the output level where the sweep passes 1–6 kHz and where it is above 8.5 kHz.
        var inBand = new List<float>();
        var outOfBand = new List<float>();
        for (var i = 0; i < output.Length; i++)
        {
            var hz = frequency[Math.Min(i * 3, frequency.Length - 1)];
            if (hz is > 1_000 and < 6_000)
            {
                inBand.Add(output[i]);
            }
            else if (hz > 8_500)
            {
                outOfBand.Add(output[i]);
            }
        }

        var passDb = Signals.Decibels(Signals.Rms(inBand.ToArray()) / (0.5 / Math.Sqrt(2)));
        var stopDb = Signals.Decibels(Signals.Rms(outOfBand.ToArray()) / (0.5 / Math.Sqrt(2)));
        log.WriteLine($"48 kHz sweep: 1-6 kHz level {passDb:0.000} dB, above 8.5 kHz {stopDb:0.0} dB");
        Assert.InRange(passDb, -0.1, 0.1);
        Assert.True(stopDb < -70, $"above Nyquist: {stopDb:0.0} dB");
    }

    [Fact]
    public void Process_SameRate_PassesSamplesThrough()
    {
        var input = Signals.WhiteNoise(10_000, 0.1f, 3);

        var output = Resample(input, 16_000, 16_000);

        Assert.Equal(input, output);
    }

    [Fact]
    public void Process_ChunkSizes_DoNotChangeTheOutput()
    {
        var input = Signals.WhiteNoise(44_100, 0.1f, 4);

        var whole = Resample(input, 44_100, 16_000, chunk: input.Length);
        var tiny = Resample(input, 44_100, 16_000, chunk: 7);

        Assert.Equal(whole, tiny);
    }

    [Fact]
    public void Process_ConstantSignal_StaysConstant()
    {
        var input = Enumerable.Repeat(0.25f, 22_050).ToArray();

        var output = Resample(input, 22_050, 16_000);

        Assert.All(output.AsSpan(400, output.Length - 800).ToArray(), x => Assert.InRange(x, 0.2499f, 0.2501f));
    }
}
