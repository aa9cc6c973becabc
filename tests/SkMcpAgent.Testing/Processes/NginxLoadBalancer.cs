using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Testing.Processes;

/// <summary>
/// nginx (Debian package; .ci/run installs it) as a round-robin load balancer in front of some HTTP servers: one
/// foreground process (no daemon, no worker processes) with its own config, temp folders and a free loopback port.
/// </summary>
public sealed class NginxLoadBalancer : IAsyncDisposable
{
    private const string NginxPath = "/usr/sbin/nginx";

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _prefix;

    private NginxLoadBalancer(ChildProcess process, DirectoryInfo prefix, string baseUrl)
    {
        _process = process;
        _prefix = prefix;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<NginxLoadBalancer> StartAsync(IEnumerable<string> upstreamBaseUrls)
    {
        if (!File.Exists(NginxPath))
        {
            throw new InvalidOperationException($"{NginxPath} not found: install Debian's nginx (apt-get install -y nginx), as .ci/run does.");
        }

        var prefix = Directory.CreateTempSubdirectory("weather-nginx-");
        try
        {
            var port = FreeLoopbackPort();
            var config = Path.Combine(prefix.FullName, "nginx.conf");
            await File.WriteAllTextAsync(config, Config(prefix.FullName, port, upstreamBaseUrls));

            var process = ChildProcess.Start(NginxPath, ["-p", prefix.FullName, "-c", config, "-e", "stderr"]);

            // nginx logs its resource limits once the listening socket is open.
            await process.WaitForLineAsync(l => l.Contains("getrlimit(", StringComparison.Ordinal), TestTimeouts.DefaultToken());
            return new NginxLoadBalancer(process, prefix, $"http://127.0.0.1:{port}");
        }
        catch
        {
            prefix.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _prefix.Delete(recursive: true);
    }

    private static string Config(string prefix, int port, IEnumerable<string> upstreams)
    {
        var servers = string.Concat(upstreams.Select(u => $"    server {new Uri(u).Authority} max_fails=1 fail_timeout=30s;\n"));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log stderr notice;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              upstream weather {
            {{servers}}    keepalive 32;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://weather;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_buffering off;
                  # A replica that refuses the connection is skipped; the request was never sent, so even a POST is safe to resend.
                  proxy_next_upstream error timeout;
                }
              }
            }
            """);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
