namespace Provisioner.Docker.Engine;

/// <summary>One volume in <c>/system/df</c>: its labels and the bytes it holds (-1 when the engine could not tell).</summary>
internal sealed record VolumeUsage(string Name, IReadOnlyDictionary<string, string> Labels, long SizeBytes);
