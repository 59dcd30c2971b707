namespace Provisioner.Aws.Pulumi;

/// <summary>How the driver runs the pulumi CLI. <see cref="Validate"/> reports every problem at once.</summary>
public sealed record PulumiOptions
{
    /// <summary>The pulumi executable, a name looked up on PATH or a path. Default <c>pulumi</c>.</summary>
    public string Executable { get; init; } = "pulumi";

    /// <summary>
    /// Folder pulumi runs in (passed as <c>--cwd</c>), holding the program's <c>Pulumi.yaml</c>. For the AWS backend, the
    /// folder holding each tenant's program folder (<c>tenant-acme/Pulumi.yaml</c>). Required.
    /// </summary>
    public string ProgramDirectory { get; init; } = "";

    /// <summary>State backend, e.g. <c>file:///home/me/.provisioner/pulumi</c> or <c>s3://bucket</c>. Required (the CLI defaults it from PULUMI_BACKEND_URL).</summary>
    public string BackendUrl { get; init; } = "";

    /// <summary>File holding the passphrase of the passphrase secrets provider (PULUMI_CONFIG_PASSPHRASE_FILE). Required.</summary>
    public string PassphraseFile { get; init; } = "";

    /// <summary>Oldest CLI accepted. Default 3.61.0: project-scoped stacks in file backends and streamed <c>--json</c> events.</summary>
    public Version MinimumVersion { get; init; } = new(3, 61, 0);

    public PulumiOptions Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Executable))
        {
            errors.Add("pulumi executable is empty");
        }

        if (string.IsNullOrWhiteSpace(ProgramDirectory))
        {
            errors.Add("the program directory (holding Pulumi.yaml) is not set");
        }

        if (string.IsNullOrWhiteSpace(BackendUrl))
        {
            errors.Add("the state backend URL is not set");
        }

        if (string.IsNullOrWhiteSpace(PassphraseFile))
        {
            errors.Add("the passphrase file is not set");
        }

        return errors.Count == 0 ? this : throw new Core.Errors.BadInputException("invalid pulumi settings: " + string.Join("; ", errors));
    }
}
