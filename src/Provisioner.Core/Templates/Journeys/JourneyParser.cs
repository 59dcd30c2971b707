using System.Globalization;
using System.Text.Json;
using Provisioner.Core.Templates.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Core.Templates.Journeys;

/// <summary>Parses <c>journeys:</c>, checking that every <c>${name}</c> a step uses was captured by an earlier step or is built in.</summary>
internal static class JourneyParser
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private static readonly string[] StepKeys =
        ["get", "post", "put", "patch", "delete", "headers", "json", "body", "contentType", "expect", "capture", "until", "within"];

    private static readonly TimeSpan MaxWithin = TimeSpan.FromMinutes(5);

    public static IReadOnlyDictionary<string, JourneySpec> ParseAll(YamlCursor journeys)
    {
        var result = new Dictionary<string, JourneySpec>(StringComparer.Ordinal);
        foreach (var (name, steps) in journeys.Entries())
        {
            if (!TemplateParser.NamePattern().IsMatch(name))
            {
                steps.Error("journey names must be lowercase letters, digits and '-'");
            }

            var known = new HashSet<string>(StringComparer.Ordinal) { "random", "tenant.name" };
            var parsed = steps.Items().Select(s => Step(s, known)).OfType<JourneyStep>().ToList();
            if (parsed.Count == 0)
            {
                steps.Error("a journey needs at least one step, e.g. - get: /api/items");
            }

            result[name] = new JourneySpec(name, parsed);
        }

        return result;
    }

    private static JourneyStep? Step(YamlCursor step, HashSet<string> known)
    {
        step.OnlyKeys(StepKeys);
        var methods = Methods.Where(m => !step.Child(m).IsMissing).ToList();
        if (methods.Count != 1)
        {
            step.Error($"each step must have exactly one of: {string.Join(", ", Methods)} (its value is the path)");
            return null;
        }

        var pathCursor = step.Child(methods[0]);
        var path = pathCursor.String(required: true);
        if (path is not null && !path.StartsWith('/'))
        {
            pathCursor.Error("must start with '/'");
        }

        Uses(pathCursor, path, known);
        var headers = step.Child("headers").StringMap();
        string? body = null;
        string? contentType = step.Child("contentType").String();
        if (!step.Child("json").IsMissing && !step.Child("body").IsMissing)
        {
            step.Error("a request has one body: json or body, not both");
        }
        else if (step.Child("json").Node is { } json)
        {
            body = ToJson(json);
            contentType ??= "application/json";
            Uses(step.Child("json"), body, known);
        }
        else if (!step.Child("body").IsMissing)
        {
            body = step.Child("body").String(required: true);
            contentType ??= "text/plain";
            Uses(step.Child("body"), body, known);
        }

        var (status, expectJson, expectBody, contains) = Expect(step.Child("expect"), methods[0], known);
        var until = Until(step.Child("until"), known);
        var within = step.Child("within").String() is { } w ? Within(step.Child("within"), w) : TimeSpan.FromSeconds(10);
        if (until is null && !step.Child("within").IsMissing)
        {
            step.Child("within").Error("within bounds an until: wait; add until: { $.field: value }");
        }

        var capture = step.Child("capture").StringMap();
        foreach (var (name, jsonPath) in capture)
        {
            if (!TemplateParser.NamePattern().IsMatch(name))
            {
                step.Child("capture").Child(name).Error("captured names must be lowercase letters, digits and '-'");
            }

            if (JsonPath.Problem(jsonPath) is { } problem)
            {
                step.Child("capture").Child(name).Error(problem);
            }

            known.Add(name);
        }

        return path is null ? null : new JourneyStep(
            methods[0].ToUpperInvariant(), path, headers, body, contentType, status, expectJson, expectBody, contains, capture, until, within);
    }

    private static (int Status, IReadOnlyDictionary<string, string> Json, string? Body, string? Contains) Expect(YamlCursor expect, string method, HashSet<string> known)
    {
        var defaultStatus = method switch { "post" => 201, "delete" => 204, _ => 200 };
        if (expect.IsMissing)
        {
            return (defaultStatus, new Dictionary<string, string>(), null, null);
        }

        if (expect.Node is YamlScalarNode)
        {
            return (HealthCheckParser.Status(expect) ?? defaultStatus, new Dictionary<string, string>(), null, null);
        }

        expect.OnlyKeys("status", "json", "body", "contains");
        var json = expect.Child("json").StringMap();
        foreach (var (jsonPath, value) in json)
        {
            if (JsonPath.Problem(jsonPath) is { } problem)
            {
                expect.Child("json").Child(jsonPath).Error(problem);
            }

            Uses(expect.Child("json").Child(jsonPath), value, known);
        }

        var body = expect.Child("body").String();
        var contains = expect.Child("contains").String();
        Uses(expect.Child("body"), body, known);
        Uses(expect.Child("contains"), contains, known);
        return (HealthCheckParser.Status(expect.Child("status")) ?? defaultStatus, json, body, contains);
    }

    private static (string, string)? Until(YamlCursor until, HashSet<string> known)
    {
        if (until.IsMissing)
        {
            return null;
        }

        var pairs = until.StringMap();
        if (pairs.Count != 1)
        {
            until.Error("must be one JSON path and the value to wait for, e.g. { $.state: processed }");
            return null;
        }

        var (path, value) = pairs.First();
        if (JsonPath.Problem(path) is { } problem)
        {
            until.Child(path).Error(problem);
        }

        Uses(until.Child(path), value, known);
        return (path, value);
    }

    private static TimeSpan Within(YamlCursor cursor, string text)
    {
        if (!DurationText.TryParse(text, out var value) || value <= TimeSpan.Zero || value > MaxWithin)
        {
            cursor.Error($"'{text}' must be a duration from 1ms to 5m (e.g. 10s)");
            return TimeSpan.FromSeconds(10);
        }

        return value;
    }

    private static void Uses(YamlCursor cursor, string? text, HashSet<string> known)
    {
        foreach (var name in text is null ? [] : ValueText.Names(text).Where(n => !known.Contains(n)).Distinct())
        {
            cursor.Error($"${{{name}}} is not known here (built in: random, tenant.name; captured so far: {(known.Count > 2 ? ValueText.List(known.Except(["random", "tenant.name"])) : "none")})");
        }
    }

    /// <summary>A YAML request body as JSON text: plain scalars that read as numbers, booleans or null keep that type; quoted ones are strings.</summary>
    private static string ToJson(YamlNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (k, v) in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)k).Value ?? "");
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "true" or "false":
                writer.WriteBooleanValue(s.Value == "true");
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "null" or "~":
                writer.WriteNullValue();
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                writer.WriteNumberValue(d);
                break;
            case YamlScalarNode s:
                writer.WriteStringValue(s.Value ?? "");
                break;
        }
    }
}
