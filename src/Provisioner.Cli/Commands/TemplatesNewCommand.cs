using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision templates new NAME [--output FOLDER]</c>: writes a commented starting point that validates.</summary>
internal static class TemplatesNewCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Your product's name: lowercase letters, digits and '-'" };
        var folder = new Option<string?>("--output", "-o") { Description = "Templates folder to write into (default: the configured templates folder)" };
        var command = new Command("new", "Write a commented starting template for your product (NAME/1.0.0/template.yaml)") { name, folder };
        command.SetHandler(globals, (parse, services, output, _) =>
        {
            var written = TemplateStarter.Write(parse.GetValue(name)!, parse.GetValue(folder) ?? services.Provisioner.Settings.Templates);
            services.Provisioner.ValidateTemplate(written);
            if (output.Json)
            {
                output.WriteJson(new { written, valid = true });
            }
            else
            {
                output.Line($"Wrote {written} (it validates). Replace the images and commands with your product's, then `provision templates validate {written}`.");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
