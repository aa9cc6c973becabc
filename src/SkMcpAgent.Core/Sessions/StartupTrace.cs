using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SkMcpAgent.Core.Sessions;

/// <summary>
/// Opt-in timestamps of a run's milestones (<c>SKMCPAGENT_TRACE_STARTUP=1</c>): each line is the time since the
/// process started, so the part before <c>Main</c> (runtime start, assembly loading) shows too. Off by default, and
/// then every <see cref="Mark"/> is one field read. For finding where launch-to-first-request and answer-to-exit go.
/// </summary>
public static class StartupTrace
{
    /// <summary>The variable that turns the trace on ("1").</summary>
    public const string Variable = "SKMCPAGENT_TRACE_STARTUP";

    private static readonly Lock s_lock = new();
    private static TextWriter? s_writer;
    private static DateTime s_processStart;
    private static HashSet<string>? s_once;

    public static bool Enabled => s_writer is not null;

    /// <summary>Turns the trace on when <see cref="Variable"/> is "1"; lines go to <paramref name="writer"/> (stderr).</summary>
    public static void EnableFrom(Func<string, string?> getEnvironmentVariable, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(writer);
        if (getEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        s_processStart = process.StartTime.ToUniversalTime();
        s_once = new HashSet<string>(StringComparer.Ordinal);
        s_writer = writer;
    }

    /// <summary>Writes one line: milliseconds since the process started, and what happened.</summary>
    public static void Mark(string milestone)
    {
        if (s_writer is not { } writer)
        {
            return;
        }

        lock (s_lock)
        {
            // Read under the lock, so lines from different threads are in time order.
            var elapsed = DateTime.UtcNow - s_processStart;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[trace {elapsed.TotalMilliseconds,7:F1} ms] {milestone}"));
            writer.Flush();
        }
    }

    /// <summary>Like <see cref="Mark"/>, only the first time this milestone is reached (say, the first model request).</summary>
    public static void MarkOnce(string milestone)
    {
        if (s_once is not { } once)
        {
            return;
        }

        lock (s_lock)
        {
            if (!once.Add(milestone))
            {
                return;
            }
        }

        Mark(milestone);
    }

    /// <summary>
    /// At the end of a traced run: the processor time the process used (JIT and start-up work show here even on a
    /// loaded machine, where wall times do not), and how many assemblies were loaded, and which (to see what need not be).
    /// </summary>
    public static void MarkEnd()
    {
        if (!Enabled)
        {
            return;
        }

        using (var process = Process.GetCurrentProcess())
        {
            Mark(string.Create(CultureInfo.InvariantCulture, $"processor time used: {process.TotalProcessorTime.TotalMilliseconds:F0} ms"));
        }

        var names = AppDomain.CurrentDomain.GetAssemblies().Select(SimpleName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Mark(string.Create(CultureInfo.InvariantCulture, $"{names.Count} assemblies loaded: {string.Join(", ", names)}"));
    }

    /// <summary>
    /// The assembly's simple name, or null for a satellite (resource) assembly of a culture this process cannot use. The
    /// NativeAOT executable lists its satellites among the loaded assemblies, and there, with invariant globalization,
    /// <see cref="Assembly.GetName()"/> and <see cref="Assembly.FullName"/> both throw <see cref="CultureNotFoundException"/>
    /// for them (under the JIT such satellites are never loaded, so the list is the same).
    /// </summary>
    internal static string? SimpleName(Assembly assembly)
    {
        try
        {
            return assembly.GetName().Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
