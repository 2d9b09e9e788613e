using Connector.Host.Persistence;
using Npgsql;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc.Stores;

/// <summary>
/// OpenIddict's application store over <c>oidc_applications</c>. Writes are optimistic (the concurrency
/// token must still match) and carry the admin change's audit event in the same transaction.
/// </summary>
internal sealed partial class OidcApplicationStore(NpgsqlDataSource dataSource, TimeProvider time) : IOpenIddictApplicationStore<OidcApplication>
{
    private readonly StoreRows<OidcApplication> _rows = new(dataSource, "application");

    private const string Columns =
        "id AS Id, client_id AS ClientId, client_secret AS ClientSecret, client_type AS ClientType, application_type AS ApplicationType, " +
        "consent_type AS ConsentType, display_name AS DisplayName, display_names::text AS DisplayNames, json_web_key_set AS JsonWebKeySet, " +
        "permissions::text AS Permissions, redirect_uris::text AS RedirectUris, post_logout_redirect_uris::text AS PostLogoutRedirectUris, " +
        "requirements::text AS Requirements, settings::text AS Settings, properties::text AS Properties, " +
        "concurrency_token AS ConcurrencyToken, created_at AS CreatedAt, updated_at AS UpdatedAt";

    private const string CountSql = "SELECT count(*) FROM oidc_applications";
    private const string ByIdSql = $"SELECT {Columns} FROM oidc_applications WHERE id = @Id";
    private const string ByClientIdSql = $"SELECT {Columns} FROM oidc_applications WHERE client_id = @ClientId";
    private const string ByRedirectUriSql = $"SELECT {Columns} FROM oidc_applications WHERE redirect_uris @> jsonb_build_array(@Uri::text)";
    private const string ByPostLogoutRedirectUriSql = $"SELECT {Columns} FROM oidc_applications WHERE post_logout_redirect_uris @> jsonb_build_array(@Uri::text)";
    private const string CorsOriginSql = """
        SELECT EXISTS (SELECT 1 FROM oidc_applications
                       WHERE client_type = @ClientType AND properties -> @Property @> jsonb_build_array(@Origin::text))
        """;

    private const string ListSql = $"SELECT {Columns} FROM oidc_applications ORDER BY created_at, id LIMIT @Count OFFSET @Offset";

    private const string InsertSql = """
        INSERT INTO oidc_applications (id, client_id, client_secret, client_type, application_type, consent_type, display_name,
            display_names, json_web_key_set, permissions, redirect_uris, post_logout_redirect_uris, requirements, settings,
            properties, concurrency_token, created_at, updated_at)
        VALUES (@Id, @ClientId, @ClientSecret, @ClientType, @ApplicationType, @ConsentType, @DisplayName,
            @DisplayNames::jsonb, @JsonWebKeySet, @Permissions::jsonb, @RedirectUris::jsonb, @PostLogoutRedirectUris::jsonb,
            @Requirements::jsonb, @Settings::jsonb, @Properties::jsonb, @ConcurrencyToken, @CreatedAt, @UpdatedAt)
        """;

    private const string UpdateSql = """
        UPDATE oidc_applications
        SET client_id = @ClientId, client_secret = @ClientSecret, client_type = @ClientType, application_type = @ApplicationType,
            consent_type = @ConsentType, display_name = @DisplayName, display_names = @DisplayNames::jsonb,
            json_web_key_set = @JsonWebKeySet, permissions = @Permissions::jsonb, redirect_uris = @RedirectUris::jsonb,
            post_logout_redirect_uris = @PostLogoutRedirectUris::jsonb, requirements = @Requirements::jsonb,
            settings = @Settings::jsonb, properties = @Properties::jsonb, concurrency_token = @NewConcurrencyToken,
            updated_at = @UpdatedAt
        WHERE id = @Id AND concurrency_token = @ConcurrencyToken
        """;

    private const string DeleteSql = "DELETE FROM oidc_applications WHERE id = @Id AND concurrency_token = @ConcurrencyToken";

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await _rows.ScalarAsync<long>(CountSql, null, cancellationToken);

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OidcApplication>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public async ValueTask CreateAsync(OidcApplication application, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(time).UtcDateTime;
        application.CreatedAt = now;
        application.UpdatedAt = now;
        await Write(application, InsertSql, application, cancellationToken);
    }

    public async ValueTask DeleteAsync(OidcApplication application, CancellationToken cancellationToken) =>
        await Write(application, DeleteSql, new { application.Id, application.ConcurrencyToken }, cancellationToken);

    public async ValueTask UpdateAsync(OidcApplication application, CancellationToken cancellationToken)
    {
        var newToken = Guid.NewGuid().ToString();
        var updatedAt = Timestamps.Now(time).UtcDateTime;
        await Write(application, UpdateSql, new
        {
            application.Id, application.ClientId, application.ClientSecret, application.ClientType, application.ApplicationType,
            application.ConsentType, application.DisplayName, application.DisplayNames, application.JsonWebKeySet,
            application.Permissions, application.RedirectUris, application.PostLogoutRedirectUris, application.Requirements,
            application.Settings, application.Properties, application.ConcurrencyToken, NewConcurrencyToken = newToken, UpdatedAt = updatedAt,
        }, cancellationToken);
        application.ConcurrencyToken = newToken;
        application.UpdatedAt = updatedAt;
    }

    /// <summary>Whether a public app lists this browser origin for CORS (<see cref="OidcAppProperties.CorsOrigins"/>).</summary>
    public async Task<bool> IsCorsOriginAsync(string origin, CancellationToken ct) =>
        await _rows.ScalarAsync<bool>(CorsOriginSql,
            new { ClientType = OpenIddictConstants.ClientTypes.Public, Property = OidcAppProperties.CorsOrigins, Origin = origin }, ct);

    public async ValueTask<OidcApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? await _rows.SingleAsync(ByIdSql, new { Id = id }, cancellationToken) : null;

    public async ValueTask<OidcApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        await _rows.SingleAsync(ByClientIdSql, new { ClientId = identifier }, cancellationToken);

    public IAsyncEnumerable<OidcApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        _rows.ManyAsync(ByPostLogoutRedirectUriSql, new { Uri = uri }, cancellationToken);

    public IAsyncEnumerable<OidcApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        _rows.ManyAsync(ByRedirectUriSql, new { Uri = uri }, cancellationToken);

    public ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<OidcApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public ValueTask<OidcApplication> InstantiateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OidcApplication { Id = Guid.NewGuid() });

    public IAsyncEnumerable<OidcApplication> ListAsync(int? count, int? offset, CancellationToken cancellationToken) =>
        _rows.ManyAsync(ListSql, new { Count = count, Offset = offset ?? 0 }, cancellationToken);

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<OidcApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    /// <summary>The change, with the admin's audit event (if any) in its transaction; the event is never kept on the entity.</summary>
    private async Task Write(OidcApplication application, string sql, object parameters, CancellationToken ct)
    {
        var audit = application.PendingAudit;
        application.PendingAudit = null;
        await _rows.WriteOneAsync(sql, parameters, ct, audit);
    }
}
