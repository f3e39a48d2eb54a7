using Cockpit.Can.Dbc;

namespace Cockpit.Can.Codec;

/// <summary>
/// Encodes and decodes whole messages, honouring simple (<c>M</c>/<c>mN</c>) and extended (<c>SG_MUL_VAL_</c>)
/// multiplexing: only the signals that the multiplexer values select are decoded or may be encoded.
/// </summary>
public sealed class MessageCodec
{
    private readonly SignalCodec[] _signals;
    private readonly int[] _multiplexerIndex;
    private readonly int[] _order;
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    /// <summary>Prepares the codec for <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <exception cref="CanCodecException">The multiplexers form a cycle.</exception>
    public MessageCodec(DbcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        var signals = message.Signals;
        _signals = new SignalCodec[signals.Count];
        for (var i = 0; i < signals.Count; i++)
        {
            _signals[i] = new SignalCodec(signals[i], message.Length);
            _byName[signals[i].Name] = i;
        }

        _multiplexerIndex = new int[signals.Count];
        for (var i = 0; i < signals.Count; i++)
        {
            _multiplexerIndex[i] = signals[i].Multiplexer is { } mux ? _byName[mux] : -1;
        }

        _order = MultiplexersFirst();
        IsMultiplexed = Array.Exists(_multiplexerIndex, i => i >= 0);
    }

    /// <summary>The message this codec handles.</summary>
    public DbcMessage Message { get; }

    /// <summary>The signal codecs, in the message's signal order.</summary>
    public IReadOnlyList<SignalCodec> Signals => _signals;

    /// <summary>Whether some signals depend on a multiplexer value.</summary>
    public bool IsMultiplexed { get; }

    /// <summary>Finds a signal codec by name.</summary>
    /// <param name="name">The signal name (<see cref="DbcSignal.Name"/>: the long name when the file gives one).</param>
    /// <returns>The codec.</returns>
    /// <exception cref="CanCodecException">The message has no such signal.</exception>
    public SignalCodec GetSignal(string name) =>
        _byName.TryGetValue(name, out var i) ? _signals[i] : throw UnknownSignal(name);

    /// <summary>Decodes the signals that are present in <paramref name="data"/>, in the message's signal order.</summary>
    /// <param name="data">The payload.</param>
    /// <returns>The decoded signals; for multiplexed messages only those the multiplexer values select.</returns>
    /// <exception cref="CanCodecException">The payload is shorter than a present signal needs.</exception>
    public IReadOnlyList<DecodedSignal> Decode(ReadOnlySpan<byte> data)
    {
        Span<bool> active = _signals.Length <= 256 ? stackalloc bool[_signals.Length] : new bool[_signals.Length];
        Span<ulong> bits = _signals.Length <= 256 ? stackalloc ulong[_signals.Length] : new ulong[_signals.Length];
        var count = 0;
        foreach (var i in _order)
        {
            var mux = _multiplexerIndex[i];
            active[i] = mux < 0 || (active[mux] && Selects(i, bits[mux]));
            if (active[i])
            {
                bits[i] = _signals[i].ReadBits(data);
                count++;
            }
        }

        var result = new DecodedSignal[count];
        var n = 0;
        for (var i = 0; i < _signals.Length; i++)
        {
            if (active[i])
            {
                var codec = _signals[i];
                result[n++] = new DecodedSignal(codec.Name, codec.ToPhysical(bits[i]), codec.ToRaw(bits[i]),
                    codec.GetChoice(bits[i]), codec.Signal.Unit) { Integer = codec.ToPhysicalInteger(bits[i]) };
            }
        }

        return result;
    }

    /// <summary>Encodes physical values into a new payload of the message's length.</summary>
    /// <param name="values">Signal name → physical value; every present signal must have one (see remarks).</param>
    /// <param name="checkRange">Whether to reject values outside a signal's <c>[min|max]</c>.</param>
    /// <returns>The payload.</returns>
    /// <remarks>
    /// For multiplexed messages the multiplexer values in <paramref name="values"/> decide which signals are
    /// present; a value for a signal that is not present is an error rather than silently dropped.
    /// </remarks>
    /// <exception cref="CanCodecException">A value is missing, unknown, not present under the multiplexer value, or does not fit.</exception>
    public byte[] Encode(IReadOnlyDictionary<string, double> values, bool checkRange = true)
    {
        var data = new byte[Message.Length];
        Encode(data, values, checkRange);
        return data;
    }

    /// <summary>Encodes physical values into <paramref name="data"/>; bits that belong to no present signal are left as they are.</summary>
    /// <param name="data">The payload, at least as long as the signals need.</param>
    /// <param name="values">Signal name → physical value.</param>
    /// <param name="checkRange">Whether to reject values outside a signal's <c>[min|max]</c>.</param>
    /// <exception cref="CanCodecException">A value is missing, unknown, not present under the multiplexer value, or does not fit.</exception>
    public void Encode(Span<byte> data, IReadOnlyDictionary<string, double> values, bool checkRange = true) =>
        Encode(data, values, static (codec, value, checkRange) => codec.ToBits(value, checkRange), checkRange);

    /// <summary>
    /// Encodes physical values into a new payload of the message's length; integer values reach the payload exactly
    /// (all 64 bits; see <see cref="SignalCodec.ToBits(long, bool)"/>).
    /// </summary>
    /// <param name="values">Signal name → physical value, an integer or a double; every present signal must have one.</param>
    /// <param name="checkRange">Whether to reject values outside a signal's <c>[min|max]</c>.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="CanCodecException">A value is missing, unknown, not present under the multiplexer value, or does not fit.</exception>
    public byte[] Encode(IReadOnlyDictionary<string, SignalValue> values, bool checkRange = true)
    {
        var data = new byte[Message.Length];
        Encode(data, values, checkRange);
        return data;
    }

    /// <summary>Encodes physical values into <paramref name="data"/>, integers exactly; bits that belong to no present signal are left as they are.</summary>
    /// <param name="data">The payload, at least as long as the signals need.</param>
    /// <param name="values">Signal name → physical value, an integer or a double.</param>
    /// <param name="checkRange">Whether to reject values outside a signal's <c>[min|max]</c>.</param>
    /// <exception cref="CanCodecException">A value is missing, unknown, not present under the multiplexer value, or does not fit.</exception>
    public void Encode(Span<byte> data, IReadOnlyDictionary<string, SignalValue> values, bool checkRange = true) =>
        Encode(data, values, static (codec, value, checkRange) => codec.ToBits(value, checkRange), checkRange);

    private void Encode<TValue>(Span<byte> data, IReadOnlyDictionary<string, TValue> values,
        Func<SignalCodec, TValue, bool, ulong> toBits, bool checkRange)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in values.Keys)
        {
            if (!_byName.ContainsKey(name))
            {
                throw UnknownSignal(name);
            }
        }

        Span<bool> active = _signals.Length <= 256 ? stackalloc bool[_signals.Length] : new bool[_signals.Length];
        Span<ulong> bits = _signals.Length <= 256 ? stackalloc ulong[_signals.Length] : new ulong[_signals.Length];
        foreach (var i in _order)
        {
            var codec = _signals[i];
            var mux = _multiplexerIndex[i];
            active[i] = mux < 0 || (active[mux] && Selects(i, bits[mux]));
            var given = values.TryGetValue(codec.Name, out var value);
            if (!active[i])
            {
                if (given)
                {
                    var muxCodec = _signals[mux];
                    throw new CanCodecException(
                        $"Message '{Message.Name}': signal '{codec.Name}' is not present when {muxCodec.Name} = {muxCodec.ToRaw(bits[mux])}.");
                }

                continue;
            }

            if (!given)
            {
                throw new CanCodecException($"Message '{Message.Name}': no value for signal '{codec.Name}'.");
            }

            bits[i] = toBits(codec, value!, checkRange);
            codec.WriteBits(data, bits[i]);
        }
    }

    private bool Selects(int signal, ulong multiplexerBits)
    {
        foreach (var range in _signals[signal].Signal.MultiplexerValues)
        {
            if (range.Contains(multiplexerBits))
            {
                return true;
            }
        }

        return false;
    }

    // Multiplexers must be decoded before the signals they select; extended multiplexing can chain them.
    private int[] MultiplexersFirst()
    {
        var order = new List<int>(_signals.Length);
        var state = new byte[_signals.Length];
        for (var i = 0; i < _signals.Length; i++)
        {
            Visit(i);
        }

        return [.. order];

        void Visit(int i)
        {
            if (state[i] == 2)
            {
                return;
            }

            if (state[i] == 1)
            {
                throw new CanCodecException($"Message '{Message.Name}': the multiplexers of '{_signals[i].Name}' form a cycle.");
            }

            state[i] = 1;
            if (_multiplexerIndex[i] >= 0)
            {
                Visit(_multiplexerIndex[i]);
            }

            state[i] = 2;
            order.Add(i);
        }
    }

    private CanCodecException UnknownSignal(string name) =>
        Array.Find(_signals, s => s.Signal.ShortName == name) is { } cut
            ? new($"Message '{Message.Name}' has no signal '{name}'; the file's long name for it is '{cut.Name}'.")
            : new($"Message '{Message.Name}' has no signal '{name}'.");
}
