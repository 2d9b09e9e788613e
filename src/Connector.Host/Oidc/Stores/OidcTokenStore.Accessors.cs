using System.Collections.Immutable;
using System.Text.Json;

namespace Connector.Host.Oidc.Stores;

/// <summary>The trivial getters and setters of the token store.</summary>
internal sealed partial class OidcTokenStore
{
    public ValueTask<string?> GetApplicationIdAsync(OidcToken token, CancellationToken cancellationToken) => new(token.ApplicationId?.ToString());

    public ValueTask<string?> GetAuthorizationIdAsync(OidcToken token, CancellationToken cancellationToken) => new(token.AuthorizationId?.ToString());

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OidcToken token, CancellationToken cancellationToken) => new(StoreJson.ToOffset(token.CreationDate));

    public ValueTask<DateTimeOffset?> GetExpirationDateAsync(OidcToken token, CancellationToken cancellationToken) => new(StoreJson.ToOffset(token.ExpirationDate));

    public ValueTask<string?> GetIdAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Id.ToString());

    public ValueTask<string?> GetPayloadAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Payload);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OidcToken token, CancellationToken cancellationToken) =>
        new(StoreJson.ReadProperties(token.Properties));

    public ValueTask<DateTimeOffset?> GetRedemptionDateAsync(OidcToken token, CancellationToken cancellationToken) => new(StoreJson.ToOffset(token.RedemptionDate));

    public ValueTask<string?> GetReferenceIdAsync(OidcToken token, CancellationToken cancellationToken) => new(token.ReferenceId);

    public ValueTask<string?> GetStatusAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Status);

    public ValueTask<string?> GetSubjectAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Subject);

    public ValueTask<string?> GetTypeAsync(OidcToken token, CancellationToken cancellationToken) => new(token.Type);

    public ValueTask SetApplicationIdAsync(OidcToken token, string? identifier, CancellationToken cancellationToken) =>
        Set(() => token.ApplicationId = StoreJson.ParseId(identifier));

    public ValueTask SetAuthorizationIdAsync(OidcToken token, string? identifier, CancellationToken cancellationToken) =>
        Set(() => token.AuthorizationId = StoreJson.ParseId(identifier));

    public ValueTask SetCreationDateAsync(OidcToken token, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => token.CreationDate = StoreJson.ToUtc(date));

    public ValueTask SetExpirationDateAsync(OidcToken token, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => token.ExpirationDate = StoreJson.ToUtc(date));

    public ValueTask SetPayloadAsync(OidcToken token, string? payload, CancellationToken cancellationToken) => Set(() => token.Payload = payload);

    public ValueTask SetPropertiesAsync(OidcToken token, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => token.Properties = StoreJson.WriteProperties(properties));

    public ValueTask SetRedemptionDateAsync(OidcToken token, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => token.RedemptionDate = StoreJson.ToUtc(date));

    public ValueTask SetReferenceIdAsync(OidcToken token, string? identifier, CancellationToken cancellationToken) =>
        Set(() => token.ReferenceId = identifier);

    public ValueTask SetStatusAsync(OidcToken token, string? status, CancellationToken cancellationToken) => Set(() => token.Status = status);

    public ValueTask SetSubjectAsync(OidcToken token, string? subject, CancellationToken cancellationToken) => Set(() => token.Subject = subject);

    public ValueTask SetTypeAsync(OidcToken token, string? type, CancellationToken cancellationToken) => Set(() => token.Type = type);

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }
}
