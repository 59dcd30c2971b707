using Provisioner.Core.Templates;

namespace Provisioner.Core.Stamps;

/// <summary>
/// A run-to-completion container: a <see cref="JobPhase.Before"/> job runs once its dependencies are ready and before
/// <see cref="Component"/> is (re)created (a migration); an <see cref="JobPhase.After"/> job once every component runs.
/// A finished job with the same hash is kept as the record that it ran.
/// </summary>
public sealed record JobResource(
    string Name,
    string Job,
    string Component,
    JobPhase Phase,
    ContainerSpec Spec,
    IReadOnlyList<string> DependsOn,
    IReadOnlyDictionary<string, string> Labels)
{
    public string Hash => Labels[StampLabels.StampHash];
}
