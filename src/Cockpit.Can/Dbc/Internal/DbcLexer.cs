using System.Text;

namespace Cockpit.Can.Dbc.Internal;

/// <summary>
/// Splits DBC text into tokens. Identifiers may start with a digit (opendbc has <c>64_BIT_LE</c>), strings may span
/// lines (multi-line <c>CM_</c>), and <c>//</c> starts a comment outside strings.
/// </summary>
internal sealed class DbcLexer
{
    private readonly string _text;
    private readonly string _fileName;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _lastTokenLine;

    public DbcLexer(string text, string fileName)
    {
        _text = text;
        _fileName = fileName;
    }

    public List<DbcToken> ReadAll()
    {
        var tokens = new List<DbcToken>();
        DbcToken token;
        do
        {
            token = Next();
            tokens.Add(token);
        }
        while (token.Kind != DbcTokenKind.End);
        return tokens;
    }

    private DbcToken Next()
    {
        SkipWhitespaceAndComments();
        var line = _line;
        var column = _pos - _lineStart + 1;
        var startsLine = line != _lastTokenLine;
        _lastTokenLine = line;
        if (_pos >= _text.Length)
        {
            return new DbcToken(DbcTokenKind.End, string.Empty, line, column, true);
        }

        var c = _text[_pos];
        if (c == '"')
        {
            return new DbcToken(DbcTokenKind.String, ReadString(line, column), line, column, startsLine);
        }

        if (IsNumberStart(_pos))
        {
            var start = _pos;
            var plainDigits = ScanNumber();
            if (plainDigits && _pos < _text.Length && IsWordChar(_text[_pos]))
            {
                while (_pos < _text.Length && IsWordChar(_text[_pos]))
                {
                    _pos++;
                }

                return new DbcToken(DbcTokenKind.Identifier, _text[start.._pos], line, column, startsLine);
            }

            return new DbcToken(DbcTokenKind.Number, _text[start.._pos], line, column, startsLine);
        }

        if (IsWordChar(c))
        {
            var start = _pos;
            while (_pos < _text.Length && IsWordChar(_text[_pos]))
            {
                _pos++;
            }

            return new DbcToken(DbcTokenKind.Identifier, _text[start.._pos], line, column, startsLine);
        }

        _pos++;
        return new DbcToken(DbcTokenKind.Symbol, c.ToString(), line, column, startsLine);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                NewLine();
            }
            else if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos;
    }

    private string ReadString(int line, int column)
    {
        var builder = new StringBuilder();
        _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            switch (c)
            {
                case '"':
                    return builder.ToString();
                case '\\' when _pos < _text.Length:
                    builder.Append(_text[_pos++]);
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append('\n');
                    NewLine();
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        throw new DbcParseException(_fileName, line, column, "expected a closing '\"' for the string that starts here, found end of file");
    }

    private bool IsNumberStart(int pos)
    {
        var c = _text[pos];
        if (char.IsAsciiDigit(c))
        {
            return true;
        }

        var next = pos + 1 < _text.Length ? _text[pos + 1] : '\0';
        return c is '-' or '+' ? char.IsAsciiDigit(next) || (next == '.' && pos + 2 < _text.Length && char.IsAsciiDigit(_text[pos + 2]))
            : c == '.' && char.IsAsciiDigit(next);
    }

    // Returns whether the number was digits only, so that a following letter makes it an identifier.
    private bool ScanNumber()
    {
        var plain = true;
        if (_text[_pos] is '-' or '+')
        {
            plain = false;
            _pos++;
        }

        SkipDigits();
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            plain = false;
            _pos++;
            SkipDigits();
        }

        if (_pos + 1 < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var exponent = _pos + 1;
            if (_text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < _text.Length && char.IsAsciiDigit(_text[exponent]))
            {
                plain = false;
                _pos = exponent;
                SkipDigits();
            }
        }

        return plain;
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
