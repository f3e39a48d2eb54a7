using System.Diagnostics;
using Cockpit.Training.Data;
using Cockpit.Training.Model;
using Cockpit.Understanding;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Cockpit.Training.Training;

/// <summary>
/// Trains the encoder on encoded samples with AdamW, warm-up and cosine decay, and leaves the model holding an exponential
/// moving average of its weights; evaluates exact match by decoding calls.
/// </summary>
internal sealed class Trainer(MoleEncoder model, TrainingOptions options, TextWriter log)
{
    public double SecondsPerStep { get; private set; }

    public int StepsDone { get; private set; }

    public void Train(IReadOnlyList<EncodedSample> train, Func<int, double>? evaluate)
    {
        var rng = new Random(options.Seed);
        var optimizer = torch.optim.AdamW(model.parameters(), options.LearningRate, weight_decay: 0.01);
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(options.MaxMinutes);
        var pending = new Queue<List<EncodedSample>>();
        var parameters = model.parameters().ToList();
        var average = options.EmaDecay > 0 ? parameters.Select(p => p.detach().clone()).ToList() : null;
        for (var step = 1; step <= options.Steps; step++)
        {
            var lr = WarmupCosineSchedule.LearningRate(options.LearningRate, step, options.Warmup, options.Steps, watch.Elapsed / deadline);
            foreach (var g in optimizer.ParamGroups)
            {
                g.LearningRate = lr;
            }

            float lossValue;
            using (var scope = torch.NewDisposeScope())
            {
                if (pending.Count == 0)
                {
                    // Length bucketing: draw 8 batches at random, sort them by length and cut, so little is padding.
                    var pool = Enumerable.Range(0, options.Batch * 8).Select(_ => train[rng.Next(train.Count)]).OrderBy(s => s.Ids.Length).ToList();
                    var chunks = pool.Chunk(options.Batch).OrderBy(_ => rng.Next()).ToList();
                    chunks.ForEach(c => pending.Enqueue([.. c]));
                }

                var batch = pending.Dequeue();
                using var inputs = Batch(batch, withLabels: true);
                model.train();
                var (intentLogits, slotLogits, zoneLogits) = model.Forward(inputs.Ids, inputs.Mask, inputs.Unique, inputs.Inverse);
                var zoneLoss = torch.nn.functional.binary_cross_entropy_with_logits(zoneLogits, inputs.Zones!, reduction: nn.Reduction.None);
                var zoneWeight = inputs.InCall!.unsqueeze(-1);
                var loss = torch.nn.functional.cross_entropy(intentLogits.reshape(-1, intentLogits.shape[^1]), inputs.Intents!.reshape(-1), ignore_index: -100)
                    + torch.nn.functional.cross_entropy(slotLogits.reshape(-1, slotLogits.shape[^1]), inputs.Slots!.reshape(-1), ignore_index: -100)
                    + ((zoneLoss * zoneWeight).sum() / (zoneWeight.sum() * zoneLogits.shape[^1]).clamp_min(1));
                optimizer.zero_grad();
                loss.backward();
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                lossValue = loss.item<float>();
            }

            if (average is not null)
            {
                using var noGrad = torch.no_grad();
                var decay = Math.Min(options.EmaDecay, (1f + step) / (10f + step));
                for (var i = 0; i < parameters.Count; i++)
                {
                    average[i].mul_(decay).add_(parameters[i], alpha: 1 - decay);
                }
            }

            StepsDone = step;
            if (step % 50 == 0 || step <= 5)
            {
                log.WriteLine($"step {step}/{options.Steps} loss {lossValue:F4} lr {lr:E2} {watch.Elapsed.TotalSeconds / step:F3} s/step");
            }

            if (evaluate is not null && options.EvalEvery > 0 && step % options.EvalEvery == 0 && step < options.Steps)
            {
                var evalWatch = Stopwatch.StartNew();
                log.WriteLine($"  evaluation at step {step}: human dev zh exact {evaluate(step):P2}");
                watch.Stop();
                _ = evalWatch;
                watch.Start();
            }

            if (watch.Elapsed > deadline)
            {
                log.WriteLine($"time budget reached at step {step}");
                break;
            }
        }

        SecondsPerStep = watch.Elapsed.TotalSeconds / Math.Max(1, StepsDone);
        if (average is not null)
        {
            // The averaged weights are what gets evaluated and exported: less step-to-step noise than the last weights.
            using var noGrad = torch.no_grad();
            for (var i = 0; i < parameters.Count; i++)
            {
                parameters[i].copy_(average[i]);
                average[i].Dispose();
            }
        }
    }

    /// <summary>The three heads' logits per sample ([tokens × classes] each), for <see cref="CallDecoder"/>.</summary>
    public List<(float[] Intents, float[] Slots, float[] Zones)> Predict(IReadOnlyList<EncodedSample> samples, int batchSize = 128)
    {
        var results = new List<(float[], float[], float[])>(samples.Count);
        model.eval();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < samples.Count; i += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var batch = samples.Skip(i).Take(batchSize).ToList();
            using var inputs = Batch(batch, withLabels: false);
            var (intentLogits, slotLogits, zoneLogits) = model.Forward(inputs.Ids, inputs.Mask, inputs.Unique, inputs.Inverse);
            for (var b = 0; b < batch.Count; b++)
            {
                var n = batch[b].Ids.Length;
                results.Add((
                    intentLogits[b].narrow(0, 0, n).contiguous().data<float>().ToArray(),
                    slotLogits[b].narrow(0, 0, n).contiguous().data<float>().ToArray(),
                    zoneLogits[b].narrow(0, 0, n).contiguous().data<float>().ToArray()));
            }
        }

        return results;
    }

    /// <summary>Raw intent logits [B, T, intent tags] for one padded batch, for the ONNX parity check.</summary>
    public (float[] Logits, long[] Ids, float[] Mask, int Length) IntentLogits(List<EncodedSample> batch)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        using var inputs = Batch(batch, withLabels: false);
        var (intentLogits, _, _) = model.Forward(inputs.Ids, inputs.Mask, inputs.Unique, inputs.Inverse);
        return (intentLogits.data<float>().ToArray(), inputs.Ids.data<long>().ToArray(), inputs.Mask.data<float>().ToArray(), (int)inputs.Ids.shape[1]);
    }

    private BatchTensors Batch(List<EncodedSample> batch, bool withLabels)
    {
        var t = Math.Max(1, batch.Max(s => s.Ids.Length));
        var ids = new long[batch.Count * t];
        var mask = new float[batch.Count * t];
        var intents = new long[batch.Count * t];
        var slots = new long[batch.Count * t];
        var zoneCount = model.Config.Zones;
        var zones = new float[batch.Count * t * zoneCount];
        var inCall = new float[batch.Count * t];
        Array.Fill(intents, -100);
        Array.Fill(slots, -100);
        var uniqueIndex = new Dictionary<long, long>();
        var inverse = new long[batch.Count * t];
        for (var b = 0; b < batch.Count; b++)
        {
            var s = batch[b];
            for (var i = 0; i < t; i++)
            {
                var k = (b * t) + i;
                var id = i < s.Ids.Length ? s.Ids[i] : 0;
                ids[k] = id;
                if (!uniqueIndex.TryGetValue(id, out var u))
                {
                    uniqueIndex[id] = u = uniqueIndex.Count;
                }

                inverse[k] = u;
                if (i < s.Ids.Length)
                {
                    mask[k] = 1;
                    intents[k] = s.IntentTags[i];
                    slots[k] = s.SlotTags[i];
                    inCall[k] = s.InCall[i] ? 1 : 0;
                    Array.Copy(s.ZoneTargets, i * zoneCount, zones, k * zoneCount, zoneCount);
                }
            }
        }

        var unique = uniqueIndex.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        return new BatchTensors(
            torch.tensor(ids, [batch.Count, t]),
            torch.tensor(mask, [batch.Count, t]),
            torch.tensor(unique),
            torch.tensor(inverse, [batch.Count, t]),
            withLabels ? torch.tensor(intents, [batch.Count, t]) : null,
            withLabels ? torch.tensor(slots, [batch.Count, t]) : null,
            withLabels ? torch.tensor(zones, [batch.Count, t, zoneCount]) : null,
            withLabels ? torch.tensor(inCall, [batch.Count, t]) : null);
    }

    private sealed record BatchTensors(Tensor Ids, Tensor Mask, Tensor Unique, Tensor Inverse, Tensor? Intents, Tensor? Slots, Tensor? Zones, Tensor? InCall) : IDisposable
    {
        public void Dispose()
        {
            Ids.Dispose();
            Mask.Dispose();
            Unique.Dispose();
            Inverse.Dispose();
            Intents?.Dispose();
            Slots?.Dispose();
            Zones?.Dispose();
            InCall?.Dispose();
        }
    }
}
