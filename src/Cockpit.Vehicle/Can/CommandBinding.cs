using Cockpit.Can.Codec;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>An actuator's target travels in <paramref name="Signal"/> of <paramref name="Message"/>, to <paramref name="Ecu"/>.</summary>
internal sealed record CommandBinding(VssEntry Entry, string Ecu, MessageCodec Message, SignalCodec Signal, MappingRule Rule);
