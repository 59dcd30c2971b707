namespace Provisioner.Aws.Validation;

/// <summary>
/// One input property in the provider schema: <see cref="Type"/> is string, number, boolean, array, map or object;
/// <see cref="Ref"/> names the nested object type; <see cref="Items"/> describes array elements.
/// </summary>
internal sealed record PropertySchema(string Name, string Type, bool Required, bool Secret, string? Ref, PropertySchema? Items);
