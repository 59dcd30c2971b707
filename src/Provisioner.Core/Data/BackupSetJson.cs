using System.Text.Json.Serialization;

namespace Provisioner.Core.Data;

/// <summary>A backup set's <c>manifest.json</c> (indented, camelCase), generated at build time: the native binary has no run-time serializer code.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BackupSet))]
internal sealed partial class BackupSetJson : JsonSerializerContext;
