namespace SkMcpAgent.Core.Providers;

public static partial class ProviderSettingsLoader
{
    private static CommonSettings ReadCommon(VariableReader reader, LlmProvider provider)
    {
        var maxTokens = reader.Integer(ProviderVariables.MaxOutputTokens, 1, 1_000_000);
        if (maxTokens is null && provider == LlmProvider.Anthropic)
        {
            maxTokens = DefaultAnthropicMaxOutputTokens;
        }

        var temperature = reader.Number(ProviderVariables.Temperature, 0, 2);
        var timeout = reader.Number(ProviderVariables.TimeoutSeconds, 0, 3600, minExclusive: true);
        var retries = reader.Integer(ProviderVariables.MaxRetries, 0, 10);

        return new CommonSettings(
            maxTokens,
            temperature is null ? null : (float)temperature.Value,
            ReadSystemPrompt(reader),
            timeout is null ? DefaultTimeout : TimeSpan.FromSeconds(timeout.Value),
            retries ?? DefaultMaxRetries,
            reader.Sources);
    }

    private static string? ReadSystemPrompt(VariableReader reader)
    {
        var inline = reader.Get(ProviderVariables.SystemPrompt);
        var file = reader.Get(ProviderVariables.SystemPromptFile);
        if (inline is not null && file is not null)
        {
            throw new AgentConfigurationException(
                $"Both {ProviderVariables.SystemPrompt} and {ProviderVariables.SystemPromptFile} are set in {reader.Source}: keep one.");
        }

        if (file is null)
        {
            return inline;
        }

        // Relative to the env file, so a project's .env and its prompt file travel together.
        var folder = reader.EnvFilePath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(reader.EnvFilePath)!;
        var path = Path.GetFullPath(file, folder);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException(
                $"{ProviderVariables.SystemPromptFile} in {reader.SourceOf(ProviderVariables.SystemPromptFile)} names {path}, which cannot be read: {ex.Message}", ex);
        }
    }
}
