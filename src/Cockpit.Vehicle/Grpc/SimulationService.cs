using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// The cockpit.vehicle.v1 Simulation control service. Status codes are listed in simulation.proto. It can set any
/// signal and bypasses the interlocks, so every call needs the <c>simulate</c> scope.
/// </summary>
internal sealed class SimulationService(SimulatedVehicle vehicle, IOptions<VehicleOptions> options, ILogger<SimulationService> logger) : V1.Simulation.SimulationBase
{
    public override Task<ResetResponse> Reset(ResetRequest request, ServerCallContext context)
    {
        context.Access().DemandSimulate("Simulation.Reset");
        vehicle.Reset();
        Log.Reset(logger);
        return Task.FromResult(new ResetResponse());
    }

    public override Task<SetSignalsResponse> SetSignals(SetSignalsRequest request, ServerCallContext context)
    {
        context.Access().DemandSimulate("Simulation.SetSignals");
        RequestLimits.RequireSignalCount(request.Values.Count, options.Value.MaxSignalsPerRequest);
        var values = request.Values
            .Select(pair =>
            {
                var entry = SignalResolver.Resolve(vehicle.Catalog, pair.Key);
                return (entry, (object?)ValueConverter.FromProto(entry, pair.Value));
            })
            .ToList();
        vehicle.SetSignals(values);
        return Task.FromResult(new SetSignalsResponse());
    }

    public override Task<SettleResponse> Settle(SettleRequest request, ServerCallContext context)
    {
        context.Access().DemandSimulate("Simulation.Settle");
        var limit = options.Value.MaxSettleTime;
        if (request.MaxSimulatedMs > 0 && TimeSpan.FromMilliseconds(request.MaxSimulatedMs) < limit)
        {
            limit = TimeSpan.FromMilliseconds(request.MaxSimulatedMs);
        }

        var result = vehicle.Settle(limit);
        var response = new SettleResponse { Settled = result.Settled, SimulatedMs = (uint)result.Advanced.TotalMilliseconds };
        response.PendingPaths.AddRange(result.Pending);
        return Task.FromResult(response);
    }

    public override Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        context.Access().DemandSimulate("Simulation.GetState");
        var response = new GetStateResponse();
        foreach (var entry in vehicle.Catalog.Entries)
        {
            var state = new SignalState { Current = ValueConverter.ToDatapoint(vehicle.Signals.Get(entry)) };
            if (entry.IsActuator && ValueConverter.ToProto(entry, vehicle.Signals.GetTarget(entry)) is { } target)
            {
                state.Target = target;
            }

            response.Signals[entry.Path] = state;
        }

        return Task.FromResult(response);
    }
}
