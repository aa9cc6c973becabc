using WeatherServer.Hosting;
using WeatherServer.Nws;

// Ctrl+C and SIGTERM stop either host cleanly; closing stdin ends the stdio server too.
ServerArguments arguments;
NwsOptions nwsOptions;
try
{
    arguments = ServerArguments.Parse(args, Environment.GetEnvironmentVariable);
    nwsOptions = NwsOptions.FromEnvironment();
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"weather: {ex.Message}\n{ServerArguments.Usage}");
    return 2;
}

if (arguments.Help)
{
    await Console.Error.WriteLineAsync(ServerArguments.Usage);
    return 0;
}

try
{
    if (arguments.Http)
    {
        await HttpHost.RunAsync(nwsOptions, arguments, Console.Error, CancellationToken.None);
    }
    else
    {
        await StdioHost.RunAsync(nwsOptions, CancellationToken.None);
    }
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"weather: {ex.Message}");
    return 2;
}
catch (IOException ex)
{
    // Typically the port is taken.
    await Console.Error.WriteLineAsync($"weather: {ex.Message}");
    return 1;
}

return 0;
