using System.Globalization;

namespace Provisioner.Cli.Tests.Support.FaultProxy;

/// <summary>An HTTP/1.1 head as it came over the wire (kept raw, to be sent on unchanged) and what framing it declares.</summary>
internal sealed record HttpWireHead(string Raw, string Method, string Target, int Status, long? ContentLength, bool Chunked, bool Upgrade)
{
    public bool IsRequest => Status == 0;

    /// <summary>GET and HEAD: what the engine client may retry.</summary>
    public bool Idempotent => Method is "GET" or "HEAD";

    /// <summary>The head as sent on, saying the connection closes after this answer (any Connection header replaced).</summary>
    public string WithConnectionClose()
    {
        var lines = Raw.Split("\r\n").Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Insert(1, "Connection: close");
        return string.Join("\r\n", lines);
    }

    public static HttpWireHead Parse(string raw)
    {
        var lines = raw.Split('\n', StringSplitOptions.TrimEntries);
        var start = lines[0].Split(' ', 3);
        var response = start[0].StartsWith("HTTP/", StringComparison.Ordinal);
        long? length = null;
        bool chunked = false, upgrade = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = true;
            }
        }

        return response
            ? new HttpWireHead(raw, "", "", int.Parse(start[1], CultureInfo.InvariantCulture), length, chunked, upgrade)
            : new HttpWireHead(raw, start[0], start.Length > 1 ? start[1] : "", 0, length, chunked, upgrade);
    }
}
