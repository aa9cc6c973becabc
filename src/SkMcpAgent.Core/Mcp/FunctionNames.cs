using System.Security.Cryptography;
using System.Text;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Function names as providers accept them: <c>^[A-Za-z0-9_-]{1,64}$</c>. Names are made unique with
/// deterministic suffixes, so the same server list always yields the same names.
/// </summary>
internal static class FunctionNames
{
    public const int MaxLength = 64;

    /// <summary>Replaces every character outside <c>[A-Za-z0-9_-]</c> with '_' and fits the result in 64 characters.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        var sanitized = builder.Length == 0 ? "_" : builder.ToString();
        if (sanitized.Length <= MaxLength)
        {
            return sanitized;
        }

        // Keep the start readable and let a hash of the whole name keep long names apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return sanitized[..(MaxLength - 9)] + "_" + hash;
    }

    /// <summary><c>server_tool</c>, sanitised.</summary>
    public static string ForTool(string serverName, string toolName) => Sanitize(serverName + "_" + toolName);

    /// <summary>
    /// <paramref name="candidate"/> if no earlier name took it, else the first free <c>candidate_2</c>,
    /// <c>candidate_3</c>...; the chosen name is added to <paramref name="taken"/>.
    /// </summary>
    public static string MakeUnique(string candidate, ISet<string> taken)
    {
        var name = candidate;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = (candidate.Length + suffix.Length > MaxLength ? candidate[..(MaxLength - suffix.Length)] : candidate) + suffix;
        }

        return name;
    }
}
