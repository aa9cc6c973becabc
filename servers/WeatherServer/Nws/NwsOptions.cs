using System.Globalization;

namespace WeatherServer.Nws;

/// <summary>How the NWS API is reached. Read from the environment by <see cref="FromEnvironment"/>.</summary>
public sealed class NwsOptions
{
    public const string DefaultUserAgent = "SkMcpAgent-WeatherServer/0.1 (+https://github.com/skmcpagent/skmcpagent)";

    private Uri _baseUrl = new("https://api.weather.gov");
    private string _userAgent = DefaultUserAgent;
    private TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private int _maxRetries = 2;

    /// <summary>NWS_BASE_URL; https://api.weather.gov by default.</summary>
    public Uri BaseUrl
    {
        get => _baseUrl;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsAbsoluteUri)
            {
                throw new ArgumentException("The NWS base URL must be absolute.", nameof(value));
            }

            _baseUrl = value;
        }
    }

    /// <summary>NWS_USER_AGENT; NWS refuses requests without one.</summary>
    public string UserAgent
    {
        get => _userAgent;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _userAgent = value;
        }
    }

    /// <summary>NWS_TIMEOUT_SECONDS: the bound on one tool call's NWS traffic, retries included.</summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _timeout = value;
        }
    }

    /// <summary>Retries after a 429 or a 5xx.</summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 5);
            _maxRetries = value;
        }
    }

    /// <summary>The wait before the first retry when NWS sends no Retry-After; doubled for each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait honoured from a Retry-After header (NWS blocks clear "typically within 5 seconds").</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public static NwsOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var options = new NwsOptions();

        if (getVariable("NWS_BASE_URL") is { Length: > 0 } baseUrl)
        {
            options.BaseUrl = Uri.TryCreate(baseUrl.TrimEnd('/'), UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"NWS_BASE_URL '{baseUrl}' is not an absolute URL.");
        }

        if (getVariable("NWS_USER_AGENT") is { Length: > 0 } userAgent)
        {
            options.UserAgent = userAgent;
        }

        if (getVariable("NWS_TIMEOUT_SECONDS") is { Length: > 0 } timeout)
        {
            options.Timeout = double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new ArgumentException($"NWS_TIMEOUT_SECONDS '{timeout}' is not a positive number of seconds.");
        }

        return options;
    }
}
