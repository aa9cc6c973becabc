using System.Text.Json;

namespace SkMcpAgent.Core.Configuration;

/// <summary>Turns one parsed server list into <see cref="McpServerConfig"/>s, failing with file:line:column messages.</summary>
internal sealed partial class McpConfigReader(
    string filePath, JsonPositions positions, IReadOnlyDictionary<string, string?> variables, McpConfigReadOptions options, string? baseDirectory = null)
{
    private readonly string _baseDirectory = baseDirectory ?? Path.GetDirectoryName(filePath) ?? Directory.GetCurrentDirectory();

    public IReadOnlyList<McpServerConfig> ReadServers(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(string.Empty, "the server list must be a JSON object with \"mcpServers\" (Claude) or \"servers\" (VS Code).");
        }

        ReadInputs(root);
        var servers = new List<McpServerConfig>();
        var sharedRoots = ReadSharedRoots(root);
        var found = false;
        foreach (var shape in new[] { "mcpServers", "servers" })
        {
            if (!root.TryGetProperty(shape, out var section))
            {
                continue;
            }

            found = true;
            var sectionPath = "/" + shape;
            if (section.ValueKind != JsonValueKind.Object)
            {
                throw Fail(sectionPath, $"\"{shape}\" must be an object mapping server names to entries.");
            }

            foreach (var entry in section.EnumerateObject())
            {
                var entryPath = sectionPath + "/" + entry.Name;
                if (string.IsNullOrWhiteSpace(entry.Name))
                {
                    throw Fail(entryPath, "a server name must not be empty.");
                }

                if (servers.Exists(s => string.Equals(s.Name, entry.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Fail(entryPath, $"server '{entry.Name}' is listed twice.");
                }

                servers.Add(WithClientSettings(ReadEntry(entry.Name, entry.Value, entryPath), entry.Value, entryPath, sharedRoots));
            }
        }

        return found
            ? servers
            : throw Fail(string.Empty, "no \"mcpServers\" (Claude) or \"servers\" (VS Code) object found.");
    }

    private McpServerConfig ReadEntry(string name, JsonElement entry, string path)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, $"server '{name}' must be an object.");
        }

        var context = new EntryContext(name, path, entry);
        WarnAboutUnknownKeys(context);
        context = context with { Disabled = GetBool(context, "disabled") ?? false };
        var transport = ReadTransport(context);
        var common = new McpServerConfig
        {
            Name = name,
            Transport = transport,
            Disabled = context.Disabled,
            StartupTimeout = GetSeconds(context, "timeout"),
            ToolTimeout = GetSeconds(context, "toolTimeout"),
            // Gemini CLI spells them includeTools / excludeTools.
            AllowedTools = Union(GetStringArray(context, "allowedTools", expand: false), GetStringArray(context, "includeTools", expand: false)),
            ExcludedTools = Union(GetStringArray(context, "excludedTools", expand: false), GetStringArray(context, "excludeTools", expand: false)),
        };

        if (transport == McpTransportKind.Stdio)
        {
            var command = GetString(context, "command", expand: true)
                ?? throw Fail(path, $"server '{name}': \"command\" is required for a stdio server.");
            if (string.IsNullOrWhiteSpace(command))
            {
                throw Fail(path + "/command", $"server '{name}': \"command\" must not be empty.");
            }

            var cwd = GetString(context, "cwd", expand: true);
            return common with
            {
                Command = RelativePaths.ResolveCommand(command, _baseDirectory),
                Args = (GetStringArray(context, "args", expand: true) ?? []).Select(a => RelativePaths.ResolveArgument(a, _baseDirectory)).ToList(),
                Env = ReadEnvironment(context),
                Cwd = string.IsNullOrEmpty(cwd) ? null : Path.GetFullPath(cwd, _baseDirectory),
            };
        }

        // Gemini CLI: httpUrl is Streamable HTTP (its url is SSE, which our http transport falls back to).
        var url = GetString(context, "httpUrl", expand: true) ?? GetString(context, "url", expand: true)
            ?? throw Fail(path, $"server '{name}': \"url\" is required for a remote ({transport.ToString().ToLowerInvariant()}) server.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Fail(path + "/url", $"server '{name}': \"url\" must be an absolute http:// or https:// URL, not '{url}'.");
        }

        return common with { Url = url, Headers = GetStringMap(context, "headers") };
    }

    private McpTransportKind ReadTransport(EntryContext context)
    {
        var type = GetString(context, "type", expand: false);
        if (type is null)
        {
            if (context.Entry.TryGetProperty("url", out _) || context.Entry.TryGetProperty("httpUrl", out _))
            {
                return McpTransportKind.Http;
            }

            return context.Entry.TryGetProperty("command", out _)
                ? McpTransportKind.Stdio
                : throw Fail(context.Path, $"server '{context.Name}' needs a \"command\" (stdio) or a \"url\" (http, sse).");
        }

        return type.ToUpperInvariant() switch
        {
            "STDIO" => McpTransportKind.Stdio,
            "HTTP" or "STREAMABLE-HTTP" or "STREAMABLEHTTP" or "STREAMABLE_HTTP" => McpTransportKind.Http,
            "SSE" => McpTransportKind.Sse,
            _ => throw Fail(context.Path + "/type", $"server '{context.Name}': unknown \"type\" '{type}' (expected stdio, http, streamable-http or sse)."),
        };
    }

    private static List<string>? Union(List<string>? first, List<string>? second) =>
        first is null ? second : second is null ? first : [.. first.Union(second, StringComparer.Ordinal)];

    private AgentConfigurationException Fail(string path, string message)
    {
        var (line, column) = positions.Find(path);
        return new AgentConfigurationException($"{filePath}:{line}:{column}: {message}");
    }

    /// <summary>One entry being read; <paramref name="Disabled"/>: the server is never started, so its values need not resolve.</summary>
    private sealed record EntryContext(string Name, string Path, JsonElement Entry, bool Disabled = false);
}
