using RadLine;

namespace SkMcpAgent.Tests.Support;

/// <summary>Key presses for the line editor, as a user types them: text, Enter, and control keys.</summary>
public sealed class ScriptedKeys : IInputSource
{
    private readonly Queue<ConsoleKeyInfo> _keys = new();

    public bool ByPassProcessing => true;

    public bool IsKeyAvailable()
    {
        lock (_keys)
        {
            return _keys.Count > 0;
        }
    }

    public ConsoleKeyInfo ReadKey()
    {
        lock (_keys)
        {
            return _keys.Dequeue();
        }
    }

    /// <summary>Each character typed as its own key.</summary>
    public ScriptedKeys Type(string text)
    {
        foreach (var c in text)
        {
            var key = char.IsAsciiLetter(c) ? (ConsoleKey)char.ToUpperInvariant(c)
                : char.IsAsciiDigit(c) ? ConsoleKey.D0 + (c - '0')
                : c == ' ' ? ConsoleKey.Spacebar
                : ConsoleKey.Oem2;
            Add(new ConsoleKeyInfo(c, key, shift: char.IsAsciiLetterUpper(c), alt: false, control: false));
        }

        return this;
    }

    public ScriptedKeys Press(ConsoleKey key) => Add(new ConsoleKeyInfo(key == ConsoleKey.Enter ? '\r' : '\0', key, false, false, false));

    /// <summary>Ctrl+letter, with the control character a terminal sends for it.</summary>
    public ScriptedKeys Control(ConsoleKey letter) =>
        Add(new ConsoleKeyInfo((char)(letter - ConsoleKey.A + 1), letter, shift: false, alt: false, control: true));

    public ScriptedKeys Enter() => Press(ConsoleKey.Enter);

    private ScriptedKeys Add(ConsoleKeyInfo key)
    {
        lock (_keys)
        {
            _keys.Enqueue(key);
        }

        return this;
    }
}
