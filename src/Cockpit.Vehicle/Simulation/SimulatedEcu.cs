using Cockpit.Can.Codec;
using Cockpit.Can.Frames;
using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Simulation.Ecus;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// One simulated control unit. On the bus it sees only frames: it decodes its command messages (dropping frames
/// whose checksum fails), hands the requests to its models, and reports its state in status frames: cyclically
/// (<c>GenMsgCycleTime</c>), when the content changes, and at once for every request (echoing the request counter,
/// which is how the head unit knows the request arrived). The head unit's own ECU (signals not on the bus) has no
/// messages; its state goes straight to the signal store.
/// </summary>
internal sealed class SimulatedEcu
{
    private readonly EcuModel[] _models;
    private readonly StatusMessage[] _status;
    private readonly Dictionary<(uint Id, bool Extended), CommandMessage> _commands = [];
    private int _counter;

    public SimulatedEcu(string name, IEnumerable<VssEntry> owned, EcuModel[] models, CarNetwork? network = null)
    {
        Name = name;
        _models = models;
        foreach (var entry in owned)
        {
            State.Own(entry);
        }

        _status = network is null ? [] :
        [
            .. network.Status.Values
                .Where(binding => binding.Ecu == name)
                .GroupBy(binding => binding.Message)
                .Select(group => new StatusMessage(group.Key,
                    [.. group.DistinctBy(binding => binding.Signal.Name).Select(binding => new Slot(binding.Signal, binding.Entry, binding.Rule.Transform.Inverse()))])),
        ];
        if (network is not null)
        {
            foreach (var group in network.Commands.Values.Where(binding => binding.Ecu == name).GroupBy(binding => binding.Message))
            {
                var message = group.Key.Message;
                _commands[(message.Id, message.IsExtended)] = new CommandMessage(group.Key,
                    [.. group.Select(binding => new Slot(binding.Signal, binding.Entry, binding.Rule.Transform.Inverse()))]);
            }
        }
    }

    /// <summary>The DBC node name, e.g. <c>DCU</c>.</summary>
    public string Name { get; }

    /// <summary>The ECU's own view of its signals.</summary>
    public EcuState State { get; } = new();

    /// <summary>Whether the ECU has stopped answering (a fault): it ignores requests and sends nothing.</summary>
    public bool IsSilent { get; set; }

    /// <summary>Whether the ECU listens for <paramref name="frame"/>.</summary>
    public bool Accepts(CanFrame frame) => _commands.ContainsKey((frame.Id, frame.IsExtended));

    /// <summary>Signals still on their way to a target.</summary>
    public IEnumerable<string> Pending => _models.SelectMany(model => model.Pending);

    /// <summary>A request frame arrived; returns the status frames to send in answer.</summary>
    public IReadOnlyList<CanFrame> Receive(CanFrame frame)
    {
        if (IsSilent || !_commands.TryGetValue((frame.Id, frame.IsExtended), out var command) || !command.Seal.Verify(frame.Data.Span))
        {
            return [];
        }

        var data = frame.Data.Span;
        var requested = new List<VssEntry>();
        foreach (var slot in command.Slots)
        {
            var bits = slot.Signal.ReadBits(data);
            if (bits == AllOnes(slot.Signal))
            {
                continue; // no request for this signal
            }

            var decoded = new DecodedSignal(slot.Signal.Name, slot.Signal.ToPhysical(bits), slot.Signal.ToRaw(bits), slot.Signal.GetChoice(bits), slot.Signal.Signal.Unit);
            if (slot.Transform.TryDecode(decoded, slot.Entry, out var value) && value is not null && VssValues.Check(slot.Entry, value) is null)
            {
                Accept(slot.Entry, value);
                requested.Add(slot.Entry);
            }
        }

        _counter = command.Seal.Counter(data);
        var answer = new List<CanFrame>();
        foreach (var status in _status)
        {
            var payload = status.Encode(State);
            var asked = status.Slots.Any(slot => requested.Contains(slot.Entry)) || (requested.Count == 0 && status == _status[0]);
            if (asked || !payload.AsSpan().SequenceEqual(status.LastPayload))
            {
                answer.Add(status.Send(payload, _counter));
            }
        }

        State.TakeWrites();
        return answer;
    }

    /// <summary>Carries out a request directly (the head unit's own signals, which never cross the bus).</summary>
    public void Accept(VssEntry actuator, object value)
    {
        foreach (var model in _models)
        {
            if (model.Handles(actuator))
            {
                model.Accept(actuator, value, State);
                return;
            }
        }
    }

    /// <summary>Moves the models by <paramref name="step"/>; returns the status frames now due (changed or cyclic).</summary>
    public IReadOnlyList<CanFrame> Advance(TimeSpan step)
    {
        foreach (var model in _models)
        {
            model.Advance(step, State);
        }

        if (_status.Length == 0)
        {
            return [];
        }

        State.TakeWrites();
        if (IsSilent)
        {
            return [];
        }

        var due = new List<CanFrame>();
        foreach (var status in _status)
        {
            var payload = status.Encode(State);
            status.SinceSent += step;
            if (!payload.AsSpan().SequenceEqual(status.LastPayload) || (status.Cycle is { } cycle && status.SinceSent >= cycle))
            {
                due.Add(status.Send(payload, _counter));
            }
        }

        return due;
    }

    /// <summary>Sets a signal's state directly (simulation control), without a frame.</summary>
    public void Force(VssEntry entry, object? value)
    {
        State.Publish(entry, value);
        State.TakeWrites();
    }

    /// <summary>Stops any motion of a signal.</summary>
    public void Stop(VssEntry entry)
    {
        foreach (var model in _models)
        {
            model.Stop(entry);
        }
    }

    /// <summary>Forgets all motion.</summary>
    public void Reset()
    {
        foreach (var model in _models)
        {
            model.Reset();
        }
    }

    private static ulong AllOnes(SignalCodec signal) => signal.Signal.Length >= 64 ? ulong.MaxValue : (1UL << signal.Signal.Length) - 1;

    private sealed record Slot(SignalCodec Signal, VssEntry Entry, ValueTransform Transform);

    private sealed class CommandMessage(MessageCodec codec, Slot[] slots)
    {
        public FrameSeal Seal { get; } = new(codec);

        public Slot[] Slots { get; } = slots;
    }

    private sealed class StatusMessage(MessageCodec codec, Slot[] slots)
    {
        private readonly FrameSeal _seal = new(codec);

        public Slot[] Slots { get; } = slots;

        public TimeSpan? Cycle { get; } = codec.Message.CycleTime;

        public TimeSpan SinceSent { get; set; }

        public byte[] LastPayload { get; private set; } = [];

        /// <summary>The payload for the current state, without counter and checksum (so a repeat compares equal).</summary>
        public byte[] Encode(EcuState state)
        {
            var data = new byte[codec.Message.Length];
            foreach (var slot in Slots)
            {
                var bits = AllOnes(slot.Signal); // no value, or none the signal can carry: "invalid"
                if (state.GetValue(slot.Entry) is { } value && slot.Transform.TryEncode(value, slot.Signal, out var physical))
                {
                    try
                    {
                        bits = slot.Signal.ToBits(physical, checkRange: false);
                    }
                    catch (CanCodecException)
                    {
                    }
                }

                slot.Signal.WriteBits(data, bits);
            }

            return data;
        }

        public CanFrame Send(byte[] payload, int counter)
        {
            LastPayload = payload;
            SinceSent = TimeSpan.Zero;
            var sealedPayload = payload.ToArray();
            _seal.Seal(sealedPayload, counter);
            return new CanFrame(codec.Message.Id, sealedPayload, codec.Message.IsExtended, codec.Message.IsFd);
        }
    }
}
