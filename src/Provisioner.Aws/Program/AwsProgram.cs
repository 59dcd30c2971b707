namespace Provisioner.Aws.Program;

/// <summary>
/// A generated Pulumi YAML program for one tenant stack (<see cref="Text"/>, written as its Pulumi.yaml), with what the
/// driver needs to know about it: the image each service runs, and the services a <see cref="ProgramMode.Hold"/> program
/// keeps on what they run (empty when the template has no job before the rollout).
/// </summary>
internal sealed record AwsProgram(string Text, ProgramMode Mode, IReadOnlyDictionary<string, string> Images, IReadOnlySet<string> Held);
