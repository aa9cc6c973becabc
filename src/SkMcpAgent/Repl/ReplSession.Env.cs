using Spectre.Console;
using SkMcpAgent.Cli;

namespace SkMcpAgent.Repl;

public sealed partial class ReplSession
{
    /// <summary>
    /// <c>/env</c> shows the env file, provider and model; <c>/env FILE</c> switches to the provider that file describes
    /// for the next question, keeping the conversation and the servers. A file that fails to load changes nothing.
    /// </summary>
    private void SwitchEnv(string? envFile)
    {
        if (envFile is null)
        {
            _terminal.WriteOutMarkupLine($"Env file: {Markup.Escape(_session.EnvFilePath ?? "none")} · {DescribeProvider()}");
            return;
        }

        try
        {
            _session.SwitchProvider(envFile);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _terminal.Error($"{ErrorReport.From(ex).Message} The provider is unchanged: {(_session.Agent is null ? "none" : $"{_session.ProviderName} {_session.Model}")}.");
            return;
        }

        _terminal.WriteOutMarkupLine($"Provider: {DescribeProvider()} from {Markup.Escape(_session.EnvFilePath ?? envFile)}; the conversation is kept.");
        if (_session.Agent?.FunctionLimitProblem() is { } problem)
        {
            // The switch stands (the user may narrow the servers next), but the next question would fail: say so now.
            _terminal.WriteErrMarkupLine($"[yellow]![/] {Markup.Escape(problem)}");
        }
    }

    /// <summary>The provider and model as the banner shows them, in markup; never a key.</summary>
    private string DescribeProvider() => _session.Agent is null
        ? "[yellow]no model[/]"
        : $"{Markup.Escape(_session.ProviderName ?? "?")} [bold]{Markup.Escape(_session.Model ?? "?")}[/]";
}
