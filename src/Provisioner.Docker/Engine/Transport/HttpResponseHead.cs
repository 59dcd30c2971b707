using System.Globalization;
using System.Text;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The status line and headers of an HTTP/1.1 response read byte by byte from a raw stream (so nothing after
/// the head is consumed), plus a small body reader for error responses.
/// </summary>
internal sealed class HttpResponseHead
{
    private HttpResponseHead(int statusCode, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    public int StatusCode { get; }

    /// <summary>Header names are case-insensitive; a repeated header keeps its last value.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public static async Task<HttpResponseHead> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>(256);
        var one = new byte[1];
        while (!EndsWithBlankLine(bytes))
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("The engine closed the connection before sending a complete response head.");
            }

            bytes.Add(one[0]);
            if (bytes.Count > maxBytes)
            {
                throw new DockerException($"The engine's response head exceeded {maxBytes} bytes.");
            }
        }

        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new DockerException($"The engine sent an unreadable status line: '{lines[0]}'.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new HttpResponseHead(status, headers);
    }

    /// <summary>Reads a (small) body framed by Content-Length, chunked encoding, or the end of the connection.</summary>
    public async Task<string> ReadBodyAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        if (Headers.TryGetValue("Content-Length", out var lengthText)
            && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            await CopyExactlyAsync(stream, body, length, cancellationToken).ConfigureAwait(false);
        }
        else if (Headers.TryGetValue("Transfer-Encoding", out var encoding)
            && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (await ReadLineAsync(stream, cancellationToken).ConfigureAwait(false) is { Length: > 0 } sizeLine
                && int.TryParse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size)
                && size > 0)
            {
                await CopyExactlyAsync(stream, body, size, cancellationToken).ConfigureAwait(false);
                await ReadLineAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await stream.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        }

        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    private static async Task CopyExactlyAsync(Stream source, Stream target, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(count, 8192)];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, Math.Min(count, buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            count -= read;
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 1)
        {
            if (one[0] == '\n')
            {
                break;
            }

            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }
}
