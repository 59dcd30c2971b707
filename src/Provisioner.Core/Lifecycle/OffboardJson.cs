using System.Text.Json.Serialization;

namespace Provisioner.Core.Lifecycle;

/// <summary>An offboarded set's <c>offboard.json</c> (indented, camelCase), generated at build time: the native binary has no run-time serializer code.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OffboardRecord))]
internal sealed partial class OffboardJson : JsonSerializerContext;
