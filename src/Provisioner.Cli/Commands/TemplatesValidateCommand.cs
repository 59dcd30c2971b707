using System.CommandLine;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision templates validate PATH</c>: checks a template that need not be installed; every problem at once, exit 2.</summary>
internal static class TemplatesValidateCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var path = new Argument<string>("path") { Description = "A template.yaml, or the folder holding one (its folder name must be the version)" };
        var command = new Command("validate", "Check a template file (not installed yet, say): every problem with its line") { path };
        command.SetHandler(globals, (parse, services, output, _) =>
        {
            try
            {
                var t = services.Provisioner.ValidateTemplate(parse.GetValue(path)!);
                if (output.Json)
                {
                    output.WriteJson(new { valid = true, template = t.Ref, components = t.Components.Select(c => c.Name), data = t.DataComponents.Select(c => c.Name), journeys = t.Journeys.Keys });
                }
                else
                {
                    output.Line($"{parse.GetValue(path)}: {t.Ref} is valid: {t.Components.Count} component(s) ({string.Join(", ", t.Components.Select(c => c.Name))}), " +
                        $"{t.Jobs.Count} job(s), {t.Journeys.Count} journey(s), data in {(t.DataComponents.Count == 0 ? "none" : string.Join(", ", t.DataComponents.Select(c => $"{c.Name} ({c.Data!.Kind})")))}.");
                }

                return Task.FromResult(ExitCodes.Ok);
            }
            catch (TemplateInvalidException e)
            {
                if (output.Json)
                {
                    output.WriteJson(new { valid = false, errors = e.Errors.Select(x => new { file = x.File, line = x.Line, path = x.Path, message = x.Message }) });
                }

                foreach (var error in e.Errors)
                {
                    output.Error(error.ToString());
                }

                throw new BadInputException($"{e.Errors.Count} problem(s) in {parse.GetValue(path)} (listed above)", "fix them and validate again");
            }
        });
        return command;
    }
}
