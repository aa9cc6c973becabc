using System.CommandLine;
using System.CommandLine.Help;
using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Cli;

/// <summary>
/// The command-line grammar. System.CommandLine parses and prints help and version; dispatch, exit codes and
/// error text stay ours, so every mode maps failures the same way.
/// </summary>
public sealed class AgentCommandLine
{
    private readonly Argument<string[]> _question = new("question")
    {
        Description = "The question for single-shot mode. Without one (and with a terminal on stdin) the REPL starts.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _prompt = new("--prompt", "-p") { Description = "The question, as an option (single-shot)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object on stdout (answer, tool calls, usage; or the error). Same as --output-format json.", Recursive = true };
    private readonly Option<string?> _outputFormat = new Option<string?>("--output-format")
    {
        Description = "text (default), json (one object at the end) or stream-json (one JSON object per line as things happen).",
        HelpName = "format",
        Recursive = true,
    }.AcceptOnlyFromAmong("text", "json", "stream-json");
    private readonly Option<string?> _envFile = new("--env-file") { Description = "The env file with provider settings (default: ./.env). Variables already set in the environment win over it.", HelpName = "path", Recursive = true };
    private readonly Option<string?> _config = new("--config", "-c", "--mcp-config")
    {
        Description = "The MCP server list: a file, or the JSON itself ('{\"mcpServers\":{...}}'). Default: ./.mcp.json, ./mcp.json, ./.vscode/mcp.json, then ~/.config/skmcpagent/mcp.json.",
        HelpName = "path|json",
        Recursive = true,
    };
    private readonly Option<int?> _maxRounds = new("--max-rounds") { Description = "At most this many model round trips with function calls per question.", HelpName = "n" };
    private readonly Option<string?> _approve = new Option<string?>("--approve") { Description = "Approve function calls: auto (run them), ask (prompt in the REPL), deny.", HelpName = "mode" }.AcceptOnlyFromAmong("auto", "ask", "deny");
    private readonly Option<double?> _toolTimeout = new("--tool-timeout") { Description = "Cancel a function call after this many seconds (default 120; 0 for no limit), for the model's calls and 'call'.", HelpName = "seconds", Recursive = true };
    private readonly Option<string?> _model = new("--model", "-m") { Description = "The model (Azure OpenAI: the deployment) instead of the env file's; /model changes it in the REPL.", HelpName = "name" };
    private readonly Option<string?> _system = new("--system") { Description = "The system prompt.", HelpName = "text" };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Log details (and stack traces) to stderr.", Recursive = true };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Only the answer: no tool traces or diagnostics on stderr.", Recursive = true };
    private readonly Option<bool> _noColor = new("--no-color") { Description = "No colours or cursor control (also NO_COLOR=1, or when output is redirected).", Recursive = true };
    private readonly Option<string[]> _roots = new("--root") { Description = "Declare this folder to every server as a root (repeatable); without roots, servers use their own configuration.", HelpName = "path", Recursive = true, AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _interactive = new("--interactive", "-i") { Description = "Start the REPL even when stdin is not a terminal (reads plain lines)." };
    private readonly Option<bool> _continue = new("--continue") { Description = "Continue the most recent conversation of this folder (single-shot or REPL)." };
    private readonly Option<string?> _resume = new("--resume", "-r") { Description = "Continue the conversation with this id (a unique prefix is enough); without an id, list the recent ones to pick from.", HelpName = "id", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _noSave = new("--no-save") { Description = "Do not save this conversation to the history (also SKMCPAGENT_NO_SAVE=1)." };
    private readonly Argument<string?> _toolsServer = new("server") { Description = "Only this server.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Argument<string> _callFunction = new("function") { Description = "The function, as the model sees it: <server>_<tool>." };
    private readonly Option<string?> _callArgs = new("--args", "-a") { Description = "The arguments as a JSON object, e.g. '{\"path\":\"/\"}'.", HelpName = "json" };
    private readonly Argument<string> _completionShell = new Argument<string>("shell") { Description = "bash or zsh." }.AcceptOnlyFromAmong([.. CompletionScript.Shells]);

    private readonly RootCommand _root;
    private readonly Command _tools;
    private readonly Command _call;
    private readonly Command _mcp;
    private readonly Command _mcpList;
    private readonly Command _completion;

    public AgentCommandLine()
    {
        _root = new RootCommand("SkMcpAgent: a terminal agent that lets an LLM call the tools of MCP servers.");
        _root.Arguments.Add(_question);
        foreach (var option in new Option[] { _prompt, _json, _outputFormat, _envFile, _config, _maxRounds, _approve, _toolTimeout, _model, _system, _verbose, _quiet, _noColor, _interactive, _roots, _continue, _resume, _noSave })
        {
            _root.Options.Add(option);
        }

        _tools = new Command("tools", "List every MCP server with its state and functions (no model needed).");
        _tools.Arguments.Add(_toolsServer);
        _call = new Command("call", "Call one function directly and print its result (no model needed).");
        _call.Arguments.Add(_callFunction);
        _call.Options.Add(_callArgs);
        _mcp = new Command("mcp", "The MCP server configuration.");
        _mcpList = new Command("list", "Which server-list files were looked for and read, and the servers each gave (starts none).");
        _mcp.Subcommands.Add(_mcpList);
        _root.Subcommands.Add(_tools);
        _root.Subcommands.Add(_call);
        _root.Subcommands.Add(_mcp);
        _completion = new Command("completion", "Print a shell completion script to source: source <(SkMcpAgent completion bash), or zsh.");
        _completion.Arguments.Add(_completionShell);
        _root.Subcommands.Add(_completion);

        // Custom parsers: System.CommandLine's own message for a non-number names the CLR type (System.Nullable`1[...]).
        _maxRounds.CustomParser = static result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var rounds) && rounds >= 1)
            {
                return rounds;
            }

            result.AddError($"--max-rounds must be a whole number, 1 or more (not '{text}').");
            return null;
        };

        _toolTimeout.CustomParser = static result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && !double.IsNaN(seconds) && seconds <= int.MaxValue / 1000.0)
            {
                return seconds;
            }

            result.AddError($"--tool-timeout must be a number of seconds, 0 or more (0 for no limit), not '{text}'.");
            return null;
        };

        // Dispatch is ours; the actions exist only so System.CommandLine accepts each command on its own.
        foreach (var command in new[] { _root, _tools, _call, _mcpList, _completion })
        {
            command.SetAction(static _ => ExitCodes.Success);
        }

        var help = _root.Options.OfType<HelpOption>().Single();
        help.Action = new ExtendedHelpAction((HelpAction)help.Action!);
    }

    public RootCommand Root => _root;

    public ParseResult ParseRaw(IReadOnlyList<string> args) => _root.Parse(args);

    /// <summary>Parses <paramref name="args"/> into the command to run.</summary>
    public ParsedCommand Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = _root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // Values can't be read from a failed parse; keep the flags that shape how the error is shown.
            var flags = new AgentOptions { Format = FormatOfFailedParse(args), NoColor = args.Contains("--no-color"), Verbose = args.Contains("--verbose") };
            return new InvalidCommand(flags, string.Join(Environment.NewLine, result.Errors.Select(static e => e.Message)));
        }

        var options = ReadOptions(result);
        if (UnknownOption(args, result.GetValue(_question)) is { } unknown)
        {
            return new InvalidCommand(options, $"Unknown option '{unknown}'. Run with --help to see the options; put a question that starts with '-' after --.");
        }

        if (result.Action is not null && result.Action != result.CommandResult.Command.Action)
        {
            return new InformationCommand(options);
        }

        if (result.CommandResult.Command == _tools)
        {
            return new ToolsCommand(options, result.GetValue(_toolsServer));
        }

        if (result.CommandResult.Command == _mcpList)
        {
            return new McpListCommand(options);
        }

        if (result.CommandResult.Command == _completion)
        {
            return new CompletionCommand(options, result.GetValue(_completionShell)!);
        }

        if (result.CommandResult.Command == _call)
        {
            return new CallCommand(options, result.GetValue(_callFunction)!, result.GetValue(_callArgs));
        }

        if (options.Question is not null && result.GetValue(_prompt) is not null && result.GetValue(_question) is { Length: > 0 })
        {
            return new InvalidCommand(options, "Give the question either as words or with --prompt, not both.");
        }

        if (options.Continue && options.Resume)
        {
            return new InvalidCommand(options, "Use --continue (the last conversation of this folder) or --resume (a given one), not both.");
        }

        return new ChatCommand(options);
    }

    // The question argument takes any word, so an unknown option would silently become the question.
    private static string? UnknownOption(IReadOnlyList<string> args, string[]? words)
    {
        if (words is not { Length: > 0 })
        {
            return null;
        }

        var endOfOptions = args.ToList().IndexOf("--");
        var optionZone = endOfOptions < 0 ? args : args.Take(endOfOptions);
        return optionZone.FirstOrDefault(arg => arg.Length > 1 && arg[0] == '-' && words.Contains(arg));
    }

    private AgentOptions ReadOptions(ParseResult result)
    {
        var words = result.GetValue(_question);
        var question = result.GetValue(_prompt) ?? (words is { Length: > 0 } ? string.Join(' ', words) : null);
        return new AgentOptions
        {
            Question = string.IsNullOrWhiteSpace(question) ? null : question,
            Format = ToFormat(result.GetValue(_outputFormat), result.GetValue(_json)),
            EnvFile = result.GetValue(_envFile),
            ConfigFile = result.GetValue(_config),
            MaxRounds = result.GetValue(_maxRounds),
            Approve = ParseApprovalMode(result.GetValue(_approve)),
            ToolTimeout = ToTimeout(result.GetValue(_toolTimeout)),
            SystemPrompt = result.GetValue(_system),
            Model = result.GetValue(_model),
            Verbose = result.GetValue(_verbose),
            Quiet = result.GetValue(_quiet),
            NoColor = result.GetValue(_noColor),
            Interactive = result.GetValue(_interactive),
            Roots = result.GetValue(_roots) ?? [],
            Continue = result.GetValue(_continue),
            Resume = result.GetResult(_resume) is not null,
            ResumeId = result.GetValue(_resume),
            NoSave = result.GetValue(_noSave),
        };
    }

    /// <summary>--output-format's value, else json for --json, else text.</summary>
    public static OutputFormat ToFormat(string? format, bool json) => format switch
    {
        "stream-json" => OutputFormat.StreamJson,
        "json" => OutputFormat.Json,
        "text" => OutputFormat.Text,
        _ => json ? OutputFormat.Json : OutputFormat.Text,
    };

    // A failed parse has no values; the error is still printed in the format asked for, if it can be told.
    private static OutputFormat FormatOfFailedParse(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--output-format");
        var format = index >= 0 && index + 1 < args.Count ? args[index + 1]
            : args.FirstOrDefault(static a => a.StartsWith("--output-format=", StringComparison.Ordinal))?["--output-format=".Length..];
        return ToFormat(format, args.Contains("--json"));
    }

    /// <summary>--tool-timeout's seconds as a timeout: 0 is no limit, none is the default (null).</summary>
    public static TimeSpan? ToTimeout(double? seconds) => seconds switch
    {
        null => null,
        0 => Timeout.InfiniteTimeSpan,
        _ => TimeSpan.FromSeconds(seconds.Value),
    };

    /// <summary>Parses auto/ask/deny (any case); null for anything else.</summary>
    public static ApprovalMode? ParseApprovalMode(string? text) => text?.ToUpperInvariant() switch
    {
        "AUTO" => ApprovalMode.Auto,
        "ASK" => ApprovalMode.Ask,
        "DENY" => ApprovalMode.Deny,
        _ => null,
    };
}
