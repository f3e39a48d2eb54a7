using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Training.Data;
using Cockpit.Training.Model;
using Cockpit.Training.Onnx;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;
using TorchSharp;

namespace Cockpit.Training.Training;

/// <summary>
/// The whole reproducible run: generate data → build the vocabulary → train → export ONNX → write the manifest →
/// build the lookup table and measure the shipped files through the C# runtime (accuracy, parity, latency).
/// </summary>
internal sealed class TrainingPipeline(TrainingOptions options, TextWriter log)
{
    public const string HeldOutFile = "heldout.jsonl";

    public JsonObject? Metrics { get; private set; }

    public static List<ActionCall> GoldCalls(CallDecoder decoder, Tokenizer tokenizer, Sample sample)
    {
        var tokens = tokenizer.Encode(sample.Text);
        var tags = new int[tokens.Count];
        var calls = new int[tokens.Count];
        SpanTagger.Tag(decoder.Tags, tokens, sample.Spans.Select(s => (s.Start, s.End, s.Class, s.Call)), tags, calls);
        return decoder.Decode(sample.Text, tokens, tags, calls, []).Calls;
    }

    public int Run()
    {
        var total = Stopwatch.StartNew();
        torch.manual_seed(options.Seed);
        torch.set_num_threads(options.Threads);
        var catalog = ActionCatalog.Default;
        var tagSet = new TagSet(catalog);
        var decoder = new CallDecoder(catalog, tagSet);

        var generator = new DataGenerator(catalog);
        var train = generator.Generate(options.TrainSamples, heldOut: false, options.Seed);
        var test = generator.Generate(options.TestSamples, heldOut: true, options.Seed + 1);
        var dataHash = DataGenerator.DataHash(train.Concat(test));
        log.WriteLine($"data: {train.Count} train, {test.Count} held-out ({generator.HeldOutTemplates.Count} held-out templates), sha256 {dataHash[..16]}");

        var initial = options.InitialModel is { } initialDir ? ModelManifest.Load(initialDir) : null;
        var tokenizer = initial is null ? new Tokenizer(VocabularyBuilder.Build(train)) : Tokenizer.FromFile(Path.Combine(options.InitialModel!, "vocab.txt"));
        var vocab = tokenizer.Vocabulary;
        var config = new ModelShape
        {
            Vocab = vocab.Count,
            Dim = options.Dim,
            Layers = options.Layers,
            Heads = options.Heads,
            Experts = options.Experts,
            ExpertHidden = options.ExpertHidden,
            SharedHidden = options.SharedHidden,
            MaxLength = options.MaxLength,
            Tags = tagSet.Count,
            CallClasses = TagSet.CallClasses,
            Variant = options.Variant,
        };
        log.WriteLine($"vocab {vocab.Count}, tags {tagSet.Count}, config {JsonSerializer.Serialize(config)}");
        if (initial is not null && (JsonSerializer.Serialize(initial.Config) != JsonSerializer.Serialize(config) || initial.LabelsSha256 != tagSet.Sha256))
        {
            throw new InvalidDataException($"{options.InitialModel} has another shape or label set than this run ({JsonSerializer.Serialize(initial.Config)}); it can only be continued with the same.");
        }

        var unseen = options.UnseenCharacterRate > 0 ? new UnseenCharacters(tokenizer, options.UnseenCharacterRate, options.Seed) : null;
        var encodedTrain = train.Select((s, i) => Trainer.Encode(tokenizer, tagSet, s, config.MaxLength, i, unseen)).ToList();
        var encodedTest = test.Select((s, i) => Trainer.Encode(tokenizer, tagSet, s, config.MaxLength, i)).ToList();
        var gold = test.Select(s => GoldCalls(decoder, tokenizer, s)).ToList();
        var brokenGold = train.Take(5000).Count(s => s.Spans.Count > 0 && GoldCalls(decoder, tokenizer, s).Count == 0);
        log.WriteLine($"generator/decoder consistency: {brokenGold} of 5000 training samples with spans decode to no call");

        var model = new MoleEncoder(config, options.Dropout);
        if (initial is not null)
        {
            model.ImportWeights(OnnxWeightReader.Read(options.InitialModel!));
            log.WriteLine($"continuing from {options.InitialModel} (encoder sha256 {initial.Files["encoder.onnx"].Sha256[..16]})");
        }

        var parameters = model.parameters().Sum(p => p.numel());
        var expertParameters = model.named_parameters().Where(p => p.name.EndsWith(".w1", StringComparison.Ordinal) || p.name.EndsWith(".b1", StringComparison.Ordinal) || p.name.EndsWith(".w2", StringComparison.Ordinal) || p.name.EndsWith(".b2", StringComparison.Ordinal) || p.name.EndsWith("expertNorm", StringComparison.Ordinal)).Sum(p => p.parameter.numel());
        log.WriteLine($"parameters: {parameters:N0} total, {expertParameters:N0} in lookup experts");
        var trainer = new Trainer(model, options, log);
        var probe = encodedTest.Take(Math.Min(1000, encodedTest.Count)).ToList();
        trainer.Train(encodedTrain, _ => Evaluate(trainer, decoder, tokenizer, test, gold, probe).Overall);

        var torchPredictions = new List<List<ActionCall>>();
        var torchEval = Evaluate(trainer, decoder, tokenizer, test, gold, encodedTest, torchPredictions);
        log.WriteLine($"held-out (TorchSharp): {torchEval}");

        var dir = options.OutputDirectory;
        Directory.CreateDirectory(dir);
        if (config.UsesHiddenStateExperts)
        {
            WriteMoeBaseline(dir, config, options, dataHash, trainer, parameters, torchEval, log);
            return 0;
        }

        var weights = model.ExportWeights();
        var meta = new Dictionary<string, string> { ["catalog_sha256"] = catalog.Sha256, ["labels_sha256"] = tagSet.Sha256 };
        OnnxExporter.ExportEncoder(config, weights, Path.Combine(dir, "encoder.onnx"), meta);
        if (config.UsesExperts)
        {
            OnnxExporter.ExportExperts(config, weights, Path.Combine(dir, "experts.onnx"), meta);
        }

        File.WriteAllLines(Path.Combine(dir, "vocab.txt"), vocab, new UTF8Encoding(false));
        WriteHeldOut(Path.Combine(dir, HeldOutFile), test);
        Directory.CreateDirectory(Path.Combine(dir, "..", "cache"));
        File.WriteAllLines(Path.Combine(dir, "..", "cache", "errors-torch.txt"), torchEval.Errors, new UTF8Encoding(false));

        var training = new JsonObject
        {
            ["command"] = CommandLine(options),
            ["dataSha256"] = dataHash,
            ["trainSamples"] = train.Count,
            ["heldOutSamples"] = test.Count,
            ["heldOutTemplates"] = generator.HeldOutTemplates.Count,
            ["seed"] = options.Seed,
            ["steps"] = trainer.StepsDone,
            ["batch"] = options.Batch,
            ["learningRate"] = options.LearningRate,
            ["warmup"] = options.Warmup,
            ["initialModel"] = initial is null ? null : new JsonObject
            {
                ["encoderSha256"] = initial.Files["encoder.onnx"].Sha256,
                ["dataSha256"] = initial.Training?["dataSha256"]?.DeepClone(),
                ["steps"] = initial.Training?["steps"]?.DeepClone(),
            },
            ["emaDecay"] = options.EmaDecay,
            ["dropout"] = options.Dropout,
            ["unseenCharacterRate"] = options.UnseenCharacterRate,
            ["threads"] = options.Threads,
            ["secondsPerStep"] = Math.Round(trainer.SecondsPerStep, 3),
            ["parameters"] = parameters,
            ["expertParameters"] = expertParameters,
            ["torchSharp"] = "0.107.0",
            ["onnxOpset"] = OnnxExporter.Opset,
            ["onnxIrVersion"] = OnnxExporter.IrVersion,
            ["heldOutTorch"] = torchEval.ToJson(),
        };
        WriteManifest(dir, catalog, tagSet, config, training, null);

        var runtime = RuntimeMeasurement.Measure(dir, Path.Combine(dir, "..", "cache"), test, gold, torchPredictions, log, new UnderstandingOptions().MinTagConfidence, OutOfDomainProbe.DefaultDirectory);
        runtime["maxTagLogitDifference"] = Parity(dir, Path.Combine(dir, "..", "cache"), trainer, encodedTest.Take(32).ToList());
        log.WriteLine($"ONNX parity: max |tag logit (ONNX + fp16 table) - tag logit (TorchSharp)| = {runtime["maxTagLogitDifference"]}");
        Metrics = runtime;
        WriteManifest(dir, catalog, tagSet, config, training, runtime);
        log.WriteLine($"done in {total.Elapsed.TotalMinutes:F1} min; manifest written to {Path.Combine(dir, ModelManifest.FileName)}");
        return 0;
    }

    /// <summary>The command that repeats this run: the shipped defaults and the flags it changed.</summary>
    private static string CommandLine(TrainingOptions options)
    {
        var defaults = new TrainingOptions();
        (string Flag, object? Value, object? Default)[] flags =
        [
            ("init", options.InitialModel, defaults.InitialModel),
            ("seed", options.Seed, defaults.Seed),
            ("steps", options.Steps, defaults.Steps),
            ("lr", options.LearningRate, defaults.LearningRate),
            ("warmup", options.Warmup, defaults.Warmup),
        ];
        return "OMP_WAIT_POLICY=PASSIVE nice -n 10 dotnet src/Cockpit.Training/bin/Release/net10.0/Cockpit.Training.dll train --out models/understanding"
            + string.Concat(flags.Where(f => !Equals(f.Value, f.Default)).Select(f => FormattableString.Invariant($" --{f.Flag} {f.Value}")));
    }

    /// <summary>
    /// The MoE baseline is only compared, never shipped: its held-out accuracy (TorchSharp) and what a device would have
    /// to load per token — the top-k experts' fp16 weights of every layer, since routing on the hidden state means the
    /// experts cannot become a table.
    /// </summary>
    private static void WriteMoeBaseline(string dir, ModelShape config, TrainingOptions options, string dataHash, Trainer trainer, long parameters, Evaluation torchEval, TextWriter log)
    {
        long perExpert = (2L * config.Dim * config.ExpertHidden) + config.ExpertHidden + config.Dim;
        var report = new JsonObject
        {
            ["variant"] = config.Variant,
            ["config"] = JsonSerializer.SerializeToNode(config),
            ["topK"] = MoleLayer.TopK,
            ["dataSha256"] = dataHash,
            ["seed"] = options.Seed,
            ["steps"] = trainer.StepsDone,
            ["batch"] = options.Batch,
            ["secondsPerStep"] = Math.Round(trainer.SecondsPerStep, 3),
            ["parameters"] = parameters,
            ["expertParametersOnStorage"] = perExpert * config.Experts * config.Layers,
            ["bytesLoadedPerToken"] = perExpert * MoleLayer.TopK * config.Layers * 2,
            ["heldOutTorch"] = torchEval.ToJson(),
        };
        var path = Path.Combine(dir, "moe-baseline.json");
        File.WriteAllText(path, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        log.WriteLine($"MoE baseline written to {path} (not exported: hidden-state experts cannot become a lookup table)");
    }

    /// <summary>
    /// Largest absolute difference between TorchSharp and ONNX Runtime (with the fp16 lookup table) tag logits, through
    /// the fused kernel where it is built (as the runtime runs), else the stock graph.
    /// </summary>
    private static double Parity(string dir, string cacheDir, Trainer trainer, List<EncodedSample> batch)
    {
        var manifest = ModelManifest.Load(dir);
        var (expected, ids, mask, length) = trainer.TagLogits(batch);
        LookupTable? table = null;
        if (manifest.Config.UsesExperts)
        {
            var sha = manifest.Files["experts.onnx"].Sha256;
            table = LookupTable.OpenOrBuild(Path.Combine(cacheDir, LookupTable.FileNameFor(sha)), Path.Combine(dir, "experts.onnx"), sha, manifest.Config, Environment.ProcessorCount);
        }

        using (table)
        using (var session = new EncoderSession(Path.Combine(dir, "encoder.onnx"), manifest.Config, table, 1, EncoderSession.KernelLibrary))
        {
            var (actual, _) = session.Run(ids, mask, batch.Count, length);
            var max = 0.0;
            for (var i = 0; i < actual.Length; i++)
            {
                if (mask[i / manifest.Config.Tags] > 0)
                {
                    max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
                }
            }

            return Math.Round(max, 5);
        }
    }

    public static void WriteHeldOut(string path, IEnumerable<Sample> samples)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var s in samples)
        {
            var o = new JsonObject
            {
                ["text"] = s.Text,
                ["lang"] = s.Lang,
                ["template"] = s.Template,
                ["spans"] = new JsonArray([.. s.Spans.Select(x => (JsonNode)new JsonArray(x.Start, x.End, x.Class, x.Call))]),
            };
            writer.WriteLine(o.ToJsonString(ModelManifest.JsonOptions).Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal));
        }
    }

    private static void WriteManifest(string dir, ActionCatalog catalog, TagSet tags, ModelShape config, JsonObject training, JsonObject? metrics)
    {
        var files = new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var name in new[] { "encoder.onnx", "experts.onnx", "vocab.txt", HeldOutFile })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                files[name] = new ManifestFile { Sha256 = ModelManifest.HashFile(path), Bytes = new FileInfo(path).Length };
            }
        }

        var manifest = new ModelManifest
        {
            Name = "cockpit-understanding-" + config.Variant,
            Version = "1.0.0",
            CatalogVersion = catalog.Version,
            CatalogSha256 = catalog.Sha256,
            LabelsSha256 = tags.Sha256,
            Labels = tags.Labels,
            Config = config,
            Files = files,
            Training = JsonNode.Parse(training.ToJsonString())!.AsObject(),
            Metrics = metrics is null ? null : JsonNode.Parse(metrics.ToJsonString())!.AsObject(),
        };
        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), JsonSerializer.Serialize(manifest, ModelManifest.JsonOptions), new UTF8Encoding(false));
    }

    private static Evaluation Evaluate(Trainer trainer, CallDecoder decoder, Tokenizer tokenizer, List<Sample> test, List<List<ActionCall>> gold, List<EncodedSample> subset, List<List<ActionCall>>? sink = null)
    {
        var predictions = trainer.Predict(subset);
        var evaluation = new Evaluation();
        for (var i = 0; i < subset.Count; i++)
        {
            var sample = test[subset[i].Index];
            var tokens = tokenizer.Encode(sample.Text).Take(subset[i].Ids.Length).ToList();
            var (tagLogits, callLogits) = predictions[i];
            var predicted = decoder.Decode(sample.Text, tokens, tagLogits, callLogits, minConfidence: 0).Calls;
            evaluation.Add(sample.Lang, sample.Text, gold[subset[i].Index], predicted);
            sink?.Add(predicted);
        }

        return evaluation;
    }
}
