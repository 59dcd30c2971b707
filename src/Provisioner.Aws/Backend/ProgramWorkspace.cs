using Provisioner.Aws.Program;

namespace Provisioner.Aws.Backend;

/// <summary>
/// Each tenant's program folder under the driver's working folder ($PROVISIONER_HOME/pulumi/program/tenant-acme), the
/// way Automation API uses a workspace: the generated Pulumi.yaml for the tenant's template version, and beside it the
/// stack's settings file (Pulumi.tenant-acme.yaml, which holds its encrypted secrets and salt). Per tenant, because
/// tenants run different products and versions at once; under the tenant's lock, so one writer at a time.
/// </summary>
internal static class ProgramWorkspace
{
    public const string ProgramFile = "Pulumi.yaml";

    public static string For(string root, string stack) => Path.Combine(root, stack);

    /// <summary>Writes <paramref name="text"/> as the stack's program (only when it changed) and returns the folder.</summary>
    public static string Write(string root, string stack, string text)
    {
        var folder = Prepare(root, stack);
        var target = Path.Combine(folder, ProgramFile);
        if (File.Exists(target) && File.ReadAllText(target) == text)
        {
            return folder;
        }

        var temp = $"{target}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, target, overwrite: true);
        return folder;
    }

    /// <summary>
    /// The stack's folder with a project file in it, for commands that do not run the program (outputs, destroy): the
    /// last program written, or a bare project when there is none (the resources are in the stack's state).
    /// </summary>
    public static string Ensure(string root, string stack)
    {
        var folder = Prepare(root, stack);
        var target = Path.Combine(folder, ProgramFile);
        if (!File.Exists(target))
        {
            File.WriteAllText(target, $"name: {ProgramNames.Project}\nruntime: yaml\n");
        }

        return folder;
    }

    /// <summary>Creates the folder, moving in a stack settings file left by the earlier layout (one shared program folder).</summary>
    private static string Prepare(string root, string stack)
    {
        var folder = For(root, stack);
        Directory.CreateDirectory(folder);
        var settings = $"Pulumi.{stack}.yaml";
        var legacy = Path.Combine(root, settings);
        if (File.Exists(legacy) && !File.Exists(Path.Combine(folder, settings)))
        {
            File.Move(legacy, Path.Combine(folder, settings));
        }

        return folder;
    }
}
