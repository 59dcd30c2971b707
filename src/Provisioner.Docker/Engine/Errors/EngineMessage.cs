using System.Text.Json;
using Docker.DotNet;

namespace Provisioner.Docker.Engine;

/// <summary>The engine's own explanation in an error answer: the <c>message</c> field of its JSON body, on one line.</summary>
internal static class EngineMessage
{
    public static string Of(DockerApiException e)
    {
        var body = (e.ResponseBody ?? "").Trim();
        if (body.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    body = message.GetString() ?? "";
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the raw body it is.
            }
        }

        var line = string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 0 ? line : e.StatusCode.ToString();
    }
}
