using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace McpHttpHosting;

/// <summary>
/// Puts a <c>retry</c> field (how long a client waits before reconnecting) into the first event of every SSE response:
/// the SDK's priming event has an id and empty data but no <c>retry</c>, which the 2025-11-25 transport asks for.
/// SSE fields may come in any order within an event, so the field is written just before the SDK's first bytes.
/// Only for stateful mode, where a stream can be resumed; a stateless server has nothing to reconnect to.
/// </summary>
internal static class SseRetryField
{
    public static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    private static readonly byte[] s_field =
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"retry: {(long)ReconnectAfter.TotalMilliseconds}\n"));

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // The legacy SSE transport (2024-11-05) has no resumption, so its stream gets nothing to reconnect by.
        if (context.Request.Path.Value?.EndsWith("/sse", StringComparison.Ordinal) == true)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var real = response.Body;
        await using var withRetry = new RetryFieldStream(real, response);
        response.Body = withRetry;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = real;
        }
    }

    /// <summary>Passes writes through; before the first one of an event stream, writes the retry field.</summary>
    private sealed class RetryFieldStream(Stream inner, HttpResponse response) : Stream
    {
        private bool _started;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_started)
            {
                _started = true;
                if (IsEventStream())
                {
                    await inner.WriteAsync(s_field, cancellationToken);
                }
            }

            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private bool IsEventStream() => response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;
    }
}
