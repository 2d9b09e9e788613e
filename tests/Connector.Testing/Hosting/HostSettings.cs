using Microsoft.AspNetCore.Hosting;

namespace Connector.Testing.Hosting;

/// <summary>
/// What a test host runs with, set through the keys an operator sets (README, Configuration): its database, public
/// origin and admin keys, with plain-http loopback endpoints allowed for the fake providers and the key ring unencrypted. Overrides win; a null
/// value leaves a key out.
/// </summary>
public static class HostSettings
{
    /// <summary>Where an in-memory host (TestServer) answers, so its public origin; the kit's browser visits it there.</summary>
    public const string InMemoryOrigin = "http://localhost";

    /// <param name="overrides">Applied in order, each over the ones before.</param>
    public static Dictionary<string, string?> For(
        string connectionString,
        string publicOrigin,
        IReadOnlyList<string> adminKeys,
        params IReadOnlyDictionary<string, string?>?[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Connectors"] = connectionString,
            ["Connectors:PublicOrigin"] = publicOrigin,
            ["Connectors:AllowInsecureEndpoints"] = "true",
            // Test hosts run as Production; the key ring's certificate is exercised by its own tests.
            ["Connectors:DataProtection:AllowUnencryptedKeys"] = "true",
        };
        for (var i = 0; i < adminKeys.Count; i++)
        {
            settings[$"Connectors:AdminApiKeys:{i}"] = adminKeys[i];
        }

        foreach (var (key, value) in overrides.SelectMany(layer => layer ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Sets each key that has a value, as the operator's configuration would.</summary>
    public static IWebHostBuilder UseSettings(this IWebHostBuilder builder, IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }

        return builder;
    }
}
