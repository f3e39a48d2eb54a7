using Cockpit.Agent.Interactions;
using Cockpit.Speech;
using Cockpit.Speech.Audio;
using Cockpit.Speech.Recognition;
using Cockpit.Understanding;
using Cockpit.Understanding.Phrases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Conversations;

/// <summary>
/// One turn by voice: audio → voice activity and endpointing → recognition (Cockpit.Speech, biased toward
/// <see cref="RecognitionVocabulary"/>) → the text path of <see cref="AgentPipeline"/>. A turn that never reaches the
/// text path (no speech, speech unavailable, bad audio, a recogniser that is unsure) is still logged.
/// </summary>
internal sealed class VoicePipeline(
    SpeechFrontEnd speech,
    IOptions<SpeechOptions> speechOptions,
    AgentPipeline pipeline,
    RecognitionVocabulary vocabulary,
    InteractionLog interactions,
    IOptions<AgentOptions> options,
    ILogger<VoicePipeline> logger)
{
    /// <summary>Whether recognition can run, and if not, why.</summary>
    public (bool Available, string? Reason) Status => (speech.IsAvailable, speech.UnavailableReason);

    /// <summary>
    /// Listens to <paramref name="audio"/> until the utterance ends, then carries it out. Throws
    /// <see cref="AudioInputException"/> for bad audio and <see cref="SpeechUnavailableException"/> when there is
    /// no recogniser; both after logging the turn.
    /// </summary>
    public async Task<(Transcript? Transcript, TurnResult Turn)> ConverseAsync(IAudioSource audio, TurnRequest request, CancellationToken cancellationToken)
    {
        if (!speech.IsAvailable)
        {
            LogUnfinished(request, "failed", speech.UnavailableReason ?? "speech unavailable");
            throw new SpeechUnavailableException(speech.UnavailableReason ?? "speech unavailable");
        }

        Transcript transcript;
        try
        {
            transcript = await speech.TranscribeAsync(audio, request.Language, vocabulary.For(request.Language), cancellationToken);
        }
        catch (AudioInputException error)
        {
            LogUnfinished(request, "failed", error.Message);
            throw;
        }

        var language = request.Language ?? transcript.Language;
        var voice = new VoiceInfo(transcript.AudioDuration, transcript.Confidence, transcript.Timings.Recognition);
        if (!transcript.HasSpeech || transcript.Text.Trim().Length == 0)
        {
            return (transcript, Unfinished(request with { Voice = voice }, language, Interactions.InteractionRecord.OutcomeName(TurnOutcome.NotUnderstood), TurnOutcome.NotUnderstood,
                PhraseBook.Replies.Get(language, "voice.silence")));
        }

        if (transcript.Confidence < options.Value.ClarifyBelowAsrConfidence)
        {
            return (transcript, Unfinished(request with { Voice = voice, Text = transcript.Text }, language, "clarify", TurnOutcome.Clarify,
                PhraseBook.Replies.Get(language, "voice.unclear")));
        }

        var turn = await pipeline.ConverseAsync(request with { Text = transcript.Text, Language = language, Voice = voice }, cancellationToken);
        return (transcript, turn with { Total = turn.Total + transcript.Timings.Recognition });
    }

    /// <summary>A turn from a WAV file (the <c>wav</c> verb, <c>audio</c> scenarios); errors as <see cref="ConverseAsync(IAudioSource, TurnRequest, CancellationToken)"/>.</summary>
    public async Task<(Transcript? Transcript, TurnResult Turn)> ConverseAsync(string wavPath, TurnRequest request, CancellationToken cancellationToken)
    {
        WavAudioSource audio;
        try
        {
            audio = await WavAudioSource.OpenAsync(wavPath, speechOptions.Value.MaxAudioDuration, cancellationToken);
        }
        catch (AudioInputException error)
        {
            LogUnfinished(request, "failed", error.Message);
            throw;
        }

        await using (audio)
        {
            return await ConverseAsync(audio, request, cancellationToken);
        }
    }

    private TurnResult Unfinished(TurnRequest request, string language, string outcomeName, TurnOutcome outcome, string reply)
    {
        var id = LogUnfinished(request with { Language = language }, outcomeName, reply);
        return new TurnResult
        {
            ConversationId = request.ConversationId ?? "",
            Text = request.Text,
            Language = language,
            Outcome = outcome,
            Reply = reply,
            Confidence = request.Voice?.Confidence ?? 0,
            InteractionId = id,
        };
    }

    private long LogUnfinished(TurnRequest request, string outcome, string reply)
    {
        Log.VoiceTurnUnfinished(logger, outcome, reply);
        return interactions.Append(new InteractionRecord
        {
            ConversationId = request.ConversationId ?? "",
            Seat = request.Seat.ToId(),
            Language = request.Language ?? "",
            Source = "voice",
            AudioMs = request.Voice?.AudioDuration.TotalMilliseconds,
            AsrConfidence = request.Voice?.Confidence,
            Transcript = request.Text,
            Outcome = outcome,
            Reply = reply,
        });
    }
}
