namespace SkMcpAgent.Repl;

/// <summary>Reads one line of user input after showing a prompt; null at end of input (Ctrl+D, closed pipe).</summary>
public interface ILineReader
{
    Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken);
}
