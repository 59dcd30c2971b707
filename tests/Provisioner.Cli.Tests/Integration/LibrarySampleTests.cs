using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

/// <summary>The library sample in docs/library.md compiles, provisions a real tenant through the library, and is the code the page shows.</summary>
[Trait("Category", "Integration")]
[Collection(EngineCollection.Name)]
public sealed class LibrarySampleTests(EngineFixture engine) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("library-sample-").FullName;

    private static string Sample => Path.Combine(RepoPaths.Root, "docs", "samples", "Signup");

    [Fact]
    public void Page_ShowsTheSampleAsItIs()
    {
        var code = File.ReadAllText(Path.Combine(Sample, "Program.cs")).Trim();

        Assert.Contains("```csharp\n" + code + "\n```", File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "library.md")));
        Assert.InRange(code.Split('\n').Length, 10, 20);
    }

    [Fact]
    public async Task Sample_Run_ProvisionsAHealthyTenantThenDestroysIt()
    {
        var tenant = engine.Tenant("lib");
        var run = await Shell.RunAsync(
            "dotnet", ["run", "--project", Sample, "-c", "Release", "--no-build", "--", RepoPaths.Templates, tenant, _home], TimeSpan.FromMinutes(6));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($@"{tenant} is Active at http://127\.0\.0\.1:\d+: 3 checks passed", run.Stdout);
        Assert.Contains($"{tenant} destroyed", run.Stdout);
        Assert.Empty((await engine.ResourcesOf(tenant)).Containers);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
