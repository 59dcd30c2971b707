using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A mount in <see cref="HostConfig.Mounts"/>.</summary>
public sealed record Mount
{
    /// <summary>Named-volume mount type.</summary>
    public const string VolumeType = "volume";

    /// <summary>Host-path bind mount type.</summary>
    public const string BindType = "bind";

    /// <summary>In-memory mount type.</summary>
    public const string TmpfsType = "tmpfs";

    /// <summary><see cref="VolumeType"/>, <see cref="BindType"/> or <see cref="TmpfsType"/>.</summary>
    [JsonPropertyName("Type")]
    public required string Type { get; init; }

    /// <summary>Volume name or host path; null for tmpfs.</summary>
    [JsonPropertyName("Source")]
    public string? Source { get; init; }

    /// <summary>Path inside the container.</summary>
    [JsonPropertyName("Target")]
    public required string Target { get; init; }

    /// <summary>Mount read-only.</summary>
    [JsonPropertyName("ReadOnly")]
    public bool ReadOnly { get; init; }

    /// <summary>Size and mode of a tmpfs mount.</summary>
    [JsonPropertyName("TmpfsOptions")]
    public TmpfsOptions? TmpfsOptions { get; init; }

    /// <summary>A named volume at <paramref name="target"/>.</summary>
    public static Mount Volume(string name, string target, bool readOnly = false) =>
        new() { Type = VolumeType, Source = name, Target = target, ReadOnly = readOnly };

    /// <summary>A host path at <paramref name="target"/>.</summary>
    public static Mount Bind(string hostPath, string target, bool readOnly = false) =>
        new() { Type = BindType, Source = hostPath, Target = target, ReadOnly = readOnly };

    /// <summary>An in-memory filesystem at <paramref name="target"/>.</summary>
    public static Mount Tmpfs(string target, long? sizeBytes = null, UnixFileMode? mode = null) =>
        new()
        {
            Type = TmpfsType,
            Target = target,
            TmpfsOptions = sizeBytes is null && mode is null ? null : new TmpfsOptions { SizeBytes = sizeBytes, Mode = mode },
        };
}
