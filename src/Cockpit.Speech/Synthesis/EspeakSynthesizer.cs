using System.ComponentModel;
using System.Diagnostics;
using Cockpit.Speech.Audio;

namespace Cockpit.Speech.Synthesis;

/// <summary>
/// Text to speech through the espeak-ng command line (Debian package <c>espeak-ng</c>): the text goes in on standard
/// input (never on the command line, so no text can pass as an option), a WAV comes back on standard output and is
/// converted to 16 kHz mono.
/// </summary>
public sealed class EspeakSynthesizer
{
    private const int MaxTextChars = 2_000;
    private readonly string _executable;
    private readonly string _englishVoice;
    private readonly string _mandarinVoice;
    private readonly int _rate;

    /// <summary>Creates a synthesizer with the executable, voices and rate of <paramref name="options"/>.</summary>
    public EspeakSynthesizer(SpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _executable = options.EspeakPath;
        _englishVoice = options.EnglishVoice;
        _mandarinVoice = options.MandarinVoice;
        _rate = options.SpeakingRate;
    }

    /// <summary>The voice used for <paramref name="language"/> (<c>zh</c> → Mandarin, anything else → English).</summary>
    public string VoiceFor(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? _mandarinVoice : _englishVoice;

    /// <summary>Speaks <paramref name="text"/> in <paramref name="language"/>.</summary>
    /// <param name="text">Up to 2000 characters.</param>
    /// <param name="language"><c>zh</c> or <c>en</c>.</param>
    /// <param name="wordsPerMinute">Speaking rate, or null for the configured one.</param>
    /// <param name="pitch">espeak-ng pitch 0 to 99, or null for the voice's own.</param>
    /// <param name="cancellationToken">Kills espeak-ng when cancelled.</param>
    /// <exception cref="SpeechSynthesisException">espeak-ng is missing or failed.</exception>
    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, string language, int? wordsPerMinute = null, int? pitch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextChars)
        {
            throw new ArgumentOutOfRangeException(nameof(text), $"text of {text.Length} characters is longer than {MaxTextChars}");
        }

        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        info.ArgumentList.Add("-v");
        info.ArgumentList.Add(VoiceFor(language));
        info.ArgumentList.Add("-s");
        info.ArgumentList.Add((wordsPerMinute ?? _rate).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (pitch is { } p)
        {
            info.ArgumentList.Add("-p");
            info.ArgumentList.Add(Math.Clamp(p, 0, 99).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        info.ArgumentList.Add("--stdout");
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new SpeechSynthesisException($"{_executable} did not start");
        }
        catch (Win32Exception error)
        {
            throw new SpeechSynthesisException($"{_executable} not found or not runnable (install the Debian package espeak-ng): {error.Message}", error);
        }

        using (process)
        using (cancellationToken.Register(() => Kill(process)))
        {
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await copy.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new SpeechSynthesisException($"{_executable} exited with {process.ExitCode}: {(await errors.ConfigureAwait(false)).Trim()}");
            }

            output.Position = 0;
            return new SynthesizedSpeech(await ReadAllAsync(output, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task<float[]> ReadAllAsync(Stream wav, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = await WavAudioSource.OpenAsync(wav, TimeSpan.FromMinutes(10), false, cancellationToken).ConfigureAwait(false);
            var samples = new List<float>();
            var buffer = new float[8192];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, read));
            }

            return [.. samples];
        }
        catch (AudioInputException error)
        {
            throw new SpeechSynthesisException($"espeak-ng wrote audio that cannot be read: {error.Message}", error);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
