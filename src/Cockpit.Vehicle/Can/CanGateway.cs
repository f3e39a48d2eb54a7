using Cockpit.Can.Bus;
using Cockpit.Can.Codec;
using Cockpit.Can.Frames;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// The head unit's side of the bus, the part a KUKSA CAN provider plays in a real car: vss2dbc turns accepted
/// targets into request frames; dbc2vss turns status frames into current values in the signal store. Each request
/// frame carries a per-ECU counter; the ECU echoes it in its status frames, and <see cref="Send"/>'s task ends when
/// every status message that reports a requested signal has come back with that counter (so the new value is in
/// the store), or fails with <see cref="EcuUnavailableException"/> after the timeout.
/// </summary>
internal sealed class CanGateway : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CarNetwork _network;
    private readonly ICanBus _bus;
    private readonly SignalStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly Dictionary<(uint Id, bool Extended), (FrameSeal Seal, string Ecu, StatusBinding[] Bindings)> _status = [];
    private readonly Dictionary<MessageCodec, (FrameSeal Seal, CommandBinding[] Bindings)> _commands = [];
    private readonly Dictionary<string, int> _counters = [];
    private readonly Dictionary<(string Ecu, int Counter), (TaskCompletionSource Done, HashSet<uint> Reports)> _waiting = [];
    private readonly Dictionary<VssEntry, long> _lastForwarded = [];
    private readonly IDisposable _subscription;
    private long _rejected;

    public CanGateway(CarNetwork network, ICanBus bus, SignalStore store, TimeProvider time, TimeSpan timeout, ILogger logger)
    {
        _network = network;
        _bus = bus;
        _store = store;
        _time = time;
        _timeout = timeout;
        _logger = logger;
        foreach (var group in network.Status.Values.GroupBy(binding => binding.Message))
        {
            var message = group.Key.Message;
            _status[(message.Id, message.IsExtended)] = (new FrameSeal(group.Key), group.First().Ecu, [.. group]);
        }

        foreach (var group in network.Commands.Values.GroupBy(binding => binding.Message))
        {
            _commands[group.Key] = (new FrameSeal(group.Key), [.. group]);
        }

        _subscription = bus.Subscribe(CanIdFilter.All, OnFrame);
    }

    /// <summary>Status frames dropped because their checksum did not match.</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>
    /// Encodes every request first (so a value no frame can carry fails before anything is sent), then sends one
    /// request frame per command message. The returned task ends when every ECU asked has confirmed.
    /// </summary>
    /// <exception cref="SignalValueException">A value has no representation in its DBC signal.</exception>
    public Task Send(IReadOnlyList<(VssEntry Entry, object Value)> requests)
    {
        var frames = new List<(CanFrame Frame, string Ecu, int Counter, string Path, HashSet<uint> Reports)>();
        foreach (var group in requests.GroupBy(request => _network.Commands[request.Entry].Message))
        {
            var (seal, bindings) = _commands[group.Key];
            var data = new byte[group.Key.Message.Length];
            foreach (var binding in bindings)
            {
                binding.Signal.WriteBits(data, AllOnes(binding.Signal)); // "no request" for every signal not asked for
            }

            foreach (var (entry, value) in group)
            {
                var binding = _network.Commands[entry];
                if (!binding.Rule.Transform.TryEncode(value, binding.Signal, out var physical))
                {
                    throw new SignalValueException(entry.Path, $"{VssValues.Format(value)} has no value in DBC signal {binding.Signal.Name}");
                }

                try
                {
                    binding.Signal.WriteBits(data, binding.Signal.ToBits(physical));
                }
                catch (CanCodecException error)
                {
                    throw new SignalValueException(entry.Path, error.Message);
                }
            }

            var ecu = bindings[0].Ecu;
            int counter;
            lock (_gate)
            {
                counter = _counters[ecu] = (_counters.GetValueOrDefault(ecu) + 1) & 0xF;
            }

            seal.Seal(data, counter);
            var message = group.Key.Message;
            var reports = group.Select(request => _network.Status[request.Entry].Message.Message.Id).ToHashSet();
            frames.Add((new CanFrame(message.Id, data, message.IsExtended, message.IsFd), ecu, counter, group.First().Entry.Path, reports));
        }

        var confirmations = new List<(Task Task, string Ecu, int Counter, string Path)>(frames.Count);
        lock (_gate)
        {
            foreach (var (_, ecu, counter, path, reports) in frames)
            {
                var confirmation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[(ecu, counter)] = (confirmation, reports);
                confirmations.Add((confirmation.Task, ecu, counter, path));
            }
        }

        foreach (var (frame, _, _, _, _) in frames)
        {
            var sending = _bus.SendAsync(frame);
            if (!sending.IsCompletedSuccessfully)
            {
                sending.AsTask().GetAwaiter().GetResult();
            }
        }

        return confirmations.TrueForAll(item => item.Task.IsCompleted) ? Task.CompletedTask : AwaitConfirmations(confirmations);
    }

    public void Dispose() => _subscription.Dispose();

    private async Task AwaitConfirmations(List<(Task Task, string Ecu, int Counter, string Path)> confirmations)
    {
        try
        {
            await Task.WhenAll(confirmations.Select(item => item.Task)).WaitAsync(_timeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var silent = confirmations.First(item => !item.Task.IsCompleted);
            lock (_gate)
            {
                foreach (var item in confirmations)
                {
                    _waiting.Remove((item.Ecu, item.Counter));
                }
            }

            Log.EcuSilent(_logger, silent.Ecu, silent.Path, _timeout.TotalMilliseconds);
            throw new EcuUnavailableException(silent.Path, silent.Ecu, _timeout);
        }
    }

    private void OnFrame(CanFrame frame)
    {
        if (!_status.TryGetValue((frame.Id, frame.IsExtended), out var message))
        {
            return;
        }

        var data = frame.Data.Span;
        if (!message.Seal.Verify(data))
        {
            Interlocked.Increment(ref _rejected);
            Log.FrameDropped(_logger, frame.Id, "checksum mismatch");
            return;
        }

        List<(VssEntry, object?)>? changes = null;
        List<(VssEntry, object?)>? repeats = null;
        var now = _time.GetTimestamp();
        foreach (var binding in message.Bindings)
        {
            var signal = binding.Signal;
            if (data.Length < signal.RequiredLength)
            {
                continue;
            }

            var bits = signal.ReadBits(data);
            if (bits == AllOnes(signal))
            {
                continue; // the ECU has no valid value
            }

            var decoded = new DecodedSignal(signal.Name, signal.ToPhysical(bits), signal.ToRaw(bits), signal.GetChoice(bits), signal.Signal.Unit);
            if (!binding.Rule.Transform.TryDecode(decoded, binding.Entry, out var value) || value is null || VssValues.Check(binding.Entry, value) is not null)
            {
                continue;
            }

            if (binding.Rule.Interval > TimeSpan.Zero)
            {
                lock (_gate)
                {
                    if (_lastForwarded.TryGetValue(binding.Entry, out var last) && _time.GetElapsedTime(last, now) < binding.Rule.Interval)
                    {
                        continue;
                    }

                    _lastForwarded[binding.Entry] = now;
                }
            }

            (binding.Rule.OnChange ? changes ??= [] : repeats ??= []).Add((binding.Entry, value));
        }

        if (changes is not null)
        {
            _store.Publish(changes);
        }

        if (repeats is not null)
        {
            _store.Publish(repeats, notifyUnchanged: true);
        }

        var counter = message.Seal.Counter(data);
        TaskCompletionSource? confirmed = null;
        lock (_gate)
        {
            if (_waiting.TryGetValue((message.Ecu, counter), out var waiting) && waiting.Reports.Remove(frame.Id) && waiting.Reports.Count == 0)
            {
                _waiting.Remove((message.Ecu, counter));
                confirmed = waiting.Done;
            }
        }

        confirmed?.TrySetResult();
    }

    private static ulong AllOnes(SignalCodec signal) => signal.Signal.Length >= 64 ? ulong.MaxValue : (1UL << signal.Signal.Length) - 1;
}
