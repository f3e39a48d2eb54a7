using Cockpit.Agent.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>One ConverseVoice call as a client makes it: the start, the audio in 100 ms chunks, the end; then every event.</summary>
internal static class VoiceCall
{
    public static async Task<List<VoiceEvent>> SayAsync(GrpcChannel channel, VoiceStart start, byte[] pcm)
    {
        using var call = new V1.Agent.AgentClient(channel).ConverseVoice();
        await call.RequestStream.WriteAsync(new VoiceRequest { Start = start });
        foreach (var chunk in pcm.Chunk(3200))
        {
            await call.RequestStream.WriteAsync(new VoiceRequest { Audio = ByteString.CopyFrom(chunk) });
        }

        await call.RequestStream.WriteAsync(new VoiceRequest { End = new VoiceEnd() });
        await call.RequestStream.CompleteAsync();
        var events = new List<VoiceEvent>();
        await foreach (var item in call.ResponseStream.ReadAllAsync())
        {
            events.Add(item);
        }

        return events;
    }
}
