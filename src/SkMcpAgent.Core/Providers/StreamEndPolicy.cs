using System.ClientModel.Primitives;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Makes a cut-off OpenAI stream an error. The Chat Completions stream ends with <c>data: [DONE]</c>; when the
/// connection ends before it (a proxy or the provider dropping it), the SDK and M.E.AI's adapter take what arrived for
/// the whole response, and the function-calling loop would run calls whose arguments never arrived. This policy wraps
/// a streamed response's content so that its end without <c>[DONE]</c> throws a <see cref="ProviderException"/>,
/// before the adapter hands anything of the incomplete response to the loop. It sits in the SDK's pipeline because
/// on the Connectors.OpenAI registration nothing can sit between the SDK and SK's function invocation.
/// </summary>
internal sealed class StreamEndPolicy(ProviderSettings settings) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        ProcessNext(message, pipeline, currentIndex);
        Wrap(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Wrap(message);
    }

    private void Wrap(PipelineMessage message)
    {
        if (message.Response is { IsError: false, ContentStream: { } content } response
            && response.Headers.TryGetValue("Content-Type", out var type)
            && type is not null
            && type.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentStream = new DoneCheckingStream(content, settings);
        }
    }

    /// <summary>A read-only stream that watches for the <c>data: [DONE]</c> line and throws at its end without one.</summary>
    private sealed class DoneCheckingStream(Stream inner, ProviderSettings settings) : Stream
    {
        // Only lines as long as the terminator need to be kept; longer ones cannot be it.
        private readonly byte[] _line = new byte[16];
        private int _lineLength;
        private bool _lineTooLong;
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => Check(buffer[..inner.Read(buffer)], buffer.Length);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Check(buffer.Span[..read], buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        private int Check(ReadOnlySpan<byte> read, int requested)
        {
            if (read.IsEmpty && requested > 0)
            {
                EndLine();
                if (!_done)
                {
                    throw ProviderErrorMapper.StreamCut(settings);
                }

                return 0;
            }

            foreach (var b in read)
            {
                if (b is (byte)'\n' or (byte)'\r')
                {
                    EndLine();
                }
                else if (_lineLength < _line.Length)
                {
                    _line[_lineLength++] = b;
                }
                else
                {
                    _lineTooLong = true;
                }
            }

            return read.Length;
        }

        private void EndLine()
        {
            if (!_lineTooLong && IsDone(_line.AsSpan(0, _lineLength)))
            {
                _done = true;
            }

            _lineLength = 0;
            _lineTooLong = false;
        }

        // "data: [DONE]", also without the space (SSE allows either) and with trailing blanks.
        private static bool IsDone(ReadOnlySpan<byte> line)
        {
            line = line.TrimEnd((byte)' ');
            if (!line.StartsWith("data:"u8))
            {
                return false;
            }

            return line["data:".Length..].TrimStart((byte)' ').SequenceEqual("[DONE]"u8);
        }
    }
}
