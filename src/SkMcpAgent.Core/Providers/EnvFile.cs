using System.Collections;
using System.Text.RegularExpressions;

namespace SkMcpAgent.Core.Providers;

/// <summary>Reads the env file (".env" by default, or the one named by --env-file) without touching the process environment.</summary>
public static partial class EnvFile
{
    /// <summary>The file looked for in the current directory when no path is given.</summary>
    public const string DefaultFileName = ".env";

    /// <summary>
    /// Loads <paramref name="path"/> (relative to <paramref name="currentDirectory"/>), which must exist; with a null path,
    /// loads ".env" from <paramref name="currentDirectory"/> when there is one. Variables already in the process
    /// environment win over the file's.
    /// </summary>
    /// <param name="givenWith">Where the user named the file, for the message when it does not exist.</param>
    /// <exception cref="AgentConfigurationException">The named file does not exist or cannot be read.</exception>
    public static EnvFileResult Load(string? path, string currentDirectory, string givenWith = "--env-file")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentDirectory);

        string? file;
        if (path is null)
        {
            var candidate = Path.Combine(currentDirectory, DefaultFileName);
            file = File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
        }
        else
        {
            file = Path.GetFullPath(path, currentDirectory);
            if (!File.Exists(file))
            {
                throw new AgentConfigurationException($"Env file not found: {file} (given with {givenWith}).");
            }
        }

        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (file is not null)
        {
            foreach (var (name, value) in ReadFile(file))
            {
                variables[name] = value;
            }
        }

        var processNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value;
            processNames.Add((string)entry.Key);
        }

        return new EnvFileResult(variables, file) { ProcessNames = processNames };
    }

    /// <summary>The variables of a dotenv file (a stdio server's <c>envFile</c>), with the same errors as the agent's own.</summary>
    internal static List<KeyValuePair<string, string>> ReadVariables(string file) => ReadFile(file);

    private static List<KeyValuePair<string, string>> ReadFile(string file)
    {
        try
        {
            // NoEnvVars: parse only. The caller merges, so the process environment is never changed behind its back.
            return [.. DotNetEnv.Env.NoEnvVars().Load(file)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException($"Cannot read env file {file}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not AgentConfigurationException)
        {
            // DotNetEnv's parser error quotes the text it "recently consumed": the end of the previous value, often
            // an API key. Only the position is kept, and the exception is not attached (--verbose prints inner ones).
            throw new AgentConfigurationException($"Env file {file} is not valid: {DescribeSyntaxError(ex.Message)}");
        }
    }

    /// <summary>"syntax error at line L, column C" from a parser message, and nothing else of it.</summary>
    internal static string DescribeSyntaxError(string parserMessage)
    {
        var position = ParserPosition().Match(parserMessage);
        return position.Success
            ? $"syntax error at line {position.Groups["line"].Value}, column {position.Groups["column"].Value} (check quotes and escapes there and on the lines before it)"
            : "syntax error (check quotes and escapes)";
    }

    [GeneratedRegex(@"Line (?<line>\d+), Column (?<column>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ParserPosition();
}
