using System.Globalization;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// A <c>math</c> transform as kuksa-can-provider writes it, e.g. <c>floor(x*1.8+32)</c>: numbers, the variable
/// <c>x</c>, <c>+ - * / %</c>, unary minus, parentheses and the functions <c>floor ceil round abs min max</c>.
/// Parsed once into a tree of closures.
/// </summary>
internal sealed class MathExpression
{
    private readonly Func<double, double> _evaluate;

    private MathExpression(string text, Func<double, double> evaluate)
    {
        Text = text;
        _evaluate = evaluate;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The value for <paramref name="x"/>.</summary>
    public double Evaluate(double x) => _evaluate(x);

    /// <summary>Parses an expression.</summary>
    /// <exception cref="FormatException">The text is not an expression; the message says where.</exception>
    public static MathExpression Parse(string text)
    {
        var parser = new Parser(text);
        var tree = parser.Sum();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.Error("an operator or the end");
        }

        return new MathExpression(text, tree);
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;

        public Func<double, double> Sum()
        {
            var left = Product();
            while (true)
            {
                SkipSpace();
                if (Take('+'))
                {
                    var (l, r) = (left, Product());
                    left = x => l(x) + r(x);
                }
                else if (Take('-'))
                {
                    var (l, r) = (left, Product());
                    left = x => l(x) - r(x);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<double, double> Product()
        {
            var left = Unary();
            while (true)
            {
                SkipSpace();
                if (Take('*'))
                {
                    var (l, r) = (left, Unary());
                    left = x => l(x) * r(x);
                }
                else if (Take('/'))
                {
                    var (l, r) = (left, Unary());
                    left = x => l(x) / r(x);
                }
                else if (Take('%'))
                {
                    var (l, r) = (left, Unary());
                    left = x => l(x) % r(x);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<double, double> Unary()
        {
            SkipSpace();
            if (Take('-'))
            {
                var operand = Unary();
                return x => -operand(x);
            }

            return Atom();
        }

        private Func<double, double> Atom()
        {
            SkipSpace();
            if (Take('('))
            {
                var inner = Sum();
                Expect(')');
                return inner;
            }

            var start = _at;
            if (!AtEnd && (char.IsDigit(text[_at]) || text[_at] == '.'))
            {
                while (!AtEnd && (char.IsDigit(text[_at]) || text[_at] is '.' or 'e' or 'E'))
                {
                    _at++;
                }

                var number = double.Parse(text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture);
                return _ => number;
            }

            while (!AtEnd && char.IsLetter(text[_at]))
            {
                _at++;
            }

            var name = text[start.._at];
            if (name == "x")
            {
                return x => x;
            }

            Func<double, double>[] args = [];
            if (name.Length > 0)
            {
                Expect('(');
                args = [Sum()];
                SkipSpace();
                while (Take(','))
                {
                    args = [.. args, Sum()];
                    SkipSpace();
                }

                Expect(')');
            }

            return (name, args.Length) switch
            {
                ("floor", 1) => x => System.Math.Floor(args[0](x)),
                ("ceil", 1) => x => System.Math.Ceiling(args[0](x)),
                ("round", 1) => x => System.Math.Round(args[0](x), MidpointRounding.AwayFromZero),
                ("abs", 1) => x => System.Math.Abs(args[0](x)),
                ("min", 2) => x => System.Math.Min(args[0](x), args[1](x)),
                ("max", 2) => x => System.Math.Max(args[0](x), args[1](x)),
                ("", _) => throw Error("a number, x, a function or '('"),
                _ => throw new FormatException($"'{text}': unknown function {name} with {args.Length} argument(s)"),
            };
        }

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private bool Take(char symbol)
        {
            if (!AtEnd && text[_at] == symbol)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(char symbol)
        {
            SkipSpace();
            if (!Take(symbol))
            {
                throw Error($"'{symbol}'");
            }
        }

        public FormatException Error(string expected) =>
            new($"'{text}': expected {expected} at column {_at + 1}");
    }
}
