using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// A temporary folder for runs of the agent on one job: the disk server in <c>mcp.json</c>, an env file per provider
/// (<c>.env.openai</c>, <c>.env.anthropic</c>) pointing at the fake LLM, which calls <c>disk_get_os_info</c> once and
/// then answers <see cref="Answer"/>. Shared by the benchmarks that compare builds of the agent with themselves.
/// </summary>
internal sealed class AgentJobFolder : IDisposable
{
    public const string Answer = "It is Linux.";

    /// <summary>The REPL prompt as it appears on stdout after the banner.</summary>
    public const string Prompt = "\n> ";

    private AgentJobFolder(DirectoryInfo folder) => Path = folder.FullName;

    public string Path { get; }

    /// <summary>The scenarios every such benchmark runs, with the arguments that start each.</summary>
    public static IReadOnlyList<(string Label, string[] Args, bool WaitForPrompt)> Scenarios { get; } =
    [
        ("REPL prompt", ["--interactive"], true),
        ("single-shot, OpenAI", ["--env-file", ".env.openai", "What OS is this?"], false),
        ("single-shot, Anthropic", ["--env-file", ".env.anthropic", "What OS is this?"], false),
    ];

    public static AgentJobFolder Create(FakeLlmServer llm)
    {
        ArgumentNullException.ThrowIfNull(llm);
        llm.Responder = static request => request.ToolResults().Count > 0
            ? FakeLlmReply.Text(Answer)
            : FakeLlmReply.ToolCalls(("disk_get_os_info", "{}"));

        var folder = Directory.CreateTempSubdirectory("skmcpagent-job-");
        File.WriteAllText(System.IO.Path.Combine(folder.FullName, "mcp.json"), $$"""
            { "mcpServers": { "disk": { "command": "{{RepoPaths.ServerExecutable("DiskServer")}}" } } }
            """);
        File.WriteAllText(System.IO.Path.Combine(folder.FullName, ".env.openai"), $"LLM_PROVIDER=openai\nOPENAI_API_KEY=sk-bench\nOPENAI_MODEL=gpt-bench\nOPENAI_BASE_URL={llm.OpenAIBaseUrl}\n");
        File.WriteAllText(System.IO.Path.Combine(folder.FullName, ".env.anthropic"), $"LLM_PROVIDER=anthropic\nANTHROPIC_API_KEY=sk-ant-bench\nANTHROPIC_BASE_URL={llm.AnthropicBaseUrl}\n");
        return new AgentJobFolder(folder);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
