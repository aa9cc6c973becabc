using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>
/// Functions a test can change between turns, as kernel plugins: a function named <c>weather_get_forecast</c> is
/// function <c>get_forecast</c> of plugin <c>weather</c>, and one named <c>ping</c> is <c>ping</c> of plugin
/// <c>local</c>, so the model sees <c>local_ping</c> (SK names every function <c>plugin_function</c>).
/// </summary>
public sealed class FakeFunctionSource(params AIFunction[] functions)
{
    public const string LocalPlugin = "local";

    public List<AIFunction> Functions { get; } = [.. functions];

    /// <summary>The name the model sees for a function of this source.</summary>
    public static string ModelName(string functionName) => functionName.Contains('_', StringComparison.Ordinal) ? functionName : LocalPlugin + "_" + functionName;

    /// <summary>
    /// One plugin per prefix in use now and in the prefixes a test may add later (<c>local</c>, <c>weather</c>,
    /// <c>disk</c>); each reads the source afresh on every request.
    /// </summary>
    public IEnumerable<KernelPlugin> CreatePlugins() =>
        Functions.Select(static f => Split(f.Name).Plugin)
            .Concat([LocalPlugin, "weather", "disk"])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(plugin => new SourcePlugin(this, plugin));

    private static (string Plugin, string Function) Split(string name)
    {
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 ? (name[..separator], name[(separator + 1)..]) : (LocalPlugin, name);
    }

    /// <summary>One plugin's share of the source's functions, read afresh on every request.</summary>
    private sealed class SourcePlugin(FakeFunctionSource source, string name) : KernelPlugin(name)
    {
        public override int FunctionCount => Current().Count;

        public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function)
        {
            function = Current().FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            return function is not null;
        }

        public override IEnumerator<KernelFunction> GetEnumerator() => Current().GetEnumerator();

        private List<KernelFunction> Current() =>
        [
            .. source.Functions
                .Where(f => string.Equals(Split(f.Name).Plugin, Name, StringComparison.OrdinalIgnoreCase))
                .Select(f => new RenamedFunction(f, Split(f.Name).Function).AsKernelFunction().Clone(Name)),
        ];
    }
}
