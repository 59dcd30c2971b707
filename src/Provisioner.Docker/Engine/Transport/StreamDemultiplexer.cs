using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Splits the engine's multiplexed stream (logs and exec/attach output of a container without a TTY):
/// frames of an 8-byte header <c>[stream, 0, 0, 0, size (uint32, big endian)]</c> followed by
/// <c>size</c> bytes. Stream 0 (stdin) and 1 go to stdout, 2 to stderr, 3 carries an engine error.
/// Frames may arrive split across any number of reads.
/// </summary>
internal static class StreamDemultiplexer
{
    private const int HeaderSize = 8;
    private const int CopyBufferSize = 16 * 1024;

    /// <summary>Copies frames until the end of <paramref name="source"/>; stdout and stderr may be the same stream.</summary>
    public static async Task CopyAsync(Stream source, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (true)
            {
                var headerRead = await source.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false);
                if (headerRead == 0)
                {
                    return;
                }

                if (headerRead < HeaderSize)
                {
                    throw new DockerException($"The engine's output stream ended inside a frame header ({headerRead} of {HeaderSize} bytes).");
                }

                var size = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                switch (header[0])
                {
                    case 0 or 1:
                        await CopyFrameAsync(source, stdout, size, buffer, cancellationToken).ConfigureAwait(false);
                        break;
                    case 2:
                        await CopyFrameAsync(source, stderr, size, buffer, cancellationToken).ConfigureAwait(false);
                        break;
                    case 3:
                        using (var error = new MemoryStream())
                        {
                            await CopyFrameAsync(source, error, size, buffer, cancellationToken).ConfigureAwait(false);
                            throw new DockerException($"The engine reported an error in the output stream: {Encoding.UTF8.GetString(error.ToArray())}");
                        }

                    default:
                        throw new DockerException($"The engine's output stream has an unknown frame type {header[0]}; is the container using a TTY?");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task CopyFrameAsync(Stream source, Stream target, uint size, byte[] buffer, CancellationToken cancellationToken)
    {
        var remaining = (long)size;
        while (remaining > 0)
        {
            var want = (int)Math.Min(remaining, buffer.Length);
            var read = await source.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new DockerException($"The engine's output stream ended inside a frame ({remaining} of {size} bytes missing).");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
        }
    }
}
