using System.Diagnostics;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Starts a stdio MCP server as a child process with only the environment <see cref="McpTransports.ChildEnvironment"/>
/// allows. Stands in for the SDK's <c>StdioClientTransport</c> for speed: see <see cref="StdioProcessSession"/>.
/// </summary>
internal sealed class StdioProcessTransport(McpServerConfig config, Action<string> stderrLine) : IClientTransport
{
    public string Name => config.Name;

    public Task<ITransport> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var start = new ProcessStartInfo(config.Command!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = config.Cwd ?? string.Empty,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
        };
        foreach (var argument in config.Args)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the agent's own environment beyond what ChildEnvironment lets through (API keys stay here).
        start.Environment.Clear();
        foreach (var (name, value) in McpTransports.ChildEnvironment(config))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new IOException($"Could not start '{config.Command}': {ex.Message}", ex);
        }

        return Task.FromResult<ITransport>(new StdioProcessSession(process, config.Name, stderrLine));
    }
}
