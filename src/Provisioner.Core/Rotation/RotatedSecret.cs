namespace Provisioner.Core.Rotation;

/// <summary>One secret a rotation changed: delivered to <see cref="Components"/>; <see cref="Resumed"/> when it finished a rotation an earlier run had begun.</summary>
public sealed record RotatedSecret(string Secret, string Role, IReadOnlyList<string> Components, bool Resumed);
