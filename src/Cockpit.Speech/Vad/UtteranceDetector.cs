using Cockpit.Speech.Audio;

namespace Cockpit.Speech.Vad;

/// <summary>
/// Reads an audio source frame by frame through Silero VAD and the endpointer until one utterance has ended (or the
/// audio has), keeping only as much audio before the speech as the pre-roll needs.
/// </summary>
/// <remarks>
/// Silero's probability stays high for 50–250 ms after the last sound (its recurrent state and 64-sample context;
/// longer in noise). So once <see cref="RefineAfter"/> of non-speech frames have followed the speech, their level
/// serves as the noise floor and the end is moved back (by at most 160 ms) to the last 30 ms window (10 ms steps)
/// above it: the utterance end lands on the last sound and the trailing silence counts from there.
/// </remarks>
internal sealed class UtteranceDetector(SileroVadModel model, EndpointerSettings settings)
{
    private const int FrameSize = SileroVadModel.FrameSize;
    private const int Window = 480;
    private const int Hop = 160;
    private const int RefineAfter = 6 * FrameSize;
    private const int RefineSearch = 5 * FrameSize;

    /// <summary>Detects the next utterance in <paramref name="source"/>.</summary>
    /// <exception cref="AudioInputException">Bad audio, or a push-to-talk utterance over the maximum length.</exception>
    public async Task<Utterance> DetectAsync(IAudioSource source, CancellationToken cancellationToken)
    {
        using var vad = model.CreateStream();
        var endpointer = new Endpointer(settings);
        var audio = new SampleBuffer();
        var frame = new float[FrameSize];
        var filled = 0;
        var ended = false;
        while (!ended)
        {
            var read = await source.ReadAsync(frame.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (filled > 0)
                {
                    Array.Clear(frame, filled, FrameSize - filled);
                    audio.Append(frame.AsSpan(0, filled));
                    endpointer.Push(vad.Process(frame), filled);
                }

                endpointer.Finish();
                break;
            }

            filled += read;
            if (filled < FrameSize)
            {
                continue;
            }

            filled = 0;
            audio.Append(frame);
            ended = endpointer.Push(vad.Process(frame), FrameSize);
            if (!ended && endpointer.Triggered && !endpointer.IsEndRefined && endpointer.Position - endpointer.LastSpeechEnd >= RefineAfter)
            {
                endpointer.RefineEnd(LastSound(audio, endpointer.LastSpeechEnd, endpointer.Position));
            }
            if (settings.Mode == EndpointingMode.PushToTalk && endpointer.Triggered
                && endpointer.Position - endpointer.SpeechStart > settings.MaxUtteranceSamples)
            {
                throw new AudioInputException(
                    AudioErrorKind.TooLong,
                    $"utterance is longer than the limit of {settings.MaxUtteranceSamples / 16_000.0:0.###} s");
            }

            if (!endpointer.Triggered)
            {
                // Before speech only the pre-roll and a possible start run can still be needed.
                audio.TrimBefore(endpointer.Position - settings.PreRollSamples - settings.MinSpeechSamples - FrameSize);
            }
        }

        return Build(endpointer, audio);
    }

    private Utterance Build(Endpointer endpointer, SampleBuffer audio)
    {
        var duration = Seconds(endpointer.Position);
        if (!endpointer.Ended)
        {
            return new Utterance(ReadOnlyMemory<float>.Empty, TimeSpan.Zero, TimeSpan.Zero, duration, duration, UtteranceEndReason.NoSpeech);
        }

        var from = Math.Max(audio.Start, endpointer.SpeechStart - settings.PreRollSamples);
        var to = Math.Min(audio.End, endpointer.SpeechEnd + settings.TailPaddingSamples);
        return new Utterance(
            audio.Slice(from, to),
            Seconds(endpointer.SpeechStart),
            Seconds(endpointer.SpeechEnd),
            duration,
            duration,
            endpointer.EndReason);
    }

    /// <summary>
    /// The end of the last 30 ms window (in 10 ms steps) before <paramref name="speechEnd"/>, searching back at most
    /// 160 ms (the VAD's usual lag), whose level is above every window of the noise that followed (after pre-emphasis)
    /// between <paramref name="speechEnd"/> + 32 ms and <paramref name="position"/>.
    /// </summary>
    private static long LastSound(SampleBuffer audio, long speechEnd, long position)
    {
        var floors = new List<float>();
        for (var at = speechEnd + FrameSize; at + Window <= position; at += Hop)
        {
            floors.Add(audio.Rms(at, Window));
        }

        var floor = floors.Max();
        var lowest = Math.Max(audio.Start, speechEnd - RefineSearch);
        for (var at = speechEnd - Window; at >= lowest; at -= Hop)
        {
            if (audio.Rms(at, Window) > floor)
            {
                // The window is louder than the noise; its last 10 ms is where the sound may still be.
                return at + Window;
            }
        }

        return speechEnd;
    }

    private static TimeSpan Seconds(long samples) => TimeSpan.FromSeconds(samples / 16_000.0);

    /// <summary>Audio kept from an absolute sample index on.</summary>
    private sealed class SampleBuffer
    {
        private float[] _data = new float[16_000];
        private int _count;

        public long Start { get; private set; }

        public long End => Start + _count;

        public void Append(ReadOnlySpan<float> samples)
        {
            if (_count + samples.Length > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, _count + samples.Length));
            }

            samples.CopyTo(_data.AsSpan(_count));
            _count += samples.Length;
        }

        public void TrimBefore(long index)
        {
            var drop = (int)Math.Clamp(index - Start, 0, _count);
            if (drop < 8 * FrameSize)
            {
                return;
            }

            _data.AsSpan(drop, _count - drop).CopyTo(_data);
            _count -= drop;
            Start += drop;
        }

        /// <summary>Level of a window after pre-emphasis, so fricatives stand out against low-frequency cabin noise.</summary>
        public float Rms(long from, int count)
        {
            var first = (int)(from - Start);
            var sum = 0.0;
            for (var i = Math.Max(first, 1); i < first + count; i++)
            {
                var x = _data[i] - (0.95f * _data[i - 1]);
                sum += x * x;
            }

            return (float)Math.Sqrt(sum / count);
        }

        public float[] Slice(long from, long to) => _data.AsSpan((int)(from - Start), (int)Math.Max(0, to - from)).ToArray();
    }
}
