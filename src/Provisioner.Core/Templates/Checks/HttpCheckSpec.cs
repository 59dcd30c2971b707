namespace Provisioner.Core.Templates;

/// <summary>
/// An HTTP request to the component (the tenant's entry, or the component's own port) answers <see cref="Expect"/>; and,
/// when given, its body contains <see cref="BodyContains"/> and the JSON field <see cref="JsonPath"/> equals <see cref="JsonEquals"/>.
/// </summary>
public sealed record HttpCheckSpec(string Component, string Method, string Path, int Expect, string? BodyContains, string? JsonPath, string? JsonEquals)
    : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:http {(Method == "GET" ? "" : Method + " ")}{Path}";
}
