namespace Provisioner.Core.Templates;

/// <summary>A run-to-completion job that brings the data to this version's schema, run with a component's image before that component starts.</summary>
public sealed record MigrateSpec(string Component, IReadOnlyList<string> Command);
