using System.Reflection;
using SkMcpAgent.Benchmarks;

// Usage: dotnet run -c Release --project tests/SkMcpAgent.Benchmarks -- <name|list|all> [args...]
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(static t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(static t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(static b => b.Name, StringComparer.Ordinal)
    .ToList();

var name = args.Length > 0 ? args[0] : "list";
if (name == "list")
{
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"{benchmark.Name,-28} {benchmark.Description}");
    }

    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

var selected = name == "all" ? benchmarks : benchmarks.Where(b => b.Name == name).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark named '{name}'. Run with 'list' to see them.");
    return 2;
}

foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
    await benchmark.RunAsync(args[1..], cancellation.Token);
}

return 0;
