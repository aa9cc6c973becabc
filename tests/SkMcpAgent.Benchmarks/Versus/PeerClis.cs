using System.Diagnostics;

namespace SkMcpAgent.Benchmarks.Versus;

/// <summary>
/// Claude Code and the Codex CLI, installed from the npm registry into a cache folder the benchmark owns
/// (<c>~/.cache/skmcpagent-bench-peers</c>, or <c>$SKMCPAGENT_BENCH_PEERS</c>). Both packages ship a native binary,
/// which is run directly (no node wrapper in the measured process tree).
/// </summary>
internal sealed class PeerClis
{
    public const string ClaudeCodePackage = "@anthropic-ai/claude-code@2.1.197";
    public const string CodexPackage = "@openai/codex@0.171.0";

    private PeerClis(string claude, string codex)
    {
        ClaudePath = claude;
        CodexPath = codex;
    }

    public string ClaudePath { get; }

    public string CodexPath { get; }

    public static async Task<PeerClis> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var folder = Environment.GetEnvironmentVariable("SKMCPAGENT_BENCH_PEERS")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "skmcpagent-bench-peers");
        var modules = Path.Combine(folder, "node_modules");
        var claude = Path.Combine(modules, "@anthropic-ai", "claude-code-linux-x64", "claude");
        var codex = Path.Combine(modules, "@openai", "codex-linux-x64", "vendor", "x86_64-unknown-linux-musl", "bin", "codex");
        if (!File.Exists(claude) || !File.Exists(codex))
        {
            Directory.CreateDirectory(folder);
            Console.WriteLine($"installing {ClaudeCodePackage} and {CodexPackage} into {folder} (npm)...");
            var npm = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--prefix", folder, ClaudeCodePackage, CodexPackage]) { UseShellExecute = false };
            using var install = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start.");
            await install.WaitForExitAsync(cancellationToken);
            if (install.ExitCode != 0 || !File.Exists(claude) || !File.Exists(codex))
            {
                throw new InvalidOperationException($"npm install failed (exit {install.ExitCode}); expected {claude} and {codex}.");
            }
        }

        return new PeerClis(claude, codex);
    }
}
