namespace Provisioner.Docker.Tests.Fakes;

/// <summary>One request the fake engine received: method, path without the leading slash, decoded query and body.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, string Query, string Body);
