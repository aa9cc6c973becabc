using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SkMcpAgent.Cli;

/// <summary>The standard help, followed by examples, exit codes and where settings come from.</summary>
internal sealed class ExtendedHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = inner.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.Write(HelpText.Epilogue);
        return exitCode;
    }
}
