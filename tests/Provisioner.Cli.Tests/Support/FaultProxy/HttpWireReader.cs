using System.Text;

namespace Provisioner.Cli.Tests.Support.FaultProxy;

/// <summary>
/// Reads HTTP/1.1 from one side of a connection with a buffer: head lines, and bodies framed by Content-Length, by chunks,
/// or by the end of the stream, each copied on to the other side as it arrives (streamed answers stay streamed).
/// </summary>
internal sealed class HttpWireReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The head (start line and headers, with the blank line), or null when the peer closed before sending one.</summary>
    public async Task<HttpWireHead?> ReadHeadAsync(CancellationToken ct)
    {
        var raw = new StringBuilder();
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line is null)
            {
                return raw.Length == 0 ? null : throw new IOException("the connection closed inside an HTTP head");
            }

            raw.Append(line);
            if (line is "\r\n" or "\n")
            {
                return raw.Length == line.Length ? null : HttpWireHead.Parse(raw.ToString());
            }
        }
    }

    /// <summary>Copies the body the head frames to <paramref name="to"/> (nothing for a body-less answer); false when it runs to the end of the stream.</summary>
    public async Task<bool> CopyBodyAsync(HttpWireHead head, Stream to, bool isAnswerToHead, CancellationToken ct)
    {
        if (isAnswerToHead || head.Status is 204 or 304 || head.Status is >= 100 and < 200)
        {
            return true;
        }

        if (head.Chunked)
        {
            await CopyChunksAsync(to, ct);
            return true;
        }

        if (head.ContentLength is { } length)
        {
            await CopyExactAsync(length, to, ct);
            return true;
        }

        if (head.IsRequest)
        {
            return true; // a request with neither has no body
        }

        await CopyToEndAsync(to, ct);
        return false;
    }

    /// <summary>Copies at most <paramref name="count"/> bytes, whatever has arrived (for a truncated answer).</summary>
    public async Task CopySomeAsync(int count, Stream to, CancellationToken ct)
    {
        if (_start == _end && !await FillAsync(ct))
        {
            return;
        }

        var n = Math.Min(count, _end - _start);
        await to.WriteAsync(_buffer.AsMemory(_start, n), ct);
        _start += n;
        await to.FlushAsync(ct);
    }

    /// <summary>Everything until the peer closes its side (a hijacked exec stream, an answer without framing).</summary>
    public async Task CopyToEndAsync(Stream to, CancellationToken ct)
    {
        while (_start < _end || await FillAsync(ct))
        {
            await to.WriteAsync(_buffer.AsMemory(_start, _end - _start), ct);
            await to.FlushAsync(ct);
            _start = _end;
        }
    }

    private async Task CopyChunksAsync(Stream to, CancellationToken ct)
    {
        while (true)
        {
            var sizeLine = await ReadLineAsync(ct) ?? throw new IOException("the connection closed inside a chunked body");
            await WriteAsciiAsync(to, sizeLine, ct);
            var size = long.Parse(sizeLine.Split(';')[0].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0)
            {
                string? trailer;
                do
                {
                    trailer = await ReadLineAsync(ct) ?? throw new IOException("the connection closed inside a chunked trailer");
                    await WriteAsciiAsync(to, trailer, ct);
                }
                while (trailer is not ("\r\n" or "\n"));
                await to.FlushAsync(ct);
                return;
            }

            await CopyExactAsync(size + 2, to, ct); // the chunk and its CRLF
            await to.FlushAsync(ct);
        }
    }

    private async Task CopyExactAsync(long count, Stream to, CancellationToken ct)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                throw new IOException($"the connection closed with {count} bytes of a body still to come");
            }

            var n = (int)Math.Min(count, _end - _start);
            await to.WriteAsync(_buffer.AsMemory(_start, n), ct);
            _start += n;
            count -= n;
        }

        await to.FlushAsync(ct);
    }

    private async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                return line.Length == 0 ? null : throw new IOException("the connection closed inside a line");
            }

            var b = _buffer[_start++];
            line.Append((char)b);
            if (b == '\n')
            {
                return line.ToString();
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, ct);
        return _end > 0;
    }

    private static Task WriteAsciiAsync(Stream to, string text, CancellationToken ct) =>
        to.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();
}
