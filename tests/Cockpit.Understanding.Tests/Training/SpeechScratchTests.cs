using Cockpit.Training.Speech;
using TorchSharp;
using Xunit.Abstractions;

namespace Cockpit.Understanding.Tests.Training;

public sealed class SpeechScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch_RealOverfit()
    {
        torch.set_num_threads(1);
        torch.manual_seed(5);
        var dir = "/work/main/artifacts/speech/corpus-small";
        var clips = int.Parse(Environment.GetEnvironmentVariable("CLIPS") ?? "5");
        var mode = Environment.GetEnvironmentVariable("MODE") ?? "";
        var config = new SpeechModelConfig();
        var vocabulary = SpeechVocabulary.Load(Path.Combine(dir, "vocabulary.txt"));
        var entries = SpeechCorpus.ReadTrainIndex(dir).Take(clips).ToList();
        var values = 80 * 400;
        var bytes = new byte[clips * values * 2];
        using (var s = File.OpenRead(Path.Combine(dir, "train.mel")))
        {
            s.ReadExactly(bytes);
        }

        var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(bytes);
        var buffer = new float[halves.Length];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (float)halves[i];
        }

        using var model = new SpeechWhisperModel(config, vocabulary.CompactSize);
        var mel = torch.tensor(buffer, [clips, 80, 400]);
        if (mode.Contains("norm"))
        {
            mel = (mel - mel.mean()) / mel.std();
        }

        if (mode.Contains("noise"))
        {
            mel = torch.randn(clips, 80, 400);
        }

        int[][] units = [.. entries.Select(e => vocabulary.Encode(e.Transcript)!)];
        output.WriteLine($"mel mean {mel.mean().item<float>()} std {mel.std().item<float>()} lengths {string.Join(',', units.Select(u => u.Length))}");
        var optimizer = torch.optim.AdamW(model.EncoderParameters(), double.Parse(Environment.GetEnvironmentVariable("LR") ?? "1e-3"), weight_decay: 0.01);
        for (var step = 1; step <= int.Parse(Environment.GetEnvironmentVariable("STEPS") ?? "150"); step++)
        {
            using var scope = torch.NewDisposeScope();
            var audio = model.Encode(mel);
            var loss = SpeechTrainer.CtcLoss(model, audio, units, vocabulary);
            optimizer.zero_grad();
            loss.backward();
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            optimizer.step();
            if (step % 10 == 0)
            {
                var enc = audio.detach();
                output.WriteLine($"step {step} loss {loss.item<float>():F4} frame-std {enc.std(1).mean().item<float>():F3} clip-std {enc.std(0).mean().item<float>():F3}");
            }
        }
    }
}
