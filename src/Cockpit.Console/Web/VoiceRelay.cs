using Cockpit.Agent.V1;
using Cockpit.Console.Upstream;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Web;

/// <summary>
/// Push-to-talk (<c>POST /console/api/voice</c>): the page records while the button is held and posts the recording as
/// 16 kHz mono 16-bit little-endian PCM (<c>application/octet-stream</c>; query: <c>language</c>, <c>seat</c>,
/// <c>conversationId</c>). The console streams it to the agent's ConverseVoice in half-second chunks, ends it with
/// VoiceEnd (the button's release) and answers with the transcript and the turn. An agent without a speech model answers
/// FAILED_PRECONDITION; that becomes 503 with <c>code: "speech_unavailable"</c> and the agent's reason, which the page
/// shows as it is.
/// </summary>
internal static class VoiceRelay
{
    /// <summary>The only format the page sends.</summary>
    public const int SampleRate = 16_000;

    private const int BytesPerSecond = SampleRate * 2;
    private const int ChunkBytes = BytesPerSecond / 2;

    public static async Task<IResult> ConverseAsync(HttpContext context, ConsoleClients clients, IOptions<ConsoleOptions> options, ILogger<ConsoleClients> logger)
    {
        var cancellationToken = context.RequestAborted;
        var limit = (long)(options.Value.MaxVoiceDuration.TotalSeconds * BytesPerSecond);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        byte[] pcm;
        try
        {
            pcm = await ReadAsync(context.Request.Body, limit, cancellationToken);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Results.Problem(detail: TooLong(limit), statusCode: StatusCodes.Status413PayloadTooLarge, title: "recording too long");
        }
        catch (BadHttpRequestException error)
        {
            return Results.Problem(detail: error.Message, statusCode: error.StatusCode, title: "invalid request");
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            return Results.Empty; // the page went away mid-upload
        }

        if (pcm.Length == 0 || pcm.Length % 2 != 0)
        {
            return Results.Problem(
                detail: $"the recording is {pcm.Length} bytes; send 16 kHz mono 16-bit little-endian PCM, an even number of bytes, at least one sample",
                statusCode: StatusCodes.Status400BadRequest,
                title: "invalid request");
        }

        var query = context.Request.Query;
        var start = new VoiceStart
        {
            SampleRate = SampleRate,
            Channels = 1,
            Language = query["language"].FirstOrDefault() ?? "",
            Seat = query["seat"].FirstOrDefault() ?? "",
            ConversationId = query["conversationId"].FirstOrDefault() ?? "",
        };
        try
        {
            using var call = clients.Agent.ConverseVoice(deadline: DateTime.UtcNow + options.Value.CallTimeout, cancellationToken: cancellationToken);
            var sending = SendAsync(call.RequestStream, start, pcm, cancellationToken);
            object? transcript = null, turn = null;
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                if (message.KindCase == VoiceEvent.KindOneofCase.Transcript)
                {
                    transcript = ConsoleViews.Transcript(message.Transcript);
                }
                else if (message.KindCase == VoiceEvent.KindOneofCase.Turn)
                {
                    turn = ConsoleViews.Turn(message.Turn);
                }
            }

            await sending;
            return Results.Json(new { Transcript = transcript, Turn = turn }, ConsoleJson.Options);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.FailedPrecondition)
        {
            Log.RequestFailed(logger, "voice", error.StatusCode, error.Status.Detail);
            return Results.Problem(
                detail: error.Status.Detail,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "the agent has no speech model",
                extensions: new Dictionary<string, object?> { ["code"] = "speech_unavailable" });
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(logger, "voice", error.StatusCode, error.Status.Detail);
            return UpstreamProblem.From(error, "agent");
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && error is RpcException or OperationCanceledException)
        {
            return Results.Empty; // the page went away
        }
    }

    /// <summary>
    /// Writes the start, the audio and the end. The agent may answer before it has read everything (no speech model,
    /// audio over its limit); writes then fail, and its status, read from the response stream, tells why.
    /// </summary>
    private static async Task SendAsync(IClientStreamWriter<VoiceRequest> requests, VoiceStart start, byte[] pcm, CancellationToken cancellationToken)
    {
        try
        {
            await requests.WriteAsync(new VoiceRequest { Start = start }, cancellationToken);
            for (var offset = 0; offset < pcm.Length; offset += ChunkBytes)
            {
                await requests.WriteAsync(new VoiceRequest { Audio = ByteString.CopyFrom(pcm, offset, Math.Min(ChunkBytes, pcm.Length - offset)) }, cancellationToken);
            }

            await requests.WriteAsync(new VoiceRequest { End = new VoiceEnd() }, cancellationToken);
            await requests.CompleteAsync();
        }
        catch (Exception error) when (error is RpcException or InvalidOperationException or IOException or OperationCanceledException)
        {
            // The call is over; the response stream carries its status.
        }
    }

    private static string TooLong(long limit) => $"the recording is longer than Console:MaxVoiceDuration ({limit / BytesPerSecond} s, {limit} bytes)";

    private static async Task<byte[]> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new InvalidDataException(TooLong(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
