using Provisioner.Aws.Program;
using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Support;

/// <summary>What a deployed program told a service to do.</summary>
internal static class Deployed
{
    /// <summary>Whether the program holds <paramref name="component"/>'s service on what it runs (a migration's first up).</summary>
    public static bool Holds(string programText, string component) =>
        ProgramQueries.Option(ProgramQueries.Resource(PulumiProgram.Parse(programText), ProgramNames.Service(component)), "ignoreChanges") is not null;

    /// <summary>The image the program rolls <paramref name="component"/>'s service to; null when it holds the service.</summary>
    public static string? ServiceImage(string programText, string component)
    {
        var program = PulumiProgram.Parse(programText);
        return Holds(programText, component)
            ? null
            : ProgramQueries.Containers(program, ProgramNames.Containers(component)).Single(c => c.Name == component).Image;
    }
}
