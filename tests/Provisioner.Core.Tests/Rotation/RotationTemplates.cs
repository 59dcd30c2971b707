using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Rotation;

/// <summary>The notes test template whose database names its role (POSTGRES_USER), so its db_password is rotatable.</summary>
internal static class RotationTemplates
{
    public static ProductTemplate Notes(string dbEnv = "POSTGRES_USER: notes") => TestTemplates.ParseNotes(
        TestTemplates.Notes.Replace(
            "image: provisioner/postgres:15\n",
            $"image: provisioner/postgres:15\n    env: {{ {dbEnv} }}\n",
            StringComparison.Ordinal));
}
