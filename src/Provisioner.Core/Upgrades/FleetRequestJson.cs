using System.Text.Json.Serialization;

namespace Provisioner.Core.Upgrades;

/// <summary>A fleet upgrade's request as journaled (the serializer's defaults), generated at build time: the native binary has no run-time serializer code.</summary>
[JsonSerializable(typeof(FleetRequest))]
internal sealed partial class FleetRequestJson : JsonSerializerContext;
