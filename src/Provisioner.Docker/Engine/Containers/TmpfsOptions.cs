using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Options of a tmpfs <see cref="Mount"/>.</summary>
public sealed record TmpfsOptions
{
    /// <summary>Size limit in bytes; null = the kernel's default (half of RAM).</summary>
    [JsonPropertyName("SizeBytes")]
    public long? SizeBytes { get; init; }

    /// <summary>Permission bits, e.g. <c>UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute</c> (0700). Null = 1777.</summary>
    [JsonPropertyName("Mode")]
    public UnixFileMode? Mode { get; init; }
}
