using System.Globalization;

namespace Cockpit.Gui.Screens;

/// <summary>
/// Adds generated tracks, places and contacts to a content file, so that the HMI can be tried at the scale of a
/// real head unit (tens of thousands of rows). Names are combined from <see cref="ContentWords"/>, in Mandarin
/// with their pinyin and in Latin script; the same counts and seed always give the same content.
/// </summary>
internal sealed class ContentGenerator(ContentWords words, int seed)
{
    /// <summary>The content of <paramref name="content"/> followed by the given numbers of generated items.</summary>
    public ContentFile Extend(ContentFile content, int tracks, int places, int contacts)
    {
        var random = new Random(seed);
        return new ContentFile
        {
            Format = content.Format,
            Position = content.Position,
            Tracks = [.. content.Tracks, .. Tracks(random, tracks, Names(content.Tracks))],
            Places = [.. content.Places, .. Places(random, content.Position, places, Names(content.Places))],
            Contacts = [.. content.Contacts, .. Contacts(random, contacts, Names(content.Contacts))],
            BluetoothDevices = content.BluetoothDevices,
            WifiNetworks = content.WifiNetworks,
        };
    }

    private static HashSet<string> Names(IEnumerable<ContentItem> items) => [.. items.Select(item => item.Name)];

    private IEnumerable<Track> Tracks(Random random, int count, HashSet<string> taken)
    {
        var capacity = Math.Pow(words.TitleWords.Count, 3) + Math.Pow(words.LatinTitleWords.Count, 3);
        if (count > capacity / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the content words make too few titles for {count} tracks");
        }

        for (var made = 0; made < count;)
        {
            // Three in five in Mandarin, by two or three words: 月光旅行 — 王子涵 / Yue Guang Lv Xing — Wang Zihan.
            var mandarin = random.Next(5) < 3;
            var parts = random.Next(2) + 2;
            LocalizedText title;
            LocalizedText artist;
            var picked = Enumerable.Range(0, parts).Select(_ => random.Next(mandarin ? words.TitleWords.Count : words.LatinTitleWords.Count)).ToArray();
            if (picked.Distinct().Count() < parts)
            {
                continue;
            }

            if (mandarin)
            {
                var chosen = picked.Select(i => words.TitleWords[i]).ToArray();
                title = new LocalizedText(string.Concat(chosen.Select(w => w.Zh)), string.Join(' ', chosen.Select(w => w.En)));
                artist = MandarinName(random);
            }
            else
            {
                var text = string.Join(' ', picked.Select(i => words.LatinTitleWords[i]));
                title = new LocalizedText(text, text);
                artist = LatinName(random);
            }

            if (!taken.Add(title.Zh))
            {
                continue;
            }

            made++;
            yield return new Track { Id = Id("track", made), Name = title.Zh, Text = title, Artist = artist };
        }
    }

    private IEnumerable<Place> Places(Random random, GeoPoint around, int count, HashSet<string> taken)
    {
        // Every combination once, in a shuffled order: 静安星光广场 / Jing'an Xingguang Plaza.
        var all = (from district in words.Districts from name in words.PlaceNames from kind in words.PlaceKinds select (district, name, kind)).ToArray();
        if (count > all.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the content words make only {all.Length} places");
        }

        random.Shuffle(all);

        var made = 0;
        foreach (var (district, name, kind) in all)
        {
            if (made == count)
            {
                yield break;
            }

            var text = new LocalizedText($"{district.Zh}{name.Zh}{kind.Zh}", $"{district.En} {name.En} {kind.En}");
            if (!taken.Add(text.Zh))
            {
                continue;
            }

            made++;
            yield return new Place
            {
                Id = Id("place", made), Name = text.Zh, Text = text, Category = kind.Category,
                Latitude = Math.Round(around.Latitude + ((random.NextDouble() - 0.5) * 0.5), 4),
                Longitude = Math.Round(around.Longitude + ((random.NextDouble() - 0.5) * 0.5), 4),
            };
        }
    }

    private IEnumerable<Contact> Contacts(Random random, int count, HashSet<string> taken)
    {
        var capacity = (words.Surnames.Count * words.GivenNames.Count) + (words.LatinFirstNames.Count * words.LatinLastNames.Count);
        if (count > capacity / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the content words make too few names for {count} contacts");
        }

        for (var made = 0; made < count;)
        {
            var name = random.Next(10) < 7 ? MandarinName(random) : LatinName(random);
            if (!taken.Add(name.Zh))
            {
                continue;
            }

            made++;
            var number = string.Create(CultureInfo.InvariantCulture, $"1{random.Next(30, 90)} {random.Next(10_000):0000} {random.Next(10_000):0000}");
            yield return new Contact { Id = Id("contact", made), Name = name.Zh, Text = name, Number = number };
        }
    }

    private LocalizedText MandarinName(Random random)
    {
        var surname = words.Surnames[random.Next(words.Surnames.Count)];
        var given = words.GivenNames[random.Next(words.GivenNames.Count)];
        return new LocalizedText(surname.Zh + given.Zh, $"{surname.En} {given.En}");
    }

    private LocalizedText LatinName(Random random)
    {
        var text = $"{words.LatinFirstNames[random.Next(words.LatinFirstNames.Count)]} {words.LatinLastNames[random.Next(words.LatinLastNames.Count)]}";
        return new LocalizedText(text, text);
    }

    private static string Id(string kind, int number) => string.Create(CultureInfo.InvariantCulture, $"generated-{kind}-{number:00000}");
}
