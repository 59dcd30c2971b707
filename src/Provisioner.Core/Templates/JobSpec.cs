namespace Provisioner.Core.Templates;

/// <summary>
/// A one-off step run to completion with a component's image, environment, secrets and volumes. Jobs of a phase run in
/// the order the template lists them; a job runs again only when its spec changes (a new version) or its last run failed.
/// </summary>
public sealed record JobSpec(string Name, string Component, IReadOnlyList<string> Command, JobPhase Phase);
