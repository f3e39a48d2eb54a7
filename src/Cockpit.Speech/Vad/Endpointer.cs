namespace Cockpit.Speech.Vad;

/// <summary>
/// Decides from per-frame speech probabilities where an utterance starts and ends. Speech starts when
/// <see cref="EndpointerSettings.MinSpeechSamples"/> of frames at or above the threshold accumulate (dated back to the
/// first of them; a frame under the lower threshold breaks the run); it ends at the last frame at or above the
/// threshold — or, once the caller has measured it in the audio, at the last sound (<see cref="RefineEnd"/>) — once the
/// trailing silence has passed since then, or when the utterance reaches its maximum length.
/// </summary>
/// <remarks>
/// The end is not taken from the lower threshold, as Silero's own iterator does: the probability decays over
/// 100–250 ms after the last sound, more in noise, which would put the end late and the end-of-speech decision past
/// 700 ms with the default 600 ms of trailing silence.
/// </remarks>
internal sealed class Endpointer(EndpointerSettings settings)
{
    private long? _runStart;
    private long _runSamples;
    private long _lastSpeechEnd;
    private long? _refinedEnd;
    private long _position;

    /// <summary>Whether speech has started.</summary>
    public bool Triggered { get; private set; }

    /// <summary>Whether the utterance has ended.</summary>
    public bool Ended { get; private set; }

    /// <summary>The first speech sample, once triggered.</summary>
    public long SpeechStart { get; private set; }

    /// <summary>One past the last speech sample, once ended.</summary>
    public long SpeechEnd { get; private set; }

    /// <summary>Why the utterance ended.</summary>
    public UtteranceEndReason EndReason { get; private set; } = UtteranceEndReason.NoSpeech;

    /// <summary>Samples consumed so far.</summary>
    public long Position => _position;

    /// <summary>One past the last frame at or above the threshold, once triggered.</summary>
    public long LastSpeechEnd => _lastSpeechEnd;

    /// <summary>Whether the end has been refined since the last speech frame.</summary>
    public bool IsEndRefined => _refinedEnd is not null;

    /// <summary>
    /// Sets where the sound really stopped (at or before <see cref="LastSpeechEnd"/>), measured in the audio: the
    /// trailing silence then counts from there. A later speech frame discards it.
    /// </summary>
    public void RefineEnd(long end) => _refinedEnd = Math.Clamp(end, SpeechStart, _lastSpeechEnd);

    /// <summary>Takes the next frame's probability; returns true when this frame ended the utterance.</summary>
    public bool Push(float probability, int frameSamples)
    {
        var start = _position;
        _position += frameSamples;
        if (Ended)
        {
            return false;
        }

        if (!Triggered)
        {
            if (probability >= settings.Threshold)
            {
                _runStart ??= start;
                _runSamples += frameSamples;
                if (_runSamples >= settings.MinSpeechSamples)
                {
                    Triggered = true;
                    SpeechStart = _runStart.Value;
                    _lastSpeechEnd = _position;
                }
            }
            else if (probability < settings.NegativeThreshold)
            {
                _runStart = null;
                _runSamples = 0;
            }

            return false;
        }

        if (probability >= settings.Threshold)
        {
            _lastSpeechEnd = _position;
            _refinedEnd = null;
        }

        if (settings.Mode == EndpointingMode.Continuous)
        {
            var end = _refinedEnd ?? _lastSpeechEnd;
            if (_position - end >= settings.TrailingSilenceSamples)
            {
                return End(end, UtteranceEndReason.TrailingSilence);
            }

            if (_position - SpeechStart >= settings.MaxUtteranceSamples)
            {
                return End(_position, UtteranceEndReason.MaxLength);
            }
        }

        return false;
    }

    /// <summary>The audio has ended: closes an open utterance at its last speech frame.</summary>
    public void Finish()
    {
        if (Triggered && !Ended)
        {
            End(_refinedEnd ?? _lastSpeechEnd, UtteranceEndReason.EndOfAudio);
        }
    }

    private bool End(long end, UtteranceEndReason reason)
    {
        Ended = true;
        SpeechEnd = end;
        EndReason = reason;
        return true;
    }
}
