namespace Provisioner.Docker.Tests.Integration;

/// <summary>The checkout the tests run from (the directory holding <c>Provisioner.sln</c>), for its product templates.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Provisioner.sln above {AppContext.BaseDirectory}");
    }
}
