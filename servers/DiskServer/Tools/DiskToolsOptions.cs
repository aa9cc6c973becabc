using System.Globalization;
using DiskServer.Scanning;
using DiskServer.Volumes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiskServer.Tools;

/// <summary>What the disk tools depend on; the defaults are the real machine.</summary>
internal sealed class DiskToolsOptions
{
    /// <summary>The environment variable that sets <see cref="ScanBudget"/> in seconds.</summary>
    public const string ScanBudgetVariable = "DISK_SERVER_SCAN_BUDGET_SECONDS";

    /// <summary>The default wall-clock budget of one directory scan.</summary>
    public static readonly TimeSpan DefaultScanBudget = TimeSpan.FromSeconds(20);

    private TimeSpan _scanBudget = DefaultScanBudget;

    /// <summary>How long <c>get_largest_directories</c> may scan before it answers with what it has.</summary>
    public TimeSpan ScanBudget
    {
        get => _scanBudget;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _scanBudget = value;
        }
    }

    public IDirectoryReader DirectoryReader { get; init; } = FileSystemDirectoryReader.Instance;

    public Func<IReadOnlyList<MountEntry>> ReadMounts { get; init; } = MountTable.ReadSystem;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Options from the environment: <see cref="ScanBudgetVariable"/> when set to a positive number of seconds.</summary>
    /// <exception cref="ArgumentException">The variable is set but is not a positive number.</exception>
    public static DiskToolsOptions FromEnvironment(ILoggerFactory loggerFactory, Func<string, string?>? getVariable = null)
    {
        var options = new DiskToolsOptions { LoggerFactory = loggerFactory };
        var budget = (getVariable ?? Environment.GetEnvironmentVariable)(ScanBudgetVariable);
        if (!string.IsNullOrWhiteSpace(budget))
        {
            options.ScanBudget = double.TryParse(budget, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new ArgumentException($"{ScanBudgetVariable} must be a positive number of seconds, not '{budget}'.");
        }

        return options;
    }
}
