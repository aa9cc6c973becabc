using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SkMcpAgent.Core.Mcp;

/// <summary>
/// Names that Semantic Kernel and every provider accept. SK allows <c>^[0-9A-Za-z_]+$</c> for plugin and function
/// names; the model sees <c>plugin_function</c>, which OpenAI caps at 64 characters. MCP names (<c>get-sum</c>,
/// <c>my.server</c>, spaces, unicode, 200-character names) are sanitised, and clashes get deterministic suffixes,
/// so the same server list always yields the same names. The server is always called with the original name.
/// </summary>
internal static class FunctionNames
{
    /// <summary>The longest name the model sees (<c>plugin_function</c>): OpenAI's limit.</summary>
    public const int MaxQualifiedLength = 64;

    /// <summary>Plugin names stay short so that the tool part keeps most of the 64 characters.</summary>
    public const int MaxPluginLength = 24;

    /// <summary>Replaces every character outside <c>[A-Za-z0-9_]</c> with '_' and fits the result in <paramref name="maxLength"/>.</summary>
    public static string Sanitize(string name, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 10);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var sanitized = builder.Length == 0 ? "_" : builder.ToString();
        if (sanitized.Length <= maxLength)
        {
            return sanitized;
        }

        // Keep the start readable and let a hash of the whole name keep long names apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return sanitized[..(maxLength - 9)] + "_" + hash;
    }

    /// <summary>The plugin name for a server.</summary>
    public static string ForPlugin(string serverName) => Sanitize(serverName, MaxPluginLength);

    /// <summary>The function name for a tool of a plugin, so that <c>plugin_function</c> fits in 64 characters.</summary>
    public static string ForFunction(string pluginName, string toolName) =>
        Sanitize(toolName, MaxFunctionLength(pluginName));

    /// <summary>How long a function name of this plugin may be.</summary>
    public static int MaxFunctionLength(string pluginName) => MaxQualifiedLength - pluginName.Length - 1;

    /// <summary>What the model sees: <c>plugin_function</c>, as Semantic Kernel joins them.</summary>
    public static string Qualified(string pluginName, string functionName) => pluginName + "_" + functionName;

    /// <summary>
    /// <paramref name="candidate"/> if no earlier name took it (ignoring case, as SK's plugin collection does), else
    /// the first free <c>candidate_2</c>, <c>candidate_3</c>...; the chosen name is added to <paramref name="taken"/>.
    /// </summary>
    public static string MakeUnique(string candidate, ISet<string> taken, int maxLength)
    {
        var name = candidate;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
            name = (candidate.Length + suffix.Length > maxLength ? candidate[..(maxLength - suffix.Length)] : candidate) + suffix;
        }

        return name;
    }
}
