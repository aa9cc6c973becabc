using System.CommandLine;
using System.CommandLine.Completions;
using System.Text.RegularExpressions;

namespace SkMcpAgent.Cli;

/// <summary>
/// What a shell completes, read from the System.CommandLine tree so the scripts never fall behind the grammar: each
/// command's subcommands and options (its own, and its ancestors' recursive ones), and for each option whether it takes a
/// value and which (its completion sources, e.g. <c>AcceptOnlyFromAmong</c>; a path for options whose help names one).
/// </summary>
internal sealed partial record CompletionModel(IReadOnlyList<CompletionModel.CommandEntry> Commands, IReadOnlyList<CompletionModel.OptionEntry> Options)
{
    /// <summary>
    /// A command by its path of names after the executable (<c>""</c> for the root, <c>"mcp list"</c>), with the
    /// choices its arguments accept (<c>completion</c>: bash, zsh).
    /// </summary>
    public sealed record CommandEntry(string Path, IReadOnlyList<string> Subcommands, IReadOnlyList<string> Options, IReadOnlyList<string> ArgumentChoices);

    /// <summary>An option's names; <see cref="TakesValue"/> with its <see cref="Choices"/>, or a path when <see cref="IsPath"/>.</summary>
    public sealed record OptionEntry(IReadOnlyList<string> Names, bool TakesValue, bool IsPath, IReadOnlyList<string> Choices);

    public static CompletionModel From(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        List<CommandEntry> commands = [];
        Dictionary<Option, OptionEntry> options = [];
        Walk(root, string.Empty, [], commands, options);
        return new CompletionModel(commands, [.. options.Values]);
    }

    private static void Walk(Command command, string path, IReadOnlyList<Option> inherited, List<CommandEntry> commands, Dictionary<Option, OptionEntry> options)
    {
        List<Option> visible = [.. inherited.Concat(command.Options).Where(static o => !o.Hidden).Distinct()];
        foreach (var option in visible)
        {
            options.TryAdd(option, Describe(option));
        }

        List<Command> subcommands = [.. command.Subcommands.Where(static c => !c.Hidden)];
        commands.Add(new CommandEntry(
            path,
            [.. subcommands.Select(static c => Word(c.Name))],
            [.. visible.SelectMany(o => options[o].Names)],
            [.. command.Arguments.SelectMany(static a => a.GetCompletions(CompletionContext.Empty)).Select(static c => Word(c.Label))]));
        List<Option> passedOn = [.. visible.Where(static o => o.Recursive)];
        foreach (var subcommand in subcommands)
        {
            Walk(subcommand, path.Length == 0 ? subcommand.Name : path + " " + subcommand.Name, passedOn, commands, options);
        }
    }

    private static OptionEntry Describe(Option option)
    {
        // Only the names a shell user types: -x and --long (not /? or -? of the help option).
        List<string> names = [.. new[] { option.Name }.Concat(option.Aliases).Where(static n => OptionName().IsMatch(n)).Distinct(StringComparer.Ordinal)];
        var takesValue = option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
        var isPath = takesValue && option.HelpName?.Contains("path", StringComparison.Ordinal) == true;
        List<string> choices = takesValue && !isPath
            ? [.. option.GetCompletions(CompletionContext.Empty).Select(static c => Word(c.Label))]
            : [];
        return new OptionEntry(names, takesValue, isPath, choices);
    }

    /// <summary>A word the scripts hold unquoted: the grammar's names and choices are all like this, and must stay so.</summary>
    private static string Word(string text) => SafeWord().IsMatch(text)
        ? text
        : throw new InvalidOperationException($"'{text}' cannot be completed safely: a command, option or choice must be letters, digits, '-', '_' or '.'.");

    [GeneratedRegex("^--?[A-Za-z][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeWord();
}
