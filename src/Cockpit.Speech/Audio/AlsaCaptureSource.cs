using System.Diagnostics;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Live capture from an ALSA device through the <c>arecord</c> tool (Debian package <c>alsa-utils</c>), recorded as
/// 16 kHz mono 16-bit so no conversion is needed on the head unit.
/// </summary>
/// <remarks>
/// A child process rather than P/Invoke into libasound: a driver fault or a blocked device kills or hangs
/// <c>arecord</c>, never the service; the PCM arrives as a plain byte stream that reuses the push path's decoder;
/// and PipeWire or PulseAudio systems reach it through their ALSA plug-ins (<c>-D pipewire</c>, <c>-D pulse</c>).
/// </remarks>
public sealed class AlsaCaptureSource : IAudioSource
{
    private readonly Process _process;
    private readonly PcmStreamConverter _converter;
    private readonly byte[] _block = new byte[3200];
    private bool _completed;
    private volatile bool _stopped;

    private AlsaCaptureSource(Process process, TimeSpan maxDuration)
    {
        _process = process;
        _converter = new PcmStreamConverter(PcmFormat.Speech16k, maxDuration);
    }

    /// <summary>The file that lists the kernel's PCM devices and their capture/playback streams.</summary>
    public static string ProcPcmPath { get; } = "/proc/asound/pcm";

    /// <summary>
    /// Whether this machine has an ALSA capture device; when not, <paramref name="reason"/> says why (for test skips
    /// and health reports).
    /// </summary>
    public static bool HasCaptureDevice(out string reason)
    {
        if (!File.Exists(ProcPcmPath))
        {
            reason = $"no ALSA sound devices: {ProcPcmPath} does not exist";
            return false;
        }

        if (!File.ReadLines(ProcPcmPath).Any(line => line.Contains("capture", StringComparison.Ordinal)))
        {
            reason = $"no ALSA capture device: {ProcPcmPath} lists no capture stream";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>Starts recording from <paramref name="device"/> (an ALSA PCM name such as <c>default</c> or <c>hw:0,0</c>).</summary>
    /// <exception cref="InvalidOperationException"><c>arecord</c> could not be started.</exception>
    public static AlsaCaptureSource Start(string device, TimeSpan maxDuration, string arecordPath = "arecord")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        var info = new ProcessStartInfo(arecordPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-q", "-D", device, "-t", "raw", "-f", "S16_LE", "-r", "16000", "-c", "1" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(info) ?? throw new InvalidOperationException($"{arecordPath} did not start");
            return new AlsaCaptureSource(process, maxDuration);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"cannot start {arecordPath} (install alsa-utils): {error.Message}", error);
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        while (_converter.Pending == 0 && !_completed)
        {
            var read = await _process.StandardOutput.BaseStream.ReadAsync(_block, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                if (_process.ExitCode != 0 && !_stopped)
                {
                    var error = await _process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                    throw new AudioInputException(AudioErrorKind.StreamInterrupted, $"audio capture stopped: arecord exited with {_process.ExitCode}: {error.Trim()}");
                }

                _converter.Complete();
                _completed = true;
                break;
            }

            _converter.Write(_block.AsSpan(0, read));
        }

        return _converter.Read(buffer.Span);
    }

    /// <summary>Stops recording: the audio read so far stays readable, then the source ends.</summary>
    public void Stop()
    {
        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
