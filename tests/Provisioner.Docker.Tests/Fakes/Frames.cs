using System.Buffers.Binary;
using System.Text;

namespace Provisioner.Docker.Tests.Fakes;

/// <summary>Builds the engine's multiplexed stream: 8-byte header (stream, 0, 0, 0, big-endian size) + payload.</summary>
internal static class Frames
{
    public const byte Stdout = 1;
    public const byte Stderr = 2;

    public static byte[] Frame(byte stream, string text) => Frame(stream, Encoding.UTF8.GetBytes(text));

    public static byte[] Frame(byte stream, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    public static byte[] Concat(params byte[][] frames) => [.. frames.SelectMany(frame => frame)];
}
