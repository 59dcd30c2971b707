using System.Reflection;
using YamlDotNet.Serialization;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// Every key provisioner.yaml accepts, read from <see cref="ProvisionerConfig"/> itself (so the list in an "unknown key"
/// error can never fall behind the settings): <c>templates, ..., health.deadline, ..., aws.region, ...</c>.
/// </summary>
internal static class ConfigKeys
{
    public static IReadOnlyList<string> All { get; } = Of(typeof(ProvisionerConfig), prefix: "");

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The config's types are in this assembly, which the native build keeps whole (Provisioner.Cli.csproj).")]
    private static List<string> Of(Type type, string prefix)
    {
        var keys = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetCustomAttribute<YamlIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (kind.IsClass && kind != typeof(string) && !kind.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                keys.AddRange(Of(kind, name + "."));
            }
            else
            {
                keys.Add(name);
            }
        }

        return keys;
    }
}
