namespace Provisioner.Aws.Backend;

/// <summary>
/// Copies the shipped program (infra/aws/Pulumi.yaml) into the driver's working folder under $PROVISIONER_HOME, the
/// way Automation API uses a workspace: pulumi writes each stack's settings file (Pulumi.tenant-x.yaml) beside the
/// program, and those belong with the state, not in the repository or next to the binary.
/// </summary>
internal static class ProgramWorkspace
{
    public static void Sync(string sourceDirectory, string workDirectory)
    {
        var source = Path.Combine(sourceDirectory, "Pulumi.yaml");
        if (!File.Exists(source))
        {
            throw new Core.Errors.BadInputException($"the AWS program {source} does not exist", "set aws.program in provisioner.yaml to the folder holding Pulumi.yaml (infra/aws)");
        }

        Directory.CreateDirectory(workDirectory);
        var target = Path.Combine(workDirectory, "Pulumi.yaml");
        var text = File.ReadAllText(source);
        if (File.Exists(target) && File.ReadAllText(target) == text)
        {
            return;
        }

        var temp = $"{target}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, target, overwrite: true);
    }
}
