using System.Collections.Immutable;
using Dapper;
using Npgsql;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Stores;

/// <summary>OpenIddict's authorization store over <c>oidc_authorizations</c>; updates are optimistic.</summary>
internal sealed partial class OidcAuthorizationStore(NpgsqlDataSource dataSource) : IOpenIddictAuthorizationStore<OidcAuthorization>
{
    private readonly StoreRows<OidcAuthorization> _rows = new(dataSource, "authorization");

    private const string Columns =
        "id AS Id, application_id AS ApplicationId, subject AS Subject, status AS Status, type AS Type, scopes::text AS Scopes, " +
        "properties::text AS Properties, creation_date AS CreationDate, concurrency_token AS ConcurrencyToken";

    private const string CountSql = "SELECT count(*) FROM oidc_authorizations";
    private const string ByIdSql = $"SELECT {Columns} FROM oidc_authorizations WHERE id = @Id";
    private const string ByApplicationSql = $"SELECT {Columns} FROM oidc_authorizations WHERE application_id = @Id";
    private const string BySubjectSql = $"SELECT {Columns} FROM oidc_authorizations WHERE subject = @Subject";
    private const string ListSql = $"SELECT {Columns} FROM oidc_authorizations ORDER BY creation_date, id LIMIT @Count OFFSET @Offset";

    // Absent criteria match everything; scopes must all be granted (jsonb containment).
    private const string FindSql = $"""
        SELECT {Columns} FROM oidc_authorizations
        WHERE (@Subject::text IS NULL OR subject = @Subject)
          AND (@Client::uuid IS NULL OR application_id = @Client)
          AND (@Status::text IS NULL OR status = @Status)
          AND (@Type::text IS NULL OR type = @Type)
          AND (@Scopes::jsonb IS NULL OR scopes @> @Scopes::jsonb)
        """;

    private const string InsertSql = """
        INSERT INTO oidc_authorizations (id, application_id, subject, status, type, scopes, properties, creation_date, concurrency_token)
        VALUES (@Id, @ApplicationId, @Subject, @Status, @Type, @Scopes::jsonb, @Properties::jsonb, @CreationDate, @ConcurrencyToken)
        """;

    private const string UpdateSql = """
        UPDATE oidc_authorizations
        SET application_id = @ApplicationId, subject = @Subject, status = @Status, type = @Type, scopes = @Scopes::jsonb,
            properties = @Properties::jsonb, creation_date = @CreationDate, concurrency_token = @NewConcurrencyToken
        WHERE id = @Id AND concurrency_token = @ConcurrencyToken
        """;

    private const string DeleteSql = "DELETE FROM oidc_authorizations WHERE id = @Id AND concurrency_token = @ConcurrencyToken";

    private const string RevokeSql = """
        UPDATE oidc_authorizations SET status = @Revoked, concurrency_token = gen_random_uuid()::text
        WHERE (@Subject::text IS NULL OR subject = @Subject)
          AND (@Client::uuid IS NULL OR application_id = @Client)
          AND (@Status::text IS NULL OR status = @Status)
          AND (@Type::text IS NULL OR type = @Type)
          AND status IS DISTINCT FROM @Revoked
        """;

    // What OpenIddict's own stores prune: old authorizations that are no longer valid, or ad-hoc ones without tokens.
    private const string PruneSql = """
        DELETE FROM oidc_authorizations a
        WHERE a.creation_date < @Threshold
          AND (a.status IS DISTINCT FROM @Valid
               OR (a.type = @AdHoc AND NOT EXISTS (SELECT 1 FROM oidc_tokens t WHERE t.authorization_id = a.id)))
        """;

    // The user's tokens go with their authorizations (ON DELETE CASCADE).
    private const string DeleteBySubjectSql = "DELETE FROM oidc_authorizations WHERE subject = @Subject";

    /// <summary>Revokes every authorization of a user, in the caller's transaction.</summary>
    public static Task<int> RevokeBySubjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string subject, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { Subject = subject, Client = (Guid?)null, Status = (string?)null, Type = (string?)null, Revoked = Statuses.Revoked },
            transaction, cancellationToken: ct));

    /// <summary>Deletes every authorization of a user, in the caller's transaction.</summary>
    public static Task<int> DeleteBySubjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string subject, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteBySubjectSql, new { Subject = subject }, transaction, cancellationToken: ct));

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await _rows.ScalarAsync<long>(CountSql, null, cancellationToken);

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OidcAuthorization>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public async ValueTask CreateAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        await _rows.WriteOneAsync(InsertSql, authorization, cancellationToken);

    public async ValueTask DeleteAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        await _rows.WriteOneAsync(DeleteSql, new { authorization.Id, authorization.ConcurrencyToken }, cancellationToken);

    public async ValueTask UpdateAsync(OidcAuthorization authorization, CancellationToken cancellationToken)
    {
        var newToken = Guid.NewGuid().ToString();
        await _rows.WriteOneAsync(UpdateSql, new
        {
            authorization.Id, authorization.ApplicationId, authorization.Subject, authorization.Status, authorization.Type,
            authorization.Scopes, authorization.Properties, authorization.CreationDate, authorization.ConcurrencyToken,
            NewConcurrencyToken = newToken,
        }, cancellationToken);
        authorization.ConcurrencyToken = newToken;
    }

    public IAsyncEnumerable<OidcAuthorization> FindAsync(
        string? subject, string? client, string? status, string? type, ImmutableArray<string>? scopes, CancellationToken cancellationToken)
    {
        if (client is not null && StoreJson.ParseId(client) is null)
        {
            return AsyncEnumerable.Empty<OidcAuthorization>();
        }

        var scopesJson = scopes is { IsDefaultOrEmpty: false } requested ? StoreJson.WriteArray(requested) : null;
        return _rows.ManyAsync(FindSql, new { Subject = subject, Client = StoreJson.ParseId(client), Status = status, Type = type, Scopes = scopesJson }, cancellationToken);
    }

    public IAsyncEnumerable<OidcAuthorization> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? _rows.ManyAsync(ByApplicationSql, new { Id = id }, cancellationToken) : AsyncEnumerable.Empty<OidcAuthorization>();

    public async ValueTask<OidcAuthorization?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? await _rows.SingleAsync(ByIdSql, new { Id = id }, cancellationToken) : null;

    public IAsyncEnumerable<OidcAuthorization> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        _rows.ManyAsync(BySubjectSql, new { Subject = subject }, cancellationToken);

    public ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<OidcAuthorization>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public ValueTask<OidcAuthorization> InstantiateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OidcAuthorization { Id = Guid.NewGuid() });

    public IAsyncEnumerable<OidcAuthorization> ListAsync(int? count, int? offset, CancellationToken cancellationToken) =>
        _rows.ManyAsync(ListSql, new { Count = count, Offset = offset ?? 0 }, cancellationToken);

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<OidcAuthorization>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken) =>
        await _rows.ExecuteAsync(PruneSql, new { Threshold = threshold, Valid = Statuses.Valid, AdHoc = AuthorizationTypes.AdHoc }, cancellationToken);

    public async ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken)
    {
        if (client is not null && StoreJson.ParseId(client) is null)
        {
            return 0;
        }

        return await _rows.ExecuteAsync(RevokeSql, new { Subject = subject, Client = StoreJson.ParseId(client), Status = status, Type = type, Revoked = Statuses.Revoked }, cancellationToken);
    }

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is null ? ValueTask.FromResult(0L) : RevokeAsync(null, identifier, null, null, cancellationToken);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        RevokeAsync(subject, null, null, null, cancellationToken);
}
