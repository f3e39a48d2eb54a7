using Cockpit.Can.Codec;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>A signal's current value travels in <paramref name="Signal"/> of <paramref name="Message"/>, sent by <paramref name="Ecu"/>.</summary>
internal sealed record StatusBinding(VssEntry Entry, string Ecu, MessageCodec Message, SignalCodec Signal, MappingRule Rule);
