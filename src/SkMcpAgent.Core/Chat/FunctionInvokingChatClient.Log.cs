using Microsoft.Extensions.Logging;

namespace SkMcpAgent.Core.Chat;

public sealed partial class FunctionInvokingChatClient
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "The maximum of {MaxRounds} function-calling rounds was reached; asking the model for a final answer without tools.")]
        public static partial void MaximumRoundsReached(ILogger logger, int maxRounds);
    }
}
