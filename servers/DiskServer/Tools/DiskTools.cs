using System.ComponentModel;
using System.Globalization;
using System.Text;
using DiskServer.Formatting;
using DiskServer.SystemInfo;
using DiskServer.Volumes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Shared.Json;

namespace DiskServer.Tools;

/// <summary>
/// The disk server's tools. All are read-only: nothing here writes, moves or deletes. Errors meant for the model
/// are <see cref="McpException"/>s saying what was wrong and what to pass instead.
/// </summary>
[McpServerToolType]
internal sealed partial class DiskTools
{
    private readonly DiskToolsOptions _options;
    private readonly ILogger _logger;

    public DiskTools(DiskToolsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<DiskTools>();
    }

    [McpServerTool(Name = "get_os_info", Title = "Operating system information", ReadOnly = true, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(OsInfo))]
    [Description("Describes the machine this server runs on: OS name and version, CPU architecture, machine name, .NET runtime, processor count and uptime. Takes no arguments.")]
    public static CallToolResult GetOsInfo()
    {
        var info = OsInfoReader.Read();
        var description = info.Description == info.Name ? string.Empty : $" ({info.Description})";
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            OS: {info.Name}{description}
            Kernel / OS version: {info.Version}
            Architecture: {info.Architecture} (process: {info.ProcessArchitecture})
            Machine name: {info.MachineName}
            Runtime: {info.Runtime}
            Processors: {info.ProcessorCount}
            Uptime: {info.Uptime}
            """);
        return Result(text, info);
    }

    private static CallToolResult Result<T>(string text, T structured) =>
        StructuredToolResult.Create(text, structured, DiskJsonContext.ToolOptions);

    /// <summary>Resolves a user's path and checks that it exists, or throws a message the model can act on.</summary>
    private static ResolvedPath ResolveExisting(string path, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new McpException($"'{parameterName}' must not be empty: pass an absolute path such as '/' or '/home'.");
        }

        // .NET rejects such a path with an exception the model would only see as "an error occurred".
        var nul = path.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new McpException($"'{parameterName}' contains a NUL character (\\0) at position {nul}: no file or directory name can contain one. Pass the path without it.");
        }

        ResolvedPath resolved;
        try
        {
            resolved = PathResolver.Resolve(path, Environment.CurrentDirectory);
        }
        catch (IOException ex)
        {
            throw new McpException($"Cannot resolve {DisplayPath.Quoted(path)}: {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new McpException($"Permission denied while resolving {DisplayPath.Quoted(path)}: the server cannot look inside one of its parent directories.");
        }

        if (!Directory.Exists(resolved.FullPath) && !File.Exists(resolved.FullPath))
        {
            var where = resolved.WasRelative ? $" (resolved against the server's working directory to {DisplayPath.Quote(resolved.FullPath)})" : string.Empty;
            throw new McpException($"Path {DisplayPath.Quoted(path)} does not exist{where}. Check the spelling, or pass an absolute path to an existing file or directory.");
        }

        return resolved;
    }

    private static void AppendNote(StringBuilder text, string? note)
    {
        if (note is not null)
        {
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.AppendLine();
            }

            text.Append("Note: ").Append(note);
        }
    }
}
