using System.Text.Json.Serialization;
using Cockpit.Agent.V1;
using Cockpit.Console.Upstream;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Web;

/// <summary>The page's requests that the agent answers: a typed turn (<c>POST /console/api/converse</c>) and the accuracy report (<c>GET /console/api/report</c>).</summary>
internal static class ConsoleApi
{
    /// <summary>The longest text the console forwards; the agent applies its own, usually lower, limit.</summary>
    private const int MaxTextLength = 10_000;

    public static async Task<IResult> ConverseAsync(ConverseBody body, ConsoleClients clients, IOptions<ConsoleOptions> options, ILogger<ConsoleClients> logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return Results.Problem(detail: "text: say something first", statusCode: StatusCodes.Status400BadRequest, title: "invalid request");
        }

        if (body.Text.Length > MaxTextLength)
        {
            return Results.Problem(detail: $"text: {body.Text.Length} characters long; the limit is {MaxTextLength}", statusCode: StatusCodes.Status400BadRequest, title: "invalid request");
        }

        try
        {
            var turn = await clients.Agent.ConverseAsync(
                new ConverseRequest { Text = body.Text, Language = body.Language ?? "", Seat = body.Seat ?? "", ConversationId = body.ConversationId ?? "" },
                deadline: DateTime.UtcNow + options.Value.CallTimeout,
                cancellationToken: cancellationToken);
            return Results.Json(ConsoleViews.Turn(turn), ConsoleJson.Options);
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(logger, "converse", error.StatusCode, error.Status.Detail);
            return UpstreamProblem.From(error, "agent");
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && error is RpcException or OperationCanceledException)
        {
            return Results.Empty; // the page went away
        }
    }

    public static async Task<IResult> ReportAsync(ConsoleClients clients, IOptions<ConsoleOptions> options, ILogger<ConsoleClients> logger, CancellationToken cancellationToken)
    {
        try
        {
            var report = await clients.Agent.GetReportAsync(new GetReportRequest(), deadline: DateTime.UtcNow + options.Value.CallTimeout, cancellationToken: cancellationToken);
            return Results.Json(ConsoleViews.Report(report), ConsoleJson.Options);
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(logger, "report", error.StatusCode, error.Status.Detail);
            return UpstreamProblem.From(error, "agent");
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && error is RpcException or OperationCanceledException)
        {
            return Results.Empty; // the page went away
        }
    }

    /// <summary>A typed request: the text, and optionally its language (zh, en), seat and conversation.</summary>
    internal sealed record ConverseBody(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("language")] string? Language,
        [property: JsonPropertyName("seat")] string? Seat,
        [property: JsonPropertyName("conversationId")] string? ConversationId);
}
