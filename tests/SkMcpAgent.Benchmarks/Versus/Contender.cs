using System.Diagnostics;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks.Versus;

/// <summary>A program that runs a <see cref="VersusJob"/> single-shot against the fake LLM, in its own wire format.</summary>
internal abstract class Contender(string name)
{
    public string Name { get; } = name;

    /// <summary>Writes what the contender needs into <paramref name="folder"/> (server list, settings) and says how to launch it.</summary>
    public abstract ProcessStartInfo Prepare(VersusJob job, string folder, FakeLlmServer llm);

    protected static ProcessStartInfo StartInfo(string command, string folder, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        return info;
    }
}

/// <summary>This agent, as a user runs it: <c>SkMcpAgent "question"</c> with an env file naming the provider.</summary>
internal sealed class SkMcpAgentContender(string provider, string agentDll) : Contender($"SkMcpAgent ({provider})")
{
    public override ProcessStartInfo Prepare(VersusJob job, string folder, FakeLlmServer llm)
    {
        File.WriteAllText(Path.Combine(folder, "mcp.json"), job.McpServersJson());
        var env = provider == "openai"
            ? $"LLM_PROVIDER=openai\nOPENAI_API_KEY=sk-bench\nOPENAI_MODEL=gpt-bench\nOPENAI_BASE_URL={llm.OpenAIBaseUrl}\n"
            : $"LLM_PROVIDER=anthropic\nANTHROPIC_API_KEY=sk-ant-bench\nANTHROPIC_BASE_URL={llm.AnthropicBaseUrl}\n";
        File.WriteAllText(Path.Combine(folder, $".env.{provider}"), env);
        return AgentProcess.StartInfo(agentDll, folder, ["--env-file", $".env.{provider}", "-c", "mcp.json", VersusJob.Question]);
    }
}

/// <summary>Claude Code in print mode, only this job's servers, only its tool allowed, its home in the run's folder.</summary>
internal sealed class ClaudeCodeContender(string claudePath) : Contender("Claude Code -p")
{
    public override ProcessStartInfo Prepare(VersusJob job, string folder, FakeLlmServer llm)
    {
        File.WriteAllText(Path.Combine(folder, "claude-mcp.json"), job.McpServersJson());
        var home = Directory.CreateDirectory(Path.Combine(folder, "claude-home")).FullName;
        var info = StartInfo(claudePath, folder,
        [
            "-p", VersusJob.Question, "--mcp-config", "claude-mcp.json", "--strict-mcp-config",
            "--allowedTools", $"mcp__{job.ToolServer}__{job.Tool}",
        ]);
        info.Environment["HOME"] = home;
        info.Environment["CLAUDE_CONFIG_DIR"] = Path.Combine(home, ".claude");
        info.Environment["ANTHROPIC_BASE_URL"] = llm.AnthropicBaseUrl;
        info.Environment["ANTHROPIC_API_KEY"] = "sk-ant-bench";
        info.Environment["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
        info.Environment["DISABLE_AUTOUPDATER"] = "1";
        return info;
    }
}

/// <summary><c>codex exec</c> with a model provider at the fake (Responses API) and this job's servers, in a temporary CODEX_HOME.</summary>
internal sealed class CodexContender(string codexPath) : Contender("Codex exec")
{
    public override ProcessStartInfo Prepare(VersusJob job, string folder, FakeLlmServer llm)
    {
        var home = Directory.CreateDirectory(Path.Combine(folder, "codex-home")).FullName;
        File.WriteAllText(Path.Combine(home, "config.toml"), $"""
            model = "gpt-bench"
            model_provider = "fake"
            approval_policy = "never"
            sandbox_mode = "read-only"

            [model_providers.fake]
            name = "fake"
            base_url = {VersusJob.TomlString(llm.OpenAIBaseUrl)}
            wire_api = "responses"
            env_key = "FAKE_LLM_API_KEY"
            request_max_retries = 0
            stream_max_retries = 0
            {job.CodexServersToml()}
            """);
        var info = StartInfo(codexPath, folder, ["exec", "--skip-git-repo-check", VersusJob.Question]);
        info.Environment["CODEX_HOME"] = home;
        info.Environment["FAKE_LLM_API_KEY"] = "sk-bench";
        return info;
    }
}
