using System.Globalization;
using System.Text;

namespace Tracker.Redis;

/// <summary>Parses RESP2 replies from a stream: simple strings, errors, integers, bulk strings, arrays, and their nil forms.</summary>
internal sealed class RespReader(Stream stream)
{
    private const int MaxLine = 64 * 1024;
    private const int MaxBulk = 512 * 1024 * 1024;   // Redis' own limit for a string
    private const int MaxItems = 1024 * 1024;

    private byte[] buffer = new byte[4096];
    private int start;
    private int end;

    public async Task<RespReply> ReadAsync(CancellationToken ct)
    {
        var line = await ReadLineAsync(ct).ConfigureAwait(false);
        if (line.Length == 0)
        {
            throw Protocol("empty reply line");
        }

        var payload = line[1..];
        switch (line[0])
        {
            case '+':
                return new RespReply(RespKind.SimpleString, payload);
            case '-':
                return new RespReply(RespKind.Error, payload);
            case ':':
                return new RespReply(RespKind.Integer, Integer: ParseInteger(payload));
            case '$':
            {
                var length = ParseInteger(payload);
                if (length == -1)
                {
                    return RespReply.Nil;
                }

                if (length is < 0 or > MaxBulk)
                {
                    throw Protocol($"bulk string length {length}");
                }

                var bytes = await ReadExactlyAsync((int)length + 2, ct).ConfigureAwait(false);
                if (bytes[^2] != '\r' || bytes[^1] != '\n')
                {
                    throw Protocol("bulk string not terminated by CRLF");
                }

                return new RespReply(RespKind.BulkString, Encoding.UTF8.GetString(bytes, 0, (int)length));
            }

            case '*':
            {
                var count = ParseInteger(payload);
                if (count == -1)
                {
                    return RespReply.Nil;
                }

                if (count is < 0 or > MaxItems)
                {
                    throw Protocol($"array length {count}");
                }

                var items = new RespReply[count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = await ReadAsync(ct).ConfigureAwait(false);
                }

                return new RespReply(RespKind.Array, Items: items);
            }

            default:
                throw Protocol($"unknown reply type '{line[0]}'");
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var known = 0; // bytes after start already searched for the line feed (the buffer may move, start-relative stays valid)
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start + known, end - start - known);
            if (newline >= 0)
            {
                if (newline == start || buffer[newline - 1] != '\r')
                {
                    throw Protocol("line not terminated by CRLF");
                }

                var line = Encoding.UTF8.GetString(buffer, start, newline - 1 - start);
                start = newline + 1;
                return line;
            }

            known = end - start;
            if (known >= MaxLine)
            {
                throw Protocol($"reply line longer than {MaxLine} bytes");
            }

            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken ct)
    {
        var result = new byte[count];
        var buffered = Math.Min(count, end - start);
        Buffer.BlockCopy(buffer, start, result, 0, buffered);
        start += buffered;
        if (buffered < count)
        {
            await ReadFullyAsync(result.AsMemory(buffered), ct).ConfigureAwait(false);
        }

        return result;
    }

    private async Task ReadFullyAsync(Memory<byte> target, CancellationToken ct)
    {
        while (target.Length > 0)
        {
            var read = await stream.ReadAsync(target, ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("connection closed by redis");
            }

            target = target[read..];
        }
    }

    // Makes room at the end of the buffer (moving unread bytes to the front, or growing it), then reads once.
    private async Task FillAsync(CancellationToken ct)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
        if (read == 0)
        {
            throw new IOException("connection closed by redis");
        }

        end += read;
    }

    private static long ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Protocol($"'{text}' is not an integer");

    private static RedisException Protocol(string detail) => new($"redis protocol error: {detail}");
}
