namespace SkMcpAgent.Repl;

/// <summary>
/// Line reading without a terminal: pipes, dumb terminals and scripted tests. The prompt is written as plain
/// text; nothing is echoed or redrawn.
/// </summary>
/// <remarks>With <paramref name="echo"/> (input from a pipe or file) each line read is written after its prompt, so
/// the transcript on stdout reads like a terminal session.</remarks>
public sealed class PlainLineReader(TextReader input, TextWriter output, bool echo = false) : ILineReader
{
    public async Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        await output.WriteAsync(prompt.AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);

        // Console.In ignores the token while blocked in a read; WaitAsync lets Ctrl+C end the wait anyway.
        var line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
        if (line is null || echo)
        {
            // End the prompt's line so whatever follows starts on a fresh one.
            await output.WriteLineAsync(echo ? line : null);
            await output.FlushAsync(cancellationToken);
        }

        return line;
    }
}
