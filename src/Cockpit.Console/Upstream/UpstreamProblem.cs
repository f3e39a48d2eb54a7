using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Console.Upstream;

/// <summary>
/// The one place where a service's gRPC status becomes the console's HTTP answer: the caller's own mistakes keep their
/// meaning (400), a service that cannot be reached or answered too late is a bad gateway (502, 504), a token the
/// service refuses says so (502, the console is misconfigured), and the message always names the service.
/// </summary>
internal static class UpstreamProblem
{
    public static IResult From(RpcException error, string service)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (status, title) = error.StatusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.OutOfRange => (StatusCodes.Status400BadRequest, "invalid request"),
            StatusCode.FailedPrecondition => (StatusCodes.Status409Conflict, "not possible now"),
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => (StatusCodes.Status502BadGateway, $"the {service} refused the console's token"),
            StatusCode.DeadlineExceeded => (StatusCodes.Status504GatewayTimeout, $"the {service} did not answer in time"),
            StatusCode.Unavailable => (StatusCodes.Status502BadGateway, $"the {service} cannot be reached"),
            _ => (StatusCodes.Status502BadGateway, $"the {service} failed"),
        };
        return Results.Problem(detail: Describe(error), statusCode: status, title: title);
    }

    /// <summary><c>UNAVAILABLE: …</c>, as people read a status in a log or on the page.</summary>
    public static string Describe(RpcException error) =>
        $"{StatusName(error.StatusCode)}: {(string.IsNullOrEmpty(error.Status.Detail) ? "(no detail)" : error.Status.Detail)}";

    private static string StatusName(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Cancelled => "CANCELLED",
        _ => code.ToString().ToUpperInvariant(),
    };
}
