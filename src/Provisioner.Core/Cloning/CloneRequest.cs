namespace Provisioner.Core.Cloning;

/// <summary>
/// <c>provision clone SOURCE NEW [--size SIZE] [--mask | --no-mask]</c>: <see cref="Name"/> becomes a new tenant of SOURCE's
/// template and version with a copy of its data and its own new secrets; <see cref="Size"/> defaults to SOURCE's.
/// </summary>
public sealed record CloneRequest(string Source, string Name, string? Size = null, MaskChoice Mask = MaskChoice.IfDeclared);
