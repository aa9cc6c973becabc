using System.Collections;
using System.Text.Json;

namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// Reads the MCP server list: the Claude Desktop / Claude Code shape (<c>{"mcpServers": {...}}</c>) or the VS Code
/// shape (<c>{"servers": {...}}</c>, with its <c>inputs</c>), and Gemini CLI's <c>mcpServers</c> keys. Comments and trailing commas are allowed.
/// Every problem becomes one <see cref="AgentConfigurationException"/> naming the file, line and column.
/// </summary>
public static class McpConfigLoader
{
    /// <summary>The file name looked for in the current directory.</summary>
    public const string DefaultFileName = "mcp.json";

    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads and validates the server list at <paramref name="path"/>.</summary>
    /// <param name="variables">Values for <c>${VAR}</c> references; the process environment when null.</param>
    /// <param name="options">Who to ask for <c>${input:id}</c> values and where to warn; none asks nobody and drops warnings.</param>
    public static IReadOnlyList<McpServerConfig> Load(string path, IReadOnlyDictionary<string, string?>? variables = null, McpConfigReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = ReadLimited(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException($"Cannot read the MCP server list {fullPath}: {ex.Message}", ex);
        }

        return Parse(bytes, fullPath, variables ?? ReadEnvironment(), options ?? new McpConfigReadOptions());
    }

    /// <summary>How messages name a server list given as JSON text on the command line.</summary>
    public const string InlineLabel = "--config JSON";

    /// <summary>Loads a server list given as JSON text; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<McpServerConfig> LoadJson(
        string json, string baseDirectory, IReadOnlyDictionary<string, string?>? variables = null, McpConfigReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        if (bytes.Length > MaxFileBytes)
        {
            throw new AgentConfigurationException($"The MCP server list given as {InlineLabel} is too large: more than {MaxFileBytes / (1024 * 1024)} MB.");
        }

        return Parse(bytes, InlineLabel, variables ?? ReadEnvironment(), options ?? new McpConfigReadOptions(), baseDirectory);
    }

    /// <summary>The largest server list read: far beyond any real one, small enough to fail fast on /dev/zero.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The file's bytes, reading at most one byte past <see cref="MaxFileBytes"/> (endless files too).</summary>
    private static byte[] ReadLimited(string fullPath)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[MaxFileBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > MaxFileBytes)
        {
            throw new AgentConfigurationException(
                $"The MCP server list {fullPath} is too large: more than {MaxFileBytes / (1024 * 1024)} MB (is it the right file?).");
        }

        return buffer[..total];
    }

    /// <summary>The <c>mcp.json</c> in <paramref name="currentDirectory"/>, or null when there is none.</summary>
    public static string? FindDefault(string currentDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentDirectory);
        var candidate = Path.Combine(currentDirectory, DefaultFileName);
        return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    internal static IReadOnlyList<McpServerConfig> Parse(
        ReadOnlySpan<byte> utf8, string filePath, IReadOnlyDictionary<string, string?> variables, McpConfigReadOptions options, string? baseDirectory = null)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new AgentConfigurationException($"{filePath}:{line}:{column}: invalid JSON: {DescribeJsonError(ex)}", ex);
        }

        using (document)
        {
            var reader = new McpConfigReader(filePath, JsonPositions.Build(utf8, ReaderOptions), variables, options, baseDirectory);
            return reader.ReadServers(document.RootElement);
        }
    }

    private static string DescribeJsonError(JsonException ex)
    {
        // The reader appends "Path: $ | LineNumber: 2 | BytePositionInLine: 4." which the message already says better.
        var message = ex.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index > 0)
            {
                message = message[..index];
            }
        }

        return message.TrimEnd();
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
