using System.Reflection;

namespace Connector.OAuth2.Tests;

/// <summary>docs/architecture.md: the engine carries no ASP.NET Core and no database code.</summary>
public sealed class EngineDependencyTests
{
    private static readonly string[] ForbiddenPrefixes = ["Microsoft.AspNetCore", "Npgsql", "Dapper", "Microsoft.EntityFrameworkCore"];

    private static readonly Assembly Engine = typeof(OAuth2Connector).Assembly;

    [Fact]
    public void Engine_DirectReferences_IncludeDuendeIdentityModelAndFlurlHttp()
    {
        var names = Engine.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Duende.IdentityModel", names);
        Assert.Contains("Flurl.Http", names);
    }

    [Fact]
    public void Engine_TransitiveReferences_IncludeNoAspNetCoreOrDatabaseAssembly()
    {
        var closure = TransitiveReferences(Engine);

        // The walk must have reached past the engine's direct references, or it proves nothing.
        Assert.Contains("Flurl", closure);
        Assert.Contains("Microsoft.Extensions.Http", closure);
        var forbidden = closure.Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(forbidden);
    }

    private static SortedSet<string> TransitiveReferences(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Not loadable in this process (an optional dependency): its name was still checked.
                }
            }
        }

        return seen;
    }
}
