return await Provisioner.Cli.CliApp.RunAsync(args);
