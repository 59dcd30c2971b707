using System.Text;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class StreamDemultiplexerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(4096)]
    public async Task CopyAsync_FramesSplitAcrossReads_SeparatesStdoutAndStderr(int chunkSize)
    {
        var data = Frames.Concat(
            Frames.Frame(Frames.Stdout, "hello "),
            Frames.Frame(Frames.Stderr, "warning\n"),
            Frames.Frame(Frames.Stdout, "world\n"));
        var source = new ChunkedReadStream(data, chunkSize);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();

        await StreamDemultiplexer.CopyAsync(source, stdout, stderr, CancellationToken.None);

        Assert.Equal("hello world\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("warning\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task CopyAsync_SameTargetForBoth_KeepsOrder()
    {
        var data = Frames.Concat(Frames.Frame(Frames.Stdout, "1"), Frames.Frame(Frames.Stderr, "2"), Frames.Frame(Frames.Stdout, "3"));
        using var combined = new MemoryStream();

        await StreamDemultiplexer.CopyAsync(new ChunkedReadStream(data, 2), combined, combined, CancellationToken.None);

        Assert.Equal("123", Encoding.UTF8.GetString(combined.ToArray()));
    }

    [Fact]
    public async Task CopyAsync_FrameLargerThanCopyBuffer_CopiedCompletely()
    {
        var payload = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
        using var stdout = new MemoryStream();

        await StreamDemultiplexer.CopyAsync(new ChunkedReadStream(Frames.Frame(Frames.Stdout, payload), 1000), stdout, Stream.Null, CancellationToken.None);

        Assert.Equal(payload, stdout.ToArray());
    }

    [Fact]
    public async Task CopyAsync_MultibyteCharacterSplitAcrossFrames_DecodesAfterJoining()
    {
        var euro = Encoding.UTF8.GetBytes("€");
        var data = Frames.Concat(Frames.Frame(Frames.Stdout, euro[..1]), Frames.Frame(Frames.Stdout, euro[1..]));
        using var stdout = new MemoryStream();

        await StreamDemultiplexer.CopyAsync(new ChunkedReadStream(data, 1), stdout, Stream.Null, CancellationToken.None);

        Assert.Equal("€", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public async Task CopyAsync_EmptyStream_WritesNothing()
    {
        using var stdout = new MemoryStream();

        await StreamDemultiplexer.CopyAsync(new MemoryStream(), stdout, stdout, CancellationToken.None);

        Assert.Equal(0, stdout.Length);
    }

    [Fact]
    public async Task CopyAsync_EmptyFrame_Skipped()
    {
        var data = Frames.Concat(Frames.Frame(Frames.Stdout, ""), Frames.Frame(Frames.Stdout, "x"));
        using var stdout = new MemoryStream();

        await StreamDemultiplexer.CopyAsync(new MemoryStream(data), stdout, Stream.Null, CancellationToken.None);

        Assert.Equal("x", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public async Task CopyAsync_EndsInsideHeader_ThrowsDockerException()
    {
        var data = Frames.Frame(Frames.Stdout, "abc")[..5];

        var error = await Assert.ThrowsAsync<DockerException>(
            () => StreamDemultiplexer.CopyAsync(new MemoryStream(data), Stream.Null, Stream.Null, CancellationToken.None));

        Assert.Contains("frame header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_EndsInsidePayload_ThrowsDockerException()
    {
        var data = Frames.Frame(Frames.Stdout, "abcdef")[..10];

        await Assert.ThrowsAsync<DockerException>(
            () => StreamDemultiplexer.CopyAsync(new MemoryStream(data), Stream.Null, Stream.Null, CancellationToken.None));
    }

    [Fact]
    public async Task CopyAsync_EngineErrorFrame_ThrowsWithEngineText()
    {
        var data = Frames.Frame(3, "exec failed");

        var error = await Assert.ThrowsAsync<DockerException>(
            () => StreamDemultiplexer.CopyAsync(new MemoryStream(data), Stream.Null, Stream.Null, CancellationToken.None));

        Assert.Contains("exec failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_UnknownStreamType_ThrowsMentioningTty()
    {
        var data = Encoding.ASCII.GetBytes("plain tty output!");

        var error = await Assert.ThrowsAsync<DockerException>(
            () => StreamDemultiplexer.CopyAsync(new MemoryStream(data), Stream.Null, Stream.Null, CancellationToken.None));

        Assert.Contains("TTY", error.Message, StringComparison.Ordinal);
    }
}
