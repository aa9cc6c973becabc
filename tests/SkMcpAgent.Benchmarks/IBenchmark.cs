namespace SkMcpAgent.Benchmarks;

/// <summary>One benchmark, run by name from the command line. Found by reflection, so adding one touches no other file.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line, e.g. <c>server-cold-start</c>.</summary>
    string Name { get; }

    /// <summary>What it measures and against which peer, shown by <c>list</c>.</summary>
    string Description { get; }

    /// <summary>Runs and prints its results to stdout.</summary>
    Task RunAsync(string[] args, CancellationToken cancellationToken);
}
