using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Oidc.Keys;

/// <summary>
/// <c>/api/oidc/keys</c>: the rotation path. A new key is published in JWKS at once (on other instances
/// within <see cref="OidcKeyRefresher.Interval"/>) and becomes the signer after <see cref="ActivationDelay"/>,
/// so clients have it before any token signed with it reaches them; the old key stays published until retired.
/// </summary>
internal static class OidcKeysApi
{
    public static readonly TimeSpan ActivationDelay = 2 * OidcKeyRefresher.Interval;

    public static IEndpointRouteBuilder MapOidcKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapAdminApi(AdminApiPaths.OidcKeys, "OIDC keys");
        keys.MapGet("", ListKeys).WithName(nameof(ListKeys));
        keys.MapPost("", CreateKey).WithName(nameof(CreateKey));
        keys.MapDelete("/{kid}", RetireKey).WithName(nameof(RetireKey));
        return app;
    }

    public static async Task<Ok<OidcKeyResponse[]>> ListKeys(OidcKeyStore store, OidcKeyRing ring, CancellationToken ct)
    {
        var current = CurrentKids(ring);
        return TypedResults.Ok((await store.AllAsync(ct)).Select(row => OidcKeyResponse.From(row, current.Contains(row.Kid))).ToArray());
    }

    /// <summary>Body <c>{ "algorithm": "ES384" | "RS256" | "A256KW" }</c>.</summary>
    public static async Task<Results<Created<OidcKeyResponse>, ValidationProblem>> CreateKey(
        HttpRequest request, ClaimsPrincipal user, OidcKeyStore store, OidcKeyMaterial material, OidcKeyRing ring, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        var algorithm = body?["algorithm"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (body is not null && (algorithm is null || !OidcKeyAlgorithms.All.Contains(algorithm)))
        {
            errors.Add("algorithm", ErrorCodes.Field.OneOf, $"Must be one of {string.Join(", ", OidcKeyAlgorithms.All)}.");
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var now = Timestamps.Now(time);
        var row = material.Create(algorithm!, now, now + ActivationDelay);
        var audit = new AuditEntry(now, AdminActor.Of(user), OidcAudit.KeyCreated, row.Kid, AuditOutcomes.Success, new JsonObject { ["algorithm"] = algorithm });
        await store.InsertAsync(row, audit, ct);
        await ring.RefreshAsync(ct);
        return TypedResults.Created(AdminApiPaths.Of(request, AdminApiPaths.OidcKeys, row.Kid), OidcKeyResponse.From(row, current: false));
    }

    /// <summary>Stops publishing a key. The current key of an algorithm cannot be retired: rotate first.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RetireKey(
        string kid, ClaimsPrincipal user, OidcKeyStore store, OidcKeyRing ring, TimeProvider time, CancellationToken ct)
    {
        if (CurrentKids(ring).Contains(kid))
        {
            return ApiProblems.Conflict($"Key '{kid}' is the current key of its algorithm; create a new key and retire this one once the new one is current.");
        }

        var audit = new AuditEntry(Timestamps.Now(time), AdminActor.Of(user), OidcAudit.KeyRetired, kid, AuditOutcomes.Success, null);
        if (!await store.RetireAsync(kid, audit, ct))
        {
            return ApiProblems.NotFound(ErrorCodes.NotFound, "Key not found", $"No key in use has the id '{kid}'.");
        }

        await ring.RefreshAsync(ct);
        return TypedResults.NoContent();
    }

    private static HashSet<string> CurrentKids(OidcKeyRing ring)
    {
        var set = ring.Current;
        return [.. set.Current.Values.Select(credentials => credentials.Key.KeyId), set.Encryption[0].Key.KeyId];
    }
}
