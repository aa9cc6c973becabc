namespace SkMcpAgent.Benchmarks;

/// <summary>The benchmarks' few named options (<c>--runs 5</c>): no parser needed for flags nobody but us types.</summary>
internal static class BenchmarkArgs
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent or has no value.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
