using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>A key of the program's <c>config:</c> section: its declared type, whether it is secret, and whether it has a default.</summary>
internal sealed record ConfigDeclaration(string Name, string? Type, bool Secret, bool HasDefault, YamlNode Node);
