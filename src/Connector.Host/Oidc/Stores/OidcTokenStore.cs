using Dapper;
using Npgsql;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Stores;

/// <summary>
/// OpenIddict's token store over <c>oidc_tokens</c>. The update is optimistic: it names the concurrency
/// token it read and throws <see cref="OpenIddictExceptions.ConcurrencyException"/> when another writer got
/// there first, which is what makes two simultaneous redemptions of one code fail but for one.
/// </summary>
internal sealed partial class OidcTokenStore(NpgsqlDataSource dataSource, TimeProvider time) : IOpenIddictTokenStore<OidcToken>
{
    private readonly StoreRows<OidcToken> _rows = new(dataSource, "token");

    private const string Columns =
        "id AS Id, application_id AS ApplicationId, authorization_id AS AuthorizationId, subject AS Subject, type AS Type, status AS Status, " +
        "payload AS Payload, reference_id AS ReferenceId, creation_date AS CreationDate, expiration_date AS ExpirationDate, " +
        "redemption_date AS RedemptionDate, properties::text AS Properties, concurrency_token AS ConcurrencyToken";

    private const string CountSql = "SELECT count(*) FROM oidc_tokens";
    private const string ByIdSql = $"SELECT {Columns} FROM oidc_tokens WHERE id = @Id";
    private const string ByReferenceIdSql = $"SELECT {Columns} FROM oidc_tokens WHERE reference_id = @ReferenceId";
    private const string ByApplicationSql = $"SELECT {Columns} FROM oidc_tokens WHERE application_id = @Id";
    private const string ByAuthorizationSql = $"SELECT {Columns} FROM oidc_tokens WHERE authorization_id = @Id";
    private const string BySubjectSql = $"SELECT {Columns} FROM oidc_tokens WHERE subject = @Subject";
    private const string ListSql = $"SELECT {Columns} FROM oidc_tokens ORDER BY creation_date, id LIMIT @Count OFFSET @Offset";

    private const string Criteria = """
        (@Subject::text IS NULL OR subject = @Subject)
          AND (@Client::uuid IS NULL OR application_id = @Client)
          AND (@Status::text IS NULL OR status = @Status)
          AND (@Type::text IS NULL OR type = @Type)
        """;

    private const string FindSql = $"SELECT {Columns} FROM oidc_tokens WHERE {Criteria}";

    private const string InsertSql = """
        INSERT INTO oidc_tokens (id, application_id, authorization_id, subject, type, status, payload, reference_id,
            creation_date, expiration_date, redemption_date, properties, concurrency_token)
        VALUES (@Id, @ApplicationId, @AuthorizationId, @Subject, @Type, @Status, @Payload, @ReferenceId,
            @CreationDate, @ExpirationDate, @RedemptionDate, @Properties::jsonb, @ConcurrencyToken)
        """;

    private const string UpdateSql = """
        UPDATE oidc_tokens
        SET application_id = @ApplicationId, authorization_id = @AuthorizationId, subject = @Subject, type = @Type,
            status = @Status, payload = @Payload, reference_id = @ReferenceId, creation_date = @CreationDate,
            expiration_date = @ExpirationDate, redemption_date = @RedemptionDate, properties = @Properties::jsonb,
            concurrency_token = @NewConcurrencyToken
        WHERE id = @Id AND concurrency_token = @ConcurrencyToken
        """;

    private const string DeleteSql = "DELETE FROM oidc_tokens WHERE id = @Id AND concurrency_token = @ConcurrencyToken";

    // A bulk revocation also changes the concurrency token, so a redemption racing with it fails.
    private const string RevokeSql = $"""
        UPDATE oidc_tokens SET status = @Revoked, concurrency_token = gen_random_uuid()::text
        WHERE {Criteria} AND status IS DISTINCT FROM @Revoked
        """;

    private const string RevokeByAuthorizationSql = """
        UPDATE oidc_tokens SET status = @Revoked, concurrency_token = gen_random_uuid()::text
        WHERE authorization_id = @Id AND status IS DISTINCT FROM @Revoked
        """;

    // What OpenIddict's own stores prune: old tokens that are spent, expired, or whose authorization is no longer valid.
    private const string PruneSql = """
        DELETE FROM oidc_tokens t
        WHERE t.creation_date < @Threshold
          AND (t.status NOT IN (@Inactive, @Valid)
               OR t.expiration_date < @Now
               OR EXISTS (SELECT 1 FROM oidc_authorizations a WHERE a.id = t.authorization_id AND a.status IS DISTINCT FROM @Valid))
        """;

    private const string DeleteBySubjectSql = "DELETE FROM oidc_tokens WHERE subject = @Subject";

    /// <summary>Revokes every token of a user, in the caller's transaction (a user signed out everywhere).</summary>
    public static Task<int> RevokeBySubjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string subject, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { Subject = subject, Client = (Guid?)null, Status = (string?)null, Type = (string?)null, Revoked = Statuses.Revoked },
            transaction, cancellationToken: ct));

    /// <summary>Deletes every token of a user, in the caller's transaction (a user erased).</summary>
    public static Task<int> DeleteBySubjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string subject, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteBySubjectSql, new { Subject = subject }, transaction, cancellationToken: ct));

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await _rows.ScalarAsync<long>(CountSql, null, cancellationToken);

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OidcToken>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public async ValueTask CreateAsync(OidcToken token, CancellationToken cancellationToken) =>
        await _rows.WriteOneAsync(InsertSql, token, cancellationToken);

    public async ValueTask DeleteAsync(OidcToken token, CancellationToken cancellationToken) =>
        await _rows.WriteOneAsync(DeleteSql, new { token.Id, token.ConcurrencyToken }, cancellationToken);

    public async ValueTask UpdateAsync(OidcToken token, CancellationToken cancellationToken)
    {
        var newToken = Guid.NewGuid().ToString();
        await _rows.WriteOneAsync(UpdateSql, new
        {
            token.Id, token.ApplicationId, token.AuthorizationId, token.Subject, token.Type, token.Status, token.Payload,
            token.ReferenceId, token.CreationDate, token.ExpirationDate, token.RedemptionDate, token.Properties,
            token.ConcurrencyToken, NewConcurrencyToken = newToken,
        }, cancellationToken);
        token.ConcurrencyToken = newToken;
    }

    public IAsyncEnumerable<OidcToken> FindAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        client is not null && StoreJson.ParseId(client) is null
            ? AsyncEnumerable.Empty<OidcToken>()
            : _rows.ManyAsync(FindSql, new { Subject = subject, Client = StoreJson.ParseId(client), Status = status, Type = type }, cancellationToken);

    public IAsyncEnumerable<OidcToken> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? _rows.ManyAsync(ByApplicationSql, new { Id = id }, cancellationToken) : AsyncEnumerable.Empty<OidcToken>();

    public IAsyncEnumerable<OidcToken> FindByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? _rows.ManyAsync(ByAuthorizationSql, new { Id = id }, cancellationToken) : AsyncEnumerable.Empty<OidcToken>();

    public async ValueTask<OidcToken?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? await _rows.SingleAsync(ByIdSql, new { Id = id }, cancellationToken) : null;

    public async ValueTask<OidcToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken) =>
        await _rows.SingleAsync(ByReferenceIdSql, new { ReferenceId = identifier }, cancellationToken);

    public IAsyncEnumerable<OidcToken> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        _rows.ManyAsync(BySubjectSql, new { Subject = subject }, cancellationToken);

    public ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<OidcToken>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public ValueTask<OidcToken> InstantiateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OidcToken { Id = Guid.NewGuid() });

    public IAsyncEnumerable<OidcToken> ListAsync(int? count, int? offset, CancellationToken cancellationToken) =>
        _rows.ManyAsync(ListSql, new { Count = count, Offset = offset ?? 0 }, cancellationToken);

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<OidcToken>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken) =>
        await _rows.ExecuteAsync(PruneSql, new { Threshold = threshold, Now = time.GetUtcNow(), Inactive = Statuses.Inactive, Valid = Statuses.Valid }, cancellationToken);

    public async ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        client is not null && StoreJson.ParseId(client) is null
            ? 0
            : await _rows.ExecuteAsync(RevokeSql, new { Subject = subject, Client = StoreJson.ParseId(client), Status = status, Type = type, Revoked = Statuses.Revoked }, cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken = default) =>
        StoreJson.ParseId(identifier) is null ? ValueTask.FromResult(0L) : RevokeAsync(null, identifier, null, null, cancellationToken);

    public async ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? await _rows.ExecuteAsync(RevokeByAuthorizationSql, new { Id = id, Revoked = Statuses.Revoked }, cancellationToken) : 0;

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken = default) =>
        RevokeAsync(subject, null, null, null, cancellationToken);
}
