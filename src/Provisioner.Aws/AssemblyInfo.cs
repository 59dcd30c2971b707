[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Provisioner.Aws.Tests")]
