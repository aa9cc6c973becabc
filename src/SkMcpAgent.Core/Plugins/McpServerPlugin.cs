using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Plugins;

/// <summary>
/// One MCP server as a kernel plugin: one <see cref="KernelFunction"/> per tool the server offers right now.
/// A plugin of its own (rather than <c>KernelPluginFactory.CreateFromFunctions</c>) because the functions change
/// while the kernel lives: a server connects after the prompt appeared, restarts, or sends
/// <c>notifications/tools/list_changed</c>. A server that is not ready has no functions.
/// </summary>
public sealed class McpServerPlugin : KernelPlugin
{
    // KernelFunctions are built once per tool function (their schema is parsed then), not per turn.
    private readonly ConditionalWeakTable<AIFunction, KernelFunction> _kernelFunctions = [];
    private readonly McpServerHub _hub;

    internal McpServerPlugin(McpServerHub hub, McpServerConnection server)
        : base(server.PluginName, $"Tools of the MCP server '{server.Name}'.")
    {
        _hub = hub;
        Server = server;
    }

    /// <summary>The server behind the plugin.</summary>
    public McpServerConnection Server { get; }

    public override int FunctionCount => Current().Count;

    public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function)
    {
        function = Current().FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return function is not null;
    }

    public override IEnumerator<KernelFunction> GetEnumerator() => Current().GetEnumerator();

    /// <summary>The MCP function behind one of this plugin's functions (its schema exactly as the server published it).</summary>
    public AIFunction? FindSource(string functionName)
    {
        foreach (var named in _hub.NameFunctions())
        {
            if (ReferenceEquals(named.Server, Server) && string.Equals(named.Name, functionName, StringComparison.OrdinalIgnoreCase))
            {
                return named.Function;
            }
        }

        return null;
    }

    private List<KernelFunction> Current()
    {
        List<KernelFunction> functions = [];
        foreach (var named in _hub.NameFunctions())
        {
            if (ReferenceEquals(named.Server, Server))
            {
                functions.Add(ToKernelFunction(named.Name, named.Function));
            }
        }

        return functions;
    }

    private KernelFunction ToKernelFunction(string name, AIFunction function)
    {
        // Named as in the plugin; a clash with another server renamed it, so the cached one may carry the old name.
        if (_kernelFunctions.TryGetValue(function, out var cached) && string.Equals(cached.Name, name, StringComparison.Ordinal))
        {
            return cached;
        }

        var source = string.Equals(function.Name, name, StringComparison.Ordinal) ? function : new RenamedFunction(function, name);
        var kernelFunction = source.AsKernelFunction().Clone(Name);
        _kernelFunctions.AddOrUpdate(function, kernelFunction);
        return kernelFunction;
    }
}
