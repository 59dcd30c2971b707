namespace Provisioner.Core.Templates.Values;

/// <summary>
/// The values a component's <c>env</c> and <c>command</c> may use, filled in per tenant by the stamp:
/// <list type="bullet">
/// <item><c>${tenant.name}</c>, <c>${tenant.url}</c> (its public URL);</item>
/// <item><c>${size.name}</c>, <c>${size.cpu}</c>, <c>${size.memory}</c> / <c>${size.memoryMb}</c> (the whole tenant);</item>
/// <item><c>${self.cpu}</c>, <c>${self.memory}</c> / <c>${self.memoryMb}</c> (this component's share: a heap, shared_buffers);</item>
/// <item><c>${NAME.host}</c>, <c>${NAME.port}</c> (another component's address);</item>
/// <item><c>${secrets.NAME}</c>: the path of a secret's file (secrets are only ever files, never values).</item>
/// </list>
/// </summary>
internal static class TemplateValues
{
    /// <summary>Names no component may take, because values start with them.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string> { "tenant", "size", "self", "secrets", "random" };

    public static IReadOnlyList<string> Fixed { get; } =
        ["tenant.name", "tenant.url", "size.name", "size.cpu", "size.memory", "size.memoryMb", "self.cpu", "self.memory", "self.memoryMb"];

    /// <summary>Why <paramref name="name"/> is not a value <paramref name="component"/> can use, or null when it is.</summary>
    public static string? Problem(string name, ComponentSpec component, IReadOnlyList<ComponentSpec> all)
    {
        if (Fixed.Contains(name))
        {
            return null;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var (head, tail) = dot < 0 ? (name, "") : (name[..dot], name[(dot + 1)..]);
        if (head == "secrets")
        {
            return component.Secrets.Contains(tail) ? null : $"'{tail}' is not one of this component's secrets ({string.Join(", ", component.Secrets)})";
        }

        var other = all.FirstOrDefault(c => c.Name == head);
        if (other is null)
        {
            return $"unknown value (known: {ValueText.List(Fixed)}, NAME.host, NAME.port, secrets.NAME)";
        }

        return tail switch
        {
            "host" => null,
            "port" when other.Port is not null => null,
            "port" => $"component '{head}' declares no port",
            _ => $"a component's values are {head}.host and {head}.port",
        };
    }
}
