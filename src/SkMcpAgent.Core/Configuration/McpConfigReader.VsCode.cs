using System.Text.Json;

namespace SkMcpAgent.Core.Configuration;

/// <summary>
/// What VS Code's <c>mcp.json</c> adds to plain <c>${VAR}</c>: <c>${workspaceFolder}</c>, <c>${userHome}</c>,
/// <c>${env:VAR}</c>, <c>${input:id}</c> (declared in <c>"inputs"</c>; from <c>SKMCPAGENT_INPUT_&lt;ID&gt;</c>, else
/// asked once, else its default) and a stdio server's <c>envFile</c>.
/// </summary>
internal sealed partial class McpConfigReader
{
    private readonly Dictionary<string, McpInput> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _inputValues = new(StringComparer.Ordinal);

    private void ReadInputs(JsonElement root)
    {
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var input in inputs.EnumerateArray())
        {
            if (input.ValueKind == JsonValueKind.Object && Text(input, "id") is { Length: > 0 } id)
            {
                var password = input.TryGetProperty("password", out var flag) && flag.ValueKind == JsonValueKind.True;
                _inputs[id] = new McpInput(id, Text(input, "description"), password, Text(input, "default"));
            }
        }

        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The folder VS Code calls the workspace: the one holding <c>.vscode/mcp.json</c>, else the file's own.</summary>
    private string WorkspaceFolder =>
        string.Equals(Path.GetFileName(_baseDirectory), ".vscode", StringComparison.Ordinal)
            ? Path.GetDirectoryName(_baseDirectory) ?? _baseDirectory
            : _baseDirectory;

    private string? Lookup(string name)
    {
        if (name.StartsWith("env:", StringComparison.Ordinal))
        {
            return variables.GetValueOrDefault(name["env:".Length..]);
        }

        if (name.StartsWith("input:", StringComparison.Ordinal))
        {
            return InputValue(name["input:".Length..]);
        }

        return name switch
        {
            "workspaceFolder" => WorkspaceFolder,
            "workspaceFolderBasename" => Path.GetFileName(WorkspaceFolder),
            "userHome" => variables.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            "pathSeparator" => Path.DirectorySeparatorChar.ToString(),
            _ => variables.GetValueOrDefault(name),
        };
    }

    /// <summary>As <see cref="Lookup"/>, but an input comes only from its variable or its default: never asked.</summary>
    private string? LookupWithoutAsking(string name)
    {
        if (!name.StartsWith("input:", StringComparison.Ordinal))
        {
            return Lookup(name);
        }

        var id = name["input:".Length..];
        if (_inputValues.GetValueOrDefault(id) is { } known)
        {
            return known;
        }

        return variables.GetValueOrDefault(McpInput.VariableNameOf(id)) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : _inputs.GetValueOrDefault(id)?.Default;
    }

    /// <summary>An input's value, asked at most once per read however many servers use it.</summary>
    private string? InputValue(string id)
    {
        if (_inputValues.TryGetValue(id, out var known))
        {
            return known;
        }

        var input = _inputs.GetValueOrDefault(id) ?? new McpInput(id, null, Password: false, Default: null);
        var value = variables.GetValueOrDefault(input.VariableName) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : options.Inputs?.Ask(input) is { Length: > 0 } typed ? typed : input.Default;
        _inputValues[id] = value;
        return value;
    }

    private string MissingMessage(string server, string reference)
    {
        if (reference.StartsWith("input:", StringComparison.Ordinal))
        {
            var id = reference["input:".Length..];
            var declared = _inputs.ContainsKey(id) ? string.Empty : " (it is not declared in \"inputs\")";
            var how = options.Inputs is null
                ? $"set {McpInput.VariableNameOf(id)} in the environment or the env file (the REPL asks for it)"
                : $"type a value when asked, or set {McpInput.VariableNameOf(id)}";
            return $"server '{server}': input '{id}'{declared} has no value: {how}.";
        }

        return reference.StartsWith("env:", StringComparison.Ordinal)
            ? $"server '{server}': variable ${{{reference}}} is not set (set {reference["env:".Length..]} in the environment or the env file)."
            : $"server '{server}': variable ${{{reference}}} is not set (set it, or write ${{{reference}:-default}}).";
    }

    /// <summary>The server's <c>env</c> over the variables of its <c>envFile</c> (VS Code: the explicit ones win).</summary>
    private Dictionary<string, string> ReadEnvironment(EntryContext context)
    {
        var env = GetStringMap(context, "env");
        if (GetString(context, "envFile", expand: true) is not { Length: > 0 } envFile)
        {
            return env;
        }

        var file = Path.GetFullPath(envFile, _baseDirectory);
        if (context.Disabled && !File.Exists(file))
        {
            return env;
        }

        if (!File.Exists(file))
        {
            throw Fail(context.Path + "/envFile", $"server '{context.Name}': envFile {file} does not exist.");
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Providers.EnvFile.ReadVariables(file))
        {
            merged[name] = value;
        }

        foreach (var (name, value) in env)
        {
            merged[name] = value;
        }

        return merged;
    }
}
