using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SkMcpAgent.Cli;
using SkMcpAgent.Core;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Output;
using SkMcpAgent.Rendering;
using SkMcpAgent.Session;

namespace SkMcpAgent.Modes;

/// <summary>
/// <c>call &lt;function&gt; [--args JSON]</c>: one function, called through the kernel (its timeout and failure
/// filters, as for the model's calls); its result goes to stdout.
/// </summary>
public static class CallMode
{
    public static async Task<int> RunAsync(string functionName, string? argumentsJson, AgentOptions options, Terminal terminal, SessionSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var arguments = ParseArguments(argumentsJson);
        var events = new EventRenderer(terminal) { ShowServerEvents = options.Verbose, ShowFunctionCalls = false };
        await using var session = AgentSession.Create(options, terminal, events, setup, withModel: false);
        await session.Hub.WaitForAllAsync(cancellationToken);

        var functions = session.Hub.GetFunctions();
        var source = functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.Ordinal))
            ?? throw new AgentConfigurationException(UnknownFunction(functionName, functions, session));
        var function = session.Runtime.FindFunction(source.Name)
            ?? throw new AgentConfigurationException(UnknownFunction(functionName, functions, session));
        var serverName = source.GetServerName();

        // Through the kernel, like the model's calls: the same timeout and the same failures-as-results.
        var stopwatch = Stopwatch.StartNew();
        var outcome = await session.Runtime.InvokeFunctionAsync(function, arguments, events, cancellationToken);
        var ok = !FunctionOutcome.IsError(outcome);
        var failure = FunctionOutcome.Exception(outcome);
        var text = ok || failure is null
            ? FunctionOutcome.Text(outcome)
            : failure is TimeoutException ? TimedOut(source.Name, options.ToolTimeout ?? FunctionTimeoutFilter.DefaultTimeout) : failure.Message;

        if (options.Json)
        {
            JsonOutput.Write(terminal.Host.Output, new JsonCallResult(
                source.Name, serverName, ok, ok ? text : null, ok ? null : text, Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1)));
        }
        else if (ok)
        {
            terminal.WriteAnswer(text.EndsWith('\n') ? text : text + Environment.NewLine);
        }
        else
        {
            terminal.Error(failure is TimeoutException ? text : $"{source.Name} failed: {TextSummary.OneLine(text, 500)}");
        }

        return ok ? ExitCodes.Success : ExitCodes.RuntimeError;
    }

    /// <summary>The line for a call the timeout cancelled: the function, the limit, and how to change it.</summary>
    public static string TimedOut(string functionName, TimeSpan limit) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{functionName} did not answer within {limit.TotalSeconds:0.###} s and was cancelled; change the limit with --tool-timeout SECONDS (0 for none).");

    /// <summary>The --args JSON as function arguments; it must be an object.</summary>
    public static AIFunctionArguments ParseArguments(string? json)
    {
        var arguments = new AIFunctionArguments();
        if (string.IsNullOrWhiteSpace(json))
        {
            return arguments;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new AgentConfigurationException($"--args is not valid JSON: {ex.Message}", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AgentConfigurationException("--args must be a JSON object, e.g. '{\"path\":\"/\"}'.");
        }

        foreach (var property in root.EnumerateObject())
        {
            arguments[property.Name] = property.Value;
        }

        return arguments;
    }

    private static string UnknownFunction(string name, IReadOnlyList<AIFunction> functions, AgentSession session)
    {
        var failures = session.FailedServers.Count > 0 ? $" (down: {session.DescribeFailures()})" : string.Empty;
        if (functions.Count == 0)
        {
            return $"No function named '{name}': no server offers any function{failures}.";
        }

        var close = functions.Where(f => f.Name.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(f.Name, StringComparison.OrdinalIgnoreCase)).Select(static f => f.Name).ToList();
        var suggestion = close.Count > 0 ? $" Did you mean {string.Join(" or ", close)}?" : string.Empty;
        return $"No function named '{name}'.{suggestion} Run 'tools' to list them{failures}.";
    }
}
