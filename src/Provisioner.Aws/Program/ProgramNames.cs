namespace Provisioner.Aws.Program;

/// <summary>
/// Logical names in the generated program. Fixed parts of the stamp have fixed names (<c>vpc</c>, <c>alb</c>); a
/// component's resources are its name plus a suffix (<c>webService</c>, <c>dbDatabase</c>), and component names are
/// lowercase letters and digits, so they never clash with each other or with the fixed names.
/// </summary>
internal static class ProgramNames
{
    public const string Project = "provision-tenant";

    public const string TenantConfig = "tenant";

    public const string Prefix = "prefix";

    public const string Tags = "tags";

    public const string LoadBalancer = "alb";

    public const string TargetGroup = "entryTargets";

    public const string Listener = "http";

    public const string Namespace = "dns";

    public const string FileSystem = "files";

    public const string Cluster = "cluster";

    public const string Logs = "logs";

    public const string ExecutionRole = "executionRole";

    public const string TasksGroup = "tasksSg";

    /// <summary>The name of the init container that writes a task's secret files.</summary>
    public const string SecretsContainer = "secrets-init";

    public static string Database(string component) => component + "Database";

    public static string Service(string component) => component + "Service";

    public static string Task(string component) => component + "Task";

    public static string OneOff(string component) => component + "Run";

    public static string Containers(string component) => component + "Containers";

    public static string OneOffContainers(string component) => component + "RunContainers";

    public static string Discovery(string component) => component + "Discovery";

    public static string Secret(string secret) => SecretKey(secret) + "Secret";

    public static string SecretValue(string secret) => SecretKey(secret) + "SecretValue";

    /// <summary>A template secret's config key: <c>db_password</c> → <c>dbPassword</c>.</summary>
    public static string SecretKey(string secret)
    {
        var parts = secret.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary><c>${name}</c> or <c>${name.property}</c>.</summary>
    public static string Ref(string name, string? property = null) => property is null ? $"${{{name}}}" : $"${{{name}.{property}}}";

    /// <summary>An AWS name under the tenant's prefix: <c>${prefix}-web</c>.</summary>
    public static string AwsName(string suffix) => $"${{{Prefix}}}-{suffix}";
}
