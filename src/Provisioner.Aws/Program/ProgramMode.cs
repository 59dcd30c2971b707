namespace Provisioner.Aws.Program;

/// <summary>Which of the two programs of a rollout is generated.</summary>
internal enum ProgramMode
{
    /// <summary>Every service runs its new task definition, one task each.</summary>
    Rollout,

    /// <summary>
    /// Before the jobs of a new version (a migration) run: everything is created or updated, including the one-off task
    /// definitions with the new images, but the held services keep the task definition and task count they run (a new
    /// tenant's start with none). Their dependencies (a queue) roll as usual.
    /// </summary>
    Hold,
}
