using System.CommandLine;
using System.Text;

namespace SkMcpAgent.Cli;

/// <summary>
/// <c>SkMcpAgent completion bash|zsh</c>: a script to source (<c>source &lt;(SkMcpAgent completion bash)</c>) that
/// completes subcommands, options, option values (<c>--output-format</c>, <c>--approve</c>, ...) and file paths for
/// the options that take one. System.CommandLine 2.0 has completion sources and a <c>[suggest]</c> directive, but
/// that directive needs the dotnet-suggest tool and a process per Tab; a script written once from the same tree
/// completes without starting the agent. zsh runs the same function through its bashcompinit.
/// </summary>
public static class CompletionScript
{
    public const string FunctionName = "_skmcpagent";

    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh"];

    /// <summary>The script for <paramref name="shell"/> (<c>bash</c> or <c>zsh</c>).</summary>
    public static string For(string shell, RootCommand root, string executable = "SkMcpAgent")
    {
        ArgumentNullException.ThrowIfNull(shell);
        var function = BashFunction(CompletionModel.From(root));
        return shell switch
        {
            "bash" => $"# bash completion for {executable}: source <({executable} completion bash)\n{function}complete -F {FunctionName} {executable}\n",
            "zsh" => $$"""
                #compdef {{executable}}
                # zsh completion for {{executable}}: source <({{executable}} completion zsh); compinit is loaded here if it is not yet
                (( $+functions[compdef] )) || { autoload -U +X compinit && compinit }
                autoload -U +X bashcompinit && bashcompinit
                {{function}}complete -F {{FunctionName}} {{executable}}

                """.Replace("\r\n", "\n", StringComparison.Ordinal),
            _ => throw new ArgumentException($"No completion for shell '{shell}': use {string.Join(" or ", Shells)}.", nameof(shell)),
        };
    }

    private static string BashFunction(CompletionModel model)
    {
        var valueOptions = model.Options.Where(static o => o.TakesValue).ToList();
        var script = new StringBuilder();
        script.Append($$"""
            {{FunctionName}}() {
                # zsh (bashcompinit) numbers arrays from 1; this function counts from 0 as bash does.
                [[ -n ${ZSH_VERSION-} ]] && setopt localoptions ksharrays
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="" chosen="" positional=0 i word candidates=""
                (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
                COMPREPLY=()
                # Which command the words so far chose: subcommands come before any other word; option values are skipped.
                for (( i = 1; i < COMP_CWORD; i++ )); do
                    word="${COMP_WORDS[i]}"
                    case "$word" in
                        {{Alternatives(valueOptions.SelectMany(static o => o.Names))}}) (( i++ )); continue ;;
                        -*) continue ;;
                    esac
                    if (( positional == 0 )); then
                        case "$chosen:$word" in

            """);
        foreach (var command in model.Commands)
        {
            foreach (var subcommand in command.Subcommands)
            {
                var next = command.Path.Length == 0 ? subcommand : command.Path + " " + subcommand;
                script.Append($"                \"{command.Path}:{subcommand}\") chosen=\"{next}\"; continue ;;\n");
            }
        }

        script.Append("""
                        esac
                    fi
                    positional=1
                done
                case "$prev" in

            """);
        foreach (var option in valueOptions)
        {
            var action = option.IsPath
                ? "local IFS=$'\\n'; COMPREPLY=( $(compgen -f -- \"$cur\") ); type compopt >/dev/null 2>&1 && compopt -o filenames"
                : option.Choices.Count > 0
                    ? $"COMPREPLY=( $(compgen -W \"{string.Join(' ', option.Choices)}\" -- \"$cur\") )"
                    : ":"; // a free value (a model name, a question): nothing to offer
            script.Append($"        {Alternatives(option.Names)}) {action}; return 0 ;;\n");
        }

        script.Append("""
                esac
                case "$chosen" in

            """);
        foreach (var command in model.Commands)
        {
            // A word starting with '-' is an option; any other is a subcommand or an argument's choice, if any is left.
            var choices = string.Join(' ', command.Subcommands.Concat(command.ArgumentChoices));
            script.Append($"        \"{command.Path}\") if [[ $cur == -* ]]; then candidates=\"{string.Join(' ', command.Options)}\"; elif (( positional == 0 )); then candidates=\"{choices}\"; fi ;;\n");
        }

        script.Append("""
                esac
                COMPREPLY=( $(compgen -W "$candidates" -- "$cur") )
            }

            """);
        return script.ToString();
    }

    private static string Alternatives(IEnumerable<string> names) => string.Join('|', names);
}
