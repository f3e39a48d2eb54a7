using System.Reflection;
using Cockpit.ServiceDefaults;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.Vss;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// The kuksa.val.v2 VAL service over the simulated car. Status codes are listed in val.proto. Each signal a call
/// names is checked against the caller's <see cref="VehicleAccess"/> before anything is read or changed; each
/// subscription holds a slot of the <see cref="SubscriptionQuota"/> while it lasts.
/// </summary>
internal sealed class ValService(SimulatedVehicle vehicle, SubscriptionQuota quota, IOptions<VehicleOptions> options, ILogger<ValService> logger) : VAL.VALBase
{
    private static readonly string s_version =
        typeof(ValService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private VssCatalog Catalog => vehicle.Catalog;

    public override Task<GetValueResponse> GetValue(GetValueRequest request, ServerCallContext context)
    {
        var entry = Resolve(request.SignalId, context.Access(), VehiclePermission.Read);
        return Task.FromResult(new GetValueResponse { DataPoint = ValueConverter.ToDatapoint(vehicle.Signals.Get(entry)) });
    }

    public override Task<GetValuesResponse> GetValues(GetValuesRequest request, ServerCallContext context)
    {
        RequireSignalCount(request.SignalIds.Count);
        var access = context.Access();
        var entries = request.SignalIds.Select(id => Resolve(id, access, VehiclePermission.Read)).ToList();
        var response = new GetValuesResponse();
        response.DataPoints.AddRange(entries.Select(entry => ValueConverter.ToDatapoint(vehicle.Signals.Get(entry))));
        return Task.FromResult(response);
    }

    public override Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        RequireSignalCount(request.SignalPaths.Count);
        var access = context.Access();
        var entries = request.SignalPaths.Select(path => Demand(SignalResolver.Resolve(Catalog, path), access, VehiclePermission.Read)).Distinct().ToList();
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
        RequireSignalCount(request.SignalIds.Count);
        var access = context.Access();
        var entries = request.SignalIds.Select(id => Demand(SignalResolver.Resolve(Catalog, id), access, VehiclePermission.Read)).Distinct().ToList();
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
        await vehicle.ActuateAsync(ToActuations([request], context.Access()));
        return new ActuateResponse();
    }

    public override async Task<BatchActuateResponse> BatchActuate(BatchActuateRequest request, ServerCallContext context)
    {
        RequireSignalCount(request.ActuateRequests.Count);
        await vehicle.ActuateAsync(ToActuations(request.ActuateRequests, context.Access()));
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
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"root: {error.Message}"));
        }

        if (matches.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"root '{InputText.Quote(request.Root)}': no signal matches"));
        }

        // Metadata is listed for the signals the caller may read; denied only when that leaves nothing.
        var access = context.Access();
        var readable = matches.Where(entry => access.Allows(VehiclePermission.Read, entry.Path)).ToList();
        if (readable.Count == 0)
        {
            throw new PermissionDeniedException(root, $"the token of '{access.Subject}' has no 'read' scope for any of the {matches.Count} matching signals");
        }

        var response = new ListMetadataResponse();
        response.Metadata.AddRange(readable.Select(ValueConverter.ToMetadata));
        return Task.FromResult(response);
    }

    public override Task<PublishValueResponse> PublishValue(PublishValueRequest request, ServerCallContext context)
    {
        var entry = Resolve(request.SignalId, context.Access(), VehiclePermission.Provide);
        var value = request.DataPoint?.Value is { TypedValueCase: not Kuksa.Val.V2.Value.TypedValueOneofCase.None } wire
            ? ValueConverter.FromProto(entry, wire)
            : null;
        vehicle.Publish(entry, value);
        return Task.FromResult(new PublishValueResponse());
    }

    public override Task<GetServerInfoResponse> GetServerInfo(GetServerInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetServerInfoResponse { Name = "cockpit-vehicle", Version = s_version });

    private VssEntry Resolve(SignalID? signal, VehicleAccess access, VehiclePermission permission) =>
        Demand(SignalResolver.Resolve(Catalog, signal), access, permission);

    private static VssEntry Demand(VssEntry entry, VehicleAccess access, VehiclePermission permission)
    {
        access.Demand(permission, entry);
        return entry;
    }

    /// <summary>Every request's signal is resolved and checked against the caller's scope before any value is looked at or logged.</summary>
    private List<(VssEntry, object)> ToActuations(IReadOnlyList<ActuateRequest> requests, VehicleAccess access)
    {
        var entries = requests.Select(request => Resolve(request.SignalId, access, VehiclePermission.Actuate)).ToList();
        var actuations = entries.Select((entry, index) => (entry, ValueConverter.FromProto(entry, requests[index].Value))).ToList();
        if (logger.IsEnabled(LogLevel.Information))
        {
            foreach (var (entry, value) in actuations)
            {
                Log.Actuated(logger, entry.Path, VssValues.Format(value));
            }
        }

        return actuations;
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

        // Disposed last, on every way out (the client cancels, the duration runs out, the service stops, a write fails),
        // so the slot comes back exactly when the subscription has left the store.
        var caller = context.Caller();
        using var slot = quota.Acquire(caller);
        using var subscription = vehicle.Signals.Subscribe(entries, (int)bufferSize);
        Log.Subscribed(logger, caller, context.Peer, entries.Count);
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

    private void RequireSignalCount(int count) => RequestLimits.RequireSignalCount(count, options.Value.MaxSignalsPerRequest);
}
