namespace Provisioner.Swarm.Tests.Support;

/// <summary>Finds the repository (the folder holding Provisioner.sln) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

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
