using System.Globalization;

namespace SkMcpAgent.Benchmarks;

/// <summary>Durations measured repeatedly, summarised as percentiles.</summary>
public sealed class Samples(string label)
{
    private readonly List<double> _milliseconds = [];

    public string Label { get; } = label;

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToArray();
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public double Median => Percentile(50);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label,-40} n={Count,4}  p50={Percentile(50),9:F3} ms  p90={Percentile(90),9:F3} ms  p99={Percentile(99),9:F3} ms");
}
