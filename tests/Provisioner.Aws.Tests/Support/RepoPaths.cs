namespace Provisioner.Aws.Tests.Support;

/// <summary>The repository (the folder holding Provisioner.sln), its templates, the AWS examples, and and the provider schema subset under infra/aws/schema.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    /// <summary>infra/aws/examples: the generated programs of the sample products, kept equal to the generator's output by a test.</summary>
    public static string Examples => Path.Combine(Root, "infra", "aws", "examples");

    /// <summary>infra/aws/schema/pulumi-aws-7.48.0.json: the subset of the provider schema the program uses (its README says where it came from).</summary>
    public static string Schema => Path.Combine(Root, "infra", "aws", "schema", "pulumi-aws-7.48.0.json");

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
