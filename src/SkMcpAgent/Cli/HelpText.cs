namespace SkMcpAgent.Cli;

/// <summary>The part of --help that System.CommandLine cannot generate.</summary>
public static class HelpText
{
    public const string Epilogue = """

        Examples:
          SkMcpAgent                                   Start the chat REPL.
          SkMcpAgent "How full is my disk?"            Ask once; only the answer goes to stdout.
          SkMcpAgent -p "Any weather alerts in CA?" --json > answer.json
          echo "What OS is this?" | SkMcpAgent         A question piped on stdin is asked once.
          SkMcpAgent --env-file .env.claude            Use the provider configured in another env file.
          SkMcpAgent --continue "and tomorrow?"        Continue this folder's last conversation (--resume picks one).
          SkMcpAgent tools                             List servers and functions (no env file needed).
          SkMcpAgent call disk_get_disk_usage --args '{"path":"/"}'

        Settings:
          The provider comes from the env file (--env-file, default ./.env). Variables already set in the
          environment win over the env file. The MCP servers come from --config, else ./mcp.json, else the
          mcp.json at the repository root. Conversations are saved after every turn in
          $XDG_DATA_HOME/skmcpagent/conversations (~/.local/share/...); --no-save or SKMCPAGENT_NO_SAVE=1 saves nothing.

        Exit codes:
          0    answered (also when a function the model called failed: see --json toolCalls[].ok), or the command succeeded
          1    failed at run time (provider error or cut-off response, every MCP server down, 'call' whose function
               failed or timed out, no answer but calls left after --max-rounds)
          2    usage or configuration error (bad option, malformed mcp.json, no provider configured, more functions than the provider accepts)
          130  cancelled (Ctrl+C)

        In the REPL, type /help for commands; Ctrl+C cancels the current answer, Ctrl+D or /exit quits.

        """;
}
