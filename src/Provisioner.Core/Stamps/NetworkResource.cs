namespace Provisioner.Core.Stamps;

/// <summary>A tenant network. <see cref="Internal"/> networks have no route out (the database lives there).</summary>
public sealed record NetworkResource(string Name, bool Internal, IReadOnlyDictionary<string, string> Labels);
