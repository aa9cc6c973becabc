using SkMcpAgent.Cli;
using SkMcpAgent.Core;

namespace SkMcpAgent.Tests.Cli;

public sealed class ErrorReportTests
{
    [Fact]
    public void From_IsUsageErrorWithMessageOnly_ForConfigurationException()
    {
        var report = ErrorReport.From(new AgentConfigurationException("mcp.json:3:5: expected a string"));

        Assert.Equal(new ErrorReport("mcp.json:3:5: expected a string", 2), report);
    }

    [Fact]
    public void From_IsCancelled_ForOperationCanceled()
    {
        Assert.Equal(ExitCodes.Cancelled, ErrorReport.From(new OperationCanceledException()).ExitCode);
    }

    [Fact]
    public void From_IsRuntimeErrorOnOneLine_ForOtherExceptions()
    {
        var report = ErrorReport.From(new HttpRequestException("The provider said:\nno"));

        Assert.Equal(new ErrorReport("The provider said: no", 1), report);
    }

    [Fact]
    public void From_Unwraps_SingleAggregate()
    {
        var report = ErrorReport.From(new AggregateException(new AgentConfigurationException("bad")));

        Assert.Equal(2, report.ExitCode);
    }
}
