using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Oidc.Stores;

/// <summary>The trivial getters and setters of the application store: they read and change the entity only.</summary>
internal sealed partial class OidcApplicationStore
{
    public ValueTask<string?> GetApplicationTypeAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.ApplicationType);

    public ValueTask<string?> GetClientIdAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.ClientId);

    public ValueTask<string?> GetClientSecretAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.ClientSecret);

    public ValueTask<string?> GetClientTypeAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.ClientType);

    public ValueTask<string?> GetConsentTypeAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.ConsentType);

    public ValueTask<string?> GetDisplayNameAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadLocalized(application.DisplayNames));

    public ValueTask<string?> GetIdAsync(OidcApplication application, CancellationToken cancellationToken) => new(application.Id.ToString());

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(application.JsonWebKeySet is { } json ? JsonWebKeySet.Create(json) : null);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadArray(application.Permissions));

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadArray(application.PostLogoutRedirectUris));

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadProperties(application.Properties));

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadArray(application.RedirectUris));

    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadArray(application.Requirements));

    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(OidcApplication application, CancellationToken cancellationToken) =>
        new(StoreJson.ReadSettings(application.Settings));

    public ValueTask SetApplicationTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) =>
        Set(() => application.ApplicationType = type);

    public ValueTask SetClientIdAsync(OidcApplication application, string? identifier, CancellationToken cancellationToken) =>
        Set(() => application.ClientId = identifier);

    public ValueTask SetClientSecretAsync(OidcApplication application, string? secret, CancellationToken cancellationToken) =>
        Set(() => application.ClientSecret = secret);

    public ValueTask SetClientTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) =>
        Set(() => application.ClientType = type);

    public ValueTask SetConsentTypeAsync(OidcApplication application, string? type, CancellationToken cancellationToken) =>
        Set(() => application.ConsentType = type);

    public ValueTask SetDisplayNameAsync(OidcApplication application, string? name, CancellationToken cancellationToken) =>
        Set(() => application.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(OidcApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => application.DisplayNames = StoreJson.WriteLocalized(names));

    public ValueTask SetJsonWebKeySetAsync(OidcApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) =>
        Set(() => application.JsonWebKeySet = set is null ? null : JsonSerializer.Serialize(set));

    public ValueTask SetPermissionsAsync(OidcApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) =>
        Set(() => application.Permissions = StoreJson.WriteArray(permissions));

    public ValueTask SetPostLogoutRedirectUrisAsync(OidcApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        Set(() => application.PostLogoutRedirectUris = StoreJson.WriteArray(uris));

    public ValueTask SetPropertiesAsync(OidcApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => application.Properties = StoreJson.WriteProperties(properties));

    public ValueTask SetRedirectUrisAsync(OidcApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        Set(() => application.RedirectUris = StoreJson.WriteArray(uris));

    public ValueTask SetRequirementsAsync(OidcApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) =>
        Set(() => application.Requirements = StoreJson.WriteArray(requirements));

    public ValueTask SetSettingsAsync(OidcApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) =>
        Set(() => application.Settings = StoreJson.WriteSettings(settings));

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }
}
