using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Program;

/// <summary>
/// Small constructors for the program's YAML nodes. Strings that YAML would read as something else (numbers, booleans,
/// null, dates) are double-quoted; every other string is left to the emitter, which quotes only when it must.
/// </summary>
internal static partial class YamlNodes
{
    [GeneratedRegex(@"^([-+]?[0-9.][0-9A-Za-z.:+_-]*|true|false|yes|no|on|off|null|~|y|n)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();

    public static YamlScalarNode Str(string value) =>
        new(value) { Style = value.Length == 0 || LooksTyped().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    public static YamlScalarNode Num(long value) => new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    /// <summary>A mapping of the given entries in order; entries whose value is null are left out.</summary>
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(new YamlScalarNode(key), value);
            }
        }

        return map;
    }

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    /// <summary>A one-line list of strings: <c>[a, b]</c>.</summary>
    public static YamlSequenceNode Flow(params IEnumerable<string> items) => new(items.Select(Str)) { Style = SequenceStyle.Flow };

    /// <summary>A built-in function call: <c>{ fn::toJSON: value }</c>.</summary>
    public static YamlMappingNode Fn(string function, YamlNode argument) => Map(($"fn::{function}", argument));
}
