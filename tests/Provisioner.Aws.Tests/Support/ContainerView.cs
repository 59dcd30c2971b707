namespace Provisioner.Aws.Tests.Support;

/// <summary>One container definition of a generated program, as tests look at it.</summary>
internal sealed record ContainerView(
    string Name,
    string Image,
    IReadOnlyList<string>? EntryPoint,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> SecretVariables,
    IReadOnlyList<string> Mounts,
    int? Port,
    bool Essential);
