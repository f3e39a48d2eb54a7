using System.Reflection;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.Vss;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Grpc;

/// <summary>The kuksa.val.v2 VAL service over the simulated car. Status codes are listed in val.proto.</summary>
internal sealed class ValService(SimulatedVehicle vehicle, IOptions<VehicleOptions> options, ILogger<ValService> logger) : VAL.VALBase
{
    private static readonly string s_version =
        typeof(ValService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private VssCatalog Catalog => vehicle.Catalog;

    public override Task<GetValueResponse> GetValue(GetValueRequest request, ServerCallContext context)
    {
        var entry = SignalResolver.Resolve(Catalog, request.SignalId);
        return Task.FromResult(new GetValueResponse { DataPoint = ValueConverter.ToDatapoint(vehicle.Signals.Get(entry)) });
    }

    public override Task<GetValuesResponse> GetValues(GetValuesRequest request, ServerCallContext context)
    {
        RequireAny(request.SignalIds.Count);
        var entries = request.SignalIds.Select(id => SignalResolver.Resolve(Catalog, id)).ToList();
        var response = new GetValuesResponse();
        response.DataPoints.AddRange(entries.Select(entry => ValueConverter.ToDatapoint(vehicle.Signals.Get(entry))));
        return Task.FromResult(response);
    }

    public override Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        RequireAny(request.SignalPaths.Count);
        var entries = request.SignalPaths.Select(path => SignalResolver.Resolve(Catalog, path)).Distinct().ToList();
        return PumpAsync(entries, request.BufferSize, request.Filter, context, batch =>
        {
            var response = new SubscribeResponse();
            foreach (var update in batch)
            {
                response.Entries[update.Entry.Path] = ValueConverter.SharedDatapoint(update);
            }

            return responseStream.WriteAsync(response);
        });
    }

    public override Task SubscribeById(SubscribeByIdRequest request, IServerStreamWriter<SubscribeByIdResponse> responseStream, ServerCallContext context)
    {
        RequireAny(request.SignalIds.Count);
        var entries = request.SignalIds.Select(id => SignalResolver.Resolve(Catalog, id)).Distinct().ToList();
        return PumpAsync(entries, request.BufferSize, request.Filter, context, batch =>
        {
            var response = new SubscribeByIdResponse();
            foreach (var update in batch)
            {
                response.Entries[update.Entry.Id] = ValueConverter.SharedDatapoint(update);
            }

            return responseStream.WriteAsync(response);
        });
    }

    public override async Task<ActuateResponse> Actuate(ActuateRequest request, ServerCallContext context)
    {
        await vehicle.ActuateAsync([ToActuation(request)]);
        return new ActuateResponse();
    }

    public override async Task<BatchActuateResponse> BatchActuate(BatchActuateRequest request, ServerCallContext context)
    {
        RequireAny(request.ActuateRequests.Count);
        await vehicle.ActuateAsync([.. request.ActuateRequests.Select(ToActuation)]);
        return new BatchActuateResponse();
    }

    public override Task<ListMetadataResponse> ListMetadata(ListMetadataRequest request, ServerCallContext context)
    {
        var root = string.IsNullOrEmpty(request.Root) ? "**" : request.Root;
        List<VssEntry> matches;
        try
        {
            matches = [.. Catalog.Match(root)];
        }
        catch (ArgumentException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"root '{request.Root}': {error.Message}"));
        }

        if (matches.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{request.Root}: no signal matches"));
        }

        var response = new ListMetadataResponse();
        response.Metadata.AddRange(matches.Select(ValueConverter.ToMetadata));
        return Task.FromResult(response);
    }

    public override Task<PublishValueResponse> PublishValue(PublishValueRequest request, ServerCallContext context)
    {
        var entry = SignalResolver.Resolve(Catalog, request.SignalId);
        var value = request.DataPoint?.Value is { TypedValueCase: not Kuksa.Val.V2.Value.TypedValueOneofCase.None } wire
            ? ValueConverter.FromProto(entry, wire)
            : null;
        vehicle.Publish(entry, value);
        return Task.FromResult(new PublishValueResponse());
    }

    public override Task<GetServerInfoResponse> GetServerInfo(GetServerInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetServerInfoResponse { Name = "cockpit-vehicle", Version = s_version });

    private (VssEntry, object) ToActuation(ActuateRequest request)
    {
        var entry = SignalResolver.Resolve(Catalog, request.SignalId);
        var value = ValueConverter.FromProto(entry, request.Value);
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.Actuated(logger, entry.Path, VssValues.Format(value));
        }

        return (entry, value);
    }

    private async Task PumpAsync(List<VssEntry> entries, uint bufferSize, Filter? filter, ServerCallContext context, Func<List<SignalUpdate>, Task> write)
    {
        var maximum = options.Value.MaxSubscribeBufferSize;
        if (bufferSize > maximum)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"buffer_size {bufferSize} exceeds the maximum of {maximum}"));
        }

        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (filter is { DurationMs: > 0 })
        {
            lifetime.CancelAfter(TimeSpan.FromMilliseconds(filter.DurationMs));
        }

        using var subscription = vehicle.Signals.Subscribe(entries, (int)bufferSize);
        Log.Subscribed(logger, context.Peer, entries.Count);
        var reader = subscription.Updates;
        var merged = new List<SignalUpdate>();
        var seen = new HashSet<int>();
        try
        {
            while (await reader.WaitToReadAsync(lifetime.Token))
            {
                // Merge whatever has queued up into one message, as long as no signal repeats,
                // so a busy subscriber gets fewer, fuller messages and still sees every change.
                merged.Clear();
                seen.Clear();
                while (reader.TryPeek(out var batch) && batch.All(update => !seen.Contains(update.Entry.Id)))
                {
                    reader.TryRead(out _);
                    foreach (var update in batch)
                    {
                        seen.Add(update.Entry.Id);
                        merged.Add(update);
                    }
                }

                await write(merged);
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // the client left, or the filter's duration ran out: the stream ends normally
        }
    }

    private static void RequireAny(int count)
    {
        if (count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the request names no signal"));
        }
    }
}
