using YamlDotNet.RepresentationModel;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// ECS container definitions (the value of <c>fn::toJSON</c>). A component with secrets gets them only as files: a
/// non-essential init container, whose task-definition entry names the Secrets Manager ARN (never the value), writes
/// each secret to <c>/run/secrets/NAME</c> (mode 0444) on a task-scoped volume that the
/// component's container mounts read-only and starts after. The component's own container has no secret in its
/// environment or command.
/// </summary>
internal static class ContainerDefinitions
{
    public const string SecretsVolume = "run-secrets";

    public static YamlNode List(string image, YamlMappingNode main, IReadOnlyList<string> secrets, string logPrefix) =>
        Fn("toJSON", Seq(secrets.Count == 0 ? [main] : [Init(image, secrets, logPrefix), main]));

    /// <summary>The component's container; <paramref name="mounts"/> are (task volume, path) pairs besides the secrets.</summary>
    public static YamlMappingNode Main(
        string name, string image, IReadOnlyList<string>? entryPoint, IReadOnlyList<string>? command, int? port,
        IEnumerable<(string Name, string Value)> env, IEnumerable<(string Volume, string Path)> mounts, bool hasSecrets, string logPrefix)
    {
        var mountPoints = mounts.Select(m => (YamlNode)Map(("sourceVolume", Str(m.Volume)), ("containerPath", Str(m.Path)))).ToList();
        if (hasSecrets)
        {
            mountPoints.Insert(0, Map(("sourceVolume", Str(SecretsVolume)), ("containerPath", Str(Core.Stamps.StampBuilder.SecretsDirectory)), ("readOnly", Bool(true))));
        }

        var environment = env.Select(e => (YamlNode)Map(("name", Str(e.Name)), ("value", Str(e.Value)))).ToList();
        return Map(
            ("name", Str(name)),
            ("image", Str(image)),
            ("essential", Bool(true)),
            ("entryPoint", entryPoint is null ? null : Flow(entryPoint)),
            ("command", command is null ? null : Flow(command)),
            ("portMappings", port is int p ? Seq([Map(("containerPort", Num(p)), ("protocol", Str("tcp")))]) : null),
            ("environment", environment.Count > 0 ? Seq(environment) : null),
            ("mountPoints", mountPoints.Count > 0 ? Seq(mountPoints) : null),
            ("dependsOn", hasSecrets ? Seq([Map(("containerName", Str(SecretsContainer)), ("condition", Str("SUCCESS")))]) : null),
            ("logConfiguration", LogConfiguration(logPrefix)));
    }

    /// <summary>The environment variable the init container reads a secret from: <c>db_password</c> → <c>SECRET_DB_PASSWORD</c>.</summary>
    public static string Variable(string secret) => "SECRET_" + secret.ToUpperInvariant().Replace('-', '_');

    private static YamlMappingNode Init(string image, IReadOnlyList<string> secrets, string logPrefix)
    {
        var writes = secrets.Select(s => $"printf %s \"${Variable(s)}\" > {Core.Stamps.StampBuilder.SecretsDirectory}/{s}");
        return Map(
            ("name", Str(SecretsContainer)),
            ("image", Str(image)),
            ("essential", Bool(false)),
            ("user", Str("0")),
            ("entryPoint", Flow(OneOffTask.EntryPoint)),
            ("command", Flow("set -eu; umask 0222; " + string.Join("; ", writes))),
            ("secrets", Seq(secrets.Select(s => (YamlNode)Map(("name", Str(Variable(s))), ("valueFrom", Str(Ref(Secret(s), "arn"))))))),
            ("mountPoints", Seq([Map(("sourceVolume", Str(SecretsVolume)), ("containerPath", Str(Core.Stamps.StampBuilder.SecretsDirectory)))])),
            ("logConfiguration", LogConfiguration(logPrefix)));
    }

    private static YamlMappingNode LogConfiguration(string prefix) => Map(
        ("logDriver", Str("awslogs")),
        ("options", Map(
            ("awslogs-group", Str(Ref(Logs, "name"))),
            ("awslogs-region", Str(Ref("region", "region"))),
            ("awslogs-stream-prefix", Str(prefix)))));
}
