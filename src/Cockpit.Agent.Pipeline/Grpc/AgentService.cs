using Cockpit.Agent.Conversations;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.V1;
using Cockpit.Speech;
using Cockpit.Speech.Audio;
using Cockpit.Speech.Recognition;
using Cockpit.Understanding;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cockpit.Agent.Grpc;

/// <summary>The cockpit.agent.v1 Agent service: thin mapping onto <see cref="AgentPipeline"/>. Status codes are listed in agent.proto.</summary>
internal sealed class AgentService(AgentPipeline pipeline, VoicePipeline voice, SpeechFrontEnd speech, InteractionFeed feed, InteractionLog log) : V1.Agent.AgentBase
{
    /// <summary>The most worst utterances one report lists.</summary>
    private const int MaxWorst = 100;

    public override async Task<ConverseResponse> Converse(ConverseRequest request, ServerCallContext context)
    {
        TurnRequest turn;
        try
        {
            var seat = string.IsNullOrEmpty(request.Seat) ? Seat.Driver : SeatNames.Parse(request.Seat);
            turn = new TurnRequest(request.Text, string.IsNullOrEmpty(request.Language) ? null : request.Language, seat, request.ConversationId);
            return AgentMessages.ToResponse(await pipeline.ConverseAsync(turn, context.CancellationToken));
        }
        catch (ArgumentException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }
    }

    public override async Task ConverseVoice(IAsyncStreamReader<VoiceRequest> requestStream, IServerStreamWriter<VoiceEvent> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.KindCase != VoiceRequest.KindOneofCase.Start)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the first message of a voice stream must be VoiceStart"));
        }

        var start = requestStream.Current.Start;
        try
        {
            var format = new PcmFormat(start.SampleRate == 0 ? 16_000 : (int)start.SampleRate, start.Channels == 0 ? 1 : (int)start.Channels, PcmSampleFormat.Int16);
            format.EnsureSupported();
            var seat = string.IsNullOrEmpty(start.Seat) ? Seat.Driver : SeatNames.Parse(start.Seat);
            var request = new TurnRequest("", string.IsNullOrEmpty(start.Language) ? null : start.Language, seat, start.ConversationId);
            await using var audio = speech.CreatePushSource(format);
            using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            var pump = PumpAsync(requestStream, audio, stopReading.Token);
            (Transcript? Transcript, TurnResult Turn) heard;
            try
            {
                heard = await voice.ConverseAsync(audio, request, context.CancellationToken);
            }
            catch
            {
                // The call must not end while the request stream is still read: Kestrel reuses the HTTP/2 stream, and a
                // read left behind fails the next call on the connection ("Reading is already in progress").
                await stopReading.CancelAsync();
                await pump;
                throw;
            }

            await pump;
            var (transcript, turn) = heard;

            if (transcript is not null)
            {
                await responseStream.WriteAsync(new VoiceEvent { Speech = new SpeechDetected { StartMs = transcript.SpeechStart.TotalMilliseconds, EndMs = transcript.SpeechEnd.TotalMilliseconds } });
                await responseStream.WriteAsync(new VoiceEvent { Transcript = new VoiceTranscript { Text = transcript.Text, Language = transcript.Language, Confidence = transcript.Confidence, RecognitionMs = transcript.Timings.Recognition.TotalMilliseconds } });
            }

            await responseStream.WriteAsync(new VoiceEvent { Turn = AgentMessages.ToResponse(turn) });
            if (start.SpokenReply && speech.CanSynthesize)
            {
                var spoken = await speech.SynthesizeAsync(turn.Reply, turn.Language, context.CancellationToken);
                await responseStream.WriteAsync(new VoiceEvent { ReplyAudio = ByteString.CopyFrom(spoken.ToPcm16()) });
            }
        }
        catch (AudioInputException error)
        {
            throw new RpcException(new Status(error.IsLimitExceeded ? StatusCode.OutOfRange : StatusCode.InvalidArgument, error.Message));
        }
        catch (SpeechUnavailableException error)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, error.Message));
        }
        catch (ArgumentException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }
    }

    /// <summary>Feeds the client's audio to the recogniser until VoiceEnd, the end of the stream, or the utterance's end.</summary>
    private static async Task PumpAsync(IAsyncStreamReader<VoiceRequest> requestStream, PushAudioSource audio, CancellationToken cancellationToken)
    {
        try
        {
            while (await requestStream.MoveNext(cancellationToken))
            {
                switch (requestStream.Current.KindCase)
                {
                    case VoiceRequest.KindOneofCase.Audio:
                        audio.Write(requestStream.Current.Audio.Span);
                        break;
                    case VoiceRequest.KindOneofCase.End:
                        audio.Complete();
                        return;
                    default:
                        audio.Abort("VoiceStart may only come first");
                        return;
                }
            }

            audio.Complete();
        }
        catch (AudioInputException)
        {
            // the source remembers the error and the recogniser reports it
        }
        catch (OperationCanceledException)
        {
            audio.Abort("the client cancelled the stream");
        }
        catch (IOException)
        {
            audio.Abort("the client's stream broke off mid-utterance");
        }
    }

    public override async Task WatchInteractions(WatchInteractionsRequest request, IServerStreamWriter<InteractionEvent> responseStream, ServerCallContext context)
    {
        try
        {
            using var subscription = feed.Subscribe();

            // The watch is in place: the headers tell the client that every turn completed from now on will reach it.
            await context.WriteResponseHeadersAsync(new Metadata());
            await foreach (var (turn, result) in subscription.Turns.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(new InteractionEvent
                {
                    Time = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    Seat = turn.Seat.ToId(),
                    Turn = AgentMessages.ToResponse(result),
                });
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // the watcher left
        }
    }

    public override async Task<Report> GetReport(GetReportRequest request, ServerCallContext context)
    {
        if (request.Worst > MaxWorst)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"worst: {request.Worst} utterances asked for; at most {MaxWorst} are listed"));
        }

        // The log is read under its lock on SQLite; off the request thread, as the CLI's report does it.
        var records = await Task.Run(log.ReadAll, context.CancellationToken);
        return AgentMessages.ToReport(AccuracyReport.From(records, request.Worst == 0 ? 10 : (int)request.Worst));
    }
}
