using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Npgsql;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc.Stores;

/// <summary>
/// OpenIddict's scope store over <c>oidc_scopes</c>. The standard scopes are registered in code, so the
/// table is empty today; the store exists so that no part of OpenIddict falls back to degraded mode.
/// </summary>
internal sealed class OidcScopeStore(NpgsqlDataSource dataSource) : IOpenIddictScopeStore<OidcScope>
{
    private const string Columns =
        "id AS Id, name AS Name, display_name AS DisplayName, display_names::text AS DisplayNames, description AS Description, " +
        "descriptions::text AS Descriptions, resources::text AS Resources, properties::text AS Properties, concurrency_token AS ConcurrencyToken";

    private const string CountSql = "SELECT count(*) FROM oidc_scopes";
    private const string ByIdSql = $"SELECT {Columns} FROM oidc_scopes WHERE id = @Id";
    private const string ByNameSql = $"SELECT {Columns} FROM oidc_scopes WHERE name = @Name";
    private const string ByNamesSql = $"SELECT {Columns} FROM oidc_scopes WHERE name = ANY(@Names)";
    private const string ByResourceSql = $"SELECT {Columns} FROM oidc_scopes WHERE resources @> jsonb_build_array(@Resource::text)";
    private const string ListSql = $"SELECT {Columns} FROM oidc_scopes ORDER BY name LIMIT @Count OFFSET @Offset";

    private const string InsertSql = """
        INSERT INTO oidc_scopes (id, name, display_name, display_names, description, descriptions, resources, properties, concurrency_token)
        VALUES (@Id, @Name, @DisplayName, @DisplayNames::jsonb, @Description, @Descriptions::jsonb, @Resources::jsonb, @Properties::jsonb, @ConcurrencyToken)
        """;

    private const string UpdateSql = """
        UPDATE oidc_scopes
        SET name = @Name, display_name = @DisplayName, display_names = @DisplayNames::jsonb, description = @Description,
            descriptions = @Descriptions::jsonb, resources = @Resources::jsonb, properties = @Properties::jsonb,
            concurrency_token = @NewConcurrencyToken
        WHERE id = @Id AND concurrency_token = @ConcurrencyToken
        """;

    private const string DeleteSql = "DELETE FROM oidc_scopes WHERE id = @Id AND concurrency_token = @ConcurrencyToken";

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OidcScope>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public async ValueTask CreateAsync(OidcScope scope, CancellationToken cancellationToken) =>
        await ExecuteAsync(InsertSql, scope, cancellationToken);

    public async ValueTask DeleteAsync(OidcScope scope, CancellationToken cancellationToken) =>
        await ExecuteAsync(DeleteSql, new { scope.Id, scope.ConcurrencyToken }, cancellationToken);

    public async ValueTask UpdateAsync(OidcScope scope, CancellationToken cancellationToken)
    {
        var newToken = Guid.NewGuid().ToString();
        await ExecuteAsync(UpdateSql, new
        {
            scope.Id, scope.Name, scope.DisplayName, scope.DisplayNames, scope.Description, scope.Descriptions, scope.Resources,
            scope.Properties, scope.ConcurrencyToken, NewConcurrencyToken = newToken,
        }, cancellationToken);
        scope.ConcurrencyToken = newToken;
    }

    public async ValueTask<OidcScope?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        StoreJson.ParseId(identifier) is { } id ? await SingleAsync(ByIdSql, new { Id = id }, cancellationToken) : null;

    public async ValueTask<OidcScope?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        await SingleAsync(ByNameSql, new { Name = name }, cancellationToken);

    public IAsyncEnumerable<OidcScope> FindByNamesAsync(ImmutableArray<string> names, CancellationToken cancellationToken) =>
        ManyAsync(ByNamesSql, new { Names = names.IsDefault ? [] : names.ToArray() }, cancellationToken);

    public IAsyncEnumerable<OidcScope> FindByResourceAsync(string resource, CancellationToken cancellationToken) =>
        ManyAsync(ByResourceSql, new { Resource = resource }, cancellationToken);

    public ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<OidcScope>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public ValueTask<string?> GetDescriptionAsync(OidcScope scope, CancellationToken cancellationToken) => new(scope.Description);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDescriptionsAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new(StoreJson.ReadLocalized(scope.Descriptions));

    public ValueTask<string?> GetDisplayNameAsync(OidcScope scope, CancellationToken cancellationToken) => new(scope.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new(StoreJson.ReadLocalized(scope.DisplayNames));

    public ValueTask<string?> GetIdAsync(OidcScope scope, CancellationToken cancellationToken) => new(scope.Id.ToString());

    public ValueTask<string?> GetNameAsync(OidcScope scope, CancellationToken cancellationToken) => new(scope.Name);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new(StoreJson.ReadProperties(scope.Properties));

    public ValueTask<ImmutableArray<string>> GetResourcesAsync(OidcScope scope, CancellationToken cancellationToken) =>
        new(StoreJson.ReadArray(scope.Resources));

    public ValueTask<OidcScope> InstantiateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OidcScope { Id = Guid.NewGuid() });

    public IAsyncEnumerable<OidcScope> ListAsync(int? count, int? offset, CancellationToken cancellationToken) =>
        ManyAsync(ListSql, new { Count = count, Offset = offset ?? 0 }, cancellationToken);

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<OidcScope>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreJson.NoQueryable();

    public ValueTask SetDescriptionAsync(OidcScope scope, string? description, CancellationToken cancellationToken) =>
        Set(() => scope.Description = description);

    public ValueTask SetDescriptionsAsync(OidcScope scope, ImmutableDictionary<CultureInfo, string> descriptions, CancellationToken cancellationToken) =>
        Set(() => scope.Descriptions = StoreJson.WriteLocalized(descriptions));

    public ValueTask SetDisplayNameAsync(OidcScope scope, string? name, CancellationToken cancellationToken) =>
        Set(() => scope.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(OidcScope scope, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => scope.DisplayNames = StoreJson.WriteLocalized(names));

    public ValueTask SetNameAsync(OidcScope scope, string? name, CancellationToken cancellationToken) => Set(() => scope.Name = name);

    public ValueTask SetPropertiesAsync(OidcScope scope, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => scope.Properties = StoreJson.WriteProperties(properties));

    public ValueTask SetResourcesAsync(OidcScope scope, ImmutableArray<string> resources, CancellationToken cancellationToken) =>
        Set(() => scope.Resources = StoreJson.WriteArray(resources));

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)) != 1)
        {
            throw new OpenIddictExceptions.ConcurrencyException("The scope was changed or deleted by another writer.");
        }
    }

    private async Task<OidcScope?> SingleAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OidcScope>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    private async IAsyncEnumerable<OidcScope> ManyAsync(string sql, object parameters, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var row in await connection.QueryAsync<OidcScope>(new CommandDefinition(sql, parameters, cancellationToken: ct)))
        {
            yield return row;
        }
    }
}
