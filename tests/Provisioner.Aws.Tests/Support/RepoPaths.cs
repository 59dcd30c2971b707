namespace Provisioner.Aws.Tests.Support;

/// <summary>The repository (the folder holding Provisioner.sln), its Pulumi program, and the shared provider schema beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string ProgramDirectory => Path.Combine(Root, "infra", "aws");

    public static string Program => Path.Combine(ProgramDirectory, "Pulumi.yaml");

    /// <summary>../shared/reference/pulumi-aws-7.48.0.json, or $PROVISIONER_AWS_SCHEMA.</summary>
    public static string Schema =>
        Environment.GetEnvironmentVariable("PROVISIONER_AWS_SCHEMA") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "pulumi-aws-7.48.0.json"));

    public static string Templates => Path.Combine(Root, "templates");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Provisioner.sln above " + AppContext.BaseDirectory);
    }
}
