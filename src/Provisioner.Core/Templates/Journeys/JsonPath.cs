using System.Globalization;
using System.Text.Json;

namespace Provisioner.Core.Templates.Journeys;

/// <summary>
/// The small part of JSONPath that journeys and checks need: <c>$</c>, <c>.name</c> and <c>[index]</c>
/// (e.g. <c>$.items[0].id</c>). Values are compared as text: strings as they are, other values as their JSON.
/// </summary>
internal static class JsonPath
{
    /// <summary>Why <paramref name="path"/> is not a supported path, or null when it is.</summary>
    public static string? Problem(string path) => TryParse(path, out _) ? null : $"'{path}' is not a JSON path like $.id or $.items[0].name";

    /// <summary>The value at <paramref name="path"/> as text, or null when the document has nothing there.</summary>
    public static string? Select(JsonElement root, string path)
    {
        if (!TryParse(path, out var parts))
        {
            return null;
        }

        var current = root;
        foreach (var part in parts)
        {
            if (part is int index)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty((string)part, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Null => "null",
            _ => current.GetRawText(),
        };
    }

    private static bool TryParse(string path, out List<object> parts)
    {
        parts = [];
        if (!path.StartsWith('$'))
        {
            return false;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                if (end == i + 1)
                {
                    return false;
                }

                parts.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path[(i + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                parts.Add(index);
                i = close + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
