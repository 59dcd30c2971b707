using System.Text.Json.Serialization;
using Provisioner.Core.Edge;

namespace Provisioner;

/// <summary>The recorded edge's <c>settings.json</c> (indented), generated at build time: the native binary has no run-time serializer code.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(EdgeOptions))]
internal sealed partial class RecordedEdgeJson : JsonSerializerContext;
