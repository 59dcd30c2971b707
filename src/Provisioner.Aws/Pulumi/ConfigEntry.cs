namespace Provisioner.Aws.Pulumi;

/// <summary>One stack config value; <see cref="Secret"/> values are set with <c>--secret</c> and never logged.</summary>
public sealed record ConfigEntry(string Key, string Value, bool Secret = false)
{
    public override string ToString() => $"{Key}={(Secret ? "[secret]" : Value)}";
}
