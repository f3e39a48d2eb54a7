using Cockpit.Agent.V1;
using Cockpit.Speech;
using Cockpit.Speech.Recognition.Ggml;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>The voice path over gRPC: errors are clear and every turn is logged.</summary>
public sealed class VoiceTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>
{
    [Fact]
    public async Task ConverseVoice_NoRecogniserConfigured_FailedPreconditionAndLogged()
    {
        using var channel = cockpit.CreateAgentChannel();
        using var call = new V1.Agent.AgentClient(channel).ConverseVoice();

        // The service answers as soon as it reads the start, so nothing more is written.
        await call.RequestStream.WriteAsync(new VoiceRequest { Start = new VoiceStart { Language = "zh", ConversationId = "no-model" } });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("speech unavailable", error.Status.Detail, StringComparison.Ordinal);
        var record = cockpit.Interactions.ReadAll().Last(record => record.ConversationId == "no-model");
        Assert.Equal(("voice", "failed"), (record.Source, record.Outcome));
    }

    [Fact]
    public async Task ConverseVoice_AudioBeforeStart_InvalidArgument()
    {
        using var channel = cockpit.CreateAgentChannel();
        using var call = new V1.Agent.AgentClient(channel).ConverseVoice();

        await call.RequestStream.WriteAsync(new VoiceRequest { Audio = ByteString.CopyFrom(new byte[320]) });
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal((StatusCode.InvalidArgument, "the first message of a voice stream must be VoiceStart"), (error.StatusCode, error.Status.Detail));
    }
}

/// <summary>The embedded default with a tiny random-weight Whisper model: the real recogniser runs; its text is meaningless.</summary>
public sealed class TinySpeechCockpit : EmbeddedCockpit
{
    public string ModelPath { get; } = WriteTinyModel();

    protected override IEnumerable<string> ExtraArguments => [$"--Speech:ModelPath={ModelPath}", "--Speech:SynthesisEnabled=true"];

    private static string WriteTinyModel()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cockpit-whisper-").FullName, "ggml-tiny-random.bin");
        GgmlWhisperModelWriter.WriteRandom(path, GgmlWhisperModelWriter.TinyHyperParameters(),
            GgmlWhisperModelWriter.ByteVocabulary("打开", "天窗", " open", " sunroof"), seed: 7);
        return path;
    }
}

public sealed class VoiceRecognitionTests(TinySpeechCockpit cockpit) : IClassFixture<TinySpeechCockpit>
{
    [Fact]
    public async Task ConverseVoice_SpokenCommand_EventsInOrderAndLoggedAsVoice()
    {
        var speech = cockpit.Services.GetRequiredService<SpeechFrontEnd>();
        var spoken = await speech.SynthesizeAsync("open the sunroof", "en");
        var pcm = new byte[32_000].Concat(spoken.ToPcm16()).Concat(new byte[32_000]).ToArray(); // 1 s of silence around it
        using var channel = cockpit.CreateAgentChannel();

        var events = await VoiceCall.SayAsync(channel, new VoiceStart { Language = "en", ConversationId = "voice-1" }, pcm);

        Assert.Equal([VoiceEvent.KindOneofCase.Speech, VoiceEvent.KindOneofCase.Transcript, VoiceEvent.KindOneofCase.Turn], events.Select(item => item.KindCase));
        Assert.InRange(events[0].Speech.StartMs, 700, 1300);
        Assert.True(events[0].Speech.EndMs > events[0].Speech.StartMs);
        var record = cockpit.Interactions.ReadAll().Last(record => record.ConversationId == "voice-1");
        Assert.Equal("voice", record.Source);
        Assert.True(record.AudioMs > 2000, $"audio {record.AudioMs} ms");
    }

    [Fact]
    public async Task ConverseVoice_ChunkTooLarge_OutOfRange()
    {
        using var channel = cockpit.CreateAgentChannel();
        using var call = new V1.Agent.AgentClient(channel).ConverseVoice();

        await call.RequestStream.WriteAsync(new VoiceRequest { Start = new VoiceStart { Language = "en" } });
        await call.RequestStream.WriteAsync(new VoiceRequest { Audio = ByteString.CopyFrom(new byte[128 * 1024]) });
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
    }
}
